"""BizTalk's lifecycle through the workspace: states, refusals that change nothing, bulk and
application actions, delete and membership rules, renames, listing."""

from __future__ import annotations

import pytest
from lxml import etree
from support.bindings import STANDARD, binding_file, group, port
from support.workspace import assert_unchanged, full_state

from model.lifecycle import (
    Action,
    Kind,
    LifecycleError,
    State,
    Subject,
    UnknownSubjectError,
)
from model.store import DuplicateError, NotFoundError, Workspace

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
P, G = Subject.port, Subject.group
ORCH_A = "Test.Orchestrations.Process.Orch.SendA"


@pytest.fixture
def ws(workspace_url: str):
    """STANDARD: ports A, B, C (static one-way), R (solicit-response), D (dynamic) in App;
    groups G1 = [A, B], G2 = [B], Empty = []; A bound to an orchestration port."""
    with Workspace(workspace_url, user="tester") as w:
        w.import_file(STANDARD)
        yield w


def states(ws: Workspace) -> dict[str, State]:
    return {e.name: e.state for e in ws.entries()}


def put(ws: Workspace, kind: Kind, name: str, state: State) -> None:
    """Bring an object into ``state`` through the rules (from Unenlisted)."""
    if state is S:
        ws.perform(Action.ENLIST, [Subject(kind, name)])
    elif state is ST:
        ws.perform(Action.START, [Subject(kind, name)])


def refused(ws: Workspace, action: Action, subjects: list[Subject], match: str, **kw: str) -> LifecycleError:
    """Assert that the action is refused with a reason matching ``match`` and changes nothing."""
    before = full_state(ws)
    with pytest.raises(LifecycleError, match=match) as info:
        ws.perform(action, subjects, **kw)
    assert_unchanged(before, ws)
    return info.value


# -- the state table, for ports --------------------------------------------------------------

PORT_TABLE = [
    (Action.ENLIST, U, S),
    (Action.ENLIST, S, "already enlisted"),
    (Action.ENLIST, ST, "already enlisted and started"),
    (Action.START, U, ST),
    (Action.START, S, ST),
    (Action.START, ST, "already started"),
    (Action.STOP, U, "not enlisted"),
    (Action.STOP, S, "already stopped"),
    (Action.STOP, ST, S),
    (Action.UNENLIST, U, "already unenlisted"),
    (Action.UNENLIST, S, U),
    (Action.UNENLIST, ST, U),
]


@pytest.mark.parametrize(
    ("action", "start", "outcome"), PORT_TABLE, ids=[f"{a.value}-{s.label}" for a, s, _ in PORT_TABLE]
)
def test_port_state_table(ws: Workspace, action: Action, start: State, outcome: State | str) -> None:
    put(ws, Kind.PORT, "C", start)
    assert ws.port("C").state is start
    if isinstance(outcome, State):
        changes = ws.perform(action, [P("C")])
        assert changes and changes[-1].after is outcome
        assert ws.port("C").state is outcome
        assert states(ws)["C"] is outcome
        assert all(s is U for n, s in states(ws).items() if n != "C")
    else:
        error = refused(ws, action, [P("C")], outcome)
        assert error.state is start and error.subject == P("C") and error.action is action
        assert "send port 'C'" in error.reason


def test_start_from_unenlisted_enlists_first(ws: Workspace) -> None:
    changes = ws.perform(Action.START, [P("C")])
    assert [(c.before, c.after) for c in changes] == [(U, S), (S, ST)]


def test_unenlist_a_started_port_stops_first(ws: Workspace) -> None:
    put(ws, Kind.PORT, "C", ST)
    changes = ws.perform(Action.UNENLIST, [P("C")])
    assert [(c.before, c.after) for c in changes] == [(ST, S), (S, U)]


def test_version_grows_with_each_state_change(ws: Workspace) -> None:
    v0 = ws.port("C").version
    ws.perform(Action.ENLIST, [P("C")])
    ws.perform(Action.START, [P("C")])
    assert ws.port("C").version == v0 + 2


# -- groups ------------------------------------------------------------------------------------


def test_group_enlist_and_start_with_an_enlisted_member(ws: Workspace) -> None:
    ws.perform(Action.ENLIST, [G("G1")])
    assert ws.group("G1").state is S
    refused(ws, Action.START, [G("G1")], "none of its members is enlisted")
    ws.perform(Action.ENLIST, [P("A")])
    ws.perform(Action.START, [G("G1")])
    assert ws.group("G1").state is ST
    # Acting on a group leaves its members alone.
    assert states(ws)["A"] is S and states(ws)["B"] is U
    ws.perform(Action.STOP, [G("G1")])
    assert ws.group("G1").state is S and states(ws)["A"] is S
    ws.perform(Action.UNENLIST, [G("G1")])
    assert ws.group("G1").state is U and states(ws)["A"] is S


def test_a_group_without_members_cannot_start(ws: Workspace) -> None:
    refused(ws, Action.START, [G("Empty")], "it has no members")


def test_starting_a_group_with_its_member_in_one_action(ws: Workspace) -> None:
    ws.perform(Action.START, [G("G2"), P("B")])  # ports are processed first
    assert ws.group("G2").state is ST and ws.port("B").state is ST


def test_the_last_enlisted_member_of_an_enlisted_group_cannot_be_unenlisted(ws: Workspace) -> None:
    ws.perform(Action.START, [P("B")])
    ws.perform(Action.START, [G("G2")])
    error = refused(ws, Action.UNENLIST, [P("B")], "last enlisted member of send port group 'G2'")
    assert error.state is ST
    # ... but together with the group it can (groups are processed first).
    ws.perform(Action.UNENLIST, [P("B"), G("G2")])
    assert ws.port("B").state is U and ws.group("G2").state is U


def test_unknown_names_are_unknown_subject_errors(ws: Workspace) -> None:
    before = full_state(ws)
    with pytest.raises(UnknownSubjectError, match="No send port named 'Nope'"):
        ws.perform(Action.START, [P("C"), P("Nope")])
    with pytest.raises(UnknownSubjectError, match="No send port group named 'Nope'"):
        ws.perform(Action.ENLIST, [G("Nope")])
    assert_unchanged(before, ws)


# -- bulk actions are all or nothing ---------------------------------------------------------


def test_a_refused_bulk_action_changes_nothing(ws: Workspace) -> None:
    ws.perform(Action.START, [P("B")])
    # C and R could start, B cannot (already started): nothing starts.
    refused(ws, Action.START, [P("C"), P("R"), P("B"), P("D")], "send port 'B'.*already started")
    assert states(ws)["C"] is U and states(ws)["R"] is U and states(ws)["D"] is U


def test_a_refused_bulk_action_across_kinds_changes_nothing(ws: Workspace) -> None:
    ws.perform(Action.ENLIST, [G("G2")])
    refused(ws, Action.ENLIST, [P("A"), P("C"), G("G1"), G("G2")], "send port group 'G2'.*already enlisted")


def test_a_successful_bulk_action(ws: Workspace) -> None:
    changes = ws.perform(Action.START, [P("A"), P("B"), P("C"), G("G1"), G("G2")])
    assert {n: s for n, s in states(ws).items()} == {
        "A": ST,
        "B": ST,
        "C": ST,
        "R": U,
        "D": U,
        "G1": ST,
        "G2": ST,
        "Empty": U,
    }
    assert len(changes) == 10  # two steps each


def test_a_subject_named_twice_counts_once(ws: Workspace) -> None:
    ws.perform(Action.ENLIST, [P("C"), P("C")])
    assert ws.port("C").state is S


# -- applications ----------------------------------------------------------------------------


def test_app_start_enlists_and_starts_everything(workspace_url: str) -> None:
    with Workspace(workspace_url) as ws:
        ws.import_file(binding_file([port("X1", "X"), port("X2", "X"), port("Y1", "Y")], [group("XG", ["X1"], "X")]))
        ws.perform(Action.ENLIST, [P("X2")])
        ws.perform(Action.START_APPLICATION, application="X")
        assert states(ws) == {"X1": ST, "X2": ST, "XG": ST, "Y1": U}
        refused(ws, Action.START_APPLICATION, [], "already started", application="X")
        ws.perform(Action.STOP_APPLICATION, application="X")
        assert states(ws) == {"X1": S, "X2": S, "XG": S, "Y1": U}
        refused(
            ws, Action.STOP_APPLICATION, [], "none of its send ports or send port groups is started", application="X"
        )
        with pytest.raises(NotFoundError, match="no application named 'Nope'"):
            ws.perform(Action.START_APPLICATION, application="Nope")


def test_app_start_refused_by_one_group_changes_nothing(ws: Workspace) -> None:
    # 'Empty' has no members: it cannot start, so nothing of App starts.
    refused(ws, Action.START_APPLICATION, [], "send port group 'Empty' cannot be started", application="App")
    assert set(states(ws).values()) == {U}


# -- delete -----------------------------------------------------------------------------------


def test_delete_an_unenlisted_free_port(ws: Workspace) -> None:
    ws.perform(Action.DELETE, [P("C")])
    assert "C" not in states(ws)
    with pytest.raises(NotFoundError, match="no send port named 'C'"):
        ws.port("C")


def test_delete_refused_for_an_enlisted_port(ws: Workspace) -> None:
    ws.perform(Action.ENLIST, [P("C")])
    refused(ws, Action.DELETE, [P("C")], "it is still enlisted")
    ws.perform(Action.START, [P("C")])
    refused(ws, Action.DELETE, [P("C")], "it is started")


def test_delete_refused_for_a_group_member(ws: Workspace) -> None:
    refused(ws, Action.DELETE, [P("B")], "member of send port groups 'G1' and 'G2'")


def test_delete_refused_for_a_port_bound_to_an_orchestration(ws: Workspace) -> None:
    ws.perform(Action.REMOVE_MEMBER, [P("A")], group="G1")
    error = refused(ws, Action.DELETE, [P("A")], f"bound to orchestration port '{ORCH_A}'")
    assert "member" not in error.reason


def test_delete_a_group_keeps_its_members(ws: Workspace) -> None:
    ws.perform(Action.DELETE, [G("G2")])
    assert "G2" not in states(ws) and "B" in states(ws)
    ws.perform(Action.ENLIST, [G("G1")])
    refused(ws, Action.DELETE, [G("G1")], "it is still enlisted")


def test_delete_a_group_and_its_member_together(ws: Workspace) -> None:
    ws.perform(Action.DELETE, [P("B"), G("G1"), G("G2")])
    assert sorted(states(ws)) == ["A", "C", "D", "Empty", "R"]


def test_a_refused_bulk_delete_deletes_nothing(ws: Workspace) -> None:
    refused(ws, Action.DELETE, [P("C"), P("D"), P("B")], "send port 'B'")


# -- membership -------------------------------------------------------------------------------


def _members_in_xml(ws: Workspace, name: str) -> list[str]:
    """The members the group's stored XML (what is exported) lists."""
    root = etree.fromstring(ws.export(groups=[name]))
    (element,) = root.iter("DistributionList")
    return [r.get("Name") for r in element.iter("SendPortRef")]


def test_add_and_remove_members(ws: Workspace) -> None:
    ws.perform(Action.ADD_MEMBER, [P("C"), P("A")], group="G2")
    assert ws.group("G2").model.members == ("B", "C", "A")
    assert _members_in_xml(ws, "G2") == ["B", "C", "A"]
    assert next(e for e in ws.entries() if e.name == "G2").members == ("B", "C", "A")
    ws.perform(Action.REMOVE_MEMBER, [P("B")], group="G2")
    assert ws.group("G2").model.members == ("C", "A")
    assert _members_in_xml(ws, "G2") == ["C", "A"]


@pytest.mark.parametrize(
    ("port_name", "reason"),
    [("R", "solicit-response send port"), ("D", "dynamic send port"), ("A", "already a member")],
)
def test_add_member_refusals(ws: Workspace, port_name: str, reason: str) -> None:
    refused(ws, Action.ADD_MEMBER, [P(port_name)], reason, group="G1")


def test_add_a_group_as_a_member_is_refused(ws: Workspace) -> None:
    refused(ws, Action.ADD_MEMBER, [G("G2")], "only send ports can be members", group="G1")


def test_add_member_of_another_application_needs_a_reference(ws: Workspace) -> None:
    ws.import_file(binding_file([port("O1", "Other")]))
    refused(ws, Action.ADD_MEMBER, [P("O1")], "does not reference 'Other'", group="G1")
    ws.set_references("App", ["Other"])
    ws.perform(Action.ADD_MEMBER, [P("O1")], group="G1")
    assert ws.group("G1").model.members == ("A", "B", "O1")


def test_remove_member_rules(ws: Workspace) -> None:
    refused(ws, Action.REMOVE_MEMBER, [P("C")], "not a member", group="G1")
    ws.perform(Action.START, [P("A")])
    refused(ws, Action.REMOVE_MEMBER, [P("A")], "the port is started", group="G1")
    ws.perform(Action.STOP, [P("A")])
    ws.perform(Action.REMOVE_MEMBER, [P("A")], group="G1")  # stopped: allowed
    assert ws.group("G1").model.members == ("B",)


def test_a_refused_bulk_membership_change_changes_nothing(ws: Workspace) -> None:
    refused(ws, Action.ADD_MEMBER, [P("C"), P("R")], "solicit-response", group="G2")
    assert ws.group("G2").model.members == ("B",)


# -- rename -----------------------------------------------------------------------------------


def test_rename_a_port_updates_every_group_listing_it(ws: Workspace) -> None:
    ws.perform(Action.START, [P("B")])
    ws.rename(Kind.PORT, "B", "B.Renamed")
    assert ws.port("B.Renamed").state is ST
    assert ws.port("B.Renamed").model.name == "B.Renamed"
    with pytest.raises(NotFoundError):
        ws.port("B")
    for name, expected in (("G1", ("A", "B.Renamed")), ("G2", ("B.Renamed",))):
        assert ws.group(name).model.members == expected
        assert _members_in_xml(ws, name) == list(expected)
        assert next(e for e in ws.entries() if e.name == name).members == expected
        assert ws.view().groups[name].members == expected
    exported = ws.export()
    assert b'Name="B.Renamed"' in exported and b'Name="B"' not in exported
    root = etree.fromstring(exported)
    assert [p.get("Name") for p in root.iter("SendPort")] == ["A", "B.Renamed", "C", "R", "D"]
    # The group rules see the new name.
    ws.perform(Action.START, [G("G2")])
    refused(ws, Action.UNENLIST, [P("B.Renamed")], "last enlisted member of send port group 'G2'")


def test_rename_a_port_keeps_its_orchestration_binding(ws: Workspace) -> None:
    ws.rename(Kind.PORT, "A", "A2")
    assert ws.view().ports["A2"].orchestrations == (ORCH_A,)
    ws.perform(Action.REMOVE_MEMBER, [P("A2")], group="G1")
    refused(ws, Action.DELETE, [P("A2")], "bound to orchestration port")


def test_rename_to_a_taken_name_is_refused_and_changes_nothing(ws: Workspace) -> None:
    before = full_state(ws)
    with pytest.raises(DuplicateError, match="a send port named 'C' already exists"):
        ws.rename(Kind.PORT, "B", "C")
    with pytest.raises(DuplicateError, match="a send port group named 'G2' already exists"):
        ws.rename(Kind.GROUP, "G1", "G2")
    with pytest.raises(NotFoundError):
        ws.rename(Kind.PORT, "Nope", "Other")
    assert_unchanged(before, ws)


def test_rename_a_group(ws: Workspace) -> None:
    ws.rename(Kind.GROUP, "G1", "G1.New")
    assert ws.group("G1.New").model.members == ("A", "B")
    assert b'<DistributionList Name="G1.New">' in ws.export()
    refused(ws, Action.DELETE, [P("A")], "member of send port group 'G1.New'")


# -- listing ----------------------------------------------------------------------------------


def test_entries_list_ports_then_groups_by_application_and_name(ws: Workspace) -> None:
    ws.import_file(binding_file([port("Z", "Aardvark")]))
    entries = ws.entries()
    assert [(e.kind, e.application, e.name) for e in entries] == [
        (Kind.PORT, "Aardvark", "Z"),
        (Kind.PORT, "App", "A"),
        (Kind.PORT, "App", "B"),
        (Kind.PORT, "App", "C"),
        (Kind.PORT, "App", "D"),
        (Kind.PORT, "App", "R"),
        (Kind.GROUP, "App", "Empty"),
        (Kind.GROUP, "App", "G1"),
        (Kind.GROUP, "App", "G2"),
    ]
    r = next(e for e in entries if e.name == "R")
    assert (r.adapter, r.address, r.is_static, r.is_two_way) == ("HTTP", "http://example.test/r", True, True)
    d = next(e for e in entries if e.name == "D")
    assert (d.adapter, d.address, d.is_static) == (None, None, False)


def test_entries_filter_by_application_and_state(ws: Workspace) -> None:
    ws.import_file(binding_file([port("Z", "Aardvark")]))
    ws.perform(Action.START, [P("B"), P("Z")])
    assert [e.name for e in ws.entries(application="Aardvark")] == ["Z"]
    assert [e.name for e in ws.entries(state=ST)] == ["Z", "B"]
    assert [e.name for e in ws.entries(application="App", state=ST)] == ["B"]
    assert ws.entries(application="Nope") == []


def test_port_entries_carry_version_and_position(ws: Workspace) -> None:
    ws.set_positions({(Kind.PORT, "C"): (10.0, 20.0)})
    entry = next(e for e in ws.entries() if e.name == "C")
    record = ws.port("C")
    assert (record.x, record.y) == (10.0, 20.0)
    assert entry.members == ()
    assert entry.version == record.version
    assert (entry.x, entry.y) == (10.0, 20.0)


def test_group_entries_carry_version_and_position(ws: Workspace) -> None:
    ws.set_positions({(Kind.GROUP, "G1"): (1.5, -2.5)})
    entry = next(e for e in ws.entries() if e.name == "G1")
    assert entry.version == ws.group("G1").version
    assert (entry.x, entry.y) == (1.5, -2.5)


# -- creating, editing, undoing (what the designer's commands use) ---------------------------


def test_create_port_and_group(ws: Workspace) -> None:
    from model.domain import SendPortGroup, new_send_port

    record = ws.create_port(new_send_port("New.FILE", address="C:\\New\\%MessageID%.xml"), "Fresh", x=3.0, y=4.0)
    assert (record.state, record.application, record.x, record.y) == (U, "Fresh", 3.0, 4.0)
    assert "Fresh" in ws.applications()
    ws.create_group(SendPortGroup(name="New.Group", members=("New.FILE",)), "Fresh")
    assert ws.group("New.Group").model.members == ("New.FILE",)
    assert _names(ws.export(applications=["Fresh"])) == (["New.FILE"], ["New.Group"])
    before = full_state(ws)
    with pytest.raises(DuplicateError, match="a send port named 'New.FILE' already exists"):
        ws.create_port(new_send_port("New.FILE"))
    with pytest.raises(DuplicateError, match="a send port group named 'G1' already exists"):
        ws.create_group(SendPortGroup(name="G1"))
    assert_unchanged(before, ws)


def _names(data: bytes) -> tuple[list[str], list[str]]:
    from model.bindings import load

    doc = load(data)
    return [p.name for p in doc.send_ports], [g.name for g in doc.groups]


def test_update_port_rewrites_only_what_changed(ws: Workspace) -> None:
    record = ws.port("C")
    ws.update_port("C", record.model.model_copy(update={"description": "now described"}), record.version)
    after = ws.port("C")
    assert after.model.description == "now described" and after.version == record.version + 1
    assert after.xml.replace("<Description>now described</Description>", '<Description xsi:nil="true" />') == record.xml
    assert _names(ws.export()) == (["A", "B", "C", "R", "D"], ["G1", "G2", "Empty"])


def test_a_deleted_port_restored_from_its_snapshot_is_exactly_back(ws: Workspace) -> None:
    ws.set_positions({(Kind.PORT, "C"): (7.0, 8.0)})
    snapshot = ws.snapshot(Kind.PORT, "C")
    before = full_state(ws)
    ws.perform(Action.DELETE, [P("C")])
    assert "C" not in states(ws)
    ws.restore(snapshot)
    after = full_state(ws)
    assert after.export == before.export  # back in its place in the file, byte for byte
    assert [(e.name, e.state, e.x, e.y) for e in after.entries] == [(e.name, e.state, e.x, e.y) for e in before.entries]
    assert [e.operation for e in after.audit[-2:]] == ["delete", "undo"]


def test_restore_states_puts_states_back_without_rules(ws: Workspace) -> None:
    ws.perform(Action.START, [P("B"), G("G2")])
    ws.restore_states([(Kind.PORT, "B", U), (Kind.GROUP, "G2", U)])
    assert ws.port("B").state is U and ws.group("G2").state is U
    assert ws.audit()[-1].operation == "undo"
    with pytest.raises(NotFoundError):
        ws.restore_states([(Kind.PORT, "Nope", U)])
