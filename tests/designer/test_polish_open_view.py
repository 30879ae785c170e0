"""Open on the last view: reopening a workspace shows the zoom and the place it was left at,
remembered per workspace in the window's settings (never in the workspace: views never write);
a workspace never seen before opens on Fit (a large one on its first application, readable)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings
from support.bindings import generate

from designer.canvas.items import READABLE_ZOOM
from designer.canvas.view import ViewState
from designer.mainwindow import MainWindow
from designer.window_settings import WindowSettings
from model.bindings import load
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"


def settings_at(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


def open_window(qtbot, tmp_path: Path, ws: Workspace) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(ws, settings_at(tmp_path), restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.view._fit_pending, timeout=3000)
    return w


def middle(w: MainWindow) -> QPointF:
    return w.view.mapToScene(w.view.viewport().rect().center())


def what_is_stored(ws: Workspace) -> tuple:
    return (tuple(dataclasses.replace(e, version=0) for e in ws.entries()), ws.export())


def big_workspace(path: Path) -> Workspace:
    ws = Workspace(path)
    ws.import_document(load(generate(300, 30)), None, "big.xml")
    return ws


def test_reopening_shows_the_last_zoom_and_place(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.sqlite"
    ws = big_workspace(path)
    stored = what_is_stored(ws)
    w = open_window(qtbot, tmp_path, ws)
    last = max(w.scene.nodes.values(), key=lambda n: (n.y(), n.x()))  # far from the first application
    w.view.set_zoom(1.3)
    w.view.centerOn(last.sceneBoundingRect().center())
    left_at = middle(w)
    w.close()

    again = open_window(qtbot, tmp_path, Workspace(path))
    assert again.view.zoom() == pytest.approx(1.3)
    assert (middle(again) - left_at).manhattanLength() < 3 / 1.3 + 2, "not where it was left"
    assert again.view.mapToScene(again.view.viewport().rect()).boundingRect().contains(last.sceneBoundingRect())
    reopened = again.document().workspace
    again.close()
    assert what_is_stored(Workspace(path)) == stored, "looking wrote to the workspace"
    del reopened


def test_each_workspace_has_its_own_view_and_switching_remembers_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big, small = tmp_path / "big.sqlite", tmp_path / "small.sqlite"
    big_workspace(big).close()
    ws = Workspace(small)
    ws.import_file(SAMPLE)
    ws.close()
    w = open_window(qtbot, tmp_path, Workspace(big))
    w.view.set_zoom(0.9)
    w.view.centerOn(QPointF(900, 700))
    big_middle = middle(w)
    w.set_workspace(Workspace(small))  # the big workspace's view is kept as it leaves
    qtbot.waitUntil(lambda: not w.view._fit_pending, timeout=3000)
    assert w.view.zoom() != pytest.approx(0.9), "a workspace never seen opens on Fit, not another's view"
    w.set_workspace(Workspace(big))
    qtbot.waitUntil(lambda: not w.view._fit_pending, timeout=3000)
    assert w.view.zoom() == pytest.approx(0.9)
    assert (middle(w) - big_middle).manhattanLength() < 5
    w.close()


def test_a_large_workspace_never_seen_opens_on_its_first_application(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = open_window(qtbot, tmp_path, big_workspace(tmp_path / "w.sqlite"))
    assert w.view.zoom() == pytest.approx(READABLE_ZOOM)
    first = min(w.scene.frames.values(), key=lambda f: (f.sceneBoundingRect().top(), f.sceneBoundingRect().left()))
    assert w.view.mapToScene(w.view.viewport().rect()).boundingRect().contains(first.sceneBoundingRect().topLeft())
    w.close()


def test_a_view_left_far_out_reopens_readable(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.sqlite"
    w = open_window(qtbot, tmp_path, big_workspace(path))
    w.view.set_zoom(0.05)
    w.close()
    again = open_window(qtbot, tmp_path, Workspace(path))
    assert again.view.zoom() == pytest.approx(READABLE_ZOOM)
    again.close()


@pytest.mark.parametrize("stored", ["", "1.0,2.0", "x,1,2", "0,1,2", "nan,1,2", "1,inf,2"])
def test_an_unreadable_saved_view_is_ignored(tmp_path: Path, stored: str) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    remembered = WindowSettings(settings_at(tmp_path))
    remembered.remember_view(ws, ViewState(0.8, 10.0, 20.0))
    assert remembered.last_view(ws) == ViewState(0.8, 10.0, 20.0)
    key = next(k for k in remembered.settings.allKeys() if k.startswith("views/"))
    assert str(tmp_path) not in key and "w.sqlite" not in key, "the settings list where workspaces are"
    remembered.settings.setValue(key, stored)
    assert remembered.last_view(ws) is None
    ws.close()
