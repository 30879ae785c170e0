"""The widget of each kind of adapter setting, chosen from catalog data by :func:`make_field`.

Text, password, boolean, integer, list of allowed values, nested XML document: one
:class:`Field` subclass each (house rule 7: adding an adapter adds catalog data, not widgets).
Typed input commits on Enter or leaving the field; a click, a choice or an arrow step commits
at once; Escape in a typed field shows the file's value again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from designer.editors.adapter_field_base import Field, catalog_tr, dim
from designer.editors.adapter_inputs import IntegerBox, NoWheelUnlessFocused
from designer.editors.fields import ERROR_COLOR, INVALID_PROPERTY, EditKeys, Sessions, offer_settings
from designer.editors.xml_editor import XmlEditor
from model.adapters import (
    MASKED_PASSWORD,
    SettingSpec,
    VariantType,
    format_setting,
    int_range,
    parse_setting,
    python_type,
)
from model.domain import AdapterProperty, is_token

__all__ = [
    "BoolField",
    "ChoiceField",
    "Field",
    "IntegerField",
    "SecretField",
    "TextField",
    "XmlField",
    "make_field",
]


class TextField(Field):
    """vt 8 (and dates): a line edit, or a small multi-line editor for a value with line breaks."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.editingFinished.connect(self.commit_pending)
        EditKeys(self.edit, self.pending, self.revert)
        self.edit.setClearButtonEnabled(False)
        offer_settings(self.edit, spec.name)
        self.multi: QPlainTextEdit | None = None
        self._sessions: tuple[Sessions, str] | None = None
        self.line.addWidget(self.edit)
        if spec.vt == VariantType.VT_DATE:
            self.edit.setPlaceholderText("MM/dd/yyyy HH:mm:ss")

    def editor(self) -> QWidget:
        return self.multi if self.multi is not None and self.multi.isVisibleTo(self) else self.edit

    def watch(self, sessions: Sessions, field: str) -> None:
        self._sessions = (sessions, field)
        sessions.watch(self.edit, field)

    def typed_text(self) -> str | None:
        """What the widget holds, as the value it would commit (None for nothing)."""
        if self.multi is not None and self.multi.isVisibleTo(self):
            return self.multi.toPlainText() or None
        return self.edit.text() or None

    def pending(self) -> bool:
        return self.typed_text() != self.shown_text()

    def commit_pending(self) -> None:
        if self.pending():
            self._commit(self.typed_text())

    def _display(self, text: str | None) -> None:
        shown = text or ""
        placeholder = "" if self.present else (self.spec.default or "")
        if "\n" in shown and not self.edit.hasFocus():
            multi = self._multi()
            if multi.toPlainText() != shown:
                blocker = multi.blockSignals(True)
                multi.setPlainText(shown)
                multi.blockSignals(blocker)
            multi.setPlaceholderText(placeholder)
            self.edit.hide()
            multi.show()
            return
        if self.multi is not None and not self.multi.hasFocus():
            self.multi.hide()
            self.edit.show()
        if self.edit.text() != shown:
            blocker = self.edit.blockSignals(True)
            self.edit.setText(shown)
            self.edit.blockSignals(blocker)
            if not self.edit.hasFocus():
                self.edit.setCursorPosition(0)  # show the start of a long value, not its end
        if self.spec.vt != VariantType.VT_DATE:
            self.edit.setPlaceholderText(placeholder)

    def _multi(self) -> QPlainTextEdit:
        if self.multi is None:
            self.multi = QPlainTextEdit(self)
            self.multi.setTabChangesFocus(True)
            self.multi.setFixedHeight(self.multi.fontMetrics().lineSpacing() * 4 + 12)
            self.multi.textChanged.connect(self._on_multi_text_changed)
            EditKeys(self.multi, self.pending, self.revert, commit=self.commit_pending)
            self.line.addWidget(self.multi)
            if self._sessions is not None:
                self._sessions[0].watch(self.multi, self._sessions[1])
        return self.multi

    def _on_edit_text_edited(self, text: str) -> None:
        self._typed(text or None)

    def _on_multi_text_changed(self) -> None:
        assert self.multi is not None
        self._typed(self.multi.toPlainText() or None)


class SecretField(TextField):
    """A password: masked, with a reveal button; a blanked export value is shown as missing."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal = QToolButton(self)
        self.reveal.setObjectName("revealPassword")
        self.reveal.setCheckable(True)
        self.reveal.setText(self.tr("Show"))
        self.reveal.setToolTip(self.tr("Show or hide the password"))
        self.reveal.toggled.connect(self._on_reveal_toggled)
        self.line.addWidget(self.reveal)

    def _display(self, text: str | None) -> None:
        blank = text is None or text == "" or text == MASKED_PASSWORD
        if blank and self.edit.text() != "":
            blocker = self.edit.blockSignals(True)
            self.edit.clear()
            self.edit.blockSignals(blocker)
        elif not blank and self.edit.text() != text:
            blocker = self.edit.blockSignals(True)
            self.edit.setText(text or "")
            self.edit.blockSignals(blocker)
        self.edit.setPlaceholderText(self.tr("Not set") if blank else "")
        # A ${Token} stands for a password set per environment: it is no secret itself.
        shown = self.reveal.isChecked() or is_token(text)
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def shown_text(self) -> str | None:
        text = super().shown_text()
        return None if text == MASKED_PASSWORD else text  # a blanked password shows as missing

    def _show_note(self, prop: AdapterProperty | None) -> None:
        blanked = prop is not None and (
            prop.vt == VariantType.VT_NULL or not prop.value or prop.value == MASKED_PASSWORD
        )
        required = self.mode_note()
        if required is not None:
            self.set_note(required, warning=True)
        elif blanked and self.mode_required is False:
            self.set_note(self.tr("Blank; the authentication mode chosen does not require it."))
        elif blanked:
            self.set_note(
                self.tr("Missing: exported binding files blank passwords. Set it before importing into BizTalk."),
                warning=True,
            )
        elif prop is not None and is_token(prop.value):
            self.set_note(self.tr("Placeholder: filled in when the bindings are deployed."))
        else:
            super()._show_note(prop)

    def _on_reveal_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.reveal.setText(self.tr("Hide") if shown else self.tr("Show"))


class BoolField(Field):
    """vt 11: a checkbox; a placeholder or a value that is no boolean shows as text instead."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check = QCheckBox(self)
        self.check.clicked.connect(self._on_check_clicked)
        self.text = QLineEdit(self)
        self.text.textEdited.connect(self._on_text_text_edited)
        self.text.editingFinished.connect(self.commit_pending)
        EditKeys(self.text, self.pending, self.revert)
        offer_settings(self.text, spec.name)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.check)
        self.stack.addWidget(self.text)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.line.addWidget(self.stack)

    def editor(self) -> QWidget:
        return self.stack.currentWidget() or self.check

    def pending(self) -> bool:
        return self.stack.currentWidget() is self.text and (self.text.text().strip() or None) != self.shown_text()

    def commit_pending(self) -> None:
        if self.pending():
            self._commit(self.text.text().strip() or None)

    def watch(self, sessions: Sessions, field: str) -> None:
        sessions.watch(self.check, field)
        sessions.watch(self.text, field)

    def _display(self, text: str | None) -> None:
        source = text if self.present else self.spec.default
        try:
            value = parse_setting(self.spec, source) if self.vt == self.spec.vt else None
        except ValueError:
            value = None
        as_text = self.text.hasFocus() or (self.present and not isinstance(value, bool))
        self.stack.setCurrentWidget(self.text if as_text else self.check)
        blocker = self.check.blockSignals(True)
        self.check.setChecked(value is True)
        self.check.blockSignals(blocker)
        if self.text.text() != (text or ""):
            blocker = self.text.blockSignals(True)
            self.text.setText(text or "")
            self.text.blockSignals(blocker)
        dim(self.check, not self.present)

    def _on_check_clicked(self, checked: bool) -> None:
        self._commit(format_setting(self.spec, checked) if self.vt == self.spec.vt else str(checked))

    def _on_text_text_edited(self, text: str) -> None:
        self._typed(text.strip() or None)


class IntegerField(Field):
    """vt 2/3/17/18/19/20/21: a spin box bounded by the type and the catalog, tokens allowed."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = IntegerBox(self)
        self.box.text_edited.connect(self._on_box_text_edited)
        self.box.stepped.connect(self._on_box_stepped)
        self.box.editingFinished.connect(self.commit_pending)
        EditKeys(self.box, self.pending, self.revert)
        self._stepping = False
        self.line.addWidget(self.box)
        self.line.addStretch(1)

    def editor(self) -> QWidget:
        return self.box

    def one_step(self) -> bool:
        return not self._stepping  # arrow steps merge until the field is left

    def watch(self, sessions: Sessions, field: str) -> None:
        sessions.watch(self.box, field)
        self.box.editingFinished.connect(lambda: sessions.finish(field))

    def pending(self) -> bool:
        return (self.box.text().strip() or None) != self.shown_text()

    def commit_pending(self) -> None:
        if self.pending():
            self._commit(self.box.text().strip() or None)

    def _display(self, text: str | None) -> None:
        vt = self.vt if self.vt is not None and python_type(self.vt) is int else self.spec.vt
        low, high = int_range(vt)
        self.box.low = low if self.spec.minimum is None else max(low, self.spec.minimum)
        self.box.high = high if self.spec.maximum is None else min(high, self.spec.maximum)
        default = self.spec.default or ""
        start = int(default) if default.lstrip("-").isdigit() else 0
        self.box.start = min(max(start, self.box.low), self.box.high)
        edit = self.box.lineEdit()
        if edit.text() != (text or ""):
            blocker = edit.blockSignals(True)
            edit.setText(text or "")
            edit.blockSignals(blocker)
        edit.setPlaceholderText("" if self.present else default)

    def _set_mark(self, problem: str | None) -> None:
        # Not fields.mark: a style sheet border on a spin box replaces the style's arrow
        # buttons with bare ones. A tinted background says the same and keeps them.
        invalid = bool(problem)
        if bool(self.box.property(INVALID_PROPERTY)) != invalid:
            self.box.setProperty(INVALID_PROPERTY, invalid)
            palette = QPalette()
            if invalid:
                palette = QPalette(self.box.palette())
                base = palette.color(QPalette.ColorRole.Base)
                tint = QColor(ERROR_COLOR)
                palette.setColor(
                    QPalette.ColorRole.Base,
                    QColor(
                        (base.red() * 3 + tint.red()) // 4,
                        (base.green() * 3 + tint.green()) // 4,
                        (base.blue() * 3 + tint.blue()) // 4,
                    ),
                )
            self.box.setPalette(palette)
        self.box.setToolTip(problem or "")
        self.error.show_message(problem)

    def _on_box_text_edited(self, text: str) -> None:
        self._typed(text.strip() or None)

    def _on_box_stepped(self, text: str) -> None:
        self._stepping = True
        try:
            self._commit(text.strip() or None)
        finally:
            self._stepping = False


class ChoiceField(Field):
    """Allowed values: a list of labels (values as item data); a value not in it is kept and shown."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        for value, label in spec.choices:
            self.combo.addItem(catalog_tr(label), value)
        self._listed = self.combo.count()
        self.combo.setPlaceholderText(self.tr("(not set)"))
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.installEventFilter(NoWheelUnlessFocused(self.combo))
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.activated.connect(self._on_combo_activated)
        self.line.addWidget(self.combo, 1)

    def editor(self) -> QWidget:
        return self.combo

    def _display(self, text: str | None) -> None:
        blocker = self.combo.blockSignals(True)
        while self.combo.count() > self._listed:
            self.combo.removeItem(self.combo.count() - 1)
        source = text if self.present else self.spec.default
        index = -1 if source is None else self.combo.findData(source)
        if index < 0 and self.present:
            self.combo.addItem(source or self.tr("(empty)"), source or "")
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(blocker)
        dim(self.combo, not self.present)

    def _show_note(self, prop: AdapterProperty | None) -> None:
        super()._show_note(prop)
        if prop is not None and not self.note.isVisible():
            if is_token(prop.value):
                self.set_note(self.tr("Placeholder: filled in when the bindings are deployed."))
            elif all(value != prop.value for value, _label in self.spec.choices):
                self.set_note(self.tr("Not one of the values this adapter lists; kept as written."))

    def _on_combo_activated(self, index: int) -> None:
        self._commit(self.combo.itemData(index) or None)


class XmlField(Field):
    """A nested document (BindingConfiguration, StaticAction...), edited as XML; plain text
    (an action URI) is accepted where the setting allows either."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.xml = XmlEditor(self, allow_plain_text=True, fit_lines=(1, 12), format_below=False)
        self.xml.text_committed.connect(self._on_xml_text_committed)
        # The label heads the field, the Format button at its right: the editor gets the width.
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.label, 1)
        head.addWidget(self.xml.format_button)
        self.column.insertLayout(0, head)
        self.line.addWidget(self.xml)

    def editor(self) -> QWidget:
        return self.xml.edit

    def watch(self, sessions: Sessions, field: str) -> None:
        # Not sessions.watch: focus-out must first commit what was typed, then end the session.
        self.xml.editing_finished.connect(lambda: sessions.finish(field))

    def pending(self) -> bool:
        return self.xml.pending()

    def commit_pending(self) -> None:
        self.xml.commit_pending()

    def _display(self, text: str | None) -> None:
        if self.xml.text() != (text or ""):
            self.xml.set_text(text or "")
        self.xml.set_placeholder("" if self.present else (self.spec.default or ""))

    def _set_mark(self, problem: str | None) -> None:
        self.xml.show_problem(problem)

    def _on_xml_text_committed(self, text: str) -> None:
        self._commit(text or None)


def make_field(spec: SettingSpec) -> Field:
    """The widget for a setting, chosen from its catalog data (VARIANT type, choices, flags)."""
    if spec.nested_xml:
        return XmlField(spec)
    if spec.secret:
        return SecretField(spec)
    if spec.choices:
        return ChoiceField(spec)
    if spec.vt == VariantType.VT_BOOL:
        return BoolField(spec)
    if python_type(spec.vt) is int:
        return IntegerField(spec)
    return TextField(spec)
