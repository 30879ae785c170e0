"""Headless pictures of the canvas (documentation, CI): PNG or SVG, auto-laid-out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from designer import style
from designer.canvas.items import OVERVIEW_LOD
from designer.canvas.layout import Node, auto_layout
from designer.canvas.scene import CanvasScene
from designer.document import WorkspaceDocument
from model.lifecycle import Kind


def layout_scene(doc: WorkspaceDocument, theme: str, application: str | None = None) -> CanvasScene:
    """A scene of ``doc`` (or of one application) with every node auto-laid-out."""
    scene = CanvasScene(doc, style.canvas_colors(theme))
    entries = [e for e in doc.entries() if application is None or e.application == application]
    positions = auto_layout(Node(e.kind, e.name, e.application, e.members) for e in entries)
    keep = {(e.kind, e.name) for e in entries}
    for key, item in list(scene.nodes.items()):
        if key not in keep:
            for edge in list(item.edges):
                edge.detach()
            scene.removeItem(item)
            del scene.nodes[key]
        else:
            scene.place(item, *positions[key])
    scene.edges = {k: e for k, e in scene.edges.items() if (Kind.GROUP, k[0]) in scene.nodes
                   and (Kind.PORT, k[1]) in scene.nodes}
    scene._frames_dirty = set(scene.frames) | {e.application for e in entries}
    scene._update_frames()
    return scene


def render(doc: WorkspaceDocument, out: str | Path, *, theme: str = "light", application: str | None = None,
           width: int = 2400) -> Path:
    """Draw the canvas to ``out`` (.png or .svg); returns the path written."""
    out = Path(out)
    scene = layout_scene(doc, theme, application)
    rect = QRectF()
    for item in [*scene.nodes.values(), *scene.frames.values()]:
        rect = rect.united(item.sceneBoundingRect())
    if rect.isEmpty():
        rect = QRectF(0, 0, 800, 400)
    rect = rect.adjusted(-40, -40, 40, 40)
    scale = min(width / rect.width(), 1.5)
    size = QSize(max(1, int(rect.width() * scale)), max(1, int(rect.height() * scale)))
    scene.set_detail(scale >= OVERVIEW_LOD)
    background = QColor(style.canvas_colors(theme).background)
    if out.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator

        gen = QSvgGenerator()
        gen.setFileName(str(out))
        gen.setSize(size)
        gen.setViewBox(QRectF(0, 0, size.width(), size.height()))
        gen.setTitle("Portwright canvas")
        painter = QPainter(gen)
    else:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(background)
        painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    if out.suffix.lower() == ".svg":
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), background)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    if out.suffix.lower() != ".svg":
        if not image.save(str(out)):
            raise OSError(f"could not write {out}")
    return out
