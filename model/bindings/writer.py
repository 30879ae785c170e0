"""Write domain models as binding XML: fresh, or as a minimal edit of the text they came from.

``port_node``/``group_node`` describe a model as a light tree (:class:`G`) in BizTalk's
export order. A new port is rendered from it in the document's style. A port read from a
file is rewritten by a three-way merge (``model.bindings.merge``, whose ``patch`` and
``patch_text`` are importable from here too): the differences between the tree of the
model as it was read and the tree of the model now are applied to the original text, so
that untouched elements, unknown elements, comments and formatting stay byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from model.bindings.merge import patch, patch_text

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


def __getattr__(name: str) -> Any:
    """``patch`` and ``patch_text`` live in ``model.bindings.merge`` (which imports this
    module), and are still importable from here: loaded when first asked for."""
    if name in ("patch", "patch_text"):
        from model.bindings import merge
        return getattr(merge, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["G", "Style", "group_node", "patch", "patch_text", "port_node", "render"]
