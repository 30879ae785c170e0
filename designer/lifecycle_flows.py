"""Lifecycle flows: enlist, unenlist, start, stop the selection; start or stop an application.

The rules (what is allowed, and why not) are the model's; these flows take the selection,
call the document, and show a refusal with its reason.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from designer.document import WorkspaceDocument
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model.lifecycle import Action


def tr(text: str) -> str:
    return QCoreApplication.translate("LifecycleFlows", text)


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
        self._document = document
        self._selection = selection
        self._reporter = reporter
        self._current_application = current_application
        self._performed = performed

    def perform(self, name: str) -> None:
        """Apply the lifecycle action ``name`` (an :class:`Action` value) to the selection."""
        subjects = self._selection.subjects()
        action = Action(name)
        doc = self._document()
        self._reporter.guarded(lambda: doc.perform(action, subjects))
        self._performed()

    def application(self, start: bool, name: str | None = None) -> None:
        app = name or self._current_application()
        if app is None:
            self._reporter.refused(tr("Select a send port or group of the application first."))
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
            menu.addAction(tr("(no applications)")).setEnabled(False)
