"""One design from a hand-made set of per-environment binding files.

The files are compared element by element (ports, groups and other named elements matched
by name, the rest by position); every attribute or text value that differs between them,
at any depth of escaped XML (an adapter setting inside ``TransportTypeData``, a binding
configuration inside that), becomes a ``${Setting}`` token in a master made from the first
file, and a setting with each environment's value. Positions whose values vary the same
way share one setting (the same address in twenty ports is one setting). Where the files
differ in structure (a port only in one of them), nothing is proposed: the differences are
named instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from model.bindings import safe, xmltext
from model.environments.table import Environment, Setting, SettingsError, SettingsTable

#: Elements whose differences are not settings (an export's time stamp).
_IGNORED = frozenset({"Timestamp"})

#: Elements matched across files by their Name attribute rather than by position.
_NAMED = re.compile(r"^(SendPort|SendPortGroup|ReceivePort|ReceiveLocation|ModuleRef|Service|Port|Party)$")


@dataclass
class Derived:
    """The master (the first file with tokens), the settings proposed, and what could not be
    turned into settings (structural differences), each naming where."""

    master: str
    table: SettingsTable
    unmatched: list[str] = field(default_factory=list)


@dataclass
class _Spot:
    """A value that differs: where (for its setting's name) and how to put a token there."""

    label: str
    values: tuple[str, ...]
    element: xmltext.Element
    attribute: str | None  # None: the element's text


def _key(el: xmltext.Element, index: int) -> str:
    name = el.get("Name") if _NAMED.match(el.name) else None
    return f"{el.name}[{name}]" if name is not None else f"{el.name}#{index}"


def _children(el_children: list) -> dict[str, xmltext.Element]:
    counts: dict[str, int] = {}
    out = {}
    for child in el_children:
        if isinstance(child, xmltext.Element):
            n = counts.get(child.name, 0)
            counts[child.name] = n + 1
            out[_key(child, n)] = child
    return out


def _label(context: str, el: xmltext.Element, attribute: str | None) -> str:
    leaf = attribute if attribute and attribute != "Name" else el.name
    if attribute == "Name":
        leaf = f"{el.name}Name"
    return f"{context}.{leaf}" if context else leaf


def _nested(el: xmltext.Element) -> list | None:
    if any(isinstance(c, xmltext.Element) for c in el.children):
        return None
    text = el.text()
    if not text.lstrip().startswith("<"):
        return None
    try:
        nodes = xmltext.parse(text)
    except ValueError:
        return None
    return nodes if xmltext.first_element(nodes) is not None else None


class _Walk:
    def __init__(self, names: Sequence[str]) -> None:
        self.names = names
        self.spots: list[_Spot] = []
        self.unmatched: list[str] = []
        #: nested documents edited in place: (outer element, its nodes)
        self.nested: list[tuple[xmltext.Element, list]] = []

    def nodes(self, groups: list[list], context: str, path: str) -> None:
        maps = [_children(nodes) for nodes in groups]
        for key in dict.fromkeys(k for m in maps for k in m):
            missing = [self.names[i] for i, m in enumerate(maps) if key not in m]
            if missing:
                present = [self.names[i] for i, m in enumerate(maps) if key in m]
                self.unmatched.append(f"{path}/{key}: in {', '.join(present)} but not in {', '.join(missing)}")
                continue
            self.element([m[key] for m in maps], context, f"{path}/{key}")

    def element(self, els: list[xmltext.Element], context: str, path: str) -> None:
        head = els[0]
        if head.name in _IGNORED:
            return
        name = head.get("Name") if _NAMED.match(head.name) else None
        inner_context = name if name is not None else context
        attrs = [e.attrs() for e in els]
        for attribute in head.attrs():
            values = tuple(a.get(attribute, "") for a in attrs)
            if len(set(values)) > 1:
                if attribute == "Name" and name is not None:
                    self.unmatched.append(f"{path}: named differently ({', '.join(values)})")
                else:
                    self.spots.append(_Spot(_label(inner_context, head, attribute), values, head, attribute))
        nested = [_nested(e) for e in els]
        if all(n is not None for n in nested):
            self.nested.append((head, nested[0]))  # type: ignore[arg-type]
            self.nodes(nested, inner_context, path)  # type: ignore[arg-type]
            return
        if any(isinstance(c, xmltext.Element) for c in head.children):
            self.nodes([e.children for e in els], inner_context, path)
            return
        values = tuple(e.text() for e in els)
        if len(set(values)) > 1:
            self.spots.append(_Spot(_label(inner_context, head, None), values, head, None))


def derive(texts: Sequence[str], environments: Sequence[str]) -> Derived:
    """Compare the binding files ``texts`` (one per environment, in order) and propose settings."""
    if len(texts) != len(environments) or len(texts) < 2:
        raise SettingsError("--as-environments", "give at least two binding files, one per environment")
    docs = [xmltext.parse(t) for t in texts]
    walk = _Walk(environments)
    walk.nodes(docs, "", "")
    settings: list[Setting] = []
    by_values: dict[tuple[str, ...], str] = {}
    used: set[str] = set()
    for spot in walk.spots:
        name = by_values.get(spot.values)
        if name is None:
            name = _unique(re.sub(r"[^\w.\-]", "_", spot.label), used)
            by_values[spot.values] = name
            settings.append(Setting(name, None, dict(zip(environments, spot.values, strict=True))))
        token = "${" + name + "}"
        if spot.attribute is None:
            spot.element.set_text(token)
        else:
            spot.element.set_attr(spot.attribute, token)
    edited = {id(spot.element) for spot in walk.spots}
    for outer, nodes in reversed(walk.nested):  # innermost first: an outer text holds the inner one
        if _holds(nodes, edited):
            outer.set_text(xmltext.escape_text(xmltext.serialize(nodes)))
            edited.add(id(outer))
    table = SettingsTable([Environment(e) for e in environments], settings)
    return Derived(xmltext.serialize(docs[0]), table, walk.unmatched)


def _holds(nodes: list, ids: set[int]) -> bool:
    return any(isinstance(node, xmltext.Element) and (id(node) in ids or _holds(node.children, ids)) for node in nodes)


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 2
    while candidate.casefold() in used:
        candidate, n = f"{name}{n}", n + 1
    used.add(candidate.casefold())
    return candidate


def derive_files(sources: Sequence[str | Path | bytes], names: Sequence[str] | None = None) -> tuple[bytes, Derived]:
    """:func:`derive` on files (environments named by ``names``, else by the files' stems):
    the master's bytes, in the first file's encoding, and what was derived. Refused, naming
    them, when the files differ in structure."""
    texts, decoded_first = [], None
    env_names = list(names or [])
    for i, source in enumerate(sources):
        data, name = safe.read_source(source)
        decoded = safe.decode(data, name)
        safe.parse_document(decoded, name, data)
        texts.append(decoded.text)
        decoded_first = decoded_first or decoded
        if not names:
            env_names.append(Path(name).stem if not isinstance(source, bytes) else f"Environment{i + 1}")
    derived = derive(texts, env_names)
    if derived.unmatched:
        shown = "; ".join(derived.unmatched[:10]) + (" ..." if len(derived.unmatched) > 10 else "")
        raise SettingsError("--as-environments", f"the files differ in structure, not only in values: {shown}")
    assert decoded_first is not None
    return decoded_first.bom + derived.master.encode(decoded_first.encoding), derived
