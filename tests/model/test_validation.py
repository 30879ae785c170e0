"""The port and group rules of ``model.validation``: each rule fires on the case it is about and
stays quiet on the valid neighbour of that case."""

from __future__ import annotations

import pytest

from model.domain import (
    AdapterType,
    Filter,
    FilterGroup,
    FilterStatement,
    Map,
    Pipeline,
    SendPort,
    SendPortGroup,
    Transport,
    replace,
)
from model.validation import Context, Severity, collect, cross_problems, group_problems, port_problems

FILE = AdapterType(name="FILE")
SUBSCRIBED = Filter(groups=(FilterGroup(statements=(FilterStatement(property="BTS.ReceivePortName", value="In"),)),))


def good_port(name: str = "Out") -> SendPort:
    return SendPort(
        name=name,
        primary_transport=Transport(address=r"C:\Out\%MessageID%.xml", adapter=FILE),
        secondary_transport=Transport(address="", primary=False),
        filter=SUBSCRIBED,
    )


def fields(problems: list[tuple[Severity, str, str]], severity: Severity | None = None) -> set[str]:
    return {path for sev, path, _ in problems if severity is None or sev is severity}


def test_a_complete_static_port_has_no_problems() -> None:
    assert port_problems(good_port()) == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"primary_transport": None}, "primary_transport.address", "no address"),
        ({"primary_transport": Transport(address="x")}, "primary_transport.adapter", "no adapter"),
        ({"primary_transport": Transport(address="  ", adapter=FILE)}, "primary_transport.address", "no address"),
        (
            {"secondary_transport": Transport(address="", adapter=FILE, primary=False)},
            "secondary_transport.address",
            "backup transport uses FILE but has no address",
        ),
        (
            {"secondary_transport": Transport(address=r"C:\Backup", primary=False)},
            "secondary_transport.adapter",
            "address but no adapter",
        ),
        ({"inbound_maps": (Map(full_name="M"),)}, "inbound_maps", "one-way send port has no inbound maps"),
    ],
)
def test_static_port_errors(change: dict[str, object], field: str, words: str) -> None:
    problems = port_problems(replace(good_port(), **change))
    errors = [(path, msg) for sev, path, msg in problems if sev is Severity.ERROR]
    assert any(path == field and words in msg for path, msg in errors), problems


def test_a_configured_backup_transport_is_valid() -> None:
    port = replace(
        good_port(), secondary_transport=Transport(address=r"C:\Backup\%MessageID%.xml", adapter=FILE, primary=False)
    )
    assert port_problems(port) == []


def test_dynamic_ports_need_no_address_but_cannot_have_a_backup() -> None:
    dynamic = SendPort(
        name="Dyn",
        is_static=False,
        primary_transport=Transport(),
        filter=SUBSCRIBED,
        secondary_transport=Transport(address="", primary=False),
    )
    assert port_problems(dynamic) == []
    with_backup = replace(dynamic, secondary_transport=Transport(address="x", adapter=FILE, primary=False))
    assert "secondary_transport" in fields(port_problems(with_backup), Severity.ERROR)
    with_address = replace(dynamic, primary_transport=Transport(address="C:\\x"))
    assert fields(port_problems(with_address)) == {"primary_transport.address"}
    assert port_problems(with_address)[0][0] is Severity.WARNING


def test_one_way_receive_pipeline_and_stop_on_failure_are_warnings() -> None:
    port = replace(good_port(), receive_pipeline=Pipeline(name="XMLReceive"), stop_sending_on_failure=True)
    problems = port_problems(port)
    assert fields(problems, Severity.WARNING) == {"receive_pipeline", "stop_sending_on_failure"}
    assert fields(problems, Severity.ERROR) == set()
    ordered = replace(port, receive_pipeline=None, ordered_delivery=True)
    assert port_problems(ordered) == []


def test_out_of_range_values_are_errors_naming_the_field() -> None:
    port = SendPort.model_construct(**{**dict(good_port()), "priority": 11})
    problems = port_problems(port)
    assert [(sev, path) for sev, path, _ in problems] == [(Severity.ERROR, "priority")]
    assert "11" in problems[0][2]


def test_group_rules() -> None:
    ports = {"A": good_port("A"), "Dyn": SendPort(name="Dyn", is_static=False)}
    group = SendPortGroup(name="G", members=("A", "A", "Dyn", "Ghost"))
    assert fields(group_problems(group), Severity.WARNING) == {"members"}  # listed twice
    in_file = cross_problems(group, Context(ports=ports, groups={}))
    assert [sev for sev, _, m in in_file if "Ghost" in m] == [Severity.WARNING]
    assert [sev for sev, _, m in in_file if "Dyn" in m] == [Severity.ERROR]
    in_workspace = cross_problems(group, Context(ports=ports, groups={}, members_must_exist=True))
    assert [sev for sev, _, m in in_workspace if "Ghost" in m] == [Severity.ERROR]


def test_a_port_nothing_can_reach_is_warned_about() -> None:
    lonely = replace(good_port("Lonely"), filter=None)
    ctx = Context(ports={"Lonely": lonely}, groups={})
    assert fields(cross_problems(lonely, ctx), Severity.WARNING) == {"filter"}
    grouped = Context(ports=ctx.ports, groups={"G": SendPortGroup(name="G", members=("Lonely",))})
    assert cross_problems(lonely, grouped) == []
    bound = Context(ports=ctx.ports, groups={}, orchestration_bound=frozenset({"Lonely"}))
    assert cross_problems(lonely, bound) == []


def test_collect_reports_duplicate_names_once_each() -> None:
    ports = [good_port("Same"), good_port("Same"), good_port("Other")]
    groups = [SendPortGroup(name="G", filter=SUBSCRIBED), SendPortGroup(name="G", filter=SUBSCRIBED)]
    ctx = Context(ports={p.name: p for p in ports}, groups={g.name: g for g in groups})
    rows = [
        (kind, name, msg)
        for kind, name, sev, _, msg in collect(ports, groups, ctx)
        if sev is Severity.ERROR and "more than once" in msg
    ]
    assert rows == [
        ("port", "Same", "send port name 'Same' is used more than once"),
        ("group", "G", "send port group name 'G' is used more than once"),
    ]
