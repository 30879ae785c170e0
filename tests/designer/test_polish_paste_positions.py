"""Pasted and duplicated items keep where they went: the copies and their free slots are saved
in the workspace together, as one undo step (undone together, redone together), and the
History names what was pasted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from designer.mainwindow import MainWindow
from model.lifecycle import Kind
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
LEGACY, NOTIFY = (Kind.PORT, "Orders.Legacy.HTTP"), (Kind.PORT, "Orders.Customer.Notify.SMTP")


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    assert warnings == []


def stored(w: MainWindow, key: tuple[Kind, str]) -> tuple[float | None, float | None] | None:
    entry = w.doc.workspace.entry(*key)
    return None if entry is None else (entry.x, entry.y)


def shown(w: MainWindow, key: tuple[Kind, str]) -> tuple[float, float]:
    item = w.scene.nodes[key]
    return (item.x(), item.y())


def select(w: MainWindow, *keys: tuple[Kind, str]) -> None:
    w.scene.clearSelection()
    for k in keys:
        w.scene.nodes[k].setSelected(True)


def test_paste_saves_the_slots_in_one_undo_step(window: MainWindow) -> None:
    w = window
    stack = w.doc.undo_stack
    select(w, LEGACY, NOTIFY)
    w.edit_flows.copy()
    count = stack.count()
    w.edit_flows.paste()
    assert stack.count() == count + 1, "the paste and its positions are one undo step"
    assert stack.text(stack.count() - 1) == "Paste 2 items"
    pasted = [(Kind.PORT, f"{LEGACY[1]} (2)"), (Kind.PORT, f"{NOTIFY[1]} (2)")]
    for key in pasted:
        assert stored(w, key) == shown(w, key), f"{key[1]}'s slot is not saved in the workspace"
    slots = {k: shown(w, k) for k in pasted}
    stack.undo()
    QApplication.processEvents()
    assert all(stored(w, k) is None for k in pasted) and all(k not in w.scene.nodes for k in pasted)
    stack.redo()
    QApplication.processEvents()
    for key in pasted:
        assert stored(w, key) == slots[key], "the redo saves the same slots again"
        assert shown(w, key) == slots[key], "the canvas shows what the workspace holds"


def test_duplicate_saves_the_slot_and_names_the_item(window: MainWindow) -> None:
    w = window
    stack = w.doc.undo_stack
    select(w, LEGACY)
    count = stack.count()
    w.action_map["edit.duplicate"].trigger()
    assert stack.count() == count + 1
    assert stack.text(stack.count() - 1) == f"Duplicate '{LEGACY[1]}'"
    new = (Kind.PORT, f"{LEGACY[1]} (2)")
    assert stored(w, new) == shown(w, new) and stored(w, new) != stored(w, LEGACY)


def test_a_refused_paste_leaves_no_empty_step(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from designer.document import Refused

    w = window
    stack = w.doc.undo_stack
    select(w, LEGACY)
    w.edit_flows.copy()

    def refuse(*_a: object) -> list:
        raise Refused("the workspace is read-only")

    monkeypatch.setattr(w.doc, "paste", refuse)
    count = stack.count()
    w.edit_flows.paste()
    assert stack.count() == count, "a refused paste left a step in the History"
    assert "read-only" in w.statusBar().currentMessage()


def test_moving_one_node_names_it(window: MainWindow) -> None:
    w = window
    x, y = shown(w, LEGACY)
    w.edit_flows.move({LEGACY: (x, y)}, {LEGACY: (x + 500, y + 500)})
    assert w.doc.undo_stack.text(w.doc.undo_stack.count() - 1) == f"Move '{LEGACY[1]}'"
