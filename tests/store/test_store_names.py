"""The workspace refuses what the domain forbids, whichever door the write comes from: empty,
too long or control-character names (create, rename), values out of range (edit), and it
leaves everything as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.bindings import STANDARD
from support.workspace import assert_unchanged, full_state

from model.bindings import load
from model.domain import SendPortGroup, new_send_port
from model.lifecycle import Kind
from model.store import InvalidError, Workspace

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
