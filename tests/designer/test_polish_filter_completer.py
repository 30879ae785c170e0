"""The property completer never swallows a click: after a completion is chosen or dismissed,
and when the click that dismisses it lands on another widget, that widget acts at once.

While the completion list is open it holds the mouse, so the window system delivers a click
anywhere to the list (at a position outside it): these tests hand the click to the list the
same way. (Checked under Xvfb with xdotool clicks too: without the fix, the first click on
another widget only closed the list.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from designer.editors.filter_builder import FilterBuilder
from designer.editors.filter_rows import StatementRow
from model.domain import Filter, FilterGroup, FilterStatement


@pytest.fixture
def builder(qtbot) -> FilterBuilder:  # type: ignore[no-untyped-def]
    widget = FilterBuilder()
    qtbot.addWidget(widget)
    widget.resize(560, 480)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    widget.set_filter(Filter(groups=(FilterGroup(statements=(FilterStatement(property="BTS.Rec", value="In"),)),)))
    return widget


def open_completions(qtbot, row: StatementRow) -> QWidget:  # type: ignore[no-untyped-def]
    row.property_edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(row.property_edit.hasFocus)
    row.property_edit.end(False)
    QTest.keyClicks(row.property_edit, "eivePortN")
    popup = row.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    return popup


def click_through_open_list(popup: QWidget, target: QWidget) -> None:
    """A click on ``target`` while the list holds the mouse: the list is the receiver of the
    press and the release (this is what a real X server delivers under the list's grab; QTest's
    synthetic clicks take another path and never showed the swallowed click)."""
    at = target.mapToGlobal(target.rect().center())
    local = popup.mapFromGlobal(at)
    assert not popup.rect().contains(local), "the target is under the list"
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none)):
        event = QMouseEvent(kind, QPointF(local), QPointF(at), left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(popup, event)


def test_the_click_that_dismisses_the_list_reaches_the_button(qtbot, builder: FilterBuilder) -> None:  # type: ignore[no-untyped-def]
    row = builder.statement_row(0, 0)
    popup = open_completions(qtbot, row)
    clicked: list[bool] = []
    row.remove_button.clicked.connect(lambda: clicked.append(True))
    click_through_open_list(popup, row.remove_button)
    assert not popup.isVisible()
    assert clicked == [True], "the click only closed the list"
    assert len(builder.value().groups if builder.value() else ()) == 0  # the statement was removed


def test_the_click_that_dismisses_the_list_focuses_the_field(qtbot, builder: FilterBuilder) -> None:  # type: ignore[no-untyped-def]
    row = builder.statement_row(0, 0)
    popup = open_completions(qtbot, row)
    click_through_open_list(popup, row.value_edit)
    assert not popup.isVisible()
    qtbot.waitUntil(row.value_edit.hasFocus, timeout=1000)
    builder.add_group_button.setFocus()  # leave the field while the row is alive


def test_after_choosing_a_completion_the_next_click_acts(qtbot, builder: FilterBuilder) -> None:  # type: ignore[no-untyped-def]
    row = builder.statement_row(0, 0)
    popup = open_completions(qtbot, row)
    index = row.completer.completionModel().index(0, 0)
    view = row.completer.popup()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert row.property_edit.text() == "BTS.ReceivePortName" and not popup.isVisible()
    add = builder.group_box(0).add_button
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert builder.statement_row(0, 1).isVisibleTo(builder), "the click after the completion did nothing"


def test_a_click_inside_the_list_still_chooses(qtbot, builder: FilterBuilder) -> None:  # type: ignore[no-untyped-def]
    row = builder.statement_row(0, 0)
    popup = open_completions(qtbot, row)
    view = row.completer.popup()
    at: QPoint = view.viewport().mapTo(view, view.visualRect(row.completer.completionModel().index(0, 0)).center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().mapFrom(view, at))
    assert row.property_edit.text() == "BTS.ReceivePortName" and not popup.isVisible()
