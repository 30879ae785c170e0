"""What a send port cannot have changed, and why: the rules behind greyed-out settings.

:func:`locked_fields` maps a setting's path to the sentence that explains why this port
cannot have it changed now (a dynamic port has no backup transport, stop-on-failure needs
ordered delivery, a one-way port has no receive pipeline...); editors grey those settings
out with the sentence as the reason, and ``model.port_edits`` refuses the same edits with
:class:`PortEditError`. Sources: how-to-configure-backup-transport-options-for-a-send-port
(dynamic ports; only solicit-response adapters for a solicit-response port) and
ordered-delivery-of-messages (stop sending subsequent messages on failure).
"""

from __future__ import annotations

from model import adapters
from model.domain import SendPort, TrackingFlag, is_token

__all__ = ["PortEditError", "adapters_for", "locked_fields", "require"]

# Why a setting is not available: sentences for tooltips and notes (translated at the edge).
DYNAMIC_TRANSPORT = "A dynamic send port gets its address and adapter from each message at run time."
DYNAMIC_OPTIONS = "A dynamic send port takes its transport options from each message at run time."
DYNAMIC_BACKUP = "A dynamic send port has no backup transport."
BACKUP_OFF = "Turn the backup transport on first."
WINDOW_OFF = "Turn the service window on first."
NEEDS_ORDERED = "Only with ordered delivery: turn ordered delivery on first."
ONE_WAY_RECEIVE = "A one-way send port gets no response: it has no receive pipeline."
ONE_WAY_INBOUND = "Inbound maps apply to responses: only solicit-response ports have them."
ONE_WAY_TRACKING = "A one-way send port gets no response to track."
PLACEHOLDER = "A placeholder filled in per environment; edit it in the binding file."
NEEDS_ADDRESS = "A static send port needs an address."
NEEDS_SEND_PIPELINE = "A send port needs a send pipeline."

_RECEIVE_FLAGS = (
    TrackingFlag.BODY_BEFORE_RECEIVE,
    TrackingFlag.BODY_AFTER_RECEIVE,
    TrackingFlag.PROPERTIES_BEFORE_RECEIVE,
    TrackingFlag.PROPERTIES_AFTER_RECEIVE,
)


class PortEditError(ValueError):
    """An edit BizTalk does not allow on this port; ``field`` is the setting's path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _static(port: SendPort) -> bool:
    return port.is_static is not False


def _two_way(port: SendPort) -> bool:
    return port.is_two_way is True


# -- what the port can have -----------------------------------------------------------------


def adapters_for(port: SendPort) -> list[str]:
    """The catalog's adapters this port may use, sorted: only solicit-response ones for a
    solicit-response port (static or dynamic: a dynamic port picks one per message)."""
    names = adapters.two_way_adapters() if _two_way(port) else list(adapters.ADAPTERS)
    return sorted(names, key=str.lower)


def locked_fields(port: SendPort) -> dict[str, str]:
    """Setting path -> why this port cannot have it changed now (absent: it can)."""
    locks: dict[str, str] = {}
    t, b = port.primary_transport, port.secondary_transport
    if not _static(port):
        for part in ("adapter", "address", "send_handler", "settings"):
            locks[f"primary_transport.{part}"] = DYNAMIC_TRANSPORT
        for part in ("retry_count", "retry_interval", "service_window_enabled", "from_time", "to_time"):
            locks[f"primary_transport.{part}"] = DYNAMIC_OPTIONS
        locks["secondary_transport"] = DYNAMIC_BACKUP
    elif b is None or not b.is_configured:
        for part in ("adapter", "address", "send_handler", "settings"):
            locks[f"secondary_transport.{part}"] = BACKUP_OFF
    if t is None:
        for part in ("retry_count", "retry_interval", "service_window_enabled", "from_time", "to_time"):
            locks.setdefault(f"primary_transport.{part}", DYNAMIC_OPTIONS)
    else:
        if t.service_window_enabled is not True:
            locks.setdefault("primary_transport.from_time", WINDOW_OFF)
            locks.setdefault("primary_transport.to_time", WINDOW_OFF)
        for part in ("retry_count", "retry_interval", "from_time", "to_time"):  # shown, not editable here
            if is_token(getattr(t, part)):
                locks.setdefault(f"primary_transport.{part}", PLACEHOLDER)
    if port.ordered_delivery is not True:
        locks["stop_sending_on_failure"] = NEEDS_ORDERED
    if not _two_way(port):
        locks["receive_pipeline"] = locks["receive_pipeline_data"] = ONE_WAY_RECEIVE
        locks["inbound_maps"] = ONE_WAY_INBOUND
        for flag in _RECEIVE_FLAGS:
            locks[f"tracking.{flag.name.lower()}"] = ONE_WAY_TRACKING
    for name in ("tracking", "priority"):
        if is_token(getattr(port, name)):
            locks[name] = PLACEHOLDER
    return locks


def require(port: SendPort, path: str) -> None:
    """Refuse an edit of ``path`` when the port cannot have it (see :func:`locked_fields`)."""
    reason = locked_fields(port).get(path)
    if reason is None and path.startswith("secondary_transport."):
        reason = locked_fields(port).get("secondary_transport")
    if reason is not None:
        raise PortEditError(path, reason)
