"""Colours of the canvas (background, grid, nodes, edges, states) in each theme."""

from __future__ import annotations

from dataclasses import dataclass, fields

from designer.themes import Theme, current_theme, theme_named

__all__ = ["CanvasColors", "canvas_colors"]


@dataclass(frozen=True)
class CanvasColors:
    """Colours of the canvas as ``#rrggbb`` strings (``QColor(value)`` ready)."""

    background: str
    grid: str
    node_fill: str
    node_border: str
    node_text: str
    secondary_text: str
    selection: str
    highlight: str  # a node matching "find": its fill, and the minimap's outline
    group_fill: str
    group_border: str
    edge: str
    started: str
    stopped: str
    unenlisted: str

    def names(self) -> list[str]:
        """Field names, in declaration order."""
        return [f.name for f in fields(self)]


#: The state colours are the same in both themes, and the same as the state icons'.
_STATES = {"started": "#1e8e3e", "stopped": "#e37400", "unenlisted": "#80868b"}
_CANVAS: dict[Theme, CanvasColors] = {
    "light": CanvasColors(
        background="#f8f9fa", grid="#e3e5e8", node_fill="#ffffff", node_border="#c4c7c5",
        node_text="#202124", secondary_text="#5f6368", selection="#1a73e8", highlight="#fdd663",
        group_fill="#e8f0fe", group_border="#669df6", edge="#9aa0a6", **_STATES,
    ),
    "dark": CanvasColors(
        background="#1b1c1e", grid="#2a2b2e", node_fill="#2d2e31", node_border="#4a4c50",
        node_text="#e8eaed", secondary_text="#9aa0a6", selection="#8ab4f8", highlight="#7a5c00",
        group_fill="#1f2d44", group_border="#5b8def", edge="#6f7378", **_STATES,
    ),
}  # fmt: skip


def canvas_colors(theme: Theme | None = None) -> CanvasColors:
    """Canvas colours of ``theme`` (default: the current theme)."""
    return _CANVAS[theme_named(current_theme() if theme is None else theme)]
