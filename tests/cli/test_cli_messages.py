"""The command line's messages: argument values checked (``log -n``, ``render --width``), no
"internal error" for a huge count or a stored state out of range, names with line breaks or
bidirectional overrides escaped in every listing, and a multi-file import that says what it did."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from support.bindings import STANDARD, binding_file, port
from support.cli import run_in_process

from designer.cli.common import whole_number
from model.store import Workspace

#: Names as the XML of a binding file spells them, and as a terminal line shows them.
NEWLINE, RLO = "Line&#10;Break", "Evil\u202etxt.exe"
NEWLINE_SHOWN, RLO_SHOWN = "Line\\nBreak", "Evil\\u202etxt.exe"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    with Workspace(path) as ws:
        ws.import_file(STANDARD)
    return path


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str | Path):
    return run_in_process(capsys, "--workspace", db, *args)


def _usage_error(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    """The one error line argparse gives (exit 2) for bad argument values."""
    from designer.cli import main

    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        main([str(a) for a in args])
    assert info.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


# -- argument values ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["-5", "0", "ten", "1.5"])
def test_log_refuses_a_count_that_is_not_a_positive_whole_number(
    capsys: pytest.CaptureFixture[str], db: Path, value: str
) -> None:
    line = _usage_error(capsys, "--workspace", db, "log", "-n", value)
    assert line == f"portwright log: error: argument -n/--limit: must be a positive whole number, got {value}"


def test_log_with_a_count_larger_than_any_database_takes_shows_the_whole_log(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    everything = _run(capsys, db, "log")
    huge = _run(capsys, db, "log", "-n", "99999999999999999999")
    assert huge.code == 0 and huge.err == ""
    assert huge.out == everything.out and "import" in huge.out
    last = _run(capsys, db, "log", "-n", "1")
    assert last.out.splitlines() == everything.out.splitlines()[-1:]


@pytest.mark.parametrize("value", ["-5", "0", "40000"])
def test_render_refuses_a_width_out_of_range(capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str) -> None:
    source = tmp_path / "standard.xml"
    source.write_bytes(STANDARD)
    line = _usage_error(capsys, "render", source, "-o", tmp_path / "x.png", "--width", value)
    assert line == f"portwright render: error: argument --width: must be a whole number from 1 to 32767, got {value}"
    assert not (tmp_path / "x.png").exists()


def test_the_argument_check_names_what_it_got_escaped() -> None:
    import argparse

    with pytest.raises(argparse.ArgumentTypeError, match=r"got 1\\n2$"):
        whole_number()("1\n2")
    assert whole_number(1, 10)(" 7 ") == 7


# -- a stored state out of range --------------------------------------------------------------


def test_a_stored_state_out_of_range_gives_a_one_line_message(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    with Workspace(db) as ws, ws.engine.begin() as conn:
        conn.execute(text("UPDATE send_ports SET state = 7 WHERE name = 'A'"))
    for command in (["ls"], ["start", "A"], ["ls", "--json"]):
        result = _run(capsys, db, *command)
        assert result.code == 2, command
        assert result.err_lines == [
            "portwright: the workspace holds a state 7 that is not one Portwright knows "
            "(1 (Unenlisted), 2 (Stopped), 3 (Started)); it was changed outside Portwright"
        ]


# -- names that would break a listing -------------------------------------------------------


def test_ls_and_log_escape_line_breaks_and_bidirectional_overrides(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """Names from before names were checked (or typed into the database): one line each."""
    with Workspace(db) as ws, ws.engine.begin() as conn:
        conn.execute(text("UPDATE send_ports SET name = :n WHERE name = 'A'"), {"n": "Line\nBreak"})
        conn.execute(text("UPDATE send_ports SET name = :n WHERE name = 'B'"), {"n": RLO})
        conn.execute(text("UPDATE audit_log SET name = :n WHERE id = 1"), {"n": "Line\nBreak"})
    listing = _run(capsys, db, "ls")
    assert listing.code == 0
    lines = listing.out.splitlines()
    assert len(lines) == 1 + 8  # the header, five ports, three groups
    assert any(f" {NEWLINE_SHOWN} " in line for line in lines)
    assert any(f" {RLO_SHOWN} " in line for line in lines)
    assert "\u202e" not in listing.out
    log = _run(capsys, db, "log")
    assert "\u202e" not in log.out and "Line\nBreak" not in log.out
    assert len(log.out.splitlines()) == len(_run(capsys, db, "log", "-n", "1000").out.splitlines())


def test_validate_escapes_names_in_its_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "names.xml"
    data = binding_file(ports=[port("TOKEN1"), port("TOKEN2")])
    path.write_bytes(data.replace(b"TOKEN1", NEWLINE.encode()).replace(b"TOKEN2", RLO.encode()))
    result = run_in_process(capsys, "validate", path)
    lines = result.out.splitlines()
    assert len(lines) == 2  # one problem a port, one line a problem
    assert f"send port '{NEWLINE_SHOWN}'" in lines[0]
    assert f"send port '{RLO_SHOWN}'" in lines[1]
    assert all(line.startswith(f"{path}:") for line in lines)


# -- several files in one import ------------------------------------------------------------


def test_import_checks_every_file_before_importing_any(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db, good = tmp_path / "w.sqlite", tmp_path / "good.xml"
    good.write_bytes(STANDARD)
    result = run_in_process(capsys, "--workspace", db, "import", good, tmp_path / "missing.xml")
    assert result.code == 2 and result.out == ""
    assert result.err_lines == [
        f"portwright: {tmp_path / 'missing.xml'}:1:1: no such file (nothing was imported: 2 files given)"
    ]
    with Workspace(db) as ws:
        assert ws.entries() == [] and ws.audit() == []


def test_import_says_which_files_were_kept_when_a_later_one_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db, good, bad, last = tmp_path / "w.sqlite", tmp_path / "good.xml", tmp_path / "bad.xml", tmp_path / "last.xml"
    good.write_bytes(STANDARD)
    bad.write_bytes(binding_file(ports=[port("a")]))  # 'A' is in good.xml: the same name to BizTalk
    last.write_bytes(binding_file(ports=[port("Z")]))
    result = run_in_process(capsys, "--workspace", db, "import", good, bad, last)
    assert result.code == 2
    assert result.err_lines[0] == f"portwright: {bad}: not imported, nothing was changed; 1 problem:"
    assert "send port 'a': the workspace has send port 'A'" in result.err_lines[1]
    assert result.err_lines[-1] == f"imported and kept: {good}; not imported: {bad}, {last}"
    with Workspace(db) as ws:
        assert {e.name for e in ws.entries()} == {"A", "B", "C", "D", "R", "G1", "G2", "Empty"}


def test_import_of_a_file_with_bad_names_lists_each_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db, bad = tmp_path / "w.sqlite", tmp_path / "bad.xml"
    data = binding_file(ports=[port("TOKEN1"), port("TOKEN2"), port("Fine")])
    bad.write_bytes(data.replace(b"TOKEN1", NEWLINE.encode()).replace(b"TOKEN2", RLO.encode()))
    result = run_in_process(capsys, "--workspace", db, "import", bad)
    assert result.code == 2 and result.out == ""
    assert result.err_lines == [
        f"portwright: {bad}: not imported, nothing was changed; 2 problems:",
        f"  line 6: send port '{NEWLINE_SHOWN}': a name cannot contain control characters (found U+000A)",
        f"  line 35: send port '{RLO_SHOWN}': a name cannot contain control characters (found U+202E)",
    ]
