"""Standard input (``-``) for import, validate, convert and diff; the progress line of a large
import on a terminal (and nothing when piped, in CI or with -q); -q; the summary line of a large
import; the log's local times with their UTC offset, and --utc."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES
from support.bindings import STANDARD, binding_file, generate, port
from support.cli import Result, portwright_command, run_in_process, run_process

from model.bindings import dump, load
from model.bindings import safe as bindings_safe
from model.store import Workspace

Cli = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Cli:
    return lambda *args: run_in_process(capsys, *args)


def with_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Standard input holding ``data`` (bytes; ``sys.stdin.buffer`` is what the commands read)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="ascii"))


def text(result: subprocess.CompletedProcess[bytes]) -> tuple[int, str, str]:
    return result.returncode, result.stdout.decode(), result.stderr.decode()


# -- standard input ---------------------------------------------------------------------------


def test_import_from_standard_input(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    code, out, err = text(run_process(tmp_path, "--workspace", url, "import", "-", input=STANDARD))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("created workspace ")
    assert "created send port 'A' (Unenlisted)" in lines
    assert lines[-1] == "<stdin>: 5 send port(s), 3 send port group(s): 8 created, 0 replaced, 0 merged"
    with Workspace(url) as ws:
        assert sorted(e.name for e in ws.entries()) == ["A", "B", "C", "D", "Empty", "G1", "G2", "R"]
        assert ws.audit()[0].detail == "created from <stdin>"


def test_standard_input_with_files_and_only_once(
    run: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sqlite_url: str
) -> None:
    other = tmp_path / "other.xml"
    other.write_bytes(binding_file([port("Z")]))
    with_stdin(monkeypatch, STANDARD)
    result = run("--workspace", sqlite_url, "import", other, "-")
    assert result.code == 0, result.err
    assert result.out.splitlines()[-1].startswith("<stdin>: 5 send port(s)")
    for args in (["import", "-", "-"], ["validate", "-", "-"], ["diff", "-", "-"]):
        refused = run("--workspace", sqlite_url, *args)
        assert refused.code == 2 and "can be read once" in refused.err, args


def test_validate_standard_input(run: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = FIXTURES / "12_out_of_range.xml"
    by_name = run("validate", broken)
    with_stdin(monkeypatch, broken.read_bytes())
    piped = run("validate", "-")
    assert piped.code == by_name.code == 1
    assert piped.out == by_name.out.replace(f"{broken}:", "<stdin>:")
    assert piped.out.startswith("<stdin>:")
    with_stdin(monkeypatch, b"<Foo/>")
    bad = run("validate", "-")
    assert bad.code == 2 and bad.out.startswith("<stdin>:1:1: error: ") and "<Foo>" in bad.out
    with_stdin(monkeypatch, broken.read_bytes())
    as_json = run("validate", "--json", "-")
    assert as_json.code == 1 and '"file": "<stdin>"' in as_json.out


def test_standard_input_is_bounded_like_a_file(run: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bindings_safe, "MAX_INPUT_BYTES", len(STANDARD) - 1)
    with_stdin(monkeypatch, STANDARD)
    result = run("validate", "-")
    assert result.code == 2
    assert result.out == f"<stdin>:1:1: error: input is larger than the {len(STANDARD) - 1:,}-byte limit\n"
    monkeypatch.setattr(bindings_safe, "MAX_INPUT_BYTES", len(STANDARD))
    with_stdin(monkeypatch, STANDARD)
    assert run("validate", "-").code == 0


def test_convert_from_standard_input(tmp_path: Path) -> None:
    source = FIXTURES / "01_messaging.xml"
    expected = tmp_path / "expected.xml"
    assert run_process(tmp_path, "convert", source, "-o", expected).returncode == 0
    code, _, err = text(run_process(tmp_path, "convert", "-", "-o", "out.xml", input=source.read_bytes()))
    assert code == 0, err
    assert (tmp_path / "out.xml").read_bytes() == expected.read_bytes()
    piped = run_process(tmp_path, "convert", "-", "-o", "-", "--with-secrets", input=STANDARD)
    assert piped.returncode == 0 and piped.stdout == dump(load(STANDARD))
    code, _, err = text(run_process(tmp_path, "convert", "-", "-o", "x.xml", input=b"not xml"))
    assert code == 2 and err.startswith("portwright: <stdin>:1:")


def test_diff_with_standard_input(tmp_path: Path) -> None:
    a = tmp_path / "a.xml"
    a.write_bytes(STANDARD)
    same = run_process(tmp_path, "diff", a, "-", input=STANDARD)
    assert (same.returncode, same.stdout) == (0, b"no differences\n")
    other = binding_file([port("A"), port("B")])
    code, out, err = text(run_process(tmp_path, "diff", "-", a, input=other))
    assert code == 1 and "added send port 'C'" in out.splitlines() and err.strip().endswith("differences")
    code, out, err = text(run_process(tmp_path, "diff", a, "-", input=b"<BindingInfo>"))
    assert code == 2 and err.startswith("portwright: <stdin>:") and "<bytes>" not in err


# -- progress ---------------------------------------------------------------------------------


def on_a_terminal(folder: Path, *args: str | Path, env: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """``portwright ARGS`` with standard error on a pseudo-terminal: exit code, standard output,
    and every byte written to the terminal."""
    import pty

    master, slave = pty.openpty()
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(folder / "home"), **(env or {})}
    if "CI" not in (env or {}):
        environment.pop("CI", None)
    environment.pop("PORTWRIGHT_DEBUG", None)
    command = [*portwright_command(), *map(str, args)]
    proc = subprocess.Popen(
        command, cwd=folder, env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave
    )
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed (Linux reports EIO)
            break
        if not chunk:
            break
        shown += chunk
    out, _ = proc.communicate(timeout=120)
    os.close(master)
    return proc.returncode, out.decode(), shown


@pytest.fixture
def big_file(tmp_path: Path) -> Path:
    path = tmp_path / "big.xml"
    path.write_bytes(generate(200, 20))
    return path


needs_pty = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")


@needs_pty
def test_a_large_import_shows_progress_on_a_terminal(tmp_path: Path, big_file: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    code, out, shown = on_a_terminal(tmp_path, "--workspace", url, "import", big_file)
    assert code == 0, shown
    assert b"\rimporting " in shown and b"0/220" in shown and b"100%  220/220" in shown
    assert shown.endswith(b"\r"), "the line is wiped at the end"
    assert out.splitlines()[-1].startswith(f"{big_file}: 200 send port(s), 20 send port group(s)")


@needs_pty
def test_no_progress_in_ci_with_quiet_or_for_a_small_file(tmp_path: Path, big_file: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    code, out, shown = on_a_terminal(tmp_path, "--workspace", url, "import", big_file, env={"CI": "true"})
    assert code == 0 and shown == b"" and out
    code, out, shown = on_a_terminal(tmp_path, "--workspace", url, "import", "-q", big_file)
    assert code == 0 and shown == b"" and out == ""
    small = tmp_path / "small.xml"
    small.write_bytes(STANDARD)
    code, out, shown = on_a_terminal(tmp_path, "--workspace", url, "import", small)
    assert code == 0 and shown == b"" and "created send port 'A' (Unenlisted)" in out


def test_no_progress_when_piped(tmp_path: Path, big_file: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    result = run_process(tmp_path, "--workspace", url, "import", big_file, env={"CI": ""})
    assert result.returncode == 0 and result.stderr == b""


# -- quiet and the summary line ---------------------------------------------------------------


def test_import_and_export_quiet_print_only_errors(run: Cli, sqlite_url: str, tmp_path: Path) -> None:
    source = tmp_path / "standard.xml"
    source.write_bytes(STANDARD)
    assert run("--workspace", sqlite_url, "import", "-q", source) == Result(0, "", "")
    with Workspace(sqlite_url) as ws:
        assert len(ws.entries()) == 8
    target = tmp_path / "out.xml"
    assert run("--workspace", sqlite_url, "export", "-q", "-o", target) == Result(0, "", "")
    assert load(target).port("A") is not None
    loud = run("--workspace", sqlite_url, "export", "-o", target)
    assert loud.err.startswith(f"wrote {target} (")
    failed = run("--workspace", sqlite_url, "import", "-q", tmp_path / "missing.xml")
    assert failed.code == 2 and failed.out == "" and "no such file" in failed.err


def test_a_large_import_prints_a_summary_line(run: Cli, sqlite_url: str, big_file: Path) -> None:
    first = run("--workspace", sqlite_url, "import", big_file)
    assert first.code == 0, first.err
    with Workspace(sqlite_url) as ws:
        apps = {e.application for e in ws.entries()}
    lines = first.out.splitlines()
    assert lines == [
        lines[0],  # created workspace ...
        f"created 200 send ports and 20 send port groups in {len(apps)} applications ({len(apps)} new); "
        "replaced 0; merged 0",
        f"{big_file}: 200 send port(s), 20 send port group(s): 220 created, 0 replaced, 0 merged",
    ]
    assert lines[0].startswith("created workspace")
    again = run("--workspace", sqlite_url, "import", big_file)
    assert again.out.splitlines() == [
        "created nothing; replaced 200; merged 20",
        f"{big_file}: 200 send port(s), 20 send port group(s): 0 created, 200 replaced, 20 merged",
    ]


def test_a_small_import_keeps_a_line_for_each_object(run: Cli, sqlite_url: str, tmp_path: Path) -> None:
    source = tmp_path / "standard.xml"
    source.write_bytes(STANDARD)
    lines = run("--workspace", sqlite_url, "import", source).out.splitlines()
    assert len(lines) == 1 + 1 + 8 + 1  # workspace, application, objects, totals
    assert "created send port group 'Empty' (Unenlisted)" in lines


# -- log times ---------------------------------------------------------------------------------

LOCAL_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) ([+-]\d\d:\d\d) (.*)$")
UTC_LINE = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)Z (.*)$")


@pytest.fixture
def logged(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    assert run_process(tmp_path, "--workspace", url, "import", "-", input=STANDARD).returncode == 0
    assert run_process(tmp_path, "--workspace", url, "start", "B").returncode == 0
    return url


@pytest.mark.skipif(sys.platform == "win32", reason="TZ is a POSIX variable")
@pytest.mark.parametrize("zone", ["Europe/Paris", "America/New_York", "Asia/Kolkata"])
def test_log_shows_local_time_with_its_offset(tmp_path: Path, logged: str, zone: str) -> None:
    code, out, err = text(run_process(tmp_path, "--workspace", logged, "log", env={"TZ": zone}))
    assert code == 0, err
    lines = out.splitlines()
    with Workspace(logged) as ws:
        stored = ws.audit()
    assert len(lines) == len(stored) == 9
    for line, entry in zip(lines, stored, strict=True):
        m = LOCAL_LINE.match(line)
        assert m is not None, line
        local = entry.at.astimezone(ZoneInfo(zone))
        expected_offset = local.strftime("%z")
        assert m.group(2) == f"{expected_offset[:3]}:{expected_offset[3:]}"
        assert m.group(1) == f"{local:%Y-%m-%d %H:%M:%S}"
        assert m.group(3) == entry.line().split(" ", 2)[2]
    assert lines[-1].endswith("start port 'B' Unenlisted -> Started")
    if zone == "Asia/Kolkata":
        assert all(" +05:30 " in line for line in lines)


@pytest.mark.skipif(sys.platform == "win32", reason="TZ is a POSIX variable")
def test_log_utc(tmp_path: Path, logged: str) -> None:
    code, out, _ = text(run_process(tmp_path, "--workspace", logged, "log", "--utc", env={"TZ": "Europe/Paris"}))
    assert code == 0
    with Workspace(logged) as ws:
        stored = ws.audit()
    for line, entry in zip(out.splitlines(), stored, strict=True):
        m = UTC_LINE.match(line)
        assert m is not None, line
        assert m.group(1) == f"{entry.at:%Y-%m-%d %H:%M:%S}" and m.group(2) == entry.line().split(" ", 2)[2]
    _, paris, _ = text(run_process(tmp_path, "--workspace", logged, "log", "-n", "1", env={"TZ": "Europe/Paris"}))
    m = LOCAL_LINE.match(paris.strip())
    assert m is not None
    shown = datetime.strptime(f"{m.group(1)} {m.group(2)}", "%Y-%m-%d %H:%M:%S %z")
    utc_line = UTC_LINE.match(out.splitlines()[-1])
    assert utc_line is not None
    in_utc = datetime.strptime(utc_line.group(1) + "+0000", "%Y-%m-%d %H:%M:%S%z")
    assert shown == in_utc, "the same moment, in two zones"
    assert shown.utcoffset() in (timedelta(hours=1), timedelta(hours=2))
    code, as_json, _ = text(run_process(tmp_path, "--workspace", logged, "log", "--json", env={"TZ": "Asia/Kolkata"}))
    assert code == 0 and '"at": "' in as_json and "+05:30" in as_json
