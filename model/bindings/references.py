"""Send ports and groups a binding file names outside their own elements: the bindings of
orchestration ports (``ModuleRefCollection/ModuleRef/Services/Service/Ports/Port/SendPortRef``
or ``DistributionListRef``) and the send ports of parties
(``PartyCollection/Party/SendPorts/SendPortRef``), each with the line and column where the
name is written, so that ``portwright validate`` can point at one that names nothing.

lxml says which elements these are (and skips ``xsi:nil`` and commented-out ones); their
positions come from the text, because the streaming parser stops counting lines at 65535
and gives no columns. Both list the same elements in the same order once the send port
and group collections (whose ``SendPortRef`` are group members) and comments are left out;
if a file defeats that, the parser's line is kept and the column left unknown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from model.bindings.reader import is_nil

#: Element -> kind of object it names.
TAGS = {"SendPortRef": "port", "DistributionListRef": "group"}

_IN_TEXT = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<(?:[\w.-]+:)?(SendPortRef|DistributionListRef)(?=[\s/>])", re.S)


@dataclass(frozen=True, slots=True)
class Reference:
    """One send port (``kind`` "port") or group ("group") named by an orchestration port
    (``holder`` "orchestration", ``holder_name`` "Service.Port") or by a party ("party", its name)."""

    kind: str
    name: str
    holder: str
    holder_name: str
    line: int | None
    column: int | None


def _holder(el: etree._Element) -> tuple[str, str] | None:
    """(holder, holder name) of a reference element in a place this module knows, else None."""
    parent = el.getparent()
    if parent is None:
        return None
    up = [parent, *parent.iterancestors()]
    tags = [e.tag for e in up]
    if tags[:6] == ["Port", "Ports", "Service", "Services", "ModuleRef", "ModuleRefCollection"]:
        if parent.find(el.tag) is not el:  # a port is bound once: the first of each kind counts
            return None
        return "orchestration", f"{up[2].get('Name', '')}.{parent.get('Name', '')}"
    if el.tag == "SendPortRef" and tags[:3] == ["SendPorts", "Party", "PartyCollection"]:
        return "party", up[1].get("Name", "")
    return None


def _positions(text: str, skip: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(line, column) of every reference tag in ``text`` outside comments, CDATA and the sorted
    ``skip`` ranges (most of a large file: only what lies between them is searched)."""
    out: list[tuple[int, int]] = []
    line, counted = 1, 0
    gaps = zip([0, *(b for _, b in skip)], [*(a for a, _ in skip), len(text)], strict=True)
    for start, end in gaps:
        for m in _IN_TEXT.finditer(text, start, end):
            if m.group(1) is None:
                continue
            at = m.start()
            line += text.count("\n", counted, at)
            counted = at
            out.append((line, at - text.rfind("\n", 0, at)))
    return out


def references(root: etree._Element, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Reference]:
    """Every reference of an orchestration port or a party in the document ``root`` parsed from
    ``text``, in file order. ``skip``: sorted (start, end) offsets of the text whose elements are
    no longer in ``root`` (the send port and group collections, streamed away)."""
    elements = list(root.iter(*TAGS))
    if not elements:
        return []
    positions: Sequence[tuple[int | None, int | None]] = _positions(text, skip)
    if len(positions) != len(elements):
        positions = [(el.sourceline, None) for el in elements]
    out = []
    for el, (line, column) in zip(elements, positions, strict=True):
        holder = _holder(el)
        name = el.get("Name")
        if holder is not None and name and not is_nil(el):
            out.append(Reference(TAGS[el.tag], name, *holder, line, column))
    return out


__all__ = ["TAGS", "Reference", "references"]
