"""Write domain models as binding XML: fresh, or as a minimal edit of the text they came from.

``port_node``/``group_node`` describe a model as a light tree (:class:`G`) in BizTalk's
export order, by the table of ``model.bindings.fields``. A new port is rendered from it in the document's style. A port read from a
file is rewritten by a three-way merge (``model.bindings.merge``'s ``patch`` and
``patch_text``): the differences between the tree of the
model as it was read and the tree of the model now are applied to the original text, so
that untouched elements, unknown elements, comments and formatting stay byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from model.bindings import fields
from model.bindings import xmltext as xt
from model.bindings.fields import Binding, Kind, WhenNone
from model.domain import (
    AdapterSettings,
    Filter,
    Map,
    SendHandler,
    SendPort,
    SendPortGroup,
)

FILTER_DECL = '<?xml version="1.0" encoding="utf-16"?>'
XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'


@dataclass(frozen=True)
class Style:
    """How a document is laid out: one indentation step and the line break."""

    unit: str = "  "
    newline: str = "\n"


@dataclass(eq=False, slots=True)
class G:
    """An element to write. Exactly one of text / children / nested describes its content."""

    tag: str
    attrs: list[tuple[str, str]] = field(default_factory=list)
    text: str | None = None
    children: list[G] | None = None
    nested: G | None = None  # a document written escaped inside this element's text
    nested_decl: str | None = None
    nested_pretty: bool = False
    nil: bool = False
    _key: Any = None

    def key(self) -> Any:
        """A value equal for equal trees (used to find what changed)."""
        if self._key is None:
            self._key = (
                self.tag,
                tuple(self.attrs),
                self.text,
                None if self.children is None else tuple(c.key() for c in self.children),
                None if self.nested is None else (self.nested.key(), self.nested_decl),
                self.nil,
            )
        return self._key

    def same_content(self, other: G) -> bool:
        return self.key()[2:] == other.key()[2:]


def fmt(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _attrs(*pairs: tuple[str, Any]) -> list[tuple[str, str]]:
    return [(k, fmt(v)) for k, v in pairs if v is not None]


def _attributes(obj: Any, table: tuple[Binding, ...]) -> list[tuple[str, str]]:
    """The attributes of ``obj`` that ``table`` names, in its order; None is not written."""
    out: list[tuple[str, str]] = []
    for b in table:
        value = getattr(obj, b.field)
        if value is not None:
            out.append((b.tag, fmt(value)))
    return out


def _elements(obj: Any, table: tuple[Binding, ...]) -> list[G]:
    """The child elements of ``obj`` that ``table`` names, in its (BizTalk's export) order."""
    out: list[G] = []
    for b in table:
        if b.write_if is not None and not b.write_if(obj):
            continue
        value = getattr(obj, b.field)
        if value is not None:
            out.append(_WRITE[b.kind](b.tag, value))
        elif b.when_none is WhenNone.NIL:
            out.append(G(b.tag, nil=True))
        elif b.when_none is WhenNone.EMPTY:
            out.append(G(b.tag, text=""))
    return out


def settings_node(s: AdapterSettings) -> G:
    return G("CustomProps", children=[G(p.name, _attrs(("vt", p.vt)), text=p.value) for p in s.properties])


def filter_node(f: Filter) -> G:
    return G(
        "Filter",
        [("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"), ("xmlns:xsd", "http://www.w3.org/2001/XMLSchema")],
        children=[
            G(_GROUP, children=[G(_STATEMENT, _attributes(s, fields.STATEMENT_ATTRIBUTES)) for s in g.statements])
            for g in f.groups
        ],
    )


def _text(tag: str, value: Any) -> G:
    return G(tag, text=fmt(value))


def _filter(tag: str, f: Filter) -> G:
    if f.unparsed is not None:
        return G(tag, text=f.unparsed)
    return G(tag, nested=filter_node(f), nested_decl=FILTER_DECL, nested_pretty=True)


def _settings(tag: str, s: AdapterSettings) -> G:
    return G(tag, text=s.unparsed) if s.unparsed is not None else G(tag, nested=settings_node(s))


def _handler(tag: str, h: SendHandler) -> G:
    tt = None if h.adapter is None else G("TransportType", _attributes(h.adapter, fields.ADAPTER_ATTRIBUTES))
    return G(tag, _attributes(h, fields.HANDLER_ATTRIBUTES), children=[tt] if tt is not None else None)


def _maps(tag: str, maps: tuple[Map, ...]) -> G:
    return G(tag, children=[G("Transform", _attributes(m, fields.MAP_ATTRIBUTES)) for m in maps])


def _members(tag: str, members: tuple[str, ...]) -> G:
    return G(tag, children=[G("SendPortRef", [("Name", m)]) for m in members])


def _with_attributes(table: tuple[Binding, ...]) -> Callable[[str, Any], G]:
    return lambda tag, obj: G(tag, _attributes(obj, table))


#: How each kind of value is written (a None value is written by the row's ``when_none``).
_WRITE: dict[Kind, Callable[[str, Any], G]] = {
    Kind.TEXT: _text,
    Kind.LEAF: _text,
    Kind.PIPELINE_DATA: _text,
    Kind.PIPELINE: _with_attributes(fields.PIPELINE_ATTRIBUTES),
    Kind.CERTIFICATE: _with_attributes(fields.CERTIFICATE_ATTRIBUTES),
    Kind.ADAPTER: _with_attributes(fields.ADAPTER_ATTRIBUTES),
    Kind.TRANSPORT: lambda tag, t: G(tag, children=_elements(t, fields.TRANSPORT_ELEMENTS)),
    Kind.FILTER: _filter,
    Kind.SETTINGS: _settings,
    Kind.HANDLER: _handler,
    Kind.MAPS: _maps,
    Kind.MEMBERS: _members,
}
_GROUP, _STATEMENT = (b.element for b in fields.FILTER_PARTS)


def port_node(p: SendPort) -> G:
    """A send port in BizTalk's export order."""
    return G("SendPort", _attributes(p, fields.PORT_ATTRIBUTES), children=_elements(p, fields.PORT_ELEMENTS))


def group_node(g: SendPortGroup) -> G:
    """A send port group (``DistributionList``) in BizTalk's export order."""
    return G("DistributionList", _attributes(g, fields.GROUP_ATTRIBUTES), children=_elements(g, fields.GROUP_ELEMENTS))


# -- rendering fresh text ---------------------------------------------------------------------


def _start(g: G, close: bool) -> str:
    attrs = "".join(f' {k}="{xt.escape_attr(v)}"' for k, v in g.attrs)
    if g.nil:
        attrs += ' xsi:nil="true"'
    return f"<{g.tag}{attrs} />" if close else f"<{g.tag}{attrs}>"


def render(g: G, indent: str = "", style: Style = Style(), pretty: bool = True) -> str:
    """``g`` as text starting at a position already indented by ``indent``."""
    out: list[str] = []
    _render(g, indent, style, pretty, out)
    return "".join(out)


def _render(g: G, indent: str, st: Style, pretty: bool, out: list[str]) -> None:
    if g.children:
        out.append(_start(g, False))
        inner = indent + st.unit
        for c in g.children:
            if pretty:
                out.append(st.newline + inner)
            _render(c, inner, st, pretty, out)
        if pretty:
            out.append(st.newline + indent)
        out.append(f"</{g.tag}>")
    elif g.nested is not None:
        out.append(_start(g, False))
        out.append(xt.escape_text(nested_text(g), st.newline))
        out.append(f"</{g.tag}>")
    elif g.text:
        out.append(_start(g, False))
        out.append(xt.escape_text(g.text, st.newline))
        out.append(f"</{g.tag}>")
    else:
        out.append(_start(g, True))


def nested_text(g: G) -> str:
    """The unescaped text of ``g``'s nested document, as BizTalk writes it (LF line breaks:
    escaping writes them in the file's convention)."""
    assert g.nested is not None
    if g.nested_pretty:
        body = render(g.nested, "", Style("  ", "\n"), True)
        return f"{g.nested_decl}\n{body}" if g.nested_decl else body
    body = render(g.nested, "", Style("  ", "\n"), False)
    return f"{g.nested_decl}{body}" if g.nested_decl else body


__all__ = ["G", "Style", "group_node", "port_node", "render"]
