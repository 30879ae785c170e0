"""Membership edges, routed in the gutters between nodes and drawn behind them in one call.

An edge leaves its group from the bottom (or the top, when the member is above), turns into
the gutter left of the member's column, runs along it and enters the member from the side:
it never crosses a node of the column it serves, and it is drawn behind every node.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.canvas.colors import CanvasColors
from designer.canvas.layout import GAP_X, GAP_Y, NODE_W


class Endpoint(Protocol):
    """What an edge needs of a node at either end (a :class:`~designer.canvas.items.NodeItem`)."""

    @property
    def name(self) -> str: ...

    height: float
    edges: list[Edge]

    def x(self) -> float: ...

    def y(self) -> float: ...


__all__ = ["Edge", "EdgeLayer", "route"]


def route(group: QRectF, port: QRectF) -> list[QLineF]:
    """Orthogonal segments from ``group`` to ``port`` through the gutter left of the port."""
    gx = group.center().x()
    gutter = port.left() - GAP_X / 2
    target = QPointF(port.left(), port.center().y())
    if port.bottom() < group.top():  # member above its group: leave from the top
        start = QPointF(gx, group.top())
        turn = QPointF(gx, group.top() - GAP_Y / 2)
    else:
        start = QPointF(gx, group.bottom())
        turn = QPointF(gx, group.bottom() + GAP_Y / 2)
    points = [start, turn, QPointF(gutter, turn.y()), QPointF(gutter, target.y()), target]
    return [QLineF(a, b) for a, b in pairwise(points) if a != b]


class Edge:
    """Group membership: from the group to a member port. Not an item of its own: thousands
    of long lines would defeat the scene's spatial index; :class:`EdgeLayer` draws them."""

    __slots__ = ("group", "layer", "lines", "port")

    def __init__(self, group: Endpoint, port: Endpoint, layer: EdgeLayer) -> None:
        self.group, self.port, self.layer = group, port, layer
        self.lines: list[QLineF] = []
        group.edges.append(self)
        port.edges.append(self)
        self.adjust()

    def adjust(self) -> None:
        g, p = self.group, self.port
        self.lines = route(QRectF(g.x(), g.y(), NODE_W, g.height), QRectF(p.x(), p.y(), NODE_W, p.height))
        self.layer.changed_edge(self)

    def bounds(self) -> QRectF:
        rect = QRectF()
        for line in self.lines:
            rect = rect.united(QRectF(line.p1(), line.p2()).normalized())
        return rect

    def detach(self) -> None:
        for node in (self.group, self.port):
            if self in node.edges:
                node.edges.remove(self)
        self.layer.remove(self)


class EdgeLayer(QGraphicsItem):
    """Every membership edge, drawn in one call (only up close; far out the overview does)."""

    CELL = 2000.0

    def __init__(self, colors: CanvasColors) -> None:
        super().__init__()
        self.colors = colors
        self._edges: set[Edge] = set()
        self._lines: list[QLineF] | None = None
        self._rect = QRectF()
        self._grid: dict[tuple[int, int], list[QLineF]] = {}
        self.setZValue(0)  # above the frames, below every node
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect

    def add(self, edge: Edge) -> None:
        self._edges.add(edge)
        self.changed_edge(edge)

    def remove(self, edge: Edge) -> None:
        self._edges.discard(edge)
        self._lines = None
        self.update()

    def clear(self) -> None:
        self._edges.clear()
        self._lines = None
        self.update()

    def changed_edge(self, edge: Edge) -> None:
        self._lines = None
        r = edge.bounds().adjusted(-2, -2, 2, 2)
        if not self._rect.contains(r):
            self.prepareGeometryChange()
            self._rect = self._rect.united(r)
        self.update()

    def lines(self) -> list[QLineF]:
        if self._lines is None:
            self._lines = [line for e in self._edges for line in e.lines]
            grid: dict[tuple[int, int], list[QLineF]] = {}
            c = self.CELL
            for line in self._lines:
                x1, x2 = sorted((line.x1(), line.x2()))
                y1, y2 = sorted((line.y1(), line.y2()))
                for gx in range(int(x1 // c), int(x2 // c) + 1):
                    for gy in range(int(y1 // c), int(y2 // c) + 1):
                        grid.setdefault((gx, gy), []).append(line)
            self._grid = grid
        return self._lines

    def lines_in(self, rect: QRectF) -> list[QLineF]:
        """The lines that may cross ``rect`` (from a coarse grid: no per-line test)."""
        self.lines()
        c = self.CELL
        cells = [
            (gx, gy)
            for gx in range(int(rect.left() // c), int(rect.right() // c) + 1)
            for gy in range(int(rect.top() // c), int(rect.bottom() // c) + 1)
        ]
        if len(cells) == 1:
            return self._grid.get(cells[0], [])
        seen: dict[int, QLineF] = {}
        for cell in cells:
            for line in self._grid.get(cell, ()):
                seen[id(line)] = line
        return list(seen.values())

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pen = QPen(QColor(self.colors.edge), 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines(self.lines_in(option.exposedRect))
