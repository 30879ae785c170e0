"""Creating a workspace is explicit: ``portwright init``, or an import into a path where
nothing is yet. Every other command on a missing path, an empty file or another application's
database exits 2 with a message that names the place and creates nothing."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from support.bindings import STANDARD

from designer.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return rc, out, err


@pytest.fixture
def bindings(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "standard.xml"
    path.parent.mkdir()
    path.write_bytes(STANDARD)
    return path


@pytest.mark.parametrize(
    "command",
    [["ls"], ["log"], ["enlist", "Any.Port"], ["start", "--group", "Any.Group"], ["export", "-o", "out.xml"]],
    ids=lambda c: c[0] if isinstance(c, list) else c,
)
def test_commands_on_a_mistyped_path_create_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    typo = tmp_path / "worksapce.sqlite"
    rc, out, err = run(capsys, "--workspace", str(typo), *command)
    assert (rc, out) == (2, "")
    assert err == (
        f"portwright: {typo}: no workspace here (create one with `portwright init {typo}` or import a file into it)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_init_creates_a_private_workspace_and_leaves_an_existing_one_as_it_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bindings: Path
) -> None:
    path = tmp_path / "team.sqlite"
    assert run(capsys, "init", str(path)) == (0, f"created workspace {path}\n", "")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert run(capsys, "--workspace", str(path), "ls", "--json") == (0, "[]\n", "")
    assert run(capsys, "--workspace", str(path), "import", str(bindings))[0] == 0
    rc, out, _ = run(capsys, "--workspace", str(path), "init")  # the --workspace form
    assert (rc, out) == (0, f"{path} is a workspace already; left as it is\n")
    rc, out, _ = run(capsys, "--workspace", str(path), "ls", "--json")
    assert rc == 0 and out.count('"name"') > 3, "init kept what was there"


def test_init_makes_an_empty_file_a_workspace(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "touched.sqlite"
    path.touch()
    rc, _, err = run(capsys, "--workspace", str(path), "ls")
    assert rc == 2 and "no workspace here" in err and path.read_bytes() == b""
    assert run(capsys, "init", str(path)) == (0, f"created workspace {path}\n", "")


@pytest.mark.parametrize("command", [["init"], ["ls"], ["import", "BINDINGS"]])
def test_another_applications_database_is_refused_byte_identical(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bindings: Path, command: list[str]
) -> None:
    other = tmp_path / "other_app.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
    conn.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    args = [str(bindings) if a == "BINDINGS" else a for a in command]
    rc, out, err = run(capsys, "--workspace", str(other), *args)
    assert (rc, out) == (2, "")
    assert err == (
        f"portwright: {other}: not a Portwright workspace (an SQLite database of another application: "
        "accounts, ledger); it was left as it is\n"
    )
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "other_app.db"], "no -wal, no -shm"


def test_import_creates_a_workspace_where_nothing_is_yet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bindings: Path
) -> None:
    path = tmp_path / "new.sqlite"
    rc, out, _ = run(capsys, "--workspace", str(path), "import", str(bindings))
    assert rc == 0 and out.startswith(f"created workspace {path}\ncreated application")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rc, out, _ = run(capsys, "--workspace", str(path), "ls", "--json")
    assert rc == 0 and out.count('"name"') > 3


def test_import_does_not_turn_an_empty_file_into_a_workspace(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bindings: Path
) -> None:
    path = tmp_path / "empty.sqlite"
    path.touch()
    rc, _, err = run(capsys, "--workspace", str(path), "import", str(bindings))
    assert rc == 2 and f"{path}: no workspace here" in err
    assert path.read_bytes() == b""


def test_an_import_that_fails_on_its_file_creates_no_workspace(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<NotBindings/>")
    rc, _, err = run(capsys, "--workspace", str(tmp_path / "new.sqlite"), "import", str(bad))
    assert rc == 2 and "not a binding file" in err
    assert not (tmp_path / "new.sqlite").exists()


@pytest.mark.postgres
def test_init_and_ls_on_postgresql(capsys: pytest.CaptureFixture[str], postgres_url: str) -> None:
    from sqlalchemy.engine import make_url

    password = make_url(postgres_url).password
    rc, _, err = run(capsys, "--workspace", postgres_url, "ls")
    assert rc == 2 and "no workspace here (create one with `portwright init URL`" in err
    rc, out, _ = run(capsys, "init", postgres_url)
    assert rc == 0 and out.startswith("created workspace postgresql")
    assert not password or (password not in out and password not in err)
    assert run(capsys, "--workspace", postgres_url, "ls", "--json") == (0, "[]\n", "")


def test_a_refused_import_into_a_new_path_leaves_no_workspace_behind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from support.bindings import binding_file, port

    clash = tmp_path / "clash.xml"
    clash.write_bytes(binding_file(ports=[port("Orders.Out", "App"), port("orders.out", "App")]))
    rc, out, err = run(capsys, "--workspace", str(tmp_path / "new.sqlite"), "import", str(clash))
    assert rc != 0 and out == "" and "orders.out" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clash.xml"]
