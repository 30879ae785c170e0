"""Icons: the SVG files in ``resources/icons``, for the light or the dark theme.

The files are drawn with one neutral stroke colour (:data:`NEUTRAL_STROKE`). The dark theme
replaces that colour with :data:`DARK_STROKE` as text before rendering, because Qt's SVG
renderer does not resolve ``currentColor`` reliably; coloured parts (state and problem badges)
keep their colours in both themes. Icons already set on widgets do not change with the theme:
after :func:`designer.themes.apply_theme`, whoever set them asks :func:`icon` again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from designer.resource_paths import resources_dir
from designer.themes import current_theme

__all__ = ["DARK_STROKE", "NEUTRAL_STROKE", "clear_icon_cache", "icon", "icon_names"]

log = logging.getLogger(__name__)

#: The one stroke colour of the icon files, and what the dark theme draws instead.
NEUTRAL_STROKE = "#3c4043"
DARK_STROKE = "#e8eaed"
#: Logical sizes of the pixmaps a recoloured icon carries (each also at 2x and screen ratios).
ICON_SIZES = (16, 24, 32, 48)

_icon_cache: dict[tuple[str, bool], QIcon] = {}


def icon_names() -> list[str]:
    """Names of every icon file (without ``.svg``), sorted."""
    return sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))


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
