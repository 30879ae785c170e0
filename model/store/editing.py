"""Editing a workspace: creating, changing, renaming and removing ports and groups, and
putting back what an undo needs (snapshots, states, imports reverted)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from model.bindings.fragments import STANDARD_NAMESPACES, element_xml
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind, State
from model.store.errors import ConflictError, DuplicateError, NotFoundError, WorkspaceError
from model.store.reading import _Reading
from model.store.records import DEFAULT_APPLICATION, GroupRecord, ImportSummary, PortRecord, Snapshot
from model.store.rows import PORT_INDENT, _STATE, _group_model, _now, _port_columns, _port_model
from model.store.schema import (
    GROUP_TABLE,
    PORT_TABLE,
    ApplicationRow,
    BindingRow,
    GroupRow,
    MemberRow,
    SendPortRow,
    SourceRow,
)


class _Editing(_Reading):
    """The workspace's edits: each one transaction, audited, refused on a stale version."""

    if TYPE_CHECKING:  # provided by Workspace, which owns the transactions
        def _tx(self, bump: bool = True) -> AbstractContextManager[Session]: ...

        @staticmethod
        def _bump(s: Session, seen: int | None = None) -> None: ...

        def _audit(self, s: Session, operation: str, rows: Iterable[dict[str, Any]]) -> None: ...

    def create_port(self, port: SendPort, application: str | None = None, *, x: float | None = None,
                    y: float | None = None) -> PortRecord:
        app = application or port.application or DEFAULT_APPLICATION
        if port.application != app:
            port = port.model_copy(update={"application": app})
        with self._tx() as s:
            if s.scalar(select(func.count()).select_from(SendPortRow).where(SendPortRow.name == port.name)):
                raise DuplicateError(f"a send port named '{port.name}' already exists")
            xml = element_xml(port, None, PORT_INDENT)
            row = SendPortRow(name=port.name, application=self._app(s, app), state=int(State.UNENLISTED),
                              xml=xml, namespaces=STANDARD_NAMESPACES, indent=PORT_INDENT, x=x, y=y,
                              updated_at=_now(), **_port_columns(port))
            s.add(row)
            s.flush()
            self._audit(s, "create", [{"kind": "port", "name": port.name, "after": State.UNENLISTED.label}])
            return PortRecord(port, State.UNENLISTED, app, row.version, xml, x, y)

    def create_group(self, group: SendPortGroup, application: str | None = None, *, x: float | None = None,
                     y: float | None = None) -> GroupRecord:
        app = application or group.application or DEFAULT_APPLICATION
        if group.application != app:
            group = group.model_copy(update={"application": app})
        with self._tx() as s:
            if s.scalar(select(func.count()).select_from(GroupRow).where(GroupRow.name == group.name)):
                raise DuplicateError(f"a send port group named '{group.name}' already exists")
            xml = element_xml(group, None, PORT_INDENT)
            row = GroupRow(name=group.name, application=self._app(s, app), state=int(State.UNENLISTED),
                           xml=xml, namespaces=STANDARD_NAMESPACES, indent=PORT_INDENT, x=x, y=y, updated_at=_now(),
                           members=[MemberRow(position=i, port_name=m) for i, m in enumerate(group.members)])
            s.add(row)
            s.flush()
            self._audit(s, "create", [{"kind": "group", "name": group.name, "after": State.UNENLISTED.label}])
            return GroupRecord(group, State.UNENLISTED, app, row.version, xml, x, y)

    def update_port(self, name: str, port: SendPort, expected_version: int | None = None) -> PortRecord:
        """Replace a port's settings (not its name: see :meth:`rename`)."""
        with self._tx(bump=False) as s:
            row = self._port_row(s, name)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(f"send port '{name}' was changed by someone else (version {expected_version} "
                                    f"is now {row.version}); nothing was saved. Refresh and try again.")
            if port.name != name:
                raise WorkspaceError("use rename to change a send port's name")
            old = _port_model(row)
            row.xml = element_xml(port, (row.xml, old), row.indent)
            for k, v in _port_columns(port).items():
                setattr(row, k, v)
            if port.application and port.application != row.application.name:
                row.application = self._app(s, port.application)
                self._bump(s)  # membership rules look at applications
            row.updated_at = _now()
            s.flush()
            self._audit(s, "edit", [{"kind": "port", "name": name}])
            return PortRecord(port, _STATE[row.state], row.application.name, row.version, row.xml, row.x, row.y)

    def update_group(self, name: str, group: SendPortGroup, expected_version: int | None = None) -> GroupRecord:
        """Replace a group's settings and members (membership rules are the caller's: see perform)."""
        with self._tx(bump=False) as s:
            row = self._group_row(s, name)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(f"send port group '{name}' was changed by someone else; nothing was saved. "
                                    "Refresh and try again.")
            if group.name != name:
                raise WorkspaceError("use rename to change a send port group's name")
            current = _group_model(row)
            if current.members != group.members:
                self._bump(s)  # lifecycle rules look at members
            self._set_group(s, row, current, group)
            if group.application and group.application != row.application.name:
                row.application = self._app(s, group.application)
                self._bump(s)
            self._audit(s, "edit", [{"kind": "group", "name": name}])
            return GroupRecord(group, _STATE[row.state], row.application.name, row.version, row.xml, row.x, row.y)

    def rename(self, kind: Kind, old: str, new: str) -> None:
        """Rename a port (every group listing it follows) or a group."""
        with self._tx() as s:
            row: SendPortRow | GroupRow
            if kind is Kind.PORT:
                row = self._port_row(s, old)
                if s.scalar(select(func.count()).select_from(SendPortRow).where(SendPortRow.name == new)):
                    raise DuplicateError(f"a send port named '{new}' already exists")
                model = _port_model(row)
                renamed = model.model_copy(update={"name": new})
                row.xml, row.name = element_xml(renamed, (row.xml, model), row.indent), new
                for grow in s.scalars(select(GroupRow).join(MemberRow).where(MemberRow.port_name == old)).unique():
                    g = _group_model(grow)
                    self._set_group(s, grow, g, g.model_copy(update={
                        "members": tuple(new if m == old else m for m in g.members)}))
            else:
                row = self._group_row(s, old)
                if s.scalar(select(func.count()).select_from(GroupRow).where(GroupRow.name == new)):
                    raise DuplicateError(f"a send port group named '{new}' already exists")
                g = _group_model(row)
                self._set_group(s, row, g, g.model_copy(update={"name": new}))
                row.name = new
            s.execute(update(BindingRow).where(BindingRow.kind == kind.value, BindingRow.target == old)
                      .values(target=new))
            row.updated_at = _now()
            s.flush()
            self._audit(s, "rename", [{"kind": kind.value, "name": new, "detail": f"renamed from '{old}'"}])

    def set_references(self, application: str, references: Sequence[str]) -> None:
        """Which applications ``application`` references (needed for members of other applications)."""
        with self._tx() as s:
            row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == application)).one_or_none()
            if row is None:
                raise NotFoundError("application", application)
            for ref in references:
                if ref != application and not s.scalar(
                        select(func.count()).select_from(ApplicationRow).where(ApplicationRow.name == ref)):
                    raise NotFoundError("application", ref)
            before = ", ".join(row.references or []) or None
            row.references = sorted(set(references))
            self._audit(s, "references", [{"kind": "application", "name": application, "before": before,
                                           "after": ", ".join(row.references) or None}])

    def set_positions(self, positions: dict[tuple[Kind, str], tuple[float, float]]) -> None:
        """Canvas positions (not versioned: moving a node never conflicts with an edit)."""
        with self._tx(bump=False) as s:
            for kind, table in ((Kind.PORT, PORT_TABLE), (Kind.GROUP, GROUP_TABLE)):
                rows = [{"n": name, "px": x, "py": y} for (k, name), (x, y) in positions.items() if k is kind]
                if rows:
                    s.connection().execute(update(table).where(table.c.name == bindparam("n"))
                                           .values(x=bindparam("px"), y=bindparam("py")), rows)

    def snapshots(self, keys: Iterable[tuple[Kind, str]]) -> list[Snapshot]:
        """Snapshots of those of ``keys`` that exist (what an import would replace, for undo)."""
        out = []
        for kind, name in keys:
            try:
                out.append(self.snapshot(kind, name))
            except NotFoundError:
                pass
        return out

    def snapshot(self, kind: Kind, name: str) -> Snapshot:
        with self._read() as s:
            if kind is Kind.PORT:
                prow = self._port_row(s, name)
                bindings = tuple(s.scalars(select(BindingRow.orchestration_port).where(
                    BindingRow.kind == "port", BindingRow.target == name)))
                return Snapshot(kind, _port_model(prow), State(prow.state), prow.application.name, prow.xml,
                                prow.indent, prow.slot, prow.source_id, prow.x, prow.y, bindings, prow.namespaces)
            grow = self._group_row(s, name)
            return Snapshot(kind, _group_model(grow), State(grow.state), grow.application.name, grow.xml,
                            grow.indent, grow.slot, grow.source_id, grow.x, grow.y, (), grow.namespaces)

    def restore(self, snaps: Snapshot | Sequence[Snapshot], operation: str = "undo") -> None:
        """Put deleted ports or groups back exactly as they were (undo of delete)."""
        snaps = [snaps] if isinstance(snaps, Snapshot) else list(snaps)
        with self._tx() as s:
            for snap in snaps:
                self._restore_row(s, snap)
            self._audit(s, operation, [{"kind": snap.kind.value, "name": snap.model.name, "after": snap.state.label,
                                        "detail": "restored"} for snap in snaps])

    def _restore_row(self, s: Session, snap: Snapshot) -> None:
        common: dict[str, Any] = dict(
            name=snap.model.name, application=self._app(s, snap.application), state=int(snap.state),
            xml=snap.xml, namespaces=snap.namespaces, indent=snap.indent, slot=snap.slot,
            source_id=(snap.source_id if snap.source_id is None or s.get(SourceRow, snap.source_id) is not None
                       else None),
            x=snap.x, y=snap.y, updated_at=_now())
        if isinstance(snap.model, SendPort):
            s.add(SendPortRow(**common, **_port_columns(snap.model)))
            have = set(s.scalars(select(BindingRow.orchestration_port).where(
                BindingRow.kind == "port", BindingRow.target == snap.model.name)))
            for orch in snap.bindings:
                if orch not in have:
                    s.add(BindingRow(kind="port", target=snap.model.name, orchestration_port=orch))
        else:
            s.add(GroupRow(**common, members=[MemberRow(position=i, port_name=m)
                                              for i, m in enumerate(snap.model.members)]))
        s.flush()

    def remove(self, keys: Sequence[tuple[Kind, str]], operation: str = "undo") -> None:
        """Remove ports or groups without lifecycle rules (undo of create, redo of delete)."""
        with self._tx() as s:
            for kind, name in keys:
                row = self._placed_row(s, kind, name)
                if row is None:
                    raise NotFoundError(kind.value, name)
                s.delete(row)
                if kind is Kind.PORT:
                    s.execute(delete(BindingRow).where(BindingRow.kind == "port", BindingRow.target == name))
            self._audit(s, operation, [{"kind": k.value, "name": n, "detail": "removed"} for k, n in keys])

    def revert_import(self, summary: ImportSummary, before: Sequence[Snapshot]) -> None:
        """Undo an import: remove what it created, put back what it replaced, drop its file."""
        with self._tx() as s:
            merged = [(Kind.GROUP, g) for g, _added in summary.merged]
            for kind, name in summary.created + summary.replaced + merged:
                row = self._placed_row(s, kind, name)
                if row is not None:
                    s.delete(row)
            s.flush()
            if summary.source_id is not None:
                s.execute(delete(BindingRow).where(BindingRow.source_id == summary.source_id))
                s.execute(delete(SourceRow).where(SourceRow.id == summary.source_id))
            for snap in before:
                self._restore_row(s, snap)
            for app in summary.applications:
                app_row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == app)).one_or_none()
                if app_row is not None and not s.scalar(select(func.count()).select_from(SendPortRow).where(
                        SendPortRow.application_id == app_row.id)) and not s.scalar(select(func.count()).select_from(
                        GroupRow).where(GroupRow.application_id == app_row.id)):
                    s.delete(app_row)
            self._audit(s, "undo", [{"detail": f"reverted import of {summary.source}"}])

    def restore_states(self, states: Iterable[tuple[Kind, str, State]], operation: str = "undo") -> None:
        """Put objects back into given states without rules (undo of a lifecycle action)."""
        with self._tx() as s:
            audit = []
            for kind, name, state in states:
                row = self._placed_row(s, kind, name)
                if row is None:
                    raise NotFoundError(kind.value, name)
                audit.append({"kind": kind.value, "name": name, "before": State(row.state).label,
                              "after": state.label})
                row.state = int(state)
                row.updated_at = _now()
            self._audit(s, operation, audit)

    # -- rows an edit needs -----------------------------------------------------------------

    def _app(self, s: Session, name: str, created: list[str] | None = None) -> ApplicationRow:
        row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == name)).one_or_none()
        if row is None:
            row = ApplicationRow(name=name, references=[])
            s.add(row)
            s.flush()
            if created is not None:
                created.append(name)
        return row

    def _set_group(self, s: Session, row: GroupRow, old: SendPortGroup, new: SendPortGroup) -> None:
        row.xml = element_xml(new, (row.xml, old), row.indent)
        row.members = [MemberRow(position=i, port_name=m) for i, m in enumerate(new.members)]
        row.updated_at = _now()
        s.flush()
