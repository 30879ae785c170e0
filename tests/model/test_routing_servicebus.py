"""model.routing.servicebus: the export to Service Bus routes as BizTalk does (no Qt).

The proof reads the generated SQL back with ``model.routing.sqlfilter`` and, for random
designs and messages, compares the subscriptions it selects with the paths BizTalk's filters
take. The Bicep file is read by a small tokenizer and parser here, the ARM file as JSON."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as s

from model.domain import Filter, FilterGroup, FilterStatement, SendPort, SendPortGroup
from model.domain import FilterOperator as Op
from model.lifecycle_types import GroupInfo, PortInfo, State, View
from model.routing import Design, MessageContext, Router
from model.routing.evaluate import matching_group
from model.routing.servicebus import MAX_EXPRESSION, plan, selected, sql_literal, sql_property
from model.routing.servicebus_files import API_VERSION, arm_template, az_script, bicep, bicep_string, report
from model.routing.sqlfilter import SqlFilterError, evaluate, parse
from model.routing.values import property_type


def st(prop: str, op: Op, value: str | None = None) -> FilterStatement:
    return FilterStatement(property=prop, operator=op, value=value)


def flt(*groups: list[FilterStatement]) -> Filter:
    return Filter(groups=tuple(FilterGroup(statements=tuple(g)) for g in groups))


# -- the SQL subset ---------------------------------------------------------------------------------


def test_sql_literals_and_names() -> None:
    assert sql_property("BTS.MessageType") == "[BTS.MessageType]"
    assert sql_property("a]b") == "[a]]b]"
    assert sql_literal("O'Brien") == "'O''Brien'" and sql_literal(5) == "5" and sql_literal(True) == "TRUE"
    assert evaluate("[a]]b] = 'O''Brien'", {"a]b": "O'Brien"})


SQL_CASES = [
    ("[n] = 5", {"n": 5}, True),
    ("[n] = 5", {"n": "5"}, False),  # a string is not a number
    ("[n] > 9", {"n": 10}, True),
    ("[s] > '9'", {"s": "10"}, False),  # strings as text
    ("[s] <> 'x'", {}, False),  # unknown, not true
    ("NOT ([s] = 'x')", {}, False),  # NOT unknown is unknown
    ("[s] = 'x' OR [n] = 1", {"n": 1}, True),  # unknown OR true
    ("[s] = 'x' AND [n] = 1", {"n": 1}, False),
    ("EXISTS([s])", {"s": ""}, True),
    ("[s] IS NULL", {}, True),
    ("[s] IS NOT NULL", {"s": "a"}, True),
    ("user.[b] = TRUE", {"b": True}, True),
    ("[b] > FALSE", {"b": True}, False),  # booleans compare only for equality
    ("sys.Label = 'x'", {"Label": "x"}, False),  # system properties are not modelled
    ("1 = 0", {}, False),
    ("[n] >= -3", {"n": -3}, True),
]


@pytest.mark.parametrize(("sql", "props", "expected"), SQL_CASES)
def test_sql_three_valued_evaluation(sql: str, props: dict[str, Any], expected: bool) -> None:
    assert evaluate(sql, props) is expected


@pytest.mark.parametrize("sql", ["[a] =", "[a] = 'x", "[a] LIKE 'x%'", "EXISTS [a]", "[a] = 1 1", "(", "[a] ~ 1"])
def test_sql_outside_the_subset_is_refused(sql: str) -> None:
    with pytest.raises(SqlFilterError):
        parse(sql)


# -- the plan ---------------------------------------------------------------------------------------


def test_one_subscription_per_port_and_per_group_member_with_one_rule_per_or_group() -> None:
    f = flt(
        [st("BTS.ReceivePortName", Op.EQUALS, "In"), st("BTS.InterchangeSequenceNumber", Op.GREATER_THAN, "2")],
        [st("BTS.MessageType", Op.EXISTS)],
    )
    ports = [SendPort(name="P", filter=f), SendPort(name="Q")]
    groups = [
        SendPortGroup(name="G", members=("P", "Q"), filter=flt([st("BTS.ReceivePortName", Op.NOT_EQUAL, "It's")]))
    ]
    view = View.of(
        [PortInfo("P", State.STARTED), PortInfo("Q", State.STOPPED)],
        [GroupInfo("G", State.STARTED, members=("P", "Q"))],
    )
    result = plan(Design.of(ports, groups, view), "ns", "orders")
    subs = {(x.port, x.group): x for x in result.subscriptions}
    assert set(subs) == {("P", None), ("P", "G"), ("Q", "G")}
    own = subs["P", None]
    assert [(r.name, r.expression) for r in own.rules] == [
        ("$Default", "[BTS.ReceivePortName] = 'In' AND [BTS.InterchangeSequenceNumber] > 2"),
        ("or-2", "EXISTS([BTS.MessageType])"),
    ]
    assert subs["P", "G"].rules[0].expression == "[BTS.ReceivePortName] <> 'It''s'"
    assert own.status == "Active" and subs["Q", "G"].status == "ReceiveDisabled"
    assert subs["P", "G"].name == "G.P"
    assert not result.has_errors


def test_what_does_not_map_is_reported_and_left_out() -> None:
    ports = [
        SendPort(
            name="Bits",
            filter=flt(
                [st("BTS.AckFailureCategory", Op.BITWISE_AND, "4")], [st("BTS.ReceivePortName", Op.EQUALS, "In")]
            ),
        ),
        SendPort(name="When", filter=flt([st("ErrorReport.FailureTime", Op.GREATER_THAN, "2024-01-01T00:00:00Z")])),
        SendPort(name="Off", filter=flt([st("BTS.ReceivePortName", Op.EQUALS, "In")])),
    ]
    view = View.of(
        [PortInfo("Bits", State.STARTED), PortInfo("When", State.STARTED), PortInfo("Off", State.UNENLISTED)]
    )
    result = plan(Design.of(ports, [], view), "ns", "t")
    subs = {x.port: x for x in result.subscriptions}
    assert [r.expression for r in subs["Bits"].rules] == ["[BTS.ReceivePortName] = 'In'"]
    assert [r.expression for r in subs["When"].rules] == ["1 = 0"]  # receives nothing, as noted
    assert "Off" not in subs
    lines = report(result)
    assert "no bitwise AND" in lines and "no date literal" in lines and "unenlisted" in lines
    assert "BTS.ReceivePortName is set by BizTalk's messaging engine" in lines


def test_limits_are_errors() -> None:
    long_value = "x" * MAX_EXPRESSION
    many = [SendPort(name=f"P{i}", filter=flt([st("BTS.ReceivePortName", Op.EQUALS, str(i))])) for i in range(2001)]
    many.append(SendPort(name="Long", filter=flt([st("BTS.ReceivePortName", Op.EQUALS, long_value)])))
    result = plan(Design.of(many, [], State.STARTED), "ns", "t")
    messages = [n.message for n in result.notes if n.severity == "error"]
    assert any("2002 subscriptions (limit 2000" in m for m in messages)
    assert any("2002 SQL filters (limit 2000" in m for m in messages)
    assert any(f"of SQL (limit {MAX_EXPRESSION})" in m for m in messages)
    assert result.has_errors


def test_subscription_names_are_valid_and_unique() -> None:
    ports = [
        SendPort(name=n, filter=flt([st("BTS.ReceivePortName", Op.EQUALS, "In")]))
        for n in ("A b", "A-b", "x" * 80, "Ünï/€")
    ]
    names = [x.name for x in plan(Design.of(ports, [], State.STARTED), "ns", "t").subscriptions]
    assert len({n.casefold() for n in names}) == 4
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,49}", n) for n in names), names


# -- the proof: Service Bus selects what BizTalk routes ---------------------------------------------

STRING_PROPS = ["BTS.ReceivePortName", "BTS.MessageType", "Contoso.Region", "Odd]Name.P"]
INT_PROPS = ["BTS.InterchangeSequenceNumber", "BTS.AckFailureCategory"]
BOOL_PROPS = ["BTS.IsDynamicSend"]
STRINGS = ["In", "Out", "O'Brien", "a]b", "", "10", "9"]
INTS = ["-1", "0", "3", "9", "10", "2.5", "ten"]  # 2.5 rounds to 3; "ten" never matches
ORDERING = [Op.EQUALS, Op.NOT_EQUAL, Op.LESS_THAN, Op.LESS_EQUAL, Op.GREATER_THAN, Op.GREATER_EQUAL]


def statements() -> s.SearchStrategy[FilterStatement]:
    strings = s.builds(st, s.sampled_from(STRING_PROPS), s.sampled_from(ORDERING), s.sampled_from(STRINGS))
    ints = s.builds(st, s.sampled_from(INT_PROPS), s.sampled_from(ORDERING), s.sampled_from(INTS))
    bools = s.builds(
        st, s.sampled_from(BOOL_PROPS), s.sampled_from([Op.EQUALS, Op.NOT_EQUAL]), s.sampled_from(["True", "false"])
    )
    exists = s.builds(st, s.sampled_from(STRING_PROPS + INT_PROPS + BOOL_PROPS), s.just(Op.EXISTS))
    return s.one_of(strings, ints, bools, exists)


filters = s.builds(
    lambda groups: Filter(groups=tuple(FilterGroup(statements=tuple(g)) for g in groups)),
    s.lists(s.lists(statements(), min_size=0, max_size=2), min_size=1, max_size=3),
)
states = s.sampled_from([State.UNENLISTED, State.STOPPED, State.STARTED])
PORT_NAMES = ["P0", "P1", "P2", "P3"]


@s.composite
def designs(draw: s.DrawFn) -> Design:
    ports = [SendPort(name=n, filter=draw(s.none() | filters)) for n in PORT_NAMES]
    groups = [
        SendPortGroup(
            name=f"G{i}",
            filter=draw(s.none() | filters),
            members=tuple(draw(s.lists(s.sampled_from([*PORT_NAMES, "Gone"]), min_size=1, max_size=4))),
        )
        for i in range(draw(s.integers(0, 3)))
    ]
    view = View.of(
        [PortInfo(p.name, draw(states)) for p in ports],
        [GroupInfo(g.name, draw(states), members=g.members) for g in groups],
    )
    return Design.of(ports, groups, view)


@s.composite
def messages(draw: s.DrawFn) -> list[tuple[str, str]]:
    pairs = []
    for prop in STRING_PROPS + INT_PROPS + BOOL_PROPS:
        if draw(s.integers(0, 3)):  # most properties are there: more filters match
            pool = (
                STRINGS
                if prop in STRING_PROPS
                else ["-1", "0", "3", "9", "10"]
                if prop in INT_PROPS
                else ["true", "false"]
            )
            pairs.append((prop, draw(s.sampled_from(pool))))
    return pairs


@s.composite
def retyped_messages(draw: s.DrawFn) -> list[tuple[str, str, str | None]]:
    """Messages whose properties may be typed otherwise than the catalog says (given with -p NAME:TYPE)."""
    out: list[tuple[str, str, str | None]] = []
    for name, text in draw(messages()):
        numeric = text.lstrip("-").isdigit()
        out.append((name, text, draw(s.sampled_from([None, "string", "int"] if numeric else [None, "string"]))))
    return out


def service_bus_properties(context: MessageContext) -> dict[str, str | int | bool]:
    """What a publisher following the export's convention sets: the catalog's types."""
    out: dict[str, str | int | bool] = {}
    for name, typed in context.items():
        assert typed.type == property_type(name)
        out[name] = typed.value  # type: ignore[assignment]
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs(), s.lists(messages(), min_size=1, max_size=5))
def test_service_bus_rules_select_what_biztalk_filters_route(
    design: Design, batch: list[list[tuple[str, str]]]
) -> None:
    exported = plan(design, "ns", "t")
    router = Router(design)
    for pairs in batch:
        context = MessageContext.of(pairs)
        biztalk = {
            (r.name, p.group, p.outcome.value)
            for r in router.route(context).ports
            for p in r.paths
            if p.outcome.subscribed
        }
        service_bus = {
            (x.port, x.group, "delivered" if x.status == "Active" else "suspended")
            for x in selected(exported, service_bus_properties(context))
        }
        assert service_bus == biztalk


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs(), s.lists(retyped_messages(), min_size=1, max_size=5))
def test_the_router_index_finds_what_a_scan_of_every_filter_finds(design: Design, batch: list[list[Any]]) -> None:
    router = Router(design)
    for triples in batch:
        context = MessageContext.of(triples)
        scanned = {
            (kind, e.name, matching_group(e.filter, context))
            for kind, entries in (("port", design.ports.values()), ("group", design.groups.values()))
            for e in entries
            if matching_group(e.filter, context) is not None
        }
        result = router.route(context)
        routed = {("port", r.name, p.filter_group) for r in result.ports for p in r.paths if p.group is None}
        routed |= {("group", r.name, r.paths[0].filter_group) for r in result.groups}
        assert routed == scanned


# -- the files ----------------------------------------------------------------------------------------

_BICEP_TOKEN = re.compile(
    r"(?P<comment>//[^\n]*)|(?P<string>'(?:[^'\\]|\\.)*')|(?P<name>[A-Za-z_$][A-Za-z0-9_]*)"
    r"|(?P<symbol>[{}:=])|(?P<newline>\n)|(?P<space>[ \t]+)"
)
_BICEP_ESCAPES = {"\\": "\\", "'": "'", "n": "\n", "r": "\r", "t": "\t", "$": "$"}


def bicep_tokens(text: str) -> list[tuple[str, str]]:
    out, pos = [], 0
    while pos < len(text):
        m = _BICEP_TOKEN.match(text, pos)
        assert m is not None, f"unexpected Bicep text at {pos}: {text[pos : pos + 20]!r}"
        kind = m.lastgroup or ""
        if kind == "string":
            raw = m.group()[1:-1]
            out.append(("string", re.sub(r"\\(.)", lambda e: _BICEP_ESCAPES[e.group(1)], raw)))
        elif kind in ("name", "symbol"):
            out.append((kind, m.group()))
        elif kind == "newline":
            out.append(("newline", "\n"))
        pos = m.end()
    return out


def parse_bicep(text: str) -> tuple[dict[str, str], dict[str, dict[str, Any]]]:
    """``param`` defaults and ``resource`` declarations (type, existing, body) of a Bicep file."""
    toks = [t for t in bicep_tokens(text)]
    i = 0

    def skip_newlines() -> None:
        nonlocal i
        while i < len(toks) and toks[i][0] == "newline":
            i += 1

    def expect(kind: str, value: str | None = None) -> str:
        nonlocal i
        k, v = toks[i]
        assert k == kind and (value is None or v == value), f"expected {value or kind}, got {v!r}"
        i += 1
        return v

    def obj() -> dict[str, Any]:
        nonlocal i
        expect("symbol", "{")
        body: dict[str, Any] = {}
        while True:
            skip_newlines()
            if toks[i] == ("symbol", "}"):
                i += 1
                return body
            key = expect("name")
            expect("symbol", ":")
            if toks[i] == ("symbol", "{"):
                body[key] = obj()
            else:
                kind, value = toks[i]
                assert kind in ("string", "name")
                body[key] = value if kind == "string" else ("ref", value)
                i += 1
            expect("newline")

    params: dict[str, str] = {}
    resources: dict[str, dict[str, Any]] = {}
    while True:
        skip_newlines()
        if i == len(toks):
            return params, resources
        word = expect("name")
        if word == "param":
            name = expect("name")
            assert expect("name") == "string"
            expect("symbol", "=")
            params[name] = expect("string")
        else:
            assert word == "resource"
            rid = expect("name")
            rtype = expect("string")
            existing = toks[i] == ("name", "existing")
            i += existing
            expect("symbol", "=")
            resources[rid] = {"type": rtype, "existing": existing, "body": obj()}
        expect("newline")


def sample_plan() -> Any:
    ports = [
        SendPort(
            name="Orders Out",
            filter=flt(
                [st("BTS.MessageType", Op.EQUALS, "urn:x#O'Order ${not a token}\\")],
                [st("BTS.InterchangeSequenceNumber", Op.GREATER_EQUAL, "2")],
            ),
        ),
        SendPort(name="Audit"),
    ]
    groups = [
        SendPortGroup(
            name="All", members=("Orders Out", "Audit"), filter=flt([st("BTS.ReceivePortName", Op.EQUALS, "In")])
        )
    ]
    return plan(Design.of(ports, groups, State.STARTED), "my-ns", "orders")


def test_bicep_parses_and_carries_the_plan() -> None:
    exported = sample_plan()
    params, resources = parse_bicep(bicep(exported))
    assert params == {"namespaceName": "my-ns", "topicName": "orders"}
    assert resources["namespace"]["existing"] and resources["topic"]["existing"]
    assert resources["topic"]["body"]["parent"] == ("ref", "namespace")
    subs = {
        rid: r
        for rid, r in resources.items()
        if r["type"].startswith("Microsoft.ServiceBus/namespaces/topics/subscriptions@")
    }
    rules = {rid: r for rid, r in resources.items() if "/subscriptions/rules@" in r["type"]}
    assert all(r["type"].endswith(f"@{API_VERSION}") for r in resources.values())
    assert {r["body"]["name"] for r in subs.values()} == {x.name for x in exported.subscriptions}
    assert all(r["body"]["parent"] == ("ref", "topic") for r in subs.values())
    found = set()
    for r in rules.values():
        parent = r["body"]["parent"][1]
        assert parent in subs
        expression = r["body"]["properties"]["sqlFilter"]["sqlExpression"]
        parse(expression)  # what Service Bus would read is in the subset
        found.add((subs[parent]["body"]["name"], r["body"]["name"], expression))
    assert found == {(x.name, rule.name, rule.expression) for x in exported.subscriptions for rule in x.rules}
    assert any("O''Order ${not a token}\\" in e for _, _, e in found)  # the escapes come back


def test_bicep_strings_escape_what_bicep_reads_specially() -> None:
    for text in ["plain", "it's", "back\\slash", "${x}", "line\nbreak", "tab\t"]:
        assert bicep_tokens(bicep_string(text)) == [("string", text)]


def _arm_segments(expression: str) -> list[str]:
    """The literal segments of ``[concat(parameters(..), '/', ...)]`` (a parameter is kept by name)."""
    assert expression.startswith("[concat(") and expression.endswith(")]")
    parts = re.findall(r"parameters\('(\w+)'\)|'((?:[^']|'')*)'", expression[8:-2])
    return [f"<{p}>" if p else lit.replace("''", "'") for p, lit in parts if lit != "/"]


def test_arm_template_is_json_with_the_same_resources() -> None:
    exported = sample_plan()
    template = json.loads(json.dumps(arm_template(exported)))
    assert template["$schema"].endswith("deploymentTemplate.json#") and template["contentVersion"] == "1.0.0.0"
    assert template["parameters"]["namespaceName"]["defaultValue"] == "my-ns"
    subs = [r for r in template["resources"] if r["type"] == "Microsoft.ServiceBus/namespaces/topics/subscriptions"]
    rules = [
        r for r in template["resources"] if r["type"] == "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules"
    ]
    assert len(subs) + len(rules) == len(template["resources"])
    names = {tuple(_arm_segments(r["name"])) for r in subs}
    assert names == {("<namespaceName>", "<topicName>", x.name) for x in exported.subscriptions}
    seen = set()
    for r in rules:
        ns, topic, sub, rule = _arm_segments(r["name"])
        assert (ns, topic) == ("<namespaceName>", "<topicName>")
        assert r["dependsOn"] == [
            f"[resourceId('Microsoft.ServiceBus/namespaces/topics/subscriptions', parameters('namespaceName'), parameters('topicName'), '{sub}')]"
        ]
        sql = r["properties"]["sqlFilter"]["sqlExpression"]
        sql = sql[1:] if sql.startswith("[[") else sql  # ARM's escape of a leading bracket
        assert r["properties"]["filterType"] == "SqlFilter"
        seen.add((sub, rule, sql))
    assert seen == {(x.name, rule.name, rule.expression) for x in exported.subscriptions for rule in x.rules}


def test_arm_reads_every_expression_as_a_literal() -> None:
    """ARM evaluates a string that starts with ``[`` and ends with ``]``; the export's SQL
    starts with a bracketed name but never ends with one, and the escape covers the rest."""
    from model.routing.servicebus_files import _arm_text

    ports = [
        SendPort(
            name="B", filter=flt([st("BTS.IsDynamicSend", Op.EQUALS, "true"), st("BTS.ReceivePortName", Op.EXISTS)])
        )
    ]
    exported = plan(Design.of(ports, [], State.STARTED), "ns", "t")
    rule = next(r for r in arm_template(exported)["resources"] if r["type"].endswith("/rules"))
    assert (
        rule["properties"]["sqlFilter"]["sqlExpression"]
        == "[BTS.IsDynamicSend] = TRUE AND EXISTS([BTS.ReceivePortName])"
    )
    assert _arm_text("[a] = [b]") == "[[a] = [b]" and _arm_text("[a] = 1") == "[a] = 1"


def test_az_script_quotes_for_the_shell() -> None:
    import shlex

    exported = sample_plan()
    script = az_script(exported)
    commands = [shlex.split(line) for line in script.splitlines() if line.startswith("az ")]
    creates = [c for c in commands if c[:5] == ["az", "servicebus", "topic", "subscription", "create"]]
    assert {c[c.index("--name") + 1] for c in creates} == {x.name for x in exported.subscriptions}
    rule_cmds = [c for c in commands if c[4] == "rule"]
    created = [c for c in rule_cmds if c[5] == "create"]
    expressions = {
        (c[c.index("--subscription-name") + 1], c[c.index("--name") + 1], c[c.index("--filter-sql-expression") + 1])
        for c in created
    }
    assert expressions == {(x.name, r.name, r.expression) for x in exported.subscriptions for r in x.rules}
    # The match-all $Default goes before any rule of the subscription is created.
    for x in exported.subscriptions:
        mine = [(c[5], c[c.index("--name") + 1]) for c in rule_cmds if c[c.index("--subscription-name") + 1] == x.name]
        assert mine[0] == ("delete", "$Default") and [v for v, _ in mine[1:]] == ["create"] * len(x.rules)
