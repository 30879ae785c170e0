"""The Deployment dock (designer.panels.deploy_panel) over a real workspace and a target group
described in files written here: the pre-flight findings and the plan it shows, a design the
rules cannot reach said in words, planning again after a change, double-click selecting the
object on the canvas, and the PowerShell script written with its binding file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QStatusBar, QTabBar
from support.bindings import STANDARD, binding_file, group, port

from designer import file_dialogs, icons
from designer.document import WorkspaceDocument
from designer.mainwindow import MainWindow
from designer.panels.deploy_drift import DESIGN, TARGET, WHAT, split_change
from designer.panels.deploy_drift import OBJECT as DRIFT_OBJECT
from designer.panels.deploy_model import FIELD, MESSAGE, NUMBER, OBJECT, PHASE, REASON, SEVERITY, STEP
from designer.panels.deploy_panel import DeployPanel
from designer.panels.problems_model import TargetRole
from designer.reporting import Reporter
from model.bindings import load
from model.lifecycle import Kind, State
from model.store import Workspace
from model.validation import Severity as ValidationSeverity

COMMON = binding_file(ports=[port("Shared.Log", "Common")])
#: What the target group has: A, B and X started (X is no longer in the design), G1 started,
#: group Old (no longer in the design) started with X; only FILE has a send handler.
TARGET_EXPORT = binding_file(
    ports=[port("A"), port("B"), port("X"), port("Shared.Log", "Common")],
    groups=[group("G1", ["A", "B"]), group("Old", ["X"])],
)


def write_target(folder: Path, **changes: object) -> Path:
    """A target file (and its exported binding file) in ``folder``; ``changes`` replace keys."""
    (folder / "prod-export.xml").write_bytes(TARGET_EXPORT)
    data: dict[str, object] = {
        "bindings": "prod-export.xml",
        "hosts": [{"name": "BizTalkServerApplication"}],
        "send_handlers": {"FILE": ["BizTalkServerApplication"]},
        "applications": {"App": [], "Common": []},
        "states": {
            "ports": {"A": "Started", "B": "Started", "X": "Started", "Shared.Log": "Started"},
            "groups": {"G1": "Started", "Old": "Started"},
        },
    }
    data.update(changes)
    path = folder / "prod-target.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def make_document(folder: Path) -> WorkspaceDocument:
    """STANDARD and a Common application that App references; B to be unenlisted, C started."""
    ws = Workspace(folder / "w.sqlite")
    ws.import_file(STANDARD)
    ws.import_file(COMMON)
    ws.set_references("App", ["Common"])
    ws.set_desired_states({(Kind.PORT, "B"): State.UNENLISTED, (Kind.PORT, "C"): State.STARTED})
    return WorkspaceDocument(ws)


class Folders:
    """Stands in for the file flows' memory of the last folder of each kind of dialog."""

    def __init__(self) -> None:
        self.folders: dict[str, str] = {}

    def last_folder(self, kind: str) -> str:
        return self.folders.get(kind, "")

    def remember_folder(self, kind: str, path: str) -> None:
        self.folders[kind] = str(Path(path).parent)


@pytest.fixture
def doc(tmp_path: Path) -> Iterator[WorkspaceDocument]:
    document = make_document(tmp_path)
    yield document
    document.workspace.close()


@pytest.fixture
def panel(qtbot, doc: WorkspaceDocument) -> Iterator[DeployPanel]:
    widget = DeployPanel(doc, Folders())
    qtbot.addWidget(widget)
    widget.resize(1200, 360)
    widget.show()
    yield widget
    widget.shutdown()


def cells(model, columns: tuple[int, ...]) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


EXPECTED_STEPS = [
    ("1", "Applications", "Add a reference from application 'App' to 'Common'"),
    ("2", "Definitions", "Create send port 'C'"),
    ("3", "", "Create send port 'R'"),
    ("4", "", "Create send port 'D'"),
    ("5", "", "Create send port group 'G2'"),
    ("6", "", "Create send port group 'Empty'"),
    ("7", "Membership", "Add send port 'B' to send port group 'G2'"),
    ("8", "Bring up", "Enlist send port 'C'"),
    ("9", "", "Start send port 'C'"),
    ("10", "Bring down", "Stop send port group 'Old'"),
    ("11", "", "Stop send port 'B'"),
    ("12", "", "Stop send port 'X'"),
    ("13", "", "Unenlist send port group 'Old'"),
    ("14", "", "Unenlist send port 'B'"),
    ("15", "", "Unenlist send port 'X'"),
    ("16", "Removal", "Delete send port group 'Old'"),
    ("17", "", "Delete send port 'X'"),
]


def test_the_dock_shows_the_findings_and_the_numbered_plan(qtbot, panel: DeployPanel, tmp_path: Path) -> None:
    target = write_target(tmp_path)
    with qtbot.waitSignal(panel.planned, timeout=10000):
        panel.set_target(str(target))  # planned in the background
    assert panel.findings_stack.currentWidget() is panel.findings_view
    findings = cells(panel.findings_model, (SEVERITY, OBJECT, FIELD))
    assert findings == [
        ("Error", "R", "Transport › Adapter"),
        ("Error", "R", "Transport › Send handler"),
        ("Warning", "App", "References"),
    ]
    assert "'HTTP' is not registered" in panel.findings_model.index(0, MESSAGE).data()
    icon = panel.findings_model.index(0, SEVERITY).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == icons.icon("problem-error").cacheKey()
    warning = panel.findings_model.index(2, SEVERITY).data(Qt.ItemDataRole.DecorationRole)
    assert warning.cacheKey() == icons.icon("problem-warning").cacheKey()
    assert panel.findings_title.text() == "<b>Pre-flight check</b>: 2 error(s), 1 warning(s)"

    assert panel.plan_stack.currentWidget() is panel.steps_view
    assert cells(panel.steps_model, (NUMBER, PHASE, STEP)) == EXPECTED_STEPS
    assert panel.steps_model.index(10, REASON).data() == "the design wants it unenlisted"
    tip = panel.steps_model.index(1, STEP).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "2. Create send port 'C'\nPhase: Definitions\nWhy: the target has no such send port"
    colours = {panel.steps_model.index(r, STEP).data(Qt.ItemDataRole.BackgroundRole).name() for r in (1, 7, 9, 15)}
    assert len(colours) == 4, "each phase has its own tint"
    assert panel.tabs.tabText(0) == "Plan (17 steps)" and panel.tabs.currentIndex() == 0
    assert panel.tabs.tabText(1) == "Drift (8)"  # C, D, R, Empty, G2 only in the design; X, Old in the target; B
    assert panel.script_button.isEnabled()


def test_a_matching_target_says_so(qtbot, panel: DeployPanel, doc: WorkspaceDocument, tmp_path: Path) -> None:
    (tmp_path / "same.xml").write_bytes(doc.workspace.export())
    states = {"ports": {"C": "Started"}, "groups": {}}
    target = write_target(
        tmp_path,
        bindings="same.xml",
        send_handlers={"FILE": ["BizTalkServerApplication"], "HTTP": ["BizTalkServerApplication"]},
        applications={"App": ["Common"], "Common": []},
        states=states,
    )
    panel.set_target(str(target))
    panel.refresh_now()
    assert panel.plan_stack.currentWidget() is panel.plan_message
    assert panel.plan_message.text() == "The target already matches the design."
    assert panel.findings_stack.currentWidget() is panel.findings_message
    assert panel.steps_model.rowCount() == 0 and panel.findings_model.rowCount() == 0
    assert panel.script_button.isEnabled(), "a script that does nothing can still be saved"
    assert panel.drift_stack.currentWidget() is panel.drift_message
    assert panel.drift_message.text() == "No drift: the target matches the design."
    assert panel.drift_model.rowCount() == 0 and panel.tabs.tabText(1) == "Drift (0)"


def test_a_plan_the_rules_refuse_is_a_message_not_a_traceback(
    qtbot, panel: DeployPanel, doc: WorkspaceDocument, tmp_path: Path
) -> None:
    panel.set_target(str(write_target(tmp_path)))
    panel.refresh_now()
    assert panel.steps_model.rowCount() == len(EXPECTED_STEPS)
    with qtbot.waitSignal(panel.planned, timeout=10000):  # a desired state change plans again
        doc.deploy.set_desired_state(Kind.GROUP, "Empty", State.STARTED)
    assert panel.plan_stack.currentWidget() is panel.plan_message
    text = panel.plan_message.text()
    assert text.startswith(f"The design cannot be deployed to {tmp_path / 'prod-target.json'}: ")
    assert "Cannot start send port group 'Empty': it has no members" in text
    assert panel.tabs.tabText(0) == "Plan (not possible)"
    assert panel.drift_stack.currentWidget() is panel.drift_view, "the drift does not depend on the plan"
    assert panel.steps_model.rowCount() == 0
    assert not panel.script_button.isEnabled()
    assert panel.findings_model.rowCount() == 3, "the pre-flight findings are still shown"
    doc.undo_stack.undo()
    panel.refresh_now()
    assert panel.plan_stack.currentWidget() is panel.steps_view


def test_an_unreadable_target_file_is_said_in_words(panel: DeployPanel, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hosts": [{"name": "H", "colour": "blue"}]}', encoding="utf-8")
    panel.set_target(str(bad))
    panel.refresh_now()
    assert panel.outcome() is not None and panel.outcome().plan is None
    assert panel.plan_stack.currentWidget() is panel.plan_message
    assert "Cannot plan:" in panel.plan_message.text() and "$.hosts[0].colour" in panel.plan_message.text()
    assert panel.drift_stack.currentWidget() is panel.drift_message
    assert panel.drift_message.text() == panel.plan_message.text()
    assert panel.tabs.tabText(1) == "Drift"
    assert not panel.script_button.isEnabled()


def test_an_edit_plans_again_after_a_pause(qtbot, panel: DeployPanel, doc: WorkspaceDocument, tmp_path: Path) -> None:
    panel.set_target(str(write_target(tmp_path)))
    panel.refresh_now()
    with qtbot.waitSignal(panel.planned, timeout=10000):
        doc.rename(Kind.PORT, "C", "C2")
        assert panel.is_planning()
    steps = [panel.steps_model.index(r, STEP).data() for r in range(panel.steps_model.rowCount())]
    assert "Create send port 'C2'" in steps and "Start send port 'C2'" in steps, "the desired state follows the rename"
    assert "Create send port 'C'" not in steps


def test_the_script_and_its_binding_file_are_written(
    qtbot, panel: DeployPanel, doc: WorkspaceDocument, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.set_target(str(write_target(tmp_path)))
    panel.refresh_now()
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(out / "prod")

    monkeypatch.setattr(file_dialogs, "save_file_name", save_name)
    panel.script_button.click()
    script, xml = out / "prod.ps1", out / "prod.bindings.xml"
    text = script.read_bytes().decode("utf-8-sig")
    assert "Join-Path $PSScriptRoot 'prod.bindings.xml'" in text
    assert "# 17. Delete send port 'X': the design's application no longer has it" in text
    assert "Invoke-State 11 'port' 'B' 'Started' 'Stopped' 'Bound'" in text
    assert {p.name for p in load(xml.read_bytes()).send_ports} == {"A", "B", "C", "R", "D", "Shared.Log"}
    assert not list(out.glob("*.tmp*")), "written atomically: no temporary file left"
    panel.script_button.click()
    assert asked == ["deploy.ps1", str(out / "deploy.ps1")], "the dialog opens in the folder used last"


def test_a_script_that_cannot_be_written_is_reported(qtbot, doc: WorkspaceDocument, tmp_path: Path) -> None:
    status = QStatusBar()
    qtbot.addWidget(status)
    panel = DeployPanel(doc, Folders(), Reporter(status, status))
    qtbot.addWidget(panel)
    panel.set_target(str(write_target(tmp_path)))
    panel.refresh_now()
    (tmp_path / "taken.ps1").mkdir()  # a folder where the script would go
    assert not panel.save_script(str(tmp_path / "taken.ps1"))
    assert status.currentMessage().startswith(f"Cannot write {tmp_path / 'taken.ps1'}: Is a directory")
    assert panel.save_script(str(tmp_path / "fine.ps1"))
    assert (
        status.currentMessage() == f"Wrote {tmp_path / 'fine.ps1'} and fine.bindings.xml beside it (passwords blanked)"
    )
    panel.shutdown()


def test_choosing_a_target_remembers_its_folder(
    panel: DeployPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_target(tmp_path)
    folders: list[str] = []

    def open_name(_parent, _title, _filter, directory=""):  # type: ignore[no-untyped-def]
        folders.append(directory)
        return str(target)

    monkeypatch.setattr(file_dialogs, "open_file_name", open_name)
    panel.choose_button.click()
    panel.refresh_now()
    assert panel.target() == str(target) and panel.steps_model.rowCount() == len(EXPECTED_STEPS)
    panel.choose_button.click()
    assert folders == ["", str(tmp_path)]


# -- drift ----------------------------------------------------------------------------------------


#: STANDARD and Common as a target group has them after a while: A's description edited there, R's
#: address changed (with a password in it), B left started (the design wants it unenlisted), and
#: a port X made there; everything else as the design has it.
def drifted_export(description: str = "Old words", g1: tuple[str, ...] = ("A", "B")) -> bytes:
    return binding_file(
        ports=[
            port("A", description=description),
            port("B"),
            port("C"),
            port("R", two_way=True, address="http://ops:hunter2@example.test/old"),
            port("D", static=False),
            port("X"),
            port("Shared.Log", "Common"),
        ],
        groups=[group("G1", g1), group("G2", ["B"]), group("Empty")],
    )


DRIFTED_STATES = {"ports": {"A": "Started", "B": "Started", "C": "Started", "X": "Started"}, "groups": {}}
EXPECTED_DRIFT = [
    ("A", "Description", "Old words", "(empty)"),
    ("B", "State", "Started", "Unenlisted"),
    ("R", "Transport › Address", "http://ops@example.test/old", "http://example.test/r"),
    ("X", "only in the target", "present", "—"),
]


def write_drifted_target(folder: Path, export: bytes | None = None) -> Path:
    (folder / "drifted.xml").write_bytes(export if export is not None else drifted_export())
    return write_target(
        folder,
        bindings="drifted.xml",
        send_handlers={"FILE": ["BizTalkServerApplication"], "HTTP": ["BizTalkServerApplication"]},
        applications={"App": ["Common"], "Common": []},
        states=DRIFTED_STATES,
    )


def all_texts(model) -> list[str]:  # type: ignore[no-untyped-def]
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    return [str(i.data(role)) for i in cells for role in roles]


def test_the_drift_view_has_one_row_per_difference(qtbot, panel: DeployPanel, tmp_path: Path) -> None:
    with qtbot.waitSignal(panel.planned, timeout=10000):  # worked out in the planning's background job
        panel.set_target(str(write_drifted_target(tmp_path)))
    model = panel.drift_model
    assert cells(model, (DRIFT_OBJECT, WHAT, TARGET, DESIGN)) == EXPECTED_DRIFT
    assert panel.drift_stack.currentWidget() is panel.drift_view
    assert panel.tabs.tabText(1) == "Drift (4)"
    assert [model.index(r, WHAT).data(TargetRole) for r in range(4)] == [
        ("port", "A", "description"),
        ("port", "B", ""),
        ("port", "R", "primary_transport.address"),
        None,  # only the target has X: nothing to open
    ]
    icon = model.index(1, WHAT).data(Qt.ItemDataRole.DecorationRole)
    assert icon.cacheKey() == icons.icon("state-unenlisted").cacheKey(), "the state the design wants"
    assert model.index(3, DRIFT_OBJECT).data(Qt.ItemDataRole.DecorationRole).cacheKey() == (
        icons.icon("send-port").cacheKey()
    )
    tip = model.index(0, TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Send port 'A'\nDescription\nTarget: Old words\nDesign: (empty)"
    assert not any("hunter2" in text for text in all_texts(model)), "the target's password is never shown"
    assert panel.drift_view.columnSpan(2, TARGET) == 1


def test_a_change_said_in_words_spans_both_sides(qtbot, panel: DeployPanel, tmp_path: Path) -> None:
    export = drifted_export(description="one → two", g1=("A",))  # G1 lost B in the target
    panel.set_target(str(write_drifted_target(tmp_path, export)))
    panel.refresh_now()
    rows = cells(panel.drift_model, (DRIFT_OBJECT, WHAT, TARGET, DESIGN))
    assert rows[0] == ("A", "Description", "one → two", "(empty)"), "an arrow in a value is no split"
    assert rows[-1] == ("G1", "Send ports", "1 children → 2 (added 'B')", "")
    last = len(rows) - 1
    assert panel.drift_view.columnSpan(last, TARGET) == 2 and panel.drift_view.columnSpan(0, TARGET) == 1
    assert panel.drift_model.index(last, TARGET).data(TargetRole) == ("group", "G1", "members")


def test_a_change_is_split_only_where_it_reads_one_way() -> None:
    assert split_change("'a → b' → 'c'") == ("a → b", "c")
    assert split_change("None → ''") == ("(not set)", "(empty)")
    assert split_change("'" + "x" * 76 + "...'" + " → 'y'") == ("x" * 76 + "…", "y")
    assert split_change("changed (a secret: values not shown)") is None
    assert split_change("'x': the password in it changed (not shown)") is None
    assert split_change("3 children → 4 (added 'B')") is None
    assert split_change("'a' → 'b' → 'c'") is None


# -- in the window --------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    doc = make_document(tmp_path)
    workspace = doc.workspace
    doc.deleteLater()
    w = MainWindow(workspace, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    assert warnings == []


def test_plan_deployment_opens_the_dock_and_double_click_selects_the_port(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_target(tmp_path)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(target))
    dock = window.docks.deploy_dock
    assert not dock.isVisible(), "hidden until asked for"
    action = window.action_map["deploy.plan"]
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    action.trigger()
    assert dock.isVisible() and dock.widget() is window.deploy_panel
    panel = window.deploy_panel
    qtbot.waitUntil(lambda: panel.outcome() is not None, timeout=10000)
    assert window.settings.value("lastFolder/target") == str(tmp_path)

    view = panel.findings_view
    cell = view.visualRect(panel.findings_model.index(1, MESSAGE)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    assert window.scene.selected_keys() == [(Kind.PORT, "R")]
    assert window.properties.shown_keys() == [("port", "R")]
    assert window.properties.port_editor.list.currentRow() == 1, "the transport page, where the send handler is"

    steps = panel.steps_view
    steps.setCurrentIndex(panel.steps_model.index(9, STEP))  # Stop send port group 'Old': only the target has it
    QTest.keyClick(steps, Qt.Key.Key_Return)
    assert window.scene.selected_keys() == [(Kind.PORT, "R")], "nothing to select"
    steps.setCurrentIndex(panel.steps_model.index(10, STEP))  # Stop send port 'B'
    QTest.keyClick(steps, Qt.Key.Key_Return)
    assert window.scene.selected_keys() == [(Kind.PORT, "B")]
    assert window.properties.port_editor.desired.chosen() is State.UNENLISTED


def test_double_click_on_a_drift_row_selects_its_object(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_drifted_target(tmp_path)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: str(target))
    window.action_map["deploy.plan"].trigger()
    panel = window.deploy_panel
    qtbot.waitUntil(lambda: panel.outcome() is not None, timeout=10000)
    panel.tabs.setCurrentWidget(panel.drift_stack)
    view = panel.drift_view
    assert view.isVisible() and panel.drift_model.rowCount() == len(EXPECTED_DRIFT)

    cell = view.visualRect(panel.drift_model.index(2, WHAT)).center()  # R's address
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, cell)
    assert window.scene.selected_keys() == [(Kind.PORT, "R")]
    assert window.properties.port_editor.list.currentRow() == 1, "the transport page, where the address is"

    view.setCurrentIndex(panel.drift_model.index(3, WHAT))  # X: only the target has it
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.scene.selected_keys() == [(Kind.PORT, "R")], "nothing to select"
    view.setCurrentIndex(panel.drift_model.index(1, WHAT))  # B's state
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert window.scene.selected_keys() == [(Kind.PORT, "B")]


def test_the_window_has_one_tab_bar_per_tabbed_dock_area(qtbot, window: MainWindow) -> None:
    """Qt left a second "Properties | History" tab bar where it first laid the docks out, drawn
    over the bottom docks (``designer.window_docks`` builds the tabs with the layout off)."""

    def tab_bars() -> list[tuple[str, ...]]:
        return sorted(
            tuple(bar.tabText(i) for i in range(bar.count()))
            for bar in window.findChildren(QTabBar)
            if bar.parent() is window and bar.isVisible() and window.rect().intersects(bar.geometry())
        )

    assert tab_bars() == [("Properties", "History")]  # Problems alone: no tabs
    window.docks.show_deployment()
    qtbot.wait(50)
    assert tab_bars() == [("Problems", "Deployment"), ("Properties", "History")]


def test_preflight_findings_are_listed_in_the_problems_dock_too(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems = window.problems
    qtbot.waitUntil(lambda: not problems.is_checking() and problems.model.rowCount() >= 0, timeout=10000)
    before = [p for p in problems.problems() if "Pre-flight" in p.message]
    assert before == []
    target = write_target(tmp_path)
    window.deploy_panel.set_target(str(target))
    qtbot.waitUntil(lambda: any("Pre-flight" in p.message for p in problems.problems()), timeout=10000)
    found = [p for p in problems.problems() if "Pre-flight" in p.message]
    findings = window.deploy_panel.outcome().findings
    assert len(found) == len(findings) and found
    r = next(p for p in found if p.name == "R")
    assert r.kind == "port" and r.field.startswith("primary_transport")
    assert r.message.startswith(f"Pre-flight against {target.name}: ")
    errors = sum(f.severity.value == "error" for f in findings)
    assert problems.counts()[ValidationSeverity.ERROR] >= errors
    window.problems.view.setFocus()
    row = problems.proxy.mapFromSource(problems.model.index(problems.model.row_of(r), 0))
    problems.view.setCurrentIndex(row)
    QTest.keyClick(problems.view, Qt.Key.Key_Return)
    assert window.scene.selected_keys() == [(Kind.PORT, "R")]
