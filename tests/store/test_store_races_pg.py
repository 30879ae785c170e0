"""Two processes on one PostgreSQL workspace for a bounded time: one renames send ports back and
forth, the other adds them to groups and removes them. However their transactions interleave, no
member may name a port that does not exist, and the audit log, replayed in order from the state
both started from, must give exactly the memberships and names the workspace ends with.

The audit trail holds what a replay needs for these two operations: a rename's entry names the
port's new name and, in its detail, the old one; a membership entry names the group and, in its
detail, the port added or removed (as it was named then)."""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import time
from collections.abc import Iterable

import pytest
from support.bindings import binding_file, group, port

from model.lifecycle import Action, Kind, LifecycleError, Subject
from model.store import ConflictError, NotFoundError, Workspace
from model.store.records import AuditEntry

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

#: How long the two processes race (seconds); the study that found the dangling members ran 60.
RACE_SECONDS = float(os.environ.get("PORTWRIGHT_RACE_SECONDS", "12"))
PORTS = [f"p{i}" for i in range(12)]
GROUPS = [f"g{i}" for i in range(3)]


def _renamed(name: str) -> str:
    return name[:-2] if name.endswith("_r") else name + "_r"


def _reporting(work):  # type: ignore[no-untyped-def]
    """Run ``work`` in a racing process; what it raised is reported, not lost in the child's stderr."""

    def run(url: str, seconds: float, seed: int, out: multiprocessing.Queue) -> None:
        try:
            out.put(work(url, seconds, seed))
        except BaseException as e:  # any failure is the test's to report
            out.put((work.__name__, -1, f"{type(e).__name__}: {e}"))

    return run


def _renamer(url: str, seconds: float, seed: int) -> tuple[str, int, int]:
    """Rename random ports to their other name and back until the time is up."""
    rng = random.Random(seed)
    names = {p: p for p in PORTS}  # original -> current (this process is the only renamer)
    done = refused = 0
    with Workspace(url, user="renamer") as ws:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            original = rng.choice(PORTS)
            try:
                ws.rename(Kind.PORT, names[original], _renamed(names[original]))
                names[original] = _renamed(names[original])
                done += 1
            except ConflictError:
                refused += 1
    return "renamer", done, refused


def _member_editor(url: str, seconds: float, seed: int) -> tuple[str, int, int]:
    """Add random ports (under either of their names) to random groups, or remove them."""
    rng = random.Random(seed)
    done = refused = 0
    with Workspace(url, user="grouper") as ws:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            name = rng.choice(PORTS)
            name = rng.choice([name, _renamed(name)])
            target = rng.choice(GROUPS)
            action = Action.ADD_MEMBER if rng.random() < 0.6 else Action.REMOVE_MEMBER
            try:
                ws.perform(action, [Subject.port(name)], group=target)
                done += 1
            except (ConflictError, LifecycleError, NotFoundError):
                refused += 1  # a stale name, not a member, or a race lost: nothing was written
    return "grouper", done, refused


def _state(ws: Workspace) -> tuple[set[str], dict[str, list[str]]]:
    ports = {e.name for e in ws.entries() if e.kind is Kind.PORT}
    return ports, {g: list(ws.group(g).model.members) for g in GROUPS}


_RENAMED = re.compile(r"renamed from '(?P<old>[^']*)'")
_MEMBER = re.compile(r"(?P<verb>added|removed) member '(?P<port>[^']*)'")


def replay(
    ports: set[str], members: dict[str, list[str]], log: Iterable[AuditEntry]
) -> tuple[set[str], dict[str, list[str]]]:
    """Apply renames and membership changes from the audit log, in order, to a copy of a state."""
    ports, members = set(ports), {g: list(ms) for g, ms in members.items()}
    for entry in log:
        if entry.operation == "rename" and entry.kind == "port":
            m = _RENAMED.match(entry.detail or "")
            assert m and entry.name, f"a rename entry without its names: {entry}"
            old, new = m["old"], entry.name
            assert old in ports and new not in ports, f"replay: {entry} does not follow from the log before it"
            ports = (ports - {old}) | {new}
            members = {g: [new if p == old else p for p in ms] for g, ms in members.items()}
        elif entry.operation in (Action.ADD_MEMBER.value, Action.REMOVE_MEMBER.value):
            m = _MEMBER.match(entry.detail or "")
            assert m and entry.name in members, f"a membership entry without its names: {entry}"
            if m["verb"] == "added":
                assert m["port"] in ports, f"replay: {entry} adds a port that did not exist then"
                members[entry.name].append(m["port"])
            else:
                members[entry.name].remove(m["port"])
        else:
            raise AssertionError(f"an audit entry the race did not make: {entry}")
    return ports, members


def test_renames_racing_membership_changes_leave_no_dangling_member(postgres_url: str) -> None:
    with Workspace(postgres_url, user="setup") as ws:
        ws.import_file(binding_file(ports=[port(p) for p in PORTS], groups=[group(g) for g in GROUPS]))
        start_ports, start_members = _state(ws)
        log_start = len(ws.audit())
    ctx = multiprocessing.get_context("fork")
    out: multiprocessing.Queue = ctx.Queue()
    workers = [
        ctx.Process(target=_reporting(_renamer), args=(postgres_url, RACE_SECONDS, 1, out)),
        ctx.Process(target=_reporting(_member_editor), args=(postgres_url, RACE_SECONDS, 2, out)),
    ]
    for w in workers:
        w.start()
    reports = {}
    for _ in workers:
        who, done, refused = out.get(timeout=RACE_SECONDS + 120)
        assert done >= 0, f"{who} failed: {refused}"  # a deadlock or any other error, not a conflict
        reports[who] = (done, refused)
    for w in workers:
        w.join(30)
        assert w.exitcode == 0, f"a racing process failed (exit {w.exitcode})"
    # Both did real work while the other did: the race happened.
    assert reports["renamer"][0] > 20 and reports["grouper"][0] > 20, reports

    with Workspace(postgres_url, user="check") as ws:
        final_ports, final_members = _state(ws)
        log = ws.audit()[log_start:]
    dangling = sorted({(g, m) for g, ms in final_members.items() for m in ms if m not in final_ports})
    assert not dangling, f"{len(dangling)} members name ports that do not exist: {dangling[:10]}"
    assert all(len(ms) == len(set(ms)) for ms in final_members.values()), final_members
    assert replay(start_ports, start_members, log) == (final_ports, final_members)
