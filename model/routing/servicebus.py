"""BizTalk subscriptions as Azure Service Bus topic subscriptions with SQL rules.

Convention (what a publisher to the topic must do, and what the export writes):

* Every BizTalk context property becomes a **user property of the same qualified name**
  (``BTS.MessageType`` -> user property ``BTS.MessageType``), set by whoever publishes to
  the topic with the catalog's type (``model.filter_properties``): int as a number, bool as
  a boolean, string as a string. In SQL it is written as a delimited identifier,
  ``[BTS.MessageType]`` (a ``]`` in a name is doubled), so dots need no renaming.
* One subscription per send port with a filter of its own (named after the port), and one
  per group member path (``<group>.<port>``), so that a port reached both ways still gets
  two copies, as in BizTalk. Names are cut to Service Bus's 50 characters and made unique.
* One SQL rule per BizTalk OR group (statements ANDed); the first is written as ``$Default``,
  which replaces the match-all rule every new subscription gets; Service Bus ORs rules
  without actions and delivers one copy per subscription.
* Literals are typed from the catalog: numbers unquoted, booleans ``TRUE``/``FALSE``,
  strings quoted with ``'`` doubled. ``!=`` is written ``<>``; ``exists`` is ``EXISTS([P])``.
* Run state: Started -> ``Active``; Stopped (enlisted) -> ``ReceiveDisabled`` (messages wait
  in the subscription, as BizTalk suspends them resumably); Unenlisted -> not exported. A
  group path takes the lesser state of the group and the port.

What does not map is reported (:class:`Note`) and left out: BitwiseAnd (no bitwise operator
in Service Bus SQL), dateTime properties (no date literal), ordering a boolean, values
that are not of the property's type, placeholders, unreadable filters. BTS.* properties are exported but noted:
the messaging engine sets them in BizTalk, Service Bus never does. Limits checked: 2,000
subscriptions per topic, 2,000 SQL filters per topic, 1,024 characters per SQL expression.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from model.domain import Filter, FilterGroup, FilterOperator, FilterStatement, is_token
from model.lifecycle_types import State
from model.routing.design import Design
from model.routing.sqlfilter import parse
from model.routing.values import parse_value, property_type

__all__ = [
    "MAX_EXPRESSION",
    "MAX_NAME",
    "MAX_SQL_FILTERS",
    "MAX_SUBSCRIPTIONS",
    "Note",
    "ServiceBusPlan",
    "SqlRule",
    "Subscription",
    "plan",
    "selected",
    "sql_literal",
    "sql_property",
]

MAX_SUBSCRIPTIONS = 2000  # per topic
MAX_SQL_FILTERS = 2000  # per topic
MAX_EXPRESSION = 1024  # characters of one SQL filter expression
MAX_NAME = 50  # characters of a subscription or rule name

_SQL_OPS = {
    FilterOperator.EQUALS: "=",
    FilterOperator.NOT_EQUAL: "<>",
    FilterOperator.LESS_THAN: "<",
    FilterOperator.LESS_EQUAL: "<=",
    FilterOperator.GREATER_THAN: ">",
    FilterOperator.GREATER_EQUAL: ">=",
}


@dataclass(frozen=True)
class SqlRule:
    name: str
    expression: str
    filter_group: int  # the BizTalk OR group it comes from (0-based)


@dataclass(frozen=True)
class Subscription:
    """One Service Bus subscription: a port's own filter (``group`` None) or a group path."""

    name: str
    port: str
    group: str | None
    status: str  # "Active" or "ReceiveDisabled"
    rules: tuple[SqlRule, ...]


@dataclass(frozen=True)
class Note:
    """Something of the design the export could not carry over, or a limit it passes."""

    severity: str  # "error" (a limit: the deployment would fail) or "warning"
    subject: str  # "send port 'X'", "group 'G'" or "topic"
    message: str

    def line(self) -> str:
        return f"{self.severity}: {self.subject}: {self.message}"


@dataclass(frozen=True)
class ServiceBusPlan:
    namespace: str
    topic: str
    subscriptions: tuple[Subscription, ...]
    notes: tuple[Note, ...]

    @property
    def has_errors(self) -> bool:
        return any(n.severity == "error" for n in self.notes)


def sql_property(name: str) -> str:
    """``BTS.MessageType`` -> ``[BTS.MessageType]``."""
    return "[" + name.replace("]", "]]") + "]"


def sql_literal(value: str | int | bool) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def _statement_sql(st: FilterStatement) -> tuple[str | None, str | None]:
    """(SQL, None) or (None, why it does not map)."""
    try:
        op = FilterOperator(st.operator)
    except ValueError:
        return None, f"operator code {st.operator} is not a filter operator"
    type_ = property_type(st.property)
    if op is FilterOperator.EXISTS:
        return f"EXISTS({sql_property(st.property)})", None
    if op is FilterOperator.BITWISE_AND:
        return None, f"'{st.text()}': Service Bus SQL has no bitwise AND"
    if type_ == "datetime":
        return None, f"'{st.text()}': {st.property} is a dateTime and Service Bus SQL has no date literal"
    if st.value is None:
        return None, f"'{st.text()}' has no value"
    if is_token(st.value):
        return None, f"'{st.text()}' is a placeholder: fill in the environment's value first"
    value = parse_value(st.value, type_)
    if value is None:
        return None, f"'{st.text()}' never matches ({st.value!r} is not a {type_})"
    assert not isinstance(value, datetime)  # dateTime properties were refused above
    if type_ == "bool" and op not in (FilterOperator.EQUALS, FilterOperator.NOT_EQUAL):
        return None, f"'{st.text()}': Service Bus SQL compares booleans only with = and <>"
    return f"{sql_property(st.property)} {_SQL_OPS[op]} {sql_literal(value)}", None


def group_sql(group: FilterGroup) -> tuple[str | None, list[str]]:
    """The SQL of one OR group (statements ANDed), or None with the reasons it does not map."""
    parts, why = [], []
    for st in group.statements:
        sql, reason = _statement_sql(st)
        if sql is None:
            why.append(reason or "")
        else:
            parts.append(sql)
    return (None, why) if why or not parts else (" AND ".join(parts), [])


_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


class _Names:
    """Subscription names: allowed characters, at most 50, unique (case-insensitively)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, wanted: str) -> str:
        base = _NAME_CHARS.sub("-", wanted).strip("-._") or "subscription"
        name = base[:MAX_NAME]
        if name.casefold() in self.taken or len(base) > MAX_NAME:
            digest = hashlib.sha1(wanted.encode("utf-8")).hexdigest()[:8]
            name = f"{base[: MAX_NAME - 9].rstrip('-._')}-{digest}"
        self.taken.add(name.casefold())
        return name


def _status(*states: State) -> str | None:
    if State.UNENLISTED in states:
        return None
    return "Active" if all(s is State.STARTED for s in states) else "ReceiveDisabled"


def _rules(f: Filter | None, subject: str, notes: list[Note]) -> tuple[SqlRule, ...] | None:
    """The rules of a filter; None when it subscribes to nothing (empty or unreadable)."""
    if f is None or f.is_empty:
        return None
    if f.unparsed is not None:
        notes.append(Note("warning", subject, "filter is not readable XML: not exported"))
        return None
    rules: list[SqlRule] = []
    for gi, group in enumerate(f.groups):
        if not group.statements:
            continue
        sql, why = group_sql(group)
        if sql is None:
            for reason in why:
                notes.append(Note("warning", subject, f"filter group {gi + 1} left out: {reason}"))
            continue
        if len(sql) > MAX_EXPRESSION:
            notes.append(
                Note(
                    "error", subject, f"filter group {gi + 1} is {len(sql)} characters of SQL (limit {MAX_EXPRESSION})"
                )
            )
        rules.append(SqlRule("$Default" if not rules else f"or-{gi + 1}", sql, gi))
    if not rules:
        notes.append(Note("warning", subject, "no filter group maps: the subscription would receive nothing"))
        rules.append(SqlRule("$Default", "1 = 0", -1))
    return tuple(rules)


def _engine_properties(f: Filter | None) -> list[str]:
    return [x for x in f.properties() if x.startswith("BTS.")] if f is not None else []


def plan(design: Design, namespace: str, topic: str) -> ServiceBusPlan:
    """The subscriptions and rules that reproduce ``design``'s filter routing on one topic."""
    notes: list[Note] = []
    names = _Names()
    subs: list[Subscription] = []
    bts: set[str] = set()
    for p in sorted(design.ports.values(), key=lambda p: p.name):
        rules = _rules(p.filter, f"send port '{p.name}'", notes)
        if rules is None:
            continue
        bts.update(_engine_properties(p.filter))
        status = _status(p.state)
        if status is None:
            notes.append(
                Note("warning", f"send port '{p.name}'", "unenlisted (no subscription in BizTalk): not exported")
            )
            continue
        subs.append(Subscription(names.make(p.name), p.name, None, status, rules))
    for g in sorted(design.groups.values(), key=lambda g: g.name):
        subject = f"group '{g.name}'"
        rules = _rules(g.filter, subject, notes)
        if rules is None:
            continue
        bts.update(_engine_properties(g.filter))
        for m in dict.fromkeys(g.members):
            port = design.ports.get(m)
            if port is None:
                notes.append(Note("warning", subject, f"member '{m}' is not a send port of this design: not exported"))
                continue
            status = _status(g.state, port.state)
            if status is None:
                notes.append(Note("warning", subject, f"path to '{m}' is not subscribed (unenlisted): not exported"))
                continue
            subs.append(Subscription(names.make(f"{g.name}.{m}"), m, g.name, status, rules))
    for p in sorted(design.ports.values(), key=lambda p: p.name):
        if p.orchestrations:
            notes.append(
                Note(
                    "warning",
                    f"send port '{p.name}'",
                    "bound to an orchestration: that traffic is outside filter routing",
                )
            )
    for prop in sorted(bts):
        notes.append(
            Note(
                "warning",
                "topic",
                f"{prop} is set by BizTalk's messaging engine; publishers must set user property {sql_property(prop)}",
            )
        )
    if len(subs) > MAX_SUBSCRIPTIONS:
        notes.append(Note("error", "topic", f"{len(subs)} subscriptions (limit {MAX_SUBSCRIPTIONS} per topic)"))
    n_rules = sum(len(s.rules) for s in subs)
    if n_rules > MAX_SQL_FILTERS:
        notes.append(Note("error", "topic", f"{n_rules} SQL filters (limit {MAX_SQL_FILTERS} per topic)"))
    return ServiceBusPlan(namespace, topic, tuple(subs), tuple(notes))


def selected(plan: ServiceBusPlan, properties: dict[str, str | int | bool]) -> list[Subscription]:
    """The subscriptions a message with these user properties lands in (any rule true), read
    back from the SQL the plan writes: the proof that the export routes as BizTalk does."""
    return [s for s in plan.subscriptions if any(parse(r.expression).matches(properties) for r in s.rules)]
