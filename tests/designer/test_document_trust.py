"""The document against a colleague on the same workspace: stale edits conflict or merge, undo
and redo re-check BizTalk's rules and what others changed, and the audit log names what
really happened (do, undo, redo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.bindings import binding_file, group, port

from designer.document import Refused, WorkspaceDocument
from model.bindings import load
from model.domain import new_send_port, replace
from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace

#: A, B, C static one-way in App; G = [A, B]; C is in no group and bound to nothing.
BASE = binding_file(ports=[port("A"), port("B"), port("C")], groups=[group("G", ["A", "B"])])


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "w.sqlite"
    with Workspace(db) as ws:
        ws.import_document(load(BASE), None, "base.xml")
    return db


@pytest.fixture
def doc(qapp, path: Path) -> WorkspaceDocument:  # type: ignore[no-untyped-def]
    ws = Workspace(path, user="alice")
    d = WorkspaceDocument(ws)
    yield d
    d.deleteLater()
    ws.close()


@pytest.fixture
def bob(path: Path) -> Workspace:
    ws = Workspace(path, user="bob")
    yield ws
    ws.close()


def _described(record, text: str):  # type: ignore[no-untyped-def]
    return replace(record.model, description=text)


def _addressed(record, address: str):  # type: ignore[no-untyped-def]
    t = replace(record.model.primary_transport, address=address)
    return replace(record.model, primary_transport=t)


def operations(ws: Workspace, name: str) -> list[tuple[str, str]]:
    return [(e.operation, e.user) for e in ws.audit() if e.name == name]


# -- stale edits -----------------------------------------------------------------------------------


def test_a_stale_edit_of_the_same_field_is_refused_naming_the_field_and_who(
    doc: WorkspaceDocument, bob: Workspace
) -> None:
    shown = doc.port("C")  # what the editor shows
    theirs = bob.port("C")
    bob.update_port("C", _described(theirs, "Bob's words"), theirs.version)
    with pytest.raises(Refused) as info:
        doc.edit_port("C", _described(shown, "Alice's words"))
    message = str(info.value)
    assert "bob" in message and "description" in message and "nothing was saved" in message
    assert bob.port("C").model.description == "Bob's words", "the colleague's change is not overwritten"
    assert doc.undo_stack.count() == 0


def test_a_stale_edit_of_another_field_is_merged(doc: WorkspaceDocument, bob: Workspace) -> None:
    shown = doc.port("C")
    theirs = bob.port("C")
    bob.update_port("C", _addressed(theirs, "C:\\Bob\\%MessageID%.xml"), theirs.version)
    doc.edit_port("C", _described(shown, "Alice's words"))
    stored = bob.port("C").model
    assert stored.description == "Alice's words"
    assert stored.address == "C:\\Bob\\%MessageID%.xml", "the colleague's address stays"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    stored = bob.port("C").model
    assert stored.description is None and stored.address == "C:\\Bob\\%MessageID%.xml"
    doc.undo_stack.redo()
    assert bob.port("C").model.description == "Alice's words"


def test_an_undo_of_an_edit_keeps_a_later_change_by_someone_else_to_another_field(
    doc: WorkspaceDocument, bob: Workspace
) -> None:
    doc.edit_port("C", _described(doc.port("C"), "Alice's words"))
    theirs = bob.port("C")
    bob.update_port("C", _addressed(theirs, "C:\\Later\\x.xml"), theirs.version)
    doc.undo_stack.undo()
    stored = bob.port("C").model
    assert stored.description is None and stored.address == "C:\\Later\\x.xml"


def test_an_undo_of_an_edit_that_someone_else_changed_again_is_refused(
    qtbot, doc: WorkspaceDocument, bob: Workspace
) -> None:
    doc.edit_port("C", _described(doc.port("C"), "Alice's words"))
    theirs = bob.port("C")
    bob.update_port("C", _described(theirs, "Bob's words"), theirs.version)
    with qtbot.waitSignal(doc.error, timeout=1000) as blocker:
        doc.undo_stack.undo()
    assert blocker.args[0].startswith("Cannot undo") and "bob" in blocker.args[0]
    assert bob.port("C").model.description == "Bob's words"
    assert doc.undo_stack.count() == 0, "the refused command left the stack"


# -- undo and redo under the rules -------------------------------------------------------------------


def test_a_redo_the_rules_now_forbid_is_refused(qtbot, doc: WorkspaceDocument, bob: Workspace) -> None:
    """Delete C, undo, a colleague starts C, redo: C is not deleted while started."""
    doc.delete([Subject.port("C")])
    doc.undo_stack.undo()
    assert doc.entry(Kind.PORT, "C") is not None
    bob.perform(Action.START, [Subject.port("C")])
    with qtbot.waitSignal(doc.error, timeout=1000) as blocker:
        doc.undo_stack.redo()
    assert blocker.args[0].startswith("Cannot redo 'Delete 'C''") and "started" in blocker.args[0]
    assert bob.port("C").state is State.STARTED
    assert doc.entry(Kind.PORT, "C").state is State.STARTED, "the document re-read the workspace"
    assert not doc.undo_stack.canRedo() and doc.undo_stack.count() == 0
    assert operations(bob, "C")[1:] == [("delete", "alice"), ("undo delete", "alice"), ("start", "bob")], (
        "no second delete was recorded"
    )


def test_the_audit_log_names_do_undo_and_redo(doc: WorkspaceDocument, bob: Workspace) -> None:
    doc.perform(Action.ENLIST, [Subject.port("C")])
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    doc.edit_port("C", _described(doc.port("C"), "words"))
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    ops = [op for op, user in operations(bob, "C") if user == "alice"]
    assert ops == ["enlist", "undo enlist", "redo enlist", "edit", "undo edit", "redo edit"]


def test_an_undo_after_someone_else_changed_the_state_is_refused(qtbot, doc: WorkspaceDocument, bob: Workspace) -> None:
    doc.perform(Action.START, [Subject.port("C")])
    bob.perform(Action.STOP, [Subject.port("C")])
    with qtbot.waitSignal(doc.error, timeout=1000) as blocker:
        doc.undo_stack.undo()
    assert "someone else" in blocker.args[0]
    assert bob.port("C").state is State.STOPPED


def test_undo_of_create_is_refused_when_someone_enlisted_it(qtbot, doc: WorkspaceDocument, bob: Workspace) -> None:
    doc.add_send_port(new_send_port("N", address="C:\\n"), "App")
    bob.perform(Action.ENLIST, [Subject.port("N")])
    with qtbot.waitSignal(doc.error, timeout=1000) as blocker:
        doc.undo_stack.undo()
    assert "bob (enlist" in blocker.args[0]
    assert bob.port("N").state is State.STOPPED


def test_undo_of_a_lifecycle_action_follows_the_group_rules(doc: WorkspaceDocument, bob: Workspace) -> None:
    """Start A and G; undoing the start of A alone would leave G started with no... A is still
    enlisted (stopped), so it is allowed; undoing the enlist of A and B while G is started is not."""
    doc.perform(Action.ENLIST, [Subject.port("A"), Subject.port("B")])
    bob.perform(Action.START, [Subject.group("G")])
    doc.reload()
    messages: list[str] = []
    doc.error.connect(messages.append)
    doc.undo_stack.undo()
    assert messages and "G" in messages[0]
    assert bob.port("A").state is State.STOPPED and bob.group("G").state is State.STARTED


def test_a_membership_undo_restores_the_member_order(doc: WorkspaceDocument) -> None:
    original = doc.workspace.export()
    doc.remove_from_group("G", ["A"])
    assert doc.workspace.group("G").model.members == ("B",)
    doc.undo_stack.undo()
    assert doc.workspace.group("G").model.members == ("A", "B")
    assert doc.workspace.export() == original


def test_rename_with_its_references_is_one_undo_step(doc: WorkspaceDocument) -> None:
    original = doc.workspace.export()
    doc.rename(Kind.PORT, "A", "A.New")
    assert doc.entry(Kind.GROUP, "G").members == ("A.New", "B"), "the group's entry followed"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.workspace.export() == original
    assert doc.entry(Kind.GROUP, "G").members == ("A", "B")


@pytest.mark.parametrize("name", ["", "x" * 300, "a\x01b"])
def test_the_document_refuses_invalid_names(doc: WorkspaceDocument, name: str) -> None:
    original = doc.workspace.export()
    with pytest.raises(Refused, match="name"):
        doc.rename(Kind.PORT, "C", name)
    with pytest.raises(Refused, match="name"):
        doc.add_send_port(new_send_port("ok", address="C:\\x").model_copy(update={"name": name}), "App")
    assert doc.workspace.export() == original and doc.undo_stack.count() == 0
