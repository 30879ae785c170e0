"""Export order index: ports and groups are read by (source, slot, id) through an index instead
of SQLite sorting every element's text in a temporary b-tree.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TABLES = ("send_ports", "send_port_groups")


def upgrade() -> None:
    for table in _TABLES:
        op.drop_index(f"ix_{table}_source_id", table_name=table)
        op.create_index(f"ix_{table}_source_slot", table, ["source_id", "slot", "id"])


def downgrade() -> None:
    for table in _TABLES:
        op.drop_index(f"ix_{table}_source_slot", table_name=table)
        op.create_index(f"ix_{table}_source_id", table, ["source_id"])
