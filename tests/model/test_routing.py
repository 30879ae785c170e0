"""model.routing: who receives a message, by BizTalk's filters and its outcome table (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.bindings import load
from model.domain import Filter, FilterGroup, FilterStatement, SendPort, SendPortGroup
from model.domain import FilterOperator as Op
from model.lifecycle_types import GroupInfo, Kind, PortInfo, State, View
from model.routing import ContextValueError, Design, MessageContext, Outcome, Router, outcome_of, route
from model.routing.values import statement_matches
from tests.support.bindings import binding_file, group, port

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
CORPUS_21 = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "corpus"
    / "bindings"
    / "21_Azure__aimbiztalk__BindingInfo.xml"
)


def st(prop: str, op: Op, value: str | None = None) -> FilterStatement:
    return FilterStatement(property=prop, operator=op, value=value)


def flt(*groups: list[FilterStatement]) -> Filter:
    return Filter(groups=tuple(FilterGroup(statements=tuple(g)) for g in groups))


def sp(name: str, f: Filter | None = None) -> SendPort:
    return SendPort(name=name, filter=f)


def spg(name: str, members: list[str], f: Filter | None = None) -> SendPortGroup:
    return SendPortGroup(name=name, members=tuple(members), filter=f)


def ctx(**values: str) -> MessageContext:
    return MessageContext.of([(k.replace("_", "."), v) for k, v in values.items()])


IN = flt([st("BTS.ReceivePortName", Op.EQUALS, "In")])


def view(ports: dict[str, State], groups: dict[str, tuple[State, list[str]]] | None = None) -> View:
    return View.of(
        [PortInfo(n, s) for n, s in ports.items()],
        [GroupInfo(n, s, members=tuple(m)) for n, (s, m) in (groups or {}).items()],
    )


# -- the outcome table, row by row ------------------------------------------------------------

OWN_FILTER_ROWS = [(ST, Outcome.DELIVERED), (S, Outcome.SUSPENDED), (U, Outcome.NOT_SUBSCRIBED)]


@pytest.mark.parametrize(("port_state", "expected"), OWN_FILTER_ROWS)
def test_own_filter_outcome_follows_the_port_state(port_state: State, expected: Outcome) -> None:
    design = Design.of([sp("P", IN)], [], view({"P": port_state}))
    result = route(design, ctx(BTS_ReceivePortName="In"))
    recipient = result.port("P")
    assert recipient is not None and recipient.outcome is expected
    assert [p.group for p in recipient.paths] == [None]
    assert result.routing_failure is (expected is Outcome.NOT_SUBSCRIBED)


GROUP_ROWS = [
    (ST, ST, Outcome.DELIVERED),
    (ST, S, Outcome.SUSPENDED),  # started group, stopped port
    (S, ST, Outcome.SUSPENDED),  # stopped group, started port
    (S, S, Outcome.SUSPENDED),
    (U, ST, Outcome.NOT_SUBSCRIBED),  # unenlisted group: no subscription
    (U, S, Outcome.NOT_SUBSCRIBED),
    (ST, U, Outcome.NOT_SUBSCRIBED),  # unenlisted member: enlisting the port makes its subscriptions
    (S, U, Outcome.NOT_SUBSCRIBED),
]


@pytest.mark.parametrize(("group_state", "port_state", "expected"), GROUP_ROWS)
def test_group_path_outcome_follows_both_states(group_state: State, port_state: State, expected: Outcome) -> None:
    design = Design.of([sp("P")], [spg("G", ["P"], IN)], view({"P": port_state}, {"G": (group_state, ["P"])}))
    result = route(design, ctx(BTS_ReceivePortName="In"))
    recipient = result.port("P")
    assert recipient is not None and [(p.group, p.outcome) for p in recipient.paths] == [("G", expected)]
    assert outcome_of(port_state, group_state) is expected
    assert result.routing_failure is (expected is Outcome.NOT_SUBSCRIBED)
    g = result.group("G")
    assert g is not None and g.members == ("P",)


def test_no_subscriber_is_a_routing_failure_and_lists_nobody() -> None:
    design = Design.of([sp("P", IN)], [spg("G", ["P"], IN)], ST)
    result = route(design, ctx(BTS_ReceivePortName="Other"))
    assert result.routing_failure and result.recipients == ()


def test_an_empty_filter_subscribes_to_nothing() -> None:
    design = Design.of([sp("P", Filter()), sp("Q", flt([]))], [spg("G", ["P"], None)], ST)
    assert route(design, ctx(BTS_ReceivePortName="In")).recipients == ()


def test_or_of_groups_and_within_a_group() -> None:
    f = flt(
        [st("BTS.ReceivePortName", Op.EQUALS, "In"), st("BTS.MessageType", Op.EQUALS, "urn:a#Order")],
        [st("BTS.ReceivePortName", Op.EQUALS, "Other")],
    )
    design = Design.of([sp("P", f)], [], ST)
    assert route(design, ctx(BTS_ReceivePortName="In")).routing_failure  # only half of group 1
    both = route(design, ctx(BTS_ReceivePortName="In", BTS_MessageType="urn:a#Order")).port("P")
    assert both is not None and both.paths[0].filter_group == 0
    second = route(design, ctx(BTS_ReceivePortName="Other")).port("P")
    assert second is not None and second.paths[0].filter_group == 1


# -- duplicates ---------------------------------------------------------------------------------


def test_own_filter_and_group_deliver_twice() -> None:
    design = Design.of(
        [sp("P", IN), sp("Q", flt([st("BTS.ReceivePortName", Op.EQUALS, "No")]))], [spg("G", ["P", "Q"], IN)], ST
    )
    result = route(design, ctx(BTS_ReceivePortName="In"))
    p, q = result.port("P"), result.port("Q")
    assert p is not None and p.copies == 2 and [x.group for x in p.paths] == [None, "G"]
    assert q is not None and q.copies == 1  # a group's message goes to members whatever their own filter
    assert [r.name for r in result.duplicates] == ["P"]


def test_two_groups_deliver_once_each_and_a_member_listed_twice_counts_once() -> None:
    design = Design.of([sp("P")], [spg("G1", ["P", "P"], IN), spg("G2", ["P"], IN)], ST)
    p = route(design, ctx(BTS_ReceivePortName="In")).port("P")
    assert p is not None and [x.group for x in p.paths] == ["G1", "G2"] and p.copies == 2


def test_suspended_copies_count_but_not_subscribed_ones_do_not() -> None:
    v = view({"P": ST}, {"G": (U, ["P"])})
    p = route(Design.of([sp("P", IN)], [spg("G", ["P"], IN)], v), ctx(BTS_ReceivePortName="In")).port("P")
    assert p is not None and p.copies == 1 and p.outcome is Outcome.DELIVERED


# -- typed comparison -----------------------------------------------------------------------------


def matches(prop: str, op: Op, value: str | None, **context: str) -> bool:
    return statement_matches(st(prop, op, value), MessageContext.of([(k, v) for k, v in context.items()]))


def test_integers_compare_as_numbers_not_as_text() -> None:
    seq = "BTS.InterchangeSequenceNumber"
    assert matches(seq, Op.GREATER_THAN, "9", **{seq: "10"})  # "10" > "9" is False as text
    assert matches(seq, Op.EQUALS, "007", **{seq: "7"})
    assert not matches(seq, Op.LESS_THAN, "9", **{seq: "10"})
    assert matches(seq, Op.EQUALS, "9.5", **{seq: "10"})  # BizTalk rounds a decimal value to the integer
    assert not matches(seq, Op.EQUALS, "9.4", **{seq: "10"})


def test_strings_compare_as_text_even_when_they_look_like_numbers() -> None:
    assert matches("BTS.ReceivePortName", Op.LESS_THAN, "9", **{"BTS.ReceivePortName": "10"})
    assert not matches("BTS.ReceivePortName", Op.EQUALS, "007", **{"BTS.ReceivePortName": "7"})
    assert not matches("BTS.ReceivePortName", Op.EQUALS, "in", **{"BTS.ReceivePortName": "In"})


def test_datetimes_compare_as_instants() -> None:
    t = "ErrorReport.FailureTime"
    # 00:30 at +01:00 is 23:30 UTC the day before: earlier, although its text sorts later.
    assert not matches(t, Op.GREATER_THAN, "2024-01-01T00:00:00Z", **{t: "2024-01-01T00:30:00+01:00"})
    assert matches(t, Op.EQUALS, "2024-01-01T00:30:00Z", **{t: "2024-01-01T01:30:00+01:00"})
    assert matches(t, Op.LESS_THAN, "2024-12-31T23:59:59", **{t: "2024-02-01T00:00:00Z"})
    assert matches(t, Op.GREATER_EQUAL, "2023-12-31T23:00:00-01:00", **{t: "2024-01-01T00:00:00Z"})
    assert not matches(t, Op.EQUALS, "yesterday", **{t: "2024-01-01T00:00:00Z"})


def test_a_given_type_wins_over_the_catalog() -> None:
    typed = MessageContext.of([("Contoso.Amount", "10", "int")])
    assert statement_matches(st("Contoso.Amount", Op.GREATER_THAN, "9"), typed)
    untyped = MessageContext.of([("Contoso.Amount", "10")])  # unknown to the catalog: a string
    assert not statement_matches(st("Contoso.Amount", Op.GREATER_THAN, "9"), untyped)


def test_exists_needs_the_property_and_nothing_else() -> None:
    assert matches("BTS.MessageType", Op.EXISTS, None, **{"BTS.MessageType": ""})
    assert not matches("BTS.MessageType", Op.EXISTS, None, **{"BTS.ReceivePortName": "In"})
    assert not matches("BTS.MessageType", Op.NOT_EQUAL, "x", **{"BTS.ReceivePortName": "In"})  # != needs it too


def test_bitwise_and_on_integers() -> None:
    code = "BTS.AckFailureCategory"
    assert matches(code, Op.BITWISE_AND, "4", **{code: "6"})
    assert not matches(code, Op.BITWISE_AND, "4", **{code: "3"})
    assert not matches(code, Op.BITWISE_AND, "0", **{code: "255"})
    assert not matches("BTS.ReceivePortName", Op.BITWISE_AND, "4", **{"BTS.ReceivePortName": "6"})  # a string


def test_booleans() -> None:
    b = "BTS.IsDynamicSend"
    assert matches(b, Op.EQUALS, "True", **{b: "true"})
    assert matches(b, Op.NOT_EQUAL, "false", **{b: "TRUE"})


def test_a_context_value_of_the_wrong_type_is_refused_with_its_name() -> None:
    with pytest.raises(ContextValueError, match="BTS.InterchangeSequenceNumber: 'x' is not a whole number"):
        MessageContext.of([("BTS.InterchangeSequenceNumber", "x")])
    with pytest.raises(ContextValueError, match="unknown type"):
        MessageContext.of([("A.B", "1", "float")])  # type: ignore[list-item]


# -- designs: documents, workspaces, the router's index --------------------------------------------


def test_orchestration_bound_ports_are_listed_apart() -> None:
    doc = load(binding_file(ports=[port("A"), port("B", filter_value="In")], orchestrations={"A": ["Orch.SendA"]}))
    result = route(Design.of_document(doc, ST), ctx(BTS_ReceivePortName="In"))
    assert [r.name for r in result.ports] == ["B"]
    assert result.orchestration_bound == (("A", ("Test.Orchestrations.Process.Orch.SendA",)),)


def test_a_document_routes_through_its_groups() -> None:
    doc = load(binding_file(ports=[port("A", filter_value="In"), port("B")], groups=[group("G", ["A", "B", "Gone"])]))
    design = Design.of_document(doc, S)
    result = route(design, ctx(BTS_ReceivePortName="In"))
    assert [(r.name, r.outcome) for r in result.ports] == [("A", Outcome.SUSPENDED)]  # G has no filter
    assert Design.of_document(doc).ports["A"].state is U  # as imported


def test_the_router_agrees_with_a_full_scan() -> None:
    """The router's index finds the same recipients as checking every filter."""
    ports = [
        sp("Eq", IN),
        sp("Ne", flt([st("BTS.ReceivePortName", Op.NOT_EQUAL, "In")])),
        sp("Num", flt([st("BTS.InterchangeSequenceNumber", Op.EQUALS, "3.0")])),
        sp("Ex", flt([st("BTS.MessageType", Op.EXISTS)])),
    ]
    design = Design.of(ports, [spg("G", ["Eq"], flt([st("BTS.InterchangeSequenceNumber", Op.GREATER_THAN, "1")]))], ST)
    router = Router(design)
    cases = [
        (ctx(BTS_ReceivePortName="In"), ["Eq"]),
        (ctx(BTS_ReceivePortName="Out", BTS_MessageType="m"), ["Ex", "Ne"]),
        (MessageContext.of([("BTS.InterchangeSequenceNumber", "3")]), ["Eq", "Num"]),
        # Typed as a string: "3" is not "3.0", but "3" > "1" as text too, so G still routes to Eq.
        (MessageContext.of([("BTS.InterchangeSequenceNumber", "3", "string")]), ["Eq"]),
        (MessageContext.of([("BTS.InterchangeSequenceNumber", "03", "string")]), []),  # "03" < "1" as text
    ]
    for context, expected in cases:
        assert [r.name for r in router.route(context).ports] == expected


def test_a_workspace_view_supplies_the_states(tmp_path: Path) -> None:
    from model.store import Workspace

    with Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}") as ws:
        ws.import_document(load(binding_file(ports=[port("A", filter_value="In"), port("B", filter_value="In")])))
        from model.lifecycle_types import Action, Subject

        ws.perform(Action.START, [Subject(Kind.PORT, "A")])
        ws.perform(Action.ENLIST, [Subject(Kind.PORT, "B")])
        models = [ws.port("A").model, ws.port("B").model]
        design = Design.of(models, [], ws.view())
    result = route(design, ctx(BTS_ReceivePortName="In"))
    assert [(r.name, r.outcome) for r in result.ports] == [("A", Outcome.DELIVERED), ("B", Outcome.SUSPENDED)]


# -- the corpus file with groups ------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS_21.exists(), reason="the shared corpus is not here")
def test_corpus_21_hand_checked_contexts() -> None:
    doc = load(CORPUS_21)
    design = Design.of_document(doc, ST)
    router = Router(design)
    # MQSeries' filter: BTS.Operation, QueueManager (a placeholder kept as written), Queue, Platform.
    mq = [
        ("BTS.Operation", "SendRequest"),
        ("Schemas.PropertySchemas.QueueManager", "$(QueueManager1)"),
        ("Schemas.PropertySchemas.Queue", "BIZ.REQ.A"),
        ("Schemas.PropertySchemas.Platform", "CP-NRT"),
    ]
    result = router.route(MessageContext.of(mq))
    assert [r.name for r in result.ports] == ["MQSeries - $(QueueManager1)"] and not result.groups
    # Without the platform the fourth statement fails: nothing subscribes.
    assert router.route(MessageContext.of(mq[:3])).routing_failure
    # The binary port's filter has three statements, another queue manager and queue.
    binary = [
        mq[0],
        ("Schemas.PropertySchemas.QueueManager", "$(QueueManager2)"),
        ("Schemas.PropertySchemas.Queue", "host.out.oth.h2s"),
    ]
    assert [r.name for r in router.route(MessageContext.of(binary)).ports] == ["BinaryRequestPort - $(QueueManager2)"]
    # Both groups filter on AzureBlobStorage.BlobName == Blobby; their members are not in this file.
    blob = router.route(MessageContext.of([("AzureBlobStorage.BlobName", "Blobby")]))
    assert [g.name for g in blob.groups] == ["TestSendPortGroup", "TestSendPortGroup2"]
    assert blob.routing_failure and ("TestSendPortGroup2", "AnotherSendPort") in blob.missing_members
    assert ("WcfSend", ("Outbound.Orchestrations.Transmitter.SolicitResponsePort",)) in blob.orchestration_bound
