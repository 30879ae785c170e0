"""House style rule 12, checked: ``mypy model`` (config in pyproject.toml) finds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_on_model_reports_no_errors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "model"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"mypy model failed:\n{result.stdout}{result.stderr}"
