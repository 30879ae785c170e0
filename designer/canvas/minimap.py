"""The minimap: the whole canvas in small, with the visible part outlined; click or drag to go.

It draws node rectangles itself, in a few batched calls, from a picture rebuilt only
when the scene changes (debounced), so it costs nothing while panning.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from designer.canvas.items import state_color
from designer.canvas.layout import NODE_W
from designer.canvas.view import CanvasView
from model.lifecycle import Kind

#: The minimap's size in a roomy view, and the narrowest it gets in a small one.
FULL_SIZE = (200, 130)
MIN_WIDTH = 96


class Minimap(QWidget):
    """Overlay in the view's bottom-right corner."""

    def __init__(self, view: CanvasView) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("minimap")
        self.setFixedSize(*FULL_SIZE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Minimap: click or drag to move around the canvas"))
        self._pixmap = QPixmap()
        self._bounds = QRectF()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self.rebuild)
        scene = view.canvas
        scene.changed.connect(self._on_scene_changed)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.zoom_changed.connect(self._on_zoom_changed)
        self._timer.start()  # after the canvas's first paint

    def _on_zoom_changed(self, _zoom: float) -> None:
        self.update()

    def _on_scene_changed(self, _rects: object) -> None:
        self._timer.start()

    def place(self) -> None:
        """In the corner, at most a quarter of the view's width (a small window keeps its canvas)."""
        margin = 12
        vp = self.view.viewport().geometry()
        width = max(MIN_WIDTH, min(FULL_SIZE[0], vp.width() // 4))
        size = QSize(width, round(width * FULL_SIZE[1] / FULL_SIZE[0]))
        if size != self.size():
            self.setFixedSize(size)
            self._timer.start()  # its picture is redrawn at the new size
        self.move(vp.right() - self.width() - margin, vp.bottom() - self.height() - margin)

    def rebuild(self) -> None:
        nodes = list(self.view.canvas.nodes.values())
        bounds = QRectF()
        by_color: dict[tuple[bool, str], list[QRectF]] = {}
        c = self.view.canvas.colors
        for n in nodes:
            r = QRectF(n.x(), n.y(), NODE_W, n.height)
            bounds = bounds.united(r)
            by_color.setdefault((n.kind is Kind.GROUP, state_color(c, n.state).name()), []).append(r)
        self._bounds = bounds.adjusted(-60, -60, 60, 60)
        # Drawn once into a pixmap: the minimap repaints whenever the canvas does.
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        s, ox, oy = self._transform()
        p.translate(ox, oy)
        p.scale(s, s)
        for (_is_group, color), rects in by_color.items():
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(color))
            p.drawRects(rects)
        p.end()
        self._pixmap = pixmap
        self.update()

    def _transform(self) -> tuple[float, float, float]:
        if self._bounds.isEmpty():
            return 1.0, 0.0, 0.0
        inner = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        s = min(inner.width() / self._bounds.width(), inner.height() / self._bounds.height())
        ox = inner.left() + (inner.width() - self._bounds.width() * s) / 2 - self._bounds.left() * s
        oy = inner.top() + (inner.height() - self._bounds.height() * s) / 2 - self._bounds.top() * s
        return s, ox, oy

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self.view.canvas.colors
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bg = QColor(c.background)
        p.setPen(QPen(QColor(c.node_border), 1))
        p.setBrush(bg)
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        s, ox, oy = self._transform()
        p.drawPixmap(0, 0, self._pixmap)
        visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        r = QRectF(visible.left() * s + ox, visible.top() * s + oy, visible.width() * s, visible.height() * s)
        p.setPen(QPen(QColor(c.selection), 1.5))
        sel = QColor(c.selection)
        sel.setAlpha(40)
        p.setBrush(sel)
        p.drawRect(r.intersected(QRectF(self.rect())))
        p.end()

    def _go(self, pos: QPointF) -> None:
        s, ox, oy = self._transform()
        if s <= 0:
            return
        self.view.centerOn(QPointF((pos.x() - ox) / s, (pos.y() - oy) / s))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._go(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go(event.position())
        event.accept()
