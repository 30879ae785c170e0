"""The workspace: applications, send ports and groups with their states, in a database.

Every operation is one transaction (all or nothing) and records who did what in the audit
log. Lifecycle operations ask ``model.lifecycle`` for the plan, so the rules live once;
edits carry the version they were based on and are refused with :class:`ConflictError`
when someone else committed a change in between (optimistic concurrency).

``Workspace`` owns the sessions, transactions and lifecycle actions; its queries are in
``model.store.reading``, its edits in ``model.store.editing``, import and export in
``model.store.transfer``.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from model import lifecycle
from model.bindings import BindingDocument, load
from model.bindings.fragments import skeleton_state
from model.domain import replace
from model.gcpause import bulk
from model.lifecycle import Action, Change, Deletion, Kind, MembershipChange, State, Subject, Transition
from model.store import database, transfer
from model.store.editing import _Editing
from model.store.errors import ConflictError, DuplicateError, NotFoundError, WorkspaceError
from model.store.reading import _Reading
from model.store.records import ImportSummary
from model.store.rows import PORT_INDENT, _group_model, _now
from model.store.schema import (
    AUDIT_TABLE,
    GROUP_TABLE,
    META_TABLE,
    PORT_TABLE,
    ApplicationRow,
    BindingRow,
    MetaRow,
)

Progress = Callable[[int, int], None]


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


class Workspace(_Editing, _Reading):
    """A workspace database (SQLite file or SQLAlchemy URL), upgraded when opened."""

    def __init__(self, location: str | Path | None = None, *, user: str | None = None) -> None:
        self.url = database.resolve(location)
        self.display = database.display(self.url)
        self.user = user or _user()
        self.engine = database.make_engine(self.url)
        database.migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        #: Decoded skeletons of imported files, for export (see ``transfer._skeleton``).
        self._skeletons: dict[tuple[int, Any, Any], Any] = {}

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------------------------

    @contextmanager
    def _tx(self, bump: bool = True, checked: bool = False) -> Iterator[Session]:
        """One unit of work: commit at the end, roll back on any error. Unless ``bump`` is
        False (canvas positions, settings), it counts as a change for concurrent lifecycle
        actions. ``checked``: the work decides from what it read (memberships, states), so a
        counted change committed by someone else meanwhile makes it a ConflictError."""
        session = self._sessions()
        try:
            with session.begin():
                seen = self._counter(session) if checked else None
                yield session
                if bump and not session.info.get("bumped"):
                    self._bump(session, seen)
        except StaleDataError:
            raise ConflictError("someone else changed this since it was read; nothing was saved. "
                                "Refresh and try again.") from None
        except IntegrityError as e:
            raise DuplicateError(f"the change conflicts with what is in the workspace: {database.one_line(e)}") from None
        except SQLAlchemyError as e:
            raise WorkspaceError(f"workspace {self.display}: {database.one_line(e)}") from None
        finally:
            session.close()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        except SQLAlchemyError as e:
            raise WorkspaceError(f"workspace {self.display}: {database.one_line(e)}") from None
        finally:
            session.close()

    @staticmethod
    def _counter(s: Session) -> int:
        return int(s.scalar(select(MetaRow.lifecycle_version).where(MetaRow.id == 1)) or 0)

    @staticmethod
    def _bump(s: Session, seen: int | None = None) -> None:
        """Count a change of states, memberships or objects; with ``seen``, only if nobody
        else counted one since (else :class:`ConflictError`)."""
        table = META_TABLE
        stmt = update(table).where(table.c.id == 1).values(lifecycle_version=table.c.lifecycle_version + 1)
        if seen is not None:
            stmt = stmt.where(table.c.lifecycle_version == seen)
        if s.execute(stmt).rowcount != 1 and seen is not None:  # type: ignore[attr-defined]
            raise ConflictError("send ports or groups were changed by someone else meanwhile; nothing was "
                                "changed. Refresh and try again.")
        s.info["bumped"] = True

    def _audit(self, s: Session, operation: str, rows: Iterable[dict[str, Any]]) -> None:
        at, user = _now(), self.user
        batch = [{"at": at, "user": user, "operation": operation, "kind": None, "name": None,
                  "before": None, "after": None, "detail": None, **r} for r in rows]
        if batch:
            s.execute(insert(AUDIT_TABLE), batch)

    # -- lifecycle ------------------------------------------------------------------------

    @bulk
    def perform(self, action: Action, subjects: Sequence[Subject] = (), *, group: str | None = None,
                application: str | None = None, operation: str | None = None) -> list[Change]:
        """Apply ``action`` under BizTalk's rules; raises LifecycleError (and changes nothing) when
        refused. ``operation`` names it in the audit log (for example "redo enlist")."""
        with self._tx() as s:
            if application is not None and not s.scalar(
                    select(func.count()).select_from(ApplicationRow).where(ApplicationRow.name == application)):
                raise NotFoundError("application", application)
            seen = self._counter(s)
            changes = lifecycle.plan(self._view(s), action, subjects, group=group, application=application)
            self._bump(s, seen)
            self._apply(s, action, changes, operation)
            return changes

    def _apply(self, s: Session, action: Action, changes: Sequence[Change], operation: str | None = None) -> None:
        finals: dict[tuple[Kind, str], list[State]] = {}
        audit: list[dict[str, Any]] = []
        for c in changes:
            if isinstance(c, Transition):
                pair = finals.setdefault((c.kind, c.name), [c.before, c.after])
                pair[1] = c.after
        now = _now()
        batches: dict[tuple[Kind, State, State], list[str]] = {}
        for (kind, name), (before, after) in finals.items():
            batches.setdefault((kind, before, after), []).append(name)
            audit.append({"kind": kind.value, "name": name, "before": before.label, "after": after.label})
        for (kind, before, after), names in batches.items():
            table = PORT_TABLE if kind is Kind.PORT else GROUP_TABLE
            for i in range(0, len(names), 500):
                chunk = names[i:i + 500]
                # Conditional on the state the plan saw: a concurrent change makes this a conflict.
                result = s.execute(update(table).where(table.c.name.in_(chunk), table.c.state == int(before))
                                   .values(state=int(after), version=table.c.version + 1, updated_at=now))
                if result.rowcount != len(chunk):  # type: ignore[attr-defined]
                    raise ConflictError(f"some of the selected {kind.label}s were changed by someone else meanwhile; "
                                        "nothing was changed. Refresh and try again.")
        memberships = [c for c in changes if isinstance(c, MembershipChange)]
        by_group: dict[str, list[MembershipChange]] = {}
        for c in memberships:
            by_group.setdefault(c.group, []).append(c)
        for group_name, group_changes in by_group.items():
            row = self._group_row(s, group_name)
            old = _group_model(row)
            members = list(old.members)
            for c in group_changes:
                if c.added and c.port not in members:
                    members.append(c.port)
                elif not c.added and c.port in members:
                    members.remove(c.port)
                audit.append({"kind": "group", "name": group_name,
                              "detail": f"{'added' if c.added else 'removed'} member '{c.port}'"})
            self._set_group(s, row, old, replace(old, members=tuple(members)))
        for c in changes:
            if isinstance(c, Deletion):
                doomed = self._placed_row(s, c.kind, c.name)
                if doomed is None:
                    raise ConflictError(f"{c.kind.label} '{c.name}' was deleted by someone else meanwhile; "
                                        "nothing was changed. Refresh and try again.")
                audit.append({"kind": c.kind.value, "name": c.name, "before": State(doomed.state).label,
                              "detail": "deleted"})
                s.delete(doomed)
                s.execute(delete(BindingRow).where(BindingRow.kind == c.kind.value, BindingRow.target == c.name))
        self._audit(s, operation or action.value, audit)

    # -- import and export ----------------------------------------------------------------

    @bulk
    def import_file(self, source: str | Path | bytes, application: str | None = None,
                    progress: Progress | None = None) -> ImportSummary:
        doc = load(source)
        name = source if isinstance(source, str) else (str(source) if isinstance(source, Path) else doc.name)
        return self.import_document(doc, application, str(name), progress)

    @bulk
    def import_document(self, doc: BindingDocument, application: str | None = None, name: str | None = None,
                        progress: Progress | None = None) -> ImportSummary:
        """Import as one transaction, with BizTalk's rules for what exists already."""
        return transfer.import_document(self, doc, application, name or doc.name, progress)

    @bulk
    def export(self, applications: Sequence[str] = (), ports: Sequence[str] = (),
               groups: Sequence[str] = ()) -> bytes:
        """A binding file of everything, of some applications, or of chosen ports and groups.

        Ports and groups go back into the skeleton of the file most of them came from (so a
        file imported into an empty workspace comes back byte for byte); others are added."""
        return transfer.export(self, applications, ports, groups)


__all__ = ["PORT_INDENT", "Workspace", "skeleton_state"]
