"""Send ports and send port groups as the BizTalk Management REST API carries them, and back.

The JSON field names are the published ones (Feature Pack 1 REST API reference, "Get Sendport",
"Create a send port", "Get SendportGroups"): a port is ``Name, Description, ApplicationName,
IsDynamic, IsTwoWay, Status, CustomData, PrimaryTransport, SecondaryTransport, SendPipeline,
SendPipelineData, ReceivePipeline, ReceivePipelineData, InboundTransforms, OutboundTransforms,
Tracking, EncryptionCert, Filter, Priority, RouteFailedMessage, OrderedDelivery,
StopSendingOnFailure``; a transport ``Address, TransportType, TransportTypeData, SendHandler,
RetryCount, RetryInterval, OrderedDelivery, Schedule{ServiceWindowEnabled, FromTime, ToTime}``;
a group ``Name, SendPorts, CustomData, Filter, Status, ApplicationName, Description``.
``Filter`` and ``TransportTypeData`` are the XML texts a binding file holds (escaped once
there), written by the binding writer and read back by the binding reader: JSON is turned into
a ``SendPort`` / ``DistributionList`` element and read by ``model.bindings.reader``, so a port
read from the API is exactly the port a binding file with the same values reads as.

Choices where the reference is silent:

* ``Status`` is ``Bound`` / ``Stopped`` / ``Started`` (ExplorerOM's PortStatus, as the
  reference's examples show "Started" and "Bound"); a POST or PUT body carries the state the
  client read, and state changes only through the Enlist/Unenlist/Start/Stop verbs.
* ``SendPipeline`` / ``ReceivePipeline`` and the transforms are full names (the examples show
  ``Microsoft.BizTalk.DefaultPipelines.PassThruTransmit``), not assembly-qualified names.
* ``EncryptionCert.CommonName`` is the binding file's ``ShortName``; ``Thumbprint`` its
  ``ThumbPrint``.
* A missing transport is written as the examples' empty backup transport (``Address`` "",
  ``TransportType`` null, retries 3 / 5, the default schedule) and read back as none.
* No filter is ``""`` (as the examples show), read back as none.

What the API does not carry is filled as a binding export writes it: the fully qualified name,
tracking option and description of BizTalk's default pipelines; the adapter's capabilities and
class id from the adapter catalog (``model.adapters``); the handler's ``HostTrusted`` from the
hosts (``trusted_hosts``); ``Primary``, ``DeliveryNotification`` 1, ``BindingOption`` 0.
Anything else (a custom pipeline's assembly, a map's assembly-qualified name, a certificate's
long name, an unconfigured backup transport) is lost on the way: :func:`rest_view` is a port or
group as the API holds it, which is what plans for a REST target compare.

Passwords: the server gives adapter settings with secrets blanked (``vt="1"``); they are read
as they come, blanked, never turned into an empty value, so that a compare (which blanks both
sides) sees no change and nothing writes an empty password by accident.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, TypeVar

from lxml import etree

from model.adapters import MASKED_PASSWORD, VariantType, adapter_spec
from model.bindings.reader import read_group, read_port
from model.bindings.writer import FILTER_DECL, G, filter_node, nested_text, render, settings_node
from model.domain import AdapterSettings, Filter, SendPort, SendPortGroup, Transport, is_token
from model.lifecycle_types import State
from model.secrets import is_secret_setting

__all__ = [
    "PayloadError",
    "blanked_secrets",
    "filter_text",
    "group_from_json",
    "group_to_json",
    "parse_status",
    "port_from_json",
    "port_to_json",
    "rest_view",
    "settings_text",
    "status_text",
]

_STATUS = {State.UNENLISTED: "Bound", State.STOPPED: "Stopped", State.STARTED: "Started"}
_DEFAULT_PIPELINES = "Microsoft.BizTalk.DefaultPipelines."
_DEFAULT_ASSEMBLY = (
    "Microsoft.BizTalk.DefaultPipelines, Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
)
_DEFAULT_TRACKING = "ServiceStartEnd MessageSendReceive PipelineEvents"
#: Tracking's JSON shape: (part, stage) -> the binding file's bit.
_TRACKING_BITS = {
    ("Body", "BeforeSendPipeline"): 1,
    ("Body", "AfterSendPipeline"): 2,
    ("Body", "BeforeReceivePipeline"): 4,
    ("Body", "AfterReceivePipeline"): 8,
    ("Property", "BeforeSendPipeline"): 16,
    ("Property", "AfterSendPipeline"): 32,
    ("Property", "BeforeReceivePipeline"): 64,
    ("Property", "AfterReceivePipeline"): 128,
}
_EMPTY_SCHEDULE = {"ServiceWindowEnabled": False, "FromTime": "2000-01-01T00:00:00", "ToTime": "2000-01-01T23:59:59"}

T = TypeVar("T")


class PayloadError(ValueError):
    """A port or group that the REST API cannot carry (a ``${Token}`` left in a typed field,
    JSON of the wrong shape); the message names the object and the field."""


def status_text(state: State) -> str:
    """The API's word for a state: Bound, Stopped, Started."""
    return _STATUS[state]


def parse_status(text: object, what: str = "object") -> State:
    """The state of a ``Status`` value (Bound, Stopped, Started; 1..3 also read)."""
    try:
        return State.parse(text if isinstance(text, str | int) else str(text))
    except ValueError:
        raise PayloadError(f"{what}: unknown Status {text!r}") from None


# -- domain -> JSON ----------------------------------------------------------------------------


def settings_text(settings: AdapterSettings | None) -> str | None:
    """``TransportTypeData``: the ``CustomProps`` document as text (None: no settings)."""
    if settings is None:
        return None
    if settings.unparsed is not None:
        return settings.unparsed
    return render(settings_node(settings), pretty=False)


def filter_text(flt: Filter | None) -> str:
    """``Filter``: the filter document as BizTalk writes it (UTF-16 declaration), "" for none."""
    if flt is None:
        return ""
    if flt.unparsed is not None:
        return flt.unparsed
    return nested_text(G("Filter", nested=filter_node(flt), nested_decl=FILTER_DECL, nested_pretty=True))


def _typed(value: object, kind: type[T], what: str, field: str) -> T:
    if is_token(value):
        raise PayloadError(f"{what}: {field} is the placeholder {value}; fill it from the environment first")
    if not isinstance(value, kind):
        raise PayloadError(f"{what}: {field} is {value!r}, not a {kind.__name__}")
    return value


def _transport_json(t: Transport | None, what: str) -> dict[str, Any]:
    if t is None:
        return {
            "Address": "",
            "TransportType": None,
            "TransportTypeData": None,
            "SendHandler": None,
            "RetryCount": 3,
            "RetryInterval": 5,
            "OrderedDelivery": False,
            "Schedule": dict(_EMPTY_SCHEDULE),
        }
    return {
        "Address": t.address if t.address is not None else "",
        "TransportType": t.adapter_name,
        "TransportTypeData": settings_text(t.settings),
        "SendHandler": t.send_handler.name if t.send_handler is not None else None,
        "RetryCount": _typed(t.retry_count, int, what, "RetryCount"),
        "RetryInterval": _typed(t.retry_interval, int, what, "RetryInterval"),
        "OrderedDelivery": _typed(t.ordered_delivery, bool, what, "OrderedDelivery"),
        "Schedule": {
            "ServiceWindowEnabled": _typed(t.service_window_enabled, bool, what, "ServiceWindowEnabled"),
            "FromTime": _typed(t.from_time, str, what, "FromTime"),
            "ToTime": _typed(t.to_time, str, what, "ToTime"),
        },
    }


def port_to_json(port: SendPort, *, status: State = State.UNENLISTED) -> dict[str, Any]:
    """The REST body of ``port`` (POST /SendPorts, PUT /SendPorts/{name}); raises
    :class:`PayloadError` for a value the API cannot carry."""
    what = f"send port '{port.name}'"
    tracking = _typed(port.tracking, int, what, "Tracking")
    cert = port.encryption_cert
    return {
        "Name": port.name,
        "Description": port.description,
        "ApplicationName": port.application,
        "IsDynamic": not _typed(port.is_static, bool, what, "IsStatic"),
        "IsTwoWay": _typed(port.is_two_way, bool, what, "IsTwoWay"),
        "Status": status_text(status),
        "CustomData": None,
        "PrimaryTransport": _transport_json(port.primary_transport, what),
        "SecondaryTransport": _transport_json(port.secondary_transport, what),
        "SendPipeline": port.send_pipeline.name if port.send_pipeline is not None else None,
        "SendPipelineData": port.send_pipeline_data,
        "ReceivePipeline": port.receive_pipeline.name if port.receive_pipeline is not None else None,
        "ReceivePipelineData": port.receive_pipeline_data,
        "InboundTransforms": [m.full_name for m in port.inbound_maps],
        "OutboundTransforms": [m.full_name for m in port.outbound_maps],
        "Tracking": {
            part: {stage: bool(tracking & bit) for (p, stage), bit in _TRACKING_BITS.items() if p == part}
            for part in ("Body", "Property")
        },
        "EncryptionCert": None if cert is None else {"CommonName": cert.short_name, "Thumbprint": cert.thumbprint},
        "Filter": filter_text(port.filter),
        "Priority": _typed(port.priority, int, what, "Priority"),
        "RouteFailedMessage": _typed(port.route_failed_messages, bool, what, "RouteFailedMessage"),
        "OrderedDelivery": _typed(port.ordered_delivery, bool, what, "OrderedDelivery"),
        "StopSendingOnFailure": _typed(port.stop_sending_on_failure, bool, what, "StopSendingOnFailure"),
    }


def group_to_json(group: SendPortGroup, *, status: State = State.UNENLISTED) -> dict[str, Any]:
    """The REST body of ``group`` (POST /SendPortGroups, PUT /SendPortGroups/{name})."""
    return {
        "Name": group.name,
        "SendPorts": list(dict.fromkeys(group.members)),
        "CustomData": None,
        "Filter": filter_text(group.filter),
        "Status": status_text(status),
        "ApplicationName": group.application,
        "Description": group.description,
    }


# -- JSON -> domain (through the binding reader) -----------------------------------------------


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _leaf(parent: etree._Element, tag: str, value: object) -> None:
    text = _text(value)
    if text is not None:
        etree.SubElement(parent, tag).text = text


def _object(data: object, what: str, field: str) -> Mapping[str, Any]:
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise PayloadError(f"{what}: {field} is not a JSON object")
    return data


def _pipeline(parent: etree._Element, tag: str, name: object, kind: int) -> None:
    if not name:
        return
    el = etree.SubElement(parent, tag, Name=str(name))
    if str(name).startswith(_DEFAULT_PIPELINES):  # as a binding export writes BizTalk's own
        el.set("FullyQualifiedName", f"{name}, {_DEFAULT_ASSEMBLY}")
    el.set("Type", str(kind))
    if str(name).startswith(_DEFAULT_PIPELINES):
        el.set("TrackingOption", _DEFAULT_TRACKING)
        el.set("Description", "")


def _adapter(parent: etree._Element, name: str) -> None:
    el = etree.SubElement(parent, "TransportType", Name=name)
    spec = adapter_spec(name)
    if spec is not None and spec.capabilities is not None:
        el.set("Capabilities", str(spec.capabilities))
    if spec is not None and spec.configuration_clsid:
        el.set("ConfigurationClsid", spec.configuration_clsid)


def _transport(port: etree._Element, tag: str, data: object, trusted: Collection[str], what: str) -> None:
    t = _object(data, what, tag)
    adapter, address = t.get("TransportType"), t.get("Address")
    if not adapter and not address:
        return  # the API's empty transport: none
    el = etree.SubElement(port, tag)
    _leaf(el, "Address", address)
    if adapter:
        _adapter(el, str(adapter))
    _leaf(el, "TransportTypeData", t.get("TransportTypeData"))
    schedule = _object(t.get("Schedule"), what, f"{tag}.Schedule")
    _leaf(el, "RetryCount", t.get("RetryCount"))
    _leaf(el, "RetryInterval", t.get("RetryInterval"))
    _leaf(el, "ServiceWindowEnabled", schedule.get("ServiceWindowEnabled"))
    _leaf(el, "FromTime", schedule.get("FromTime"))
    _leaf(el, "ToTime", schedule.get("ToTime"))
    _leaf(el, "Primary", tag == "PrimaryTransport")
    _leaf(el, "OrderedDelivery", t.get("OrderedDelivery"))
    _leaf(el, "DeliveryNotification", 1)
    handler = t.get("SendHandler")
    if handler:
        h = etree.SubElement(el, "SendHandler", Name=str(handler), HostTrusted=_text(str(handler) in trusted) or "")
        if adapter:
            _adapter(h, str(adapter))


def _maps(port: etree._Element, tag: str, names: object) -> None:
    el = etree.SubElement(port, tag)
    for name in names if isinstance(names, list) else ():
        etree.SubElement(el, "Transform", FullName=str(name))


def port_from_json(data: Mapping[str, Any], *, trusted_hosts: Collection[str] = ()) -> SendPort:
    """The send port a REST body describes, as a binding file with its values reads; the
    handler of a host in ``trusted_hosts`` is marked trusted. See the module docstring."""
    what = f"send port '{data.get('Name')}'"
    if not isinstance(data.get("Name"), str):
        raise PayloadError("a send port without a Name")
    el = etree.Element("SendPort", Name=data["Name"], IsStatic=_text(not data.get("IsDynamic")) or "")
    el.set("IsTwoWay", _text(bool(data.get("IsTwoWay"))) or "")
    el.set("BindingOption", "0")
    _leaf(el, "Description", data.get("Description"))
    _pipeline(el, "TransmitPipeline", data.get("SendPipeline"), 2)
    _leaf(el, "SendPipelineData", data.get("SendPipelineData"))
    _transport(el, "PrimaryTransport", data.get("PrimaryTransport"), trusted_hosts, what)
    _transport(el, "SecondaryTransport", data.get("SecondaryTransport"), trusted_hosts, what)
    cert = data.get("EncryptionCert")
    if cert:
        c = _object(cert, what, "EncryptionCert")
        attrs = {k: str(v) for k, v in (("ShortName", c.get("CommonName")), ("ThumbPrint", c.get("Thumbprint"))) if v}
        etree.SubElement(el, "EncryptionCert", attrs)
    _pipeline(el, "ReceivePipeline", data.get("ReceivePipeline"), 1)
    _leaf(el, "ReceivePipelineData", data.get("ReceivePipelineData"))
    tracking = _object(data.get("Tracking"), what, "Tracking")
    bits = sum(
        bit for (part, stage), bit in _TRACKING_BITS.items() if _object(tracking.get(part), what, part).get(stage)
    )
    _leaf(el, "Tracking", bits)
    _leaf(el, "Filter", data.get("Filter") or None)
    _maps(el, "Transforms", data.get("OutboundTransforms"))
    if data.get("InboundTransforms") or data.get("IsTwoWay"):
        _maps(el, "InboundTransforms", data.get("InboundTransforms"))
    for tag in ("OrderedDelivery", "Priority", "StopSendingOnFailure", "RouteFailedMessage", "ApplicationName"):
        _leaf(el, tag, data.get(tag))
    return read_port(el)


def group_from_json(data: Mapping[str, Any]) -> SendPortGroup:
    """The send port group a REST body describes (``SendPorts`` are its members)."""
    if not isinstance(data.get("Name"), str):
        raise PayloadError("a send port group without a Name")
    el = etree.Element("DistributionList", Name=data["Name"])
    refs = etree.SubElement(el, "SendPorts")
    members = data.get("SendPorts") or []
    if not isinstance(members, list):
        raise PayloadError(f"send port group '{data['Name']}': SendPorts is not a list")
    for m in members:
        etree.SubElement(refs, "SendPortRef", Name=str(m))
    _leaf(el, "Filter", data.get("Filter") or None)
    _leaf(el, "ApplicationName", data.get("ApplicationName"))
    _leaf(el, "Description", data.get("Description"))
    return read_group(el)


def rest_view(obj: SendPort | SendPortGroup, *, trusted_hosts: Collection[str] = ()) -> SendPort | SendPortGroup:
    """``obj`` as the REST API holds it: what it carries kept, the rest as a binding export
    writes it (see the module docstring). Idempotent."""
    if isinstance(obj, SendPort):
        return port_from_json(port_to_json(obj), trusted_hosts=trusted_hosts)
    return group_from_json(group_to_json(obj))


def blanked_secrets(port: SendPort) -> list[str]:
    """The secret adapter settings of ``port`` that hold no value (an export's ``vt="1"``, empty,
    or ``******`` inside a wrapped document): sending them would clear the password."""
    out: list[str] = []
    for label, t in (("primary", port.primary_transport), ("backup", port.secondary_transport)):
        if t is None or t.settings is None:
            continue
        for prop in t.settings.properties:
            secret = is_secret_setting(prop.name, t.adapter_name)
            empty = prop.vt == VariantType.VT_NULL or not (prop.value or "").strip()
            if (secret and empty) or (prop.is_xml and f">{MASKED_PASSWORD}<" in (prop.value or "")):
                out.append(f"{prop.name} ({label} transport)")
    return out
