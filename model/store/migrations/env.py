"""Alembic environment: migrations run on the connection the workspace hands over."""

from __future__ import annotations

from alembic import context

from model.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the workspace always passes its connection
    raise RuntimeError("run migrations through model.store.migrate, which passes a connection")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
