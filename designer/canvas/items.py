"""Canvas items: send port and group nodes, and application frames.

Items hold an id and cached display text, never model objects (house rule 6). Painting
is by level of detail: close up a node shows its label, adapter, kind, address and a state
badge; further out only its outline, label and badge shape, the label at a fixed size on
screen; far out the nodes are drawn all at once by :class:`~designer.canvas.overview.OverviewItem`.
Labels come from the scene's :class:`~designer.canvas.labels.LabelBook`: the end of the name
that tells the node apart from the others of its application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from designer import entry_text
from designer.canvas.colors import CanvasColors
from designer.canvas.labels import ELLIPSIS, LabelBook, tails, two_lines
from designer.canvas.layout import GROUP_H, NODE_W, PORT_H, TITLE_H
from model.lifecycle import Kind, State
from model.store import Entry

if TYPE_CHECKING:
    from designer.canvas.edges import Edge


#: The lowest zoom at which nodes' names can be read: opening and Fit never go below it.
READABLE_ZOOM = 0.5
#: Below this scale the overview draws the nodes; between it and DETAIL_LOD, outlines only.
OVERVIEW_LOD = 0.3
DETAIL_LOD = 0.75
#: The size on screen of a node's label in the outline and overview drawings (points).
OUTLINE_LABEL_PT = 8.5
OVERVIEW_LABEL_PT = 8.5
FRAME_TITLE_PT = 10.5
#: Width of the name up close (the full inner width: the badge sits on the second line).
TITLE_W = NODE_W - 24
OUTLINE_W = NODE_W - 42
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


def searchable(entry: Entry) -> str:
    """What find looks in, casefolded: the name, the address and the adapter."""
    return "\n".join((entry.name, entry.address or "", entry.adapter or "")).casefold()


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

    def __init__(self, entry: Entry, colors: CanvasColors, book: LabelBook | None = None) -> None:
        super().__init__()
        self.key = (entry.kind, entry.name)
        self.colors = colors
        self.book = book if book is not None else LabelBook()
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
        #: the address as the environment the window shows has it (None: the design's own)
        self.shown_address: str | None = getattr(self, "shown_address", None)
        self._text: tuple[str, str] | None = None
        self._search: str | None = None
        self.update()

    def show_address(self, address: str | None) -> None:
        """Show ``address`` (an environment's value, marked ◆) instead of the design's; None: the design's."""
        if address != self.shown_address:
            self.shown_address = address
            self._text = None
            self.update()

    def texts(self) -> tuple[str, str, str]:
        """(label, adapter and kind, address), each fitted to the node's width."""
        if self._text is None:
            entry = self.entry
            f = Fonts.get()
            inner = NODE_W - 24
            if entry.kind is Kind.PORT:
                line2 = QFontMetricsF(f.small).elidedText(
                    f"{entry.adapter or '—'} · {entry_text.port_kind_text(entry.is_static, entry.is_two_way)}",
                    Qt.TextElideMode.ElideRight,
                    inner,
                )
                address = (
                    "◆ " + self.shown_address
                    if self.shown_address is not None
                    else entry.address
                    or (
                        QCoreApplication.translate("Canvas", "(set at run time)")
                        if not entry.is_static
                        else QCoreApplication.translate("Canvas", "(no address)")
                    )
                )
                line3 = QFontMetricsF(f.mono).elidedText(address, Qt.TextElideMode.ElideMiddle, inner)
            else:
                n = len(entry.members)
                line2 = (
                    QCoreApplication.translate("Canvas", "Send port group · 1 member")
                    if n == 1
                    else QCoreApplication.translate("Canvas", "Send port group · %d members") % n
                )
                line3 = ""
            self._text = (line2, line3)
        return (self.label(Fonts.get().name, TITLE_W), *self._text)

    def label(self, font: QFont, width: float) -> str:
        """The name's distinguishing end in ``font``, fitted to ``width`` (unique in the application)."""
        return self.book.label(self.application, self.name, font, width)

    def outline_title(self, font: QFont) -> str:
        """The one-line label for the outline view, in the font in use there."""
        return self.label(font, OUTLINE_W)

    def outline_text(self, font: QFont) -> str:
        """What the outline view writes: the label on two lines (broken after a dot) when
        two fit in the node and the longer label is needed, else on one."""
        one = self.outline_title(font)
        metrics = QFontMetricsF(font)
        if one == self.name or metrics.lineSpacing() * 2 > self.height - 6:
            return one
        longer = self.label(font, OUTLINE_W * 1.9)  # as distinct from the others as ``one``
        lines = two_lines(longer, metrics, OUTLINE_W)
        if lines is not None:
            return "\n".join(lines)
        end = one[1:] if one.startswith(ELLIPSIS) else one
        for candidate in tails(longer):  # the longest that breaks into two lines, never less than ``one``
            if not candidate.endswith(end) or len(candidate) <= len(one):
                break
            lines = two_lines(candidate, metrics, OUTLINE_W)
            if lines is not None:
                return "\n".join(lines)
        lines = two_lines(longer, metrics, OUTLINE_W, cut=True)
        return one if lines is None else "\n".join(lines)

    @property
    def highlighted(self) -> bool:
        """Whether the node matches the find text (the scene's highlight layer draws that)."""
        layer = getattr(self.scene(), "highlights", None)
        return layer is not None and self.key in layer

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
        """Whether the casefolded ``needle`` is in the name, the address or the adapter."""
        return needle in self.search_text()

    def search_text(self) -> str:
        """What find looks in, casefolded once per entry shown: the name, address and adapter."""
        if self._search is None:
            self._search = searchable(self.entry)
        return self._search

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
            # Outline view: the label alone, at a fixed size on screen whatever the zoom.
            font = f.scaled(OUTLINE_LABEL_PT / max(lod, 0.05))
            painter.setFont(font)
            painter.setPen(QColor(c.node_text))
            text = self.outline_text(font)
            flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(rect.adjusted(12, 2, -30, -2), flags, text)
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
        # Badge: shape + word, at the bottom right (the first line is the name's, all of it).
        painter.setFont(f.badge)
        label = entry_text.state_text(self.state)
        tw = QFontMetricsF(f.badge).horizontalAdvance(label)
        badge = QRectF(NODE_W - tw - 30, rect.height() - 26, tw + 22, 18)
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
        if lod < 1.0:  # as readable on screen as the band above the nodes lets it be
            font.setPointSizeF(min(FRAME_TITLE_PT / max(lod, 0.02), 600.0))
            height = QFontMetricsF(font).height()
            if height > TITLE_H:
                font.setPointSizeF(font.pointSizeF() * TITLE_H / height)
        painter.setFont(font)
        painter.setPen(QColor(c.secondary_text))
        painter.drawText(
            QRectF(self._rect.left() + 16, self._rect.top() + 4, self._rect.width() - 32, TITLE_H),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.application,
        )
