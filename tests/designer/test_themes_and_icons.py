"""Themes, icons, canvas colours and the resources folder: both themes, palettes, lookup."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from designer import icons, themes
from designer.canvas.colors import canvas_colors
from designer.resource_paths import resources_dir

#: Every icon the application asks for (designer/actions.py, the explorer, the canvas).
ICONS = (
    "new-port",
    "new-group",
    "import",
    "export",
    "open-workspace",
    "new-workspace",
    "save",
    "undo",
    "redo",
    "copy",
    "paste",
    "duplicate",
    "delete",
    "select-all",
    "find",
    "rename",
    "zoom-in",
    "zoom-out",
    "zoom-fit",
    "auto-layout",
    "minimap",
    "theme",
    "refresh",
    "enlist",
    "unenlist",
    "start",
    "stop",
    "app-start",
    "app-stop",
    "application",
    "send-port",
    "send-port-group",
    "state-started",
    "state-stopped",
    "state-unenlisted",
    "problem-error",
    "problem-warning",
    "problem-info",
    "properties",
    "history",
    "explorer",
    "about",
    "adapter",
    "filter",
    "map",
    "pipeline",
    "certificate",
    "tracking",
    "transport",
    "backup-transport",
    "advanced",
    "general",
    "portwright",
)
Role = QPalette.ColorRole
Group = QPalette.ColorGroup


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application, put back as it was (style, palette, style sheet, theme) afterwards."""
    style_name, pal, sheet, theme = (
        qapp.style().name(),
        QPalette(qapp.palette()),
        qapp.styleSheet(),
        themes.current_theme(),
    )
    yield qapp
    qapp.setStyleSheet(sheet)
    if style_name:
        qapp.setStyle(style_name)
    qapp.setPalette(pal)
    themes._current = theme  # restore module state for the next test


def _opaque_pixels(image: QImage) -> list[QColor]:
    return [
        c for y in range(image.height()) for x in range(image.width()) if (c := image.pixelColor(x, y)).alpha() > 200
    ]


def test_resources_dir_holds_the_icons() -> None:
    folder = resources_dir() / "icons"
    assert folder.is_dir()
    assert set(ICONS) <= set(icons.icon_names())
    assert (resources_dir() / "__init__.py").is_file()  # installs as a package


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("name", ICONS)
def test_every_icon_loads(qapp: QApplication, name: str, dark: bool) -> None:
    loaded = icons.icon(name, dark=dark)
    assert not loaded.isNull()
    for size in (16, 24, 48):
        pixmap = loaded.pixmap(size, size)
        assert not pixmap.isNull()
        assert pixmap.width() == size
        assert _opaque_pixels(pixmap.toImage()), f"{name} draws nothing at {size} px"


def test_dark_icons_draw_the_neutral_stroke_light(qapp: QApplication) -> None:
    light = _opaque_pixels(icons.icon("save", dark=False).pixmap(48, 48).toImage())
    dark = _opaque_pixels(icons.icon("save", dark=True).pixmap(48, 48).toImage())
    assert max(c.lightnessF() for c in light) < 0.4
    assert min(c.lightnessF() for c in dark) > 0.7


def test_coloured_parts_keep_their_colour_in_the_dark(qapp: QApplication) -> None:
    image = icons.icon("state-started", dark=True).pixmap(48, 48).toImage()
    assert image.pixelColor(6, 24).name() == "#1e8e3e"  # the green disc, left of the white triangle


def test_icon_caches(qapp: QApplication) -> None:
    first = icons.icon("save", dark=True)
    assert icons.icon("save", dark=True) is first
    assert icons.icon("save", dark=False) is icons.icon("save", dark=False)
    assert icons.icon("save", dark=False) is not first
    icons.clear_icon_cache()
    assert icons.icon("save", dark=True) is not first


def test_icon_follows_the_current_theme(themed: QApplication) -> None:
    themes.apply_theme(themed, "dark")
    assert icons.icon("undo") is icons.icon("undo", dark=True)
    themes.apply_theme(themed, "light")
    assert icons.icon("undo") is icons.icon("undo", dark=False)


def test_dark_icons_are_sharp_on_high_dpi_screens(qapp: QApplication) -> None:
    pixmap = icons.icon("redo", dark=True).pixmap(QSize(24, 24), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.width() == 48


def test_missing_icon_is_null_and_logged(qapp: QApplication, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="designer.icons"):
        assert icons.icon("no-such-icon").isNull()
    assert "no-such-icon" in caplog.text
    assert isinstance(icons.icon("no-such-icon"), QIcon)


def test_palettes_differ(qapp: QApplication) -> None:
    light, dark = themes.palette("light"), themes.palette("dark")
    for role in (Role.Window, Role.Base, Role.Text, Role.WindowText, Role.Button):
        assert light.color(role) != dark.color(role), role
    assert light.color(Role.Window).lightnessF() > 0.8
    assert dark.color(Role.Window).lightnessF() < 0.2
    assert dark.color(Role.Text).lightnessF() > 0.8


@pytest.mark.parametrize("theme", themes.THEMES)
def test_palette_has_disabled_and_inactive_colours(qapp: QApplication, theme: themes.Theme) -> None:
    pal = themes.palette(theme)
    for role in (Role.Text, Role.WindowText, Role.ButtonText, Role.Highlight):
        assert pal.color(Group.Disabled, role) != pal.color(Group.Active, role), role
    assert pal.color(Group.Inactive, Role.Highlight) != pal.color(Group.Active, Role.Highlight)


@pytest.mark.parametrize("theme", themes.THEMES)
def test_apply_theme(themed: QApplication, theme: themes.Theme) -> None:
    themes.apply_theme(themed, theme)
    assert themes.current_theme() == theme
    assert themed.palette().color(Role.Window) == themes.palette(theme).color(Role.Window)
    assert themed.styleSheet() == ""  # a style sheet would slow every widget down
    assert themed.style().name().lower() == "fusion"
    assert themed.palette().color(Role.ToolTipBase) == themes.palette(theme).color(Role.ToolTipBase)


def test_unknown_theme_is_refused(themed: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        themes.apply_theme(themed, "solarized")  # type: ignore[arg-type]
    assert themes.current_theme() in themes.THEMES


def test_theme_labels(qapp: QApplication) -> None:
    assert [themes.theme_label(t) for t in themes.THEMES] == ["Light", "Dark"]


@pytest.mark.parametrize("theme", themes.THEMES)
def test_canvas_colours(theme: themes.Theme) -> None:
    colors = canvas_colors(theme)
    for name in colors.names():
        assert QColor(getattr(colors, name)).isValid(), name
    assert (colors.started, colors.stopped, colors.unenlisted) == ("#1e8e3e", "#e37400", "#80868b")
    assert colors.node_text != colors.node_fill and colors.selection != colors.node_border


def test_canvas_colours_differ_between_themes() -> None:
    light, dark = canvas_colors("light"), canvas_colors("dark")
    assert light.background != dark.background and light.node_fill != dark.node_fill
    assert QColor(light.background).lightnessF() > QColor(dark.background).lightnessF()
    with pytest.raises(ValueError):
        canvas_colors("sepia")  # type: ignore[arg-type]
