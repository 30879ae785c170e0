"""Bulk actions act on every selected item the rules allow, say what they skipped and why,
and are one undo step; an action is enabled while it applies to at least one selected item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_window_actions import GROUP, MEMBER, PORT, Dialogs, make_window, select, state, status_text, trigger

from designer.mainwindow import MainWindow
from model import lifecycle
from model.lifecycle import Action, Kind, State, Subject

APP = "Contoso.Orders"


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    dialogs = Dialogs(monkeypatch)
    w = make_window(qtbot, tmp_path)
    yield w
    w.close()
    assert dialogs.warnings == []


def app_ports(w: MainWindow) -> list[tuple[Kind, str]]:
    return [(e.kind, e.name) for e in w.doc.entries() if e.kind is Kind.PORT and e.application == APP]


def test_enlist_skips_the_one_already_enlisted_and_is_one_undo_step(window: MainWindow) -> None:
    ports = app_ports(window)
    assert len(ports) > 3 and PORT in ports
    window.doc.perform(Action.ENLIST, [Subject(*PORT)])
    select(window, *ports)
    enlist = window.action_map["lifecycle.enlist"]
    assert enlist.isEnabled(), "one enlisted port does not disable Enlist for the others"
    assert "Skips 1 of the selection" in enlist.toolTip()
    assert "Cannot enlist send port 'Orders.Legacy.HTTP': it is already enlisted." in enlist.toolTip()
    steps = window.doc.undo_stack.count()
    trigger(window, "lifecycle.enlist")
    assert all(state(window, k) is State.STOPPED for k in ports)
    said = status_text(window)
    assert said == f"Enlisted {len(ports) - 1} send ports; skipped 1: 'Orders.Legacy.HTTP' (it is already enlisted)"
    assert window.doc.undo_stack.count() == steps + 1
    window.doc.undo_stack.undo()
    assert state(window, PORT) is State.STOPPED, "the skipped one was never touched"
    assert all(state(window, k) is State.UNENLISTED for k in ports if k != PORT)


def test_an_action_none_of_the_selection_allows_stays_disabled(window: MainWindow) -> None:
    window.doc.perform(Action.ENLIST, [Subject(*PORT), Subject(*MEMBER)])
    select(window, PORT, MEMBER)
    enlist = window.action_map["lifecycle.enlist"]
    assert not enlist.isEnabled()
    assert enlist.toolTip().count("it is already enlisted") == 2
    assert window.action_map["lifecycle.start"].isEnabled()


def test_delete_removes_what_may_go_and_names_what_stays(window: MainWindow) -> None:
    select(window, PORT, MEMBER)
    assert window.action_map["edit.delete"].isEnabled()
    trigger(window, "edit.delete")
    assert window.doc.workspace.entry(*PORT) is None
    assert window.doc.workspace.entry(*MEMBER) is not None
    said = status_text(window)
    assert said == (
        "Deleted send port 'Orders.Legacy.HTTP'; skipped 1: 'Billing.Invoices.SFTP' "
        "(it is a member of send port group 'Contoso.Billing.InvoiceDistribution')"
    )
    window.doc.undo_stack.undo()
    assert window.doc.workspace.entry(*PORT) is not None


def test_start_of_ports_and_a_group_starts_the_group_after_its_member(window: MainWindow) -> None:
    """Rules that depend on the order still hold: the member starts first, then its group."""
    select(window, GROUP, MEMBER, PORT)
    trigger(window, "lifecycle.start")
    assert state(window, GROUP) is State.STARTED and state(window, MEMBER) is State.STARTED
    assert status_text(window) == "Started 2 send ports and 1 send port group"
    assert window.doc.undo_stack.count() == 1


def test_split_gives_what_planning_the_allowed_ones_alone_does() -> None:
    """The rules' helper: a group and its last enlisted member unenlisted together are both
    allowed (groups go first); a started port beside them is allowed too, an unenlisted one is
    skipped with its reason, and planning the allowed ones alone succeeds with the same changes."""
    view = lifecycle.View.of(
        [
            lifecycle.PortInfo("member", State.STOPPED),
            lifecycle.PortInfo("started", State.STARTED),
            lifecycle.PortInfo("idle", State.UNENLISTED),
        ],
        [lifecycle.GroupInfo("g", State.STOPPED, members=("member",))],
    )
    chosen = [Subject.port("member"), Subject.port("idle"), Subject.group("g"), Subject.port("started")]
    allowed, refused = lifecycle.split(view, Action.UNENLIST, chosen)
    assert allowed == [Subject.port("member"), Subject.group("g"), Subject.port("started")]
    assert [e.subject for e in refused] == [Subject.port("idle")]
    assert refused[0].reason == "Cannot unenlist send port 'idle': it is already unenlisted."
    changes = lifecycle.plan(view, Action.UNENLIST, allowed)
    assert {(c.name, c.after) for c in changes if isinstance(c, lifecycle.Transition)} >= {
        ("member", State.UNENLISTED),
        ("g", State.UNENLISTED),
        ("started", State.UNENLISTED),
    }
    alone, _ = lifecycle.split(view, Action.UNENLIST, [Subject.port("member")])
    assert alone == [], "without its group, the last enlisted member is refused"
