"""Undo commands: one per kind of user edit. A command's ``redo()`` is the one place its change
happens, the first time and every time after, through the workspace's rule-checking
operations; ``undo()`` reverses it the same way. So a redo (or an undo) that BizTalk's rules
or a colleague's change now forbid is refused like any other action: the command reports
why, becomes obsolete (QUndoStack drops it) and the document re-reads the workspace.

Commands capture what both directions need (models, states) and never touch graphics
items; the document refreshes the views from the keys a command reports. What a command
checks against is what this client last wrote or read (the document's entries): a change
by someone else since then makes an undo or redo a conflict, never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from designer.command_texts import edit_text
from model.bindings import BindingDocument
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Action, Kind, LifecycleError, State, Subject, Transition
from model.store import (
    Entry,
    GroupRecord,
    ImportSummary,
    PortRecord,
    Snapshot,
    Workspace,
    WorkspaceError,
)

Key = tuple[Kind, str]


class WorkspaceDocument(Protocol):
    """What a command needs of the document that pushes it (designer.document implements it):
    the workspace to write to, and the calls that keep the views in step after a change."""

    workspace: Workspace

    def entry(self, kind: Kind, name: str) -> Entry | None: ...
    def snapshots_for(self, doc: BindingDocument) -> list[Snapshot]: ...
    def refresh_after(self, keys: Iterable[Key], bindings: bool) -> None: ...
    def save_positions(self, positions: dict[Key, tuple[float, float]]) -> None: ...
    def after_rename(self, kind: Kind, old: str, new: str, touched: Sequence[Key]) -> None: ...
    def after_edit(self, kind: Kind, name: str, record: PortRecord | GroupRecord) -> None: ...
    def after_import(self, summary: ImportSummary) -> None: ...
    def imported_keys(self, summary: ImportSummary) -> list[Key]: ...
    def versions_seen(self, keys: Iterable[Key]) -> dict[Key, int]: ...
    def command_refused(self, command: QUndoCommand, error: Exception, step: str | None) -> None: ...


#: Merge ids: successive edits of one field of one object become one undo step.
_MERGE_IDS: dict[str, int] = {}


class _Command(QUndoCommand):
    #: The audit log's word for this command's operation ("edit", "enlist"...).
    operation = "edit"

    def __init__(self, doc: WorkspaceDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self._done_once = False

    def _op(self, undo: bool = False) -> str:
        if undo:
            return f"undo {self.operation}"
        return f"redo {self.operation}" if self._done_once else self.operation

    def _run(self, step: Callable[[], None], undo: bool) -> None:
        try:
            step()
        except (WorkspaceError, LifecycleError) as e:
            self.setObsolete(True)
            self.doc.command_refused(self, e, "undo" if undo else ("redo" if self._done_once else None))
        else:
            if not undo:
                self._done_once = True

    def redo(self) -> None:
        self._run(self._redo, undo=False)

    def undo(self) -> None:
        self._run(self._undo, undo=True)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateCommand(_Command):
    """Ports or groups created (or pasted), all in one transaction; undo deletes them under
    the delete rules, refused if someone changed one of them since."""

    operation = "create"

    def __init__(
        self,
        doc: WorkspaceDocument,
        ports: Sequence[tuple[SendPort, str | None, float | None, float | None]],
        groups: Sequence[tuple[SendPortGroup, str | None, float | None, float | None]],
        text: str,
    ) -> None:
        super().__init__(doc, text)
        self.ports, self.groups = list(ports), list(groups)

    def keys(self) -> list[Key]:
        return [(Kind.PORT, p.name) for p, *_ in self.ports] + [(Kind.GROUP, g.name) for g, *_ in self.groups]

    def _redo(self) -> None:
        self.doc.workspace.create(self.ports, self.groups, operation=self._op())
        self.doc.refresh_after(self.keys(), bindings=False)

    def _undo(self) -> None:
        keys = self.keys()
        self.doc.workspace.remove(list(reversed(keys)), self._op(undo=True), self.doc.versions_seen(keys))
        self.doc.refresh_after(keys, bindings=False)


class DeleteCommand(_Command):
    """Ports or groups deleted under the rules; undo puts them back exactly as they were."""

    operation = "delete"

    def __init__(self, doc: WorkspaceDocument, subjects: Sequence[Subject], text: str) -> None:
        super().__init__(doc, text)
        self.subjects = list(subjects)
        self.snaps: list[Snapshot] = []

    def _redo(self) -> None:
        keys = [(s.kind, s.name) for s in self.subjects]
        snaps = self.doc.workspace.snapshots(keys)
        self.doc.workspace.perform(Action.DELETE, self.subjects, operation=self._op())
        self.snaps = snaps
        self.doc.refresh_after(keys, bindings=True)

    def _undo(self) -> None:
        # Ports before groups, so that a restored group finds its members on the canvas.
        snaps = sorted(self.snaps, key=lambda s: s.kind is Kind.GROUP)
        self.doc.workspace.restore(snaps, self._op(undo=True))
        self.doc.refresh_after([(s.kind, s.model.name) for s in snaps], bindings=True)


class MoveCommand(_Command):
    """Canvas positions: not versioned, never refused by rules."""

    operation = "move"

    def __init__(
        self,
        doc: WorkspaceDocument,
        before: dict[Key, tuple[float, float]],
        after: dict[Key, tuple[float, float]],
        text: str,
    ) -> None:
        super().__init__(doc, text)
        self.before, self.after = before, after

    def _redo(self) -> None:
        self.doc.save_positions(self.after)

    def _undo(self) -> None:
        self.doc.save_positions(self.before)


class StateCommand(_Command):
    """A lifecycle action (enlist, start, stop, unenlist, application start/stop); undo takes
    the objects back through BizTalk's steps, refused if someone changed their states since."""

    def __init__(
        self, doc: WorkspaceDocument, action: Action, subjects: Sequence[Subject], application: str | None, text: str
    ) -> None:
        super().__init__(doc, text)
        self.action, self.subjects, self.application = action, list(subjects), application
        self.operation = action.value
        self.before: list[tuple[Kind, str, State]] = []
        self.after: list[tuple[Kind, str, State]] = []

    def _redo(self) -> None:
        changes = self.doc.workspace.perform(
            self.action, self.subjects, application=self.application, operation=self._op()
        )
        finals: dict[Key, list[State]] = {}
        for c in changes:
            if isinstance(c, Transition):
                finals.setdefault((c.kind, c.name), [c.before, c.after])[1] = c.after
        self.before = [(k, n, b) for (k, n), (b, _a) in finals.items()]
        self.after = [(k, n, a) for (k, n), (_b, a) in finals.items()]
        if not finals:  # nothing to do (an application already started): no undo step
            self.setObsolete(True)
        self.doc.refresh_after(finals, bindings=False)

    def _undo(self) -> None:
        self.doc.workspace.restore_states(self.before, self._op(undo=True), expected=self.after)
        self.doc.refresh_after([(k, n) for k, n, _ in self.before], bindings=False)


class MembershipCommand(_Command):
    """Ports added to or removed from a group under the membership rules; undo puts the member
    list back as it was (its order too), under the same rules."""

    def __init__(self, doc: WorkspaceDocument, action: Action, group: str, ports: Sequence[str], text: str) -> None:
        super().__init__(doc, text)
        self.action, self.group, self.ports = action, group, list(ports)
        self.operation = action.value
        self.before: GroupRecord | None = None
        self.after: GroupRecord | None = None

    def _redo(self) -> None:
        ws = self.doc.workspace
        before = ws.group(self.group)
        ws.perform(self.action, [Subject.port(p) for p in self.ports], group=self.group, operation=self._op())
        self.before, self.after = before, ws.group(self.group)
        self.doc.refresh_after([(Kind.GROUP, self.group)], bindings=False)

    def _undo(self) -> None:
        assert self.before is not None and self.after is not None
        self.doc.workspace.update_group(
            self.group, self.before.model, self.after.version, base=self.after.model, operation=self._op(undo=True)
        )
        self.doc.refresh_after([(Kind.GROUP, self.group)], bindings=False)


class RenameCommand(_Command):
    """A rename that follows every reference (members, orchestration and party bindings,
    filters naming the port); undo renames back the same way."""

    operation = "rename"

    def __init__(self, doc: WorkspaceDocument, kind: Kind, old: str, new: str) -> None:
        super().__init__(doc, QCoreApplication.translate("Commands", "Rename '%s' to '%s'") % (old, new))
        self.kind, self.old, self.new = kind, old, new

    def _redo(self) -> None:
        touched = self.doc.workspace.rename(self.kind, self.old, self.new, self._op())
        self.doc.after_rename(self.kind, self.old, self.new, touched)

    def _undo(self) -> None:
        touched = self.doc.workspace.rename(self.kind, self.new, self.old, self._op(undo=True))
        self.doc.after_rename(self.kind, self.new, self.old, touched)


class EditCommand(_Command):
    """Settings of one port or group, written against the version the edit started from (a
    concurrent change to other fields is merged, to the same field refused); successive
    edits of one field merge into one undo step."""

    operation = "edit"

    def __init__(
        self,
        doc: WorkspaceDocument,
        kind: Kind,
        name: str,
        base: PortRecord | GroupRecord,
        target: SendPort | SendPortGroup,
        text: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(doc, edit_text(name, base.model, target) or text)
        self.kind, self.name = kind, name
        self.start = base.model  # what the undo step's text describes the change from
        self.base, self.target = base.model, target  # what the edit started from, what it wants
        self.expected = base.version
        self.prior: SendPort | SendPortGroup | None = None  # what was stored before (for undo)
        self.written: PortRecord | GroupRecord | None = None
        self.merge_key = f"{kind.value}:{name}:{merge_key}" if merge_key else None

    def id(self) -> int:
        if self.merge_key is None:
            return -1
        return _MERGE_IDS.setdefault(self.merge_key, len(_MERGE_IDS) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditCommand)
            or self.merge_key is None
            or other.merge_key != self.merge_key
            or other.written is None
        ):
            return False
        self.target, self.written = other.target, other.written
        self.setText(edit_text(self.name, self.start, self.target) or self.text())
        if self.written.model == self.prior:
            self.setObsolete(True)
        return True

    def _write(
        self, model: SendPort | SendPortGroup, expected: int, base: SendPort | SendPortGroup, operation: str
    ) -> PortRecord | GroupRecord:
        ws = self.doc.workspace
        record: PortRecord | GroupRecord
        if isinstance(model, SendPort) and isinstance(base, SendPort):
            record = ws.update_port(self.name, model, expected, base=base, operation=operation)
        else:
            assert isinstance(model, SendPortGroup) and isinstance(base, SendPortGroup)
            record = ws.update_group(self.name, model, expected, base=base, operation=operation)
        self.doc.after_edit(self.kind, self.name, record)
        return record

    def _redo(self) -> None:
        record = self._write(self.target, self.expected, self.base, self._op())
        if record.previous is not None:
            self.prior = record.previous
        self.written = record
        # The next redo (after an undo) writes this result again, over what the undo left.
        self.target = record.model

    def _undo(self) -> None:
        assert self.written is not None and self.prior is not None
        record = self._write(self.prior, self.written.version, self.written.model, self._op(undo=True))
        self.base, self.expected = record.model, record.version


class ImportCommand(_Command):
    """A binding file imported under BizTalk's import rules; undo removes what it created and
    restores what it replaced, refused if someone changed any of it since.

    An import of a large file runs on a worker thread: then the command is built with what
    that import did (``done``), and only its later redos import again."""

    operation = "import"

    def __init__(
        self,
        doc: WorkspaceDocument,
        binding: BindingDocument,
        application: str | None,
        text: str,
        done: tuple[ImportSummary, Sequence[Snapshot]] | None = None,
    ) -> None:
        super().__init__(doc, text)
        self.binding, self.application = binding, application
        self.summary: ImportSummary | None = None
        self.before: list[Snapshot] = []
        self._done = done

    def _redo(self) -> None:
        ws = self.doc.workspace
        if self._done is not None:
            summary, before = self._done
            self._done = None
        else:
            before = self.doc.snapshots_for(self.binding)
            summary = ws.import_document(self.binding, self.application)
        self.summary, self.before = summary, list(before)
        self.doc.after_import(summary)

    def _undo(self) -> None:
        assert self.summary is not None
        keys = self.doc.imported_keys(self.summary)
        self.doc.workspace.revert_import(self.summary, self.before, self._op(undo=True), self.doc.versions_seen(keys))
        self.doc.after_import(self.summary)


__all__ = [
    "CreateCommand",
    "DeleteCommand",
    "DesiredStateCommand",
    "EditCommand",
    "ImportCommand",
    "MembershipCommand",
    "MoveCommand",
    "RenameCommand",
    "StateCommand",
]


class SettingsCommand(_Command):
    """An edit of a settings sheet (cells, settings, environments), saved whole on the version it
    was based on; undo and redo save on the version this client's last save of the sheet left
    (``seen``, shared by the door's commands: later edits of the sheet undone first)."""

    operation = "settings"

    def __init__(
        self,
        doc: WorkspaceDocument,
        changed: Callable[[str], None],
        scope: str,
        before: Any,
        after: Any,
        text: str,
        seen: dict[str, int | None] | None = None,
    ) -> None:
        super().__init__(doc, text)
        self.scope, self._changed = scope, changed
        self.before = before.table if before is not None else None
        self.after, self.version = after, before.version if before is not None else None
        self._seen = seen if seen is not None else {}

    def _save(self, table: Any, undo: bool) -> None:
        environments = self.doc.workspace.environments
        expected = self._seen.get(self.scope, self.version) if (undo or self._done_once) else self.version
        self.version = environments.save(
            self.scope, table or type(self.after)(), expected, operation=self._op(undo)
        ).version
        self._seen[self.scope] = self.version
        self._changed(self.scope)

    def _redo(self) -> None:
        self._save(self.after, undo=False)

    def _undo(self) -> None:
        self._save(self.before, undo=True)


class DesiredStateCommand(_Command):
    """Desired states after deployment given (None: left as it is); undo puts back those before.
    Either direction is refused when the states are no longer what this client last wrote."""

    operation = "desired state"

    def __init__(
        self, doc: WorkspaceDocument, changed: Callable[[list[Key]], None], states: dict[Key, State | None], text: str
    ) -> None:
        super().__init__(doc, text)
        self._changed = changed
        self.after = dict(states)
        self.before: dict[Key, State | None] | None = None  # known after the first redo

    def _write(
        self, states: dict[Key, State | None], expected: dict[Key, State | None] | None
    ) -> dict[Key, State | None]:
        ws = self.doc.workspace
        stored = ws.desired_states()
        now = {key: stored.get(key) for key in states}
        # the model compares with ``expected`` again inside the transaction that writes
        ws.set_desired_states(states, expected if expected is not None else now)
        self._changed(list(states))
        return now

    def _redo(self) -> None:
        self.before = self._write(self.after, self.before)

    def _undo(self) -> None:
        assert self.before is not None
        self._write(self.before, self.after)
