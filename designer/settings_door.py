"""The document's door to environments and settings (``WorkspaceDocument.settings``).

Views read a sheet here and ask for a change here; each change is one
:class:`~designer.commands.SettingsCommand` on the document's undo stack, and
:attr:`SettingsDoor.changed` names the scope whose sheet changed (after undo and redo too).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand

from designer.commands import SettingsCommand, WorkspaceDocument
from model.environments.preprocess import display_value
from model.environments.produce import environment_values
from model.environments.table import SettingsError, SettingsTable
from model.store import WorkspaceError
from model.store.settings_sheets import SettingsSheet


class _Document(WorkspaceDocument, Protocol):
    """What the door needs of the document that owns it (``designer.document`` implements it)."""

    def applications(self) -> list[str]: ...
    def push_or_report(self, command: QUndoCommand) -> bool: ...


class SettingsDoor(QObject):
    #: the scope ("" for the workspace, else an application) whose sheet changed
    changed = Signal(str)
    #: the environment the window shows values of ("" for the design itself, with its tokens)
    environment_changed = Signal(str)

    def __init__(self, document: _Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._environment = ""
        self._values: dict[str, dict[str, str]] = {}  # application -> values, for the environment
        self._versions: dict[str, int | None] = {}  # scope -> the version this client's last save left
        self.changed.connect(self._forget_values)

    @property
    def environment(self) -> str:
        return self._environment

    def set_environment(self, name: str) -> None:
        """Show the values of environment ``name`` ("" for the design, tokens and all)."""
        if name != self._environment:
            self._environment = name
            self._values.clear()
            self.environment_changed.emit(name)

    def _forget_values(self, _scope: str) -> None:
        self._values.clear()
        if self._environment:
            self.environment_changed.emit(self._environment)  # what is shown follows the edit

    def shown(self, application: str, text: str | None) -> tuple[str | None, list[str]]:
        """``text`` of a field of ``application`` as the chosen environment has it, and the settings
        it comes from (none when no environment is chosen or nothing in it is a token)."""
        if not self._environment or not text or "$" not in text:
            return text, []
        values = self._values.get(application)
        if values is None:
            try:
                tables = self._doc.workspace.environments.tables([application])
                values = environment_values(tables, self._environment) if tables else {}
            except (SettingsError, WorkspaceError):
                values = {}
            self._values[application] = values
        return display_value(text, values)

    def sheet(self, scope: str) -> SettingsSheet | None:
        return self._doc.workspace.environments.sheet(scope)

    def application_names(self) -> list[str]:
        return self._doc.applications()

    def environment_names(self) -> list[str]:
        """Every environment of every sheet, in order of appearance."""
        names: list[str] = []
        for sheet in self._doc.workspace.environments.sheets():
            for env in sheet.table.environments:
                if all(n.casefold() != env.name.casefold() for n in names):
                    names.append(env.name)
        return names

    def save(self, scope: str, table: SettingsTable, text: str) -> bool:
        """Save ``table`` as the sheet of ``scope`` (one undo step); False, with the reason on the
        document's ``error`` signal, when it is refused (a colleague's change, a read-only workspace)."""
        command = SettingsCommand(self._doc, self.changed.emit, scope, self.sheet(scope), table, text, self._versions)
        if self._doc.push_or_report(command):
            return True
        self.changed.emit(scope)  # the views re-read what is there
        return False
