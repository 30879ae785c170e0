"""Settings sheets: environments and settings per application or for the workspace.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings_sheets",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("scope", sa.String(256), nullable=False, unique=True),
        sa.Column("sheet", sa.JSON(), nullable=False),
        sa.Column("source_format", sa.String(16), nullable=True),
        sa.Column("source_name", sa.String(1024), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_encoding", sa.String(40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("settings_sheets")
