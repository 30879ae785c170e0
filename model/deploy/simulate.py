"""What a plan's steps do to a target, played out in memory: the one definition of each step's
effect, shared by the planner (which builds its plan on a running copy), the tests (which check
BizTalk's rules after every step) and the stand-in of the Management REST API.

A step changes exactly one thing. CREATE and UPDATE set a port's or group's definition and keep
its state and (for a group) its members as they are: a new group starts empty and memberships
change only through ADD_MEMBER / REMOVE_MEMBER. State steps are single BizTalk steps
(ENLIST Unenlisted->Stopped, START Stopped->Started, STOP Started->Stopped, UNENLIST
Stopped->Unenlisted).

With ``check=True`` (the default) every step is first compared with what the target holds (its
``expected_state`` and ``expected``: a mismatch is a :class:`StepConflict`, as a live applier
would stop on a change made meanwhile) and lifecycle steps are judged by ``model.lifecycle``
(a refusal is a :class:`StepRefused`). The rules are never restated here.
"""

from __future__ import annotations

from collections.abc import Iterable

from model import lifecycle
from model.deploy.steps import Step, StepAction
from model.deploy.target import Target, TargetGroup, TargetPort
from model.domain import SendPort, SendPortGroup, replace
from model.lifecycle_types import Action, Kind, State, Subject, Transition

__all__ = ["SimulationError", "StepConflict", "StepRefused", "Work", "apply_steps", "single_transition"]

#: The one BizTalk state step of each state action: (from, to).
STATE_STEPS: dict[StepAction, tuple[State, State]] = {
    StepAction.ENLIST: (State.UNENLISTED, State.STOPPED),
    StepAction.START: (State.STOPPED, State.STARTED),
    StepAction.STOP: (State.STARTED, State.STOPPED),
    StepAction.UNENLIST: (State.STOPPED, State.UNENLISTED),
}
_BY_ENDS = {ends: action for action, ends in STATE_STEPS.items()}
_LIFECYCLE_ACTIONS = {
    StepAction.ENLIST: Action.ENLIST,
    StepAction.START: Action.START,
    StepAction.STOP: Action.STOP,
    StepAction.UNENLIST: Action.UNENLIST,
    StepAction.DELETE: Action.DELETE,
    StepAction.ADD_MEMBER: Action.ADD_MEMBER,
    StepAction.REMOVE_MEMBER: Action.REMOVE_MEMBER,
}


class SimulationError(ValueError):
    """A step that cannot be applied to the target; the message names the step and why."""


class StepConflict(SimulationError):
    """The target is not what the step expected (changed since the plan was made)."""


class StepRefused(SimulationError):
    """BizTalk's lifecycle rules refuse the step in the target's present state."""


def single_transition(change: Transition) -> StepAction:
    """The state action of one lifecycle transition (Unenlisted->Stopped is ENLIST ...)."""
    return _BY_ENDS[(change.before, change.after)]


class Work:
    """A mutable copy of a target that steps are applied to, one at a time."""

    def __init__(self, target: Target) -> None:
        self.base = target
        self.ports: dict[str, TargetPort] = dict(target.ports)
        self.groups: dict[str, TargetGroup] = dict(target.groups)
        self.applications: dict[str, tuple[str, ...]] = dict(target.applications)

    def target(self) -> Target:
        """The target as it is now."""
        t = self.base
        return Target(t.hosts, t.send_handlers, t.adapters, self.applications, self.ports, self.groups, t.source)

    def view(self) -> lifecycle.View:
        return self.target().view()

    def state(self, kind: Kind, name: str) -> State | None:
        table: dict[str, TargetPort] | dict[str, TargetGroup] = self.ports if kind is Kind.PORT else self.groups
        found = table.get(name)
        return None if found is None else found.state

    def definition(self, kind: Kind, name: str) -> SendPort | SendPortGroup | None:
        if kind is Kind.PORT:
            p = self.ports.get(name)
            return None if p is None else p.port
        g = self.groups.get(name)
        return None if g is None else g.group

    def application_exists(self, name: str) -> bool:
        """Listed by the target, or owning one of its ports or groups."""
        if name in self.applications:
            return True
        return any(p.port.application == name for p in self.ports.values()) or any(
            g.group.application == name for g in self.groups.values()
        )

    # -- applying -------------------------------------------------------------------------

    def apply(self, step: Step, *, check: bool = True) -> None:
        """Apply one step; SimulationError (nothing changed) when it does not fit."""
        if check:
            self._check(step)
        match step.action:
            case StepAction.CREATE_APPLICATION:
                if self.application_exists(step.name):
                    raise SimulationError(f"{step.text()}: the application exists already")
                self.applications[step.name] = ()
            case StepAction.ADD_REFERENCE:
                refs = self.applications.get(step.name, ())
                if not self.application_exists(step.name) or step.member is None:
                    raise SimulationError(f"{step.text()}: there is no application '{step.name}'")
                if step.member in refs:
                    raise SimulationError(f"{step.text()}: the reference exists already")
                self.applications[step.name] = (*refs, step.member)
            case StepAction.CREATE | StepAction.UPDATE:
                self._define(step)
            case StepAction.DELETE:
                self._delete(step)
            case StepAction.ADD_MEMBER | StepAction.REMOVE_MEMBER:
                self._membership(step)
            case _:
                self._state(step)

    def _define(self, step: Step) -> None:
        creating = step.action is StepAction.CREATE
        if step.kind is Kind.PORT:
            if step.port is None or (step.name in self.ports) == creating:
                raise SimulationError(f"{step.text()}: {'it exists already' if creating else 'there is no such port'}")
            state = State.UNENLISTED if creating else self.ports[step.name].state
            self.ports[step.name] = TargetPort(step.port, state)
            return
        if step.group is None or (step.name in self.groups) == creating:
            raise SimulationError(f"{step.text()}: {'it exists already' if creating else 'there is no such group'}")
        current = self.groups.get(step.name)
        members = current.group.members if current is not None else ()
        state = current.state if current is not None else State.UNENLISTED
        self.groups[step.name] = TargetGroup(replace(step.group, members=members), state)

    def _delete(self, step: Step) -> None:
        table: dict[str, TargetPort] | dict[str, TargetGroup] = self.ports if step.kind is Kind.PORT else self.groups
        if table.pop(step.name, None) is None:
            raise SimulationError(f"{step.text()}: there is no such {step.kind.label}")

    def _membership(self, step: Step) -> None:
        group = self.groups.get(step.name)
        if group is None or step.member is None:
            raise SimulationError(f"{step.text()}: there is no such send port group")
        members = group.group.members
        if step.action is StepAction.ADD_MEMBER:
            if step.member in members or step.member not in self.ports:
                raise SimulationError(f"{step.text()}: it is a member already, or there is no such send port")
            members = (*members, step.member)
        else:
            if step.member not in members:
                raise SimulationError(f"{step.text()}: it is not a member")
            members = tuple(m for m in members if m != step.member)
        self.groups[step.name] = TargetGroup(replace(group.group, members=members), group.state)

    def _state(self, step: Step) -> None:
        before, after = STATE_STEPS[step.action]
        if step.kind is Kind.PORT:
            port = self.ports.get(step.name)
            if port is None or port.state is not before:
                raise SimulationError(f"{step.text()}: it is not {before.label}")
            self.ports[step.name] = TargetPort(port.port, after)
        else:
            group = self.groups.get(step.name)
            if group is None or group.state is not before:
                raise SimulationError(f"{step.text()}: it is not {before.label}")
            self.groups[step.name] = TargetGroup(group.group, after)

    def _check(self, step: Step) -> None:
        """Compare with what the step expected, then ask the lifecycle rules."""
        if step.action not in (StepAction.CREATE_APPLICATION, StepAction.ADD_REFERENCE):
            state = self.state(step.kind, step.name)
            if state != step.expected_state:
                now = "absent" if state is None else state.label
                was = "absent" if step.expected_state is None else step.expected_state.label
                raise StepConflict(f"{step.text()}: expected it {was}, found it {now}")
            if step.expected is not None and self.definition(step.kind, step.name) != step.expected:
                raise StepConflict(f"{step.text()}: its definition changed since the plan was made")
        action = _LIFECYCLE_ACTIONS.get(step.action)
        if action is None:
            return
        view = self.view()
        try:
            if action in (Action.ADD_MEMBER, Action.REMOVE_MEMBER):
                lifecycle.plan(view, action, [Subject.port(step.member or "")], group=step.name)
            else:
                changes = lifecycle.plan(view, action, [Subject(step.kind, step.name)])
                if step.action in STATE_STEPS and len(changes) != 1:
                    raise StepRefused(f"{step.text()}: it is more than one BizTalk step from here")
        except lifecycle.LifecycleError as e:
            raise StepRefused(f"{step.text()}: {e.reason}") from None


def apply_steps(target: Target, steps: Iterable[Step], *, check: bool = True) -> Target:
    """The target after ``steps``, in order (pure: ``target`` is left as it is).

    Raises :class:`SimulationError` at the first step that does not fit; see the module
    docstring for what each step does and what ``check`` verifies."""
    work = Work(target)
    for step in steps:
        work.apply(step, check=check)
    return work.target()
