"""One lock order, and deadlocks retried: every write transaction locks the workspace's counter
row before its first write, so two of Portwright's own transactions never deadlock; a deadlock
or serialization failure the database still reports (here: another client taking the locks in
the opposite order) is retried a few times and otherwise reported as a conflict."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from support.bindings import STANDARD

from model.lifecycle import Action, Kind, State, Subject
from model.store import ConflictError, Workspace, actions, editing, references, restoring, transfer, unit_of_work
from model.store.errors import TransientError
from model.store.repository import WorkspaceRepository

P = Subject.port


@pytest.fixture
def ws(workspace_url: str) -> Iterator[Workspace]:
    with Workspace(workspace_url, user="alice") as w:
        w.import_file(STANDARD)
        yield w


@pytest.fixture
def pg(postgres_url: str) -> Iterator[Workspace]:
    with Workspace(postgres_url, user="alice") as w:
        w.import_file(STANDARD)
        yield w


@pytest.fixture
def no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unit_of_work, "BACKOFF", 0.0)


class _FakeDriverError(Exception):
    """What psycopg raises for a deadlock: an error carrying its SQLSTATE."""

    sqlstate = "40P01"


def _deadlock() -> OperationalError:
    return OperationalError("UPDATE send_ports ...", {}, _FakeDriverError("deadlock detected"))


def _failing_view(times: int | None) -> tuple[Callable[..., Any], list[int]]:
    """A repository view that fails like a deadlock ``times`` times (None: always), then reads."""
    real, calls = WorkspaceRepository.view, []

    def view(rows: WorkspaceRepository):  # type: ignore[no-untyped-def]
        calls.append(1)
        if times is None or len(calls) <= times:
            raise _deadlock()
        return real(rows)

    return view, calls


# -- the retry itself, on each backend --------------------------------------------------------


def test_every_write_service_is_retried() -> None:
    services = [
        editing.create,
        editing.update_port,
        editing.update_group,
        editing.rename,
        editing.set_references,
        editing.create_application,
        editing.set_positions,
        actions.perform,
        actions._restore_states,  # restore_states lists its arguments, then calls it
        restoring.restore,
        restoring.remove,
        restoring.revert_import,
        transfer.import_document,
    ]
    assert [s.__name__ for s in services if not unit_of_work.is_retried(s)] == []


def test_a_deadlock_is_retried_and_the_retry_succeeds(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, no_pause: None, caplog: pytest.LogCaptureFixture
) -> None:
    view, calls = _failing_view(times=2)
    monkeypatch.setattr(WorkspaceRepository, "view", view)
    with caplog.at_level(logging.INFO, logger=unit_of_work.__name__):
        changes = ws.perform(Action.ENLIST, [P("C")])
    assert len(calls) == 3  # two tries ended by the database, the third one kept
    assert [c.name for c in changes] == ["C"] and ws.port("C").state is State.STOPPED
    assert [(e.operation, e.name) for e in ws.audit()][-1] == ("enlist", "C")
    assert len([e for e in ws.audit() if e.operation == "enlist"]) == 1  # nothing of the failed tries
    assert sum("deadlock detected" in r.getMessage() for r in caplog.records) == 2


def test_exhausted_retries_are_a_conflict_and_change_nothing(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, no_pause: None
) -> None:
    view, calls = _failing_view(times=None)
    monkeypatch.setattr(WorkspaceRepository, "view", view)
    before = len(ws.audit())
    with pytest.raises(ConflictError) as info:
        ws.perform(Action.ENLIST, [P("C")])
    assert not isinstance(info.value, TransientError)  # an outer service does not try again
    assert "deadlock detected" in str(info.value) and f"tried {unit_of_work.ATTEMPTS} times" in str(info.value)
    assert len(calls) == unit_of_work.ATTEMPTS
    monkeypatch.undo()
    assert ws.port("C").state is State.UNENLISTED and len(ws.audit()) == before


def test_retries_pause_briefly_and_at_random(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(unit_of_work.time, "sleep", pauses.append)
    view, _calls = _failing_view(times=None)
    monkeypatch.setattr(WorkspaceRepository, "view", view)
    with pytest.raises(ConflictError):
        ws.perform(Action.ENLIST, [P("C")])
    assert len(pauses) == unit_of_work.ATTEMPTS - 1
    assert all(0 <= p <= unit_of_work.BACKOFF for p in pauses)


# -- PostgreSQL: real locks ------------------------------------------------------------------------


def _other_client(url: str) -> Engine:
    return create_engine(url, isolation_level="READ COMMITTED")


def _wait_for_lock_waits(engine: Engine, count: int, timeout: float = 20.0) -> None:
    """Until ``count`` backends of this database wait for a lock."""
    deadline = time.monotonic() + timeout
    with engine.connect() as conn:
        while time.monotonic() < deadline:
            waiting = conn.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            )
            if waiting >= count:
                return
            time.sleep(0.05)
    raise AssertionError(f"no {count} lock waits within {timeout} s")


def _in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = work()
        except Exception as e:  # the test looks at what it was
            out["error"] = e

    t = threading.Thread(target=run)
    t.start()
    return t, out


def test_a_deadlock_with_another_client_is_retried(
    pg: Workspace, postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The other client locks port C's row, then (once Portwright's enlist holds the counter row and
    waits for C) the counter row: a real deadlock. PostgreSQL ends the enlist (the other client's
    deadlock_timeout is longer); the retry waits for the other client and then succeeds."""
    other = _other_client(postgres_url)
    try:
        with other.connect() as conn, caplog.at_level(logging.INFO, logger=unit_of_work.__name__):
            conn.execute(text("SET deadlock_timeout = '20s'"))
            conn.execute(text("SELECT id FROM send_ports WHERE name = 'C' FOR UPDATE"))
            thread, out = _in_thread(lambda: pg.perform(Action.ENLIST, [P("C")]))
            _wait_for_lock_waits(other, 1)  # the enlist holds the counter row and waits for C
            conn.execute(text("SELECT id FROM workspace_meta WHERE id = 1 FOR UPDATE"))  # the cycle
            conn.rollback()
            thread.join(60)
        assert not thread.is_alive()
        assert "error" not in out, out.get("error")
        assert pg.port("C").state is State.STOPPED
        assert any("deadlock detected" in r.getMessage() for r in caplog.records)
        assert len([e for e in pg.audit() if e.operation == "enlist"]) == 1
    finally:
        other.dispose()


def test_a_deadlock_on_every_try_is_a_conflict(
    pg: Workspace, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(unit_of_work, "ATTEMPTS", 1)
    other = _other_client(postgres_url)
    before = len(pg.audit())
    try:
        with other.connect() as conn:
            conn.execute(text("SET deadlock_timeout = '20s'"))
            conn.execute(text("SELECT id FROM send_ports WHERE name = 'C' FOR UPDATE"))
            thread, out = _in_thread(lambda: pg.perform(Action.ENLIST, [P("C")]))
            _wait_for_lock_waits(other, 1)
            conn.execute(text("SELECT id FROM workspace_meta WHERE id = 1 FOR UPDATE"))
            conn.rollback()
            thread.join(60)
        assert isinstance(out.get("error"), ConflictError), out
        assert "deadlock detected" in str(out["error"])
        assert pg.port("C").state is State.UNENLISTED and len(pg.audit()) == before
    finally:
        other.dispose()


def test_rename_and_enlist_in_opposite_order_wait_instead_of_deadlocking(
    pg: Workspace, postgres_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The orders that deadlocked: a rename wrote port C's row first and the counter row at commit,
    an enlist the counter row first and C's row after. Now the rename's first write locks the
    counter row, so the enlist waits for it and then finds its plan stale: a conflict, no deadlock."""
    renamed, resume = threading.Event(), threading.Event()
    real = references.rename_in_filters

    def pause_after_the_first_write(*args: Any, **kwargs: Any) -> Any:
        renamed.set()  # C's row is written (flushed), not committed
        assert resume.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(references, "rename_in_filters", pause_after_the_first_write)
    with Workspace(postgres_url, user="bob") as bob, caplog.at_level(logging.INFO, logger=unit_of_work.__name__):
        renaming, renaming_out = _in_thread(lambda: pg.rename(Kind.PORT, "C", "C2"))
        assert renamed.wait(30)
        enlisting, enlisting_out = _in_thread(lambda: bob.perform(Action.ENLIST, [P("C")]))
        other = _other_client(postgres_url)
        try:
            _wait_for_lock_waits(other, 1)  # bob waits for the counter row the rename holds
        finally:
            other.dispose()
        resume.set()
        renaming.join(60)
        enlisting.join(60)
    assert "error" not in renaming_out, renaming_out.get("error")
    error = enlisting_out.get("error")
    assert isinstance(error, ConflictError) and "deadlock" not in str(error), enlisting_out
    assert not [r.getMessage() for r in caplog.records]  # no deadlock, so nothing was retried
    assert {e.name for e in pg.entries() if e.kind is Kind.PORT} >= {"C2"} and pg.port("C2").state is State.UNENLISTED
