"""The routing panel: a message's context in, its recipients out (with BizTalk's outcome), the
canvas ringing them; a context file from the console loads; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from designer.mainwindow import MainWindow
from model.domain import Filter, FilterGroup, FilterOperator, FilterStatement, SendPortGroup, new_send_port, replace
from model.lifecycle import Action, Kind, Subject
from model.routing.context_file import qualified_name, read_context
from model.store import Workspace

#: A (filter: MessageType == Order) started; B (same) only enlisted; C (no filter of its own)
#: in group G (filter MessageType == Order), both started; D unenlisted (MessageType == Order).
ORDER = "urn:orders#Order"


def _filter(prop: str, value: str) -> Filter:
    statement = FilterStatement(property=prop, operator=FilterOperator.EQUALS, value=value)
    return Filter(groups=(FilterGroup(statements=(statement,)),))


def _design(tmp_path: Path) -> Workspace:
    order = _filter("BTS.MessageType", ORDER)
    ports = [
        replace(new_send_port(n, address=f"C:\\out\\{n}\\%MessageID%.xml"), filter=f)
        for n, f in (("A", order), ("B", order), ("C", None), ("D", order))
    ]
    group = SendPortGroup(name="G", members=("C",), filter=order)
    ws = Workspace(tmp_path / "w.sqlite", user="tester")
    ws.create([(p, "App", None, None) for p in ports], [(group, "App", None, None)])
    ws.perform(Action.ENLIST, [Subject.port("A"), Subject.port("B"), Subject.port("C"), Subject.group("G")])
    ws.perform(Action.START, [Subject.port("A"), Subject.port("C"), Subject.group("G")])
    return ws


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(_design(tmp_path), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    return w


def test_recipients_with_their_outcomes_and_the_canvas_rings(window: MainWindow, tmp_path: Path) -> None:
    panel = window.routing_panel
    before = window.doc.workspace.audit()
    panel.add_property("BTS.MessageType", ORDER)
    panel.route()
    rows = {
        panel.results.topLevelItem(i).text(0): panel.results.topLevelItem(i).text(1)
        for i in range(panel.results.topLevelItemCount())
    }
    assert rows["A"] == "delivered" and rows["B"] == "suspended" and rows["C"] == "delivered"
    assert rows["D"] == "not subscribed"
    rings = window.route_view.shown()
    assert rings[(Kind.PORT, "A")] == "delivered" and rings[(Kind.PORT, "B")] == "suspended"
    assert (Kind.PORT, "A") in window.route_view.layer and (Kind.GROUP, "G") in window.route_view.layer
    assert "2 delivered, 1 suspended, 1 not subscribed" in panel.status.text()
    assert window.doc.workspace.audit() == before  # reading only


def test_a_routing_failure_and_a_bad_value_are_said(window: MainWindow) -> None:
    panel = window.routing_panel
    panel.add_property("BTS.MessageType", "urn:other#Thing")
    panel.route()
    assert "Routing failure" in panel.status.text() and panel.results.topLevelItemCount() == 0
    panel.add_property("BTS.InterchangeSequenceNumber", "many")
    panel.route()
    assert "Not routed" in panel.status.text() and "BTS.InterchangeSequenceNumber" in panel.status.text()


def test_the_answer_follows_the_design(window: MainWindow) -> None:
    panel = window.routing_panel
    panel.add_property("BTS.MessageType", ORDER)
    panel.route()
    window.doc.workspace.perform(Action.START, [Subject.port("B")])
    window.doc.reload()
    panel.route()
    rows = {panel.results.topLevelItem(i).text(0): panel.results.topLevelItem(i).text(1) for i in range(4)}
    assert rows["B"] == "delivered"


def test_a_console_context_file_loads(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "m_context.xml"
    path.write_text(
        '<MessageInfo><ContextInfo PropertiesCount="3">'
        '<Property Name="MessageType" Namespace="http://schemas.microsoft.com/BizTalk/2003/system-properties" '
        f'Value="{ORDER}" Promoted="true" />'
        '<Property Name="ReceivedFileName" Namespace="http://schemas.microsoft.com/BizTalk/2003/file-properties" '
        'Value="C:\\in\\a.xml" />'
        '<Property Name="Country" Namespace="https://contoso.example/Orders.PropertySchema" Value="FR" '
        'Promoted="true" /></ContextInfo></MessageInfo>'
    )
    assert read_context(path) == [("BTS.MessageType", ORDER), ("Orders.Country", "FR")]
    panel = window.routing_panel
    panel.load_context(path)
    assert panel.properties() == [("BTS.MessageType", ORDER), ("Orders.Country", "FR")]
    assert panel.results.topLevelItemCount() >= 3
    bad = tmp_path / "bad.xml"
    bad.write_text("<root/>")
    panel.load_context(bad)
    assert "not a message context file" in panel.status.text()


def test_qualified_names_of_biztalk_schemas() -> None:
    assert qualified_name("ReceivePortName", "http://schemas.microsoft.com/BizTalk/2003/system-properties") == (
        "BTS.ReceivePortName"
    )
    assert qualified_name("ReceivedFileName", "http://schemas.microsoft.com/BizTalk/2003/file-properties") == (
        "FILE.ReceivedFileName"
    )


def test_load_context_asks_for_the_file(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from designer import file_dialogs

    path = tmp_path / "c.xml"
    path.write_text(
        '<MessageInfo><ContextInfo><Property Name="MessageType" '
        f'Namespace="http://schemas.microsoft.com/BizTalk/2003/system-properties" Value="{ORDER}" /></ContextInfo>'
        "</MessageInfo>"
    )
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(path))
    window.routing_panel.load_button.click()
    assert window.routing_panel.properties() == [("BTS.MessageType", ORDER)]
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: "")
    window.routing_panel.load_button.click()  # cancelled: the context stays
    assert window.routing_panel.properties() == [("BTS.MessageType", ORDER)]
