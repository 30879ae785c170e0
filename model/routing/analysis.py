"""Routing problems found without a message: filters that never match, ports and groups that
always receive together, ports that receive twice, properties nobody promotes.

Each function returns problems as ``model.validation.collect`` does, ``(kind, name,
severity, field, message)`` with ``kind`` "port" or "group" and ``field`` a path into the
object (``filter.groups[0].statements[1]``), so callers can add them to ``validate`` and the
problems dock next to the others. :func:`routing_problems` runs them all.

Values are compared as the catalog types them (``model.routing.values``), so ``== 5`` and
``== 5.0`` on an integer property are the same value, and ``== 5`` with ``== 6`` never match.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from model.domain import Filter, FilterGroup, FilterOperator, FilterStatement, SendPort, SendPortGroup, is_token
from model.routing.values import parse_value, property_type
from model.validation import Severity

__all__ = [
    "Problem",
    "contradiction",
    "duplicate_deliveries",
    "identical_filters",
    "never_matching",
    "routing_problems",
    "unpromoted_properties",
]

Problem = tuple[str | None, str | None, Severity, str, str]


@dataclass
class _Range:
    """What the statements on one property allow, as the catalog types it."""

    # Values of one property all have its one type, so they compare with each other.
    equal: list[tuple[Any, str]] = field(default_factory=list)
    unequal: list[tuple[Any, str]] = field(default_factory=list)
    low: tuple[Any, bool, str] | None = None  # value, inclusive, statement text
    high: tuple[Any, bool, str] | None = None


def _tighter(old: tuple[Any, bool, str] | None, new: tuple[Any, bool, str], lower: bool) -> tuple[Any, bool, str]:
    if old is None:
        return new
    a, b = old[0], new[0]
    if a == b:
        return old if not old[1] else new  # exclusive is tighter
    return new if ((b > a) if lower else (b < a)) else old


def _outside(value: Any, r: _Range) -> str | None:
    if r.low is not None and (value < r.low[0] or (value == r.low[0] and not r.low[1])):
        return r.low[2]
    if r.high is not None and (value > r.high[0] or (value == r.high[0] and not r.high[1])):
        return r.high[2]
    return None


def contradiction(statements: Sequence[FilterStatement]) -> str | None:
    """Why statements ANDed together can never all hold, or None when some message satisfies them.

    Statements with placeholders (``${Token}``) are left out: their value is not known yet."""
    ranges: dict[str, _Range] = {}
    for st in statements:
        try:
            op = FilterOperator(st.operator)
        except ValueError:
            continue
        if op is FilterOperator.EXISTS or st.value is None or is_token(st.value):
            continue
        type_ = property_type(st.property)
        value = parse_value(st.value, type_)
        text = st.text()
        if value is None:
            return f"'{text}' never matches: {st.property} is a {type_} and {st.value!r} is not one"
        if op is FilterOperator.BITWISE_AND:
            if type_ == "int" and value == 0:
                return f"'{text}' never matches: no bit is set in 0"
            continue
        r = ranges.setdefault(st.property, _Range())
        if op is FilterOperator.EQUALS:
            r.equal.append((value, text))
        elif op is FilterOperator.NOT_EQUAL:
            r.unequal.append((value, text))
        elif op in (FilterOperator.GREATER_THAN, FilterOperator.GREATER_EQUAL):
            r.low = _tighter(r.low, (value, op is FilterOperator.GREATER_EQUAL, text), lower=True)
        else:
            r.high = _tighter(r.high, (value, op is FilterOperator.LESS_EQUAL, text), lower=False)
    for prop, r in ranges.items():
        for v, t in r.equal[1:]:
            if v != r.equal[0][0]:
                return f"'{r.equal[0][1]}' and '{t}' cannot both hold: {prop} has one value"
        if r.equal:
            v, t = r.equal[0]
            clash = next((u for w, u in r.unequal if w == v), None) or _outside(v, r)
            if clash is not None:
                return f"'{t}' and '{clash}' cannot both hold"
        if r.low is not None and r.high is not None:
            lo, hi = r.low, r.high
            if lo[0] > hi[0] or (lo[0] == hi[0] and not (lo[1] and hi[1])):
                return f"'{lo[2]}' and '{hi[2]}' leave no value of {prop}"
    return None


def never_matching(kind: str, name: str, f: Filter | None) -> list[Problem]:
    """A warning for each OR group of ``f`` that no message can satisfy; an error when that
    leaves the whole (non-empty) filter matching nothing."""
    if f is None or f.unparsed is not None:
        return []
    out: list[Problem] = []
    dead = 0
    groups = [g for g in f.groups if g.statements]
    for gi, group in enumerate(f.groups):
        if not group.statements:
            continue  # reported by model.validation (empty filter group)
        why = contradiction(group.statements)
        if why is not None:
            dead += 1
            out.append(
                (kind, name, Severity.WARNING, f"filter.groups[{gi}]", f"filter group {gi + 1} never matches: {why}")
            )
    if groups and dead == len(groups):
        out.append((kind, name, Severity.ERROR, "filter", "no message can ever match this filter"))
    return out


def _statement_key(st: FilterStatement) -> tuple[str, int, object]:
    value: object = st.value
    if st.value is not None and not is_token(st.value):
        parsed = parse_value(st.value, property_type(st.property))
        value = parsed if parsed is not None else st.value
    return (st.property, st.operator, value)


def _filter_key(f: Filter | None) -> frozenset[frozenset[tuple[str, int, object]]] | None:
    """The filter as a set of sets of typed statements (order does not matter); None if empty."""
    if f is None or f.unparsed is not None or f.is_empty:
        return None
    return frozenset(frozenset(_statement_key(s) for s in g.statements) for g in f.groups if g.statements)


def identical_filters(ports: Iterable[SendPort], groups: Iterable[SendPortGroup]) -> list[Problem]:
    """A note on each port and group whose filter is the same as another's (in any order of
    groups and statements): they always receive the same messages through those filters."""
    by_key: dict[object, list[tuple[str, str]]] = {}
    for kind, objects in (("port", ports), ("group", groups)):
        for obj in objects:
            key = _filter_key(obj.filter)
            if key is not None:
                by_key.setdefault(key, []).append((kind, obj.name))
    out: list[Problem] = []
    for same in by_key.values():
        if len(same) < 2:
            continue
        for kind, name in same:
            others = [f"{'send port' if k == 'port' else 'group'} '{n}'" for k, n in same if (k, n) != (kind, name)]
            shown = ", ".join(others[:3]) + (f" and {len(others) - 3} more" if len(others) > 3 else "")
            out.append((kind, name, Severity.INFO, "filter", f"same filter as {shown}: they always receive together"))
    return out


def _can_meet(a: FilterGroup, b: FilterGroup) -> bool:
    return contradiction((*a.statements, *b.statements)) is None


def duplicate_deliveries(ports: Iterable[SendPort], groups: Iterable[SendPortGroup]) -> list[Problem]:
    """A warning for each port whose own filter and a group's filter can match one message:
    BizTalk then sends that message to the port twice (once per subscription)."""
    by_name = {p.name: p for p in ports}
    out: list[Problem] = []
    for g in groups:
        if _filter_key(g.filter) is None or g.filter is None:
            continue
        for member in dict.fromkeys(g.members):
            port = by_name.get(member)
            if port is None or port.filter is None or _filter_key(port.filter) is None:
                continue
            both = [
                (i, j)
                for i, own in enumerate(port.filter.groups)
                if own.statements
                for j, shared in enumerate(g.filter.groups)
                if shared.statements and _can_meet(own, shared)
            ]
            if both:
                i, j = both[0]
                out.append(
                    (
                        "port",
                        port.name,
                        Severity.WARNING,
                        f"filter.groups[{i}]",
                        f"a message matching filter group {i + 1} and group '{g.name}' (its filter group {j + 1}) "
                        "is delivered to this port twice: once through its own filter, once through the group",
                    )
                )
    return out


def unpromoted_properties(
    ports: Iterable[SendPort], groups: Iterable[SendPortGroup], promoted: Collection[str] | None
) -> list[Problem]:
    """A warning for each statement on a property that no receive side promotes.

    ``promoted`` is every property the receive ports' pipelines and adapters promote. A
    workspace does not store receive ports (and a binding file keeps them only as text), so
    callers that cannot know pass None and get no problems: absence of knowledge is not a fault."""
    if promoted is None:
        return []
    known = set(promoted)
    out: list[Problem] = []
    for kind, objects in (("port", ports), ("group", groups)):
        for obj in objects:
            f = obj.filter
            if f is None or f.unparsed is not None:
                continue
            for gi, g in enumerate(f.groups):
                for si, st in enumerate(g.statements):
                    if st.property not in known:
                        out.append(
                            (
                                kind,
                                obj.name,
                                Severity.WARNING,
                                f"filter.groups[{gi}].statements[{si}]",
                                f"no receive port promotes {st.property}: '{st.text()}' can never be satisfied",
                            )
                        )
    return out


def routing_problems(
    ports: Sequence[SendPort], groups: Sequence[SendPortGroup], promoted: Collection[str] | None = None
) -> list[Problem]:
    """Every routing problem of ``ports`` and ``groups`` (see the module docstring)."""
    out: list[Problem] = []
    for p in ports:
        out += never_matching("port", p.name, p.filter)
    for g in groups:
        out += never_matching("group", g.name, g.filter)
    out += identical_filters(ports, groups)
    out += duplicate_deliveries(ports, groups)
    out += unpromoted_properties(ports, groups, promoted)
    return out
