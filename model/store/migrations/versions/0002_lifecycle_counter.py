"""Workspace-wide lifecycle counter (workspace_meta): concurrent lifecycle actions conflict
instead of combining into a state BizTalk's rules forbid.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    meta = op.create_table(
        "workspace_meta",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lifecycle_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(meta, [{"id": 1, "lifecycle_version": 0}])


def downgrade() -> None:
    op.drop_table("workspace_meta")
