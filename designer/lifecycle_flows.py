"""Lifecycle flows: enlist, unenlist, start, stop, delete the selection; start or stop an application.

The rules (what is allowed, and why not) are the model's; these flows take the selection,
call the document, and show a refusal with its reason. A bulk action acts on every selected
item the rules allow (:func:`model.lifecycle.split`), as one undo step, and says what it
skipped and why.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtWidgets import QMenu

from designer.document import WorkspaceDocument
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model import lifecycle
from model.lifecycle import Action, Kind, Subject
from model.lifecycle_messages import SELECT_FIRST


def _done_text(action: Action, subjects: list[Subject]) -> str:
    """'Enlisted send port 'A'', 'Started 34 send ports and 2 send port groups'."""
    verb = {
        Action.ENLIST: QCoreApplication.translate("LifecycleFlows", "Enlisted %s"),
        Action.UNENLIST: QCoreApplication.translate("LifecycleFlows", "Unenlisted %s"),
        Action.START: QCoreApplication.translate("LifecycleFlows", "Started %s"),
        Action.STOP: QCoreApplication.translate("LifecycleFlows", "Stopped %s"),
        Action.DELETE: QCoreApplication.translate("LifecycleFlows", "Deleted %s"),
    }[action]
    if len(subjects) == 1:
        noun = (
            QCoreApplication.translate("LifecycleFlows", "send port '%s'")
            if subjects[0].kind is Kind.PORT
            else QCoreApplication.translate("LifecycleFlows", "send port group '%s'")
        )
        return verb % (noun % subjects[0].name)
    ports = sum(1 for s in subjects if s.kind is Kind.PORT)
    groups = len(subjects) - ports
    parts = (
        [
            (
                QCoreApplication.translate("LifecycleFlows", "%d send port")
                if ports == 1
                else QCoreApplication.translate("LifecycleFlows", "%d send ports")
            )
            % ports
        ]
        if ports
        else []
    ) + (
        [
            (
                QCoreApplication.translate("LifecycleFlows", "%d send port group")
                if groups == 1
                else QCoreApplication.translate("LifecycleFlows", "%d send port groups")
            )
            % groups
        ]
        if groups
        else []
    )
    return verb % QCoreApplication.translate("LifecycleFlows", " and ").join(parts)


def _skipped_text(error: lifecycle.LifecycleError) -> str:
    """One skipped item for the status bar: "'X' (it is already enlisted)"; the whole
    sentence, with its fix, is in the note."""
    reason = error.reason
    if error.subject is None or not reason.startswith("Cannot ") or ": " not in reason:
        return reason
    problem = reason.split(": ", 1)[1].split(". ", 1)[0].rstrip(".")
    return f"'{error.subject.name}' ({problem})"


class LifecycleFlows(QObject):
    """Lifecycle actions on the selection or a whole application; ``performed`` after each try."""

    def __init__(
        self,
        parent: QObject,
        document: Callable[[], WorkspaceDocument],
        selection: CanvasSelection,
        reporter: Reporter,
        current_application: Callable[[], str | None],
        performed: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        #: Where a note about the outcome goes (a global position); None: at the mouse pointer.
        self.note_position: Callable[[], QPoint | None] = lambda: None
        self._document = document
        self._selection = selection
        self._reporter = reporter
        self._current_application = current_application
        self._performed = performed

    def perform(self, name: str) -> None:
        """Apply the lifecycle action ``name`` (an :class:`Action` value) to every selected item
        the rules allow, as one undo step; say what was done, and what was skipped and why."""
        subjects = self._selection.subjects()
        action = Action(name)
        doc = self._document()
        allowed, refusals = lifecycle.split(doc.view(), action, subjects)
        at = self.note_position()
        if not allowed:
            reasons = list(dict.fromkeys(e.reason for e in refusals)) or [SELECT_FIRST]
            self._reporter.refused("\n".join(reasons), at)
        elif self._reporter.attempt(lambda: doc.perform(action, allowed)):
            self._reporter.partly_done(
                _done_text(action, allowed), [_skipped_text(e) for e in refusals], [e.reason for e in refusals], at
            )
        self._performed()

    def application(self, start: bool, name: str | None = None) -> None:
        app = name or self._current_application()
        if app is None:
            self._reporter.refused(
                QCoreApplication.translate("LifecycleFlows", "Select a send port or group of the application first.")
            )
            return
        action = Action.START_APPLICATION if start else Action.STOP_APPLICATION
        doc = self._document()
        self._reporter.guarded(lambda: doc.perform(action, application=app))
        self._performed()

    def fill_application_menu(self, menu: QMenu, start: bool) -> None:
        menu.clear()
        for app in self._document().applications():
            menu.addAction(app, functools.partial(self.application, start, app))
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("LifecycleFlows", "(no applications)")).setEnabled(False)
