"""Binding an editor's field to a setting from its context menu, without typing ``${...}``.

"Bind to Setting…" makes the field hold ``${Name}`` (a setting of the port's sheets, or a new
one whose default is the field's value); "Override in <environment>…" gives the field's setting
a value of its own in the environment chosen on the toolbar (binding the field first when it
is not yet); "Unbind" puts the value the setting gives back in the field. The field is written
as if typed (its row checks it and the page hands the edit to the document), the sheet through
the settings door; each action is one macro on the document's undo stack, and one refused part
takes the others back.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMenu, QWidget

from designer.document import WorkspaceDocument
from designer.editors.bind_dialog import BindSettingDialog, name_message
from designer.editors.fields import SETTING_LABEL, SETTING_PREFIX, is_marked, mark
from model.domain import is_token, tokens_in
from model.environments.preprocess import display_value
from model.environments.produce import environment_values
from model.environments.table import (
    SettingsError,
    SettingsTable,
    merged,
    name_problem,
    suggested_name,
    with_new_setting,
    with_value,
)
from model.store import WorkspaceError
from model.store.settings_sheets import WORKSPACE

# What the editor shows: the name of its port and the port's application (None: nothing).
Owner = Callable[[], tuple[str, str] | None]


def token_name(text: str) -> str | None:
    """The setting a whole-value token names (``${Host}``, ``$(Host)`` -> ``Host``)."""
    return text[2:-1].strip() if is_token(text) else None


class SettingBinder(QObject):
    """The bind, override and unbind actions of the bindable line edits under ``editor``."""

    # why an action was refused (the editor shows it)
    refused = Signal(str)

    def __init__(self, editor: QWidget, document: WorkspaceDocument, owner: Owner) -> None:
        super().__init__(editor)
        self._editor, self._doc, self._owner = editor, document, owner
        self._watched: set[int] = set()

    # -- which fields ------------------------------------------------------------------------

    def fields(self) -> list[QLineEdit]:
        """The line edits under the editor a setting can stand in for (watched from now on)."""
        found = [e for e in self._editor.findChildren(QLineEdit) if e.property(SETTING_LABEL)]
        for edit in found:
            if id(edit) not in self._watched:
                self._watched.add(id(edit))
                edit.installEventFilter(self)
        return found

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ContextMenu
            and isinstance(obj, QLineEdit)
            and isinstance(event, QContextMenuEvent)
        ):
            menu = self.menu_for(obj)
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False

    def popup(self, edit: QLineEdit, at: QPoint | None = None) -> None:
        """The field's menu at ``at`` (global; below the field by default), e.g. from its ◆."""
        menu = self.menu_for(edit)
        menu.exec(at if at is not None else edit.mapToGlobal(edit.rect().bottomLeft()))
        menu.deleteLater()

    def menu_for(self, edit: QLineEdit) -> QMenu:
        """The line edit's own menu (undo, copy, paste…) and then the setting actions."""
        menu = edit.createStandardContextMenu()
        menu.setObjectName("settingMenu")
        menu.addSeparator()
        env = self._doc.settings.environment
        text = edit.text()
        usable = edit.isEnabled() and not edit.isReadOnly() and self._owner() is not None
        bind = menu.addAction(QCoreApplication.translate("SettingBinding", "Bind to Setting…"))
        bind.setObjectName("bindSetting")
        bind.setEnabled(usable and not tokens_in(text))
        bind.triggered.connect(lambda: self.ask_bind(edit))
        override = menu.addAction(
            (QCoreApplication.translate("SettingBinding", "Override in %s…") % env)
            if env
            else QCoreApplication.translate("SettingBinding", "Override in an environment…")
        )
        override.setObjectName("overrideSetting")
        override.setEnabled(usable and bool(env) and (is_token(text) or not tokens_in(text)))
        if not env:
            override.setToolTip(
                QCoreApplication.translate("SettingBinding", "Choose an environment on the toolbar first")
            )
        override.triggered.connect(lambda: self.ask_override(edit))
        unbind = menu.addAction(QCoreApplication.translate("SettingBinding", "Unbind (use the value)"))
        unbind.setObjectName("unbindSetting")
        unbind.setEnabled(usable and bool(tokens_in(text)))
        unbind.triggered.connect(lambda: self.unbind(edit))
        menu.setToolTipsVisible(True)
        return menu

    # -- the dialogs -------------------------------------------------------------------------

    def bind_dialog(self, edit: QLineEdit) -> BindSettingDialog | None:
        """The Bind dialog for ``edit`` (not shown yet)."""
        owner = self._owner()
        if owner is None:
            return None
        table = self._resolving(owner[1])
        target = self._sheet_table(self._new_scope(owner[1]))
        label = str(edit.property(SETTING_LABEL))
        return BindSettingDialog(
            table or SettingsTable(), label, edit.text(), self._suggested(edit, owner[0], target), self._editor
        )

    def ask_bind(self, edit: QLineEdit) -> bool:
        dialog = self.bind_dialog(edit)
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        choice = dialog.choice()
        dialog.deleteLater()
        if choice is None:
            return False
        return self.bind(edit, choice.name, new=choice.new, default=choice.default)

    def ask_override(self, edit: QLineEdit) -> bool:
        env = self._doc.settings.environment
        owner = self._owner()
        if not env or owner is None:
            return False
        shown, _used = self._doc.settings.shown(owner[1], edit.text())
        value, ok = QInputDialog.getText(
            self._editor,
            QCoreApplication.translate("SettingBinding", "Override in %s") % env,
            QCoreApplication.translate("SettingBinding", "Value of %s in %s:") % (edit.property(SETTING_LABEL), env),
            QLineEdit.EchoMode.Normal,
            shown or "",
        )
        return ok and self.override(edit, value)

    # -- the actions -------------------------------------------------------------------------

    def bind(self, edit: QLineEdit, name: str, *, new: bool = False, default: str | None = None) -> bool:
        """Make ``edit`` hold ``${name}``; ``new``: create the setting first, its default
        ``default`` (the field's value when None). One undo step; False when refused."""
        owner = self._owner()
        if owner is None:
            return False
        steps: list[Callable[[], bool]] = [lambda: self._write(edit, "${" + name + "}")]
        if new:
            scope = self._new_scope(owner[1])
            before = self._sheet_table(scope)
            problem = name_problem(name, self._resolving(owner[1]))
            if problem is not None:
                return self._refuse(name_message(name, problem))
            table = with_new_setting(
                before, name, edit.text() if default is None else default, secret=self._secret(edit)
            )
            steps.append(
                lambda: self._save(scope, table, QCoreApplication.translate("SettingBinding", "Add setting %s") % name)
            )
        elif self._defining_scope(owner[1], name) is None:
            return self._refuse(QCoreApplication.translate("SettingBinding", "There is no setting named '%s'.") % name)
        return self._macro(
            QCoreApplication.translate("SettingBinding", "Bind %s to setting %s")
            % (edit.property(SETTING_LABEL), name),
            steps,
        )

    def override(self, edit: QLineEdit, value: str, name: str | None = None) -> bool:
        """Give the field's setting ``value`` in the environment chosen on the toolbar; a field
        not bound yet is bound first to a new setting (``name``, else a suggested one) whose
        default is the field's value. One undo step; False when refused."""
        env = self._doc.settings.environment
        owner = self._owner()
        if not env or owner is None:
            return self._refuse(
                QCoreApplication.translate("SettingBinding", "Choose an environment on the toolbar first.")
            )
        text = edit.text()
        bound = token_name(text)
        label = edit.property(SETTING_LABEL)
        if bound is not None:
            scope = self._defining_scope(owner[1], bound)
            if scope is None:
                return self._refuse(
                    QCoreApplication.translate("SettingBinding", "There is no setting named '%s'.") % bound
                )
            before = self._sheet_table(scope)
            assert before is not None
            steps: list[Callable[[], bool]] = []
            name = bound
        elif tokens_in(text):
            return self._refuse(
                QCoreApplication.translate(
                    "SettingBinding", "This field takes more than one setting: edit them in the settings grid."
                )
            )
        else:
            scope = self._new_scope(owner[1])
            before = self._sheet_table(scope)
            name = name or self._suggested(edit, owner[0], self._resolving(owner[1]))
            problem = name_problem(name, self._resolving(owner[1]))
            if problem is not None:
                return self._refuse(name_message(name, problem))
            before = with_new_setting(before, name, text, secret=self._secret(edit))
            steps = [lambda: self._write(edit, "${" + name + "}")]
        try:
            table = with_value(before, name, env, value)
        except SettingsError:
            return self._refuse(
                QCoreApplication.translate(
                    "SettingBinding", "Setting '%s' is a secret: its values are given at export time."
                )
                % name
            )
        steps.append(
            lambda: self._save(scope, table, QCoreApplication.translate("SettingBinding", "Set %s in %s") % (name, env))
        )
        return self._macro(QCoreApplication.translate("SettingBinding", "Override %s in %s") % (label, env), steps)

    def unbind(self, edit: QLineEdit) -> bool:
        """Put in ``edit`` what its settings give in the chosen environment (their defaults when
        none is chosen) instead of their tokens; the settings stay. False when refused."""
        owner = self._owner()
        text = edit.text()
        if owner is None or not tokens_in(text):
            return False
        env = self._doc.settings.environment
        try:
            tables = self._doc.workspace.environments.tables([owner[1]])
            if env:
                values = environment_values(tables, env)
            else:
                values = {s.name: s.default for s in merged(*tables).settings if s.default is not None}
        except (SettingsError, WorkspaceError):
            values = {}
        plain, _used = display_value(text, values)
        missing = tokens_in(plain)
        if missing:
            return self._refuse(
                QCoreApplication.translate("SettingBinding", "%s has no value to put in the field.")
                % ", ".join(missing)
            )
        return self._macro(
            QCoreApplication.translate("SettingBinding", "Unbind %s") % edit.property(SETTING_LABEL),
            [lambda: self._write(edit, plain)],
        )

    # -- helpers -----------------------------------------------------------------------------

    def _refuse(self, message: str) -> bool:
        self.refused.emit(message)
        return False

    def _macro(self, text: str, steps: list[Callable[[], bool]]) -> bool:
        """``steps`` as one undo step: when one is refused, those done are taken back."""
        stack = self._doc.undo_stack
        done = True
        stack.beginMacro(text)
        try:
            for step in steps:
                if not step():
                    done = False
                    break
        finally:
            stack.endMacro()
        if not done:
            macro = stack.command(stack.index() - 1)
            if macro is not None:
                macro.setObsolete(True)  # dropped from the History once taken back
                stack.undo()
        return done

    def _write(self, edit: QLineEdit, text: str) -> bool:
        """Type ``text`` into ``edit`` and finish, as a person would: its row checks and commits."""
        old = edit.text()
        edit.setText(text)
        edit.editingFinished.emit()
        if not shiboken6.isValid(edit):
            return True  # the page was rebuilt by the edit (an adapter's form)
        if is_marked(edit):  # the row's check refused it: say why, show the stored value again
            why = edit.toolTip()
            edit.setText(old)
            mark(edit, None)
            self.refused.emit(why)
            return False
        return edit.text() == text  # else the document refused it, and the editor said why

    def _save(self, scope: str, table: SettingsTable, text: str) -> bool:
        door = self._doc.settings
        return door.save(scope, table, text)

    def _sheet_table(self, scope: str) -> SettingsTable | None:
        sheet = self._doc.settings.sheet(scope)
        return sheet.table if sheet is not None else None

    def _new_scope(self, application: str) -> str:
        """Where a new setting goes: the application's sheet when it has one, else the workspace's."""
        return application if self._doc.settings.sheet(application) is not None else WORKSPACE

    def _defining_scope(self, application: str, name: str) -> str | None:
        for scope in (application, WORKSPACE):
            table = self._sheet_table(scope)
            if table is not None and table.setting(name) is not None:
                return scope
        return None

    def _resolving(self, application: str) -> SettingsTable | None:
        """The settings the application's ports resolve against (its sheet over the workspace's)."""
        tables = [t for scope in (WORKSPACE, application) if (t := self._sheet_table(scope)) is not None]
        return merged(*tables) if tables else None

    def _suggested(self, edit: QLineEdit, owner: str, table: SettingsTable | None) -> str:
        parts = [owner]
        widget: QObject | None = edit
        while widget is not None and widget is not self._editor:
            prefix = widget.property(SETTING_PREFIX)
            if prefix:
                parts.append(str(prefix))
                break
            widget = widget.parent()
        parts.append(str(edit.property(SETTING_LABEL)))
        return suggested_name(parts, table)

    @staticmethod
    def _secret(edit: QLineEdit) -> bool:
        return edit.echoMode() != QLineEdit.EchoMode.Normal
