"""Import into and export from a workspace: BizTalk's import rules, lossless round trips,
selections, and all-or-nothing imports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import BINDCMP, CORPUS, FIXTURES, corpus_files, fixture_files
from lxml import etree
from support.bindings import STANDARD, binding_file, group, port
from support.workspace import assert_unchanged, full_state

from model.bindings import load
from model.bindings.compare import compare_files
from model.lifecycle import Action, Kind, State, Subject
from model.store import NotFoundError, Workspace, transfer
from model.store.records import DEFAULT_APPLICATION
from model.store.unit_of_work import UnitOfWork

ROUND_TRIP = [pytest.param(f, id=f.name) for f in fixture_files()] + [
    pytest.param(f, id=f"corpus-{f.name[:36]}") for f in corpus_files()
]
if not corpus_files():
    ROUND_TRIP.append(
        pytest.param(None, id="corpus", marks=pytest.mark.skip(reason=f"shared corpus not found at {CORPUS}"))
    )


def _bindcmp():
    if not BINDCMP.exists():
        return None
    spec = importlib.util.spec_from_file_location("bindcmp", BINDCMP)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BINDCMP_MODULE = _bindcmp()


def bindcmp_differences(a: bytes, b: bytes, limit: int = 50) -> list[str]:
    """The reference tool's differences between two binding files (its own parser and rules)."""
    assert BINDCMP_MODULE is not None
    out: list[str] = []
    ra, rb = etree.fromstring(a, BINDCMP_MODULE.PARSER), etree.fromstring(b, BINDCMP_MODULE.PARSER)
    BINDCMP_MODULE.compare(ra, rb, "/" + ra.tag, out, limit)
    return out


@pytest.fixture
def ws(workspace_url: str):
    with Workspace(workspace_url, user="tester") as w:
        yield w


def names(data: bytes) -> tuple[list[str], list[str]]:
    doc = load(data)
    return [p.name for p in doc.send_ports], [g.name for g in doc.groups]


# -- round trips ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ROUND_TRIP)
def test_import_then_export_gives_the_file_back(path: Path, ws: Workspace, tmp_path: Path) -> None:
    data = path.read_bytes()
    ws.import_file(path)
    out = ws.export()
    assert out == data
    written = tmp_path / path.name
    written.write_bytes(out)
    assert compare_files(path, written).equal
    if BINDCMP_MODULE is not None:
        assert bindcmp_differences(data, out) == []


def test_export_after_an_import_was_undone_and_another_made_uses_the_new_file(ws: Workspace) -> None:
    """Export keeps imported files' decoded skeletons; an undone import frees its id (SQLite may
    give it to the next import), and the next export must use the new file, not the old one."""
    first, second = FIXTURES / "01_messaging.xml", FIXTURES / "04_crlf.xml"
    summary = ws.import_file(first)
    assert ws.export() == first.read_bytes()
    ws.revert_import(summary, [])
    assert ws.entries() == []
    again = ws.import_file(second)
    if ws.engine.dialect.name == "sqlite":
        assert again.source_id == summary.source_id  # the case this test is about
    assert ws.export() == second.read_bytes()


def test_import_from_bytes_and_from_a_path_agree(tmp_path: Path, ws: Workspace) -> None:
    f = tmp_path / "standard.xml"
    f.write_bytes(STANDARD)
    summary = ws.import_file(f)
    assert summary.source == str(f)
    assert ws.export() == STANDARD


def test_export_of_an_empty_workspace_is_a_loadable_binding_file(ws: Workspace) -> None:
    doc = load(ws.export())
    assert doc.send_ports == [] and doc.groups == []


# -- BizTalk's import rules ---------------------------------------------------------------------


def test_import_summary_lines(ws: Workspace) -> None:
    summary = ws.import_file(STANDARD)
    assert summary.lines() == [
        "created application 'App'",
        "created send port 'A' (Unenlisted)",
        "created send port 'B' (Unenlisted)",
        "created send port 'C' (Unenlisted)",
        "created send port 'R' (Unenlisted)",
        "created send port 'D' (Unenlisted)",
        "created send port group 'G1' (Unenlisted)",
        "created send port group 'G2' (Unenlisted)",
        "created send port group 'Empty' (Unenlisted)",
        "<bytes>: 5 send port(s), 3 send port group(s): 8 created, 0 replaced, 0 merged",
    ]


def test_imported_ports_and_groups_start_unenlisted(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    entries = ws.entries()
    assert len(entries) == 8
    assert {e.state for e in entries} == {State.UNENLISTED}


def test_applications_are_created_as_needed(ws: Workspace) -> None:
    data = binding_file([port("X1", "X"), port("Y1", "Y"), port("N", None)], [group("GY", ["Y1"], "Y")])
    summary = ws.import_file(data)
    assert summary.applications == ["X", "Y", DEFAULT_APPLICATION]
    assert ws.applications() == sorted(["X", "Y", DEFAULT_APPLICATION])
    assert {e.name: e.application for e in ws.entries()} == {"X1": "X", "Y1": "Y", "N": DEFAULT_APPLICATION, "GY": "Y"}
    again = ws.import_file(data)
    assert again.applications == []
    assert not any(line.startswith("created application") for line in again.lines())


def test_import_with_an_application_puts_everything_in_it(ws: Workspace) -> None:
    data = binding_file(
        [port("P1", "One"), port("P2", "Two"), port("P3", None)], [group("G", ["P1"], "One"), group("H", [], None)]
    )
    summary = ws.import_file(data, "Target")
    assert summary.applications == ["Target"]
    assert ws.applications() == ["Target"]
    assert {e.application for e in ws.entries()} == {"Target"}
    out = ws.export()
    doc = load(out)
    assert [(p.name, p.application) for p in doc.send_ports] == [("P1", "Target"), ("P2", "Target"), ("P3", "Target")]
    assert [(g.name, g.application) for g in doc.groups] == [("G", "Target"), ("H", "Target")]
    root = etree.fromstring(out)
    for owner in root.iter("SendPort", "DistributionList"):
        assert owner.findtext("ApplicationName") == "Target", owner.get("Name")


@pytest.mark.skipif(not fixture_files(), reason="no fixtures")
def test_import_a_fixture_with_an_application_changes_only_application_names(ws: Workspace) -> None:
    path = next(f for f in fixture_files() if f.name.startswith("01_"))
    data = path.read_bytes()
    ws.import_file(path, "Renamed.App")
    out = ws.export()
    doc = load(out)
    assert {p.application for p in doc.send_ports} | {g.application for g in doc.groups} == {"Renamed.App"}
    if BINDCMP_MODULE is not None:
        differences = bindcmp_differences(data, out, limit=500)
        assert differences, "the application names should differ"
        assert all("ApplicationName" in d for d in differences), differences


def test_import_replaces_an_existing_port_and_keeps_its_state(ws: Workspace) -> None:
    ws.import_file(binding_file([port("P", "App", filter_value="Old.In"), port("Q", "App")]))
    ws.perform(Action.START, [Subject.port("P")])
    before = ws.port("P")
    summary = ws.import_file(
        binding_file(
            [port("P", "App", address="C:\\New\\%MessageID%.xml", filter_value="New.In", description="second")]
        )
    )
    assert summary.replaced == [(Kind.PORT, "P")]
    assert summary.created == []
    assert "replaced send port 'P'" in summary.lines()
    assert summary.lines()[-1] == "<bytes>: 1 send port(s), 0 send port group(s): 0 created, 1 replaced, 0 merged"
    after = ws.port("P")
    assert after.state is State.STARTED
    assert after.model.address == "C:\\New\\%MessageID%.xml"
    assert after.model.description == "second"
    statements = [st for g in after.model.filter.groups for st in g.statements]
    assert [s.value for s in statements] == ["New.In"]  # the filter is replaced, not merged
    assert after.version > before.version
    entry = next(e for e in ws.entries() if e.name == "P")
    assert entry.address == "C:\\New\\%MessageID%.xml" and entry.state is State.STARTED
    assert ws.port("Q").model.address == before.model.address.replace("\\P\\", "\\Q\\")  # untouched


def test_import_replaces_a_port_filter_with_none(ws: Workspace) -> None:
    ws.import_file(binding_file([port("P", "App", filter_value="Old.In")]))
    ws.import_file(binding_file([port("P", "App")]))
    flt = ws.port("P").model.filter
    assert flt is None or not flt.groups


def test_import_merges_a_group_member_list(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    ws.perform(Action.ENLIST, [Subject.port("A")])
    ws.perform(Action.ENLIST, [Subject.group("G1")])
    summary = ws.import_file(binding_file([port("N", "App")], [group("G1", ["C", "A", "N"])]))
    assert summary.merged == [("G1", ("C", "N"))]
    assert "merged members of send port group 'G1': added 'C', 'N'" in summary.lines()
    assert summary.created == [(Kind.PORT, "N")]
    record = ws.group("G1")
    assert record.model.members == ("A", "B", "C", "N")
    assert record.state is State.STOPPED  # an existing group keeps its state
    entry = next(e for e in ws.entries() if e.name == "G1")
    assert entry.members == ("A", "B", "C", "N")
    exported = load(ws.export(groups=["G1"]))
    assert exported.groups[0].members == ("A", "B", "C", "N")
    again = ws.import_file(binding_file([], [group("G1", ["A"])]))
    assert again.merged == [("G1", ())]
    assert "merged members of send port group 'G1': added none" in again.lines()
    assert ws.group("G1").model.members == ("A", "B", "C", "N")


def test_import_summary_counts_merged_groups(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    summary = ws.import_file(binding_file([port("N")], [group("G1", ["N"])]))
    assert summary.lines()[-1] == "<bytes>: 1 send port(s), 1 send port group(s): 1 created, 0 replaced, 1 merged"


def test_import_keeps_orchestration_bindings(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    view = ws.view()
    assert view.ports["A"].orchestrations == ("Test.Orchestrations.Process.Orch.SendA",)
    assert view.ports["B"].orchestrations == ()
    ws.import_file(STANDARD)  # importing again does not duplicate them
    assert ws.view().ports["A"].orchestrations == ("Test.Orchestrations.Process.Orch.SendA",)


# -- export selections --------------------------------------------------------------------------


@pytest.fixture
def two_apps(ws: Workspace) -> Workspace:
    ws.import_file(STANDARD)
    ws.import_file(binding_file([port("O1", "Other"), port("O2", "Other")], [group("OG", ["O1"], "Other")]))
    return ws


def test_export_everything_holds_both_files(two_apps: Workspace) -> None:
    ports, groups = names(two_apps.export())
    assert sorted(ports) == ["A", "B", "C", "D", "O1", "O2", "R"]
    assert sorted(groups) == ["Empty", "G1", "G2", "OG"]


def test_export_one_application(two_apps: Workspace) -> None:
    assert names(two_apps.export(applications=["Other"])) == (["O1", "O2"], ["OG"])
    ports, groups = names(two_apps.export(applications=["App"]))
    assert sorted(ports) == ["A", "B", "C", "D", "R"] and sorted(groups) == ["Empty", "G1", "G2"]
    assert two_apps.export(applications=["App"]) == STANDARD


def test_export_several_applications(two_apps: Workspace) -> None:
    ports, groups = names(two_apps.export(applications=["App", "Other"]))
    assert sorted(ports) == ["A", "B", "C", "D", "O1", "O2", "R"]
    assert sorted(groups) == ["Empty", "G1", "G2", "OG"]


def test_export_chosen_ports_and_groups(two_apps: Workspace) -> None:
    assert names(two_apps.export(ports=["B"])) == (["B"], [])
    assert names(two_apps.export(groups=["OG"])) == ([], ["OG"])
    ports, groups = names(two_apps.export(ports=["O2", "A"], groups=["G2"]))
    assert sorted(ports) == ["A", "O2"] and groups == ["G2"]
    ports, groups = names(two_apps.export(applications=["Other"], ports=["A"]))
    assert sorted(ports) == ["A", "O1", "O2"] and groups == ["OG"]


def test_export_of_a_chosen_port_keeps_its_xml(two_apps: Workspace) -> None:
    doc = load(two_apps.export(ports=["R"]))
    original = load(STANDARD).port("R")
    assert doc.send_ports[0] == original


@pytest.mark.parametrize(
    "selection", [{"applications": ["Nope"]}, {"ports": ["Nope"]}, {"groups": ["Nope"]}, {"ports": ["A", "Nope"]}]
)
def test_export_of_something_unknown_is_refused(two_apps: Workspace, selection: dict) -> None:
    with pytest.raises(NotFoundError, match="Nope"):
        two_apps.export(**selection)


def test_export_after_a_delete_leaves_the_port_out(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    ws.perform(Action.DELETE, [Subject.port("C")])
    ports, _ = names(ws.export())
    assert ports == ["A", "B", "R", "D"]


# -- all or nothing ---------------------------------------------------------------------------


def _prepared(ws: Workspace) -> None:
    ws.import_file(STANDARD)
    ws.perform(Action.START, [Subject.port("A"), Subject.port("B")])
    ws.perform(Action.ENLIST, [Subject.group("G1")])


NEXT_FILE = binding_file(
    [port("A", "App", address="C:\\Changed\\%MessageID%.xml"), port("New1", "Fresh"), port("New2", "Fresh")],
    [group("G1", ["A", "C", "New1"]), group("NewGroup", ["New2"], "Fresh")],
    orchestrations={"New1": ["Orch.New"]},
)


def test_an_import_failing_after_the_ports_are_written_changes_nothing(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    _prepared(ws)
    before = full_state(ws)
    real_insert = transfer.insert
    seen: list[str] = []

    def failing_insert(table):  # type: ignore[no-untyped-def]
        seen.append(table.name)
        if table.name == "send_port_groups":  # the ports (new and replaced) are written by now
            raise RuntimeError("disk on fire")
        return real_insert(table)

    monkeypatch.setattr(transfer, "insert", failing_insert)
    with pytest.raises(RuntimeError, match="disk on fire"):
        ws.import_file(NEXT_FILE)
    assert "send_ports" in seen  # the failure really came after the port inserts
    assert_unchanged(before, ws)


def test_an_import_failing_at_the_audit_log_changes_nothing(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    _prepared(ws)
    before = full_state(ws)

    def failing_audit(*_a: object, **_k: object) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(UnitOfWork, "audit", failing_audit)
    with pytest.raises(RuntimeError, match="audit log unavailable"):
        ws.import_file(NEXT_FILE)
    monkeypatch.undo()
    assert_unchanged(before, ws)
    ws.import_file(NEXT_FILE)  # and the same import works once nothing fails
    assert ws.group("G1").model.members == ("A", "B", "C", "New1")
