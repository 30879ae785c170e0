"""Reading a workspace: the lists, records, views and audit log it hands out.

Each function reads in the session it is given (see ``unit_of_work.read_session``) and
hands out records, never rows.
"""

from __future__ import annotations

import re
from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session

from model import lifecycle
from model.bindings.xmltext import unescape
from model.lifecycle import Kind, State
from model.store.records import AuditEntry, Entry, GroupRecord, PortRecord
from model.store.repository import WorkspaceRepository
from model.store.rows import STATES, group_model, port_model
from model.store.schema import (
    GROUP_TABLE,
    NAME_KEY_APART,
    PORT_TABLE,
    ApplicationRow,
    AuditRow,
    BindingRow,
    GroupRow,
    MemberRow,
    SendPortRow,
)

#: The columns of an :class:`Entry`, in the order its constructor takes them.
_PORT_ENTRY = (
    SendPortRow.name,
    ApplicationRow.name,
    SendPortRow.state,
    SendPortRow.adapter,
    SendPortRow.address,
    SendPortRow.is_static,
    SendPortRow.is_two_way,
    SendPortRow.version,
    SendPortRow.x,
    SendPortRow.y,
)
_GROUP_ENTRY = (
    GroupRow.id,
    GroupRow.name,
    ApplicationRow.name,
    GroupRow.state,
    GroupRow.version,
    GroupRow.x,
    GroupRow.y,
)

#: No log is this long, and no database takes a LIMIT this large (SQLite and PostgreSQL: 64 bits).
_BEYOND_ANY_LOG = 2**63 - 1

_PROPERTY = re.compile(r"""Statement\s+[^>]*?Property=["']([^"'&<]+)["']""")


def entries(s: Session, application: str | None = None, state: State | None = None) -> list[Entry]:
    """Ports then groups, by application and name: what ``ls``, explorers and canvases show."""
    port_q = select(*_PORT_ENTRY).join(ApplicationRow).order_by(ApplicationRow.name, SendPortRow.name)
    group_q = select(*_GROUP_ENTRY).join(ApplicationRow).order_by(ApplicationRow.name, GroupRow.name)
    if application is not None:
        port_q = port_q.where(ApplicationRow.name == application)
        group_q = group_q.where(ApplicationRow.name == application)
    if state is not None:
        port_q = port_q.where(SendPortRow.state == int(state))
        group_q = group_q.where(GroupRow.state == int(state))
    out = [
        Entry(Kind.PORT, n, a, STATES[st], ad, addr, bool(stc), bool(tw), version=v, x=x, y=y)
        for n, a, st, ad, addr, stc, tw, v, x, y in s.execute(port_q)
    ]
    groups = s.execute(group_q).all()
    members: dict[int, list[str]] = {}
    for gid, port in s.execute(
        select(MemberRow.group_id, MemberRow.port_name).order_by(MemberRow.group_id, MemberRow.position)
    ):
        members.setdefault(gid, []).append(port)
    out += [
        Entry(Kind.GROUP, n, a, STATES[st], members=tuple(members.get(gid, ())), version=v, x=x, y=y)
        for gid, n, a, st, v, x, y in groups
    ]
    return out


def entry(s: Session, kind: Kind, name: str) -> Entry | None:
    """One port or group as :func:`entries` lists it (None when it does not exist)."""
    if kind is Kind.PORT:
        r = s.execute(select(*_PORT_ENTRY).join(ApplicationRow).where(SendPortRow.name == name)).first()
        return (
            None
            if r is None
            else Entry(
                Kind.PORT, r[0], r[1], STATES[r[2]], r[3], r[4], bool(r[5]), bool(r[6]), version=r[7], x=r[8], y=r[9]
            )
        )
    g = s.execute(select(*_GROUP_ENTRY).join(ApplicationRow).where(GroupRow.name == name)).first()
    if g is None:
        return None
    members = tuple(
        s.scalars(select(MemberRow.port_name).where(MemberRow.group_id == g[0]).order_by(MemberRow.position))
    )
    return Entry(Kind.GROUP, g[1], g[2], STATES[g[3]], members=members, version=g[4], x=g[5], y=g[6])


def orchestration_bindings(s: Session) -> dict[tuple[Kind, str], list[str]]:
    """(kind, name) -> orchestration ports bound to it."""
    out: dict[tuple[Kind, str], list[str]] = {}
    for kind, target, orch in s.execute(select(BindingRow.kind, BindingRow.target, BindingRow.orchestration_port)):
        out.setdefault((Kind(kind), target), []).append(orch)
    return out


def filter_properties(s: Session) -> list[str]:
    """The properties every filter in the workspace tests (read from the stored XML)."""
    found: set[str] = set()
    for table in (PORT_TABLE, GROUP_TABLE):
        for (xml,) in s.execute(select(table.c.xml).where(table.c.xml.contains("Statement"))):
            found.update(_PROPERTY.findall(xml))
    return sorted(found)


_HOST = re.compile(r"""<SendHandler\s[^>]*?\bName=["']([^"'<]+)["']""")
_PIPELINE = re.compile(r"""<(Transmit|Receive)Pipeline\s([^>]*)>""")
_ATTR = re.compile(r"""\b(Name|FullyQualifiedName)=["']([^"'<]*)["']""")


def known_values(s: Session) -> tuple[set[str], dict[str, dict[str, str]]]:
    """The send handler hosts and the pipelines the workspace's ports use: ``(hosts, {"send":
    {name: fully qualified name}, "receive": {...}})``, read from the stored XML."""
    hosts: set[str] = set()
    pipelines: dict[str, dict[str, str]] = {"send": {}, "receive": {}}
    for (xml,) in s.execute(select(PORT_TABLE.c.xml)):
        hosts.update(unescape(h) for h in _HOST.findall(xml))
        for which, attrs in _PIPELINE.findall(xml):
            found = {k: unescape(v) for k, v in _ATTR.findall(attrs)}
            name = found.get("Name", "").strip()
            if name:
                known = pipelines["send" if which == "Transmit" else "receive"]
                if not known.get(name):
                    known[name] = found.get("FullyQualifiedName", "")
    hosts.discard("")
    return hosts, pipelines


def applications(s: Session) -> list[str]:
    return list(s.scalars(select(ApplicationRow.name).order_by(ApplicationRow.name)))


def port(s: Session, name: str) -> PortRecord:
    """The send port ``name`` as stored (NotFoundError when there is none)."""
    row = WorkspaceRepository(s).port_row(name)
    return PortRecord(port_model(row), STATES[row.state], row.application.name, row.version, row.xml, row.x, row.y)


def group(s: Session, name: str) -> GroupRecord:
    """The send port group ``name`` as stored (NotFoundError when there is none)."""
    row = WorkspaceRepository(s).group_row(name)
    return GroupRecord(group_model(row), STATES[row.state], row.application.name, row.version, row.xml, row.x, row.y)


def view(s: Session) -> lifecycle.View:
    """What the lifecycle rules look at (see :meth:`WorkspaceRepository.view`)."""
    return WorkspaceRepository(s).view()


def references(s: Session) -> dict[str, frozenset[str]]:
    """Application -> the applications it references."""
    return WorkspaceRepository(s).references()


def audit(s: Session, limit: int | None = None) -> list[AuditEntry]:
    """The audit log, oldest first; with ``limit``, only the latest entries."""
    q = select(AuditRow).order_by(AuditRow.id.desc())
    if limit and limit < _BEYOND_ANY_LOG:  # more than a database can count: all of it
        q = q.limit(limit)
    rows = list(s.scalars(q))
    return [
        AuditEntry(
            r.at if r.at.tzinfo else r.at.replace(tzinfo=UTC),
            r.user,
            r.operation,
            r.kind,
            r.name,
            r.before,
            r.after,
            r.detail,
        )
        for r in reversed(rows)
    ]


def name_collisions(s: Session) -> list[tuple[Kind | None, str, str]]:
    """Pairs of names BizTalk sees as one (case, Unicode form) that a workspace held before
    names were compared that way (migration 0005 kept both): (kind, the later name, the first
    name); kind None for applications. Renaming either one ends the pair."""
    out: list[tuple[Kind | None, str, str]] = []
    for kind, row in ((Kind.PORT, SendPortRow), (Kind.GROUP, GroupRow), (None, ApplicationRow)):
        marked = list(s.execute(select(row.name, row.name_key).where(row.name_key.contains(NAME_KEY_APART))))
        for name, key in marked:
            first = s.scalar(select(row.name).where(row.name_key == key.split(NAME_KEY_APART)[0]))
            if first is not None:
                out.append((kind, name, first))
    return out
