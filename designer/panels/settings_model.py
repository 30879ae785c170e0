"""The settings grid's model: settings as rows, Default then one column per environment.

Each environment cell shows where its value comes from: a value of its own, the default
(greyed, in italics), nothing (an export of that environment would be refused), or a
secret (never kept: given at export time). The model never writes: an edit becomes a new
table handed to ``edit`` (the panel gives it to the document, which saves and makes it one
undo step).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from model.environments.produce import variable_for
from model.environments.table import Setting, SettingsTable

NAME, DEFAULT = 0, 1
FIRST_ENVIRONMENT = 2
SourceRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class Source(Enum):
    """Where a cell's value comes from."""

    OWN = "own value"
    DEFAULT = "the default"
    NONE = "no value"
    SECRET = "a secret"


class SettingsModel(QAbstractTableModel):
    def __init__(self, edit: Callable[[SettingsTable, str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._edit = edit
        self.table = SettingsTable()

    # -- reading --------------------------------------------------------------------------

    def set_table(self, table: SettingsTable | None) -> None:
        self.beginResetModel()
        self.table = copy.deepcopy(table) if table is not None else SettingsTable()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.table.settings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_ENVIRONMENT + len(self.table.environments)

    def environment_of(self, column: int) -> str | None:
        i = column - FIRST_ENVIRONMENT
        return self.table.environments[i].name if 0 <= i < len(self.table.environments) else None

    def setting_at(self, row: int) -> Setting | None:
        return self.table.settings[row] if 0 <= row < len(self.table.settings) else None

    def source(self, row: int, column: int) -> Source | None:
        setting, env = self.setting_at(row), self.environment_of(column)
        if setting is None or (env is None and column != DEFAULT):
            return None
        if setting.secret:
            return Source.SECRET
        if env is None:
            return Source.OWN if setting.default is not None else Source.NONE
        own = next((v for k, v in setting.values.items() if k.casefold() == env.casefold()), None)
        if own not in (None, ""):
            return Source.OWN
        return Source.DEFAULT if setting.default is not None else Source.NONE

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == NAME:
            return QCoreApplication.translate("SettingsModel", "Setting")
        if section == DEFAULT:
            return QCoreApplication.translate("SettingsModel", "Default")
        return self.environment_of(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        setting = self.setting_at(index.row())
        if setting is None:
            return None
        column = index.column()
        if column == NAME:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return setting.name
            if role == Qt.ItemDataRole.ToolTipRole and setting.secret:
                return QCoreApplication.translate(
                    "SettingsModel",
                    "A secret: its values are not kept in the workspace; give them at export time "
                    "with --secrets FILE or %s",
                ) % variable_for(setting.name)
            return None
        source = self.source(index.row(), column)
        env = self.environment_of(column)
        value = setting.default if env is None else setting.value_in(env)
        if role == SourceRole:
            return source
        if role == Qt.ItemDataRole.DisplayRole:
            if source is Source.SECRET:
                return QCoreApplication.translate("SettingsModel", "(secret)")
            return value or ""
        if role == Qt.ItemDataRole.EditRole:
            own = setting.default if env is None else setting.values.get(env)
            return own or ""
        if role == Qt.ItemDataRole.FontRole and source in (Source.DEFAULT, Source.SECRET):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and source in (Source.DEFAULT, Source.SECRET):
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.BackgroundRole and source is Source.NONE and env is not None:
            return QBrush(QColor(255, 80, 80, 40))
        if role == Qt.ItemDataRole.ToolTipRole:
            where = env or QCoreApplication.translate("SettingsModel", "Default")
            if source is Source.SECRET:
                return QCoreApplication.translate("SettingsModel", "%s: a secret, given at export time") % where
            if source is Source.DEFAULT:
                return QCoreApplication.translate("SettingsModel", "%s: the default (%s)") % (where, value)
            if source is Source.NONE:
                return QCoreApplication.translate(
                    "SettingsModel", "%s: no value and no default; an export of %s is refused"
                ) % (where, where)
            return QCoreApplication.translate("SettingsModel", "%s: a value of its own") % where
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        setting = self.setting_at(index.row())
        if setting is None or (setting.secret and index.column() != NAME):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    # -- editing (through ``edit``: the model itself never changes its table) ----------------

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.fill([(index.row(), index.column())], str(value))

    def fill(self, cells: list[tuple[int, int]], value: str) -> bool:
        """Give every one of ``cells`` (row, column) ``value`` ("" empties it): one edit."""
        table = copy.deepcopy(self.table)
        changed = []
        for row, column in cells:
            setting = table.settings[row] if 0 <= row < len(table.settings) else None
            if setting is None or (setting.secret and column != NAME):
                continue
            if column == NAME:
                name = value.strip()
                if not name or (table.setting(name) not in (None, setting)):
                    return False
                setting.name = name
            elif column == DEFAULT:
                setting.default = value or None
            else:
                env = self.environment_of(column)
                if env is None:
                    continue
                setting.values[env] = value or None
            changed.append(setting.name)
        if not changed or table == self.table:
            return False
        names = sorted(set(changed))
        self._edit(
            table,
            QCoreApplication.translate("SettingsModel", "Set %s") % ", ".join(names[:3])
            + ("…" if len(names) > 3 else ""),
        )
        return True
