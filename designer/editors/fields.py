"""Small pieces every property editor uses: inline errors and field editing sessions.

An editor shows an invalid value where it was typed (a marked field and a message under
it) and never hands it to the document. Successive changes of one field merge into one
undo step until the field loses focus or the user presses Enter (one *editing session*).
"""

from __future__ import annotations

from itertools import count

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QWidget

_sessions = count(1)

ERROR_COLOR = "#c5221f"
INVALID_PROPERTY = "invalid"


def tr(text: str) -> str:
    return QCoreApplication.translate("Editors", text)


class ErrorLabel(QLabel):
    """The message under a field (hidden while the field is valid)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


def mark(widget: QWidget, message: str | None, label: ErrorLabel | None = None) -> None:
    """Mark ``widget`` invalid (red border, message in its tooltip and ``label``) or clear it."""
    invalid = bool(message)
    if bool(widget.property(INVALID_PROPERTY)) != invalid:
        widget.setProperty(INVALID_PROPERTY, invalid)
        widget.setStyleSheet(f"border: 1px solid {ERROR_COLOR};" if invalid else "")
    widget.setToolTip(message or "")
    if label is not None:
        label.show_message(message)


def is_marked(widget: QWidget) -> bool:
    return bool(widget.property(INVALID_PROPERTY))


class Sessions(QObject):
    """Merge keys for undo: the same key while one field is being edited, a new one after."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys: dict[str, str] = {}

    def key(self, field: str) -> str:
        found = self._keys.get(field)
        if found is None:
            found = self._keys[field] = f"{field}#{next(_sessions)}"
        return found

    def finish(self, field: str | None = None) -> None:
        """End the editing session of ``field`` (or of every field)."""
        if field is None:
            self._keys.clear()
        else:
            self._keys.pop(field, None)

    def watch(self, widget: QWidget, field: str) -> None:
        """End ``field``'s session when ``widget`` loses focus."""
        widget.installEventFilter(self)
        widget.setProperty("sessionField", field)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusOut:
            field = obj.property("sessionField")
            if isinstance(field, str):
                self.finish(field)
        return False
