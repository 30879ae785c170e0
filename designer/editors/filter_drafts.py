"""The filter builder's state without widgets: each statement as shown, possibly incomplete.

The builder keeps one :class:`StatementDraft` per row; what makes a draft unusable is
``model.filter_rules``'s to say (:func:`problems_of`, cached: the builder asks on every
keystroke). :func:`drafts_of` turns a filter into drafts; a field being typed in keeps what is
typed when a new filter leaves that field's saved value as it was (:class:`Typing`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from model.domain import Filter, FilterOperator, FilterStatement
from model.filter_rules import statement_problems

__all__ = ["FIELDS", "StatementDraft", "Typing", "drafts_of", "problems", "problems_of"]

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


@lru_cache(maxsize=4096)
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
