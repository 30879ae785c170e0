"""Where new things go and what is selected after: created, pasted and duplicated nodes take a
free slot of their application, become the selection (the properties dock and the lifecycle
toolbar follow) and are scrolled into view; palette drops take the frame's application; arrow
keys walk between nodes; explorer entries dropped on a group become its members."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from designer import dialogs
from designer.canvas.items import READABLE_ZOOM
from designer.canvas.view import ENTRIES_MIME, NEW_ITEM_MIME
from designer.mainwindow import MainWindow
from model.lifecycle import Kind
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
NEW_ORDERS = (Kind.GROUP, "Contoso.Orders.NewOrders")


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
    qtbot.waitUntil(lambda: not w.view._fit_pending, timeout=2000)
    yield w
    w.close()
    assert warnings == []


def overlaps(w: MainWindow) -> list[tuple[str, str]]:
    nodes = list(w.scene.nodes.values())
    rects = [n.sceneBoundingRect().adjusted(3, 3, -3, -3) for n in nodes]
    return [
        (nodes[i].name, nodes[j].name)
        for i in range(len(nodes))
        for j in range(i + 1, len(nodes))
        if rects[i].intersects(rects[j])
    ]


def in_view(w: MainWindow, key: tuple[Kind, str]) -> bool:
    visible = w.view.mapToScene(w.view.viewport().rect()).boundingRect()
    return visible.contains(w.scene.nodes[key].sceneBoundingRect())


def fill_port(name: str, application: str):  # type: ignore[no-untyped-def]
    def fill(dialog: dialogs.NewPortDialog) -> int:
        dialog.name.setText(name)
        dialog.application.setCurrentText(application)
        dialog.address.setText(f"C:\\Out\\{name}")
        return 1

    return fill


def test_new_ports_take_free_slots_and_become_the_selection(window: MainWindow, monkeypatch) -> None:
    w = window
    for i in range(4):  # several in a row, all asked for at the same place (the view's middle)
        name = f"Orders.New{i}.FILE"
        monkeypatch.setattr(dialogs.NewPortDialog, "exec", fill_port(name, "Contoso.Orders"))
        w.action_map["edit.new_port"].trigger()
        key = (Kind.PORT, name)
        assert key in w.scene.nodes
        assert overlaps(w) == [], f"{name} landed on another node"
        assert w.scene.selected_keys() == [key], "the new port is not the selection"
        assert w.properties.shown_keys() == [("port", name)], "the properties dock shows something else"
        assert w.action_map["lifecycle.enlist"].isEnabled(), "the lifecycle toolbar did not follow"
        assert in_view(w, key) and w.view.zoom() >= READABLE_ZOOM - 1e-9
        record = w.doc.workspace.entry(Kind.PORT, name)
        assert (record.x, record.y) == (w.scene.nodes[key].x(), w.scene.nodes[key].y()), "the slot is saved"
    frame = w.scene.frames["Contoso.Orders"]
    QApplication.processEvents()
    assert all(
        frame.sceneBoundingRect().contains(w.scene.nodes[(Kind.PORT, f"Orders.New{i}.FILE")].sceneBoundingRect())
        for i in range(4)
    )


def test_new_group_takes_a_free_slot(window: MainWindow, monkeypatch) -> None:
    w = window

    def fill(dialog: dialogs.NewGroupDialog) -> int:
        dialog.name.setText("Contoso.Billing.Fresh")
        dialog.application.setCurrentText("Contoso.Billing")
        return 1

    monkeypatch.setattr(dialogs.NewGroupDialog, "exec", fill)
    w.action_map["edit.new_group"].trigger()
    assert overlaps(w) == []
    assert w.scene.selected_keys() == [(Kind.GROUP, "Contoso.Billing.Fresh")]
    assert w.properties.shown_keys() == [("group", "Contoso.Billing.Fresh")]


def test_paste_and_duplicate_never_overlap(window: MainWindow) -> None:
    w = window
    legacy, notify = (Kind.PORT, "Orders.Legacy.HTTP"), (Kind.PORT, "Orders.Customer.Notify.SMTP")
    w.scene.clearSelection()
    w.scene.nodes[legacy].setSelected(True)
    w.scene.nodes[notify].setSelected(True)
    w.edit_flows.copy()
    for n in range(2, 5):
        w.edit_flows.paste()
        pasted = {(Kind.PORT, f"{legacy[1]} ({n})"), (Kind.PORT, f"{notify[1]} ({n})")}
        assert set(w.scene.selected_keys()) == pasted, "the pasted items are not the selection"
        assert sorted(tuple(k) for k in w.properties.shown_keys()) == sorted((k.value, m) for k, m in pasted)
        assert overlaps(w) == []
        assert any(in_view(w, k) for k in pasted)
        assert all(w.scene.nodes[k].application == "Contoso.Orders" for k in pasted)
    w.scene.clearSelection()
    w.scene.nodes[legacy].setSelected(True)
    for _ in range(3):
        before = set(w.scene.nodes)
        w.action_map["edit.duplicate"].trigger()
        (new,) = set(w.scene.nodes) - before
        assert w.scene.selected_keys() == [new]
        assert w.properties.shown_keys() == [(new[0].value, new[1])]
        assert overlaps(w) == []


def send_drop(w: MainWindow, mime: QMimeData, at: QPoint) -> bool:
    """Enter, move and drop at ``at`` as a drag does; whether the drop was taken."""
    vp = w.view.viewport()
    action, buttons, mods = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(vp, QDragEnterEvent(at, action, mime, buttons, mods))
    QApplication.sendEvent(vp, QDragMoveEvent(at, action, mime, buttons, mods))
    drop = QDropEvent(QPointF(at), action, mime, buttons, mods)
    QApplication.sendEvent(vp, drop)
    return bool(drop.isAccepted())


def drop_new_item(w: MainWindow, kind: bytes, at: QPoint) -> bool:
    mime = QMimeData()
    mime.setData(NEW_ITEM_MIME, kind)
    return send_drop(w, mime, at)


def test_palette_drop_in_a_frame_takes_its_application(window: MainWindow, monkeypatch) -> None:
    w = window
    frame = w.scene.frames["Contoso.Billing"]
    w.view.centerOn(frame.sceneBoundingRect().center())
    QApplication.processEvents()
    inside = frame.sceneBoundingRect().center()
    offered: list[str] = []

    def fill(dialog: dialogs.NewPortDialog) -> int:
        offered.append(dialog.application.currentText())  # what the dialog proposes, untouched
        dialog.name.setText("Billing.Dropped.FILE")
        dialog.address.setText("C:\\Out\\dropped")
        return 1

    monkeypatch.setattr(dialogs.NewPortDialog, "exec", fill)
    w.scene.clearSelection()  # nothing selected: the frame alone decides
    assert drop_new_item(w, b"port", w.view.mapFromScene(inside))
    assert offered == ["Contoso.Billing"]
    assert w.doc.workspace.port("Billing.Dropped.FILE").application == "Contoso.Billing"
    assert w.scene.selected_keys() == [(Kind.PORT, "Billing.Dropped.FILE")]
    assert overlaps(w) == []


def test_arrow_keys_walk_between_nodes(window: MainWindow, qtbot) -> None:
    w = window
    w.view.set_zoom(1.0)
    start = w.scene.nodes[(Kind.PORT, "Billing.Invoices.SFTP")]
    w.scene.clearSelection()
    start.setSelected(True)
    w.view.setFocus()
    below = min(
        (n for n in w.scene.nodes.values() if abs(n.x() - start.x()) < 1 and n.y() > start.y()), key=lambda n: n.y()
    )
    with qtbot.waitSignal(w.scene.selection_keys_changed, timeout=1000):
        QTest.keyClick(w.view, Qt.Key.Key_Down)
    assert w.scene.selected_keys() == [below.key]
    assert w.properties.shown_keys() == [(below.kind.value, below.name)], "the panels follow the keyboard"
    assert in_view(w, below.key)
    QTest.keyClick(w.view, Qt.Key.Key_Up)
    assert w.scene.selected_keys() == [start.key]
    QTest.keyClick(w.view, Qt.Key.Key_Right)  # to the next column or application, in the same band
    right = w.scene.selected_keys()
    assert len(right) == 1 and w.scene.nodes[right[0]].x() > start.x()
    assert abs(w.scene.nodes[right[0]].y() - start.y()) < abs(w.scene.nodes[right[0]].x() - start.x())
    assert in_view(w, right[0])
    # far down the view follows
    for _ in range(12):
        QTest.keyClick(w.view, Qt.Key.Key_Down)
    assert in_view(w, w.scene.selected_keys()[0])


def entries_mime(*entries: tuple[str, str]) -> QMimeData:
    mime = QMimeData()
    mime.setData(ENTRIES_MIME, json.dumps([{"kind": k, "name": n} for k, n in entries]).encode("utf-8"))
    return mime


def drop_entries(w: MainWindow, mime: QMimeData, on: tuple[Kind, str]) -> bool:
    node = w.scene.nodes[on]
    w.view.centerOn(node)
    QApplication.processEvents()
    return send_drop(w, mime, w.view.mapFromScene(node.sceneBoundingRect().center()))


def test_explorer_entries_dropped_on_a_group_join_it(window: MainWindow) -> None:
    w = window
    port = "Orders.Legacy.HTTP"
    assert port not in w.doc.workspace.group(NEW_ORDERS[1]).model.members
    assert drop_entries(w, entries_mime(("port", port)), NEW_ORDERS)
    assert port in w.doc.workspace.group(NEW_ORDERS[1]).model.members
    assert (NEW_ORDERS[1], port) in w.scene.edges
    assert "Added" in w.statusBar().currentMessage()
    w.action_map["edit.undo"].trigger()
    assert port not in w.doc.workspace.group(NEW_ORDERS[1]).model.members


def test_explorer_drop_refused_says_why(window: MainWindow) -> None:
    w = window
    members = w.doc.workspace.group(NEW_ORDERS[1]).model.members
    drop_entries(w, entries_mime(("port", "Billing.Invoices.SFTP")), NEW_ORDERS)
    assert w.doc.workspace.group(NEW_ORDERS[1]).model.members == members
    assert "Contoso.Billing" in w.statusBar().currentMessage()
    drop_entries(w, entries_mime(("group", "Contoso.Billing.InvoiceDistribution")), NEW_ORDERS)
    assert w.doc.workspace.group(NEW_ORDERS[1]).model.members == members
    assert "Only send ports" in w.statusBar().currentMessage()


def test_explorer_drop_beside_a_group_is_not_taken(window: MainWindow) -> None:
    w = window
    frame = w.scene.frames["Contoso.Orders"].sceneBoundingRect()
    w.view.centerOn(frame.topLeft())
    QApplication.processEvents()
    at = w.view.mapFromScene(frame.topLeft() + QPointF(4, 4))
    members = w.doc.workspace.group(NEW_ORDERS[1]).model.members
    assert not send_drop(w, entries_mime(("port", "Orders.Legacy.HTTP")), at)
    assert w.doc.workspace.group(NEW_ORDERS[1]).model.members == members
