"""``BindingDocument``: the send ports and groups of a binding file, plus everything else in it.

The document keeps the file's text cut in three: the skeleton (declaration, root,
orchestration bindings, receive ports, parties, comments, unknown elements: written back
as read), and the text of each ``SendPort`` and ``DistributionList``, attached to the
model read from it. Writing copies untouched pieces and rewrites changed ports by a
minimal edit (``model.bindings.writer``), so a file read and written unchanged comes back
byte for byte, and a change touches only the lines of what changed. Cutting the text and
putting it back together is ``model.bindings.skeleton``; storing a document in pieces is
``model.bindings.fragments``.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from lxml import etree

from model.bindings import reader, safe
from model.bindings.merge import patch_text
from model.bindings.references import Reference, references
from model.bindings.safe import BindingFormatError
from model.bindings.skeleton import (
    GROUPS,
    NEW_DOCUMENT,
    PORTS,
    Collection,
    Cut,
    Placed,
    Span,
    assemble,
    cut_text,
    reindent,
    style_of,
)
from model.bindings.writer import G, Style, group_node, port_node, render
from model.domain import DomainModel, Located, SendPort, SendPortGroup

#: A port or a group (the models a document reads and attaches text to).
_L = TypeVar("_L", SendPort, SendPortGroup)


class Origin:
    """Where a port or group was read from: its text and the model read from that text.

    The model holds its origin, so the origin holds the model only weakly, and its fields
    (the model's own field dict, shared, not copied): no reference cycle, so a document's
    ports are freed by reference counting and loading needs no pause of the cyclic garbage
    collector. While the model read lives, :attr:`model` is that very object (``obj is
    origin.model`` tells an untouched port); once only edited copies remain, it is an equal
    model rebuilt from the fields, kept from then on.

    The text is held as the whole file's text and the element's place in it (``span``), cut
    out when asked for: the ports of a file together are about the file, and holding the file
    once rather than a copy of each element halves what reading it needs at its peak."""

    __slots__ = (
        "_cls",
        "_end",
        "_fields",
        "_kept",
        "_ref",
        "_start",
        "_text",
        "doc",
        "indent",
        "line",
        "slot",
        "style",
    )

    def __init__(
        self,
        doc: object,
        slot: int,
        raw: str,
        model: SendPort | SendPortGroup,
        indent: str,
        line: int,
        style: Style,
        span: tuple[int, int] | None = None,
    ) -> None:
        self.doc = doc
        self.slot = slot
        self._text = raw
        self._start, self._end = span if span is not None else (0, len(raw))
        self.indent = indent
        self.line = line
        self.style = style
        self._ref = weakref.ref(model)
        self._cls = type(model)
        self._fields: dict[str, Any] = model.__dict__
        self._kept: SendPort | SendPortGroup | None = None

    @property
    def raw(self) -> str:
        """The element's text, exactly as read."""
        return self._text[self._start : self._end]

    @property
    def model(self) -> SendPort | SendPortGroup:
        """The model read from :attr:`raw` (or, once it is gone, an equal one)."""
        model = self._ref()
        if model is not None:
            return model
        if self._kept is None:
            self._kept = self._cls.model_construct(_fields_set=set(self._fields), **self._fields)
        return self._kept


#: Every this many ports or groups read, what was made so far is set aside from the garbage
#: collector (``gc.freeze``), and given back (``gc.unfreeze``) when the file is read. A large
#: file makes millions of objects, nearly all pydantic's, none of them cyclic (an origin holds
#: its port weakly): without this the collector's full passes, each over everything made so
#: far, cost about as much as the reading itself at 20,000 ports. Collection is never switched
#: off, and objects of other threads made meanwhile are only collected later, not lost. This
#: is the one place the package touches the collector.
_FREEZE_EVERY = 2000


class BindingDocument:
    """Send ports and groups of one binding file, and the rest of the file kept as it was."""

    #: Send ports and groups named by orchestration ports and parties, where they are written.
    references: Sequence[Reference] = ()

    def __init__(
        self,
        send_ports: Iterable[SendPort] = (),
        groups: Iterable[SendPortGroup] = (),
        *,
        timestamp: str = "2000-01-01T00:00:00",
    ) -> None:
        """A new document holding ``send_ports`` and ``groups``, in BizTalk's empty layout."""
        self._init("<new>", "utf-8", b"", Style())
        self.send_ports.extend(send_ports)
        self.groups.extend(groups)
        self._set_text(NEW_DOCUMENT.format(timestamp=timestamp), None)

    @classmethod
    def _assemble(
        cls,
        name: str,
        encoding: str,
        bom: bytes,
        style: Style,
        *,
        pieces: Iterable[str | Collection] = (),
        original_if_empty: str | None = None,
        root_attributes: dict[str, str] | None = None,
        timestamp: str | None = None,
    ) -> BindingDocument:
        """A document with no ports or groups, from parts already at hand (a file being read,
        a stored skeleton): the private constructor that reading and restoring share."""
        doc = cls.__new__(cls)
        doc._init(name, encoding, bom, style)
        doc._pieces = list(pieces)
        doc._original_if_empty = original_if_empty
        doc.root_attributes = dict(root_attributes or {})
        doc.timestamp = timestamp
        return doc

    def _init(self, name: str, encoding: str, bom: bytes, style: Style) -> None:
        """Set every attribute of a document, empty (the one place they are listed)."""
        self.send_ports: list[SendPort] = []
        self.groups: list[SendPortGroup] = []
        self.name = name
        self.encoding = encoding
        self.bom = bom
        self.style = style
        self.root_attributes: dict[str, str] = {}
        self.timestamp: str | None = None
        #: send port name -> orchestration ports bound to it ("Orchestration.Port")
        self.orchestration_bindings: dict[str, list[str]] = {}
        #: group name -> orchestration ports bound to it
        self.group_bindings: dict[str, list[str]] = {}
        self.references = ()
        #: What the origins of this document's own ports and groups point to.
        self._token = object()
        self._pieces: list[str | Collection] = []
        self._original_if_empty: str | None = None

    # -- loading ------------------------------------------------------------------------

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<bytes>") -> BindingDocument:
        decoded = safe.decode(data, name)
        safe.check_root_name(decoded.text, name, "BindingInfo")
        text = decoded.text
        try:
            cut = cut_text(text)
        except (ValueError, StopIteration):
            cut = None
        if cut is None:  # not well-formed: let the parser say where
            safe.parse_document(decoded, name, data)
            raise BindingFormatError(name, 1, 1, "cannot follow the document structure")
        doc = cls._assemble(name, decoded.encoding, decoded.bom, style_of(text, cut))
        spans: dict[str, Iterator[Span]] = {tag: iter(cut.spans[tag]) for tag in (PORTS, GROUPS)}

        def reading(
            read: Callable[[etree._Element], _L], target: list[_L], span_iter: Iterator[Span]
        ) -> Callable[[etree._Element], None]:
            """What to do with one element: read it, attach its text, add it to ``target``."""

            def on(el: etree._Element) -> None:
                obj = read(el)
                if len(target) % _FREEZE_EVERY == _FREEZE_EVERY - 1:
                    gc.freeze()
                span = next(span_iter, None)
                if span is None:  # the text scanner and the parser disagree: trust the parser's error
                    safe.parse_document(decoded, name, data)
                    raise BindingFormatError(name, el.sourceline or 1, 1, "cannot follow the document structure")
                start, end, indent, line = span
                doc.attach(obj, text, len(target), indent, line, doc.style, span=(start, end))
                target.append(obj)

            return on

        targets = {
            "SendPort": reading(reader.read_port, doc.send_ports, spans[PORTS]),
            "DistributionList": reading(reader.read_group, doc.groups, spans[GROUPS]),
        }

        def on_item(el: etree._Element) -> None:
            targets[el.tag](el)

        try:
            root = safe.stream_document(decoded, name, data, {"SendPort": PORTS, "DistributionList": GROUPS}, on_item)
        finally:
            reader.forget_shared()
            gc.unfreeze()
        doc._set_skeleton(text, cut, root)
        return doc

    def _set_text(self, text: str, root: etree._Element | None) -> None:
        """Start from ``text`` (a template): skeleton only, models left as they are."""
        cut = cut_text(text)
        self.style = style_of(text, cut)
        if root is None:
            root = safe.parse_document(safe.Decoded(text, "utf-8", b""), self.name)
        self._set_skeleton(text, cut, root)

    def _set_skeleton(self, text: str, cut: Cut, root: etree._Element) -> None:
        self._pieces = cut.pieces
        self._original_if_empty = text if "<original>" in cut.spans else None
        self.root_attributes = dict(root.attrib)
        ts = root.find("Timestamp")
        self.timestamp = ts.text if ts is not None else None
        skip = [(spans[0][0], spans[-1][1]) for spans in cut.spans.values() if spans]
        self.references = references(root, text, sorted(skip))
        self.orchestration_bindings, self.group_bindings = _orchestration_bindings(self.references)

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
        return o.line if o is not None and self.owns(o) else None

    def owns(self, origin: Origin | None) -> bool:
        """Whether ``origin`` is text of this document (read from it, or stored with its slot)."""
        return origin is not None and origin.doc is self._token

    def attach(
        self,
        obj: SendPort | SendPortGroup,
        raw: str,
        slot: int | None,
        indent: str,
        line: int,
        style: Style,
        *,
        span: tuple[int, int] | None = None,
    ) -> None:
        """Give ``obj`` the text ``raw`` it is written as (or, with ``span``, the part of
        ``raw`` from ``span[0]`` to ``span[1]``): in ``slot`` of this document's skeleton, or
        (slot None) as a new element that is appended when written."""
        owner = self._token if slot is not None else object()
        obj.set_origin(Origin(owner, slot if slot is not None else -1, raw, obj, indent, line, style, span))

    @property
    def pieces(self) -> Sequence[str | Collection]:
        """The skeleton: text between and around the two collections, and the collections."""
        return self._pieces

    @property
    def original_if_empty(self) -> str | None:
        """The text written while the document has no port or group (a file with no
        collections to cut), else None."""
        return self._original_if_empty

    # -- writing ------------------------------------------------------------------------

    def element_text(self, obj: SendPort | SendPortGroup, indent: str | None = None) -> str:
        """The XML of one port or group: its original text, edited where the model changed."""
        node: Callable[[Any], G] = port_node if isinstance(obj, SendPort) else group_node
        o = self.origin(obj)
        if o is None:
            return render(node(obj), indent if indent is not None else self.style.unit * 2, self.style)
        raw = o.raw if obj is o.model else patch_text(o.raw, node(o.model), node(obj), o.style, o.indent)
        if indent is not None and (indent != o.indent or o.style.newline != self.style.newline):
            raw = reindent(raw, o.indent, indent, o.style.newline, self.style.newline)
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
            if isinstance(o, Origin) and self.owns(o) and o.slot not in claimed:
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


def _orchestration_bindings(refs: Iterable[Reference]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """{send port: orchestration ports bound to it}, and the same for groups."""
    ports: dict[str, list[str]] = {}
    groups: dict[str, list[str]] = {}
    for ref in refs:
        if ref.holder == "orchestration":
            (ports if ref.kind == "port" else groups).setdefault(ref.name, []).append(ref.holder_name)
    return ports, groups


def load(source: str | Path | bytes) -> BindingDocument:
    """Read a binding file (a path, or its bytes). Raises :class:`BindingFormatError`."""
    data, name = safe.read_source(source)
    return BindingDocument.from_bytes(data, name)


def dump(document: BindingDocument) -> bytes:
    """The binding file's bytes, in the encoding, BOM and line breaks it was read with."""
    return document.to_bytes()
