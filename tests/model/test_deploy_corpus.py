"""Deployment plans for every real binding file with groups (and the project's own fixtures, so
that the test runs without the corpus): from an empty target, from a target holding the same
design in other states, and from a drifted target. Every plan is applied with each step checked
against what it expected and against BizTalk's lifecycle rules (``apply_steps(check=True)``); it
must end in exactly the desired states and definitions, and planning again must give nothing."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from model.bindings import BindingFormatError, load
from model.bindings.binding_document import BindingDocument
from model.deploy.plan import definition_changes, make_plan
from model.deploy.simulate import apply_steps
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.lifecycle_types import Kind, State
from tests.conftest import corpus_files, fixture_files
from tests.support.bindings import STANDARD

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED


def _with_groups(paths: list[Path]) -> list[Path]:
    out = []
    for path in paths:
        try:
            if load(path).groups:
                out.append(path)
        except BindingFormatError:  # a fixture that is meant not to load is not a design
            continue
    return out


FILES = _with_groups(corpus_files()) + _with_groups(fixture_files())


def _base(doc: BindingDocument, ports: dict[str, TargetPort], groups: dict[str, TargetGroup]) -> Target:
    hosts = {"BizTalkServerApplication": Host("BizTalkServerApplication")}
    # A real group's members are send ports it has: those the file names but lacks are dropped.
    groups = {
        n: dataclasses.replace(
            tg, group=tg.group.model_copy(update={"members": tuple(m for m in tg.group.members if m in ports)})
        )
        for n, tg in groups.items()
    }
    apps = {a: () for a in doc.applications() if a is not None}
    return Target(hosts, {}, frozenset(), apps, ports, groups, "corpus-target")


def _members_enlisted(doc: BindingDocument, states: dict[str, State], group_members: tuple[str, ...]) -> bool:
    return any(states.get(m, U) is not U for m in group_members)


def _random_states(doc: BindingDocument, rnd: random.Random) -> tuple[dict[str, State], dict[str, State]]:
    """Port and group states a BizTalk group can hold: a started group has an enlisted member."""
    ports = {p.name: rnd.choice((U, S, ST)) for p in doc.send_ports}
    groups = {}
    for g in doc.groups:
        up = _members_enlisted(doc, ports, tuple(g.members))
        groups[g.name] = rnd.choice((U, S, ST) if up else (U, S))
    return ports, groups


def _desired(doc: BindingDocument, start: Target, rnd: random.Random) -> dict[tuple[Kind, str], State]:
    """A desired state for about two thirds of the ports and groups; a group is wanted started
    only when one of its members ends enlisted."""
    out: dict[tuple[Kind, str], State] = {}
    final: dict[str, State] = {}
    for p in doc.send_ports:
        have = start.ports[p.name].state if p.name in start.ports else U
        choice = rnd.choice((None, U, S, ST))
        if choice is not None:
            out[(Kind.PORT, p.name)] = choice
        final[p.name] = have if choice is None else choice
    for g in doc.groups:
        up = _members_enlisted(doc, final, tuple(g.members))
        choice = rnd.choice((None, U, S, ST) if up else (None, U, S))
        if choice is not None:
            out[(Kind.GROUP, g.name)] = choice
    return out


def _drifted(doc: BindingDocument, rnd: random.Random) -> Target:
    """The design in random states, with one port changed by hand, one missing, one group
    member removed and an extra port in the design's first application."""
    port_states, group_states = _random_states(doc, rnd)
    ports = {p.name: TargetPort(p, port_states[p.name]) for p in doc.send_ports}
    groups = {g.name: TargetGroup(g, group_states[g.name]) for g in doc.groups}
    names = sorted(ports)
    changed = rnd.choice(names)
    ports[changed] = dataclasses.replace(
        ports[changed], port=ports[changed].port.model_copy(update={"description": "fixed in the console"})
    )
    member_of = {m for g in doc.groups for m in g.members}
    missing = [n for n in names if n != changed and n not in member_of]
    if missing:
        del ports[rnd.choice(missing)]
    for name, tg in groups.items():
        if tg.group.members:
            kept = tuple(tg.group.members[1:])
            groups[name] = TargetGroup(tg.group.model_copy(update={"members": kept}), U)
            break
    extra = doc.send_ports[0].model_copy(update={"name": "Portwright.Extra.LeftFromLastRelease"})
    ports[extra.name] = TargetPort(extra, ST)
    return _base(doc, ports, groups)


def _deploy_and_check(doc: BindingDocument, target: Target, rnd: random.Random) -> None:
    desired = _desired(doc, target, rnd)
    plan = make_plan(doc, desired, target)
    after = apply_steps(target, plan.steps, check=True)  # every step checked against the rules
    for (kind, name), want in desired.items():
        have = after.ports[name].state if kind is Kind.PORT else after.groups[name].state
        assert have is want, f"{kind.label} {name!r}: {have.label}, wanted {want.label}"
    for p in doc.send_ports:
        assert not definition_changes(p, after.ports[p.name].port), p.name
    design_ports = {p.name for p in doc.send_ports}
    for g in doc.groups:
        assert set(after.groups[g.name].group.members) == {m for m in g.members if m in design_ports}, g.name
    assert "Portwright.Extra.LeftFromLastRelease" not in after.ports
    again = make_plan(doc, desired, after)
    assert not again, [s.text() for s in again.steps]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
@pytest.mark.parametrize("scenario", ["empty", "other-states", "drifted"])
def test_plan_reaches_the_design_without_breaking_a_rule(path: Path, scenario: str) -> None:
    doc = load(path)
    for seed in range(4):
        rnd = random.Random(f"{path.name}/{scenario}/{seed}")
        if scenario == "empty":
            target = _base(doc, {}, {})
        elif scenario == "other-states":
            ports, groups = _random_states(doc, rnd)
            target = _base(
                doc,
                {p.name: TargetPort(p, ports[p.name]) for p in doc.send_ports},
                {g.name: TargetGroup(g, groups[g.name]) for g in doc.groups},
            )
        else:
            target = _drifted(doc, rnd)
        _deploy_and_check(doc, target, rnd)


def test_the_standard_fixture_is_among_the_designs() -> None:
    """The suite never runs this module on nothing: the project's own design is always there."""
    assert load(STANDARD).groups
    assert FILES, "no design with groups among the corpus and the fixtures"
