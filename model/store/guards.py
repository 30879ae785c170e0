"""The checks every write makes before it is kept: names and values the domain accepts,
BizTalk's rules still holding afterwards, and the version an edit was based on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import select

from model import lifecycle
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind
from model.revisions import InvalidRevision, check_revision, describe, name_problem
from model.store.errors import ConflictError, InvalidError, RuleError
from model.store.repository import WorkspaceRepository
from model.store.schema import AuditRow


def check_name(kind: Kind, name: str) -> None:
    """Refuse a name the domain does not accept (InvalidError)."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidError(f"{kind.label} name {name!r}: {problem}")


def check_values(kind: Kind, name: str, old: SendPort | SendPortGroup | None, new: SendPort | SendPortGroup) -> None:
    """Refuse values the domain forbids, where ``new`` differs from ``old``."""
    try:
        check_revision(old, new)
    except InvalidRevision as e:
        raise InvalidError(f"{kind.label} '{name}': {e}") from None


@contextmanager
def rules_kept(rows: WorkspaceRepository) -> Iterator[None]:
    """Refuse (roll back) a write that leaves a state BizTalk's rules forbid, beyond what
    was already there (a file may name members deployed elsewhere)."""
    before = lifecycle.violations(rows.view())
    yield
    rows.session.flush()
    added = lifecycle.violations(rows.view()) - before
    if added:
        raise RuleError(f"refused: {sorted(added)[0]}; nothing was changed")


def stale(
    rows: WorkspaceRepository, kind: Kind, name: str, expected: int, actual: int, fields: Sequence[str] = ()
) -> ConflictError:
    """The conflict of an edit based on version ``expected`` when the object is at ``actual``:
    it names who changed the object last, and which fields both edits changed."""
    last = rows.session.execute(
        select(AuditRow.user, AuditRow.at, AuditRow.operation)
        .where(AuditRow.kind == kind.value, AuditRow.name == name)
        .order_by(AuditRow.id.desc())
        .limit(1)
    ).first()
    who = f" by {last.user} ({last.operation}, {last.at:%Y-%m-%d %H:%M} UTC)" if last else " by someone else"
    what = f"; both changed its {', '.join(describe(f) for f in fields)}" if fields else ""
    return ConflictError(
        f"{kind.label} '{name}' was changed{who} since it was read (version {expected} is "
        f"now {actual}){what}; nothing was saved. Reload and try again."
    )
