"""Migrations are all or nothing: an upgrade that fails in any step, after some of its DDL ran
or at the moment its version is stamped, leaves the workspace exactly as it was (schema,
Alembic version, on SQLite the file's bytes), and the next open upgrades it and works.

The steps are found in the migration scripts themselves, so a migration added later is tested
without touching this file. Failures are injected at the driver: the database's own
``OperationalError`` ("database or disk is full"), raised from SQLAlchemy's cursor events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event, inspect, text
from support.bindings import STANDARD

from model.store import Workspace, WorkspaceError, database


def _steps() -> list[tuple[str | None, str]]:
    """(previous revision, revision) of every migration step, oldest first."""
    script = ScriptDirectory.from_config(database._config())
    revisions = list(reversed(list(script.walk_revisions())))
    return [(r.down_revision, r.revision) for r in revisions]  # type: ignore[misc]


STEPS = _steps()
STEP_IDS = [revision for _, revision in STEPS]

_WRITES = ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE")


def _is_write(statement: str) -> bool:
    return statement.lstrip().upper().startswith(_WRITES)


def _is_stamp(statement: str) -> bool:
    """Alembic recording a step's version (not creating its version table, which comes first)."""
    return statement.lstrip().upper().startswith(("INSERT", "UPDATE")) and "alembic_version" in statement


def _at_revision(url: str, revision: str | None) -> None:
    """A workspace database at ``revision`` (None: a new, empty one), closed again."""
    engine = database.make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT 1"))  # SQLite: the file exists, in WAL mode
            if revision is not None:
                cfg = database._config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _schema(url: str) -> dict[str, Any]:
    """Everything about the schema, and the Alembic version, as the database reports them."""
    engine = database.make_engine(url)
    try:
        with engine.connect() as conn:
            inspector = inspect(conn)
            out: dict[str, Any] = {}
            for table in sorted(inspector.get_table_names()):
                out[table] = {
                    "columns": [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
                    "indexes": sorted(
                        (i["name"] or "", tuple(i["column_names"])) for i in inspector.get_indexes(table)
                    ),
                    "unique": sorted(str(u["column_names"]) for u in inspector.get_unique_constraints(table)),
                    "foreign": sorted(str(f["referred_table"]) for f in inspector.get_foreign_keys(table)),
                }
            if conn.dialect.name == "sqlite":
                out["sqlite_master"] = conn.execute(
                    text("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
                ).all()
            if "alembic_version" in out:
                out["version"] = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            return out
    finally:
        engine.dispose()


@contextmanager
def _failing(when: str) -> Iterator[list[str]]:
    """Every engine's next upgrade fails: ``after-first-ddl`` once the first step has run one
    statement of its own (the DDL stays done, inside the transaction), ``at-stamp`` when that
    step's version is being recorded (all of its DDL done). Yields the statements that ran."""
    ran: list[str] = []
    state = {"failed": False}

    def fail(conn: Any) -> None:
        state["failed"] = True
        raise conn.dialect.loaded_dbapi.OperationalError("database or disk is full")

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not state["failed"] and when == "at-stamp" and _is_stamp(statement):
            fail(conn)

    def after(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if state["failed"] or not _is_write(statement) or "alembic_version" in statement:
            return
        ran.append(statement)
        if when == "after-first-ddl":
            fail(conn)

    listeners: list[tuple[str, Callable[..., None]]] = [("before_cursor_execute", before)]
    listeners.append(("after_cursor_execute", after))
    for name, fn in listeners:
        event.listen(Engine, name, fn)
    try:
        yield ran
    finally:
        for name, fn in listeners:
            event.remove(Engine, name, fn)
    assert state["failed"], "the upgrade never reached the point where it was to fail"


def _file_bytes(url: str) -> bytes | None:
    files = database.sqlite_files(url)
    return files[0].read_bytes() if files and files[0].exists() else None


def _check_failed_step_leaves_the_workspace_as_it_was(url: str, previous: str | None, when: str) -> None:
    _at_revision(url, previous)
    before, before_bytes = _schema(url), _file_bytes(url)
    with _failing(when) as ran, pytest.raises(WorkspaceError) as info:
        Workspace(url)
    assert "database or disk is full" in str(info.value)
    assert "\n" not in str(info.value)
    assert ran, "no statement of the step ran before the failure"
    assert _schema(url) == before
    assert _file_bytes(url) == before_bytes  # SQLite: not one byte of the file changed
    with Workspace(url) as ws:  # a normal open afterwards upgrades it, and it works
        ws.import_file(STANDARD)
        assert ws.entries()
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == database.head_revision()


@pytest.mark.parametrize("when", ["after-first-ddl", "at-stamp"])
@pytest.mark.parametrize(("previous", "revision"), STEPS, ids=STEP_IDS)
def test_a_failed_step_on_sqlite_leaves_the_workspace_as_it_was(
    sqlite_url: str, previous: str | None, revision: str, when: str
) -> None:
    _check_failed_step_leaves_the_workspace_as_it_was(sqlite_url, previous, when)


@pytest.mark.parametrize("when", ["after-first-ddl", "at-stamp"])
@pytest.mark.parametrize(("previous", "revision"), STEPS, ids=STEP_IDS)
def test_a_failed_step_on_postgresql_leaves_the_workspace_as_it_was(
    postgres_url: str, previous: str | None, revision: str, when: str
) -> None:
    _check_failed_step_leaves_the_workspace_as_it_was(postgres_url, previous, when)


def test_the_steps_are_found_in_the_scripts() -> None:
    assert STEPS[0][0] is None
    assert STEPS[-1][1] == database.head_revision()
    assert all(prev == STEPS[i - 1][1] for i, (prev, _) in enumerate(STEPS) if i)  # one unbroken line
    assert len(STEPS) >= 4


def test_a_failure_in_a_later_step_keeps_none_of_the_earlier_ones(sqlite_url: str) -> None:
    """From the first revision, the whole way to head is one transaction: a failure in the last
    step leaves the workspace at the first revision, not at the one before the last."""
    if len(STEPS) < 2:
        pytest.skip("one migration step only")
    _at_revision(sqlite_url, STEPS[0][1])
    before = _schema(sqlite_url)
    last = STEPS[-1][1]

    def fail_in_last(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if _is_write(statement) and "alembic_version" in statement and f"'{last}'" in statement:
            raise conn.dialect.loaded_dbapi.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", fail_in_last)
    try:
        with pytest.raises(WorkspaceError, match="disk is full"):
            Workspace(sqlite_url)
    finally:
        event.remove(Engine, "before_cursor_execute", fail_in_last)
    assert _schema(sqlite_url) == before


def test_a_workspace_at_head_is_opened_without_taking_the_write_lock(sqlite_url: str) -> None:
    """Opening reads the version first: a workspace another client is writing to (holding
    SQLite's write lock) still opens at once when it needs no upgrade."""
    Workspace(sqlite_url).close()
    holder = database.make_engine(sqlite_url)
    try:
        with holder.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            with Workspace(sqlite_url, create=False) as ws:
                assert ws.entries() == []
            conn.exec_driver_sql("ROLLBACK")
    finally:
        holder.dispose()


def test_the_store_keeps_its_transaction_handling_after_an_upgrade(sqlite_url: str) -> None:
    """The upgrade's connection goes back to Python's usual transaction handling: the same
    pooled connection then writes and rolls back like every other."""
    _at_revision(sqlite_url, STEPS[0][1])
    with Workspace(sqlite_url) as ws:
        with ws.engine.connect() as conn:
            assert conn.connection.dbapi_connection.isolation_level == ""  # type: ignore[union-attr]
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        ws.import_file(STANDARD)
        assert ws.entries()
