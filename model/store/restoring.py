"""Putting back what an undo needs: snapshots of ports and groups, restoring them, removing
them again, and reverting an import.

Each write is one unit of work, refused when someone changed what it would undo since (the
versions or states it left) or when the result would break BizTalk's rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from model import lifecycle
from model.domain import SendPort
from model.lifecycle import Action, Deletion, Kind, State, Subject
from model.store.errors import DuplicateError, NotFoundError
from model.store.guards import check_name, check_name_free, rules_kept, stale
from model.store.records import ImportSummary, Snapshot
from model.store.repository import WorkspaceRepository
from model.store.rows import group_model, now, port_columns, port_model
from model.store.schema import BindingRow, GroupRow, MemberRow, SendPortRow, SourceRow
from model.store.unit_of_work import UnitOfWork, retried


def snapshot(s: Session, kind: Kind, name: str) -> Snapshot:
    """Everything needed to put a port or group back exactly (NotFoundError when it does not exist)."""
    rows = WorkspaceRepository(s)
    if kind is Kind.PORT:
        prow = rows.port_row(name)
        bindings = tuple(
            s.scalars(select(BindingRow.orchestration_port).where(BindingRow.kind == "port", BindingRow.target == name))
        )
        return Snapshot(
            kind,
            port_model(prow),
            State(prow.state),
            prow.application.name,
            prow.xml,
            prow.indent,
            prow.slot,
            prow.source_id,
            prow.x,
            prow.y,
            bindings,
            prow.namespaces,
        )
    grow = rows.group_row(name)
    return Snapshot(
        kind,
        group_model(grow),
        State(grow.state),
        grow.application.name,
        grow.xml,
        grow.indent,
        grow.slot,
        grow.source_id,
        grow.x,
        grow.y,
        (),
        grow.namespaces,
    )


@retried
def restore(uow: UnitOfWork, snaps: Sequence[Snapshot], operation: str) -> None:
    """Put deleted ports or groups back exactly as they were; see :meth:`Workspace.restore`."""
    with uow:
        rows = uow.rows
        with rules_kept(rows):
            for snap in snaps:
                kind = snap.kind
                check_name(kind, snap.model.name)
                if rows.placed_row(kind, snap.model.name) is not None:
                    raise DuplicateError(
                        f"a {kind.label} named '{snap.model.name}' exists again (someone else "
                        "created it meanwhile); nothing was changed"
                    )
                check_name_free(rows, kind, snap.model.name)  # or one BizTalk sees as the same
                _restore_row(uow, snap)
            uow.audit(
                operation,
                [
                    {"kind": snap.kind.value, "name": snap.model.name, "after": snap.state.label, "detail": "restored"}
                    for snap in snaps
                ],
            )
        uow.commit()


def _restore_row(uow: UnitOfWork, snap: Snapshot) -> None:
    s = uow.session
    common: dict[str, Any] = dict(
        name=snap.model.name,
        application=uow.rows.application(snap.application),
        state=int(snap.state),
        xml=snap.xml,
        namespaces=snap.namespaces,
        indent=snap.indent,
        slot=snap.slot,
        source_id=(snap.source_id if snap.source_id is None or s.get(SourceRow, snap.source_id) is not None else None),
        x=snap.x,
        y=snap.y,
        updated_at=now(),
    )
    if isinstance(snap.model, SendPort):
        s.add(SendPortRow(**common, **port_columns(snap.model)))
        have = set(
            s.scalars(
                select(BindingRow.orchestration_port).where(
                    BindingRow.kind == "port", BindingRow.target == snap.model.name
                )
            )
        )
        for orch in snap.bindings:
            if orch not in have:
                s.add(BindingRow(kind="port", target=snap.model.name, orchestration_port=orch))
    else:
        s.add(
            GroupRow(**common, members=[MemberRow(position=i, port_name=m) for i, m in enumerate(snap.model.members)])
        )
    s.flush()


@retried
def remove(
    uow: UnitOfWork, keys: Sequence[tuple[Kind, str]], operation: str, versions: dict[tuple[Kind, str], int] | None
) -> None:
    """Remove ports or groups under the delete rules; see :meth:`Workspace.remove`."""
    with uow:
        s, rows = uow.session, uow.rows
        seen = uow.counter()
        for kind, name in keys:
            row = rows.placed_row(kind, name)
            if row is None:
                raise NotFoundError(kind.value, name)
            expected = (versions or {}).get((kind, name))
            if expected is not None and row.version != expected:
                raise stale(rows, kind, name, expected, row.version)
        subjects = [Subject(kind, name) for kind, name in keys]
        changes = lifecycle.plan(rows.view(), Action.DELETE, subjects)
        uow.count_change(seen)
        for c in changes:
            if isinstance(c, Deletion):
                s.delete(rows.placed_row(c.kind, c.name))
                s.execute(delete(BindingRow).where(BindingRow.kind == c.kind.value, BindingRow.target == c.name))
        uow.audit(operation, [{"kind": k.value, "name": n, "detail": "removed"} for k, n in keys])
        uow.commit()


@retried
def revert_import(
    uow: UnitOfWork,
    summary: ImportSummary,
    before: Sequence[Snapshot],
    operation: str,
    versions: dict[tuple[Kind, str], int] | None,
) -> None:
    """Undo an import; see :meth:`Workspace.revert_import`."""
    with uow:
        s, rows = uow.session, uow.rows
        with rules_kept(rows):
            merged = [(Kind.GROUP, g) for g, _added in summary.merged]
            for kind, name in summary.created + summary.replaced + merged:
                row = rows.placed_row(kind, name)
                expected = (versions or {}).get((kind, name))
                if row is not None and expected is not None and row.version != expected:
                    raise stale(rows, kind, name, expected, row.version)
                if row is not None:
                    s.delete(row)
            s.flush()
            if summary.source_id is not None:
                s.execute(delete(BindingRow).where(BindingRow.source_id == summary.source_id))
                s.execute(delete(SourceRow).where(SourceRow.id == summary.source_id))
            for snap in before:
                _restore_row(uow, snap)
            for app in summary.applications:
                app_row = rows.application_row(app)
                if (
                    app_row is not None
                    and not s.scalar(
                        select(func.count()).select_from(SendPortRow).where(SendPortRow.application_id == app_row.id)
                    )
                    and not s.scalar(
                        select(func.count()).select_from(GroupRow).where(GroupRow.application_id == app_row.id)
                    )
                ):
                    s.delete(app_row)
            uow.audit(operation, [{"detail": f"reverted import of {summary.source}"}])
        uow.commit()
