"""Dialogs for creating send ports and groups (the kind of a port is fixed at creation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import ErrorLabel
from model import adapters
from model.domain import SendPort, SendPortGroup, new_send_port
from model.lifecycle import Kind
from model.store.records import DEFAULT_APPLICATION
from model.validation import Severity, port_problems


class _NameForm(QDialog):
    """Name + application, with inline validation (OK stays disabled until valid)."""

    def __init__(
        self,
        title: str,
        kind: Kind,
        taken: set[str],
        applications: list[str],
        application: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.kind = kind
        self.taken = taken
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setPlaceholderText(self.tr("Unique name, e.g. Orders.Out.FILE"))
        self.application = QComboBox()
        self.application.setObjectName("application")
        self.application.setEditable(True)
        self.application.addItems(applications or [DEFAULT_APPLICATION])
        if application:
            self.application.setCurrentText(application)
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Application:"), self.application)
        self.message = ErrorLabel()
        self.message.setObjectName("message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self.validate)
        self.application.currentTextChanged.connect(self.validate)
        self.setMinimumWidth(460)

    def problem(self) -> str | None:
        name = self.name.text()
        if not name.strip():
            return self.tr("Enter a name.")
        if name in self.taken:
            if self.kind is Kind.PORT:
                return self.tr("A send port named '%s' already exists.") % name
            return self.tr("A send port group named '%s' already exists.") % name
        if len(name) > 256:
            return self.tr("Names are at most 256 characters.")
        if not self.application.currentText().strip():
            return self.tr("Choose or type an application.")
        return None

    def validate(self) -> None:
        problem = self.problem()
        self.message.show_message(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)


class NewPortDialog(_NameForm):
    def __init__(
        self, taken: set[str], applications: list[str], application: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New Send Port"), Kind.PORT, taken, applications, application, parent)
        self.static = QRadioButton(self.tr("Static"))
        self.static.setObjectName("static")
        self.dynamic = QRadioButton(self.tr("Dynamic"))
        self.static.setChecked(True)
        self.one_way = QRadioButton(self.tr("One-way"))
        self.one_way.setObjectName("one_way")
        self.two_way = QRadioButton(self.tr("Solicit-response"))
        self.two_way.setObjectName("two_way")
        self.one_way.setChecked(True)
        for a, b in ((self.static, self.dynamic), (self.one_way, self.two_way)):
            group = QButtonGroup(self)
            group.addButton(a)
            group.addButton(b)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.static)
        row1.addWidget(self.dynamic)
        row1.addStretch()
        row2.addWidget(self.one_way)
        row2.addWidget(self.two_way)
        row2.addStretch()
        self.form.addRow(self.tr("Type:"), row1)
        self.form.addRow(self.tr("Direction:"), row2)
        self.adapter = QComboBox()
        self.adapter.setObjectName("adapter")
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.form.addRow(self.tr("A&dapter:"), self.adapter)
        self.form.addRow(self.tr("Add&ress:"), self.address)
        note = QLabel(self.tr("The type and direction of a send port cannot be changed later."))
        note.setEnabled(False)
        self.form.addRow("", note)
        for b in (self.static, self.dynamic, self.one_way, self.two_way):
            b.toggled.connect(self._update_kind)
        self.adapter.currentTextChanged.connect(self._update_hint)
        self.address.textChanged.connect(self.validate)
        self._update_kind()
        self.validate()

    def _update_kind(self) -> None:
        current = self.adapter.currentText() or "FILE"
        names = sorted(adapters.two_way_adapters() if self.two_way.isChecked() else adapters.ADAPTERS, key=str.lower)
        self.adapter.blockSignals(True)
        self.adapter.clear()
        self.adapter.addItems(names)
        self.adapter.setCurrentText(current if current in names else names[0])
        self.adapter.blockSignals(False)
        static = self.static.isChecked()
        self.adapter.setEnabled(static)
        self.address.setEnabled(static)
        self._update_hint()
        self.validate()

    def _update_hint(self) -> None:
        spec = adapters.adapter_spec(self.adapter.currentText())
        self.address.setPlaceholderText(spec.address_hint if spec else "")

    def problem(self) -> str | None:
        problem = super().problem()
        if problem is not None:
            return problem
        try:
            port = self.port()
        except ValueError as e:  # pydantic's ValidationError is a ValueError
            return str(e).splitlines()[-1]
        # The model's own rules decide (a static port needs an address and an adapter...).
        errors = [message for severity, _path, message in port_problems(port) if severity == Severity.ERROR]
        return (errors[0][0].upper() + errors[0][1:] + ".") if errors else None

    def port(self) -> SendPort:
        name = self.name.text()
        app = self.application.currentText().strip()
        static = self.static.isChecked()
        port = new_send_port(
            name,
            adapter=self.adapter.currentText(),
            address=self.address.text().strip(),
            two_way=self.two_way.isChecked(),
            static=static,
            application=app,
        )
        return port


class NewGroupDialog(_NameForm):
    def __init__(
        self, taken: set[str], applications: list[str], application: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New Send Port Group"), Kind.GROUP, taken, applications, application, parent)
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        self.description.setPlaceholderText(self.tr("Optional (at most 256 characters)"))
        self.form.addRow(self.tr("&Description:"), self.description)
        self.description.textChanged.connect(self.validate)
        self.validate()

    def problem(self) -> str | None:
        problem = super().problem()
        if problem is None and len(self.description.toPlainText()) > 256:
            return self.tr("The description is longer than 256 characters.")
        return problem

    def group(self) -> SendPortGroup:
        text = self.description.toPlainText()
        return SendPortGroup(
            name=self.name.text(), application=self.application.currentText().strip(), description=text or None
        )


def ask_rename(parent: QWidget, current: str, taken: set[str], kind: Kind) -> str | None:
    """A small rename dialog with the same inline validation."""
    dialog = _NameForm(QCoreApplication.translate("Dialogs", "Rename"), kind, taken - {current}, [], None, parent)
    dialog.application.setCurrentText("-")
    dialog.form.setRowVisible(dialog.application, False)
    dialog.name.setText(current)
    dialog.name.selectAll()
    dialog.validate()
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.name.text()


def show_about(parent: QWidget) -> None:
    """The About box."""
    QMessageBox.about(
        parent,
        QCoreApplication.translate("Dialogs", "About Portwright"),
        QCoreApplication.translate(
            "Dialogs",
            "<h3>Portwright</h3><p>A designer and administration tool for BizTalk Server send ports and send "
            "port groups.</p><p>Binding files are read and written without losing anything; the lifecycle "
            "follows BizTalk's rules.</p>",
        ),
    )
