"""Routing many messages through one design: filters compiled once and indexed.

Every statement, Exists included, needs its property in the context, so an OR group can
match only a message that carries all of its properties. Each OR group is filed under its
most selective key: an ``==`` statement's property and typed value when it has one, else the
property its statements share with the fewest other groups. A message is checked only
against the groups filed under its properties (and values), and ``route`` gives the same
answer as checking every filter (``model.routing.evaluate.matching_group``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from model.domain import Filter, FilterOperator
from model.lifecycle_types import State
from model.routing.design import Design
from model.routing.evaluate import Path, Recipient, RoutingResult, outcome_of
from model.routing.values import CompiledStatement, MessageContext, TypedValue, property_type

__all__ = ["Router", "route"]

Key = tuple[str, str]  # ("port" | "group", name)
Compiled = tuple[tuple[int, tuple[CompiledStatement, ...]], ...]  # (OR group index, statements)


def _compile(f: Filter | None) -> Compiled:
    if f is None or f.unparsed is not None:
        return ()
    return tuple(
        (i, tuple(CompiledStatement.of(s) for s in g.statements)) for i, g in enumerate(f.groups) if g.statements
    )


def _first_match(compiled: Compiled, values: Mapping[str, TypedValue]) -> int | None:
    for index, statements in compiled:
        if all(s.holds(values) for s in statements):
            return index
    return None


class Router:
    """A design compiled for routing (see the module docstring)."""

    def __init__(self, design: Design) -> None:
        self.design = design
        self._compiled: dict[Key, Compiled] = {}
        for kind, entries in (("port", design.ports.values()), ("group", design.groups.values())):
            for entry in entries:
                self._compiled[kind, entry.name] = _compile(entry.filter)
        uses = Counter(p for c in self._compiled.values() for _, sts in c for p in {s.property for s in sts})
        self._by_value: dict[tuple[str, object], set[Key]] = {}
        self._by_property: dict[str, set[Key]] = {}  # groups with a == on the property (other types)
        self._needs: dict[str, set[Key]] = {}  # groups without a usable ==, by their rarest property
        for key, compiled in self._compiled.items():
            for _, statements in compiled:
                anchor = next(
                    (s for s in statements if s.operator is FilterOperator.EQUALS and s.value is not None), None
                )
                if anchor is not None:
                    self._by_property.setdefault(anchor.property, set()).add(key)
                    if anchor.literal is not None:
                        self._by_value.setdefault((anchor.property, anchor.literal), set()).add(key)
                    continue
                rarest = min((s.property for s in statements), key=lambda p: (uses[p], p))
                self._needs.setdefault(rarest, set()).add(key)
        self._bound = tuple(sorted((p.name, p.orchestrations) for p in design.ports.values() if p.orchestrations))

    def _candidates(self, context: MessageContext) -> set[Key]:
        found: set[Key] = set()
        for name, value in context.items():
            found |= self._needs.get(name, set())
            if value.type != property_type(name):  # typed otherwise than the catalog: every == on it
                found |= self._by_property.get(name, set())
            else:
                found |= self._by_value.get((name, value.value), set())
        return found

    def route(self, context: MessageContext) -> RoutingResult:
        """Every port and group the message in ``context`` reaches, with the path and outcome."""
        design, values = self.design, context.values
        candidates = self._candidates(context)
        paths: dict[str, list[Path]] = {}
        groups: list[Recipient] = []
        missing: list[tuple[str, str]] = []
        for gname in sorted(n for k, n in candidates if k == "group"):
            g = design.groups[gname]
            index = _first_match(self._compiled["group", gname], values)
            if index is None or g.filter is None:
                continue
            matched = g.filter.groups[index].text()
            members = tuple(dict.fromkeys(g.members))
            for m in members:
                port = design.ports.get(m)
                if port is None:
                    missing.append((g.name, m))
                    continue
                paths.setdefault(m, []).append(Path(g.name, index, matched, outcome_of(port.state, g.state)))
            own = outcome_of(State.STARTED, g.state)
            groups.append(Recipient(g.name, "group", g.state, (Path(None, index, matched, own),), members))
        for kind, pname in candidates:
            if kind != "port":
                continue
            p = design.ports[pname]
            index = _first_match(self._compiled["port", pname], values)
            if index is not None and p.filter is not None:
                own_path = Path(None, index, p.filter.groups[index].text(), outcome_of(p.state))
                paths.setdefault(p.name, []).insert(0, own_path)
        ports = tuple(
            Recipient(name, "port", design.ports[name].state, tuple(found)) for name, found in sorted(paths.items())
        )
        return RoutingResult(ports, tuple(groups), self._bound, tuple(missing))


def route(design: Design, context: MessageContext) -> RoutingResult:
    """Every port and group the message in ``context`` reaches (build a :class:`Router` once
    to route many messages through one design)."""
    return Router(design).route(context)
