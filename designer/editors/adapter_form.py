"""Adapter settings: one form builder renders any adapter of the catalog (house rule 7).

:class:`AdapterSettingsEditor` shows a transport's ``CustomProps`` as a typed form built
from ``model.adapters`` (a widget per VARIANT type, grouped by section), the properties the
catalog does not know in a generic table, and the whole document in a Raw XML tab kept in
sync both ways. Adapter Framework adapters (FTP, MSMQ, MQSC) keep everything in one
``AdapterConfig`` document: its ``<Config>`` children get a typed form of their own, and a
change rewrites only the child it touches. A user edit leaves as a new
:class:`AdapterSettings` in ``edited`` with a merge key for undo; invalid input stays in the
widget, marked, and never leaves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.editors.adapter_table import PropertyTable, variant_problem, vt_label
from designer.editors.fields import (
    ERROR_COLOR,
    INVALID_PROPERTY,
    ErrorLabel,
    Sessions,
    mark,
)
from designer.editors.xml_editor import XmlEditor, XmlProblem, parse_xml
from model.adapters import (
    _INT_RANGES,
    MASKED_PASSWORD,
    AdapterSpec,
    SettingSpec,
    VariantType,
    adapter_spec,
    format_setting,
    parse_setting,
    python_type,
)
from model.bindings import xmltext as xt
from model.bindings.reader import inner_markup
from model.bindings.writer import Style, render, settings_node
from model.domain import AdapterProperty, AdapterSettings, is_token, replace

__all__ = [
    "AdapterSettingsEditor",
    "Field",
    "config_values",
    "make_field",
    "remove_config_child",
    "rename_config_child",
    "set_config_child",
    "settings_from_text",
    "settings_text",
]

_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_NEW_CONFIG = ('<{root} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xmlns:xsd="http://www.w3.org/2001/XMLSchema" />')
WARNING_COLOR = "#a15c00"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AdapterSettingsEditor", text)


# -- documents: CustomProps text and wrapped <Config> children (no Qt) -----------------------


def settings_text(settings: AdapterSettings) -> str:
    """The ``CustomProps`` document as BizTalk stores it, one property per line (XML values
    escaped once inside their element)."""
    return render(settings_node(settings), "", Style("  ", "\n"), True)


def settings_from_text(text: str, current: AdapterSettings | None = None) -> AdapterSettings:
    """Parse a ``CustomProps`` document typed in the raw view; :class:`XmlProblem` if unusable.

    Properties come in document order with their ``vt`` codes. An empty element reads as
    None, except where ``current`` had ``""`` for it: the two are written alike.
    """
    root = parse_xml(text)
    if root.tag != "CustomProps":
        raise XmlProblem(_tr("The root element must be <CustomProps>."), root.sourceline or 1)
    before = {p.name: p for p in reversed(current.properties)} if current else {}
    props: list[AdapterProperty] = []
    for el in root:
        if not isinstance(el.tag, str):
            continue
        if el.tag.startswith("{"):
            raise XmlProblem(_tr("A property name cannot have a namespace."), el.sourceline or 1)
        vt_text = el.get("vt")
        try:
            vt = None if vt_text is None else int(vt_text)
        except ValueError:
            raise XmlProblem(_tr("<%1>: vt must be a VARIANT code such as 8.").replace("%1", el.tag),
                             el.sourceline or 1) from None
        value = inner_markup(el) if any(isinstance(c.tag, str) for c in el) else el.text
        was = before.get(el.tag)
        if value is None and was is not None and was.value == "":
            value = ""
        props.append(AdapterProperty(el.tag, vt, value))
    try:
        return replace(current or AdapterSettings(), properties=tuple(props), unparsed=None)
    except ValidationError as e:
        raise XmlProblem(str(e.errors(include_url=False)[0]["msg"])) from None


def config_values(text: str | None) -> dict[str, str | None]:
    """The text of each child of a wrapped ``<Config>`` document (first of each name)."""
    if text is None or not text.strip():
        return {}
    out: dict[str, str | None] = {}
    for el in parse_xml(text):
        if isinstance(el.tag, str) and not el.tag.startswith("{") and el.tag not in out \
                and not any(isinstance(c.tag, str) for c in el):
            out[el.tag] = None if el.get(_XSI_NIL) == "true" else (el.text or "")
    return out


def _config_root(text: str | None, root_name: str) -> tuple[list, xt.Element]:
    if text is None or not text.strip():
        text = _NEW_CONFIG.format(root=root_name)
    parse_xml(text)  # refuses what is not well-formed before the lossless tokenizer sees it
    nodes = xt.parse(text)
    root = xt.first_element(nodes)
    assert root is not None
    return nodes, root


def _separator(root: xt.Element) -> str | None:
    return next((str(k) for k in root.children if isinstance(k, xt.Text) and not k.strip()), None)


def set_config_child(text: str | None, root_name: str, name: str, value: str | None,
                     order: Sequence[str] = ()) -> str:
    """``text`` with child ``name`` set to ``value``, everything else kept as written.

    A new child goes before the first child that follows it in ``order`` (catalog order),
    else last, with the indentation its siblings use.
    """
    nodes, root = _config_root(text, root_name)
    escaped = xt.escape_text(value or "")
    el = root.find(name)
    if el is not None:
        el.set_text(escaped)
        return xt.serialize(nodes)
    new = xt.Element(name, f"<{name}>", [xt.Text(escaped)], f"</{name}>") if escaped \
        else xt.Element(name, f"<{name} />")
    later = set(order[order.index(name) + 1:]) if name in order else set()
    kids = list(root.children)
    elements = [i for i, k in enumerate(kids) if isinstance(k, xt.Element)]
    anchor = next((i for i in elements if kids[i].name in later), None)
    gap = _separator(root)
    if anchor is not None:
        kids[anchor:anchor] = [new, xt.Text(gap)] if gap else [new]
    elif elements:
        kids[elements[-1] + 1:elements[-1] + 1] = [xt.Text(gap), new] if gap else [new]
    else:
        kids.append(new)
    root.set_children(kids)
    return xt.serialize(nodes)


def remove_config_child(text: str, name: str) -> str:
    """``text`` without child ``name`` (and the line break before it)."""
    nodes, root = _config_root(text, "Config")
    kids = list(root.children)
    for i, k in enumerate(kids):
        if isinstance(k, xt.Element) and k.name == name:
            start = i - 1 if i > 0 and isinstance(kids[i - 1], xt.Text) and not kids[i - 1].strip() else i
            del kids[start:i + 1]
            break
    root.children = kids
    return xt.serialize(nodes)


def rename_config_child(text: str, old: str, new: str) -> str:
    nodes, root = _config_root(text, "Config")
    el = root.find(old)
    if el is not None:
        el.name = new
        el.start = f"<{new}{el.start[1 + len(old):]}"
        if el.end:
            el.end = f"</{new}>"
    return xt.serialize(nodes)


# -- one setting ---------------------------------------------------------------------------


def setting_problem(spec: SettingSpec, vt: int | None, text: str | None) -> str | None:
    """Why ``text`` cannot be ``spec``'s value when written with ``vt``; None when it can."""
    effective = spec.vt if vt is None or vt == VariantType.VT_NULL else vt
    if python_type(effective) is str:
        return _tr("Required.") if spec.required and not text else None
    if effective == spec.vt:
        return variant_problem(effective, text, spec.minimum, spec.maximum, spec.bool_texts)
    if python_type(effective) is int and python_type(spec.vt) is int:
        return variant_problem(effective, text, spec.minimum, spec.maximum)
    return variant_problem(effective, text)


_NOTHING = object()


def _dim(widget: QWidget, dimmed: bool) -> None:
    """Grey a widget out without disabling it (a catalog default not written in the file)."""
    if dimmed:
        palette = QPalette(widget.palette())
        color = palette.color(QPalette.ColorRole.PlaceholderText)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, color)
        widget.setPalette(palette)
    else:
        widget.setPalette(QPalette())


class _NoWheelUnlessFocused(QObject):
    """Scrolling the form over a list or number must scroll the form, not change the value."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Wheel and isinstance(obj, QWidget) and not obj.hasFocus():
            event.ignore()
            return True
        return False


class IntegerBox(QAbstractSpinBox):
    """A spin box for any integer range (QSpinBox stops at int32) that also takes ``${Token}``s.

    Any text may be typed: the field checks it and marks it, instead of refusing keystrokes.
    """

    text_edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high = -(2**31), 2**31 - 1
        self.start = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(140)
        self.lineEdit().textEdited.connect(self.text_edited)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return QValidator.State.Acceptable, text, pos

    def _number(self) -> int | None:
        text = self.text().strip()
        return int(text) if text.lstrip("-").isdigit() and text.count("-") <= 1 else None

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 - Qt override
        n = self._number()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if n is None:
            return flags if self.text().strip() else (QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
                                                      | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled)
        if n < self.high:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if n > self.low:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        n = self._number()
        value = min(max((self.start if n is None else n + steps), self.low), self.high)
        self.lineEdit().setText(str(value))
        self.text_edited.emit(str(value))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


class Field(QWidget):
    """One setting's editor, with a hint or warning and an inline error under it.

    ``changed(name, text)`` carries only valid user input (text as BizTalk writes it, None
    for an empty element). ``one_step``: each change is its own undo step (a checkbox, a list).
    """

    changed = Signal(str, object)

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.vt: int | None = spec.vt
        self.present = False
        self._shown: AdapterProperty | None | object = _NOTHING
        self.label = QLabel(spec.label + ":")
        self.label.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.error = ErrorLabel(self)
        self.line = QHBoxLayout()
        self.line.setContentsMargins(0, 0, 0, 0)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2)
        self.column.addLayout(self.line)
        self.column.addWidget(self.note)
        self.column.addWidget(self.error)

    def editor(self) -> QWidget:
        """The widget that is marked when invalid and focused by ``focus_setting``."""
        raise NotImplementedError

    def one_step(self) -> bool:
        """Whether each change is its own undo step (a click, a choice) rather than typing."""
        return False

    def watch(self, sessions: Sessions, field: str) -> None:
        sessions.watch(self.editor(), field)

    def show_setting(self, prop: AdapterProperty | None) -> None:
        """Show the file's property, or the catalog default greyed when it is absent.

        Nothing happens while the property stays as last shown: the widget then holds either
        that value or what the user is typing (invalid input stays, marked, until replaced)."""
        if prop == self._shown:
            return
        self._shown = prop
        self.present = prop is not None
        self.vt = self.spec.vt if prop is None or prop.vt in (None, VariantType.VT_NULL) else prop.vt
        text = prop.value if prop is not None else None
        self._display(text)
        dimmed = not self.present
        _dim(self.label, dimmed)
        self._set_tooltips(dimmed)
        self._set_mark(setting_problem(self.spec, self.vt, text) if self.present else None)
        self._show_note(prop)

    def forget(self) -> None:
        """Show the next value whatever the widget holds (a value from elsewhere replaces typing)."""
        self._shown = _NOTHING

    def _display(self, text: str | None) -> None:
        raise NotImplementedError

    def _user_changed(self, text: str | None) -> None:
        problem = setting_problem(self.spec, self.vt, text)
        self._set_mark(problem)
        if problem is None:
            self.changed.emit(self.spec.name, text)

    def _set_mark(self, problem: str | None) -> None:
        mark(self.editor(), problem, self.error)

    def _set_tooltips(self, dimmed: bool) -> None:
        tip = _catalog_tr(self.spec.description or self.spec.label)
        tip += "\n" + self.tr("Property %1 (%2)").replace("%1", self.spec.name).replace("%2", vt_label(self.vt))
        if dimmed:
            default = self.spec.default if self.spec.default not in (None, "") else self.tr("empty")
            tip += "\n" + self.tr("Not in the file: BizTalk uses its default (%1).").replace("%1", str(default))
        self.label.setToolTip(tip)
        self.setToolTip(tip)

    def _show_note(self, prop: AdapterProperty | None) -> None:
        note, warn = None, False
        if prop is not None and prop.vt not in (None, VariantType.VT_NULL, self.spec.vt):
            note = self.tr("Written as %1; the catalog expects %2.").replace("%1", vt_label(prop.vt)) \
                .replace("%2", vt_label(self.spec.vt))
        elif prop is not None and is_token(prop.value) and python_type(self.spec.vt) is not str:
            note = self.tr("Placeholder: filled in when the bindings are deployed.")
        self.set_note(note, warn)

    def set_note(self, text: str | None, warning: bool = False) -> None:
        if self.note.text() != (text or ""):
            self.note.setText(text or "")
        self.note.setVisible(bool(text))
        if warning:
            palette = QPalette(self.note.palette())
            palette.setColor(QPalette.ColorRole.WindowText, QColor(WARNING_COLOR))
            self.note.setPalette(palette)
            self.note.setForegroundRole(QPalette.ColorRole.WindowText)
        else:
            self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)


class TextField(Field):
    """vt 8 (and dates): a line edit, or a small multi-line editor for a value with line breaks."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.edit = QLineEdit(self)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.setClearButtonEnabled(False)
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
        self.edit.returnPressed.connect(lambda: sessions.finish(field))

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
            self.line.addWidget(self.multi)
            if self._sessions is not None:
                self._sessions[0].watch(self.multi, self._sessions[1])
        return self.multi

    def _on_edit_text_edited(self, text: str) -> None:
        self._user_changed(text or None)

    def _on_multi_text_changed(self) -> None:
        assert self.multi is not None
        self._user_changed(self.multi.toPlainText() or None)


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

    def _show_note(self, prop: AdapterProperty | None) -> None:
        blanked = prop is not None and (prop.vt == VariantType.VT_NULL or not prop.value
                                        or prop.value == MASKED_PASSWORD)
        if blanked:
            self.set_note(self.tr("Missing: exported binding files blank passwords. "
                                  "Set it before importing into BizTalk."), warning=True)
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
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.check)
        self.stack.addWidget(self.text)
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.line.addWidget(self.stack)

    def one_step(self) -> bool:
        return self.stack.currentWidget() is self.check

    def editor(self) -> QWidget:
        return self.stack.currentWidget() or self.check

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
        _dim(self.check, not self.present)

    def _on_check_clicked(self, checked: bool) -> None:
        self._user_changed(format_setting(self.spec, checked) if self.vt == self.spec.vt else str(checked))

    def _on_text_text_edited(self, text: str) -> None:
        self._user_changed(text.strip() or None)


class IntegerField(Field):
    """vt 2/3/17/18/19/20/21: a spin box bounded by the type and the catalog, tokens allowed."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = IntegerBox(self)
        self.box.text_edited.connect(self._on_box_text_edited)
        self.line.addWidget(self.box)
        self.line.addStretch(1)

    def editor(self) -> QWidget:
        return self.box

    def watch(self, sessions: Sessions, field: str) -> None:
        sessions.watch(self.box, field)
        self.box.editingFinished.connect(lambda: sessions.finish(field))

    def _display(self, text: str | None) -> None:
        vt = self.vt if self.vt in _INT_RANGES else self.spec.vt
        low, high = _INT_RANGES[vt]
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
                palette.setColor(QPalette.ColorRole.Base, QColor(
                    (base.red() * 3 + tint.red()) // 4, (base.green() * 3 + tint.green()) // 4,
                    (base.blue() * 3 + tint.blue()) // 4))
            self.box.setPalette(palette)
        self.box.setToolTip(problem or "")
        self.error.show_message(problem)

    def _on_box_text_edited(self, text: str) -> None:
        self._user_changed(text.strip() or None)


class ChoiceField(Field):
    """Allowed values: a list of labels (values as item data); a value not in it is kept and shown."""

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox(self)
        for value, label in spec.choices:
            self.combo.addItem(_catalog_tr(label), value)
        self._listed = self.combo.count()
        self.combo.setPlaceholderText(self.tr("(not set)"))
        self.combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.combo.installEventFilter(_NoWheelUnlessFocused(self.combo))
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.activated.connect(self._on_combo_activated)
        self.line.addWidget(self.combo, 1)

    def editor(self) -> QWidget:
        return self.combo

    def one_step(self) -> bool:
        return True

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
        _dim(self.combo, not self.present)

    def _show_note(self, prop: AdapterProperty | None) -> None:
        super()._show_note(prop)
        if prop is not None and not self.note.isVisible():
            if is_token(prop.value):
                self.set_note(self.tr("Placeholder: filled in when the bindings are deployed."))
            elif all(value != prop.value for value, _label in self.spec.choices):
                self.set_note(self.tr("Not one of the values this adapter lists; kept as written."))

    def _on_combo_activated(self, index: int) -> None:
        self._user_changed(self.combo.itemData(index) or None)


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

    def _display(self, text: str | None) -> None:
        if self.xml.text() != (text or ""):
            self.xml.set_text(text or "")
        self.xml.set_placeholder("" if self.present else (self.spec.default or ""))

    def _set_mark(self, problem: str | None) -> None:
        self.xml.show_problem(problem)

    def _on_xml_text_committed(self, text: str) -> None:
        self._user_changed(text or None)


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
    if spec.vt in _INT_RANGES:
        return IntegerField(spec)
    return TextField(spec)


def _catalog_tr(text: str) -> str:
    return QCoreApplication.translate("AdapterCatalog", text)



# -- sections and forms ----------------------------------------------------------------------


class Section(QWidget):
    """A titled group of rows that folds away under its header."""

    def __init__(self, title: str, parent: QWidget | None = None, *, expanded: bool = True) -> None:
        super().__init__(parent)
        self.header = QToolButton(self)
        self.header.setObjectName("sectionHeader")
        self.header.setText(title)
        self.header.setAutoRaise(True)
        self.expanded = expanded
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.body = QWidget(self)
        self.box = QVBoxLayout(self.body)
        self.box.setContentsMargins(20, 2, 0, 6)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.header)
        head.addWidget(rule, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.body)
        self.header.clicked.connect(self._on_header_clicked)
        self.set_expanded(expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def _on_header_clicked(self) -> None:
        self.set_expanded(not self.expanded)


class SettingsForm(QWidget):
    """Rows for ``specs``, one per setting, in sections in catalog order."""

    changed = Signal(str, object, bool)  # setting name, text (None: empty), one undo step

    def __init__(self, specs: Sequence[SettingSpec], sessions: Sessions, prefix: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self.sections: dict[str, Section] = {}
        self._section_of: dict[str, Section] = {}
        forms: dict[str, QFormLayout] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            section = self.sections.get(spec.section)
            if section is None:
                section = self.sections[spec.section] = Section(_catalog_tr(spec.section), self)
                form = forms[spec.section] = QFormLayout()
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
                form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                section.box.addLayout(form)
                layout.addWidget(section)
            field = make_field(spec)
            field.label.setText(_catalog_tr(spec.label) + ":")
            field.watch(sessions, f"{prefix}{spec.name}")
            field.changed.connect(self._on_field_changed)
            if isinstance(field, XmlField):
                forms[spec.section].addRow(field)
            else:
                field.label.setBuddy(field.editor())
                forms[spec.section].addRow(field.label, field)
            self.fields[spec.name] = field
            self._section_of[spec.name] = section

    def show_values(self, props: Mapping[str, AdapterProperty]) -> None:
        for name, field in self.fields.items():
            field.show_setting(props.get(name))

    def forget(self) -> None:
        for field in self.fields.values():
            field.forget()

    def reveal(self, name: str) -> Field | None:
        """The field of ``name`` with its section unfolded (None when the form has none)."""
        field = self.fields.get(name)
        if field is not None:
            self._section_of[name].set_expanded(True)
        return field

    def _on_field_changed(self, name: str, text: object) -> None:
        self.changed.emit(name, text, self.fields[name].one_step())


# -- the editor ------------------------------------------------------------------------------

#: Labels longer than this wrap; shorter ones set the width of the label column.
LABEL_WIDTH_MAX = 180


def _align_labels(labels: Sequence[QLabel]) -> None:
    """One label column width for every section of a page, so that the fields line up."""
    if not labels:
        return
    widest = max(label.fontMetrics().horizontalAdvance(label.text()) for label in labels) + 4
    width = min(widest, LABEL_WIDTH_MAX)
    for label in labels:
        label.setFixedWidth(width)


class _AdapterPage(QWidget):
    """The Settings tab's content for one adapter: typed forms first, generic tables after."""

    def __init__(self, spec: AdapterSpec | None, sessions: Sessions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.form: SettingsForm | None = None
        self.inner_form: SettingsForm | None = None
        self.inner_table: PropertyTable | None = None
        self.inner_section: Section | None = None
        self.config_section: Section | None = None
        self._first_show = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.inner_message = QLabel(self)
        self.inner_message.setWordWrap(True)
        self.inner_message.setStyleSheet(f"color: {WARNING_COLOR};")
        self.inner_message.hide()
        layout.addWidget(self.inner_message)
        if spec is not None and spec.wraps_adapter_config:
            wrapper = spec.wrapper_property or "AdapterConfig"
            self.inner_form = SettingsForm(spec.inner_settings, sessions, f"settings.{wrapper}.", self)
            layout.addWidget(self.inner_form)
            self.inner_section = Section(self.tr("Other <%1> elements").replace("%1", spec.inner_root), self)
            self.inner_table = PropertyTable(self.inner_section.body, typed=False)
            self.inner_section.box.addWidget(self.inner_table)
            layout.addWidget(self.inner_section)
            document = self.tr("Configuration document")
            outer = tuple(s.model_copy(update={"section": document}) if s.name == wrapper else s for s in spec.settings)
            self.form = SettingsForm(outer, sessions, "settings.", self)
            self.config_section = self.form.sections.get(document)
            layout.addWidget(self.form)
        elif spec is not None:
            self.form = SettingsForm(spec.settings, sessions, "settings.", self)
            layout.addWidget(self.form)
        _align_labels([f.label for form in (self.inner_form, self.form) if form is not None
                       for f in form.fields.values() if not isinstance(f, XmlField)])
        self.table_section = Section(self.tr("Other properties") if spec else self.tr("Properties"), self)
        self.table = PropertyTable(self.table_section.body)
        self.table_section.box.addWidget(self.table)
        layout.addWidget(self.table_section)
        layout.addStretch(1)

    def show_settings(self, settings: AdapterSettings) -> None:
        known = {s.name for s in self.spec.settings} if self.spec else set()
        values: dict[str, AdapterProperty] = {}
        others: list[AdapterProperty] = []
        for prop in settings.properties:
            if prop.name in known and prop.name not in values:
                values[prop.name] = prop
            else:
                others.append(prop)
        if self.form is not None:
            self.form.show_values(values)
        self.table.set_rows(others, [p.name for p in settings.properties], known)
        if self._first_show:
            self.table_section.set_expanded(bool(others) or self.spec is None)
            if self.config_section is not None:
                self.config_section.set_expanded(False)
        if self.spec is not None and self.spec.wraps_adapter_config:
            self._show_config(values.get(self.spec.wrapper_property or "AdapterConfig"))
        self._first_show = False

    def _show_config(self, prop: AdapterProperty | None) -> None:
        assert self.spec is not None and self.inner_form is not None and self.inner_table is not None
        try:
            inner = config_values(prop.value if prop is not None else None)
            problem = None
        except XmlProblem as e:
            inner, problem = {}, e
        if problem is not None:
            self.inner_message.setText(
                self.tr("The <%1> document is not well-formed (line %2: %3). Fix it under "
                        "“Configuration document” below; the fields are locked until then.")
                .replace("%1", self.spec.inner_root).replace("%2", str(problem.line)).replace("%3", problem.message))
            if self.config_section is not None:
                self.config_section.set_expanded(True)
        self.inner_message.setVisible(problem is not None)
        self.inner_form.setEnabled(problem is None)
        self.inner_table.setEnabled(problem is None)
        known = {s.name for s in self.spec.inner_settings}
        self.inner_form.show_values({n: AdapterProperty(n, None, v) for n, v in inner.items() if n in known})
        others = [AdapterProperty(n, None, v) for n, v in inner.items() if n not in known]
        self.inner_table.set_rows(others, inner, known)
        if self._first_show and self.inner_section is not None:
            self.inner_section.set_expanded(bool(others))

    def reveal(self, name: str) -> QWidget | None:
        """The widget to focus for setting ``name`` (``serverAddress`` or ``AdapterConfig.serverAddress``
        for a ``<Config>`` child), its section unfolded; None when nothing here shows it."""
        inner_name = name.rsplit(".", 1)[-1]
        for form, key in ((self.form, name), (self.inner_form, inner_name)):
            field = form.reveal(key) if form is not None else None
            if field is not None:
                return field.editor()
        for section, table, key in ((self.table_section, self.table, name),
                                    (self.inner_section, self.inner_table, inner_name)):
            if section is not None and table is not None and table.select(key):
                section.set_expanded(True)
                return table.detail.edit if table.detail.isVisibleTo(table) else table.table
        return None


class AdapterSettingsEditor(QWidget):
    """A transport's adapter settings: typed form, generic table and raw XML, in sync.

    ``set_value`` shows settings without signals; every valid user change leaves in
    ``edited(settings, merge_key)`` as a new :class:`AdapterSettings`, where successive
    changes of one field share a merge key until the field loses focus.
    """

    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adapterSettingsEditor")
        self._sessions = Sessions(self)
        self._adapter: str | None = None
        self._spec: AdapterSpec | None = None
        self._settings: AdapterSettings | None = None
        self._raw_shows: AdapterSettings | None = None
        self._page: _AdapterPage | None = None
        self._page_key: tuple[str, ...] | None = None

        self.banner = QLabel(self)
        self.banner.setObjectName("adapterBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        settings_tab = QWidget(self)
        box = QVBoxLayout(settings_tab)
        box.setContentsMargins(0, 6, 0, 0)
        banner_box = QHBoxLayout()
        banner_box.setContentsMargins(6, 0, 6, 0)
        banner_box.addWidget(self.banner)
        box.addLayout(banner_box)
        box.addWidget(self.scroll_area, 1)

        self.raw = XmlEditor(self, allow_empty=False, fit_lines=None, format_below=False)
        self.raw.setObjectName("rawXml")
        self.raw.text_committed.connect(self._on_raw_text_committed)
        self.raw.editing_finished.connect(self._on_raw_editing_finished)
        raw_hint = QLabel(self.tr("The settings as the binding file stores them (TransportTypeData): one "
                                  "element per property, vt giving its VARIANT type. Nested documents "
                                  "appear escaped, as BizTalk writes them."), self)
        raw_hint.setWordWrap(True)
        raw_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        raw_tab = QWidget(self)
        raw_box = QVBoxLayout(raw_tab)
        raw_box.setContentsMargins(4, 6, 4, 4)
        raw_head = QHBoxLayout()
        raw_head.addWidget(raw_hint, 1)
        raw_head.addWidget(self.raw.format_button, 0, Qt.AlignmentFlag.AlignBottom)
        raw_box.addLayout(raw_head)
        raw_box.addWidget(self.raw, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(settings_tab, self.tr("Settings"))
        self.tabs.addTab(raw_tab, self.tr("Raw XML"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.set_value(None, None)

    # -- public ---------------------------------------------------------------------------

    def set_value(self, adapter: str | None, settings: AdapterSettings | None) -> None:
        """Show ``adapter``'s ``settings`` (programmatic: no signal). Widgets are reused
        while the adapter stays the same; a value from elsewhere (undo...) ends edit sessions."""
        spec = adapter_spec(adapter)
        key = ("spec", spec.name) if spec is not None else ("generic",)
        if key != self._page_key:
            self._build_page(spec)
            self._page_key = key
        if settings != self._settings:
            self._sessions.finish()
            assert self._page is not None
            for form in (self._page.form, self._page.inner_form):
                if form is not None:
                    form.forget()
        entering_unparsed = settings is not None and settings.unparsed is not None and (
            self._settings is None or self._settings.unparsed is None)
        self._adapter, self._spec, self._settings = adapter, spec, settings
        self._refresh()
        if entering_unparsed:
            self.tabs.setCurrentIndex(1)

    def value(self) -> AdapterSettings | None:
        return self._settings

    def focus_setting(self, name: str) -> bool:
        """Show and focus the widget of setting ``name``; False when nothing shows it."""
        if self._settings is not None and self._settings.unparsed is not None:
            self.tabs.setCurrentIndex(1)
            self.raw.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        assert self._page is not None
        widget = self._page.reveal(name)
        if widget is None:
            return False
        self.tabs.setCurrentIndex(0)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll_area.ensureWidgetVisible(widget, 20, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def field(self, name: str) -> Field | None:
        """The form field of setting ``name``; a ``<Config>`` child as ``AdapterConfig.name`` or ``name``."""
        assert self._page is not None
        page = self._page
        if page.form is not None and name in page.form.fields:
            return page.form.fields[name]
        inner = name.rsplit(".", 1)[-1]
        return page.inner_form.fields.get(inner) if page.inner_form is not None else None

    def property_table(self, inner: bool = False) -> PropertyTable | None:
        """The generic table: of ``CustomProps`` properties, or (``inner``) of ``<Config>`` children."""
        assert self._page is not None
        return self._page.inner_table if inner else self._page.table

    # -- showing --------------------------------------------------------------------------

    def _current(self) -> AdapterSettings:
        return self._settings if self._settings is not None else AdapterSettings()

    def _build_page(self, spec: AdapterSpec | None) -> None:
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        page = _AdapterPage(spec, self._sessions)
        if page.form is not None:
            page.form.changed.connect(self._on_form_changed)
        if page.inner_form is not None and page.inner_table is not None:
            page.inner_form.changed.connect(self._on_inner_form_changed)
            page.inner_table.property_added.connect(self._on_inner_table_property_added)
            page.inner_table.property_edited.connect(self._on_inner_table_property_edited)
            page.inner_table.property_removed.connect(self._on_inner_table_property_removed)
            page.inner_table.typing_finished.connect(self._on_inner_table_typing_finished)
        page.table.property_added.connect(self._on_table_property_added)
        page.table.property_edited.connect(self._on_table_property_edited)
        page.table.property_removed.connect(self._on_table_property_removed)
        page.table.typing_finished.connect(self._on_table_typing_finished)
        self.scroll_area.setWidget(page)
        self._page = page

    def _refresh(self) -> None:
        assert self._page is not None
        settings = self._current()
        unparsed = settings.unparsed
        if unparsed is not None:
            self._show_banner(self.tr("The adapter settings in the file are not well-formed XML. Portwright "
                                      "keeps them as written; fix them in the Raw XML tab to edit them here."), True)
        elif self._spec is None and self._adapter:
            self._show_banner(self.tr("Portwright has no form for the “%1” adapter: its settings are listed "
                                      "as written.").replace("%1", self._adapter), False)
        elif self._spec is None:
            self._show_banner(self.tr("No adapter is chosen for this transport."), False)
        else:
            self._show_banner(None, False)
        self._page.setEnabled(unparsed is None)
        self._page.show_settings(settings if unparsed is None else AdapterSettings())
        if unparsed is not None:
            if self.raw.text() != unparsed:
                self.raw.set_text(unparsed)
            self._raw_shows = None
        elif self._raw_shows != settings:
            self.raw.set_text(settings_text(settings))
            self._raw_shows = settings

    def _show_banner(self, text: str | None, error: bool) -> None:
        self.banner.setText(text or "")
        self.banner.setVisible(bool(text))
        color = ERROR_COLOR if error else "palette(window-text)"
        sheet = (f"QLabel#adapterBanner {{ color: {color}; background: palette(alternate-base);"
                 " border: 1px solid palette(mid); border-radius: 3px; padding: 6px; }")
        if self.banner.styleSheet() != sheet:
            self.banner.setStyleSheet(sheet)

    # -- user edits -----------------------------------------------------------------------

    def _commit(self, new: AdapterSettings, field: str, one_step: bool) -> None:
        if new == self._current():
            return
        session = f"settings.{field}"
        key = self._sessions.key(session)
        self._settings = new
        self._refresh()
        self.edited.emit(new, key)
        if one_step:
            self._sessions.finish(session)

    def _write_vt(self, name: str, spec: SettingSpec | None) -> int | None:
        prop = self._current().get(name)
        if prop is None or prop.vt == VariantType.VT_NULL:
            return spec.vt if spec is not None else VariantType.VT_BSTR
        return prop.vt

    def _on_form_changed(self, name: str, text: object, one_step: bool) -> None:
        assert self._spec is not None
        spec = next((s for s in self._spec.settings if s.name == name), None)
        self._commit(self._current().with_value(name, text, self._write_vt(name, spec)),  # type: ignore[arg-type]
                     name, one_step)

    def _rewrite_config(self, change: Callable[[str | None], str], field: str, one_step: bool) -> None:
        assert self._spec is not None
        wrapper = self._spec.wrapper_property or "AdapterConfig"
        prop = self._current().get(wrapper)
        try:
            document = change(prop.value if prop is not None else None)
        except (XmlProblem, ValueError):
            return  # the fields are locked while the document is malformed
        spec = next((s for s in self._spec.settings if s.name == wrapper), None)
        self._commit(self._current().with_value(wrapper, document, self._write_vt(wrapper, spec)),
                     f"{wrapper}.{field}", one_step)

    def _inner_order(self) -> list[str]:
        return [s.name for s in self._spec.inner_settings] if self._spec is not None else []

    def _inner_root(self) -> str:
        return self._spec.inner_root if self._spec is not None else "Config"

    def _on_inner_form_changed(self, name: str, text: object, one_step: bool) -> None:
        self._rewrite_config(lambda doc: set_config_child(doc, self._inner_root(), name, text,  # type: ignore[arg-type]
                                                          self._inner_order()), name, one_step)

    def _on_inner_table_property_added(self, name: str, _vt: object, value: object) -> None:
        self._rewrite_config(lambda doc: set_config_child(doc, self._inner_root(), name, value,  # type: ignore[arg-type]
                                                          self._inner_order()), name, True)

    def _on_inner_table_property_edited(self, old: str, name: str, _vt: object, value: object, typing: bool) -> None:
        def change(doc: str | None) -> str:
            renamed = rename_config_child(doc or "", old, name) if old != name else doc
            return set_config_child(renamed, self._inner_root(), name, value, self._inner_order())  # type: ignore[arg-type]

        self._rewrite_config(change, name, not typing)

    def _on_inner_table_property_removed(self, name: str) -> None:
        self._rewrite_config(lambda doc: remove_config_child(doc or "", name), name, True)

    def _on_inner_table_typing_finished(self, name: str) -> None:
        wrapper = self._spec.wrapper_property if self._spec is not None else "AdapterConfig"
        self._sessions.finish(f"settings.{wrapper}.{name}")

    def _on_table_property_added(self, name: str, vt: object, value: object) -> None:
        self._commit(self._current().with_value(name, value, vt), name, True)  # type: ignore[arg-type]

    def _on_table_property_edited(self, old: str, name: str, vt: object, value: object, typing: bool) -> None:
        base = self._current()
        props = tuple(AdapterProperty(name, vt, value) if p.name == old else p  # type: ignore[arg-type]
                      for p in base.properties)
        self._commit(replace(base, properties=props), name, not typing)

    def _on_table_property_removed(self, name: str) -> None:
        self._commit(self._current().without(name), name, True)

    def _on_table_typing_finished(self, name: str) -> None:
        self._sessions.finish(f"settings.{name}")

    def _on_raw_text_committed(self, text: str) -> None:
        try:
            new = settings_from_text(text, self._settings)
        except XmlProblem as e:
            self.raw.show_problem(self.tr("Line %1: %2").replace("%1", str(e.line)).replace("%2", e.message))
            return
        self.raw.show_problem(None)
        self._raw_shows = new
        self._commit(new, "#raw", False)

    def _on_raw_editing_finished(self) -> None:
        self._sessions.finish("settings.#raw")
