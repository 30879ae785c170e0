"""The properties dock: editors for one port or group, a summary for anything else.

Editors commit a field when editing it finishes; what is still pending is committed when
the selection moves on (the editors do that) and before a window holding the dock closes:
the panel watches its windows' Close events, which arrive before the window shuts the
workspace, whereas the hide that follows would be too late.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from designer.document import WorkspaceDocument
from designer.editors.group_editor import GroupEditor
from designer.editors.port_editor import PortEditor
from designer.panels.properties import PropertiesPanel
from model.lifecycle import Kind


class InspectorPanel(QWidget):
    """One send port: its editor; one group: the group editor; none or several: a summary."""

    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.doc = document
        self.summary = PropertiesPanel(document)
        self._port_editor: PortEditor | None = None
        self._group_editor: GroupEditor | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        document.item_removed.connect(self._on_removed)
        self._keys: list[tuple[str, str]] = []

    # The editors are built when first needed: opening a workspace shows no editor.
    @property
    def port_editor(self) -> PortEditor:
        if self._port_editor is None:
            self._port_editor = PortEditor(self.doc)
            self.stack.addWidget(self._port_editor)
        return self._port_editor

    @property
    def group_editor(self) -> GroupEditor:
        if self._group_editor is None:
            self._group_editor = GroupEditor(self.doc)
            self.stack.addWidget(self._group_editor)
        return self._group_editor

    def show_selection(self, keys: Sequence[tuple[str, str]]) -> None:
        self._keys = [(str(k), n) for k, n in keys]
        self.summary.show_selection(self._keys)
        if len(self._keys) == 1 and self._keys[0][0] == Kind.PORT.value:
            self.port_editor.set_port(self._keys[0][1])
            self.stack.setCurrentWidget(self.port_editor)
        elif len(self._keys) == 1:
            self.group_editor.set_group(self._keys[0][1])
            self.stack.setCurrentWidget(self.group_editor)
        else:
            if self._port_editor is not None:
                self._port_editor.set_port(None)
            if self._group_editor is not None:
                self._group_editor.set_group(None)
            self.stack.setCurrentWidget(self.summary)

    def shown_keys(self) -> list[tuple[str, str]]:
        return list(self._keys)

    def commit_pending(self) -> None:
        """Commit what the editors hold that editing has not finished yet."""
        for editor in (self._port_editor, self._group_editor):
            if editor is not None:
                editor.commit_pending()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        widget: QWidget | None = self
        while widget is not None:  # a floating dock is a window of its own, inside the main window
            if widget.isWindow():
                widget.installEventFilter(self)  # installed once, however often this runs
            widget = widget.parentWidget()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.commit_pending()
        return False

    def focus_field(self, path: str) -> bool:
        """Show and focus the widget editing ``path`` (from a clicked problem)."""
        current = self.stack.currentWidget()
        if current is not None and current is self._port_editor:
            return self._port_editor.focus_field(path)
        if current is not None and current is self._group_editor:
            return self._group_editor.focus_field(path)
        return False

    def _on_removed(self, kind: str, name: str) -> None:
        if (kind, name) in self._keys:
            self.show_selection([k for k in self._keys if k != (kind, name)])
