"""Undo commands: one per kind of user edit, each reversing itself on the workspace.

The document performs an edit before pushing its command, so a command's first ``redo``
does nothing; later ``undo``/``redo`` calls go through the document's ``_apply_*``
methods, which write to the workspace and refresh the views. A command that cannot be
replayed (someone else changed the workspace meanwhile) reports why, makes itself
obsolete and asks the document to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from model.bindings import BindingDocument
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind, LifecycleError, State
from model.store import ImportSummary, Snapshot, WorkspaceError

if TYPE_CHECKING:
    from designer.document import Key, WorkspaceDocument

#: Merge ids: successive edits of one field of one object become one undo step.
_MERGE_IDS: dict[str, int] = {}


class _Command(QUndoCommand):
    def __init__(self, doc: WorkspaceDocument, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self._done = True  # performed by the document before being pushed

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except (WorkspaceError, LifecycleError) as e:
            self.setObsolete(True)
            self.doc.error.emit(f"{self.text()}: {e}")
            self.doc.reload()

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class CreateCommand(_Command):
    """Ports or groups created (or pasted)."""

    def __init__(self, doc: WorkspaceDocument, snaps: Sequence[Snapshot], text: str) -> None:
        super().__init__(doc, text)
        self.snaps = list(snaps)

    def _redo(self) -> None:
        self.doc._apply_restore(self.snaps)

    def _undo(self) -> None:
        self.doc._apply_remove([(s.kind, s.model.name) for s in reversed(self.snaps)])


class DeleteCommand(_Command):
    """Ports or groups deleted (under the rules the first time; undo puts them back exactly)."""

    def __init__(self, doc: WorkspaceDocument, snaps: Sequence[Snapshot], text: str) -> None:
        super().__init__(doc, text)
        self.snaps = list(snaps)

    def _redo(self) -> None:
        self.doc._apply_remove([(s.kind, s.model.name) for s in self.snaps])

    def _undo(self) -> None:
        # Ports before groups, so that a restored group finds its members on the canvas.
        self.doc._apply_restore(sorted(self.snaps, key=lambda s: s.kind is Kind.GROUP))


class MoveCommand(_Command):
    def __init__(self, doc: WorkspaceDocument, before: dict[Key, tuple[float, float]],
                 after: dict[Key, tuple[float, float]], text: str) -> None:
        super().__init__(doc, text)
        self.before, self.after = before, after

    def _redo(self) -> None:
        self.doc._apply_positions(self.after)

    def _undo(self) -> None:
        self.doc._apply_positions(self.before)


class StateCommand(_Command):
    """A lifecycle action (enlist, start, stop, unenlist, application start/stop)."""

    def __init__(self, doc: WorkspaceDocument, before: Sequence[tuple[Kind, str, State]],
                 after: Sequence[tuple[Kind, str, State]], text: str) -> None:
        super().__init__(doc, text)
        self.before, self.after = list(before), list(after)

    def _redo(self) -> None:
        self.doc._apply_states(self.after, "redo")

    def _undo(self) -> None:
        self.doc._apply_states(self.before, "undo")


class GroupCommand(_Command):
    """A group's members (or settings) changed."""

    def __init__(self, doc: WorkspaceDocument, name: str, before: SendPortGroup, after: SendPortGroup,
                 text: str) -> None:
        super().__init__(doc, text)
        self.name, self.before, self.after = name, before, after

    def _redo(self) -> None:
        self.doc._apply_group(self.name, self.after)

    def _undo(self) -> None:
        self.doc._apply_group(self.name, self.before)


class RenameCommand(_Command):
    def __init__(self, doc: WorkspaceDocument, kind: Kind, old: str, new: str) -> None:
        super().__init__(doc, QCoreApplication.translate("Commands", "Rename '%s' to '%s'") % (old, new))
        self.kind, self.old, self.new = kind, old, new

    def _redo(self) -> None:
        self.doc._apply_rename(self.kind, self.old, self.new)

    def _undo(self) -> None:
        self.doc._apply_rename(self.kind, self.new, self.old)


class EditCommand(_Command):
    """Settings of one port or group; edits of the same field in a row merge into one step."""

    def __init__(self, doc: WorkspaceDocument, kind: Kind, name: str, before: SendPort | SendPortGroup,
                 after: SendPort | SendPortGroup, text: str, merge_key: str | None = None) -> None:
        super().__init__(doc, text)
        self.kind, self.name, self.before, self.after = kind, name, before, after
        self.merge_key = f"{kind.value}:{name}:{merge_key}" if merge_key else None

    def id(self) -> int:
        if self.merge_key is None:
            return -1
        return _MERGE_IDS.setdefault(self.merge_key, len(_MERGE_IDS) + 1)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def _apply(self, value: SendPort | SendPortGroup) -> None:
        if self.kind is Kind.PORT:
            self.doc._apply_port(self.name, value)  # type: ignore[arg-type]
        else:
            self.doc._apply_group(self.name, value)  # type: ignore[arg-type]

    def _redo(self) -> None:
        self._apply(self.after)

    def _undo(self) -> None:
        self._apply(self.before)


class ImportCommand(_Command):
    """A binding file imported; undo removes what it created and restores what it replaced."""

    def __init__(self, doc: WorkspaceDocument, binding: BindingDocument, application: str | None,
                 summary: ImportSummary, before: Sequence[Snapshot], text: str) -> None:
        super().__init__(doc, text)
        self.binding, self.application, self.summary, self.before = binding, application, summary, list(before)

    def _redo(self) -> None:
        self.summary = self.doc._apply_import(self.binding, self.application)

    def _undo(self) -> None:
        self.doc._apply_revert_import(self.summary, self.before)
