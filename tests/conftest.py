"""Test-wide setup: Qt offscreen before Qt loads; where the shared corpus lives (if it does)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "bindings"
BINDCMP = ROOT.parent / "shared" / "tools" / "bindcmp.py"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.xml"))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


# -- workspaces: SQLite files and a real PostgreSQL server ---------------------------------


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server started from Debian's binaries for the whole session.

    Skips (visibly) only when the binaries are absent; fails with the server's own words
    when they are present but the server cannot be set up."""
    from support.postgres import NOT_FOUND, PostgresUnavailable, start_server

    try:
        server = start_server()
    except PostgresUnavailable as e:
        pytest.fail(f"PostgreSQL could not be started: {e}", pytrace=False)
    if server is None:
        pytest.skip(NOT_FOUND)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_database(postgres_server) -> str:
    """The session's test database (each test gets its own schema in it)."""
    return postgres_server.create_database("portwright_tests")


@pytest.fixture
def postgres_url(postgres_server, postgres_database: str) -> str:
    """A URL to a new, empty workspace on the session's server, removed after the test.

    Each test gets a schema of its own (first on the connection's search path): as private
    as a database, at a fraction of the cost of CREATE DATABASE."""
    schema = postgres_server.create_schema(postgres_database)
    try:
        yield postgres_server.url(postgres_database, schema)
    finally:
        postgres_server.drop_schema(postgres_database, schema)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'workspace.sqlite'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def workspace_url(request: pytest.FixtureRequest) -> str:
    """A URL to a new, empty workspace database, on each backend in turn."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("postgres_url")
