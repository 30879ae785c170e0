"""Find as you type: one search when the keys pause, narrowed from the last matches, right after
backspace and after edits; the explorer filter waits for the pause too."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
from support.bindings import binding_file, port

from designer.canvas.colors import canvas_colors
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView
from designer.document import WorkspaceDocument
from designer.find_flows import FindFlows
from designer.panels import ExplorerPanel
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model import bindings
from model.lifecycle import Kind
from model.store import Workspace

NAMES = ["Orders.Archive", "Orders.Notify", "Orders.Audit.Archive", "Billing.Export", "Billing.Archive"]
FILE = binding_file(
    ports=[
        *(port(n, "Contoso.Orders" if n.startswith("Orders") else "Contoso.Billing") for n in NAMES[:-1]),
        port("Billing.Archive", "Contoso.Billing", address="ftp://partner.example/drop"),
    ]
)


@pytest.fixture
def doc(tmp_path: Path, qapp: QApplication) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(bindings.load(FILE))
    yield document
    ws.close()


@pytest.fixture
def finder(qtbot, doc: WorkspaceDocument) -> tuple[FindFlows, QLineEdit, CanvasScene]:
    window = QMainWindow()
    qtbot.addWidget(window)
    scene = CanvasScene(doc, canvas_colors("light"))
    view = CanvasView(scene, window)
    window.setCentralWidget(view)
    selection = CanvasSelection(window)
    selection.attach(scene, view)
    flows = FindFlows(window, lambda: doc, selection, Reporter(window, window.statusBar()))
    box = QLineEdit(window)
    box.textChanged.connect(flows.find)
    box.returnPressed.connect(flows.find_next)
    window.show()
    return flows, box, scene


def highlighted(scene: CanvasScene) -> set[str]:
    return {name for (_kind, name), item in scene.nodes.items() if item.highlighted}


def test_typing_fast_searches_once_with_the_right_matches(qtbot, finder) -> None:
    flows, box, scene = finder
    QTest.keyClicks(box, "archive")  # seven keys, no pause between them
    assert flows.searches == 0 and highlighted(scene) == set(), "nothing searched while typing"
    qtbot.waitUntil(lambda: flows.searches > 0, timeout=2000)
    qtbot.wait(FindFlows.DELAY_MS + 100)
    assert flows.searches == 1
    assert highlighted(scene) == {"Orders.Archive", "Orders.Audit.Archive", "Billing.Archive"}
    assert scene.selected_keys() == [], "typing shows the matches; it does not change the selection"
    QTest.keyClick(box, Qt.Key.Key_Return)
    first = scene.selected_keys()
    assert len(first) == 1 and first[0][1] in highlighted(scene), "Enter selects the first match"
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert scene.selected_keys() != first and scene.selected_keys()[0][1] in highlighted(scene)
    assert flows.searches == 1


def test_enter_before_the_pause_searches_at_once(qtbot, finder) -> None:
    flows, box, scene = finder
    QTest.keyClicks(box, "notify")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert flows.searches == 1
    assert scene.selected_keys() == [(Kind.PORT, "Orders.Notify")]


def test_narrowing_backspace_and_other_fields(finder) -> None:
    flows, _box, scene = finder
    names = lambda hits: {i.name for i in hits}  # noqa: E731
    assert names(flows.find_now("ar")) == {"Orders.Archive", "Orders.Audit.Archive", "Billing.Archive"}
    assert names(flows.find_now("arc")) == {"Orders.Archive", "Orders.Audit.Archive", "Billing.Archive"}
    assert names(flows.find_now("  ORDERS.A")) == {"Orders.Archive", "Orders.Audit.Archive"}
    assert names(flows.find_now("orders.au")) == {"Orders.Audit.Archive"}
    assert highlighted(scene) == {"Orders.Audit.Archive"}
    # Backspace widens again: the whole workspace is looked at, not the last matches.
    assert names(flows.find_now("orders.a")) == {"Orders.Archive", "Orders.Audit.Archive"}
    assert names(flows.find_now("o")) == set(NAMES), "Billing.Archive by its address's 'drop'"
    assert names(flows.find_now("partner.example")) == {"Billing.Archive"}, "by address"
    assert flows.find_now("") == [] and highlighted(scene) == set()


def test_an_edit_is_found_by_its_new_text(qtbot, finder, doc: WorkspaceDocument) -> None:
    flows, _box, scene = finder
    assert {i.name for i in flows.find_now("export")} == {"Billing.Export"}
    doc.rename(Kind.PORT, "Orders.Notify", "Orders.Export.Notify")
    assert {i.name for i in flows.find_now("export")} == {"Billing.Export", "Orders.Export.Notify"}
    assert {i.name for i in flows.find_now("export.n")} == {"Orders.Export.Notify"}
    assert highlighted(scene) == {"Orders.Export.Notify"}


def test_explorer_filter_waits_and_narrows(qtbot, doc: WorkspaceDocument) -> None:
    panel = ExplorerPanel(doc)
    qtbot.addWidget(panel)
    whole = panel.tree.model()
    touched: list[str] = []  # the tree of every port is never re-laid out by filtering
    for name in ("modelReset", "layoutChanged", "rowsRemoved", "rowsInserted"):
        getattr(whole, name).connect(lambda *a, n=name: touched.append(n))
    QTest.keyClicks(panel.filter_edit, "audit")
    shown = lambda: panel.proxy.rowCount()  # noqa: E731
    assert shown() == 2 and panel.view is panel.tree, "both applications while typing"
    qtbot.waitUntil(lambda: shown() == 1, timeout=2000)
    assert panel.view is panel.results_tree
    orders = panel.proxy.index(0, 0)
    ports = panel.proxy.index(0, 0, orders)
    assert [panel.proxy.index(r, 0, ports).data() for r in range(panel.proxy.rowCount(ports))] == [
        "Orders.Audit.Archive"
    ]
    panel.set_filter_text("a")
    assert shown() == 2
    panel.set_filter_text("")
    assert panel.view is panel.tree and shown() == 2
    assert touched == [], "filtering shows a second tree; the whole one is kept as it is"
