"""designer.editors.filter_builder: filters from real binding files, shown and edited.

Each edit is made the way a person makes it (keys typed into the focused field, buttons
clicked) and must hand on exactly one valid ``Filter`` once editing finishes (nothing while
typing, nor while a statement is incomplete or wrong); each hand-over is its own undo step.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from designer.editors.fields import is_marked
from designer.editors.filter_builder import FilterBuilder
from designer.editors.filter_rows import OperatorCombo, StatementRow
from model import bindings
from model.domain import Filter, FilterGroup, FilterOperator, FilterStatement

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
FIXTURES = ROOT / "tests" / "fixtures"


def _file_filters() -> dict[str, Filter]:
    """Every port and group filter of the sample and the fixtures, by ``file:object``."""
    found: dict[str, Filter] = {}
    for path in [SAMPLE, *sorted(FIXTURES.glob("*.xml"))]:
        doc = bindings.load(path)
        for owner in [*doc.send_ports, *doc.groups]:
            if owner.filter is not None:
                found[f"{path.stem}:{owner.name}"] = owner.filter
    return found


FILE_FILTERS = _file_filters()


def file_filter(stem: str, name: str) -> Filter:
    return FILE_FILTERS[f"{stem}:{name}"]


def S(prop: str, op: int = FilterOperator.EQUALS, value: str | None = None) -> FilterStatement:
    return FilterStatement(property=prop, operator=op, value=value)


def F(*groups: tuple[FilterStatement, ...]) -> Filter:
    return Filter(groups=tuple(FilterGroup(statements=g) for g in groups))


#: (BTS.MessageType == ..PaymentRequest AND Contoso.Billing.Schemas.Amount < 50000) OR (BTS.MessageType == ..RefundRequest)
PAYMENTS = "contoso-orders", "Billing.Payments.WCF-WSHttp"
PAYMENT_REQUEST = "http://contoso.com/billing/2024#PaymentRequest"
REFUND_REQUEST = "http://contoso.com/billing/2024#RefundRequest"
TWO_GROUPS = F(
    (S("BTS.ReceivePortName", 0, "In"), S("BTS.MessageType", FilterOperator.EXISTS)),
    (S("ErrorReport.ErrorType", 0, "FailedMessage"),),
)


@pytest.fixture
def builder(qtbot) -> FilterBuilder:
    widget = FilterBuilder()
    qtbot.addWidget(widget)
    widget.resize(560, 480)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def shown(builder: FilterBuilder, f: Filter | None) -> FilterBuilder:
    builder.set_filter(f)
    return builder


def row(builder: FilterBuilder, g: int, s: int) -> StatementRow:
    return builder.statement_row(g, s)


def type_text(qtbot, edit: QLineEdit, text: str, *, replace: bool = False) -> None:
    """Click into ``edit`` and type, at the end (or over everything)."""
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    if replace:
        edit.selectAll()
    else:
        edit.end(False)
    QTest.keyClicks(edit, text)


def type_and_enter(qtbot, edit: QLineEdit, text: str, *, replace: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Type into ``edit`` and finish with Enter."""
    type_text(qtbot, edit, text, replace=replace)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def choose(combo: OperatorCombo, op: int) -> None:
    """Pick ``op`` from the list as a person would (the view's choice is the combo's ``activated``)."""
    index = combo.findData(int(op))
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def with_statement(f: Filter, g: int, s: int, **changes: object) -> Filter:
    groups = [list(group.statements) for group in f.groups]
    groups[g][s] = groups[g][s].model_copy(update=changes)
    return F(*(tuple(x) for x in groups))


def one_edit(qtbot, builder: FilterBuilder, action) -> tuple[Filter | None, str]:  # type: ignore[no-untyped-def]
    """Do ``action``; exactly one ``edited`` must follow. Returns its (filter, key)."""
    got: list[tuple[Filter | None, str]] = []
    builder.edited.connect(lambda f, key: got.append((f, key)))
    action()
    assert len(got) == 1, got
    assert builder.value() == got[0][0]
    return got[0]


def no_edit(qtbot, builder: FilterBuilder, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(builder.edited):
        action()


# -- showing -------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(FILE_FILTERS))
def test_showing_a_file_filter_changes_nothing(qtbot, builder: FilterBuilder, key: str) -> None:
    f = FILE_FILTERS[key]
    no_edit(qtbot, builder, lambda: builder.set_filter(f))
    assert builder.value() == f
    for g, group in enumerate(f.groups):
        for s, st in enumerate(group.statements):
            r = row(builder, g, s)
            assert r.property_edit.text() == st.property
            assert r.operator_combo.code() == st.operator
            assert r.value_edit.text() == (st.value or "")
            assert r.value_edit.isEnabled() == (st.operator != FilterOperator.EXISTS)
    assert builder.preview_text() == f.text()


def test_moving_down_and_up_again_gives_back_the_file_filter_exactly(qtbot, builder: FilterBuilder) -> None:
    f = file_filter("01_messaging", "Orders.Partner.FTP")  # four groups, every operator
    shown(builder, f)
    first, _ = one_edit(qtbot, builder, row(builder, 3, 0).down_button.click)
    assert first.groups[3].statements == (f.groups[3].statements[1], f.groups[3].statements[0])
    back, _ = one_edit(qtbot, builder, row(builder, 3, 1).up_button.click)
    assert back == f


def test_none_and_empty_stay_as_they_are(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    no_edit(qtbot, builder, lambda: builder.set_filter(None))
    assert builder.value() is None
    assert builder.preview_text() == ""
    assert not row(builder, 0, 0).isVisibleTo(builder)
    assert builder.add_group_button.text() == "Add group"
    no_edit(qtbot, builder, lambda: builder.set_filter(Filter()))
    assert builder.value() == Filter()


def test_preview_of_a_two_group_filter(builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    assert (
        builder.preview_text()
        == "(BTS.ReceivePortName == In AND BTS.MessageType exists) OR (ErrorReport.ErrorType == FailedMessage)"
    )
    assert builder.group_box(0).title() == "Group 1"
    assert builder.group_box(1).title() == "Group 2"
    assert row(builder, 0, 1).and_label.isVisibleTo(builder)
    assert not row(builder, 0, 0).and_label.isVisibleTo(builder)
    assert builder.add_group_button.text() == "Add OR group"


def test_preview_follows_what_is_typed_even_when_it_cannot_be_saved(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    no_edit(
        qtbot,
        builder,
        lambda: (
            type_text(qtbot, row(builder, 0, 0).property_edit, "", replace=True)
            or QTest.keyClick(row(builder, 0, 0).property_edit, Qt.Key.Key_Backspace)
        ),
    )
    assert builder.preview_text() == "(… == In AND BTS.MessageType exists) OR (ErrorReport.ErrorType == FailedMessage)"


# -- edits ---------------------------------------------------------------------------------


def test_typing_a_property(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    no_edit(qtbot, builder, lambda: type_text(qtbot, row(builder, 0, 1).property_edit, "s"))  # not while typing
    assert builder.preview_text().startswith(
        f"(BTS.MessageType == {PAYMENT_REQUEST} AND Contoso.Billing.Schemas.Amounts < 50000)"
    )  # but previewed
    new, key = one_edit(qtbot, builder, lambda: QTest.keyClick(row(builder, 0, 1).property_edit, Qt.Key.Key_Return))
    assert new == with_statement(f, 0, 1, property="Contoso.Billing.Schemas.Amounts")
    assert key.startswith("filter.groups[0].statements[1].property")


def test_typing_a_value(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    value = row(builder, 1, 0).value_edit
    no_edit(qtbot, builder, lambda: type_text(qtbot, value, "s"))
    new, key = one_edit(qtbot, builder, lambda: row(builder, 0, 0).property_edit.setFocus())  # leaving it
    assert new == with_statement(f, 1, 0, value=REFUND_REQUEST + "s")
    assert key.startswith("filter.groups[1].statements[0].value")


def test_choosing_an_operator(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    new, _ = one_edit(qtbot, builder, lambda: choose(row(builder, 0, 1).operator_combo, FilterOperator.GREATER_EQUAL))
    assert new == with_statement(f, 0, 1, operator=FilterOperator.GREATER_EQUAL)
    assert builder.preview_text().startswith(
        f"(BTS.MessageType == {PAYMENT_REQUEST} AND Contoso.Billing.Schemas.Amount >= 50000)"
    )


def test_choosing_an_operator_with_the_keyboard(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    combo = row(builder, 1, 0).operator_combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    new, _ = one_edit(qtbot, builder, lambda: QTest.keyClick(combo, Qt.Key.Key_Down))
    assert new == with_statement(f, 1, 0, operator=FilterOperator.NOT_EQUAL)  # the item after ==


def test_switching_to_exists_disables_and_drops_the_value(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    r = row(builder, 0, 0)
    new, _ = one_edit(qtbot, builder, lambda: choose(r.operator_combo, FilterOperator.EXISTS))
    assert new == with_statement(f, 0, 0, operator=FilterOperator.EXISTS, value=None)
    assert not r.value_edit.isEnabled()
    assert r.value_edit.text() == ""
    assert not is_marked(r.value_edit)


def test_switching_away_from_exists_waits_for_a_value(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter("contoso-orders", "Orders.Dynamic.Notifications")).value()
    r = row(builder, 0, 0)  # Contoso.Orders.Schemas.NotificationChannel exists
    no_edit(qtbot, builder, lambda: choose(r.operator_combo, FilterOperator.EQUALS))
    assert r.value_edit.isEnabled() and r.value_edit.hasFocus()
    assert is_marked(r.value_edit) and "Enter a value" in r.error_label.text()
    no_edit(qtbot, builder, lambda: QTest.keyClicks(r.value_edit, "E"))
    new, key = one_edit(qtbot, builder, lambda: QTest.keyClick(r.value_edit, Qt.Key.Key_Return))
    assert new == with_statement(f, 0, 0, operator=FilterOperator.EQUALS, value="E")
    assert key.startswith("filter.groups[0].statements[0].value")
    assert not is_marked(r.value_edit) and r.error_label.isHidden()


def test_adding_a_statement_emits_once_it_is_complete(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    no_edit(qtbot, builder, builder.group_box(1).add_button.click)
    new_row = row(builder, 1, 1)
    assert new_row.isVisibleTo(builder) and new_row.property_edit.hasFocus()
    assert new_row.and_label.isVisibleTo(builder)
    assert not is_marked(new_row.property_edit) and not is_marked(new_row.value_edit)  # not yet touched
    assert len(builder.problems()) == 2  # ... but it is incomplete
    no_edit(qtbot, builder, lambda: QTest.keyClicks(new_row.property_edit, "BTS.SPName"))
    assert not is_marked(new_row.value_edit)  # the value was not reached yet
    new, _ = one_edit(qtbot, builder, lambda: choose(new_row.operator_combo, FilterOperator.EXISTS))
    assert new == F(f.groups[0].statements, (*f.groups[1].statements, S("BTS.SPName", FilterOperator.EXISTS)))


def test_leaving_a_new_statement_flags_what_is_missing(qtbot, builder: FilterBuilder) -> None:
    shown(builder, file_filter(*PAYMENTS))
    builder.group_box(0).add_button.click()
    new_row = row(builder, 0, 2)
    QTest.keyClicks(new_row.property_edit, "BTS.SPName")
    new_row.operator_combo.setFocus()  # moving inside the row is not leaving it
    assert not is_marked(new_row.value_edit)
    row(builder, 1, 0).value_edit.setFocus()
    qtbot.waitUntil(lambda: is_marked(new_row.value_edit))
    assert "Enter a value" in new_row.error_label.text()


def test_removing_a_statement(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    new, _ = one_edit(qtbot, builder, row(builder, 0, 0).remove_button.click)
    assert new == F((f.groups[0].statements[1],), f.groups[1].statements)
    assert row(builder, 0, 0).property_edit.text() == "Contoso.Billing.Schemas.Amount"
    assert not row(builder, 0, 0).and_label.isVisibleTo(builder)


def test_removing_the_last_statement_of_a_group_leaves_the_group_out(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    new, _ = one_edit(qtbot, builder, row(builder, 1, 0).remove_button.click)
    assert new == F(f.groups[0].statements)
    box = builder.group_box(1)
    assert box.isVisibleTo(builder) and box.empty_label.isVisibleTo(builder)  # still there to add to
    no_edit(qtbot, builder, lambda: builder.set_filter(new))  # the document's echo keeps it
    assert box.isVisibleTo(builder)


def test_removing_the_only_statement_gives_no_filter(qtbot, builder: FilterBuilder) -> None:
    shown(builder, file_filter("01_messaging", "Orders.Archive.FILE"))
    new, _ = one_edit(qtbot, builder, row(builder, 0, 0).remove_button.click)
    assert new is None
    assert builder.preview_text() == ""


def test_moving_statements(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    a, b = f.groups[0].statements
    assert not row(builder, 0, 0).up_button.isEnabled() and not row(builder, 0, 1).down_button.isEnabled()
    new, key1 = one_edit(qtbot, builder, row(builder, 0, 0).down_button.click)
    assert new == F((b, a), f.groups[1].statements)
    new, key2 = one_edit(qtbot, builder, row(builder, 0, 1).up_button.click)
    assert new == f
    assert key1 != key2


def test_adding_a_group(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    no_edit(qtbot, builder, builder.add_group_button.click)
    assert builder.group_box(2).title() == "Group 3" and builder.group_box(2).isVisibleTo(builder)
    new_row = row(builder, 2, 0)
    assert new_row.property_edit.hasFocus()
    no_edit(qtbot, builder, lambda: QTest.keyClicks(new_row.property_edit, "ErrorReport.ErrorType"))
    new, _ = one_edit(qtbot, builder, lambda: type_and_enter(qtbot, new_row.value_edit, "F"))
    assert new == F(*(g.statements for g in f.groups), (S("ErrorReport.ErrorType", 0, "F"),))
    assert builder.preview_text().endswith(" OR (ErrorReport.ErrorType == F)")


def test_removing_a_group(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter("01_messaging", "Orders.Partner.FTP")).value()
    new, _ = one_edit(qtbot, builder, builder.group_box(1).remove_button.click)
    assert new == F(*(g.statements for i, g in enumerate(f.groups) if i != 1))
    assert [builder.group_box(i).title() for i in range(3)] == ["Group 1", "Group 2", "Group 3"]
    assert not builder.group_box(3).isVisibleTo(builder)


def test_moving_groups(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter(*PAYMENTS)).value()
    assert not builder.group_box(0).up_button.isEnabled() and not builder.group_box(1).down_button.isEnabled()
    new, _ = one_edit(qtbot, builder, builder.group_box(1).up_button.click)
    assert new == F(f.groups[1].statements, f.groups[0].statements)
    assert row(builder, 0, 0).value_edit.text() == REFUND_REQUEST
    new, _ = one_edit(qtbot, builder, builder.group_box(0).down_button.click)
    assert new == f


def test_tokens_are_accepted_where_a_number_is_needed(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, file_filter("03_btdf_master", "${PortPrefix}.Invoices.FILE")).value()
    assert builder.problems() == []  # == ${Country}
    f = F((S("BTS.InterchangeSequenceNumber", FilterOperator.GREATER_THAN, "1"),))
    shown(builder, f)
    r = row(builder, 0, 0)
    # "$", "${", ... "${Min" are not numbers: only the finished token is emitted
    new, _ = one_edit(qtbot, builder, lambda: type_and_enter(qtbot, r.value_edit, "${Min}", replace=True))
    assert new == with_statement(f, 0, 0, value="${Min}")
    assert not is_marked(r.value_edit)


# -- problems ------------------------------------------------------------------------------


def test_an_empty_property_is_flagged_and_not_emitted(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    r = row(builder, 1, 0)
    no_edit(
        qtbot,
        builder,
        lambda: (
            type_text(qtbot, r.property_edit, "", replace=True),
            QTest.keyClick(r.property_edit, Qt.Key.Key_Delete),
        ),
    )
    assert r.property_edit.text() == ""
    assert is_marked(r.property_edit)
    assert r.error_label.isVisibleTo(builder) and "Enter a property" in r.error_label.text()
    assert builder.problems() == ["Group 2, statement 1: Enter a property, such as BTS.MessageType."]
    assert builder.value() == TWO_GROUPS
    no_edit(qtbot, builder, lambda: QTest.keyClick(r.property_edit, Qt.Key.Key_Return))
    new, _ = one_edit(
        qtbot,
        builder,
        lambda: (QTest.keyClicks(r.property_edit, "X"), QTest.keyClick(r.property_edit, Qt.Key.Key_Return)),
    )
    assert new == with_statement(TWO_GROUPS, 1, 0, property="X")
    assert not is_marked(r.property_edit) and builder.problems() == []


def test_a_word_for_an_ordering_operator_on_a_numeric_property(qtbot, builder: FilterBuilder) -> None:
    f = F((S("BTS.InterchangeSequenceNumber", FilterOperator.GREATER_THAN, "1"),))
    shown(builder, f)
    r = row(builder, 0, 0)
    no_edit(qtbot, builder, lambda: type_text(qtbot, r.value_edit, "first", replace=True))
    assert is_marked(r.value_edit)
    assert "needs a whole number" in r.error_label.text()
    new, _ = one_edit(qtbot, builder, lambda: choose(r.operator_combo, FilterOperator.EQUALS))  # == takes words
    assert new == with_statement(f, 0, 0, operator=FilterOperator.EQUALS, value="first")
    assert not is_marked(r.value_edit)


def test_nothing_is_emitted_while_another_statement_is_wrong(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    broken, other = row(builder, 0, 0), row(builder, 1, 0)
    no_edit(
        qtbot,
        builder,
        lambda: (
            type_text(qtbot, broken.property_edit, "", replace=True)
            or QTest.keyClick(broken.property_edit, Qt.Key.Key_Backspace)
        ),
    )
    no_edit(qtbot, builder, lambda: type_and_enter(qtbot, other.value_edit, "2"))
    no_edit(qtbot, builder, row(builder, 0, 1).remove_button.click)
    assert is_marked(row(builder, 0, 0).property_edit)
    new, _ = one_edit(qtbot, builder, lambda: type_and_enter(qtbot, broken.property_edit, "P"))
    assert new == F((S("P", 0, "In"),), (S("ErrorReport.ErrorType", 0, "FailedMessage2"),))


def test_a_value_on_exists_from_a_file_is_flagged_and_can_be_cleared(qtbot, builder: FilterBuilder) -> None:
    odd = Filter.model_construct(
        groups=(
            FilterGroup.model_construct(
                statements=(FilterStatement.model_construct(property="BTS.MessageType", operator=6, value="leftover"),)
            ),
        ),
        unparsed=None,
    )
    no_edit(qtbot, builder, lambda: builder.set_filter(odd))
    assert builder.value() == odd
    r = row(builder, 0, 0)
    assert not r.value_edit.isEnabled() and r.value_edit.text() == "leftover"
    assert is_marked(r.value_edit) and "takes no value" in r.error_label.text()
    assert r.clear_value_button.isVisibleTo(builder)
    new, _ = one_edit(qtbot, builder, r.clear_value_button.click)
    assert new == F((S("BTS.MessageType", FilterOperator.EXISTS),))
    assert not r.clear_value_button.isVisibleTo(builder) and not is_marked(r.value_edit)


def test_an_unknown_operator_from_a_file_is_flagged_until_replaced(qtbot, builder: FilterBuilder) -> None:
    f = file_filter("12_out_of_range", "Broken.Out.FILE")  # Operator="9"
    no_edit(qtbot, builder, lambda: builder.set_filter(f))
    combo = row(builder, 0, 0).operator_combo
    assert combo.code() == 9 and combo.currentText() == "?9?"
    assert is_marked(combo) and "Operator code 9" in row(builder, 0, 0).error_label.text()
    assert builder.value() == f
    new, _ = one_edit(qtbot, builder, lambda: choose(combo, FilterOperator.NOT_EQUAL))
    assert new == F((S("BTS.ReceivePortName", FilterOperator.NOT_EQUAL, "Broken.In"),))
    assert combo.findData(9) == -1 and not is_marked(combo)


def test_an_unreadable_filter_is_shown_and_can_be_replaced(qtbot, builder: FilterBuilder) -> None:
    raw = "<Filter><Group><Statement Property='BTS.X' Operator='0'</Group>"
    f = Filter(unparsed=raw)
    no_edit(qtbot, builder, lambda: builder.set_filter(f))
    assert builder.value() == f
    assert builder.findChild(QWidget, "unparsedText").toPlainText() == raw
    assert not builder.add_group_button.isEnabled()
    assert builder.problems() and "could not be read" in builder.problems()[0]
    assert builder.preview_text() == "(unreadable filter)"
    assert builder.focus_statement(0, 0) is False
    new, _ = one_edit(qtbot, builder, builder.start_new_button.click)
    assert new is None
    assert not builder.start_new_button.isVisibleTo(builder) and builder.add_group_button.isEnabled()
    r = row(builder, 0, 0)
    assert r.property_edit.hasFocus()
    no_edit(qtbot, builder, lambda: builder.set_filter(None))  # the document's echo keeps the new group
    assert r.isVisibleTo(builder)
    QTest.keyClicks(r.property_edit, "BTS.X")
    new, _ = one_edit(qtbot, builder, lambda: type_and_enter(qtbot, r.value_edit, "1"))
    assert new == F((S("BTS.X", 0, "1"),))


# -- completion, focus, sessions ------------------------------------------------------------


def _offered(r: StatementRow, prefix: str) -> list[str]:
    completer = r.completer
    completer.setCompletionPrefix(prefix)
    model = completer.completionModel()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def test_completion_offers_the_catalog_and_the_workspace(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    r = row(builder, 0, 0)
    assert {"BTS.ReceivePortName", "BTS.ReceivePortID", "ErrorReport.ReceivePortName"} <= set(
        _offered(r, "receiveport")
    )
    assert "Contoso.Orders.Schemas.Amount" not in _offered(r, "amount")
    builder.set_known_properties(["Contoso.Orders.Schemas.Amount", "BTS.MessageType"])
    assert _offered(r, "AMOUNT") == ["Contoso.Orders.Schemas.Amount"]
    assert _offered(r, "bts.messagetype") == ["BTS.MessageType"]  # once, though named twice
    # typing really pops it up, and the new row added afterwards shares what is known
    builder.group_box(1).add_button.click()
    new_row = row(builder, 1, 1)
    QTest.keyClicks(new_row.property_edit, "Contoso.Ord")
    qtbot.waitUntil(new_row.completer.popup().isVisible)
    assert "Contoso.Orders.Schemas.Amount" in _offered(new_row, "Contoso.Ord")


def test_picking_a_completion_edits_the_property(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, F((S("BTS.Rec", 0, "In"),))).value()
    r = row(builder, 0, 0)
    got: list[Filter] = []
    builder.edited.connect(lambda fl, _k: got.append(fl))
    type_text(qtbot, r.property_edit, "eivePortN")
    qtbot.waitUntil(r.completer.popup().isVisible)
    popup = r.completer.popup()
    popup.setCurrentIndex(r.completer.completionModel().index(0, 0))
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert r.property_edit.text() == "BTS.ReceivePortName"
    assert got[-1] == with_statement(f, 0, 0, property="BTS.ReceivePortName")


def test_each_finished_edit_is_its_own_undo_step(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    keys: list[str] = []
    builder.edited.connect(lambda _f, key: keys.append(key))
    value = row(builder, 1, 0).value_edit
    type_text(qtbot, value, "ab")
    assert keys == []
    QTest.keyClick(value, Qt.Key.Key_Return)
    assert len(keys) == 1 and keys[0].startswith("filter.groups[1].statements[0].value")
    row(builder, 0, 0).property_edit.setFocus()  # leaving after Enter hands on nothing more
    qtbot.waitUntil(lambda: not value.hasFocus())
    assert len(keys) == 1
    type_text(qtbot, value, "c")
    row(builder, 0, 0).property_edit.setFocus()
    qtbot.waitUntil(lambda: len(keys) == 2)
    assert keys[1] != keys[0] and builder.value().groups[1].statements[0].value == "FailedMessageabc"
    type_and_enter(qtbot, row(builder, 0, 0).value_edit, "x")
    assert keys[2] != keys[1] and keys[2].startswith("filter.groups[0].statements[0].value")
    choose(row(builder, 0, 0).operator_combo, FilterOperator.NOT_EQUAL)
    choose(row(builder, 0, 0).operator_combo, FilterOperator.EQUALS)
    assert len(keys) == 5 and len(set(keys)) == 5  # each choice of operator is its own step


def test_escape_puts_the_saved_text_back(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, TWO_GROUPS).value()
    r = row(builder, 0, 0)
    no_edit(
        qtbot,
        builder,
        lambda: (
            type_text(qtbot, r.value_edit, "X", replace=True),
            QTest.keyClick(r.value_edit, Qt.Key.Key_Escape),
            QTest.keyClick(r.value_edit, Qt.Key.Key_Return),
        ),
    )
    assert r.value_edit.text() == "In" and builder.preview_text() == f.text()
    type_and_enter(qtbot, r.value_edit, "2")
    no_edit(
        qtbot, builder, lambda: (QTest.keyClicks(r.value_edit, "3"), QTest.keyClick(r.value_edit, Qt.Key.Key_Escape))
    )
    assert r.value_edit.text() == "In2"  # what was last handed on


def test_leaving_the_builder_hands_on_what_is_typed(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, TWO_GROUPS).value()
    type_text(qtbot, row(builder, 1, 0).value_edit, "s")
    new, _ = one_edit(qtbot, builder, builder.commit_pending)
    assert new == with_statement(f, 1, 0, value="FailedMessages")
    no_edit(qtbot, builder, builder.commit_pending)


def test_setting_the_same_filter_while_typing_keeps_focus_and_cursor(qtbot, builder: FilterBuilder) -> None:
    shown(builder, file_filter(*PAYMENTS))
    value = row(builder, 0, 1).value_edit
    echoes: list[Filter] = []
    builder.edited.connect(lambda f, _k: (echoes.append(f), builder.set_filter(f)))  # as the document does
    type_and_enter(qtbot, value, "1")
    value.setCursorPosition(2)
    QTest.keyClicks(value, "9")
    assert value.text() == "5090001" and value.cursorPosition() == 3
    builder.set_filter(Filter.model_validate(echoes[-1].model_dump()))  # equal, not the same object
    assert value.hasFocus() and value.cursorPosition() == 3 and value.text() == "5090001"
    # another statement changed by someone else: shown, and the field being typed in keeps what is typed
    other = with_statement(echoes[-1], 1, 0, value="Changed")
    no_edit(qtbot, builder, lambda: builder.set_filter(other))
    assert row(builder, 1, 0).value_edit.text() == "Changed"
    assert value.hasFocus() and value.cursorPosition() == 3 and value.text() == "5090001"
    assert builder.value() == other
    new, _ = one_edit(qtbot, builder, lambda: QTest.keyClick(value, Qt.Key.Key_Return))
    assert new == with_statement(other, 0, 1, value="5090001")


def test_setting_the_same_filter_keeps_an_unfinished_statement(qtbot, builder: FilterBuilder) -> None:
    f = shown(builder, TWO_GROUPS).value()
    builder.group_box(0).add_button.click()
    QTest.keyClicks(row(builder, 0, 2).property_edit, "BTS.SPN")
    no_edit(qtbot, builder, lambda: builder.set_filter(f))
    assert row(builder, 0, 2).isVisibleTo(builder) and row(builder, 0, 2).property_edit.text() == "BTS.SPN"
    assert row(builder, 0, 2).property_edit.hasFocus()


def test_focus_statement(qtbot, builder: FilterBuilder) -> None:
    f = F((S("A", 0, "1"),), (S("B", 0, "2"), S("BTS.InterchangeSequenceNumber", FilterOperator.LESS_THAN, "x")))
    shown(builder, f)
    assert builder.focus_statement(1, 0) is True
    assert row(builder, 1, 0).property_edit.hasFocus()
    assert builder.focus_statement(1, 1) is True
    assert row(builder, 1, 1).value_edit.hasFocus()  # the flagged field
    assert builder.focus_statement(1, 2) is False and builder.focus_statement(2, 0) is False
    assert builder.focus_statement(-1, 0) is False


def test_tab_follows_the_rows_after_a_statement_is_added(qtbot, builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    builder.group_box(0).add_button.click()  # a row created after group 2's widgets
    QTest.keyClicks(row(builder, 0, 2).property_edit, "BTS.SPName")
    order = [
        row(builder, 0, 0).property_edit,
        row(builder, 0, 1).property_edit,
        row(builder, 0, 2).property_edit,
        row(builder, 1, 0).property_edit,
    ]
    row(builder, 0, 0).property_edit.setFocus()
    visited: list[QWidget] = []
    for _ in range(60):
        w = QApplication.focusWidget()
        if w in order and w not in visited:
            visited.append(w)
        if w is builder.add_group_button:
            break
        QTest.keyClick(w, Qt.Key.Key_Tab)
    assert visited == order
    assert QApplication.focusWidget() is builder.add_group_button


def test_buttons_are_named_for_screen_readers(builder: FilterBuilder) -> None:
    shown(builder, TWO_GROUPS)
    r = row(builder, 1, 0)
    assert r.remove_button.accessibleName() == "Remove group 2, statement 1"
    assert r.remove_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert r.property_edit.accessibleName() == "Group 2, statement 1: property"
    combo = r.operator_combo
    symbols = [combo.itemText(i).split("\u2003")[0] for i in range(combo.count())]
    assert symbols == ["==", "!=", "<", "<=", ">", ">=", "exists", "&"]
    assert all(combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count()))
    assert "bitwise AND" in combo.itemText(7)


def test_rows_are_reused_for_another_filter(builder: FilterBuilder) -> None:
    big = F(*((tuple(S(f"Contoso.P{g}.N{s}", 0, str(s)) for s in range(5))) for g in range(8)))
    shown(builder, big)
    rows_before = builder.findChildren(StatementRow)
    assert len(rows_before) == 40
    other = F(*((tuple(S(f"Contoso.Q{g}.N{s}", 5, str(s)) for s in range(5 - g % 2))) for g in range(8)))
    shown(builder, other)
    assert set(builder.findChildren(StatementRow)) == set(rows_before)
    assert row(builder, 7, 3).property_edit.text() == "Contoso.Q7.N3"
    assert not row(builder, 7, 4).isVisibleTo(builder)
    assert builder.preview_text() == other.text()
