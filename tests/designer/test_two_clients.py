"""Two clients on one workspace: the designer window and the real ``portwright`` command, at the
same time, on SQLite and on PostgreSQL.

The window imports a binding file the way a user does (File > Import, the file picked in the
dialog from the folder that also holds the SQLite workspace, the import run on the worker
thread); then ``portwright ls`` and ``enlist`` run as subprocesses while the window stays
open, the window refreshes and edits. Each side must see every change of the other, the
audit log must hold all of them, and the window's process must never be left writing into
a deleted ``-wal`` or ``-shm`` file (what happened when the file dialog read the workspace's
files and so dropped SQLite's locks: see ``designer.file_dialogs``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url
from support.bindings import STANDARD
from support.cli import run_process

from designer.mainwindow import MainWindow
from model.bindings import load
from model.domain import replace
from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace

GUI_USER, CLI_USER = "gui-user", "cli-user"
NEW_ADDRESS = "C:\\Out\\C-moved\\%MessageID%.xml"


def deleted_files_held(url: str) -> list[str]:
    """The workspace files this process holds open although they were deleted (none for a server)."""
    database = make_url(url).database if url.startswith("sqlite") else None
    own = [f"{database}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")] if database else []
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:  # closed meanwhile
            continue
        if target.endswith(" (deleted)") and target.removesuffix(" (deleted)") in own:
            held.append(target)
    return held


class FileDialogAnswer:
    """Answers the next file dialog as a user does: goes to ``folder``, waits until the dialog has
    listed (and named the type of) every file there, then picks ``name`` and accepts."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder, self.name = folder, name
        self.listed: list[str] = []
        self._timer = QTimer(interval=50)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def _step(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            return
        if dialog.directory().absolutePath() != str(self.folder):
            dialog.setDirectory(str(self.folder))
            dialog.selectNameFilter(dialog.nameFilters()[-1])  # "All files (*)": every file is a row
            return
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        parent = model.index(str(self.folder))
        rows = [model.index(r, 0, parent) for r in range(model.rowCount(parent))]
        files = sorted(p.name for p in self.folder.iterdir())
        if sorted(model.fileName(i) for i in rows) != files or not all(model.type(i) for i in rows):
            return  # still listing
        self.listed = files
        self._timer.stop()
        line_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert line_edit is not None
        line_edit.setText(self.name)
        dialog.accept()


class Cli:
    """``portwright --workspace URL ...`` as a subprocess, as a colleague in a terminal runs it."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder

    def __call__(self, *args: str) -> str:
        done = run_process(self.folder, "--workspace", self.url, *args, env={"USER": CLI_USER, "LOGNAME": CLI_USER})
        err = done.stderr.decode(errors="replace")
        assert done.returncode == 0, f"portwright {' '.join(args)}: {err}"
        assert "Traceback" not in err, err
        return done.stdout.decode()

    def listing(self) -> dict[str, dict[str, str]]:
        return {row["name"]: row for row in json.loads(self("ls", "--json"))}


@pytest.fixture
def window(qtbot: QtBot, workspace_url: str, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(Workspace(workspace_url, user=GUI_USER), settings, restore=False)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_window_and_command_line_see_each_others_changes(
    qtbot: QtBot, window: MainWindow, workspace_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []  # a warning box would wait for a click: record it instead
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: said.append(text))
    folder = tmp_path  # the binding file sits beside the SQLite workspace (and its -wal, -shm)
    (folder / "standard.xml").write_bytes(STANDARD)
    cli = Cli(workspace_url, folder)

    answer = FileDialogAnswer(folder, "standard.xml")
    window.action_map["file.import"].trigger()
    assert window.file_flows.tasks or window.doc.entries(), "the import did not start"
    qtbot.waitUntil(lambda: not window.file_flows.tasks, timeout=60000)
    assert "standard.xml" in answer.listed
    names = {e.name for e in window.doc.entries()}
    assert names == {"A", "B", "C", "R", "D", "G1", "G2", "Empty"}

    assert set(cli.listing()) == names, "the command line sees what the window imported"
    assert deleted_files_held(workspace_url) == []

    cli("enlist", "A")
    window.action_map["view.refresh"].trigger()
    assert window.doc.entry(Kind.PORT, "A").state is State.STOPPED, "the window sees the command line's enlist"

    port = window.doc.port("C").model
    window.doc.edit_port("C", replace(port, primary_transport=replace(port.primary_transport, address=NEW_ADDRESS)))
    window.doc.perform(Action.ENLIST, [Subject.port("B")])
    assert window.doc.entry(Kind.PORT, "B").state is State.STOPPED

    seen = cli.listing()
    assert seen["B"]["state"] == "Stopped", "the command line sees the window's enlist"
    assert seen["C"]["address"] == NEW_ADDRESS, "the command line sees the window's edit"
    assert seen["A"]["state"] == "Stopped"

    # after the colleague's commands have come and gone, the window still writes to the workspace
    window.doc.perform(Action.UNENLIST, [Subject.port("A")])
    assert cli.listing()["A"]["state"] == "Unenlisted"
    assert deleted_files_held(workspace_url) == []

    expected = [
        (GUI_USER, "import", "A"),
        (CLI_USER, "enlist", "A"),
        (GUI_USER, "edit", "C"),
        (GUI_USER, "enlist", "B"),
        (GUI_USER, "unenlist", "A"),
    ]
    audit = [(e.user, e.operation, e.name) for e in window.doc.workspace.audit()]
    assert [a for a in audit if a in expected] == expected, audit
    log = cli("log").splitlines()
    for user, operation, name in expected:
        assert any(f" {user} {operation} port '{name}'" in line for line in log), (user, operation, name, log)
    with Workspace(workspace_url) as fresh:  # a third reader, from nothing: it was all written
        assert fresh.port("C").model.primary_transport.address == NEW_ADDRESS
        assert fresh.entry(Kind.PORT, "B").state is State.STOPPED
    assert said == []


def test_every_kind_of_window_write_reaches_the_command_line(
    window: MainWindow, workspace_url: str, tmp_path: Path
) -> None:
    """Rename, membership, lifecycle, group settings, delete, undo and canvas positions: after each,
    a colleague's ``portwright`` sees it, and every one of them is in the audit log it prints."""
    cli = Cli(workspace_url, tmp_path)
    doc = window.doc
    doc.import_document(load(STANDARD))
    logged = len(cli("log").splitlines())

    def members(group: str) -> tuple[str, ...]:
        cli("export", "-o", "out.xml")
        found = load(tmp_path / "out.xml").group(group)
        assert found is not None, group
        return found.members

    doc.rename(Kind.PORT, "C", "C2")
    assert "C2" in cli.listing() and "C" not in cli.listing()
    doc.add_to_group("G2", ["C2"])
    assert members("G2") == ("B", "C2")
    doc.perform(Action.START, [Subject.port("C2")])
    assert cli.listing()["C2"]["state"] == "Started"
    doc.edit_group("Empty", replace(doc.group("Empty").model, description="Now described"))
    cli("export", "-o", "out.xml")
    assert load(tmp_path / "out.xml").group("Empty").description == "Now described"  # type: ignore[union-attr]
    doc.delete([Subject.port("D")])
    assert "D" not in cli.listing()
    doc.undo_stack.undo()
    assert "D" in cli.listing(), "the undone delete is back for the colleague too"
    doc.move({(Kind.PORT, "A"): (0.0, 0.0)}, {(Kind.PORT, "A"): (120.0, 80.0)})
    with Workspace(workspace_url) as fresh:
        entry = fresh.entry(Kind.PORT, "A")
        assert entry is not None and (entry.x, entry.y) == (120.0, 80.0)

    log = cli("log").splitlines()[logged:]
    for name in ("C2", "G2", "Empty", "D"):  # rename, membership, start, edit, delete and its undo
        assert any(f"'{name}'" in line and GUI_USER in line for line in log), (name, log)
    assert len(log) >= 6, log
    assert deleted_files_held(workspace_url) == []
