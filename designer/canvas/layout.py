"""Automatic layout of the canvas: groups next to their members, applications as blocks.

Pure geometry (no Qt), linear in the number of nodes, so it stays quick and readable
with thousands of ports: each application is a block; in it every group heads a column
of its member ports (wrapping into several columns when long), and ports in no group
follow in a compact grid. Blocks are placed in rows of roughly equal width.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from model.lifecycle import Kind

NODE_W = 240.0
PORT_H = 78.0
GROUP_H = 64.0
GAP_X = 36.0
GAP_Y = 22.0
COLUMN_MAX = 8  # members stacked under a group before wrapping to another column
BLOCK_GAP = 120.0
TITLE_H = 44.0  # room for the application's title above its block

Key = tuple[Kind, str]


@dataclass(frozen=True)
class Node:
    kind: Kind
    name: str
    application: str
    members: tuple[str, ...] = ()


@dataclass
class Block:
    application: str
    positions: dict[Key, tuple[float, float]]
    width: float
    height: float


def _column_count(n: int) -> int:
    return max(1, math.ceil(n / COLUMN_MAX))


def _layout_application(app: str, groups: Sequence[Node], ports: Sequence[Node], placed: set[str]) -> Block:
    pos: dict[Key, tuple[float, float]] = {}
    port_names = {p.name for p in ports}
    x = 0.0
    height = 0.0
    for g in sorted(groups, key=lambda n: n.name.lower()):
        members = [m for m in g.members if m in port_names and m not in placed]
        placed.update(members)
        cols = _column_count(len(members))
        col_w = cols * NODE_W + (cols - 1) * GAP_X
        pos[(Kind.GROUP, g.name)] = (x + (col_w - NODE_W) / 2, TITLE_H)
        top = TITLE_H + GROUP_H + GAP_Y * 2
        for i, m in enumerate(members):
            c, r = divmod(i, COLUMN_MAX)
            pos[(Kind.PORT, m)] = (x + c * (NODE_W + GAP_X), top + r * (PORT_H + GAP_Y))
        rows = min(len(members), COLUMN_MAX)
        height = max(height, top + rows * (PORT_H + GAP_Y))
        x += col_w + GAP_X * 2
    rest = sorted((p for p in ports if p.name not in placed), key=lambda n: n.name.lower())
    if rest:
        placed.update(p.name for p in rest)
        cols = max(1, min(len(rest), math.ceil(math.sqrt(len(rest) * 0.8))))
        for i, p in enumerate(rest):
            r, c = divmod(i, cols)
            pos[(Kind.PORT, p.name)] = (x + c * (NODE_W + GAP_X), TITLE_H + r * (PORT_H + GAP_Y))
        rows = math.ceil(len(rest) / cols)
        height = max(height, TITLE_H + rows * (PORT_H + GAP_Y))
        x += cols * (NODE_W + GAP_X)
    width = max(x - GAP_X, NODE_W)
    return Block(app, pos, width, max(height, TITLE_H + PORT_H))


def auto_layout(nodes: Iterable[Node]) -> dict[Key, tuple[float, float]]:
    """Positions (top-left corners) for every node."""
    by_app: dict[str, tuple[list[Node], list[Node]]] = {}
    for n in nodes:
        groups, ports = by_app.setdefault(n.application, ([], []))
        (groups if n.kind is Kind.GROUP else ports).append(n)
    placed: set[str] = set()
    blocks = [_layout_application(app, *by_app[app], placed) for app in sorted(by_app, key=str.lower)]
    if not blocks:
        return {}
    area = sum((b.width + BLOCK_GAP) * (b.height + BLOCK_GAP) for b in blocks)
    target = max(max(b.width for b in blocks), math.sqrt(area * 16 / 9))
    out: dict[Key, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for b in blocks:
        if x > 0 and x + b.width > target:
            x, y, row_h = 0.0, y + row_h + BLOCK_GAP, 0.0
        for key, (px, py) in b.positions.items():
            out[key] = (x + px, y + py)
        x += b.width + BLOCK_GAP
        row_h = max(row_h, b.height)
    return out


def free_spot(occupied: Iterable[tuple[float, float]], near: tuple[float, float] | None = None) -> tuple[float, float]:
    """A place for one new node that overlaps nothing: to the right of the others' extent."""
    pts = list(occupied)
    if not pts:
        return near or (0.0, TITLE_H)
    if near is not None:
        nx, ny = near
        if all(abs(nx - x) >= NODE_W + GAP_X or abs(ny - y) >= PORT_H + GAP_Y for x, y in pts):
            return near
    max_x = max(x for x, _ in pts)
    min_y = min(y for _, y in pts)
    return (max_x + NODE_W + GAP_X * 3, min_y)
