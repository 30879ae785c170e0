"""designer.panels: the explorer, problems and properties docks against a real document."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QContextMenuEvent, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from support.bindings import binding_file, group, port

from designer import icons, themes
from designer.document import WorkspaceDocument
from designer.panels import ExplorerPanel, ProblemsPanel, PropertiesPanel
from designer.panels.explorer_model import ENTRIES_MIME, PORTS_MIME, KeyRole
from designer.panels.problems_model import MESSAGE, OBJECT, PROPERTY, SEVERITY
from model import bindings
from model.domain import new_send_port, replace
from model.lifecycle import Action, Kind, Subject
from model.store import Workspace
from model.validation import Severity

ROOT = Path(__file__).resolve().parents[2]
ORDERS, BILLING = "Contoso.Orders", "Contoso.Billing"

#: 3 ports in 2 applications and 1 group; Orders.Archive is bound to an orchestration port.
SMALL = binding_file(
    ports=[
        port("Orders.Archive", ORDERS, filter_value="Orders.In", description="Archives every order."),
        port("Orders.Notify", ORDERS, address="http://notify.contoso.test/orders"),
        port("Billing.Export", BILLING, address="C:\\Billing\\Out\\%MessageID%.xml"),
    ],
    groups=[group("Orders.Everyone", ["Orders.Archive", "Orders.Notify"], ORDERS, description="Everyone")],
    orchestrations={"Orders.Archive": ["SendArchive"]},
)


@pytest.fixture
def doc(tmp_path: Path, qapp: QApplication) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "w.sqlite")
    document = WorkspaceDocument(ws)
    document.import_document(bindings.load(SMALL))
    yield document
    ws.close()


@pytest.fixture
def explorer(qtbot, doc: WorkspaceDocument) -> ExplorerPanel:
    panel = ExplorerPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def tree(model, parent: QModelIndex = QModelIndex(), depth: int = 0) -> list[str]:  # noqa: B008
    """The model as indented lines: "name | state"."""
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        state = model.index(row, 1, parent).data()
        out.append("  " * depth + index.data() + (f" | {state}" if state else ""))
        out += tree(model, index, depth + 1)
    return out


def item_index(panel: ExplorerPanel, kind: str, name: str, column: int = 0) -> QModelIndex:
    return panel.proxy.mapFromSource(panel.model.index_of(Kind(kind), name, column))


# -- explorer ------------------------------------------------------------------------------------


def test_explorer_mirrors_the_document(explorer: ExplorerPanel) -> None:
    assert tree(explorer.model) == [
        "Contoso.Billing (1 port, 0 groups)",
        "  Send Ports (1)",
        "    Billing.Export | Unenlisted",
        "  Send Port Groups (0)",
        "Contoso.Orders (2 ports, 1 group)",
        "  Send Ports (2)",
        "    Orders.Archive | Unenlisted",
        "    Orders.Notify | Unenlisted",
        "  Send Port Groups (1)",
        "    Orders.Everyone | Unenlisted",
    ]
    tip = explorer.model.index_of(Kind.PORT, "Orders.Notify").data(Qt.ItemDataRole.ToolTipRole)
    assert "Static One-Way send port" in tip and "HTTP" in tip and "http://notify.contoso.test/orders" in tip
    group_tip = explorer.model.index_of(Kind.GROUP, "Orders.Everyone").data(Qt.ItemDataRole.ToolTipRole)
    assert "Orders.Archive, Orders.Notify" in group_tip
    icon = explorer.model.index_of(Kind.PORT, "Orders.Notify").data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == icons.icon("state-unenlisted").cacheKey()
    # the tree opens on everything
    assert explorer.view.isExpanded(item_index(explorer, "port", "Orders.Notify").parent())


def test_start_updates_state_and_icon_without_reset(qtbot, explorer: ExplorerPanel, doc) -> None:
    model = explorer.model
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged) as changed:
        doc.perform(Action.START, [Subject.port("Orders.Notify")])
    assert changed.args[0] == model.index_of(Kind.PORT, "Orders.Notify")
    assert model.index_of(Kind.PORT, "Orders.Notify", 1).data() == "Started"
    icon = model.index_of(Kind.PORT, "Orders.Notify").data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == icons.icon("state-started").cacheKey()
    assert model.index_of(Kind.PORT, "Orders.Archive", 1).data() == "Unenlisted"
    doc.undo_stack.undo()
    assert model.index_of(Kind.PORT, "Orders.Notify", 1).data() == "Unenlisted"


def test_add_rename_delete_and_undo_update_rows(qtbot, explorer: ExplorerPanel, doc) -> None:
    model = explorer.model
    with qtbot.assertNotEmitted(model.modelReset):
        with qtbot.waitSignal(model.rowsInserted):
            doc.add_send_port(new_send_port("Orders.Audit", address="C:\\Audit"), ORDERS)
        assert "Contoso.Orders (3 ports, 1 group)" in tree(model)
        assert [line.strip() for line in tree(model)][5:9] == [
            "Send Ports (3)",
            "Orders.Archive | Unenlisted",
            "Orders.Audit | Unenlisted",
            "Orders.Notify | Unenlisted",
        ]

        # a rename moves the row into its sorted place and the selection follows it
        selected = QPersistentModelIndex(model.index_of(Kind.PORT, "Orders.Archive"))
        explorer.select([("port", "Orders.Archive")])
        with qtbot.waitSignal(model.rowsMoved):
            doc.rename(Kind.PORT, "Orders.Archive", "Orders.Zeta")
        assert selected.data() == "Orders.Zeta"
        assert explorer.selected_keys() == [("port", "Orders.Zeta")]
        names = [line.strip() for line in tree(model)]
        assert names[6:9] == ["Orders.Audit | Unenlisted", "Orders.Notify | Unenlisted", "Orders.Zeta | Unenlisted"]
        # the group listing the renamed port follows in its tooltip
        tip = model.index_of(Kind.GROUP, "Orders.Everyone").data(Qt.ItemDataRole.ToolTipRole)
        assert "Orders.Zeta" in tip

        with qtbot.waitSignal(model.rowsRemoved):
            doc.delete([Subject.port("Orders.Audit")])
        assert not model.index_of(Kind.PORT, "Orders.Audit").isValid()
        assert "Contoso.Orders (2 ports, 1 group)" in tree(model)

        doc.undo_stack.undo()  # the delete
        assert model.index_of(Kind.PORT, "Orders.Audit", 1).data() == "Unenlisted"
        doc.undo_stack.undo()  # the rename
        assert model.index_of(Kind.PORT, "Orders.Archive").isValid()
        assert not model.index_of(Kind.PORT, "Orders.Zeta").isValid()

        # a port in a new application brings the application with it, opened
        doc.add_send_port(new_send_port("Hr.Out", address="C:\\Hr"), "Contoso.Hr")
        assert tree(model)[4:7] == ["Contoso.Hr (1 port, 0 groups)", "  Send Ports (1)", "    Hr.Out | Unenlisted"]
        assert explorer.view.isExpanded(item_index(explorer, "port", "Hr.Out").parent())


def test_undoing_an_import_drops_the_applications_it_created(qtbot, explorer: ExplorerPanel, doc) -> None:
    doc.import_document(bindings.load(binding_file(ports=[port("Temp.Out", "Contoso.Temp")])))
    assert tree(explorer.model)[10] == "Contoso.Temp (1 port, 0 groups)"
    with qtbot.assertNotEmitted(explorer.model.modelReset):
        doc.undo_stack.undo()
        qtbot.waitUntil(lambda: not any(line.startswith("Contoso.Temp") for line in tree(explorer.model)))
    assert [line for line in tree(explorer.model) if not line.startswith(" ")] == [
        "Contoso.Billing (1 port, 0 groups)",
        "Contoso.Orders (2 ports, 1 group)",
    ]


def test_reload_resets_and_keeps_the_selection(qtbot, explorer: ExplorerPanel, doc) -> None:
    explorer.select([("group", "Orders.Everyone")])
    with qtbot.waitSignal(explorer.model.modelReset), qtbot.assertNotEmitted(explorer.selection_changed):
        doc.reload()
    assert explorer.selected_keys() == [("group", "Orders.Everyone")]
    assert len(tree(explorer.model)) == 10


def test_filter_keeps_the_parents_of_matches(qtbot, explorer: ExplorerPanel) -> None:
    QTest.keyClicks(explorer.filter_edit, "NOTIFY")  # filters once typing pauses
    assert len(tree(explorer.proxy)) == 10
    qtbot.waitUntil(lambda: len(tree(explorer.proxy)) == 3)
    assert tree(explorer.proxy) == [
        "Contoso.Orders (2 ports, 1 group)",
        "  Send Ports (2)",
        "    Orders.Notify | Unenlisted",
    ]
    assert explorer.view.isExpanded(item_index(explorer, "port", "Orders.Notify").parent())
    explorer.set_filter_text("orders.")
    assert [line.strip() for line in tree(explorer.proxy)] == [
        "Contoso.Orders (2 ports, 1 group)",
        "Send Ports (2)",
        "Orders.Archive | Unenlisted",
        "Orders.Notify | Unenlisted",
        "Send Port Groups (1)",
        "Orders.Everyone | Unenlisted",
    ]
    explorer.set_filter_text("no such port")
    assert tree(explorer.proxy) == []
    explorer.set_filter_text("")
    assert len(tree(explorer.proxy)) == 10


def test_filtering_keeps_the_selection_quiet(qtbot, explorer: ExplorerPanel) -> None:
    explorer.select([("port", "Orders.Notify"), ("port", "Billing.Export")])
    with qtbot.assertNotEmitted(explorer.selection_changed):
        explorer.set_filter_text("notify")
    assert explorer.selected_keys() == [("port", "Orders.Notify")]


def test_select_many_makes_ranges(explorer: ExplorerPanel, doc) -> None:
    for i in range(30):
        doc.add_send_port(new_send_port(f"Bulk.{i:02d}", address="C:\\Out"), ORDERS)
    keys = [("port", f"Bulk.{i:02d}") for i in range(30) if i != 7] + [("group", "Orders.Everyone")]
    explorer.select(keys)
    assert explorer.selected_keys() == [*keys[:-1], ("group", "Orders.Everyone")]
    assert len(explorer.view.selectionModel().selection()) == 3  # Bulk.00-06, Bulk.08-29, the group
    current = explorer.view.currentIndex()
    assert current.data(KeyRole) == ("port", "Bulk.00")


def test_select_mirrors_without_echo_and_a_click_reports(qtbot, explorer: ExplorerPanel) -> None:
    with qtbot.assertNotEmitted(explorer.selection_changed):
        explorer.select([("port", "Orders.Notify"), ("group", "Orders.Everyone")])
    assert explorer.selected_keys() == [("port", "Orders.Notify"), ("group", "Orders.Everyone")]

    target = item_index(explorer, "port", "Billing.Export")
    with qtbot.waitSignal(explorer.selection_changed) as clicked:
        QTest.mouseClick(
            explorer.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            explorer.view.visualRect(target).center(),
        )
    assert clicked.args == [[("port", "Billing.Export")]]

    # application and folder rows are not reported
    folder = target.parent()
    with qtbot.waitSignal(explorer.selection_changed) as clicked:
        QTest.mouseClick(
            explorer.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            explorer.view.visualRect(folder).center(),
        )
    assert clicked.args == [[("port", "Billing.Export")]]
    with qtbot.waitSignal(explorer.selection_changed) as clicked:
        explorer.view.selectionModel().select(folder, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert clicked.args == [[]]


def test_activation_and_context_menu(qtbot, explorer: ExplorerPanel) -> None:
    target = item_index(explorer, "group", "Orders.Everyone")
    center = explorer.view.visualRect(target).center()
    QTest.mouseClick(explorer.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center)
    with qtbot.waitSignal(explorer.activated) as opened:  # (QTest's double click needs a click before it)
        QTest.mouseDClick(explorer.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center)
    assert opened.args == ["group", "Orders.Everyone"]

    explorer.view.setCurrentIndex(item_index(explorer, "port", "Billing.Export"))
    with qtbot.waitSignal(explorer.activated) as opened:
        QTest.keyClick(explorer.view, Qt.Key.Key_Return)
    assert opened.args == ["port", "Billing.Export"]
    with qtbot.assertNotEmitted(explorer.activated):  # a folder just opens or closes
        explorer.view.activated.emit(target.parent())

    global_pos = explorer.view.viewport().mapToGlobal(center)
    with qtbot.waitSignal(explorer.context_menu_requested) as asked:
        QApplication.sendEvent(
            explorer.view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, center, global_pos)
        )
    assert asked.args == [global_pos]


def test_ports_drag_as_names(explorer: ExplorerPanel) -> None:
    model = explorer.model
    a, b = model.index_of(Kind.PORT, "Orders.Archive"), model.index_of(Kind.PORT, "Orders.Notify")
    g = model.index_of(Kind.GROUP, "Orders.Everyone")
    assert model.flags(a) & Qt.ItemFlag.ItemIsDragEnabled
    assert model.flags(g) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(a.parent()) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([a, model.index_of(Kind.PORT, "Orders.Archive", 1), b, g])
    assert bytes(mime.data(PORTS_MIME)).decode() == "Orders.Archive\nOrders.Notify", "ports only, one a line"
    assert model.mimeData([g]).hasFormat(ENTRIES_MIME)
    assert not model.mimeData([g]).hasFormat(PORTS_MIME)
    assert model.mimeData([a.parent(), a.parent().parent()]) is None
    assert explorer.view.dragEnabled()


def test_explorer_model_passes_the_model_tester(qtmodeltester, qtlog, doc: WorkspaceDocument) -> None:
    from designer.panels.explorer_model import ExplorerModel

    model = ExplorerModel(doc)
    qtmodeltester.check(model)  # Qt's tester stays attached and re-checks every change below
    start = doc.undo_stack.index()
    doc.add_send_port(new_send_port("Orders.Audit", address="C:\\Audit"), ORDERS)
    doc.add_send_port(new_send_port("Hr.Out", address="C:\\Hr"), "Contoso.Hr")
    doc.rename(Kind.PORT, "Orders.Archive", "Orders.Zeta")
    doc.perform(Action.START, [Subject.port("Orders.Zeta"), Subject.group("Orders.Everyone")])
    doc.delete([Subject.port("Orders.Audit")])
    doc.undo_stack.setIndex(start)
    doc.reload()
    failures = [r.message for r in qtlog.records if "FAIL" in r.message]
    assert failures == []
    assert model.rowCount() == 3  # Billing, Hr (kept by the workspace), Orders


def test_explorer_model_passes_the_python_model_tester(qtmodeltester, doc: WorkspaceDocument) -> None:
    from designer.panels.explorer_model import ExplorerModel

    model = ExplorerModel(doc)
    qtmodeltester.check(model, force_py=True)
    assert model.columnCount() == 2 and model.rowCount() == 2


# -- problems ------------------------------------------------------------------------------------


@pytest.fixture
def problems(qtbot, doc: WorkspaceDocument) -> ProblemsPanel:
    panel = ProblemsPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    qtbot.waitUntil(lambda: not panel.is_checking())
    return panel


def row_texts(panel: ProblemsPanel) -> list[tuple[str, str, str, str]]:
    model = panel.proxy
    return [
        tuple(model.index(r, c).data() for c in (SEVERITY, OBJECT, PROPERTY, MESSAGE)) for r in range(model.rowCount())
    ]


def test_problems_list_a_static_port_without_address(qtbot, problems: ProblemsPanel, doc) -> None:
    # Billing.Export has no filter, no group and no orchestration: nothing can reach it.
    assert problems.counts() == {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 0}
    assert problems.summary.text() == "0 errors, 1 warning, 0 notes"
    with qtbot.waitSignal(problems.counts_changed, timeout=5000):
        doc.add_send_port(new_send_port("Orders.Nowhere", address=""), ORDERS)
    assert problems.counts() == {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 0}
    assert problems.summary.text() == "1 error, 2 warnings, 0 notes"
    rows = row_texts(problems)
    assert rows[0] == ("Error", "Orders.Nowhere", "Transport › Address", "static send port has no address")
    assert [r[:3] for r in rows[1:]] == [
        ("Warning", "Billing.Export", "Filter"),
        ("Warning", "Orders.Nowhere", "Filter"),
    ]
    icon = problems.proxy.index(0, SEVERITY).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == icons.icon("problem-error").cacheKey()

    problems.view.resizeColumnsToContents()
    cell = problems.view.visualRect(problems.proxy.index(0, MESSAGE)).center()
    QTest.mouseClick(problems.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    with qtbot.waitSignal(problems.problem_activated) as opened:
        QTest.mouseDClick(problems.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    assert opened.args == ["port", "Orders.Nowhere", "primary_transport.address"]


def test_problems_are_found_off_the_ui_thread_and_debounced(qtbot, problems: ProblemsPanel, doc) -> None:
    threads: set[str] = set()
    read = doc.port

    def spying_port(name: str):  # type: ignore[no-untyped-def]
        threads.add(threading.current_thread().name)
        return read(name)

    doc.port = spying_port  # type: ignore[method-assign]
    with qtbot.waitSignal(problems.counts_changed, timeout=5000):
        doc.add_send_port(new_send_port("A.NoAddress", address=""), ORDERS)
        doc.add_send_port(new_send_port("B.NoAddress", address=""), ORDERS)
        assert problems.is_checking() and problems.counts()[Severity.ERROR] == 0  # not yet: debounced
    qtbot.waitUntil(lambda: not problems.is_checking())
    assert problems.counts()[Severity.ERROR] == 2
    assert threads and threading.main_thread().name not in threads

    with qtbot.waitSignal(problems.counts_changed, timeout=5000):
        doc.edit_port(
            "A.NoAddress",
            replace(
                doc.workspace.port("A.NoAddress").model,
                primary_transport=replace(doc.workspace.port("A.NoAddress").model.primary_transport, address="C:\\Out"),
            ),
        )
    assert problems.counts()[Severity.ERROR] == 1


def test_problem_severity_toggles_and_refresh_now(qtbot, problems: ProblemsPanel, doc) -> None:
    doc.add_send_port(new_send_port("Orders.Nowhere", address=""), ORDERS)
    problems.refresh_now()
    assert not problems.is_checking()
    assert [r[0] for r in row_texts(problems)] == ["Error", "Warning", "Warning"]
    assert problems.toggles[Severity.WARNING].toolTip() == "Show warnings (2)"
    problems.toggles[Severity.ERROR].click()
    assert [r[0] for r in row_texts(problems)] == ["Warning", "Warning"]
    assert problems.counts()[Severity.ERROR] == 1  # counts do not depend on what is shown
    problems.toggles[Severity.WARNING].click()
    assert row_texts(problems) == []
    problems.toggles[Severity.ERROR].click()
    assert [r[0] for r in row_texts(problems)] == ["Error"]
    # a problem of a missing group member (the workspace knows every port): only a file can bring
    # one in, since creating such a group is refused
    doc.import_document(bindings.load(binding_file(groups=[group("Ghosts", ["Nobody"], ORDERS)])))
    problems.refresh_now()
    assert ("Error", "Ghosts", "Send ports", "member 'Nobody' is not a send port") in row_texts(problems)


def test_problem_enter_activates(qtbot, problems: ProblemsPanel, doc) -> None:
    doc.add_send_port(new_send_port("Orders.Nowhere", address=""), ORDERS)
    problems.refresh_now()
    problems.view.setCurrentIndex(problems.proxy.index(2, 0))
    with qtbot.waitSignal(problems.problem_activated) as opened:
        QTest.keyClick(problems.view, Qt.Key.Key_Return)
    assert opened.args == ["port", "Orders.Nowhere", "filter"]


# -- properties ----------------------------------------------------------------------------------


@pytest.fixture
def properties(qtbot, doc: WorkspaceDocument) -> PropertiesPanel:
    panel = PropertiesPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    return panel


def test_properties_hint_when_nothing_is_selected(properties: PropertiesPanel) -> None:
    assert properties.text() == "Select a send port or send port group to see its settings."
    properties.show_selection([("port", "Orders.Archive")])
    assert "Select a send port" not in properties.text()
    properties.show_selection([])
    assert properties.text() == "Select a send port or send port group to see its settings."


def test_properties_summarise_a_port(properties: PropertiesPanel) -> None:
    properties.show_selection([("port", "Orders.Archive")])
    text = properties.text()
    for expected in (
        "Orders.Archive",
        "Static One-Way send port · Unenlisted",
        "Application\nContoso.Orders",
        "Adapter\nFILE",
        "Address\nC:\\Out\\Orders.Archive\\%MessageID%.xml",
        "Send handler\nBizTalkServerApplication",
        "Retries\n3 retries, every 5 minutes",
        "Backup transport\nnone",
        "Send pipeline\nPassThruTransmit\nMicrosoft.BizTalk.DefaultPipelines",
        "Filter\nBTS.ReceivePortName == Orders.In",
        "Priority\n5",
        "Ordered delivery\nNo",
        "Description\nArchives every order.",
        "Groups\nOrders.Everyone",
        "Orchestrations\nSendArchive\nTest.Orchestrations.Process",
    ):
        assert expected in text, expected


def test_properties_escape_what_they_show(qtbot, properties: PropertiesPanel, doc) -> None:
    model = doc.port("Orders.Notify").model
    doc.edit_port("Orders.Notify", replace(model, description="<b>bold</b> & <i>not</i>"))
    properties.show_selection([("port", "Orders.Notify")])
    assert "Description\n<b>bold</b> & <i>not</i>" in properties.text()
    assert "Receive pipeline" not in properties.text()  # one-way: nothing comes back


def test_properties_follow_edits_lifecycle_and_renames(qtbot, properties: PropertiesPanel, doc) -> None:
    properties.show_selection([("port", "Orders.Archive")])
    model = doc.port("Orders.Archive").model
    doc.edit_port("Orders.Archive", replace(model, priority=2))
    qtbot.waitUntil(lambda: "Priority\n2" in properties.text())
    doc.perform(Action.START, [Subject.port("Orders.Archive")])
    qtbot.waitUntil(lambda: "Static One-Way send port · Started" in properties.text())
    doc.rename(Kind.PORT, "Orders.Archive", "Orders.Keep")
    qtbot.waitUntil(lambda: properties.text().splitlines()[0].endswith(" Orders.Keep"))
    assert properties.shown_keys() == [("port", "Orders.Keep")]
    doc.delete([Subject.port("Billing.Export")])
    assert properties.shown_keys() == [("port", "Orders.Keep")]  # others' changes leave it shown
    doc.delete([Subject.group("Orders.Everyone")])  # ... but it re-reads: it was in that group
    qtbot.waitUntil(lambda: "Groups\nnone" in properties.text())
    properties.show_selection([("port", "Orders.Notify")])
    doc.delete([Subject.port("Orders.Notify")])
    qtbot.waitUntil(lambda: "Select a send port" in properties.text())
    assert properties.shown_keys() == []


def test_properties_summarise_a_group_and_mark_missing_members(qtbot, properties: PropertiesPanel, doc) -> None:
    properties.show_selection([("group", "Orders.Everyone")])
    text = properties.text()
    assert "Send port group · Unenlisted" in text
    assert "Members (2)\nOrders.Archive\nOrders.Notify" in text
    assert "does not exist" not in text
    # a file naming a port this workspace does not have (editing such a member in is refused)
    doc.import_document(bindings.load(binding_file(groups=[group("Orders.Everyone", ["Orders.Gone"], ORDERS)])))
    qtbot.waitUntil(lambda: "Orders.Gone (does not exist)" in properties.text())
    assert "Orders.Archive (does not exist)" not in properties.text()


def test_properties_count_several_items(qtbot, properties: PropertiesPanel, doc) -> None:
    doc.perform(Action.START, [Subject.port("Billing.Export")])
    properties.show_selection([("port", "Orders.Archive"), ("port", "Billing.Export"), ("group", "Orders.Everyone")])
    text = properties.text()
    assert text.startswith("3 items selected")
    assert "Send ports\n2 (1 Started, 1 Unenlisted)" in text
    assert "Send port groups\n1 (1 Unenlisted)" in text
    assert "Applications\nContoso.Billing\nContoso.Orders" in text
    doc.perform(Action.START, [Subject.port("Orders.Archive")])
    qtbot.waitUntil(lambda: "Send ports\n2 (2 Started)" in properties.text())
    doc.delete([Subject.group("Orders.Everyone")])
    qtbot.waitUntil(lambda: properties.text().startswith("2 items selected"))


# -- how they look -------------------------------------------------------------------------------


def realistic_document(tmp_path: Path) -> WorkspaceDocument:
    sample = ROOT / "resources" / "samples" / "contoso-orders.xml"
    files = [sample] if sample.is_file() else sorted((ROOT / "tests" / "fixtures").glob("0[12]_*.xml"))
    doc = WorkspaceDocument(Workspace(tmp_path / "look.sqlite"))
    for f in files:
        doc.import_document(bindings.load(f))
    doc.add_send_port(new_send_port("Orders.Unfinished", address=""), ORDERS)
    ports = [e.name for e in doc.entries() if e.kind is Kind.PORT]
    doc.perform(Action.START, [Subject.port(p) for p in ports[:2]])
    doc.perform(Action.ENLIST, [Subject.port(ports[2])])
    return doc


def assert_looks_drawn(image: QImage, path: str, size: tuple[int, int] = (360, 600)) -> None:
    assert image.save(path)
    assert (image.width(), image.height()) == size
    colours = {image.pixel(x, y) for x in range(0, size[0], 7) for y in range(0, size[1], 7)}
    assert len(colours) > 10, "the panel looks empty"


def test_render_panels(qtbot, tmp_path: Path) -> None:
    doc = realistic_document(tmp_path)
    explorer, problems, properties = ExplorerPanel(doc), ProblemsPanel(doc), PropertiesPanel(doc)
    for panel in (explorer, problems, properties):
        qtbot.addWidget(panel)
        panel.resize(360, 600)
        panel.show()
        qtbot.waitExposed(panel)
    problems.refresh_now()
    first_port = next(e.name for e in doc.entries() if e.kind is Kind.PORT)
    explorer.select([("port", first_port)])
    properties.show_selection([("port", first_port)])
    assert problems.counts()[Severity.ERROR] >= 1
    assert_looks_drawn(explorer.grab().toImage(), "/tmp/panel_explorer.png")
    assert_looks_drawn(problems.grab().toImage(), "/tmp/panel_problems.png")
    assert_looks_drawn(properties.grab().toImage(), "/tmp/panel_properties.png")
    # the problems dock usually sits under the canvas: wide and low
    problems.resize(900, 220)
    assert_looks_drawn(problems.grab().toImage(), "/tmp/panel_problems_wide.png", (900, 220))
    header = problems.view.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(4)) <= problems.view.viewport().width()
    doc.workspace.close()


def test_panels_follow_a_theme_change(
    qtbot, qapp: QApplication, problems: ProblemsPanel, properties: PropertiesPanel
) -> None:
    properties.show_selection([("port", "Orders.Archive")])
    button = problems.toggles[Severity.ERROR]
    assert button.icon().cacheKey() == icons.icon("problem-error", dark=False).cacheKey()
    light_colours = set(re.findall(r"color:(#[0-9a-f]{6})", properties.browser.toHtml()))
    assert light_colours
    saved = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet(), themes.current_theme()
    try:
        themes.apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: button.icon().cacheKey() == icons.icon("problem-error", dark=True).cacheKey())
        qtbot.waitUntil(
            lambda: set(re.findall(r"color:(#[0-9a-f]{6})", properties.browser.toHtml())) - light_colours != set()
        )
    finally:
        qapp.setStyleSheet(saved[2])
        if saved[0]:
            qapp.setStyle(saved[0])
        qapp.setPalette(saved[1])
        themes._current = saved[3]
