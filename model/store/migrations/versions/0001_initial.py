"""Initial schema: applications, send ports, groups, members, sources, bindings, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("references", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.String(length=256), nullable=False),
        sa.Column("operation", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(length=256), nullable=True),
        sa.Column("before", sa.String(length=64), nullable=True),
        sa.Column("after", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_log_name", ["kind", "name"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=1024), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=256), nullable=False),
        sa.Column("skeleton", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "orchestration_bindings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("target", sa.String(length=256), nullable=False),
        sa.Column("orchestration_port", sa.String(length=1024), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "target", "orchestration_port"),
    )
    with op.batch_alter_table("orchestration_bindings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orchestration_bindings_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_orchestration_bindings_target"), ["target"], unique=False)

    op.create_table(
        "send_port_groups",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("namespaces", sa.Text(), nullable=False),
        sa.Column("indent", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=True),
        sa.Column("x", sa.Double(), nullable=True),
        sa.Column("y", sa.Double(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("send_port_groups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_send_port_groups_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_send_port_groups_source_id"), ["source_id"], unique=False)

    op.create_table(
        "send_ports",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("is_static", sa.Boolean(), nullable=False),
        sa.Column("is_two_way", sa.Boolean(), nullable=False),
        sa.Column("adapter", sa.String(length=256), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("xml", sa.Text(), nullable=False),
        sa.Column("namespaces", sa.Text(), nullable=False),
        sa.Column("indent", sa.String(length=64), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=True),
        sa.Column("x", sa.Double(), nullable=True),
        sa.Column("y", sa.Double(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("send_ports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_send_ports_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_send_ports_source_id"), ["source_id"], unique=False)

    op.create_table(
        "group_members",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("port_name", sa.String(length=256), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["send_port_groups.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "position"),
    )
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_group_members_port_name"), ["port_name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("group_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_members_port_name"))

    op.drop_table("group_members")
    with op.batch_alter_table("send_ports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_send_ports_source_id"))
        batch_op.drop_index(batch_op.f("ix_send_ports_application_id"))

    op.drop_table("send_ports")
    with op.batch_alter_table("send_port_groups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_send_port_groups_source_id"))
        batch_op.drop_index(batch_op.f("ix_send_port_groups_application_id"))

    op.drop_table("send_port_groups")
    with op.batch_alter_table("orchestration_bindings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orchestration_bindings_target"))
        batch_op.drop_index(batch_op.f("ix_orchestration_bindings_source_id"))

    op.drop_table("orchestration_bindings")
    op.drop_table("sources")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_name")
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("applications")
