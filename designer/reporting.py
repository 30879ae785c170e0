"""Where the flows tell the user: the status bar, and a message box or tooltip over a widget.

Flows report here instead of reaching into the window; a refusal (a rule said no) and a
store failure (the database unreachable, a disk error) are shown, never only printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMessageBox, QStatusBar, QToolTip, QWidget

from designer.document import Refused
from model.store import WorkspaceError


def tr(text: str) -> str:
    return QCoreApplication.translate("Reporter", text)


class Reporter:
    """Shows messages in ``status_bar``; dialogs and tooltips over ``parent`` while it is visible."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar) -> None:
        self.parent_widget = parent
        self.status_bar = status_bar

    def say(self, message: str, timeout_ms: int = 5000) -> None:
        self.status_bar.showMessage(message, timeout_ms)

    def show_error(self, message: str, title: str | None = None) -> None:
        self.status_bar.showMessage(message, 10000)
        if self.parent_widget.isVisible():
            QMessageBox.warning(self.parent_widget, title or tr("Portwright"), message)

    def refused(self, message: str) -> None:
        """A rule said no: say why where the user is looking, and in the status bar."""
        self.status_bar.showMessage(message, 10000)
        if self.parent_widget.isVisible():
            QToolTip.showText(QCursor.pos(), message, self.parent_widget)

    def guarded(self, func: Callable[[], Any]) -> Any:
        """Run a document intent; a refusal is shown with its reason, a store failure in a
        message box. Returns what ``func`` returned, or None when it was refused or failed."""
        try:
            return func()
        except Refused as e:
            self.refused(str(e))
        except WorkspaceError as e:
            self.show_error(str(e))
        return None

    def attempt(self, func: Callable[[], Any]) -> bool:
        """Run a document intent; False (and the reason shown) when it was refused or failed."""
        return self.guarded(lambda: [func()]) is not None  # a list: None only when it did not run
