"""A workspace is recognised before anything is written to it: another application's database
is refused and left byte for byte as it was (no log files beside it either), nothing is
created unless asked for, and a workspace the user cannot write opens for reading with every
write refused and the reason given."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from support.bindings import STANDARD

from model.lifecycle import Action, Subject
from model.store import Workspace, WorkspaceError, database
from model.store.errors import NotAWorkspaceError, NoWorkspaceError, ReadOnlyError

PORTWRIGHT = Path(sys.executable).with_name("portwright")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _foreign(path: Path, *, wal: bool = False) -> sqlite3.Connection:
    """Another application's SQLite database (a table of its own, one row), still open."""
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Contoso')")
    conn.commit()
    return conn


@pytest.mark.parametrize("create", [False, True])
def test_another_applications_sqlite_database_is_refused_and_left_byte_identical(tmp_path: Path, create: bool) -> None:
    folder = tmp_path / "app"
    folder.mkdir()
    _foreign(folder / "app.db").close()
    before = _files(folder)
    with pytest.raises(NotAWorkspaceError) as info:
        Workspace(folder / "app.db", create=create)
    message = str(info.value)
    assert (
        message
        == f"{folder / 'app.db'}: not a Portwright workspace (an SQLite database of another application: customers); it was left as it is"
    )
    assert _files(folder) == before, "not one byte written, no -wal or -shm made beside it"


def test_a_foreign_database_whose_tables_are_still_in_its_log_is_refused(tmp_path: Path) -> None:
    """Open in WAL mode by its own application: the tables may be in the -wal file only."""
    path = tmp_path / "busy.db"
    conn = _foreign(path, wal=True)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)")
    conn.commit()
    try:
        assert (tmp_path / "busy.db-wal").stat().st_size > 0
        with pytest.raises(NotAWorkspaceError, match="customers, orders"):
            Workspace(path)
        assert conn.execute("SELECT name FROM customers").fetchall() == [("Contoso",)]
    finally:
        conn.close()
    assert {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type='table'")} == {
        "customers",
        "orders",
    }


def test_a_workspace_another_client_just_created_is_recognised(tmp_path: Path) -> None:
    """Its schema may be in the -wal file only, while the first client keeps it open."""
    first = Workspace(tmp_path / "w.sqlite")
    try:
        with first.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        first.import_file(STANDARD)
        with Workspace(tmp_path / "w.sqlite", create=False) as second:
            assert [e.name for e in second.entries()] == [e.name for e in first.entries()]
    finally:
        first.close()


def test_nothing_is_created_unless_asked_for(tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite"
    with pytest.raises(NoWorkspaceError) as info:
        Workspace(missing, create=False)
    assert f"{missing}: no workspace here (create one with `portwright init {missing}`" in str(info.value)
    nested = tmp_path / "no" / "such" / "folder" / "w.sqlite"
    for create in (False, True):
        with pytest.raises(WorkspaceError, match="folder .* does not exist"):
            Workspace(nested, create=create)
    assert list(tmp_path.iterdir()) == [], "no file, no folder"


def test_an_empty_file_is_not_a_workspace_until_one_is_made_in_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    with pytest.raises(NoWorkspaceError):
        Workspace(empty, create=False)
    assert _files(tmp_path) == {"empty.sqlite": b""}
    with Workspace(empty, create=True) as ws:  # `portwright init`, the window's New
        assert ws.created and ws.entries() == []
    with Workspace(empty, create=False) as ws:
        assert not ws.created


def test_an_sqlite_database_with_no_tables_is_empty_not_foreign(tmp_path: Path) -> None:
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=7")  # a header, a page: a database, with nothing in it
    conn.close()
    with pytest.raises(NoWorkspaceError):
        Workspace(path, create=False)
    with Workspace(path) as ws:
        assert ws.created


def test_the_default_workspace_is_made_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    monkeypatch.setattr(database, "default_location", lambda: tmp_path / "data" / "workspace.sqlite")
    with Workspace(None, create=False) as ws:
        assert ws.created and (tmp_path / "data" / "workspace.sqlite").is_file()
    monkeypatch.setenv(database.ENV_VAR, str(tmp_path / "named.sqlite"))
    with pytest.raises(NoWorkspaceError):
        Workspace(None, create=False)  # one the user named is not made by a typo
    assert not (tmp_path / "named.sqlite").exists()


@pytest.mark.postgres
def test_a_postgresql_database_of_another_application_is_refused(postgres_url: str) -> None:
    engine = create_engine(database.resolve(postgres_url))
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"))
            conn.execute(text("INSERT INTO invoices VALUES (1, 9.5)"))
        for create in (False, True):
            with pytest.raises(
                NotAWorkspaceError, match=r"not a Portwright workspace \(a database of another application: invoices\)"
            ):
                Workspace(postgres_url, create=create)
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) == {"invoices"}
            assert conn.execute(text("SELECT total FROM invoices")).scalar() == 9.5
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_an_empty_postgresql_database_becomes_a_workspace_only_when_asked(postgres_url: str) -> None:
    with pytest.raises(NoWorkspaceError, match=r"portwright init URL"):
        Workspace(postgres_url, create=False)
    with Workspace(postgres_url, create=True) as ws:
        assert ws.created
    with Workspace(postgres_url, create=False) as ws:
        assert not ws.created and ws.entries() == []


# -- read-only --------------------------------------------------------------------------------


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "shared" / "w.sqlite"
    path.parent.mkdir()
    with Workspace(path) as ws:
        ws.import_file(STANDARD)
    return path


def test_mode_ro_opens_for_reading_and_refuses_every_write(filled: Path) -> None:
    before = filled.read_bytes()
    with Workspace(f"sqlite:///{filled}?mode=ro", create=False) as ws:
        assert ws.read_only == "opened with ?mode=ro"
        names = [e.name for e in ws.entries()]
        assert names and ws.export()
        port = next(e.name for e in ws.entries() if e.kind.value == "port")
        with pytest.raises(ReadOnlyError) as info:
            ws.perform(Action.ENLIST, [Subject.port(port)])
        assert str(info.value) == f"{filled}: workspace is read-only (opened with ?mode=ro; nothing was changed)"
        with pytest.raises(ReadOnlyError):
            ws.import_file(STANDARD)
    assert filled.read_bytes() == before  # SQLite's readers may add its -shm index beside it


def test_mode_ro_on_nothing_is_an_error_not_a_new_file(tmp_path: Path) -> None:
    with pytest.raises(ReadOnlyError, match="no workspace here to read"):
        Workspace(f"sqlite:///{tmp_path / 'none.sqlite'}?mode=ro", create=True)
    assert list(tmp_path.iterdir()) == []


def test_mode_ro_on_an_older_schema_says_it_needs_an_upgrade(filled: Path) -> None:
    head = ScriptDirectory.from_config(database._config()).get_revision(database.head_revision())
    with Workspace(filled) as ws, ws.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head.down_revision})
    with pytest.raises(ReadOnlyError, match="needs an upgrade to schema"):
        Workspace(f"sqlite:///{filled}?mode=ro")


def test_unknown_url_parameters_are_named(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match=r"unknown URL parameter 'mood'"):
        Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}?mood=ro")
    with pytest.raises(WorkspaceError, match=r"mode=rw is not supported"):
        Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}?mode=rw")
    with pytest.raises(WorkspaceError, match=r"unknown connection option 'sslmood'"):
        Workspace("postgresql://u:secret@127.0.0.1:1/db?sslmood=require")
    assert list(tmp_path.iterdir()) == []


def test_a_malformed_url_never_echoes_its_password() -> None:
    with pytest.raises(WorkspaceError) as info:
        Workspace("postgresql://admin:s3cr3t-pw@db.example:notaport/portwright")
    assert "s3cr3t-pw" not in str(info.value) and "admin:***@" in str(info.value)


def _without_file_permission_overrides(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command as root without the capabilities that let root write what it may not:
    the file modes then count as they do for any user."""
    command = [str(PORTWRIGHT)] if PORTWRIGHT.exists() else [sys.executable, "-m", "designer"]
    setpriv = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner"] if os.geteuid() == 0 else []
    env = {k: v for k, v in os.environ.items() if k != "PORTWRIGHT_WORKSPACE"}
    return subprocess.run(
        [*setpriv, *command, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=60, check=False
    )


@pytest.fixture
def locked(filled: Path) -> Iterator[Path]:
    """The workspace in a folder nobody may write, the file itself read-only too."""
    if os.geteuid() == 0 and subprocess.run(["setpriv", "--version"], capture_output=True, check=False).returncode:
        pytest.skip("setpriv is needed to drop root's file permission overrides")
    filled.chmod(0o444)
    filled.parent.chmod(0o555)
    try:
        yield filled
    finally:
        filled.parent.chmod(0o755)
        filled.chmod(0o600)


def test_a_workspace_in_a_read_only_folder_is_listed_and_writes_are_explained(locked: Path) -> None:
    before = _files(locked.parent)
    listed = _without_file_permission_overrides(["--workspace", str(locked), "ls"], locked.parent)
    assert listed.returncode == 0, listed.stderr
    assert "readonly database" not in listed.stderr and len(listed.stdout.splitlines()) > 1
    port = listed.stdout.splitlines()[1].split()[1]
    started = _without_file_permission_overrides(["--workspace", str(locked), "enlist", port], locked.parent)
    assert started.returncode == 2, started.stderr
    assert (
        started.stderr.strip()
        == f"portwright: {locked}: workspace is read-only (the file is not writable; nothing was changed)"
    )
    assert _files(locked.parent) == before, "nothing written, no log files made"


def test_a_read_only_file_in_a_writable_folder_is_read_through_sqlite(filled: Path) -> None:
    filled.chmod(0o444)
    try:
        result = _without_file_permission_overrides(["--workspace", str(filled), "ls", "--json"], filled.parent)
        assert result.returncode == 0, result.stderr
        assert '"name"' in result.stdout
    finally:
        filled.chmod(0o600)
