"""A canvas one can read: open, Fit and import never go below the readable zoom; far out the
nodes still carry their labels at a readable size on screen; labels keep the end of the name
that tells nodes apart, and differ among an application's nodes; the themes repaint."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import corpus_files, fixture_files
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from support.bindings import generate

from designer import themes
from designer.canvas.colors import canvas_colors
from designer.canvas.items import (
    OUTLINE_LABEL_PT,
    OUTLINE_W,
    OVERVIEW_LABEL_PT,
    READABLE_ZOOM,
    TITLE_W,
    Fonts,
)
from designer.canvas.labels import ELLIPSIS, fit_labels, shared_prefix_length, tail_label
from designer.canvas.layout import GROUP_H, NODE_W, PORT_H, Node, auto_layout
from designer.canvas.scene import CanvasScene
from designer.document import WorkspaceDocument
from designer.icons import icon
from designer.mainwindow import MainWindow
from model.bindings import load
from model.lifecycle import Kind
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"


def open_window(qtbot, tmp_path: Path, ws: Workspace, size: tuple[int, int] = (1400, 900)) -> MainWindow:
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: not w.view._fit_pending, timeout=3000)
    return w


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    yield warnings
    assert warnings == []


def visible(w: MainWindow):  # type: ignore[no-untyped-def]
    return w.view.mapToScene(w.view.viewport().rect()).boundingRect()


# -- zoom -----------------------------------------------------------------------------------------


def test_sample_opens_and_fits_readable(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = open_window(qtbot, tmp_path, ws)
    assert w.view.zoom() >= READABLE_ZOOM - 1e-9, "opened below the readable zoom"
    w.view.set_zoom(0.05)
    w.action_map["view.fit"].trigger()
    assert w.view.zoom() >= READABLE_ZOOM - 1e-9, "Fit went below the readable zoom"
    # not everything fits at that zoom in this window: the first application is shown, from its top left
    first = min(w.scene.frames.values(), key=lambda f: (f.sceneBoundingRect().top(), f.sceneBoundingRect().left()))
    corner = first.sceneBoundingRect().topLeft()
    assert visible(w).contains(corner), (first.application, corner, visible(w))
    w.close()
    ws.close()


def test_large_workspace_opens_on_its_first_application(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_document(load(generate(400, 40)), None, "big.xml")
    w = open_window(qtbot, tmp_path, ws)
    assert w.view.zoom() == pytest.approx(READABLE_ZOOM)
    first = min(w.scene.frames.values(), key=lambda f: (f.sceneBoundingRect().top(), f.sceneBoundingRect().left()))
    assert visible(w).contains(first.sceneBoundingRect().topLeft())
    shown = [n for n in w.scene.nodes.values() if visible(w).contains(n.sceneBoundingRect())]
    assert shown and all(n.application == first.application for n in shown[:3])
    w.close()
    ws.close()


def test_imported_application_is_scrolled_into_view(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_document(load(generate(300, 30)), None, "big.xml")
    w = open_window(qtbot, tmp_path, ws)
    w.file_flows.import_paths([str(SAMPLE)])
    qtbot.waitUntil(
        lambda: not w.view._fit_pending and (Kind.PORT, "Orders.Legacy.HTTP") in w.scene.nodes, timeout=3000
    )
    QApplication.processEvents()
    assert w.view.zoom() >= READABLE_ZOOM - 1e-9
    imported = [k for k in w.scene.nodes if k[1].startswith(("Orders.", "Billing.", "Contoso."))]
    assert imported
    seen = [k for k in imported if visible(w).intersects(w.scene.nodes[k].sceneBoundingRect())]
    assert seen, "the imported application is not in view"
    w.close()
    ws.close()


# -- drawing far out ------------------------------------------------------------------------------


def test_overview_writes_labels_at_a_fixed_screen_size(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = open_window(qtbot, tmp_path, ws)
    w.view.set_zoom(0.25)
    assert not w.scene.detail and w.scene.overview.isVisible()
    w.view.centerOn(w.scene.nodes[(Kind.PORT, "Orders.Legacy.HTTP")])
    w.view.viewport().grab()  # paints the overview
    assert w.scene.overview.labels_drawn >= 5, "far out the nodes are blank boxes"
    for scale in (0.2, 0.25, 0.29):
        font = Fonts.scaled(OVERVIEW_LABEL_PT / scale)
        assert font.pointSizeF() * scale == pytest.approx(OVERVIEW_LABEL_PT, abs=0.5 * scale + 1e-6)
    w.close()
    ws.close()


def test_outline_labels_keep_a_readable_size(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = open_window(qtbot, tmp_path, ws)
    w.view.set_zoom(READABLE_ZOOM)
    node = w.scene.nodes[(Kind.PORT, "Orders.Customer.Notify.SMTP")]
    font = Fonts.scaled(OUTLINE_LABEL_PT / READABLE_ZOOM)
    text = node.outline_text(font)
    assert text.replace("\n", "").endswith("SMTP") and text != ELLIPSIS
    widest = max(QFontMetricsF(font).horizontalAdvance(line) for line in text.split("\n"))
    assert widest <= OUTLINE_W + 0.5
    w.close()
    ws.close()


# -- labels that tell nodes apart -----------------------------------------------------------------


def test_shared_prefix_is_elided_and_the_end_kept(qapp: QApplication) -> None:
    names = ["BizTalk.Factory.Orders.Out", "BizTalk.Factory.Orders.In", "BizTalk.Factory.Orders.Archive"]
    assert shared_prefix_length(names) == 3
    assert tail_label(names[0], 3) == ELLIPSIS + "Orders.Out"
    labels = fit_labels(names, Fonts.get().name, TITLE_W)
    assert labels == {n: ELLIPSIS + n.split(".", 2)[2] for n in names}
    assert fit_labels(["Only.One"], Fonts.get().name, TITLE_W) == {"Only.One": "Only.One"}


def test_labels_that_would_clash_are_elided_in_the_middle(qapp: QApplication) -> None:
    long_a = "Contoso.Integration.Partner.Alpha.Outbound.Orders.Confirmation.Send"
    long_b = "Contoso.Integration.Partner.Bravo.Outbound.Orders.Confirmation.Send"
    labels = fit_labels([long_a, long_b, "Contoso.Other"], Fonts.get().name, 120)
    assert labels[long_a] != labels[long_b]
    assert all(QFontMetricsF(Fonts.get().name).horizontalAdvance(t) <= 120 for t in labels.values())


def _binding_files() -> list[Path]:
    return corpus_files() or fixture_files()


@pytest.mark.parametrize("path", _binding_files(), ids=lambda p: p.name[:40])
def test_labels_are_unique_per_application(qapp: QApplication, path: Path) -> None:
    """On every corpus file (the fixtures when there is no corpus), and at every drawing size."""
    with Workspace(":memory:") as ws:
        ws.import_file(path)
        doc = WorkspaceDocument(ws)
        scene = CanvasScene(doc, canvas_colors("light"))
        fonts = [
            (Fonts.get().name, TITLE_W),
            (Fonts.scaled(OUTLINE_LABEL_PT / READABLE_ZOOM), OUTLINE_W),
        ]
        for font, width in fonts:
            by_app: dict[str, dict[str, str]] = {}
            for item in scene.nodes.values():
                by_app.setdefault(item.application, {})[item.name] = item.label(font, width)
            for app, labels in by_app.items():
                assert len(set(labels.values())) == len(labels), (app, labels)
                for name, label in labels.items():
                    assert QFontMetricsF(font).horizontalAdvance(label) <= width + 0.5, (name, label)
                    if ELLIPSIS not in label:
                        assert label == name
        scene.deleteLater()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_labels_are_unique_on_generated_workspaces(qapp: QApplication, seed: int) -> None:
    with Workspace(":memory:") as ws:
        ws.import_document(load(generate(120, 12, seed=seed)), None, "gen.xml")
        scene = CanvasScene(WorkspaceDocument(ws), canvas_colors("light"))
        by_app: dict[str, set[str]] = {}
        count: dict[str, int] = {}
        for item in scene.nodes.values():
            by_app.setdefault(item.application, set()).add(item.title)
            count[item.application] = count.get(item.application, 0) + 1
        assert {a: len(t) for a, t in by_app.items()} == count
        scene.deleteLater()


def test_tooltip_has_the_full_name(qapp: QApplication) -> None:
    with Workspace(":memory:") as ws:
        ws.import_file(SAMPLE)
        scene = CanvasScene(WorkspaceDocument(ws), canvas_colors("light"))
        item = scene.nodes[(Kind.GROUP, "Contoso.Orders.NewOrders")]
        short = item.outline_title(Fonts.scaled(OUTLINE_LABEL_PT / READABLE_ZOOM))
        assert short != item.name and short.startswith(ELLIPSIS) and item.name.endswith(short[1:])
        assert "<b>Contoso.Orders.NewOrders</b>" in scene.tooltip(item)
        scene.deleteLater()


# -- themes ---------------------------------------------------------------------------------------


def _node_fill_pixel(w: MainWindow, key: tuple[Kind, str]) -> QColor:
    node = w.scene.nodes[key]
    w.view.centerOn(node)
    QApplication.processEvents()
    image = w.view.viewport().grab().toImage()
    rect = w.view.mapFromScene(node.sceneBoundingRect()).boundingRect()
    return image.pixelColor(rect.center() + QPoint(0, rect.height() // 2 - 6))  # near the bottom: no text


def test_dark_then_light_repaints_nodes_light(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = open_window(qtbot, tmp_path, ws)
    key = (Kind.PORT, "Orders.Legacy.HTTP")
    w.view.set_zoom(1.0)
    light = _node_fill_pixel(w, key)
    w.action_map["view.dark"].setChecked(True)
    dark = _node_fill_pixel(w, key)
    w.action_map["view.dark"].setChecked(False)
    again = _node_fill_pixel(w, key)
    assert dark.lightness() < 100 < light.lightness()
    assert again.lightness() > 200, f"the node stayed dark: {again.name()}"
    w.close()
    ws.close()


def test_palette_icons_follow_the_theme(qtbot, tmp_path: Path, quiet: list[str]) -> None:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = open_window(qtbot, tmp_path, ws)
    port_button = w.node_palette.findChild(QToolButton, "palette.port")
    w.action_map["view.dark"].setChecked(True)
    QApplication.processEvents()
    try:
        assert themes.current_theme() == "dark"
        assert port_button.icon().cacheKey() == icon("send-port", dark=True).cacheKey()
        image = port_button.icon().pixmap(28, 28).toImage()
        strokes = [image.pixelColor(x, y) for x in range(28) for y in range(28) if image.pixelColor(x, y).alpha() > 200]
        assert strokes and max(c.lightness() for c in strokes) > 180, "the icon is dark on a dark palette"
    finally:
        w.action_map["view.dark"].setChecked(False)
        QApplication.processEvents()
    assert port_button.icon().cacheKey() == icon("send-port", dark=False).cacheKey()
    w.close()
    ws.close()


# -- layout ---------------------------------------------------------------------------------------


def _extent(positions: dict) -> tuple[float, float]:  # type: ignore[type-arg]
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    return max(xs) + NODE_W - min(xs), max(ys) + PORT_H - min(ys)


@pytest.mark.parametrize("aspect", [16 / 9, 1.0, 0.6])
def test_auto_layout_takes_the_viewport_shape(qapp: QApplication, aspect: float) -> None:
    """52 ports in 6 groups (the size of a real application): a picture of about the viewport's
    shape, not one long strip, with no node over another and every group above its members."""
    binding = load(generate(52, 6))
    with Workspace(":memory:") as ws:
        ws.import_document(binding, None, "52.xml")
        entries = WorkspaceDocument(ws).entries()
    nodes = [Node(e.kind, e.name, e.application, e.members) for e in entries]
    positions = auto_layout(nodes, aspect)
    width, height = _extent(positions)
    assert aspect / 2.2 <= width / height <= aspect * 2.2, (width, height)
    rects = {k: (x, y, NODE_W, GROUP_H if k[0] is Kind.GROUP else PORT_H) for k, (x, y) in positions.items()}
    keys = list(rects)
    for i, a in enumerate(keys):
        ax, ay, aw, ah = rects[a]
        for b in keys[i + 1 :]:
            bx, by, bw, bh = rects[b]
            assert not (ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah), (a, b)
    for e in entries:
        if e.kind is Kind.GROUP:
            _gx, gy = positions[(Kind.GROUP, e.name)]
            placed_under = [m for m in e.members if positions[(Kind.PORT, m)][1] > gy]
            assert placed_under, f"no member of {e.name} is below it"


def test_wider_viewport_gives_a_wider_picture(qapp: QApplication) -> None:
    with Workspace(":memory:") as ws:
        ws.import_document(load(generate(52, 6)), None, "52.xml")
        nodes = [Node(e.kind, e.name, e.application, e.members) for e in WorkspaceDocument(ws).entries()]
    wide = _extent(auto_layout(nodes, 2.5))
    tall = _extent(auto_layout(nodes, 0.6))
    assert wide[0] / wide[1] > tall[0] / tall[1] * 1.5
