"""Changing the settings of many send ports at once: one unit of work, all or nothing.

What ``editing.update_port`` does for one port (``editing.edit_port``), done for each port of an edit in the same
transaction: each is checked against the version its edit was based on (merged field by field
over a concurrent change when its ``base`` shows the two touched different fields, else a
:class:`ConflictError`), validated through the domain, and audited with an entry of its own.
Any refusal (a stale edit, an invalid value, a rule the result would break) rolls back every
port of the edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from model.domain import SendPort
from model.store import editing
from model.store.errors import InvalidError
from model.store.records import PortRecord
from model.store.rows import STATES
from model.store.unit_of_work import UnitOfWork, retried

__all__ = ["PortEdit", "update_ports"]


@dataclass(frozen=True)
class PortEdit:
    """One port's new settings, the version they were based on and the copy the edit started from."""

    name: str
    port: SendPort
    expected_version: int | None = None
    base: SendPort | None = None


@retried
def update_ports(uow: UnitOfWork, edits: Sequence[PortEdit], operation: str) -> list[PortRecord]:
    """Replace the settings of every port of ``edits`` in one transaction (see the module);
    a record per edit, in order. Nothing changed: nothing is committed or audited."""
    names = [e.name for e in edits]
    if len(set(names)) != len(names):
        raise InvalidError("a send port is named twice in one edit")
    records: list[PortRecord] = []
    audit: list[dict[str, Any]] = []
    with uow:
        for edit in edits:
            row, old, port = editing.edit_port(uow, edit.name, edit.port, edit.expected_version, edit.base)
            if port is not old:
                audit.append(editing.port_audit(edit.name, old, port))
            records.append(
                PortRecord(port, STATES[row.state], row.application.name, row.version, row.xml, row.x, row.y, old)
            )
        if audit:
            uow.audit(operation, audit)
            uow.commit()
    return records
