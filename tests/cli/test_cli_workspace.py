"""The workspace commands of ``portwright``: output, exit codes (0 done, 1 refused by a rule,
2 unusable input), all-or-nothing bulk actions, and never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.bindings import STANDARD, binding_file, group, port

from designer.cli import main
from model import fileio
from model.bindings import load
from model.lifecycle import State
from model.store import Workspace

PORTWRIGHT = Path(sys.executable).with_name("portwright")
HEADER = ["KIND", "NAME", "APPLICATION", "STATE", "ADAPTER", "ADDRESS"]


class Cli:
    """Runs ``portwright --workspace URL ...`` in-process and checks stderr for tracebacks."""

    def __init__(self, url: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.url = url
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        rc = main(["--workspace", self.url, *args])
        out, err = self.capsys.readouterr()
        assert "Traceback" not in err and "internal error" not in err, err
        if rc == 0:
            assert err == "" or err.startswith("wrote "), err
        else:
            assert err.startswith("portwright: "), err
        return rc, out, err

    def states(self) -> dict[str, str]:
        rc, out, _ = self("ls", "--json")
        assert rc == 0
        return {o["name"]: o["state"] for o in json.loads(out)}

    def everything(self) -> tuple[str, bytes, str]:
        """ls, export and log: what the command line can see of the workspace."""
        with Workspace(self.url) as ws:
            return repr(ws.entries()), ws.export(), repr(ws.audit())


@pytest.fixture
def standard_file(tmp_path: Path) -> Path:
    path = tmp_path / "standard.xml"
    path.write_bytes(STANDARD)
    return path


@pytest.fixture
def cli(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line over an SQLite workspace (the store's tests cover both backends;
    test_the_commands_on_each_backend runs the commands against PostgreSQL too), made with
    ``portwright init`` (no other command creates one)."""
    assert main(["init", sqlite_url]) == 0
    return Cli(sqlite_url, capsys)


@pytest.fixture
def loaded(cli: Cli, standard_file: Path) -> Cli:
    rc, _, _ = cli("import", str(standard_file))
    assert rc == 0
    return cli


# -- import -----------------------------------------------------------------------------------


def test_import_prints_the_summary(cli: Cli, standard_file: Path) -> None:
    rc, out, _ = cli("import", str(standard_file))
    assert rc == 0
    assert out.splitlines() == [
        "created application 'App'",
        "created send port 'A' (Unenlisted)",
        "created send port 'B' (Unenlisted)",
        "created send port 'C' (Unenlisted)",
        "created send port 'R' (Unenlisted)",
        "created send port 'D' (Unenlisted)",
        "created send port group 'G1' (Unenlisted)",
        "created send port group 'G2' (Unenlisted)",
        "created send port group 'Empty' (Unenlisted)",
        f"{standard_file}: 5 send port(s), 3 send port group(s): 8 created, 0 replaced, 0 merged",
    ]


def test_import_again_replaces_and_merges(loaded: Cli, tmp_path: Path) -> None:
    again = tmp_path / "again.xml"
    again.write_bytes(binding_file([port("A"), port("N")], [group("G2", ["N", "B"])]))
    rc, out, _ = loaded("import", str(again))
    assert rc == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "created send port 'N' (Unenlisted)",
        "replaced send port 'A'",
        "merged members of send port group 'G2': added 'N'",
    ]
    # (how many groups the last line counts: see test_store_transfer's summary count test)
    assert lines[3].startswith(f"{again}: 2 send port(s), ") and lines[3].endswith("1 created, 1 replaced, 1 merged")
    assert len(lines) == 4


def test_import_into_an_application(cli: Cli, standard_file: Path, tmp_path: Path) -> None:
    rc, out, _ = cli("import", "-a", "Elsewhere", str(standard_file))
    assert rc == 0 and out.splitlines()[0] == "created application 'Elsewhere'"
    rc, out, _ = cli("ls", "--json")
    assert {o["application"] for o in json.loads(out)} == {"Elsewhere"}
    target = tmp_path / "out.xml"
    assert cli("export", "-o", str(target))[0] == 0
    assert {p.application for p in load(target).send_ports} == {"Elsewhere"}


def test_import_several_files_reads_them_all_before_importing_any(
    cli: Cli, standard_file: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<NotBindings/>")
    rc, out, err = cli("import", str(standard_file), str(bad))
    assert rc == 2 and out == ""
    assert "not a binding file" in err and str(bad) in err and "nothing was imported" in err
    assert cli.states() == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"<BindingInfo><SendPortCollection>", ""),
        (b"\x00\x01 binary junk", ""),
    ],
)
def test_import_of_an_unusable_file_changes_nothing(
    loaded: Cli, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "input.xml"
    if content is not None:
        path.write_bytes(content)
    before = loaded.everything()
    rc, out, err = loaded("import", str(path))
    assert rc == 2 and out == ""
    assert message in err and str(path) in err
    assert len(err.strip().splitlines()) == 1
    assert loaded.everything() == before


# -- export -----------------------------------------------------------------------------------


def test_export_gives_the_imported_file_back(loaded: Cli, tmp_path: Path) -> None:
    target = tmp_path / "exported.xml"
    rc, out, err = loaded("export", "-o", str(target))
    assert rc == 0 and out == ""
    assert err == f"wrote {target} ({len(STANDARD):,} bytes)\n"
    assert target.read_bytes() == STANDARD


def test_export_to_standard_output(sqlite_url: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    with Workspace(sqlite_url) as ws:
        ws.import_file(STANDARD)
    capsysbinary.readouterr()
    rc = main(["--workspace", sqlite_url, "export", "-o", "-"])
    out, _ = capsysbinary.readouterr()
    assert rc == 0 and out == STANDARD


def test_export_selections(loaded: Cli, tmp_path: Path) -> None:
    extra = tmp_path / "other.xml"
    extra.write_bytes(binding_file([port("O1", "Other")], [group("OG", ["O1"], "Other")]))
    assert loaded("import", str(extra))[0] == 0
    target = tmp_path / "sel.xml"
    assert loaded("export", "-a", "Other", "-o", str(target))[0] == 0
    doc = load(target)
    assert ([p.name for p in doc.send_ports], [g.name for g in doc.groups]) == (["O1"], ["OG"])
    assert loaded("export", "--port", "B", "--port", "O1", "--group", "G2", "-o", str(target))[0] == 0
    doc = load(target)
    assert (sorted(p.name for p in doc.send_ports), [g.name for g in doc.groups]) == (["B", "O1"], ["G2"])
    assert loaded("export", "-a", "App", "-a", "Other", "-o", str(target))[0] == 0
    assert len(load(target).send_ports) == 6


@pytest.mark.parametrize("selection", [["-a", "Nope"], ["--port", "Nope"], ["--group", "Nope"]])
def test_export_of_an_unknown_name(loaded: Cli, tmp_path: Path, selection: list[str]) -> None:
    target = tmp_path / "x.xml"
    rc, _, err = loaded("export", *selection, "-o", str(target))
    assert rc == 2 and "'Nope'" in err
    assert not target.exists()


def test_export_to_an_unusable_place(loaded: Cli, tmp_path: Path) -> None:
    rc, _, err = loaded("export", "-o", str(tmp_path / "missing" / "x.xml"))
    assert rc == 2 and "does not exist" in err
    rc, _, err = loaded("export", "-o", str(tmp_path))
    assert rc == 2 and "is a directory" in err


def test_export_is_atomic(loaded: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while writing leaves the previous file whole and no temporary file behind."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "exported.xml"
    target.write_bytes(b"previous content")

    def failing_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", failing_replace)
    rc, _, err = loaded("export", "-o", str(target))
    assert rc == 2 and "No space left on device" in err
    assert target.read_bytes() == b"previous content"
    assert [p.name for p in folder.iterdir()] == ["exported.xml"]
    monkeypatch.undo()
    assert loaded("export", "-o", str(target))[0] == 0
    assert target.read_bytes() == STANDARD
    assert [p.name for p in folder.iterdir()] == ["exported.xml"]


def test_export_writes_through_a_temporary_file(loaded: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "exported.xml"
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spying_replace(src, dst):  # type: ignore[no-untyped-def]
        renames.append((str(src), str(dst)))
        assert Path(src).read_bytes() == STANDARD and not Path(dst).exists()
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", spying_replace)
    assert loaded("export", "-o", str(target))[0] == 0
    assert len(renames) == 1 and renames[0][1] == str(target)
    assert Path(renames[0][0]).parent == target.parent  # same folder: the rename is atomic


# -- ls ---------------------------------------------------------------------------------------


def test_ls_prints_columns(loaded: Cli) -> None:
    loaded("start", "B")
    rc, out, _ = loaded("ls")
    assert rc == 0
    lines = out.splitlines()
    assert lines[0].split() == HEADER
    rows = [line.split() for line in lines[1:]]
    assert rows == [
        ["port", "A", "App", "Unenlisted", "FILE", "C:\\Out\\A\\%MessageID%.xml"],
        ["port", "B", "App", "Started", "FILE", "C:\\Out\\B\\%MessageID%.xml"],
        ["port", "C", "App", "Unenlisted", "FILE", "C:\\Out\\C\\%MessageID%.xml"],
        ["port", "D", "App", "Unenlisted"],
        ["port", "R", "App", "Unenlisted", "HTTP", "http://example.test/r"],
        ["group", "Empty", "App", "Unenlisted"],
        ["group", "G1", "App", "Unenlisted"],
        ["group", "G2", "App", "Unenlisted"],
    ]
    # Columns line up: each column starts at the same offset on every line.
    for column in HEADER[1:]:
        start = lines[0].index(column)
        assert all(line[start - 2 : start] == "  " for line in lines if len(line) > start)


def test_ls_json_has_exactly_the_documented_keys(loaded: Cli) -> None:
    loaded("enlist", "C")
    rc, out, _ = loaded("ls", "--json")
    assert rc == 0
    objects = json.loads(out)
    assert isinstance(objects, list) and len(objects) == 8
    for o in objects:
        keys = {"kind", "name", "application", "state", "adapter", "address"}
        assert set(o) == (keys | {"members"} if o["kind"] == "group" else keys)
        assert o["state"] in {"Unenlisted", "Stopped", "Started"}
        assert o["kind"] in {"port", "group"}
    assert objects[0] == {
        "kind": "port",
        "name": "A",
        "application": "App",
        "state": "Unenlisted",
        "adapter": "FILE",
        "address": "C:\\Out\\A\\%MessageID%.xml",
    }
    by_name = {o["name"]: o for o in objects}
    assert by_name["C"]["state"] == "Stopped"
    assert by_name["G1"] == {
        "kind": "group",
        "name": "G1",
        "application": "App",
        "state": "Unenlisted",
        "adapter": None,
        "address": None,
        "members": ["A", "B"],
    }


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("Started", ["B"]),
        ("started", ["B"]),
        ("3", ["B"]),
        ("Stopped", ["C"]),
        ("Enlisted", ["C"]),
        ("Bound", ["A", "D", "R", "Empty", "G1", "G2"]),
        ("Unenlisted", ["A", "D", "R", "Empty", "G1", "G2"]),
    ],
)
def test_ls_by_state(loaded: Cli, state: str, expected: list[str]) -> None:
    loaded("start", "B")
    loaded("enlist", "C")
    rc, out, _ = loaded("ls", "--state", state, "--json")
    assert rc == 0 and [o["name"] for o in json.loads(out)] == expected


def test_ls_by_application(loaded: Cli, tmp_path: Path) -> None:
    extra = tmp_path / "other.xml"
    extra.write_bytes(binding_file([port("O1", "Other")]))
    loaded("import", str(extra))
    rc, out, _ = loaded("ls", "-a", "Other")
    assert rc == 0 and [line.split()[1] for line in out.splitlines()[1:]] == ["O1"]


def test_ls_of_an_empty_workspace(cli: Cli) -> None:
    rc, out, _ = cli("ls", "--json")
    assert rc == 0 and json.loads(out) == []
    rc, out, _ = cli("ls")
    assert rc == 0 and out.split() == HEADER


def test_ls_bad_state(loaded: Cli) -> None:
    rc, out, err = loaded("ls", "--state", "Running")
    assert rc == 2 and out == ""
    assert "Unknown send port state 'Running'" in err


# -- lifecycle ---------------------------------------------------------------------------------


def test_lifecycle_commands(loaded: Cli) -> None:
    rc, out, _ = loaded("start", "C", "B")
    assert rc == 0 and out.splitlines() == [
        "send port 'C': Unenlisted -> Started",
        "send port 'B': Unenlisted -> Started",
    ]
    rc, out, _ = loaded("stop", "C")
    assert rc == 0 and out == "send port 'C': Started -> Stopped\n"
    rc, out, _ = loaded("unenlist", "C")
    assert rc == 0 and out == "send port 'C': Stopped -> Unenlisted\n"
    rc, out, _ = loaded("enlist", "--group", "G2")
    assert rc == 0 and out == "send port group 'G2': Unenlisted -> Stopped\n"
    rc, out, _ = loaded("start", "--group", "G2", "G1")
    assert rc == 0 and out.splitlines() == [
        "send port group 'G2': Stopped -> Started",
        "send port group 'G1': Unenlisted -> Started",
    ]
    assert loaded.states() == {
        "A": "Unenlisted",
        "B": "Started",
        "C": "Unenlisted",
        "D": "Unenlisted",
        "R": "Unenlisted",
        "Empty": "Unenlisted",
        "G1": "Started",
        "G2": "Started",
    }


def test_a_refused_action_exits_1_with_the_rule(loaded: Cli) -> None:
    before = loaded.everything()
    rc, out, err = loaded("stop", "A")
    assert rc == 1 and out == ""
    assert err == "portwright: Cannot stop send port 'A': it is not enlisted, so there is nothing to stop.\n"
    rc, _, err = loaded("start", "--group", "Empty")
    assert rc == 1 and "it has no members" in err
    assert loaded.everything() == before


def test_a_refused_bulk_action_changes_nothing(loaded: Cli) -> None:
    loaded("start", "B")
    before = loaded.everything()
    rc, out, err = loaded("start", "A", "C", "B", "R")
    assert rc == 1 and out == ""
    assert "Cannot start send port 'B': it is already started." in err
    assert loaded.everything() == before


def test_unknown_names_exit_2(loaded: Cli) -> None:
    before = loaded.everything()
    rc, _, err = loaded("start", "C", "Nope")
    assert rc == 2 and "No send port named 'Nope'" in err
    rc, _, err = loaded("enlist", "--group", "Nope")
    assert rc == 2 and "No send port group named 'Nope'" in err
    rc, _, err = loaded("start", "G1")  # a group without --group is not a port
    assert rc == 2 and "No send port named 'G1'" in err
    assert loaded.everything() == before


def test_delete(loaded: Cli) -> None:
    rc, out, _ = loaded("delete", "C")
    assert rc == 0 and out == "deleted send port 'C'\n"
    rc, out, _ = loaded("delete", "--group", "Empty", "G2")
    assert rc == 0 and out.splitlines() == ["deleted send port group 'Empty'", "deleted send port group 'G2'"]
    assert sorted(loaded.states()) == ["A", "B", "D", "G1", "R"]
    before = loaded.everything()
    rc, _, err = loaded("delete", "D", "A")
    assert rc == 1 and "member of send port group 'G1'" in err and "orchestration port" in err
    assert loaded.everything() == before


def test_app_start_and_stop(cli: Cli, tmp_path: Path) -> None:
    f = tmp_path / "x.xml"
    f.write_bytes(binding_file([port("X1", "X"), port("X2", "X"), port("Y1", "Y")], [group("XG", ["X1"], "X")]))
    cli("import", str(f))
    rc, out, _ = cli("app", "start", "X")
    assert rc == 0 and out.splitlines() == [
        "send port 'X1': Unenlisted -> Started",
        "send port 'X2': Unenlisted -> Started",
        "send port group 'XG': Unenlisted -> Started",
    ]
    rc, _, err = cli("app", "start", "X")
    assert rc == 1 and "already started" in err
    rc, out, _ = cli("app", "stop", "X")
    assert rc == 0 and out.splitlines() == [
        "send port group 'XG': Started -> Stopped",
        "send port 'X1': Started -> Stopped",
        "send port 'X2': Started -> Stopped",
    ]
    assert cli.states() == {"X1": "Stopped", "X2": "Stopped", "XG": "Stopped", "Y1": "Unenlisted"}


def test_app_start_refused_changes_nothing(loaded: Cli) -> None:
    before = loaded.everything()
    rc, _, err = loaded("app", "start", "App")
    assert rc == 1 and "send port group 'Empty' cannot be started" in err
    assert loaded.everything() == before


def test_app_start_of_an_unknown_application_exits_2(loaded: Cli) -> None:
    rc, _, err = loaded("app", "start", "Nope")
    assert rc == 2 and "'Nope'" in err


def test_group_add_and_remove(loaded: Cli) -> None:
    rc, out, _ = loaded("group", "add", "G2", "C", "A")
    assert rc == 0 and out.splitlines() == [
        "send port 'C' added to send port group 'G2'",
        "send port 'A' added to send port group 'G2'",
    ]
    with Workspace(loaded.url) as ws:
        assert ws.group("G2").model.members == ("B", "C", "A")
    rc, out, _ = loaded("group", "remove", "G2", "B")
    assert rc == 0 and out == "send port 'B' removed from send port group 'G2'\n"
    before = loaded.everything()
    rc, _, err = loaded("group", "add", "G2", "D")
    assert rc == 1 and "dynamic send port" in err
    rc, _, err = loaded("group", "add", "G2", "R", "B")  # B would be fine, R is not: nothing changes
    assert rc == 1 and "solicit-response" in err
    rc, _, err = loaded("group", "remove", "G1", "C")
    assert rc == 1 and "not a member" in err
    rc, _, err = loaded("group", "add", "Nope", "C")
    assert rc == 2 and "No send port group named 'Nope'" in err
    rc, _, err = loaded("group", "add", "G1", "Nope")
    assert rc == 2 and "No send port named 'Nope'" in err
    assert loaded.everything() == before


def test_rename(loaded: Cli, tmp_path: Path) -> None:
    rc, out, _ = loaded("rename", "B", "B.New")
    assert rc == 0 and out == "renamed send port 'B' to 'B.New'\n"
    target = tmp_path / "out.xml"
    loaded("export", "--group", "G1", "--group", "G2", "-o", str(target))
    assert [g.members for g in load(target).groups] == [("A", "B.New"), ("B.New",)]
    rc, out, _ = loaded("rename", "--group", "G1", "G1.New")
    assert rc == 0 and out == "renamed send port group 'G1' to 'G1.New'\n"
    before = loaded.everything()
    rc, _, err = loaded("rename", "C", "A")
    assert rc == 1 and "a send port named 'A' already exists" in err
    rc, _, err = loaded("rename", "Nope", "X")
    assert rc == 2 and "no send port named 'Nope'" in err
    assert loaded.everything() == before


def test_log(loaded: Cli, standard_file: Path) -> None:
    loaded("start", "B")
    loaded("group", "add", "G2", "C")
    loaded("rename", "C", "C2")
    rc, out, _ = loaded("log")
    assert rc == 0
    lines = out.splitlines()
    assert len(lines) == 11
    user = Workspace(loaded.url).user
    tails = [line[27:] for line in lines]  # after the "YYYY-MM-DD HH:MM:SS +HH:MM " local time
    assert tails[0] == f"{user} import port 'A' - -> Unenlisted (created from {standard_file})"
    assert tails[-3:] == [
        f"{user} start port 'B' Unenlisted -> Started",
        f"{user} add_member group 'G2' (added member 'C')",
        f"{user} rename port 'C2' (renamed from 'C')",
    ]
    rc, out, _ = loaded("log", "-n", "1")
    assert rc == 0 and out.splitlines() == lines[-1:]


def test_log_of_an_empty_workspace(cli: Cli) -> None:
    assert cli("log") == (0, "", "")


# -- the workspace itself -----------------------------------------------------------------------


def test_an_unreachable_workspace_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--workspace", "postgresql://nobody@127.0.0.1:1/none", "ls"])
    _, err = capsys.readouterr()
    assert rc == 2 and err.startswith("portwright: cannot open workspace postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert "Traceback" not in err


@pytest.mark.parametrize("spec", ["folder", "missing/w.sqlite", "junk.sqlite", "nosuchdb://x"])
def test_an_unusable_workspace_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, spec: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    location = spec if "://" in spec else str(tmp_path / spec)
    rc = main(["--workspace", location, "ls"])
    _, err = capsys.readouterr()
    assert rc == 2 and err.startswith("portwright: ") and "Traceback" not in err


def test_a_workspace_from_a_newer_portwright_exits_2(loaded: Cli) -> None:
    from sqlalchemy import text

    with Workspace(loaded.url) as ws, ws.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    rc, out, err = loaded("ls")
    assert rc == 2 and out == ""
    assert "schema version 9999, newer than this Portwright understands" in err and "upgrade Portwright" in err


@pytest.mark.parametrize("spec", ["postgresql://nobody@127.0.0.1:1/none", "junk.sqlite"])
def test_workspace_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path, spec: str) -> None:
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all" * 100)
    location = spec if "://" in spec else str(tmp_path / spec)
    rc = main(["--workspace", location, "ls"])
    _, err = capsys.readouterr()
    assert rc == 2 and len(err.splitlines()) == 1, err


def test_a_malformed_workspace_url_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["--workspace", "postgresql://u@host:notaport/db", "ls"])
    _, err = capsys.readouterr()
    assert rc == 2 and "internal error" not in err


def test_the_environment_variable_selects_the_workspace(
    tmp_path: Path, standard_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PORTWRIGHT_WORKSPACE", str(tmp_path / "env.sqlite"))
    assert main(["import", str(standard_file)]) == 0
    assert (tmp_path / "env.sqlite").exists()
    other = tmp_path / "explicit.sqlite"
    assert main(["--workspace", str(other), "ls", "--json"]) == 2  # --workspace wins: nothing there
    assert "explicit.sqlite: no workspace here" in capsys.readouterr().err and not other.exists()
    assert main(["init", str(other)]) == 0
    capsys.readouterr()
    assert main(["--workspace", str(other), "ls", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def _subprocess(args: list[str], workspace: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PORTWRIGHT_WORKSPACE": workspace}
    env.pop("PORTWRIGHT_DEBUG", None)
    return subprocess.run(
        [str(PORTWRIGHT), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120, check=False
    )


@pytest.mark.slow
@pytest.mark.skipif(not PORTWRIGHT.exists(), reason=f"{PORTWRIGHT} not installed")
def test_the_installed_command_never_prints_a_traceback(tmp_path: Path, standard_file: Path) -> None:
    """The real entry point, with the workspace from $PORTWRIGHT_WORKSPACE (each run costs a
    process start, so only a few: the in-process tests check every command's stderr)."""
    ws = str(tmp_path / "w.sqlite")
    (tmp_path / "bad.xml").write_text("<BindingInfo><oops></BindingInfo>")
    cases = [
        (["import", str(standard_file)], 0, ""),
        (["stop", "A"], 1, "portwright: Cannot stop send port 'A'"),
        (["import", str(tmp_path / "bad.xml")], 2, f"portwright: {tmp_path / 'bad.xml'}"),
        (["--workspace", str(tmp_path), "ls"], 2, "portwright: "),
    ]
    for args, code, message in cases:
        proc = _subprocess(args, ws, tmp_path)
        assert proc.returncode == code, (args, proc.stdout, proc.stderr)
        assert "Traceback" not in proc.stderr, (args, proc.stderr)
        assert proc.stderr.startswith(message), (args, proc.stderr)


def test_the_commands_on_each_backend(
    workspace_url: str, standard_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(workspace_url, capsys)
    assert cli("import", str(standard_file))[0] == 0
    assert cli("start", "B", "C")[0] == 0
    assert cli("group", "add", "G2", "C")[0] == 0
    assert cli("enlist", "--group", "G2")[0] == 0
    before = cli.everything()
    rc, _, err = cli("unenlist", "A", "B", "C")
    assert rc == 1 and "already unenlisted" in err
    assert cli.everything() == before
    assert cli("rename", "C", "C2")[0] == 0
    rc, out, _ = cli("ls", "--state", "Started")
    assert rc == 0 and [line.split()[1] for line in out.splitlines()[1:]] == ["B", "C2"]
    target = tmp_path / "out.xml"
    assert cli("export", "--group", "G2", "-o", str(target))[0] == 0
    assert load(target).groups[0].members == ("B", "C2")
    rc, out, _ = cli("log", "-n", "1")
    assert rc == 0 and out.rstrip().endswith("rename port 'C2' (renamed from 'C')")
    assert cli("app", "stop", "App")[0] == 0
    assert set(cli.states().values()) == {"Unenlisted", "Stopped"}


def test_state_words_match_the_console(loaded: Cli) -> None:
    assert {s.label for s in State} == {"Unenlisted", "Stopped", "Started"}
    loaded("start", "B")
    loaded("enlist", "C")
    assert set(loaded.states().values()) == {"Unenlisted", "Stopped", "Started"}
