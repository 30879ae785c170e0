"""Write domain models as binding XML: fresh, or as a minimal edit of the text they came from.

``port_node``/``group_node`` describe a model as a light tree (:class:`G`) in BizTalk's
export order. A new port is rendered from it in the document's style. A port read from a
file is rewritten by a three-way merge: the differences between the tree of the model as
it was read and the tree of the model now are applied to the original text, so that
untouched elements, unknown elements, comments and formatting stay byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from lxml import etree

from model.bindings import xmltext as xt
from model.domain import (
    AdapterSettings,
    AdapterType,
    Certificate,
    Filter,
    Map,
    Pipeline,
    SendHandler,
    SendPort,
    SendPortGroup,
    Transport,
)

_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
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


def _leaf(tag: str, value: Any) -> G:
    return G(tag, nil=True) if value is None else G(tag, text=fmt(value))


def _adapter_type(tag: str, a: AdapterType | None) -> G | None:
    if a is None:
        return None
    return G(tag, _attrs(("Name", a.name), ("Capabilities", a.capabilities),
                         ("ConfigurationClsid", a.configuration_clsid)))


def settings_node(s: AdapterSettings) -> G:
    return G("CustomProps", children=[
        G(p.name, _attrs(("vt", p.vt)), text=p.value) for p in s.properties
    ])


def filter_node(f: Filter) -> G:
    return G("Filter", [("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                        ("xmlns:xsd", "http://www.w3.org/2001/XMLSchema")], children=[
        G("Group", children=[
            G("Statement", _attrs(("Property", s.property), ("Operator", s.operator), ("Value", s.value)))
            for s in g.statements
        ])
        for g in f.groups
    ])


def _filter(tag: str, f: Filter | None) -> G:
    if f is None:
        return G(tag, text="")
    if f.unparsed is not None:
        return G(tag, text=f.unparsed)
    return G(tag, nested=filter_node(f), nested_decl=FILTER_DECL, nested_pretty=True)


def _transport(tag: str, t: Transport | None) -> G | None:
    if t is None:
        return None
    kids: list[G | None] = []
    if t.address is not None:
        kids.append(G("Address", text=t.address))
    kids.append(_adapter_type("TransportType", t.adapter))
    if t.settings is not None:
        s = t.settings
        kids.append(G("TransportTypeData", text=s.unparsed) if s.unparsed is not None
                    else G("TransportTypeData", nested=settings_node(s)))
    kids += [
        _leaf("RetryCount", t.retry_count),
        _leaf("RetryInterval", t.retry_interval),
        _leaf("ServiceWindowEnabled", t.service_window_enabled),
        _leaf("FromTime", t.from_time),
        _leaf("ToTime", t.to_time),
        _leaf("Primary", t.primary),
        _leaf("OrderedDelivery", t.ordered_delivery),
        _leaf("DeliveryNotification", t.delivery_notification),
        _handler(t.send_handler),
    ]
    return G(tag, children=[k for k in kids if k is not None])


def _handler(h: SendHandler | None) -> G:
    if h is None:
        return G("SendHandler", nil=True)
    tt = _adapter_type("TransportType", h.adapter)
    return G("SendHandler", _attrs(("Name", h.name), ("HostTrusted", h.host_trusted)),
             children=[tt] if tt is not None else None)


def _pipeline(tag: str, p: Pipeline | None) -> G | None:
    if p is None:
        return None
    return G(tag, _attrs(("Name", p.name), ("FullyQualifiedName", p.fully_qualified_name), ("Type", p.type),
                         ("TrackingOption", p.tracking_option), ("Description", p.description)))


def _certificate(c: Certificate | None) -> G | None:
    if c is None:
        return None
    return G("EncryptionCert", _attrs(("LongName", c.long_name), ("ShortName", c.short_name),
                                      ("UsageType", c.usage_type), ("ThumbPrint", c.thumbprint)))


def _maps(tag: str, maps: tuple[Map, ...]) -> G:
    return G(tag, children=[
        G("Transform", _attrs(("FullName", m.full_name), ("AssemblyQualifiedName", m.assembly_qualified_name)))
        for m in maps
    ])


def port_node(p: SendPort) -> G:
    """A send port in BizTalk's export order."""
    kids: list[G | None] = [
        _leaf("Description", p.description),
        _pipeline("TransmitPipeline", p.send_pipeline),
        None if p.send_pipeline_data is None else G("SendPipelineData", text=p.send_pipeline_data),
        _transport("PrimaryTransport", p.primary_transport),
        _transport("SecondaryTransport", p.secondary_transport),
        _certificate(p.encryption_cert),
        _pipeline("ReceivePipeline", p.receive_pipeline),
        _leaf("ReceivePipelineData", p.receive_pipeline_data),
        _leaf("Tracking", p.tracking),
        _filter("Filter", p.filter),
        _maps("Transforms", p.outbound_maps),
        _maps("InboundTransforms", p.inbound_maps) if (p.inbound_maps or p.is_two_way is True) else None,
        _leaf("OrderedDelivery", p.ordered_delivery),
        _leaf("Priority", p.priority),
        _leaf("StopSendingOnFailure", p.stop_sending_on_failure),
        _leaf("RouteFailedMessage", p.route_failed_messages),
        None if p.application is None else G("ApplicationName", text=p.application),
    ]
    attrs = _attrs(("Name", p.name), ("IsStatic", p.is_static), ("IsTwoWay", p.is_two_way),
                   ("BindingOption", p.binding_option), ("AnalyticsEnabled", p.analytics_enabled))
    return G("SendPort", attrs, children=[k for k in kids if k is not None])


def group_node(g: SendPortGroup) -> G:
    """A send port group (``DistributionList``) in BizTalk's export order."""
    kids: list[G] = [
        G("SendPorts", children=[G("SendPortRef", [("Name", m)]) for m in g.members]),
        _filter("Filter", g.filter),
    ]
    if g.application is not None:
        kids.append(G("ApplicationName", text=g.application))
    kids.append(_leaf("Description", g.description))
    return G("DistributionList", [("Name", g.name)], children=kids)


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


# -- merging into existing text --------------------------------------------------------------


def _is_ws(node: Any) -> bool:
    return isinstance(node, xt.Text) and not node.strip()


def child_indent(raw: xt.Element, indent: str, st: Style) -> tuple[str, bool]:
    """(indentation of ``raw``'s children, whether they are laid out one per line)."""
    kids = raw.children
    for i, node in enumerate(kids):
        if isinstance(node, xt.Element | xt.Comment) and i > 0 and isinstance(kids[i - 1], xt.Text):
            before = kids[i - 1]
            if "\n" in before:
                return before[before.rfind("\n") + 1:], True
            return "", False
    if any(isinstance(n, xt.Element) for n in kids):
        return "", False
    return indent + st.unit, True


def _fresh(g: G, indent: str, st: Style, pretty: bool) -> xt.Element:
    nodes = xt.parse(render(g, indent, st, pretty))
    el = xt.first_element(nodes)
    assert el is not None
    return el


def _insert(raw: xt.Element, anchor: xt.Element | None, el: xt.Element, indent: str, st: Style) -> None:
    """Put ``el`` after ``anchor`` (or first) among ``raw``'s children, laid out like its siblings."""
    cind, pretty = child_indent(raw, indent, st)
    sep = xt.Text(st.newline + cind) if pretty else None
    if not any(isinstance(n, xt.Element) for n in raw.children):
        kept = [n for n in raw.children if not _is_ws(n)]
        if kept:  # only comments: after them
            nodes = kept + ([sep] if sep else []) + [el]
        else:
            nodes = ([sep] if sep else []) + [el]
        if pretty:
            nodes.append(xt.Text(st.newline + indent))
        raw.set_children(nodes)
        return
    if anchor is None:
        first = next(i for i, n in enumerate(raw.children) if isinstance(n, xt.Element))
        raw.children[first:first] = [el] + ([sep] if sep else [])
    else:
        at = raw.children.index(anchor) + 1
        raw.children[at:at] = ([sep] if sep else []) + [el]


def _remove(raw: xt.Element, el: xt.Element) -> None:
    i = raw.children.index(el)
    start = i - 1 if i > 0 and _is_ws(raw.children[i - 1]) else i
    del raw.children[start:i + 1]
    if all(_is_ws(n) for n in raw.children):
        raw.children = []
        raw._close_empty()


def patch(raw: xt.Element, old: G, new: G, st: Style, indent: str) -> None:
    """Change ``raw`` (which ``old`` describes) so that it says what ``new`` says, minimally."""
    if old.attrs != new.attrs:
        before, after = dict(old.attrs), dict(new.attrs)
        for k in list(after) + [k for k in before if k not in after]:
            if before.get(k) != after.get(k):
                if k in after:
                    raw.set_attr(k, after[k])
                else:
                    raw.remove_attr(k)
    if old.same_content(new):
        return
    if new.nil:
        raw.set_nil()
    elif (new.text and old.text and not old.nil and any(isinstance(n, xt.Element) for n in raw.children)
          and (old_nodes := markup_nodes(old.text)) is not None
          and (new_nodes := markup_nodes(new.text)) is not None):
        # A nested document written as child elements (BTDF): merge it like any element.
        _patch_children(raw, old_nodes, new_nodes, st, indent)
    elif new.children is not None and old.children is not None and not old.nil and not raw.is_nil:
        _patch_children(raw, old.children, new.children, st, indent)
    elif new.nested is not None and old.nested is not None and old.nested.tag == new.nested.tag:
        _patch_nested(raw, old, new, st, indent)
    else:
        _replace_content(raw, new, st, indent)


def _replace_content(raw: xt.Element, new: G, st: Style, indent: str) -> None:
    element_form = any(isinstance(n, xt.Element) for n in raw.children)
    if new.children:
        cind = indent + st.unit
        nodes: list[Any] = []
        for c in new.children:
            nodes += [xt.Text(st.newline + cind), _fresh(c, cind, st, True)]
        nodes.append(xt.Text(st.newline + indent))
        raw.set_children(nodes)
    elif new.nested is not None:
        if element_form:
            cind, _ = child_indent(raw, indent, st)
            raw.set_children([xt.Text(st.newline + cind), _fresh(new.nested, cind, st, True),
                              xt.Text(st.newline + indent)])
        else:
            raw.set_text(xt.escape_text(nested_text(new), st.newline))
    elif new.text:
        if element_form and _is_markup(new.text):
            raw.set_children(xt.parse(new.text.replace("\n", st.newline) if st.newline != "\n" else new.text))
            return
        raw.set_text(xt.escape_text(new.text, st.newline))
    else:
        raw.set_text("")


def markup_nodes(text: str) -> list[G] | None:
    """The elements of an XML fragment as :class:`G` trees (None when not well-formed)."""
    if not text.lstrip().startswith("<"):
        return None
    try:
        root = etree.fromstring(f"<w>{text}</w>".encode(), _STRICT)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return [_to_g(c) for c in root if isinstance(c.tag, str)]


def _qname(el: etree._Element, name: str) -> str:
    if not name.startswith("{"):
        return name
    ns, local = name[1:].split("}", 1)
    for prefix, uri in (el.nsmap or {}).items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def _to_g(el: etree._Element) -> G:
    attrs = [(_qname(el, k), v) for k, v in el.attrib.items()]
    kids = [_to_g(c) for c in el if isinstance(c.tag, str)]
    tag = _qname(el, el.tag)
    if kids:
        return G(tag, attrs, children=kids)
    return G(tag, attrs, text=el.text or None)


def _is_markup(text: str) -> bool:
    """Whether ``text`` is well-formed XML content that can be written as child elements."""
    if not text.lstrip().startswith("<"):
        return False
    try:
        etree.fromstring(f"<w>{text}</w>".encode(), _STRICT)
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def _text_escaper(raw_text: str, newline: str) -> Any:
    """Escape like the text we replace does (some writers escape quotes, some do not)."""
    quotes = "&quot;" in raw_text

    def esc(value: str) -> str:
        out = xt.escape_text(value, newline)
        return out.replace('"', "&quot;") if quotes else out

    return esc


def _patch_nested(raw: xt.Element, old: G, new: G, st: Style, indent: str) -> None:
    assert old.nested is not None and new.nested is not None
    elements = list(raw.elements())
    if elements:  # written as child elements (BTDF)
        root = elements[0]
        if root.name != old.nested.tag:
            _replace_content(raw, new, st, indent)
            return
        cind, _ = child_indent(raw, indent, st)
        patch(root, old.nested, new.nested, st, cind)
        return
    raw_text = "".join(n for n in raw.children if isinstance(n, xt.Text))
    inner = raw.text()
    try:
        nodes = xt.parse(inner)
    except ValueError:
        _replace_content(raw, new, st, indent)
        return
    text_root = xt.first_element(nodes)
    if text_root is None or text_root.name != old.nested.tag:
        _replace_content(raw, new, st, indent)
        return
    i = nodes.index(text_root)
    before = nodes[i - 1] if i > 0 and isinstance(nodes[i - 1], xt.Text) else ""
    root_indent = before[before.rfind("\n") + 1:] if "\n" in before else ""
    inner_style = Style(_inner_unit(text_root, root_indent) or "  ", "\n")
    patch(text_root, old.nested, new.nested, inner_style, root_indent)
    raw.set_text(_text_escaper(raw_text, st.newline)(xt.serialize(nodes)))


def _inner_unit(root: xt.Element, root_indent: str) -> str | None:
    cind, pretty = child_indent(root, root_indent, Style())
    if pretty and cind.startswith(root_indent) and len(cind) > len(root_indent):
        return cind[len(root_indent):]
    return None


def _patch_children(raw: xt.Element, old: list[G], new: list[G], st: Style, indent: str) -> None:
    cind, pretty = child_indent(raw, indent, st)
    seen: dict[str, int] = {}
    by_key: dict[tuple[str, int], xt.Element] = {}
    for el in raw.elements():
        n = seen.get(el.name, 0)
        seen[el.name] = n + 1
        by_key[(el.name, n)] = el
    seen = {}
    old_raw: list[xt.Element | None] = []
    for g in old:
        n = seen.get(g.tag, 0)
        seen[g.tag] = n + 1
        old_raw.append(by_key.get((g.tag, n)))

    anchor: xt.Element | None = None
    matcher = SequenceMatcher(None, [g.key() for g in old], [g.key() for g in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i in range(i1, i2):
                anchor = old_raw[i] or anchor
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        # Same-tag items in the same order are edits of each other; the rest come and go.
        while olds and news:
            i, j = olds[0], news[0]
            if old[i].tag == new[j].tag:
                olds.pop(0)
                news.pop(0)
                r = old_raw[i]
                if r is None:
                    el = _fresh(new[j], cind, st, pretty)
                    _insert(raw, anchor, el, indent, st)
                    anchor = el
                else:
                    patch(r, old[i], new[j], st, cind)
                    anchor = r
            elif any(new[j].tag == old[k].tag for k in olds):
                r = old_raw[olds.pop(0)]
                if r is not None:
                    _remove(raw, r)
            else:
                el = _fresh(new[news.pop(0)], cind, st, pretty)
                _insert(raw, anchor, el, indent, st)
                anchor = el
        for i in olds:
            r = old_raw[i]
            if r is not None:
                _remove(raw, r)
        for j in news:
            el = _fresh(new[j], cind, st, pretty)
            _insert(raw, anchor, el, indent, st)
            anchor = el


def patch_text(raw_text: str, old: G, new: G, st: Style, indent: str) -> str:
    """``raw_text`` (one element) rewritten from ``old`` to ``new``."""
    nodes = xt.parse(raw_text)
    root = xt.first_element(nodes)
    if root is None:
        raise ValueError("no element in the text to patch")
    patch(root, old, new, st, indent)
    return xt.serialize(nodes)


__all__ = ["G", "Style", "group_node", "patch", "patch_text", "port_node", "render"]
