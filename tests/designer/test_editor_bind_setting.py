"""Binding a port's field to a setting from the editor (no typing of ``${...}``): bind to a new
or an existing setting, override in an environment, unbind; each one undo step over the port
and its settings sheet, a refused name changing nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from support.bindings import STANDARD

from designer.document import Refused, WorkspaceDocument
from designer.editors.port_editor import PortEditor
from model.bindings import load
from model.environments.table import Environment, Setting, SettingsTable, suggested_name
from model.store import Workspace


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    ws = Workspace(tmp_path / "w.sqlite", user="tester")
    ws.import_file(STANDARD)
    table = SettingsTable([Environment("Dev"), Environment("Prod")], [Setting("OutHost", "out.test")])
    ws.environments.save("", table, None)
    document = WorkspaceDocument(ws)
    yield document
    ws.close()


@pytest.fixture
def editor(qtbot, doc: WorkspaceDocument) -> PortEditor:  # type: ignore[no-untyped-def]
    widget = PortEditor(doc)
    qtbot.addWidget(widget)
    widget.resize(700, 760)
    widget.show()
    widget.set_port("A")
    widget.list.setCurrentRow(1)
    QApplication.processEvents()
    return widget


def address_edit(editor: PortEditor) -> QLineEdit:
    edit = editor.findChild(QLineEdit, "primary_transport.address")
    assert edit is not None
    return edit


def stored_address(doc: WorkspaceDocument, name: str = "A") -> str | None:
    t = doc.workspace.port(name).model.primary_transport
    return t.address if t is not None else None


def setting(doc: WorkspaceDocument, name: str) -> Setting | None:
    sheet = doc.workspace.environments.sheet("")
    return sheet.table.setting(name) if sheet is not None else None


def exported_address(data: bytes, port: str = "A") -> str | None:
    found = next(p for p in load(data).send_ports if p.name == port)
    return found.primary_transport.address if found.primary_transport else None


def test_bind_to_a_new_setting_is_one_undo_step(doc: WorkspaceDocument, editor: PortEditor) -> None:
    edit = address_edit(editor)
    old = stored_address(doc)
    assert old and "$" not in old
    dialog = editor.binder.bind_dialog(edit)
    assert dialog is not None and dialog.name_edit.text() == "A.Address"  # port and field label
    assert dialog.default_edit.text() == old
    choice = dialog.choice()
    assert choice is not None and choice.new
    count = doc.undo_stack.count()
    assert editor.binder.bind(edit, choice.name, new=True, default=choice.default)
    assert stored_address(doc) == "${A.Address}" and edit.text() == "${A.Address}"
    created = setting(doc, "A.Address")
    assert created is not None and created.default == old
    assert doc.undo_stack.count() == count + 1  # field and sheet: one step
    doc.undo_stack.undo()
    assert stored_address(doc) == old and setting(doc, "A.Address") is None
    doc.undo_stack.redo()
    assert stored_address(doc) == "${A.Address}"
    redone = setting(doc, "A.Address")
    assert redone is not None and redone.default == old


def test_bind_to_an_existing_setting(doc: WorkspaceDocument, editor: PortEditor) -> None:
    edit = address_edit(editor)
    dialog = editor.binder.bind_dialog(edit)
    assert dialog is not None
    dialog.filter_edit.setText("outh")
    visible = [dialog.list.item(r) for r in range(dialog.list.count()) if not dialog.list.item(r).isHidden()]
    assert [i.text().split()[0] for i in visible] == ["OutHost"] and dialog.existing.isChecked()
    dialog.list.setCurrentItem(visible[0])
    choice = dialog.choice()
    assert choice is not None and not choice.new and choice.name == "OutHost"
    sheet_before = doc.workspace.environments.sheet("")
    assert editor.binder.bind(edit, choice.name)
    assert stored_address(doc) == "${OutHost}"
    assert doc.workspace.environments.sheet("") == sheet_before  # the sheet is left as it was
    assert b"out.test" in doc.workspace.environments.export("Dev")
    assert not editor.binder.bind(edit, "NoSuchSetting")  # bound already: refused, nothing changed


def test_override_in_an_environment(doc: WorkspaceDocument, editor: PortEditor) -> None:
    edit = address_edit(editor)
    old = stored_address(doc)
    doc.settings.set_environment("Prod")
    menu = editor.binder.menu_for(edit)
    override = next(a for a in menu.actions() if a.objectName() == "overrideSetting")
    assert override.isEnabled() and "Prod" in override.text()
    count = doc.undo_stack.count()
    assert editor.binder.override(edit, r"C:\prod\out\%MessageID%.xml")
    assert stored_address(doc) == "${A.Address}"
    created = setting(doc, "A.Address")
    assert created is not None and created.default == old
    assert created.value_in("Prod") == r"C:\prod\out\%MessageID%.xml" and created.value_in("Dev") == old
    assert doc.undo_stack.count() == count + 1
    ws = doc.workspace
    assert exported_address(ws.environments.export("Prod")) == r"C:\prod\out\%MessageID%.xml"
    assert exported_address(ws.environments.export("Dev")) == old
    assert exported_address(ws.export()) == "${A.Address}"  # the design keeps the token
    # a bound field: only the value changes, again one step
    assert editor.binder.override(edit, r"D:\other")
    again = setting(doc, "A.Address")
    assert again is not None and again.value_in("Prod") == r"D:\other"
    doc.undo_stack.undo()
    back = setting(doc, "A.Address")
    assert back is not None and back.value_in("Prod") == r"C:\prod\out\%MessageID%.xml"
    doc.undo_stack.undo()
    assert stored_address(doc) == old and setting(doc, "A.Address") is None


def test_override_needs_an_environment(doc: WorkspaceDocument, editor: PortEditor) -> None:
    edit = address_edit(editor)
    menu = editor.binder.menu_for(edit)
    assert not next(a for a in menu.actions() if a.objectName() == "overrideSetting").isEnabled()
    count = doc.undo_stack.count()
    assert not editor.binder.override(edit, "x")
    assert doc.undo_stack.count() == count and "environment" in editor.message.text()


def test_unbind_puts_the_value_back(doc: WorkspaceDocument, editor: PortEditor) -> None:
    edit = address_edit(editor)
    assert editor.binder.bind(edit, "OutHost")
    menu = editor.binder.menu_for(edit)
    assert next(a for a in menu.actions() if a.objectName() == "unbindSetting").isEnabled()
    assert not next(a for a in menu.actions() if a.objectName() == "bindSetting").isEnabled()
    assert editor.binder.unbind(edit)  # no environment: the default
    assert stored_address(doc) == "out.test"
    assert setting(doc, "OutHost") is not None  # the setting stays
    doc.undo_stack.undo()
    QApplication.processEvents()  # the editor re-reads the port
    assert stored_address(doc) == "${OutHost}" and edit.text() == "${OutHost}"
    table = doc.workspace.environments.sheet("").table
    table.settings[0].values["Prod"] = "prod.test"
    doc.settings.save("", table, "Set OutHost")
    doc.settings.set_environment("Prod")
    assert editor.binder.unbind(edit)
    assert stored_address(doc) == "prod.test"


def test_an_invalid_name_is_refused_and_nothing_changes(doc: WorkspaceDocument, editor: PortEditor) -> None:
    edit = address_edit(editor)
    old = stored_address(doc)
    sheet = doc.workspace.environments.sheet("")
    count = doc.undo_stack.count()
    dialog = editor.binder.bind_dialog(edit)
    assert dialog is not None
    dialog.name_edit.setText("1 bad name")
    assert dialog.choice() is None and "cannot name a setting" in dialog.message.text()
    dialog.name_edit.setText("outhost")  # taken, in another spelling
    assert dialog.choice() is None and "already" in dialog.message.text()
    assert not editor.binder.bind(edit, "1 bad name", new=True)
    assert "cannot name a setting" in editor.message.text()
    assert stored_address(doc) == old and edit.text() == old
    assert doc.workspace.environments.sheet("") == sheet and doc.undo_stack.count() == count


def test_a_refused_field_edit_takes_the_new_setting_back(
    doc: WorkspaceDocument, editor: PortEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit = address_edit(editor)
    old = stored_address(doc)
    edit.setEnabled(False)  # a locked field offers nothing
    assert not next(a for a in editor.binder.menu_for(edit).actions() if a.objectName() == "bindSetting").isEnabled()
    edit.setEnabled(True)
    sheet = doc.workspace.environments.sheet("")
    count = doc.undo_stack.count()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise Refused("port A was changed by someone else")

    monkeypatch.setattr(doc, "edit_port", refuse)
    assert not editor.binder.bind(edit, "Fresh", new=True)
    assert "someone else" in editor.message.text()
    assert stored_address(doc) == old and edit.text() == old
    assert doc.workspace.environments.sheet("").table == sheet.table and setting(doc, "Fresh") is None
    assert doc.undo_stack.count() == count and doc.undo_stack.index() == count


def test_suggested_names_are_valid_and_free() -> None:
    table = SettingsTable([], [Setting("A.Address")])
    assert suggested_name(["A", "Address (URI):"], table) == "A.Address2"
    assert suggested_name(["9 lives", "Send handler (host)"], None) == "_9Lives.SendHandler"
    assert suggested_name(["Orders.Out.FILE", "Backup", "FileName"], None) == "Orders.Out.FILE.Backup.FileName"
