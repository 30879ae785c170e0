"""The lifecycle rules and validation do work linear in the number of ports: counted, not
timed. Ten times the ports must cost about ten times the work (a scan of every group per
port would cost a hundred times).

Work is counted two ways at once: the lines the model runs (``sys.settrace``, files under
``model/``), and the members looked through (``in`` or iteration over a group's member
tuple, which a line count cannot see since it runs in C)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import model
from model import validation
from model.domain import SendPortGroup
from model.lifecycle import Action, GroupInfo, PortInfo, State, Subject, View, allowed_actions, plan
from model.lifecycle_types import Memberships

MODEL = str(Path(model.__file__).parent)
SMALL, LARGE = 100, 1000
LINEAR = 20  # 10x the ports: at most 20x the work (quadratic would be about 100x)


class Members(tuple[str, ...]):
    """A member list that counts how many names each ``in`` or iteration looks through."""

    looked_at = 0

    def __contains__(self, name: object) -> bool:
        Members.looked_at += len(self)
        return tuple.__contains__(self, name)

    def __iter__(self) -> Iterator[str]:
        Members.looked_at += len(self)
        return tuple.__iter__(self)


def work(call: Callable[[], Any]) -> int:
    """Lines run in ``model/`` plus member names looked through while ``call()`` runs."""
    lines = 0

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal lines
        if not frame.f_code.co_filename.startswith(MODEL):
            return None
        if event == "line":
            lines += 1
        return trace

    Members.looked_at = 0
    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(previous)
    return lines + Members.looked_at


def view(n: int, group_state: State) -> View:
    """``n`` started ports in groups of ten, plus one group of them all."""
    ports = [PortInfo(f"P{i:05d}", State.STARTED, f"App{i // 50}") for i in range(n)]
    names = [p.name for p in ports]
    groups = [GroupInfo(f"G{i:05d}", group_state, f"App{i // 50}", Members(names[i : i + 10])) for i in range(0, n, 10)]
    groups.append(GroupInfo("Everyone", group_state, "App0", Members(names)))
    return View.of(ports, groups)


def ratio(measure: Callable[[int], int]) -> float:
    small, large = measure(SMALL), measure(LARGE)
    assert small > 0
    return large / small


def test_allowed_actions_for_select_all_is_linear() -> None:
    def measure(n: int) -> int:
        v = view(n, State.STARTED)
        everything = [Subject.port(p) for p in v.ports] + [Subject.group(g) for g in v.groups]
        return work(lambda: allowed_actions(v, everything))

    assert ratio(measure) < LINEAR


def test_plan_unenlist_of_every_port_is_linear() -> None:
    def measure(n: int) -> int:
        v = view(n, State.UNENLISTED)
        subjects = [Subject.port(p) for p in v.ports]
        changes: list[object] = []
        spent = work(lambda: changes.extend(plan(v, Action.UNENLIST, subjects)))
        assert len(changes) == 2 * n  # started -> stopped -> unenlisted, each port
        return spent

    assert ratio(measure) < LINEAR


@pytest.mark.parametrize("action", [Action.ADD_MEMBER, Action.REMOVE_MEMBER])
def test_membership_of_many_ports_is_judged_by_the_index(action: Action) -> None:
    def measure(n: int) -> int:
        v = view(n, State.UNENLISTED)
        v = View.of(
            [PortInfo(p.name, State.STOPPED) for p in v.ports.values()],
            [
                GroupInfo(
                    "Target", State.UNENLISTED, None, Members([] if action is Action.ADD_MEMBER else list(v.ports))
                )
            ],
        )
        subjects = [Subject.port(p) for p in v.ports]
        return work(lambda: plan(v, action, subjects, group="Target"))

    # Each change still copies the member tuple (C speed); the rules' own look-ups are indexed.
    assert ratio(measure) < LINEAR


def test_the_membership_index_agrees_with_the_groups() -> None:
    v = View.of(
        [PortInfo("A", State.STARTED), PortInfo("B", State.UNENLISTED), PortInfo("C", State.STOPPED)],
        [
            GroupInfo("G1", State.STARTED, None, ("A", "B", "A", "Ghost")),
            GroupInfo("G2", State.STOPPED, None, ("C", "A")),
            GroupInfo("Empty", State.UNENLISTED),
        ],
    )
    index = v.memberships
    assert index is v.memberships  # built once per view
    assert index == Memberships(
        groups_of={"A": ("G1", "G2"), "B": ("G1",), "Ghost": ("G1",), "C": ("G2",)},
        members_of={"G1": frozenset({"A", "B", "Ghost"}), "G2": frozenset({"A", "C"}), "Empty": frozenset()},
        enlisted={"G1": 1, "G2": 2, "Empty": 0},  # A once, though listed twice; Ghost is no port
    )
    assert [g.name for g in v.groups_of("A")] == ["G1", "G2"]


def test_validation_of_a_document_is_linear() -> None:
    from support.bindings import generate

    from model.bindings import load

    def measure(n: int) -> int:
        doc = load(generate(n, n // 10, 0))
        ctx = validation.Context(
            ports={p.name: p for p in doc.send_ports},
            groups={g.name: SendPortGroup.model_construct(**dict(g)) for g in doc.groups},
        )
        groups = list(ctx.groups.values())
        for g in groups:
            object.__setattr__(g, "members", Members(g.members))
        return work(lambda: validation.collect(doc.send_ports, groups, ctx))

    assert ratio(measure) < LINEAR
