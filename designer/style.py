"""Look and feel: light and dark palettes for Qt's Fusion style, icons, canvas colours.

Icons are SVG files in ``resources/icons`` drawn with one neutral stroke colour
(:data:`NEUTRAL_STROKE`). The dark theme replaces that colour with :data:`DARK_STROKE` as
text before rendering, because Qt's SVG renderer does not resolve ``currentColor``
reliably; coloured parts (state and problem badges) keep their colours in both themes.
Icons already set on widgets do not change with the theme: after :func:`apply_theme`,
whoever set them asks :func:`icon` again.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

__all__ = [
    "DARK_STROKE",
    "NEUTRAL_STROKE",
    "THEMES",
    "CanvasColors",
    "Theme",
    "apply_theme",
    "canvas_colors",
    "clear_icon_cache",
    "current_theme",
    "icon",
    "icon_names",
    "palette",
    "resources_dir",
    "theme_label",
]

log = logging.getLogger(__name__)

Theme = Literal["light", "dark"]
THEMES: tuple[Theme, ...] = ("light", "dark")
#: The one stroke colour of the icon files, and what the dark theme draws instead.
NEUTRAL_STROKE = "#3c4043"
DARK_STROKE = "#e8eaed"
#: Logical sizes of the pixmaps a recoloured icon carries (each also at 2x and screen ratios).
ICON_SIZES = (16, 24, 32, 48)

_current: Theme = "light"
_icon_cache: dict[tuple[str, bool], QIcon] = {}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Theme", text)


# -- resources -------------------------------------------------------------------------------


@cache
def resources_dir() -> Path:
    """The ``resources`` folder: next to ``designer/`` in a checkout or an installed wheel."""
    beside = Path(__file__).resolve().parent.parent / "resources"
    if (beside / "icons").is_dir():
        return beside
    # Installed some other way (e.g. designer and resources in different site folders).
    spec = importlib.util.find_spec("resources")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location)
        if (path / "icons").is_dir():
            return path
    raise FileNotFoundError("Portwright's resources folder (icons, samples) is missing; reinstall Portwright")


def icon_names() -> list[str]:
    """Names of every icon file (without ``.svg``), sorted."""
    return sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))


# -- icons -----------------------------------------------------------------------------------


def icon(name: str, dark: bool | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg``, for the dark theme or not (default: current).

    Cached: the same name and theme give the same ``QIcon`` object. A missing file gives a
    null icon and a logged warning rather than an error in the middle of building a window.
    Needs a ``QGuiApplication``.
    """
    dark = current_theme() == "dark" if dark is None else dark
    key = (name, dark)
    found = _icon_cache.get(key)
    if found is not None:
        return found
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.is_file():
        log.warning("icon %r not found in %s", name, path.parent)
        return QIcon()
    result = _recoloured_icon(path) if dark else _file_icon(path)
    _icon_cache[key] = result
    return result


def clear_icon_cache() -> None:
    """Forget loaded icons (after the screens' pixel ratios change, or in tests)."""
    _icon_cache.clear()


def _file_icon(path: Path) -> QIcon:
    """A scalable icon through Qt's SVG icon engine; rendered pixmaps if that plugin is missing."""
    scalable = QIcon(str(path))
    if not scalable.pixmap(16, 16).isNull():
        return scalable
    return _rendered_icon(path.read_bytes())


def _recoloured_icon(path: Path) -> QIcon:
    text = path.read_text(encoding="utf-8").replace(NEUTRAL_STROKE, DARK_STROKE)
    return _rendered_icon(text.encode("utf-8"))


def _pixel_ratios() -> list[float]:
    ratios = {1.0, 2.0}
    for screen in QGuiApplication.screens():
        ratios.add(float(screen.devicePixelRatio()))
    return sorted(ratios)


def _rendered_icon(svg: bytes) -> QIcon:
    """A QIcon holding pixmaps of ``svg`` at every size of :data:`ICON_SIZES` and pixel ratio."""
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    for ratio in _pixel_ratios():
        for size in ICON_SIZES:
            side = round(size * ratio)
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, side, side))
            painter.end()
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap)
    return result


# -- palettes --------------------------------------------------------------------------------

#: Colours of each theme by QPalette role; ``(active, disabled)`` where they differ.
_ROLE = QPalette.ColorRole
_PALETTES: dict[Theme, dict[QPalette.ColorRole, str | tuple[str, str]]] = {
    "light": {
        _ROLE.Window: "#f1f3f4",
        _ROLE.WindowText: ("#202124", "#9aa0a6"),
        _ROLE.Base: ("#ffffff", "#f8f9fa"),
        _ROLE.AlternateBase: "#f8f9fa",
        _ROLE.Text: ("#202124", "#9aa0a6"),
        _ROLE.PlaceholderText: ("#80868b", "#bdc1c6"),
        _ROLE.Button: "#f8f9fa",
        _ROLE.ButtonText: ("#202124", "#9aa0a6"),
        _ROLE.BrightText: "#ffffff",
        _ROLE.Light: "#ffffff",
        _ROLE.Midlight: "#e8eaed",
        _ROLE.Mid: "#c4c7c5",
        _ROLE.Dark: "#9aa0a6",
        _ROLE.Shadow: "#5f6368",
        _ROLE.Highlight: ("#1a73e8", "#c4c7c5"),
        _ROLE.HighlightedText: ("#ffffff", "#f1f3f4"),
        _ROLE.Link: "#1a73e8",
        _ROLE.LinkVisited: "#8430ce",
        _ROLE.ToolTipBase: "#ffffff",
        _ROLE.ToolTipText: "#202124",
        _ROLE.Accent: ("#1a73e8", "#c4c7c5"),
    },
    "dark": {
        _ROLE.Window: "#202124",
        _ROLE.WindowText: ("#e8eaed", "#6f7378"),
        _ROLE.Base: ("#17181a", "#1e1f22"),
        _ROLE.AlternateBase: "#1e1f22",
        _ROLE.Text: ("#e8eaed", "#6f7378"),
        _ROLE.PlaceholderText: ("#8e9297", "#5f6368"),
        _ROLE.Button: "#2d2e31",
        _ROLE.ButtonText: ("#e8eaed", "#6f7378"),
        _ROLE.BrightText: "#ffffff",
        _ROLE.Light: "#45474b",
        _ROLE.Midlight: "#3a3b3f",
        _ROLE.Mid: "#28292c",
        _ROLE.Dark: "#141517",
        _ROLE.Shadow: "#000000",
        _ROLE.Highlight: ("#3b78e7", "#3c4043"),
        _ROLE.HighlightedText: ("#ffffff", "#9aa0a6"),
        _ROLE.Link: "#8ab4f8",
        _ROLE.LinkVisited: "#c58af9",
        _ROLE.ToolTipBase: "#303134",
        _ROLE.ToolTipText: "#e8eaed",
        _ROLE.Accent: ("#3b78e7", "#3c4043"),
    },
}
#: Selection in a window that does not have the focus: visible, but quieter.
_INACTIVE_HIGHLIGHT: dict[Theme, tuple[str, str]] = {
    "light": ("#d2e3fc", "#202124"),
    "dark": ("#2f3e57", "#e8eaed"),
}


def theme_named(theme: str) -> Theme:
    """``theme`` as a :data:`Theme`; ValueError for a name that is not one."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; use one of {', '.join(THEMES)}")
    return theme  # type: ignore[return-value]


def palette(theme: Theme) -> QPalette:
    """The Fusion palette of ``theme``, with disabled and inactive colours."""
    colors = _PALETTES[theme_named(theme)]
    result = QPalette()
    group = QPalette.ColorGroup
    for role, value in colors.items():
        normal, disabled = value if isinstance(value, tuple) else (value, value)
        result.setColor(role, QColor(normal))
        result.setColor(group.Disabled, role, QColor(disabled))
    highlight, text = _INACTIVE_HIGHLIGHT[theme]
    result.setColor(group.Inactive, _ROLE.Highlight, QColor(highlight))
    result.setColor(group.Inactive, _ROLE.HighlightedText, QColor(text))
    return result


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Switch ``app`` to Fusion with the palette of ``theme``.

    No application style sheet: Qt then wraps every widget's style in its (slow) style sheet
    engine, which made opening a large workspace a third slower; the palette carries the
    theme, tooltips included."""
    global _current
    theme = theme_named(theme)
    app.setStyleSheet("")
    app.setStyle("Fusion")  # before the palette: setting a style resets it
    app.setPalette(palette(theme))
    _current = theme


def current_theme() -> Theme:
    """The theme last applied (``"light"`` until :func:`apply_theme` says otherwise)."""
    return _current


def theme_label(theme: Theme) -> str:
    """The theme's name as shown to the user, translated."""
    return {"light": _tr("Light"), "dark": _tr("Dark")}[theme_named(theme)]


# -- canvas ----------------------------------------------------------------------------------


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
