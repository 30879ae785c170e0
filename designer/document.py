"""The one door from the UI to the model: the open workspace, its undo stack, and signals.

Methods are named for what the user wants (``add_send_port``, ``delete``, ``start``...).
Each builds an undo command and pushes it; the command's ``redo()`` makes the change
through the workspace's rule-checking operations (one transaction), the first time and
every time after, and its ``undo()`` reverses it the same way. A refusal comes back to the
caller as :class:`Refused` with the rule's words, and nothing is left on the stack.
Views never touch the workspace: they listen to the signals, which carry ids, and re-read
what they need from :meth:`entry` (a cache of what explorers and canvases show).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace as dc_replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from designer.commands import (
    CreateCommand,
    DeleteCommand,
    EditCommand,
    ImportCommand,
    MembershipCommand,
    MoveCommand,
    RenameCommand,
    StateCommand,
)
from designer.deploy_door import DeployDoor
from designer.routing_door import RoutingDoor
from designer.settings_door import SettingsDoor
from model import lifecycle
from model.bindings import BindingDocument
from model.domain import SendPort, SendPortGroup
from model.domain import replace as domain_replace
from model.lifecycle import Action, Kind, LifecycleError, State, Subject
from model.revisions import name_key
from model.store import (
    ConflictError,
    Entry,
    GroupRecord,
    ImportSummary,
    NotFoundError,
    PortRecord,
    Snapshot,
    Workspace,
    WorkspaceError,
)

Key = tuple[Kind, str]


def _touched(summary: ImportSummary) -> list[Key]:
    return summary.created + summary.replaced + [(Kind.GROUP, g) for g, _ in summary.merged]


class Refused(Exception):
    """A user action the rules (or the workspace) refused; the message says why."""


class WorkspaceDocument(QObject):
    """The open workspace as the UI sees it."""

    reloaded = Signal()
    item_added = Signal(str, str)  # kind, name
    item_removed = Signal(str, str)
    item_changed = Signal(str, str)
    item_renamed = Signal(str, str, str)  # kind, old, new
    positions_changed = Signal(list)  # [(kind, name), ...]
    error = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self._entries: dict[Key, Entry] = {}
        self._bindings: dict[Key, list[str]] = {}
        self._view: lifecycle.View | None = None
        self._references: dict[str, frozenset[str]] | None = None
        self._filter_properties: list[str] | None = None
        self._known: tuple[set[str], dict[str, dict[str, str]]] | None = None
        #: The record an editor last read of each object: its edits are based on that version.
        self._loaded: dict[Key, PortRecord | GroupRecord] = {}
        self._failure: Exception | None = None
        #: environments and settings (``designer.settings_door``)
        self.settings = SettingsDoor(self, self)
        #: who receives a message (``designer.routing_door``)
        self.routing = RoutingDoor(self, self)
        #: desired states after deployment, and the design plans are made from (``designer.deploy_door``)
        self.deploy = DeployDoor(self, self)
        for signal in (self.reloaded, self.item_added, self.item_removed, self.item_changed, self.item_renamed):
            signal.connect(self.routing.forget)
            signal.connect(self.deploy.forget)
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read everything (also what other people committed meanwhile)."""
        entries = self.workspace.entries()  # both read before either is kept: a failure leaves
        bindings = self.workspace.orchestration_bindings()  # the document as it was
        self._entries = {(e.kind, e.name): e for e in entries}
        self._bindings = bindings
        self._view = None
        self._references = None
        self._filter_properties = None
        self._known = None
        self.reloaded.emit()

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def entry(self, kind: Kind, name: str) -> Entry | None:
        return self._entries.get((kind, name))

    def known_values(self) -> tuple[set[str], dict[str, dict[str, str]]]:
        """Send handler hosts and pipelines the workspace's ports use (read once per reload)."""
        if self._known is None:
            self._known = self.workspace.known_values()
        return self._known

    def applications(self) -> list[str]:
        return sorted({e.application for e in self._entries.values()} | set(self.workspace.applications()))

    def port(self, name: str) -> PortRecord:
        """The stored port; an edit made from it later carries its version (see :meth:`edit_port`)."""
        record = self.workspace.port(name)
        self._loaded[(Kind.PORT, name)] = record
        return record

    def group(self, name: str) -> GroupRecord:
        record = self.workspace.group(name)
        self._loaded[(Kind.GROUP, name)] = record
        return record

    def filter_properties(self) -> list[str]:
        """Every property the workspace's filters use (for completion); cached until a change."""
        if self._filter_properties is None:
            self._filter_properties = self.workspace.filter_properties()
        return self._filter_properties

    def bindings(self, kind: Kind, name: str) -> list[str]:
        return list(self._bindings.get((kind, name), ()))

    def view(self) -> lifecycle.View:
        """The lifecycle view of the cached entries (rebuilt only after a change)."""
        if self._view is None:
            ports, groups = [], []
            for e in self._entries.values():
                if e.kind is Kind.PORT:
                    ports.append(
                        lifecycle.PortInfo(
                            e.name,
                            e.state,
                            e.application,
                            e.is_static,
                            e.is_two_way,
                            tuple(self._bindings.get((Kind.PORT, e.name), ())),
                        )
                    )
                else:
                    groups.append(lifecycle.GroupInfo(e.name, e.state, e.application, e.members))
            if self._references is None:
                self._references = self.workspace.references()
            self._view = lifecycle.View.of(ports, groups, self._references)
        return self._view

    def allowed_actions(self, subjects: Sequence[Subject]) -> dict[Action, lifecycle.Verdict]:
        return lifecycle.allowed_actions(self.view(), subjects)

    def counts(self) -> dict[tuple[Kind, State], int]:
        out: dict[tuple[Kind, State], int] = {}
        for e in self._entries.values():
            out[(e.kind, e.state)] = out.get((e.kind, e.state), 0) + 1
        return out

    def unique_name(self, kind: Kind, base: str) -> str:
        """``base``, or ``base (2)``, ``(3)``...: a name no other port (or group) has as BizTalk
        compares names (ignoring case and Unicode normalisation)."""
        taken = {name_key(n) for k, n in self._entries if k is kind}
        if name_key(base) not in taken:
            return base
        n = 2
        while name_key(f"{base} ({n})") in taken:
            n += 1
        return f"{base} ({n})"

    # -- keeping the cache and the views in step ----------------------------------------------

    def _refresh(self, keys: Iterable[Key]) -> None:
        keys = list(keys)
        if len(keys) > 200:  # bulk (imports, application start): one reload beats thousands of signals
            self.reload()
            return
        for kind, name in keys:
            before = self._entries.get((kind, name))
            entry = self.workspace.entry(kind, name)
            if entry is None:
                if self._entries.pop((kind, name), None) is not None:
                    self.item_removed.emit(kind.value, name)
            else:
                self._entries[(kind, name)] = entry
                (self.item_changed if before is not None else self.item_added).emit(kind.value, name)
        self._view = None
        self._filter_properties = None

    def _guard(self, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        """Run a workspace call, turning its errors into :class:`Refused`."""
        try:
            return func(*args, **kwargs)
        except (LifecycleError, WorkspaceError) as e:
            raise Refused(str(e)) from None

    # -- what commands call back (designer.commands.WorkspaceDocument; never views) -------------

    def _push(self, command: QUndoCommand) -> None:
        """Push ``command``: its ``redo()`` makes the change; a refusal comes back as :class:`Refused`
        and leaves nothing on the stack."""
        self._failure = None
        self.undo_stack.push(command)
        failure, self._failure = self._failure, None
        if failure is not None:
            raise Refused(str(failure))

    def push(self, command: QUndoCommand) -> None:
        """Push a door's command (``designer.deploy_door``); a refusal comes back as :class:`Refused`."""
        self._push(command)

    def push_or_report(self, command: QUndoCommand) -> bool:
        """Push ``command``; a refusal is reported through :attr:`error` (False)."""
        try:
            self._push(command)
        except Refused as e:
            self.error.emit(str(e))
            return False
        return True

    def command_refused(self, command: QUndoCommand, error: Exception, step: str | None) -> None:
        """A command refused: the first time, the caller hears it as :class:`Refused`; an undo or
        redo refused later is reported through :attr:`error`. Either way the views re-read."""
        if step is None:
            self._failure = error
            if isinstance(error, ConflictError | NotFoundError):
                self.reload()
            return
        verb = (
            QCoreApplication.translate("Document", "Cannot undo '%s'")
            if step == "undo"
            else QCoreApplication.translate("Document", "Cannot redo '%s'")
        )
        self.error.emit(f"{verb % command.text()}: {error}")
        self.reload()

    def refresh_after(self, keys: Iterable[Key], bindings: bool) -> None:
        if bindings:
            self._bindings = self.workspace.orchestration_bindings()
        self._refresh(keys)

    def after_edit(self, kind: Kind, name: str, record: PortRecord | GroupRecord) -> None:
        self._loaded[(kind, name)] = record
        self._refresh([(kind, name)])
        if isinstance(record, PortRecord) and record.previous is not None:
            before, after = record.previous, record.model
            if (before.is_static, before.is_two_way) != (after.is_static, after.is_two_way):
                self._refresh_groups_listing([name])  # membership rules look at the port's kind

    def save_positions(self, positions: dict[Key, tuple[float, float]]) -> None:
        self.workspace.set_positions(positions)
        for key, (x, y) in positions.items():
            e = self._entries.get(key)
            if e is not None:
                self._entries[key] = dc_replace(e, x=x, y=y)
        self.positions_changed.emit([(k.value, n) for k, n in positions])

    def after_rename(self, kind: Kind, old: str, new: str, touched: Sequence[Key]) -> None:
        entry = self.workspace.entry(kind, new)
        self._entries.pop((kind, old), None)
        self._loaded.pop((kind, old), None)
        if entry is not None:
            self._entries[(kind, new)] = entry
        if (kind, old) in self._bindings:
            self._bindings[(kind, new)] = self._bindings.pop((kind, old))
        self._view = None
        self.item_renamed.emit(kind.value, old, new)
        self._refresh(touched)

    def after_import(self, summary: ImportSummary) -> None:
        self._bindings = self.workspace.orchestration_bindings()
        self._refresh(_touched(summary))

    @staticmethod
    def imported_keys(summary: ImportSummary) -> list[Key]:
        return _touched(summary)

    def versions_seen(self, keys: Iterable[Key]) -> dict[Key, int]:
        """The versions this client last saw of ``keys``: a write by someone else since conflicts."""
        return {k: e.version for k in keys if (e := self._entries.get(k)) is not None}

    def groups_of(self, port: str) -> list[str]:
        """The groups that list ``port``, from the view's membership index (not a scan of them all)."""
        return [g.name for g in self.view().groups_of(port)]

    def _refresh_groups_listing(self, ports: Sequence[str]) -> None:
        if ports:
            view = self.view()
            self._refresh(dict.fromkeys((Kind.GROUP, g.name) for p in ports for g in view.groups_of(p)))

    # -- what the user wants ------------------------------------------------------------------

    def add_send_port(
        self, port: SendPort, application: str | None = None, pos: tuple[float, float] | None = None
    ) -> None:
        x, y = pos if pos is not None else (None, None)
        self._push(
            CreateCommand(
                self,
                [(port, application, x, y)],
                [],
                QCoreApplication.translate("Document", "Create send port '%s'") % port.name,
            )
        )

    def add_group(
        self, group: SendPortGroup, application: str | None = None, pos: tuple[float, float] | None = None
    ) -> None:
        x, y = pos if pos is not None else (None, None)
        self._push(
            CreateCommand(
                self,
                [],
                [(group, application, x, y)],
                QCoreApplication.translate("Document", "Create send port group '%s'") % group.name,
            )
        )

    def paste(self, doc: BindingDocument, pos: tuple[float, float] | None = None) -> list[Key]:
        """Add copies of the ports and groups of ``doc`` (names made unique), as one undo step."""
        renamed: dict[str, str] = {}
        ports = []
        x0, y0 = pos if pos is not None else (None, None)
        for i, p in enumerate(doc.send_ports):
            new_name = self.unique_name(Kind.PORT, p.name)
            while new_name in renamed.values():
                new_name = f"{new_name}+"
            renamed[p.name] = new_name
            xy = (x0 + 30 * i, y0 + 30 * i) if x0 is not None and y0 is not None else (None, None)
            ports.append((domain_replace(p, name=new_name), p.application, *xy))
        groups = [
            (
                domain_replace(
                    g, name=self.unique_name(Kind.GROUP, g.name), members=tuple(renamed.get(m, m) for m in g.members)
                ),
                g.application,
                None,
                None,
            )
            for g in doc.groups
        ]
        command = CreateCommand(
            self, ports, groups, QCoreApplication.translate("Document", "Paste %d item(s)") % (len(ports) + len(groups))
        )
        self._push(command)
        return command.keys()

    def delete(self, subjects: Sequence[Subject]) -> None:
        text = (
            QCoreApplication.translate("Document", "Delete '%s'") % subjects[0].name
            if len(subjects) == 1
            else QCoreApplication.translate("Document", "Delete %d items") % len(subjects)
        )
        self._push(DeleteCommand(self, subjects, text))

    def move(
        self, before: dict[Key, tuple[float, float]], after: dict[Key, tuple[float, float]], text: str | None = None
    ) -> None:
        moved = {k: v for k, v in after.items() if before.get(k) != v}
        if moved:
            self._push(
                MoveCommand(
                    self,
                    {k: before[k] for k in moved if k in before},
                    moved,
                    text or (QCoreApplication.translate("Document", "Move %d item(s)") % len(moved)),
                )
            )

    def perform(self, action: Action, subjects: Sequence[Subject] = (), application: str | None = None) -> None:
        """Enlist, unenlist, start, stop (selection or application): one undo step."""
        if action is Action.DELETE:
            self.delete(subjects)
            return
        what = application or (
            subjects[0].name
            if len(subjects) == 1
            else QCoreApplication.translate("Document", "%d items") % len(subjects)
        )
        text = QCoreApplication.translate("Document", "%s %s") % (
            QCoreApplication.translate("Lifecycle", action.label),
            what,
        )
        self._push(StateCommand(self, action, subjects, application, text))

    def add_to_group(self, group: str, ports: Sequence[str]) -> None:
        self._membership(Action.ADD_MEMBER, group, ports)

    def remove_from_group(self, group: str, ports: Sequence[str]) -> None:
        self._membership(Action.REMOVE_MEMBER, group, ports)

    def _membership(self, action: Action, group: str, ports: Sequence[str]) -> None:
        verb = (
            QCoreApplication.translate("Document", "Add %s to '%s'")
            if action is Action.ADD_MEMBER
            else QCoreApplication.translate("Document", "Remove %s from '%s'")
        )
        names = ", ".join(f"'{p}'" for p in ports)
        self._push(MembershipCommand(self, action, group, ports, verb % (names, group)))

    def rename(self, kind: Kind, old: str, new: str) -> None:
        """Rename, following every reference (one undo step); the workspace checks the name."""
        if old != new:
            self._push(RenameCommand(self, kind, old, new))

    def edit_port(self, name: str, port: SendPort, text: str | None = None, merge_key: str | None = None) -> None:
        """Replace a port's settings (one undo step; successive edits of one field merge). The
        edit is based on the version last read through :meth:`port`: a colleague's change
        since is merged when it touched other fields, else the edit is refused."""
        self._edit(Kind.PORT, name, port, text, merge_key)

    def edit_group(
        self, name: str, group: SendPortGroup, text: str | None = None, merge_key: str | None = None
    ) -> None:
        self._edit(Kind.GROUP, name, group, text, merge_key)

    def _edit(
        self, kind: Kind, name: str, model: SendPort | SendPortGroup, text: str | None, merge_key: str | None
    ) -> None:
        base = self._loaded.get((kind, name))
        if base is None or base.model.name != name:
            base = self._guard(self.port if kind is Kind.PORT else self.group, name)
        assert base is not None
        if base.model == model:
            return
        self._push(
            EditCommand(
                self,
                kind,
                name,
                base,
                model,
                text or QCoreApplication.translate("Document", "Edit '%s'") % name,
                merge_key,
            )
        )

    def import_document(self, doc: BindingDocument, application: str | None = None) -> ImportSummary:
        """Import synchronously (small files); see :meth:`record_import` for background imports."""
        command = ImportCommand(self, doc, application, QCoreApplication.translate("Document", "Import %s") % doc.name)
        self._push(command)
        assert command.summary is not None
        return command.summary

    def snapshots_for(self, doc: BindingDocument) -> list[Snapshot]:
        """What an import of ``doc`` would replace (taken before importing, for undo)."""
        return self.workspace.snapshots(
            [(Kind.PORT, p.name) for p in doc.send_ports] + [(Kind.GROUP, g.name) for g in doc.groups]
        )

    def record_import(
        self, doc: BindingDocument, application: str | None, summary: ImportSummary, before: Sequence[Snapshot]
    ) -> None:
        """An import done off the UI thread: refresh the views and make it undoable."""
        self._push(
            ImportCommand(
                self,
                doc,
                application,
                QCoreApplication.translate("Document", "Import %s") % summary.source,
                (summary, before),
            )
        )
