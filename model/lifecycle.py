"""The send port / send port group lifecycle: BizTalk's state machine as pure functions.

The toolbar, the command line and the document all ask this module what an action would
do (`plan`) or whether it may be done (`allowed_actions`), so every rule lives once.
Callers describe the workspace as a `View` (names, states, memberships) and apply the
returned changes themselves (`apply_plan` shows how). The values live in
`model.lifecycle_types`, the wording in `model.lifecycle_messages`; both are re-exported
or used from here. Standard library only: no Qt, no database, no pydantic models.

Order of a plan (some rules depend on it):

* ENLIST and START process send ports before groups, so that a group whose member is
  enlisted or started by the same action may start.
* STOP, UNENLIST and DELETE process groups before ports, so that unenlisting a group
  together with its last enlisted member, or deleting a group together with its member
  ports, is allowed (for STOP no rule depends on it; it mirrors START).
* Within one kind, and for ADD_MEMBER / REMOVE_MEMBER, the selection order is kept;
  a subject selected twice counts once.
* START_APPLICATION acts on the application's ports, then its groups; STOP_APPLICATION
  on its groups, then its ports; each sorted by name.

A multi-step move is planned as one `Transition` per BizTalk step: starting from
Unenlisted is Unenlisted->Stopped then Stopped->Started (enlist then start), and
unenlisting a started object is Started->Stopped then Stopped->Unenlisted.

One rule goes beyond the reference's table: a stopped port cannot be removed from a
started group whose last enlisted member it is, for the same reason it could not be
unenlisted (a started group always keeps an enlisted member).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from itertools import pairwise
from typing import TypeVar

from model import lifecycle_messages as msg
from model.lifecycle_types import (
    APPLICATION_ACTIONS,
    SELECTION_ACTIONS,
    Action,
    Change,
    Deletion,
    GroupInfo,
    Kind,
    LifecycleError,
    MembershipChange,
    PortInfo,
    Simulation,
    State,
    Subject,
    Transition,
    UnknownSubjectError,
    Verdict,
    View,
)

# fmt: off
__all__ = [
    "APPLICATION_ACTIONS", "GROUP_ACTION_NOTE", "SELECTION_ACTIONS", "Action", "Change",
    "Deletion", "GroupInfo", "Kind", "LifecycleError", "MembershipChange", "PortInfo",
    "State", "Subject", "Transition", "UnknownSubjectError", "Verdict", "View", "allowed_actions",
    "application_verdicts", "apply_plan", "can_add_member", "can_remove_member", "plan", "split", "violations",
]
# fmt: on

#: For the UI, next to group actions: acting on a group leaves its members' states alone.
GROUP_ACTION_NOTE: str = msg.GROUP_ACTION_NOTE

_U, _S, _ST = State.UNENLISTED, State.STOPPED, State.STARTED

# The reference's lifecycle table, cell by cell: the path of states, or why it is refused.
_STATE_TABLE: dict[tuple[Action, State], tuple[State, ...] | str] = {
    (Action.ENLIST, _U): (_U, _S),
    (Action.ENLIST, _S): "it is already enlisted",
    (Action.ENLIST, _ST): "it is already enlisted and started",
    (Action.START, _U): (_U, _S, _ST),
    (Action.START, _S): (_S, _ST),
    (Action.START, _ST): "it is already started",
    (Action.STOP, _U): "it is not enlisted, so there is nothing to stop",
    (Action.STOP, _S): "it is already stopped",
    (Action.STOP, _ST): (_ST, _S),
    (Action.UNENLIST, _U): "it is already unenlisted",
    (Action.UNENLIST, _S): (_S, _U),
    (Action.UNENLIST, _ST): (_ST, _S, _U),
}


def _what(subject: Subject) -> str:
    return msg.named(subject.kind.label, [subject.name])


def _path(subject: Subject, states: tuple[State, ...]) -> list[Change]:
    return [Transition(subject.kind, subject.name, a, b) for a, b in pairwise(states)]


def _start_problem(sim: Simulation, group: GroupInfo) -> tuple[str, str] | None:
    if sim.enlisted_count(group.name):
        return None
    return msg.group_cannot_start(bool(group.members))


def _state_step(sim: Simulation, action: Action, subject: Subject) -> list[Change]:
    """ENLIST / START / STOP / UNENLIST of one object, per the table and the group rules."""
    info = sim.info(action, subject)
    cell = _STATE_TABLE[action, info.state]
    problem: tuple[str, str | None] | None = None
    if isinstance(cell, str):
        problem = (cell, None)
    elif isinstance(info, GroupInfo) and action is Action.START:
        problem = _start_problem(sim, info)
    elif isinstance(info, PortInfo) and action is Action.UNENLIST:
        # The port is enlisted here (the table allows the step), so it is one of the count.
        held = [g.name for g in sim.groups_of(info.name) if g.state is not _U and sim.enlisted_count(g.name) == 1]
        problem = msg.last_enlisted_member(held) if held else None
    if problem is not None:
        reason = msg.refusal(action.value, _what(subject), *problem)
        raise LifecycleError(action, subject, info.state, reason)
    assert not isinstance(cell, str)
    return _path(subject, cell)


def _delete_step(sim: Simulation, action: Action, subject: Subject) -> list[Change]:
    """DELETE: only unenlisted objects; a port also only outside groups and orchestrations."""
    info = sim.info(action, subject)
    state_word = {_U: None, _S: "still enlisted", _ST: "started"}[info.state]
    groups: list[str] = []
    orchestrations: Sequence[str] = ()
    if isinstance(info, PortInfo):
        groups = [g.name for g in sim.groups_of(info.name)]
        orchestrations = info.orchestrations
    problem = msg.delete_blockers(state_word, groups, orchestrations)
    if problem is not None:
        reason = msg.refusal("delete", _what(subject), *problem)
        raise LifecycleError(action, subject, info.state, reason)
    return [Deletion(subject.kind, subject.name)]


def _membership_step(sim: Simulation, action: Action, subject: Subject, group_name: str) -> list[Change]:
    """ADD_MEMBER / REMOVE_MEMBER of one port; states never change."""
    group = sim.group(action, group_name)
    adding = action is Action.ADD_MEMBER
    verb, towards = ("add", "to") if adding else ("remove", "from")
    what = f"{_what(subject)} {towards} {msg.named('send port group', [group.name])}"

    def refuse(problem: str, fix: str | None = None, state: State | None = None) -> LifecycleError:
        return LifecycleError(action, subject, state, msg.refusal(verb, what, problem, fix))

    if subject.kind is Kind.GROUP:
        member = sim.group(action, subject.name)
        raise refuse("only send ports can be members of a send port group", state=member.state)
    port = sim.port(action, subject.name)
    if adding:
        if port.name in sim.member_set(group.name):
            raise refuse("it is already a member", state=port.state)
        if not port.is_static or port.is_two_way:
            problem = msg.not_member_kind(not port.is_static, port.is_two_way)
            raise refuse(problem, state=port.state)
        port_app, group_app = port.application, group.application
        referenced = sim.references.get(group_app or "", frozenset())
        if port_app and group_app and port_app != group_app and port_app not in referenced:
            raise refuse(*msg.missing_reference(group_app, port_app), state=port.state)
        return [MembershipChange(group.name, port.name, True)]
    if port.name not in sim.member_set(group.name):
        raise refuse("it is not a member of that group", state=port.state)
    if port.state is _ST:
        raise refuse("the port is started", "stop it first", port.state)
    if group.state is _ST and port.state is _S and sim.enlisted_count(group.name) == 1:
        # Not in the reference table, but the same protection as the unenlist rule: a
        # started group must keep an enlisted member.
        raise refuse(
            "it is the group's last enlisted member and the group is started",
            "stop the group first, or enlist another of its members",
            port.state,
        )
    return [MembershipChange(group.name, port.name, False)]


def _application_step(sim: Simulation, action: Action, application: str, subject: Subject) -> list[Change]:
    """One object of START_APPLICATION / STOP_APPLICATION; objects already there are skipped."""
    info = sim.info(action, subject)
    if action is Action.STOP_APPLICATION:
        return _path(subject, (_ST, _S)) if info.state is _ST else []
    if info.state is _ST:
        return []
    if isinstance(info, GroupInfo) and (problem := _start_problem(sim, info)):
        because = f"{_what(subject)} cannot be started because {problem[0]}"
        reason = msg.refusal("start", f"application '{application}'", because, problem[1])
        raise LifecycleError(action, subject, info.state, reason)
    cell = _STATE_TABLE[Action.START, info.state]
    assert not isinstance(cell, str)
    return _path(subject, cell)


Step = Callable[..., list[Change]]  # step(sim, subject=...): one object's changes
_Kept = TypeVar("_Kept")


def _steps(
    sim: Simulation,
    action: Action,
    subjects: Sequence[Subject],
    group: str | None,
    application: str | None,
) -> tuple[Step, list[Subject]]:
    """The rule of one object's step, and the objects in the documented order (one rule and a
    list, not a step object per subject: a bulk plan keeps nothing per object but its changes)."""
    if action in APPLICATION_ACTIONS:
        if application is None:
            raise ValueError(f"{action.value} needs application=.")
        ports = [Subject.port(n) for n in sorted(sim.ports) if sim.ports[n].application == application]
        groups = [Subject.group(n) for n in sorted(sim.groups) if sim.groups[n].application == application]
        ordered = ports + groups if action is Action.START_APPLICATION else groups + ports
        return partial(_application_step, action=action, application=application), ordered
    unique = list(dict.fromkeys(subjects))
    if action in (Action.ADD_MEMBER, Action.REMOVE_MEMBER):
        if group is None:
            raise ValueError(f"{action.value} needs group=.")
        return partial(_membership_step, action=action, group_name=group), unique
    ports_first = action in (Action.ENLIST, Action.START)
    by_kind = sorted(unique, key=lambda s: (s.kind is Kind.PORT) != ports_first)
    return partial(_delete_step if action is Action.DELETE else _state_step, action=action), by_kind


def _whole(error: LifecycleError) -> LifecycleError:
    return error.with_traceback(None)  # a kept traceback would keep every frame alive


def _reason(error: LifecycleError) -> str:
    return error.reason


def _evaluate(
    view: View,
    action: Action,
    subjects: Sequence[Subject],
    group: str | None,
    application: str | None,
    keep: Callable[[LifecycleError], _Kept],
) -> tuple[list[Change], list[_Kept]]:
    """Play every step on a simulation; a refused step is recorded (what ``keep`` makes of its
    error) and skipped. A verdict keeps only the words: a select-all of 100,000 ports would
    otherwise keep as many error objects alive for the collector to walk."""
    sim = Simulation(view)
    step, ordered = _steps(sim, action, subjects, group, application)
    is_application_action = action in APPLICATION_ACTIONS
    if not is_application_action and not subjects:
        return [], [keep(LifecycleError(action, None, None, msg.SELECT_FIRST))]
    errors: list[_Kept] = []
    for subject in ordered:
        try:
            changes = step(sim, subject=subject)
        except LifecycleError as error:
            errors.append(keep(error))
            continue
        for change in changes:
            sim.apply(change)
    if is_application_action and application is not None and not sim.changes and not errors:
        verb = "start" if action is Action.START_APPLICATION else "stop"
        nothing = msg.application_empty if ordered else msg.application_without_objects
        errors.append(keep(LifecycleError(action, None, None, nothing(verb, application))))
    return sim.changes, errors


def plan(
    view: View,
    action: Action,
    subjects: Sequence[Subject] = (),
    *,
    group: str | None = None,
    application: str | None = None,
) -> list[Change]:
    """The ordered changes that `action` on `subjects` would make, all or nothing.

    Raises LifecycleError for the first refused subject (in processing order). ADD_MEMBER
    and REMOVE_MEMBER need `group=`; the application actions need `application=` and ignore
    `subjects`. See the module docstring for the order of the changes.
    """
    changes, errors = _evaluate(view, action, subjects, group, application, _whole)
    if errors:
        raise errors[0]
    return changes


def split(view: View, action: Action, subjects: Sequence[Subject]) -> tuple[list[Subject], list[LifecycleError]]:
    """For a bulk action on the selection: the subjects it may act on, and the refusals of the
    others (one each, in processing order). Planning `action` on the allowed ones alone gives
    the same changes, since a refused step changes nothing in the simulation."""
    if action in APPLICATION_ACTIONS or action in (Action.ADD_MEMBER, Action.REMOVE_MEMBER):
        raise ValueError(f"{action.value} does not act on a selection.")
    errors = _evaluate(view, action, subjects, None, None, _whole)[1]
    refused = {e.subject for e in errors}
    allowed = [s for s in dict.fromkeys(subjects) if s not in refused]
    return allowed, errors


def apply_plan(view: View, changes: Iterable[Change]) -> View:
    """The view after `changes`; ValueError if a change does not fit (e.g. a stale plan)."""
    sim = Simulation(view)
    for change in changes:
        sim.apply(change)
    return sim.view()


def _verdict(action: Action, reasons: Sequence[str]) -> Verdict:
    if not reasons:
        return Verdict(action, True, None)
    return Verdict(action, False, "\n".join(dict.fromkeys(reasons)))


def allowed_actions(view: View, subjects: Sequence[Subject]) -> dict[Action, Verdict]:
    """What a toolbar may enable for the selection and, for the rest, why not.

    Always holds SELECTION_ACTIONS and APPLICATION_ACTIONS; the application actions are
    judged when every selected object belongs to the same application, and refused with a
    reason otherwise. A refused verdict gives one sentence per refused subject, one per line.
    """
    verdicts = {a: _verdict(a, _evaluate(view, a, subjects, None, None, _reason)[1]) for a in SELECTION_ACTIONS}
    verdicts.update(application_verdicts(view, subjects))
    return verdicts


def application_verdicts(view: View, subjects: Sequence[Subject]) -> dict[Action, Verdict]:
    """The APPLICATION_ACTIONS part of :func:`allowed_actions`: for a window that judges the
    selection actions with :func:`split` (what a bulk action acts on and what it skips), so
    that each selection change evaluates every action once."""
    verdicts: dict[Action, Verdict] = {}
    for action in APPLICATION_ACTIONS:
        application, refused = _selected_application(view, action, subjects)
        if application is None:
            verdicts[action] = Verdict(action, False, refused)
        else:
            reasons = _evaluate(view, action, (), None, application, _reason)[1]
            verdicts[action] = _verdict(action, reasons)
    return verdicts


def _selected_application(view: View, action: Action, subjects: Sequence[Subject]) -> tuple[str | None, str]:
    """The one application all subjects belong to, or None and the reason there is none."""
    if not subjects:
        return None, msg.SELECT_FIRST
    placements: list[tuple[str, str | None]] = []
    for subject in subjects:
        table: Mapping[str, PortInfo] | Mapping[str, GroupInfo]
        table = view.ports if subject.kind is Kind.PORT else view.groups
        if subject.name not in table:
            return None, msg.no_such(subject.kind.label, subject.name)
        placements.append((_what(subject), table[subject.name].application))
    applications = {app for _, app in placements}
    if len(applications) == 1 and None not in applications:
        return applications.pop(), ""
    verb = "start" if action is Action.START_APPLICATION else "stop"
    return None, msg.not_one_application(verb, placements)


def can_add_member(view: View, group: str, port: str) -> Verdict:
    """Whether `port` may join `group` now (drag-to-group), and why not."""
    reasons = _evaluate(view, Action.ADD_MEMBER, [Subject.port(port)], group, None, _reason)[1]
    return _verdict(Action.ADD_MEMBER, reasons)


def can_remove_member(view: View, group: str, port: str) -> Verdict:
    """Whether `port` may leave `group` now, and why not."""
    reasons = _evaluate(view, Action.REMOVE_MEMBER, [Subject.port(port)], group, None, _reason)[1]
    return _verdict(Action.REMOVE_MEMBER, reasons)


def violations(view: View) -> frozenset[str]:
    """The rules that a stored state breaks, one sentence each (empty when all hold).

    A started group keeps an enlisted member; a member is a static one-way send port that
    exists (a file may list ports deployed elsewhere: those count once imported); a member
    of another application needs a reference. Stores check that a write adds none.
    """
    out: set[str] = set()
    for g in view.groups.values():
        for m in dict.fromkeys(g.members):
            port = view.ports.get(m)
            if port is None:
                out.add(f"send port group '{g.name}' lists '{m}', which is not a send port in the workspace")
                continue
            if not port.is_static or port.is_two_way:
                out.add(f"send port group '{g.name}' has member '{m}', which is not a static one-way send port")
            if (
                port.application
                and g.application
                and port.application != g.application
                and port.application not in view.references.get(g.application, frozenset())
            ):
                out.add(
                    f"send port group '{g.name}' has member '{m}' of application '{port.application}', "
                    f"which '{g.application}' does not reference"
                )
        if g.state is State.STARTED and not any(
            m in view.ports and view.ports[m].state is not State.UNENLISTED for m in g.members
        ):
            out.add(f"send port group '{g.name}' is started but has no enlisted member")
    return frozenset(out)
