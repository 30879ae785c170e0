"""The workspace: applications, send ports and groups with their states, in a database.

Every operation is one transaction (all or nothing) and records who did what in the audit
log. Lifecycle operations ask ``model.lifecycle`` for the plan, so the rules live once;
edits carry the version they were based on and are refused with :class:`ConflictError`
when someone else committed a change in between (optimistic concurrency).
"""

from __future__ import annotations

import getpass
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from model import lifecycle
from model.bindings import BindingDocument, load
from model.bindings.document import (
    STANDARD_NAMESPACES,
    Placed,
    _piece_from,
    _reindent,
    assemble,
    element_xml,
    fragment_style,
    read_element,
    skeleton_state,
)
from model.bindings.writer import Style
from model.domain import SendPort, SendPortGroup
from model.gcpause import bulk
from model.lifecycle import Action, Change, Deletion, Kind, MembershipChange, State, Subject, Transition
from model.store import database
from model.store.errors import ConflictError, DuplicateError, NotFoundError, WorkspaceError
from model.store.records import (
    DEFAULT_APPLICATION,
    AuditEntry,
    Entry,
    GroupRecord,
    ImportSummary,
    PortRecord,
    Snapshot,
)
from model.store.schema import (
    AUDIT_TABLE,
    GROUP_TABLE,
    META_TABLE,
    PORT_TABLE,
    ApplicationRow,
    MetaRow,
    AuditRow,
    BindingRow,
    GroupRow,
    MemberRow,
    SendPortRow,
    SourceRow,
)

PORT_INDENT = "    "
_STATE = {int(st): st for st in State}
_PROPERTY = re.compile(r"""Statement\s+[^>]*?Property=["']([^"'&<]+)["']""")  # State(n) is slow in bulk (enum lookup machinery)  # BindingInfo > SendPortCollection > SendPort, two spaces a level
Progress = Callable[[int, int], None]


def _now() -> datetime:
    return datetime.now(UTC)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


def _port_model(row: SendPortRow) -> SendPort:
    return read_element(row.xml, row.namespaces)  # type: ignore[return-value]


def _group_model(row: GroupRow) -> SendPortGroup:
    return read_element(row.xml, row.namespaces)  # type: ignore[return-value]


class Workspace:
    """A workspace database (SQLite file or SQLAlchemy URL), upgraded when opened."""

    def __init__(self, location: str | Path | None = None, *, user: str | None = None) -> None:
        self.url = database.resolve(location)
        self.display = database.display(self.url)
        self.user = user or _user()
        self.engine = database.make_engine(self.url)
        database.migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def _tx(self, bump: bool = True) -> Iterator[Session]:
        """One unit of work: commit at the end, roll back on any error. Unless ``bump`` is
        False (canvas positions), it counts as a change for concurrent lifecycle actions."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
                if bump and not session.info.get("bumped"):
                    self._bump(session)
        except StaleDataError:
            raise ConflictError("someone else changed this since it was read; nothing was saved. "
                                "Refresh and try again.") from None
        except IntegrityError as e:
            raise DuplicateError(f"the change conflicts with what is in the workspace: {database.one_line(e)}") from None
        except SQLAlchemyError as e:
            raise WorkspaceError(f"workspace {self.display}: {database.one_line(e)}") from None
        finally:
            session.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        except SQLAlchemyError as e:
            raise WorkspaceError(f"workspace {self.display}: {database.one_line(e)}") from None
        finally:
            session.close()

    @staticmethod
    def _counter(s: Session) -> int:
        return int(s.scalar(select(MetaRow.lifecycle_version).where(MetaRow.id == 1)) or 0)

    @staticmethod
    def _bump(s: Session, seen: int | None = None) -> None:
        """Count a change of states, memberships or objects; with ``seen``, only if nobody
        else counted one since (else :class:`ConflictError`)."""
        table = META_TABLE
        stmt = update(table).where(table.c.id == 1).values(lifecycle_version=table.c.lifecycle_version + 1)
        if seen is not None:
            stmt = stmt.where(table.c.lifecycle_version == seen)
        if s.execute(stmt).rowcount != 1 and seen is not None:  # type: ignore[attr-defined]
            raise ConflictError("send ports or groups were changed by someone else meanwhile; nothing was "
                                "changed. Refresh and try again.")
        s.info["bumped"] = True

    def _audit(self, s: Session, operation: str, rows: Iterable[dict[str, Any]]) -> None:
        at, user = _now(), self.user
        batch = [{"at": at, "user": user, "operation": operation, "kind": None, "name": None,
                  "before": None, "after": None, "detail": None, **r} for r in rows]
        if batch:
            s.execute(insert(AUDIT_TABLE), batch)

    # -- reading --------------------------------------------------------------------------

    def entries(self, application: str | None = None, state: State | None = None) -> list[Entry]:
        """Ports then groups, by application and name: what ``ls``, explorers and canvases show."""
        with self._read() as s:
            port_q = (select(SendPortRow.name, ApplicationRow.name, SendPortRow.state, SendPortRow.adapter,
                             SendPortRow.address, SendPortRow.is_static, SendPortRow.is_two_way,
                             SendPortRow.version, SendPortRow.x, SendPortRow.y)
                      .join(ApplicationRow).order_by(ApplicationRow.name, SendPortRow.name))
            group_q = (select(GroupRow.id, GroupRow.name, ApplicationRow.name, GroupRow.state, GroupRow.version,
                              GroupRow.x, GroupRow.y).join(ApplicationRow).order_by(ApplicationRow.name, GroupRow.name))
            if application is not None:
                port_q = port_q.where(ApplicationRow.name == application)
                group_q = group_q.where(ApplicationRow.name == application)
            if state is not None:
                port_q = port_q.where(SendPortRow.state == int(state))
                group_q = group_q.where(GroupRow.state == int(state))
            out = [Entry(Kind.PORT, n, a, _STATE[st], ad, addr, bool(stc), bool(tw), version=v, x=x, y=y)
                   for n, a, st, ad, addr, stc, tw, v, x, y in s.execute(port_q)]
            groups = s.execute(group_q).all()
            members: dict[int, list[str]] = {}
            for gid, port in s.execute(select(MemberRow.group_id, MemberRow.port_name).order_by(
                    MemberRow.group_id, MemberRow.position)):
                members.setdefault(gid, []).append(port)
            out += [Entry(Kind.GROUP, n, a, _STATE[st], members=tuple(members.get(gid, ())), version=v, x=x, y=y)
                    for gid, n, a, st, v, x, y in groups]
            return out

    def entry(self, kind: Kind, name: str) -> Entry | None:
        """One port or group as :meth:`entries` lists it (None when it does not exist)."""
        with self._read() as s:
            if kind is Kind.PORT:
                r = s.execute(select(SendPortRow.name, ApplicationRow.name, SendPortRow.state, SendPortRow.adapter,
                                     SendPortRow.address, SendPortRow.is_static, SendPortRow.is_two_way,
                                     SendPortRow.version, SendPortRow.x, SendPortRow.y)
                              .join(ApplicationRow).where(SendPortRow.name == name)).first()
                return None if r is None else Entry(Kind.PORT, r[0], r[1], _STATE[r[2]], r[3], r[4], bool(r[5]),
                                                    bool(r[6]), version=r[7], x=r[8], y=r[9])
            g = s.execute(select(GroupRow.id, GroupRow.name, ApplicationRow.name, GroupRow.state, GroupRow.version,
                                 GroupRow.x, GroupRow.y).join(ApplicationRow).where(GroupRow.name == name)).first()
            if g is None:
                return None
            members = tuple(s.scalars(select(MemberRow.port_name).where(MemberRow.group_id == g[0])
                                      .order_by(MemberRow.position)))
            return Entry(Kind.GROUP, g[1], g[2], _STATE[g[3]], members=members, version=g[4], x=g[5], y=g[6])

    def orchestration_bindings(self) -> dict[tuple[Kind, str], list[str]]:
        """(kind, name) -> orchestration ports bound to it."""
        with self._read() as s:
            out: dict[tuple[Kind, str], list[str]] = {}
            for kind, target, orch in s.execute(select(BindingRow.kind, BindingRow.target,
                                                       BindingRow.orchestration_port)):
                out.setdefault((Kind(kind), target), []).append(orch)
            return out

    def filter_properties(self) -> list[str]:
        """The properties every filter in the workspace tests (read from the stored XML)."""
        found: set[str] = set()
        with self._read() as s:
            for table in (PORT_TABLE, GROUP_TABLE):
                for (xml,) in s.execute(select(table.c.xml).where(table.c.xml.contains("Statement"))):
                    found.update(_PROPERTY.findall(xml))
        return sorted(found)

    def applications(self) -> list[str]:
        with self._read() as s:
            return list(s.scalars(select(ApplicationRow.name).order_by(ApplicationRow.name)))

    def port(self, name: str) -> PortRecord:
        with self._read() as s:
            row = self._port_row(s, name)
            return PortRecord(_port_model(row), State(row.state), row.application.name, row.version, row.xml,
                              row.x, row.y)

    def group(self, name: str) -> GroupRecord:
        with self._read() as s:
            row = self._group_row(s, name)
            return GroupRecord(_group_model(row), State(row.state), row.application.name, row.version, row.xml,
                               row.x, row.y)

    def _port_row(self, s: Session, name: str) -> SendPortRow:
        row = s.scalars(select(SendPortRow).where(SendPortRow.name == name)).one_or_none()
        if row is None:
            raise NotFoundError("port", name)
        return row

    def _group_row(self, s: Session, name: str) -> GroupRow:
        row = s.scalars(select(GroupRow).where(GroupRow.name == name)).one_or_none()
        if row is None:
            raise NotFoundError("group", name)
        return row

    @staticmethod
    def _placed_row(s: Session, kind: Kind, name: str) -> SendPortRow | GroupRow | None:
        """The row of a port or group (None when it does not exist)."""
        if kind is Kind.PORT:
            return s.scalars(select(SendPortRow).where(SendPortRow.name == name)).one_or_none()
        return s.scalars(select(GroupRow).where(GroupRow.name == name)).one_or_none()

    def _app(self, s: Session, name: str, created: list[str] | None = None) -> ApplicationRow:
        row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == name)).one_or_none()
        if row is None:
            row = ApplicationRow(name=name, references=[])
            s.add(row)
            s.flush()
            if created is not None:
                created.append(name)
        return row

    def view(self) -> lifecycle.View:
        with self._read() as s:
            return self._view(s)

    def _view(self, s: Session) -> lifecycle.View:
        bound: dict[str, list[str]] = {}
        for target, orch in s.execute(select(BindingRow.target, BindingRow.orchestration_port)
                                      .where(BindingRow.kind == "port")):
            bound.setdefault(target, []).append(orch)
        ports = [lifecycle.PortInfo(n, _STATE[st], a, bool(stc), bool(tw), tuple(bound.get(n, ())))
                 for n, st, a, stc, tw in s.execute(
                     select(SendPortRow.name, SendPortRow.state, ApplicationRow.name, SendPortRow.is_static,
                            SendPortRow.is_two_way).join(ApplicationRow))]
        members: dict[int, list[str]] = {}
        for gid, port in s.execute(select(MemberRow.group_id, MemberRow.port_name).order_by(
                MemberRow.group_id, MemberRow.position)):
            members.setdefault(gid, []).append(port)
        groups = [lifecycle.GroupInfo(n, _STATE[st], a, tuple(members.get(gid, ())))
                  for gid, n, st, a in s.execute(
                      select(GroupRow.id, GroupRow.name, GroupRow.state, ApplicationRow.name).join(ApplicationRow))]
        refs = {name: frozenset(r or ()) for name, r in s.execute(
            select(ApplicationRow.name, ApplicationRow.references))}
        return lifecycle.View.of(ports, groups, refs)

    def references(self) -> dict[str, frozenset[str]]:
        """Application -> the applications it references."""
        with self._read() as s:
            return {name: frozenset(r or ()) for name, r in s.execute(
                select(ApplicationRow.name, ApplicationRow.references))}

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        with self._read() as s:
            q = select(AuditRow).order_by(AuditRow.id.desc())
            if limit:
                q = q.limit(limit)
            rows = list(s.scalars(q))
            return [AuditEntry(r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC), r.user, r.operation, r.kind,
                               r.name, r.before, r.after, r.detail) for r in reversed(rows)]

    def allowed_actions(self, subjects: Sequence[Subject]) -> dict[Action, lifecycle.Verdict]:
        return lifecycle.allowed_actions(self.view(), subjects)

    # -- lifecycle ------------------------------------------------------------------------

    @bulk
    def perform(self, action: Action, subjects: Sequence[Subject] = (), *, group: str | None = None,
                application: str | None = None) -> list[Change]:
        """Apply ``action`` under BizTalk's rules; raises LifecycleError (and changes nothing) when refused."""
        with self._tx() as s:
            if application is not None and not s.scalar(
                    select(func.count()).select_from(ApplicationRow).where(ApplicationRow.name == application)):
                raise NotFoundError("application", application)
            seen = self._counter(s)
            changes = lifecycle.plan(self._view(s), action, subjects, group=group, application=application)
            self._bump(s, seen)
            self._apply(s, action, changes)
            return changes

    def _apply(self, s: Session, action: Action, changes: Sequence[Change]) -> None:
        finals: dict[tuple[Kind, str], list[State]] = {}
        audit: list[dict[str, Any]] = []
        for c in changes:
            if isinstance(c, Transition):
                pair = finals.setdefault((c.kind, c.name), [c.before, c.after])
                pair[1] = c.after
        now = _now()
        batches: dict[tuple[Kind, State, State], list[str]] = {}
        for (kind, name), (before, after) in finals.items():
            batches.setdefault((kind, before, after), []).append(name)
            audit.append({"kind": kind.value, "name": name, "before": before.label, "after": after.label})
        for (kind, before, after), names in batches.items():
            table = PORT_TABLE if kind is Kind.PORT else GROUP_TABLE
            for i in range(0, len(names), 500):
                chunk = names[i:i + 500]
                # Conditional on the state the plan saw: a concurrent change makes this a conflict.
                result = s.execute(update(table).where(table.c.name.in_(chunk), table.c.state == int(before))
                                   .values(state=int(after), version=table.c.version + 1, updated_at=now))
                if result.rowcount != len(chunk):  # type: ignore[attr-defined]
                    raise ConflictError(f"some of the selected {kind.label}s were changed by someone else meanwhile; "
                                        "nothing was changed. Refresh and try again.")
        memberships = [c for c in changes if isinstance(c, MembershipChange)]
        by_group: dict[str, list[MembershipChange]] = {}
        for c in memberships:
            by_group.setdefault(c.group, []).append(c)
        for group_name, group_changes in by_group.items():
            row = self._group_row(s, group_name)
            old = _group_model(row)
            members = list(old.members)
            for c in group_changes:
                if c.added and c.port not in members:
                    members.append(c.port)
                elif not c.added and c.port in members:
                    members.remove(c.port)
                audit.append({"kind": "group", "name": group_name,
                              "detail": f"{'added' if c.added else 'removed'} member '{c.port}'"})
            self._set_group(s, row, old, old.model_copy(update={"members": tuple(members)}))
        for c in changes:
            if isinstance(c, Deletion):
                doomed = self._placed_row(s, c.kind, c.name)
                if doomed is None:
                    raise ConflictError(f"{c.kind.label} '{c.name}' was deleted by someone else meanwhile; "
                                        "nothing was changed. Refresh and try again.")
                audit.append({"kind": c.kind.value, "name": c.name, "before": State(doomed.state).label,
                              "detail": "deleted"})
                s.delete(doomed)
                s.execute(delete(BindingRow).where(BindingRow.kind == c.kind.value, BindingRow.target == c.name))
        self._audit(s, action.value, audit)

    def _set_group(self, s: Session, row: GroupRow, old: SendPortGroup, new: SendPortGroup) -> None:
        row.xml = element_xml(new, (row.xml, old), row.indent)
        row.members = [MemberRow(position=i, port_name=m) for i, m in enumerate(new.members)]
        row.updated_at = _now()
        s.flush()

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

    # -- edits ----------------------------------------------------------------------------

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

    # -- import and export ----------------------------------------------------------------

    @bulk
    def import_file(self, source: str | Path | bytes, application: str | None = None,
                    progress: Progress | None = None) -> ImportSummary:
        doc = load(source)
        name = source if isinstance(source, str) else (str(source) if isinstance(source, Path) else doc.name)
        return self.import_document(doc, application, str(name), progress)

    @bulk
    def import_document(self, doc: BindingDocument, application: str | None = None, name: str | None = None,
                        progress: Progress | None = None) -> ImportSummary:
        """Import as one transaction, with BizTalk's rules for what exists already."""
        from model.store.transfer import import_document
        return import_document(self, doc, application, name or doc.name, progress)

    @bulk
    def export(self, applications: Sequence[str] = (), ports: Sequence[str] = (),
               groups: Sequence[str] = ()) -> bytes:
        """A binding file of everything, of some applications, or of chosen ports and groups.

        Ports and groups go back into the skeleton of the file most of them came from (so a
        file imported into an empty workspace comes back byte for byte); others are added."""
        with self._read() as s:
            port_rows, group_rows = self._selection(s, applications, ports, groups)
            sources = Counter(r.source_id for r in [*port_rows, *group_rows] if r.source_id is not None)
            if sources:
                source_id: int | None = sources.most_common(1)[0][0]
            elif not (applications or ports or groups):  # nothing but imported files' other content
                source_id = s.scalars(select(SourceRow.id).order_by(SourceRow.id.desc()).limit(1)).first()
            else:
                source_id = None
            state = s.scalar(select(SourceRow.skeleton).where(SourceRow.id == source_id)) if source_id else None
        if state is None:
            fresh = BindingDocument()
            pieces, style, encoding, bom = fresh._pieces, fresh.style, "utf-8", b""
        else:
            pieces = [_piece_from(p) for p in state["pieces"]]
            style = Style(state["unit"], state["newline"])
            encoding, bom = state["encoding"], bytes.fromhex(state["bom"])

        def placed(rows: Sequence[_Selected]) -> list[Placed]:
            out = []
            for r in rows:
                if source_id is not None and r.source_id == source_id and r.slot is not None:
                    out.append(Placed(r.slot, _as_is(r.xml)))
                else:
                    out.append(Placed(None, _moved(r, style)))
            return out

        if state is not None and not port_rows and not group_rows and state.get("original_if_empty"):
            text = state["original_if_empty"]
        else:
            text = assemble(pieces, style, placed(port_rows), placed(group_rows))
        return bom + text.encode(encoding, errors="xmlcharrefreplace")

    def _selection(self, s: Session, applications: Sequence[str], ports: Sequence[str], groups: Sequence[str]
                   ) -> tuple[list[_Selected], list[_Selected]]:
        for app in applications:
            if s.scalar(select(func.count()).select_from(ApplicationRow).where(ApplicationRow.name == app)) == 0:
                raise NotFoundError("application", app)
        everything = not (applications or ports or groups)
        out: list[list[_Selected]] = []
        for table, names, kind in ((PORT_TABLE, ports, "port"), (GROUP_TABLE, groups, "group")):
            cols = select(table.c.id, table.c.name, table.c.source_id, table.c.slot, table.c.xml, table.c.indent)
            order = (table.c.source_id, table.c.slot, table.c.id)
            rows: dict[int, _Selected] = {}
            if everything:
                out.append(s.connection().execute(cols.order_by(*order)).all())  # type: ignore[arg-type]
                continue
            if applications:
                app_ids = select(ApplicationRow.id).where(ApplicationRow.name.in_(applications))
                rows.update({r.id: _Selected(*r) for r in s.execute(
                    cols.where(table.c.application_id.in_(app_ids)).order_by(*order))})
            for name in names:
                r = s.execute(cols.where(table.c.name == name)).first()
                if r is None:
                    raise NotFoundError(kind, name)
                rows.setdefault(r.id, _Selected(*r))
            out.append(list(rows.values()))
        return out[0], out[1]


class _Selected(NamedTuple):
    id: int
    name: str
    source_id: int | None
    slot: int | None
    xml: str
    indent: str


def _as_is(xml: str) -> Callable[[str], str]:
    """The text of an element going back into its own slot: as stored."""
    return lambda _indent: xml


def _moved(r: _Selected, style: Style) -> Callable[[str], str]:
    """The text of an element written somewhere new: reindented to where it goes."""
    return lambda indent: _move(r.xml, r.indent, indent, style)


def _move(xml: str, old_indent: str, new_indent: str, style: Style) -> str:
    nl = fragment_style(xml, old_indent).newline
    if old_indent == new_indent and nl == style.newline:
        return xml
    return _reindent(xml, old_indent, new_indent, nl, style.newline)


def _port_columns(port: SendPort) -> dict[str, Any]:
    return {"is_static": port.is_static is not False, "is_two_way": port.is_two_way is True,
            "adapter": port.adapter_name, "address": port.address}


__all__ = ["PORT_INDENT", "Workspace", "skeleton_state"]
