"""The toolbar's environment switcher: which environment's values the canvas shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QWidget

from designer.settings_door import SettingsDoor


class EnvironmentBox(QComboBox):
    """ "Design" (the design's own text, tokens and all), then every environment of the settings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentBox")
        self.setToolTip(
            QCoreApplication.translate(
                "EnvironmentBox", "Show the canvas with this environment's values (◆ marks a value taken from settings)"
            )
        )
        self.setStatusTip(self.toolTip())
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._door: SettingsDoor | None = None
        self.currentIndexChanged.connect(self._on_current_index_changed)

    def attach(self, door: SettingsDoor) -> None:
        """Follow ``door`` (a new workspace's): its environments, and the one it shows."""
        self._door = door
        door.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        door = self._door
        if door is None:
            return
        names = door.environment_names()
        with QSignalBlocker(self):
            self.clear()
            self.addItem(QCoreApplication.translate("EnvironmentBox", "Design"), "")
            for name in names:
                self.addItem(name, name)
            index = self.findData(door.environment)
            self.setCurrentIndex(max(index, 0))
        self.setEnabled(bool(names))
        if door.environment and door.environment not in names:
            door.set_environment("")  # its environment is gone

    def _on_current_index_changed(self, _index: int) -> None:
        if self._door is not None:
            self._door.set_environment(self.currentData() or "")
