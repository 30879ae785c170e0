"""The workspace refuses what the domain forbids, whichever door the write comes from: empty,
too long or control-character names (create, rename), values out of range (edit), and it
leaves everything as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from support.bindings import STANDARD, binding_file, group, port
from support.workspace import assert_unchanged, full_state

from model.bindings import load
from model.domain import SendPortGroup, new_send_port
from model.lifecycle import Action, Kind, LifecycleError, Subject
from model.revisions import printable
from model.store import DuplicateError, InvalidError, RuleError, Workspace, WorkspaceError, database, reading

BAD_NAMES = ["", "   ", " padded", "x" * 300, "bad\x01name", "tab\tname"]


@pytest.fixture
def ws(workspace_url: str) -> Workspace:
    w = Workspace(workspace_url)
    w.import_document(load(STANDARD), None, "standard.xml")
    yield w
    w.close()


@pytest.mark.parametrize("name", BAD_NAMES)
def test_rename_to_an_invalid_name_is_refused_and_changes_nothing(ws: Workspace, name: str) -> None:
    before = full_state(ws)
    for kind, old in ((Kind.PORT, "B"), (Kind.GROUP, "G1")):
        with pytest.raises(InvalidError, match="name"):
            ws.rename(kind, old, name)
    assert_unchanged(before, ws)


@pytest.mark.parametrize("name", BAD_NAMES)
def test_creating_with_an_invalid_name_is_refused(ws: Workspace, name: str) -> None:
    before = full_state(ws)
    port = new_send_port("ok", address="C:\\x").model_copy(update={"name": name})
    with pytest.raises(InvalidError):
        ws.create_port(port, "App")
    with pytest.raises(InvalidError):
        ws.create_group(SendPortGroup.model_construct(name=name), "App")
    assert_unchanged(before, ws)


def test_a_name_at_the_limit_is_accepted(ws: Workspace) -> None:
    ws.rename(Kind.PORT, "B", "n" * 256)
    assert ws.entry(Kind.PORT, "n" * 256) is not None


def test_an_edit_out_of_range_is_refused_and_names_the_field(ws: Workspace) -> None:
    record = ws.port("C")
    transport = record.model.primary_transport.model_copy(update={"retry_count": 5000})
    before = full_state(ws)
    with pytest.raises(InvalidError, match="retry count"):
        ws.update_port("C", record.model.model_copy(update={"primary_transport": transport}), record.version)
    with pytest.raises(InvalidError, match="control characters"):
        ws.update_port("C", record.model.model_copy(update={"description": "a\x02b"}), record.version)
    assert_unchanged(before, ws)


def test_an_imported_value_out_of_range_does_not_block_other_edits(tmp_path: Path, fixtures_dir: Path) -> None:
    """A file read with a problem keeps it (validation reports it); editing another field works."""
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.import_file(fixtures_dir / "12_out_of_range.xml")
        record = ws.port("Broken.Out.FILE")
        assert record.model.primary_transport.retry_count == 5000
        ws.update_port(record.model.name, record.model.model_copy(update={"description": "noted"}), record.version)
        assert ws.port("Broken.Out.FILE").model.description == "noted"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["", "x" * 300, "bad\x01name"])
def test_the_cli_refuses_invalid_names_with_one_line(tmp_path: Path, name: str) -> None:
    db = tmp_path / "w.sqlite"
    with Workspace(db) as ws:
        ws.import_document(load(STANDARD), None, "standard.xml")
        before = full_state(ws)
    result = subprocess.run(
        [sys.executable, "-m", "designer", "--workspace", str(db), "rename", "B", name],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("portwright: send port name") and result.stderr.count("\n") == 1
    with Workspace(db) as ws:
        assert_unchanged(before, ws)
        # and the export still parses
        load(ws.export())


# -- one name rule on every backend, applied on import too --------------------------------

NFC, NFD = "Caf\u00e9.Out", "Cafe\u0301.Out"  # one name, composed and decomposed


def _file(ports: list[str], groups: list[tuple[str, list[str]]] = (), *, two_way: tuple[str, ...] = ()) -> bytes:
    """A binding file whose names are put in as XML text (``&#10;`` stays a line break)."""
    tokens = {f"N{i:03d}X": name for i, name in enumerate([*ports, *(g for g, _ in groups)])}
    back = {v: k for k, v in tokens.items()}
    data = binding_file(
        ports=[port(back[p], two_way=p in two_way) for p in ports],
        groups=[group(back[g], [back.get(m, m) for m in ms]) for g, ms in groups],
    )
    for token, name in tokens.items():
        data = data.replace(token.encode(), name.encode())
    return data


#: Every kind of bad name, with the line and words the refusal gives for it.
BAD_FILE = _file(["", "   ", "x" * 10_000, "Line&#10;Break", "Out.Port", "out.port", NFC, NFD, " lead", "Fine"])
BAD_LISTED = [
    "line 6: send port '': a name cannot be empty",
    "line 35: send port '   ': a name cannot be empty",
    "line 64: send port '" + "x" * 40 + "...': a name has at most 256 characters (this one has 10000)",
    "line 93: send port 'Line\\nBreak': a name cannot contain control characters (found U+000A)",
    "line 151: send port 'out.port': the same name to BizTalk as send port 'Out.Port' (line 122), which differs only in case or Unicode form",
    f"line 209: send port '{printable(NFD)}': the same name to BizTalk as send port '{NFC}' (line 180), which differs only in case or Unicode form",
    "line 238: send port ' lead': a name cannot start or end with spaces",
]


def _refusal(tmp_path: Path, url: str, data: bytes) -> tuple[str, bool]:
    """The message importing ``data`` gives, and whether the workspace stayed as it was."""
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    with Workspace(url) as w:
        w.import_document(load(STANDARD), None, "standard.xml")
        before = full_state(w)
        with pytest.raises(InvalidError) as info:
            w.import_file(path)
        return str(info.value).replace(str(path), "bad.xml"), full_state(w).differences(before) == []


def test_a_file_with_bad_names_is_refused_with_every_one_listed(workspace_url: str, tmp_path: Path) -> None:
    message, unchanged = _refusal(tmp_path, workspace_url, BAD_FILE)
    assert unchanged
    lines = message.splitlines()
    assert lines[0] == f"bad.xml: not imported, nothing was changed; {len(BAD_LISTED)} problems:"
    assert [line.strip() for line in lines[1:]] == BAD_LISTED


def test_the_same_bad_file_gives_the_same_refusal_on_sqlite_and_postgresql(
    sqlite_url: str, postgres_url: str, tmp_path: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    on_sqlite = _refusal(tmp_path / "a", sqlite_url, BAD_FILE)
    on_postgres = _refusal(tmp_path / "b", postgres_url, BAD_FILE)
    assert on_sqlite == on_postgres
    assert on_sqlite[1]


def test_an_import_is_refused_when_a_name_differs_from_a_stored_one_only_by_case(
    workspace_url: str, tmp_path: Path
) -> None:
    data = _file(["a", "Fresh"], [("g1", ["a"])]).replace(b"<ApplicationName>App<", b"<ApplicationName>APP<")
    message, unchanged = _refusal(tmp_path, workspace_url, data)
    assert unchanged
    assert "send port 'a': the workspace has send port 'A'" in message
    assert "send port group 'g1': the workspace has send port group 'G1'" in message
    assert "application 'APP': the workspace has application 'App'" in message
    assert "'Fresh'" not in message


def test_importing_the_same_names_again_replaces_as_before(ws: Workspace) -> None:
    summary = ws.import_document(load(STANDARD), None, "again.xml")
    assert (Kind.PORT, "A") in summary.replaced and not summary.created


# -- group membership rules on import, as `group add` has them -----------------------------


def test_an_import_listing_a_solicit_response_port_as_a_member_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "members.xml"
    path.write_bytes(_file(["Ask", "One"], [("NewGroup", ["Ask", "One"]), ("G1", ["R"])], two_way=("Ask",)))
    before = full_state(ws)
    with pytest.raises(RuleError) as info:
        ws.import_file(path)
    assert_unchanged(before, ws)
    listed = str(info.value).splitlines()[1:]
    assert [line.strip() for line in listed] == [
        "line 67: Cannot add send port 'Ask' to send port group 'NewGroup': it is a solicit-response send port, "
        "and only static one-way send ports can be members of a send port group.",
        "line 76: Cannot add send port 'R' to send port group 'G1': it is a solicit-response send port, "
        "and only static one-way send ports can be members of a send port group.",
    ]
    # the same sentence `group add` gives
    with pytest.raises(LifecycleError) as refused:
        ws.perform(Action.ADD_MEMBER, [Subject.port("R")], group="G1")
    assert str(refused.value) in listed[1]


def test_an_import_that_makes_a_member_solicit_response_is_refused(ws: Workspace, tmp_path: Path) -> None:
    """Port A is in G1; a file that replaces A with a solicit-response port would make G1 break the rule."""
    path = tmp_path / "a2.xml"
    path.write_bytes(_file(["A"], two_way=("A",)))
    before = full_state(ws)
    with pytest.raises(RuleError, match="Cannot add send port 'A' to send port group 'G1': it is a solicit-response"):
        ws.import_file(path)
    assert_unchanged(before, ws)


# -- uniqueness as BizTalk compares names: create, rename, restore, and in the database ------


def test_creating_a_name_that_differs_only_by_case_is_refused(ws: Workspace) -> None:
    before = full_state(ws)
    with pytest.raises(DuplicateError, match="a send port named 'B' already exists, and 'b' is the same name"):
        ws.create_port(new_send_port("b", address="C:\\x"), "App")
    with pytest.raises(DuplicateError, match="send port group named 'G1'"):
        ws.create_group(SendPortGroup(name="g1"), "App")
    assert_unchanged(before, ws)


def test_composed_and_decomposed_spellings_are_one_name(ws: Workspace) -> None:
    ws.create_port(new_send_port(NFC, address="C:\\x"), "App")
    with pytest.raises(DuplicateError, match="is the same name to BizTalk"):
        ws.create_port(new_send_port(NFD, address="C:\\x"), "App")
    with pytest.raises(DuplicateError):
        ws.rename(Kind.PORT, "C", NFD.upper())


def test_renaming_to_another_ports_name_in_other_case_is_refused_but_to_its_own_is_not(ws: Workspace) -> None:
    before = full_state(ws)
    with pytest.raises(DuplicateError, match="a send port named 'B' already exists"):
        ws.rename(Kind.PORT, "C", "b")
    with pytest.raises(DuplicateError, match="a send port group named 'G2' already exists"):
        ws.rename(Kind.GROUP, "G1", "g2")
    assert_unchanged(before, ws)
    ws.rename(Kind.PORT, "C", "c")
    assert ws.entry(Kind.PORT, "c") is not None and ws.entry(Kind.PORT, "C") is None


def test_undoing_a_delete_after_someone_took_the_name_in_other_case_is_refused(ws: Workspace) -> None:
    snap = ws.snapshot(Kind.PORT, "C")
    ws.perform(Action.DELETE, [Subject.port("C")])
    ws.create_port(new_send_port("c", address="C:\\y"), "App")
    with pytest.raises(DuplicateError, match="'c' already exists, and 'C' is the same name"):
        ws.restore(snap)


def test_the_database_itself_refuses_two_names_that_differ_only_by_case(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two clients checking at once both find the name free: the unique key decides."""
    from model.store import editing

    monkeypatch.setattr(editing, "check_name_free", lambda *args, **kwargs: None)
    before = full_state(ws)
    with pytest.raises(DuplicateError):
        ws.create_port(new_send_port("b", address="C:\\x"), "App")
    with pytest.raises(DuplicateError):
        ws.rename(Kind.GROUP, "G1", "G2".lower())
    assert_unchanged(before, ws)


def test_a_workspace_holding_a_pair_from_before_upgrades_and_keeps_both(workspace_url: str) -> None:
    """Migration 0005 on a workspace that already has "Out.Port" and "out.port": it opens, both
    stay, the pair is found, a third spelling is refused, and renaming one ends the pair."""
    from alembic import command

    with Workspace(workspace_url) as w:
        w.import_document(load(_file(["Out.Port", "Other"])), None, "pair.xml")
        with w.engine.begin() as conn:
            cfg = database._config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")
            conn.execute(text("UPDATE send_ports SET name = 'out.port' WHERE name = 'Other'"))
    with Workspace(workspace_url) as w:
        assert [e.name for e in w.entries()] == ["Out.Port", "out.port"]
        with w._reading() as s:
            assert reading.name_collisions(s) == [(Kind.PORT, "out.port", "Out.Port")]
        with pytest.raises(DuplicateError):
            w.create_port(new_send_port("OUT.PORT", address="C:\\x"), "App")
        w.import_document(load(_file(["Out.Port"])), None, "again.xml")  # the same name again: replaced
        w.rename(Kind.PORT, "out.port", "Second.Port")
        with w._reading() as s:
            assert reading.name_collisions(s) == []
        w.create_port(new_send_port("second.port.2", address="C:\\x"), "App")
        assert {e.name for e in w.entries()} == {"Out.Port", "Second.Port", "second.port.2"}


# -- a stored state out of range -----------------------------------------------------------


def test_a_stored_state_out_of_range_is_a_workspace_error_naming_it(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        conn.execute(text("UPDATE send_ports SET state = 7 WHERE name = 'A'"))
    for read in (ws.entries, lambda: ws.port("A"), lambda: ws.entry(Kind.PORT, "A")):
        with pytest.raises(WorkspaceError, match=r"state 7 that is not one Portwright knows \(1 \(Unenlisted\)"):
            read()
