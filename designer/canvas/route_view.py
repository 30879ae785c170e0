"""The canvas answering "who receives this message": the routing panel's recipients ringed in
their outcome's colour (delivered, suspended, not subscribed; groups the message matched in
the highlight colour), on a layer of their own above the frames and below the nodes."""

from __future__ import annotations

from PySide6.QtCore import QObject

from designer.canvas.colors import CanvasColors
from designer.canvas.highlights import HighlightLayer, node_box
from designer.canvas.scene import CanvasScene
from designer.panels.routing_panel import OUTCOME_COLORS
from model.lifecycle import Kind
from model.routing.evaluate import Outcome


class RouteView(QObject):
    def __init__(self, scene: CanvasScene, colors: CanvasColors) -> None:
        super().__init__(scene)
        self._scene = scene
        self.layer = HighlightLayer(colors)
        self.layer.setZValue(0.4)  # under the find rings
        scene.addItem(self.layer)
        self.layer.area_changed()
        self._shown: dict[tuple[str, str], str] = {}
        scene.doc.positions_changed.connect(lambda _keys: self._draw())
        scene.doc.reloaded.connect(self._draw)

    def show(self, routed: dict[tuple[str, str], str]) -> None:
        """Ring ``routed`` ((kind, name) -> outcome value, or "group"); empty: none."""
        self._shown = dict(routed)
        self._draw()

    def shown(self) -> dict[tuple[Kind, str], str]:
        return {(Kind(k), n): o for (k, n), o in self._shown.items()}

    def _draw(self) -> None:
        boxes, tints = {}, {}
        for (kind, name), outcome in self._shown.items():
            item = self._scene.nodes.get((Kind(kind), name))
            if item is None:
                continue
            key = item.key
            boxes[key] = node_box(item)
            if outcome != "group":
                tints[key] = OUTCOME_COLORS[Outcome(outcome)]
        self.layer.area_changed()
        self.layer.set_boxes(boxes, tints)
