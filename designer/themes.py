"""Themes: the light and dark palettes for Qt's Fusion style, and which one is applied."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["THEMES", "Theme", "apply_theme", "current_theme", "palette", "theme_label", "theme_named"]

Theme = Literal["light", "dark"]
THEMES: tuple[Theme, ...] = ("light", "dark")

_current: Theme = "light"


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
    _current = theme  # first: widgets told of the new palette ask for the theme's icons
    app.setStyleSheet("")
    app.setStyle("Fusion")  # before the palette: setting a style resets it
    app.setPalette(palette(theme))


def current_theme() -> Theme:
    """The theme last applied (``"light"`` until :func:`apply_theme` says otherwise)."""
    return _current


def theme_label(theme: Theme) -> str:
    """The theme's name as shown to the user, translated."""
    return {"light": QCoreApplication.translate("Theme", "Light"), "dark": QCoreApplication.translate("Theme", "Dark")}[
        theme_named(theme)
    ]
