"""The steps of a deployment plan: each one change a BizTalk group can make (create, update or
delete a port or group, membership, enlist/unenlist/start/stop), with what the target held when
the plan was made (``expected``), so that whoever applies it (the REST client, the PowerShell
script) can compare before writing and stop on a change made meanwhile."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from model.domain import SendPort, SendPortGroup
from model.lifecycle_types import Kind, State


class StepAction(StrEnum):
    """What one step does; values are stable ids (JSON, scripts)."""

    CREATE_APPLICATION = "create_application"
    ADD_REFERENCE = "add_reference"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    ADD_MEMBER = "add_member"
    REMOVE_MEMBER = "remove_member"
    ENLIST = "enlist"
    UNENLIST = "unenlist"
    START = "start"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class Step:
    """One change to a target group.

    ``kind``/``name`` name the port or group (for CREATE_APPLICATION/ADD_REFERENCE, ``name`` is
    the application and ``member`` the referenced application). ``member`` is the port for
    ADD_MEMBER/REMOVE_MEMBER. ``port``/``group`` carry the design's definition for CREATE and
    UPDATE. ``expected_state`` is the state the target had when the plan was made (None: the
    object did not exist), ``expected`` the target's definition then (None: did not exist):
    an applier compares them with what it reads before it writes.
    """

    action: StepAction
    kind: Kind
    name: str
    member: str | None = None
    port: SendPort | None = None
    group: SendPortGroup | None = None
    expected_state: State | None = None
    expected: SendPort | SendPortGroup | None = None
    #: why this step is needed, one sentence ("the design enlists it", "BizTalk requires a port
    #: to be stopped before it is unenlisted")
    reason: str = ""

    def text(self) -> str:
        """One readable line: "Start send port 'A'", "Add 'A' to send port group 'G'"."""
        what = f"{self.kind.label} '{self.name}'"
        match self.action:
            case StepAction.CREATE_APPLICATION:
                return f"Create application '{self.name}'"
            case StepAction.ADD_REFERENCE:
                return f"Add a reference from application '{self.name}' to '{self.member}'"
            case StepAction.ADD_MEMBER:
                return f"Add send port '{self.member}' to send port group '{self.name}'"
            case StepAction.REMOVE_MEMBER:
                return f"Remove send port '{self.member}' from send port group '{self.name}'"
            case _:
                return f"{self.action.value.capitalize()} {what}"


@dataclass(frozen=True, slots=True)
class Plan:
    """The ordered steps that take a target to the design; empty when it already matches."""

    steps: tuple[Step, ...] = ()
    #: the target's ``source``
    target: str = "<target>"

    def __bool__(self) -> bool:
        return bool(self.steps)
