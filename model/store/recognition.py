"""Is it a workspace? Decided before anything is written: a file or database that holds
something else is refused and left exactly as it was; one that holds nothing yet is a new
workspace only when the caller asked to create one; one the user cannot write is opened for
reading only.

A file is looked at through SQLite itself, never read with ``open()``: closing any descriptor
of a database file drops the process's SQLite locks on it (see ``database.sqlite_files``).
The first look is ``immutable`` (it reads the main file only and creates nothing beside it);
the migration looks again, through the real connection and inside its transaction, before
its first statement that writes (:func:`schema_revision`).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from sqlalchemy import Connection, inspect, text

from model.store.errors import NotAWorkspaceError, ReadOnlyError, WorkspaceError

#: Tables only a Portwright workspace has together (the first migration's, and Alembic's).
PORTWRIGHT_TABLES = frozenset({"alembic_version", "applications", "send_ports", "send_port_groups"})
_SQLITE_NOTADB = 26


class Found(Enum):
    MISSING = "missing"  # no file at all
    EMPTY = "empty"  # an empty file, or an SQLite database with no tables: a workspace to be
    WORKSPACE = "workspace"


@dataclass(frozen=True)
class FileLook:
    """What an SQLite workspace file is, and how it must be opened.

    ``access``: ``rw`` (normal), ``ro`` (SQLite's read-only mode, WAL read through the
    existing ``-shm``), or ``immutable`` (the main file only: no log to read, nobody can write).
    ``read_only``: why it cannot be written (None when it can)."""

    found: Found
    access: str = "rw"
    read_only: str | None = None


def _listed(names: set[str]) -> str:
    shown = sorted(names)
    more = f" and {len(shown) - 5} more" if len(shown) > 5 else ""
    return ", ".join(shown[:5]) + more


def classify(names: set[str], place: str, kind: str) -> Found:
    """EMPTY for no tables, WORKSPACE for Portwright's; another application's are refused."""
    if not names:
        return Found.EMPTY
    if names >= PORTWRIGHT_TABLES:
        return Found.WORKSPACE
    raise NotAWorkspaceError(place, f"{kind} of another application: {_listed(names)}")


def writable(path: Path) -> bool:
    """Whether this process may write the file and create SQLite's log files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _tables(path: Path, place: str, *, with_log: bool = False) -> set[str]:
    """The tables SQLite finds in the file: in the main file only, or (``with_log``) with the
    changes still in its write-ahead log, read as a read-only reader does."""
    uri = f"{path.as_uri()}?mode=ro" + ("" if with_log else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    except sqlite3.Error as e:
        raise WorkspaceError(f"{place}: cannot open the file: {e}") from None
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").fetchall()
    except sqlite3.DatabaseError as e:
        if getattr(e, "sqlite_errorcode", None) == _SQLITE_NOTADB:
            raise NotAWorkspaceError(place, "not an SQLite database") from None
        raise WorkspaceError(f"{place}: cannot read the file: {e}") from None
    finally:
        conn.close()
    return {name for (name,) in rows if not name.startswith("sqlite_")}


def look_at_file(path: Path, place: str, *, want_read_only: bool) -> FileLook:
    """What is at ``path`` (see :class:`FileLook`); refuses a file that is something else."""
    if not path.exists():
        return FileLook(Found.MISSING)
    if not path.is_file():
        raise NotAWorkspaceError(place, "not a regular file")
    if not os.access(path, os.R_OK):
        raise WorkspaceError(f"{place}: cannot read the workspace (permission denied)")
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    logged = wal.exists() and wal.stat().st_size > 0
    if logged and not shm.exists() and not os.access(path.parent, os.W_OK):
        raise ReadOnlyError(
            place,
            f"its folder {path.parent} is not writable and it has changes in {wal.name} that only a writable open can read",
        )
    if logged:
        # Another client has it open, or one stopped before its log was copied back: what the
        # main file holds may be nothing yet (a workspace created a moment ago).
        found = classify(_tables(path, place, with_log=True), place, "an SQLite database")
    elif path.stat().st_size == 0:
        found = Found.EMPTY
    else:
        found = classify(_tables(path, place), place, "an SQLite database")
    if want_read_only:
        why = "opened with ?mode=ro"
    elif not os.access(path, os.W_OK):
        why = "the file is not writable"
    elif not os.access(path.parent, os.W_OK):
        why = f"its folder {path.parent} is not writable, and SQLite keeps its log files there"
    else:
        return FileLook(found)
    if shm.exists() or os.access(path.parent, os.W_OK):
        return FileLook(found, "ro", why)  # SQLite reads the log through its index
    return FileLook(found, "immutable", why)  # no log to read (see above), and nobody can write


def schema_revision(conn: Connection, place: str) -> tuple[Found, str | None]:
    """Whether the database of ``conn`` holds nothing, a Portwright workspace (with its schema
    revision), or something else (refused), as this connection sees it."""
    inspector = inspect(conn)
    names = set(inspector.get_table_names()) | set(inspector.get_view_names())
    kind = "an SQLite database" if conn.dialect.name == "sqlite" else "a database"
    found = classify(names, place, kind)
    if found is Found.EMPTY:
        return found, None
    # alembic's own table, read as alembic reads it (one row at one head), without loading alembic
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise WorkspaceError(f"workspace {place} records {len(rows)} schema versions ({', '.join(rows)}); it needs one")
    return found, (rows[0] if rows else None)
