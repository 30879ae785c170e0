"""Settings sheets in the workspace: imported from BTDF files, written back exactly, one
transaction each, secrets kept out, and an environment's binding file produced from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from model import bindings
from model.environments.preprocess import PreprocessError
from model.environments.table import Setting, SettingsError
from model.store import Workspace
from model.store.errors import ConflictError
from tests.support.workspace import assert_unchanged, full_state

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHEET = FIXTURES / "settings" / "SettingsFileGenerator.xml"
EXPORTED = FIXTURES / "settings" / "Exported_TestSettings.xml"
MASTER = FIXTURES / "03_btdf_master.xml"
PASSWORD = "Pa$$w0rd<&>"


@pytest.fixture
def ws(workspace_url: str) -> Workspace:
    workspace = Workspace(workspace_url, user="tester")
    workspace.import_file(MASTER)
    return workspace


def test_a_spreadsheet_is_kept_and_written_back_byte_for_byte(ws: Workspace) -> None:
    sheet, dropped = ws.environments.import_file(SHEET, with_secrets=True)
    assert dropped == []
    assert [e.name for e in sheet.table.environments] == ["Dev", "Test", "Prod"]
    assert ws.environments.export_settings(None, "btdf") == SHEET.read_bytes()
    entry = ws.audit(limit=1)[0]
    assert entry.operation == "settings import"


def test_a_settings_file_comes_back_exactly(ws: Workspace) -> None:
    application = ws.applications()[0]
    sheet, _ = ws.environments.import_file(EXPORTED, application)
    assert [e.name for e in sheet.table.environments] == ["Test"]
    assert ws.environments.export_settings(application, "xmlpreprocess", "Test") == EXPORTED.read_bytes()
    assert ws.environments.export_settings(application, "xmlpreprocess", "test") == EXPORTED.read_bytes()


def test_a_settings_file_sets_one_environment_of_a_sheet(ws: Workspace) -> None:
    application = ws.applications()[0]
    ws.environments.import_file(SHEET, application, with_secrets=True)
    sheet, _ = ws.environments.import_file(EXPORTED, application, with_secrets=True)
    assert sheet.table.resolved("Test")["InvoiceOutFolder"] == "D:\\Test & Out"
    assert sheet.table.resolved("Test")["Priority"] == "7"
    assert sheet.table.resolved("Dev")["InvoiceOutFolder"] == "C:\\Out"  # other environments unchanged
    exported = ws.environments.export_settings(application, "xmlpreprocess", "Test")
    again, _ = ws.environments.import_file(exported, application, with_secrets=True)
    assert again.table.resolved("Test") == sheet.table.resolved("Test")
    # the spreadsheet written back carries the new values in its own layout
    written = ws.environments.export_settings(application, "btdf")
    assert b"D:\\Test &amp; Out" in written and written.startswith(b'<?xml version="1.0"?>\r\n')


def test_secret_values_stay_out_of_the_workspace_and_the_audit(ws: Workspace, tmp_path: Path) -> None:
    sheet, dropped = ws.environments.import_file(SHEET)
    assert dropped == ["InvoiceServicePassword"]
    secret = sheet.table.setting("InvoiceServicePassword")
    assert secret is not None and secret.secret and secret.default is None
    written = ws.environments.export_settings(None, "btdf")
    assert PASSWORD.encode() not in written and b"Pa$$w0rd" not in written
    if ws.url.startswith("sqlite"):
        database = Path(ws.url.removeprefix("sqlite:///"))
        assert b"Pa$$w0rd" not in database.read_bytes()
    assert all("Pa$$w0rd" not in (e.detail or "") for e in ws.audit())
    # at export time the value comes from the environment (or a secrets file)
    with pytest.raises(PreprocessError) as caught:
        ws.environments.export("Prod", environ={})
    assert caught.value.unresolved == ["InvoiceServicePassword"]
    out = ws.environments.export("Prod", environ={"PORTWRIGHT_SETTING_INVOICESERVICEPASSWORD": PASSWORD})
    custom = _port(out, "Contoso.Invoices.WCF-Custom").findtext(".//TransportTypeData") or ""
    assert etree.fromstring(custom.encode()).findtext("Password") == PASSWORD
    out = ws.environments.export("Prod", secrets={"invoiceservicepassword": "other"}, environ={})
    custom = _port(out, "Contoso.Invoices.WCF-Custom").findtext(".//TransportTypeData") or ""
    assert etree.fromstring(custom.encode()).findtext("Password") == "other"


def _port(data: bytes, name: str) -> etree._Element:
    root = etree.fromstring(data)
    found = [p for p in root.iter("SendPort") if p.get("Name") == name]
    assert found, f"no send port {name}"
    return found[0]


def test_an_environment_binding_file_is_filled_escaped_and_encoded(ws: Workspace) -> None:
    ws.environments.import_file(SHEET, with_secrets=True)
    prod = ws.environments.export("Prod")
    test = ws.environments.export("Test")
    assert b"${" not in prod and b"$(" not in prod
    document = bindings.load(prod)
    assert {p.name for p in document.send_ports} == {"Contoso.Invoices.FILE", "Contoso.Invoices.WCF-Custom"}
    file_port = _port(prod, "Contoso.Invoices.FILE")
    assert file_port.findtext(".//Address") == "\\\\prod\\invoices & more\\%MessageID%.xml"
    assert file_port.findtext("Priority") == "1" and _port(test, "Contoso.Invoices.FILE").findtext("Priority") == "5"
    handler = file_port.find(".//SendHandler")
    assert handler is not None and handler.get("Name") == "ProdSendHost"
    # markup kept readable in the master is encoded as BizTalk's import expects it
    data = file_port.find(".//TransportTypeData")
    assert data is not None and len(data) == 0
    assert etree.fromstring((data.text or "").strip().encode()).findtext("CopyMode") == "1"
    pipeline = etree.fromstring((file_port.findtext("SendPipelineData") or "").strip().encode())
    assert pipeline.findtext(".//StampValue") == "%datetime_bts2000%"
    custom = _port(prod, "Contoso.Invoices.WCF-Custom")
    props = etree.fromstring((custom.findtext(".//TransportTypeData") or "").encode())
    assert props.findtext("BindingConfiguration") is not None
    # the design itself is unchanged: its export still has the tokens, byte for byte
    assert ws.export() == MASTER.read_bytes()


def test_unresolved_tokens_are_all_named(ws: Workspace) -> None:
    sheet, _ = ws.environments.import_file(SHEET, with_secrets=True)
    table = sheet.table
    table.settings = [s for s in table.settings if s.name not in ("Country", "RetryInterval")]
    ws.environments.save("", table, sheet.version)
    with pytest.raises(PreprocessError) as caught:
        ws.environments.export("Dev")
    assert caught.value.unresolved == ["RetryInterval", "Country"]  # in the order of the file


def test_a_stale_save_is_refused_and_changes_nothing(ws: Workspace) -> None:
    sheet, _ = ws.environments.import_file(SHEET, with_secrets=True)
    sheet.table.settings.append(Setting("Mine", "1"))
    ws.environments.save("", sheet.table, sheet.version)
    before = full_state(ws)
    sheet.table.settings.append(Setting("Theirs", "2"))
    with pytest.raises(ConflictError, match="changed by someone else"):
        ws.environments.save("", sheet.table, sheet.version)
    assert_unchanged(before, ws)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<root/>", "neither a BTDF settings spreadsheet"),
        (b"<settings><property name='A'>1</property></settings>", "which environment"),
        (b"<settings><property>1</property></settings>", "no name attribute"),
    ],
)
def test_bad_settings_files_are_refused_and_change_nothing(
    ws: Workspace, tmp_path: Path, content: bytes, message: str
) -> None:
    before = full_state(ws)
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(SettingsError, match=message):
        ws.environments.import_file(path)
    assert_unchanged(before, ws)


def test_an_unknown_environment_or_application_is_named(ws: Workspace) -> None:
    ws.environments.import_file(SHEET, with_secrets=True)
    with pytest.raises(SettingsError, match="no environment named 'Stage'.*Dev, Test, Prod"):
        ws.environments.export("Stage")
    with pytest.raises(Exception, match="no application named 'Nope'"):
        ws.environments.import_file(SHEET, "Nope")


def test_per_environment_files_become_one_design(workspace_url: str, tmp_path: Path) -> None:
    import re

    from model.bindings.compare import compare_files

    text = (FIXTURES / "01_messaging.xml").read_text(encoding="utf-8")
    address = re.search(r"<Address>([^<]+)</Address>", text)
    assert address is not None
    paths = []
    for n, env in enumerate(("Dev", "Test", "Prod")):
        variant = text.replace(address.group(), f"<Address>{address.group(1)}-{env}</Address>", 1)
        variant = re.sub(r"<RetryCount>\d+</RetryCount>", f"<RetryCount>{n + 1}</RetryCount>", variant, count=1)
        path = tmp_path / f"{env}.xml"
        path.write_text(variant, encoding="utf-8")
        paths.append(path)
    ws = Workspace(workspace_url, user="tester")
    summary, sheet = ws.environments.import_as_environments(paths)
    assert summary.created and [e.name for e in sheet.table.environments] == ["Dev", "Test", "Prod"]
    assert len(sheet.table.settings) == 2
    assert b"${" in ws.export()
    for path in paths:
        produced = ws.environments.export(path.stem, with_secrets=True)
        assert compare_files(produced, path).equal, path.stem


def test_files_that_differ_in_structure_are_refused_and_nothing_is_imported(workspace_url: str, tmp_path: Path) -> None:
    text = (FIXTURES / "01_messaging.xml").read_text(encoding="utf-8")
    first = tmp_path / "Dev.xml"
    first.write_text(text, encoding="utf-8")
    third = tmp_path / "Test.xml"
    start = text.index("<SendPort ")
    end = text.index("</SendPort>", start) + len("</SendPort>")
    third.write_text(text[:start] + text[end:], encoding="utf-8")
    ws = Workspace(workspace_url, user="tester")
    before = full_state(ws)
    with pytest.raises(SettingsError, match="differ in structure"):
        ws.environments.import_as_environments([first, third])
    assert_unchanged(before, ws)
