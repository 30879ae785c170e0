"""Every refusal says why where the user acted: a greyed action's shortcut, pressed on the
canvas, puts the rule's reason in the status bar; a greyed context-menu item shows it as its
tooltip. Keys meant for a text field stay with the text field."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from test_window_actions import GROUP, MEMBER, PORT, Dialogs, make_window, select, state, status_text

from designer.mainwindow import MainWindow
from model.lifecycle import Action, Kind, State, Subject

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    dialogs = Dialogs(monkeypatch)
    w = make_window(qtbot, tmp_path)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w
    w.close()
    assert dialogs.warnings == [], "a refusal is never a modal box"


def focus_canvas(w: MainWindow, qtbot) -> None:
    w.view.setFocus()
    qtbot.waitUntil(w.view.hasFocus, timeout=1000)


def test_delete_key_on_a_started_port_says_why_and_deletes_nothing(window: MainWindow, qtbot) -> None:
    window.doc.perform(Action.START, [Subject.port(PORT[1])])
    select(window, PORT)
    assert not window.action_map["edit.delete"].isEnabled()
    focus_canvas(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    said = status_text(window)
    assert "Cannot delete send port 'Orders.Legacy.HTTP': it is started." in said, said
    assert "Unenlist it first." in said
    assert window.doc.workspace.entry(*PORT) is not None
    assert window.doc.undo_stack.count() == 1, "only the start"


def test_start_shortcut_on_a_group_without_enlisted_member_says_why(window: MainWindow, qtbot) -> None:
    select(window, GROUP)
    assert not window.action_map["lifecycle.start"].isEnabled()
    focus_canvas(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_S, CTRL_SHIFT)
    said = status_text(window)
    assert "Cannot start send port group 'Contoso.Billing.InvoiceDistribution'" in said, said
    assert "none of its members is enlisted" in said
    assert state(window, GROUP) is State.UNENLISTED


def test_enlist_and_unenlist_have_shortcuts_that_act_when_allowed(window: MainWindow, qtbot) -> None:
    assert window.action_map["lifecycle.enlist"].shortcut().toString() == "Ctrl+Shift+E"
    assert window.action_map["lifecycle.unenlist"].shortcut().toString() == "Ctrl+Shift+U"
    select(window, PORT)
    focus_canvas(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL_SHIFT)
    assert state(window, PORT) is State.STOPPED
    assert status_text(window) == "Enlisted send port 'Orders.Legacy.HTTP'"
    qtbot.keyClick(window.view, Qt.Key.Key_E, CTRL_SHIFT)  # now refused: says why
    assert "it is already enlisted" in status_text(window)
    qtbot.keyClick(window.view, Qt.Key.Key_U, CTRL_SHIFT)
    assert state(window, PORT) is State.UNENLISTED


def test_delete_in_the_find_box_edits_the_text(window: MainWindow, qtbot) -> None:
    window.scene.clearSelection()
    window.statusBar().clearMessage()
    window.find_box.setFocus()
    qtbot.waitUntil(window.find_box.hasFocus, timeout=1000)
    window.find_box.setText("xOrders")
    window.find_box.setCursorPosition(0)
    qtbot.keyClick(window.find_box, Qt.Key.Key_Delete)
    assert window.find_box.text() == "Orders"
    assert "Select a send port" not in status_text(window)


def test_a_greyed_context_menu_item_shows_the_reason(window: MainWindow, qtbot) -> None:
    window.doc.perform(Action.START, [Subject.port(PORT[1])])
    select(window, PORT)
    menu = window.context_menu_for(None)
    assert menu.toolTipsVisible()
    delete = next(a for a in menu.actions() if a.objectName() == "edit.delete")
    assert not delete.isEnabled()
    menu.popup(window.mapToGlobal(QPoint(200, 200)))
    qtbot.waitExposed(menu)
    at = menu.actionGeometry(delete).center()
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, at, menu.mapToGlobal(at)))
    assert "Cannot delete send port 'Orders.Legacy.HTTP': it is started." in QToolTip.text()
    menu.close()


def test_refusals_of_a_member_name_the_group(window: MainWindow, qtbot) -> None:
    window.doc.perform(Action.ENLIST, [Subject(*MEMBER)])
    window.doc.perform(Action.ENLIST, [Subject(*GROUP)])
    select(window, MEMBER)
    focus_canvas(window, qtbot)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    said = status_text(window)
    assert "it is still enlisted and it is a member of send port group 'Contoso.Billing.InvoiceDistribution'" in said
    assert window.doc.workspace.entry(Kind.PORT, MEMBER[1]) is not None
