"""The explorer as a drag source: selected rows travel as JSON entries; its name column stays usable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget
from support.bindings import binding_file, group, port

from designer.document import WorkspaceDocument
from designer.panels import ExplorerPanel
from designer.panels.explorer_model import ENTRIES_MIME, KeyRole
from model import bindings
from model.lifecycle import Kind
from model.store import Workspace

LONG = "Contoso.Enterprise.Integration.Orders.Fulfilment.Outbound.Warehouse"
FILE = binding_file(
    ports=[port(f"{LONG}.Archive", "Contoso.Orders"), port(f"{LONG}.Notify", "Contoso.Orders"), port("Billing", "B")],
    groups=[group("Orders.Everyone", [f"{LONG}.Archive"], "Contoso.Orders")],
)


@pytest.fixture
def doc(tmp_path: Path, qapp: QApplication) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(bindings.load(FILE))
    yield document
    ws.close()


@pytest.fixture
def explorer(qtbot, doc: WorkspaceDocument) -> ExplorerPanel:
    panel = ExplorerPanel(doc)
    qtbot.addWidget(panel)
    return panel


def test_selected_rows_drag_as_json_entries(explorer: ExplorerPanel) -> None:
    model, proxy, view = explorer.model, explorer.proxy, explorer.view
    explorer.select([("port", f"{LONG}.Notify"), ("group", "Orders.Everyone"), ("port", "Billing")])
    rows = view.selectionModel().selectedIndexes()  # what the view hands to mimeData when a drag starts
    assert len(rows) == 6, "three rows, two columns"
    mime = proxy.mimeData(rows)
    assert ENTRIES_MIME in proxy.mimeTypes()
    data = json.loads(bytes(mime.data(ENTRIES_MIME).data()).decode("utf-8"))
    assert data == [
        {"kind": "port", "name": "Billing"},
        {"kind": "port", "name": f"{LONG}.Notify"},
        {"kind": "group", "name": "Orders.Everyone"},
    ]
    for kind in (Kind.PORT, Kind.GROUP):
        index = model.index_of(kind, "Billing" if kind is Kind.PORT else "Orders.Everyone")
        assert proxy.flags(proxy.mapFromSource(index)) & Qt.ItemFlag.ItemIsDragEnabled


def test_full_names_in_the_explorer(explorer: ExplorerPanel) -> None:
    index = explorer.proxy.mapFromSource(explorer.model.index_of(Kind.PORT, f"{LONG}.Archive"))
    assert index.data() == f"{LONG}.Archive"
    assert index.data(KeyRole) == ("port", f"{LONG}.Archive")


def _window(doc: WorkspaceDocument, qtbot) -> tuple[QMainWindow, QDockWidget, ExplorerPanel]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    dock = QDockWidget("Explorer", window)
    dock.setObjectName("explorerDock")
    panel = ExplorerPanel(doc)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.resize(1024, 680)
    window.show()
    qtbot.waitExposed(window)
    return window, dock, panel


def test_name_column_never_collapses_at_1024x680(qtbot, doc: WorkspaceDocument, tmp_path: Path) -> None:
    window, dock, panel = _window(doc, qtbot)
    roomy = panel.name_width()
    assert roomy >= ExplorerPanel.MIN_NAME_WIDTH
    window.resizeDocks([dock], [60], Qt.Orientation.Horizontal)  # squeezed as far as it goes
    qtbot.waitUntil(lambda: panel.view.viewport().width() < panel.least_name_column(), timeout=2000)
    assert panel.name_width() == ExplorerPanel.MIN_NAME_WIDTH, "the name column keeps its minimum"
    assert panel.view.horizontalScrollBar().maximum() > 0, "the rest is a sideways scroll away"
    # The squeezed layout saved and restored: the name column is sized again, not restored.
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("windowState", window.saveState())
    window.close()
    again, _dock, panel2 = _window(doc, qtbot)
    again.restoreState(settings.value("windowState"))
    qtbot.wait(50)
    assert panel2.name_width() >= ExplorerPanel.MIN_NAME_WIDTH
    assert panel2.view.textElideMode() == Qt.TextElideMode.ElideLeft, "long names keep their end"
    # Made wide again, the name column takes the room the state column leaves.
    again.resizeDocks([_dock], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: panel2.name_width() > ExplorerPanel.MIN_NAME_WIDTH, timeout=2000)
    header = panel2.view.header()
    assert header.sectionSize(0) + header.sectionSize(1) == panel2.view.viewport().width()
