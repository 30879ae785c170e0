"""``portwright ls`` filters (kind, adapter, name pattern, group) and ``--version``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.cli import run_in_process

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "01_messaging.xml"


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    location = str(tmp_path / "ws.sqlite")
    assert run_in_process(capsys, "--workspace", location, "import", FIXTURE).code == 0
    return location


def _names(capsys: pytest.CaptureFixture[str], workspace: str, *args: str) -> list[str]:
    r = run_in_process(capsys, "--workspace", workspace, "ls", "--json", *args)
    assert r.code == 0, r.err
    return [e["name"] for e in json.loads(r.out)]


def test_filters(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    everything = json.loads(run_in_process(capsys, "--workspace", workspace, "ls", "--json").out)
    ports = [e for e in everything if e["kind"] == "port"]
    groups = [e for e in everything if e["kind"] == "group"]
    assert groups and all("members" in g for g in groups) and all("members" not in p for p in ports)
    assert _names(capsys, workspace, "--kind", "group") == [g["name"] for g in groups]
    adapter = ports[0]["adapter"]
    assert _names(capsys, workspace, "--adapter", adapter.lower()) == [
        p["name"] for p in ports if p["adapter"] == adapter
    ]
    assert _names(capsys, workspace, "--name", "*" + ports[0]["name"][-4:].upper()) == [ports[0]["name"]]
    group = next(g for g in groups if g["members"])
    assert set(_names(capsys, workspace, "--group", group["name"])) == {group["name"], *group["members"]} & {
        e["name"] for e in everything
    }
    r = run_in_process(capsys, "--workspace", workspace, "ls", "--group", "Nope")
    assert r.code == 2 and "no send port group named 'Nope'" in r.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        run_in_process(capsys, "--version")
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("portwright ")
