"""The audit log: every administrative operation, who did it, when, and the states before/after."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from support.bindings import STANDARD, binding_file, group, port

from model.lifecycle import Action, Kind, Subject
from model.store import AuditEntry, Workspace

P, G = Subject.port, Subject.group


def _utc(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def what(entries: list[AuditEntry]) -> list[tuple[str | None, ...]]:
    return [(e.operation, e.kind, e.name, e.before, e.after, e.detail) for e in entries]


@pytest.fixture
def ws(workspace_url: str):
    with Workspace(workspace_url, user="auditor") as w:
        yield w


def test_every_operation_is_recorded(ws: Workspace) -> None:
    t0 = datetime.now(UTC) - timedelta(seconds=2)
    ws.import_file(STANDARD)
    n = len(ws.audit())
    assert n == 8
    ws.perform(Action.START, [P("B")])
    ws.perform(Action.STOP, [P("B")])
    ws.perform(Action.ENLIST, [G("G2")])
    ws.perform(Action.UNENLIST, [G("G2")])
    ws.perform(Action.ADD_MEMBER, [P("C")], group="G2")
    ws.perform(Action.REMOVE_MEMBER, [P("C")], group="G2")
    ws.perform(Action.DELETE, [P("C")])
    ws.rename(Kind.PORT, "B", "B2")
    record = ws.port("R")
    ws.update_port("R", record.model.model_copy(update={"description": "edited"}), record.version)
    t1 = datetime.now(UTC) + timedelta(seconds=2)
    log = ws.audit()[n:]
    assert what(log) == [
        ("start", "port", "B", "Unenlisted", "Started", None),
        ("stop", "port", "B", "Started", "Stopped", None),
        ("enlist", "group", "G2", "Unenlisted", "Stopped", None),
        ("unenlist", "group", "G2", "Stopped", "Unenlisted", None),
        ("add_member", "group", "G2", None, None, "added member 'C'"),
        ("remove_member", "group", "G2", None, None, "removed member 'C'"),
        ("delete", "port", "C", "Unenlisted", None, "deleted"),
        ("rename", "port", "B2", None, None, "renamed from 'B'"),
        ("edit", "port", "R", None, None, "changed description"),
    ]
    assert {e.user for e in ws.audit()} == {"auditor"}
    for e in ws.audit():
        assert t0 <= _utc(e.at) <= t1


def test_import_records_created_replaced_and_merged(ws: Workspace) -> None:
    ws.import_file(binding_file([port("A")], [group("G", ["A"])]))
    ws.import_file(binding_file([port("A"), port("N")], [group("G", ["N"])]), "App")
    assert what(ws.audit()) == [
        ("import", "port", "A", None, "Unenlisted", "created from <bytes>"),
        ("import", "group", "G", None, "Unenlisted", "created from <bytes>"),
        ("import", "port", "A", None, None, "replaced from <bytes>"),
        ("import", "port", "N", None, "Unenlisted", "created from <bytes>"),
        ("import", "group", "G", None, None, "replaced from <bytes>; members merged (+1)"),
    ]


def test_import_from_a_file_names_it(ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "team.xml"
    f.write_bytes(binding_file([port("A")]))
    ws.import_file(f)
    assert ws.audit()[0].detail == f"created from {f}"


def test_application_start_records_each_object_with_its_final_state(ws: Workspace) -> None:
    ws.import_file(binding_file([port("X1", "X"), port("X2", "X")], [group("XG", ["X1"], "X")]))
    ws.perform(Action.ENLIST, [P("X2")])
    ws.perform(Action.START_APPLICATION, application="X")
    log = ws.audit()[-3:]
    assert what(log) == [
        ("start_application", "port", "X1", "Unenlisted", "Started", None),
        ("start_application", "port", "X2", "Stopped", "Started", None),
        ("start_application", "group", "XG", "Unenlisted", "Started", None),
    ]


def test_refused_operations_are_not_recorded(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    n = len(ws.audit())
    with pytest.raises(Exception):  # noqa: B017 - which refusal does not matter here
        ws.perform(Action.STOP, [P("A")])
    with pytest.raises(Exception):  # noqa: B017
        ws.rename(Kind.PORT, "A", "B")
    assert len(ws.audit()) == n


def test_the_user_defaults_to_the_os_user(workspace_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "os-user-42")
    with Workspace(workspace_url) as ws:
        ws.import_file(binding_file([port("A")]))
        ws.perform(Action.START, [P("A")])
        assert {e.user for e in ws.audit()} == {"os-user-42"}


def test_two_users_in_one_log(workspace_url: str) -> None:
    with Workspace(workspace_url, user="alice") as a, Workspace(workspace_url, user="bob") as b:
        a.import_file(binding_file([port("A"), port("B")]))
        b.perform(Action.START, [P("B")])
        a.perform(Action.ENLIST, [P("A")])
        assert [(e.user, e.operation, e.name) for e in b.audit()][-2:] == [
            ("bob", "start", "B"),
            ("alice", "enlist", "A"),
        ]


def test_audit_limit_gives_the_latest_in_order(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    ws.perform(Action.START, [P("A")])
    ws.perform(Action.STOP, [P("A")])
    assert [e.operation for e in ws.audit(2)] == ["start", "stop"]


def test_audit_lines_read_as_sentences(ws: Workspace) -> None:
    ws.import_file(binding_file([port("A")]))
    ws.perform(Action.START, [P("A")])
    line = ws.audit()[-1].line()
    assert line.endswith(" auditor start port 'A' Unenlisted -> Started")
    datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S")
