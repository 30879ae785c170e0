"""The canvas as the flows see it: what is selected, selecting and showing, where the view is.

The window attaches the current scene and view (they change with the workspace); flows
hold this object, never the window. ``shown`` tells the panels about a selection made
here, as the scene's own signal does for one made with the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from designer.canvas.items import NodeItem
from designer.canvas.layout import Key
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView
from model.lifecycle import Subject


class CanvasSelection(QObject):
    """The selection of the attached canvas, and the few view moves the flows ask for."""

    shown = Signal(list)  # [(kind_value, name), ...] selected by a flow and revealed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scene: CanvasScene | None = None
        self._view: CanvasView | None = None

    def attach(self, scene: CanvasScene, view: CanvasView) -> None:
        self._scene, self._view = scene, view

    @property
    def scene(self) -> CanvasScene:
        assert self._scene is not None, "no canvas attached"
        return self._scene

    @property
    def view(self) -> CanvasView:
        assert self._view is not None, "no canvas attached"
        return self._view

    def keys(self) -> list[Key]:
        return self.scene.selected_keys()

    def subjects(self) -> list[Subject]:
        return [Subject(k, n) for k, n in self.keys()]

    def select(self, keys: list[Key]) -> None:
        """Select ``keys`` on the canvas (quietly: the caller decides whether to show them)."""
        self.scene.select_keys(keys)

    def reveal(self, key: Key) -> None:
        """Select ``key`` alone, tell the panels, and scroll the view to it."""
        self.scene.select_keys([key])
        self.shown.emit([(key[0].value, key[1])])
        self.view.reveal(key)

    def center(self) -> tuple[float, float]:
        """The scene position at the middle of the visible part of the canvas."""
        point = self.view.mapToScene(self.view.viewport().rect().center())
        return point.x(), point.y()

    def put_back(self, positions: dict[Key, tuple[float, float]]) -> None:
        """Move nodes back where they were (a drag the document refused or turned into an edit)."""
        for key, (x, y) in positions.items():
            item = self.scene.nodes.get(key)
            if item is not None:
                self.scene.place(item, x, y)

    def find(self, text: str) -> list[NodeItem]:
        return self.scene.find(text)

    def fit(self) -> None:
        self.view.fit()

    def fit_later(self) -> None:
        self.view.fit_later()
