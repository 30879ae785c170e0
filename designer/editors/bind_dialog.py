"""The "Bind to Setting…" dialog: an existing setting of the port's sheets, or a new one with a
suggested name and the field's value as its default. It only chooses: the binding itself is
made by ``designer.editors.setting_binding``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import ErrorLabel
from model.environments.table import NameProblem, SettingsTable, name_problem


def name_message(name: str, problem: NameProblem) -> str:
    """Why ``name`` cannot be a new setting's, in the user's language."""
    if problem is NameProblem.EMPTY:
        return QCoreApplication.translate("BindSetting", "A new setting needs a name.")
    if problem is NameProblem.TAKEN:
        return QCoreApplication.translate("BindSetting", "There is already a setting named '%s'.") % name
    return (
        QCoreApplication.translate(
            "BindSetting",
            "'%s' cannot name a setting: start with a letter or _, then letters, digits, _ or . only.",
        )
        % name
    )


@dataclass(frozen=True)
class BindChoice:
    """What the dialog chose: a setting's name, whether it is new, and a new one's default."""

    name: str
    new: bool
    default: str | None = None


class BindSettingDialog(QDialog):
    """Settings of ``table`` (those the field's port resolves against) with a filter, or a new one."""

    def __init__(
        self, table: SettingsTable, field: str, value: str, suggested: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bindSettingDialog")
        self.setWindowTitle(QCoreApplication.translate("BindSetting", "Bind to Setting"))
        self._table = table
        intro = QLabel(
            QCoreApplication.translate("BindSetting", "Take <b>%s</b> from a setting: the field will hold its token.")
            % field.replace("&", "&amp;").replace("<", "&lt;")
        )
        intro.setWordWrap(True)
        self.existing = QRadioButton(QCoreApplication.translate("BindSetting", "&Existing setting"))
        self.existing.setObjectName("bindExisting")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("bindFilter")
        self.filter_edit.setPlaceholderText(QCoreApplication.translate("BindSetting", "Filter settings"))
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("bindSettings")
        for setting in table.settings:
            shown = QCoreApplication.translate("BindSetting", "(secret)") if setting.secret else setting.default
            item = QListWidgetItem(f"{setting.name}  —  {shown}" if shown else setting.name)
            item.setData(Qt.ItemDataRole.UserRole, setting.name)
            self.list.addItem(item)
        self.new = QRadioButton(QCoreApplication.translate("BindSetting", "&New setting"))
        self.new.setObjectName("bindNew")
        self.name_edit = QLineEdit(suggested)
        self.name_edit.setObjectName("bindName")
        self.default_edit = QLineEdit(value)
        self.default_edit.setObjectName("bindDefault")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("BindSetting", "Name:"), self.name_edit)
        form.addRow(QCoreApplication.translate("BindSetting", "Default:"), self.default_edit)
        self.message = ErrorLabel()
        self.message.setObjectName("bindMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.existing)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.list.itemClicked.connect(lambda _item: self.existing.setChecked(True))
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.name_edit.textEdited.connect(lambda _text: self.new.setChecked(True))
        self.default_edit.textEdited.connect(lambda _text: self.new.setChecked(True))
        self.existing.setEnabled(bool(table.settings))
        self.new.setChecked(True)
        self.resize(420, 420)

    def _on_filter_edit_text_changed(self, text: str) -> None:
        key = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(key) and key not in item.text().casefold())
        if key:
            self.existing.setChecked(True)

    def choice(self) -> BindChoice | None:
        """The setting chosen, or None with the reason shown when there is none yet."""
        if self.existing.isChecked():
            item = self.list.currentItem()
            if item is None or item.isHidden():
                self.message.show_message(QCoreApplication.translate("BindSetting", "Choose a setting in the list."))
                return None
            return BindChoice(str(item.data(Qt.ItemDataRole.UserRole)), False)
        name = self.name_edit.text().strip()
        problem = name_problem(name, self._table)
        if problem is not None:
            self.message.show_message(name_message(name, problem))
            return None
        return BindChoice(name, True, self.default_edit.text())

    def accept(self) -> None:
        if self.choice() is not None:
            super().accept()
