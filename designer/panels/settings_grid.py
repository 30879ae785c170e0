"""The settings grid: what BTDF's Excel spreadsheet held, in the window.

Settings are rows, Default and the environments columns; a cell shows where its value comes
from (see ``settings_model``). Find filters the rows; Fill gives the selected cells one value;
settings and environments are added and removed here. Every change goes to the document as
one undoable edit of the sheet; the grid re-reads the sheet when the document says it
changed.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.panels.settings_model import FIRST_ENVIRONMENT, SettingsModel
from designer.settings_door import SettingsDoor
from model.environments.table import Environment, Setting, SettingsTable


class SettingsGridPanel(QWidget):
    """Settings by environment for the workspace or one application."""

    def __init__(self, door: SettingsDoor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsGridPanel")
        self._door = door
        self._scope = ""
        self.settings_model = SettingsModel(self._on_model_edit, self)
        self._filter = QSortFilterProxyModel(self)
        self._filter.setSourceModel(self.settings_model)
        self._filter.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._filter.setFilterKeyColumn(-1)

        self.scope_box = QComboBox(self)
        self.scope_box.setObjectName("settings_scope")
        self.scope_box.setToolTip(self.tr("Whose settings: the whole workspace's or one application's"))
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("settings_find")
        self.find_box.setPlaceholderText(self.tr("Find a setting or value"))
        self.find_box.setClearButtonEnabled(True)
        self.table_view = QTableView(self)
        self.table_view.setObjectName("settings_table")
        self.table_view.setModel(self._filter)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table_view.horizontalHeader().setStretchLastSection(True)
        self.table_view.verticalHeader().setVisible(False)
        self.table_view.setAlternatingRowColors(True)
        self.status = QLabel(self)
        self.status.setObjectName("settings_status")
        self.status.setWordWrap(True)

        def button(name: str, text: str, tip: str, slot: object) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setText(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.add_setting_button = button(
            "settings_add", self.tr("Add setting"), self.tr("Add a setting"), self.add_setting
        )
        self.remove_setting_button = button(
            "settings_remove", self.tr("Remove"), self.tr("Remove the selected settings (Delete)"), self.remove_selected
        )
        self.add_env_button = button(
            "settings_add_environment",
            self.tr("Add environment"),
            self.tr("Add an environment column"),
            self.add_environment,
        )
        self.fill_button = button(
            "settings_fill",
            self.tr("Fill…"),
            self.tr("Give every selected cell one value (Ctrl+D)"),
            self.fill_selected,
        )
        self.fill_button.setShortcut(QKeySequence("Ctrl+D"))
        self.remove_setting_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Settings of"), self))
        top.addWidget(self.scope_box, 1)
        top.addWidget(self.find_box, 2)
        buttons = QHBoxLayout()
        for b in (self.add_setting_button, self.remove_setting_button, self.add_env_button, self.fill_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        self.find_box.textChanged.connect(self._filter.setFilterFixedString)
        self.scope_box.currentIndexChanged.connect(self._on_scope_box_changed)
        door.changed.connect(self._on_door_changed)
        self.refresh_scopes()

    # -- reading --------------------------------------------------------------------------

    @property
    def scope(self) -> str:
        return self._scope

    def refresh_scopes(self) -> None:
        names = self._door.application_names()
        self.scope_box.blockSignals(True)
        self.scope_box.clear()
        self.scope_box.addItem(self.tr("Workspace (every application)"), "")
        for name in names:
            self.scope_box.addItem(name, name)
        index = self.scope_box.findData(self._scope)
        self.scope_box.setCurrentIndex(max(index, 0))
        self.scope_box.blockSignals(False)
        self._scope = self.scope_box.currentData() or ""
        self.reload()

    def show_scope(self, scope: str) -> None:
        index = self.scope_box.findData(scope)
        if index >= 0:
            self.scope_box.setCurrentIndex(index)

    def reload(self) -> None:
        sheet = self._door.sheet(self._scope)
        self.settings_model.set_table(sheet.table if sheet else None)
        self.table_view.resizeColumnsToContents()
        table = self.settings_model.table
        if sheet is None:
            self.status.setText(
                self.tr("No settings yet. Import a BTDF settings spreadsheet (File ▸ Import Settings…) or add one.")
            )
        else:
            envs = ", ".join(e.name for e in table.environments) or self.tr("none")
            secrets = {s.name for s in table.settings if s.secret}
            undefined = sorted({n for e in table.environments for n in table.undefined(e.name)} - secrets)
            note = self.tr(" Without a value: %s.") % ", ".join(undefined) if undefined else ""
            if secrets:
                note += self.tr(" Secrets, given at export time: %s.") % ", ".join(sorted(secrets))
            self.status.setText(self.tr("%d settings; environments: %s.") % (len(table.settings), envs) + note)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = bool(self.settings_model.table.settings)
        self.remove_setting_button.setEnabled(has)
        self.fill_button.setEnabled(has)

    def _on_scope_box_changed(self, _index: int) -> None:
        self._scope = self.scope_box.currentData() or ""
        self.reload()

    def _on_door_changed(self, scope: str) -> None:
        if scope == self._scope:
            self.reload()

    # -- editing (each is one save through the document) ------------------------------------

    def _on_model_edit(self, table: SettingsTable, text: str) -> None:
        self._door.save(self._scope, table, text)

    def _selected_cells(self) -> list[tuple[int, int]]:
        cells = []
        for index in self.table_view.selectionModel().selectedIndexes():
            source = self._filter.mapToSource(index)
            cells.append((source.row(), source.column()))
        return cells

    def fill_selected(self) -> None:
        cells = [c for c in self._selected_cells() if c[1] > 0]
        if not cells:
            self.status.setText(self.tr("Select the cells to fill first."))
            return
        value, ok = QInputDialog.getText(
            self, self.tr("Fill"), self.tr("Value for the %d selected cells:") % len(cells)
        )
        if ok:
            self.settings_model.fill(cells, value)

    def add_setting(self, name: str | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Add setting"), self.tr("Name of the new setting:"))
            if not ok:
                return
        name = name.strip()
        table = copy.deepcopy(self.settings_model.table)
        if not name or table.setting(name) is not None:
            self.status.setText(self.tr("A setting needs a name of its own: '%s' is empty or taken.") % name)
            return
        table.settings.append(Setting(name))
        self._door.save(self._scope, table, self.tr("Add setting %s") % name)

    def add_environment(self, name: str | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Add environment"), self.tr("Name of the new environment:"))
            if not ok:
                return
        name = name.strip()
        table = copy.deepcopy(self.settings_model.table)
        if not name or any(e.name.casefold() == name.casefold() for e in table.environments):
            self.status.setText(self.tr("An environment needs a name of its own: '%s' is empty or taken.") % name)
            return
        table.environments.append(Environment(name, f"{name}_settings.xml"))
        self._door.save(self._scope, table, self.tr("Add environment %s") % name)

    def remove_selected(self) -> None:
        rows = sorted({r for r, _ in self._selected_cells()})
        if not rows:
            self.status.setText(self.tr("Select the settings to remove first."))
            return
        table = copy.deepcopy(self.settings_model.table)
        names = [table.settings[r].name for r in rows]
        table.settings = [s for i, s in enumerate(table.settings) if i not in set(rows)]
        self._door.save(self._scope, table, self.tr("Remove settings %s") % ", ".join(names[:3]))

    def environment_columns(self) -> list[str]:
        return [
            self.settings_model.environment_of(c) or ""
            for c in range(FIRST_ENVIRONMENT, self.settings_model.columnCount())
        ]
