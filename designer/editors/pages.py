"""Building blocks of the port and group editors: a page, and the form rows it is made of.

A page shows part of a model and reports a changed copy of it (``changed(model, merge key,
undo text)``); it never writes anything itself. Values are checked against the model's
own constraints (``model.editing``) and shown inline when they do not fit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import ErrorLabel, Sessions, mark
from model.domain import is_token
from model.editing import check_value, limits


def tr(text: str) -> str:
    return QCoreApplication.translate("Editors", text)


class Page(QScrollArea):
    """A scrollable form; subclasses add rows and implement :meth:`load`."""

    changed = Signal(object, str, str)  # new model, merge key, undo text

    def __init__(self, title: str, sessions: Sessions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.sessions = sessions
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fields shrink instead
        inner = QWidget()
        self.box = QVBoxLayout(inner)
        self.box.setContentsMargins(12, 10, 12, 12)
        self.box.setSpacing(10)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.box.addWidget(heading)
        self.note = QLabel()
        self.note.setObjectName("pageNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.box.addWidget(self.note)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels: field below
        self.box.addLayout(self.form)
        self.setWidget(inner)
        self.model: Any = None
        self.fields: dict[str, QWidget] = {}

    def finish_layout(self) -> None:
        self.box.addStretch(1)

    def set_note(self, text: str | None) -> None:
        self.note.setText(text or "")
        self.note.setVisible(bool(text))

    def load(self, model: Any) -> None:
        self.model = model

    def focus_field(self, path: str) -> bool:
        """Focus the widget of ``path`` (a model field path) if this page shows it."""
        for key, widget in self.fields.items():
            if path == key or path.startswith(key + ".") or path.startswith(key + "["):
                self.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def emit(self, model: Any, field: str, text: str, merge: bool = True) -> None:
        """Report an edit; typing in one field merges into one undo step (``merge``)."""
        self.changed.emit(model, self.sessions.key(field) if merge else "", text)


class TextRow:
    """A line edit for a text field, checked against the model and committed as typed."""

    def __init__(self, page: Page, label: str, field: str, cls: type, attr: str,
                 apply: Callable[[Any, str | None], Any], *, empty_is_none: bool = False,
                 required: str | None = None, placeholder: str = "", multiline: bool = False) -> None:
        self.page, self.field, self.cls, self.attr = page, field, cls, attr
        self.apply, self.empty_is_none, self.required = apply, empty_is_none, required
        self.edit: QLineEdit | QPlainTextEdit = QPlainTextEdit() if multiline else QLineEdit()
        self.edit.setObjectName(field)
        if multiline:
            self.edit.setFixedHeight(72)
            self.edit.setPlaceholderText(placeholder)
            self.edit.textChanged.connect(lambda: self._typed(self.edit.toPlainText()))  # type: ignore[union-attr]
        else:
            self.edit.setPlaceholderText(placeholder)
            self.edit.textEdited.connect(self._typed)  # type: ignore[union-attr]
            self.edit.editingFinished.connect(lambda: page.sessions.finish(field))  # type: ignore[union-attr]
        self.error = ErrorLabel()
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.error)
        page.form.addRow(label, holder)
        page.fields[field] = self.edit
        page.sessions.watch(self.edit, field)

    def text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def set(self, value: str | None) -> None:
        with QSignalBlocker(self.edit):
            if isinstance(self.edit, QPlainTextEdit):
                if self.edit.toPlainText() != (value or ""):
                    self.edit.setPlainText(value or "")
            elif self.edit.text() != (value or ""):
                self.edit.setText(value or "")
                self.edit.setCursorPosition(0)  # show the start of long names and addresses
        mark(self.edit, None, self.error)

    def _typed(self, text: str) -> None:
        value: str | None = None if (self.empty_is_none and not text) else text
        problem = self.required if (self.required and not text.strip()) else check_value(self.cls, self.attr, value)
        mark(self.edit, problem, self.error)
        if problem is None and self.page.model is not None:
            self.page.emit(self.apply(self.page.model, value), self.field, tr("Edit %s") % self.field)

    def set_enabled(self, on: bool) -> None:
        self.edit.setEnabled(on)


class IntRow:
    """A spin box for an integer field (limits from the model); keeps a ${Token} as text."""

    def __init__(self, page: Page, label: str, field: str, cls: type, attr: str,
                 apply: Callable[[Any, int | str], Any], suffix: str = "") -> None:
        self.page, self.field, self.apply = page, field, apply
        lo, hi = limits(cls, attr)
        self.spin = QSpinBox()
        self.spin.setObjectName(field)
        self.spin.setRange(lo if lo is not None else -(2**31), hi if hi is not None else 2**31 - 1)
        if suffix:
            self.spin.setSuffix(suffix)
        self.token = QLineEdit()
        self.token.setReadOnly(True)
        self.token.setToolTip(tr("A placeholder filled in per environment; edit it in the binding file"))
        self.token.hide()
        self.error = ErrorLabel()
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.spin)
        lay.addWidget(self.token)
        lay.addWidget(self.error)
        page.form.addRow(label, holder)
        page.fields[field] = self.spin
        page.sessions.watch(self.spin, field)
        self.spin.valueChanged.connect(self._changed)

    def set(self, value: int | str | None) -> None:
        placeholder = is_token(value) or (isinstance(value, str) and not str(value).lstrip("-").isdigit())
        self.token.setVisible(placeholder)
        self.spin.setVisible(not placeholder)
        if placeholder:
            self.token.setText(str(value))
            return
        with QSignalBlocker(self.spin):
            number = int(value) if value is not None else self.spin.minimum()
            if not self.spin.minimum() <= number <= self.spin.maximum():
                mark(self.spin, tr("%d is out of range (%d to %d); choose a value in range.") % (
                    number, self.spin.minimum(), self.spin.maximum()), self.error)
            else:
                mark(self.spin, None, self.error)
            self.spin.setValue(max(self.spin.minimum(), min(self.spin.maximum(), number)))

    def _changed(self, value: int) -> None:
        mark(self.spin, None, self.error)
        if self.page.model is not None:
            self.page.emit(self.apply(self.page.model, value), self.field, tr("Edit %s") % self.field)

    def set_enabled(self, on: bool) -> None:
        self.spin.setEnabled(on)


class CheckRow:
    """A check box for a boolean field (a ${Token} value shows as partly checked, read-only)."""

    def __init__(self, page: Page, text: str, field: str, apply: Callable[[Any, bool], Any],
                 label: str = "") -> None:
        self.page, self.field, self.apply = page, field, apply
        self.box = QCheckBox(text)
        self.box.setObjectName(field)
        page.form.addRow(label, self.box)
        page.fields[field] = self.box
        self.box.toggled.connect(self._toggled)

    def set(self, value: bool | str | None) -> None:
        with QSignalBlocker(self.box):
            if is_token(value):
                self.box.setTristate(True)
                self.box.setCheckState(Qt.CheckState.PartiallyChecked)
                self.box.setToolTip(tr("Placeholder %s: set per environment") % value)
            else:
                self.box.setTristate(False)
                self.box.setChecked(value is True)
                self.box.setToolTip("")

    def _toggled(self, on: bool) -> None:
        if self.page.model is not None:
            self.page.emit(self.apply(self.page.model, on), self.field, tr("Edit %s") % self.field, merge=False)

    def set_enabled(self, on: bool, why: str = "") -> None:
        self.box.setEnabled(on)
        if why:
            self.box.setToolTip(why if not on else "")
