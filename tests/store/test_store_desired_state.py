"""Desired states: kept with the design, audited, all or nothing, following renames."""

from __future__ import annotations

from pathlib import Path

import pytest

from model.lifecycle import Kind, State
from model.store import Workspace
from model.store.errors import NotFoundError
from tests.support.workspace import assert_unchanged, full_state

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "01_messaging.xml"


def test_desired_states_are_kept_audited_and_follow_a_rename(workspace_url: str) -> None:
    ws = Workspace(workspace_url, user="tester")
    ws.import_file(FIXTURE)
    port = next(e for e in ws.entries() if e.kind is Kind.PORT).name
    group = next((e for e in ws.entries() if e.kind is Kind.GROUP), None)
    states: dict[tuple[Kind, str], State | None] = {(Kind.PORT, port): State.STARTED}
    if group is not None:
        states[(Kind.GROUP, group.name)] = State.STOPPED
    ws.set_desired_states(states)
    assert ws.desired_states() == {k: v for k, v in states.items() if v is not None}
    entry = ws.audit(limit=1)[0]
    assert entry.operation == "desired state" and entry.after in ("Started", "Stopped")
    ws.rename(Kind.PORT, port, port + ".Renamed")
    assert ws.desired_states()[(Kind.PORT, port + ".Renamed")] is State.STARTED
    ws.set_desired_states({(Kind.PORT, port + ".Renamed"): None})
    assert (Kind.PORT, port + ".Renamed") not in ws.desired_states()
    # the export (the binding file) is not changed by desired states
    assert b"desired" not in ws.export().lower()


def test_an_unknown_name_changes_nothing(workspace_url: str) -> None:
    ws = Workspace(workspace_url, user="tester")
    ws.import_file(FIXTURE)
    port = next(e for e in ws.entries() if e.kind is Kind.PORT).name
    before = full_state(ws)
    with pytest.raises(NotFoundError, match="Nope"):
        ws.set_desired_states({(Kind.PORT, port): State.STARTED, (Kind.PORT, "Nope"): State.STARTED})
    assert_unchanged(before, ws)


def test_known_values_list_hosts_and_pipelines_the_ports_use(workspace_url: str) -> None:
    ws = Workspace(workspace_url, user="tester")
    ws.import_file(FIXTURE)
    hosts, pipelines = ws.known_values()
    assert "BizTalkServerApplication" in hosts
    assert pipelines["send"] and all(name for name in pipelines["send"])
    doc_ports = [ws.port(e.name).model for e in ws.entries() if e.kind is Kind.PORT]
    used = {p.send_pipeline.name for p in doc_ports if p.send_pipeline}
    assert used == set(pipelines["send"])
    qualified = {p.send_pipeline.name: p.send_pipeline.fully_qualified_name for p in doc_ports if p.send_pipeline}
    assert all(pipelines["send"][n] == (qualified[n] or "") for n in used)


def test_a_stale_expected_state_is_refused_and_nothing_is_written(workspace_url: str) -> None:
    from model.store.errors import ConflictError

    ws = Workspace(workspace_url, user="tester")
    ws.import_file(FIXTURE)
    a, b = [e.name for e in ws.entries() if e.kind is Kind.PORT][:2]
    ws.set_desired_states({(Kind.PORT, a): State.STARTED})
    other = Workspace(workspace_url, user="someone else")
    other.set_desired_states({(Kind.PORT, a): State.STOPPED})  # meanwhile, in another session
    with pytest.raises(ConflictError, match="changed meanwhile"):
        ws.set_desired_states(
            {(Kind.PORT, b): State.STARTED, (Kind.PORT, a): None},
            expected={(Kind.PORT, b): None, (Kind.PORT, a): State.STARTED},
        )
    assert ws.desired_states() == {(Kind.PORT, a): State.STOPPED}  # b not written either
    ws.set_desired_states({(Kind.PORT, a): None}, expected={(Kind.PORT, a): State.STOPPED})
    assert ws.desired_states() == {}
