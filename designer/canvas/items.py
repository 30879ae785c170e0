"""Canvas items: send port and group nodes, membership edges, application frames, overview.

Items hold an id and cached display text, never model objects (house rule 6). Painting
is by level of detail: close up a node shows name, adapter, kind, address and a state
badge; further out only its outline, name and badge shape; far out the nodes are drawn
all at once by :class:`OverviewItem` (a handful of batched calls instead of thousands).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer import entry_text
from designer.canvas.colors import CanvasColors
from designer.canvas.layout import GROUP_H, NODE_W, PORT_H, TITLE_H
from model.lifecycle import Kind, State
from model.store import Entry


def tr(text: str) -> str:
    return QCoreApplication.translate("Canvas", text)


#: Below this scale the overview draws the nodes; between it and DETAIL_LOD, outlines only.
OVERVIEW_LOD = 0.3
DETAIL_LOD = 0.55
RADIUS = 8.0


class Fonts:
    """Fonts shared by every node (created once a QApplication exists)."""

    _made = False
    name: QFont
    small: QFont
    mono: QFont
    badge: QFont
    title: QFont

    _scaled: dict[int, QFont] = {}

    @classmethod
    def scaled(cls, points: float) -> QFont:
        """The bold name font at about ``points`` (cached by whole point: fonts are costly)."""
        key = round(points)
        font = cls._scaled.get(key)
        if font is None:
            font = QFont(cls.get().name)
            font.setPointSizeF(float(key))
            cls._scaled[key] = font
        return font

    @classmethod
    def get(cls) -> type[Fonts]:
        if not cls._made:
            cls.name = QFont()
            cls.name.setPointSizeF(10.0)
            cls.name.setBold(True)
            cls.small = QFont()
            cls.small.setPointSizeF(8.5)
            cls.mono = QFont("monospace")
            cls.mono.setStyleHint(QFont.StyleHint.Monospace)
            cls.mono.setPointSizeF(8.0)
            cls.badge = QFont()
            cls.badge.setPointSizeF(8.0)
            cls.badge.setBold(True)
            cls.title = QFont()
            cls.title.setPointSizeF(16.0)
            cls.title.setBold(True)
            cls._made = True
        return cls


def state_color(colors: CanvasColors, state: State) -> QColor:
    return QColor({State.STARTED: colors.started, State.STOPPED: colors.stopped}.get(state, colors.unenlisted))


def draw_state_shape(painter: QPainter, state: State, center: QPointF, r: float, color: QColor) -> None:
    """The state's shape: filled circle (started), filled square (stopped), dashed ring (unenlisted)."""
    if state is State.STARTED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(center, r, r)
        tri = QPolygonF(
            [center + QPointF(-r * 0.35, -r * 0.5), center + QPointF(-r * 0.35, r * 0.5), center + QPointF(r * 0.55, 0)]
        )
        painter.setBrush(QColor("white"))
        painter.drawPolygon(tri)
    elif state is State.STOPPED:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r), r * 0.3, r * 0.3)
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(center.x() - r * 0.4, center.y() - r * 0.4, r * 0.8, r * 0.8))
    else:
        pen = QPen(color, max(1.2, r * 0.3), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, r * 0.85, r * 0.85)


class NodeItem(QGraphicsItem):
    """A send port or send port group."""

    def __init__(self, entry: Entry, colors: CanvasColors) -> None:
        super().__init__()
        self.key = (entry.kind, entry.name)
        self.colors = colors
        self.highlighted = False
        self.edges: list[Edge] = []
        self.height = PORT_H if entry.kind is Kind.PORT else GROUP_H
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        self.setZValue(2 if entry.kind is Kind.GROUP else 1)
        # Painted once per zoom level, then blitted while panning (the cache is bounded by
        # QPixmapCache, so memory stays flat however many nodes there are).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.update_from(entry)

    @property
    def kind(self) -> Kind:
        return self.key[0]

    @property
    def name(self) -> str:
        return self.key[1]

    def update_from(self, entry: Entry) -> None:
        """Take the display data from ``entry``; text is elided when first painted up close."""
        self.key = (entry.kind, entry.name)
        self.state = entry.state
        self.application = entry.application
        self.entry = entry
        self._text: tuple[str, str, str] | None = None
        self.update()

    def texts(self) -> tuple[str, str, str]:
        """(name, adapter and kind, address), elided to the node's width (cached)."""
        if self._text is None:
            entry = self.entry
            f = Fonts.get()
            inner = NODE_W - 24
            title = QFontMetricsF(f.name).elidedText(entry.name, Qt.TextElideMode.ElideRight, inner - 86)
            if entry.kind is Kind.PORT:
                line2 = QFontMetricsF(f.small).elidedText(
                    f"{entry.adapter or '—'} · {entry_text.port_kind_text(entry.is_static, entry.is_two_way)}",
                    Qt.TextElideMode.ElideRight,
                    inner,
                )
                address = entry.address or (tr("(set at run time)") if not entry.is_static else tr("(no address)"))
                line3 = QFontMetricsF(f.mono).elidedText(address, Qt.TextElideMode.ElideMiddle, inner)
            else:
                n = len(entry.members)
                line2 = tr("Send port group · 1 member") if n == 1 else tr("Send port group · %d members") % n
                line3 = ""
            self._text = (title, line2, line3)
        return self._text

    def outline_title(self, font: QFont) -> str:
        """The name for the outline view: elided in the middle (the ends of dotted BizTalk
        names tell ports apart), cached for the font size in use."""
        key = font.pointSizeF()
        cached = getattr(self, "_outline", None)
        if cached is None or cached[0] != key or cached[2] != self.entry.name:
            text = QFontMetricsF(font).elidedText(self.entry.name, Qt.TextElideMode.ElideMiddle, NODE_W - 48)
            self._outline = cached = (key, text, self.entry.name)
        return cached[1]

    @property
    def title(self) -> str:
        return self.texts()[0]

    @property
    def line2(self) -> str:
        return self.texts()[1]

    @property
    def line3(self) -> str:
        return self.texts()[2]

    def matches(self, needle: str) -> bool:
        e = self.entry
        return needle in e.name.lower() or needle in (e.address or "").lower() or needle in (e.adapter or "").lower()

    def boundingRect(self) -> QRectF:
        return QRectF(-3, -3, NODE_W + 6, self.height + 6)

    def rect(self) -> QRectF:
        return QRectF(0, 0, NODE_W, self.height)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.rect(), RADIUS, RADIUS)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.colors
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        selected = self.isSelected()
        rect = self.rect()
        is_group = self.kind is Kind.GROUP
        fill = QColor(c.group_fill if is_group else c.node_fill)
        if self.highlighted:
            fill = QColor(c.highlight)
        border = QColor(c.selection if selected else (c.group_border if is_group else c.node_border))
        painter.setPen(QPen(border, 2.5 if selected else 1.2))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        color = state_color(c, self.state)
        # State stripe on the left edge (with the badge's shape, colour is never the only cue).
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(1.5, 1.5, 5, rect.height() - 3), 2, 2)
        if is_group:
            painter.setPen(QPen(QColor(c.group_border), 1.0, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), RADIUS - 3, RADIUS - 3)
        f = Fonts.get()
        if lod < DETAIL_LOD:
            # Outline view: the name alone, written large enough to read at this scale.
            font = f.scaled(min(6.5 / max(lod, 0.05), 20.0))
            painter.setFont(font)
            painter.setPen(QColor(c.node_text))
            painter.drawText(
                rect.adjusted(14, 0, -34, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self.outline_title(font),
            )
            draw_state_shape(painter, self.state, QPointF(rect.right() - 18, rect.center().y()), 9, color)
            return
        painter.setFont(f.name)
        painter.setPen(QColor(c.node_text))
        painter.drawText(
            QRectF(14, 8, NODE_W - 24, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title
        )
        painter.setFont(f.small)
        painter.setPen(QColor(c.secondary_text))
        painter.drawText(
            QRectF(14, 29, NODE_W - 24, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.line2
        )
        if self.line3:
            painter.setFont(f.mono)
            painter.drawText(
                QRectF(14, 49, NODE_W - 24, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.line3
            )
        # Badge: shape + word.
        painter.setFont(f.badge)
        label = entry_text.state_text(self.state)
        tw = QFontMetricsF(f.badge).horizontalAdvance(label)
        badge = QRectF(NODE_W - tw - 30, 8, tw + 22, 18)
        painter.setPen(QPen(color, 1.0))
        painter.setBrush(QColor(c.node_fill))
        painter.drawRoundedRect(badge, 9, 9)
        draw_state_shape(painter, self.state, QPointF(badge.left() + 9, badge.center().y()), 5, color)
        painter.setPen(color)
        painter.drawText(
            badge.adjusted(16, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label
        )

    def moved(self) -> None:
        """Keep edges attached after the node moved (called by the scene and the view; a Python
        ``itemChange`` override would be called for every change of every item)."""
        for edge in self.edges:
            edge.adjust()


class Edge:
    """Group membership: from the group to a member port. Not an item of its own: thousands
    of long lines would defeat the scene's spatial index; :class:`EdgeLayer` draws them."""

    __slots__ = ("group", "layer", "line", "port")

    def __init__(self, group: NodeItem, port: NodeItem, layer: EdgeLayer) -> None:
        self.group, self.port, self.layer = group, port, layer
        self.line = QLineF()
        group.edges.append(self)
        port.edges.append(self)
        self.adjust()

    def adjust(self) -> None:
        g, p = self.group, self.port
        if p.y() + p.height < g.y():  # member above its group
            self.line = QLineF(g.x() + NODE_W / 2, g.y(), p.x() + NODE_W / 2, p.y() + p.height)
        else:
            self.line = QLineF(g.x() + NODE_W / 2, g.y() + g.height, p.x() + NODE_W / 2, p.y())
        self.layer.changed_edge(self)

    def detach(self) -> None:
        for node in (self.group, self.port):
            if self in node.edges:
                node.edges.remove(self)
        self.layer.remove(self)


class EdgeLayer(QGraphicsItem):
    """Every membership edge, drawn in one call (only up close; far out the overview does)."""

    def __init__(self, colors: CanvasColors) -> None:
        super().__init__()
        self.colors = colors
        self._edges: set[Edge] = set()
        self._lines: list[QLineF] | None = None
        self._rect = QRectF()
        self._grid: dict[tuple[int, int], list[QLineF]] = {}
        self.setZValue(0)
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
        r = QRectF(edge.line.p1(), edge.line.p2()).normalized().adjusted(-2, -2, 2, 2)
        if not self._rect.contains(r):
            self.prepareGeometryChange()
            self._rect = self._rect.united(r)
        self.update()

    CELL = 2000.0

    def lines(self) -> list[QLineF]:
        if self._lines is None:
            self._lines = [e.line for e in self._edges]
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


class FrameItem(QGraphicsItem):
    """An application: a titled frame behind its ports and groups."""

    def __init__(self, application: str, colors: CanvasColors) -> None:
        super().__init__()
        self.application = application
        self.colors = colors
        self._rect = QRectF()
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect.adjusted(-24, -TITLE_H - 8, 24, 24)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.colors
        painter.setPen(QPen(QColor(c.group_border), 1.0))
        frame = QColor(c.grid)
        frame.setAlpha(60)
        painter.setBrush(frame)
        painter.drawRoundedRect(self._rect, 14, 14)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        f = Fonts.get()
        font = QFont(f.title)
        if lod < OVERVIEW_LOD:  # keep the title readable far out
            font.setPointSizeF(min(16.0 / max(lod, 0.02) * 0.35, 400.0))
        painter.setFont(font)
        painter.setPen(QColor(c.secondary_text))
        title_h = max(TITLE_H, QFontMetricsF(font).height() + 8)
        painter.drawText(
            QRectF(self._rect.left() + 16, self._rect.top() + 4, self._rect.width() - 32, title_h),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.application,
        )


class OverviewItem(QGraphicsItem):
    """Far out, every node at once: a few batched drawing calls instead of one per node."""

    def __init__(self, colors: CanvasColors) -> None:
        super().__init__()
        self.colors = colors
        self._rect = QRectF()
        self._rects: dict[tuple[bool, State], list[QRectF]] = {}
        self._selected: list[QRectF] = []
        self._highlighted: list[QRectF] = []
        self._lines: list[QLineF] = []
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        # Panning far out blits the cached picture instead of redrawing thousands of shapes.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def rebuild(self, nodes: list[NodeItem], edges: list[Edge]) -> None:
        self.prepareGeometryChange()
        rects: dict[tuple[bool, State], list[QRectF]] = {}
        selected, highlighted = [], []
        bounds = QRectF()
        for n in nodes:
            r = QRectF(n.x(), n.y(), NODE_W, n.height)
            rects.setdefault((n.kind is Kind.GROUP, n.state), []).append(r)
            if n.isSelected():
                selected.append(r)
            if n.highlighted:
                highlighted.append(r)
            bounds = bounds.united(r)
        self._rects, self._selected, self._highlighted = rects, selected, highlighted
        self._lines = [e.line for e in edges]
        self._rect = bounds

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-40, -40, 40, 40)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        c = self.colors
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # thousands of rects: sharp is fast
        scale = max(option.levelOfDetailFromTransform(painter.worldTransform()), 0.01)
        painter.setPen(QPen(QColor(c.edge), 1.0 / scale))
        painter.drawLines(self._lines)
        for (is_group, state), rects in self._rects.items():
            painter.setPen(QPen(QColor(c.group_border if is_group else c.node_border), 1.0 / scale))
            painter.setBrush(QBrush(state_color(c, state)))
            painter.drawRects(rects)
        if self._highlighted:
            painter.setPen(QPen(QColor(c.highlight), 6.0 / scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._highlighted)
        if self._selected:
            painter.setPen(QPen(QColor(c.selection), 4.0 / scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self._selected)
