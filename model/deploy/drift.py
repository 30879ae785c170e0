"""Drift: what a target group has that the design does not say, per port and group: states
against the desired states, definitions by property (the comparison of ``portwright diff``,
``model.bindings.compare``), limited to what a plan would change, so that a detail one side
writes and the other does not (an empty element a binding export keeps) is no drift.

Only the design's applications are compared; passwords are blanked on both sides (BizTalk
never gives them back) and never shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from model.bindings.binding_document import BindingDocument
from model.bindings.blanking import blank_bytes
from model.bindings.compare import Difference, Report, compare_files
from model.deploy.plan import definition_changes
from model.deploy.target import Target
from model.domain import SendPort, SendPortGroup
from model.lifecycle_types import Kind, State

__all__ = ["Drift", "StateDrift", "drift"]


@dataclass(frozen=True, slots=True)
class StateDrift:
    """A port or group whose state in the target is not its desired state."""

    kind: Kind
    name: str
    target: State
    desired: State

    def text(self) -> str:
        return (
            f"{self.kind.label} '{self.name}': {self.target.label} in the target, "
            f"the design wants it {self.desired.label}"
        )


@dataclass(frozen=True)
class Drift:
    """The differences between a target and the design (empty: none)."""

    source: str
    #: definitions: added (only in the design), removed (only in the target), renamed, changed
    report: Report = field(default_factory=Report)
    states: tuple[StateDrift, ...] = ()

    def __bool__(self) -> bool:
        return not self.report.equal or bool(self.states)

    @property
    def count(self) -> int:
        return self.report.count + len(self.states)

    def lines(self) -> list[str]:
        return self.report.lines() + [s.text() for s in self.states]


def _by_name(ports: Sequence[SendPort], groups: Sequence[SendPortGroup], apps: set[str | None]) -> bytes:
    """The ports and groups of ``apps`` as one binding file in name order, passwords blanked:
    both sides are written alike, so only what BizTalk keeps can differ."""
    doc = BindingDocument(
        sorted((p for p in ports if p.application in apps), key=lambda p: p.name),
        sorted((g for g in groups if g.application in apps), key=lambda g: g.name),
    )
    return blank_bytes(doc.to_bytes())


def _changed(design: BindingDocument, target: Target) -> set[tuple[str, str]]:
    """The ports and groups both sides have whose definition differs as BizTalk keeps it (what
    a plan would update), or, for a group, whose members differ."""
    out = set()
    for p in design.send_ports:
        have = target.ports.get(p.name)
        if have is not None and definition_changes(p, have.port):
            out.add(("port", p.name))
    for g in design.groups:
        tg = target.groups.get(g.name)
        if tg is not None and (definition_changes(g, tg.group) or set(g.members) != set(tg.group.members)):
            out.add(("group", g.name))
    return out


_NIL = " › nil"


def _once(diffs: list[Difference]) -> list[Difference]:
    """``diffs`` without the ``xsi:nil`` row of an element whose own text changed too (a cleared
    description is one change, not "nil: None → 'true'" beside "'Old words' → ''")."""
    labels = {d.label for d in diffs}
    return [d for d in diffs if not (d.label and d.label.endswith(_NIL) and d.label[: -len(_NIL)] in labels)]


def drift(design: BindingDocument, desired: Mapping[tuple[Kind, str], State], target: Target) -> Drift:
    """What differs between ``target`` and ``design`` in its desired states."""
    apps = {p.application for p in design.send_ports} | {g.application for g in design.groups}
    report = compare_files(
        _by_name([t.port for t in target.ports.values()], [t.group for t in target.groups.values()], apps),
        _by_name(design.send_ports, design.groups, apps),
    )
    changed = _changed(design, target)
    report.changed = {k: _once(v) for k, v in report.changed.items() if k in changed}
    report.differences = [d for k, v in report.changed.items() for d in v]
    report.reordered, report.other = [], []  # both sides are in name order; nothing else is compared
    have = [(Kind.PORT, n, p.state) for n, p in target.ports.items()]
    have += [(Kind.GROUP, n, g.state) for n, g in target.groups.items()]
    states = []
    for kind, name, state in sorted(have):
        want = desired.get((kind, name))
        if want is not None and state is not want:
            states.append(StateDrift(kind, name, state, want))
    return Drift(target.source, report, tuple(states))
