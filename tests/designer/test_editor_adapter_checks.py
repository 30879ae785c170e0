"""Adapter values checked inline: a value of the wrong kind is marked where it is typed, refused
with the reason and the value kept, and the secrets the authentication mode needs are flagged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from designer.document import WorkspaceDocument
from designer.editors.adapter_fields import ChoiceField, SecretField, TextField
from designer.editors.adapter_form import AdapterSettingsEditor
from designer.editors.fields import is_marked
from designer.editors.port_editor import PortEditor
from model.bindings import load
from model.domain import AdapterProperty
from model.store import Workspace
from tests.designer.test_editor_adapter import Recorder, enter, focus_out, show, type_at_end
from tests.designer.test_editor_port import SAMPLE, type_into

WARNING = "#a15c00"


@pytest.fixture
def editor(qtbot) -> AdapterSettingsEditor:  # type: ignore[no-untyped-def]
    widget = AdapterSettingsEditor()
    qtbot.addWidget(widget)
    widget.resize(520, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def text_field(editor: AdapterSettingsEditor, name: str) -> TextField:
    field = editor.field(name)
    assert isinstance(field, TextField), field
    return field


def pick(field: ChoiceField, value: str) -> None:
    index = field.combo.findData(value)
    assert index >= 0, value
    field.combo.setCurrentIndex(index)
    field.combo.activated.emit(index)
    QApplication.processEvents()


def test_a_timespan_that_is_no_timespan_is_refused_and_the_value_kept(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "WCF-BasicHttp")
    timeout = text_field(editor, "OpenTimeout")
    edits = Recorder(editor)
    timeout.edit.selectAll()
    timeout.edit.del_()
    type_at_end(timeout.edit, "ten minutes")
    assert is_marked(timeout.edit)  # marked as it is typed
    assert "time span" in timeout.error.text()
    enter(timeout.edit)
    assert edits.calls == []  # never handed on
    assert editor.value() == before
    assert is_marked(timeout.edit) and timeout.edit.text() == "ten minutes"
    assert "time span" in timeout.error.text()
    assert "Not saved: the stored value (00:01:00) is kept." in timeout.error.text()
    assert "time span" in timeout.edit.toolTip()
    timeout.edit.selectAll()
    timeout.edit.del_()
    type_at_end(timeout.edit, "00:10:00")
    assert not is_marked(timeout.edit)
    focus_out(timeout.edit)
    assert edits.one().value("OpenTimeout") == "00:10:00"
    assert not timeout.error.isVisible()


def test_a_value_not_in_the_list_is_marked(editor: AdapterSettingsEditor) -> None:
    adapter, settings = "SFTP", show(editor, "SFTP")
    editor.set_value(adapter, settings.with_value("EncryptionCipher", "Rot13"))
    cipher = editor.field("EncryptionCipher")
    assert isinstance(cipher, ChoiceField)
    assert is_marked(cipher.combo) and "must be one of" in cipher.error.text()


def test_sftp_secrets_follow_the_authentication_mode(editor: AdapterSettingsEditor) -> None:
    show(editor, "SFTP")  # public key authentication, with its key file
    password = editor.field("Password")
    key = editor.field("PrivateKey")
    assert isinstance(password, SecretField) and isinstance(key, TextField)
    assert not password.note.isVisible() and not key.note.isVisible()
    mode = editor.field("ClientAuthenticationMode")
    assert isinstance(mode, ChoiceField)
    pick(mode, "Password")  # now the password is needed, and the file has none
    assert editor.value().value("ClientAuthenticationMode") == "Password"
    assert password.note.isVisible()
    assert password.note.text() == (
        "Required because ClientAuthenticationMode is Password: set it before importing into BizTalk."
    )
    assert password.note.palette().color(password.note.foregroundRole()).name() == WARNING
    assert not key.note.isVisible()  # a key file set is no problem
    type_at_end(password.edit, "s3cret")
    enter(password.edit)
    assert not password.note.isVisible()
    pick(mode, "MultiFactorAuthentication")
    assert not password.note.isVisible() and not key.note.isVisible()


def test_a_blank_secret_the_mode_does_not_need_is_no_alarm(editor: AdapterSettingsEditor) -> None:
    adapter, settings = "SB-Messaging", show(editor, "SB-Messaging")
    blanked = settings.with_value("IssuerSecret", None, 1)  # as exports blank it; ACS is off
    editor.set_value(adapter, blanked)
    issuer = editor.field("IssuerSecret")
    key = editor.field("SharedAccessKey")
    assert isinstance(issuer, SecretField) and isinstance(key, SecretField)
    assert issuer.note.text() == "Blank; the authentication mode chosen does not require it."
    assert issuer.note.palette().color(issuer.note.foregroundRole()).name() != WARNING
    # SAS is on: its key is needed and absent.
    assert key.note.isVisible() and key.note.text().startswith("Required because UseSasAuthentication is on")
    editor.set_value(adapter, blanked.with_value("UseAcsAuthentication", "-1", 11))
    assert issuer.note.text().startswith("Required because UseAcsAuthentication is on")


def test_an_adapter_without_rules_keeps_the_export_warning(editor: AdapterSettingsEditor) -> None:
    adapter, settings = "WCF-SQL", show(editor, "WCF-SQL")
    editor.set_value(adapter, settings.with_value("Password", None, 1))
    password = editor.field("Password")
    assert isinstance(password, SecretField) and password.mode_required is None
    assert password.note.text().startswith("Missing: exported binding files blank passwords.")


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(load(SAMPLE))
    document.undo_stack.clear()
    yield document
    ws.close()


def test_an_invalid_value_never_reaches_the_document(qtbot, doc: WorkspaceDocument) -> None:  # type: ignore[no-untyped-def]
    port_editor = PortEditor(doc)
    qtbot.addWidget(port_editor)
    port_editor.resize(700, 800)
    port_editor.show()
    port_editor.set_port("Orders.Pricing.WCF-BasicHttp")
    port_editor.list.setCurrentRow(1)
    QApplication.processEvents()
    timeout = port_editor.pages[1].settings.field("OpenTimeout")  # type: ignore[attr-defined]
    assert isinstance(timeout, TextField)
    before = doc.port("Orders.Pricing.WCF-BasicHttp").model
    type_into(timeout.edit, "ten minutes")
    assert doc.undo_stack.count() == 0
    assert doc.port("Orders.Pricing.WCF-BasicHttp").model == before
    assert is_marked(timeout.edit)
    type_into(timeout.edit, "00:05:00")
    settings = doc.port("Orders.Pricing.WCF-BasicHttp").model.primary_transport.settings
    assert settings is not None and settings.get("OpenTimeout") == AdapterProperty("OpenTimeout", 8, "00:05:00")
    assert doc.undo_stack.count() == 1
