"""Where a workspace lives and how it is opened: engines, SQLite settings, migrations, and
which files are an SQLite workspace's own (never to be opened except through SQLite)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from model.store.errors import SchemaTooNewError, WorkspaceError

ENV_VAR = "PORTWRIGHT_WORKSPACE"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_location() -> Path:
    """The embedded workspace: an SQLite file in the user's data folder."""
    return user_data_path("Portwright", appauthor=False) / "workspace.sqlite"


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
        except (ArgumentError, ValueError) as e:
            raise WorkspaceError(f"not a database URL: {text!r} ({one_line(e)})") from None
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False)
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder; give a workspace file (for example {path / 'workspace.sqlite'})")
    if not path.parent.exists():
        raise WorkspaceError(f"{path}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


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


def make_engine(url: str) -> Engine:
    try:
        if url == "sqlite://":  # one shared in-memory database (rendering a file, tests)
            engine = create_engine(
                url, poolclass=StaticPool, connect_args={"check_same_thread": False}, use_insertmanyvalues=False
            )
            event.listen(engine, "connect", _sqlite_pragmas)
        elif url.startswith("sqlite"):
            _create_private(url)
            # Plain executemany: SQLite gains nothing from batched multi-row VALUES statements,
            # and compiling them costs more than the inserts.
            engine = create_engine(
                url, connect_args={"timeout": 30, "check_same_thread": False}, use_insertmanyvalues=False
            )
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError) as e:
        raise WorkspaceError(f"cannot use workspace {display(url)}: {e}") from None
    return engine


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def migrate(engine: Engine) -> str:
    """Create or upgrade the schema; refuse a workspace written by a newer version."""
    cfg = _config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    try:
        with engine.begin() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return head or ""
            if current is not None:
                try:
                    script.get_revision(current)
                except Exception:  # noqa: BLE001 - alembic raises several kinds for unknown ids
                    raise SchemaTooNewError(
                        f"workspace {display(str(engine.url))} has schema version {current}, newer than this "
                        f"Portwright understands ({head}); upgrade Portwright to open it"
                    ) from None
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as e:
        raise WorkspaceError(f"cannot open workspace {display(str(engine.url))}: {one_line(e)}") from None
    return head or ""
