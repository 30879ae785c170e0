"""Refused shortcuts say why.

A greyed action stays greyed in menus and toolbars (what it would do is not possible now), but
Qt drops the key press of a disabled action's shortcut without a word. So each action the
rules may refuse gets a twin shortcut, active exactly while the action is disabled, that tells
the reason where the user is looking: in the status bar and in a note beside the selection.
Text fields keep their keys (Delete in the find box deletes text): Qt offers a key to the
focused widget before any window shortcut, for these twins as for the actions themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QWidget

from designer.actions import Actions
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView


class RefusalShortcuts(QObject):
    """For each refusable action of ``actions``: a twin shortcut on ``window`` that, while the
    action is disabled, calls ``report`` with the action's reason."""

    def __init__(self, window: QWidget, actions: Actions, report: Callable[[str, str], None]) -> None:
        super().__init__(window)
        self._actions = actions
        self._report = report
        self.shortcuts: dict[str, QShortcut] = {}
        for action_id in actions.refusable_ids():
            action = actions[action_id]
            if not action.shortcuts():
                continue
            twin = QShortcut(window)
            twin.setObjectName(f"refused.{action_id}")
            twin.setKeys(action.shortcuts())
            twin.setContext(Qt.ShortcutContext.WindowShortcut)
            twin.setAutoRepeat(False)
            twin.activated.connect(functools.partial(self._refused, action_id))
            action.changed.connect(functools.partial(self._sync, action_id))
            self.shortcuts[action_id] = twin
            self._sync(action_id)

    def _sync(self, action_id: str) -> None:
        self.shortcuts[action_id].setEnabled(not self._actions[action_id].isEnabled())

    def _refused(self, action_id: str) -> None:
        reason = self._actions.reasons.get(action_id, "")
        if reason:
            name = self._actions[action_id].text().replace("&", "").rstrip("…")
            self._report(name, reason)


def note_position(scene: CanvasScene, view: CanvasView) -> QPoint | None:
    """Where a note about a keyboard or menu action goes: below the first selected node when
    it is in view, else None (at the mouse pointer)."""
    keys = scene.selected_keys()
    node = scene.nodes.get(keys[0]) if keys else None
    if node is None:
        return None
    rect = view.mapFromScene(node.sceneBoundingRect()).boundingRect()
    if not view.viewport().rect().intersects(rect):
        return None
    return view.viewport().mapToGlobal(rect.bottomLeft())
