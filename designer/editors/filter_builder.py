"""The filter builder: a send port's or group's subscription as OR-groups of AND-ed statements.

The builder shows a :class:`~model.domain.Filter`, lets the user edit it, and hands on a new
``Filter`` (or ``None`` for "no statements") through :attr:`FilterBuilder.edited` only when
every statement can be saved: what makes a statement unusable is ``model.filter_rules``'s to
say; this widget only shows it next to the field.

Decisions:

* Groups without statements live only in the widget. "Add OR group" adds a group with one
  new statement; a group whose statements were all removed stays on screen (with a note)
  but is left out of what is emitted, and a filter with no statement at all is ``None``.
  An empty group read from a file is shown the same way and dropped by the next edit.
* A new statement is not flagged until the user has edited a field of it or left it, but
  it keeps the filter from being emitted until it is complete: a half-typed statement never
  reaches the document or the undo stack.
* Typing in a property or value field is checked and previewed as it is typed and emitted
  when editing it finishes (Enter, leaving the field, picking a completion); Escape puts the
  saved text back. Choosing an operator and every structural edit (add, remove, move, clear
  a value) emit at once. Each emission has a fresh merge key (one undo step each); nothing
  is emitted when the edit leaves the filter as it was.
* :meth:`FilterBuilder.set_filter` with the filter the builder already stands for changes
  nothing on screen (the document calls it after every change); another filter is shown by
  reusing the row widgets by position, touching only the fields whose text differs, so the
  focus and cursor stay where they were, and the field being typed in keeps what is typed
  when the new filter leaves that field's saved value as it was.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import Sessions
from designer.editors.filter_drafts import FIELDS, StatementDraft, Typing, drafts_of, problems, problems_of
from designer.editors.filter_rows import (
    GroupBox,
    OrSeparator,
    PreviewText,
    StatementRow,
    UnparsedPanel,
    lay_out,
)
from model.domain import Filter, FilterGroup, FilterOperator
from model.filter_properties import FILTER_PROPERTIES, filter_property

__all__ = ["FilterBuilder"]


def _follow(moved: StatementRow | GroupBox, delta: int) -> None:
    """Focus the moved item's arrow, so that pressing Space again moves it further."""
    button = moved.up_button if delta < 0 else moved.down_button
    (button if button.isEnabled() else moved.remove_button).setFocus(Qt.FocusReason.OtherFocusReason)


class FilterBuilder(QWidget):
    """Edits a filter; emits ``edited(filter_or_none, merge_key)`` for valid changes only."""

    edited = Signal(object, str)

    def __init__(
        self, parent: QWidget | None = None, *, sessions: Sessions | None = None, path: str = "filter"
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions if sessions is not None else Sessions(self)
        self._path = path
        self._current: Filter | None = None
        self._forgotten = False  # the next set_filter rebuilds, even for an equal filter
        self._unparsed: str | None = None
        self._groups: list[list[StatementDraft]] = []
        self._boxes: list[GroupBox] = []
        self._separators: list[OrSeparator] = []
        self._known: list[str] = []
        self._completions = QStandardItemModel(self)

        self._unparsed_panel = UnparsedPanel(self)
        self.start_new_button = self._unparsed_panel.start_button

        self._body = QWidget(self)
        self._empty_label = QLabel(self.tr("No statements: this filter subscribes to no message."), self._body)
        self._empty_label.setEnabled(False)
        self._groups_box = lay_out(QVBoxLayout())
        self.add_group_button = QPushButton(self._body)
        self.add_group_button.setObjectName("addGroup")
        self.add_group_button.setToolTip(
            self.tr("Add a group of statements; a message matches the filter when it matches any one group")
        )
        lay_out(
            QVBoxLayout(self._body),
            self._empty_label,
            self._groups_box,
            lay_out(QHBoxLayout(), self.add_group_button, None),
            spacing=6,
        )
        preview_label = QLabel(self.tr("Preview:"), self)
        self._preview = PreviewText(self)
        self._preview.setPlaceholderText(self.tr("(no statements)"))
        self._preview.setAccessibleName(self.tr("Filter preview"))
        preview_label.setBuddy(self._preview)
        preview_row = lay_out(
            QHBoxLayout(), (preview_label, 0, Qt.AlignmentFlag.AlignTop), (self._preview, 1), spacing=6
        )
        # the stretch: a page that gives the builder room keeps the rows together at the top
        lay_out(QVBoxLayout(self), self._unparsed_panel, self._body, preview_row, None, spacing=8)

        self.start_new_button.clicked.connect(self._on_start_new_clicked)
        self.add_group_button.clicked.connect(self._on_add_group_clicked)
        self.set_known_properties([])
        self._show_all()

    # -- public ----------------------------------------------------------------------------

    def set_filter(self, f: Filter | None) -> None:
        """Show ``f`` (programmatic: emits nothing). The filter already shown changes nothing."""
        if f == self._current and not self._forgotten:
            return
        typing = None if self._forgotten else self._typing()
        self._forgotten = False
        self._current = f
        self._unparsed = f.unparsed if f is not None else None
        self._groups = drafts_of(f, typing)
        self._sessions.finish()
        self._show_all()

    def commit_pending(self) -> None:
        """Emit what was typed and not emitted yet, if every statement can be saved."""
        self._emit(self._fresh_key("groups"))

    def forget(self) -> None:
        """The next :meth:`set_filter` shows another object's filter: it replaces what is typed."""
        self._forgotten = True

    def value(self) -> Filter | None:
        """The filter last set or emitted: what the document holds (typed invalid rows are not in it)."""
        return self._current

    def set_known_properties(self, names: list[str]) -> None:
        """Offer the catalog's properties and ``names`` (those used in the workspace) for completion."""
        catalog = {p.name for p in FILTER_PROPERTIES}
        known = sorted(catalog | {n for n in names if n}, key=str.casefold)
        if known == self._known:
            return
        self._known = known
        self._completions.clear()
        for name in known:
            item = QStandardItem(name)
            spec = filter_property(name)
            item.setToolTip(f"{spec.description} ({spec.type})" if spec else self.tr("Used in this workspace"))
            self._completions.appendRow(item)

    def preview_text(self) -> str:
        return self._preview.toPlainText()

    def focus_statement(self, group: int, statement: int) -> bool:
        """Put the focus in a statement (on its first flagged field); False if there is no such statement."""
        if (
            self._unparsed is not None
            or not (0 <= group < len(self._groups))
            or not (0 <= statement < len(self._groups[group]))
        ):
            return False
        row = self._boxes[group].rows[statement]
        flagged = problems_of(self._groups[group][statement])
        target = {"property": row.property_edit, "operator": row.operator_combo, "value": row.value_edit}
        widget = next((target[f] for f in FIELDS if f in flagged and target[f].isEnabled()), row.property_edit)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget)
        return True

    def problems(self) -> list[str]:
        """Why the filter on screen cannot be saved, one line per problem (empty when it can)."""
        if self._unparsed is not None:
            return [self._unparsed_panel.message.text()]
        out = []
        for g, drafts in enumerate(self._groups):
            for s, draft in enumerate(drafts):
                for _field, message in problems(draft.property, draft.operator, draft.value):
                    out.append(
                        self.tr("Group %1, statement %2: %3")
                        .replace("%1", str(g + 1))
                        .replace("%2", str(s + 1))
                        .replace("%3", message)
                    )
        return out

    def statement_row(self, group: int, statement: int) -> StatementRow:
        """The row showing a statement (for focus handling and tests)."""
        return self._boxes[group].rows[statement]

    def group_box(self, group: int) -> GroupBox:
        return self._boxes[group]

    # -- showing ---------------------------------------------------------------------------

    def _show_all(self) -> None:
        """Lay out boxes and rows for the drafts (reusing widgets by position) and show them."""
        unparsed = self._unparsed is not None
        self._unparsed_panel.setVisible(unparsed)
        self._unparsed_panel.text.setPlainText(self._unparsed or "")
        self._body.setEnabled(not unparsed)
        count = len(self._groups)
        self._empty_label.setVisible(count == 0 and not unparsed)
        self.add_group_button.setText(self.tr("Add OR group") if count else self.tr("Add group"))
        while len(self._boxes) < count:
            self._add_box()
        for g, box in enumerate(self._boxes):
            box.setVisible(g < count)
            self._separators[g].setVisible(0 < g < count)
            if g < count:
                box.show_position(g, count)
                box.use_rows(len(self._groups[g]), self._new_row)
                for s in range(len(self._groups[g])):
                    self._show_row(g, s)
        self._show_preview()
        self._order_tabs()

    def _add_box(self) -> None:
        separator = OrSeparator(self._body)
        box = GroupBox(self._body)
        self._groups_box.addWidget(separator)
        self._groups_box.addWidget(box)
        self._separators.append(separator)
        self._boxes.append(box)
        box.add_requested.connect(lambda: self._on_add_statement_clicked(box))
        box.move_requested.connect(lambda delta: self._on_move_group_clicked(box, delta))
        box.remove_requested.connect(lambda: self._on_remove_group_clicked(box))

    def _new_row(self, parent: QWidget) -> StatementRow:
        row = StatementRow(self._completions, parent)
        row.property_edited.connect(lambda text: self._on_row_typed(row, "property", text))
        row.value_edited.connect(lambda text: self._on_row_typed(row, "value", text or None))
        row.operator_chosen.connect(lambda code: self._on_row_operator_chosen(row, code))
        row.finished.connect(lambda field: self._on_row_finished(row, field))
        row.left.connect(lambda: self._on_row_left(row))
        row.move_requested.connect(lambda delta: self._on_move_statement_clicked(row, delta))
        row.remove_requested.connect(lambda: self._on_remove_statement_clicked(row))
        row.clear_value_requested.connect(lambda: self._on_clear_value_clicked(row))
        return row

    def _show_saved(self) -> None:
        """Tell the rows what Escape goes back to (after a filter was read or emitted)."""
        for g, drafts in enumerate(self._groups):
            for s, draft in enumerate(drafts):
                self._boxes[g].rows[s].saved = {"property": draft.saved[0], "value": draft.saved[1] or ""}

    def _show_row(self, g: int, s: int) -> None:
        row = self._boxes[g].rows[s]
        row.position = (g, s)
        draft = self._groups[g][s]
        row.saved = {"property": draft.saved[0], "value": draft.saved[1] or ""}
        spec = filter_property(draft.property.strip())
        row.show_draft(
            draft,
            problems_of(draft),
            first=s == 0,
            last=s == len(self._groups[g]) - 1,
            where=self.tr("Group %1, statement %2").replace("%1", str(g + 1)).replace("%2", str(s + 1)),
            description=f"{spec.description} ({spec.type})" if spec else None,
        )

    def _show_preview(self) -> None:
        if self._unparsed is not None:
            text = Filter(unparsed=self._unparsed).text()
        else:
            shown = Filter.model_construct(
                groups=tuple(
                    FilterGroup.model_construct(statements=tuple(d.preview() for d in g)) for g in self._groups
                ),
                unparsed=None,
            )
            text = shown.text()
        if self._preview.toPlainText() != text:
            self._preview.setPlainText(text)

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [self.start_new_button]
        for g, drafts in enumerate(self._groups):
            chain += self._boxes[g].focus_widgets(len(drafts))
        chain += [self.add_group_button, self._preview]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _typing(self) -> Typing | None:
        """The field being typed in and what it holds, if it holds something not saved."""
        for g, drafts in enumerate(self._groups):
            for s, draft in enumerate(drafts):
                row = self._boxes[g].rows[s]
                for name, edit, saved in (
                    ("property", row.property_edit, draft.saved[0]),
                    ("value", row.value_edit, draft.saved[1]),
                ):
                    if edit.hasFocus() and getattr(draft, name) != saved:
                        return Typing(g, s, name, saved, getattr(draft, name))
        return None

    # -- emitting --------------------------------------------------------------------------

    def _emit(self, key: str) -> None:
        """Hand the filter on when every statement can be saved and it differs from the last one."""
        if self._unparsed is not None or any(problems_of(d) for g in self._groups for d in g):
            return
        groups = tuple(FilterGroup(statements=tuple(d.statement() for d in g)) for g in self._groups if g)
        new = Filter(groups=groups) if groups else None
        for drafts in self._groups:
            for draft in drafts:
                draft.mark_saved()
        if new == self._current:
            return
        self._current = new
        self._show_saved()
        self.edited.emit(new, key)

    def _fresh_key(self, what: str) -> str:
        key = self._sessions.key(f"{self._path}.{what}")
        self._sessions.finish(f"{self._path}.{what}")
        return key

    def _structure_changed(self, what: str) -> None:
        self._sessions.finish()  # positions moved: typing afterwards starts new sessions
        self._show_all()
        self._emit(self._fresh_key(what))

    # -- slots -----------------------------------------------------------------------------

    def _on_row_typed(self, row: StatementRow, field: str, value: str | None) -> None:
        g, s = row.position
        draft = self._groups[g][s]
        if getattr(draft, field) == value:
            return
        setattr(draft, field, value)
        draft.seen.add(field)
        self._show_row(g, s)
        self._show_preview()

    def _on_row_finished(self, row: StatementRow, field: str) -> None:
        g, s = row.position
        if g < len(self._groups) and s < len(self._groups[g]):
            self._emit(self._fresh_key(f"groups[{g}].statements[{s}].{field}"))

    def _on_row_operator_chosen(self, row: StatementRow, code: int) -> None:
        g, s = row.position
        draft = self._groups[g][s]
        if draft.operator == code:
            return
        was_exists = draft.operator == FilterOperator.EXISTS
        draft.operator = code
        draft.seen.add("operator")
        if code == FilterOperator.EXISTS:
            draft.value = None  # exists takes no value: drop what was typed
        self._show_row(g, s)
        self._show_preview()
        if was_exists and draft.value is None:
            row.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._emit(self._fresh_key(f"groups[{g}].statements[{s}].operator"))

    def _on_row_left(self, row: StatementRow) -> None:
        g, s = row.position
        if g < len(self._groups) and s < len(self._groups[g]):
            draft = self._groups[g][s]
            if draft.seen != set(FIELDS):
                draft.seen = set(FIELDS)
                self._show_row(g, s)

    def _on_clear_value_clicked(self, row: StatementRow) -> None:
        g, s = row.position
        self._groups[g][s].value = None
        row.operator_combo.setFocus(Qt.FocusReason.OtherFocusReason)
        self._structure_changed(f"groups[{g}].statements[{s}].value")

    def _on_add_statement_clicked(self, box: GroupBox) -> None:
        g = self._boxes.index(box)
        self._groups[g].append(StatementDraft())  # flagged once edited or left
        self._structure_changed(f"groups[{g}]")
        box.rows[len(self._groups[g]) - 1].property_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_statement_clicked(self, row: StatementRow) -> None:
        g, s = row.position
        del self._groups[g][s]
        self._structure_changed(f"groups[{g}]")
        box = self._boxes[g]
        next_focus = box.rows[s].remove_button if s < len(self._groups[g]) else box.add_button
        next_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_move_statement_clicked(self, row: StatementRow, delta: int) -> None:
        g, s = row.position
        drafts = self._groups[g]
        if not 0 <= s + delta < len(drafts):
            return
        drafts[s], drafts[s + delta] = drafts[s + delta], drafts[s]
        had_focus = row.up_button.hasFocus() or row.down_button.hasFocus()
        self._structure_changed(f"groups[{g}]")
        if had_focus:
            _follow(self._boxes[g].rows[s + delta], delta)

    def _on_add_group_clicked(self) -> None:
        self._groups.append([StatementDraft()])
        self._structure_changed("groups")
        self._boxes[len(self._groups) - 1].rows[0].property_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_group_clicked(self, box: GroupBox) -> None:
        g = self._boxes.index(box)
        del self._groups[g]
        self._structure_changed("groups")
        (self._boxes[g].remove_button if g < len(self._groups) else self.add_group_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _on_move_group_clicked(self, box: GroupBox, delta: int) -> None:
        g = self._boxes.index(box)
        if not 0 <= g + delta < len(self._groups):
            return
        self._groups[g], self._groups[g + delta] = self._groups[g + delta], self._groups[g]
        had_focus = box.up_button.hasFocus() or box.down_button.hasFocus()
        self._structure_changed("groups")
        if had_focus:
            _follow(self._boxes[g + delta], delta)

    def _on_start_new_clicked(self) -> None:
        self._unparsed = None
        self._groups = [[StatementDraft()]]
        self._show_all()
        self._current = None
        self._sessions.finish()
        self.edited.emit(None, self._fresh_key("groups"))
        self._boxes[0].rows[0].property_edit.setFocus(Qt.FocusReason.OtherFocusReason)
