"""The canvas area: the view of a workspace's scene, with the minimap overlay in its corner."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from designer.canvas.minimap import Minimap
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView


class CanvasArea(QWidget):
    """The view with its minimap overlay kept in the corner; it owns the scene it shows.

    The scene is this widget's child: it goes when the area goes (a workspace switch, the
    window closing), after the view that draws it and the minimap that listens to it."""

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__()
        self.view = CanvasView(scene, self)
        self.view.setObjectName("canvas")
        scene.setParent(self)  # after the view: children are deleted in order, the view first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.minimap = Minimap(self.view)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.minimap.place()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.minimap.place()
