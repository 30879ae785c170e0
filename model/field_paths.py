"""Settings of a send port or group named by the dotted paths people type: ``description``,
``primary.address``, ``backup.retry_count``, ``primary.settings.FileName``...

The names ``portwright show`` prints (``model.field_readings``) are the names ``portwright set``
takes. :func:`apply_to_port` applies ``FIELD=VALUE`` assignments, in order, through the
rule-checked edit functions of ``model.port_edits`` and ``model.transport_options`` (one per
thing a user does, refusing with :class:`PortEditError` and BizTalk's reason) and the domain's
validating :func:`model.domain.replace`, and says which fields changed, side effects included.
A field that does not exist, or a value that is no value of it, is a :class:`FieldPathError`
naming the field as typed (and, for an unknown field, the closest names). No Qt, no store: the
command line and any other caller share it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import time
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from model import port_edits, transport_options
from model.domain import SendPort, SendPortGroup, TrackingFlag, Transport
from model.field_checks import check_value
from model.field_readings import (
    CERTIFICATE_PARTS,
    NONE,
    NOT_SET,
    SET,
    FieldChange,
    Reading,
    changes,
    read_group,
    read_port,
)
from model.port_locks import PortEditError, require
from model.setting_paths import SettingProblem, setting_names, with_setting

__all__ = [
    "NONE",
    "NOT_SET",
    "SET",
    "Assignment",
    "FieldChange",
    "FieldPathError",
    "Outcome",
    "PortEditError",
    "Reading",
    "apply_to_group",
    "apply_to_port",
    "parse_assignment",
    "port_field_names",
    "read_group",
    "read_port",
]

_ON = frozenset({"on", "true", "yes", "1"})
_OFF = frozenset({"off", "false", "no", "0"})
_TRANSPORTS = {"primary": False, "backup": True}
_HEADS = {
    "primary_transport": "primary",
    "transport": "primary",
    "secondary_transport": "backup",
    "secondary": "backup",
}
_PARTS = {"from_time": "from", "to_time": "to", "service_window_enabled": "service_window", "handler": "send_handler"}
_M = TypeVar("_M", SendPort, SendPortGroup)


class FieldPathError(ValueError):
    """A field that does not exist or cannot be set this way, or a value it cannot take."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Assignment:
    """``FIELD=VALUE`` as typed (the value is text; an empty one clears what can be cleared)."""

    field: str
    value: str


def parse_assignment(text: str) -> Assignment:
    field, sep, value = text.partition("=")
    if not sep or not field.strip():
        raise FieldPathError(field.strip() or text, "expected FIELD=VALUE, e.g. primary.retry_count=5")
    return Assignment(field.strip(), value)


@dataclass(frozen=True)
class Outcome:
    """The edited copy and the fields whose values it changed (side effects included)."""

    model: Any
    changes: list[FieldChange]


# -- values ------------------------------------------------------------------------------------


def _on(field: str, text: str) -> bool:
    word = text.strip().casefold()
    if word in _ON | _OFF:
        return word in _ON
    raise FieldPathError(field, f"expected on or off (or true/false, yes/no), not '{text}'")


def _whole(field: str, text: str, cls: type[BaseModel], name: str) -> int:
    try:
        number = int(text.strip(), 10)
    except ValueError:
        raise FieldPathError(field, f"expected a whole number, not '{text}'") from None
    problem = check_value(cls, name, number)
    if problem is not None:
        raise FieldPathError(field, problem[:1].lower() + problem[1:])
    return number


def _clock(field: str, text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise FieldPathError(field, f"expected a time of day such as 08:30 or 17:45:00, not '{text}'") from None


def _flags(field: str, text: str) -> set[TrackingFlag]:
    words = [w.strip().casefold().replace("-", "_") for w in text.split(",") if w.strip()]
    if not words or words == ["none"]:
        return set()
    if len(words) == 1 and words[0].isdigit():
        bits = _whole(field, words[0], SendPort, "tracking")
        return {f for f in TrackingFlag if bits & f}
    known = {f.name.lower(): f for f in TrackingFlag}
    unknown = [w for w in words if w not in known]
    if unknown:
        raise FieldPathError(field, f"unknown tracking flag '{unknown[0]}'; use none or some of {', '.join(known)}")
    return {known[w] for w in words}


# -- writing -----------------------------------------------------------------------------------

_Writer = Callable[[SendPort, str, str], SendPort]  # (port, field as typed, value)


def _set_tracking(port: SendPort, field: str, text: str) -> SendPort:
    wanted = _flags(field, text)
    require(port, "tracking")
    for on in (False, True):  # turning off first: a refused flag leaves nothing half done
        for flag in TrackingFlag:
            if (flag in wanted) == on and bool(int(port.tracking) & flag) != on:
                port = port_edits.with_tracking_flag(port, flag, on)
    return port


def _set_priority(port: SendPort, field: str, text: str) -> SendPort:
    require(port, "priority")
    return port_edits.with_priority(port, _whole(field, text, SendPort, "priority"))


def _flag_writer(flag: TrackingFlag) -> _Writer:
    return lambda p, f, v: port_edits.with_tracking_flag(p, flag, _on(f, v))


def _certificate_writer(part: str) -> _Writer:
    return lambda p, f, v: port_edits.with_certificate(p, **{part: v})


def _transport_writers(head: str, backup: bool) -> dict[str, _Writer]:
    opts = transport_options
    return {
        f"{head}.adapter": (
            (lambda p, f, v: port_edits.with_backup_adapter(p, v.strip() or None))
            if backup
            else (lambda p, f, v: port_edits.with_primary_adapter(p, v.strip()))
        ),
        f"{head}.address": lambda p, f, v: port_edits.with_address(p, v, backup=backup),
        f"{head}.send_handler": lambda p, f, v: port_edits.with_send_handler(p, v.strip() or None, backup=backup),
        f"{head}.retry_count": lambda p, f, v: opts.with_retries(
            p, backup, count=_whole(f, v, Transport, "retry_count")
        ),
        f"{head}.retry_interval": lambda p, f, v: opts.with_retries(
            p, backup, interval=_whole(f, v, Transport, "retry_interval")
        ),
        f"{head}.service_window": lambda p, f, v: opts.with_service_window(p, backup, _on(f, v)),
        f"{head}.from": lambda p, f, v: opts.with_service_window_time(p, backup, "from_time", _clock(f, v)),
        f"{head}.to": lambda p, f, v: opts.with_service_window_time(p, backup, "to_time", _clock(f, v)),
    }


_PORT_WRITERS: dict[str, _Writer] = {
    "description": lambda p, f, v: port_edits.with_description(p, v),
    "priority": _set_priority,
    "ordered_delivery": lambda p, f, v: port_edits.with_ordered_delivery(p, _on(f, v)),
    "stop_sending_on_failure": lambda p, f, v: port_edits.with_stop_sending_on_failure(p, _on(f, v)),
    "route_failed_messages": lambda p, f, v: port_edits.with_route_failed_messages(p, _on(f, v)),
    "backup.enabled": lambda p, f, v: port_edits.with_backup_transport(p, _on(f, v)),
    **_transport_writers("primary", False),
    **_transport_writers("backup", True),
    "send_pipeline": lambda p, f, v: port_edits.with_pipeline(p, "send", v.strip() or None),
    "send_pipeline_data": lambda p, f, v: port_edits.with_pipeline_data(p, "send", v),
    "receive_pipeline": lambda p, f, v: port_edits.with_pipeline(p, "receive", v.strip() or None),
    "receive_pipeline_data": lambda p, f, v: port_edits.with_pipeline_data(p, "receive", v),
    "tracking": _set_tracking,
    **{f"tracking.{flag.name.lower()}": _flag_writer(flag) for flag in TrackingFlag},
    **{f"certificate.{part}": _certificate_writer(part) for part in CERTIFICATE_PARTS},
}

#: Fields shown but not set here, and what to do instead.
_READ_ONLY = {
    "name": "renaming follows every reference: use `portwright rename`",
    "application": "cannot be changed with set (move it by exporting and importing into the other application)",
    "state": "use enlist, start, stop or unenlist",
    "kind": "a port's kind (static or dynamic, one-way or solicit-response) cannot be changed",
    "filter": "filters are edited in the designer's filter builder, not with set",
    "outbound_maps": "maps are edited in the designer, not with set",
    "inbound_maps": "maps are edited in the designer, not with set",
    "groups": "use `portwright group add` or `portwright group remove`",
    "members": "use `portwright group add` or `portwright group remove`",
}


def _normal(path: str) -> str:
    """The field's canonical name: case and ``-`` forgiven, long names (``primary_transport``,
    ``from_time``) accepted; a setting's name is kept as typed."""
    parts = path.strip().split(".")
    head = _HEADS.get(parts[0].casefold().replace("-", "_"), parts[0].casefold().replace("-", "_"))
    rest = parts[1:]
    if head in _TRANSPORTS and rest:
        second = rest[0].casefold().replace("-", "_")
        second = _PARTS.get(second, second)
        if second == "settings":
            return ".".join([head, "settings", *rest[1:]])
        rest = [second, *rest[1:]]
    return ".".join([head, *(r.casefold().replace("-", "_") for r in rest)])


def port_field_names(port: SendPort | None = None) -> list[str]:
    """Every field ``set`` takes (with ``port``: its adapter settings too)."""
    names = list(_PORT_WRITERS)
    if port is not None:
        for head, backup in _TRANSPORTS.items():
            t = port.secondary_transport if backup else port.primary_transport
            names += [f"{head}.settings.{n}" for n in setting_names(t)]
    return names


def _unknown(field: str, names: Sequence[str]) -> FieldPathError:
    close = difflib.get_close_matches(_normal(field), names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; `portwright set --help` lists the fields"
    return FieldPathError(field, f"no such field{hint}")


def _setting_writer(head: str, name: str) -> _Writer:
    backup = _TRANSPORTS[head]
    attr = "secondary_transport" if backup else "primary_transport"

    def write(port: SendPort, field: str, text: str) -> SendPort:
        require(port, f"{attr}.settings")
        try:
            settings = with_setting(getattr(port, attr), name, text)
        except SettingProblem as e:
            raise FieldPathError(field, e.message) from None
        return port_edits.with_settings(port, settings, backup=backup)

    return write


def _port_writer(field: str) -> _Writer:
    path = _normal(field)
    if path in _PORT_WRITERS:
        return _PORT_WRITERS[path]
    head, _, rest = path.partition(".settings.")
    if head in _TRANSPORTS and rest:
        return _setting_writer(head, rest)
    if path in _READ_ONLY:
        raise FieldPathError(field, _READ_ONLY[path])
    raise _unknown(field, [*_PORT_WRITERS, *_READ_ONLY])


def _validation(field: str, e: ValidationError) -> FieldPathError:
    error = e.errors(include_url=False)[0]
    if error["type"] == "string_pattern_mismatch":
        return FieldPathError(field, "contains characters a binding file cannot hold (control characters)")
    return FieldPathError(field, str(error["msg"]))


def _apply(model: _M, assignments: Sequence[Assignment], write: Callable[[_M, Assignment], _M]) -> _M:
    for a in assignments:
        try:
            model = write(model, a)
        except PortEditError as e:
            raise PortEditError(a.field, e.message) from None
        except ValidationError as e:
            raise _validation(a.field, e) from None
    return model


def apply_to_port(port: SendPort, assignments: Sequence[Assignment]) -> Outcome:
    """``port`` with ``assignments`` applied in order; PortEditError (a rule refuses it: the
    ``field`` is the one typed) or FieldPathError (no such field, no such value)."""
    new = _apply(port, assignments, lambda p, a: _port_writer(a.field)(p, a.field, a.value))
    return Outcome(new, changes(read_port(port), read_port(new)))


def _group_write(group: SendPortGroup, a: Assignment) -> SendPortGroup:
    path = _normal(a.field)
    if path == "description":
        return port_edits.with_group_description(group, a.value)
    if path in _READ_ONLY:
        raise FieldPathError(a.field, _READ_ONLY[path])
    raise _unknown(a.field, ["description", *_READ_ONLY])


def apply_to_group(group: SendPortGroup, assignments: Sequence[Assignment]) -> Outcome:
    """``group`` with ``assignments`` applied (a group has a description of its own to set)."""
    new = _apply(group, assignments, _group_write)
    return Outcome(new, changes(read_group(group), read_group(new)))
