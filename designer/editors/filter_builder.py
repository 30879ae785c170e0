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
* A long filter is shown :attr:`FilterBuilder.PAGE_SIZE` statements at a time, with a pager
  and a search field (``filter_pager``): showing a port of 10,000 statements costs what showing
  one page does. Boxes and rows are reused by their place on the page; a group cut by a page
  says which of its statements are shown. Every edit works on the whole filter; an edit that
  moves a statement or a group to another page turns to that page. The preview shows the
  first :attr:`FilterBuilder.PREVIEW_STATEMENTS` statements and how many there are in all.
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
from designer.editors.filter_drafts import (
    FIELDS,
    StatementDraft,
    Typing,
    Window,
    drafts_of,
    find,
    page_of,
    problems,
    problems_of,
    window,
)
from designer.editors.filter_pager import FilterPager
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

    PAGE_SIZE = 50  # statements on one page
    PREVIEW_STATEMENTS = 100  # statements the preview spells out

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
        self._page = 0
        self._window = Window(0, 1, (), 0, 0, 0)
        self._spans: dict[int, tuple[int, int, int]] = {}  # group shown -> (box, first statement, end)
        self._found: tuple[int, int] | None = None
        self._known: list[str] = []
        self._completions = QStandardItemModel(self)

        self._unparsed_panel = UnparsedPanel(self)
        self.start_new_button = self._unparsed_panel.start_button

        self._body = QWidget(self)
        self._empty_label = QLabel(self.tr("No statements: this filter subscribes to no message."), self._body)
        self._empty_label.setEnabled(False)
        self.pager = FilterPager(self._body)
        self._groups_box = lay_out(QVBoxLayout())
        self.add_group_button = QPushButton(self._body)
        self.add_group_button.setObjectName("addGroup")
        self.add_group_button.setToolTip(
            self.tr("Add a group of statements; a message matches the filter when it matches any one group")
        )
        lay_out(
            QVBoxLayout(self._body),
            self._empty_label,
            self.pager,
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
        self.pager.page_requested.connect(self._on_pager_page_requested)
        self.pager.find_requested.connect(self._on_pager_find_requested)
        self.set_known_properties([])
        self._show_all()

    # -- public ----------------------------------------------------------------------------

    def set_filter(self, f: Filter | None) -> None:
        """Show ``f`` (programmatic: emits nothing). The filter already shown changes nothing."""
        if f == self._current and not self._forgotten:
            return
        typing = None if self._forgotten else self._typing()
        if self._forgotten:
            self._page, self._found = 0, None
            self.pager.clear_search()
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
        row = self.statement_row(group, statement)
        flagged = problems_of(self._groups[group][statement])
        target = {"property": row.property_edit, "operator": row.operator_combo, "value": row.value_edit}
        widget = next((target[f] for f in FIELDS if f in flagged and target[f].isEnabled()), row.property_edit)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self._reveal(widget)
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
        """The row showing a statement, turning to its page (for focus handling and tests); for
        a statement that is not there, the spare row at that place (hidden)."""
        if 0 <= group < len(self._groups) and 0 <= statement < len(self._groups[group]):
            self._turn_to(group, statement)
            return self._row(group, statement)
        return self._boxes[group].rows[statement]

    def group_box(self, group: int) -> GroupBox:
        """The box showing a group, turning to the page where it starts; for a group that is not
        there, the spare box at that place (hidden)."""
        if not 0 <= group < len(self._groups):
            return self._boxes[group]
        if group not in self._spans or self._spans[group][1] > 0:
            self._turn_to(group, 0)
        return self._boxes[self._spans[group][0]]

    def shown(self) -> Window:
        """The page on screen: which statements of which groups."""
        return self._window

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
        self._window = window([len(g) for g in self._groups], self._page, self.PAGE_SIZE)
        self._page = self._window.page
        self.pager.show_window(self._window)
        spans = self._window.spans
        self._spans = {g: (i, lo, hi) for i, (g, lo, hi) in enumerate(spans)}
        while len(self._boxes) < len(spans):
            self._add_box()
        for i, box in enumerate(self._boxes):
            box.setVisible(i < len(spans))
            self._separators[i].setVisible(i < len(spans) and spans[i][0] > 0 and spans[i][1] == 0)
            if i < len(spans):
                g, lo, hi = spans[i]
                n = len(self._groups[g])
                box.show_position(g, count, None if (lo, hi) == (0, n) else (lo, hi, n))
                box.use_rows(hi - lo, self._new_row)
                for s in range(lo, hi):
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

    def _rows(self) -> list[tuple[int, int, StatementRow]]:
        """(group, statement, row) for every row on the page."""
        return [
            (g, s, self._boxes[box].rows[s - lo]) for g, (box, lo, hi) in self._spans.items() for s in range(lo, hi)
        ]

    def _row(self, g: int, s: int) -> StatementRow:
        box, lo, _hi = self._spans[g]
        return self._boxes[box].rows[s - lo]

    def _turn_to(self, g: int, s: int) -> None:
        """Show the page of statement ``s`` of group ``g`` (its first, for an empty group)."""
        span = self._spans.get(g)
        if span is not None and (span[1] <= s < span[2] or span[1] == span[2]):
            return
        self._page = page_of([len(d) for d in self._groups], g, s, self.PAGE_SIZE)
        self._show_all()

    def _reveal(self, widget: QWidget) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget)

    def _show_saved(self) -> None:
        """Tell the rows what Escape goes back to (after a filter was read or emitted)."""
        for g, s, row in self._rows():
            draft = self._groups[g][s]
            row.saved = {"property": draft.saved[0], "value": draft.saved[1] or ""}

    def _show_row(self, g: int, s: int) -> None:
        row = self._row(g, s)
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
            groups, left, total = [], self.PREVIEW_STATEMENTS, self._window.total
            for drafts in self._groups:
                if left <= 0:
                    break
                groups.append(FilterGroup.model_construct(statements=tuple(d.preview() for d in drafts[:left])))
                left -= len(drafts)
            text = Filter.model_construct(groups=tuple(groups), unparsed=None).text()
            if total > self.PREVIEW_STATEMENTS:
                text += self.tr(" … (%1 statements in all)").replace("%1", f"{total:,}")
        if self._preview.toPlainText() != text:
            self._preview.setPlainText(text)

    def _order_tabs(self) -> None:
        chain: list[QWidget] = [self.start_new_button, *self.pager.focus_widgets()]
        for _g, (box, lo, hi) in self._spans.items():
            chain += self._boxes[box].focus_widgets(hi - lo)
        chain += [self.add_group_button, self._preview]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _typing(self) -> Typing | None:
        """The field being typed in and what it holds, if it holds something not saved."""
        for g, s, row in self._rows():
            draft = self._groups[g][s]
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
        if self._unparsed is not None or any(
            problems(d.property, d.operator, d.value) for g in self._groups for d in g
        ):
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

    def _structure_changed(self, what: str, show: tuple[int, int] | None = None) -> None:
        """Show the drafts after a structural edit (on the page of statement ``show``) and emit."""
        self._sessions.finish()  # positions moved: typing afterwards starts new sessions
        if show is not None:
            self._page = page_of([len(d) for d in self._groups], *show, self.PAGE_SIZE)
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
        g = box.group
        self._groups[g].append(StatementDraft())  # flagged once edited or left
        last = len(self._groups[g]) - 1
        self._structure_changed(f"groups[{g}]", show=(g, last))
        self._row(g, last).property_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_statement_clicked(self, row: StatementRow) -> None:
        g, s = row.position
        del self._groups[g][s]
        left = len(self._groups[g])
        self._structure_changed(f"groups[{g}]", show=(g, min(s, max(left - 1, 0))))
        next_focus = self._row(g, s).remove_button if s < left else self.group_box(g).add_button
        next_focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_move_statement_clicked(self, row: StatementRow, delta: int) -> None:
        g, s = row.position
        drafts = self._groups[g]
        if not 0 <= s + delta < len(drafts):
            return
        drafts[s], drafts[s + delta] = drafts[s + delta], drafts[s]
        had_focus = row.up_button.hasFocus() or row.down_button.hasFocus()
        self._structure_changed(f"groups[{g}]", show=(g, s + delta))
        if had_focus:
            _follow(self._row(g, s + delta), delta)

    def _on_add_group_clicked(self) -> None:
        self._groups.append([StatementDraft()])
        last = len(self._groups) - 1
        self._structure_changed("groups", show=(last, 0))
        self._row(last, 0).property_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_group_clicked(self, box: GroupBox) -> None:
        g = box.group
        del self._groups[g]
        self._structure_changed("groups", show=(g, 0) if g < len(self._groups) else None)
        (self.group_box(g).remove_button if g < len(self._groups) else self.add_group_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _on_move_group_clicked(self, box: GroupBox, delta: int) -> None:
        g = box.group
        if not 0 <= g + delta < len(self._groups):
            return
        self._groups[g], self._groups[g + delta] = self._groups[g + delta], self._groups[g]
        had_focus = box.up_button.hasFocus() or box.down_button.hasFocus()
        self._structure_changed("groups", show=(g + delta, 0))
        if had_focus:
            _follow(self.group_box(g + delta), delta)

    def _on_start_new_clicked(self) -> None:
        self._unparsed = None
        self._groups = [[StatementDraft()]]
        self._page = 0
        self._show_all()
        self._current = None
        self._sessions.finish()
        self.edited.emit(None, self._fresh_key("groups"))
        self._row(0, 0).property_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_pager_page_requested(self, delta: int) -> None:
        self._page += delta
        self._show_all()

    def _on_pager_find_requested(self, text: str, after: bool) -> None:
        found = find(self._groups, text, self._found if after else None)
        self.pager.show_found(found is not None)
        self._found = found
        if found is not None:
            self._turn_to(*found)
            self._reveal(self._row(*found))
