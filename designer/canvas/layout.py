"""Automatic layout of the canvas: groups next to their members, applications as blocks.

Pure geometry (no Qt), linear in the number of nodes, so it stays quick and readable
with thousands of ports: each application is a block; in it every group heads a column
of its member ports (wrapping into several columns when long), and ports in no group
follow in a compact grid. Columns wrap into rows, and blocks into rows, so that the
picture takes the viewport's shape instead of one long strip.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from model.lifecycle import Kind

NODE_W = 260.0
PORT_H = 92.0
GROUP_H = 78.0
GAP_X = 36.0
GAP_Y = 22.0
COLUMN_MAX = 8  # members stacked under a group before wrapping to another column
BLOCK_GAP = 120.0
TITLE_H = 44.0  # room for the application's title above its block
DEFAULT_ASPECT = 16 / 9  # the picture's shape when no viewport says otherwise

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


def _shelves(
    pieces: Sequence[Block], target: float, gap_x: float, gap_y: float
) -> tuple[dict[Key, tuple[float, float]], float, float]:
    """Pieces packed left to right in rows no wider than ``target`` (each row as tall as its tallest)."""
    out: dict[Key, tuple[float, float]] = {}
    x = y = row_h = width = 0.0
    for piece in pieces:
        if x > 0 and x + piece.width > target:
            x, y, row_h = 0.0, y + row_h + gap_y, 0.0
        for key, (px, py) in piece.positions.items():
            out[key] = (x + px, y + py)
        width = max(width, x + piece.width)
        x += piece.width + gap_x
        row_h = max(row_h, piece.height)
    return out, width, y + row_h


def _layout_application(
    app: str, groups: Sequence[Node], ports: Sequence[Node], placed: set[str], aspect: float
) -> Block:
    """One application: a column per group (the group above its members), then its other
    ports in a grid; the pieces wrapped into rows so that the block has about ``aspect``."""
    port_names = {p.name for p in ports}
    pieces: list[Block] = []
    for g in sorted(groups, key=lambda n: n.name.lower()):
        members = [m for m in g.members if m in port_names and m not in placed]
        placed.update(members)
        cols = _column_count(len(members))
        col_w = cols * NODE_W + (cols - 1) * GAP_X
        pos: dict[Key, tuple[float, float]] = {(Kind.GROUP, g.name): ((col_w - NODE_W) / 2, 0.0)}
        top = GROUP_H + GAP_Y * 2
        for i, m in enumerate(members):
            c, r = divmod(i, COLUMN_MAX)
            pos[(Kind.PORT, m)] = (c * (NODE_W + GAP_X), top + r * (PORT_H + GAP_Y))
        rows = min(len(members), COLUMN_MAX)
        pieces.append(Block(app, pos, col_w, top + rows * (PORT_H + GAP_Y) - GAP_Y if rows else GROUP_H))
    rest = sorted((p for p in ports if p.name not in placed), key=lambda n: n.name.lower())
    if rest:
        placed.update(p.name for p in rest)
        cell_w, cell_h = NODE_W + GAP_X, PORT_H + GAP_Y
        cols = max(1, min(len(rest), round(math.sqrt(len(rest) * aspect * cell_h / cell_w))))
        pos = {}
        for i, p in enumerate(rest):
            r, c = divmod(i, cols)
            pos[(Kind.PORT, p.name)] = (c * cell_w, r * cell_h)
        rows = math.ceil(len(rest) / cols)
        pieces.append(Block(app, pos, cols * cell_w - GAP_X, rows * cell_h - GAP_Y))
    area = sum((b.width + GAP_X * 2) * (b.height + GAP_Y * 2) for b in pieces)
    target = max(max(b.width for b in pieces), math.sqrt(area * aspect))
    positions, width, height = _shelves(pieces, target, GAP_X * 2, GAP_Y * 3)
    positions = {k: (x, y + TITLE_H) for k, (x, y) in positions.items()}
    return Block(app, positions, max(width, NODE_W), TITLE_H + max(height, PORT_H))


def auto_layout(nodes: Iterable[Node], aspect: float = DEFAULT_ASPECT) -> dict[Key, tuple[float, float]]:
    """Positions (top-left corners) for every node, the whole picture about ``aspect`` wide
    for one high (the viewport's shape), each application a block of the same shape."""
    aspect = min(max(aspect, 0.3), 4.0)
    by_app: dict[str, tuple[list[Node], list[Node]]] = {}
    for n in nodes:
        groups, ports = by_app.setdefault(n.application, ([], []))
        (groups if n.kind is Kind.GROUP else ports).append(n)
    placed: set[str] = set()
    blocks = [_layout_application(app, *by_app[app], placed, aspect) for app in sorted(by_app, key=str.lower)]
    if not blocks:
        return {}
    area = sum((b.width + BLOCK_GAP) * (b.height + BLOCK_GAP) for b in blocks)
    target = max(max(b.width for b in blocks), math.sqrt(area * aspect))
    out, _w, _h = _shelves(blocks, target, BLOCK_GAP, BLOCK_GAP)
    return out
