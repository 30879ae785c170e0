"""The completion list of a filter statement's property field.

A click outside an open completion list closes it and still reaches what was clicked: Qt's
completer takes that click for itself (the list holds the mouse while it is open), so the
user had to click a second time on the button or field they aimed at. (A press held to drag
from there is taken as a click: the list had the mouse when it began.)
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QCompleter, QWidget

__all__ = ["PropertyCompleter"]


class PropertyCompleter(QCompleter):
    """Case-insensitive, contains-matching completion of property names from ``completions``."""

    def __init__(self, completions: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(completions, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(12)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # QCompleter watches its list through this method: a press outside it is looked at here first.
        popup = self.popup()
        if (
            obj is popup
            and event.type() == QEvent.Type.MouseButtonPress
            and isinstance(event, QMouseEvent)
            and popup.isVisible()
        ):
            at = event.globalPosition()
            if not popup.rect().contains(popup.mapFromGlobal(at.toPoint())):
                popup.hide()
                target = QApplication.widgetAt(at.toPoint())
                if target is not None and target.window() is not popup:
                    self._pass_on(target, event)
                return True
        return super().eventFilter(obj, event)

    @staticmethod
    def _pass_on(target: QWidget, event: QMouseEvent) -> None:
        """Give ``target`` the click whose press closed the list. The whole click: the release
        that follows was aimed at the closed list, and Qt drops it."""
        at, local = event.globalPosition(), target.mapFromGlobal(event.globalPosition())
        # Qt gives focus on a press only for the window system's own events: do it here.
        focus: QWidget | None = target
        while focus is not None and not focus.isWindow():
            if focus.isEnabled() and focus.focusPolicy() & Qt.FocusPolicy.ClickFocus:
                focus.setFocus(Qt.FocusReason.MouseFocusReason)
                break
            focus = focus.parentWidget()
        for kind, buttons in (
            (QEvent.Type.MouseButtonPress, event.buttons()),
            (QEvent.Type.MouseButtonRelease, event.buttons() & ~event.button()),
        ):
            QApplication.sendEvent(target, QMouseEvent(kind, local, at, event.button(), buttons, event.modifiers()))
