"""``--json`` of the commands that print results: validate, diff, log, import and the lifecycle
commands (enlist, unenlist, start, stop, delete, app start|stop, group add|remove, rename). Each
document is parsed and checked against what the workspace or the files really hold; secrets never
appear in it; the text output stays as it was."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import FIXTURES
from support.bindings import STANDARD, binding_file, group, port
from support.cli import Result, run_in_process
from test_cli_secrets import FILE_PORT, FTP_PORT, SECRETS_A, SECRETS_B, with_secrets

from designer.cli.common import masked_json
from model.store import Workspace

Cli = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Cli:
    return lambda *args: run_in_process(capsys, *args)


@pytest.fixture
def standard_file(tmp_path: Path) -> Path:
    path = tmp_path / "standard.xml"
    path.write_bytes(STANDARD)
    return path


@pytest.fixture
def ws(run: Cli, sqlite_url: str, standard_file: Path) -> Cli:
    """``portwright --workspace URL ...`` over a workspace holding STANDARD."""
    assert run("--workspace", sqlite_url, "import", standard_file).code == 0
    return lambda *args: run("--workspace", sqlite_url, *args)


def parsed(result: Result, code: int = 0) -> object:
    assert result.code == code, result.err
    return json.loads(result.out)


def no_secret(result: Result) -> None:
    for secret in SECRETS_A + SECRETS_B:
        assert secret not in result.out and secret not in result.err, f"{secret!r} was printed"


# -- validate ---------------------------------------------------------------------------------


def test_validate_json_lists_the_same_problems_as_the_text(run: Cli, tmp_path: Path) -> None:
    broken = FIXTURES / "12_out_of_range.xml"
    text = run("validate", broken)
    problems = parsed(run("validate", "--json", broken), 1)
    assert isinstance(problems, list) and len(problems) == len(text.out.splitlines()) >= 3
    assert [f"{p['file']}:{p['line']}:{p['column']}: {p['severity']}: {p['message']}" for p in problems] == (
        text.out.splitlines()
    )
    errors = [p for p in problems if p["severity"] == "error"]
    assert len(errors) == 3
    lines = broken.read_text(encoding="utf-8").splitlines()
    for p in errors:
        assert set(p) == {"file", "line", "column", "severity", "code", "message", "kind", "name", "field"}
        assert p["file"] == str(broken) and p["kind"] == "port" and p["name"] == "Broken.Out.FILE"
        assert p["code"] is None and isinstance(p["field"], str)
    fields = {p["field"]: lines[p["line"] - 1] for p in errors}
    assert "<RetryCount>5000</RetryCount>" in fields["primary_transport.retry_count"]
    only = parsed(run("validate", "--json", "--errors-only", broken), 1)
    assert only == errors


def test_validate_json_of_a_clean_and_an_unreadable_file(run: Cli, tmp_path: Path) -> None:
    clean = FIXTURES / "05_tabs_no_final_newline.xml"
    assert parsed(run("validate", "--json", clean)) == []
    missing = tmp_path / "missing.xml"
    problems = parsed(run("validate", "--json", clean, missing), 2)
    assert isinstance(problems, list) and len(problems) == 1
    assert problems[0] == {
        "file": str(missing),
        "line": 1,
        "column": 1,
        "severity": "error",
        "code": "unreadable",
        "message": "no such file",
        "kind": None,
        "name": None,
        "field": None,
    }


def test_validate_json_is_for_files_not_environments(run: Cli) -> None:
    result = run("validate", "--json", "--env", "Prod")
    assert result.code == 2 and "not available with --env" in result.err and result.out == ""


# -- diff -------------------------------------------------------------------------------------


def test_diff_json(run: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    a.write_bytes(
        binding_file(
            [port("Keep", address="C:\\k\\%MessageID%"), port("Old", address="C:\\same"), port("Gone", static=False)],
            [group("G", ["Keep"])],
        )
    )
    b.write_bytes(
        binding_file(
            [
                port("Keep", address="C:\\k2\\%MessageID%"),
                port("New", address="C:\\same"),
                port("Fresh", address="C:\\f"),
            ],
            [group("G", ["Keep"])],
        )
    )
    text = run("diff", a, b)
    report = parsed(run("diff", "--json", a, b), 1)
    assert isinstance(report, dict)
    assert report["equal"] is False and report["count"] == 4 == int(text.err.split()[0])
    assert report["renamed"] == [{"kind": "port", "old": "Old", "new": "New"}]
    assert report["added"] == [{"kind": "port", "name": "Fresh"}]  # not New: it is the renamed Old
    assert report["removed"] == [{"kind": "port", "name": "Gone"}]
    (changed,) = report["changed"]
    assert changed["kind"] == "port" and changed["name"] == "Keep"
    assert changed["property"] == "Transport › Address"
    assert changed["path"].startswith("/BindingInfo/SendPortCollection") and "SendPort[Keep]" in changed["path"]
    assert f"  {changed['property']}: {changed['change']}" in text.out.splitlines()
    assert "k2" in changed["change"]
    assert report["reordered"] == [] and report["other"] == []


def test_diff_json_of_equal_and_reordered_files(run: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    a.write_bytes(binding_file([port("P1"), port("P2")]))
    b.write_bytes(binding_file([port("P2"), port("P1")]))
    same = parsed(run("diff", "--json", a, a))
    assert same == {
        "equal": True,
        "count": 0,
        "added": [],
        "removed": [],
        "renamed": [],
        "changed": [],
        "reordered": [],
        "other": [],
    }
    swapped = parsed(run("diff", "--json", a, b), 1)
    assert isinstance(swapped, dict) and swapped["reordered"] == ["port"] and swapped["equal"] is False


def test_diff_json_and_quiet_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    from designer.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["diff", "--json", "-q", str(FIXTURES / "01_messaging.xml"), str(FIXTURES / "01_messaging.xml")])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_diff_json_keeps_secrets_out(run: Cli, tmp_path: Path) -> None:
    a = with_secrets(tmp_path, "a.xml", *SECRETS_A)
    b = with_secrets(tmp_path, "b.xml", *SECRETS_B)
    result = run("diff", "--json", a, b)
    no_secret(result)
    report = json.loads(result.out)
    changes = {(c["name"], c["property"]): c["change"] for c in report["changed"]}
    assert changes[(FILE_PORT, "Transport › Adapter settings › Password")] == "changed (a secret: values not shown)"
    address = changes[(FTP_PORT, "Transport › Address")]
    assert "ftp://orders:***@ftp.partner.example" in address and "not shown" in address


# -- log --------------------------------------------------------------------------------------


def test_log_json(ws: Cli, sqlite_url: str, standard_file: Path) -> None:
    assert ws("start", "B").code == 0
    entries = parsed(ws("log", "--json"))
    assert isinstance(entries, list) and len(entries) == 9  # 8 imported, 1 started
    stored = Workspace(sqlite_url).audit()
    for entry, audit in zip(entries, stored, strict=True):
        assert set(entry) == {"at", "user", "operation", "kind", "name", "before", "after", "detail"}
        at = datetime.fromisoformat(entry["at"])
        assert at.tzinfo is not None, "the time says its offset"
        assert abs(at - audit.at) < timedelta(seconds=1)
        assert (entry["user"], entry["operation"], entry["name"]) == (audit.user, audit.operation, audit.name)
    assert entries[0]["kind"] == "port" and entries[0]["name"] == "A"
    assert entries[0]["before"] is None and entries[0]["after"] == "Unenlisted"
    assert entries[0]["detail"] == f"created from {standard_file}"
    last = entries[-1]
    assert (last["operation"], last["name"], last["before"], last["after"]) == ("start", "B", "Unenlisted", "Started")
    utc = parsed(ws("log", "--json", "--utc", "-n", "1"))
    assert isinstance(utc, list) and len(utc) == 1
    assert utc[0]["at"].endswith("Z") and datetime.fromisoformat(utc[0]["at"]).utcoffset() == timedelta(0)
    assert datetime.fromisoformat(utc[0]["at"]) == datetime.fromisoformat(last["at"])
    assert abs(datetime.fromisoformat(utc[0]["at"]) - datetime.now(UTC)) < timedelta(minutes=5)


# -- import -----------------------------------------------------------------------------------


def test_import_json(run: Cli, sqlite_url: str, standard_file: Path, tmp_path: Path) -> None:
    first = parsed(run("--workspace", sqlite_url, "import", "--json", standard_file))
    assert first == {
        "workspace_created": True,
        "files": [
            {
                "file": str(standard_file),
                "created": [{"kind": "port", "name": n} for n in ("A", "B", "C", "R", "D")]
                + [{"kind": "group", "name": n} for n in ("G1", "G2", "Empty")],
                "replaced": [],
                "merged": [],
                "applications": ["App"],
            }
        ],
    }
    more = tmp_path / "more.xml"
    more.write_bytes(binding_file([port("A"), port("E", "Other")], [group("G1", ["A", "E"])]))
    again = parsed(run("--workspace", sqlite_url, "import", "--json", more))
    assert again == {
        "workspace_created": False,
        "files": [
            {
                "file": str(more),
                "created": [{"kind": "port", "name": "E"}],
                "replaced": [{"kind": "port", "name": "A"}],
                "merged": [{"group": "G1", "added": ["E"]}],
                "applications": ["Other"],
            }
        ],
    }
    with Workspace(sqlite_url) as w:
        assert {e.name for e in w.entries()} >= {"E", "A", "G1"}


def test_import_json_of_a_refused_second_file_lists_the_first(
    run: Cli, sqlite_url: str, standard_file: Path, tmp_path: Path
) -> None:
    clash = tmp_path / "clash.xml"
    clash.write_bytes(binding_file([port("a")]))  # 'A' is in standard.xml: the same name to BizTalk
    result = run("--workspace", sqlite_url, "import", "--json", standard_file, clash)
    assert result.code == 2 and "imported and kept" in result.err
    kept = json.loads(result.out)
    assert kept["workspace_created"] is True
    assert [f["file"] for f in kept["files"]] == [str(standard_file)]
    assert len(kept["files"][0]["created"]) == 8
    with Workspace(sqlite_url) as w:
        assert "a" not in {e.name for e in w.entries()}


def test_import_json_keeps_secrets_out(run: Cli, sqlite_url: str, tmp_path: Path) -> None:
    source = with_secrets(tmp_path, "secret.xml", *SECRETS_A)
    result = run("--workspace", sqlite_url, "import", "--json", source)
    assert result.code == 0
    no_secret(result)
    assert FTP_PORT in {c["name"] for c in json.loads(result.out)["files"][0]["created"]}
    logged = run("--workspace", sqlite_url, "log", "--json")
    no_secret(logged)
    assert len(json.loads(logged.out)) > 1


# -- lifecycle --------------------------------------------------------------------------------


def test_lifecycle_json(ws: Cli, sqlite_url: str) -> None:
    started = parsed(ws("start", "--json", "B", "C"))
    assert started == {
        "changes": [
            {"kind": "port", "name": n, "property": "state", "before": "Unenlisted", "after": "Started"}
            for n in ("B", "C")
        ],
        "left_as_is": [],
    }
    again = parsed(ws("stop", "--json", "--if-needed", "A", "B"))
    assert again == {
        "changes": [{"kind": "port", "name": "B", "property": "state", "before": "Started", "after": "Stopped"}],
        "left_as_is": [{"kind": "port", "name": "A", "state": "Unenlisted", "reason": "is Unenlisted already"}],
    }
    group = parsed(ws("enlist", "--json", "--group", "G2"))
    assert group == {
        "changes": [{"kind": "group", "name": "G2", "property": "state", "before": "Unenlisted", "after": "Stopped"}],
        "left_as_is": [],
    }
    with Workspace(sqlite_url) as w:
        view = w.view()
        assert view.ports["B"].state.label == "Stopped" and view.ports["C"].state.label == "Started"
        assert view.groups["G2"].state.label == "Stopped"
    # the text output is as it was
    assert ws("unenlist", "C").out == "send port 'C': Started -> Unenlisted\n"


def test_delete_json(ws: Cli, sqlite_url: str) -> None:
    deleted = parsed(ws("delete", "--json", "D"))
    assert deleted == {
        "changes": [{"kind": "port", "name": "D", "property": "state", "before": "Unenlisted", "after": None}],
        "left_as_is": [],
    }
    gone = parsed(ws("delete", "--json", "--if-needed", "D"))
    assert gone == {
        "changes": [],
        "left_as_is": [{"kind": "port", "name": "D", "state": None, "reason": "does not exist: nothing to delete"}],
    }
    with Workspace(sqlite_url) as w:
        assert "D" not in w.view().ports


def test_app_start_and_stop_json(ws: Cli) -> None:
    assert ws("delete", "--group", "Empty").code == 0  # a group without members cannot start
    started = parsed(ws("app", "start", "--json", "App"))
    assert isinstance(started, dict) and started["left_as_is"] == []
    final = {(c["kind"], c["name"]): (c["before"], c["after"]) for c in started["changes"]}
    assert final[("port", "A")] == ("Unenlisted", "Started")
    assert final[("group", "G1")] == ("Unenlisted", "Started")
    assert all(c["property"] == "state" for c in started["changes"])
    stopped = parsed(ws("app", "stop", "--json", "App"))
    assert isinstance(stopped, dict)
    assert {c["after"] for c in stopped["changes"]} == {"Stopped"}
    assert ("port", "A") in {(c["kind"], c["name"]) for c in stopped["changes"]}


def test_group_members_and_rename_json(ws: Cli, sqlite_url: str) -> None:
    added = parsed(ws("group", "add", "--json", "G2", "C", "A"))
    assert added == {
        "changes": [{"kind": "group", "name": "G2", "property": "members", "before": ["B"], "after": ["B", "C", "A"]}],
        "left_as_is": [],
    }
    removed = parsed(ws("group", "remove", "--json", "G2", "B"))
    assert isinstance(removed, dict) and removed["changes"][0]["after"] == ["C", "A"]
    renamed = parsed(ws("rename", "--json", "C", "C2"))
    assert renamed == {
        "changes": [{"kind": "port", "name": "C2", "property": "name", "before": "C", "after": "C2"}],
        "left_as_is": [],
    }
    group = parsed(ws("rename", "--json", "--group", "G2", "G2.New"))
    assert isinstance(group, dict) and group["changes"][0]["kind"] == "group"
    with Workspace(sqlite_url) as w:
        assert w.view().groups["G2.New"].members == ("C2", "A")


def test_a_refused_action_prints_no_json(ws: Cli) -> None:
    result = ws("start", "--json", "--group", "Nope")
    assert result.code == 2 and result.out == "" and "Nope" in result.err


# -- masking ----------------------------------------------------------------------------------


def test_every_string_of_a_json_output_is_masked() -> None:
    data = {
        "ftp://u:Pw-1@host/x": ["Server=s;Password=Pw-2;Database=d", ("http://a:Pw-3@b",)],
        "n": 3,
        "none": None,
        "flag": True,
    }
    out = json.dumps(masked_json(data))
    assert "Pw-1" not in out and "Pw-2" not in out and "Pw-3" not in out
    assert "ftp://u:***@host/x" in out and "Database=d" in out
    back = json.loads(out)
    assert back["n"] == 3 and back["none"] is None and back["flag"] is True
