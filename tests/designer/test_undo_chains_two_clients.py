"""Random chains of document commands, undo and redo, interleaved with a second client's
lifecycle actions on the same SQLite file. After every step BizTalk's rules hold in what is
stored; at the end, once the colleague has unenlisted everything and the user has refreshed,
undoing every command gives the initial export back byte for byte (lifecycle undos that the
colleague's changes made stale are refused, and states are not part of a binding file)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from conftest import examples
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support.bindings import binding_file, group, port

from designer.commands import StateCommand
from designer.document import Refused, WorkspaceDocument
from model import lifecycle
from model.bindings import load
from model.domain import SendPortGroup, new_send_port, replace
from model.lifecycle import Action, Kind, LifecycleError, Subject
from model.store import Workspace, WorkspaceError

BASE = binding_file(
    ports=[port("A"), port("B"), port("C"), port("R", two_way=True, address="http://example.test/r")],
    groups=[group("G", ["A", "B"]), group("E")],
)
PORTS = ["A", "B", "C", "R", "N"]
GROUPS = ["G", "E", "H"]
LIFECYCLE = ["enlist", "start", "stop", "unenlist"]

steps = st.one_of(
    st.tuples(st.just("create"), st.sampled_from(["N"]), st.none()),
    st.tuples(st.just("group"), st.just("H"), st.none()),
    st.tuples(st.just("delete"), st.sampled_from(PORTS + GROUPS), st.none()),
    st.tuples(st.sampled_from(LIFECYCLE), st.sampled_from(PORTS + GROUPS), st.none()),
    st.tuples(st.just("rename"), st.sampled_from(PORTS + GROUPS), st.none()),
    st.tuples(st.just("edit"), st.sampled_from(PORTS), st.text("abc xyz", max_size=6)),
    st.tuples(st.sampled_from(["member", "leave"]), st.sampled_from(PORTS), st.sampled_from(GROUPS)),
    st.tuples(st.sampled_from(["undo", "redo"]), st.none(), st.none()),
    st.tuples(st.just("other"), st.sampled_from(PORTS + GROUPS), st.sampled_from(LIFECYCLE)),
)


def _key(doc: WorkspaceDocument, name: str) -> tuple[Kind, str] | None:
    kind = Kind.PORT if name in PORTS else Kind.GROUP
    names = sorted(
        (e.name for e in doc.entries() if e.kind is kind and (e.name == name or e.name.startswith(name + "-"))), key=len
    )
    return (kind, names[0]) if names else None


def _do(doc: WorkspaceDocument, other: Workspace, step: tuple) -> None:  # type: ignore[type-arg]
    verb, name, arg = step
    if verb == "create":
        doc.add_send_port(new_send_port(name, address=f"C:\\Out\\{name}"), "App")
        return
    if verb == "group":
        doc.add_group(SendPortGroup(name=name), "App")
        return
    if verb == "undo":
        doc.undo_stack.undo()
        return
    if verb == "redo":
        doc.undo_stack.redo()
        return
    key = _key(doc, name)
    if key is None:
        return
    kind, current = key
    subject = Subject(kind, current)
    if verb == "other":
        try:
            other.perform(Action(arg), [subject])
        except (LifecycleError, WorkspaceError):
            pass
    elif verb == "delete":
        doc.delete([subject])
    elif verb in LIFECYCLE:
        doc.perform(Action(verb), [subject])
    elif verb == "rename":
        doc.rename(kind, current, current + "-r")
    elif verb == "edit":
        doc.edit_port(current, replace(doc.port(current).model, description=arg or None))
    else:
        g = _key(doc, arg)
        if kind is Kind.PORT and g is not None:
            (doc.add_to_group if verb == "member" else doc.remove_from_group)(g[1], [current])


def _unenlist_everything(ws: Workspace) -> None:
    for e in sorted(ws.entries(), key=lambda e: e.kind is Kind.PORT):  # groups first
        for action in (Action.STOP, Action.UNENLIST):
            try:
                ws.perform(action, [Subject(e.kind, e.name)])
            except (LifecycleError, WorkspaceError):
                pass


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chain=st.lists(steps, min_size=1, max_size=14))
def test_rules_hold_and_undo_all_gives_the_initial_file_back(qapp, chain: list[tuple]) -> None:  # type: ignore[no-untyped-def, type-arg]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.sqlite"
        with Workspace(path, user="alice") as ws, Workspace(path, user="bob") as other:
            ws.import_document(load(BASE), None, "base.xml")
            initial = ws.export()
            assert not lifecycle.violations(ws.view())
            doc = WorkspaceDocument(ws)
            refused = 0
            for step in chain:
                try:
                    _do(doc, other, step)
                except Refused:
                    refused += 1
                assert not lifecycle.violations(other.view()), step
            _unenlist_everything(other)
            doc.reload()
            undo_refusals: list[str] = []
            while doc.undo_stack.canUndo():
                command = doc.undo_stack.command(doc.undo_stack.index() - 1)
                kind = type(command).__name__
                count = doc.undo_stack.count()
                doc.undo_stack.undo()
                if doc.undo_stack.count() < count:
                    undo_refusals.append(kind)
                assert not lifecycle.violations(other.view())
            event(f"refused steps: {min(refused, 3)}")
            event("undo refusals: " + (",".join(sorted(set(undo_refusals))) or "none"))
            if all(k == StateCommand.__name__ for k in undo_refusals):
                assert ws.export() == initial
            doc.deleteLater()
