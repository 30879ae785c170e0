"""The port editor in the Properties dock of a 1024x700 window (about 430 px wide): every page
shows its labels whole and its fields inside the dock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from designer.editors.port_editor import COMPACT_LIST_WIDTH, LIST_WIDTH
from designer.mainwindow import MainWindow
from model.lifecycle import Kind
from model.store import Workspace
from tests.designer.test_editor_port import SAMPLE

#: One port of each shape: static with a backup, solicit-response WCF, dynamic, SB-Messaging.
PORTS = ("Billing.Invoices.SFTP", "Orders.Pricing.WCF-BasicHttp", "Orders.Dynamic.Partner", "Orders.CRM.SB")
SHOWN = (QLabel, QLineEdit, QComboBox, QAbstractButton, QAbstractSpinBox, QPlainTextEdit)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.resize(1024, 700)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    ws.close()
    assert warnings == []


def clipped(page: QWidget) -> list[str]:
    """Visible widgets of ``page`` cut off at its right edge, or labels shorter than their text."""
    viewport = page.viewport()  # type: ignore[attr-defined]
    out = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, SHOWN) or not widget.isVisible() or widget.window() is not page.window():
            continue
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        name = widget.objectName() or getattr(widget, "text", lambda: "")() or type(widget).__name__
        if left < 0 or left + widget.width() > viewport.width() + 1:
            out.append(f"{name}: x {left}..{left + widget.width()} beyond {viewport.width()}")
        wraps = getattr(widget, "wordWrap", lambda: False)()
        text = isinstance(widget, QLabel | QAbstractButton) and bool(widget.text())
        if text and not wraps and widget.width() < widget.sizeHint().width() - 1:
            out.append(f"{name}: {widget.width()} px for a text of {widget.sizeHint().width()}")
    return out


def test_every_page_fits_the_dock_of_a_1024_window(window: MainWindow) -> None:
    editor = window.properties.port_editor
    for port in PORTS:
        window.properties.show_selection([(Kind.PORT.value, port)])
        QApplication.processEvents()
        assert 380 <= editor.width() <= 480, editor.width()  # the dock is that narrow
        assert editor.compact and editor.list.width() == COMPACT_LIST_WIDTH
        for row, page in enumerate(editor.pages):
            editor.list.setCurrentRow(row)
            QApplication.processEvents()
            assert editor.list.item(row).toolTip() == page.title  # the page's name stays at hand
            assert clipped(page) == [], (port, page.title)


def test_the_page_list_names_pages_when_there_is_room(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from designer.document import WorkspaceDocument
    from designer.editors.port_editor import PortEditor

    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.import_file(SAMPLE)
        editor = PortEditor(WorkspaceDocument(ws))
        qtbot.addWidget(editor)
        editor.resize(800, 700)
        editor.show()
        QApplication.processEvents()
        assert not editor.compact and editor.list.width() == LIST_WIDTH
        assert [editor.list.item(i).text() for i in range(editor.list.count())] == [p.title for p in editor.pages]
        editor.resize(430, 700)
        QApplication.processEvents()
        assert editor.compact and editor.list.width() == COMPACT_LIST_WIDTH
        assert {editor.list.item(i).text() for i in range(editor.list.count())} == {""}
        editor.resize(800, 700)
        QApplication.processEvents()
        assert editor.list.item(1).text() == editor.pages[1].title
