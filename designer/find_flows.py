"""Find flows: find by text and step through the matches; go to an item by name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject

from designer.canvas.items import NodeItem
from designer.document import WorkspaceDocument
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model.lifecycle import Kind


def tr(text: str) -> str:
    return QCoreApplication.translate("FindFlows", text)


class FindFlows(QObject):
    """The find box's matches, in reading order, and going to one of them."""

    def __init__(
        self, parent: QObject, document: Callable[[], WorkspaceDocument], selection: CanvasSelection, reporter: Reporter
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._reporter = reporter
        self._hits: list[NodeItem] = []
        self._index = -1

    def find(self, text: str) -> None:
        self._hits = self._selection.find(text)
        self._index = -1
        if text.strip():
            self._reporter.say(tr("%d match(es)") % len(self._hits), 3000)
            self.find_next()

    def find_next(self) -> None:
        if not self._hits:
            return
        self._index = (self._index + 1) % len(self._hits)
        self._selection.reveal(self._hits[self._index].key)

    def select_name(self, name: str) -> bool:
        """Select (and show) the send port, or else the group, called ``name``."""
        doc = self._document()
        for kind in (Kind.PORT, Kind.GROUP):
            if doc.entry(kind, name) is not None:
                self._selection.reveal((kind, name))
                return True
        self._reporter.say(tr("No send port or group named '%s'") % name)
        return False
