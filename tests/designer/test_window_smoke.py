"""The smoke test the designer issue asks for: open the main window on a real binding file, select a
send port, run its lifecycle from the toolbar (actions triggered by objectName), start and stop
its application, check that the explorer, the canvas and the status bar follow each step, undo
everything, and get the original file back byte for byte from the workspace.

Runs on the bundled sample (always there) and on every file of the shared corpus that has send
ports (skipped, visibly, when the corpus is absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, corpus_files
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QToolBar

from designer.mainwindow import MainWindow
from model.bindings import load
from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"


def _corpus_with_ports() -> list[Any]:
    files = [f for f in corpus_files() if load(f).send_ports]
    if not files:
        return [
            pytest.param(None, marks=pytest.mark.skip(reason=f"the corpus is absent ({CORPUS})"), id="corpus-absent")
        ]
    return [pytest.param(f, id=f.name[:40]) for f in files]


@pytest.fixture
def open_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        w = MainWindow(
            Workspace(tmp_path / "w.sqlite"),
            QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
            restore=False,
        )
        qtbot.addWidget(w)
        w.file_flows.background = False
        w.show()
        qtbot.waitExposed(w)
        windows.append(w)
        return w

    yield make
    for w in windows:
        w.close()
    assert warnings == []


def toolbar_action(w: MainWindow, action_id: str) -> QAction:
    """The action as the toolbar holds it, found by objectName."""
    bar = w.findChild(QToolBar, "lifecycleToolbar")
    found = [a for a in bar.actions() if a.objectName() == action_id]
    assert found, f"{action_id} is not on the lifecycle toolbar"
    return found[0]


def press(w: MainWindow, action_id: str) -> None:
    action = toolbar_action(w, action_id) if action_id != "edit.undo" else w.findChild(QAction, action_id)
    assert action.isEnabled(), f"{action_id}: {action.toolTip()}"
    action.trigger()


def shows(w: MainWindow, qtbot, name: str, state: State) -> None:
    """Workspace, canvas item, explorer row and status bar all say ``state`` for port ``name``."""
    assert w.doc.workspace.port(name).state is state
    assert w.scene.nodes[(Kind.PORT, name)].state is state
    assert w.explorer.model.index_of(Kind.PORT, name, 1).data() == state.label
    counts = w.doc.workspace.entries()
    expected = {s: sum(1 for e in counts if e.kind is Kind.PORT and e.state is s) for s in State}
    text = (
        f"Ports: {expected[State.STARTED]} started · {expected[State.STOPPED]} stopped · "
        f"{expected[State.UNENLISTED]} unenlisted"
    )
    qtbot.waitUntil(lambda: w.port_counts.text() == text, timeout=2000)


def pick(w: MainWindow) -> tuple[str, str | None]:
    """A port whose application can be started (if any), and that application."""
    ports = [e for e in w.doc.entries() if e.kind is Kind.PORT]
    for e in ports:
        if w.doc.allowed_actions([Subject.port(e.name)])[Action.START_APPLICATION].allowed:
            return e.name, e.application
    return ports[0].name, None


def smoke(w: MainWindow, qtbot, path: Path) -> None:
    original = path.read_bytes()
    w.file_flows.import_paths([str(path)])
    entries = w.doc.entries()
    assert w.stack.currentWidget() is w.canvas_area
    assert set(w.scene.nodes) == {(e.kind, e.name) for e in entries}
    assert w.doc.undo_stack.count() == 1
    name, application = pick(w)
    w.scene.nodes[(Kind.PORT, name)].setSelected(True)
    assert w.explorer.selected_keys() == [("port", name)], "the explorer follows the canvas selection"
    assert w.properties.shown_keys() == [(Kind.PORT, name)], "so does the property panel"
    shows(w, qtbot, name, State.UNENLISTED)

    for action_id, expected in (
        ("lifecycle.start", State.STARTED),
        ("lifecycle.stop", State.STOPPED),
        ("lifecycle.unenlist", State.UNENLISTED),
        ("lifecycle.enlist", State.STOPPED),
    ):
        press(w, action_id)
        shows(w, qtbot, name, expected)
    steps = 5
    if application is not None:
        press(w, "app.start")
        shows(w, qtbot, name, State.STARTED)
        in_app = [e for e in w.doc.workspace.entries(application=application)]
        assert {e.state for e in in_app} == {State.STARTED}
        press(w, "app.stop")
        shows(w, qtbot, name, State.STOPPED)
        assert {e.state for e in w.doc.workspace.entries(application=application)} == {State.STOPPED}
        steps += 2
    else:  # every application of the file is refused; the button says why
        assert "Cannot start application" in toolbar_action(w, "app.start").toolTip()
    assert w.doc.undo_stack.count() == steps
    assert w.history.model().rowCount() == steps + 1, "the history panel lists every step"

    while w.doc.undo_stack.index() > 1:  # everything but the import itself
        press(w, "edit.undo")
    shows(w, qtbot, name, State.UNENLISTED)
    assert all(e.state is State.UNENLISTED for e in w.doc.workspace.entries())
    assert w.doc.workspace.export() == original, "the workspace gives the file back byte for byte"
    press(w, "edit.undo")  # and the import
    assert w.doc.workspace.entries() == [] and w.stack.currentWidget() is w.welcome


def test_smoke_on_the_sample(open_window, qtbot) -> None:
    smoke(open_window(), qtbot, SAMPLE)


@pytest.mark.slow
@pytest.mark.parametrize("path", _corpus_with_ports())
def test_smoke_on_the_corpus(open_window, qtbot, path: Path) -> None:
    smoke(open_window(), qtbot, path)
