"""What keeps one filter statement from being saved, in words, for filter editors.

``model.validation`` reports problems of filters already in a workspace (warnings included);
this is the stricter gate an editor applies before handing a statement on: a statement
that is incomplete (no property, no value) or contradictory (a value on ``exists``, a word
where a number is compared) is shown where it was typed and never reaches the document.
``${Token}`` and ``$(Var)`` placeholders are accepted as any value: they are filled per
environment.
"""

from __future__ import annotations

import re

from model.domain import FilterOperator, FilterStatement, is_token
from model.field_checks import check_value
from model.filter_properties import filter_property

__all__ = ["statement_problems"]

_WHOLE_NUMBER = re.compile(r"[+-]?\d+")


def statement_problems(property: str, operator: int, value: str | None) -> list[tuple[str, str]]:
    """``(field, message)`` for each reason ``property operator value`` cannot be saved.

    ``field`` is ``"property"``, ``"operator"`` or ``"value"``. An empty list means the
    statement can be saved. ``value`` is ``None`` when none was given; ``""`` counts as a
    value (files carry ``Value=""``), as in ``model.validation``.
    """
    problems: list[tuple[str, str]] = []
    if not property.strip():
        problems.append(("property", "Enter a property, such as BTS.MessageType."))
    elif (why := check_value(FilterStatement, "property", property)) is not None:
        problems.append(("property", why))

    try:
        op: FilterOperator | None = FilterOperator(operator)
    except ValueError:
        op = None
        problems.append(("operator", f"Operator code {operator} is not a filter operator (codes are 0 to 7)."))

    if value is not None and (why := check_value(FilterStatement, "value", value)) is not None:
        problems.append(("value", why))
    elif op is FilterOperator.EXISTS:
        if value not in (None, ""):
            problems.append(("value", f"'exists' takes no value; clear the value {value!r}."))
    elif op is not None and value is None:
        problems.append(("value", "Enter a value, or choose 'exists'."))
    elif op is not None and value is not None and not is_token(value) and not _WHOLE_NUMBER.fullmatch(value.strip()):
        spec = filter_property(property.strip())
        if op is FilterOperator.BITWISE_AND:
            problems.append(("value", f"'&' (bitwise AND) needs a whole number, such as 4, not {value!r}."))
        elif op.is_ordering and spec is not None and spec.type == "int":
            problems.append(("value", f"{spec.name} is a number: '{op.symbol}' needs a whole number, not {value!r}."))
    return problems
