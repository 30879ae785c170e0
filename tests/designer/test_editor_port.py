"""The port and group editors over a real workspace: showing changes nothing, every page's
edit reaches the exported file and undoes, invalid input never reaches the model. (How and
when a field commits is ``test_editor_commit``'s subject.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTime
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from designer.document import WorkspaceDocument
from designer.editors.fields import INVALID_PROPERTY
from designer.panels.inspector import InspectorPanel
from model.bindings import load
from model.bindings.compare import compare_files
from model.lifecycle import Action, Kind, Subject
from model.store import Workspace
from tests.conftest import ROOT, corpus_files

SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(load(SAMPLE))
    document.undo_stack.clear()
    yield document
    ws.close()


@pytest.fixture
def inspector(qtbot, doc: WorkspaceDocument) -> InspectorPanel:  # type: ignore[no-untyped-def]
    panel = InspectorPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(560, 760)
    panel.show()
    return panel


def show(inspector: InspectorPanel, name: str, page: int | None = None) -> None:
    kind = "port" if inspector.port_editor.doc.entry(Kind.PORT, name) else "group"
    inspector.show_selection([(kind, name)])
    if page is not None:
        inspector.port_editor.list.setCurrentRow(page)
    QApplication.processEvents()


def type_into(edit: QLineEdit, text: str) -> None:
    """Type over a line edit's text and finish with Enter."""
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # emits textEdited like typing
    edit.editingFinished.emit()  # as Enter does
    QApplication.processEvents()


def leave(widget: QWidget) -> None:
    """The field loses focus (which commits a text box)."""
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))
    QApplication.processEvents()


def differences(doc: WorkspaceDocument, original: bytes) -> list[str]:
    report = compare_files(original, doc.workspace.export())
    return [f"{d.label or d.path}: {d.message}" for d in report.differences] + [
        f"{k} {n}" for k, n in report.added + report.removed
    ]


@pytest.mark.slow
def test_showing_every_page_of_every_port_changes_nothing(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    before = doc.workspace.export()
    for entry in doc.entries():
        inspector.show_selection([(entry.kind.value, entry.name)])
        if entry.kind is Kind.PORT:
            for page in range(inspector.port_editor.list.count()):
                inspector.port_editor.list.setCurrentRow(page)
                QApplication.processEvents()
    assert doc.undo_stack.count() == 0
    assert doc.workspace.export() == before


@pytest.mark.parametrize("path", corpus_files()[:6] or [SAMPLE], ids=lambda p: Path(p).name[:24])
def test_showing_corpus_ports_changes_nothing(qtbot, tmp_path: Path, path: Path) -> None:  # type: ignore[no-untyped-def]
    data = Path(path).read_bytes()
    with Workspace(tmp_path / "c.sqlite") as ws:
        doc = WorkspaceDocument(ws)
        doc.import_document(load(data))
        doc.undo_stack.clear()
        panel = InspectorPanel(doc)
        qtbot.addWidget(panel)
        for entry in doc.entries():
            panel.show_selection([(entry.kind.value, entry.name)])
            if entry.kind is Kind.PORT:
                for page in range(panel.port_editor.list.count()):
                    panel.port_editor.list.setCurrentRow(page)
        QApplication.processEvents()
        assert doc.undo_stack.count() == 0
        assert ws.export() == data


def test_general_description_edit_reaches_the_file_and_undoes(
    inspector: InspectorPanel, doc: WorkspaceDocument
) -> None:
    original = doc.workspace.export()
    show(inspector, "Orders.Archive.FILE", 0)
    desc = inspector.port_editor.general.description.edit
    desc.setPlainText("Archive of every order")
    QApplication.processEvents()
    assert doc.undo_stack.count() == 0  # not yet: a text box commits when it is left
    leave(desc)
    assert doc.port("Orders.Archive.FILE").model.description == "Archive of every order"
    assert any("Description" in d for d in differences(doc, original))
    assert b"<Description>Archive of every order</Description>" in doc.workspace.export()
    doc.undo_stack.undo()
    assert doc.workspace.export() == original


def test_each_finished_edit_is_one_undo_step(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 1)
    page = inspector.port_editor.pages[1]
    edit = page.address.edit
    edit.setFocus()
    for text in ("C:\\x", "C:\\xy", "C:\\xyz"):
        edit.setText(text)
        edit.textEdited.emit(text)
        QApplication.processEvents()
    assert doc.undo_stack.count() == 0
    edit.editingFinished.emit()
    assert doc.undo_stack.count() == 1
    assert doc.port("Orders.Archive.FILE").model.address == "C:\\xyz"
    edit.editingFinished.emit()  # finishing again without a change commits nothing
    assert doc.undo_stack.count() == 1
    type_into(edit, "C:\\other")  # type: ignore[arg-type]
    assert doc.undo_stack.count() == 2
    assert doc.undo_stack.text(1) == "Change address of 'Orders.Archive.FILE'"


def test_empty_address_of_a_static_port_is_refused_inline(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 1)
    page = inspector.port_editor.pages[1]
    before = doc.port("Orders.Archive.FILE").model
    page.address.edit.setText("")
    page.address.edit.textEdited.emit("")
    QApplication.processEvents()
    assert page.address.error.isVisibleTo(page) and "address" in page.address.error.text().lower()
    assert doc.port("Orders.Archive.FILE").model == before
    assert doc.undo_stack.count() == 0


def test_advanced_page_edits_reach_the_file(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 3)
    page = inspector.port_editor.pages[3]
    page.retry_count.spin.setValue(9)
    page.priority.spin.setValue(2)
    page.service_window.box.setChecked(True)
    QApplication.processEvents()
    page = inspector.port_editor.pages[3]
    page.start.edit.setTime(QTime(8, 30, 0))
    page.start.edit.editingFinished.emit()
    QApplication.processEvents()
    port = doc.port("Orders.Archive.FILE").model
    assert port.primary_transport.retry_count == 9 and port.priority == 2
    assert port.primary_transport.service_window_enabled is True
    assert port.primary_transport.from_time.endswith("T08:30:00")
    xml = doc.workspace.export()
    assert b"<RetryCount>9</RetryCount>" in xml and b"<Priority>2</Priority>" in xml
    for _ in range(4):
        doc.undo_stack.undo()
    assert doc.port("Orders.Archive.FILE").model.priority == 5


def test_stop_on_failure_needs_ordered_delivery(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 3)
    page = inspector.port_editor.pages[3]
    assert not page.stop_on_failure.box.isEnabled()
    page.ordered.box.setChecked(True)
    QApplication.processEvents()
    page = inspector.port_editor.pages[3]
    assert page.stop_on_failure.box.isEnabled()
    page.stop_on_failure.box.setChecked(True)
    QApplication.processEvents()
    assert doc.port("Orders.Archive.FILE").model.stop_sending_on_failure is True
    page.ordered.box.setChecked(False)  # turning ordered delivery off turns the dependent option off too
    QApplication.processEvents()
    port = doc.port("Orders.Archive.FILE").model
    assert port.ordered_delivery is False and port.stop_sending_on_failure is False


def test_tracking_flags(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 8)
    page = inspector.port_editor.pages[8]
    before = doc.port("Orders.Archive.FILE").model.tracking
    first = next(iter(page.boxes.values()))
    first.setChecked(not first.isChecked())
    QApplication.processEvents()
    after = doc.port("Orders.Archive.FILE").model.tracking
    assert after ^ before == 1
    assert f"<Tracking>{after}</Tracking>".encode() in doc.workspace.export()


def test_maps_page_adds_a_map(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 5)
    page = inspector.port_editor.pages[5]
    table = page.tables["outbound_maps"]
    page._add("outbound_maps")
    table.item(table.rowCount() - 1, 0).setText("Contoso.Maps.OrderToArchive")
    QApplication.processEvents()
    maps = doc.port("Orders.Archive.FILE").model.outbound_maps
    assert maps[-1].full_name == "Contoso.Maps.OrderToArchive"
    assert b'FullName="Contoso.Maps.OrderToArchive"' in doc.workspace.export()


def test_one_way_port_has_no_receive_pipeline_or_inbound_maps(inspector: InspectorPanel) -> None:
    show(inspector, "Orders.Archive.FILE", 4)
    assert not inspector.port_editor.pages[4].receive.edit.isEnabled()
    assert not inspector.port_editor.pages[5].tables["inbound_maps"].isEnabled()


def test_solicit_response_port_offers_only_two_way_adapters(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    from model import adapters

    two_way = next(e for e in doc.entries() if e.kind is Kind.PORT and e.is_two_way and e.is_static)
    show(inspector, two_way.name, 1)
    combo = inspector.port_editor.pages[1].adapter
    offered = {combo.itemText(i) for i in range(combo.count())} - {two_way.adapter}
    assert offered and offered <= set(adapters.two_way_adapters())
    assert "FILE" not in offered


def test_dynamic_port_has_no_backup_transport(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    dynamic = next(e for e in doc.entries() if e.kind is Kind.PORT and not e.is_static)
    show(inspector, dynamic.name, 2)
    page = inspector.port_editor.pages[2]
    assert not page.use_backup.box.isEnabled()
    assert "dynamic" in page.note.text().lower()


def test_rename_from_the_general_page_updates_groups(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 0)
    edit = inspector.port_editor.general.name.edit
    edit.setText("Orders.Archive2.FILE")
    edit.editingFinished.emit()
    QApplication.processEvents()
    assert doc.entry(Kind.PORT, "Orders.Archive2.FILE") is not None
    groups = [e for e in doc.entries() if e.kind is Kind.GROUP and "Orders.Archive2.FILE" in e.members]
    assert groups, "the groups listing the port follow the rename"
    assert inspector.port_editor.name == "Orders.Archive2.FILE"


def test_taken_name_is_refused_inline(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 0)
    general = inspector.port_editor.general
    general.name.edit.setText("Orders.CRM.SB")
    general.name.edit.textEdited.emit("Orders.CRM.SB")
    general.name.edit.editingFinished.emit()
    QApplication.processEvents()
    assert "already exists" in general.name.error.text()
    assert doc.entry(Kind.PORT, "Orders.Archive.FILE") is not None


def test_group_editor_membership_under_the_rules(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    group = "Contoso.Orders.NewOrders"
    show(inspector, group)
    editor = inspector.group_editor
    candidates = [editor.page.candidates.itemText(i) for i in range(editor.page.candidates.count())]
    assert candidates and all(
        doc.entry(Kind.PORT, c).is_static and not doc.entry(Kind.PORT, c).is_two_way for c in candidates
    )
    editor._add([candidates[0]])
    assert candidates[0] in doc.entry(Kind.GROUP, group).members
    # A started member cannot be removed: refused with the reason, nothing changes.
    doc.perform(Action.START, [Subject.port(candidates[0])])
    editor._remove([candidates[0]])
    assert candidates[0] in doc.entry(Kind.GROUP, group).members
    assert "stop" in editor.page.member_error.text().lower()


def test_group_description_limit_is_inline(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    group = "Contoso.Orders.NewOrders"
    show(inspector, group)
    before = doc.group(group).model
    inspector.group_editor.page.description.edit.setPlainText("x" * 300)
    QApplication.processEvents()
    assert "256" in inspector.group_editor.page.description.error.text()
    assert doc.group(group).model == before


def test_focus_field_opens_the_page(inspector: InspectorPanel) -> None:
    show(inspector, "Orders.Archive.FILE", 0)
    assert inspector.focus_field("priority")
    assert inspector.port_editor.list.currentRow() == 3
    assert inspector.focus_field("primary_transport.address")
    assert inspector.port_editor.list.currentRow() == 1
    assert inspector.focus_field("primary_transport.retry_count")
    assert inspector.port_editor.list.currentRow() == 3
    assert inspector.focus_field("filter.groups[0].statements[0]")
    assert inspector.port_editor.list.currentRow() == 6


def test_problems_dock_click_selects_and_focuses_the_field(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A blanked password in the sample: double-clicking its problem selects the port, opens the
    Transport page and focuses the password field."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from designer.mainwindow import MainWindow

    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    window = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.problems.refresh_now()
        view = window.problems.view
        model = view.model()
        row = next(
            r
            for r in range(model.rowCount())
            if "password" in str(model.index(r, 3).data()).lower()
            and "SMTP" in " ".join(str(model.index(r, c).data()) for c in range(model.columnCount()))
        )
        index = model.index(row, 0)
        view.scrollTo(index)
        rect = view.visualRect(index)
        with qtbot.waitSignal(window.problems.problem_activated, timeout=2000):
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QApplication.processEvents()
        assert window.scene.selected_keys() == [(Kind.PORT, "Orders.Customer.Notify.SMTP")]
        editor = window.properties.port_editor
        assert editor.name == "Orders.Customer.Notify.SMTP"
        assert editor.list.currentRow() == 1  # Transport
        focused = QApplication.focusWidget()
        assert focused is not None and editor.isAncestorOf(focused)
        field = editor.pages[1].settings.field("Password")
        assert field is not None and field.isAncestorOf(focused)
    finally:
        window.close()


def _emit(page, model, key="test") -> None:  # type: ignore[no-untyped-def]
    page.changed.emit(model, key, "edit")
    QApplication.processEvents()


def test_filters_page_edit_reaches_the_file_and_undoes(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    from model.domain import Filter, FilterGroup, FilterStatement

    original = doc.workspace.export()
    show(inspector, "Orders.Archive.FILE", 6)
    builder = inspector.port_editor.pages[6].builder
    new = Filter(
        groups=(
            FilterGroup(statements=(FilterStatement(property="BTS.ReceivePortName", operator=0, value="Orders.In"),)),
        )
    )
    builder.edited.emit(new, "filter#x")
    QApplication.processEvents()
    assert doc.port("Orders.Archive.FILE").model.filter == new
    assert "Orders.In" in doc.workspace.export().decode("utf-8")
    assert any("Filter" in d for d in differences(doc, original))
    doc.undo_stack.undo()
    assert doc.workspace.export() == original


def test_pipelines_page_configuration_reaches_the_file(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    original = doc.workspace.export()
    show(inspector, "Orders.Archive.FILE", 4)
    page = inspector.port_editor.pages[4]
    page.send_data.text_committed.emit("<Root><Stages /></Root>")
    QApplication.processEvents()
    assert doc.port("Orders.Archive.FILE").model.send_pipeline_data == "<Root><Stages /></Root>"
    assert "&lt;Root&gt;&lt;Stages /&gt;&lt;/Root&gt;" in doc.workspace.export().decode("utf-8")
    doc.undo_stack.undo()
    assert doc.workspace.export() == original


def test_certificate_page_reaches_the_file(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    show(inspector, "Orders.Archive.FILE", 7)
    page = inspector.port_editor.pages[7]
    type_into(page.thumbprint.edit, "AB12CD")  # type: ignore[arg-type]
    assert doc.port("Orders.Archive.FILE").model.encryption_cert.thumbprint == "AB12CD"
    assert b'ThumbPrint="AB12CD"' in doc.workspace.export()


def test_backup_transport_can_be_turned_on_and_off(inspector: InspectorPanel, doc: WorkspaceDocument) -> None:
    original = doc.workspace.export()
    name = next(
        e.name
        for e in doc.entries()
        if e.kind is Kind.PORT and e.is_static and not doc.port(e.name).model.secondary_transport.is_configured
    )  # type: ignore[union-attr]
    original_backup = doc.port(name).model.secondary_transport
    show(inspector, name, 2)
    page = inspector.port_editor.pages[2]
    assert not page.use_backup.box.isChecked() and not page.adapter.isEnabled()
    page.use_backup.box.setChecked(True)
    QApplication.processEvents()
    backup = doc.port(name).model.secondary_transport
    primary = doc.port(name).model.primary_transport
    assert backup is not None and backup.is_configured and not backup.primary
    assert backup.adapter_name == primary.adapter_name  # type: ignore[union-attr]
    # the page now shows the backup as on, ready for an address
    assert page.use_backup.box.isChecked() and page.adapter.isEnabled()
    assert page.adapter.currentText() == backup.adapter_name
    assert page.address.edit.property(INVALID_PROPERTY)  # the address is still to be filled in
    assert "backup transport needs an address" in page.address.edit.toolTip()
    page.use_backup.box.setChecked(False)
    QApplication.processEvents()
    off = doc.port(name).model.secondary_transport
    # BizTalk's "no backup": the element stays, empty, with its retry values
    assert off is not None and not off.is_configured and off.retry_count == backup.retry_count
    assert not page.adapter.isEnabled()
    assert off == original_backup  # on then off writes back what the file had
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.workspace.export() == original
