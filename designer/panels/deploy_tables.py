"""The Deployment dock's tables and messages: how they are set up, how wide their columns are,
and a message shown in a table's place (nothing to list, or why there is nothing)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QStackedWidget, QTableView, QWidget

from designer.editors.fields import ERROR_COLOR
from designer.panels import deploy_drift as drift
from designer.panels.deploy_model import FIELD, NUMBER, OBJECT, PHASE, SEVERITY, STEP
from designer.themes import current_theme

#: Beyond this many findings the rows keep one line (wrapping them all would cost a moment).
MAX_WRAPPED_ROWS = 500


def table_view(name: str, model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """A read-only table of whole rows, one selected at a time, as the problems dock's."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def message_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMargin(12)
    return label


def show_message(stack: QStackedWidget, label: QLabel, text: str, error: bool = False) -> None:
    """Show ``text`` in ``label`` in the place of the table of ``stack``; an error in red."""
    label.setText(text)
    palette = QPalette()  # only what is set here is the label's own: the rest follows the theme
    if error:
        dark = current_theme() == "dark"
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#f28b82" if dark else ERROR_COLOR))
    label.setPalette(palette)
    stack.setCurrentWidget(label)


def fit_columns(findings: QTableView, steps: QTableView) -> None:
    """Severity, number and phase as wide as their text; object, field and step as wide as theirs
    within a share of the width; message and why get the rest, and the findings' messages wrap."""
    for view, fixed, shared in (
        (findings, (SEVERITY,), ((OBJECT, 0.2), (FIELD, 0.3))),
        (steps, (NUMBER, PHASE), ((STEP, 0.5),)),
    ):
        header = view.horizontalHeader()
        for column in fixed:
            view.resizeColumnToContents(column)
        room = view.viewport().width() - sum(header.sectionSize(c) for c in fixed)
        for column, share in shared:
            hint = view.sizeHintForColumn(column) if view.model().rowCount() else 0
            header.resizeSection(column, max(header.minimumSectionSize(), min(hint, int(room * share))))
    rows, count = findings.verticalHeader(), findings.model().rowCount()
    if count <= MAX_WRAPPED_ROWS:  # wrapped messages, with the rows' usual padding
        for row in range(count):
            rows.resizeSection(row, max(rows.defaultSectionSize(), findings.sizeHintForRow(row) + 6))


def fit_drift_columns(view: QTableView) -> None:
    """Object and what as wide as their text within a quarter of the width each; of the rest,
    the target's side as wide as its text within the half the design's side leaves it (at least
    half), the design's side all that is left."""
    header = view.horizontalHeader()
    room = view.viewport().width()
    has_rows = view.model().rowCount() > 0

    def hint(column: int) -> int:
        return view.sizeHintForColumn(column) if has_rows else 0

    least = header.minimumSectionSize()
    for column in (drift.OBJECT, drift.WHAT):
        header.resizeSection(column, max(least, min(hint(column), room // 4)))
    rest = room - header.sectionSize(drift.OBJECT) - header.sectionSize(drift.WHAT)
    target = min(hint(drift.TARGET), max(rest // 2, rest - hint(drift.DESIGN)))
    header.resizeSection(drift.TARGET, max(least, target))
