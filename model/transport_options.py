"""Retries and service window of either transport (the rules behind the editor's option rows).

``model.port_edits`` edits these options of the primary transport; the backup transport has
the same fields (``RetryCount``, ``RetryInterval``, ``ServiceWindowEnabled``, ``FromTime``,
``ToTime`` under ``SecondaryTransport``). For the backup, these functions make the same
change through the domain's validating :func:`model.domain.replace`, after the same lock
check (:func:`model.port_locks.require`), and add the two locks the console applies to the
backup's options: none while the backup transport is off, no times while its window is off.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from model import port_edits
from model.domain import SendPort, Transport, is_token, replace
from model.port_locks import BACKUP_OFF, PLACEHOLDER, WINDOW_OFF, PortEditError, require

__all__ = [
    "OPTIONS",
    "option_locks",
    "service_window_time",
    "with_retries",
    "with_service_window",
    "with_service_window_time",
]

#: The transport options these functions edit, as field names of :class:`Transport`.
OPTIONS = ("retry_count", "retry_interval", "service_window_enabled", "from_time", "to_time")


def _attr(backup: bool) -> str:
    return "secondary_transport" if backup else "primary_transport"


def option_locks(port: SendPort, backup: bool) -> dict[str, str]:
    """``{option: why it cannot be changed now}`` for one transport's options (untranslated)."""
    attr = _attr(backup)
    locks = port_edits.locked_fields(port)
    out = {part: locks[f"{attr}.{part}"] for part in OPTIONS if f"{attr}.{part}" in locks}
    if not backup:
        return out
    if "secondary_transport" in locks:
        return dict.fromkeys(OPTIONS, locks["secondary_transport"])
    t = port.secondary_transport
    if t is None or not t.is_configured:
        return dict.fromkeys(OPTIONS, BACKUP_OFF)
    if t.service_window_enabled is not True:
        out.setdefault("from_time", WINDOW_OFF)
        out.setdefault("to_time", WINDOW_OFF)
    for part in ("retry_count", "retry_interval", "from_time", "to_time"):
        if is_token(getattr(t, part)):
            out.setdefault(part, PLACEHOLDER)
    return out


def _with_backup(port: SendPort, **changes: Any) -> SendPort:
    locks = option_locks(port, True)
    for name in changes:
        require(port, f"secondary_transport.{name}")
        if name in locks:
            raise PortEditError(f"secondary_transport.{name}", locks[name])
    t = port.secondary_transport or Transport(primary=False)
    return replace(port, secondary_transport=replace(t, **changes))


def with_retries(port: SendPort, backup: bool, *, count: int | None = None, interval: int | None = None) -> SendPort:
    """The transport's retry count and/or interval (minutes)."""
    if not backup:
        return port_edits.with_retries(port, count=count, interval=interval)
    changes = {k: v for k, v in (("retry_count", count), ("retry_interval", interval)) if v is not None}
    return _with_backup(port, **changes)


def with_service_window(port: SendPort, backup: bool, on: bool) -> SendPort:
    """Send only inside the daily window (its times are kept while it is off)."""
    if not backup:
        return port_edits.with_service_window(port, on)
    return _with_backup(port, service_window_enabled=on)


def service_window_time(port: SendPort, backup: bool, end: port_edits.Window) -> time | None:
    """The time of day the window starts (``from_time``) or ends; None when it is not a time."""
    if not backup:
        return port_edits.service_window_time(port, end)
    t = port.secondary_transport
    value = getattr(t, end) if t is not None else None
    if not isinstance(value, str) or is_token(value):
        return None
    try:
        return datetime.fromisoformat(value[:19]).time()
    except ValueError:
        return None


def with_service_window_time(port: SendPort, backup: bool, end: port_edits.Window, value: time) -> SendPort:
    """The window's start or end at ``value``, keeping the stored date (2000-01-01 as the console writes)."""
    if not backup:
        return port_edits.with_service_window_time(port, end, value)
    t = port.secondary_transport
    old = getattr(t, end) if t is not None else None
    date = old[:10] if isinstance(old, str) and len(old) >= 10 and not is_token(old) else "2000-01-01"
    return _with_backup(port, **{end: f"{date}T{value.replace(microsecond=0).isoformat()}"})
