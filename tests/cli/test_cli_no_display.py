"""Opening the app where there is no screen says so in one line (instead of Qt aborting)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the DISPLAY check is for Linux")
def test_no_display_is_a_clear_error(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PORTWRIGHT_WORKSPACE"] = str(tmp_path / "w.sqlite")
    result = subprocess.run(
        [sys.executable, "-m", "designer"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no display" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the X11 check is for Linux")
def test_a_display_with_no_server_is_one_line_not_an_abort(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":97"  # no X server there
    env["PORTWRIGHT_WORKSPACE"] = str(tmp_path / "w.sqlite")
    assert not Path("/tmp/.X11-unix/X97").exists()
    result = subprocess.run(
        [sys.executable, "-m", "designer"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "the window cannot open on :97" in result.stderr
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
