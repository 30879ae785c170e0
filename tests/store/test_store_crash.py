"""Crash safety: a process killed (SIGKILL) in the middle of an import or a bulk action leaves
the workspace exactly as it was before.

The child (tests/support/crash_child.py) stops inside the operation's transaction at a
known point, after writing rows, and says so; only then is it killed. Nothing is timed."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from support.bindings import STANDARD, generate
from support.workspace import assert_unchanged, full_state

from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace

pytestmark = pytest.mark.slow  # each test starts a child process, a large file, and kills the child

CHILD = ROOT / "tests" / "support" / "crash_child.py"
MARKER_TIMEOUT = 120.0
PORTS, GROUPS = 3000, 300


@pytest.fixture(scope="module")
def large_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / f"bindings_{PORTS}.xml"
    path.write_bytes(generate(PORTS, GROUPS))
    return path


def run_and_kill(url: str, mode: str, *args: str) -> int:
    """Start the child, wait until it says it is inside the transaction, SIGKILL it.
    Returns the number of send port rows the child's transaction saw when it was killed."""
    proc = subprocess.Popen(
        [sys.executable, str(CHILD), url, mode, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        line = _read_marker(proc)
    except BaseException:
        proc.kill()
        proc.wait(30)
        raise
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(30) == -signal.SIGKILL
    proc.stdout.close()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    return int(line.split()[1])


def _read_marker(proc: subprocess.Popen[bytes]) -> str:
    assert proc.stdout is not None and proc.stderr is not None
    deadline = time.monotonic() + MARKER_TIMEOUT
    buffer = b""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if sel.select(timeout=0.5):
                chunk = os.read(proc.stdout.fileno(), 4096)
                if not chunk:  # the child ended without reaching the marker
                    proc.wait(30)
                    pytest.fail(
                        f"the child exited ({proc.returncode}) before the marker: "
                        f"{buffer.decode(errors='replace')} {proc.stderr.read().decode(errors='replace')}"
                    )
                buffer += chunk
                for line in buffer.decode(errors="replace").splitlines():
                    if line.startswith("INSIDE "):
                        return line
    pytest.fail(f"the child did not reach the marker within {MARKER_TIMEOUT:.0f} s")


def _prepared(url: str) -> None:
    with Workspace(url, user="before") as ws:
        ws.import_file(STANDARD)
        ws.perform(Action.START, [Subject.port("B")])
        ws.perform(Action.ENLIST, [Subject.group("G2")])


def _wal(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///") + "-wal") if url.startswith("sqlite") else None


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["import-first-chunk", "import-before-commit"])
def test_an_import_killed_midway_leaves_the_workspace_as_before(
    workspace_url: str, large_file: Path, mode: str
) -> None:
    _prepared(workspace_url)
    with Workspace(workspace_url) as ws:
        before = full_state(ws)
    rows_seen = run_and_kill(workspace_url, mode, str(large_file))
    assert rows_seen > 5  # the child's transaction had written send ports when it died
    if mode == "import-before-commit":
        assert rows_seen == 5 + PORTS
    wal = _wal(workspace_url)
    if wal is not None and mode == "import-before-commit":
        assert wal.exists() and wal.stat().st_size > 1_000_000  # uncommitted pages reached the file
    with Workspace(workspace_url) as ws:
        assert_unchanged(before, ws)
        if workspace_url.startswith("sqlite"):
            with ws.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # ... and it is still a working workspace.
        ws.perform(Action.START, [Subject.port("A"), Subject.group("G2")])
        assert ws.group("G2").state is State.STARTED


@pytest.mark.slow
def test_a_bulk_start_killed_midway_leaves_the_workspace_as_before(workspace_url: str, large_file: Path) -> None:
    with Workspace(workspace_url, user="before") as ws:
        ws.import_file(large_file)
        names = [e.name for e in ws.entries() if e.kind is Kind.PORT]
        ws.perform(Action.ENLIST, [Subject.port(n) for n in names[::7]])  # two batches: from U and from S
        before = full_state(ws)
    assert len(names) == PORTS
    run_and_kill(workspace_url, "start-first-update")
    with Workspace(workspace_url) as ws:
        assert_unchanged(before, ws)
        counts = {s: sum(1 for e in ws.entries() if e.kind is Kind.PORT and e.state is s) for s in State}
        assert counts[State.STARTED] == 0
        ws.perform(Action.START, [Subject.port(n) for n in names])  # works afterwards
        assert {e.state for e in ws.entries() if e.kind is Kind.PORT} == {State.STARTED}
