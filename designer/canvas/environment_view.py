"""The canvas in an environment's values: each port whose address holds tokens shows that
environment's address, marked ◆ (its tooltip names the settings it comes from); with no
environment chosen, the design's own text, tokens and all. Nothing is written."""

from __future__ import annotations

from PySide6.QtCore import QObject

from designer.canvas.scene import CanvasScene
from designer.settings_door import SettingsDoor
from model.lifecycle import Kind


class EnvironmentView(QObject):
    def __init__(self, scene: CanvasScene, door: SettingsDoor) -> None:
        super().__init__(scene)
        self._scene, self._door = scene, door
        door.environment_changed.connect(self.refresh)
        scene.doc.reloaded.connect(self.refresh)
        scene.doc.item_changed.connect(self._on_doc_item_changed)
        scene.doc.item_added.connect(self._on_doc_item_changed)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        for key in list(self._scene.nodes):
            self._show(key)

    def _on_doc_item_changed(self, kind: str, name: str) -> None:
        self._show((Kind(kind), name))

    def _show(self, key: tuple[Kind, str]) -> None:
        item = self._scene.nodes.get(key)
        if item is None or key[0] is not Kind.PORT:
            return
        text, used = self._door.shown(item.application, item.entry.address)
        item.show_address(text if used else None)

    def sources(self, key: tuple[Kind, str]) -> tuple[str, list[str]]:
        """The environment shown and the settings the port's address comes from (for its tooltip)."""
        item = self._scene.nodes.get(key)
        if item is None or not self._door.environment:
            return "", []
        return self._door.environment, self._door.shown(item.application, item.entry.address)[1]
