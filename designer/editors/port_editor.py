"""The send port editor: every setting of one port, in pages, each committed edit one undo step.

Fields commit when editing them finishes; leaving the editor (another port selected, the
editor hidden, the window closed: see ``InspectorPanel``) commits what is still pending."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from designer.document import Refused, WorkspaceDocument
from designer.editors.desired_state import DesiredStateRow
from designer.editors.environment_marks import EnvironmentMarks
from designer.editors.fields import ErrorLabel, Sessions
from designer.editors.known_values import KnownValues
from designer.editors.pages import Page
from designer.editors.port_pages import (
    AdvancedPage,
    CertificatePage,
    FiltersPage,
    GeneralPage,
    MapsPage,
    PipelinesPage,
    TrackingPage,
    TransportPage,
)
from designer.editors.setting_binding import SettingBinder
from designer.entry_text import fill, port_kind_text, state_text
from designer.icons import icon
from model.domain import SendPort
from model.lifecycle import Kind

#: First segment of a field path -> the page that edits it (problems jump there).
PAGE_OF = {
    "name": 0,
    "description": 0,
    "application": 0,
    "primary_transport": 1,
    "secondary_transport": 2,
    "ordered_delivery": 3,
    "stop_sending_on_failure": 3,
    "route_failed_messages": 3,
    "priority": 3,
    "send_pipeline": 4,
    "send_pipeline_data": 4,
    "receive_pipeline": 4,
    "receive_pipeline_data": 4,
    "outbound_maps": 5,
    "inbound_maps": 5,
    "filter": 6,
    "encryption_cert": 7,
    "tracking": 8,
}
#: The page list's width with names, and with icons only (below COMPACT_WIDTH for the editor).
LIST_WIDTH, COMPACT_LIST_WIDTH, COMPACT_WIDTH = 138, 36, 560
ADVANCED_TRANSPORT = ("retry_count", "retry_interval", "service_window_enabled", "from_time", "to_time")


class PortEditor(QWidget):
    """Pages on the left, the page on the right; writes through the document only."""

    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portEditor")
        self.doc = document
        self.name: str | None = None
        self.sessions = Sessions(self)
        self.header = QLabel()
        self.header.setObjectName("portEditorHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        #: the state after deployment (not a setting of the port: kept with the design)
        self.desired = DesiredStateRow(document)
        self.list = QListWidget()
        self.list.setObjectName("portEditorPages")
        self.list.setIconSize(QSize(18, 18))
        self.list.setFixedWidth(LIST_WIDTH)
        self.compact = False
        self.stack = QStackedWidget()
        self.general = GeneralPage(self.sessions)
        self.general.rename_requested.connect(self._rename)
        self.filters = FiltersPage(self.sessions)
        #: Hosts and pipelines for the pickers: BizTalk's, and what the workspace's ports use.
        self.known = KnownValues()
        self.pages: list[Page] = [
            self.general,
            TransportPage(self.sessions, backup=False, known=self.known),
            TransportPage(self.sessions, backup=True, known=self.known),
            AdvancedPage(self.sessions),
            PipelinesPage(self.sessions, known=self.known),
            MapsPage(self.sessions),
            self.filters,
            CertificatePage(self.sessions),
            TrackingPage(self.sessions),
        ]
        icons = (
            "general",
            "transport",
            "backup-transport",
            "advanced",
            "pipeline",
            "map",
            "filter",
            "certificate",
            "tracking",
        )
        for page, icon_name in zip(self.pages, icons, strict=True):
            item = QListWidgetItem(icon(icon_name), page.title)
            item.setToolTip(page.title)
            self.list.addItem(item)
            self.stack.addWidget(page)
            page.changed.connect(self._on_page_changed)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.list.setCurrentRow(0)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.desired)
        layout.addLayout(body, 1)
        self.message = ErrorLabel()
        self.message.setObjectName("editorMessage")
        layout.addWidget(self.message)
        document.item_changed.connect(self._on_doc_item_changed)
        document.item_renamed.connect(self._on_doc_item_renamed)
        document.reloaded.connect(self.reload)
        self._reload_timer = QTimer(self, singleShot=True, interval=0)
        self._reload_timer.timeout.connect(self.reload)
        # The pickers list what the workspace's ports use: asked of the document once a port is
        # shown, again after a reload.
        self._known_read = False
        document.reloaded.connect(self._on_doc_reloaded)
        self.environment_marks = EnvironmentMarks(self, document.settings)
        # "Bind to Setting…", "Override in <environment>…", "Unbind" on the fields' menus
        self.binder = SettingBinder(self, document, self._owner)
        self.binder.refused.connect(self.message.show_message)
        self.environment_marks.mark_clicked.connect(self.binder.popup)

    # -- showing ------------------------------------------------------------------------------

    def set_port(self, name: str | None) -> None:
        """Show port ``name`` (None: nothing); what was typed for the previous port is committed first."""
        if name != self.name:
            self.commit_pending()
            self.sessions.finish()
            for page in self.pages:
                page.forget()
        self.name = name
        if name is not None and not self._known_read:
            self._known_read = True
            hosts, pipelines = self.doc.known_values()
            self.known.add_known(hosts, pipelines)
            self._refresh_choices()
        self.reload()

    def commit_pending(self) -> None:
        """Commit every field's input not committed yet (Enter or leaving the field would have)."""
        if self.name is not None:
            for page in self.pages:
                page.commit_pending()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_compact(event.size().width() < COMPACT_WIDTH)

    def _set_compact(self, compact: bool) -> None:
        """In a narrow dock the page list shows icons only (names in tooltips and page headings),
        leaving the width to the fields."""
        if compact == self.compact:
            return
        self.compact = compact
        self.list.setFixedWidth(COMPACT_LIST_WIDTH if compact else LIST_WIDTH)
        for row, page in enumerate(self.pages):
            item = self.list.item(row)
            if item is not None:
                item.setText("" if compact else page.title)

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit_pending()
        super().hideEvent(event)

    def reload(self) -> None:
        """Re-read the port (after any change, ours or from undo, or another session's)."""
        self.message.show_message(None)
        self.desired.show_for(Kind.PORT, self.name)
        if self.name is None:
            return
        try:
            record = self.doc.port(self.name)
        except Exception:  # noqa: BLE001 - deleted meanwhile: show nothing rather than fail
            self.name = None
            self.desired.show_for(Kind.PORT, None)
            return
        port = record.model
        self.known.add_port(port)
        self.general.taken = {e.name for e in self.doc.entries() if e.kind is Kind.PORT}
        self.filters.builder.set_known_properties(self.doc.filter_properties())
        kind = port_kind_text(port.is_static is not False, port.is_two_way is True)
        line = fill(
            QCoreApplication.translate("PortEditor", "%1 send port · %2 · %3"),
            _esc(kind),
            _esc(state_text(record.state)),
            _esc(record.application),
        )
        self.header.setText(f"<b>{_esc(port.name)}</b><br><span style='color:#5f6368'>{line}</span>")
        for page in self.pages:
            page.load(port)
        self.environment_marks.show_for(record.application)
        self.binder.fields()  # the adapter's fields are new with each adapter

    def _owner(self) -> tuple[str, str] | None:
        """The port shown and its application (what a setting for one of its fields belongs to)."""
        entry = self.doc.entry(Kind.PORT, self.name) if self.name is not None else None
        return (entry.name, entry.application) if entry is not None else None

    def port(self) -> SendPort | None:
        return self.general.model

    def _on_doc_reloaded(self) -> None:
        self._known_read = False  # read again when a port is shown

    def _refresh_choices(self) -> None:
        for page in self.pages:
            if isinstance(page, TransportPage | PipelinesPage):
                page.refresh_choices()

    def _on_doc_item_changed(self, kind: str, name: str) -> None:
        if kind == Kind.PORT.value and name == self.name:
            self._reload_timer.start()

    def _on_doc_item_renamed(self, kind: str, old: str, new: str) -> None:
        if kind == Kind.PORT.value and old == self.name:
            self.name = new
            self._reload_timer.start()

    # -- writing ------------------------------------------------------------------------------

    def _on_page_changed(self, port: Any, merge_key: str, text: str) -> None:
        if self.name is None:
            return
        try:
            self.doc.edit_port(self.name, port, text, merge_key or None)
            for page in self.pages:  # the next edit, even before the reload, builds on this one
                page.load(port)
            self.message.show_message(None)
        except Refused as e:
            self.reload()
            self.message.show_message(str(e))  # after the reload, which clears it

    def _rename(self, new: str) -> None:
        if self.name is None:
            return
        try:
            self.doc.rename(Kind.PORT, self.name, new)
        except Refused as e:
            self.message.show_message(str(e))

    # -- problems -----------------------------------------------------------------------------

    def focus_field(self, path: str) -> bool:
        """Open the page of a field path (as problems name them) and focus its widget."""
        first = path.split(".", 1)[0].split("[", 1)[0]
        index = PAGE_OF.get(first)
        if first == "primary_transport" and any(f".{a}" in path for a in ADVANCED_TRANSPORT):
            index = 3
        if index is None:
            return False
        self.list.setCurrentRow(index)
        page = self.pages[index]
        return page.focus_field(path) or page.focus_field(first)


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
