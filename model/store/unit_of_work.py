"""The unit of work: one all-or-nothing transaction on a workspace, the user it acts for,
and what it writes to the audit log.

A service receives a :class:`UnitOfWork`, enters it, works through its session and
repository, and calls :meth:`UnitOfWork.commit`; leaving it without committing (an error, a
refusal, nothing to do) rolls everything back. Database errors leave it as the workspace's
own errors, with a one-line message (never a driver's traceback).

The lifecycle counter (``MetaRow``) lets a lifecycle action planned from what it read commit
only when nobody counted a change meanwhile; a unit of work counts itself as a change on
commit unless told otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from model.store.database import one_line
from model.store.errors import ConflictError, DuplicateError, WorkspaceError
from model.store.repository import WorkspaceRepository
from model.store.rows import now
from model.store.schema import AUDIT_TABLE, META_TABLE, MetaRow


class UnitOfWork:
    """One transaction, entered once: ``with uow: ...; uow.commit()``.

    ``counted``: the commit counts as a change for concurrent lifecycle actions (False for
    canvas positions and settings, which count themselves when the rules would see them).
    ``checked``: the work decides from what it read (memberships, states), so a change
    counted by someone else since it began makes the commit a :class:`ConflictError`.
    """

    def __init__(
        self, sessions: sessionmaker[Session], user: str, display: str, *, counted: bool = True, checked: bool = False
    ) -> None:
        self.user = user
        self._sessions = sessions
        self._display = display
        self._count_on_commit = counted
        self._checked = checked
        self._seen: int | None = None
        self._counted = False
        self._entered = self._committed = False
        self._session: Session | None = None
        self._rows: WorkspaceRepository | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its 'with' block")
        return self._session

    @property
    def rows(self) -> WorkspaceRepository:
        """The repository of this transaction's rows."""
        if self._rows is None:
            raise RuntimeError("the unit of work is used outside its 'with' block")
        return self._rows

    def __enter__(self) -> UnitOfWork:
        if self._entered:
            raise RuntimeError("a unit of work is entered once")
        self._entered = True
        session = self._sessions()
        self._session, self._rows = session, WorkspaceRepository(session)
        try:
            session.begin()
            if self._checked:
                self._seen = self.counter()
        except SQLAlchemyError as e:
            self._close()
            raise _translated(e, self._display) from None
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if not self._committed:
                self.rollback()
        except SQLAlchemyError as e:
            exc = e  # the rollback failed too: that is what to report
        finally:
            self._close()
        if isinstance(exc, SQLAlchemyError):
            raise _translated(exc, self._display) from None

    def _close(self) -> None:
        if self._session is not None:
            self._session.close()
        self._session = self._rows = None

    def commit(self) -> None:
        """Count the change (unless done already or not wanted) and commit: the only way
        anything done in this unit of work is kept."""
        if self._count_on_commit and not self._counted:
            self.count_change(self._seen)
        self.session.commit()
        self._committed = True

    def rollback(self) -> None:
        """Drop everything done so far (leaving the unit of work does this anyway)."""
        self.session.rollback()

    def counter(self) -> int:
        """The lifecycle counter as this transaction sees it."""
        return int(self.session.scalar(select(MetaRow.lifecycle_version).where(MetaRow.id == 1)) or 0)

    def count_change(self, seen: int | None = None) -> None:
        """Count a change of states, memberships or objects; with ``seen``, only if nobody
        else counted one since (else :class:`ConflictError`)."""
        table = META_TABLE
        stmt = update(table).where(table.c.id == 1).values(lifecycle_version=table.c.lifecycle_version + 1)
        if seen is not None:
            stmt = stmt.where(table.c.lifecycle_version == seen)
        if self.session.execute(stmt).rowcount != 1 and seen is not None:  # type: ignore[attr-defined]
            raise ConflictError(
                "send ports or groups were changed by someone else meanwhile; nothing was "
                "changed. Refresh and try again."
            )
        self._counted = True

    def audit(self, operation: str, rows: Iterable[dict[str, Any]]) -> None:
        """Record who did ``operation``, when, to what (each row: kind, name, before, after,
        detail); written in this transaction, so kept only with the change itself."""
        at, user = now(), self.user
        batch = [
            {
                "at": at,
                "user": user,
                "operation": operation,
                "kind": None,
                "name": None,
                "before": None,
                "after": None,
                "detail": None,
                **r,
            }
            for r in rows
        ]
        if batch:
            self.session.execute(insert(AUDIT_TABLE), batch)


@contextmanager
def read_session(sessions: sessionmaker[Session], display: str) -> Iterator[Session]:
    """A session for reading only: never commits; a database error becomes a WorkspaceError."""
    session = sessions()
    try:
        yield session
    except SQLAlchemyError as e:
        raise WorkspaceError(f"workspace {display}: {one_line(e)}") from None
    finally:
        session.close()


def _translated(e: SQLAlchemyError, display: str) -> WorkspaceError:
    """The workspace's error for a database error that ended a unit of work."""
    if isinstance(e, StaleDataError):
        return ConflictError("someone else changed this since it was read; nothing was saved. Refresh and try again.")
    if isinstance(e, IntegrityError):
        return DuplicateError(f"the change conflicts with what is in the workspace: {one_line(e)}")
    return WorkspaceError(f"workspace {display}: {one_line(e)}")
