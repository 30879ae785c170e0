"""Secrets in the window: Copy puts binding XML with passwords blanked on the clipboard (Duplicate
keeps them), and the Raw XML tab and the pipeline configuration show them as *** while an edit
there keeps the stored value."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from test_editor_port import show
from test_window_actions import Dialogs, make_window, select, trigger

from designer.document import WorkspaceDocument
from designer.editors.adapter_form import AdapterSettingsEditor
from designer.mainwindow import MainWindow
from designer.panels.inspector import InspectorPanel
from model import bindings
from model.domain import AdapterSettings
from model.lifecycle import Kind
from model.store import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SECRET = "File-S3cret-Q"
FILE_PORT = "Orders.Archive.FILE"


def secret_file(folder: Path) -> Path:
    """01_messaging.xml with an account and its password on the FILE port."""
    text = (FIXTURES / "01_messaging.xml").read_text(encoding="utf-8")
    props = "&lt;CustomProps&gt;&lt;UseTempFileOnWrite"
    assert text.count(props) == 1
    text = text.replace(
        props,
        '&lt;CustomProps&gt;&lt;Username vt="8"&gt;CONTOSO\\svc&lt;/Username&gt;'
        f'&lt;Password vt="8"&gt;{SECRET}&lt;/Password&gt;&lt;UseTempFileOnWrite',
    )
    path = folder / "secrets.xml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    dialogs = Dialogs(monkeypatch)
    w = make_window(qtbot, tmp_path, source=secret_file(tmp_path))
    yield w
    w.close()
    assert dialogs.warnings == []


def test_copy_blanks_passwords_on_the_clipboard(window: MainWindow, qapp: QApplication) -> None:
    select(window, (Kind.PORT, FILE_PORT))
    trigger(window, "edit.copy")
    text = QGuiApplication.clipboard().text()
    assert SECRET not in text
    assert '&lt;Password vt="1" /&gt;' in text  # as BizTalk exports it
    copied = bindings.load(text.encode("utf-8"))
    assert [p.name for p in copied.send_ports] == [FILE_PORT]
    assert "ReceiveLocation" not in text  # only what was selected


def test_duplicate_keeps_the_password(window: MainWindow) -> None:
    select(window, (Kind.PORT, FILE_PORT))
    trigger(window, "edit.duplicate")
    copy = window.doc.workspace.port(f"{FILE_PORT} (2)").model
    assert copy.primary_transport is not None and copy.primary_transport.settings is not None
    prop = copy.primary_transport.settings.get("Password")
    assert prop is not None and prop.value == SECRET


def _settings(path: Path) -> AdapterSettings:
    t = bindings.load(path).port(FILE_PORT).primary_transport
    assert t is not None and t.settings is not None
    return t.settings


@pytest.fixture
def editor(qtbot, tmp_path: Path) -> AdapterSettingsEditor:
    widget = AdapterSettingsEditor()
    qtbot.addWidget(widget)
    widget.resize(620, 700)
    widget.set_value("FILE", _settings(secret_file(tmp_path)))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_raw_xml_tab_masks_the_password(editor: AdapterSettingsEditor) -> None:
    text = editor.raw.text()
    assert SECRET not in text
    assert '<Password vt="8">***</Password>' in text
    assert '<Username vt="8">CONTOSO\\svc</Username>' in text  # what is no secret shows as stored


def test_editing_the_raw_xml_keeps_the_stored_password(editor: AdapterSettingsEditor, qtbot) -> None:
    edited: list[AdapterSettings] = []
    editor.edited.connect(lambda settings, _key: edited.append(settings))
    editor.raw.edit.setPlainText(editor.raw.text().replace("CONTOSO\\svc", "CONTOSO\\other"))
    editor.raw.commit_pending()
    assert len(edited) == 1
    new = edited[0]
    username, password = new.get("Username"), new.get("Password")
    assert username is not None and username.value == "CONTOSO\\other"
    assert password is not None and password.value == SECRET and password.vt == 8
    assert SECRET not in editor.raw.text()  # shown again, still masked


def test_a_password_typed_in_the_raw_xml_replaces_the_stored_one(editor: AdapterSettingsEditor) -> None:
    edited: list[AdapterSettings] = []
    editor.edited.connect(lambda settings, _key: edited.append(settings))
    editor.raw.edit.setPlainText(editor.raw.text().replace(">***<", ">Typed-New<"))
    editor.raw.commit_pending()
    password = edited[-1].get("Password")
    assert password is not None and password.value == "Typed-New"


PIPELINE = (
    '<Root><Stages><Stage CategoryId="9d0e4108-4cce-4536-83fa-4a5040674ad6"><Components><Component Name="X">'
    '<Properties><UserName vt="8">svc</UserName><Password vt="8">Pipe-S3cret</Password></Properties>'
    "</Component></Components></Stage></Stages></Root>"
)


def test_pipeline_configuration_shows_its_password_masked(qtbot, tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "p.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(bindings.load(secret_file(tmp_path)))
    panel = InspectorPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    show(panel, FILE_PORT, 4)
    page = panel.port_editor.pages[4]
    page.send_data.text_committed.emit(PIPELINE)
    QApplication.processEvents()
    assert document.port(FILE_PORT).model.send_pipeline_data == PIPELINE
    shown = page.send_data.text()
    assert "Pipe-S3cret" not in shown and '<Password vt="8">***</Password>' in shown
    # An edit of the masked text elsewhere keeps the stored password.
    page.send_data.text_committed.emit(shown.replace(">svc<", ">svc2<"))
    QApplication.processEvents()
    assert document.port(FILE_PORT).model.send_pipeline_data == PIPELINE.replace(">svc<", ">svc2<")
    ws.close()


def test_export_from_the_window_blanks_passwords_unless_asked(window: MainWindow, tmp_path: Path, qtbot) -> None:
    window.file_flows.background = False
    blanked, kept = tmp_path / "blanked.xml", tmp_path / "kept.xml"
    window.file_flows.export_to(str(blanked))
    window.file_flows.export_to(str(kept), with_secrets=True)
    assert SECRET not in blanked.read_text(encoding="utf-8")
    assert '&lt;Password vt="1" /&gt;' in blanked.read_text(encoding="utf-8")
    assert SECRET in kept.read_text(encoding="utf-8")
    assert bindings.load(blanked.read_bytes()).send_ports[0].name == bindings.load(kept.read_bytes()).send_ports[0].name
