"""A store failure while the window is open reaches the user in the window (a message box or the
status bar), never only the terminal, and leaves the workspace as it was: a refresh that cannot
read (the "disk I/O error" of a real session), an action or an undo on a send port that a
colleague deleted from the command line meanwhile, and any workspace error that escapes a Qt
callback. And the window refuses to import or export over the SQLite workspace's own files:
reading one of them in its process would drop the workspace's locks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from support.bindings import STANDARD
from support.cli import run_process
from support.workspace import full_state

from designer.app import StoreErrorReporter
from designer.mainwindow import MainWindow
from model.domain import replace
from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace, WorkspaceError


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window said in warning message boxes (answered at once)."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    return said


@pytest.fixture
def window(qtbot: QtBot, workspace_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    with Workspace(workspace_url) as ws:
        ws.import_file(STANDARD)
    w = MainWindow(
        Workspace(workspace_url), QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat), restore=False
    )
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


class DiskError:
    """Every statement on ``engine`` fails as a disk does, until :meth:`stop`."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        event.listen(engine, "before_cursor_execute", self._fail)

    def _fail(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        raise OperationalError(statement, parameters, sqlite3.OperationalError("disk I/O error"))

    def stop(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._fail)


def colleague(folder: Path, url: str, *args: str) -> None:
    done = run_process(folder, "--workspace", url, *args)
    assert done.returncode == 0, done.stderr.decode(errors="replace")


def status(w: MainWindow) -> str:
    return w.statusBar().currentMessage()


def test_a_refresh_that_cannot_read_says_so_and_changes_nothing(window: MainWindow, warnings: list[str]) -> None:
    ws = window.doc.workspace
    before, shown = full_state(ws), window.doc.entries()
    failing = DiskError(ws.engine)
    try:
        window.action_map["view.refresh"].trigger()
    finally:
        failing.stop()
    assert len(warnings) == 1 and "disk I/O error" in warnings[0] and ws.display in warnings[0], warnings
    assert "disk I/O error" in status(window)
    assert window.doc.entries() == shown, "the window keeps what it showed"
    assert full_state(ws).differences(before) == []
    window.action_map["view.refresh"].trigger()  # the disk is back: refreshing works again
    assert status(window) == "Reloaded the workspace" and len(warnings) == 1


def test_an_action_on_a_port_a_colleague_deleted_is_refused_in_the_window(
    window: MainWindow, workspace_url: str, tmp_path: Path
) -> None:
    colleague(tmp_path, workspace_url, "delete", "C")
    assert window.find_flows.select_name("C"), "still shown: the window has not refreshed"
    window.action_map["lifecycle.enlist"].trigger()
    assert "'C'" in status(window), status(window)
    with Workspace(workspace_url) as ws:
        assert ws.entry(Kind.PORT, "C") is None and ws.entry(Kind.PORT, "A").state is State.UNENLISTED


def test_an_undo_the_workspace_refuses_is_shown_in_the_window(
    window: MainWindow, workspace_url: str, tmp_path: Path, warnings: list[str]
) -> None:
    port = window.doc.port("C").model
    window.doc.edit_port("C", replace(port, description="moved"))
    colleague(tmp_path, workspace_url, "delete", "C")
    window.action_map["edit.undo"].trigger()
    said = " ".join(warnings) + " " + status(window)
    assert "'C'" in said, said
    with Workspace(workspace_url) as ws:
        assert ws.entry(Kind.PORT, "C") is None, "the undo did not bring back what the colleague deleted"


def test_a_workspace_error_escaping_a_callback_is_shown_in_the_window(
    qtbot: QtBot, window: MainWindow, warnings: list[str]
) -> None:
    forwarded: list[BaseException] = []
    reporter = StoreErrorReporter(window)
    reporter.install()
    reporter.previous = lambda _kind, value, _tb: forwarded.append(value)
    try:

        def store_fails() -> None:
            raise WorkspaceError("workspace somewhere.sqlite: disk I/O error")

        def bug() -> None:
            raise ValueError("not a store error")

        QTimer.singleShot(0, store_fails)
        QTimer.singleShot(0, bug)
        qtbot.waitUntil(lambda: bool(warnings) and bool(forwarded))
    finally:
        reporter.uninstall()
    assert warnings == ["workspace somewhere.sqlite: disk I/O error"]
    assert [type(e) for e in forwarded] == [ValueError], "anything else goes to the hook that was there"


@pytest.mark.parametrize("workspace_url", ["sqlite"], indirect=True)  # a server has no files to protect
def test_the_workspace_files_are_neither_imported_nor_overwritten(
    window: MainWindow, workspace_url: str, tmp_path: Path, warnings: list[str]
) -> None:
    database = Path(workspace_url.removeprefix("sqlite:///"))
    assert database.parent == tmp_path
    own = [database, Path(f"{database}-wal"), Path(f"{database}-shm")]
    (tmp_path / "link.sqlite").symlink_to(database)
    before = full_state(window.doc.workspace)
    for path in [*own, tmp_path / "link.sqlite"]:
        window.file_flows.import_paths([str(path)])
    window.file_flows.export_to(str(database))
    assert len(warnings) == 5 and all("is a file of the open workspace" in w for w in warnings), warnings
    assert full_state(window.doc.workspace).differences(before) == []
    # the window still holds its locks: a colleague's command leaves the log in place and sees the window's enlist
    colleague(tmp_path, workspace_url, "ls")
    window.doc.perform(Action.ENLIST, [Subject.port("A")])
    listing = run_process(tmp_path, "--workspace", workspace_url, "ls", "--state", "Stopped").stdout.decode()
    assert [line.split()[1] for line in listing.splitlines()[1:]] == ["A"]
    assert all(p.exists() for p in own[1:]), "the -wal and -shm files are still there"
