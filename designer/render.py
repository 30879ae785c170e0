"""Headless pictures of the canvas (documentation, CI): PNG or SVG bytes, auto-laid-out.

The layout is made for the picture's shape (a screen's 16:10 unless a size is asked for), as
the window lays out for its view: a picture one can look at whole, not one long strip. It lives
in the picture's scene only: drawing never writes positions to the workspace. The caller
writes the bytes (``portwright render -o`` as every ``-o`` is written)."""

from __future__ import annotations

import math
from xml.etree import ElementTree

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from designer import themes
from designer.canvas.colors import canvas_colors
from designer.canvas.items import OVERVIEW_LOD
from designer.canvas.layout import GROUP_H, NODE_W, PORT_H, TITLE_H, Key, Node, auto_layout
from designer.canvas.scene import CanvasScene
from designer.document import WorkspaceDocument
from model.lifecycle import Kind

#: A picture's shape when no size is asked for: a screen's.
OUTPUT_ASPECT = 16 / 10
#: Shapes asked of the layout, as factors of the one wanted: the layout packs whole
#: applications, so the shape it gives is near the one asked, not equal to it.
_TRIES = (1.0, 0.85, 1.2, 0.7, 1.5, 0.5, 2.0, 3.0)


def _shape(nodes: list[Node], positions: dict[Key, tuple[float, float]]) -> float:
    """Width over height of the laid-out nodes (with room for the application titles)."""
    if not positions:
        return 1.0
    xs = [x for x, _ in positions.values()]
    bottoms = [positions[(n.kind, n.name)][1] + (GROUP_H if n.kind is Kind.GROUP else PORT_H) for n in nodes]
    width = max(xs) + NODE_W - min(xs)
    height = max(bottoms) - min(y for _, y in positions.values()) + TITLE_H
    return width / max(height, 1.0)


def layout_for(nodes: list[Node], aspect: float) -> dict[Key, tuple[float, float]]:
    """The auto-layout of ``nodes`` whose shape comes nearest ``aspect`` (width over height)."""
    best: tuple[float, dict[Key, tuple[float, float]]] | None = None
    for factor in _TRIES:
        positions = auto_layout(nodes, aspect * factor)
        miss = abs(math.log(_shape(nodes, positions) / aspect))
        if best is None or miss < best[0] - 1e-9:
            best = (miss, positions)
    return best[1] if best is not None else {}


def layout_scene(
    doc: WorkspaceDocument, theme: str, application: str | None = None, aspect: float = OUTPUT_ASPECT
) -> CanvasScene:
    """A scene of ``doc`` (or of one application) with every node auto-laid-out for ``aspect``."""
    scene = CanvasScene(doc, canvas_colors(themes.theme_named(theme)))
    entries = [e for e in doc.entries() if application is None or e.application == application]
    positions = layout_for([Node(e.kind, e.name, e.application, e.members) for e in entries], aspect)
    keep = {(e.kind, e.name) for e in entries}
    for key, item in list(scene.nodes.items()):
        if key not in keep:
            for edge in list(item.edges):
                edge.detach()
            scene.removeItem(item)
            del scene.nodes[key]
        else:
            scene.place(item, *positions[key])
    scene.edges = {
        k: e for k, e in scene.edges.items() if (Kind.GROUP, k[0]) in scene.nodes and (Kind.PORT, k[1]) in scene.nodes
    }
    scene._frames_dirty = set(scene.frames) | {e.application for e in entries}  # noqa: SLF001 - drawn once, now
    scene._update_frames()  # noqa: SLF001
    return scene


def picture(
    doc: WorkspaceDocument,
    fmt: str,
    *,
    theme: str = "light",
    application: str | None = None,
    width: int = 2400,
    height: int | None = None,
) -> bytes:
    """The canvas drawn as a ``"png"`` or ``"svg"`` file's bytes (so the caller decides how to write it).

    With ``height``, the picture is ``width`` x ``height`` and laid out for that shape;
    without, it is laid out for :data:`OUTPUT_ASPECT` and as tall as the drawing then is."""
    scene = layout_scene(doc, theme, application, width / height if height else OUTPUT_ASPECT)
    rect = QRectF()
    for item in [*scene.nodes.values(), *scene.frames.values()]:
        rect = rect.united(item.sceneBoundingRect())
    if rect.isEmpty():
        rect = QRectF(0, 0, 800, 400)
    rect = rect.adjusted(-40, -40, 40, 40)
    if height:
        size = QSize(width, height)
        scale = min(width / rect.width(), height / rect.height())
    else:
        scale = min(width / rect.width(), 1.5)
        size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
    # An SVG is zoomed by whoever opens it: every node is drawn in full, as shapes and text.
    scene.set_detail(fmt == "svg" or scale >= OVERVIEW_LOD)
    if fmt == "svg":
        for item in scene.items():  # a cached item would be written as an embedded bitmap
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    background = QColor(canvas_colors(themes.theme_named(theme)).background)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if fmt == "svg":
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setOutputDevice(buffer)
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setTitle("Portwright canvas")
        painter = QPainter(gen)
    else:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(background)
        painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    if fmt == "svg":
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), background)
    # Centred: Qt puts a drawing whose shape differs from the picture's in the top left corner.
    drawn = QRectF(0, 0, rect.width() * scale, rect.height() * scale)
    drawn.moveCenter(QRectF(0, 0, size.width(), size.height()).center())
    scene.render(painter, drawn, rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    # PySide6 wants the format as str at run time, although its stubs say bytes
    if fmt != "svg" and not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("could not encode the canvas as PNG")
    buffer.close()
    data = bytes(buffer.data().data())
    if fmt == "svg":
        data = _with_full_names(data, scene, rect, size)
    return data


def _with_full_names(svg: bytes, scene: CanvasScene, source: QRectF, size: QSize) -> bytes:
    """Each node's full name as the ``<title>`` of an invisible box over it (a browser shows it
    on hover, and a search finds it even where the drawn label is shortened)."""
    ElementTree.register_namespace("", _SVG_NS)
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ElementTree.fromstring(svg)
    scale = min(size.width() / source.width(), size.height() / source.height())
    dx = (size.width() - source.width() * scale) / 2
    dy = (size.height() - source.height() * scale) / 2
    names = ElementTree.SubElement(root, f"{{{_SVG_NS}}}g", {"id": "names", "fill": "none"})
    for (kind, name), item in sorted(scene.nodes.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        box = item.sceneBoundingRect()
        group = ElementTree.SubElement(names, f"{{{_SVG_NS}}}g", {"class": kind.value})
        ElementTree.SubElement(group, f"{{{_SVG_NS}}}title").text = name
        ElementTree.SubElement(
            group,
            f"{{{_SVG_NS}}}rect",
            {
                "x": f"{dx + (box.left() - source.left()) * scale:.1f}",
                "y": f"{dy + (box.top() - source.top()) * scale:.1f}",
                "width": f"{box.width() * scale:.1f}",
                "height": f"{box.height() * scale:.1f}",
                "pointer-events": "all",
            },
        )
    return bytes(ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))


_SVG_NS = "http://www.w3.org/2000/svg"
