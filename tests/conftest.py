"""Test-wide setup: Qt offscreen before Qt loads; Hypothesis profiles; where the shared corpus
lives (if it does); workspaces on SQLite and on a PostgreSQL server started for the session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# -- the key that seals a workspace's secrets: never the user's keyring, key file or own key. Set
# here, before any test runs, so that every subprocess a test starts inherits it.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("PORTWRIGHT_SECRET_KEY", None)

# -- Hypothesis: "ci" runs every test's full count of examples, "dev" a fifth of it (the edit-test
# loop). HYPOTHESIS_PROFILE chooses; otherwise CI=true means ci and anything else dev.
settings.register_profile("ci", max_examples=100, print_blob=True)
settings.register_profile("dev", max_examples=20)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or (
    "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
)
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(full: int) -> int:
    """The example count for a test whose full count is ``full``: all of it under the ci profile,
    scaled like the profile's default (100) otherwise, never fewer than 10."""
    return min(full, max(10, full * settings.default.max_examples // 100))


#: Modules whose every test is slow by nature, however many tests they gain: two clients on one
#: workspace, the window's document and a second client (a real ``portwright`` process, or a
#: second connection driven by Hypothesis) taking turns step by step.
SLOW_MODULES = ("*two_clients*.py",)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "bindings"
BINDCMP = ROOT.parent / "shared" / "tools" / "bindcmp.py"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.xml"))


@pytest.fixture(scope="session", autouse=True)
def _key_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's key file folder (one per xdist worker), inherited by every ``portwright``
    subprocess: the tests never read or make a key in the user's config folder."""
    folder = tmp_path_factory.mktemp("keys")
    before = os.environ.get("PORTWRIGHT_KEY_DIR")
    os.environ["PORTWRIGHT_KEY_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop("PORTWRIGHT_KEY_DIR", None)
        else:
            os.environ["PORTWRIGHT_KEY_DIR"] = before


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts in English, whatever the machine's language, its saved View > Language
    or a test before it (``gui --lang`` sets ``PORTWRIGHT_LANG`` for the app it starts): the
    French tests ask for French themselves."""
    monkeypatch.setenv("PORTWRIGHT_LANG", "en")


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by these marks
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the PostgreSQL server ``postgres`` (not only the parametrized
    ones), and every test of SLOW_MODULES ``slow``, so that ``-m`` can leave them out."""
    for item in items:
        if "postgres_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)
        if any(fnmatch(item.path.name, pattern) for pattern in SLOW_MODULES):
            item.add_marker(pytest.mark.slow)


# -- workspaces: SQLite files and a real PostgreSQL server ---------------------------------


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server started from Debian's binaries for the whole session. Under pytest-xdist
    each worker is a session of its own, so each starts its own server (own folder, socket, port).

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
