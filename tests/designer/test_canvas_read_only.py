"""Views never write (house rule 9): opening a workspace in the document, building and drawing
its canvas, and ``portwright render`` leave every table as it was, canvas positions and
audit log included. Positions are saved when the user moves something or asks for a layout."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from support.bindings import binding_file, group, port
from support.cli import run_process

from designer.canvas.colors import canvas_colors
from designer.canvas.layout import Node, auto_layout
from designer.canvas.scene import CanvasScene
from designer.document import WorkspaceDocument
from model.lifecycle import Kind
from model.store import Workspace

pytestmark = pytest.mark.slow  # every test starts from a workspace filled by a real `portwright import`

BINDING = binding_file(
    ports=[
        port("A"),
        port("B"),
        port("C", address="ftp://partner.example/orders"),
        port("R", two_way=True, address="http://example.test/r"),
        port("Z", application="Other"),
    ],
    groups=[group("G1", ["A", "B"]), group("G2", ["B"])],
)


def dump(path: Path) -> list[str]:
    """The SQL text of every table of an SQLite workspace (rows with their x, y; the audit log)."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def rows(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A workspace file filled by ``portwright import``: nothing in it has a canvas position yet."""
    source = tmp_path / "bindings.xml"
    source.write_bytes(BINDING)
    workspace = tmp_path / "ws.sqlite"
    result = run_process(tmp_path, "--workspace", workspace, "import", source)
    assert result.returncode == 0, result.stderr
    assert rows(workspace, "select count(*) from send_ports where x is null") == [(5,)]
    assert rows(workspace, "select count(*) from send_port_groups where x is null") == [(2,)]
    return workspace


def test_render_of_a_workspace_writes_nothing_into_it(tmp_path: Path, imported: Path, qapp: QApplication) -> None:
    before = dump(imported)
    assert any("audit_log" in line for line in before), "the dump covers the audit log"
    out = tmp_path / "out.png"
    result = run_process(tmp_path, "--workspace", imported, "render", "-o", out)
    assert result.returncode == 0, result.stderr
    assert not QImage(str(out)).isNull()
    assert dump(imported) == before


def test_opening_and_drawing_the_canvas_writes_nothing(tmp_path: Path, imported: Path, qapp: QApplication) -> None:
    before = dump(imported)
    with Workspace(imported) as ws:
        doc = WorkspaceDocument(ws)
        scene = CanvasScene(doc, canvas_colors("light"))
        assert len(scene.nodes) == 7
        # laid out in memory: every node has its own spot
        spots = {(i.pos().x(), i.pos().y()) for i in scene.nodes.values()}
        assert len(spots) == 7
        image = QImage(800, 600, QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(image)
        scene.render(painter, QRectF(0, 0, 800, 600), scene.itemsBoundingRect())
        painter.end()
        doc.reload()
        QApplication.processEvents()
        assert doc.undo_stack.count() == 0
        scene.deleteLater()
    assert dump(imported) == before


def test_a_move_saves_only_what_moved(tmp_path: Path, imported: Path, qapp: QApplication) -> None:
    with Workspace(imported) as ws:
        doc = WorkspaceDocument(ws)
        scene = CanvasScene(doc, canvas_colors("light"))
        key = (Kind.PORT, "A")
        item = scene.nodes[key]
        before = (item.pos().x(), item.pos().y())
        doc.move({key: before}, {key: (before[0] + 50.0, before[1] + 10.0)})
        scene.deleteLater()
    assert rows(imported, "select name, x, y from send_ports where x is not null") == [
        ("A", before[0] + 50.0, before[1] + 10.0)
    ]
    assert rows(imported, "select count(*) from send_port_groups where x is not null") == [(0,)]


def test_main_window_opens_without_writing_and_its_layout_action_saves(
    tmp_path: Path, imported: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole window is a view until the user acts; Auto-Layout is an act (one undo step), so it is saved."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    from designer.mainwindow import MainWindow

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    before = dump(imported)
    ws = Workspace(imported)
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.view._fit_pending, timeout=2000)
    w.view.fit()
    QApplication.processEvents()
    assert dump(imported) == before

    action = w.findChild(QAction, "view.auto_layout")
    assert action is not None and action.isEnabled()
    action.trigger()
    expected = auto_layout((Node(e.kind, e.name, e.application, e.members) for e in w.doc.entries()), w.view.aspect())
    assert {(e.kind, e.name): (e.x, e.y) for e in ws.entries()} == expected
    assert w.doc.undo_stack.count() == 1
    w.close()
    ws.close()
    assert warnings == []
