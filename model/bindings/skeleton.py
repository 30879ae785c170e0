"""The text of a binding file cut around its send ports and groups, and put back together.

``cut_text`` finds the root's ``SendPortCollection`` and ``DistributionListCollection`` and
every element inside them without parsing; what is left (the skeleton: declaration, root,
orchestration bindings, receive ports, parties, comments, unknown elements) is kept as
read. ``assemble`` writes the skeleton back with ports and groups put in their places.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from model.bindings import xmltext as xt
from model.bindings.writer import Style

PORTS = "SendPortCollection"
GROUPS = "DistributionListCollection"
_ITEM = {PORTS: "SendPort", GROUPS: "DistributionList"}
#: BizTalk's order of the root's children, used to place a collection a file lacks.
ROOT_ORDER = ("Timestamp", "ModuleRefCollection", PORTS, GROUPS, "ReceivePortCollection", "PartyCollection")

NEW_DOCUMENT = """<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
Assembly="Microsoft.BizTalk.Deployment, Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" \
Version="3.5.1.0" BindingStatus="NoBindings" BoundEndpoints="0" TotalEndpoints="0">
  <Timestamp>{timestamp}</Timestamp>
  <ModuleRefCollection />
  <SendPortCollection />
  <DistributionListCollection />
  <ReceivePortCollection />
  <PartyCollection xsi:nil="true" />
</BindingInfo>
"""

#: Where an element is in the text: (start, end, indent, line).
Span = tuple[int, int, str, int]


class Placed(NamedTuple):
    """A port or group to write: its slot in the skeleton (None: new, appended) and its text,
    as it is or as a function of the indentation it will be written at. Bytes are text already
    encoded in the document's encoding (for :func:`~model.bindings.skeleton.assemble_encoded`)."""

    slot: int | None
    text: str | bytes | Callable[[str], str]

    def text_at(self, indent: str) -> str | bytes:
        return self.text if isinstance(self.text, str | bytes) else self.text(indent)


@dataclass(slots=True)
class Slot:
    """The place of one port or group inside a :class:`Collection`: which, and the text before it."""

    index: int
    lead: str  # whitespace between the previous item and this element


@dataclass(eq=False)
class Collection:
    """A ``SendPortCollection`` or ``DistributionListCollection`` with its items cut out."""

    tag: str
    start: str
    end: str | None
    indent: str
    items: list[str | Slot] = field(default_factory=list)
    virtual: bool = False  # the file had none; written only when it gets content

    def item_indent(self, unit: str) -> str:
        for it in self.items:
            if isinstance(it, Slot) and "\n" in it.lead:
                return it.lead[it.lead.rfind("\n") + 1 :]
        return self.indent + unit

    def insert_at(self) -> int:
        """Index in ``items`` where new elements go: after the last element, else before the
        whitespace that precedes the end tag."""
        last = max((i for i, it in enumerate(self.items) if isinstance(it, Slot)), default=None)
        if last is not None:
            return last + 1
        if self.items and isinstance(self.items[-1], str) and not self.items[-1].strip():
            return len(self.items) - 1
        return len(self.items)


_ELEMENT_END: dict[str, re.Pattern[str]] = {}


def _skip_element(text: str, name: str, pos: int) -> int:
    """End offset of the element named ``name`` whose start tag ends at ``pos``."""
    pat = _ELEMENT_END.get(name)
    if pat is None:
        pat = _ELEMENT_END[name] = re.compile(r"<(/?)" + re.escape(name) + r"(?=[\s/>])")
    depth, i = 1, pos
    while True:
        m = pat.search(text, i)
        if m is None:
            break
        if m.group(1):
            depth -= 1
            if depth == 0:
                end = text.index(">", m.end()) + 1
                if text.find("<!--", pos, end) >= 0 or text.find("<![CDATA[", pos, end) >= 0:
                    break  # markup inside comments or CDATA could fool the search
                return end
        else:
            tag = xt.token_at(text, m.start())
            if tag is not None and not xt.is_self_closing(tag):
                depth += 1
        i = m.end()
    # Careful path: tokenize.
    depth = 1
    for m in xt.tokens(text, pos):
        kind = m.lastgroup
        if kind == xt.START and not xt.is_self_closing(m):
            depth += 1
        elif kind == xt.END:
            depth -= 1
            if depth == 0:
                return m.end()
    raise ValueError(f"element <{name}> is not closed")


def _indent_before(text: str, pos: int) -> str:
    nl = text.rfind("\n", 0, pos)
    ws = text[nl + 1 : pos]
    return ws if not ws.strip() else ""


@dataclass
class Cut:
    """A document's text cut up: the skeleton's pieces, and where each port and group was."""

    pieces: list[str | Collection]
    spans: dict[str, list[Span]]  # tag -> (start, end, indent, line)


def cut_text(text: str) -> Cut:
    """Cut ``text`` around its ports and groups. Find the root, its two collections and every element inside them."""
    m = None
    for m in xt.tokens(text):
        if m.lastgroup == xt.START:
            break
    if m is None or m.lastgroup != xt.START:
        raise ValueError("no root element")
    root_end = m.end()
    spans: dict[str, list[tuple[int, int, str, int]]] = {PORTS: [], GROUPS: []}
    found: dict[str, tuple[int, int, Collection]] = {}
    children: list[tuple[str, int]] = []  # (name, end offset) of the root's children
    if xt.is_self_closing(m):  # <BindingInfo ... />: opened only if something is added
        head = text[: m.start()] + m.group()[:-2].rstrip() + ">"
        pieces: list[str | Collection] = [head]
        for tag in (PORTS, GROUPS):
            pieces.append(Collection(tag, f"<{tag}>", f"</{tag}>", "  ", virtual=True))
        pieces.append("\n</BindingInfo>" + text[root_end:])
        return Cut(pieces, spans)
    pos = root_end
    line, line_pos = 1, 0
    while True:
        m = xt.next_token(text, pos)
        if m is None:
            raise ValueError("root element is not closed")
        kind = m.lastgroup
        if kind == xt.END:
            break
        if kind != xt.START:
            pos = m.end()
            continue
        name = m.group("name")
        selfclosing = xt.is_self_closing(m)
        if name in (PORTS, GROUPS) and name not in found:
            col = Collection(name, m.group(), None, _indent_before(text, m.start()))
            if selfclosing:
                pos = m.end()
            else:
                line += text.count("\n", line_pos, m.end())
                line_pos = m.end()
                pos, line, line_pos = _scan_collection(text, m.end(), col, spans[name], line, line_pos)
            found[name] = (m.start(), pos, col)
        else:
            pos = m.end() if selfclosing else _skip_element(text, name, m.end())
        children.append((name, pos))
    cuts = list(found.values())
    indent = next((c.indent for _, _, c in cuts if c.indent), "  ")
    for tag in (PORTS, GROUPS):
        if tag in found:
            continue
        rank = ROOT_ORDER.index(tag)
        after = root_end
        for name, end in children:
            if name in ROOT_ORDER and ROOT_ORDER.index(name) < rank:
                after = end
        if tag == GROUPS and PORTS in found and found[PORTS][1] > after:
            after = found[PORTS][1]
        cuts.append((after, after, Collection(tag, f"<{tag}>", f"</{tag}>", indent, virtual=True)))
    cuts.sort(key=lambda c: (c[0], ROOT_ORDER.index(c[2].tag)))
    pieces = []
    prev = 0
    for start, end, col in cuts:
        pieces.append(text[prev:start])
        pieces.append(col)
        prev = end
    pieces.append(text[prev:])
    return Cut(pieces, spans)


def _scan_collection(
    text: str, pos: int, col: Collection, spans: list[tuple[int, int, str, int]], line: int, line_pos: int
) -> tuple[int, int, int]:
    item = _ITEM[col.tag]
    next_token = xt.next_token
    chunk = pos
    while True:
        m = next_token(text, pos)
        if m is None:
            raise ValueError(f"<{col.tag}> is not closed")
        kind = m.lastgroup
        if kind == xt.END:
            col.items.append(text[chunk : m.start()])
            col.end = m.group()
            return m.end(), line, line_pos
        if kind != xt.START:
            pos = m.end()
            continue
        name = m.group("name")
        end = m.end() if xt.is_self_closing(m) else _skip_element(text, name, m.end())
        if name == item:
            before = text[chunk : m.start()]
            stripped = before.rstrip(" \t\r\n")
            if stripped:
                col.items.append(stripped)
            lead = before[len(stripped) :]
            line += text.count("\n", line_pos, m.start())
            line_pos = m.start()
            col.items.append(Slot(len(spans), lead))
            spans.append((m.start(), end, _indent_before(text, m.start()), line))
            chunk = end
        pos = end


def style_of(text: str, cut: Cut | None) -> Style:
    """The document's indentation step (that of its collections) and line break."""
    first_nl = text.find("\n")
    nl = "\r\n" if first_nl > 0 and text[first_nl - 1] == "\r" else "\n"
    unit = "  "
    for p in cut.pieces if cut else ():
        if isinstance(p, Collection) and not p.virtual and p.indent:
            unit = p.indent
            break
    return Style(unit, nl)


def reindent(raw: str, old: str, new: str, old_nl: str, new_nl: str) -> str:
    """Move an element's text to another indentation / line-break style (markup lines only)."""
    lines = raw.split("\n")
    out = [lines[0].rstrip("\r") if old_nl == "\r\n" else lines[0]]
    for line in lines[1:]:
        if old_nl == "\r\n" and line.endswith("\r"):
            line = line[:-1]
        if line.startswith(old) and line[len(old) :].lstrip(" \t").startswith("<"):
            line = new + line[len(old) :]
        out.append(line)
    return new_nl.join(out)


def assemble(pieces: list[str | Collection], style: Style, ports: list[Placed], groups: list[Placed]) -> str:
    """The document's text: skeleton pieces with ports and groups put in their places."""
    return "".join(assemble_parts(pieces, style, ports, groups))  # type: ignore[arg-type]


def assemble_encoded(
    pieces: list[str | Collection], style: Style, ports: list[Placed], groups: list[Placed], encoding: str
) -> bytes:
    """:func:`assemble`, encoded; elements whose text is given as bytes (already in ``encoding``)
    are copied as they are, without a round trip through ``str``."""
    parts = assemble_parts(pieces, style, ports, groups)
    encoded: dict[str, bytes] = {}  # the same whitespace leads recur once per element
    out = []
    for p in parts:
        if type(p) is not bytes:
            b = encoded.get(p)  # type: ignore[arg-type]
            if b is None:
                b = encoded[p] = p.encode(encoding, errors="xmlcharrefreplace")  # type: ignore[union-attr,index]
            p = b
        out.append(p)
    return b"".join(out)


def assemble_parts(
    pieces: list[str | Collection], style: Style, ports: list[Placed], groups: list[Placed]
) -> list[str | bytes]:
    """The document's text in parts, in order: skeleton text and the elements' texts."""
    out: list[str | bytes] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        else:
            _write_collection(piece, ports if piece.tag == PORTS else groups, style, out)
    return out


def _write_collection(col: Collection, items: list[Placed], style: Style, out: list[str | bytes]) -> None:
    if col.virtual and not items:
        return
    by_slot = {p.slot: p for p in items if p.slot is not None}
    nl = style.newline
    ind = col.item_indent(style.unit)
    new_texts: list[str | bytes] = []
    for p in items:
        if p.slot is None:
            new_texts += (nl + ind, p.text_at(ind))
    if col.virtual:
        out.append(f"{nl}{col.indent}{col.start}")
        out += new_texts
        out.append(f"{nl}{col.indent}{col.end}")
        return
    if col.end is None:  # <SendPortCollection />
        if not new_texts:
            out.append(col.start)
            return
        out.append(col.start[:-2].rstrip() + ">")
        out += new_texts
        out.append(f"{nl}{col.indent}</{col.tag}>")
        return
    out.append(col.start)
    at = col.insert_at()
    append, as_is = out.append, (str, bytes)
    for i, it in enumerate(col.items):
        if i == at:
            out.extend(new_texts)
        if isinstance(it, Slot):
            placed = by_slot.get(it.index)
            if placed is not None:
                append(it.lead)
                text = placed.text  # placed.text_at(""), inlined: this loop runs once per element
                append(text if isinstance(text, as_is) else text(""))
        else:
            append(it)
    if at >= len(col.items):
        out.extend(new_texts)
    out.append(col.end)


# Older names, still imported by ``model.store``.
_Collection = Collection
_reindent = reindent
