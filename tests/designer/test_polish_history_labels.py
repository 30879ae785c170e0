"""The History reads in the user's words: each undo step names what changed, with the editor's
label and the port's name ("Set retry count of 'P' to 5"), never a field path; numbers and
switches show their new value, text and adapter settings (secrets among them) do not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from designer.command_texts import edit_text
from designer.document import WorkspaceDocument
from designer.panels.inspector import InspectorPanel
from model.bindings import load
from model.domain import AdapterProperty, AdapterSettings, Transport, replace
from model.lifecycle import Action, Kind, Subject
from model.store import Workspace
from tests.conftest import ROOT

SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
P = "Orders.Archive.FILE"
Q = "Orders.Pricing.WCF-BasicHttp"  # has a filter


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(load(SAMPLE))
    document.undo_stack.clear()
    yield document
    ws.close()


def last_text(doc: WorkspaceDocument) -> str:
    return doc.undo_stack.text(doc.undo_stack.count() - 1)


def with_transport(doc: WorkspaceDocument, **changes: object) -> None:
    port = doc.port(P).model
    assert port.primary_transport is not None
    doc.edit_port(P, replace(port, primary_transport=replace(port.primary_transport, **changes)))


def test_retry_count_from_the_editor_says_port_and_value(qtbot, doc: WorkspaceDocument) -> None:  # type: ignore[no-untyped-def]
    panel = InspectorPanel(doc)
    qtbot.addWidget(panel)
    panel.show_selection([("port", P)])
    panel.port_editor.list.setCurrentRow(3)
    QApplication.processEvents()
    spin = panel.port_editor.pages[3].retry_count.spin
    spin.setValue(4)
    spin.setValue(5)  # two steps of one session: one undo step, its text follows the last value
    QApplication.processEvents()
    assert doc.undo_stack.count() == 1
    assert last_text(doc) == f"Set retry count of '{P}' to 5"
    assert "primary_transport" not in last_text(doc)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: with_transport(d, address="C:\\Other\\%MessageID%.xml"), f"Change address of '{P}'"),
        (lambda d: with_transport(d, retry_interval=7), f"Set retry interval of '{P}' to 7"),
        (lambda d: d.edit_port(P, replace(d.port(P).model, priority=2)), f"Set priority of '{P}' to 2"),
        (
            lambda d: d.edit_port(P, replace(d.port(P).model, ordered_delivery=True)),
            f"Turn on ordered delivery of '{P}'",
        ),
        (lambda d: d.edit_port(P, replace(d.port(P).model, description="why")), f"Change description of '{P}'"),
        (lambda d: d.edit_port(P, replace(d.port(P).model, tracking=3)), f"Change tracking of '{P}'"),
        (
            lambda d: d.edit_port(Q, replace(d.port(Q).model, filter=None)),
            f"Clear filter of '{Q}'",
        ),
        (
            lambda d: with_transport(d, service_window_enabled=True, from_time="2000-01-01T08:00:00"),
            f"Change service window of '{P}'",
        ),
    ],
)
def test_port_edits_read_as_sentences(doc: WorkspaceDocument, edit, expected: str) -> None:  # type: ignore[no-untyped-def]
    edit(doc)
    assert doc.undo_stack.count() == 1
    assert last_text(doc) == expected


def test_backup_transport_edits_say_backup(doc: WorkspaceDocument) -> None:
    port = doc.port(P).model
    backup = port.secondary_transport or Transport()
    doc.edit_port(P, replace(port, secondary_transport=replace(backup, retry_count=6)))
    assert last_text(doc) == f"Set backup retry count of '{P}' to 6"


def test_adapter_setting_is_named_by_its_catalog_label_and_its_value_is_never_shown(doc: WorkspaceDocument) -> None:
    port = doc.port("Orders.Warehouse.FTP").model
    assert port.primary_transport is not None and port.primary_transport.settings is not None
    props = [p for p in port.primary_transport.settings.properties if p.name != "password"]
    settings = AdapterSettings(properties=(*props, AdapterProperty("password", 8, "hunter2-secret")))
    doc.edit_port(
        "Orders.Warehouse.FTP", replace(port, primary_transport=replace(port.primary_transport, settings=settings))
    )
    text = last_text(doc)
    assert text.startswith("Change ") and text.endswith(" of 'Orders.Warehouse.FTP'")
    assert "hunter2" not in text and "settings" not in text.lower() and "password" in text.lower()


def test_several_fields_are_counted_and_a_group_edit_is_named(doc: WorkspaceDocument) -> None:
    port = doc.port(P).model
    doc.edit_port(P, replace(port, priority=3, ordered_delivery=True, description="x"))
    assert last_text(doc) == f"Change 3 settings of '{P}'"
    group = next(e.name for e in doc.entries() if e.kind is Kind.GROUP)
    doc.edit_group(group, replace(doc.group(group).model, description="the group"))
    assert last_text(doc) == f"Change description of '{group}'"


def test_other_command_kinds_read_as_actions(doc: WorkspaceDocument) -> None:
    doc.perform(Action.ENLIST, [Subject.port(P)])
    assert last_text(doc) == f"Enlist {P}"
    doc.rename(Kind.PORT, P, "Orders.Archive.Renamed")
    assert last_text(doc) == f"Rename '{P}' to 'Orders.Archive.Renamed'"
    for i in range(doc.undo_stack.count()):
        assert "_" not in doc.undo_stack.text(i).replace("Orders.Archive", "")


def test_no_change_has_no_text() -> None:
    port = load(SAMPLE.read_bytes()).send_ports[0]
    assert edit_text(port.name, port, port) is None
