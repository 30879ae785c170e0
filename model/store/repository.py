"""The repository: finding the rows of ports, groups and applications in one session, and
the lifecycle view the rules are asked about.

Rows never leave ``model/store``: services look them up here (a missing one is a
:class:`NotFoundError`), change them through the domain model, and hand out records.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model import lifecycle
from model.bindings.fragments import element_xml
from model.domain import SendPortGroup
from model.lifecycle import Kind
from model.store.errors import NotFoundError
from model.store.rows import STATES, now
from model.store.schema import ApplicationRow, BindingRow, GroupRow, MemberRow, SendPortRow


class WorkspaceRepository:
    """Rows of one session: ports, groups, applications, and the view of their states."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def port_row(self, name: str) -> SendPortRow:
        row = self.session.scalars(select(SendPortRow).where(SendPortRow.name == name)).one_or_none()
        if row is None:
            raise NotFoundError("port", name)
        return row

    def group_row(self, name: str) -> GroupRow:
        row = self.session.scalars(select(GroupRow).where(GroupRow.name == name)).one_or_none()
        if row is None:
            raise NotFoundError("group", name)
        return row

    def placed_row(self, kind: Kind, name: str) -> SendPortRow | GroupRow | None:
        """The row of a port or group (None when it does not exist: callers decide what that means)."""
        if kind is Kind.PORT:
            return self.session.scalars(select(SendPortRow).where(SendPortRow.name == name)).one_or_none()
        return self.session.scalars(select(GroupRow).where(GroupRow.name == name)).one_or_none()

    def name_taken(self, kind: Kind, name: str) -> bool:
        row = SendPortRow if kind is Kind.PORT else GroupRow
        return bool(self.session.scalar(select(func.count()).select_from(row).where(row.name == name)))

    def has_application(self, name: str) -> bool:
        return bool(
            self.session.scalar(select(func.count()).select_from(ApplicationRow).where(ApplicationRow.name == name))
        )

    def application_row(self, name: str) -> ApplicationRow | None:
        return self.session.scalars(select(ApplicationRow).where(ApplicationRow.name == name)).one_or_none()

    def application(self, name: str, created: list[str] | None = None) -> ApplicationRow:
        """The application's row, created when it does not exist yet (its name then added to ``created``)."""
        row = self.application_row(name)
        if row is None:
            row = ApplicationRow(name=name, references=[])
            self.session.add(row)
            self.session.flush()
            if created is not None:
                created.append(name)
        return row

    def set_group(self, row: GroupRow, old: SendPortGroup, new: SendPortGroup) -> None:
        """Write ``new`` (which replaces ``old``) into the group's row: its XML, minimally
        rewritten, and its member rows."""
        row.xml = element_xml(new, (row.xml, old), row.indent)
        row.members = [MemberRow(position=i, port_name=m) for i, m in enumerate(new.members)]
        row.updated_at = now()
        self.session.flush()

    def view(self) -> lifecycle.View:
        """What the lifecycle rules look at: every port and group with its state, application,
        kind, members and bindings, and the applications' references."""
        s = self.session
        bound: dict[str, list[str]] = {}
        for target, orch in s.execute(
            select(BindingRow.target, BindingRow.orchestration_port).where(BindingRow.kind == "port")
        ):
            bound.setdefault(target, []).append(orch)
        ports = [
            lifecycle.PortInfo(n, STATES[st], a, bool(stc), bool(tw), tuple(bound.get(n, ())))
            for n, st, a, stc, tw in s.execute(
                select(
                    SendPortRow.name,
                    SendPortRow.state,
                    ApplicationRow.name,
                    SendPortRow.is_static,
                    SendPortRow.is_two_way,
                ).join(ApplicationRow)
            )
        ]
        members: dict[int, list[str]] = {}
        for gid, port in s.execute(
            select(MemberRow.group_id, MemberRow.port_name).order_by(MemberRow.group_id, MemberRow.position)
        ):
            members.setdefault(gid, []).append(port)
        groups = [
            lifecycle.GroupInfo(n, STATES[st], a, tuple(members.get(gid, ())))
            for gid, n, st, a in s.execute(
                select(GroupRow.id, GroupRow.name, GroupRow.state, ApplicationRow.name).join(ApplicationRow)
            )
        ]
        return lifecycle.View.of(ports, groups, self.references())

    def references(self) -> dict[str, frozenset[str]]:
        """Application -> the applications it references."""
        return {
            name: frozenset(r or ())
            for name, r in self.session.execute(select(ApplicationRow.name, ApplicationRow.references))
        }
