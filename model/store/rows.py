"""Ports and groups as rows: the model read back from a row's XML, and the columns kept next to it.

Shared by the workspace's repository, services (editing, lifecycle actions, restoring, reading)
and transfer (import and export).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from model.bindings.fragments import read_element
from model.domain import SendPort, SendPortGroup
from model.lifecycle import State
from model.store.errors import WorkspaceError
from model.store.schema import GroupRow, SendPortRow

PORT_INDENT = "    "  # BindingInfo > SendPortCollection > SendPort, two spaces a level


class _States(dict[int, State]):
    """The state stored as a number, by number (``State(n)`` is slow in bulk: enum lookup
    machinery); a number that is no state (a database changed by hand) is a WorkspaceError."""

    def __missing__(self, value: object) -> State:
        known = ", ".join(f"{int(st)} ({st.label})" for st in State)
        raise WorkspaceError(
            f"the workspace holds a state {value!r} that is not one Portwright knows ({known}); "
            "it was changed outside Portwright"
        )


STATES = _States({int(st): st for st in State})


def now() -> datetime:
    """The time stamp of a write (UTC, as every ``updated_at`` and audit entry stores it)."""
    return datetime.now(UTC)


def port_model(row: SendPortRow) -> SendPort:
    """The send port a row's XML holds."""
    return read_element(row.xml, row.namespaces)  # type: ignore[return-value]


def group_model(row: GroupRow) -> SendPortGroup:
    """The send port group a row's XML holds."""
    return read_element(row.xml, row.namespaces)  # type: ignore[return-value]


def port_columns(port: SendPort) -> dict[str, Any]:
    """The columns kept beside a port's XML, for listing and for the lifecycle rules."""
    return {
        "is_static": port.is_static is not False,
        "is_two_way": port.is_two_way is True,
        "adapter": port.adapter_name,
        "address": port.address,
    }
