"""Where a workspace lives and how it is opened: engines, SQLite settings, migrations, and
which files are an SQLite workspace's own (never to be opened except through SQLite)."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from model.store import recognition

if TYPE_CHECKING:  # alembic is imported when a schema is changed, not to open one at head
    from alembic.config import Config
    from alembic.script import ScriptDirectory
from model.store.errors import NoWorkspaceError, ReadOnlyError, SchemaTooNewError, WorkspaceError

ENV_VAR = "PORTWRIGHT_WORKSPACE"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_location() -> Path:
    """The embedded workspace: an SQLite file in the user's data folder."""
    return user_data_path("Portwright", appauthor=False) / "workspace.sqlite"


def names_default(spec: str | os.PathLike[str] | None) -> bool:
    """Whether ``spec`` means the embedded default workspace (no location, no ``$PORTWRIGHT_WORKSPACE``):
    the one workspace made on first use without being asked for."""
    return spec is None and not os.environ.get(ENV_VAR)


def nothing_there(spec: str | os.PathLike[str] | None) -> bool:
    """Whether ``spec`` names an SQLite file that does not exist yet (a path an import may create
    a workspace at); False for a server, whose database is looked at when it is opened."""
    files = sqlite_files(resolve(spec))
    return bool(files) and not files[0].exists() and not files[0].is_symlink()


def resolve(spec: str | os.PathLike[str] | None) -> str:
    """An SQLAlchemy URL for a path, a URL, ``$PORTWRIGHT_WORKSPACE`` or the default."""
    if spec is None:
        spec = os.environ.get(ENV_VAR) or None
    if spec is None:
        path = default_location()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    text = os.fspath(spec)
    if text in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return "sqlite://"
    if "://" in text:
        try:
            url = make_url(text)
        except ArgumentError:
            raise WorkspaceError(
                f"not a database URL: {_redacted(text)} (expected dialect://user:password@host:port/database)"
            ) from None
        except ValueError:
            raise WorkspaceError(f"not a database URL: {_redacted(text)} (the port is not a number)") from None
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        _check_query(url)
        return url.render_as_string(hide_password=False)
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder; give a workspace file (for example {path / 'workspace.sqlite'})")
    if not path.parent.exists():
        raise WorkspaceError(f"{path}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


def _redacted(text: str) -> str:
    """A URL that could not be parsed, with whatever may be a password replaced by ``***``."""
    scheme, _, rest = text.partition("://")
    if "@" not in rest:
        return text
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else f"{scheme}://{credentials}@{host}"


#: The query parameters an SQLite workspace URL may carry, with the values it honours.
SQLITE_QUERY = {"mode": ("ro",)}


def _check_query(url: URL) -> None:
    """Refuse query parameters that would be ignored or that the driver does not know, naming
    them (SQLite: only ``?mode=ro``; PostgreSQL: libpq's connection options)."""
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite":
        for key, value in url.query.items():
            allowed = SQLITE_QUERY.get(key)
            if allowed is None:
                raise WorkspaceError(f"{shown}: unknown URL parameter {key!r} (an SQLite workspace accepts ?mode=ro)")
            if value not in allowed:
                raise WorkspaceError(f"{shown}: {key}={value} is not supported (an SQLite workspace accepts ?mode=ro)")
        return
    if url.get_backend_name() == "postgresql" and url.query:
        from psycopg import conninfo  # the driver's own parser of connection options (libpq's)

        for key, value in url.query.items():
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                try:
                    conninfo.make_conninfo("", **{key: v})
                except Exception:  # noqa: BLE001 - psycopg raises ProgrammingError for an unknown option
                    raise WorkspaceError(f"{shown}: unknown connection option {key!r} in the URL") from None


def place(url: str) -> str:
    """Where a workspace is, as messages name it: the file of an SQLite workspace, else the URL
    without its password."""
    files = sqlite_files(url)
    return str(files[0]) if files else display(url)


def one_line(e: BaseException) -> str:
    """A driver's error as one line: without SQLAlchemy's background link and line breaks."""
    text = str(getattr(e, "orig", None) or e)
    text = re.sub(r"\(Background on this error at:[^)]*\)", "", text)
    text = re.sub(r"\[SQL:.*", "", text, flags=re.S)
    return " ".join(text.split()) or type(e).__name__


def display(url: str) -> str:
    """The URL without a password, for messages."""
    return make_url(url).render_as_string(hide_password=True)


#: What SQLite keeps beside a workspace file: the write-ahead log, its shared-memory index,
#: and the rollback journal (while the workspace is converted to WAL).
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


def sqlite_files(url: str) -> tuple[Path, ...]:
    """The files of an SQLite workspace (the database, then its companions); none for a server
    or an in-memory database.

    Nothing in a process that has the workspace open may open and close these files other than
    through SQLite: SQLite's locks are POSIX record locks, which belong to the process and are
    all dropped when *any* descriptor of the file is closed. Another process then believes it
    holds the last connection, checkpoints and deletes the ``-wal`` and ``-shm`` files, and this
    process goes on writing to the deleted ones: its changes never reach the database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return ()
    db = Path(parsed.database)
    return (db, *(db.with_name(db.name + suffix) for suffix in COMPANION_SUFFIXES))


def is_workspace_file(path: str | os.PathLike[str], url: str) -> bool:
    """Whether ``path`` is one of :func:`sqlite_files` of ``url`` (by name, or by identity for a
    link), decided without opening anything."""
    target = Path(path).expanduser().resolve()
    for own in sqlite_files(url):
        if target == own.resolve() or (target.exists() and own.exists() and os.path.samefile(target, own)):
            return True
    return False


def remove_sqlite_files(path: str | os.PathLike[str]) -> None:
    """Delete an SQLite file and its companions (to make a new workspace in its place): a log
    left behind would be replayed into the new database as if it were its own."""
    for file in sqlite_files(f"sqlite:///{Path(path).expanduser().resolve()}"):
        file.unlink(missing_ok=True)


def _create_private(url: str) -> None:
    """Create a new SQLite workspace file readable by its owner only (it holds the design's
    adapter passwords); SQLite gives its -wal and -shm files the same mode. An existing
    file is left as it is. Nothing has the file open yet, so opening it here is safe."""
    files = sqlite_files(url)
    if not files or files[0].exists():
        return
    try:
        os.close(os.open(files[0], os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as e:
        raise WorkspaceError(f"{files[0]}: cannot create the workspace: {e.strerror or e}") from None


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA mmap_size=1073741824")  # read large workspaces through the page cache directly
    cur.close()


def _sqlite_reading_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """A read-only connection's settings: nothing that writes (the journal mode is the file's)."""
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA mmap_size=1073741824")
    cur.close()


def make_engine(url: str, access: str = "rw") -> Engine:
    """An engine on ``url``; for an SQLite file, ``access`` ``ro`` or ``immutable`` opens it in
    SQLite's read-only modes (see ``recognition.FileLook``), so that nothing can be written."""
    try:
        if url == "sqlite://":  # one shared in-memory database (rendering a file, tests)
            engine = create_engine(
                url, poolclass=StaticPool, connect_args={"check_same_thread": False}, use_insertmanyvalues=False
            )
            event.listen(engine, "connect", _sqlite_pragmas)
        elif url.startswith("sqlite") and access != "rw":
            path = sqlite_files(url)[0]
            uri = f"{path.as_uri()}?mode=ro" + ("&immutable=1" if access == "immutable" else "")

            def connect() -> sqlite3.Connection:
                return sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)

            engine = create_engine(make_url(url).set(query={}), creator=connect, use_insertmanyvalues=False)
            event.listen(engine, "connect", _sqlite_reading_pragmas)
        elif url.startswith("sqlite"):
            _create_private(url)
            # Plain executemany: SQLite gains nothing from batched multi-row VALUES statements,
            # and compiling them costs more than the inserts.
            engine = create_engine(
                make_url(url).set(query={}),
                connect_args={"timeout": 30, "check_same_thread": False},
                use_insertmanyvalues=False,
            )
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as e:
        raise WorkspaceError(f"cannot use workspace {display(url)}: {e}") from None
    return engine


@dataclass(frozen=True)
class Opened:
    """An engine on a workspace brought up to this version's schema; ``read_only`` says why it
    cannot be written (None when it can), ``created`` whether this open made it."""

    engine: Engine
    read_only: str | None
    created: bool


def open_engine(url: str, *, create: bool = True) -> Opened:
    """An engine on the workspace at ``url``, recognised before anything is written to it and
    brought up to this version's schema (see :class:`Opened`).

    Refused: a file or database that holds something else (:class:`NotAWorkspaceError`, left
    as it was); nothing there when ``create`` is false (:class:`NoWorkspaceError`, nothing
    made); a read-only workspace that would have to be created or upgraded (:class:`ReadOnlyError`)."""
    where = place(url)
    files = sqlite_files(url)
    access, read_only = "rw", None
    if files:
        want_read_only = make_url(url).query.get("mode") == "ro"
        look = recognition.look_at_file(files[0], where, want_read_only=want_read_only)
        access, read_only = look.access, look.read_only
        if look.found is recognition.Found.MISSING and want_read_only:
            raise ReadOnlyError(where, "opened with ?mode=ro, and there is no workspace here to read")
        if look.found is not recognition.Found.WORKSPACE and not create:
            raise NoWorkspaceError(where, where)
    elif not url.startswith("sqlite") and make_url(url).query.get("mode") is not None:
        raise WorkspaceError(f"{where}: mode=ro applies to SQLite workspaces only")
    engine = make_engine(url, access)
    try:
        was = upgrade(engine, create=create, where=where, read_only=read_only)
    except BaseException:
        engine.dispose()
        raise
    return Opened(engine, read_only, was == "")


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


_REVISION = re.compile(r"""^(down_revision|revision)\s*=\s*["']?([\w]+|None)["']?""", re.M)


@cache
def head_revision() -> str:
    """This version's schema revision, read from the migration scripts' ``revision`` and
    ``down_revision`` lines (the one no other revises), without loading alembic: opening a
    workspace that is at head needs nothing more. Tests check it against alembic's own."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for key, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (revisions if key == "revision" else revised).add(value)
    heads = revisions - revised
    assert len(heads) == 1, f"the migrations have {len(heads)} heads: {sorted(heads)}"
    return heads.pop()


#: The PostgreSQL advisory lock two clients upgrading the same workspace take in turn.
_MIGRATION_LOCK = 0x506F7274_77726967


def migrate(engine: Engine, *, create: bool = True, where: str | None = None, read_only: str | None = None) -> str:
    """The schema revision the workspace is at once :func:`upgrade` has run (this version's head)."""
    upgrade(engine, create=create, where=where, read_only=read_only)
    return head_revision()


def upgrade(
    engine: Engine, *, create: bool = True, where: str | None = None, read_only: str | None = None
) -> str | None:
    """Create or upgrade the schema, all or nothing; refuse a workspace written by a newer
    version, a database that holds something else, and (without ``create``) an empty one.

    The upgrade is one transaction on every backend. PostgreSQL's DDL is transactional as it
    is; Python's sqlite3 runs DDL outside any transaction (it begins one only before INSERT,
    UPDATE and DELETE), so on SQLite the upgrade's connection is switched to explicit
    transactions and begins with ``BEGIN IMMEDIATE`` (SQLAlchemy's recipe for transactional
    DDL with pysqlite): a failure at any step rolls every step back, the version too.

    Returns the revision it upgraded from: None when the workspace was at head already, ""
    when it was empty and has just been created."""
    where = where or display(str(engine.url))
    head = head_revision()
    try:
        with engine.connect() as conn:  # reads only: a workspace at head is opened without a lock
            if _needs_upgrade(conn, head, where, create) is None:
                return None
        if read_only:
            raise ReadOnlyError(where, f"{read_only}; it needs an upgrade to schema {head}, which writes to it")
        return _upgrade(engine, head, where, create)
    except SQLAlchemyError as e:
        raise WorkspaceError(f"cannot open workspace {where}: {one_line(e)}") from None


def _needs_upgrade(conn: Connection, head: str, where: str, create: bool) -> str | None:
    """The revision to upgrade from ("" for an empty database), None when at head; refusals
    as :func:`migrate` lists them."""
    found, current = recognition.schema_revision(conn, where)
    if found is recognition.Found.EMPTY:
        if not create:
            raise NoWorkspaceError(where, where if conn.dialect.name == "sqlite" else "URL")
        return ""
    if current == head:
        return None
    if current is not None:
        try:
            _script().get_revision(current)
        except Exception:  # noqa: BLE001 - alembic raises several kinds for unknown ids
            raise SchemaTooNewError(
                f"workspace {where} has schema version {current}, newer than this "
                f"Portwright understands ({head}); upgrade Portwright to open it"
            ) from None
    return current or ""


def _upgrade(engine: Engine, head: str, where: str, create: bool) -> str | None:
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        driver = conn.connection.dbapi_connection
        if sqlite:
            driver.isolation_level = None  # type: ignore[union-attr]  # no implicit BEGIN, no DDL autocommit

            def begin(c: Connection) -> None:
                c.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock first: one upgrader at a time

            event.listen(conn, "begin", begin)
        try:
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
                # Again, under the lock: another client may have upgraded (or filled) it meanwhile.
                current = _needs_upgrade(conn, head, where, create)
                if current is None:
                    return None
                from alembic import command

                cfg = _config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                return current
        finally:
            if sqlite:
                event.remove(conn, "begin", begin)
                driver.isolation_level = ""  # type: ignore[union-attr]  # back to what the store expects
