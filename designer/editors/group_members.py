"""The group editor's member list as a drop target, and which ports may join a group.

Drops come from the explorer (``application/x-portwright-entries``: ports and groups) or as
the older plain list of port names; what may join is asked of :mod:`model.lifecycle`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QListWidget

from designer.canvas.view import ENTRIES_MIME, PORTS_MIME, entries_from_mime
from model import lifecycle
from model.lifecycle import Kind, Verdict, View

__all__ = ["MemberList", "dropped_entries", "member_verdicts"]


def member_verdicts(view: View, group: str, ports: Iterable[str]) -> dict[str, Verdict]:
    """:func:`model.lifecycle.can_add_member` for each of ``ports``, in time linear in their
    number: each is asked of a view that holds the port, the group and the group's
    application's references (what joining a group is decided on), not of the whole workspace,
    which the rule would copy for every port asked about."""
    info = view.groups.get(group)
    if info is None:
        return {p: lifecycle.can_add_member(view, group, p) for p in ports}
    app = info.application
    references = {app: view.references[app]} if app is not None and app in view.references else {}
    verdicts: dict[str, Verdict] = {}
    for name in ports:
        port = view.ports.get(name)
        small = View.of([port] if port is not None else [], [info], references)
        verdicts[name] = lifecycle.can_add_member(small, group, name)
    return verdicts


def dropped_entries(mime: QMimeData) -> list[tuple[Kind, str]] | None:
    """What a drop carries: explorer entries (ports and groups), or the older list of port
    names; None when it carries neither (or entries that cannot be read)."""
    if mime.hasFormat(ENTRIES_MIME):
        return entries_from_mime(mime)
    if mime.hasFormat(PORTS_MIME):
        names = bytes(mime.data(PORTS_MIME).data()).decode("utf-8", "replace").split("\n")
        return [(Kind.PORT, n) for n in names if n]
    return None


class MemberList(QListWidget):
    """Members; send ports dragged from the explorer (or the canvas) are dropped here to be added."""

    def __init__(self, on_drop: Any) -> None:
        super().__init__()
        self.setObjectName("members")
        self.setAcceptDrops(True)
        self.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self._on_drop = on_drop

    @staticmethod
    def _takes(mime: QMimeData) -> bool:
        return mime.hasFormat(ENTRIES_MIME) or mime.hasFormat(PORTS_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._takes(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._takes(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._takes(event.mimeData()):
            entries = dropped_entries(event.mimeData())
            if entries is None:
                event.ignore()
                return
            self._on_drop(entries)
            event.acceptProposedAction()
        else:
            super().dropEvent(event)
