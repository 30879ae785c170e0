"""The one table of binding file elements and the domain fields they hold.

Each :class:`Binding` row says which element (or ``@attribute``) of a binding file holds
which field of a domain model, how its value is converted (:class:`Kind`), what a person
calls it in messages, and, by its place in its table, where BizTalk writes it. The reader
(``model.bindings.reader``) reads by these rows, the writer (``model.bindings.writer``)
writes by them in their order, and validation (``model.validation``) names fields and
finds them in the text by them: a field is declared here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any


class Kind(StrEnum):
    """How an element's content becomes a field's value, and back."""

    ATTRIBUTE = "attribute"  # an attribute's text
    TEXT = "text"  # an element's text; ``xsi:nil`` reads as None
    LEAF = "leaf"  # a scalar with a default; ``xsi:nil`` leaves the default
    PIPELINE = "pipeline"  # a pipeline reference (attributes: PIPELINE_ATTRIBUTES)
    PIPELINE_DATA = "pipeline_data"  # per-port pipeline configuration, escaped or as elements
    TRANSPORT = "transport"  # a transport (children: TRANSPORT_ELEMENTS)
    CERTIFICATE = "certificate"  # attributes: CERTIFICATE_ATTRIBUTES
    FILTER = "filter"  # a nested ``<Filter>`` document
    MAPS = "maps"  # ``Transform`` children (attributes: MAP_ATTRIBUTES)
    ADAPTER = "adapter"  # a ``TransportType`` (attributes: ADAPTER_ATTRIBUTES)
    SETTINGS = "settings"  # a nested ``<CustomProps>`` document
    HANDLER = "handler"  # a ``SendHandler`` (attributes: HANDLER_ATTRIBUTES)
    MEMBERS = "members"  # ``SendPortRef/@Name`` children
    PART = "part"  # inside a nested document, read and written with its parent's kind


class WhenNone(Enum):
    """How the writer writes a field whose value is None."""

    NIL = "nil"  # <X xsi:nil="true" />
    OMIT = "omit"  # not at all
    EMPTY = "empty"  # <X />, an element present and empty


@dataclass(frozen=True, slots=True)
class Binding:
    """One element (or ``@attribute``) of a binding file and the domain field it holds.

    ``default`` is what the reader takes for an absent attribute; ``set_when_absent`` makes
    the reader give the field that value (None unless ``default``) rather than leaving
    the model's own default. ``write_if`` writes the element only for models it accepts.
    """

    element: str
    field: str
    kind: Kind
    label: str
    when_none: WhenNone = WhenNone.NIL
    default: str | None = None
    set_when_absent: bool = False
    write_if: Callable[[Any], bool] | None = None

    @property
    def tag(self) -> str:
        """The element or attribute name, without the ``@`` of an attribute."""
        return self.element.removeprefix("@")


def _attribute(name: str, field: str, label: str, default: str | None = None) -> Binding:
    """An attribute of a sub-model: always read (``default`` when absent), written when set."""
    return Binding(f"@{name}", field, Kind.ATTRIBUTE, label, WhenNone.OMIT, default, set_when_absent=True)


def _inbound_maps_written(port: Any) -> bool:
    """BizTalk writes ``InboundTransforms`` for a solicit-response port, even empty."""
    return bool(port.inbound_maps) or port.is_two_way is True


_OMIT = WhenNone.OMIT

#: ``SendPort`` attributes, in the order they are written.
PORT_ATTRIBUTES: tuple[Binding, ...] = (
    Binding("@Name", "name", Kind.ATTRIBUTE, "Name", _OMIT, default=""),
    Binding("@IsStatic", "is_static", Kind.ATTRIBUTE, "Static/dynamic", _OMIT),
    Binding("@IsTwoWay", "is_two_way", Kind.ATTRIBUTE, "One-way/solicit-response", _OMIT),
    Binding("@BindingOption", "binding_option", Kind.ATTRIBUTE, "Binding option", _OMIT, set_when_absent=True),
    Binding("@AnalyticsEnabled", "analytics_enabled", Kind.ATTRIBUTE, "Analytics", _OMIT),
)

#: ``SendPort`` children, in BizTalk's export order.
PORT_ELEMENTS: tuple[Binding, ...] = (
    Binding("Description", "description", Kind.TEXT, "Description"),
    Binding("TransmitPipeline", "send_pipeline", Kind.PIPELINE, "Send pipeline", _OMIT, set_when_absent=True),
    Binding("SendPipelineData", "send_pipeline_data", Kind.PIPELINE_DATA, "Send pipeline configuration", _OMIT),
    Binding("PrimaryTransport", "primary_transport", Kind.TRANSPORT, "Transport", _OMIT),
    Binding("SecondaryTransport", "secondary_transport", Kind.TRANSPORT, "Backup transport", _OMIT),
    Binding("EncryptionCert", "encryption_cert", Kind.CERTIFICATE, "Certificate", _OMIT),
    Binding("ReceivePipeline", "receive_pipeline", Kind.PIPELINE, "Receive pipeline", _OMIT),
    Binding("ReceivePipelineData", "receive_pipeline_data", Kind.PIPELINE_DATA, "Receive pipeline configuration"),
    Binding("Tracking", "tracking", Kind.LEAF, "Tracking"),
    Binding("Filter", "filter", Kind.FILTER, "Filter", WhenNone.EMPTY),
    Binding("Transforms", "outbound_maps", Kind.MAPS, "Outbound maps"),
    Binding("InboundTransforms", "inbound_maps", Kind.MAPS, "Inbound maps", write_if=_inbound_maps_written),
    Binding("OrderedDelivery", "ordered_delivery", Kind.LEAF, "Ordered delivery"),
    Binding("Priority", "priority", Kind.LEAF, "Priority"),
    Binding(
        "StopSendingOnFailure", "stop_sending_on_failure", Kind.LEAF, "Stop sending subsequent messages on failure"
    ),
    Binding("RouteFailedMessage", "route_failed_messages", Kind.LEAF, "Route failed messages"),
    Binding("ApplicationName", "application", Kind.TEXT, "Application", _OMIT),
)

#: ``PrimaryTransport`` / ``SecondaryTransport`` children, in export order.
TRANSPORT_ELEMENTS: tuple[Binding, ...] = (
    Binding("Address", "address", Kind.TEXT, "Address", _OMIT),
    Binding("TransportType", "adapter", Kind.ADAPTER, "Adapter", _OMIT),
    Binding("TransportTypeData", "settings", Kind.SETTINGS, "Adapter settings", _OMIT),
    Binding("RetryCount", "retry_count", Kind.LEAF, "Retry count"),
    Binding("RetryInterval", "retry_interval", Kind.LEAF, "Retry interval"),
    Binding("ServiceWindowEnabled", "service_window_enabled", Kind.LEAF, "Service window"),
    Binding("FromTime", "from_time", Kind.LEAF, "Service window start"),
    Binding("ToTime", "to_time", Kind.LEAF, "Service window stop"),
    Binding("Primary", "primary", Kind.LEAF, "Primary"),
    Binding("OrderedDelivery", "ordered_delivery", Kind.LEAF, "Ordered delivery"),
    Binding("DeliveryNotification", "delivery_notification", Kind.LEAF, "Delivery notification"),
    Binding("SendHandler", "send_handler", Kind.HANDLER, "Send handler"),
)

#: ``DistributionList`` attributes.
GROUP_ATTRIBUTES: tuple[Binding, ...] = (Binding("@Name", "name", Kind.ATTRIBUTE, "Name", _OMIT, default=""),)

#: ``DistributionList`` children, in BizTalk's export order.
GROUP_ELEMENTS: tuple[Binding, ...] = (
    Binding("SendPorts", "members", Kind.MEMBERS, "Send ports"),
    Binding("Filter", "filter", Kind.FILTER, "Filter", WhenNone.EMPTY),
    Binding("ApplicationName", "application", Kind.TEXT, "Application", _OMIT),
    Binding("Description", "description", Kind.TEXT, "Description"),
)

PIPELINE_ATTRIBUTES: tuple[Binding, ...] = (
    _attribute("Name", "name", "Name", ""),
    _attribute("FullyQualifiedName", "fully_qualified_name", "Fully qualified name"),
    _attribute("Type", "type", "Type"),
    _attribute("TrackingOption", "tracking_option", "Tracking option"),
    _attribute("Description", "description", "Description"),
)
CERTIFICATE_ATTRIBUTES: tuple[Binding, ...] = (
    _attribute("LongName", "long_name", "Certificate name"),
    _attribute("ShortName", "short_name", "Certificate short name"),
    _attribute("UsageType", "usage_type", "Certificate usage"),
    _attribute("ThumbPrint", "thumbprint", "Thumbprint"),
)
ADAPTER_ATTRIBUTES: tuple[Binding, ...] = (
    _attribute("Name", "name", "Name", ""),
    _attribute("Capabilities", "capabilities", "Capabilities"),
    _attribute("ConfigurationClsid", "configuration_clsid", "Configuration class id"),
)
HANDLER_ATTRIBUTES: tuple[Binding, ...] = (
    _attribute("Name", "name", "Name", ""),
    _attribute("HostTrusted", "host_trusted", "Trusted host", "false"),
)
MAP_ATTRIBUTES: tuple[Binding, ...] = (
    _attribute("FullName", "full_name", "Map", ""),
    _attribute("AssemblyQualifiedName", "assembly_qualified_name", "Assembly qualified name"),
)

#: Inside a nested ``<Filter>``: ``Group`` elements, their ``Statement`` elements and those
#: statements' attributes.
FILTER_PARTS: tuple[Binding, ...] = (
    Binding("Group", "groups", Kind.PART, "Filter group"),
    Binding("Statement", "statements", Kind.PART, "Filter statement"),
)
STATEMENT_ATTRIBUTES: tuple[Binding, ...] = (
    _attribute("Property", "property", "Property", ""),
    _attribute("Operator", "operator", "Operator", "0"),
    _attribute("Value", "value", "Value"),
)
#: Inside a nested ``<CustomProps>``: each property is an element named as the setting.
SETTINGS_PARTS: tuple[Binding, ...] = (Binding("", "properties", Kind.PART, "Adapter setting"),)

#: Every table, ports first: where a field name appears in several, the first row names it.
TABLES: tuple[tuple[Binding, ...], ...] = (
    PORT_ATTRIBUTES,
    PORT_ELEMENTS,
    TRANSPORT_ELEMENTS,
    GROUP_ATTRIBUTES,
    GROUP_ELEMENTS,
    FILTER_PARTS,
    STATEMENT_ATTRIBUTES,
    SETTINGS_PARTS,
    CERTIFICATE_ATTRIBUTES,
    PIPELINE_ATTRIBUTES,
    HANDLER_ATTRIBUTES,
    ADAPTER_ATTRIBUTES,
    MAP_ATTRIBUTES,
)


def by_field(tables: Iterable[tuple[Binding, ...]] = TABLES) -> dict[str, Binding]:
    """Field name -> the first row that holds a field of that name."""
    out: dict[str, Binding] = {}
    for table in tables:
        for row in table:
            out.setdefault(row.field, row)
    return out


def attribute_reads(table: tuple[Binding, ...]) -> tuple[tuple[str, str, str | None, bool], ...]:
    """(attribute, field, default, set when absent) of each attribute row, for a reader's loop."""
    return tuple((b.tag, b.field, b.default, b.set_when_absent) for b in table if b.kind is Kind.ATTRIBUTE)


__all__ = [
    "ADAPTER_ATTRIBUTES",
    "CERTIFICATE_ATTRIBUTES",
    "FILTER_PARTS",
    "GROUP_ATTRIBUTES",
    "GROUP_ELEMENTS",
    "HANDLER_ATTRIBUTES",
    "MAP_ATTRIBUTES",
    "PIPELINE_ATTRIBUTES",
    "PORT_ATTRIBUTES",
    "PORT_ELEMENTS",
    "SETTINGS_PARTS",
    "STATEMENT_ATTRIBUTES",
    "TABLES",
    "TRANSPORT_ELEMENTS",
    "Binding",
    "Kind",
    "WhenNone",
    "attribute_reads",
    "by_field",
]
