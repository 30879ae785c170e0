"""The one door from the UI to the model: the open workspace, its undo stack, and signals.

Methods are named for what the user wants (``add_send_port``, ``delete``, ``start``...).
Each asks the model's rules first, performs the change on the workspace (one
transaction), and pushes an undo command that can reverse it on the workspace itself.
Views never touch the workspace: they listen to the signals, which carry ids, and re-read
what they need from :meth:`entry` (a cache of what explorers and canvases show).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace as dc_replace

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from model import lifecycle
from model.bindings import BindingDocument
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Action, Kind, LifecycleError, State, Subject, Transition
from model.store import (
    ConflictError,
    DuplicateError,
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


def tr(text: str) -> str:
    return QCoreApplication.translate("Document", text)


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
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Re-read everything (also what other people committed meanwhile)."""
        self._entries = {(e.kind, e.name): e for e in self.workspace.entries()}
        self._bindings = self.workspace.orchestration_bindings()
        self._view = None
        self._references = None
        self._filter_properties = None
        self.reloaded.emit()

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def entry(self, kind: Kind, name: str) -> Entry | None:
        return self._entries.get((kind, name))

    def applications(self) -> list[str]:
        return sorted({e.application for e in self._entries.values()} | set(self.workspace.applications()))

    def port(self, name: str) -> PortRecord:
        return self.workspace.port(name)

    def group(self, name: str) -> GroupRecord:
        return self.workspace.group(name)

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
                    ports.append(lifecycle.PortInfo(e.name, e.state, e.application, e.is_static, e.is_two_way,
                                                    tuple(self._bindings.get((Kind.PORT, e.name), ()))))
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
        if (kind, base) not in self._entries:
            return base
        n = 2
        while (kind, f"{base} ({n})") in self._entries:
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
        except LifecycleError as e:
            raise Refused(str(e)) from None
        except (ConflictError, DuplicateError, NotFoundError) as e:
            raise Refused(str(e)) from None
        except WorkspaceError as e:
            raise Refused(str(e)) from None

    # -- applying (used by commands; never by views) ------------------------------------------

    def _apply_restore(self, snaps: Sequence[Snapshot]) -> None:
        self.workspace.restore(snaps)
        if any(s.kind is Kind.PORT for s in snaps):
            self._bindings = self.workspace.orchestration_bindings()
        self._refresh((s.kind, s.model.name) for s in snaps)
        self._refresh_groups_listing([s.model.name for s in snaps if s.kind is Kind.PORT])

    def _apply_remove(self, keys: Sequence[Key]) -> None:
        self.workspace.remove(keys)
        for key in keys:
            self._bindings.pop(key, None)
        self._refresh(keys)

    def _apply_positions(self, positions: dict[Key, tuple[float, float]]) -> None:
        self.workspace.set_positions(positions)
        for key, (x, y) in positions.items():
            e = self._entries.get(key)
            if e is not None:
                self._entries[key] = dc_replace(e, x=x, y=y)
        self.positions_changed.emit([(k.value, n) for k, n in positions])

    def _apply_states(self, states: Sequence[tuple[Kind, str, State]], operation: str) -> None:
        self.workspace.restore_states(states, operation)
        self._refresh((k, n) for k, n, _ in states)

    def _apply_group(self, name: str, group: SendPortGroup) -> None:
        self.workspace.update_group(name, group)
        self._refresh([(Kind.GROUP, name)])

    def _apply_port(self, name: str, port: SendPort) -> None:
        self.workspace.update_port(name, port)
        self._refresh([(Kind.PORT, name)])

    def _apply_rename(self, kind: Kind, old: str, new: str) -> None:
        listing = [g for g in self._entries.values() if g.kind is Kind.GROUP and old in g.members] \
            if kind is Kind.PORT else []
        self.workspace.rename(kind, old, new)
        entry = self.workspace.entry(kind, new)
        self._entries.pop((kind, old), None)
        if entry is not None:
            self._entries[(kind, new)] = entry
        if (kind, old) in self._bindings:
            self._bindings[(kind, new)] = self._bindings.pop((kind, old))
        self._view = None
        self.item_renamed.emit(kind.value, old, new)
        self._refresh((Kind.GROUP, g.name) for g in listing)

    def _apply_import(self, doc: BindingDocument, application: str | None) -> ImportSummary:
        summary = self.workspace.import_document(doc, application)
        self._after_import(summary)
        return summary

    def _after_import(self, summary: ImportSummary) -> None:
        self._bindings = self.workspace.orchestration_bindings()
        self._refresh(_touched(summary))

    def _apply_revert_import(self, summary: ImportSummary, before: Sequence[Snapshot]) -> None:
        self.workspace.revert_import(summary, before)
        self._bindings = self.workspace.orchestration_bindings()
        self._refresh(_touched(summary))

    def _refresh_groups_listing(self, ports: Sequence[str]) -> None:
        if ports:
            self._refresh([(Kind.GROUP, e.name) for e in self._entries.values()
                           if e.kind is Kind.GROUP and any(p in e.members for p in ports)])

    # -- what the user wants ------------------------------------------------------------------

    def add_send_port(self, port: SendPort, application: str | None = None,
                      pos: tuple[float, float] | None = None) -> None:
        from designer.commands import CreateCommand
        x, y = pos if pos is not None else (None, None)
        self._guard(self.workspace.create_port, port, application, x=x, y=y)
        self._refresh([(Kind.PORT, port.name)])
        snap = self.workspace.snapshot(Kind.PORT, port.name)
        self.undo_stack.push(CreateCommand(self, [snap], tr("Create send port '%s'") % port.name))

    def add_group(self, group: SendPortGroup, application: str | None = None,
                  pos: tuple[float, float] | None = None) -> None:
        from designer.commands import CreateCommand
        x, y = pos if pos is not None else (None, None)
        self._guard(self.workspace.create_group, group, application, x=x, y=y)
        self._refresh([(Kind.GROUP, group.name)])
        snap = self.workspace.snapshot(Kind.GROUP, group.name)
        self.undo_stack.push(CreateCommand(self, [snap], tr("Create send port group '%s'") % group.name))

    def paste(self, doc: BindingDocument, pos: tuple[float, float] | None = None) -> list[Key]:
        """Add copies of the ports and groups of ``doc`` (names made unique), as one undo step."""
        from designer.commands import CreateCommand
        renamed: dict[str, str] = {}
        ports = []
        for p in doc.send_ports:
            new_name = self.unique_name(Kind.PORT, p.name)
            while new_name in renamed.values():
                new_name = f"{new_name}+"
            renamed[p.name] = new_name
            ports.append(p.model_copy(update={"name": new_name}))
        groups = [g.model_copy(update={"name": self.unique_name(Kind.GROUP, g.name),
                                       "members": tuple(renamed.get(m, m) for m in g.members)}) for g in doc.groups]
        keys: list[Key] = []
        x0, y0 = pos if pos is not None else (None, None)
        try:
            for i, p in enumerate(ports):
                xy = (x0 + 30 * i, y0 + 30 * i) if x0 is not None and y0 is not None else (None, None)
                self.workspace.create_port(p, p.application, x=xy[0], y=xy[1])
                keys.append((Kind.PORT, p.name))
            for g in groups:
                self.workspace.create_group(g, g.application)
                keys.append((Kind.GROUP, g.name))
        except (WorkspaceError, LifecycleError) as e:
            if keys:
                self.workspace.remove(keys)
            raise Refused(str(e)) from None
        self._refresh(keys)
        snaps = self.workspace.snapshots(keys)
        self.undo_stack.push(CreateCommand(self, snaps, tr("Paste %d item(s)") % len(keys)))
        return keys

    def delete(self, subjects: Sequence[Subject]) -> None:
        from designer.commands import DeleteCommand
        keys = [(s.kind, s.name) for s in subjects]
        snaps = self.workspace.snapshots(keys)
        self._guard(self.workspace.perform, Action.DELETE, subjects)
        self._bindings = {k: v for k, v in self._bindings.items() if k not in keys}
        self._refresh(keys)
        text = tr("Delete '%s'") % subjects[0].name if len(subjects) == 1 else tr("Delete %d items") % len(subjects)
        self.undo_stack.push(DeleteCommand(self, snaps, text))

    def move(self, before: dict[Key, tuple[float, float]], after: dict[Key, tuple[float, float]],
             text: str | None = None) -> None:
        from designer.commands import MoveCommand
        moved = {k: v for k, v in after.items() if before.get(k) != v}
        if not moved:
            return
        self._guard(self._apply_positions, moved)
        self.undo_stack.push(MoveCommand(self, {k: before[k] for k in moved if k in before}, moved,
                                         text or (tr("Move %d item(s)") % len(moved))))

    def set_initial_positions(self, positions: dict[Key, tuple[float, float]]) -> None:
        """Placement of items that never had a position: saved, but not an undoable edit."""
        if positions:
            self._guard(self._apply_positions, positions)

    def perform(self, action: Action, subjects: Sequence[Subject] = (), application: str | None = None) -> None:
        """Enlist, unenlist, start, stop (selection or application): one undo step."""
        from designer.commands import StateCommand
        if action is Action.DELETE:
            self.delete(subjects)
            return
        changes = self._guard(self.workspace.perform, action, subjects, application=application)
        finals: dict[Key, list[State]] = {}
        for c in changes:
            if isinstance(c, Transition):
                finals.setdefault((c.kind, c.name), [c.before, c.after])[1] = c.after
        self._refresh(finals)
        if not finals:
            return
        before = [(k, n, b) for (k, n), (b, _a) in finals.items()]
        after = [(k, n, a) for (k, n), (_b, a) in finals.items()]
        what = application or (subjects[0].name if len(subjects) == 1 else tr("%d items") % len(subjects))
        self.undo_stack.push(StateCommand(self, before, after, tr("%s %s") % (
            QCoreApplication.translate("Lifecycle", action.label), what)))

    def add_to_group(self, group: str, ports: Sequence[str]) -> None:
        self._membership(Action.ADD_MEMBER, group, ports)

    def remove_from_group(self, group: str, ports: Sequence[str]) -> None:
        self._membership(Action.REMOVE_MEMBER, group, ports)

    def _membership(self, action: Action, group: str, ports: Sequence[str]) -> None:
        from designer.commands import GroupCommand
        before = self.workspace.group(group).model
        self._guard(self.workspace.perform, action, [Subject.port(p) for p in ports], group=group)
        self._refresh([(Kind.GROUP, group)])
        after = self.workspace.group(group).model
        verb = tr("Add %s to '%s'") if action is Action.ADD_MEMBER else tr("Remove %s from '%s'")
        names = ", ".join(f"'{p}'" for p in ports)
        self.undo_stack.push(GroupCommand(self, group, before, after, verb % (names, group)))

    def rename(self, kind: Kind, old: str, new: str) -> None:
        from designer.commands import RenameCommand
        if old == new:
            return
        if not new.strip():
            raise Refused(tr("A name cannot be empty."))
        self._guard(self._apply_rename, kind, old, new)
        self.undo_stack.push(RenameCommand(self, kind, old, new))

    def edit_port(self, name: str, port: SendPort, text: str | None = None, merge_key: str | None = None) -> None:
        """Replace a port's settings (one undo step; successive edits of one field merge)."""
        from designer.commands import EditCommand
        before = self.workspace.port(name).model
        if before == port:
            return
        self._guard(self._apply_port, name, port)
        self.undo_stack.push(EditCommand(self, Kind.PORT, name, before, port, text or tr("Edit '%s'") % name,
                                         merge_key))

    def edit_group(self, name: str, group: SendPortGroup, text: str | None = None,
                   merge_key: str | None = None) -> None:
        from designer.commands import EditCommand
        before = self.workspace.group(name).model
        if before == group:
            return
        self._guard(self._apply_group, name, group)
        self.undo_stack.push(EditCommand(self, Kind.GROUP, name, before, group, text or tr("Edit '%s'") % name,
                                         merge_key))

    def import_document(self, doc: BindingDocument, application: str | None = None) -> ImportSummary:
        """Import synchronously (small files); see :meth:`record_import` for background imports."""
        before = self.workspace.snapshots([(Kind.PORT, p.name) for p in doc.send_ports]
                                          + [(Kind.GROUP, g.name) for g in doc.groups])
        summary = self._guard(self._apply_import, doc, application)
        self._push_import(doc, application, summary, before)
        return summary

    def snapshots_for(self, doc: BindingDocument) -> list[Snapshot]:
        return self.workspace.snapshots([(Kind.PORT, p.name) for p in doc.send_ports]
                                        + [(Kind.GROUP, g.name) for g in doc.groups])

    def record_import(self, doc: BindingDocument, application: str | None, summary: ImportSummary,
                      before: Sequence[Snapshot]) -> None:
        """An import done off the UI thread: refresh the views and make it undoable."""
        self._after_import(summary)
        self._push_import(doc, application, summary, before)

    def _push_import(self, doc: BindingDocument, application: str | None, summary: ImportSummary,
                     before: Sequence[Snapshot]) -> None:
        from designer.commands import ImportCommand
        self.undo_stack.push(ImportCommand(self, doc, application, summary, list(before),
                                           tr("Import %s") % summary.source))
