"""The workspace schema: SQLAlchemy 2 typed ORM tables.

A send port or group is an aggregate whose settings are stored as the XML element it is
exported as: that text is lossless (it keeps what the model does not hold, comments and
layout), it is what BizTalk and source control see, and an export is then a
concatenation that gives an imported file back byte for byte. The model is read from it
(``model.bindings.fragments.read_element``) and every edit rewrites it minimally. Next
to it are the columns people list and filter by (name, application, state, kind,
adapter, address), kept in step in the same transaction. Relations between aggregates
are real tables: applications and their references, group membership, orchestration
bindings, the imported files' remaining text, canvas positions, the audit log.

Every table a person edits carries a ``version`` column used for optimistic concurrency:
two people changing the same port cannot silently overwrite each other.

The columns that can hold adapter passwords (the XML, the address, a skeleton, an audit
detail) keep them sealed with a key kept outside the database (``model.store.sealing``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint, event
from sqlalchemy.engine.interfaces import ExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from model.revisions import name_key
from model.store.sealing import SealedJSON, SealedText


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class MetaRow(Base):
    """One row: a counter every change of states, memberships or objects increments. A
    lifecycle action planned from what it read commits only if the counter is still what
    it read (so two people's actions can never combine into a state the rules forbid)."""

    __tablename__ = "workspace_meta"

    id: Mapped[int] = mapped_column(primary_key=True)
    lifecycle_version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


def _key_of_inserted_name(context: ExecutionContext) -> str:
    """A row inserted as plain values (bulk import) gets the key of its name."""
    return name_key(context.get_current_parameters()["name"])  # type: ignore[attr-defined]


#: ``name_key``: the name as BizTalk compares names (case and Unicode normalisation ignored,
#: ``model.revisions.name_key``), unique, so that "Out.Port" and "out.port" cannot coexist even
#: when two clients check at once. Kept in step with ``name`` (see ``_name_set`` below).
NAME_KEY_LENGTH = 1024  # case folding can lengthen a 256-character name (ß -> ss)
#: Between the key and the id of a row that shares its key with an older one (migration 0005
#: keeps such pairs, both openable); a control character, which no valid name holds.
NAME_KEY_APART = "\x1f#"


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (Index("uq_applications_name_key", "name_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(256), unique=True)
    name_key: Mapped[str] = mapped_column(String(NAME_KEY_LENGTH), default=_key_of_inserted_name)
    description: Mapped[str | None] = mapped_column(Text)
    references: Mapped[list[str]] = mapped_column(JSON, default=list)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class SourceRow(Base):
    """An imported binding file, minus its ports and groups: what the model does not hold."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(1024))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[str] = mapped_column(String(256))
    skeleton: Mapped[dict[str, Any]] = mapped_column(SealedJSON)
    #: Counts rewrites of the skeleton (a rename follows references in it), so that a decoded
    #: copy kept by any client is told apart from the current text.
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")


class _Placed:
    """Columns shared by ports and groups: state, text, origin, canvas position, version."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(256), unique=True)
    name_key: Mapped[str] = mapped_column(String(NAME_KEY_LENGTH), default=_key_of_inserted_name)
    state: Mapped[int] = mapped_column(Integer, default=1)
    #: The element's XML as it is exported: the single source of its settings (the model is
    #: read from it, and every edit rewrites it minimally).
    xml: Mapped[str] = mapped_column(SealedText)
    #: Namespace declarations in scope where the XML came from (``xsi:nil`` needs them).
    namespaces: Mapped[str] = mapped_column(Text, default="")
    indent: Mapped[str] = mapped_column(String(64), default="    ")
    slot: Mapped[int | None] = mapped_column(Integer)
    #: The state it should have after deployment (a ``State`` value); None: left as it is.
    desired_state: Mapped[int | None] = mapped_column(Integer)
    x: Mapped[float | None]
    y: Mapped[float | None]
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class SendPortRow(_Placed, Base):
    __tablename__ = "send_ports"
    #: Export reads elements in their file's order: by this index, not by sorting their text.
    __table_args__ = (
        Index("ix_send_ports_source_slot", "source_id", "slot", "id"),
        Index("uq_send_ports_name_key", "name_key", unique=True),
    )

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="RESTRICT"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    is_static: Mapped[bool] = mapped_column(default=True)
    is_two_way: Mapped[bool] = mapped_column(default=False)
    adapter: Mapped[str | None] = mapped_column(String(256))
    address: Mapped[str | None] = mapped_column(SealedText)

    application: Mapped[ApplicationRow] = relationship(lazy="joined")


class GroupRow(_Placed, Base):
    __tablename__ = "send_port_groups"
    #: Export reads elements in their file's order: by this index, not by sorting their text.
    __table_args__ = (
        Index("ix_send_port_groups_source_slot", "source_id", "slot", "id"),
        Index("uq_send_port_groups_name_key", "name_key", unique=True),
    )

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="RESTRICT"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))

    application: Mapped[ApplicationRow] = relationship(lazy="joined")
    members: Mapped[list[MemberRow]] = relationship(
        order_by="MemberRow.position", cascade="all, delete-orphan", lazy="selectin"
    )


class MemberRow(Base):
    """A group lists a member by name: BizTalk allows naming ports of other applications,
    and files name ports they do not contain."""

    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("send_port_groups.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    port_name: Mapped[str] = mapped_column(String(256), index=True)


class BindingRow(Base):
    """An orchestration port bound to a send port or group (from an imported file)."""

    __tablename__ = "orchestration_bindings"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # "port" or "group"
    target: Mapped[str] = mapped_column(String(256), index=True)
    orchestration_port: Mapped[str] = mapped_column(String(1024))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)

    __table_args__ = (UniqueConstraint("kind", "target", "orchestration_port"),)


class AuditRow(Base):
    """Who did what, when, with the state before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user: Mapped[str] = mapped_column(String(256))
    operation: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(256))
    before: Mapped[str | None] = mapped_column(String(64))
    after: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(SealedText)

    __table_args__ = (Index("ix_audit_log_name", "kind", "name"),)


class SettingsSheetRow(Base):
    """The environments and settings of an application (``scope``) or of the whole workspace
    (``scope`` ""), as one document: they are edited, imported and exported together. The
    file they came from (a BTDF spreadsheet or settings file) is kept to be written back
    exactly. Values can be secrets: both are sealed."""

    __tablename__ = "settings_sheets"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(256), unique=True)
    sheet: Mapped[dict[str, Any]] = mapped_column(SealedJSON)
    #: "btdf" or "xmlpreprocess" (what ``source`` is), None for a sheet made here.
    source_format: Mapped[str | None] = mapped_column(String(16))
    source_name: Mapped[str | None] = mapped_column(String(1024))
    source: Mapped[str | None] = mapped_column(SealedText)
    #: The source file's codec, and "+bom" when it began with a byte order mark.
    source_encoding: Mapped[str | None] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __mapper_args__ = {"version_id_col": version}


def _name_set(target: ApplicationRow | SendPortRow | GroupRow, value: str, old: object, _initiator: object) -> None:
    """A name given or changed through the ORM (create, rename) brings its key along. Setting
    the same name again keeps the key (a pair told apart by migration 0005 stays apart)."""
    if value != old:
        target.name_key = name_key(value)


for _row in (ApplicationRow, SendPortRow, GroupRow):
    event.listen(_row.name, "set", _name_set)


# The Core tables behind the mapped classes, for bulk statements (``insert(PORT_TABLE)``).
# SQLAlchemy types ``__table__`` as a ``FromClause``, which insert and update do not take;
# a declaratively mapped class's ``__table__`` is a ``Table``.
META_TABLE: Table = cast(Table, MetaRow.__table__)
PORT_TABLE: Table = cast(Table, SendPortRow.__table__)
GROUP_TABLE: Table = cast(Table, GroupRow.__table__)
MEMBER_TABLE: Table = cast(Table, MemberRow.__table__)
BINDING_TABLE: Table = cast(Table, BindingRow.__table__)
AUDIT_TABLE: Table = cast(Table, AuditRow.__table__)
