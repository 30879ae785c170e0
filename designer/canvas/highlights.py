"""The find matches, drawn by one item: a halo behind each matching node.

Highlighting thousands of nodes as the user types must not touch thousands of items (each
``update()`` drops a node's cached picture and queues its area for repainting): the matches
are kept here, as keys and rectangles, and changing them is one update of this one item."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer.canvas.colors import CanvasColors
from designer.canvas.items import NodeItem
from designer.canvas.layout import NODE_W
from designer.document import Key

__all__ = ["Box", "HighlightLayer", "node_box"]

#: The halo's width on screen (pixels), whatever the zoom; and the widest it gets in the scene.
HALO_PX = 5.0
_MAX_HALO = 40.0


#: A node's rectangle in the scene as plain numbers ``(x, y, w, h)``: thousands of them are
#: kept without thousands of Qt objects (which would also make Python's collector work harder).
Box = tuple[float, float, float, float]


class HighlightLayer(QGraphicsItem):
    """The keys of the nodes that match the find text, and a ring drawn around each of them.

    Changing the matches repaints the views directly rather than through ``update()``: an
    update would tell the scene (and all who listen to ``changed``, as the minimap does,
    redrawing every node) that the scene changed, which it has not."""

    def __init__(self, colors: CanvasColors) -> None:
        super().__init__()
        self.colors = colors
        self._boxes: dict[Key, Box] = {}
        self._tints: dict[Key, str] = {}
        self._area = QRectF()
        self.setZValue(0.5)  # above frames, overview and edges; below every node
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect

    def __contains__(self, key: object) -> bool:
        return key in self._boxes

    def __len__(self) -> int:
        return len(self._boxes)

    def matched_keys(self) -> set[Key]:
        return set(self._boxes)

    def set_items(self, items: Iterable[NodeItem]) -> None:
        """Highlight exactly ``items``."""
        self.set_boxes({item.key: node_box(item) for item in items})

    def set_boxes(self, boxes: dict[Key, Box], tints: dict[Key, str] | None = None) -> None:
        """Highlight exactly the nodes keyed in ``boxes``, each at its box in the scene; with
        ``tints``, each in its own colour (a name ``QColor`` reads) instead of the highlight's."""
        if not boxes and not self._boxes:
            return
        self._boxes = boxes
        self._tints = tints or {}
        self._repaint()

    def moved(self, item: NodeItem) -> None:
        """Follow a highlighted node that moved."""
        if item.key in self._boxes:
            box = self._boxes[item.key] = node_box(item)
            rect = QRectF(*box)
            if not self._area.contains(rect):  # ahead of the scene growing to hold it
                self.area_changed(self._area.united(rect))
            self._repaint()

    def renamed(self, old: Key, new: Key) -> None:
        if old in self._boxes:
            self._boxes[new] = self._boxes.pop(old)

    def discard(self, key: Key) -> None:
        if self._boxes.pop(key, None) is not None:
            self._repaint()

    def area_changed(self, area: QRectF | None = None) -> None:
        """The scene's rectangle (which holds every node) changed: so does this item's (or it
        becomes ``area``)."""
        if area is None:
            scene = self.scene()
            area = scene.sceneRect() if scene is not None else QRectF()
        if area != self._area:
            self.prepareGeometryChange()
            self._area = QRectF(area)

    def _repaint(self) -> None:
        scene = self.scene()
        for view in scene.views() if scene is not None else ():
            view.viewport().update()

    def boundingRect(self) -> QRectF:
        # The whole scene (every node is in it), matches or none: finding changes no geometry
        # (which would tell the scene, and those who follow its changes, to redraw everything).
        return self._area

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._boxes:
            return
        scale = max(option.levelOfDetailFromTransform(painter.worldTransform()), 0.01)
        halo = min(HALO_PX / scale, _MAX_HALO)
        exposed = option.exposedRect
        left, top = exposed.left() - halo, exposed.top() - halo
        right, bottom = exposed.right() + halo, exposed.bottom() + halo
        d = halo / 2
        by_color: dict[str, list[QRectF]] = {}
        for key, (x, y, w, h) in self._boxes.items():
            if x < right and x + w > left and y < bottom and y + h > top:
                color = self._tints.get(key, self.colors.highlight)
                by_color.setdefault(color, []).append(QRectF(x - d, y - d, w + halo, h + halo))
        # A ring just outside each node: the node (its border, selection, text) stays as it is,
        # and far out, where the overview draws the boxes, the ring goes around the box.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for color, rects in by_color.items():
            pen = QPen(QColor(color), halo)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.drawRects(rects)


def node_box(item: NodeItem) -> Box:
    """A node's rectangle in the scene, as numbers."""
    return (item.x(), item.y(), NODE_W, item.height)
