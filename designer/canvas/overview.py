"""Far out, every node at once: a few batched drawing calls instead of one per node, and each
node's distinguishing label written at a fixed size on screen, so that an overview is still
a map one can read (not a field of blank boxes). The find matches are ringed by the scene's
highlight layer, above this one, so that finding never rebuilds the overview."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.canvas.colors import CanvasColors
from designer.canvas.edges import Edge
from designer.canvas.items import OVERVIEW_LABEL_PT, Fonts, NodeItem, state_color
from designer.canvas.labels import ELLIPSIS, LabelBook
from designer.canvas.layout import NODE_W
from model.lifecycle import Kind, State

__all__ = ["MIN_LABEL_PX", "OverviewItem"]

#: A label is written when a node is at least this wide on screen (narrower, it would say "…").
MIN_LABEL_PX = 40.0
_STRIPE = 10.0  # the state stripe on a node's left, in scene units


class OverviewItem(QGraphicsItem):
    """Every node as a box with a state stripe and its label; edges as plain lines."""

    def __init__(self, colors: CanvasColors, book: LabelBook | None = None) -> None:
        super().__init__()
        self.colors = colors
        self.book = book if book is not None else LabelBook()
        self._rect = QRectF()
        self._rects: dict[bool, list[QRectF]] = {}
        self._stripes: dict[State, list[QRectF]] = {}
        self._labels: list[tuple[QRectF, str, str]] = []  # rect, application, name
        self._selected: list[QRectF] = []
        self._lines: list[QLineF] = []
        self.labels_drawn = 0  # how many labels the last paint wrote (tests, diagnostics)
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        # Panning far out blits the cached picture instead of redrawing thousands of shapes.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def rebuild(self, nodes: list[NodeItem], edges: list[Edge]) -> None:
        self.prepareGeometryChange()
        rects: dict[bool, list[QRectF]] = {}
        stripes: dict[State, list[QRectF]] = {}
        labels: list[tuple[QRectF, str, str]] = []
        selected = []
        bounds = QRectF()
        for n in nodes:
            r = QRectF(n.x(), n.y(), NODE_W, n.height)
            rects.setdefault(n.kind is Kind.GROUP, []).append(r)
            stripes.setdefault(n.state, []).append(QRectF(r.x(), r.y(), _STRIPE, r.height()))
            labels.append((r, n.application, n.name))
            if n.isSelected():
                selected.append(r)
            bounds = bounds.united(r)
        self._rects, self._stripes, self._labels = rects, stripes, labels
        self._selected = selected
        self._lines = [line for e in edges for line in e.lines]
        self._rect = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-40, -40, 40, 40)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.colors
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # thousands of rects: sharp is fast
        scale = max(option.levelOfDetailFromTransform(painter.worldTransform()), 0.01)
        painter.setPen(QPen(QColor(c.edge), 1.0 / scale))
        painter.drawLines(self._lines)
        for is_group, rects in self._rects.items():
            painter.setPen(QPen(QColor(c.group_border if is_group else c.node_border), 1.0 / scale))
            painter.setBrush(QBrush(QColor(c.group_fill if is_group else c.node_fill)))
            painter.drawRects(rects)
        painter.setPen(Qt.PenStyle.NoPen)
        for state, stripes in self._stripes.items():
            painter.setBrush(QBrush(state_color(c, state)))
            painter.drawRects(stripes)
        if self._selected:
            painter.setPen(QPen(QColor(c.selection), 4.0 / scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._selected)
        self.labels_drawn = self._paint_labels(painter, option.exposedRect, scale)

    def _paint_labels(self, painter: QPainter, exposed: QRectF, scale: float) -> int:
        """Each visible node's label at :data:`OVERVIEW_LABEL_PT` on screen, whatever the zoom."""
        if NODE_W * scale < MIN_LABEL_PX:
            return 0
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        font = Fonts.scaled(OVERVIEW_LABEL_PT / scale)
        painter.setFont(font)
        painter.setPen(QColor(self.colors.node_text))
        pad = _STRIPE + 6.0 / scale
        width = NODE_W - pad - 4.0 / scale
        drawn = 0
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        for rect, application, name in self._labels:
            if not rect.intersects(exposed):
                continue
            text = self.book.label(application, name, font, width)
            if not text or text == ELLIPSIS:
                continue
            painter.drawText(rect.adjusted(pad, 0, 0, 0), flags, text)
            drawn += 1
        return drawn
