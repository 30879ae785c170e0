"""The document's door to deployment (``WorkspaceDocument.deploy``): the state each send port and
group should have after deployment, and the design a deployment plan is made from.

A desired state is set as one :class:`~designer.commands.DesiredStateCommand` on the document's
undo stack; :attr:`DeployDoor.desired_changed` names what changed (after undo and redo too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from designer.command_texts import desired_text
from designer.commands import DesiredStateCommand, WorkspaceDocument
from model.bindings import BindingDocument, load
from model.lifecycle import Kind, State

Key = tuple[Kind, str]


class _Document(WorkspaceDocument, Protocol):
    """What the door needs of the document that owns it (``designer.document`` implements it)."""

    def push(self, command: QUndoCommand) -> None: ...


@dataclass(frozen=True)
class Design:
    """What a plan is made from, read in one go: the workspace's binding file (passwords and
    all: :func:`~model.bindings.blanking.blank_bytes` it before writing it anywhere), its desired
    states and the applications' references."""

    data: bytes
    document: BindingDocument
    desired: dict[Key, State]
    references: dict[str, tuple[str, ...]]


class DeployDoor(QObject):
    #: [(kind value, name), ...] whose desired state changed
    desired_changed = Signal(list)

    def __init__(self, document: _Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._desired: dict[Key, State] | None = None

    def forget(self, *_args: object) -> None:
        """The workspace changed (a reload, a rename, a delete...): read the states again next time."""
        self._desired = None

    def desired_state(self, kind: Kind, name: str) -> State | None:
        """The state ``name`` should have after deployment (None: left as it is)."""
        if self._desired is None:
            self._desired = self._doc.workspace.desired_states()
        return self._desired.get((kind, name))

    def set_desired_state(self, kind: Kind, name: str, state: State | None) -> None:
        """Give ``name`` its state after deployment (None: left as it is), as one undo step.
        Raises ``designer.document.Refused`` with the reason when the workspace refuses."""
        if self.desired_state(kind, name) is state:
            return
        command = DesiredStateCommand(self._doc, self._on_changed, {(kind, name): state}, desired_text(name, state))
        self._doc.push(command)

    def _on_changed(self, keys: list[Key]) -> None:
        self._desired = None
        self.desired_changed.emit([(k.value, n) for k, n in keys])

    def read_design(self) -> Design:
        """The design as it is now. Safe on any thread: each workspace read is its own session."""
        workspace = self._doc.workspace
        data = workspace.export()
        desired = workspace.desired_states()
        references = {a: tuple(sorted(r)) for a, r in workspace.references().items()}
        return Design(data, load(data), desired, references)
