"""Start-up: the parser is built without the model stack, and each command imports its
implementation only when it runs, so ``portwright --help`` and a mistyped argument answer at
once. Checked in a fresh interpreter, by what it has imported."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from designer.cli import build_parser
from designer.cli.common import later

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "pydantic", "PySide6", "lxml", "pygments")

PROBE = """
import json, sys
from designer.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as e:
    code = e.code
heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def loaded_by(*args: str) -> tuple[int, list[str]]:
    """Exit code of ``portwright ARGS`` in a fresh interpreter, and the heavy packages it imported."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return report["code"], report["heavy"]


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["ls", "--help"],
        ["validate", "--help"],
        ["render", "--help"],
        ["ls", "--state"],  # a mistyped command line: argparse's usage error
        ["nonsense"],
    ],
    ids=lambda a: " ".join(a),
)
def test_help_and_usage_errors_import_no_model_stack(args: list[str]) -> None:
    code, heavy = loaded_by(*args)
    assert code == (0 if "--help" in args else 2)
    assert heavy == []


def test_a_command_imports_what_it_uses(tmp_path: Path) -> None:
    """``validate`` reads files (lxml, pydantic) but needs no database."""
    from support.bindings import binding_file, port

    source = tmp_path / "one.xml"
    source.write_bytes(binding_file(ports=[port("A")]))
    code, heavy = loaded_by("validate", str(source))
    assert code == 0
    assert "lxml" in heavy and "pydantic" in heavy
    assert "sqlalchemy" not in heavy and "alembic" not in heavy and "PySide6" not in heavy


def _commands(parser: argparse.ArgumentParser) -> list[tuple[str, object]]:
    """(command path, its ``run`` default) for every leaf command of the parser."""
    out: list[tuple[str, object]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                inner = _commands(sub)
                out += [(f"{name} {path}".strip(), run) for path, run in inner] or [(name, sub.get_default("run"))]
    return out


def test_every_command_runs_a_function_that_exists() -> None:
    commands = dict(_commands(build_parser()))
    assert {"ls", "validate", "app start", "group remove", "gui", "render"} <= set(commands)
    for name, run in commands.items():
        assert callable(run), name
        if isinstance(run, later):
            target = getattr(importlib.import_module(run.module), run.function, None)
            assert callable(target), f"{name}: {run!r} names nothing"
