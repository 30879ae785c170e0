"""Edits of one send port's (or group's) settings, under BizTalk's rules: one function per
thing a user does.

Every function takes a port and returns a changed copy, validated through the domain models
(:func:`model.domain.replace`), or raises :class:`PortEditError` saying why BizTalk does not
allow it (the rules are ``model.port_locks``'s). They hold no Qt so that the property editors
and the command line apply the same rules: a dynamic port has no backup transport,
stop-on-failure needs ordered delivery, a solicit-response port only takes solicit-response
adapters, changing the adapter starts from its default settings... are each written once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any, Literal

from model import adapters
from model.domain import (
    PASS_THRU_TRANSMIT,
    XML_RECEIVE,
    AdapterProperty,
    AdapterSettings,
    AdapterType,
    Certificate,
    Filter,
    Map,
    Pipeline,
    SendHandler,
    SendPort,
    SendPortGroup,
    TrackingFlag,
    Transport,
    is_token,
    replace,
)
from model.port_locks import NEEDS_ADDRESS, NEEDS_SEND_PIPELINE, PortEditError, adapters_for, locked_fields, require

__all__ = [
    "BACKUP_ADAPTER_FALLBACK",
    "PortEditError",
    "adapters_for",
    "locked_fields",
    "service_window_time",
    "settings_with_property",
    "with_adapter",
    "with_address",
    "with_backup_adapter",
    "with_backup_transport",
    "with_certificate",
    "with_description",
    "with_filter",
    "with_group_description",
    "with_group_filter",
    "with_maps",
    "with_ordered_delivery",
    "with_pipeline",
    "with_pipeline_data",
    "with_primary_adapter",
    "with_priority",
    "with_retries",
    "with_route_failed_messages",
    "with_send_handler",
    "with_service_window",
    "with_service_window_time",
    "with_settings",
    "with_stop_sending_on_failure",
    "with_tracking_flag",
]

#: The adapter a new backup transport gets when the primary has none (a dynamic port's).
BACKUP_ADAPTER_FALLBACK = "FILE"

Which = Literal["send", "receive"]
Window = Literal["from_time", "to_time"]


def _static(port: SendPort) -> bool:
    return port.is_static is not False


def _attr(backup: bool) -> str:
    return "secondary_transport" if backup else "primary_transport"


_DEFAULT_PIPELINES = {
    p.name: p
    for p in (
        PASS_THRU_TRANSMIT,
        XML_RECEIVE,
        Pipeline(
            name="Microsoft.BizTalk.DefaultPipelines.XMLTransmit",
            type=2,
            fully_qualified_name=(PASS_THRU_TRANSMIT.fully_qualified_name or "").replace(
                "PassThruTransmit", "XMLTransmit", 1
            ),
        ),
        Pipeline(
            name="Microsoft.BizTalk.DefaultPipelines.PassThruReceive",
            type=1,
            fully_qualified_name=(XML_RECEIVE.fully_qualified_name or "").replace("XMLReceive", "PassThruReceive", 1),
        ),
    )
}


# -- transports -----------------------------------------------------------------------------


def _adapter_type(name: str) -> AdapterType:
    """``TransportType`` of adapter ``name`` with the catalog's registration (when it knows it)."""
    spec = adapters.adapter_spec(name)
    return AdapterType(
        name=spec.name if spec else name,
        capabilities=spec.capabilities if spec else None,
        configuration_clsid=spec.configuration_clsid if spec else None,
    )


def _default_settings(name: str) -> AdapterSettings:
    return AdapterSettings(properties=tuple(AdapterProperty(n, vt, v) for n, vt, v in adapters.default_settings(name)))


def with_adapter(transport: Transport | None, adapter_name: str, *, primary: bool = True) -> Transport:
    """``transport`` (a new one when None) on adapter ``adapter_name``, with the catalog's default
    settings for it (none for an adapter the catalog lacks). The address and retry options stay;
    the send handler keeps its host and now runs the new adapter. The same adapter: unchanged."""
    base = transport if transport is not None else Transport(primary=primary)
    if base.adapter_name == adapter_name:
        return base
    adapter = _adapter_type(adapter_name)
    handler = base.send_handler
    if handler is not None:
        handler = replace(handler, adapter=adapter)
    return replace(base, adapter=adapter, settings=_default_settings(adapter_name), send_handler=handler)


def _no_backup(t: Transport | None) -> Transport:
    """BizTalk's "no backup transport": the element stays, with an empty address and no adapter;
    its retry and service-window values are kept so that turning the backup on again restores them."""
    base = t or Transport(primary=False)
    return replace(base, address="", adapter=None, settings=None, send_handler=None, primary=False)


def with_backup_transport(port: SendPort, on: bool) -> SendPort:
    """Turn the backup transport on (on the primary's adapter, with its defaults; the address is
    left to fill in) or off (BizTalk's empty backup). A dynamic port has none to turn on."""
    backup = port.secondary_transport
    if not on:
        return replace(port, secondary_transport=_no_backup(backup))
    require(port, "secondary_transport")
    if backup is not None and backup.is_configured:
        return port
    primary = port.primary_transport
    name = primary.adapter_name if primary is not None and primary.adapter_name else BACKUP_ADAPTER_FALLBACK
    return replace(port, secondary_transport=with_adapter(_backup_base(backup), name, primary=False))


def with_backup_adapter(port: SendPort, adapter_name: str | None) -> SendPort:
    """The backup transport on ``adapter_name``; no name turns the backup transport off."""
    if not adapter_name:
        return with_backup_transport(port, False)
    require(port, "secondary_transport")
    return replace(
        port, secondary_transport=with_adapter(_backup_base(port.secondary_transport), adapter_name, primary=False)
    )


def _backup_base(t: Transport | None) -> Transport:
    """What a backup transport being set up starts from: its kept options, an address to fill in."""
    base = t or Transport(primary=False)
    return replace(base, address=base.address or "", primary=False)


def _with_transport(port: SendPort, backup: bool, **changes: Any) -> SendPort:
    for name in changes:
        require(port, f"{_attr(backup)}.{name}")
    t = getattr(port, _attr(backup)) or Transport(primary=not backup)
    return replace(port, **{_attr(backup): replace(t, **changes)})


def with_primary_adapter(port: SendPort, adapter_name: str) -> SendPort:
    """The primary transport on ``adapter_name`` (see :func:`with_adapter`)."""
    require(port, "primary_transport.adapter")
    if adapter_name not in adapters_for(port) and adapters.adapter_spec(adapter_name) is not None:
        raise PortEditError(
            "primary_transport.adapter",
            f"The {adapter_name} adapter cannot receive a response: a solicit-response port "
            "needs a solicit-response adapter.",
        )
    return replace(port, primary_transport=with_adapter(port.primary_transport, adapter_name))


def with_address(port: SendPort, address: str | None, *, backup: bool = False) -> SendPort:
    """The transport's address (URI); a static port's primary transport must have one."""
    if not backup and _static(port) and not (address or "").strip():
        raise PortEditError("primary_transport.address", NEEDS_ADDRESS)
    return _with_transport(port, backup, address=address or "")


def with_send_handler(port: SendPort, host: str | None, *, backup: bool = False) -> SendPort:
    """The host that runs the transport's adapter (None: BizTalk's default handler)."""
    t = getattr(port, _attr(backup)) or Transport(primary=not backup)
    if not host:
        return _with_transport(port, backup, send_handler=None)
    old = t.send_handler
    handler = replace(old, name=host) if old is not None else SendHandler(name=host, adapter=t.adapter)
    return _with_transport(port, backup, send_handler=handler)


def with_settings(port: SendPort, settings: AdapterSettings | None, *, backup: bool = False) -> SendPort:
    """The transport's adapter settings (``TransportTypeData``)."""
    return _with_transport(port, backup, settings=settings)


def settings_with_property(settings: AdapterSettings, name: str, prop: AdapterProperty) -> AdapterSettings:
    """``settings`` with property ``name`` replaced by ``prop`` (renamed or retyped in its place)."""
    return replace(settings, properties=tuple(prop if p.name == name else p for p in settings.properties))


def with_retries(port: SendPort, *, count: int | None = None, interval: int | None = None) -> SendPort:
    """The primary transport's retry count and/or interval (minutes)."""
    changes = {k: v for k, v in (("retry_count", count), ("retry_interval", interval)) if v is not None}
    return _with_transport(port, False, **changes)


def with_service_window(port: SendPort, on: bool) -> SendPort:
    """Send only inside the daily window (its times are kept while it is off)."""
    return _with_transport(port, False, service_window_enabled=on)


def service_window_time(port: SendPort, end: Window) -> time | None:
    """The time of day of the window's start (``from_time``) or end; None when it is not a time."""
    t = port.primary_transport
    value = getattr(t, end) if t is not None else None
    if not isinstance(value, str) or is_token(value):
        return None
    try:
        return datetime.fromisoformat(value[:19]).time()
    except ValueError:
        return None


def with_service_window_time(port: SendPort, end: Window, value: time) -> SendPort:
    """The window's start or end at ``value``; BizTalk stores an xs:dateTime whose date (2000-01-01
    as the console writes it) is kept as found."""
    t = port.primary_transport
    old = getattr(t, end) if t is not None else None
    date = old[:10] if isinstance(old, str) and len(old) >= 10 and not is_token(old) else "2000-01-01"
    return _with_transport(port, False, **{end: f"{date}T{value.replace(microsecond=0).isoformat()}"})


# -- delivery ------------------------------------------------------------------------------


def with_ordered_delivery(port: SendPort, on: bool) -> SendPort:
    """Ordered delivery on or off; off also clears "stop sending subsequent messages on failure",
    which BizTalk applies only with ordered delivery. The primary transport carries the flag too."""
    changes: dict[str, Any] = {"ordered_delivery": on}
    if not on:
        changes["stop_sending_on_failure"] = False
    if port.primary_transport is not None:
        changes["primary_transport"] = replace(port.primary_transport, ordered_delivery=on)
    return replace(port, **changes)


def with_stop_sending_on_failure(port: SendPort, on: bool) -> SendPort:
    """Suspend the port (rather than only the failed message) when a message fails: ordered delivery only."""
    if on:
        require(port, "stop_sending_on_failure")
    return replace(port, stop_sending_on_failure=on)


def with_route_failed_messages(port: SendPort, on: bool) -> SendPort:
    """Publish a failed message with ErrorReport properties instead of suspending it."""
    return replace(port, route_failed_messages=on)


def with_priority(port: SendPort, priority: int) -> SendPort:
    """1 (highest) to 10 (lowest)."""
    return replace(port, priority=priority)


# -- the rest -------------------------------------------------------------------------------


def with_description(port: SendPort, text: str | None) -> SendPort:
    return replace(port, description=text or None)


def with_pipeline(port: SendPort, which: Which, name: str | None) -> SendPort:
    """The send or receive pipeline called ``name``. A renamed pipeline keeps its assembly (the
    type name is swapped inside the fully qualified name); BizTalk's default pipelines get theirs.
    Every port needs a send pipeline; only a solicit-response port has a receive pipeline."""
    attr, kind = ("send_pipeline", 2) if which == "send" else ("receive_pipeline", 1)
    if not name:
        if which == "send":
            raise PortEditError(attr, NEEDS_SEND_PIPELINE)
        return replace(port, **{attr: None})
    if which == "receive":
        require(port, attr)
    old: Pipeline | None = getattr(port, attr)
    if old is not None and old.name == name:
        return port
    if old is None:
        return replace(port, **{attr: _DEFAULT_PIPELINES.get(name) or Pipeline(name=name, type=kind)})
    fqn = old.fully_qualified_name
    if fqn and old.name in fqn:
        fqn = fqn.replace(old.name, name, 1)
    return replace(port, **{attr: replace(old, name=name, fully_qualified_name=fqn)})


def with_pipeline_data(port: SendPort, which: Which, text: str | None) -> SendPort:
    """Per-port pipeline configuration (``SendPipelineData`` / ``ReceivePipelineData``)."""
    attr = f"{which}_pipeline_data"
    if which == "receive" and text:
        require(port, attr)
    return replace(port, **{attr: text or None})


def with_maps(port: SendPort, which: Literal["outbound", "inbound"], maps: Sequence[Map]) -> SendPort:
    """Outbound maps, or inbound maps (responses: solicit-response ports only)."""
    attr = f"{which}_maps"
    if which == "inbound" and maps:
        require(port, attr)
    return replace(port, **{attr: tuple(maps)})


def with_filter(port: SendPort, f: Filter | None) -> SendPort:
    return replace(port, filter=f)


def with_certificate(port: SendPort, **changes: str | None) -> SendPort:
    """The encryption certificate with ``changes`` (long_name, short_name, thumbprint, usage_type);
    one with nothing left in it is no certificate."""
    cert = replace(port.encryption_cert or Certificate(), **{k: v or None for k, v in changes.items()})
    empty = all(v is None for v in cert.__dict__.values())
    return replace(port, encryption_cert=None if empty else cert)


def with_tracking_flag(port: SendPort, flag: TrackingFlag, on: bool) -> SendPort:
    """One tracking flag on or off (response flags: solicit-response ports only)."""
    require(port, "tracking")
    if on:
        require(port, f"tracking.{flag.name.lower()}")
    value = int(port.tracking)
    return replace(port, tracking=(value | int(flag)) if on else (value & ~int(flag)))


# -- groups ---------------------------------------------------------------------------------


def with_group_description(group: SendPortGroup, text: str | None) -> SendPortGroup:
    """A group's description (BizTalk keeps at most 256 characters: the domain refuses more)."""
    return replace(group, description=text or None)


def with_group_filter(group: SendPortGroup, f: Filter | None) -> SendPortGroup:
    return replace(group, filter=f)
