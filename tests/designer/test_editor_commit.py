"""Fields of the port editor commit when editing finishes, not per keystroke: typed with real key
events into real widgets, counted where it costs (``doc.edit_port`` calls, undo steps, audit rows)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QTimeEdit, QWidget

from designer.document import WorkspaceDocument
from designer.panels.inspector import InspectorPanel
from model.lifecycle import Action, Kind, Subject
from tests.designer.test_editor_port import doc, inspector, show  # noqa: F401 - shared fixtures

PORT = "Orders.Archive.FILE"
STORED = "\\\\contoso-fs01\\BizTalk\\Orders\\Archive\\%MessageID%.xml"
TYPED = "\\\\fs02\\Archive\\Orders\\25\\%MessageID%.xml"  # 40 characters


class Writes:
    """What reached the workspace since it was made: edit_port calls, undo steps, audit rows."""

    def __init__(self, document: WorkspaceDocument, monkeypatch: pytest.MonkeyPatch) -> None:
        self.doc = document
        self.calls: list[str] = []
        self._steps = document.undo_stack.count()
        self._audit = len(document.workspace.audit())
        real = document.edit_port

        def counted(name: str, port: object, text: str | None = None, merge_key: str | None = None) -> None:
            self.calls.append(name)
            real(name, port, text, merge_key)  # type: ignore[arg-type]

        monkeypatch.setattr(document, "edit_port", counted)

    def counts(self) -> tuple[int, int, int]:
        """(edit_port calls, undo steps, audit entries) since the start."""
        return (
            len(self.calls),
            self.doc.undo_stack.count() - self._steps,
            len(self.doc.workspace.audit()) - self._audit,
        )


@pytest.fixture
def writes(doc: WorkspaceDocument, monkeypatch: pytest.MonkeyPatch) -> Writes:
    return Writes(doc, monkeypatch)


@pytest.fixture
def active(qtbot, inspector: InspectorPanel) -> InspectorPanel:  # type: ignore[no-untyped-def]
    """The inspector as the active window: focus really moves, as under a person's hands."""
    inspector.activateWindow()
    qtbot.waitUntil(inspector.isActiveWindow)
    return inspector


def click_into(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Click into a text field and go to the end of its text, as before typing more."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() // 2, widget.height() // 2))
    qtbot.waitUntil(widget.hasFocus)
    QTest.keyClick(
        widget,
        Qt.Key.Key_End,
        Qt.KeyboardModifier.ControlModifier if widget.inherits("QPlainTextEdit") else Qt.KeyboardModifier.NoModifier,
    )


def tab_into(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def address_edit(panel: InspectorPanel):  # type: ignore[no-untyped-def]
    show(panel, PORT, 1)
    return panel.port_editor.pages[1].address.edit


def test_typing_40_characters_writes_nothing_until_enter_then_once(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    error = active.port_editor.pages[1].address.error
    assert error.isVisibleTo(active) and "needs an address" in error.text()  # feedback while typing
    assert len(TYPED) == 40
    QTest.keyClicks(edit, TYPED)
    QApplication.processEvents()
    assert not error.isVisibleTo(active)
    assert writes.counts() == (0, 0, 0)
    assert doc.port(PORT).model.address == STORED
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert writes.counts() == (1, 1, 1)
    assert doc.port(PORT).model.address == TYPED
    assert doc.workspace.audit()[-1].name == PORT
    assert edit.text() == TYPED and edit.hasFocus()
    edit.clearFocus()  # leaving after Enter commits nothing more
    QApplication.processEvents()
    assert writes.counts() == (1, 1, 1)
    doc.undo_stack.undo()
    assert doc.port(PORT).model.address == STORED


def test_leaving_the_field_commits_once(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    QTest.keyClicks(edit, "x")
    assert writes.counts() == (0, 0, 0)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not edit.hasFocus())
    assert writes.counts() == (1, 1, 1)
    assert doc.port(PORT).model.address == STORED + "x"


def test_escape_reverts_to_the_stored_value(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    edit.selectAll()
    QTest.keyClicks(edit, "\\\\elsewhere")
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == STORED
    QTest.keyClick(edit, Qt.Key.Key_Return)
    edit.clearFocus()
    QApplication.processEvents()
    assert writes.counts() == (0, 0, 0)
    assert doc.port(PORT).model.address == STORED
    # Escape puts back an empty stored value's problem too
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == STORED and not active.port_editor.pages[1].address.error.isVisibleTo(active)


def test_an_invalid_value_is_marked_and_never_written(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    QApplication.processEvents()
    assert writes.counts() == (0, 0, 0)
    assert edit.text() == "" and "needs an address" in active.port_editor.pages[1].address.error.text()


def test_a_refresh_while_typing_keeps_what_is_typed(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    QTest.keyClicks(edit, "-new")
    doc.perform(Action.ENLIST, [Subject.port(PORT)])  # the port changes state: the editor reloads
    qtbot.wait(20)
    assert edit.text() == STORED + "-new" and edit.hasFocus()
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert writes.counts()[0] == 1 and doc.port(PORT).model.address == STORED + "-new"


def test_switching_to_another_port_commits_what_is_pending(
    qtbot, active: InspectorPanel, doc: WorkspaceDocument, writes: Writes
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    QTest.keyClicks(edit, "-pending")
    active.show_selection([("port", "Orders.CRM.SB")])  # a selection made elsewhere, focus untouched
    QApplication.processEvents()
    assert writes.calls == [PORT]
    assert doc.port(PORT).model.address == STORED + "-pending"
    assert active.port_editor.name == "Orders.CRM.SB"
    assert edit.text() == doc.port("Orders.CRM.SB").model.address


def test_closing_the_window_commits_what_is_pending(
    qtbot, active: InspectorPanel, doc: WorkspaceDocument, writes: Writes
) -> None:
    edit = address_edit(active)
    click_into(qtbot, edit)
    QTest.keyClicks(edit, "-closing")
    active.close()
    assert writes.counts() == (1, 1, 1)
    assert doc.port(PORT).model.address == STORED + "-closing"


def test_description_commits_when_it_loses_focus(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    show(active, PORT, 0)
    desc = active.port_editor.general.description.edit
    click_into(qtbot, desc)
    QTest.keyClicks(desc, " Kept for seven years.")
    QTest.keyClick(desc, Qt.Key.Key_Return)  # a new line, not a commit
    QTest.keyClicks(desc, "Second line")
    assert writes.counts() == (0, 0, 0)
    QTest.keyClick(desc, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not desc.hasFocus())
    assert writes.counts() == (1, 1, 1)
    assert doc.port(PORT).model.description.endswith(" Kept for seven years.\nSecond line")


def test_a_checkbox_commits_once(
    qtbot,
    active: InspectorPanel,
    doc: WorkspaceDocument,
    writes: Writes,
) -> None:
    show(active, PORT, 3)
    box = active.port_editor.pages[3].ordered.box
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    QApplication.processEvents()
    assert writes.counts() == (1, 1, 1)
    assert doc.port(PORT).model.ordered_delivery is True
    assert active.port_editor.pages[3].stop_on_failure.box.isEnabled()
    # Typed text, then a click on an adapter setting's checkbox: the text is committed as the
    # focus moves (one step), the click is one more step.
    edit = address_edit(active)
    click_into(qtbot, edit)
    QTest.keyClicks(edit, "-0123456789")
    cache = active.port_editor.pages[1].settings.field("AllowCacheOnWrite").check
    active.port_editor.pages[1].ensureWidgetVisible(cache)
    QTest.mouseClick(cache, Qt.MouseButton.LeftButton, pos=QPoint(8, cache.height() // 2))
    QApplication.processEvents()
    assert writes.counts() == (3, 3, 3)
    t = doc.port(PORT).model.primary_transport
    assert t.address == STORED + "-0123456789" and t.settings.value("AllowCacheOnWrite") == "-1"


def test_a_typed_service_window_time_commits_on_finish(
    qtbot, active: InspectorPanel, doc: WorkspaceDocument, writes: Writes
) -> None:
    show(active, PORT, 3)
    page = active.port_editor.pages[3]
    window = page.findChild(QCheckBox, "primary_transport.service_window_enabled")
    start = page.findChild(QTimeEdit, "primary_transport.from_time")
    stop = page.findChild(QTimeEdit, "primary_transport.to_time")
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(8, window.height() // 2))
    QApplication.processEvents()
    assert writes.counts() == (1, 1, 1) and start.isEnabled()
    tab_into(qtbot, start)
    QTest.keyClicks(start, "0830")
    assert start.text() == "08:30:00" and writes.counts() == (1, 1, 1)
    QTest.keyClick(start, Qt.Key.Key_Tab)  # on to the end time: the start is committed
    qtbot.waitUntil(stop.hasFocus)
    assert writes.counts() == (2, 2, 2)
    assert doc.port(PORT).model.primary_transport.from_time == "2000-01-01T08:30:00"
    QTest.keyClicks(stop, "17")
    QTest.keyPress(stop, Qt.Key.Key_Shift)  # ":" as a keyboard types it: Shift first
    QTest.keyClick(stop, Qt.Key.Key_Colon, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyRelease(stop, Qt.Key.Key_Shift)
    QTest.keyClicks(stop, "45")
    assert stop.text() == "17:45:00" and writes.counts() == (2, 2, 2)
    QTest.keyClick(stop, Qt.Key.Key_Return)
    assert writes.counts() == (3, 3, 3)
    assert doc.port(PORT).model.primary_transport.to_time == "2000-01-01T17:45:00"
    assert b"<FromTime>2000-01-01T08:30:00</FromTime>" in doc.workspace.export()
    QTest.keyClicks(stop, "9")
    QTest.keyClick(stop, Qt.Key.Key_Escape)
    assert stop.text() == "17:45:00"


def test_spin_box_steps_commit_and_merge_typing_waits_for_enter(
    qtbot, active: InspectorPanel, doc: WorkspaceDocument, writes: Writes
) -> None:
    show(active, PORT, 3)
    spin = active.port_editor.pages[3].retry_count.spin
    tab_into(qtbot, spin)
    QTest.keyClick(spin, Qt.Key.Key_Up)
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert writes.counts() == (2, 1, 2)  # two steps written, one undo step
    assert doc.port(PORT).model.primary_transport.retry_count == 5
    spin.selectAll()
    QTest.keyClicks(spin, "12")
    assert writes.counts() == (2, 1, 2)
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert doc.port(PORT).model.primary_transport.retry_count == 12
    assert writes.counts() == (3, 1, 3)
    spin.selectAll()
    QTest.keyClicks(spin, "4")
    QTest.keyClick(spin, Qt.Key.Key_Escape)
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 12 and writes.counts() == (3, 1, 3)
    doc.undo_stack.undo()
    assert doc.port(PORT).model.primary_transport.retry_count == 3


def test_the_adapter_list_commits_once_with_the_catalogs_defaults(
    qtbot, active: InspectorPanel, doc: WorkspaceDocument, writes: Writes
) -> None:
    from model.adapters import default_settings

    show(active, PORT, 1)
    combo = active.port_editor.pages[1].adapter
    index = combo.findText("SFTP")
    combo.setCurrentIndex(index)  # picked from the list: the view reports it as activated
    combo.activated.emit(index)
    QApplication.processEvents()
    t = doc.port(PORT).model.primary_transport
    assert writes.counts() == (1, 1, 1)
    assert t.adapter_name == "SFTP" and t.address == STORED
    assert [(p.name, p.vt, p.value) for p in t.settings.properties] == default_settings("SFTP")


def test_closing_the_main_window_saves_what_is_pending(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The main window closes the workspace in its closeEvent: the pending field is saved before."""
    from PySide6.QtCore import QSettings

    from designer.mainwindow import MainWindow
    from model.store import Workspace
    from tests.designer.test_editor_port import SAMPLE

    path = tmp_path / "w.sqlite"
    ws = Workspace(path)
    ws.import_file(SAMPLE)
    window = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.properties.show_selection([(Kind.PORT.value, PORT)])  # as a click on the canvas does
    QApplication.processEvents()
    editor = window.properties.port_editor
    editor.list.setCurrentRow(1)
    edit = editor.pages[1].address.edit
    click_into(qtbot, edit)
    QTest.keyClicks(edit, "-at-close")
    window.close()
    with Workspace(path) as again:
        assert again.port(PORT).model.address == STORED + "-at-close"


def test_group_fields_commit_on_finish(qtbot, active: InspectorPanel, doc: WorkspaceDocument) -> None:
    group = "Contoso.Orders.NewOrders"
    show(active, group)
    page = active.group_editor.page
    steps = doc.undo_stack.count()
    click_into(qtbot, page.description.edit)
    QTest.keyClicks(page.description.edit, " (all channels)")
    assert doc.undo_stack.count() == steps
    click_into(qtbot, page.name.edit)  # leaving the description commits it
    assert doc.undo_stack.count() == steps + 1
    assert doc.group(group).model.description.endswith(" (all channels)")
    QTest.keyClicks(page.name.edit, ".V2")
    assert doc.entry(Kind.GROUP, group + ".V2") is None  # a rename waits for Enter too
    QTest.keyClick(page.name.edit, Qt.Key.Key_Return)
    assert doc.entry(Kind.GROUP, group + ".V2") is not None and doc.undo_stack.count() == steps + 2
