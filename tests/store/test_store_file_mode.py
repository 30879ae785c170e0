"""A new SQLite workspace holds the design's adapter passwords: it is created readable by its
owner only, and an existing file keeps the mode its owner gave it."""

from __future__ import annotations

import stat
from pathlib import Path

from model.lifecycle import Kind
from model.store import Workspace


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_workspace_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace(path) as ws:
        assert ws.entries() == []
        for companion in (tmp_path / "w.sqlite-wal", tmp_path / "w.sqlite-shm"):
            if companion.exists():
                assert _mode(companion) & 0o077 == 0, companion
    assert _mode(path) == 0o600


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Workspace(path):
        pass
    path.chmod(0o640)
    with Workspace(path) as ws:
        assert ws.entry(Kind.PORT, "none") is None
    assert _mode(path) == 0o640
