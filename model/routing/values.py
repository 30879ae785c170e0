"""Typed message context values and how one filter statement compares against them.

BizTalk converts a filter's text value to the type of the property it tests when it creates
the subscription, then compares typed values (MicrosoftDocs/biztalk-docs, "Filters Dialog
Box"): numbers as numbers (a decimal value given for an integer property is rounded to the
nearest integer, 9.5 to 10), dateTimes as instants, strings character by character
(ordinal, case-sensitive here). The type of a property is the one the context gives, else
the one in ``model.filter_properties``, else string (a promoted property of an application
schema that the catalog does not know).

A statement whose value cannot be read as the property's type never matches (BizTalk
refuses such a subscription when the port starts); ``model.routing.analysis`` reports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import get_args

from model.domain import FilterOperator, FilterStatement
from model.filter_properties import PropertyType, filter_property

__all__ = [
    "PROPERTY_TYPES",
    "CompiledStatement",
    "ContextValueError",
    "MessageContext",
    "TypedValue",
    "parse_value",
    "property_type",
    "statement_matches",
]

PROPERTY_TYPES: tuple[str, ...] = get_args(PropertyType)
Value = str | int | bool | datetime


class ContextValueError(ValueError):
    """A context property whose value cannot be read as its type (names both)."""


def property_type(name: str) -> PropertyType:
    """The type of context property ``name``: the catalog's, else string."""
    spec = filter_property(name)
    return spec.type if spec is not None else "string"


def _integer(text: str) -> int | None:
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _boolean(text: str) -> bool | None:
    word = text.strip().casefold()
    return True if word == "true" else False if word == "false" else None


def _instant(text: str) -> datetime | None:
    """An xs:dateTime / ISO 8601 instant; one without an offset is read as UTC."""
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


_PARSERS = {"int": _integer, "bool": _boolean, "datetime": _instant}


def parse_value(text: str, type_: PropertyType) -> Value | None:
    """``text`` as a value of ``type_``, or None when it is not one."""
    parser = _PARSERS.get(type_)
    return text if parser is None else parser(text)


@dataclass(frozen=True)
class TypedValue:
    """One context property's value with its type."""

    type: PropertyType
    value: Value
    text: str


class MessageContext:
    """A message's promoted context properties, by qualified name (``BTS.MessageType``)."""

    def __init__(self, values: Mapping[str, TypedValue]) -> None:
        self._values = MappingProxyType(dict(values))

    @classmethod
    def of(cls, properties: Iterable[tuple[str, str] | tuple[str, str, PropertyType | None]]) -> MessageContext:
        """From ``(name, text)`` or ``(name, text, type)``; a missing type comes from the catalog.

        Raises :class:`ContextValueError` naming the property when a text is not of its type."""
        values: dict[str, TypedValue] = {}
        for item in properties:
            name, text = item[0], item[1]
            given: PropertyType | None = item[2] if len(item) == 3 else None
            type_: PropertyType = given or property_type(name)
            if type_ not in PROPERTY_TYPES:
                raise ContextValueError(f"{name}: unknown type {type_!r}; use one of {', '.join(PROPERTY_TYPES)}")
            value = parse_value(text, type_)
            if value is None:
                raise ContextValueError(f"{name}: {text!r} is not a {_TYPE_WORDS[type_]}")
            values[name] = TypedValue(type_, value, text)
        return cls(values)

    def get(self, name: str) -> TypedValue | None:
        return self._values.get(name)

    @property
    def values(self) -> Mapping[str, TypedValue]:
        """The properties by name (read-only)."""
        return self._values

    def names(self) -> list[str]:
        return list(self._values)

    def items(self) -> list[tuple[str, TypedValue]]:
        return list(self._values.items())

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __len__(self) -> int:
        return len(self._values)


_TYPE_WORDS = {
    "string": "string",
    "int": "whole number",
    "bool": "boolean (true or false)",
    "datetime": "date and time (such as 2024-05-01T10:00:00Z)",
}

_COMPARE = {
    FilterOperator.EQUALS: lambda a, b: a == b,
    FilterOperator.NOT_EQUAL: lambda a, b: a != b,
    FilterOperator.LESS_THAN: lambda a, b: a < b,
    FilterOperator.LESS_EQUAL: lambda a, b: a <= b,
    FilterOperator.GREATER_THAN: lambda a, b: a > b,
    FilterOperator.GREATER_EQUAL: lambda a, b: a >= b,
}


@dataclass(frozen=True)
class CompiledStatement:
    """A statement with its value read once as the catalog's type of its property."""

    property: str
    operator: FilterOperator
    value: str | None
    type: PropertyType
    literal: Value | None

    @classmethod
    def of(cls, statement: FilterStatement) -> CompiledStatement:
        type_ = property_type(statement.property)
        literal = None if statement.value is None else parse_value(statement.value, type_)
        return cls(statement.property, FilterOperator(statement.operator), statement.value, type_, literal)

    def holds(self, values: Mapping[str, TypedValue]) -> bool:
        """Whether the context properties ``values`` satisfy the statement.

        Every operator but Exists needs the property in the context; the value is read as the
        context's type of the property; BitwiseAnd matches when the property and the value
        share a set bit (``property & value != 0``), integers only."""
        found = values.get(self.property)
        op = self.operator
        if op is FilterOperator.EXISTS:
            return found is not None
        if found is None or self.value is None:
            return False
        literal = self.literal if found.type == self.type else parse_value(self.value, found.type)
        if literal is None:
            return False
        if op is FilterOperator.BITWISE_AND:
            a, b = found.value, literal
            return found.type == "int" and isinstance(a, int) and isinstance(b, int) and (a & b) != 0
        return bool(_COMPARE[op](found.value, literal))


def statement_matches(statement: FilterStatement, context: MessageContext) -> bool:
    """Whether ``context`` satisfies one statement, comparing as the property's type (see
    :meth:`CompiledStatement.holds`)."""
    return CompiledStatement.of(statement).holds(context.values)
