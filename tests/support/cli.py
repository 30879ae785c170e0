"""Running ``portwright`` in tests: in-process (with pytest's capture) and as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PORTWRIGHT = Path(sys.executable).with_name("portwright")


@dataclass(frozen=True)
class Result:
    """Exit code and output of one ``portwright`` run."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


def run_in_process(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Result:
    """``portwright ARGS...`` through ``designer.cli.main``; a traceback in the output fails the test."""
    from designer.cli import main

    capsys.readouterr()
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "internal error" not in err, err
    return Result(code, out, err)


def portwright_command() -> list[str]:
    """The installed console script, or the module when the venv has none."""
    return [str(PORTWRIGHT)] if PORTWRIGHT.exists() else [sys.executable, "-m", "designer"]


def run_process(
    folder: Path, *args: str | Path, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    """``portwright ARGS...`` as a user runs it: a subprocess in ``folder``, offscreen, its settings
    and home in ``folder``. ``env`` is added to the environment; other keywords go to ``subprocess.run``."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folder / "config"),
        "HOME": str(folder / "home"),
        **(env or {}),
    }
    environment.pop("PORTWRIGHT_DEBUG", None)
    if "PORTWRIGHT_WORKSPACE" not in (env or {}):
        environment.pop("PORTWRIGHT_WORKSPACE", None)
    options: dict[str, object] = {
        "stdout": subprocess.PIPE,
        "stderr": subprocess.PIPE,
        "timeout": 120,
        "check": False,
        "cwd": folder,
        **kwargs,
    }
    command = [*portwright_command(), *map(str, args)]
    return subprocess.run(command, env=environment, **options)  # type: ignore[call-overload]
