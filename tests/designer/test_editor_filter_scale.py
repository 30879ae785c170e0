"""The filter builder with 10,000 statements: a page at a time, every statement reachable and editable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from designer.editors.filter_builder import FilterBuilder
from designer.editors.filter_rows import StatementRow
from model.domain import Filter, FilterGroup, FilterStatement

STATEMENTS, PER_GROUP = 10_000, 10


def big_filter() -> Filter:
    return Filter(
        groups=tuple(
            FilterGroup(
                statements=tuple(
                    FilterStatement(property="BTS.ReceivePortName", operator=0, value=f"Value{g * PER_GROUP + s}")
                    for s in range(PER_GROUP)
                )
            )
            for g in range(STATEMENTS // PER_GROUP)
        )
    )


@pytest.fixture
def builder(qtbot) -> FilterBuilder:
    widget = FilterBuilder()
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_filter(big_filter())
    return widget


def rows_on_screen(builder: FilterBuilder) -> list[StatementRow]:
    return [r for r in builder.findChildren(StatementRow) if r.isVisibleTo(builder)]


def test_a_page_of_statements_is_shown_with_the_pager(builder: FilterBuilder) -> None:
    page = builder.shown()
    assert (page.total, page.pages, page.first, page.last) == (STATEMENTS, STATEMENTS // builder.PAGE_SIZE, 1, 50)
    assert len(rows_on_screen(builder)) == builder.PAGE_SIZE
    assert builder.pager.isVisibleTo(builder)
    assert builder.pager.label.text() == "Statements 1–50 of 10,000 (page 1 of 200)"
    assert len(builder.findChildren(StatementRow)) <= 2 * builder.PAGE_SIZE  # no widget per statement
    builder.pager.next_button.click()
    assert builder.shown().first == 51
    assert rows_on_screen(builder)[0].value_edit.text() == "Value50"
    assert builder.preview_text().endswith("… (10,000 statements in all)")


def test_editing_a_statement_in_the_middle_commits_the_whole_filter(qtbot, builder: FilterBuilder) -> None:
    emitted: list[Filter | None] = []
    builder.edited.connect(lambda f, _key: emitted.append(f))
    row = builder.statement_row(500, 3)  # statement 5,004
    assert row.isVisibleTo(builder)
    assert row.value_edit.text() == "Value5003"
    assert builder.shown().page == 5003 // builder.PAGE_SIZE
    row.value_edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(row.value_edit.hasFocus)
    row.value_edit.selectAll()
    QTest.keyClicks(row.value_edit, "Edited")
    QTest.keyClick(row.value_edit, Qt.Key.Key_Return)
    assert len(emitted) == 1
    new = emitted[0]
    assert new is not None and new == builder.value()
    assert new.groups[500].statements[3].value == "Edited"
    expected = big_filter()
    changed = [
        (g, s)
        for g, group in enumerate(new.groups)
        for s, st in enumerate(group.statements)
        if st != expected.groups[g].statements[s]
    ]
    assert changed == [(500, 3)]


def test_find_turns_to_the_page_of_the_match(builder: FilterBuilder) -> None:
    builder.pager.find_edit.setText("value9876")
    builder.pager.find_edit.textEdited.emit("value9876")
    assert builder.shown().first <= 9877 <= builder.shown().last
    assert not builder.pager.not_found.isVisibleTo(builder)
    builder.pager.find_edit.textEdited.emit("nothing like it")
    assert builder.pager.not_found.isVisibleTo(builder)


def test_moving_a_group_to_another_page_follows_it(builder: FilterBuilder) -> None:
    box = builder.group_box(5)  # statements 51-60: page 2
    assert builder.shown().page == 1
    box.up_button.click()  # before group 4: statements 41-50, page 1
    moved = builder.value()
    assert moved is not None and moved.groups[4].statements[0].value == "Value50"
    assert builder.shown().page == 0
    builder.group_box(4).down_button.click()
    assert builder.shown().page == 1
    assert builder.value() == big_filter()
