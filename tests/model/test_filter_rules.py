"""model.filter_rules: what keeps a filter statement from being saved (no Qt)."""

from __future__ import annotations

import pytest

from model.domain import FilterOperator as Op
from model.filter_rules import statement_problems

OK = [
    ("BTS.ReceivePortName", Op.EQUALS, "Orders.In"),
    ("BTS.MessageType", Op.EXISTS, None),
    ("BTS.MessageType", Op.EXISTS, ""),  # files write Value="" on exists: nothing to ignore
    ("BTS.ReceivePortName", Op.NOT_EQUAL, ""),  # an empty string is a value, as in model.validation
    ("BTS.InterchangeSequenceNumber", Op.GREATER_THAN, "1"),
    ("BTS.InterchangeSequenceNumber", Op.LESS_EQUAL, "-3"),
    ("BTS.InterchangeSequenceNumber", Op.GREATER_EQUAL, "${MinSequence}"),
    ("BTS.InterchangeSequenceNumber", Op.LESS_THAN, "$(Max)"),
    ("BTS.MessageType", Op.LESS_THAN, "abc"),  # ordering a string property is allowed
    ("Contoso.Orders.Schemas.Amount", Op.LESS_THAN, "5000.50"),  # unknown property: no type to check
    ("ErrorReport.FailureTime", Op.GREATER_THAN, "2024-01-01T00:00:00"),  # datetime, not int
    ("Contoso.Orders.Schemas.Flags", Op.BITWISE_AND, "4"),
    ("Contoso.Orders.Schemas.Flags", Op.BITWISE_AND, "${FlagMask}"),
    ("BTS.MessageType", Op.EQUALS, "${Country}"),
]


@pytest.mark.parametrize(("prop", "op", "value"), OK)
def test_statements_that_can_be_saved(prop: str, op: int, value: str | None) -> None:
    assert statement_problems(prop, op, value) == []


BAD = [
    ("", Op.EQUALS, "x", "property", "Enter a property"),
    ("   ", Op.EXISTS, None, "property", "Enter a property"),
    ("BTS.\x01Bad", Op.EQUALS, "x", "property", "control characters"),
    ("BTS.MessageType", 9, "x", "operator", "Operator code 9 is not a filter operator"),
    ("BTS.MessageType", -1, "x", "operator", "Operator code -1"),
    ("BTS.MessageType", Op.EXISTS, "leftover", "value", "'exists' takes no value; clear the value 'leftover'"),
    ("BTS.ReceivePortName", Op.EQUALS, None, "value", "Enter a value"),
    ("BTS.ReceivePortName", Op.EQUALS, "a\x02b", "value", "control characters"),
    (
        "BTS.InterchangeSequenceNumber",
        Op.GREATER_THAN,
        "one",
        "value",
        "BTS.InterchangeSequenceNumber is a number: '>' needs a whole number, not 'one'",
    ),
    ("BTS.AckFailureCategory", Op.LESS_THAN, "1.5", "value", "'<' needs a whole number"),
    ("ErrorReport.FailureCategory", Op.GREATER_EQUAL, "${Partial", "value", "'>=' needs a whole number"),
    ("Contoso.Orders.Schemas.Flags", Op.BITWISE_AND, "four", "value", "'&' (bitwise AND) needs a whole number"),
]


@pytest.mark.parametrize(("prop", "op", "value", "field", "words"), BAD)
def test_statements_that_cannot_be_saved(prop: str, op: int, value: str | None, field: str, words: str) -> None:
    problems = statement_problems(prop, op, value)
    assert [f for f, _ in problems] == [field]
    assert words in problems[0][1]


def test_every_reason_is_reported_at_once() -> None:
    problems = dict(statement_problems("", 12, None))
    assert set(problems) == {"property", "operator"}  # no value check for an unknown operator
    assert dict(statement_problems("", Op.EQUALS, None)).keys() == {"property", "value"}


def test_equality_operators_do_not_need_numbers_even_on_int_properties() -> None:
    assert statement_problems("BTS.InterchangeSequenceNumber", Op.EQUALS, "first") == []
    assert statement_problems("BTS.InterchangeSequenceNumber", Op.NOT_EQUAL, "first") == []
