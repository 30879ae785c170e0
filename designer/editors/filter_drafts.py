"""The filter builder's state without widgets: each statement as shown, possibly incomplete.

The builder keeps one :class:`StatementDraft` per row; what makes a draft unusable is
``model.filter_rules``'s to say (:func:`problems_of`, cached: the builder asks on every
keystroke). :func:`drafts_of` turns a filter into drafts; a field being typed in keeps what is
typed when a new filter leaves that field's saved value as it was (:class:`Typing`).

A long filter is shown a page at a time (:func:`window`): pages of statements in file order,
an empty group taking the room of one statement, a group cut by a page shown in part on each;
:func:`find` looks for a statement by the text of its property or value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from model.domain import Filter, FilterOperator, FilterStatement
from model.filter_rules import statement_problems

__all__ = [
    "FIELDS",
    "StatementDraft",
    "Typing",
    "Window",
    "drafts_of",
    "find",
    "page_of",
    "problems",
    "problems_of",
    "window",
]

FIELDS = ("property", "operator", "value")


@dataclass
class StatementDraft:
    """One statement as shown, possibly incomplete.

    ``seen`` names the fields whose problems are shown: all of them for a statement read from
    a file or left by the user, only those edited so far in a statement just added.
    """

    property: str = ""
    operator: int = int(FilterOperator.EQUALS)
    value: str | None = None
    seen: set[str] = field(default_factory=set)
    #: The property and value last saved (read or emitted): what Escape in a field goes back to.
    saved: tuple[str, str | None] = ("", None)

    @classmethod
    def of(cls, statement: FilterStatement, seen: set[str]) -> StatementDraft:
        return cls(
            statement.property,
            int(statement.operator),
            statement.value,
            set(seen),
            (statement.property, statement.value),
        )

    def mark_saved(self) -> None:
        self.saved = (self.property, self.value)

    def statement(self) -> FilterStatement:
        """The statement to save (only for a draft without problems)."""
        return FilterStatement(property=self.property, operator=self.operator, value=self.value)

    def preview(self) -> FilterStatement:
        """The statement as typed, unchecked, for the preview line."""
        return FilterStatement.model_construct(property=self.property or "…", operator=self.operator, value=self.value)


class Typing(NamedTuple):
    """The field being typed in: where, what it last saved, what it holds."""

    group: int
    statement: int
    field: str  # "property" or "value"
    saved: str | None
    typed: str | None


@lru_cache(maxsize=1 << 15)  # the builder asks for every statement of a long filter on each edit
def problems(prop: str, operator: int, value: str | None) -> tuple[tuple[str, str], ...]:
    """(field, message) for each reason the statement cannot be saved."""
    return tuple(statement_problems(prop, operator, value))


def problems_of(draft: StatementDraft) -> dict[str, str]:
    return dict(problems(draft.property, draft.operator, draft.value))


def drafts_of(f: Filter | None, typing: Typing | None = None) -> list[list[StatementDraft]]:
    """One list of drafts per group of ``f`` (none for no filter or an unreadable one); ``typing``
    is kept when ``f`` leaves that field's saved value as it was."""
    if f is None or f.unparsed is not None:
        return []
    groups = [[StatementDraft.of(s, seen=set(FIELDS)) for s in g.statements] for g in f.groups]
    if typing is not None and typing.group < len(groups) and typing.statement < len(groups[typing.group]):
        draft = groups[typing.group][typing.statement]
        if getattr(draft, typing.field) == typing.saved:
            setattr(draft, typing.field, typing.typed)
    return groups


@dataclass(frozen=True)
class Window:
    """What one page shows: ``spans`` holds (group, first statement, end) for each group on it."""

    page: int
    pages: int
    spans: tuple[tuple[int, int, int], ...]
    first: int  # number of the first statement shown, from 1 (0 when there are none)
    last: int  # number of the last one shown
    total: int  # statements in all


def _slots(sizes: Sequence[int]) -> list[int]:
    return [max(1, n) for n in sizes]  # an empty group is shown too, with its note


def window(sizes: Sequence[int], page: int, size: int) -> Window:
    """Page ``page`` (clamped to the pages there are) of groups of ``sizes`` statements, ``size``
    statements a page."""
    slots = _slots(sizes)
    pages = max(1, -(-sum(slots) // size))
    page = min(max(page, 0), pages - 1)
    start, end = page * size, (page + 1) * size
    spans: list[tuple[int, int, int]] = []
    offset = counted = 0
    first = last = 0
    for g, (n, slot) in enumerate(zip(sizes, slots, strict=True)):
        if offset + slot > start and offset < end:
            lo, hi = max(start - offset, 0), min(end - offset, n)
            spans.append((g, lo, max(hi, lo)))
            if hi > lo:
                first = first or counted + lo + 1
                last = counted + hi
        offset += slot
        counted += n
        if offset >= end:
            break
    return Window(page, pages, tuple(spans), first, last, sum(sizes))


def page_of(sizes: Sequence[int], group: int, statement: int, size: int) -> int:
    """The page showing statement ``statement`` of group ``group`` (its first, for an empty group)."""
    slots = _slots(sizes)
    return (sum(slots[:group]) + min(statement, max(slots[group] - 1, 0) if group < len(slots) else 0)) // size


def find(
    groups: Sequence[Sequence[StatementDraft]], text: str, after: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The first statement after ``after`` (from the start when None, wrapping round) whose
    property or value contains ``text``, ignoring case; None when none does."""
    needle = text.casefold().strip()
    if not needle:
        return None
    found: list[tuple[int, int]] = []
    for g, drafts in enumerate(groups):
        for s, d in enumerate(drafts):
            if needle in d.property.casefold() or needle in (d.value or "").casefold():
                if after is None or (g, s) > after:
                    return g, s
                if not found:
                    found.append((g, s))
    return found[0] if found else None
