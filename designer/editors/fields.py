"""Small pieces every property editor uses: inline errors, field keys and editing sessions.

An editor shows an invalid value where it was typed (a marked field and a message under
it) and never hands it to the document. A field is committed when editing it finishes
(Enter, leaving it, a click or a choice), never on each keystroke; Escape puts the stored
value back (:class:`EditKeys`). Steps of a spin box merge into one undo step until the
field loses focus or the user presses Enter (one *editing session*, :class:`Sessions`).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

_sessions = count(1)

ERROR_COLOR = "#c5221f"
INVALID_PROPERTY = "invalid"
#: On a line edit a setting may stand in for: its label, the start of a new setting's name
#: (``designer.editors.setting_binding``); on a page, words put before it ("Backup").
SETTING_LABEL, SETTING_PREFIX = "settingLabel", "settingPrefix"


def offer_settings(widget: QWidget, label: str) -> None:
    """Let ``widget`` (a line edit committing on editingFinished) be bound to a setting."""
    widget.setProperty(SETTING_LABEL, label.strip().rstrip(":").strip())


def _dark() -> bool:
    from designer.themes import current_theme

    return current_theme() == "dark"


class ErrorLabel(QLabel):
    """The message under a field (hidden while the field is valid)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        if message:
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.WindowText, QColor("#f28b82" if _dark() else ERROR_COLOR))
            self.setPalette(palette)
        self.setText(message or "")
        self.setVisible(bool(message))


def mark(widget: QWidget, message: str | None, label: ErrorLabel | None = None) -> None:
    """Mark ``widget`` invalid (tinted background, message in its tooltip and ``label``) or
    clear it. A palette tint, not a style sheet: the field keeps its native frame and size."""
    invalid = bool(message)
    if bool(widget.property(INVALID_PROPERTY)) != invalid:
        widget.setProperty(INVALID_PROPERTY, invalid)
        if invalid:
            palette = QPalette(widget.palette())
            tint = QColor("#5c2b29" if _dark() else "#fce8e6")
            for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
                palette.setColor(role, tint)
            widget.setPalette(palette)
        else:
            widget.setPalette(QPalette())  # inherit the application's again
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

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            field = obj.property("sessionField")
            if isinstance(field, str):
                self.finish(field)
        return False


_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EditKeys(QObject):
    """Escape in ``widget`` puts the stored value back (``revert``) when it shows something else
    (``pending``), else Escape is left to others; for a multi-line field, ``commit`` runs when it
    loses focus (not to a popup such as its context menu) and on Ctrl+Enter, standing in for a
    line edit's editingFinished."""

    def __init__(
        self,
        widget: QWidget,
        pending: Callable[[], bool],
        revert: Callable[[], None],
        commit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(widget)
        self._pending, self._revert, self._commit = pending, revert, commit
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (
            kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
            and isinstance(event, QKeyEvent)
            and _is_escape(event)
            and self._pending()
        ):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # claim Escape from window shortcuts: the key press follows
            else:
                self._revert()
            return True
        if self._commit is None:
            return False
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _COMMIT_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._commit()
            return True
        if (
            kind == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            self._commit()
        return False


def _is_escape(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Escape and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
