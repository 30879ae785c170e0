"""Every setting of a send port or group as shown, by the field names ``model.field_paths``
sets: ``primary.address``, ``backup.retry_count``, ``primary.settings.FileName``...

A reading has the text ``portwright show`` prints, the value its JSON gives and the stored value
to compare, never shown: a password or key reads only as set or not set, and credentials in
addresses and connection strings are masked. :class:`FieldChange` is one field an edit changed,
as ``set`` reports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from model import port_edits, transport_options
from model.bindings.blanking import mask_secrets
from model.domain import Filter, Map, Pipeline, SendPort, SendPortGroup, TrackingFlag
from model.secrets import mask_text
from model.setting_paths import read_settings

__all__ = [
    "CERTIFICATE_PARTS",
    "NONE",
    "NOT_SET",
    "SET",
    "FieldChange",
    "Reading",
    "changes",
    "read_group",
    "read_port",
]

NONE, SET, NOT_SET = "(none)", "(set)", "(not set)"
#: The encryption certificate's fields, as ``certificate.PART``.
CERTIFICATE_PARTS = ("long_name", "short_name", "thumbprint", "usage_type")


@dataclass(frozen=True)
class Reading:
    """One field as ``show`` gives it: ``text`` to print, ``value`` for JSON (None for a secret),
    ``stored`` to compare (never shown), ``secret`` whether it is hidden."""

    text: str
    value: Any
    stored: Any
    secret: bool = False


@dataclass(frozen=True)
class FieldChange:
    """A field an edit changed (``old``/``new`` None: the field was not there / is gone)."""

    field: str
    old: Reading | None
    new: Reading | None

    def line(self) -> str:
        """``FIELD: old → new``, a secret shown only as set or not set."""
        secret = any(r is not None and r.secret for r in (self.old, self.new))
        missing = NOT_SET if secret else NONE
        old = self.old.text if self.old is not None else missing
        new = self.new.text if self.new is not None else missing
        if old == new == SET:
            new = "(set, changed)"
        return f"{self.field}: {old} → {new}"


def _text(value: str | None) -> Reading:
    if value is None or value == "":
        return Reading(NONE, None, value)
    shown = mask_secrets(value) if value.lstrip().startswith("<") else mask_text(value)
    return Reading(shown, shown, value)


def _flag(value: bool | str) -> Reading:
    if isinstance(value, bool):
        return Reading("on" if value else "off", value, value)
    return Reading(value, value, value)  # a placeholder


def _plain(value: int | str) -> Reading:
    return Reading(str(value), value, value)


def _names(items: Sequence[Map] | Sequence[str]) -> Reading:
    names = [m.full_name if isinstance(m, Map) else m for m in items]
    return Reading(", ".join(names) or NONE, names, tuple(names))


def _pipeline(p: Pipeline | None) -> Reading:
    return Reading(NONE, None, None) if p is None else Reading(p.name, p.name, p)


def _filter(f: Filter | None) -> Reading:
    if f is None or f.is_empty:
        return Reading(NONE, None, None)
    if f.unparsed is not None:
        return Reading(f.text(), None, f)
    return Reading(f.text(), [[s.text() for s in g.statements] for g in f.groups if g.statements], f)


def _tracking(value: int | str) -> Reading:
    if isinstance(value, str):
        return Reading(value, value, value)
    flags = [f.name.lower() for f in TrackingFlag if value & f]
    return Reading(", ".join(flags) or "none", flags, value)


def _window_time(port: SendPort, backup: bool, end: port_edits.Window, raw: str) -> Reading:
    at = transport_options.service_window_time(port, backup, end)
    return _plain(at.isoformat() if at is not None else raw)


def _transport(port: SendPort, backup: bool) -> dict[str, Reading]:
    head = "backup" if backup else "primary"
    t = port.secondary_transport if backup else port.primary_transport
    out: dict[str, Reading] = {}
    if backup:
        out["backup.enabled"] = _flag(t is not None and t.is_configured)
        if t is None or not t.is_configured:
            return out
    if t is None:
        return out  # a dynamic port: each message says where and how
    out |= {
        f"{head}.adapter": _text(t.adapter_name),
        f"{head}.address": _text(t.address),
        f"{head}.send_handler": _text(t.send_handler.name if t.send_handler else None),
        f"{head}.retry_count": _plain(t.retry_count),
        f"{head}.retry_interval": _plain(t.retry_interval),
        f"{head}.service_window": _flag(t.service_window_enabled),
        f"{head}.from": _window_time(port, backup, "from_time", t.from_time),
        f"{head}.to": _window_time(port, backup, "to_time", t.to_time),
    }
    for s in read_settings(t):
        key = f"{head}.settings.{s.name}"
        if s.secret:
            out[key] = Reading(SET if s.is_set else NOT_SET, None, s.stored, secret=True)
        else:
            out[key] = Reading(s.shown or NONE, s.shown, s.stored)
    if t.settings is not None and t.settings.unparsed is not None:
        out[f"{head}.settings"] = Reading("(unreadable settings)", None, t.settings.unparsed)
    return out


def read_port(port: SendPort) -> dict[str, Reading]:
    """Every setting of ``port`` by field name, in the order of the property pages."""
    two_way = port.is_two_way is True
    out = {
        "description": _text(port.description),
        "priority": _plain(port.priority),
        "ordered_delivery": _flag(port.ordered_delivery),
        "stop_sending_on_failure": _flag(port.stop_sending_on_failure),
        "route_failed_messages": _flag(port.route_failed_messages),
        **_transport(port, False),
        **_transport(port, True),
        "send_pipeline": _pipeline(port.send_pipeline),
        "send_pipeline_data": _text(port.send_pipeline_data),
    }
    if two_way or port.receive_pipeline is not None:
        out["receive_pipeline"] = _pipeline(port.receive_pipeline)
        out["receive_pipeline_data"] = _text(port.receive_pipeline_data)
    out["outbound_maps"] = _names(port.outbound_maps)
    if two_way or port.inbound_maps:
        out["inbound_maps"] = _names(port.inbound_maps)
    out["filter"] = _filter(port.filter)
    out["tracking"] = _tracking(port.tracking)
    if port.encryption_cert is not None:
        for part in CERTIFICATE_PARTS:
            out[f"certificate.{part}"] = _text(getattr(port.encryption_cert, part))
    return out


def read_group(group: SendPortGroup) -> dict[str, Reading]:
    """Every setting of ``group`` by field name (its members are listed apart)."""
    return {"description": _text(group.description), "filter": _filter(group.filter)}


def changes(before: dict[str, Reading], after: dict[str, Reading]) -> list[FieldChange]:
    """The fields whose stored values differ between two readings, in the order of ``after``."""
    keys = dict.fromkeys([*after, *before])
    out = []
    for key in keys:
        old, new = before.get(key), after.get(key)
        if (old.stored if old else None) != (new.stored if new else None):
            out.append(FieldChange(key, old, new))
    return out
