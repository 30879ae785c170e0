"""A text row with a list to pick from: an editable combo box of the values the workspace has
seen (hosts, pipelines), where a new value can still be typed.

It commits like a :class:`~designer.editors.form_rows.TextRow` (Enter, leaving the field) and
also when a value is picked from the list; what is typed is checked as it is typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from designer.editors.fields import is_marked
from designer.editors.form_rows import TextRow

__all__ = ["PickRow"]


class PickRow(TextRow):
    """An editable combo box for a text field, its list set by :meth:`set_choices`."""

    combo: QComboBox

    def _build(self, field: str, multiline: bool) -> tuple[QLineEdit | QPlainTextEdit, QWidget]:
        combo = QComboBox()
        combo.setObjectName(field)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing never adds to the list
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # long names do not widen the dock; the field elides
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        edit = combo.lineEdit()
        assert edit is not None
        edit.setObjectName(f"{field}.text")
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)  # names share prefixes: match anywhere
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        combo.setCompleter(completer)
        combo.activated.connect(self._on_combo_activated)
        self.combo = combo
        return edit, combo

    def set_choices(self, values: Sequence[str], tips: Mapping[str, str] | None = None) -> None:
        """The list to pick from (``tips``: value -> its tooltip); what the field shows stays."""
        current = self.edit.text()  # type: ignore[union-attr]
        items = [self.combo.itemText(i) for i in range(self.combo.count())]
        if items != list(values):
            with QSignalBlocker(self.combo), QSignalBlocker(self.edit):
                self.combo.clear()
                self.combo.addItems(list(values))
                self.combo.setCurrentIndex(-1)  # adding items selects the first: show the field's own text
                self.edit.setText(current)  # type: ignore[union-attr]
                self.edit.setCursorPosition(len(current))  # type: ignore[union-attr]
        for i, value in enumerate(values):
            self.combo.setItemData(i, (tips or {}).get(value, ""), Qt.ItemDataRole.ToolTipRole)

    def _show(self, text: str) -> None:
        super()._show(text)
        # Dotted BizTalk names share their start: the end tells them apart, so that is shown.
        self.edit.setCursorPosition(len(text))  # type: ignore[union-attr]
        if self.combo.isEnabled():
            self.combo.setToolTip(text)

    def choices(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def _on_combo_activated(self, _index: int) -> None:
        self._typed(self.text())
        self.commit_pending()

    def set_enabled(self, on: bool, why: str | None = None) -> None:
        super().set_enabled(on, why)
        self.combo.setEnabled(on)
        if not is_marked(self.edit):
            self.combo.setToolTip("" if on else why or "")
