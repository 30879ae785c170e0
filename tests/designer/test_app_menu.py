"""The application's own context menu (canvas frame, explorer row), File > Export Application
and Export Selection, the window title, and file dialogs that open in the last folder used."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from test_secret_output import SECRET, secret_file
from test_window_actions import OTHER, PORT, Dialogs, make_window, select, status_text, trigger

from designer import file_dialogs
from designer.application_menu import application_on_canvas
from designer.mainwindow import MainWindow
from designer.window_title import workspace_title
from model import bindings
from model.lifecycle import Kind, State

APP = "Contoso.Orders"


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot, tmp_path: Path, dialogs: Dialogs) -> Iterator[MainWindow]:
    w = make_window(qtbot, tmp_path)
    yield w
    w.close()
    assert dialogs.warnings == []


def item(menu: QMenu, name: str) -> QAction:
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, f"no {name} in {[a.text() for a in menu.actions()]}"
    return found[0]


def states(w: MainWindow, app: str) -> set[State]:
    return {e.state for e in w.doc.workspace.entries() if e.application == app}


def frame_point(w: MainWindow, app: str) -> QPointF:
    """A point on the application's frame (its title band) with no node on it."""
    rect = w.scene.frames[app].boundingRect()
    return QPointF(rect.left() + 12, rect.top() + 8)


def test_right_click_on_a_frame_opens_the_application_menu(window: MainWindow, monkeypatch) -> None:
    shown: list[str | None] = []
    monkeypatch.setattr(window.context_menus, "exec_menu", lambda _pos, app: shown.append(app))
    point = frame_point(window, APP)
    assert application_on_canvas(window.scene, point) == APP
    window.view.centerOn(point)
    window.view.customContextMenuRequested.emit(window.view.mapFromScene(point))
    node = next(iter(window.scene.nodes.values()))
    window.view.customContextMenuRequested.emit(window.view.mapFromScene(node.sceneBoundingRect().center()))
    assert shown == [APP, None], "a node keeps the selection's menu"


def test_right_click_on_an_application_row_of_the_explorer(window: MainWindow, monkeypatch) -> None:
    shown: list[str | None] = []
    monkeypatch.setattr(window.context_menus, "exec_menu", lambda _pos, app: shown.append(app))
    tree = window.explorer.view
    proxy = tree.model()
    rows = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    row = next(i for i in rows if str(i.data()).startswith(f"{APP} ("))
    tree.scrollTo(row)
    window.explorer.context_menu_requested.emit(tree.viewport().mapToGlobal(tree.visualRect(row).center()))
    assert shown == [APP]


def test_application_menu_starts_and_stops_the_whole_application(window: MainWindow) -> None:
    menu = window.context_menu_for(APP)
    assert menu.toolTipsVisible()
    stop = item(menu, "appmenu.stop")
    assert not stop.isEnabled() and "none of its send ports or send port groups is started" in stop.toolTip()
    item(menu, "appmenu.start").trigger()
    assert states(window, APP) == {State.STARTED}
    assert states(window, "Contoso.Billing") == {State.UNENLISTED}, "only that application"
    menu = window.context_menu_for(APP)
    assert not item(menu, "appmenu.start").isEnabled()
    item(menu, "appmenu.stop").trigger()
    assert states(window, APP) == {State.STOPPED}
    window.doc.undo_stack.undo()
    assert states(window, APP) == {State.STARTED}


def test_application_menu_validate_counts_the_problems(window: MainWindow) -> None:
    item(window.context_menu_for(APP), "appmenu.validate").trigger()
    said = status_text(window)
    assert said.startswith(f"Application '{APP}': ")
    mine = {e.name for e in window.doc.entries() if e.application == APP}
    found = [p for p in window.problems.problems() if p.name in mine]
    assert ("no problems found" in said) == (not found)


@pytest.fixture
def secret_window(qtbot, tmp_path: Path, dialogs: Dialogs) -> Iterator[MainWindow]:
    w = make_window(qtbot, tmp_path, source=secret_file(tmp_path))
    w.doc.workspace.import_file(OTHER)  # a second application, which an application's export leaves out
    w.doc.reload()
    yield w
    w.close()
    assert dialogs.warnings == []


def test_export_this_application_blanks_passwords(secret_window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    w = secret_window
    apps = w.doc.applications()
    assert APP in apps and len(apps) > 1
    out = tmp_path / "app.xml"
    dialogs.save_name = str(out)
    item(w.context_menu_for(APP), "appmenu.export").trigger()
    text = out.read_text(encoding="utf-8")
    assert SECRET not in text and '&lt;Password vt="1" /&gt;' in text
    exported = bindings.load(out.read_bytes())
    mine = {e.name for e in w.doc.entries() if e.application == APP and e.kind is Kind.PORT}
    assert {p.name for p in exported.send_ports} == mine
    assert "passwords blanked" in status_text(w)


def test_file_menu_export_application_asks_which(
    secret_window: MainWindow, dialogs: Dialogs, tmp_path: Path, monkeypatch
) -> None:
    w = secret_window
    offered: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str]) -> str:
        offered.append(list(items))
        return APP

    monkeypatch.setattr(file_dialogs, "choose_item", choose)
    dialogs.save_name = str(tmp_path / "chosen.xml")
    trigger(w, "file.export_application")
    assert offered == [w.doc.applications()]
    exported = bindings.load((tmp_path / "chosen.xml").read_bytes())
    assert exported.send_ports and {p.application for p in exported.send_ports} <= {APP, None}
    assert SECRET not in (tmp_path / "chosen.xml").read_text(encoding="utf-8")


def test_export_selection_writes_only_the_selection(window: MainWindow, dialogs: Dialogs, tmp_path: Path) -> None:
    window.scene.clearSelection()
    assert not window.action_map["file.export_selection"].isEnabled()
    select(window, PORT)
    dialogs.save_name = str(tmp_path / "sel.xml")
    trigger(window, "file.export_selection")
    assert dialogs.questions == [], "the menu item said what to export"
    exported = bindings.load((tmp_path / "sel.xml").read_bytes())
    assert [p.name for p in exported.send_ports] == [PORT[1]] and not exported.groups


def test_title_names_the_file_then_its_folder(window: MainWindow, tmp_path: Path) -> None:
    assert window.windowTitle() == f"w.sqlite — {tmp_path.resolve()} — Portwright"
    title = workspace_title("postgresql+psycopg://me:S3cret@db.example:5432/biztalk")
    assert title == "biztalk — postgresql://me@db.example:5432"
    assert "S3cret" not in title and "***" not in title


def test_file_dialogs_open_in_the_last_folder_used(
    qtbot, tmp_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []

    def save(_parent: Any, title: str, suggested: str, _filter: str) -> str:
        asked.append((title, suggested))
        return dialogs.save_name

    def open_many(_parent: Any, title: str, _filter: str, directory: str = "") -> list[str]:
        asked.append((title, directory))
        return list(dialogs.open_names)

    monkeypatch.setattr(file_dialogs, "save_file_name", save)
    monkeypatch.setattr(file_dialogs, "open_file_names", open_many)
    exports, imports = tmp_path / "exports", tmp_path / "imports"
    exports.mkdir()
    imports.mkdir()
    ini = QSettings(str(tmp_path / "folders.ini"), QSettings.Format.IniFormat)
    w = make_window(qtbot, tmp_path, settings=ini)
    dialogs.save_name = str(exports / "first.xml")
    trigger(w, "file.export")
    (imports / "more.xml").write_bytes((exports / "first.xml").read_bytes())
    dialogs.open_names = [str(imports / "more.xml")]
    trigger(w, "file.import")
    w.close()
    again = make_window(
        qtbot, tmp_path, name="w2.sqlite", settings=QSettings(ini.fileName(), QSettings.Format.IniFormat)
    )
    dialogs.save_name = ""
    dialogs.open_names = []
    trigger(again, "file.export")
    trigger(again, "file.import")
    again.close()
    assert asked[0] == ("Export Bindings", "BindingInfo.xml"), "nothing remembered yet"
    assert asked[1] == ("Import Bindings", "")
    assert asked[2] == ("Export Bindings", str(exports.resolve() / "BindingInfo.xml"))
    assert asked[3] == ("Import Bindings", str(imports.resolve()))
