"""``portwright settings`` and ``export --env``: BTDF settings without Excel, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tests.support.cli import run_in_process

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHEET = FIXTURES / "settings" / "SettingsFileGenerator.xml"
EXPORTED = FIXTURES / "settings" / "Exported_TestSettings.xml"
MASTER = FIXTURES / "03_btdf_master.xml"
PASSWORD = "Pa$$w0rd<&>"


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    location = str(tmp_path / "ws.sqlite")
    assert run_in_process(capsys, "--workspace", location, "import", MASTER).code == 0
    return location


def test_import_ls_and_export_back(workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_in_process(capsys, "--workspace", workspace, "settings", "import", SHEET)
    assert r.code == 0
    assert "20 setting(s) for 3 environment(s) (Dev, Test, Prod) into the workspace" in r.out
    assert "InvoiceServicePassword" in r.err and "PORTWRIGHT_SETTING_" in r.err and PASSWORD not in r.out + r.err
    r = run_in_process(capsys, "--workspace", workspace, "settings", "ls", "--json")
    data = json.loads(r.out)
    settings = {s["name"]: s for s in data[0]["settings"]}
    assert settings["InvoiceOutFolder"]["values"]["Prod"] == "\\\\prod\\invoices & more"
    assert settings["InvoiceServicePassword"]["secret"] and PASSWORD not in r.out
    r = run_in_process(capsys, "--workspace", workspace, "settings", "ls")
    assert r.out.splitlines()[1].split()[:5] == ["SETTING", "DEFAULT", "Dev", "Test", "Prod"]
    out = tmp_path / "Prod_settings.xml"
    r = run_in_process(
        capsys, "--workspace", workspace, "settings", "export", "--format", "xmlpreprocess", "--env", "Prod", "-o", out
    )
    assert r.code == 0
    root = etree.fromstring(out.read_bytes())
    values = {p.get("name"): p.text for p in root.iter("property")}
    assert values["SendHostName"] == "ProdSendHost" and "InvoiceServicePassword" not in values


def test_export_env_fills_and_refuses_naming_what_is_missing(
    workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run_in_process(capsys, "--workspace", workspace, "settings", "import", SHEET)
    out = tmp_path / "Prod.xml"
    monkeypatch.delenv("PORTWRIGHT_SETTING_INVOICESERVICEPASSWORD", raising=False)
    r = run_in_process(capsys, "--workspace", workspace, "export", "--env", "Prod", "-o", out)
    assert r.code == 1 and "${InvoiceServicePassword}" in r.err and not out.exists()
    secrets = tmp_path / "secrets.xml"
    secrets.write_text(
        f'<settings><property name="InvoiceServicePassword">{"Pa$$w0rd&lt;&amp;&gt;"}</property></settings>'
    )
    r = run_in_process(capsys, "--workspace", workspace, "export", "--env", "Prod", "--secrets", secrets, "-o", out)
    assert r.code == 0, r.err
    assert PASSWORD not in r.out + r.err
    data = out.read_bytes()
    assert b"${" not in data and b"ProdSendHost" in data
    monkeypatch.setenv("PORTWRIGHT_SETTING_INVOICESERVICEPASSWORD", "from-env")
    r = run_in_process(capsys, "--workspace", workspace, "export", "--env", "Test", "-o", "-")
    assert r.code == 0 and "from-env" in r.out


def test_diff_between_environments(
    workspace: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PORTWRIGHT_SETTING_INVOICESERVICEPASSWORD", "x")
    run_in_process(capsys, "--workspace", workspace, "settings", "import", SHEET)
    r = run_in_process(capsys, "--workspace", workspace, "diff", "--env", "Test", "--env", "Prod")
    assert r.code == 1
    assert "ProdSendHost" in r.out and "difference" in r.err
    r = run_in_process(capsys, "--workspace", workspace, "diff", "--env", "Dev", "--env", "Dev")
    assert r.code == 0 and "no differences" in r.out


def test_validate_env_names_missing_settings(
    workspace: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PORTWRIGHT_SETTING_INVOICESERVICEPASSWORD", raising=False)
    run_in_process(capsys, "--workspace", workspace, "settings", "import", SHEET)
    r = run_in_process(capsys, "--workspace", workspace, "validate", "--env", "Prod")
    assert r.code == 1 and "has no value for InvoiceServicePassword" in r.out


def test_import_as_environments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (FIXTURES / "01_messaging.xml").read_text(encoding="utf-8")
    files = []
    for env in ("Dev", "Prod"):
        path = tmp_path / f"{env}.xml"
        path.write_text(text.replace("<RetryCount>", f"<RetryCount>{len(env)}", 1), encoding="utf-8")
        files.append(path)
    workspace = str(tmp_path / "ws.sqlite")
    r = run_in_process(capsys, "--workspace", workspace, "import", "--as-environments", *files)
    assert r.code == 0, r.err
    assert "1 setting(s) for 2 environment(s) (Dev, Prod)" in r.out


def test_a_bad_settings_file_is_a_clear_error(
    workspace: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<root/>")
    r = run_in_process(capsys, "--workspace", workspace, "settings", "import", bad)
    assert r.code == 2 and "neither a BTDF settings spreadsheet" in r.err


def test_desired_states(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    r = run_in_process(capsys, "--workspace", workspace, "desired", "set", "started", "${PortPrefix}.Invoices.FILE")
    assert r.code == 0 and "after deployment Started" in r.out
    r = run_in_process(capsys, "--workspace", workspace, "desired", "ls", "--json")
    assert json.loads(r.out) == {"port": {"${PortPrefix}.Invoices.FILE": "Started"}, "group": {}}
    r = run_in_process(capsys, "--workspace", workspace, "desired", "set", "as-is", "${PortPrefix}.Invoices.FILE")
    assert json.loads(run_in_process(capsys, "--workspace", workspace, "desired", "ls", "--json").out)["port"] == {}
    r = run_in_process(capsys, "--workspace", workspace, "desired", "set", "running", "${PortPrefix}.Invoices.FILE")
    assert r.code == 2 and "as-is" in r.err
    r = run_in_process(capsys, "--workspace", workspace, "desired", "set", "started", "Nope")
    assert r.code == 2 and "Nope" in r.err
