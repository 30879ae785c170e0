"""The rows of the editors' forms: text, number, time of day, check box.

A row commits when editing it finishes (Enter, leaving the field, a click, a step of a spin
box), never per keystroke: what is typed is checked as it is typed (``model.field_checks``, the
models' own constraints) and a problem shows under the field; Escape puts the stored value
back. A refresh that leaves a field's stored value as it was keeps what is being typed in it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from designer.editors.fields import EditKeys, ErrorLabel, is_marked, mark, offer_settings
from designer.editors.pages import Page, form_cell
from designer.editors.time_edit import TIME_FORMAT, TimeEdit
from model.domain import is_token
from model.field_checks import check_value, limits

__all__ = ["TEXT_MIN_WIDTH", "CheckRow", "IntRow", "TextRow", "TimeRow"]

#: The least width a text field is given beside its label (else it goes below the label).
TEXT_MIN_WIDTH = 200


class TextRow:
    """A line edit (``multiline``: a text box) for a text field, checked as typed and committed
    when editing finishes: Enter or leaving a line edit, leaving or Ctrl+Enter in a text box.

    ``problem`` replaces the model's check of the text; ``submit`` replaces the edit of the
    model (a rename is its own command)."""

    def __init__(
        self,
        page: Page,
        label: str,
        field: str,
        cls: type,
        attr: str,
        apply: Callable[[Any, str | None], Any],
        *,
        empty_is_none: bool = False,
        required: str | None = None,
        placeholder: str = "",
        multiline: bool = False,
        problem: Callable[[str], str | None] | None = None,
        submit: Callable[[str], None] | None = None,
    ) -> None:
        self.page, self.field, self.cls, self.attr = page, field, cls, attr
        self.apply, self.empty_is_none, self.required = apply, empty_is_none, required
        self._problem, self._submit = problem, submit
        self.undo_text = QCoreApplication.translate("Editors", "Edit %s") % label.rstrip(": ")
        self.stored: str | None = None  # the text of the value shown; None: nothing shown yet
        self._why = ""  # why the field is disabled (its tooltip then)
        self.edit, holder = self._build(field, multiline)
        self.edit.setPlaceholderText(placeholder)
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setFixedHeight(72)
            self.edit.setTabChangesFocus(True)  # Tab leaves the field (and so commits it)
            self.edit.textChanged.connect(lambda: self._typed(self.text()))
            EditKeys(self.edit, self.pending, self.revert, commit=self.commit_pending)
        else:
            self.edit.textEdited.connect(self._typed)
            self.edit.editingFinished.connect(self.commit_pending)
            EditKeys(self.edit, self.pending, self.revert)
            if submit is None:  # a rename is no value a setting stands in for
                offer_settings(self.edit, label)
        # A text needs room: a row whose label leaves less goes under its label (WrapLongRows).
        holder.setMinimumWidth(TEXT_MIN_WIDTH)
        self.error = ErrorLabel()
        form_cell(page, label, holder, self.error)
        page.fields[field] = holder
        page.rows.append(self)

    def _build(self, field: str, multiline: bool) -> tuple[QLineEdit | QPlainTextEdit, QWidget]:
        """The text widget, and the widget the form shows (the same one here)."""
        edit: QLineEdit | QPlainTextEdit = QPlainTextEdit() if multiline else QLineEdit()
        edit.setObjectName(field)
        return edit, edit

    def text(self) -> str:
        return self.edit.toPlainText() if isinstance(self.edit, QPlainTextEdit) else self.edit.text()

    def pending(self) -> bool:
        """Whether the field shows something other than the stored value."""
        if not shiboken6.isValid(self.edit):  # a window being destroyed hides after its fields are gone
            return False
        return self.stored is not None and self.text() != self.stored

    def problem(self, text: str) -> str | None:
        if self._problem is not None:
            return self._problem(text)
        if self.required and not text.strip():
            return self.required
        if self.empty_is_none and not text:
            return None  # "none": the edit function says whether the port may have none
        return check_value(self.cls, self.attr, text)

    def set(self, value: str | None) -> None:
        """Show the stored ``value``; a refresh that leaves it as it was keeps what is being typed."""
        text = value or ""
        typing = self.edit.hasFocus() and self.stored == text and self.pending()
        self.stored = text
        if typing:
            return
        self._show(text)
        mark(self.edit, None, self.error)
        if not self.edit.isEnabled():
            self.edit.setToolTip(self._why)

    def _show(self, text: str) -> None:
        with QSignalBlocker(self.edit):
            if isinstance(self.edit, QPlainTextEdit):
                if self.edit.toPlainText() != text:
                    self.edit.setPlainText(text)
            elif self.edit.text() != text:
                self.edit.setText(text)
                self.edit.setCursorPosition(0)  # show the start of long names and addresses

    def forget(self) -> None:
        self.stored = None

    def _typed(self, text: str) -> None:
        mark(self.edit, self.problem(text), self.error)

    def commit_pending(self) -> None:
        if not self.pending() or self.page.model is None:
            return
        text = self.text()
        problem = self.problem(text)
        mark(self.edit, problem, self.error)
        if problem is not None:
            return
        if self._submit is not None:
            self._submit(text)
            return
        value = None if (self.empty_is_none and not text) else text
        self.page.try_edit(
            lambda: self.apply(self.page.model, value), self.field, self.undo_text, self.edit, self.error
        )

    def revert(self) -> None:
        """Escape: the stored value again (and its problem, if the stored value has one)."""
        self._show(self.stored or "")
        self._typed(self.stored or "")

    def set_enabled(self, on: bool, why: str | None = None) -> None:
        """Enable the field, or disable it with ``why`` as its tooltip."""
        self._why = "" if on else why or ""
        self.edit.setEnabled(on)
        if not is_marked(self.edit):
            self.edit.setToolTip(self._why)


class IntRow:
    """A spin box for an integer field (limits from the model); keeps a ${Token} as text.

    Typing commits on Enter or leaving the field; each arrow step commits, and the steps and
    typing of one session (until the field is left) merge into one undo step."""

    def __init__(
        self,
        page: Page,
        label: str,
        field: str,
        cls: type,
        attr: str,
        apply: Callable[[Any, int], Any],
        suffix: str = "",
    ) -> None:
        self.page, self.field, self.apply = page, field, apply
        self.undo_text = QCoreApplication.translate("Editors", "Edit %s") % label.rstrip(": ")
        self.stored: int | None = None
        self._why = ""
        lo, hi = limits(cls, attr)
        self.spin = QSpinBox()
        self.spin.setObjectName(field)
        self.spin.setRange(lo if lo is not None else -(2**31), hi if hi is not None else 2**31 - 1)
        self.spin.setKeyboardTracking(False)  # valueChanged on Enter, leaving, or a step: not per digit
        if suffix:
            self.spin.setSuffix(suffix)
        self.token = QLineEdit()
        self.token.setReadOnly(True)
        self.token.setToolTip(
            QCoreApplication.translate(
                "Editors", "A placeholder filled in per environment; edit it in the binding file"
            )
        )
        self.token.hide()
        self.error = ErrorLabel()
        form_cell(page, label, self.spin, self.token, self.error)
        page.fields[field] = self.spin
        page.rows.append(self)
        self.spin.valueChanged.connect(self._changed)
        self.spin.editingFinished.connect(lambda: page.sessions.finish(field))
        EditKeys(self.spin, self.pending, self.revert)

    def pending(self) -> bool:
        return self.stored is not None and self.spin.cleanText().strip() != str(self.stored)

    def set(self, value: int | str | None) -> None:
        placeholder = is_token(value) or (isinstance(value, str) and not str(value).lstrip("-").isdigit())
        self.token.setVisible(placeholder)
        self.spin.setVisible(not placeholder)
        if placeholder:
            self.token.setText(str(value))
            self.stored = None
            return
        number = int(value) if value is not None else self.spin.minimum()
        typing = self.spin.hasFocus() and self.stored == number and self.pending()
        self.stored = number
        if typing:
            return
        if not self.spin.minimum() <= number <= self.spin.maximum():
            mark(
                self.spin,
                QCoreApplication.translate("Editors", "%d is out of range (%d to %d); choose a value in range.")
                % (number, self.spin.minimum(), self.spin.maximum()),
                self.error,
            )
        else:
            mark(self.spin, None, self.error)
            self.spin.setToolTip(self._why)
        self._show(max(self.spin.minimum(), min(self.spin.maximum(), number)))

    def _show(self, number: int) -> None:
        with QSignalBlocker(self.spin):
            self.spin.setValue(number)
            self.spin.lineEdit().setText(self.spin.textFromValue(number) + self.spin.suffix())

    def forget(self) -> None:
        self.stored = None

    def commit_pending(self) -> None:
        if self.pending():
            self.spin.interpretText()  # emits valueChanged when the typed number differs

    def revert(self) -> None:
        if self.stored is not None:
            self._show(self.stored)

    def _changed(self, value: int) -> None:
        mark(self.spin, None, self.error)
        if self.page.model is None or value == self.stored:
            return
        self.page.try_edit(
            lambda: self.apply(self.page.model, value), self.field, self.undo_text, self.spin, self.error, merge=True
        )

    def set_enabled(self, on: bool, why: str | None = None) -> None:
        """Enable the field, or disable it with ``why`` as its tooltip."""
        self._why = "" if on else why or ""
        self.spin.setEnabled(on)
        if not is_marked(self.spin):
            self.spin.setToolTip(self._why)


class TimeRow:
    """A time of day (:class:`TimeEdit`): typed times commit on Enter or leaving the field, arrow
    steps commit each, and one session's steps merge into one undo step. The page lays it out."""

    def __init__(self, page: Page, field: str, apply: Callable[[Any, time], Any], undo_text: str) -> None:
        self.page, self.field, self.apply, self.undo_text = page, field, apply, undo_text
        self.stored: str | None = None  # the stored time as shown
        self._why = ""
        self.edit = TimeEdit()
        self.edit.setObjectName(field)
        self.error = ErrorLabel()
        page.fields[field] = self.edit
        page.rows.append(self)
        self.edit.editingFinished.connect(self._finished)
        self.edit.stepped.connect(self._commit)
        EditKeys(self.edit, self.pending, self.revert)

    def pending(self) -> bool:
        return self.stored is not None and self.edit.text() != self.stored

    def set(self, value: time | None) -> None:
        shown = QTime(value.hour, value.minute, value.second) if value is not None else QTime(0, 0, 0)
        text = shown.toString(TIME_FORMAT)
        typing = self.edit.hasFocus() and self.stored == text and self.pending()
        self.stored = text
        if not typing:
            self._show(shown)
            mark(self.edit, None, self.error)
            self.edit.setToolTip(self._why)

    def _show(self, value: QTime) -> None:
        with QSignalBlocker(self.edit):
            self.edit.setTime(value)

    def forget(self) -> None:
        self.stored = None

    def commit_pending(self) -> None:
        if self.pending():
            self.edit.interpretText()
            self._finished()

    def revert(self) -> None:
        if self.stored is not None:
            self._show(QTime.fromString(self.stored, TIME_FORMAT))

    def _finished(self) -> None:
        self._commit()
        self.page.sessions.finish(self.field)

    def _commit(self) -> None:
        if not self.pending() or self.page.model is None:
            return
        q = self.edit.time()
        value = time(q.hour(), q.minute(), q.second())
        self.page.try_edit(
            lambda: self.apply(self.page.model, value), self.field, self.undo_text, self.edit, self.error, merge=True
        )

    def set_enabled(self, on: bool, why: str | None = None) -> None:
        """Enable the field, or disable it with ``why`` as its tooltip."""
        self._why = "" if on else why or ""
        self.edit.setEnabled(on)
        if not is_marked(self.edit):
            self.edit.setToolTip(self._why)


class CheckRow:
    """A check box for a boolean field, committed per click (a ${Token} shows as partly checked)."""

    def __init__(
        self,
        page: Page,
        text: str,
        field: str,
        apply: Callable[[Any, bool], Any],
        label: str = "",
        tip: str = "",
        undo_text: str | None = None,
    ) -> None:
        self.page, self.field, self.apply, self.tip = page, field, apply, tip
        self._why = ""  # why the box is disabled (its tooltip then)
        self.undo_text = undo_text or QCoreApplication.translate("Editors", "Edit %s") % text
        self.box = QCheckBox(text)
        self.box.setObjectName(field)
        self.box.setToolTip(tip)
        page.form.addRow(label, self.box)
        page.fields[field] = self.box
        self.box.toggled.connect(self._toggled)

    def set(self, value: bool | str | None) -> None:
        with QSignalBlocker(self.box):
            if is_token(value):
                self.box.setTristate(True)
                self.box.setCheckState(Qt.CheckState.PartiallyChecked)
                self.box.setToolTip(
                    QCoreApplication.translate("Editors", "Placeholder %s: set per environment") % value
                )
            else:
                self.box.setTristate(False)
                self.box.setChecked(value is True)
                self.box.setToolTip(self._why or self.tip)

    def _toggled(self, on: bool) -> None:
        if self.page.model is None:
            return
        if not self.page.try_edit(lambda: self.apply(self.page.model, on), self.field, self.undo_text, self.box):
            with QSignalBlocker(self.box):
                self.box.setChecked(not on)  # refused: the box shows what the port has

    def set_enabled(self, on: bool, why: str | None = None) -> None:
        self._why = "" if on else why or ""
        self.box.setEnabled(on)
        if not self.box.isTristate():  # a placeholder's tooltip says what it is
            self.box.setToolTip(self.tip if on else why or self.tip)
