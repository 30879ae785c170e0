"""Where the flows tell the user: the status bar, and a message box or tooltip over a widget.

Flows report here instead of reaching into the window; a refusal (a rule said no) and a
store failure (the database unreachable, a disk error) are shown, never only printed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMessageBox, QStatusBar, QToolTip, QWidget

from designer.document import Refused
from model.store import WorkspaceError


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
            QMessageBox.warning(
                self.parent_widget, title or QCoreApplication.translate("Reporter", "Portwright"), message
            )

    def refused(self, message: str, at: QPoint | None = None) -> None:
        """A rule said no: say why where the user is looking (a note at ``at``, a global
        position, else at the mouse pointer), and in the status bar. Never a modal box: the
        note goes away on the next move, the status bar keeps the words for a while."""
        self.status_bar.showMessage(" ".join(message.split("\n")), 15000)
        if self.parent_widget.isVisible():
            QToolTip.showText(at if at is not None else QCursor.pos(), message, self.parent_widget)

    def partly_done(self, done: str, skipped: list[str], reasons: list[str], at: QPoint | None = None) -> None:
        """A bulk action did what the rules allowed: say so, and what it skipped and why
        (``skipped`` short, for the status bar; ``reasons`` whole, for the note)."""
        if not skipped:
            self.say(done)
            return
        message = QCoreApplication.translate("Reporter", "%s; skipped %d: %s") % (
            done,
            len(skipped),
            "; ".join(skipped),
        )
        self.status_bar.showMessage(message, 20000)
        if self.parent_widget.isVisible():
            note = (
                QCoreApplication.translate("Reporter", "%s; skipped %d:") % (done, len(skipped))
                + "\n"
                + "\n".join(reasons)
            )
            QToolTip.showText(at if at is not None else QCursor.pos(), note, self.parent_widget)

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
