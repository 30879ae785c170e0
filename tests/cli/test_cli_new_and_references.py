"""``portwright new port|group|application``, ``app reference add|remove|ls`` and the lifecycle
commands' ``--if-needed``, through the command line's ``main``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support.cli import Result, run_in_process

from model.bindings import load


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Callable[..., Result]:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    return lambda *args: run_in_process(capsys, "--workspace", url, *args)


def exported(cli: Callable[..., Result]):
    return load(cli("export", "-o", "-").out.encode())


def test_new_objects_are_created_with_biztalk_defaults_and_audited(cli):
    assert cli("new", "application", "Common").code == 0
    made = cli("new", "application", "Orders", "--reference", "Common")
    assert made.code == 0 and made.out == "created application 'Orders'\n"
    port = cli("new", "port", "Orders.Out", "-a", "Orders", "--address", r"C:\out\%MessageID%.xml")
    assert port.out == "created send port 'Orders.Out' in 'Orders' (Unenlisted)\n"
    assert cli("new", "port", "Orders.Ask", "-a", "Orders", "--adapter", "HTTP", "--solicit-response").code == 0
    assert cli("new", "port", "Orders.Dyn", "-a", "Orders", "--dynamic").code == 0
    group = cli("new", "group", "Orders.All", "-a", "Orders", "--member", "Orders.Out")
    assert group.code == 0 and "with 1 member(s)" in group.out
    doc = exported(cli)
    ports = {p.name: p for p in doc.send_ports}
    assert ports["Orders.Out"].primary_transport.adapter_name == "FILE"
    assert ports["Orders.Out"].primary_transport.address == r"C:\out\%MessageID%.xml"
    assert ports["Orders.Ask"].is_two_way is True and ports["Orders.Ask"].receive_pipeline is not None
    assert ports["Orders.Dyn"].is_static is False and ports["Orders.Dyn"].primary_transport is None
    assert [g.members for g in doc.groups] == [("Orders.Out",)]
    assert json.loads(cli("app", "reference", "ls", "--json").out) == {"Common": [], "Orders": ["Common"]}
    log = cli("log").out
    assert "create application" in log and "Orders" in log


def test_new_refuses_what_biztalk_refuses_and_changes_nothing(cli):
    assert cli("new", "application", "Orders").code == 0
    assert cli("new", "port", "P", "-a", "Orders").code == 0
    taken = cli("new", "port", "p", "-a", "Orders")  # names compare without case, as BizTalk does
    assert taken.code == 1 and "already exists" in taken.err
    assert cli("new", "application", "Orders").code == 1
    unknown = cli("new", "port", "Q", "--adapter", "NOPE")
    assert unknown.code == 2 and "--adapter NOPE" in unknown.err
    dynamic = cli("new", "port", "Q", "--dynamic", "--address", "x")
    assert dynamic.code == 2 and "dynamic" in dynamic.err
    assert cli("new", "application", "Common").code == 0
    other_app = cli("new", "group", "G", "-a", "Common", "--member", "P")
    assert other_app.code == 1 and "does not reference" in other_app.err
    assert cli("new", "application", "X", "--reference", "Nope").code == 2
    assert {p.name for p in exported(cli).send_ports} == {"P"} and not exported(cli).groups


def test_references_are_added_removed_and_never_circular(cli):
    for app in ("A", "B", "C"):
        assert cli("new", "application", app).code == 0
    assert cli("app", "reference", "add", "A", "B").out == "application 'A' references 'B'\n"
    assert cli("app", "reference", "add", "B", "C").code == 0
    loop = cli("app", "reference", "add", "C", "A")
    assert loop.code == 1 and "'C' → 'A' → 'B' → 'C'" in loop.err
    assert json.loads(cli("app", "reference", "ls", "--json").out) == {"A": ["B"], "B": ["C"], "C": []}
    assert cli("app", "reference", "remove", "A", "C").code == 2  # A does not reference C
    assert cli("app", "reference", "remove", "A", "B").out == "application 'A' references no other application\n"
    assert cli("app", "reference", "add", "Nope", "A").code == 2


def test_if_needed_makes_a_rerun_a_no_op(cli):
    assert cli("new", "port", "P", "-a", "App").code == 0
    assert cli("new", "port", "Q", "-a", "App").code == 0
    assert cli("enlist", "P").code == 0
    again = cli("enlist", "P", "Q")
    assert again.code == 1  # without --if-needed: refused, nothing changed
    assert json.loads(cli("ls", "--json").out)[1]["state"] == "Unenlisted"
    ok = cli("enlist", "--if-needed", "P", "Q")
    assert ok.code == 0 and ok.out.splitlines() == [
        "send port 'P' is Stopped already",
        "send port 'Q': Unenlisted -> Stopped",
    ]
    assert cli("start", "--if-needed", "P", "Q").code == 0
    assert cli("start", "--if-needed", "P", "Q").out.count("is Started already") == 2
    stopped = cli("stop", "--if-needed", "P")
    assert stopped.out == "send port 'P': Started -> Stopped\n"
    assert cli("unenlist", "--if-needed", "P").code == 0
    assert cli("stop", "--if-needed", "P").out == "send port 'P' is Unenlisted already\n"
    assert cli("delete", "P").code == 0
    gone = cli("delete", "--if-needed", "P")
    assert gone.code == 0 and "does not exist" in gone.out
    assert cli("delete", "P").code == 2
