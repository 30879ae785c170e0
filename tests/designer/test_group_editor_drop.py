"""The group editor: explorer rows dropped on its member list join the group (one undo step, the
rules deciding), refusals say why in the status bar; choosing a group asks the membership rule
once per port, of a view that does not grow with the workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from support.bindings import binding_file, group, port

from designer.document import WorkspaceDocument
from designer.editors.group_editor import GroupEditor
from designer.panels import ExplorerPanel
from designer.panels.explorer_model import ENTRIES_MIME
from model import bindings, lifecycle
from model.lifecycle import Kind

FILE = binding_file(
    ports=[
        port("Orders.Archive", "Contoso.Orders"),
        port("Orders.Notify", "Contoso.Orders"),
        port("Orders.Ask", "Contoso.Orders", two_way=True),
        port("Orders.Audit", "Contoso.Orders"),
    ],
    groups=[
        group("Orders.Everyone", ["Orders.Archive"], "Contoso.Orders"),
        group("Orders.Other", [], "Contoso.Orders"),
    ],
)


@pytest.fixture
def doc(tmp_path: Path, qapp: QApplication) -> WorkspaceDocument:
    from model.store import Workspace

    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(bindings.load(FILE))
    yield document
    ws.close()


@pytest.fixture
def window(qtbot, doc: WorkspaceDocument) -> tuple[QMainWindow, GroupEditor, ExplorerPanel]:
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = GroupEditor(doc)
    window.setCentralWidget(editor)
    explorer = ExplorerPanel(doc)
    qtbot.addWidget(explorer)
    editor.set_group("Orders.Everyone")
    window.show()
    return window, editor, explorer


def explorer_drag(explorer: ExplorerPanel, keys: list[tuple[str, str]]) -> QMimeData:
    """What the explorer hands to a drag of the rows ``keys``."""
    explorer.select(keys)
    mime = explorer.proxy.mimeData(explorer.view.selectionModel().selectedIndexes())
    assert mime is not None and mime.hasFormat(ENTRIES_MIME)
    return mime


def drop(editor: GroupEditor, mime: QMimeData) -> QDropEvent:
    members = editor.page.members
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    members.dropEvent(event)
    return event


def members(doc: WorkspaceDocument, name: str = "Orders.Everyone") -> list[str]:
    return list(doc.group(name).model.members)


def test_explorer_ports_dropped_join_the_group_in_one_undo_step(window, doc: WorkspaceDocument) -> None:
    win, editor, explorer = window
    steps = doc.undo_stack.count()
    mime = explorer_drag(explorer, [("port", "Orders.Notify"), ("port", "Orders.Audit")])
    event = drop(editor, mime)
    assert event.isAccepted()
    assert set(members(doc)) == {"Orders.Archive", "Orders.Audit", "Orders.Notify"}
    assert doc.undo_stack.count() == steps + 1, "one drop, one undo step"
    assert "Added" in win.statusBar().currentMessage()
    doc.undo_stack.undo()
    assert members(doc) == ["Orders.Archive"]


def test_a_drop_adds_what_the_rules_allow_and_says_why_not_the_rest(window, doc: WorkspaceDocument) -> None:
    win, editor, explorer = window
    mime = explorer_drag(explorer, [("port", "Orders.Notify"), ("port", "Orders.Ask"), ("group", "Orders.Other")])
    drop(editor, mime)
    assert set(members(doc)) == {"Orders.Archive", "Orders.Notify"}
    status = win.statusBar().currentMessage()
    assert "skipped 2" in status and "'Orders.Ask'" in status and "'Orders.Other'" in status
    shown = editor.page.member_error.text()
    assert "two-way" in shown or "one-way" in shown, shown  # the model's reason for the solicit-response port
    assert "only send ports" in shown


def test_a_drop_that_the_rules_refuse_adds_nothing_and_says_why(window, doc: WorkspaceDocument) -> None:
    win, editor, explorer = window
    steps = doc.undo_stack.count()
    drop(editor, explorer_drag(explorer, [("port", "Orders.Archive")]))  # already a member
    assert members(doc) == ["Orders.Archive"]
    assert doc.undo_stack.count() == steps
    assert "already a member" in win.statusBar().currentMessage()
    assert "already a member" in editor.page.member_error.text()


def test_the_older_port_list_is_still_taken(window, doc: WorkspaceDocument) -> None:
    _win, editor, _explorer = window
    mime = QMimeData()
    mime.setData("application/x-portwright-ports", b"Orders.Audit\n")
    drop(editor, mime)
    assert set(members(doc)) == {"Orders.Archive", "Orders.Audit"}


def test_unreadable_entries_are_ignored(window, doc: WorkspaceDocument) -> None:
    _win, editor, _explorer = window
    mime = QMimeData()
    mime.setData(ENTRIES_MIME, b"not json")
    event = drop(editor, mime)
    assert not event.isAccepted()
    assert members(doc) == ["Orders.Archive"]


def test_choosing_a_group_asks_the_rule_once_per_port_of_a_small_view(
    qtbot, tmp_path: Path, qapp: QApplication, monkeypatch
) -> None:
    from model.store import Workspace

    n = 300
    names = [f"Bulk.P{i:03d}" for i in range(n)]
    data = binding_file(
        ports=[port(name, "Bulk", two_way=i % 10 == 0) for i, name in enumerate(names)],
        groups=[group("Bulk.G", names[1:4], "Bulk")],
    )
    ws = Workspace(tmp_path / "bulk.sqlite")
    try:
        doc = WorkspaceDocument(ws)
        doc.import_document(bindings.load(data))
        asked: list[int] = []
        real = lifecycle.can_add_member

        def counting(view: lifecycle.View, group_name: str, port_name: str) -> lifecycle.Verdict:
            asked.append(len(view.ports) + len(view.groups))
            return real(view, group_name, port_name)

        monkeypatch.setattr(lifecycle, "can_add_member", counting)
        editor = GroupEditor(doc)
        qtbot.addWidget(editor)
        editor.set_group("Bulk.G")
        assert len(asked) == n - 3, "once for each port that is not a member yet"
        assert max(asked) <= 2, "each asked of the port and the group, not of the whole workspace"
        candidates = {editor.page.candidates.itemText(i) for i in range(editor.page.candidates.count())}
        expected = {name for i, name in enumerate(names) if i % 10 != 0 and name not in names[1:4]}
        assert candidates == expected, "two-way ports and members are not offered"
        assert doc.entry(Kind.GROUP, "Bulk.G") is not None
    finally:
        ws.close()
