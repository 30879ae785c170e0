"""Ports and groups as rows: the model read back from a row's XML, and the columns kept next to it.

Shared by the workspace's reading, editing and transfer (import and export) modules.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from model.bindings.fragments import read_element
from model.domain import SendPort, SendPortGroup
from model.lifecycle import State
from model.store.schema import GroupRow, SendPortRow

PORT_INDENT = "    "  # BindingInfo > SendPortCollection > SendPort, two spaces a level
_STATE = {int(st): st for st in State}  # State(n) is slow in bulk (enum lookup machinery)


def _now() -> datetime:
    return datetime.now(UTC)


def _port_model(row: SendPortRow) -> SendPort:
    return read_element(row.xml, row.namespaces)  # type: ignore[return-value]


def _group_model(row: GroupRow) -> SendPortGroup:
    return read_element(row.xml, row.namespaces)  # type: ignore[return-value]


def _port_columns(port: SendPort) -> dict[str, Any]:
    return {"is_static": port.is_static is not False, "is_two_way": port.is_two_way is True,
            "adapter": port.adapter_name, "address": port.address}
