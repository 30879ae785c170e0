"""The canvas view: zoom, pan, fit, rubber-band selection, moves, drops onto groups.

Opening and Fit never go below :data:`~designer.canvas.items.READABLE_ZOOM`: when the whole
workspace does not fit at that zoom, the view shows what was just added, else the selection,
else the first application, and the rest is a scroll or the minimap away."""

from __future__ import annotations

import json
from typing import NamedTuple

from PySide6.QtCore import QMimeData, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmapCache,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from designer.canvas.items import OVERVIEW_LOD, READABLE_ZOOM, NodeItem
from designer.canvas.navigation import DIRECTIONS, nearest_in_direction
from designer.canvas.scene import CanvasScene
from designer.document import Key
from model.lifecycle import Kind

MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
NEW_ITEM_MIME = "application/x-portwright-new"
PORTS_MIME = "application/x-portwright-ports"
#: Explorer drags: UTF-8 JSON, a list of ``{"kind": "port" | "group", "name": str}``.
ENTRIES_MIME = "application/x-portwright-entries"
_ARROWS = {Qt.Key.Key_Left: "left", Qt.Key.Key_Right: "right", Qt.Key.Key_Up: "up", Qt.Key.Key_Down: "down"}


def entries_from_mime(mime: QMimeData) -> list[tuple[Kind, str]] | None:
    """The entries an explorer drag carries, or None when the data is not such a list."""
    try:
        data = json.loads(bytes(mime.data(ENTRIES_MIME).data()).decode("utf-8"))
        return [(Kind(d["kind"]), str(d["name"])) for d in data]
    except (ValueError, TypeError, KeyError):
        return None


class ViewState(NamedTuple):
    """Where a view was: its zoom and the scene point at its middle."""

    zoom: float
    x: float
    y: float


class CanvasView(QGraphicsView):
    """Wheel zooms at the cursor; middle button or Space+drag pans; arrows pan; drag moves."""

    zoom_changed = Signal(float)
    # ``object``, not ``dict``: Qt would turn the tuple keys into strings (and fail).
    moved = Signal(object, object)  # before, after: {(Kind, name): (x, y)}
    dropped_on_group = Signal(str, list, object)  # group, [port names], positions before the drag
    new_item_requested = Signal(str, QPointF)  # "port" / "group", scene position
    files_dropped = Signal(list)  # [paths]

    def __init__(self, scene: CanvasScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.canvas = scene
        if QPixmapCache.cacheLimit() < 64 * 1024:  # room for the visible nodes' cached pictures
            QPixmapCache.setCacheLimit(64 * 1024)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._press_positions: dict[Key, tuple[float, float]] = {}
        self._panning: QPointF | None = None
        self._space = False
        self._fit_pending = False
        self._restore: ViewState | None = None

    # -- zoom -------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, scale: float, anchor: QPointF | None = None) -> None:
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        factor = scale / self.zoom()
        if abs(factor - 1.0) < 1e-9:
            return
        self.scale(factor, factor)
        self._zoom_settled()

    def _zoom_settled(self) -> None:
        self.canvas.set_detail(self.zoom() >= OVERVIEW_LOD)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * 1.25)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / 1.25)

    def aspect(self) -> float:
        """The viewport's width over its height (the shape auto-layout aims for)."""
        size = self.viewport().size()
        return size.width() / size.height() if size.height() > 0 else 16 / 9

    def fit(self) -> None:
        """Everything, if it fits at a readable zoom; else, at that zoom, what matters now."""
        self.canvas.aspect = self.aspect()
        self.canvas.flush_pending()  # nodes just added are placed before the view decides
        rect = QRectF()
        for frame in self.canvas.frames.values():  # every node is inside its application's frame
            rect = rect.united(frame.sceneBoundingRect())
        if rect.isEmpty():
            for item in self.canvas.nodes.values():
                rect = rect.united(item.sceneBoundingRect())
        recent, self.canvas.recent = self.canvas.recent, QRectF()
        if rect.isEmpty():
            self.resetTransform()
            self._zoom_settled()
            return
        self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.resetTransform()
            self.centerOn(rect.center())
        elif self.zoom() < READABLE_ZOOM:
            self.resetTransform()
            self.scale(READABLE_ZOOM, READABLE_ZOOM)
            self.show_rect(self._focus(recent))
        self._zoom_settled()

    def _focus(self, recent: QRectF) -> QRectF:
        """What Fit shows when not everything fits: what was just added, the selection, or the
        first application (top left)."""
        frames = sorted(
            self.canvas.frames.values(), key=lambda f: (f.sceneBoundingRect().top(), f.sceneBoundingRect().left())
        )
        if not recent.isEmpty():
            fresh = [f for f in frames if f.sceneBoundingRect().intersects(recent)]
            return fresh[0].sceneBoundingRect() if fresh else recent
        selected = QRectF()
        for item in self.canvas.selectedItems():
            selected = selected.united(item.sceneBoundingRect())
        if not selected.isEmpty():
            return selected
        frames = sorted(
            self.canvas.frames.values(), key=lambda f: (f.sceneBoundingRect().top(), f.sceneBoundingRect().left())
        )
        return frames[0].sceneBoundingRect() if frames else self.canvas.itemsBoundingRect()

    def show_rect(self, rect: QRectF) -> None:
        """Scroll so that ``rect``'s top left corner is a little inside the view's top left
        (what is beside and below it fills the rest)."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        margin = 24 / max(self.zoom(), 0.01)
        self.centerOn(QPointF(rect.left() - margin + visible.width() / 2, rect.top() - margin + visible.height() / 2))

    def reveal_keys(self, keys: list[Key]) -> None:
        """Scroll the nodes of ``keys`` into view (at a readable zoom), moving as little as needed."""
        rect = QRectF()
        for key in keys:
            item = self.canvas.nodes.get(key)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty():
            return
        if self.zoom() < READABLE_ZOOM:
            self.set_zoom(READABLE_ZOOM)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.show_rect(rect)
        else:
            self.ensureVisible(rect, 40, 40)

    def fit_later(self, state: ViewState | None = None) -> None:
        """Once the view has its real size (after it is shown): show ``state`` (a view saved
        with :meth:`state`) if given, else Fit."""
        self._restore = state
        if not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._do_fit_later)

    def _do_fit_later(self) -> None:
        self._fit_pending = False
        state, self._restore = self._restore, None
        if state is None or not self.canvas.nodes:
            self.fit()
            return
        self.canvas.flush_pending()
        self.canvas.recent = QRectF()
        zoom = max(READABLE_ZOOM, min(MAX_ZOOM, state.zoom))  # reopened readable, like Fit
        self.resetTransform()
        self.scale(zoom, zoom)
        self.centerOn(QPointF(state.x, state.y))
        self._zoom_settled()

    def state(self) -> ViewState:
        """The zoom and the scene point at the middle of the view (what reopening shows again)."""
        middle = self.mapToScene(self.viewport().rect().center())
        return ViewState(self.zoom(), middle.x(), middle.y())

    def reveal(self, key: Key) -> None:
        item = self.canvas.nodes.get(key)
        if item is None:
            return
        if self.zoom() < 0.6:
            self.set_zoom(0.8)
        self.centerOn(item)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom() * (1.15**steps))
        event.accept()

    # -- panning and moving -----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key in _ARROWS and self.canvas.selectedItems() and not event.modifiers():
            self.step_selection(_ARROWS[Qt.Key(key)])
            return
        if key in _ARROWS and not self.canvas.selectedItems():  # pan 60 pixels
            dx, dy = DIRECTIONS[_ARROWS[Qt.Key(key)]]
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + 60 * dx)
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + 60 * dy)
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and not event.modifiers():
            self.zoom_in()
            return
        if key == Qt.Key.Key_Minus and not event.modifiers():
            self.zoom_out()
            return
        super().keyPressEvent(event)

    def step_selection(self, direction: str) -> NodeItem | None:
        """Select the node nearest the current one in ``direction`` and keep it in view."""
        selected = [i for i in self.canvas.selectedItems() if isinstance(i, NodeItem)]
        if not selected:
            return None
        current = self.canvas.focusItem()
        if not isinstance(current, NodeItem) or current not in selected:
            current = selected[-1]
        here = current.sceneBoundingRect().center()
        target = nearest_in_direction(
            (here.x(), here.y()),
            (
                (n, (c.x(), c.y()))
                for n in self.canvas.nodes.values()
                if n is not current
                for c in (n.sceneBoundingRect().center(),)
            ),
            direction,
        )
        if target is None:
            return None
        self.canvas.clearSelection()  # the scene says so: panels and the toolbar follow
        target.setSelected(True)
        self.canvas.setFocusItem(target)
        self.ensureVisible(target, 60, 60)
        return target

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._panning = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)
        self._press_positions = {
            i.key: (i.pos().x(), i.pos().y()) for i in self.canvas.selectedItems() if isinstance(i, NodeItem)
        }

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._press_positions and event.buttons() & Qt.MouseButton.LeftButton:
            for key in self._press_positions:
                item = self.canvas.nodes.get(key)
                if item is not None:
                    self.canvas.node_moved(item)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            self._panning = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        before = self._press_positions
        self._press_positions = {}
        after = {
            key: (item.pos().x(), item.pos().y()) for key in before if (item := self.canvas.nodes.get(key)) is not None
        }
        moved = {k: v for k, v in after.items() if before.get(k) != v}
        if not moved:
            return
        target = self._group_under(self.mapToScene(event.position().toPoint()), exclude=set(moved))
        ports = [name for (kind, name) in moved if kind is Kind.PORT]
        if target is not None and ports and len(ports) == len(moved):
            self.dropped_on_group.emit(target.name, ports, {k: before[k] for k in moved})
            return
        self.moved.emit({k: before[k] for k in moved}, moved)

    def _group_under(self, pos: QPointF, exclude: set[Key]) -> NodeItem | None:
        for item in self.canvas.items(pos):
            if isinstance(item, NodeItem) and item.kind is Kind.GROUP and item.key not in exclude:
                return item
        return None

    # -- drops from outside (palette, files) ------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(NEW_ITEM_MIME) or mime.hasUrls() or mime.hasFormat(ENTRIES_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        mime = event.mimeData()
        if mime.hasFormat(ENTRIES_MIME):  # explorer entries: only a group takes them
            if self._group_under(self.mapToScene(event.position().toPoint()), exclude=set()) is not None:
                event.acceptProposedAction()
            else:
                event.ignore()
        elif mime.hasFormat(NEW_ITEM_MIME) or mime.hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(ENTRIES_MIME):
            group = self._group_under(self.mapToScene(event.position().toPoint()), exclude=set())
            entries = entries_from_mime(mime)
            if group is None or entries is None:
                event.ignore()
                return
            ports = [name for kind, name in entries if kind is Kind.PORT]
            self.dropped_on_group.emit(group.name, ports, {})
            event.acceptProposedAction()
        elif mime.hasFormat(NEW_ITEM_MIME):
            kind = bytes(mime.data(NEW_ITEM_MIME).data()).decode()
            self.new_item_requested.emit(kind, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        elif mime.hasUrls():
            paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.files_dropped.emit(paths)
                event.acceptProposedAction()
        else:
            super().dropEvent(event)

    # -- background ----------------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        c = self.canvas.colors
        painter.fillRect(rect, QColor(c.background))
        step = 40.0
        if self.zoom() * step < 12:
            return
        painter.setPen(QPen(QColor(c.grid), 0))
        left = int(rect.left() // step) * step
        top = int(rect.top() // step) * step
        points = []
        y = top
        while y < rect.bottom():
            x = left
            while x < rect.right():
                points.append(QPointF(x, y))
                x += step
            y += step
        painter.drawPoints(points)
