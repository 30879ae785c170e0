"""model.routing.analysis: routing problems found without a message (no Qt)."""

from __future__ import annotations

import pytest

from model.domain import Filter, FilterGroup, FilterStatement, SendPort, SendPortGroup
from model.domain import FilterOperator as Op
from model.routing.analysis import (
    contradiction,
    duplicate_deliveries,
    identical_filters,
    never_matching,
    routing_problems,
    unpromoted_properties,
)
from model.validation import Severity


def st(prop: str, op: Op, value: str | None = None) -> FilterStatement:
    return FilterStatement(property=prop, operator=op, value=value)


def flt(*groups: list[FilterStatement]) -> Filter:
    return Filter(groups=tuple(FilterGroup(statements=tuple(g)) for g in groups))


RP, SEQ, TIME = "BTS.ReceivePortName", "BTS.InterchangeSequenceNumber", "ErrorReport.FailureTime"

NEVER = [
    ([st(RP, Op.EQUALS, "A"), st(RP, Op.EQUALS, "B")], "cannot both hold"),
    ([st(RP, Op.EQUALS, "A"), st(RP, Op.NOT_EQUAL, "A")], "cannot both hold"),
    ([st(SEQ, Op.EQUALS, "5"), st(SEQ, Op.GREATER_THAN, "7")], "cannot both hold"),
    ([st(SEQ, Op.GREATER_THAN, "5"), st(SEQ, Op.LESS_THAN, "3")], "leave no value"),
    ([st(SEQ, Op.GREATER_THAN, "5"), st(SEQ, Op.LESS_EQUAL, "5")], "leave no value"),
    ([st(SEQ, Op.GREATER_EQUAL, "5"), st(SEQ, Op.LESS_THAN, "5")], "leave no value"),
    ([st(SEQ, Op.EQUALS, "ten")], "is not one"),
    ([st(SEQ, Op.BITWISE_AND, "0")], "no bit"),
    (
        [st(TIME, Op.GREATER_THAN, "2024-06-01T00:00:00Z"), st(TIME, Op.LESS_THAN, "2024-05-01T00:00:00Z")],
        "leave no value",
    ),
]


@pytest.mark.parametrize(("statements", "why"), NEVER)
def test_contradictions(statements: list[FilterStatement], why: str) -> None:
    found = contradiction(statements)
    assert found is not None and why in found


POSSIBLE = [
    [st(RP, Op.EQUALS, "A"), st(RP, Op.NOT_EQUAL, "B")],
    [st(SEQ, Op.EQUALS, "5"), st(SEQ, Op.EQUALS, "5.0")],  # the same number
    [st(SEQ, Op.GREATER_EQUAL, "5"), st(SEQ, Op.LESS_EQUAL, "5")],
    [st(RP, Op.EQUALS, "A"), st("BTS.MessageType", Op.EQUALS, "B")],  # two properties
    [st(RP, Op.EQUALS, "${A}"), st(RP, Op.EQUALS, "B")],  # a placeholder is not known yet
    [st(RP, Op.EXISTS), st(RP, Op.EQUALS, "A")],
    [st(SEQ, Op.BITWISE_AND, "4"), st(SEQ, Op.EQUALS, "4")],
]


@pytest.mark.parametrize("statements", POSSIBLE)
def test_satisfiable_groups_are_left_alone(statements: list[FilterStatement]) -> None:
    assert contradiction(statements) is None


def test_never_matching_reports_each_dead_group_and_a_dead_filter() -> None:
    half = flt([st(RP, Op.EQUALS, "A"), st(RP, Op.EQUALS, "B")], [st(RP, Op.EQUALS, "C")])
    assert [(p[2], p[3]) for p in never_matching("port", "P", half)] == [(Severity.WARNING, "filter.groups[0]")]
    dead = flt([st(RP, Op.EQUALS, "A"), st(RP, Op.EQUALS, "B")])
    problems = never_matching("group", "G", dead)
    assert [(p[0], p[1], p[2], p[3]) for p in problems] == [
        ("group", "G", Severity.WARNING, "filter.groups[0]"),
        ("group", "G", Severity.ERROR, "filter"),
    ]
    assert never_matching("port", "P", None) == [] and never_matching("port", "P", Filter(unparsed="<x")) == []


def test_identical_filters_in_any_order() -> None:
    a = flt([st(RP, Op.EQUALS, "In"), st(SEQ, Op.EQUALS, "1")], [st("BTS.MessageType", Op.EXISTS)])
    b = flt([st("BTS.MessageType", Op.EXISTS)], [st(SEQ, Op.EQUALS, "1.0"), st(RP, Op.EQUALS, "In")])
    c = flt([st(RP, Op.EQUALS, "in")])
    ports = [SendPort(name="A", filter=a), SendPort(name="C", filter=c), SendPort(name="E", filter=Filter())]
    groups = [SendPortGroup(name="B", filter=b)]
    problems = identical_filters(ports, groups)
    assert sorted((p[0], p[1]) for p in problems) == [("group", "B"), ("port", "A")]
    assert all(p[2] is Severity.INFO and p[3] == "filter" for p in problems)
    assert "send port 'A'" in next(p[4] for p in problems if p[1] == "B")


def test_a_port_that_receives_twice_only_when_both_filters_can_match() -> None:
    own = SendPort(name="P", filter=flt([st(RP, Op.EQUALS, "In")]))
    other = SendPort(name="Q", filter=flt([st(RP, Op.EQUALS, "Elsewhere")]))
    g = SendPortGroup(
        name="G", members=("P", "Q", "Missing"), filter=flt([st("BTS.MessageType", Op.EXISTS), st(RP, Op.EQUALS, "In")])
    )
    problems = duplicate_deliveries([own, other], [g])
    assert [(p[1], p[2], p[3]) for p in problems] == [("P", Severity.WARNING, "filter.groups[0]")]
    assert "twice" in problems[0][4] and "'G'" in problems[0][4]


def test_unpromoted_properties_need_knowledge_of_the_receive_side() -> None:
    p = SendPort(name="P", filter=flt([st(RP, Op.EQUALS, "In"), st("Contoso.Region", Op.EQUALS, "EU")]))
    assert unpromoted_properties([p], [], None) == []  # a workspace knows no receive ports
    problems = unpromoted_properties([p], [], {RP})
    assert [(p[1], p[3]) for p in problems] == [("P", "filter.groups[0].statements[1]")]
    assert "Contoso.Region" in problems[0][4]


def test_routing_problems_runs_every_check_in_collects_shape() -> None:
    dead = SendPort(name="Dead", filter=flt([st(RP, Op.EQUALS, "A"), st(RP, Op.EQUALS, "B")]))
    twin1 = SendPort(name="T1", filter=flt([st(RP, Op.EQUALS, "X")]))
    twin2 = SendPort(name="T2", filter=flt([st(RP, Op.EQUALS, "X")]))
    g = SendPortGroup(name="G", members=("T1",), filter=flt([st(RP, Op.EQUALS, "X")]))
    problems = routing_problems([dead, twin1, twin2], [g])
    kinds = {(p[0], p[1], p[2]) for p in problems}
    assert ("port", "Dead", Severity.ERROR) in kinds
    assert ("port", "T1", Severity.WARNING) in kinds  # twice: own filter and G
    assert {("port", "T2", Severity.INFO), ("group", "G", Severity.INFO)} <= kinds
    assert all(len(p) == 5 and isinstance(p[2], Severity) for p in problems)


def test_a_large_set_of_identical_filters_names_three_and_counts_the_rest() -> None:
    same = flt([st(RP, Op.EQUALS, "In")])
    ports = [SendPort(name=f"P{i}", filter=same) for i in range(6)]
    problems = identical_filters(ports, [])
    assert len(problems) == 6
    first = next(p[4] for p in problems if p[1] == "P0")
    assert "send port 'P1', send port 'P2', send port 'P3' and 2 more" in first
