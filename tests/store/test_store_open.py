"""Opening a workspace: schema creation and upgrade, refusal of newer schemas, SQLite
settings, and where ``resolve`` finds the workspace (path, URL, environment, default)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from support.bindings import STANDARD

from model.store import SchemaTooNewError, Workspace, WorkspaceError, database
from model.store.schema import Base

SCHEMA_TABLES = {t.name for t in Base.metadata.sorted_tables}


def _revision(ws: Workspace) -> str | None:
    with ws.engine.connect() as conn:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def test_new_workspace_creates_the_schema_and_records_the_revision(workspace_url: str) -> None:
    with Workspace(workspace_url) as ws:
        tables = set(inspect(ws.engine).get_table_names())
        assert tables >= SCHEMA_TABLES
        assert "alembic_version" in tables
        assert _revision(ws) == database.head_revision()
        assert ws.entries() == []
        assert ws.applications() == []
        assert ws.audit() == []


def test_reopening_keeps_the_content(workspace_url: str) -> None:
    with Workspace(workspace_url) as ws:
        ws.import_file(STANDARD)
        before = (ws.entries(), ws.export(), ws.audit())
    with Workspace(workspace_url) as ws:
        assert (ws.entries(), ws.export(), ws.audit()) == before
        assert _revision(ws) == database.head_revision()


def test_a_newer_schema_is_refused_with_a_clear_message(workspace_url: str) -> None:
    with Workspace(workspace_url) as ws:
        ws.import_file(STANDARD)
        with ws.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(SchemaTooNewError) as info:
        Workspace(workspace_url)
    message = str(info.value)
    assert "9999_from_the_future" in message
    assert "newer" in message and "upgrade Portwright" in message
    assert "\n" not in message
    # The refusal did not touch the database: the revision is still the unknown one.
    engine = database.make_engine(database.resolve(workspace_url))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_from_the_future"
    finally:
        engine.dispose()


def test_an_empty_database_without_alembic_table_is_upgraded_to_head(workspace_url: str) -> None:
    engine = database.make_engine(database.resolve(workspace_url))
    try:
        assert database.migrate(engine) == database.head_revision()
        assert database.migrate(engine) == database.head_revision()  # idempotent
        assert set(inspect(engine).get_table_names()) >= SCHEMA_TABLES
    finally:
        engine.dispose()


def test_sqlite_connections_use_wal_and_foreign_keys(sqlite_url: str) -> None:
    with Workspace(sqlite_url) as ws:
        with ws.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar().lower() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        # Foreign keys are really enforced: a port of an application that does not exist.
        with pytest.raises(IntegrityError), ws.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO send_ports (name, state, xml, namespaces, indent, version, updated_at, "
                    "application_id, is_static, is_two_way) VALUES ('X', 1, '<SendPort/>', '', '  ', 1, "
                    "'2024-01-01 00:00:00', 4242, 1, 0)"
                )
            )


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"these are my notes, not a database\n" * 200)
    with pytest.raises(WorkspaceError, match="not a Portwright workspace .not an SQLite database."):
        Workspace(junk)
    assert not (tmp_path / "notes.sqlite-wal").exists() and not (tmp_path / "notes.sqlite-shm").exists()
    assert junk.read_bytes() == b"these are my notes, not a database\n" * 200


def test_an_unreachable_server_is_a_workspace_error() -> None:
    with pytest.raises(WorkspaceError, match="cannot open workspace"):
        Workspace("postgresql://nobody@127.0.0.1:1/nothing")


def test_an_unknown_database_kind_is_a_workspace_error() -> None:
    with pytest.raises(WorkspaceError, match="cannot use workspace"):
        Workspace("nosuchdb://somewhere/x")


# -- resolve: where the workspace lives ------------------------------------------------------


def test_resolve_a_path(tmp_path: Path) -> None:
    assert database.resolve(tmp_path / "w.sqlite") == f"sqlite:///{tmp_path / 'w.sqlite'}"
    assert database.resolve(str(tmp_path / "w.sqlite")) == f"sqlite:///{tmp_path / 'w.sqlite'}"


def test_resolve_a_relative_path_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert database.resolve("w.sqlite") == f"sqlite:///{tmp_path.resolve() / 'w.sqlite'}"


def test_resolve_expands_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert database.resolve("~/w.sqlite") == f"sqlite:///{tmp_path.resolve() / 'w.sqlite'}"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("sqlite:////tmp/x/w.sqlite", "sqlite:////tmp/x/w.sqlite"),
        ("postgresql://u:secret@db.example:5433/pw", "postgresql+psycopg://u:secret@db.example:5433/pw"),
        ("postgres://u@db.example/pw", "postgresql+psycopg://u@db.example/pw"),
        ("postgresql+psycopg://u@db.example/pw", "postgresql+psycopg://u@db.example/pw"),
    ],
)
def test_resolve_a_url(spec: str, expected: str) -> None:
    assert database.resolve(spec) == expected


def test_display_hides_the_password() -> None:
    shown = database.display(database.resolve("postgresql://u:secret@db.example/pw"))
    assert "secret" not in shown and "u:***@db.example" in shown


def test_resolve_uses_the_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(database.ENV_VAR, str(tmp_path / "from-env.sqlite"))
    assert database.resolve(None) == f"sqlite:///{tmp_path / 'from-env.sqlite'}"
    monkeypatch.setenv(database.ENV_VAR, "postgresql://team@db.example/shared")
    assert database.resolve(None) == "postgresql+psycopg://team@db.example/shared"
    # An explicit location wins over the environment.
    assert database.resolve(tmp_path / "explicit.sqlite") == f"sqlite:///{tmp_path / 'explicit.sqlite'}"


def test_resolve_default_is_in_the_user_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    url = database.resolve(None)
    assert url == f"sqlite:///{tmp_path / 'xdg' / 'Portwright' / 'workspace.sqlite'}"
    assert (tmp_path / "xdg" / "Portwright").is_dir()  # created so that SQLite can create the file


def test_resolve_default_without_xdg_uses_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    url = database.resolve(None)
    assert url == f"sqlite:///{tmp_path / '.local' / 'share' / 'Portwright' / 'workspace.sqlite'}"


def test_default_workspace_opens_and_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(database.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Workspace() as ws:
        ws.import_file(STANDARD)
    assert (tmp_path / "data" / "Portwright" / "workspace.sqlite").stat().st_size > 0


def test_resolve_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as info:
        database.resolve(tmp_path)
    assert "is a folder" in str(info.value)
    assert str(tmp_path / "workspace.sqlite") in str(info.value)  # says what to give instead


def test_resolve_refuses_a_missing_parent_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as info:
        database.resolve(tmp_path / "missing" / "w.sqlite")
    assert f"folder {tmp_path / 'missing'} does not exist" in str(info.value)
    assert not (tmp_path / "missing").exists()  # nothing created behind the user's back


def test_resolve_refuses_a_malformed_url() -> None:
    with pytest.raises(WorkspaceError, match="not a database URL"):
        database.resolve("://no-scheme")


def test_resolve_refuses_a_url_with_a_non_numeric_port() -> None:
    with pytest.raises(WorkspaceError, match="not a database URL"):
        database.resolve("postgresql://user@host:notaport/db")


def test_workspace_user_defaults_to_the_os_user(sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "os-login-name")
    monkeypatch.setenv("USER", "os-login-name")
    with Workspace(sqlite_url) as ws:
        assert ws.user == "os-login-name"
    with Workspace(sqlite_url, user="given") as ws:
        assert ws.user == "given"


def test_workspace_display_has_no_password() -> None:
    with pytest.raises(WorkspaceError) as info:
        Workspace("postgresql://u:topsecret@127.0.0.1:1/x")
    assert "topsecret" not in str(info.value)


def test_the_migrations_build_exactly_the_schema_the_code_uses(workspace_url: str) -> None:
    """Every table, column, index and constraint of ``model.store.schema`` comes from a migration:
    alembic's autogenerate finds nothing to add, drop or alter after upgrading to head."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = database.make_engine(database.resolve(workspace_url))
    try:
        database.migrate(engine)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_upgrading_an_older_workspace_keeps_its_content(workspace_url: str) -> None:
    from alembic import command

    with Workspace(workspace_url) as ws:
        ws.import_file(STANDARD)
        before = (ws.entries(), ws.export(), ws.audit())
        with ws.engine.begin() as conn:  # back to the first schema
            cfg = database._config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
    with Workspace(workspace_url) as ws:
        assert _revision(ws) == database.head_revision()
        assert (ws.entries(), ws.export(), ws.audit()) == before
        names = {ix["name"] for ix in inspect(ws.engine).get_indexes("send_ports")}
        assert "ix_send_ports_source_slot" in names and "ix_send_ports_source_id" not in names


def test_the_head_read_from_the_scripts_is_alembics() -> None:
    from alembic.script import ScriptDirectory

    assert database.head_revision() == ScriptDirectory.from_config(database._config()).get_current_head()


def test_opening_a_workspace_at_head_does_not_load_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    location = tmp_path / "w.sqlite"
    Workspace(location).close()
    code = (
        "import sys; from model.store import Workspace; "
        f"Workspace({str(location)!r}).entries(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako', 'pygments')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
