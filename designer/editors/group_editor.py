"""The send port group editor: name, description, filter and members (under the rules).

Fields commit when editing them finishes; leaving the editor commits what is pending. Ports
dropped from the explorer join the group as one undo step, those the rules allow; the others
are named with the reason in the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.document import Refused, WorkspaceDocument
from designer.editors.desired_state import DesiredStateRow
from designer.editors.fields import ErrorLabel, Sessions, mark
from designer.editors.filter_builder import FilterBuilder
from designer.editors.form_rows import TextRow
from designer.editors.group_members import MemberList, member_verdicts
from designer.editors.pages import Page
from designer.entry_text import fill, state_text
from designer.icons import icon
from designer.reporting import Reporter
from model import lifecycle, port_edits
from model.domain import SendPortGroup
from model.lifecycle import Kind, State


class GroupPage(Page):
    """Name, description, filter and members of one group; membership and renames are requests
    the editor carries out (each its own command)."""

    add_requested = Signal(list)  # port names
    dropped = Signal(list)  # [(Kind, name), ...] dropped on the member list
    remove_requested = Signal(list)
    rename_requested = Signal(str)

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("GroupEditor", "Send Port Group"), sessions)
        self.taken: set[str] = set()
        self.name = TextRow(
            self,
            QCoreApplication.translate("GroupEditor", "Name:"),
            "name",
            SendPortGroup,
            "name",
            lambda g, v: g,
            problem=self._name_problem,
            submit=self._rename,
        )
        self.description = TextRow(
            self,
            QCoreApplication.translate("GroupEditor", "Description:"),
            "description",
            SendPortGroup,
            "description",
            port_edits.with_group_description,
            empty_is_none=True,
            multiline=True,
            placeholder=QCoreApplication.translate("GroupEditor", "At most 256 characters"),
        )
        self.application = QLabel()
        self.application.setObjectName("application")
        self.form.addRow(QCoreApplication.translate("GroupEditor", "Application:"), self.application)
        self.box.addWidget(QLabel("<b>{}</b>".format(QCoreApplication.translate("GroupEditor", "Filter"))))
        self.filter = FilterBuilder()
        self.filter.setObjectName("filter")
        self.box.addWidget(self.filter)
        self.fields["filter"] = self.filter
        self.rows.append(self.filter)
        self.filter.edited.connect(self._on_filter_edited)
        self.box.addWidget(QLabel("<b>{}</b>".format(QCoreApplication.translate("GroupEditor", "Send ports"))))
        note = QLabel(lifecycle.GROUP_ACTION_NOTE)
        note.setWordWrap(True)
        note.setEnabled(False)
        self.box.addWidget(note)
        self.members = MemberList(self.dropped.emit)
        self.fields["members"] = self.members
        self.box.addWidget(self.members)
        row = QHBoxLayout()
        self.candidates = QComboBox()
        self.candidates.setObjectName("memberCandidates")
        self.candidates.setMinimumWidth(180)
        self.add_button = QPushButton(icon("new-port"), QCoreApplication.translate("GroupEditor", "Add"))
        self.add_button.setObjectName("addMember")
        self.remove_button = QPushButton(icon("delete"), QCoreApplication.translate("GroupEditor", "Remove"))
        self.remove_button.setObjectName("removeMember")
        row.addWidget(self.candidates, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        self.box.addLayout(row)
        self.member_error = ErrorLabel()
        self.box.addWidget(self.member_error)
        self.add_button.clicked.connect(lambda: self.add_requested.emit([self.candidates.currentText()]))
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit([i.data(Qt.ItemDataRole.UserRole) for i in self.members.selectedItems()])
        )
        self.finish_layout()

    def load(self, group: SendPortGroup) -> None:
        super().load(group)
        self.name.set(group.name)
        self.description.set(group.description)
        self.filter.set_filter(group.filter)

    def _name_problem(self, text: str) -> str | None:
        if not text.strip():
            return QCoreApplication.translate("GroupEditor", "A send port group needs a name.")
        if self.model is not None and text != self.model.name and text in self.taken:
            return QCoreApplication.translate("GroupEditor", "A send port group named '%s' already exists.") % text
        return None

    def _rename(self, text: str) -> None:
        if self.model is not None and text != self.model.name:
            self.rename_requested.emit(text)

    def _on_filter_edited(self, f: Any, key: str) -> None:
        if self.model is not None:
            self.changed.emit(
                port_edits.with_group_filter(self.model, f),
                key,
                QCoreApplication.translate("GroupEditor", "Edit the group's filter"),
            )

    def show_members(self, doc: WorkspaceDocument, group: SendPortGroup) -> None:
        with QSignalBlocker(self.members):
            self.members.clear()
            for m in group.members:
                entry = doc.entry(Kind.PORT, m)
                text = m if entry is not None else QCoreApplication.translate("GroupEditor", "%s (does not exist)") % m
                names = {State.STARTED: "state-started", State.STOPPED: "state-stopped"}
                state = names.get(entry.state, "state-unenlisted") if entry is not None else "state-unenlisted"
                item = QListWidgetItem(
                    icon(state),
                    text,
                )  # type: ignore[arg-type]
                item.setData(Qt.ItemDataRole.UserRole, m)
                self.members.addItem(item)
        members = set(group.members)
        others = [e.name for e in doc.entries() if e.kind is Kind.PORT and e.name not in members]
        verdicts = member_verdicts(doc.view(), group.name, others)
        candidates = sorted(name for name, verdict in verdicts.items() if verdict.allowed)
        with QSignalBlocker(self.candidates):
            self.candidates.clear()
            self.candidates.addItems(candidates)
        self.add_button.setEnabled(bool(candidates))
        self.add_button.setToolTip(
            ""
            if candidates
            else QCoreApplication.translate(
                "GroupEditor", "No send port can be added: only static one-way ports that are not members yet can."
            )
        )


class GroupEditor(QWidget):
    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupEditor")
        self.doc = document
        self.name: str | None = None
        self.sessions = Sessions(self)
        self.header = QLabel()
        self.header.setObjectName("groupEditorHeader")
        self.header.setWordWrap(True)
        #: the state after deployment (not a setting of the group: kept with the design)
        self.desired = DesiredStateRow(document)
        self.page = GroupPage(self.sessions)
        self.page.add_requested.connect(self._add)
        self.page.dropped.connect(self._on_page_dropped)
        self.page.remove_requested.connect(self._remove)
        self.page.rename_requested.connect(self._rename)
        self.page.changed.connect(self._on_changed)
        self.message = ErrorLabel()
        self.message.setObjectName("editorMessage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.header)
        layout.addWidget(self.desired)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.message)
        document.item_changed.connect(self._on_doc_changed)
        document.item_renamed.connect(self._on_doc_renamed)
        document.reloaded.connect(self.reload)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.reload)

    def set_group(self, name: str | None) -> None:
        """Show group ``name`` (None: nothing); what was typed for the previous group is committed first."""
        if name != self.name:
            self.commit_pending()
            self.sessions.finish()
            self.page.forget()
        self.name = name
        self.reload()

    def commit_pending(self) -> None:
        if self.name is not None:
            self.page.commit_pending()

    def hideEvent(self, event: QHideEvent) -> None:
        self.commit_pending()
        super().hideEvent(event)

    def reload(self) -> None:
        self.desired.show_for(Kind.GROUP, self.name)
        if self.name is None:
            return
        try:
            record = self.doc.group(self.name)
        except Exception:  # noqa: BLE001 - deleted meanwhile
            self.name = None
            self.desired.show_for(Kind.GROUP, None)
            return
        group = record.model
        self.page.taken = {e.name for e in self.doc.entries() if e.kind is Kind.GROUP}
        line = fill(
            QCoreApplication.translate("GroupEditor", "Send port group · %1 · %2"),
            _esc(state_text(record.state)),
            _esc(record.application),
        )
        self.header.setText(f"<b>{_esc(group.name)}</b><br><span style='color:#5f6368'>{line}</span>")
        self.page.filter.set_known_properties(self.doc.filter_properties())
        self.page.load(group)
        self.page.application.setText(record.application)
        self.page.show_members(self.doc, group)

    def _on_doc_changed(self, kind: str, name: str) -> None:
        if self.name is not None and ((kind == Kind.GROUP.value and name == self.name) or kind == Kind.PORT.value):
            self._timer.start()

    def _on_doc_renamed(self, kind: str, old: str, new: str) -> None:
        if kind == Kind.GROUP.value and old == self.name:
            self.name = new
        self._timer.start()

    def _report(self, error: Exception | None) -> None:
        self.message.show_message(str(error) if error else None)
        mark(self.page.members, None, self.page.member_error)

    def _on_changed(self, group: Any, key: str, text: str) -> None:
        if self.name is None:
            return
        try:
            self.doc.edit_group(self.name, group, text, key or None)
            self.page.load(group)  # the next edit, even before the reload, builds on this one
            self._report(None)
        except Refused as e:
            self._report(e)

    def _add(self, names: list[str]) -> None:
        if self.name is None or not [n for n in names if n]:
            return
        try:
            self.doc.add_to_group(self.name, [n for n in names if n])
            self._report(None)
        except Refused as e:
            mark(self.page.members, str(e), self.page.member_error)

    def _on_page_dropped(self, entries: list[tuple[Kind, str]]) -> None:
        """Add the dropped ports the rules allow (one undo step); say why the others were not."""
        if self.name is None:
            return
        group = self.name
        ports = list(dict.fromkeys(name for kind, name in entries if kind is Kind.PORT))
        groups = [name for kind, name in entries if kind is Kind.GROUP]
        verdicts = member_verdicts(self.doc.view(), group, ports)
        allowed = [p for p in ports if verdicts[p].allowed]
        skipped = [f"'{g}'" for g in groups] + [f"'{p}'" for p in ports if not verdicts[p].allowed]
        reasons = [
            QCoreApplication.translate(
                "GroupEditor", "'%s' is a send port group: only send ports can be members of a group."
            )
            % g
            for g in groups
        ]
        reasons += [verdicts[p].reason or "" for p in ports if not verdicts[p].allowed]
        if allowed:
            try:
                self.doc.add_to_group(group, allowed)
            except Refused as e:
                self._refused(str(e))
                return
            done = QCoreApplication.translate("GroupEditor", "Added %s to '%s'") % (
                ", ".join(f"'{p}'" for p in allowed),
                group,
            )
            self._report(None)
            if (reporter := self._reporter()) is not None:
                reporter.partly_done(done, skipped, reasons)
            if skipped:
                mark(self.page.members, "\n".join(reasons), self.page.member_error)
        elif reasons:
            self._refused("\n".join(reasons))

    def _reporter(self) -> Reporter | None:
        """The window's status bar, when the editor is in a main window (the inspector dock)."""
        window = self.window()
        return Reporter(window, window.statusBar()) if isinstance(window, QMainWindow) else None

    def _refused(self, message: str) -> None:
        """A refusal: beside the member list, and in the window's status bar with a note."""
        mark(self.page.members, message, self.page.member_error)
        if (reporter := self._reporter()) is not None:
            reporter.refused(message)

    def _remove(self, names: list[str]) -> None:
        if self.name is None or not names:
            return
        try:
            self.doc.remove_from_group(self.name, names)
            self._report(None)
        except Refused as e:
            mark(self.page.members, str(e), self.page.member_error)

    def _rename(self, new: str) -> None:
        if self.name is None:
            return
        try:
            self.doc.rename(Kind.GROUP, self.name, new)
        except Refused as e:
            self._report(e)

    def focus_field(self, path: str) -> bool:
        return self.page.focus_field(path.split("[", 1)[0]) or self.page.focus_field(path.split(".", 1)[0])


def _esc(text: str) -> str:
    from html import escape

    return escape(text)
