"""The send port lifecycle rules: one generated table for every cell, then the cases a
table cannot express (bulk selections, applications, membership, toolbar verdicts), and a
property test that no successful plan breaks BizTalk's invariants."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise, product

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from model.lifecycle import (
    APPLICATION_ACTIONS,
    GROUP_ACTION_NOTE,
    SELECTION_ACTIONS,
    Action,
    Change,
    Deletion,
    GroupInfo,
    Kind,
    LifecycleError,
    MembershipChange,
    PortInfo,
    State,
    Subject,
    Transition,
    Verdict,
    View,
    allowed_actions,
    apply_plan,
    can_add_member,
    can_remove_member,
    plan,
)

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
P, G = Subject.port, Subject.group

# --------------------------------------------------------------------------------------
# The table. Every (action, kind, state, context) cell is generated, and its expected
# outcome is written here independently of the module: a path of states for the subject,
# a Deletion, a membership change, or the key phrase of the refusal.
# --------------------------------------------------------------------------------------

# The reference's lifecycle table: the subject's path of states, or the refusal's phrase.
STATE_TABLE: dict[tuple[Action, State], tuple[State, ...] | str] = {
    (Action.ENLIST, U): (U, S),
    (Action.ENLIST, S): "it is already enlisted.",
    (Action.ENLIST, ST): "it is already enlisted and started.",
    (Action.START, U): (U, S, ST),
    (Action.START, S): (S, ST),
    (Action.START, ST): "it is already started.",
    (Action.STOP, U): "it is not enlisted, so there is nothing to stop.",
    (Action.STOP, S): "it is already stopped.",
    (Action.STOP, ST): (ST, S),
    (Action.UNENLIST, U): "it is already unenlisted.",
    (Action.UNENLIST, S): (S, U),
    (Action.UNENLIST, ST): (ST, S, U),
}

STATE_TABLE_ACTIONS = (Action.ENLIST, Action.START, Action.STOP, Action.UNENLIST)
TABLE_ACTIONS = (*SELECTION_ACTIONS, Action.ADD_MEMBER, Action.REMOVE_MEMBER)

# Contexts of the subject port "P". "G" is the group P may belong to, "Q" its other
# member; "H" is an empty group of the same application, the target for ADD_MEMBER.
PORT_CONTEXTS = (
    "alone",
    "in_group_with_other_enlisted",
    "last_enlisted_of_stopped_group",
    "last_enlisted_of_started_group",
    "last_enlisted_of_unenlisted_group",
    "orchestration_bound",
    "dynamic",
    "two_way",
)
PORT_GROUP_STATE = {
    "in_group_with_other_enlisted": ST,
    "last_enlisted_of_stopped_group": S,
    "last_enlisted_of_started_group": ST,
    "last_enlisted_of_unenlisted_group": U,
}
# Contexts of the subject group "G", by its member "M" (or the lack of one).
GROUP_CONTEXTS = (
    "no_members",
    "unenlisted_member",
    "enlisted_member",
    "started_member",
    "missing_member",
)
GROUP_MEMBER_STATE = {
    "unenlisted_member": U,
    "enlisted_member": S,
    "started_member": ST,
}


def port_view(state: State, context: str) -> View:
    """Port P in `state`, placed as `context` says."""
    port = PortInfo(
        "P",
        state,
        "App",
        is_static=context != "dynamic",
        is_two_way=context == "two_way",
        orchestrations=("Orders.Process.SendOrder",) if context == "orchestration_bound" else (),
    )
    ports = [port]
    groups = [GroupInfo("H", U, "App")]
    if context in PORT_GROUP_STATE:
        other = S if context == "in_group_with_other_enlisted" else U
        ports.append(PortInfo("Q", other, "App"))
        groups.append(GroupInfo("G", PORT_GROUP_STATE[context], "App", ("P", "Q")))
    return View.of(ports, groups)


def group_view(state: State, context: str) -> View:
    """Group G in `state` with the members `context` says."""
    ports = [PortInfo("Other", S, "App")]  # enlisted, but not a member: must not count
    members: tuple[str, ...] = ()
    if context in GROUP_MEMBER_STATE:
        ports.append(PortInfo("M", GROUP_MEMBER_STATE[context], "App"))
        members = ("M",)
    elif context == "missing_member":
        members = ("Ghost",)
    return View.of(ports, [GroupInfo("G", state, "App", members), GroupInfo("H", U, "App")])


def is_consistent(view: View) -> bool:
    """BizTalk never shows a started group without an enlisted member."""
    return all(
        any(m in view.ports and view.ports[m].state is not U for m in g.members)
        for g in view.groups.values()
        if g.state is ST
    )


@dataclass(frozen=True)
class Row:
    action: Action
    kind: Kind
    state: State
    context: str

    @property
    def subject(self) -> Subject:
        return P("P") if self.kind is Kind.PORT else G("G")

    def view(self) -> View:
        if self.kind is Kind.PORT:
            return port_view(self.state, self.context)
        return group_view(self.state, self.context)

    @property
    def group(self) -> str | None:
        """The group= of membership rows: add to H; remove from P's group, if any, else H."""
        if self.action is Action.ADD_MEMBER:
            return "H"
        if self.action is Action.REMOVE_MEMBER:
            in_g = self.kind is Kind.GROUP or self.context in PORT_GROUP_STATE
            return "G" if in_g else "H"
        return None

    def __str__(self) -> str:
        return f"{self.action}-{self.kind}-{self.state.label}-{self.context}"


@dataclass(frozen=True)
class Refused:
    """The phrases a refusal's reason must contain."""

    phrases: tuple[str, ...]


def refused(*phrases: str) -> Refused:
    return Refused(phrases)


def expected(row: Row) -> list[Change] | Refused:
    """The exact changes, or the phrases of the refusal."""
    name, kind, state, ctx = row.subject.name, row.kind, row.state, row.context
    if row.action in STATE_TABLE_ACTIONS:
        cell = STATE_TABLE[row.action, state]
        if isinstance(cell, str):
            return refused(cell)
        if kind is Kind.GROUP and row.action is Action.START:
            if ctx == "no_members":
                return refused("it has no members.", "Add a send port to it first.")
            if ctx in ("unenlisted_member", "missing_member"):
                return refused("none of its members is enlisted.", "Enlist or start at least one")
        last_of_enlisted_group = ctx in (
            "last_enlisted_of_stopped_group",
            "last_enlisted_of_started_group",
        )
        if kind is Kind.PORT and row.action is Action.UNENLIST and last_of_enlisted_group:
            return refused("last enlisted member of send port group 'G'")
        return [Transition(kind, name, a, b) for a, b in pairwise(cell)]
    if row.action is Action.DELETE:
        fixes: list[str] = []
        if state is not U:
            fixes.append("unenlist it")
        if kind is Kind.PORT and ctx in PORT_GROUP_STATE:
            fixes.append("remove it from send port group 'G'")
        if ctx == "orchestration_bound":
            fixes.append("unbind orchestration port 'Orders.Process.SendOrder'")
        if not fixes:
            return [Deletion(kind, name)]
        # The fixes come in this order; the sentence starts with a capital.
        return refused(fixes[0][0].upper() + fixes[0][1:], *fixes[1:], " first.")
    if kind is Kind.GROUP:
        return refused("only send ports can be members of a send port group")
    if row.action is Action.ADD_MEMBER:
        if ctx == "dynamic":
            return refused("it is a dynamic send port, and only static one-way send ports")
        if ctx == "two_way":
            return refused("it is a solicit-response send port, and only static one-way")
        return [MembershipChange("H", "P", True)]
    if ctx not in PORT_GROUP_STATE:
        return refused("it is not a member of that group")
    if state is ST:
        return refused("the port is started. Stop it first.")
    if ctx == "last_enlisted_of_started_group" and state is S:
        return refused("last enlisted member and the group is started")
    return [MembershipChange("G", "P", False)]


ROWS = [
    row
    for action, (kind, contexts) in product(TABLE_ACTIONS, ((Kind.PORT, PORT_CONTEXTS), (Kind.GROUP, GROUP_CONTEXTS)))
    for state, context in product(State, contexts)
    if is_consistent((row := Row(action, kind, state, context)).view())
]


def test_table_covers_every_cell() -> None:
    cells = {(r.action, r.kind, r.state, r.context) for r in ROWS}
    for kind, contexts in ((Kind.PORT, PORT_CONTEXTS), (Kind.GROUP, GROUP_CONTEXTS)):
        for action, state, context in product(TABLE_ACTIONS, State, contexts):
            if is_consistent(Row(action, kind, state, context).view()):
                assert (action, kind, state, context) in cells
    # Only impossible views are left out: a started group with nothing enlisted.
    assert len(ROWS) == len(TABLE_ACTIONS) * (3 * 8 - 1 + 3 * 5 - 3)


@pytest.mark.parametrize("row", ROWS, ids=str)
def test_lifecycle_table(row: Row) -> None:
    view = row.view()
    outcome = expected(row)
    if isinstance(outcome, Refused):
        with pytest.raises(LifecycleError) as raised:
            plan(view, row.action, [row.subject], group=row.group)
        error = raised.value
        assert (error.action, error.subject, error.state) == (
            row.action,
            row.subject,
            row.state,
        )
        assert str(error) == error.reason
        assert error.reason.startswith(f"Cannot {row.action.value.split('_')[0]} ")
        assert f"'{row.subject.name}'" in error.reason
        for phrase in outcome.phrases:
            assert phrase in error.reason
        return
    changes = plan(view, row.action, [row.subject], group=row.group)
    assert changes == outcome
    after = apply_plan(view, changes)
    # The subject ends where the table says ...
    final = outcome[-1]
    if isinstance(final, Transition):
        table = after.ports if row.kind is Kind.PORT else after.groups
        assert table[row.subject.name].state is final.after
    elif isinstance(final, Deletion):
        assert row.subject.name not in (after.ports if row.kind is Kind.PORT else after.groups)
    else:
        assert (final.port in after.groups[final.group].members) is final.added
    # ... and nothing else moves: acting on a group leaves its members' states alone.
    assert untouched(after, row) == untouched(view, row)


def untouched(view: View, row: Row) -> tuple[dict[str, PortInfo], dict[str, GroupInfo]]:
    """Everything in the view but the row's subject and the group it joins or leaves."""
    ports = {n: p for n, p in view.ports.items() if P(n) != row.subject}
    groups = {n: g for n, g in view.groups.items() if G(n) != row.subject and n != row.group}
    return ports, groups


# --------------------------------------------------------------------------------------
# Bulk selections
# --------------------------------------------------------------------------------------


def two_groups_view() -> View:
    return View.of(
        [
            PortInfo("P1", U, "App"),
            PortInfo("P2", S, "App"),
            PortInfo("Lone", ST, "App"),
        ],
        [GroupInfo("G", U, "App", ("P1",)), GroupInfo("Empty", U, "App")],
    )


def test_bulk_action_is_all_or_nothing() -> None:
    view = two_groups_view()
    with pytest.raises(LifecycleError) as raised:
        plan(view, Action.START, [P("P1"), P("P2"), G("Empty")])
    assert raised.value.subject == G("Empty")
    assert str(raised.value) == (
        "Cannot start send port group 'Empty': it has no members. Add a send port to it first."
    )


def test_bulk_refusal_is_raised_for_the_first_refused_subject_in_processing_order() -> None:
    view = two_groups_view()
    with pytest.raises(LifecycleError) as raised:
        plan(view, Action.START, [G("Empty"), P("Lone"), P("P1")])
    assert raised.value.subject == P("Lone")  # ports are processed before groups


def test_start_port_and_its_group_in_one_selection() -> None:
    view = two_groups_view()
    with pytest.raises(LifecycleError, match="none of its members is enlisted"):
        plan(view, Action.START, [G("G")])
    changes = plan(view, Action.START, [G("G"), P("P1")])
    assert changes == [
        Transition(Kind.PORT, "P1", U, S),
        Transition(Kind.PORT, "P1", S, ST),
        Transition(Kind.GROUP, "G", U, S),
        Transition(Kind.GROUP, "G", S, ST),
    ]


def test_enlisting_a_member_lets_its_group_start_in_the_same_plan() -> None:
    view = two_groups_view()
    assert plan(view, Action.ENLIST, [G("G"), P("P1")])[0] == Transition(Kind.PORT, "P1", U, S)
    started = apply_plan(view, plan(view, Action.ENLIST, [P("P1")]))
    assert plan(started, Action.START, [G("G")])[-1] == Transition(Kind.GROUP, "G", S, ST)


def test_unenlisting_a_group_and_its_last_member_together() -> None:
    view = View.of([PortInfo("P", ST)], [GroupInfo("G", ST, members=("P",))])
    with pytest.raises(LifecycleError, match="last enlisted member of send port group 'G'"):
        plan(view, Action.UNENLIST, [P("P")])
    assert plan(view, Action.UNENLIST, [P("P"), G("G")]) == [
        Transition(Kind.GROUP, "G", ST, S),
        Transition(Kind.GROUP, "G", S, U),
        Transition(Kind.PORT, "P", ST, S),
        Transition(Kind.PORT, "P", S, U),
    ]


def test_unenlisting_both_remaining_members_is_refused_for_the_second() -> None:
    view = View.of([PortInfo("A", S), PortInfo("B", ST)], [GroupInfo("G", S, members=("A", "B"))])
    assert plan(view, Action.UNENLIST, [P("A")]) == [Transition(Kind.PORT, "A", S, U)]
    with pytest.raises(LifecycleError) as raised:
        plan(view, Action.UNENLIST, [P("A"), P("B")])
    assert raised.value.subject == P("B")


def test_last_member_of_several_groups_names_them_all() -> None:
    view = View.of(
        [PortInfo("P", S)],
        [GroupInfo("G1", S, members=("P",)), GroupInfo("G2", ST, members=("P",))],
    )
    with pytest.raises(LifecycleError) as raised:
        plan(view, Action.UNENLIST, [P("P")])
    assert "send port groups 'G1' and 'G2', which are still enlisted" in str(raised.value)


def test_deleting_a_group_and_its_member_together() -> None:
    view = View.of([PortInfo("P", U)], [GroupInfo("G", U, members=("P",))])
    with pytest.raises(LifecycleError, match="Remove it from send port group 'G' first."):
        plan(view, Action.DELETE, [P("P")])
    assert plan(view, Action.DELETE, [P("P"), G("G")]) == [
        Deletion(Kind.GROUP, "G"),
        Deletion(Kind.PORT, "P"),
    ]


def test_deleting_a_group_keeps_its_members() -> None:
    view = View.of([PortInfo("P", S)], [GroupInfo("G", U, members=("P",))])
    after = apply_plan(view, plan(view, Action.DELETE, [G("G")]))
    assert after.ports == view.ports and not after.groups


def test_delete_lists_every_blocker() -> None:
    view = View.of(
        [PortInfo("P", ST, orchestrations=("O1", "O2"))],
        [GroupInfo("G1", S, members=("P",)), GroupInfo("G2", ST, members=("P",))],
    )
    with pytest.raises(LifecycleError) as raised:
        plan(view, Action.DELETE, [P("P")])
    assert str(raised.value) == (
        "Cannot delete send port 'P': it is started, it is a member of send port groups "
        "'G1' and 'G2' and it is bound to orchestration ports 'O1' and 'O2'. Unenlist it, "
        "remove it from send port groups 'G1' and 'G2' and unbind orchestration ports "
        "'O1' and 'O2' first."
    )


def test_a_subject_selected_twice_counts_once() -> None:
    view = View.of([PortInfo("P", U)])
    assert plan(view, Action.ENLIST, [P("P"), P("P")]) == [Transition(Kind.PORT, "P", U, S)]


@pytest.mark.parametrize(
    ("subject", "reason"),
    [(P("X"), "No send port named 'X'."), (G("X"), "No send port group named 'X'.")],
)
def test_unknown_names(subject: Subject, reason: str) -> None:
    with pytest.raises(LifecycleError) as raised:
        plan(two_groups_view(), Action.ENLIST, [subject])
    assert (str(raised.value), raised.value.subject, raised.value.state) == (
        reason,
        subject,
        None,
    )


def test_empty_selection_is_refused() -> None:
    with pytest.raises(LifecycleError, match="Select a send port or send port group first."):
        plan(two_groups_view(), Action.START, [])


def test_membership_and_application_actions_need_their_target() -> None:
    with pytest.raises(ValueError, match="group="):
        plan(two_groups_view(), Action.ADD_MEMBER, [P("P1")])
    with pytest.raises(ValueError, match="application="):
        plan(two_groups_view(), Action.START_APPLICATION)


def test_apply_plan_rejects_a_stale_plan() -> None:
    view = two_groups_view()
    changes = plan(view, Action.START, [P("P2")])
    with pytest.raises(ValueError, match="does not match"):
        apply_plan(apply_plan(view, changes), changes)


# --------------------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------------------


def application_view() -> View:
    return View.of(
        [
            PortInfo("B", U, "Sales"),
            PortInfo("A", S, "Sales"),
            PortInfo("Done", ST, "Sales"),
            PortInfo("Elsewhere", U, "Billing"),
            PortInfo("Shared", S, "Common"),
        ],
        [
            GroupInfo("G2", U, "Sales", ("B",)),
            GroupInfo("G1", S, "Sales", ("Shared",)),  # its member is another app's, enlisted
            GroupInfo("Up", ST, "Sales", ("Done",)),
            GroupInfo("Foreign", U, "Billing", ("Elsewhere",)),
        ],
    )


def test_start_application_enlists_and_starts_ports_then_groups() -> None:
    changes = plan(application_view(), Action.START_APPLICATION, application="Sales")
    assert changes == [
        Transition(Kind.PORT, "A", S, ST),
        Transition(Kind.PORT, "B", U, S),
        Transition(Kind.PORT, "B", S, ST),
        Transition(Kind.GROUP, "G1", S, ST),
        Transition(Kind.GROUP, "G2", U, S),
        Transition(Kind.GROUP, "G2", S, ST),
    ]


def test_start_application_refuses_a_group_that_can_never_start() -> None:
    view = application_view()
    view = View.of([*view.ports.values()], [*view.groups.values(), GroupInfo("Idle", U, "Sales")])
    with pytest.raises(LifecycleError) as raised:
        plan(view, Action.START_APPLICATION, application="Sales")
    assert raised.value.subject == G("Idle")
    assert str(raised.value) == (
        "Cannot start application 'Sales': send port group 'Idle' cannot be started because "
        "it has no members. Add a send port to it first."
    )
    view = View.of([PortInfo("Q", U, "Billing")], [GroupInfo("H", U, "Sales", ("Q",))])
    with pytest.raises(LifecycleError, match="because none of its members is enlisted"):
        plan(view, Action.START_APPLICATION, application="Sales")


def test_stop_application_stops_started_groups_then_ports() -> None:
    view = apply_plan(
        application_view(),
        plan(application_view(), Action.START_APPLICATION, application="Sales"),
    )
    changes = plan(view, Action.STOP_APPLICATION, application="Sales")
    assert changes == [
        Transition(Kind.GROUP, "G1", ST, S),
        Transition(Kind.GROUP, "G2", ST, S),
        Transition(Kind.GROUP, "Up", ST, S),
        Transition(Kind.PORT, "A", ST, S),
        Transition(Kind.PORT, "B", ST, S),
        Transition(Kind.PORT, "Done", ST, S),
    ]
    assert apply_plan(view, changes).ports["Elsewhere"].state is U


@pytest.mark.parametrize(
    ("action", "view", "reason"),
    [
        (
            Action.START_APPLICATION,
            View.of([PortInfo("P", ST, "App")], [GroupInfo("G", ST, "App", ("P",))]),
            ("Cannot start application 'App': all its send ports and send port groups are already started."),
        ),
        (
            Action.STOP_APPLICATION,
            View.of([PortInfo("P", S, "App")], [GroupInfo("G", U, "App")]),
            ("Cannot stop application 'App': none of its send ports or send port groups is started."),
        ),
        (
            Action.START_APPLICATION,
            View.of([PortInfo("P", U, "Other")]),
            "Cannot start application 'App': it has no send ports or send port groups.",
        ),
    ],
)
def test_application_with_nothing_to_do(action: Action, view: View, reason: str) -> None:
    with pytest.raises(LifecycleError) as raised:
        plan(view, action, application="App")
    assert (str(raised.value), raised.value.subject) == (reason, None)


# --------------------------------------------------------------------------------------
# Membership
# --------------------------------------------------------------------------------------


def membership_view(references: dict[str, frozenset[str]] | None = None) -> View:
    return View.of(
        [
            PortInfo("Local", ST, "Sales"),
            PortInfo("Billing", U, "Billing"),
            PortInfo("Loose", U, None),
            PortInfo("Dyn2", U, "Sales", is_static=False, is_two_way=True),
        ],
        [
            GroupInfo("G", ST, "Sales", ("Local",)),
            GroupInfo("Free", U, None),
            GroupInfo("BillingGroup", U, "Billing"),
        ],
        references,
    )


def test_add_member_same_application_or_none() -> None:
    view = membership_view()
    assert plan(view, Action.ADD_MEMBER, [P("Loose")], group="G") == [MembershipChange("G", "Loose", True)]
    assert can_add_member(view, "Free", "Billing") == Verdict(Action.ADD_MEMBER, True, None)
    after = apply_plan(view, plan(view, Action.ADD_MEMBER, [P("Loose")], group="G"))
    assert after.groups["G"].members == ("Local", "Loose")
    assert {n: p.state for n, p in after.ports.items()} == {n: p.state for n, p in view.ports.items()}


def test_add_member_from_another_application_needs_a_reference() -> None:
    verdict = can_add_member(membership_view(), "G", "Billing")
    assert not verdict.allowed
    assert verdict.reason == (
        "Cannot add send port 'Billing' to send port group 'G': the port belongs to "
        "application 'Billing' and the group to application 'Sales', which does not "
        "reference 'Billing'. Add a reference from application 'Sales' to application "
        "'Billing' first."
    )
    referenced = membership_view({"Sales": frozenset({"Billing"})})
    assert can_add_member(referenced, "G", "Billing").allowed
    # A reference the other way round does not help.
    assert not can_add_member(membership_view({"Billing": frozenset({"Sales"})}), "G", "Billing").allowed
    # Nor does a reference from the port's application to the group's.
    assert not can_add_member(referenced, "BillingGroup", "Local").allowed


@pytest.mark.parametrize(
    ("group", "port", "phrase"),
    [
        (
            "G",
            "Dyn2",
            "it is a dynamic solicit-response send port, and only static one-way",
        ),
        ("G", "Local", "it is already a member."),
        ("G", "Nope", "No send port named 'Nope'."),
        ("Nope", "Local", "No send port group named 'Nope'."),
    ],
)
def test_add_member_refusals(group: str, port: str, phrase: str) -> None:
    verdict = can_add_member(membership_view(), group, port)
    assert not verdict.allowed and verdict.reason is not None and phrase in verdict.reason


def test_add_group_as_member_is_refused() -> None:
    with pytest.raises(LifecycleError, match="only send ports can be members"):
        plan(membership_view(), Action.ADD_MEMBER, [G("Free")], group="G")


def test_remove_member_rules() -> None:
    view = View.of(
        [
            PortInfo("Run", ST),
            PortInfo("Idle", S),
            PortInfo("Off", U),
            PortInfo("Out", U),
        ],
        [GroupInfo("G", ST, members=("Run", "Idle", "Off"))],
    )
    refused = can_remove_member(view, "G", "Run")
    assert refused.reason == (
        "Cannot remove send port 'Run' from send port group 'G': the port is started. Stop it first."
    )
    assert can_remove_member(view, "G", "Idle").allowed
    assert can_remove_member(view, "G", "Off").allowed
    assert "not a member" in (can_remove_member(view, "G", "Out").reason or "")
    assert plan(view, Action.REMOVE_MEMBER, [P("Off"), P("Idle")], group="G") == [
        MembershipChange("G", "Off", False),
        MembershipChange("G", "Idle", False),
    ]
    # The started group must keep an enlisted member.
    stopped = apply_plan(view, plan(view, Action.STOP, [P("Run")]))
    assert can_remove_member(stopped, "G", "Run").allowed
    with pytest.raises(LifecycleError) as raised:
        plan(stopped, Action.REMOVE_MEMBER, [P("Run"), P("Idle")], group="G")
    assert raised.value.subject == P("Idle")
    assert "last enlisted member and the group is started" in str(raised.value)


# --------------------------------------------------------------------------------------
# Toolbar verdicts
# --------------------------------------------------------------------------------------


def test_allowed_actions_for_an_empty_selection() -> None:
    verdicts = allowed_actions(two_groups_view(), [])
    assert set(verdicts) == {*SELECTION_ACTIONS, *APPLICATION_ACTIONS}
    for action, verdict in verdicts.items():
        assert verdict == Verdict(action, False, "Select a send port or send port group first.")


def test_allowed_actions_for_a_mixed_selection() -> None:
    view = View.of(
        [PortInfo("Run", ST, "App"), PortInfo("Off", U, "App")],
        [GroupInfo("G", U, "App", ("Run",))],
    )
    verdicts = allowed_actions(view, [P("Run"), P("Off"), G("G")])
    assert verdicts[Action.ENLIST].reason == ("Cannot enlist send port 'Run': it is already enlisted and started.")
    assert verdicts[Action.START].reason == "Cannot start send port 'Run': it is already started."
    # Groups come first when stopping, unenlisting and deleting: one line per subject.
    assert verdicts[Action.STOP].reason == (
        "Cannot stop send port group 'G': it is not enlisted, so there is nothing to stop.\n"
        "Cannot stop send port 'Off': it is not enlisted, so there is nothing to stop."
    )
    assert verdicts[Action.UNENLIST].reason == (
        "Cannot unenlist send port group 'G': it is already unenlisted.\n"
        "Cannot unenlist send port 'Off': it is already unenlisted."
    )
    # G is deleted first, so only Run's own state stands in the way.
    assert verdicts[Action.DELETE].reason == ("Cannot delete send port 'Run': it is started. Unenlist it first.")
    assert verdicts[Action.START_APPLICATION] == Verdict(Action.START_APPLICATION, True)
    assert verdicts[Action.STOP_APPLICATION] == Verdict(Action.STOP_APPLICATION, True)


def test_allowed_actions_agree_with_plan_for_enabled_actions() -> None:
    view = two_groups_view()
    verdicts = allowed_actions(view, [P("P1"), G("G")])
    assert verdicts[Action.START].allowed and verdicts[Action.ENLIST].allowed
    assert len(plan(view, Action.START, [P("P1"), G("G")])) == 4


def test_application_actions_need_one_application() -> None:
    view = View.of([PortInfo("A", U, "Sales"), PortInfo("B", U, "Billing"), PortInfo("C", U)])
    verdict = allowed_actions(view, [P("A"), P("B"), P("C")])[Action.START_APPLICATION]
    assert verdict.reason == (
        "Cannot start an application from this selection: send port 'A' belongs to "
        "application 'Sales', send port 'B' belongs to application 'Billing' and send port "
        "'C' belongs to no application. Select send ports or send port groups of a single "
        "application."
    )
    unknown = allowed_actions(view, [P("A"), G("Nope")])[Action.STOP_APPLICATION]
    assert unknown.reason == "No send port group named 'Nope'."


@given(st.lists(st.sampled_from(["P1", "P2", "Lone", "G", "Empty", "X"]), max_size=5))
def test_every_refused_verdict_names_a_selected_object(names: list[str]) -> None:
    view = two_groups_view()
    subjects = [G(n) if n in ("G", "Empty") else P(n) for n in names]
    for action, verdict in allowed_actions(view, subjects).items():
        assert verdict.action is action
        assert verdict.allowed == (verdict.reason is None)
        if verdict.reason is None:
            continue
        for line in verdict.reason.splitlines():
            assert line.endswith(".")
            assert not subjects or any(f"'{s.name}'" in line for s in subjects) or ("application 'App'" in line)


def test_verdict_reason_goes_with_refusal() -> None:
    with pytest.raises(ValueError):
        Verdict(Action.START, True, "why")
    with pytest.raises(ValueError):
        Verdict(Action.START, False, None)


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Unenlisted", U), ("unenlisted", U), ("Bound", U), ("BOUND", U), ("1", U), (1, U),
        ("Stopped", S), ("enlisted", S), (" Enlisted ", S), ("2", S), (2, S),
        ("Started", ST), ("STARTED", ST), ("3", ST), (3, ST), (State.STARTED, ST),
    ],
)  # fmt: skip
def test_state_parse(text: str | int, state: State) -> None:
    assert State.parse(text) is state


@pytest.mark.parametrize("text", ["", "Running", "0", "4", 7, "-1", "Start", "1.0"])
def test_state_parse_rejects(text: str | int) -> None:
    with pytest.raises(ValueError, match="Unknown send port state"):
        State.parse(text)


def test_labels() -> None:
    assert [s.label for s in State] == ["Unenlisted", "Stopped", "Started"]
    assert [a.label for a in Action] == [
        "Enlist", "Unenlist", "Start", "Stop", "Delete", "Add to group",
        "Remove from group", "Start application", "Stop application",
    ]  # fmt: skip
    assert (Kind.PORT.label, Kind.GROUP.label) == ("send port", "send port group")


def test_group_action_note() -> None:
    assert "does not change the state of its member send ports" in GROUP_ACTION_NOTE


def test_lifecycle_error_is_a_whole_sentence_and_pickles() -> None:
    error = LifecycleError(Action.START, G("G"), U, "Cannot start send port group 'G'.")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.action, copy.subject, copy.state, str(copy)) == (
        Action.START, G("G"), U, "Cannot start send port group 'G'.",
    )  # fmt: skip


def test_view_is_a_snapshot() -> None:
    ports = {"P": PortInfo("P", U)}
    view = View(ports, {"G": GroupInfo("G", U, members=("P", "Q"))})
    ports["Z"] = PortInfo("Z", U)
    assert list(view.ports) == ["P"]
    assert view.with_state(Kind.PORT, "P", ST).ports["P"].state is ST
    assert view.ports["P"].state is U
    assert [g.name for g in view.groups_of("P")] == ["G"]
    assert view.groups_of("Nobody") == []
    with pytest.raises(KeyError):
        view.with_state(Kind.GROUP, "Nope", ST)


# --------------------------------------------------------------------------------------
# Property: a successful plan keeps BizTalk's invariants, and its `before`s match the view
# --------------------------------------------------------------------------------------

PORT_NAMES = ["P1", "P2", "P3", "P4"]
GROUP_NAMES = ["G1", "G2", "G3"]
APPS = ["A", "B", None]


@st.composite
def views(draw: st.DrawFn) -> View:
    states = st.sampled_from(list(State))
    apps = st.sampled_from(APPS)
    mostly = st.integers(0, 3).map(bool)  # True three times in four
    ports = [
        PortInfo(
            name,
            draw(states),
            draw(apps),
            draw(mostly),  # static
            not draw(mostly),  # one-way
            tuple(draw(st.lists(st.sampled_from(["O1", "O2"]), unique=True, max_size=2))),
        )
        for name in draw(st.lists(st.sampled_from(PORT_NAMES), min_size=1, unique=True))
    ]
    enlisted = {p.name for p in ports if p.state is not U}
    groups = []
    for name in draw(st.lists(st.sampled_from(GROUP_NAMES), min_size=1, unique=True)):
        members = tuple(draw(st.lists(st.sampled_from([*PORT_NAMES, "Ghost"]), unique=True)))
        state = draw(states)
        if state is ST and not enlisted.intersection(members):
            state = S  # BizTalk would never show this group started
        groups.append(GroupInfo(name, state, draw(apps), members))
    references = draw(st.dictionaries(st.sampled_from(["A", "B"]), st.frozensets(st.sampled_from(["A", "B"]))))
    return View.of(ports, groups, references)


@st.composite
def requests(draw: st.DrawFn) -> tuple[View, Action, list[Subject], str, str]:
    """A view and an action on it; one name in ten is unknown to the view."""
    view = draw(views())
    action = draw(st.sampled_from(list(Action)))

    def pick(names: Iterable[str]) -> str:
        known = sorted(names)
        return draw(st.sampled_from(known)) if draw(st.integers(0, 9)) else "Nope"

    def subject() -> Subject:
        # Membership actions take ports; a group is slipped in one time in ten.
        membership = action in (Action.ADD_MEMBER, Action.REMOVE_MEMBER)
        if draw(st.integers(0, 9) if membership else st.booleans()):
            return Subject.port(pick(view.ports))
        return Subject.group(pick(view.groups))

    subjects = [subject() for _ in range(draw(st.integers(1, 3)))]
    return view, action, subjects, pick(view.groups), draw(st.sampled_from(["A", "B"]))


@settings(max_examples=examples(500))
@given(requests())
def test_successful_plans_keep_the_invariants(
    request: tuple[View, Action, list[Subject], str, str],
) -> None:
    view, action, subjects, group, application = request
    try:
        changes = plan(view, action, subjects, group=group, application=application)
    except LifecycleError as error:
        assert error.action is action and error.reason.endswith(".")
        if action in SELECTION_ACTIONS:
            assert not allowed_actions(view, subjects)[action].allowed
        return
    if action in SELECTION_ACTIONS:
        assert allowed_actions(view, subjects)[action].allowed
    current = view
    for change in changes:
        if isinstance(change, Transition):
            table = current.ports if change.kind is Kind.PORT else current.groups
            assert table[change.name].state is change.before
            assert abs(change.after - change.before) == 1  # one BizTalk step at a time
        elif isinstance(change, Deletion):
            table = current.ports if change.kind is Kind.PORT else current.groups
            assert table[change.name].state is U
        else:
            port = current.ports[change.port]
            assert change.added != (change.port in current.groups[change.group].members)
            if change.added:
                assert port.is_static and not port.is_two_way
        current = apply_plan(current, [change])
    assert is_consistent(current)
    for name in view.ports:
        if name not in current.ports:
            assert not current.groups_of(name)  # a deleted port was in no group
