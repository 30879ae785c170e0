"""Free slots for new nodes: inside their application's block, never over another node.

Pure geometry (no Qt). Occupied rectangles are hashed into a coarse grid, so finding a slot
among thousands of nodes costs a few lookups per candidate, not a scan of every node.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from designer.canvas.layout import BLOCK_GAP, GAP_X, GAP_Y, NODE_W, PORT_H, TITLE_H

__all__ = ["Occupancy", "Rect"]

Rect = tuple[float, float, float, float]  # x, y, width, height

_CELL_W = NODE_W + GAP_X
_CELL_H = PORT_H + GAP_Y


class Occupancy:
    """The rectangles nodes take on the canvas; answers "is this free?" and "where is room?"."""

    def __init__(self, rects: Iterable[Rect] = ()) -> None:
        self._grid: dict[tuple[int, int], list[Rect]] = {}
        self._all: list[Rect] = []
        for r in rects:
            self.add(r)

    def _cells(self, r: Rect) -> Iterable[tuple[int, int]]:
        x, y, w, h = r
        for gx in range(math.floor(x / _CELL_W), math.floor((x + w) / _CELL_W) + 1):
            for gy in range(math.floor(y / _CELL_H), math.floor((y + h) / _CELL_H) + 1):
                yield gx, gy

    def add(self, r: Rect) -> None:
        self._all.append(r)
        for cell in self._cells(r):
            self._grid.setdefault(cell, []).append(r)

    def is_free(self, r: Rect, margin: float = 8.0) -> bool:
        x, y, w, h = r
        probe = (x - margin, y - margin, w + 2 * margin, h + 2 * margin)
        px, py, pw, ph = probe
        for cell in self._cells(probe):
            for ox, oy, ow, oh in self._grid.get(cell, ()):
                if px < ox + ow and ox < px + pw and py < oy + oh and oy < py + ph:
                    return False
        return True

    def extent(self) -> Rect | None:
        if not self._all:
            return None
        left = min(r[0] for r in self._all)
        top = min(r[1] for r in self._all)
        right = max(r[0] + r[2] for r in self._all)
        bottom = max(r[1] + r[3] for r in self._all)
        return left, top, right - left, bottom - top

    def slot(
        self, size: tuple[float, float], block: Rect | None, near: tuple[float, float] | None = None
    ) -> tuple[float, float]:
        """The top-left corner of a free place of ``size``: in ``block`` (the application's
        nodes' extent) or just beside it, nearest ``near`` when given, else the first in
        reading order; with no block, right of everything (a new application's first node)."""
        w, h = size
        if block is None:
            if near is not None and self.is_free((near[0], near[1], w, h), GAP_X):
                return near
            extent = self.extent()
            if extent is None:
                return near or (0.0, TITLE_H)
            return extent[0] + extent[2] + BLOCK_GAP, extent[1] + TITLE_H
        bx, by, bw, bh = block
        cols = max(1, math.ceil((bw + GAP_X) / _CELL_W))
        rows = max(1, math.ceil((bh + GAP_Y) / _CELL_H))
        for extra in (0, 2, 6, 20):  # the block first, then ever more room below and beside it
            candidates = [
                (bx + c * _CELL_W, by + r * _CELL_H)
                for r in range(rows + extra)
                for c in range(cols + (1 if extra else 0))
            ]
            free = [p for p in candidates if self.is_free((p[0], p[1], w, h))]
            if free:
                if near is None:
                    return free[0]
                return min(free, key=lambda p: (p[0] + w / 2 - near[0]) ** 2 + (p[1] + h / 2 - near[1]) ** 2)
        return bx + cols * _CELL_W, by
