"""Checking one value for one field, for editors: the model's own constraints, in words.

Editors never decide what is valid: they ask here (the same pydantic constraints the
models declare), show the message next to the field, and only hand valid values on.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

_PATTERNS = {
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$": "Must be a date and time such as 2000-01-01T08:30:00.",
    r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*$": "Must not contain control characters.",
}


def _field_type(info: FieldInfo) -> Any:
    """The field's type with its constraints, as the runtime type form TypeAdapter takes."""
    if not info.metadata:
        return info.annotation
    return Annotated[info.annotation, *info.metadata]


@cache
def _adapter(cls: type[BaseModel], field: str) -> TypeAdapter[Any]:
    return TypeAdapter(_field_type(cls.model_fields[field]))


def check_value(cls: type[BaseModel], field: str, value: Any) -> str | None:
    """Why ``value`` cannot be ``cls.field``, in a sentence; None when it can."""
    try:
        _adapter(cls, field).validate_python(value)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        # A union (int or ${Token}) reports one error per branch: the first is the main type's.
        msg = str(errors[0]["msg"])
        if errors[0]["type"] == "string_pattern_mismatch":
            pattern = str(errors[0].get("ctx", {}).get("pattern", ""))
            return _PATTERNS.get(pattern, "Has a form this field does not accept.")
        if msg.startswith("Input should be "):
            msg = "must be " + msg[len("Input should be ") :]
        elif msg.startswith("String should "):
            msg = "must " + msg[len("String should ") :]
        return msg[0].upper() + msg[1:] + "."
    return None


def coerce(cls: type[BaseModel], field: str, value: Any) -> Any:
    """``value`` as the field holds it (text "5" for an int field becomes 5); raises ValueError."""
    try:
        return _adapter(cls, field).validate_python(value)
    except ValidationError as e:
        raise ValueError(check_value(cls, field, value) or str(e)) from None


def limits(cls: type[BaseModel], field: str) -> tuple[int | None, int | None]:
    """(minimum, maximum) declared for an integer field (for spin boxes)."""
    lo = hi = None

    def walk(metadata: Any) -> None:
        nonlocal lo, hi
        for m in metadata:
            if hasattr(m, "metadata"):  # a FieldInfo inside Annotated[...]
                walk(m.metadata)
            lo = getattr(m, "ge", lo) if getattr(m, "ge", None) is not None else lo
            hi = getattr(m, "le", hi) if getattr(m, "le", None) is not None else hi

    info = cls.model_fields[field]
    walk(info.metadata)
    from typing import get_args

    for arg in get_args(info.annotation):
        walk(getattr(arg, "__metadata__", ()))
        for inner in get_args(arg):
            walk(getattr(inner, "__metadata__", ()))
    return lo, hi
