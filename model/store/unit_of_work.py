"""The unit of work: one all-or-nothing transaction on a workspace, the user it acts for,
and what it writes to the audit log.

A service receives a :class:`UnitOfWork`, enters it, works through its session and
repository, and calls :meth:`UnitOfWork.commit`; leaving it without committing (an error, a
refusal, nothing to do) rolls everything back. Database errors leave it as the workspace's
own errors, with a one-line message (never a driver's traceback).

The lifecycle counter (``MetaRow``) lets a lifecycle action planned from what it read commit
only when nobody counted a change meanwhile; a unit of work counts itself as a change on
commit unless told otherwise.

One lock order for every write: before its first write statement (whatever path issues it:
a flush, a Core statement, a bare connection), a unit of work locks the counter row
(``SELECT ... FOR UPDATE`` on PostgreSQL; on SQLite a write to it, which takes SQLite's
write lock). Reads before that take no locks and are checked by the counter; rows are only
ever locked by the one transaction holding the counter row, so two units of work cannot
deadlock, and the audit log is written in commit order. A deadlock or serialization failure
the database still reports (another client, a migration, a stricter isolation level) is
retried a few times by :func:`retried`, then reported as a :class:`ConflictError`.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import Connection, event, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from model.store.database import one_line
from model.store.errors import ConflictError, DuplicateError, TransientError, WorkspaceError
from model.store.repository import WorkspaceRepository
from model.store.rows import now
from model.store.schema import AUDIT_TABLE, META_TABLE, MetaRow

log = logging.getLogger(__name__)

#: How many times a unit of work is tried when the database ends it with a deadlock or a
#: serialization failure, and the longest pause (seconds) before the last try.
ATTEMPTS = 4
BACKOFF = 0.2

#: How long a write waits for the workspace's write lock (PostgreSQL's ``lock_timeout``, as
#: SQLite's busy timeout in ``database``) before it gives up with a conflict.
LOCK_TIMEOUT = "30s"

_WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE")


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
        self._entered = self._committed = self._locked = False
        self._session: Session | None = None
        self._rows: WorkspaceRepository | None = None

    def renewed(self) -> UnitOfWork:
        """A new unit of work like this one (for another try of the same work)."""
        return UnitOfWork(
            self._sessions, self.user, self._display, counted=self._count_on_commit, checked=self._checked
        )

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
            event.listen(session.connection(), "before_cursor_execute", self._lock_before_first_write)
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

    def _lock_before_first_write(
        self, conn: Connection, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool
    ) -> None:
        """Lock the counter row before this transaction's first write: the one lock order."""
        if self._locked or not statement.lstrip()[:6].upper().startswith(_WRITES):
            return
        self._locked = True
        meta = META_TABLE.name
        if conn.dialect.name == "sqlite":  # a write takes SQLite's (one) write lock
            cursor.execute(f"UPDATE {meta} SET lifecycle_version = lifecycle_version WHERE id = 1")
            return
        if conn.dialect.name == "postgresql":
            cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
        cursor.execute(f"SELECT lifecycle_version FROM {meta} WHERE id = 1 FOR UPDATE")

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
    if isinstance(e, DBAPIError):
        orig = e.orig
        code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
        sqlite_code = getattr(orig, "sqlite_errorcode", None)
        reason = one_line(e).split(" DETAIL:")[0]
        if code in _TRANSIENT_SQLSTATES or sqlite_code == _SQLITE_BUSY_SNAPSHOT:
            return TransientError(
                f"the database stopped this change because of another one at the same time ({reason}); "
                "nothing was saved. Try again."
            )
        if code == _LOCK_NOT_AVAILABLE or (sqlite_code is not None and sqlite_code & 0xFF in _SQLITE_BUSY):
            return ConflictError(
                f"workspace {display} is busy: another change held it too long ({reason}); nothing was "
                "saved. Try again."
            )
    return WorkspaceError(f"workspace {display}: {one_line(e)}")


#: PostgreSQL's deadlock_detected and serialization_failure; lock_not_available (lock_timeout).
_TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})
_LOCK_NOT_AVAILABLE = "55P03"
#: SQLite's SQLITE_BUSY and SQLITE_LOCKED (after the busy timeout), and SQLITE_BUSY_SNAPSHOT (a
#: read transaction that cannot become a write one: at once, without waiting).
_SQLITE_BUSY = frozenset({5, 6})
_SQLITE_BUSY_SNAPSHOT = 517

_P = ParamSpec("_P")
_T = TypeVar("_T")
_RETRIED: set[object] = set()


def retried(service: Callable[Concatenate[UnitOfWork, _P], _T]) -> Callable[Concatenate[UnitOfWork, _P], _T]:
    """``service`` (whose first argument is its unit of work) tried again, in a new unit of work,
    after a short random pause, when the database ends it with a :class:`TransientError`; after
    :data:`ATTEMPTS` tries, a :class:`ConflictError` (which is not tried again by an outer
    service). The service must not consume its other arguments (no one-shot iterators)."""

    @functools.wraps(service)
    def run(uow: UnitOfWork, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        for attempt in range(1, ATTEMPTS):
            try:
                return service(uow, *args, **kwargs)
            except TransientError as e:
                pause = random.uniform(0, BACKOFF * 2 ** (attempt - ATTEMPTS + 1))
                log.info("%s: %s (try %d of %d; next in %.0f ms)", service.__name__, e, attempt, ATTEMPTS, pause * 1000)
                time.sleep(pause)
                uow = uow.renewed()
        try:
            return service(uow, *args, **kwargs)
        except TransientError as e:
            raise ConflictError(f"{e} (tried {ATTEMPTS} time{'s' if ATTEMPTS != 1 else ''})") from None

    _RETRIED.add(run)
    return run


def is_retried(service: object) -> bool:
    """Whether ``service`` is wrapped by :func:`retried`."""
    return service in _RETRIED
