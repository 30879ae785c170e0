"""``BindingDocument``: the send ports and groups of a binding file, plus everything else in it.

The document keeps the file's text cut in three: the skeleton (declaration, root,
orchestration bindings, receive ports, parties, comments, unknown elements: written back
as read), and the text of each ``SendPort`` and ``DistributionList``, attached to the
model read from it. Writing copies untouched pieces and rewrites changed ports by a
minimal edit (``model.bindings.writer``), so a file read and written unchanged comes back
byte for byte, and a change touches only the lines of what changed.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from model.bindings import reader, safe
from model.bindings import xmltext as xt
from model.bindings.safe import BindingFormatError
from model.bindings.writer import G, Style, group_node, patch_text, port_node, render
from model.domain import DomainModel, SendPort, SendPortGroup

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


@dataclass(eq=False, slots=True)
class Origin:
    """Where a port or group was read from: its text and the model read from that text."""

    doc: object
    slot: int
    raw: str
    model: DomainModel
    indent: str
    line: int
    style: Style


@dataclass(slots=True)
class _Slot:
    index: int
    lead: str  # whitespace between the previous item and this element


@dataclass(eq=False)
class _Collection:
    """A ``SendPortCollection`` or ``DistributionListCollection`` with its items cut out."""

    tag: str
    start: str
    end: str | None
    indent: str
    items: list[str | _Slot] = field(default_factory=list)
    virtual: bool = False  # the file had none; written only when it gets content

    def item_indent(self, unit: str) -> str:
        for it in self.items:
            if isinstance(it, _Slot) and "\n" in it.lead:
                return it.lead[it.lead.rfind("\n") + 1:]
        return self.indent + unit

    def insert_at(self) -> int:
        """Index in ``items`` where new elements go: after the last element, else before the
        whitespace that precedes the end tag."""
        last = max((i for i, it in enumerate(self.items) if isinstance(it, _Slot)), default=None)
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
                if "<!--" in text[pos:end] or "<![CDATA[" in text[pos:end]:
                    break  # markup inside comments or CDATA could fool the search
                return end
        else:
            tag = xt._TOKEN.match(text, m.start())
            if tag is not None and not tag.group().endswith("/>"):
                depth += 1
        i = m.end()
    # Careful path: tokenize.
    depth = 1
    for m in xt._TOKEN.finditer(text, pos):
        kind = m.lastgroup
        if kind == "start" and not m.group().endswith("/>"):
            depth += 1
        elif kind == "end":
            depth -= 1
            if depth == 0:
                return m.end()
    raise ValueError(f"element <{name}> is not closed")


def _indent_before(text: str, pos: int) -> str:
    nl = text.rfind("\n", 0, pos)
    ws = text[nl + 1:pos]
    return ws if not ws.strip() else ""


@dataclass
class _Cut:
    pieces: list[str | _Collection]
    spans: dict[str, list[tuple[int, int, str, int]]]  # tag -> (start, end, indent, line)


def _cut(text: str) -> _Cut:
    """Find the root, its two collections and every element inside them."""
    tok = xt._TOKEN
    m = None
    for m in tok.finditer(text):
        if m.lastgroup == "start":
            break
    if m is None or m.lastgroup != "start":
        raise ValueError("no root element")
    root_end = m.end()
    spans: dict[str, list[tuple[int, int, str, int]]] = {PORTS: [], GROUPS: []}
    found: dict[str, tuple[int, int, _Collection]] = {}
    children: list[tuple[str, int]] = []  # (name, end offset) of the root's children
    if m.group().endswith("/>"):  # <BindingInfo ... />: opened only if something is added
        head = text[: m.start()] + m.group()[:-2].rstrip() + ">"
        pieces: list[str | _Collection] = [head]
        for tag in (PORTS, GROUPS):
            pieces.append(_Collection(tag, f"<{tag}>", f"</{tag}>", "  ", virtual=True))
        pieces.append("\n</BindingInfo>" + text[root_end:])
        return _Cut(pieces, spans)
    pos = root_end
    line, line_pos = 1, 0
    while True:
        m = tok.search(text, pos)
        if m is None:
            raise ValueError("root element is not closed")
        kind = m.lastgroup
        if kind == "end":
            break
        if kind != "start":
            pos = m.end()
            continue
        name = m.group("name")
        selfclosing = m.group().endswith("/>")
        if name in (PORTS, GROUPS) and name not in found:
            col = _Collection(name, m.group(), None, _indent_before(text, m.start()))
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
        cuts.append((after, after, _Collection(tag, f"<{tag}>", f"</{tag}>", indent, virtual=True)))
    cuts.sort(key=lambda c: (c[0], ROOT_ORDER.index(c[2].tag)))
    pieces = []
    prev = 0
    for start, end, col in cuts:
        pieces.append(text[prev:start])
        pieces.append(col)
        prev = end
    pieces.append(text[prev:])
    return _Cut(pieces, spans)


def _scan_collection(text: str, pos: int, col: _Collection, spans: list[tuple[int, int, str, int]],
                     line: int, line_pos: int) -> tuple[int, int, int]:
    item = _ITEM[col.tag]
    tok = xt._TOKEN
    chunk = pos
    while True:
        m = tok.search(text, pos)
        if m is None:
            raise ValueError(f"<{col.tag}> is not closed")
        kind = m.lastgroup
        if kind == "end":
            col.items.append(text[chunk:m.start()])
            col.end = m.group()
            return m.end(), line, line_pos
        if kind != "start":
            pos = m.end()
            continue
        name = m.group("name")
        end = m.end() if m.group().endswith("/>") else _skip_element(text, name, m.end())
        if name == item:
            before = text[chunk:m.start()]
            stripped = before.rstrip(" \t\r\n")
            if stripped:
                col.items.append(stripped)
            lead = before[len(stripped):]
            line += text.count("\n", line_pos, m.start())
            line_pos = m.start()
            col.items.append(_Slot(len(spans), lead))
            spans.append((m.start(), end, _indent_before(text, m.start()), line))
            chunk = end
        pos = end


def _style_of(text: str, cut: _Cut | None) -> Style:
    first_nl = text.find("\n")
    nl = "\r\n" if first_nl > 0 and text[first_nl - 1] == "\r" else "\n"
    unit = "  "
    for p in cut.pieces if cut else ():
        if isinstance(p, _Collection) and not p.virtual and p.indent:
            unit = p.indent
            break
    return Style(unit, nl)


def _reindent(raw: str, old: str, new: str, old_nl: str, new_nl: str) -> str:
    """Move an element's text to another indentation / line-break style (markup lines only)."""
    lines = raw.split("\n")
    out = [lines[0].rstrip("\r") if old_nl == "\r\n" else lines[0]]
    for line in lines[1:]:
        if old_nl == "\r\n" and line.endswith("\r"):
            line = line[:-1]
        if line.startswith(old) and line[len(old):].lstrip(" \t").startswith("<"):
            line = new + line[len(old):]
        out.append(line)
    return new_nl.join(out)


class BindingDocument:
    """Send ports and groups of one binding file, and the rest of the file kept as it was."""

    def __init__(self, send_ports: Iterable[SendPort] = (), groups: Iterable[SendPortGroup] = (),
                 *, timestamp: str = "2000-01-01T00:00:00") -> None:
        self.send_ports: list[SendPort] = list(send_ports)
        self.groups: list[SendPortGroup] = list(groups)
        self.name = "<new>"
        self.encoding = "utf-8"
        self.bom = b""
        self.style = Style()
        self.root_attributes: dict[str, str] = {}
        self.timestamp: str | None = timestamp
        #: send port name -> orchestration ports bound to it ("Orchestration.Port")
        self.orchestration_bindings: dict[str, list[str]] = {}
        #: group name -> orchestration ports bound to it
        self.group_bindings: dict[str, list[str]] = {}
        self._token = object()
        self._pieces: list[str | _Collection] = []
        self._set_text(NEW_DOCUMENT.format(timestamp=timestamp), None)

    # -- loading ------------------------------------------------------------------------

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<bytes>") -> BindingDocument:
        decoded = safe.decode(data, name)
        safe.check_root_name(decoded.text, name, "BindingInfo")
        doc = cls.__new__(cls)
        doc.name = name
        doc.encoding = decoded.encoding
        doc.bom = decoded.bom
        doc._token = object()
        doc.send_ports, doc.groups = [], []
        text = decoded.text
        try:
            cut = _cut(text)
        except (ValueError, StopIteration):
            cut = None  # not well-formed: the parser below says where
        spans = {tag: iter(cut.spans[tag]) if cut else iter(()) for tag in (PORTS, GROUPS)}
        targets = {"SendPort": (reader.read_port, doc.send_ports, spans[PORTS]),
                   "DistributionList": (reader.read_group, doc.groups, spans[GROUPS])}

        def on_item(el: etree._Element) -> None:
            read, target, span_iter = targets[el.tag]
            obj = read(el)
            start, end, indent, line = next(span_iter)
            obj._origin = Origin(doc._token, len(target), text[start:end], obj, indent, line, doc.style)
            target.append(obj)

        doc.style = _style_of(text, cut)
        root = safe.stream_document(decoded, name, data, {"SendPort": PORTS, "DistributionList": GROUPS}, on_item)
        if cut is None:  # pragma: no cover - lxml accepted what the scanner could not follow
            raise BindingFormatError(name, 1, 1, "cannot follow the document structure")
        doc._set_skeleton(text, cut, root)
        return doc

    def _set_text(self, text: str, root: etree._Element | None) -> None:
        """Start from ``text`` (a template): skeleton only, models left as they are."""
        cut = _cut(text)
        self.style = _style_of(text, cut)
        if root is None:
            root = safe.parse_document(safe.Decoded(text, "utf-8", b""), self.name)
        self._set_skeleton(text, cut, root)

    def _set_skeleton(self, text: str, cut: _Cut, root: etree._Element) -> None:
        self._pieces = cut.pieces
        self._original_if_empty = text if "<original>" in cut.spans else None
        self.root_attributes = dict(root.attrib)
        ts = root.find("Timestamp")
        self.timestamp = ts.text if ts is not None else None
        self.orchestration_bindings, self.group_bindings = _orchestration_bindings(root)

    # -- queries ------------------------------------------------------------------------

    def port(self, name: str) -> SendPort | None:
        return next((p for p in self.send_ports if p.name == name), None)

    def group(self, name: str) -> SendPortGroup | None:
        return next((g for g in self.groups if g.name == name), None)

    @property
    def version(self) -> str | None:
        return self.root_attributes.get("Version")

    def applications(self) -> list[str]:
        names = {p.application for p in self.send_ports} | {g.application for g in self.groups}
        return sorted(n for n in names if n)

    def groups_of(self, port_name: str) -> list[SendPortGroup]:
        return [g for g in self.groups if port_name in g.members]

    @staticmethod
    def origin(obj: DomainModel) -> Origin | None:
        o = getattr(obj, "_origin", None)
        return o if isinstance(o, Origin) else None

    def source_line(self, obj: DomainModel) -> int | None:
        o = self.origin(obj)
        return o.line if o is not None and o.doc is self._token else None

    # -- writing ------------------------------------------------------------------------

    def element_text(self, obj: SendPort | SendPortGroup, indent: str | None = None) -> str:
        """The XML of one port or group: its original text, edited where the model changed."""
        node: Callable[[Any], G] = port_node if isinstance(obj, SendPort) else group_node
        o = self.origin(obj)
        if o is None:
            return render(node(obj), indent if indent is not None else self.style.unit * 2, self.style)
        raw = o.raw if obj is o.model else patch_text(o.raw, node(o.model), node(obj), o.style, o.indent)
        if indent is not None and (indent != o.indent or o.style.newline != self.style.newline):
            raw = _reindent(raw, o.indent, indent, o.style.newline, self.style.newline)
        return raw

    def to_text(self) -> str:
        if self._original_if_empty is not None and not self.send_ports and not self.groups:
            return self._original_if_empty
        out: list[str] = []
        for piece in self._pieces:
            if isinstance(piece, str):
                out.append(piece)
            else:
                items = self.send_ports if piece.tag == PORTS else self.groups
                self._write_collection(piece, items, out)
        return "".join(out)

    def _write_collection(self, col: _Collection, items: list[Any], out: list[str]) -> None:
        claimed: dict[int, Any] = {}
        extra: list[Any] = []
        for obj in items:
            o = obj._origin
            if isinstance(o, Origin) and o.doc is self._token and o.slot not in claimed:
                claimed[o.slot] = obj
            else:
                extra.append(obj)
        if col.virtual and not items:
            return
        nl = self.style.newline
        ind = col.item_indent(self.style.unit)
        new_texts = [nl + ind + self.element_text(obj, ind) for obj in extra]
        if col.virtual:
            out.append(f"{nl}{col.indent}{col.start}{''.join(new_texts)}{nl}{col.indent}{col.end}")
            return
        if col.end is None:  # <SendPortCollection />
            if not new_texts:
                out.append(col.start)
                return
            start = col.start[:-2].rstrip() + ">"
            out.append(f"{start}{''.join(new_texts)}{nl}{col.indent}</{col.tag}>")
            return
        out.append(col.start)
        at = col.insert_at()
        for i, it in enumerate(col.items):
            if i == at:
                out.extend(new_texts)
            if isinstance(it, _Slot):
                obj = claimed.get(it.index)
                if obj is not None:
                    out.append(it.lead)
                    out.append(self.element_text(obj, None))
            else:
                out.append(it)
        if at >= len(col.items):
            out.extend(new_texts)
        out.append(col.end)

    def to_bytes(self) -> bytes:
        return self.bom + self.to_text().encode(self.encoding, errors="xmlcharrefreplace")


def _orchestration_bindings(root: etree._Element) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    ports: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    for svc in root.iterfind("ModuleRefCollection/ModuleRef/Services/Service"):
        for port in svc.iterfind("Ports/Port"):
            where = f"{svc.get('Name', '')}.{port.get('Name', '')}"
            for tag, target in (("SendPortRef", ports), ("DistributionListRef", groups)):
                ref = port.find(tag)
                if ref is not None and not reader.is_nil(ref) and ref.get("Name"):
                    target.setdefault(ref.get("Name", ""), []).append(where)
    return ports, groups


def load(source: str | Path | bytes) -> BindingDocument:
    """Read a binding file (a path, or its bytes). Raises :class:`BindingFormatError`."""
    data, name = safe.read_source(source)
    # Reading builds many small objects at once: the cyclic collector would scan them
    # over and over for nothing (nothing read here forms a cycle that outlives the call).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return BindingDocument.from_bytes(data, name)
    finally:
        if enabled:
            gc.enable()


def dump(document: BindingDocument) -> bytes:
    """The binding file's bytes, in the encoding, BOM and line breaks it was read with."""
    return document.to_bytes()
