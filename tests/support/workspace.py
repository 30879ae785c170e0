"""Helpers for workspace tests: the complete content of a workspace, to compare before/after."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from model.store import Workspace
from model.store.schema import Base


@dataclass(frozen=True)
class FullState:
    """Everything a workspace holds: every row of every table, and what its API shows."""

    tables: dict[str, list[tuple[Any, ...]]]
    entries: list[Any]
    export: bytes
    audit: list[Any]

    def differences(self, other: FullState) -> list[str]:
        out = []
        for name in sorted(set(self.tables) | set(other.tables)):
            a, b = self.tables.get(name, []), other.tables.get(name, [])
            if a != b:
                out.append(
                    f"table {name}: {len(a)} rows -> {len(b)} rows; "
                    f"first difference: {next(((x, y) for x, y in zip(a, b) if x != y), None)}"
                )
        if self.entries != other.entries:
            out.append("entries() differ")
        if self.export != other.export:
            out.append("export() differs")
        if self.audit != other.audit:
            out.append(f"audit log: {len(self.audit)} -> {len(other.audit)} entries")
        return out


def table_rows(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the schema (and alembic_version), ordered by primary key."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with ws.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return out


def full_state(ws: Workspace) -> FullState:
    return FullState(table_rows(ws), ws.entries(), ws.export(), ws.audit())


def assert_unchanged(before: FullState, ws: Workspace) -> None:
    after = full_state(ws)
    problems = before.differences(after)
    assert not problems, "the workspace changed: " + "; ".join(problems)
