"""One adapter setting in the form: the :class:`Field` every VARIANT type's widget builds on.

A field shows the file's value, or the catalog default greyed when the file has none; it
checks what the user types against the catalog (``setting_problem``) as it is typed, marks
invalid input in place, and hands on only valid text, once editing finishes (Enter, leaving
the field, a click or a choice); Escape puts the shown value back. The widgets for each
kind live in ``adapter_fields``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from designer.editors.adapter_table import variant_problem, vt_label
from designer.editors.fields import ErrorLabel, Sessions, mark
from model.adapter_values import value_problem
from model.adapters import SettingSpec, VariantType, python_type
from model.domain import AdapterProperty, is_token

__all__ = ["WARNING_COLOR", "Field", "catalog_label", "catalog_tr", "dim", "setting_problem"]

WARNING_COLOR = "#a15c00"


def catalog_tr(text: str) -> str:
    """A label, section or description of the adapter catalog in the user's language."""
    return QCoreApplication.translate("AdapterCatalog", text)


def catalog_label(spec: SettingSpec) -> str:
    """A setting's label beside its field ("Copy mode:"), in the user's language."""
    return QCoreApplication.translate("AdapterSettingsEditor", "%1:").replace("%1", catalog_tr(spec.label))


def setting_problem(spec: SettingSpec, vt: int | None, text: str | None) -> str | None:
    """Why ``text`` cannot be ``spec``'s value when written with ``vt``; None when it can."""
    effective = spec.vt if vt is None or vt == VariantType.VT_NULL else vt
    if python_type(effective) is str:
        if spec.required and not text:
            return QCoreApplication.translate("AdapterSettingsEditor", "Required.")
        return _value_problem(spec, text) if effective == spec.vt else None
    if effective == spec.vt:
        return variant_problem(effective, text, spec.minimum, spec.maximum, spec.bool_texts) or _value_problem(
            spec, text
        )
    if python_type(effective) is int and python_type(spec.vt) is int:
        return variant_problem(effective, text, spec.minimum, spec.maximum)
    return variant_problem(effective, text)


def _value_problem(spec: SettingSpec, text: str | None) -> str | None:
    """The model's check of the value by its kind (time span, URI, listed values, range)."""
    return value_problem(spec, text)


_NOTHING = object()  # nothing shown yet (None is a property absent from the file)


def dim(widget: QWidget, dimmed: bool) -> None:
    """Grey a widget out without disabling it (a catalog default not written in the file)."""
    if dimmed:
        palette = QPalette(widget.palette())
        color = palette.color(QPalette.ColorRole.PlaceholderText)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(role, color)
        widget.setPalette(palette)
    else:
        widget.setPalette(QPalette())


class Field(QWidget):
    """One setting's editor, with a hint or warning and an inline error under it.

    ``changed(name, text)`` carries only valid, committed user input (text as BizTalk writes
    it, None for an empty element) that differs from the value shown. Each commit is its own
    undo step (``one_step``) except the arrow steps of a number, which merge until it is left.
    """

    changed = Signal(str, object)

    def __init__(self, spec: SettingSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.vt: int | None = spec.vt
        self.present = False
        #: Why the adapter's authentication mode needs this setting; False: it does not;
        #: None: the catalog has no rule for this adapter.
        self.mode_required: str | bool | None = None
        self._shown: AdapterProperty | object | None = _NOTHING
        self.label = QLabel(catalog_label(spec))
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
        """Whether the change being committed is its own undo step (everything but a number's steps)."""
        return True

    def pending(self) -> bool:
        """Whether the widget holds typed input not committed yet."""
        return False

    def commit_pending(self) -> None:
        """Commit typed input that editing has not finished yet (the editor is being left)."""

    def shown_text(self) -> str | None:
        """The value shown from the file (None: absent, or an empty element)."""
        prop = self._shown
        return prop.value if isinstance(prop, AdapterProperty) else None

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
        dim(self.label, dimmed)
        self._set_tooltips(dimmed)
        self._set_mark(setting_problem(self.spec, self.vt, text) if self.present else None)
        self._show_note(prop)

    def forget(self) -> None:
        """Show the next value whatever the widget holds (a value from elsewhere replaces typing)."""
        self._shown = _NOTHING

    def _display(self, text: str | None) -> None:
        raise NotImplementedError

    def _typed(self, text: str | None) -> None:
        """Input while typing: checked and marked, not handed on."""
        self._set_mark(setting_problem(self.spec, self.vt, text))

    def _commit(self, text: str | None) -> None:
        """Editing finished with ``text``: hand it on when it is valid and not what is shown."""
        problem = setting_problem(self.spec, self.vt, text)
        if problem is not None and text != self.shown_text():
            problem += (" " if problem.rstrip().endswith((".", "?", "!")) else ". ") + self.kept_text()
        self._set_mark(problem)
        if problem is None and text != self.shown_text():
            self.changed.emit(self.spec.name, text)

    def kept_text(self) -> str:
        """What a refused commit leaves in place, in a sentence."""
        stored = self.shown_text()
        if not self.present:
            return self.tr("Not saved: the setting stays unset (BizTalk's default).")
        if stored is None or self.spec.secret:
            return self.tr("Not saved: the stored value is kept.")
        return self.tr("Not saved: the stored value (%1) is kept.").replace("%1", stored)

    def revert(self) -> None:
        """Escape: show the file's value again."""
        text = self.shown_text()
        self._display(text)
        self._set_mark(setting_problem(self.spec, self.vt, text) if self.present else None)

    def _set_mark(self, problem: str | None) -> None:
        mark(self.editor(), problem, self.error)

    def _set_tooltips(self, dimmed: bool) -> None:
        tip = catalog_tr(self.spec.description or self.spec.label)
        tip += "\n" + self.tr("Property %1 (%2)").replace("%1", self.spec.name).replace("%2", vt_label(self.vt))
        if dimmed:
            default = self.spec.default if self.spec.default not in (None, "") else self.tr("empty")
            tip += "\n" + self.tr("Not in the file: BizTalk uses its default (%1).").replace("%1", str(default))
        self.label.setToolTip(tip)
        self.setToolTip(tip)

    def set_mode_required(self, required: str | bool | None) -> None:
        """Say whether the authentication mode chosen needs this setting: why it does (the
        settings that make it needed), False when it does not, None when no rule says."""
        if required != self.mode_required:
            self.mode_required = required
            if self._shown is not _NOTHING:
                self._show_note(self._shown if isinstance(self._shown, AdapterProperty) else None)

    def mode_note(self) -> str | None:
        """The warning for a setting the authentication mode needs and the file does not give."""
        if self.mode_required and not (self.shown_text() or "").strip():
            return (
                self.tr("Required because %1: set it before importing into BizTalk.").replace(
                    "%1", str(self.mode_required)
                )
                if isinstance(self.mode_required, str)
                else self.tr("Required by the authentication mode chosen: set it before importing into BizTalk.")
            )
        return None

    def _show_note(self, prop: AdapterProperty | None) -> None:
        required = self.mode_note()
        if required is not None:
            self.set_note(required, warning=True)
            return
        note, warn = None, False
        if prop is not None and prop.vt not in (None, VariantType.VT_NULL, self.spec.vt):
            note = (
                self.tr("Written as %1; the catalog expects %2.")
                .replace("%1", vt_label(prop.vt))
                .replace("%2", vt_label(self.spec.vt))
            )
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
