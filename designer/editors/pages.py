"""The page every port and group editor page is: a titled form that reports changed models.

A page shows part of a model and reports a changed copy of it (``changed(model, merge key,
undo text)``); it never writes anything itself. Its rows (``designer.editors.form_rows``)
commit when editing finishes; the change itself is made by a ``model.port_edits`` function,
whose refusal the page shows at the field. Leaving the editor commits what rows still hold
(:meth:`Page.commit_pending`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from designer.editors.fields import ErrorLabel, Sessions, mark
from model.port_edits import PortEditError


def reason(locks: dict[str, str], path: str) -> str | None:
    """Why the setting ``path`` cannot be changed (from ``port_edits.locked_fields``), translated."""
    text = locks.get(path)
    return QCoreApplication.translate("PortEdits", text) if text else None


class Row(Protocol):
    """What a page asks of each of its rows (and of the bigger editors it holds)."""

    def commit_pending(self) -> None:
        """Commit what was typed and not committed yet (the editor is being left)."""

    def forget(self) -> None:
        """The next value shown is another object's: it replaces whatever the field holds."""


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
        self.rows: list[Row] = []

    def finish_layout(self) -> None:
        self.box.addStretch(1)

    def set_note(self, text: str | None) -> None:
        self.note.setText(text or "")
        self.note.setVisible(bool(text))

    def load(self, model: Any) -> None:
        self.model = model

    def commit_pending(self) -> None:
        """Commit every field's uncommitted input (leaving the editor: another port, closing)."""
        for row in self.rows:
            row.commit_pending()

    def forget(self) -> None:
        """Another object is about to be shown: its values replace what the fields hold."""
        for row in self.rows:
            row.forget()

    def focus_field(self, path: str) -> bool:
        """Focus the widget of ``path`` (a model field path) if this page shows it."""
        for key, widget in self.fields.items():
            if path == key or path.startswith(key + ".") or path.startswith(key + "["):
                self.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def report_edit(self, model: Any, field: str, text: str, merge: bool = False) -> None:
        """Hand a changed model on; ``merge``: steps of one editing session become one undo step."""
        self.changed.emit(model, self.sessions.key(field) if merge else "", text)

    def try_edit(
        self,
        edit: Callable[[], Any],
        field: str,
        text: str,
        widget: QWidget | None = None,
        error: ErrorLabel | None = None,
        merge: bool = False,
    ) -> bool:
        """Run a model edit and report what it returns; a refusal is shown at ``widget`` instead.
        True when the edit was allowed (reported, or nothing to report)."""
        try:
            new = edit()
        except ValueError as e:  # PortEditError, or the domain's ValidationError
            if widget is not None:
                mark(widget, _refusal(e), error)
            return False
        if new != self.model:
            self.report_edit(new, field, text, merge)
        return True


def _refusal(e: ValueError) -> str:
    if isinstance(e, PortEditError):
        return QCoreApplication.translate("PortEdits", e.message)
    if isinstance(e, ValidationError) and e.errors():
        return str(e.errors(include_url=False)[0]["msg"])
    return str(e)


def form_cell(page: Page, label: str, *widgets: QWidget) -> None:
    """A form row of ``page``: ``label``, then ``widgets`` stacked (a field and its error, say)."""
    holder = QWidget()
    lay = QVBoxLayout(holder)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    for widget in widgets:
        lay.addWidget(widget)
    page.form.addRow(label, holder)
