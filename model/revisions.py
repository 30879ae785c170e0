"""Comparing two versions of a port or group, field by field: what changed, whether the new
values are valid, and the three-way merge of two people's edits of one object.

The workspace uses these for every write: a revision is checked only where it differs
from what is stored (a value imported out of range stays until someone edits it, and is
reported by validation), and an edit made on a stale copy is merged when the two edits
touched different fields.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from model.domain import DomainModel, Located, SendPort, SendPortGroup, model_in

#: Words for field paths in messages ("primary_transport.address" -> "Address (transport)").
_WORDS = {
    "name": "name",
    "description": "description",
    "filter": "filter",
    "members": "members",
    "application": "application",
    "send_pipeline": "send pipeline",
    "receive_pipeline": "receive pipeline",
    "primary_transport": "transport",
    "secondary_transport": "backup transport",
    "address": "address",
    "adapter": "adapter",
    "settings": "adapter settings",
    "retry_count": "retry count",
    "retry_interval": "retry interval",
    "send_handler": "send handler",
    "tracking": "tracking",
    "outbound_maps": "outbound maps",
    "inbound_maps": "inbound maps",
    "priority": "priority",
    "ordered_delivery": "ordered delivery",
    "stop_sending_on_failure": "stop sending on failure",
    "route_failed_messages": "route failed messages",
    "encryption_cert": "encryption certificate",
    "service_window_enabled": "service window",
    "from_time": "service window start",
    "to_time": "service window end",
}


def describe(path: str) -> str:
    """A field path in words: ``primary_transport.retry_count`` -> ``transport retry count``."""
    return " ".join(_WORDS.get(part, part.replace("_", " ")) for part in path.split("."))


class InvalidRevision(ValueError):
    """A new value the domain does not accept; ``path`` names the field."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{describe(path)}: {message}")
        self.path = path
        self.message = message


def _nested(cls: type[BaseModel], field: str) -> type[BaseModel] | None:
    found = model_in(cls.model_fields[field].annotation)
    return found if found is not None and issubclass(found, DomainModel) else None


def changed_paths(old: BaseModel | None, new: BaseModel | None, prefix: str = "") -> list[str]:
    """Dotted paths of the fields that differ, down into nested models of the same type."""
    if old == new:
        return []
    if old is None or new is None or type(old) is not type(new):
        return [prefix.rstrip(".") or "*"]
    out: list[str] = []
    for field in type(new).model_fields:
        a, b = getattr(old, field), getattr(new, field)
        if a == b:
            continue
        if isinstance(a, DomainModel) and isinstance(b, DomainModel) and type(a) is type(b):
            out += changed_paths(a, b, f"{prefix}{field}.")
        else:
            out.append(f"{prefix}{field}")
    return out


@cache
def _field_adapter(cls: type[BaseModel], field: str) -> TypeAdapter[Any]:
    info = cls.model_fields[field]
    annotation: Any = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(annotation)


def _message(e: ValidationError) -> str:
    msg = str(e.errors(include_url=False)[0]["msg"])
    if "should match pattern" in msg:
        return "contains characters a binding file cannot hold (control characters)"
    return msg[0].lower() + msg[1:] if msg else msg


def _check_whole(value: Any, path: str) -> None:
    """Validate a whole new nested value (a model, a tuple of models, or a scalar)."""
    if isinstance(value, BaseModel):
        try:
            type(value).model_validate(value.model_dump())
        except ValidationError as e:
            err = e.errors(include_url=False)[0]
            where = ".".join(str(p) for p in err["loc"] if not isinstance(p, int) and "[" not in str(p))
            raise InvalidRevision(f"{path}.{where}" if where else path, _message(e)) from None
    elif isinstance(value, tuple):
        for item in value:
            _check_whole(item, path)


def check_revision(old: BaseModel | None, new: BaseModel, prefix: str = "") -> None:
    """Raise :class:`InvalidRevision` for the first changed field whose new value is invalid."""
    if old is None or type(old) is not type(new):
        _check_whole(new, prefix.rstrip(".") or type(new).__name__)
        return
    cls = type(new)
    for field in cls.model_fields:
        a, b = getattr(old, field), getattr(new, field)
        if a == b:
            continue
        path = f"{prefix}{field}"
        if isinstance(b, DomainModel) and _nested(cls, field) is not None:
            check_revision(a if isinstance(a, DomainModel) else None, b, f"{path}.")
            continue
        if isinstance(b, tuple | BaseModel):
            _check_whole(b, path)
            continue
        try:
            _field_adapter(cls, field).validate_python(b)
        except ValidationError as e:
            raise InvalidRevision(path, _message(e)) from None


NAME_LIMIT = 256  # BizTalk's limit for send port, group and application names (nvarchar(256))
#: Characters no name may hold: control characters (C0 with tabs and line breaks, DEL, C1: an
#: attribute value would not read back the same), the bidirectional embeddings, overrides and
#: isolates (a name would show other than it is), lone surrogates and non-characters (no
#: database or binding file can keep them).
_NOT_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a send port, group or application (a sentence), or None.

    One rule for every door (create, rename, paste, import) and every database."""
    if not name or not name.strip():
        return "a name cannot be empty"
    if name != name.strip():
        return "a name cannot start or end with spaces"
    if len(name) > NAME_LIMIT:
        return f"a name has at most {NAME_LIMIT} characters (this one has {len(name)})"
    bad = _NOT_IN_NAMES.search(name)
    if bad is not None:
        return f"a name cannot contain control characters (found U+{ord(bad.group()):04X})"
    return None


def name_key(name: str) -> str:
    """What two names are compared by: BizTalk compares names ignoring case, and two spellings
    of one text (composed or decomposed accents) are the same name. Unicode's canonical
    caseless match: NFC of the case-folded NFD."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", name).casefold())


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` as a terminal or a one-line message may show it: every character that is not
    printable (line breaks, control characters, bidirectional overrides, zero-width and other
    format characters, lone surrogates) as its escape (``\\n``, ``\\x1b``, ``\\u202e``), so that
    a name can neither break a line apart nor show as something else."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _ESCAPES.get(c) or _escape(c) for c in text)


def _escape(c: str) -> str:
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


@dataclass(frozen=True)
class Merge:
    """The outcome of merging my edit and theirs over the copy both started from."""

    result: SendPort | SendPortGroup | None  # None when the edits collide
    conflicts: tuple[str, ...] = ()  # field paths both changed differently


def _merge(base: Any, mine: Any, theirs: Any, prefix: str, conflicts: list[str]) -> Any:
    if mine == base:
        return theirs
    if theirs == base or mine == theirs:
        return mine
    if (
        isinstance(base, DomainModel)
        and isinstance(mine, DomainModel)
        and isinstance(theirs, DomainModel)
        and type(base) is type(mine) is type(theirs)
    ):
        changes = {
            f: _merge(getattr(base, f), getattr(mine, f), getattr(theirs, f), f"{prefix}{f}.", conflicts)
            for f in type(base).model_fields
        }
        merged = theirs.model_copy(update={f: v for f, v in changes.items() if v != getattr(theirs, f)})
        if isinstance(theirs, Located) and isinstance(merged, Located):
            merged.set_origin(theirs.origin)
        return merged
    conflicts.append(prefix.rstrip(".") or "*")
    return theirs


def merge_edits(
    base: SendPort | SendPortGroup, mine: SendPort | SendPortGroup, theirs: SendPort | SendPortGroup
) -> Merge:
    """Three-way merge by field: my changes (base -> mine) applied over theirs (base -> theirs)
    when no field was changed by both to different values."""
    conflicts: list[str] = []
    result = _merge(base, mine, theirs, "", conflicts)
    return Merge(None if conflicts else result, tuple(conflicts))


__all__ = [
    "NAME_LIMIT",
    "InvalidRevision",
    "Merge",
    "changed_paths",
    "check_revision",
    "describe",
    "merge_edits",
    "name_key",
    "name_problem",
    "printable",
]
