"""designer.canvas.scene: the scene mirrors the document. Change through the document, assert the
item appears / updates / disappears, undo, assert again; auto-layout, find, level of detail, and
a 5,000-port workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication
from support.bindings import binding_file, generate, group, port

from designer.canvas.colors import canvas_colors
from designer.canvas.items import NodeItem
from designer.canvas.layout import GROUP_H, NODE_W, PORT_H, Node, auto_layout
from designer.canvas.scene import CanvasScene
from designer.document import WorkspaceDocument
from model.bindings import load
from model.domain import SendPortGroup, new_send_port
from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"

SMALL = binding_file(
    ports=[
        port("A"),
        port("B"),
        port("C", address="ftp://partner.example/orders"),
        port("R", two_way=True, address="http://example.test/r"),
    ],
    groups=[group("G1", ["A", "B"]), group("G2", ["B"])],
)


def P(name: str) -> tuple[Kind, str]:
    return (Kind.PORT, name)


def G(name: str) -> tuple[Kind, str]:
    return (Kind.GROUP, name)


@pytest.fixture
def doc(qapp: QApplication, tmp_path: Path) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_document(load(SMALL), None, "small.xml")
    document = WorkspaceDocument(ws)
    yield document
    ws.close()


@pytest.fixture
def scene(doc: WorkspaceDocument) -> CanvasScene:
    s = CanvasScene(doc, canvas_colors("light"))
    yield s
    s.deleteLater()


def pos(item: NodeItem) -> tuple[float, float]:
    return (item.pos().x(), item.pos().y())


def edge_keys(scene: CanvasScene) -> set[tuple[str, str]]:
    return set(scene.edges)


def item_edge_keys(item: NodeItem) -> set[tuple[str, str]]:
    return {(e.group.name, e.port.name) for e in item.edges}


# -- building -------------------------------------------------------------------------------------


def test_scene_shows_every_entry_with_edges_and_frames(doc: WorkspaceDocument, scene: CanvasScene) -> None:
    assert set(scene.nodes) == {(e.kind, e.name) for e in doc.entries()}
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B"), ("G2", "B")}
    assert item_edge_keys(scene.nodes[P("B")]) == {("G1", "B"), ("G2", "B")}
    assert set(scene.frames) == {"App"}
    # unplaced entries were laid out on the canvas only: a view never writes to the workspace
    assert len({pos(item) for item in scene.nodes.values()}) == len(scene.nodes)
    for key in scene.nodes:
        entry = doc.workspace.entry(*key)
        assert (entry.x, entry.y) == (None, None)
    assert doc.undo_stack.count() == 0
    # the frame surrounds its application's nodes
    frame = scene.frames["App"].sceneBoundingRect()
    for item in scene.nodes.values():
        assert frame.contains(item.sceneBoundingRect())


def test_items_show_what_the_entry_says(scene: CanvasScene) -> None:
    a, r, g = scene.nodes[P("A")], scene.nodes[P("R")], scene.nodes[G("G1")]
    assert a.title == "A" and a.state is State.UNENLISTED and a.application == "App"
    assert "FILE" in a.line2 and "Static One-Way" in a.line2
    assert "Solicit-Response" in r.line2 and r.line3 == "http://example.test/r"
    assert g.line2 == "Send port group · 2 members"
    tip = scene.tooltip(g)
    assert "<b>G1</b>" in tip and "Members: A, B" in tip and "Filter:" in tip
    assert "Address: ftp://partner.example/orders" in scene.tooltip(scene.nodes[P("C")])


# -- add ------------------------------------------------------------------------------------------


def test_add_with_position_then_undo_redo(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    new = new_send_port("N", address="C:\\n", application="App")
    with qtbot.waitSignal(doc.item_added, timeout=1000) as blocker:
        doc.add_send_port(new, "App", (700.0, 40.0))
    assert blocker.args == ["port", "N"]
    item = scene.nodes[P("N")]
    assert pos(item) == (700.0, 40.0) and item.scene() is scene
    assert scene.frames["App"].sceneBoundingRect().isValid()
    with qtbot.waitSignal(doc.item_removed, timeout=1000):
        doc.undo_stack.undo()
    assert P("N") not in scene.nodes and item.scene() is None
    doc.undo_stack.redo()
    assert pos(scene.nodes[P("N")]) == (700.0, 40.0)


def test_add_group_connects_to_existing_members(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    doc.add_group(SendPortGroup(name="G3", application="App", members=("A", "C")), "App", (0.0, -300.0))
    assert {("G3", "A"), ("G3", "C")} <= edge_keys(scene)
    assert item_edge_keys(scene.nodes[G("G3")]) == {("G3", "A"), ("G3", "C")}
    doc.undo_stack.undo()
    assert not {k for k in edge_keys(scene) if k[0] == "G3"}
    assert ("G3", "A") not in item_edge_keys(scene.nodes[P("A")])


def test_add_without_position_is_placed_free_not_saved(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    doc.add_send_port(new_send_port("N", address="C:\\n", application="Elsewhere"))
    item = scene.nodes[P("N")]
    others = [n.sceneBoundingRect() for k, n in scene.nodes.items() if k != P("N")]
    qtbot.waitUntil(lambda: "Elsewhere" in scene.frames, timeout=2000)
    qtbot.wait(50)  # let the deferred placement (a 0 ms timer) run and any save it might do
    entry = doc.workspace.entry(Kind.PORT, "N")
    assert (entry.x, entry.y) == (None, None), "placed on the canvas only; saved when the user moves it"
    assert not any(item.sceneBoundingRect().intersects(r) for r in others)
    assert "Elsewhere" in scene.frames
    assert doc.undo_stack.count() == 1, "the placement is not a step of its own"


def test_paste_adds_every_item(doc: WorkspaceDocument, scene: CanvasScene) -> None:
    keys = doc.paste(load(doc.workspace.export(ports=["A", "B"], groups=["G1"])), (0.0, 900.0))
    assert set(keys) <= set(scene.nodes)
    assert {("G1 (2)", "A (2)"), ("G1 (2)", "B (2)")} <= edge_keys(scene)
    assert pos(scene.nodes[P("A (2)")]) == (0.0, 900.0) and pos(scene.nodes[P("B (2)")]) == (30.0, 930.0)
    doc.undo_stack.undo()
    assert not set(keys) & set(scene.nodes)


# -- change ---------------------------------------------------------------------------------------


def test_state_change_updates_the_item(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    item = scene.nodes[P("A")]
    with qtbot.waitSignal(doc.item_changed, timeout=1000, check_params_cb=lambda k, n: (k, n) == ("port", "A")):
        doc.perform(Action.START, [Subject.port("A")])
    assert item.state is State.STARTED
    assert scene.nodes[P("A")] is item, "the same item is updated, not replaced"
    doc.undo_stack.undo()
    assert item.state is State.UNENLISTED
    doc.undo_stack.redo()
    assert item.state is State.STARTED


def test_membership_change_adds_and_removes_edges(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    with qtbot.assertNotEmitted(doc.item_added), qtbot.assertNotEmitted(doc.item_removed):
        doc.add_to_group("G2", ["C"])
    assert ("G2", "C") in edge_keys(scene)
    assert ("G2", "C") in item_edge_keys(scene.nodes[P("C")])
    assert scene.nodes[G("G2")].line2 == "Send port group · 2 members"
    doc.undo_stack.undo()
    assert ("G2", "C") not in edge_keys(scene)
    assert item_edge_keys(scene.nodes[P("C")]) == set()
    doc.remove_from_group("G1", ["A"])
    assert ("G1", "A") not in edge_keys(scene) and ("G1", "B") in edge_keys(scene)
    doc.undo_stack.undo()
    assert ("G1", "A") in edge_keys(scene)


def test_moves_follow_the_document_with_edges(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    a = scene.nodes[P("A")]
    start = pos(a)
    edge = scene.edges[("G1", "A")]
    with qtbot.waitSignal(doc.positions_changed, timeout=1000) as blocker:
        doc.move({P("A"): start}, {P("A"): (start[0] + 500, start[1] + 400)})
    assert blocker.args == [[("port", "A")]]
    assert pos(a) == (start[0] + 500, start[1] + 400)
    end = edge.lines[-1].p2()  # the edge enters the port from the side
    assert (end.x(), end.y()) == pytest.approx((start[0] + 500, start[1] + 400 + PORT_H / 2)), "it followed"
    doc.undo_stack.undo()
    assert pos(a) == start
    assert edge.lines[-1].p2().x() == pytest.approx(start[0])


# -- remove and rename ----------------------------------------------------------------------------


def test_remove_takes_item_and_edges(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    g1 = scene.nodes[G("G1")]
    with qtbot.waitSignal(doc.item_removed, timeout=1000) as blocker:
        doc.delete([Subject.group("G1")])
    assert blocker.args == ["group", "G1"]
    assert G("G1") not in scene.nodes and g1.scene() is None
    assert edge_keys(scene) == {("G2", "B")}
    assert item_edge_keys(scene.nodes[P("A")]) == set()
    assert item_edge_keys(scene.nodes[P("B")]) == {("G2", "B")}
    doc.undo_stack.undo()
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B"), ("G2", "B")}
    assert item_edge_keys(scene.nodes[P("A")]) == {("G1", "A")}
    doc.undo_stack.redo()
    assert G("G1") not in scene.nodes


def test_remove_port_takes_its_edges(doc: WorkspaceDocument, scene: CanvasScene) -> None:
    doc.delete([Subject.group("G1"), Subject.group("G2"), Subject.port("B")])
    assert edge_keys(scene) == set()
    doc.undo_stack.undo()
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B"), ("G2", "B")}
    assert item_edge_keys(scene.nodes[P("B")]) == {("G1", "B"), ("G2", "B")}


def test_rename_port_moves_key_and_edges(qtbot, doc: WorkspaceDocument, scene: CanvasScene) -> None:
    item = scene.nodes[P("B")]
    with qtbot.waitSignal(doc.item_renamed, timeout=1000) as blocker:
        doc.rename(Kind.PORT, "B", "B2")
    assert blocker.args == ["port", "B", "B2"]
    assert P("B") not in scene.nodes and scene.nodes[P("B2")] is item
    assert item.key == P("B2") and item.title == "B2"
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B2"), ("G2", "B2")}
    assert item_edge_keys(item) == {("G1", "B2"), ("G2", "B2")}
    doc.undo_stack.undo()
    assert scene.nodes[P("B")] is item and item.title == "B"
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B"), ("G2", "B")}
    # after the round trip the scene still follows membership changes of the renamed port
    doc.remove_from_group("G2", ["B"])
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B")}


def test_rename_group_moves_key_and_edges(doc: WorkspaceDocument, scene: CanvasScene) -> None:
    doc.rename(Kind.GROUP, "G1", "Group.One")
    assert edge_keys(scene) == {("Group.One", "A"), ("Group.One", "B"), ("G2", "B")}
    doc.add_to_group("Group.One", ["C"])
    assert ("Group.One", "C") in edge_keys(scene)
    assert not {k for k in edge_keys(scene) if k[0] == "G1"}
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert edge_keys(scene) == {("G1", "A"), ("G1", "B"), ("G2", "B")}
    assert scene.nodes[G("G1")].name == "G1"


def test_reload_rebuilds(doc: WorkspaceDocument, scene: CanvasScene, tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.sqlite") as other:
        other.perform(Action.START, [Subject.port("C")])
    assert scene.nodes[P("C")].state is State.UNENLISTED  # not seen before a reload
    doc.reload()
    assert scene.nodes[P("C")].state is State.STARTED
    assert len(scene.nodes) == 6 and len(scene.edges) == 3


# -- selection and find ---------------------------------------------------------------------------


def test_select_keys_selects_without_signalling(qtbot, scene: CanvasScene) -> None:
    with qtbot.assertNotEmitted(scene.selection_keys_changed, wait=20):
        scene.select_keys([P("A"), G("G1")])
    assert set(scene.selected_keys()) == {P("A"), G("G1")}
    with qtbot.assertNotEmitted(scene.selection_keys_changed, wait=20):
        scene.select_keys([P("B")])
    assert scene.selected_keys() == [P("B")]
    # a selection the user makes (an item selected directly) is signalled, with kind values
    with qtbot.waitSignal(scene.selection_keys_changed, timeout=1000) as blocker:
        scene.nodes[P("C")].setSelected(True)
    assert sorted(blocker.args[0]) == [("port", "B"), ("port", "C")]


def test_find_highlights_and_orders(doc: WorkspaceDocument, scene: CanvasScene) -> None:
    # put the matches in a known order: C top-left, A below it, G1 right of A
    doc.move(
        {k: pos(scene.nodes[k]) for k in (P("A"), P("C"), G("G1"))},
        {P("C"): (0.0, 0.0), P("A"): (0.0, 500.0), G("G1"): (400.0, 500.0)},
    )
    hits = scene.find("ftp://partner")  # by address
    assert [h.key for h in hits] == [P("C")] and scene.nodes[P("C")].highlighted
    hits = scene.find("file")  # by adapter (R's is HTTP)
    assert {h.key for h in hits} == {P("A"), P("B"), P("C")}
    assert not scene.nodes[P("R")].highlighted
    hits = scene.find("g1")  # by name, case-insensitively
    assert [h.key for h in hits] == [G("G1")]
    hits = scene.find("  ")
    assert hits == [] and not any(n.highlighted for n in scene.nodes.values())
    doc.rename(Kind.PORT, "A", "G1.Member")
    hits = scene.find("G1")
    assert [h.key for h in hits] == [P("G1.Member"), G("G1")], "reading order: by y, then x"
    assert {k for k, n in scene.nodes.items() if n.highlighted} == {P("G1.Member"), G("G1")}


# -- layout ---------------------------------------------------------------------------------------


@pytest.fixture
def sample_doc(qapp: QApplication, tmp_path: Path) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "sample.sqlite")
    ws.import_file(SAMPLE)
    document = WorkspaceDocument(ws)
    yield document
    ws.close()


def test_auto_layout_of_the_sample(sample_doc: WorkspaceDocument) -> None:
    doc = sample_doc
    scene = CanvasScene(doc, canvas_colors("light"))
    entries = doc.entries()
    assert len(entries) == 26
    after = auto_layout(Node(e.kind, e.name, e.application, e.members) for e in entries)
    assert set(after) == {(e.kind, e.name) for e in entries}, "every node is placed"
    before = {k: pos(n) for k, n in scene.nodes.items()}
    doc.move(before, after, "Auto-layout")
    rects = {k: n.sceneBoundingRect() for k, n in scene.nodes.items()}
    for k, n in scene.nodes.items():
        assert pos(n) == after[k]
    keys = sorted(rects)
    overlaps = [
        (a, b)
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
        if QRectF(*after[a], NODE_W, PORT_H if a[0] is Kind.PORT else GROUP_H).intersects(
            QRectF(*after[b], NODE_W, PORT_H if b[0] is Kind.PORT else GROUP_H)
        )
    ]
    assert overlaps == []
    # every port that belongs to a group of its own application sits under one of them
    apps = {e.name: e.application for e in entries}
    for e in entries:
        if e.kind is not Kind.PORT:
            continue
        own = [g for g in entries if g.kind is Kind.GROUP and e.name in g.members and g.application == e.application]
        if own:
            px, py = after[P(e.name)]
            assert any(after[G(g.name)][1] + GROUP_H <= py for g in own), e.name
            under = [g for g in own if after[G(g.name)][1] < py and abs(after[G(g.name)][0] - px) < 2 * NODE_W]
            assert under, f"{e.name} is not near any of its groups"
    # applications do not overlap each other
    frames = list(scene.frames.values())
    assert len(frames) == 3 == len(set(apps.values()))
    for i, f in enumerate(frames):
        for other in frames[i + 1 :]:
            assert not f.sceneBoundingRect().intersects(other.sceneBoundingRect()), (f.application, other.application)
    doc.undo_stack.undo()
    assert {k: pos(n) for k, n in scene.nodes.items()} == before
    scene.deleteLater()


# -- level of detail ------------------------------------------------------------------------------


def test_level_of_detail(doc: WorkspaceDocument, scene: CanvasScene) -> None:
    assert scene.detail and not scene.overview.isVisible() and scene.edge_layer.isVisible()
    assert all(n.opacity() == 1.0 for n in scene.nodes.values())
    scene.set_detail(False)
    assert all(n.opacity() == 0.0 for n in scene.nodes.values())
    assert scene.overview.isVisible() and not scene.edge_layer.isVisible()
    assert scene.overview.boundingRect().contains(scene.nodes[P("A")].sceneBoundingRect().adjusted(3, 3, -3, -3))
    # items added far out are transparent too
    doc.add_send_port(new_send_port("Far", address="C:\\far", application="App"), "App", (3000.0, 0.0))
    assert scene.nodes[P("Far")].opacity() == 0.0
    scene.set_detail(True)
    assert all(n.opacity() == 1.0 for n in scene.nodes.values())
    assert not scene.overview.isVisible() and scene.edge_layer.isVisible()


def test_colors_change(scene: CanvasScene) -> None:
    dark = canvas_colors("dark")
    assert dark.background != scene.colors.background
    scene.set_colors(dark)
    assert scene.colors is dark
    assert all(n.colors is dark for n in scene.nodes.values())
    assert all(f.colors is dark for f in scene.frames.values())
    assert scene.edge_layer.colors is dark and scene.overview.colors is dark


# -- scale ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_five_thousand_ports(qapp: QApplication) -> None:
    """Every node, edge and frame of a large workspace is drawn; how long that takes is a figure
    of benchmarks/bench_gui.py, not an assertion here."""
    binding = load(generate(5000, 500))
    with Workspace(":memory:") as ws:
        ws.import_document(binding, None, "generated.xml")
        doc = WorkspaceDocument(ws)
        scene = CanvasScene(doc, canvas_colors("light"))
        entries = doc.entries()
        assert len(scene.nodes) == 5500 == len(entries)
        assert sum(1 for k in scene.nodes if k[0] is Kind.GROUP) == 500
        pairs = {(e.name, m) for e in entries if e.kind is Kind.GROUP for m in e.members}
        ports = {e.name for e in entries if e.kind is Kind.PORT}
        assert set(scene.edges) == {(g, m) for g, m in pairs if m in ports}
        assert set(scene.frames) == set(doc.applications())
        assert len({(i.pos().x(), i.pos().y()) for i in scene.nodes.values()}) == 5500, "every node was placed"
        assert all(e.x is None for e in ws.entries()), "in memory only: drawing writes nothing"
        scene.set_detail(False)
        assert scene.overview.isVisible()
        hits = scene.find(entries[0].name)
        assert hits and hits[0].highlighted
        scene.deleteLater()
