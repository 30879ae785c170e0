"""Input widgets of the adapter form that know nothing of settings: an integer spin box for
any range, and a filter that keeps the mouse wheel from changing values while scrolling."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QValidator, QWheelEvent
from PySide6.QtWidgets import QAbstractSpinBox, QSizePolicy, QWidget

__all__ = ["IntegerBox", "NoWheelUnlessFocused"]


class NoWheelUnlessFocused(QObject):
    """Scrolling the form over a list or number must scroll the form, not change the value."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            event.ignore()
            return True
        return False


class IntegerBox(QAbstractSpinBox):
    """A spin box for any integer range (QSpinBox stops at int32) that also takes ``${Token}``s.

    Any text may be typed: the field checks it and marks it, instead of refusing keystrokes.
    ``text_edited`` reports typing, ``stepped`` an arrow step (key, button or wheel).
    """

    text_edited = Signal(str)
    stepped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = -(2**31), 2**31 - 1
        self.start = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(140)
        self.lineEdit().textEdited.connect(self.text_edited)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return QValidator.State.Acceptable, text, pos

    def _number(self) -> int | None:
        text = self.text().strip()
        return int(text) if text.lstrip("-").isdigit() and text.count("-") <= 1 else None

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        n = self._number()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if n is None:
            return (
                flags
                if self.text().strip()
                else (QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled)
            )
        if n < self.high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if n > self.low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:
        n = self._number()
        value = min(max((self.start if n is None else n + steps), self.low), self.high)
        self.lineEdit().setText(str(value))
        self.stepped.emit(str(value))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()
