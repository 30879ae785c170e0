"""What the window remembers between sessions: its geometry and docks, the minimap and the
theme, and for each workspace the last view (zoom and where it looked).

All of it lives in QSettings, on this computer, never in the workspace: opening and looking
are reads, and a colleague's view is not yours. A workspace is known by a digest of where it
is (without a password), so the settings file does not list where a user's workspaces are.
"""

from __future__ import annotations

import hashlib
import math

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from designer.canvas.view import ViewState
from designer.themes import Theme
from model.store import Workspace

__all__ = ["WindowSettings"]


def _workspace_key(workspace: Workspace) -> str:
    return "views/" + hashlib.sha256(workspace.display.encode("utf-8")).hexdigest()[:24]


class WindowSettings:
    """Reads and writes the window's remembered state in ``settings``."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    # -- the window ----------------------------------------------------------------------------

    def restore_layout(self, window: QMainWindow) -> None:
        """Geometry and dock layout as the window was last closed (if it was)."""
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            window.restoreState(state)

    def save_layout(self, window: QMainWindow) -> None:
        self.settings.setValue("geometry", window.saveGeometry())
        self.settings.setValue("windowState", window.saveState())

    def minimap(self) -> bool:
        return self.settings.value("minimap", "true") in (True, "true")

    def set_minimap(self, on: bool) -> None:
        self.settings.setValue("minimap", on)

    def theme(self) -> Theme:
        return "dark" if self.settings.value("theme", "light") == "dark" else "light"

    def set_theme(self, theme: Theme) -> None:
        self.settings.setValue("theme", theme)

    def sync(self) -> None:
        self.settings.sync()

    # -- each workspace's last view ----------------------------------------------------------------

    def last_view(self, workspace: Workspace) -> ViewState | None:
        """The view ``workspace`` was last left at, or None (never seen, or unreadable)."""
        value = self.settings.value(_workspace_key(workspace))
        if not isinstance(value, str):
            return None
        try:
            zoom, x, y = (float(part) for part in value.split(","))
        except ValueError:
            return None
        if not all(math.isfinite(v) for v in (zoom, x, y)) or zoom <= 0:
            return None
        return ViewState(zoom, x, y)

    def remember_view(self, workspace: Workspace, state: ViewState) -> None:
        self.settings.setValue(_workspace_key(workspace), f"{state.zoom!r},{state.x!r},{state.y!r}")
