"""Reading a workspace: the lists, records, views and audit log it hands out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import UTC
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from model import lifecycle
from model.lifecycle import Action, Kind, State, Subject
from model.store.errors import NotFoundError
from model.store.records import AuditEntry, Entry, GroupRecord, PortRecord
from model.store.rows import _STATE, _group_model, _port_model
from model.store.schema import (
    GROUP_TABLE,
    PORT_TABLE,
    ApplicationRow,
    AuditRow,
    BindingRow,
    GroupRow,
    MemberRow,
    SendPortRow,
)

_PROPERTY = re.compile(r"""Statement\s+[^>]*?Property=["']([^"'&<]+)["']""")


class _Reading:
    """The workspace's queries: each reads in one session and hands out records, never rows."""

    if TYPE_CHECKING:  # provided by Workspace, which owns the sessions
        def _read(self) -> AbstractContextManager[Session]: ...

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
