"""A binding document stored in pieces: the workspace keeps ports, groups and the rest apart.

A port or group is stored as the XML element it is written as (:class:`Stored`), the
rest of its file as the skeleton's state (:func:`skeleton_state`); :func:`from_skeleton`
puts a document back together from them, and :func:`read_element` reads one element.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from lxml import etree

from model.bindings import reader, safe
from model.bindings.binding_document import BindingDocument
from model.bindings.merge import patch_text
from model.bindings.safe import BindingFormatError
from model.bindings.skeleton import Collection, Slot
from model.bindings.writer import G, Style, group_node, port_node, render
from model.domain import SendPort, SendPortGroup


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
            return Style(ws[len(indent) :], nl)
    return Style("  ", nl)


def element_xml(
    obj: SendPort | SendPortGroup,
    previous: tuple[str, SendPort | SendPortGroup] | None,
    indent: str,
    style: Style | None = None,
) -> str:
    """The XML of ``obj``: ``previous`` text edited minimally, or fresh when there is none."""
    node: Callable[[Any], G] = port_node if isinstance(obj, SendPort) else group_node
    if previous is None:
        return render(node(obj), indent, style or Style())
    xml, old = previous
    if obj == old:
        return xml
    return patch_text(xml, node(old), node(obj), fragment_style(xml, indent), indent)


def piece_state(p: str | Collection) -> Any:
    """One skeleton piece as JSON-able data (read back by :func:`piece_from`)."""
    if isinstance(p, str):
        return p
    return {
        "tag": p.tag,
        "start": p.start,
        "end": p.end,
        "indent": p.indent,
        "virtual": p.virtual,
        "items": [it if isinstance(it, str) else {"slot": it.index, "lead": it.lead} for it in p.items],
    }


def piece_from(s: Any) -> str | Collection:
    """The skeleton piece stored as ``s`` by :func:`piece_state`."""
    if isinstance(s, str):
        return s
    col = Collection(s["tag"], s["start"], s["end"], s["indent"], virtual=s["virtual"])
    col.items = [it if isinstance(it, str) else Slot(it["slot"], it["lead"]) for it in s["items"]]
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
        "pieces": [piece_state(p) for p in doc.pieces],
        "original_if_empty": doc.original_if_empty,
        "root_attributes": doc.root_attributes,
        "timestamp": doc.timestamp,
    }


def from_skeleton(state: dict[str, Any] | None, ports: Iterable[Stored], groups: Iterable[Stored]) -> BindingDocument:
    """A document from a stored skeleton (or a new one) and stored ports and groups."""
    if state is None:
        doc = BindingDocument()
    else:
        doc = BindingDocument._assemble(
            state["name"],
            state["encoding"],
            bytes.fromhex(state["bom"]),
            Style(state["unit"], state["newline"]),
            pieces=[piece_from(p) for p in state["pieces"]],
            original_if_empty=state["original_if_empty"],
            root_attributes=state["root_attributes"],
            timestamp=state["timestamp"],
        )
    # ``Stored.model`` is typed as either kind: the caller passes ports in ``ports`` and
    # groups in ``groups`` (unchecked).
    for st in ports:
        doc.send_ports.append(cast(SendPort, _attached_model(doc, st)))
    for st in groups:
        doc.groups.append(cast(SendPortGroup, _attached_model(doc, st)))
    return doc


def _attached_model(doc: BindingDocument, st: Stored) -> SendPort | SendPortGroup:
    """``st``'s model, attached to its text (and to its slot in ``doc`` when it has one)."""
    doc.attach(st.model, st.xml, st.slot, st.indent, 0, fragment_style(st.xml, st.indent))
    return st.model


_XMLNS = re.compile(r"""\sxmlns(?::[^\s=]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")
STANDARD_NAMESPACES = (
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
)


def namespace_declarations(doc: BindingDocument) -> str:
    """The root's ``xmlns`` declarations: what a port's text needs to be read on its own."""
    for piece in doc.pieces:
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
        root = safe.parse_fragment(wrapped)
    except etree.XMLSyntaxError as e:
        raise BindingFormatError("<stored element>", e.position[0], e.position[1], e.msg) from None
    el = next(c for c in root if isinstance(c.tag, str))
    if el.tag == "SendPort":
        return reader.read_port(el)
    if el.tag == "DistributionList":
        return reader.read_group(el)
    raise BindingFormatError("<stored element>", 1, 1, f"<{el.tag}> is not a send port or group")


#: The older name, still imported by ``model.store``.
_piece_from = piece_from
