"""Where nodes sit as blocks: each application's extent, and a new block laid out below the
others (the scene places nodes added without a position with these)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF

from designer.canvas.items import NodeItem
from designer.canvas.layout import DEFAULT_ASPECT, GROUP_H, NODE_W, PORT_H, Node, auto_layout
from designer.canvas.placement import Occupancy
from designer.document import Key
from model.lifecycle import Kind
from model.store import Entry


def rect_of(item: NodeItem) -> tuple[float, float, float, float]:
    """A node's rectangle in the scene as ``(x, y, w, h)``."""
    return (item.x(), item.y(), NODE_W, item.height)


def application_blocks(items: Iterable[NodeItem]) -> dict[str, tuple[float, float, float, float]]:
    """Each application's nodes' extent as ``(x, y, w, h)``."""
    rects: dict[str, QRectF] = {}
    for item in items:
        r = QRectF(item.x(), item.y(), NODE_W, item.height)
        rects[item.application] = rects[item.application].united(r) if item.application in rects else r
    return {app: (r.x(), r.y(), r.width(), r.height()) for app, r in rects.items()}


def layout_below(
    entries: list[Entry], placed: list[tuple[float, float]], aspect: float = DEFAULT_ASPECT
) -> dict[Key, tuple[float, float]]:
    """Auto-layout ``entries`` as one block under what is already on the canvas."""
    positions = auto_layout((Node(e.kind, e.name, e.application, e.members) for e in entries), aspect)
    if placed and positions:
        top = max(y for _, y in placed) + 260
        left = min(x for x, _ in placed)
        min_y = min(y for _, y in positions.values())
        min_x = min(x for x, _ in positions.values())
        positions = {k: (x - min_x + left, y - min_y + top) for k, (x, y) in positions.items()}
    return positions


def free_slot(
    items: Iterable[NodeItem], application: str | None, kind: Kind, near: tuple[float, float] | None = None
) -> tuple[float, float]:
    """Where a new node of ``kind`` in ``application`` can go without covering one of ``items``."""
    nodes = list(items)
    occupancy = Occupancy(rect_of(n) for n in nodes)
    size = (NODE_W, GROUP_H if kind is Kind.GROUP else PORT_H)
    return occupancy.slot(size, application_blocks(nodes).get(application or ""), near)
