"""Console settings the port editor shows besides the primary transport: the backup transport's
retries and service window, and the pickers of send handler hosts and pipelines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from designer.document import WorkspaceDocument
from designer.editors.known_values import DEFAULT_HOST, KnownValues, default_pipelines
from designer.editors.pick_row import PickRow
from designer.editors.port_editor import PortEditor
from designer.editors.transport_page import TransportPage
from model.bindings import load
from model.store import Workspace
from tests.designer.test_editor_port import SAMPLE, type_into

BACKUP_PAGE, ADVANCED_PAGE, PIPELINES_PAGE = 2, 3, 4
WITH_BACKUP = "Billing.Invoices.SFTP"  # backup transport on FILE
NO_BACKUP = "Orders.Archive.FILE"
DYNAMIC = "Orders.Dynamic.Partner"
FQN_TAIL = ", Microsoft.BizTalk.DefaultPipelines, Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(load(SAMPLE))
    document.undo_stack.clear()
    yield document
    ws.close()


@pytest.fixture
def editor(qtbot, doc: WorkspaceDocument) -> PortEditor:  # type: ignore[no-untyped-def]
    widget = PortEditor(doc)
    qtbot.addWidget(widget)
    widget.resize(700, 800)
    widget.show()
    QApplication.processEvents()
    # Nothing is read for the pickers until a port is shown; then what the workspace's ports use.
    assert widget.known.hosts() == [DEFAULT_HOST]
    widget.set_port(NO_BACKUP)
    assert len(widget.known.hosts()) >= 1
    return widget


def open_page(editor: PortEditor, port: str, page: int) -> TransportPage:
    editor.set_port(port)
    editor.list.setCurrentRow(page)
    QApplication.processEvents()
    return editor.pages[page]  # type: ignore[return-value]


def exported_transport(doc: WorkspaceDocument, port: str, which: str) -> etree._Element:
    root = etree.fromstring(doc.workspace.export())
    found = root.find(f"SendPortCollection/SendPort[@Name='{port}']/{which}")
    assert found is not None
    return found


def step(spin: QSpinBox, steps: int) -> None:
    spin.setFocus()
    spin.stepBy(steps)
    QApplication.processEvents()


# -- the backup transport's retries and service window --------------------------------------


def test_backup_retries_are_edited_written_and_undone(editor: PortEditor, doc: WorkspaceDocument) -> None:
    page = open_page(editor, WITH_BACKUP, BACKUP_PAGE)
    assert page.options is not None
    before = doc.port(WITH_BACKUP).model
    primary, backup_before = before.primary_transport, before.secondary_transport
    assert (backup_before.retry_count, backup_before.retry_interval) == (3, 5)
    assert (primary.retry_count, primary.retry_interval) == (5, 15)  # the sample's primary differs
    count, interval = page.options.retry_count.spin, page.options.retry_interval.spin
    assert count.isEnabled() and interval.isEnabled()
    assert (count.value(), interval.value()) == (3, 5)  # the backup's, not the primary's
    step(count, 4)
    step(interval, 10)
    port = doc.port(WITH_BACKUP).model
    assert port.secondary_transport.retry_count == 3 + 4
    assert port.secondary_transport.retry_interval == 5 + 10
    assert port.primary_transport == primary  # the primary's stay
    backup = exported_transport(doc, WITH_BACKUP, "SecondaryTransport")
    assert backup.findtext("RetryCount") == "7" and backup.findtext("RetryInterval") == "15"
    assert exported_transport(doc, WITH_BACKUP, "PrimaryTransport").findtext("RetryCount") == "5"
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    QApplication.processEvents()
    t = doc.port(WITH_BACKUP).model.secondary_transport
    assert (t.retry_count, t.retry_interval) == (3, 5)
    assert page.options.retry_count.spin.value() == 3  # the editor follows the undo


def test_backup_service_window_turns_on_and_takes_times(editor: PortEditor, doc: WorkspaceDocument) -> None:
    page = open_page(editor, WITH_BACKUP, BACKUP_PAGE)
    assert page.options is not None
    rows = page.options
    before_primary = exported_transport(doc, WITH_BACKUP, "PrimaryTransport")
    assert not rows.service_window.box.isChecked()
    assert not rows.start.edit.isEnabled()
    assert rows.start.edit.toolTip() == "Turn the service window on first."
    rows.service_window.box.click()
    QApplication.processEvents()
    assert doc.port(WITH_BACKUP).model.secondary_transport.service_window_enabled is True
    assert rows.start.edit.isEnabled()
    rows.start.edit.setFocus()
    rows.start.edit.setSelectedSection(rows.start.edit.Section.HourSection)
    rows.start.edit.stepBy(8)  # 00:00:00 -> 08:00:00
    QApplication.processEvents()
    backup = exported_transport(doc, WITH_BACKUP, "SecondaryTransport")
    assert backup.findtext("ServiceWindowEnabled") == "true"
    assert backup.findtext("FromTime") == "2000-01-01T08:00:00"
    primary = exported_transport(doc, WITH_BACKUP, "PrimaryTransport")
    assert primary.findtext("FromTime") == before_primary.findtext("FromTime")  # the primary's stays
    doc.undo_stack.undo()  # the time is its own step: the window stays on
    t = doc.port(WITH_BACKUP).model.secondary_transport
    assert (t.service_window_enabled, t.from_time) == (True, "2000-01-01T00:00:00")


def test_backup_options_are_locked_without_a_backup_and_on_a_dynamic_port(editor: PortEditor) -> None:
    page = open_page(editor, NO_BACKUP, BACKUP_PAGE)
    assert page.options is not None
    for widget in (page.options.retry_count.spin, page.options.retry_interval.spin, page.options.service_window.box):
        assert not widget.isEnabled()
        assert widget.toolTip() == "Turn the backup transport on first."
    page.use_backup.box.click()  # turning the backup on frees them
    QApplication.processEvents()
    assert page.options.retry_count.spin.isEnabled() and page.options.service_window.box.isEnabled()
    page = open_page(editor, DYNAMIC, BACKUP_PAGE)
    assert page.options is not None
    assert not page.options.retry_count.spin.isEnabled()
    assert page.options.retry_count.spin.toolTip() == "A dynamic send port has no backup transport."


def test_a_backup_option_problem_focuses_its_field(editor: PortEditor) -> None:
    editor.set_port(WITH_BACKUP)
    assert editor.focus_field("secondary_transport.retry_interval")
    assert editor.list.currentRow() == BACKUP_PAGE
    page = editor.pages[BACKUP_PAGE]
    assert isinstance(page, TransportPage) and page.options is not None
    assert page.fields["secondary_transport.retry_interval"] is page.options.retry_interval.spin
    assert editor.focus_field("primary_transport.retry_interval")
    assert editor.list.currentRow() == ADVANCED_PAGE


# -- pickers -----------------------------------------------------------------------------


def test_send_handler_picker_lists_the_workspaces_hosts(editor: PortEditor, doc: WorkspaceDocument) -> None:
    page = open_page(editor, NO_BACKUP, 1)
    row = page.handler
    assert isinstance(row, PickRow) and isinstance(row.combo, QComboBox) and row.combo.isEditable()
    # BizTalk's default host, and every host a port of the sample uses (read in the background).
    assert row.choices() == sorted([DEFAULT_HOST, "ContosoSendHost", "ContosoSendHost_WCF"], key=str.lower)
    assert row.text() == "ContosoSendHost"  # the list does not change what the field shows
    index = row.combo.findText("ContosoSendHost_WCF")
    row.combo.setCurrentIndex(index)
    row.combo.activated.emit(index)  # as picking it from the list does
    QApplication.processEvents()
    handler = doc.port(NO_BACKUP).model.primary_transport.send_handler
    assert handler is not None and handler.name == "ContosoSendHost_WCF"
    assert doc.undo_stack.count() == 1
    type_into(row.edit, "NewHost")  # a host no port uses yet can be typed
    assert doc.port(NO_BACKUP).model.primary_transport.send_handler.name == "NewHost"
    editor.set_port(WITH_BACKUP)
    assert "NewHost" in page.handler.choices()  # what the workspace has now is listed


def test_pipeline_picker_sets_fully_qualified_names(editor: PortEditor, doc: WorkspaceDocument) -> None:
    page = open_page(editor, NO_BACKUP, PIPELINES_PAGE)
    send = page.send  # type: ignore[attr-defined]
    assert isinstance(send, PickRow)
    names = send.choices()
    assert "Microsoft.BizTalk.DefaultPipelines.PassThruTransmit" in names
    assert "Microsoft.BizTalk.DefaultPipelines.XMLTransmit" in names
    assert "Contoso.Billing.Pipelines.SecureInvoiceSend" in names  # used by another port
    index = names.index("Contoso.Billing.Pipelines.SecureInvoiceSend")
    assert send.combo.itemData(index, Qt.ItemDataRole.ToolTipRole).startswith(
        "Contoso.Billing.Pipelines.SecureInvoiceSend, Contoso.Billing.Pipelines, Version=1.0.0.0"
    )
    send.combo.setCurrentIndex(index)
    send.combo.activated.emit(index)
    QApplication.processEvents()
    pipeline = doc.port(NO_BACKUP).model.send_pipeline
    assert pipeline is not None and pipeline.name == "Contoso.Billing.Pipelines.SecureInvoiceSend"
    # the assembly it was seen with, not the previous pipeline's
    assert pipeline.fully_qualified_name == (
        "Contoso.Billing.Pipelines.SecureInvoiceSend, Contoso.Billing.Pipelines, Version=1.0.0.0, "
        "Culture=neutral, PublicKeyToken=8f3b2c61d4a97e05"
    )
    index = send.combo.findText("Microsoft.BizTalk.DefaultPipelines.XMLTransmit")
    send.combo.setCurrentIndex(index)
    send.combo.activated.emit(index)
    QApplication.processEvents()
    pipeline = doc.port(NO_BACKUP).model.send_pipeline
    assert pipeline.fully_qualified_name == "Microsoft.BizTalk.DefaultPipelines.XMLTransmit" + FQN_TAIL


def test_receive_pipeline_picker_is_locked_on_a_one_way_port(editor: PortEditor) -> None:
    page = open_page(editor, NO_BACKUP, PIPELINES_PAGE)
    receive = page.receive  # type: ignore[attr-defined]
    assert not receive.combo.isEnabled()
    assert receive.combo.toolTip() == "A one-way send port gets no response: it has no receive pipeline."
    assert {
        "Microsoft.BizTalk.DefaultPipelines.PassThruReceive",
        "Microsoft.BizTalk.DefaultPipelines.XMLReceive",
    } <= set(receive.choices())


def test_default_pipelines_carry_their_assembly() -> None:
    send = {p.name: p for p in default_pipelines("send")}
    receive = {p.name: p for p in default_pipelines("receive")}
    for name, pipeline in [*send.items(), *receive.items()]:
        assert pipeline.fully_qualified_name == name + FQN_TAIL
    assert {p.type for p in send.values()} == {2} and {p.type for p in receive.values()} == {1}


def test_known_values_keep_the_first_fully_qualified_name() -> None:
    from model.domain import Pipeline, SendHandler, Transport, new_send_port, replace

    known = KnownValues()
    port = new_send_port("P")
    seen = Pipeline(name="A.Send", fully_qualified_name="A.Send, A, Version=2.0.0.0", type=2)
    port = replace(
        port,
        send_pipeline=seen,
        secondary_transport=Transport(primary=False, send_handler=SendHandler(name="BackupHost")),
    )
    known.add_port(port)
    known.add_port(replace(port, send_pipeline=Pipeline(name="A.Send", type=2)))  # no assembly: ignored
    assert known.pipeline("send", "A.Send") == seen
    assert known.hosts() == ["BackupHost", DEFAULT_HOST]


def test_typing_a_listed_host_and_enter_is_one_edit(qtbot, editor: PortEditor, doc: WorkspaceDocument) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest

    page = open_page(editor, NO_BACKUP, 1)
    edit = page.handler.edit
    editor.window().activateWindow()
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "ContosoSendHost_WCF")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QApplication.processEvents()
    handler = doc.port(NO_BACKUP).model.primary_transport.send_handler
    assert handler is not None and handler.name == "ContosoSendHost_WCF"
    assert doc.undo_stack.count() == 1
    assert page.handler.choices().count("ContosoSendHost_WCF") == 1  # typing adds nothing to the list
