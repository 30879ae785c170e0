"""Name keys: names compared as BizTalk compares them (case and Unicode normalisation ignored),
unique in the database, so that "Out.Port" and "out.port" cannot coexist, even when two clients
check at the same moment.

A workspace that already holds such a pair stays openable and nothing is renamed (a rename
follows references through groups, filters and imported files: not a migration's job): the
first of the pair (lowest id) keeps the plain key, each later one a key told apart by its id
(``<key>`` + U+001F + ``#<id>``, which no valid name's key can be), found again by
``model.store.reading.name_collisions``. A new name of that spelling is refused as taken;
renaming one of the pair gives it a plain key.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TABLES = ("applications", "send_ports", "send_port_groups")
#: Separates a colliding row's key from its id; a control character, which no valid name holds.
APART = "\x1f#"


def _key(name: str) -> str:
    # model.revisions.name_key as it is at this revision (a migration never changes meaning later)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


def upgrade() -> None:
    bind = op.get_bind()
    for table in _TABLES:
        op.add_column(table, sa.Column("name_key", sa.String(1024), nullable=False, server_default=""))
        t = sa.table(table, sa.column("id", sa.Integer), sa.column("name", sa.String), sa.column("name_key", sa.String))
        taken: set[str] = set()
        values: list[dict[str, object]] = []
        for row_id, name in bind.execute(sa.select(t.c.id, t.c.name).order_by(t.c.id)):
            key = _key(name)
            if key in taken:
                key = f"{key}{APART}{row_id}"
            taken.add(key)
            values.append({"row_id": row_id, "key": key})
        if values:
            bind.execute(
                t.update().where(t.c.id == sa.bindparam("row_id")).values(name_key=sa.bindparam("key")), values
            )
        op.create_index(f"uq_{table}_name_key", table, ["name_key"], unique=True)
        if bind.dialect.name != "sqlite":  # SQLite would rebuild the table to drop a default
            op.alter_column(table, "name_key", server_default=None)


def downgrade() -> None:
    for table in _TABLES:
        op.drop_index(f"uq_{table}_name_key", table_name=table)
        # ALTER TABLE ... DROP COLUMN (SQLite 3.35+): rebuilding a table other tables refer to
        # would trip their foreign keys
        op.drop_column(table, "name_key")
