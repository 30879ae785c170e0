"""The "After deployment" choice of the port and group editors: a choice is one undo step with a
readable History text, reaches the workspace, and the editor follows undo, redo and another
session's change; an undo over someone else's change is refused with the reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QUndoView
from support.bindings import STANDARD

from designer.document import WorkspaceDocument
from designer.editors.desired_state import CHOICES, DesiredStateRow
from designer.panels.inspector import InspectorPanel
from model.lifecycle import Kind, State
from model.store import Workspace


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(STANDARD)
    document = WorkspaceDocument(ws)
    yield document
    ws.close()


@pytest.fixture
def inspector(qtbot, doc: WorkspaceDocument) -> InspectorPanel:  # type: ignore[no-untyped-def]
    panel = InspectorPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(560, 760)
    panel.show()
    return panel


def choose(row: DesiredStateRow, state: State | None) -> None:
    """Pick ``state`` in the combo box as a user does (the choice, then ``activated``)."""
    index = CHOICES.index(state)
    row.combo.setCurrentIndex(index)
    row.combo.activated.emit(index)
    QApplication.processEvents()


def shown(row: DesiredStateRow) -> str:
    return row.combo.currentText()


@pytest.mark.parametrize(
    ("kind", "name", "state", "text"),
    [
        (Kind.PORT, "A", State.STARTED, "Set 'A' to be started after deployment"),
        (Kind.GROUP, "G1", State.STOPPED, "Set 'G1' to be enlisted (stopped) after deployment"),
    ],
)
def test_a_choice_is_stored_undone_and_redone(
    qtbot, inspector: InspectorPanel, doc: WorkspaceDocument, kind: Kind, name: str, state: State, text: str
) -> None:
    inspector.show_selection([(kind.value, name)])
    editor = inspector.port_editor if kind is Kind.PORT else inspector.group_editor
    row = editor.desired
    assert row.isVisibleTo(inspector) and shown(row) == "Left as it is"
    assert [row.combo.itemText(i) for i in range(row.combo.count())] == [
        "Left as it is",
        "Unenlisted",
        "Enlisted (Stopped)",
        "Started",
    ]

    choose(row, state)
    assert doc.workspace.desired_states() == {(kind, name): state}
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == text
    history = QUndoView(doc.undo_stack)
    qtbot.addWidget(history)
    assert history.model().index(1, 0).data() == text, "the History lists it in words"

    doc.undo_stack.undo()
    assert doc.workspace.desired_states() == {}
    assert shown(row) == "Left as it is", "the editor follows the undo"
    doc.undo_stack.redo()
    assert doc.workspace.desired_states() == {(kind, name): state}
    assert row.chosen() is state

    choose(row, state)  # the same again: nothing to do, no undo step
    assert doc.undo_stack.count() == 1
    choose(row, None)
    assert doc.workspace.desired_states() == {}
    assert doc.undo_stack.undoText() == f"Leave '{name}' as it is after deployment"


def test_the_choice_follows_the_object_shown_and_a_reload(
    inspector: InspectorPanel, doc: WorkspaceDocument, tmp_path: Path
) -> None:
    doc.workspace.set_desired_states({(Kind.PORT, "B"): State.UNENLISTED})
    doc.reload()
    inspector.show_selection([("port", "A")])
    row = inspector.port_editor.desired
    assert shown(row) == "Left as it is"
    inspector.show_selection([("port", "B")])
    assert shown(row) == "Unenlisted"
    with Workspace(tmp_path / "w.sqlite") as other:  # another session changes it
        other.set_desired_states({(Kind.PORT, "B"): State.STARTED})
    doc.reload()
    assert shown(row) == "Started"
    doc.rename(Kind.PORT, "B", "B2")
    QApplication.processEvents()
    assert inspector.port_editor.name == "B2" and shown(row) == "Started", "the state stays with the port"


def test_an_undo_over_another_sessions_change_is_refused(
    qtbot, inspector: InspectorPanel, doc: WorkspaceDocument, tmp_path: Path
) -> None:
    inspector.show_selection([("port", "A")])
    row = inspector.port_editor.desired
    choose(row, State.STARTED)
    with Workspace(tmp_path / "w.sqlite") as other:
        other.set_desired_states({(Kind.PORT, "A"): State.UNENLISTED})
    with qtbot.waitSignal(doc.error) as said:
        doc.undo_stack.undo()
    assert "Cannot undo 'Set 'A' to be started after deployment'" in said.args[0]
    assert "changed meanwhile" in said.args[0]
    assert doc.workspace.desired_states() == {(Kind.PORT, "A"): State.UNENLISTED}, "their change is kept"
    assert shown(row) == "Unenlisted", "the editor shows what is stored"


def test_a_read_only_workspace_refuses_the_choice_at_the_field(qtbot, tmp_path: Path) -> None:
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.import_file(STANDARD)
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}?mode=ro")
    try:
        doc = WorkspaceDocument(ws)
        row = DesiredStateRow(doc)
        qtbot.addWidget(row)
        row.show_for(Kind.PORT, "A")
        row.show()
        choose(row, State.STARTED)
        assert row.error.isVisible() and "read-only" in row.error.text()
        assert shown(row) == "Left as it is" and doc.undo_stack.count() == 0
        assert ws.desired_states() == {}
    finally:
        ws.close()
