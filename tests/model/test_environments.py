"""Environments: BTDF spreadsheets and XmlPreprocess settings files read and written back
exactly; token masters filled per environment with every value escaped for where it lands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from model import bindings
from model.environments import preprocess, settings_file, spreadsheet
from model.environments.table import Environment, Setting, SettingsError, SettingsTable

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
SETTINGS = SHARED / "settings"
BINDINGS = SHARED / "bindings"

# A spreadsheet in BTDF's layout, written here: a skipped cell (ss:Index), a comment, a
# number, a boolean, an empty Default and CRLF line ends.
SHEET = (
    b'<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n'
    b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\r\n'
    b' xmlns:x="urn:schemas-microsoft-com:office:excel"\r\n'
    b' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\r\n'
    b' <Worksheet ss:Name="Settings">\r\n'
    b'  <Table ss:ExpandedColumnCount="5" ss:ExpandedRowCount="9" x:FullColumns="1">\r\n'
    b'   <Row><Cell><Data ss:Type="String">Environment Settings</Data></Cell></Row>\r\n'
    b"   <Row>\r\n"
    b'    <Cell><Data ss:Type="String">Environment Name:</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Default Values</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Dev</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Test</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Prod</Data></Cell>\r\n'
    b"   </Row>\r\n"
    b"   <Row>\r\n"
    b'    <Cell><Data ss:Type="String">Generate File?</Data></Cell>\r\n'
    b'    <Cell ss:Index="3"><Data ss:Type="String">Yes</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Yes</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">No</Data></Cell>\r\n'
    b"   </Row>\r\n"
    b"   <Row>\r\n"
    b'    <Cell><Data ss:Type="String">Settings File Name:</Data></Cell>\r\n'
    b'    <Cell ss:Index="3"><Data ss:Type="String">Dev_settings.xml</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Test_settings.xml</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">Prod_settings.xml</Data></Cell>\r\n'
    b"   </Row>\r\n"
    b'   <Row><Cell><Data ss:Type="String">Settings:</Data></Cell></Row>\r\n'
    b"   <Row>\r\n"
    b'    <Cell><Data ss:Type="String">OutDir</Data><Comment><ss:Data>Where files go</ss:Data></Comment></Cell>\r\n'
    b'    <Cell><Data ss:Type="String">C:\\Out</Data></Cell>\r\n'
    b'    <Cell ss:Index="5"><Data ss:Type="String">\\\\prod\\out</Data></Cell>\r\n'
    b"   </Row>\r\n"
    b"   <Row>\r\n"
    b'    <Cell><Data ss:Type="String">RetryCount</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="Number">3</Data></Cell>\r\n'
    b'    <Cell><Data ss:Type="Number">0</Data></Cell>\r\n'
    b"   </Row>\r\n"
    b"   <Row>\r\n"
    b'    <Cell><Data ss:Type="String">Tracing</Data></Cell>\r\n'
    b'    <Cell ss:Index="3"><Data ss:Type="Boolean">1</Data></Cell>\r\n'
    b"   </Row>\r\n"
    b"  </Table>\r\n </Worksheet>\r\n</Workbook>\r\n"
)


def test_spreadsheet_reads_btdf_layout() -> None:
    table, _ = spreadsheet.read(SHEET)
    assert [e.name for e in table.environments] == ["Dev", "Test", "Prod"]
    assert [e.generate for e in table.environments] == [True, True, False]
    assert table.environment("prod").file_name == "Prod_settings.xml"
    assert table.resolved("Dev")["OutDir"] == "C:\\Out"  # empty cell: the default
    assert table.resolved("Prod")["OutDir"] == "\\\\prod\\out"
    assert table.resolved("Dev")["RetryCount"] == "0" and table.resolved("Test")["RetryCount"] == "3"
    assert table.resolved("Dev")["Tracing"] == "True"
    assert "Tracing" not in table.resolved("Test") and table.undefined("Test") == ["Tracing"]


def test_spreadsheet_unchanged_is_written_back_byte_for_byte() -> None:
    table, decoded = spreadsheet.read(SHEET)
    assert spreadsheet.write(table, decoded) == SHEET


def test_spreadsheet_edits_touch_only_their_cells() -> None:
    table, decoded = spreadsheet.read(SHEET)
    out_dir = table.setting("OutDir")
    assert out_dir is not None
    out_dir.values["Test"] = "D:\\Test & <more>"
    table.settings.append(Setting("NewOne", "x", {"Prod": "y"}))
    table.environments.append(Environment("Stage", "Stage_settings.xml"))
    written = spreadsheet.write(table, decoded)
    again, _ = spreadsheet.read(written)
    assert again.resolved("Test")["OutDir"] == "D:\\Test & <more>"
    assert again.resolved("Prod")["NewOne"] == "y" and again.resolved("Dev")["NewOne"] == "x"
    assert [e.name for e in again.environments] == ["Dev", "Test", "Prod", "Stage"]
    assert again.resolved("Stage")["OutDir"] == "C:\\Out"
    # every other line of the file is as it was
    before = SHEET.decode().split("\r\n")
    after = written.decode().split("\r\n")
    assert set(before) - set(after) <= {
        '  <Table ss:ExpandedColumnCount="5" ss:ExpandedRowCount="9" x:FullColumns="1">',
        '    <Cell ss:Index="5"><Data ss:Type="String">\\\\prod\\out</Data></Cell>',
        '    <Cell><Data ss:Type="String">Prod</Data></Cell>',
        '    <Cell><Data ss:Type="String">No</Data></Cell>',
        '    <Cell><Data ss:Type="String">Prod_settings.xml</Data></Cell>',
    }
    root = etree.fromstring(written)
    ns = {"ss": spreadsheet.NAMESPACE}
    table_el = root.find(".//ss:Table", ns)
    assert table_el is not None
    assert int(table_el.get(f"{{{spreadsheet.NAMESPACE}}}ExpandedRowCount") or 0) >= len(table_el.findall("ss:Row", ns))


def test_spreadsheet_removing_a_setting_removes_its_row() -> None:
    table, decoded = spreadsheet.read(SHEET)
    table.settings = [s for s in table.settings if s.name != "RetryCount"]
    again, _ = spreadsheet.read(spreadsheet.write(table, decoded))
    assert [s.name for s in again.settings] == ["OutDir", "Tracing"]


def test_new_workbook_reads_back() -> None:
    table = SettingsTable(
        [Environment("Dev", "Dev.xml"), Environment("Prod", "Prod.xml", generate=False)],
        [Setting("A", "1", {"Prod": "2"}), Setting("B", None, {"Dev": "<x>"})],
    )
    again, _ = spreadsheet.read(spreadsheet.new_workbook(table))
    assert again.environments == table.environments
    for env in ("Dev", "Prod"):
        assert again.resolved(env) == table.resolved(env)
    assert again.resolved("Prod") == {"_xml_preprocess": "True", "A": "2"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"<settings/>", "not a SpreadsheetML workbook"),
        (b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', "no worksheet"),
        (
            b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
            b'<Row><Cell><Data ss:Type="String" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">x</Data>'
            b"</Cell></Row></Table></Worksheet></Workbook>",
            "Environment Name:",
        ),
    ],
)
def test_spreadsheet_refusals_name_the_problem(text: bytes, message: str) -> None:
    with pytest.raises(SettingsError, match=re.escape(message)):
        spreadsheet.read(text)


def test_spreadsheet_with_entities_is_refused() -> None:
    evil = b'<!DOCTYPE x [<!ENTITY e "boom">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">&e;</Workbook>'
    with pytest.raises(bindings.BindingFormatError):
        spreadsheet.read(evil)


SETTINGS_FILE = (
    '\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<settings>\r\n  <!--Environment: Test-->\r\n'
    '  <property name="OutDir">D:\\Out &amp; more</property>\r\n  <property name="Empty"></property>\r\n'
    "</settings>"
).encode()


def test_settings_file_round_trip_and_edits() -> None:
    parsed, decoded = settings_file.read(SETTINGS_FILE)
    assert parsed.environment == "Test"
    assert parsed.values == {"OutDir": "D:\\Out & more", "Empty": ""}
    assert settings_file.write(parsed, decoded) == SETTINGS_FILE
    parsed.values["OutDir"] = "E:\\<new>"
    del parsed.values["Empty"]
    parsed.values["Added"] = "1"
    again, _ = settings_file.read(settings_file.write(parsed, decoded))
    assert again.values == {"OutDir": "E:\\<new>", "Added": "1"}
    fresh, _ = settings_file.read(settings_file.write(again))
    assert fresh.values == again.values


def test_settings_file_refuses_duplicates_and_strangers() -> None:
    with pytest.raises(SettingsError, match="appears twice"):
        settings_file.read(b'<settings><property name="A">1</property><property name="a">2</property></settings>')
    with pytest.raises(SettingsError, match="unexpected <x>"):
        settings_file.read(b"<settings><x/></settings>")


# -- preprocessing ---------------------------------------------------------------------------

MASTER = """<?xml version="1.0" encoding="utf-8"?>
<BindingInfo xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SendPortCollection>
    <SendPort Name="${PortPrefix}.Out" IsStatic="true" IsTwoWay="false" BindingOption="1">
      <PrimaryTransport>
        <!-- #ifdef _xml_preprocess -->
        <!-- <Address>${OutDir}\\%datetime_bts2000%.xml</Address> -->
        <!-- #else -->
        <Address>C:\\Dev\\%MessageID%.xml</Address>
        <!-- #endif -->
        <TransportType Name="FILE" Capabilities="11" ConfigurationClsid="5e49e3a6-b4fc-4077-b44c-22f34a242fdb" />
        <TransportTypeData>&lt;CustomProps&gt;&lt;FileName vt="8"&gt;${FileName}&lt;/FileName&gt;&lt;Binding vt="8"&gt;&amp;lt;binding name="${BindingName}" /&amp;gt;&lt;/Binding&gt;&lt;/CustomProps&gt;</TransportTypeData>
        <RetryCount>${Retries}</RetryCount>
      </PrimaryTransport>
      <!-- #if GetProperty("Env") == "Prod" || defined(ForceTracking) -->
      <!-- <Description>production</Description> -->
      <!-- #endif -->
      <ApplicationName>App</ApplicationName>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
"""

TRICKY = 'a&b<c>"d"%datetime_bts2000%'


def _values(**extra: str) -> dict[str, str]:
    return {
        "PortPrefix": 'P&"1',
        "OutDir": "D:\\Out & <In>",
        "FileName": TRICKY,
        "BindingName": TRICKY,
        "Retries": "5",
        "Env": "Test",
        **extra,
    }


def test_fill_escapes_each_value_for_where_it_lands() -> None:
    out = preprocess.fill(MASTER, _values())
    assert "${" not in out
    root = etree.fromstring(out.encode())
    port = root.find(".//SendPort")
    assert port is not None and port.get("Name") == 'P&"1.Out'
    assert [a.text for a in root.iter("Address")] == ["D:\\Out & <In>\\%datetime_bts2000%.xml"]
    inner = etree.fromstring((port.findtext(".//TransportTypeData") or "").encode())
    assert inner.findtext("FileName") == TRICKY  # escaped twice in the file
    binding = etree.fromstring((inner.findtext("Binding") or "").encode())
    assert binding.get("name") == TRICKY  # escaped three times
    assert port.findtext(".//RetryCount") == "5"
    assert root.find(".//Description") is None  # the #if was false


def test_fill_output_loads_as_a_binding_file() -> None:
    document = bindings.load(preprocess.fill(MASTER, _values(Env="prod")).encode())
    port = document.send_ports[0]
    assert port.description == "production"  # the #if compares case-insensitively, as XmlPreprocess does
    assert port.primary_transport is not None and port.primary_transport.retry_count == 5


def test_fill_refuses_with_every_unresolved_token() -> None:
    values = _values()
    del values["FileName"], values["Retries"]
    with pytest.raises(preprocess.PreprocessError) as caught:
        preprocess.fill(MASTER, values)
    assert caught.value.unresolved == ["FileName", "Retries"]
    assert "${FileName}" in str(caught.value) and "${Retries}" in str(caught.value)


def test_fill_nested_fallback_and_recursive_tokens() -> None:
    text = "<a x='${Name_${Machine}}'>${Missing;Backup}|${Composite}</a>"
    out = preprocess.fill(text, {"Machine": "m1", "Name_m1": "it's", "Backup": "b", "Composite": "${Backup}+1"})
    assert etree.fromstring(out.encode()).get("x") == "it's"
    assert etree.fromstring(out.encode()).text == "b|b+1"
    with pytest.raises(preprocess.PreprocessError, match="refers to itself"):
        preprocess.fill("<a>${A}</a>", {"A": "${B}", "B": "${A}"})


def test_directives_refuse_unbalanced_and_nested_blocks() -> None:
    with pytest.raises(preprocess.PreprocessError, match="without '#endif'"):
        preprocess.fill("<a>\n<!-- #ifdef X -->\n</a>", {})
    with pytest.raises(preprocess.PreprocessError, match="nested"):
        preprocess.fill("<a>\n<!-- #ifdef X -->\n<!-- #ifdef Y -->\n<!-- #endif -->\n<!-- #endif -->\n</a>", {})
    with pytest.raises(preprocess.PreprocessError, match="unknown function"):
        preprocess.fill('<a>\n<!-- #if Boom("x") -->\n<!-- #endif -->\n</a>', {})


# -- the real corpus, when it is there --------------------------------------------------------

needs_corpus = pytest.mark.skipif(not SETTINGS.is_dir(), reason="the shared corpus is not on this machine")


@needs_corpus
@pytest.mark.parametrize(
    "path",
    sorted(p for p in SETTINGS.glob("*.xml") if "PortBindingsMaster" not in p.name) if SETTINGS.is_dir() else [],
    ids=lambda p: p.name[:2],
)
def test_corpus_settings_files_write_back_exactly(path: Path) -> None:
    data = path.read_bytes()
    if spreadsheet.is_spreadsheet(data.decode("utf-8-sig", "replace")):
        table, decoded = spreadsheet.read(path)
        assert table.environments and spreadsheet.write(table, decoded) == data
    else:
        parsed, decoded_file = settings_file.read(path)
        assert parsed.values and settings_file.write(parsed, decoded_file) == data


@needs_corpus
def test_corpus_exported_settings_match_their_spreadsheet() -> None:
    table, _ = spreadsheet.read(SETTINGS / "01_BTDF__DeploymentFramework__SettingsFileGenerator.xml")
    exported, _ = settings_file.read(SETTINGS / "06_joshmen__Jenkins_Practice_1__Exported_LocalSettings.xml")
    resolved = table.resolved(exported.environment or "")
    resolved.pop("_xml_preprocess")
    assert resolved == exported.values


@needs_corpus
@pytest.mark.parametrize(
    ("sheet", "master"),
    [
        (
            "02_BTDF__DeploymentFramework__SettingsFileGenerator.xml",
            "03_BTDF__DeploymentFramework__PortBindingsMaster.xml",
        ),
        (
            "04_BTDF__DeploymentFramework__SettingsFileGenerator.xml",
            "05_BTDF__DeploymentFramework__PortBindingsMaster.xml",
        ),
    ],
)
def test_corpus_masters_filled_per_environment(sheet: str, master: str) -> None:
    table, _ = spreadsheet.read(SETTINGS / sheet)
    text = (SETTINGS / master).read_text(encoding="utf-8-sig")
    outputs = {}
    for env in table.environments:
        out = preprocess.fill(text, table.resolved(env.name))
        assert "${" not in out
        bindings.load(out.encode())
        outputs[env.name] = out
    # the master's addresses come from the settings, per environment
    for env in table.environments:
        addresses = re.findall(r"<Address>(.*?)</Address>", outputs[env.name])
        values = table.resolved(env.name)
        assert any(v in a for a in addresses for k, v in values.items() if k.endswith("Path")), env.name


@needs_corpus
@pytest.mark.parametrize("number", ["10", "12", "16", "03"])
def test_corpus_token_masters_fill_and_load(number: str) -> None:
    path = next(BINDINGS.glob(f"{number}_*"))
    text = path.read_text(encoding="utf-8-sig")
    names = sorted(set(re.findall(r"\$\{([^}]*)\}", text)) - {"_xml_preprocess"})
    values = {name: f"{name}&<v>" for name in names}
    values["TargetEnvironment"] = "DEV"
    out = preprocess.fill(text, values)
    assert "${" not in out
    document = bindings.load(out.encode())
    assert document.send_ports
    # the master itself is untouched and still round-trips (the importer's own test covers bytes)
    assert path.read_text(encoding="utf-8-sig") == text


BLANKED = """<?xml version="1.0" encoding="utf-8"?>
<BindingInfo>
  <SendPortCollection>
    <SendPort Name="Out.SFTP" IsStatic="true" IsTwoWay="false" BindingOption="0">
      <PrimaryTransport>
        <Address>sftp://host/in</Address>
        <TransportTypeData>&lt;CustomProps&gt;&lt;UserName vt="8"&gt;svc&lt;/UserName&gt;&lt;Password vt="1" /&gt;&lt;/CustomProps&gt;</TransportTypeData>
      </PrimaryTransport>
      <ApplicationName>App</ApplicationName>
    </SendPort>
  </SendPortCollection>
</BindingInfo>
"""


def test_a_blanked_password_is_never_exported_blank_by_accident() -> None:
    from model.environments.produce import produce

    with pytest.raises(preprocess.PreprocessError) as caught:
        produce(BLANKED.encode(), {}, environ={})
    assert caught.value.unresolved == ["Out.SFTP.Password"]
    out = produce(BLANKED.encode(), {}, secrets={"Out.SFTP.Password": TRICKY}, environ={})
    data = etree.fromstring(out).findtext(".//TransportTypeData") or ""
    password = etree.fromstring(data.encode()).find("Password")
    assert password is not None and password.get("vt") == "8" and password.text == TRICKY
    out = produce(BLANKED.encode(), {}, environ={"PORTWRIGHT_SETTING_OUT_SFTP_PASSWORD": ""})
    data = etree.fromstring(out).findtext(".//TransportTypeData") or ""
    password = etree.fromstring(data.encode()).find("Password")
    assert password is not None and (password.text or "") == ""  # blank on purpose, as given
