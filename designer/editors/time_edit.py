"""A time-of-day field that takes a time typed the way people type one: ``0830``, ``08:30``, ``8:30``.

QTimeEdit edits one section at a time: after two hour digits it moves on to the minutes by
itself, and the ``:`` typed next then jumps again, to the seconds (``08:30`` became 08:02:30).
:class:`TimeEdit` swallows a separator that follows such an automatic move, and a time typed
from the hour on starts from whole minutes (``8`` is 08:00:00, not 08 plus the old minutes).
It reports a change only when editing finishes (``editingFinished``) or per arrow step
(``stepped``), never per keystroke.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateTimeEdit, QTimeEdit, QWidget

__all__ = ["TIME_FORMAT", "TimeEdit"]

#: Service windows are stored to the second (the console's default end is 23:59:59).
TIME_FORMAT = "HH:mm:ss"
_SEPARATORS = (":", ".")
#: Keys that only modify the next one (Shift for ":" on most layouts): they change no state.
_MODIFIERS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta)


class TimeEdit(QTimeEdit):
    """``HH:mm:ss`` with keyboard entry as typed; ``stepped`` after each arrow key, click or wheel step."""

    stepped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        self.setKeyboardTracking(False)  # no timeChanged while typing
        self._typing_from_start = False
        self._moved_on = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._typing_from_start = True
        self._moved_on = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _MODIFIERS:
            super().keyPressEvent(event)
            return
        text = event.text()
        if text in _SEPARATORS and self._moved_on:
            self._moved_on = False  # the section already moved on by itself
            event.accept()
            return
        hour = QDateTimeEdit.Section.HourSection
        if text.isdigit() and self._typing_from_start and self.currentSection() == hour:
            with QSignalBlocker(self):
                self.setTime(QTime(self.time().hour(), 0, 0))
            self.setSelectedSection(hour)
        if text:
            self._typing_from_start = False
        before = self.currentSection()
        super().keyPressEvent(event)
        self._moved_on = text.isdigit() and self.currentSection() != before

    def stepBy(self, steps: int) -> None:
        super().stepBy(steps)
        self.stepped.emit()
