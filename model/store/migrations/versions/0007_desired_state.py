"""Desired state: the state each send port and group should have after deployment.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLES = ("send_ports", "send_port_groups")


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column("desired_state", sa.Integer(), nullable=True))


def downgrade() -> None:
    for table in _TABLES:
        # ALTER TABLE ... DROP COLUMN (SQLite 3.35+): rebuilding a table other tables refer to
        # would trip their foreign keys (a group's members would go with it)
        op.drop_column(table, "desired_state")
