"""Test-wide setup: Qt offscreen before Qt loads; where the shared corpus lives (if it does)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus" / "bindings"
BINDCMP = ROOT.parent / "shared" / "tools" / "bindcmp.py"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.xml")) if CORPUS.is_dir() else []


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.xml"))


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
