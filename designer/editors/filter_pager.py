"""The filter builder's pager: a long filter is shown a page of statements at a time.

``◀  Statements 51–100 of 10,000 (page 2 of 200)  ▶   Find: [        ]``; shown only when the
filter does not fit on one page. The pager says what the user asked for through signals; the
builder (:class:`~designer.editors.filter_builder.FilterBuilder`) owns the page and the drafts.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from designer.editors.filter_drafts import Window
from designer.editors.filter_rows import lay_out

__all__ = ["FilterPager"]


class FilterPager(QWidget):
    """Previous/next page, where the page is among all statements, and a search field."""

    page_requested = Signal(int)  # -1 previous, +1 next
    find_requested = Signal(str, bool)  # text, True for the next match after the one shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPager")
        self.previous_button = self._arrow(Qt.ArrowType.LeftArrow, self.tr("Previous page of statements"))
        self.next_button = self._arrow(Qt.ArrowType.RightArrow, self.tr("Next page of statements"))
        self.label = QLabel(self)
        self.label.setObjectName("filterPage")
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("filterFind")
        self.find_edit.setPlaceholderText(self.tr("Find a property or value"))
        self.find_edit.setAccessibleName(self.tr("Find a statement"))
        self.find_edit.setToolTip(
            self.tr(
                "Shows the page of the first statement whose property or value holds this text; Enter finds the next"
            )
        )
        self.find_edit.setClearButtonEnabled(True)
        self.not_found = QLabel(self.tr("not found"), self)
        self.not_found.setEnabled(False)
        self.not_found.hide()
        lay_out(
            QHBoxLayout(self),
            self.previous_button,
            self.label,
            self.next_button,
            None,
            (self.find_edit, 1),
            self.not_found,
            spacing=6,
        )
        self.previous_button.clicked.connect(lambda: self.page_requested.emit(-1))
        self.next_button.clicked.connect(lambda: self.page_requested.emit(1))
        self.find_edit.textEdited.connect(lambda text: self.find_requested.emit(text, False))
        self.find_edit.returnPressed.connect(lambda: self.find_requested.emit(self.find_edit.text(), True))

    def _arrow(self, arrow: Qt.ArrowType, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setArrowType(arrow)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def show_window(self, shown: Window) -> None:
        """Say which statements the page shows; hidden when everything fits on one page."""
        self.setVisible(shown.pages > 1)
        text = (
            self.tr("Statements %1–%2 of %3 (page %4 of %5)")
            .replace("%1", f"{shown.first:,}")
            .replace("%2", f"{shown.last:,}")
            .replace("%3", f"{shown.total:,}")
            .replace("%4", f"{shown.page + 1:,}")
            .replace("%5", f"{shown.pages:,}")
        )
        self.label.setText(text)
        self.previous_button.setEnabled(shown.page > 0)
        self.next_button.setEnabled(shown.page < shown.pages - 1)

    def show_found(self, found: bool) -> None:
        self.not_found.setVisible(not found and bool(self.find_edit.text().strip()))

    def clear_search(self) -> None:
        with QSignalBlocker(self.find_edit):
            self.find_edit.clear()
        self.not_found.hide()

    def focus_widgets(self) -> list[QWidget]:
        return [self.previous_button, self.next_button, self.find_edit]
