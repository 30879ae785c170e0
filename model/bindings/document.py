"""``BindingDocument``: the send ports and groups of a binding file, plus everything else in it.

The document keeps the file's text cut in three: the skeleton (declaration, root,
orchestration bindings, receive ports, parties, comments, unknown elements: written back
as read), and the text of each ``SendPort`` and ``DistributionList``, attached to the
model read from it. Writing copies untouched pieces and rewrites changed ports by a
minimal edit (``model.bindings.writer``), so a file read and written unchanged comes back
byte for byte, and a change touches only the lines of what changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from lxml import etree

from model.bindings import reader, safe
from model.bindings import xmltext as xt
from model.bindings.safe import BindingFormatError
from model.bindings.writer import G, Style, group_node, patch_text, port_node, render
from model.domain import DomainModel, Located, SendPort, SendPortGroup
from model.gcpause import gc_paused

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
_Span = tuple[int, int, str, int]
#: A port or a group (the models a document reads and attaches text to).
_L = TypeVar("_L", SendPort, SendPortGroup)


@dataclass(eq=False, slots=True)
class Origin:
    """Where a port or group was read from: its text and the model read from that text."""

    doc: object
    slot: int
    raw: str
    model: SendPort | SendPortGroup
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
    spans: dict[str, list[_Span]]  # tag -> (start, end, indent, line)


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


@dataclass(frozen=True)
class Placed:
    """A port or group to write: its slot in the skeleton (None: new, appended) and its text
    (a function of the indentation it will be written at)."""

    slot: int | None
    text: Callable[[str], str]


def assemble(pieces: list[str | _Collection], style: Style, ports: list[Placed], groups: list[Placed]) -> str:
    """The document's text: skeleton pieces with ports and groups put in their places."""
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        else:
            _write_collection(piece, ports if piece.tag == PORTS else groups, style, out)
    return "".join(out)


def _write_collection(col: _Collection, items: list[Placed], style: Style, out: list[str]) -> None:
    if col.virtual and not items:
        return
    by_slot = {p.slot: p for p in items if p.slot is not None}
    nl = style.newline
    ind = col.item_indent(style.unit)
    new_texts = [nl + ind + p.text(ind) for p in items if p.slot is None]
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
            placed = by_slot.get(it.index)
            if placed is not None:
                out.append(it.lead)
                out.append(placed.text(""))
        else:
            out.append(it)
    if at >= len(col.items):
        out.extend(new_texts)
    out.append(col.end)


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
        spans: dict[str, Iterator[_Span]] = {tag: iter(cut.spans[tag]) if cut else iter(())
                                             for tag in (PORTS, GROUPS)}

        if cut is None:  # not well-formed: let the parser say where
            safe.parse_document(decoded, name, data)
            raise BindingFormatError(name, 1, 1, "cannot follow the document structure")

        def reading(read: Callable[[etree._Element], _L], target: list[_L], span_iter: Iterator[_Span]
                    ) -> Callable[[etree._Element], None]:
            """What to do with one element: read it, attach its text, add it to ``target``."""
            def on(el: etree._Element) -> None:
                obj = read(el)
                span = next(span_iter, None)
                if span is None:  # the text scanner and the parser disagree: trust the parser's error
                    safe.parse_document(decoded, name, data)
                    raise BindingFormatError(name, el.sourceline or 1, 1, "cannot follow the document structure")
                start, end, indent, line = span
                obj.set_origin(Origin(doc._token, len(target), text[start:end], obj, indent, line, doc.style))
                target.append(obj)
            return on

        targets = {"SendPort": reading(reader.read_port, doc.send_ports, spans[PORTS]),
                   "DistributionList": reading(reader.read_group, doc.groups, spans[GROUPS])}

        def on_item(el: etree._Element) -> None:
            targets[el.tag](el)

        doc.style = _style_of(text, cut)
        root = safe.stream_document(decoded, name, data, {"SendPort": PORTS, "DistributionList": GROUPS}, on_item)
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
        o = obj.origin if isinstance(obj, Located) else None
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
        return assemble(self._pieces, self.style, self._placed(self.send_ports), self._placed(self.groups))

    def _placed(self, items: Sequence[SendPort | SendPortGroup]) -> list[Placed]:
        """Each port or group with its place and its text. Elements read from this document
        fill the places such elements had, in the list's order (so reordering the list
        reorders the file, and comments between elements stay where they were)."""
        claimed: set[int] = set()
        own: list[SendPort | SendPortGroup] = []
        out: list[Placed] = []
        for obj in items:
            o = obj.origin
            if isinstance(o, Origin) and o.doc is self._token and o.slot not in claimed:
                claimed.add(o.slot)
                own.append(obj)
            else:
                out.append(Placed(None, self._text_at(obj)))
        for slot, obj in zip(sorted(claimed), own, strict=True):
            out.append(Placed(slot, self._text_in_place(obj)))
        return out

    def _text_at(self, obj: SendPort | SendPortGroup) -> Callable[[str], str]:
        """The text of a new element, at the indentation it is written at."""
        return lambda indent: self.element_text(obj, indent)

    def _text_in_place(self, obj: SendPort | SendPortGroup) -> Callable[[str], str]:
        """The text of an element filling its own slot (which keeps its indentation)."""
        return lambda _indent: self.element_text(obj, None)

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
    with gc_paused():
        return BindingDocument.from_bytes(data, name)


def dump(document: BindingDocument) -> bytes:
    """The binding file's bytes, in the encoding, BOM and line breaks it was read with."""
    with gc_paused():
        return document.to_bytes()


# -- storing a document in pieces (the workspace keeps ports and the rest apart) -----------


@dataclass
class Stored:
    """A port or group as a workspace keeps it: the model and the XML it is written as.

    ``slot`` is its place in the skeleton it is exported with (None: append it).
    """

    model: SendPort | SendPortGroup
    xml: str
    slot: int | None
    indent: str


def fragment_style(xml: str, indent: str) -> Style:
    """The indentation step and line break used inside one element's text."""
    nl = "\r\n" if "\r\n" in xml else "\n"
    for line in xml.split("\n")[1:]:
        stripped = line.lstrip(" \t")
        ws = line[: len(line) - len(stripped)]
        if stripped.startswith("<") and ws.startswith(indent) and len(ws) > len(indent):
            return Style(ws[len(indent):], nl)
    return Style("  ", nl)


def element_xml(obj: SendPort | SendPortGroup, previous: tuple[str, SendPort | SendPortGroup] | None,
                indent: str, style: Style | None = None) -> str:
    """The XML of ``obj``: ``previous`` text edited minimally, or fresh when there is none."""
    node: Callable[[Any], G] = port_node if isinstance(obj, SendPort) else group_node
    if previous is None:
        return render(node(obj), indent, style or Style())
    xml, old = previous
    if obj == old:
        return xml
    return patch_text(xml, node(old), node(obj), fragment_style(xml, indent), indent)


def _piece_state(p: str | _Collection) -> Any:
    if isinstance(p, str):
        return p
    return {"tag": p.tag, "start": p.start, "end": p.end, "indent": p.indent, "virtual": p.virtual,
            "items": [it if isinstance(it, str) else {"slot": it.index, "lead": it.lead} for it in p.items]}


def _piece_from(s: Any) -> str | _Collection:
    if isinstance(s, str):
        return s
    col = _Collection(s["tag"], s["start"], s["end"], s["indent"], virtual=s["virtual"])
    col.items = [it if isinstance(it, str) else _Slot(it["slot"], it["lead"]) for it in s["items"]]
    return col


def skeleton_state(doc: BindingDocument) -> dict[str, Any]:
    """Everything of ``doc`` but its ports and groups, as JSON-able data."""
    return {
        "format": 1,
        "name": doc.name,
        "encoding": doc.encoding,
        "bom": doc.bom.hex(),
        "unit": doc.style.unit,
        "newline": doc.style.newline,
        "pieces": [_piece_state(p) for p in doc._pieces],
        "original_if_empty": doc._original_if_empty,
        "root_attributes": doc.root_attributes,
        "timestamp": doc.timestamp,
    }


def from_skeleton(state: dict[str, Any] | None, ports: Iterable[Stored], groups: Iterable[Stored]) -> BindingDocument:
    """A document from a stored skeleton (or a new one) and stored ports and groups."""
    if state is None:
        doc = BindingDocument()
    else:
        doc = BindingDocument.__new__(BindingDocument)
        doc.name = state["name"]
        doc.encoding = state["encoding"]
        doc.bom = bytes.fromhex(state["bom"])
        doc.style = Style(state["unit"], state["newline"])
        doc._pieces = [_piece_from(p) for p in state["pieces"]]
        doc._original_if_empty = state["original_if_empty"]
        doc.root_attributes = dict(state["root_attributes"])
        doc.timestamp = state["timestamp"]
        doc.orchestration_bindings, doc.group_bindings = {}, {}
        doc._token = object()
        doc.send_ports, doc.groups = [], []
    # ``Stored.model`` is typed as either kind: the caller passes ports in ``ports`` and
    # groups in ``groups`` (unchecked).
    for st in ports:
        doc.send_ports.append(cast(SendPort, _attached_model(doc, st)))
    for st in groups:
        doc.groups.append(cast(SendPortGroup, _attached_model(doc, st)))
    return doc


def _attached_model(doc: BindingDocument, st: Stored) -> SendPort | SendPortGroup:
    """``st``'s model, attached to its text (and to its slot in ``doc`` when it has one)."""
    owner = doc._token if st.slot is not None else object()
    st.model.set_origin(Origin(owner, st.slot if st.slot is not None else -1, st.xml, st.model, st.indent, 0,
                               fragment_style(st.xml, st.indent)))
    return st.model


_XMLNS = re.compile(r"""\sxmlns(?::[^\s=]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")
STANDARD_NAMESPACES = ('xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                       'xmlns:xsd="http://www.w3.org/2001/XMLSchema"')


def namespace_declarations(doc: BindingDocument) -> str:
    """The root's ``xmlns`` declarations: what a port's text needs to be read on its own."""
    for piece in doc._pieces:
        if isinstance(piece, str):
            m = re.search(r"<BindingInfo\b[^>]*>", piece)
            if m:
                found = " ".join(d.strip() for d in _XMLNS.findall(m.group()))
                return found or STANDARD_NAMESPACES
            break
    return STANDARD_NAMESPACES


def read_element(xml: str, namespaces: str = STANDARD_NAMESPACES) -> SendPort | SendPortGroup:
    """The model of one stored ``SendPort`` or ``DistributionList`` element's text."""
    wrapped = f"<w {namespaces or STANDARD_NAMESPACES}>{xml}</w>".encode()
    try:
        root = etree.fromstring(wrapped, safe._PARSER)
    except etree.XMLSyntaxError as e:
        raise BindingFormatError("<stored element>", e.position[0], e.position[1], e.msg) from None
    el = next(c for c in root if isinstance(c.tag, str))
    if el.tag == "SendPort":
        return reader.read_port(el)
    if el.tag == "DistributionList":
        return reader.read_group(el)
    raise BindingFormatError("<stored element>", 1, 1, f"<{el.tag}> is not a send port or group")
