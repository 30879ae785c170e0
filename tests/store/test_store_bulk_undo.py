"""Undo and redo of a bulk lifecycle action as set operations: a stale undo is refused and
changes nothing, a fresh one puts every state back with its audit trail, and the number of
statements an undo sends does not grow with the number of ports."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from support.bindings import binding_file, group, port
from support.workspace import assert_unchanged, full_state

from model.lifecycle import Action, Kind, State, Subject, Transition
from model.store import ConflictError, Workspace

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED


def ports_file(n: int) -> bytes:
    names = [f"P{i:04d}" for i in range(n)]
    return binding_file(ports=[port(m) for m in names], groups=[group("Half", names[: n // 2])])


def bulk_start(ws: Workspace) -> tuple[list[tuple[Kind, str, State]], list[tuple[Kind, str, State]]]:
    """Start every port; the (before, after) states an undo command keeps."""
    subjects = [Subject.port(e.name) for e in ws.entries() if e.kind is Kind.PORT]
    finals: dict[tuple[Kind, str], list[State]] = {}
    for c in ws.perform(Action.START, subjects):
        assert isinstance(c, Transition)
        finals.setdefault((c.kind, c.name), [c.before, c.after])[1] = c.after
    before = [(k, n, b) for (k, n), (b, _a) in finals.items()]
    after = [(k, n, a) for (k, n), (_b, a) in finals.items()]
    return before, after


@contextmanager
def counted_statements(ws: Workspace) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(ws.engine, "before_cursor_execute", count)


def test_stale_bulk_undo_is_refused_and_changes_nothing(workspace_url: str) -> None:
    with Workspace(workspace_url, user="tester") as ws, Workspace(workspace_url, user="colleague") as other:
        ws.import_file(ports_file(40))
        before, after = bulk_start(ws)
        assert {st for _k, _n, st in after} == {ST} and len(after) == 40
        other.perform(Action.STOP, [Subject.port("P0031")])  # someone else, after the start
        kept = full_state(ws)
        with pytest.raises(ConflictError, match="P0031.*Stopped"):
            ws.restore_states(before, "undo start", expected=after)
        assert_unchanged(kept, ws)  # no state, version or audit entry of any other port moved
        states = {e.name: e.state for e in ws.entries() if e.kind is Kind.PORT}
        assert states.pop("P0031") is S and set(states.values()) == {ST}


def test_bulk_undo_and_redo_put_every_state_back_with_the_audit_trail(workspace_url: str) -> None:
    with Workspace(workspace_url, user="tester") as ws:
        ws.import_file(ports_file(30))
        versions = {e.name: e.version for e in ws.entries()}
        before, after = bulk_start(ws)
        logged = len(ws.audit())
        ws.restore_states(before, "undo start", expected=after)
        entries = {e.name: e for e in ws.entries() if e.kind is Kind.PORT}
        assert {e.state for e in entries.values()} == {U}
        assert all(e.version > versions[name] for name, e in entries.items())
        undone = ws.audit()[logged:]
        assert {(a.operation, a.name, a.before, a.after) for a in undone if a.name} == {
            ("undo start", name, "Started", "Unenlisted") for name in entries
        }
        ws.perform(Action.START, [Subject.port(n) for n in entries])  # redo
        assert {e.state for e in ws.entries() if e.kind is Kind.PORT} == {ST}


def test_an_undo_sends_as_many_statements_for_many_ports_as_for_few(tmp_path) -> None:  # type: ignore[no-untyped-def]
    counts = []
    for n in (20, 200):
        with Workspace(str(tmp_path / f"w{n}.sqlite"), user="tester") as ws:
            ws.import_file(ports_file(n))
            before, after = bulk_start(ws)
            with counted_statements(ws) as statements:
                ws.restore_states(before, "undo start", expected=after)
            assert {e.state for e in ws.entries() if e.kind is Kind.PORT} == {U}
            counts.append(len(statements))
    assert counts[0] == counts[1], counts
