"""Find and filter at scale, by the work they do: a key typed in the find box never updates the
nodes (one highlight layer draws the matches) and narrowing looks only at the last matches; the
explorer's results are capped and say so, and clearing the filter shows the kept whole tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow
from support.bindings import binding_file, port

from designer.canvas.colors import canvas_colors
from designer.canvas.items import NodeItem
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView
from designer.document import WorkspaceDocument
from designer.find_flows import FindFlows, ReadingOrder
from designer.panels import ExplorerPanel, explorer_results
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model import bindings
from model.lifecycle import Kind
from model.store import Workspace

N = 240
NAMES = [f"Contoso.{'Orders' if i % 2 else 'Billing'}.Port{i:03d}" for i in range(N)]


@pytest.fixture
def doc(tmp_path: Path, qapp: QApplication) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(bindings.load(binding_file(ports=[port(n, f"App{i % 3}") for i, n in enumerate(NAMES)])))
    yield document
    ws.close()


@pytest.fixture
def finder(qtbot, doc: WorkspaceDocument) -> tuple[FindFlows, CanvasScene, CanvasView]:
    window = QMainWindow()
    qtbot.addWidget(window)
    scene = CanvasScene(doc, canvas_colors("light"))
    view = CanvasView(scene, window)
    window.setCentralWidget(view)
    selection = CanvasSelection(window)
    selection.attach(scene, view)
    window.resize(900, 700)
    window.show()
    return FindFlows(window, lambda: doc, selection, Reporter(window, window.statusBar())), scene, view


def test_a_search_never_updates_the_nodes(qtbot, finder, monkeypatch) -> None:
    flows, scene, _view = finder
    flows.find_now("contoso")  # the nodes read once, before counting
    updates: list[object] = []
    original = NodeItem.update
    monkeypatch.setattr(NodeItem, "update", lambda self, *a: (updates.append(self), original(self, *a)))
    with qtbot.assertNotEmitted(scene.changed, wait=50):
        assert len(flows.find_now("port")) == N
        assert len(flows.find_now("orders")) == N // 2
        assert flows.find_now("") == []
    assert updates == [], "highlighting thousands of nodes is one layer's repaint, not one update each"


def test_narrowing_looks_only_at_the_last_matches(finder) -> None:
    flows, scene, _view = finder
    assert len(flows.find_now("contoso.orders")) == N // 2
    assert flows.looked_at == N
    hits = flows.find_now("contoso.orders.port00")
    assert {i.name for i in hits} == {n for n in NAMES if n.lower().startswith("contoso.orders.port00")}
    assert flows.looked_at == N // 2, "only what matched the shorter text"
    assert {k[1] for k in scene.highlights.matched_keys()} == {i.name for i in hits}
    flows.find_now("contoso.billing")  # not an extension: everything again
    assert flows.looked_at == N


def test_matches_come_in_reading_order(finder) -> None:
    flows, _scene, _view = finder
    hits = flows.find_now("port")
    places = [(i.y(), i.x()) for i in hits]
    assert places == sorted(places)


def test_the_nodes_are_read_a_slice_at_a_time_while_typing(qtbot, finder, monkeypatch) -> None:
    flows, _scene, _view = finder
    monkeypatch.setattr(ReadingOrder, "SLICE", 50)
    slices: list[int] = []
    step = ReadingOrder.step
    monkeypatch.setattr(ReadingOrder, "step", lambda self: (slices.append(1), step(self))[1])
    flows.find("port")
    assert flows.searches == 0
    qtbot.waitUntil(lambda: flows.searches == 1, timeout=3000)
    assert len(slices) >= N // 50, "read in slices of 50 across turns of the event loop"
    assert len(flows.find_now()) == N


def test_the_highlight_ring_is_drawn_around_matches_only(finder) -> None:
    flows, scene, _view = finder
    hit = next(i for i in flows.find_now("port007") if i.name.endswith("007"))
    other = scene.nodes[(Kind.PORT, NAMES[8])]
    image = QImage(2000, 2000, QImage.Format.Format_ARGB32)
    for item in (hit, other):
        image.fill(QColor("white"))
        box = QRectF(item.x() - 40, item.y() - 40, 200, 200)
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, 200, 200), box)
        painter.end()
        ring = QColor(image.pixel(40 - 3, 40 + 20))  # just left of the node's left edge
        is_highlight = ring.name() == QColor(scene.colors.highlight).name()
        assert is_highlight == (item is hit), (item.name, ring.name())


def test_a_moved_match_keeps_its_ring(finder) -> None:
    flows, scene, _view = finder
    hit = flows.find_now("port011")[0]
    scene.place(hit, 5000.0, 5000.0)
    rect = scene.highlights.boundingRect()
    assert rect.contains(QPointF(5000.0, 5000.0))
    assert hit.highlighted


def test_explorer_results_are_capped_and_say_so(qtbot, doc: WorkspaceDocument, monkeypatch) -> None:
    monkeypatch.setattr(explorer_results, "LIMIT", 25)
    panel = ExplorerPanel(doc)
    qtbot.addWidget(panel)
    panel.show()
    panel.select([("port", NAMES[0])])
    panel.set_filter_text("contoso")
    assert panel.results.total == N and panel.results.shown == 25
    assert panel.note.isVisible() and f"25 of {N}" in panel.note.text()
    panel.set_filter_text("port000")
    assert not panel.note.isVisible()
    assert panel.selected_keys() == [("port", NAMES[0])], "the selection stays on what is still shown"
    with qtbot.assertNotEmitted(panel.tree.model().modelReset):
        panel.set_filter_text("")
    assert panel.view is panel.tree
    assert panel.selected_keys() == [("port", NAMES[0])]


def test_explorer_results_follow_edits(qtbot, doc: WorkspaceDocument) -> None:
    panel = ExplorerPanel(doc)
    qtbot.addWidget(panel)
    panel.set_filter_text("port00")
    assert panel.results.total == 10
    doc.rename(Kind.PORT, NAMES[1], "Contoso.Renamed")
    qtbot.waitUntil(lambda: panel.results.total == 9, timeout=2000)
    index = panel.proxy.mapFromSource(panel.model.index_of(Kind.PORT, NAMES[2]))
    assert index.isValid() and index.data() == NAMES[2]
    assert not panel.proxy.mapFromSource(panel.model.index_of(Kind.PORT, "Contoso.Renamed")).isValid()
    QTest.qWait(10)
