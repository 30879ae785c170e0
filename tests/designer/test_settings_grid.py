"""The settings grid: BTDF's spreadsheet in the window, every change one undo step through the
document, each cell showing where its value comes from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from designer.document import WorkspaceDocument
from designer.panels.settings_grid import SettingsGridPanel
from designer.panels.settings_model import DEFAULT, FIRST_ENVIRONMENT, NAME, Source, SourceRole
from model.store import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHEET = FIXTURES / "settings" / "SettingsFileGenerator.xml"
MASTER = FIXTURES / "03_btdf_master.xml"
PROD = FIRST_ENVIRONMENT + 2


@pytest.fixture
def doc(qapp: QApplication, tmp_path: Path) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "ws.sqlite", user="tester")
    ws.import_file(MASTER)
    ws.environments.import_file(SHEET)
    return WorkspaceDocument(ws)


def _row(panel: SettingsGridPanel, name: str) -> int:
    model = panel.settings_model
    return next(r for r in range(model.rowCount()) if model.data(model.index(r, NAME)) == name)


def test_cells_show_where_values_come_from(doc: WorkspaceDocument) -> None:
    panel = SettingsGridPanel(doc.settings)
    model = panel.settings_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Setting",
        "Default",
        "Dev",
        "Test",
        "Prod",
    ]
    row = _row(panel, "InvoiceOutFolder")
    assert model.data(model.index(row, PROD), SourceRole) is Source.OWN
    assert model.data(model.index(row, FIRST_ENVIRONMENT), SourceRole) is Source.DEFAULT
    assert model.data(model.index(row, FIRST_ENVIRONMENT)) == "C:\\Out"  # the default, shown greyed
    assert "the default" in model.data(model.index(row, FIRST_ENVIRONMENT), Qt.ItemDataRole.ToolTipRole)
    secret = _row(panel, "InvoiceServicePassword")
    assert model.data(model.index(secret, PROD), SourceRole) is Source.SECRET
    assert not model.flags(model.index(secret, PROD)) & Qt.ItemFlag.ItemIsEditable
    tracing = _row(panel, "Tracing")
    assert model.data(model.index(tracing, FIRST_ENVIRONMENT + 1), SourceRole) is Source.NONE
    assert "Tracing" in panel.status.text()  # named as having no value somewhere


def test_an_edit_is_saved_through_the_document_and_undone(doc: WorkspaceDocument) -> None:
    panel = SettingsGridPanel(doc.settings)
    model = panel.settings_model
    row = _row(panel, "SendHostName")
    assert model.setData(model.index(row, FIRST_ENVIRONMENT + 1), "TestHost")
    assert doc.workspace.environments.sheet("").table.resolved("Test")["SendHostName"] == "TestHost"
    assert model.data(model.index(row, FIRST_ENVIRONMENT + 1), SourceRole) is Source.OWN  # re-read
    assert doc.undo_stack.count() == 1 and "SendHostName" in doc.undo_stack.undoText()
    doc.undo_stack.undo()
    assert doc.workspace.environments.sheet("").table.resolved("Test")["SendHostName"] == "BizTalkServerApplication"
    assert model.data(model.index(row, FIRST_ENVIRONMENT + 1)) == "BizTalkServerApplication"
    doc.undo_stack.redo()
    assert doc.workspace.environments.sheet("").table.resolved("Test")["SendHostName"] == "TestHost"


def test_fill_find_add_and_remove(doc: WorkspaceDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = SettingsGridPanel(doc.settings)
    model = panel.settings_model
    rows = [_row(panel, "Priority"), _row(panel, "CopyMode")]
    assert model.fill([(r, FIRST_ENVIRONMENT) for r in rows], "9")
    dev = doc.workspace.environments.sheet("").table.resolved("Dev")
    assert dev["Priority"] == "9" and dev["CopyMode"] == "9"
    assert doc.undo_stack.count() == 1  # one step for the whole fill
    panel.find_box.setText("invoice")
    shown = {panel.table_view.model().index(r, NAME).data() for r in range(panel.table_view.model().rowCount())}
    # names and values: BizTalkAppName is "Invoices"
    assert shown == {
        "InvoiceOutFolder",
        "InvoiceServiceUrl",
        "InvoiceServiceUser",
        "InvoiceServicePassword",
        "BizTalkAppName",
    }
    panel.find_box.clear()
    panel.add_setting("NewSetting")
    panel.add_environment("Stage")
    table = doc.workspace.environments.sheet("").table
    assert table.setting("NewSetting") is not None and [e.name for e in table.environments][-1] == "Stage"
    assert panel.settings_model.columnCount() == FIRST_ENVIRONMENT + 4
    panel.add_setting("newsetting")  # taken, whatever the case
    assert "taken" in panel.status.text()
    view = panel.table_view
    index = view.model().index(_row(panel, "NewSetting"), DEFAULT)
    view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    panel.remove_selected()
    assert doc.workspace.environments.sheet("").table.setting("NewSetting") is None
    doc.undo_stack.undo()
    assert doc.workspace.environments.sheet("").table.setting("NewSetting") is not None


def test_application_scope_and_refusal_on_read_only(doc: WorkspaceDocument) -> None:
    panel = SettingsGridPanel(doc.settings)
    assert panel.scope_box.count() == 1 + len(doc.workspace.applications())
    panel.show_scope(doc.workspace.applications()[0])
    assert panel.settings_model.rowCount() == 0 and "No settings yet" in panel.status.text()
    panel.add_setting("AppOnly")
    sheet = doc.workspace.environments.sheet(doc.workspace.applications()[0])
    assert sheet is not None and sheet.table.setting("AppOnly") is not None
    assert doc.workspace.environments.sheet("").table.setting("AppOnly") is None


def test_the_canvas_shows_the_chosen_environments_values(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from designer.canvas.tooltips import node_tooltip
    from designer.mainwindow import MainWindow
    from model.lifecycle import Kind

    ws = Workspace(tmp_path / "w.sqlite", user="tester")
    ws.import_file(MASTER)
    ws.environments.import_file(SHEET)
    window = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(window)
    box = window.menus.environment_box
    assert [box.itemText(i) for i in range(box.count())] == ["Design", "Dev", "Test", "Prod"]
    item = window.scene.nodes[(Kind.PORT, "${PortPrefix}.Invoices.FILE")]
    assert item.shown_address is None and "${InvoiceOutFolder}" in item.texts()[2]
    box.setCurrentIndex(box.findData("Prod"))
    assert item.shown_address == "\\\\prod\\invoices & more\\%MessageID%.xml"
    assert item.texts()[2].startswith("◆ ")
    assert "In Prod" in node_tooltip(window.doc, item)
    # an edit of the settings is shown at once, and undone with them
    grid = window.settings_grid
    row = _row(grid, "InvoiceOutFolder")
    grid.settings_model.setData(grid.settings_model.index(row, PROD), "E:\\new")
    assert item.shown_address == "E:\\new\\%MessageID%.xml"
    window.doc.undo_stack.undo()
    assert item.shown_address == "\\\\prod\\invoices & more\\%MessageID%.xml"
    box.setCurrentIndex(box.findData(""))
    assert item.shown_address is None


def test_the_editor_marks_fields_that_take_settings(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    from designer.editors.port_editor import PortEditor

    ws = Workspace(tmp_path / "w.sqlite", user="tester")
    ws.import_file(MASTER)
    ws.environments.import_file(SHEET)
    doc = WorkspaceDocument(ws)
    editor = PortEditor(doc)
    qtbot.addWidget(editor)
    editor.resize(700, 800)
    editor.show()
    editor.set_port("${PortPrefix}.Invoices.FILE")
    assert editor.environment_marks.marked() == {}  # the design itself: no marks
    doc.settings.set_environment("Prod")
    marked = editor.environment_marks.marked()
    address = next(e for e in marked if e.text().startswith("${InvoiceOutFolder}"))
    assert "In Prod: \\\\prod\\invoices & more\\%MessageID%.xml" in marked[address]
    assert "InvoiceOutFolder" in marked[address]
    assert all("$" in e.text() for e in marked)
    assert not any(isinstance(e, QLineEdit) and e.text() == "" for e in marked)
    doc.settings.set_environment("")
    assert editor.environment_marks.marked() == {} and address.toolTip() == ""
