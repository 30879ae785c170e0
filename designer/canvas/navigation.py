"""Keyboard navigation between nodes: the nearest node in the direction of an arrow key.

Pure geometry on node centres: a candidate must lie ahead in that direction; among those the
one with the smallest distance ahead plus twice its distance to the side wins, so that Right
goes to the neighbour in the same row before one diagonally further down.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

__all__ = ["DIRECTIONS", "nearest_in_direction"]

T = TypeVar("T")

#: Unit steps of the four arrow directions, in scene coordinates (y grows downwards).
DIRECTIONS: dict[str, tuple[int, int]] = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


def nearest_in_direction(
    current: tuple[float, float], candidates: Iterable[tuple[T, tuple[float, float]]], direction: str
) -> T | None:
    """The candidate (``(value, centre)``) nearest ``current`` in ``direction``, or None."""
    dx, dy = DIRECTIONS[direction]
    cx, cy = current
    best: tuple[float, T] | None = None
    for value, (x, y) in candidates:
        ahead = (x - cx) * dx + (y - cy) * dy
        if ahead <= 1.0:
            continue
        side = abs((x - cx) * dy) + abs((y - cy) * dx)
        score = ahead + 2 * side
        if best is None or score < best[0]:
            best = (score, value)
    return None if best is None else best[1]
