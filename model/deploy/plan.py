"""The deployment plan: the ordered, minimal steps that take a target group to the design.

:func:`make_plan` compares the design (a binding document, the desired states, the
applications' references) with a :class:`~model.deploy.target.Target` and plays the steps on a
running copy of the target (``model.deploy.simulate``), asking ``model.lifecycle`` for every
state, membership and delete step so that BizTalk's rules are stated once. The phases, in order:

1. create missing applications and the references the design needs (declared ones, and those a
   group with a member of another application needs);
2. create the ports and groups the target lacks, update those whose definition differs (what
   BizTalk does not give back is ignored: passwords, which an export blanks; a group's members,
   which change only by membership steps); a port is updated in whatever state it is in: BizTalk
   changes a started send port's properties in place (the console and an import do so);
3. add the members the design lists (adding never breaks a rule, so it comes before removals and
   keeps groups' enlisted members);
4. enlist and start the ports that should be (ports before groups, so a group can start later
   and a started group never loses its last enlisted member);
5. bring down what must go down: stop before unenlist; a group whose last enlisted member leaves
   (unenlisted, or removed while the group is started) is stopped or unenlisted first;
6. delete groups, remove members, delete ports (only unenlisted and in no group);
7. bring everything up to its final state: what phase 5 lowered on the way, then groups.

Final states: a port or group's desired state; without one, the state it has in the target
(left as it is), and Unenlisted for a new one. Deleted: the ports and groups the target has in
the design's applications but the design does not; other applications are left alone (only
their membership of the design's groups changes). A group member the design names but that is
a send port of neither the design nor the target is skipped (pre-flight reports it).

The plan is minimal in that each object takes the shortest path the rules allow: a step is
only added for a difference, or for a rule (a group stopped so that its last member can go).
Applying the plan and planning again gives an empty plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from model import lifecycle
from model.bindings.binding_document import BindingDocument
from model.bindings.blanking import blank_text
from model.bindings.writer import group_node, port_node, render
from model.deploy.simulate import Work, single_transition
from model.deploy.steps import Plan, Step, StepAction
from model.deploy.target import Target
from model.domain import SendPort, SendPortGroup, replace
from model.lifecycle_types import (
    Action,
    Change,
    Deletion,
    Kind,
    MembershipChange,
    State,
    Subject,
    Transition,
)
from model.validation import label

__all__ = ["PlanError", "definition_changes", "make_plan"]

_U, _S, _ST = State.UNENLISTED, State.STOPPED, State.STARTED


class PlanError(ValueError):
    """The design cannot be reached under BizTalk's rules (a desired state that breaks one, a
    group member that cannot be a member); the message names the object and the rule."""


def _port_key(port: SendPort) -> str:
    return blank_text(render(port_node(port)))


def _group_key(group: SendPortGroup) -> str:
    return render(group_node(replace(group, members=())))


def definition_changes(design: SendPort | SendPortGroup, target: SendPort | SendPortGroup) -> list[str]:
    """The properties (in words) in which ``design`` differs from ``target`` as BizTalk keeps
    them; empty when an update is not needed. Passwords are compared blanked (BizTalk never
    gives them back), a group's members not at all (membership steps change them)."""
    if design == target:  # the usual case, and much cheaper than writing both out
        return []
    if isinstance(design, SendPort) and isinstance(target, SendPort):
        same = _port_key(design) == _port_key(target)
    elif isinstance(design, SendPortGroup) and isinstance(target, SendPortGroup):
        same = _group_key(design) == _group_key(target)
    else:
        same = False
    if same:
        return []
    fields = [f for f in type(design).model_fields if f != "members" and getattr(design, f) != getattr(target, f)]
    return [_label(f) for f in fields] or ["adapter settings"]


@lru_cache(maxsize=64)
def _label(field: str) -> str:
    return label(field).lower()


class _Builder:
    """One plan being built: the design, the running target, and the steps so far."""

    def __init__(
        self,
        design: BindingDocument,
        desired: Mapping[tuple[Kind, str], State],
        target: Target,
        applications: Mapping[str, tuple[str, ...]],
    ) -> None:
        self.design = design
        self.target = target
        self.work = Work(target)
        self.steps: list[Step] = []
        self.declared = applications
        self.desired = desired
        self.apps = set(design.applications()) | set(applications)
        self.design_ports = {p.name: p for p in design.send_ports}
        self.design_groups = {g.name: g for g in design.groups}
        named = {m for g in design.groups for m in g.members}  # a port the design's groups name is kept
        self.deleted_ports = {
            n
            for n, p in target.ports.items()
            if p.port.application in self.apps and n not in self.design_ports and n not in named
        }
        self.deleted_groups = {
            n for n, g in target.groups.items() if g.group.application in self.apps and n not in self.design_groups
        }
        self.final: dict[tuple[Kind, str], State] = {}
        for kind, table, current in (
            (Kind.PORT, self.design_ports, target.ports),
            (Kind.GROUP, self.design_groups, target.groups),
        ):
            for name in table:
                now = current.get(name)
                self.final[(kind, name)] = desired.get((kind, name), now.state if now is not None else _U)
        for name, port in target.ports.items():
            self.final.setdefault((Kind.PORT, name), _U if name in self.deleted_ports else port.state)
        for name, group in target.groups.items():
            self.final.setdefault((Kind.GROUP, name), _U if name in self.deleted_groups else group.state)
        #: group -> its members that leave it (not in the design's list, or deleted ports)
        self.removals: dict[str, list[str]] = {}
        for name, group in target.groups.items():
            if name in self.deleted_groups:
                continue
            wanted = self.design_groups.get(name)
            keep = set(wanted.members) if wanted is not None else None
            leaving = [
                m
                for m in dict.fromkeys(group.group.members)
                if m in self.deleted_ports or (keep is not None and m not in keep)
            ]
            if leaving:
                self.removals[name] = leaving
        self.leaving_ports = {m for ms in self.removals.values() for m in ms}
        #: what the lowering phase brought down (for the reasons of the steps that raise it again)
        self.lowered: set[tuple[Kind, str]] = set()

    # -- emitting -------------------------------------------------------------------------

    def emit(self, action: StepAction, kind: Kind, name: str, reason: str, **extra: object) -> None:
        on_application = action in (StepAction.CREATE_APPLICATION, StepAction.ADD_REFERENCE)
        step = Step(
            action,
            kind,
            name,
            expected_state=None if on_application else self.work.state(kind, name),
            expected=None if on_application else self.work.definition(kind, name),
            reason=reason,
            **extra,  # type: ignore[arg-type]
        )
        self.work.apply(step, check=False)
        self.steps.append(step)

    def emit_changes(self, changes: Iterable[Change], reason: Mapping[tuple[Kind, str], str] | str) -> None:
        for change in changes:
            if isinstance(change, Transition):
                key = (change.kind, change.name)
                why = reason if isinstance(reason, str) else reason[key]
                self.emit(single_transition(change), change.kind, change.name, why)
            elif isinstance(change, MembershipChange):
                action = StepAction.ADD_MEMBER if change.added else StepAction.REMOVE_MEMBER
                why = reason if isinstance(reason, str) else reason[(Kind.GROUP, change.group)]
                self.emit(action, Kind.GROUP, change.group, why, member=change.port)
            elif isinstance(change, Deletion):
                why = reason if isinstance(reason, str) else reason[(change.kind, change.name)]
                self.emit(StepAction.DELETE, change.kind, change.name, why)

    def lifecycle(
        self,
        action: Action,
        subjects: Sequence[Subject],
        reason: Mapping[tuple[Kind, str], str] | str,
        *,
        group: str | None = None,
    ) -> None:
        """Ask the lifecycle rules for ``action`` on ``subjects`` and emit its steps."""
        if not subjects:
            return
        try:
            changes = lifecycle.plan(self.work.view(), action, subjects, group=group)
        except lifecycle.LifecycleError as e:
            raise PlanError(f"the design cannot be deployed to {self.target.source}: {e.reason}") from None
        self.emit_changes(changes, reason)

    # -- phases ---------------------------------------------------------------------------

    def applications_phase(self) -> None:
        for app in sorted(self.apps):
            if not self.work.application_exists(app):
                self.emit(StepAction.CREATE_APPLICATION, Kind.PORT, app, "the design has ports or groups in it")
        needed: dict[str, dict[str, str]] = {}
        for app, refs in self.declared.items():
            for ref in refs:
                needed.setdefault(app, {}).setdefault(ref, "the design's application references it")
        for group in self.design.groups:
            for m in group.members:
                owner = self._owner(m)
                if group.application and owner and owner != group.application:
                    why = f"send port group '{group.name}' has member '{m}' of application '{owner}'"
                    needed.setdefault(group.application, {}).setdefault(owner, why)
        for app in sorted(needed):
            for ref, why in needed[app].items():
                have = self.work.applications.get(app, ())
                if ref not in have and ref != app and self.work.application_exists(ref):
                    self.emit(StepAction.ADD_REFERENCE, Kind.PORT, app, why, member=ref)

    def _owner(self, port: str) -> str | None:
        design = self.design_ports.get(port)
        if design is not None:
            return design.application
        there = self.target.ports.get(port)
        return there.port.application if there is not None else None

    def definitions_phase(self) -> None:
        for port in self.design.send_ports:
            there = self.work.ports.get(port.name)
            if there is None:
                self.emit(StepAction.CREATE, Kind.PORT, port.name, "the target has no such send port", port=port)
            elif changed := definition_changes(port, there.port):
                self.emit(StepAction.UPDATE, Kind.PORT, port.name, f"changed: {', '.join(changed)}", port=port)
        for group in self.design.groups:
            g = self.work.groups.get(group.name)
            if g is None:
                empty = replace(group, members=())
                self.emit(StepAction.CREATE, Kind.GROUP, group.name, "the target has no such group", group=empty)
            elif changed := definition_changes(group, g.group):
                kept = replace(group, members=g.group.members)
                self.emit(StepAction.UPDATE, Kind.GROUP, group.name, f"changed: {', '.join(changed)}", group=kept)

    def members_phase(self) -> None:
        for group in self.design.groups:
            have = set(self.work.groups[group.name].group.members)
            new = [m for m in dict.fromkeys(group.members) if m not in have and m in self.work.ports]
            why = "the design lists it as a member"
            self.lifecycle(Action.ADD_MEMBER, [Subject.port(m) for m in new], why, group=group.name)

    def raise_ports_phase(self) -> None:
        """Ports up to their final state early (those leaving a group only to Stopped: a started
        port cannot be removed from a group)."""
        enlist, start = [], []
        for name in self.design_ports:
            final, now = self.final[(Kind.PORT, name)], self.work.ports[name].state
            if final is _ST and now is not _ST and name not in self.leaving_ports:
                start.append(Subject.port(name))
            elif final is not _U and now is _U:
                enlist.append(Subject.port(name))
        self.lifecycle(Action.ENLIST, enlist, "the design wants it enlisted")
        self.lifecycle(Action.START, start, "the design wants it started")

    def lower_phase(self) -> None:
        ports = self.work.ports
        unenlisting = {n for n, p in ports.items() if p.state is not _U and self.final[(Kind.PORT, n)] is _U}
        stopping = [
            n
            for n, p in ports.items()
            if p.state is _ST and (self.final[(Kind.PORT, n)] is not _ST or n in self.leaving_ports)
        ]
        stop_groups: list[str] = []
        unenlist_groups: list[str] = []
        why: dict[tuple[Kind, str], str] = {}
        for name, g in self.work.groups.items():
            now = g.state
            low = min(now, self.final[(Kind.GROUP, name)])
            reason = "the design wants it " + low.label.lower() if low < now else ""
            if name not in self.deleted_groups and now is not _U:
                leaving = set(self.removals.get(name, ()))
                members = [m for m in dict.fromkeys(g.group.members) if m in ports]
                stays = [m for m in members if m not in leaving and m not in unenlisting and ports[m].state is not _U]
                if not stays:
                    if any(m in unenlisting for m in members):
                        low = _U
                        reason = "BizTalk does not unenlist the last enlisted member of an enlisted group"
                    elif now is _ST and any(ports[m].state is not _U for m in leaving if m in ports):
                        low = min(low, _S)
                        reason = "BizTalk does not remove the last enlisted member of a started group"
            elif name in self.deleted_groups:
                reason = "it is deleted, and BizTalk deletes only unenlisted groups"
            if low < now:
                why[(Kind.GROUP, name)] = reason
                if now is _ST:
                    stop_groups.append(name)
                if low is _U:
                    unenlist_groups.append(name)
        for n in stopping:
            final = self.final[(Kind.PORT, n)]
            if n in self.deleted_ports:
                why[(Kind.PORT, n)] = "it is deleted: BizTalk stops a port before it unenlists it"
            elif final is _ST:
                why[(Kind.PORT, n)] = "BizTalk removes only stopped ports from a group (started again afterwards)"
            else:
                why[(Kind.PORT, n)] = f"the design wants it {final.label.lower()}"
        for n in unenlisting:
            deleted = n in self.deleted_ports
            why[(Kind.PORT, n)] = (
                "it is deleted, and BizTalk deletes only unenlisted ports"
                if deleted
                else ("the design wants it unenlisted")
            )
        stop = [Subject.group(n) for n in stop_groups] + [Subject.port(n) for n in stopping]
        self.lowered = set(why)
        self.lifecycle(Action.STOP, stop, why)
        unenlist = [Subject.group(n) for n in unenlist_groups] + [Subject.port(n) for n in ports if n in unenlisting]
        self.lifecycle(Action.UNENLIST, unenlist, why)

    def remove_phase(self) -> None:
        doomed = [Subject.group(n) for n in self.target.groups if n in self.deleted_groups]
        self.lifecycle(Action.DELETE, doomed, "the design's application no longer has it")
        for group, leaving in self.removals.items():
            ghosts = [m for m in leaving if m not in self.work.ports]
            why = "the design does not list it as a member"
            self.lifecycle(
                Action.REMOVE_MEMBER, [Subject.port(m) for m in leaving if m in self.work.ports], why, group=group
            )
            for m in ghosts:  # a member that is no send port: no rule can keep it
                self.emit(StepAction.REMOVE_MEMBER, Kind.GROUP, group, why, member=m)
        doomed = [Subject.port(n) for n in self.target.ports if n in self.deleted_ports]
        self.lifecycle(Action.DELETE, doomed, "the design's application no longer has it")

    def raise_phase(self) -> None:
        enlist: list[Subject] = []
        start: list[Subject] = []
        for kind, table in ((Kind.PORT, self.work.ports), (Kind.GROUP, self.work.groups)):
            for name, obj in table.items():
                final = self.final[(kind, name)]
                if kind is Kind.GROUP and (kind, name) not in self.desired and not self._has_enlisted(name):
                    # "left as it is", but BizTalk keeps no group enlisted without an enlisted
                    # member: it stays down (a desired state would make the plan refuse instead)
                    self.final[(kind, name)] = obj.state
                    continue
                if final is _ST and obj.state is not _ST:
                    start.append(Subject(kind, name))
                elif final is _S and obj.state is _U:
                    enlist.append(Subject(kind, name))
        reason = {(s.kind, s.name): self._raise_reason(s) for s in enlist + start}
        self.lifecycle(Action.ENLIST, enlist, reason)
        self.lifecycle(Action.START, start, reason)

    def _has_enlisted(self, group: str) -> bool:
        members = self.work.groups[group].group.members
        return any(m in self.work.ports and self.work.ports[m].state is not _U for m in members)

    def _raise_reason(self, subject: Subject) -> str:
        final = self.final[(subject.kind, subject.name)].label.lower()
        if (subject.kind, subject.name) in self.lowered:
            return f"back to {final}: the steps above needed it lower for a while"
        table = self.design_ports if subject.kind is Kind.PORT else self.design_groups
        return f"the design wants it {final}" if subject.name in table else f"back to {final}, as it was"


def make_plan(
    design: BindingDocument,
    desired: Mapping[tuple[Kind, str], State],
    target: Target,
    *,
    applications: Mapping[str, tuple[str, ...]] | None = None,
) -> Plan:
    """The ordered, minimal steps that take ``target`` to ``design`` in its desired states.

    ``desired`` maps (kind, name) to the state after deployment (absent: left as it is);
    ``applications`` maps the design's applications to the applications they reference. Other
    applications' ports and groups are left alone. Raises :class:`PlanError` when the design
    cannot be reached under BizTalk's rules. See the module docstring for the phases."""
    builder = _Builder(design, desired, target, applications or {})
    builder.applications_phase()
    builder.definitions_phase()
    builder.members_phase()
    builder.raise_ports_phase()
    builder.lower_phase()
    builder.remove_phase()
    builder.raise_phase()
    return Plan(tuple(builder.steps), target.source)
