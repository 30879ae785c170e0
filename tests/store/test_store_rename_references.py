"""A rename follows every reference to the port or group: group members, orchestration bindings
(``SendPortRef`` / ``DistributionListRef``), parties (``PartyCollection/.../SendPortRef``) and
filters naming the port, in the workspace and in what export writes; renaming back gives the
original export byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS
from lxml import etree
from support.bindings import binding_file, group, port

from model.bindings import load
from model.lifecycle import Kind
from model.store import Workspace

PARTY = (
    b"  <PartyCollection>\n"
    b'    <Party Name="Supplier">\n'
    b"      <SendPorts>\n"
    b'        <SendPortRef Name="A" />\n'
    b"      </SendPorts>\n"
    b"    </Party>\n"
    b"  </PartyCollection>\n"
)


def _file() -> bytes:
    """Ports A, B, C (C's filter names A as BTS.SendPortName), group G = [A, B] bound to an
    orchestration port, A bound to one too, a party sending through A."""
    data = binding_file(
        ports=[port("A"), port("B"), port("C", filter_value="A")],
        groups=[group("G", ["A", "B"])],
        orchestrations={"A": ["Orch.SendA"]},
    )
    data = data.replace(b"BTS.ReceivePortName", b"BTS.SendPortName")
    data = data.replace(b'  <PartyCollection xsi:nil="true" />\n', PARTY)
    # a second orchestration port bound to the group
    bound = (
        b'              <Port Name="Test.Orchestrations.Process.Orch.ToGroup" Modifier="1" BindingOption="1">\n'
        b'                <SendPortRef xsi:nil="true" />\n'
        b'                <DistributionListRef Name="G" />\n'
        b'                <ReceivePortRef xsi:nil="true" />\n'
        b"              </Port>\n"
    )
    return data.replace(b"          </Ports>\n", bound + b"          </Ports>\n")


def _refs(xml: bytes, xpath: str) -> list[str]:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    return [e.get("Name") for e in root.xpath(xpath) if e.get("Name") is not None]


@pytest.fixture
def ws(workspace_url: str) -> Workspace:
    w = Workspace(workspace_url)
    w.import_document(load(_file()), None, "refs.xml")
    yield w
    w.close()


def test_fixture_has_every_kind_of_reference() -> None:
    data = _file()
    assert _refs(data, "//ModuleRefCollection//SendPortRef") == ["A"]
    assert _refs(data, "//ModuleRefCollection//DistributionListRef") == ["G"]
    assert _refs(data, "//PartyCollection//SendPortRef") == ["A"]
    assert load(data).send_ports[2].filter.groups[0].statements[0].value == "A"


def test_port_rename_follows_orchestrations_parties_members_and_filters(ws: Workspace) -> None:
    original = ws.export()
    touched = ws.rename(Kind.PORT, "A", "A.Renamed")
    out = ws.export()
    assert _refs(out, "//ModuleRefCollection//SendPortRef") == ["A.Renamed"]
    assert _refs(out, "//PartyCollection//SendPortRef") == ["A.Renamed"]
    assert _refs(out, "//DistributionList[@Name='G']/SendPorts/SendPortRef") == ["A.Renamed", "B"]
    assert ws.port("C").model.filter.groups[0].statements[0].value == "A.Renamed"
    assert ws.orchestration_bindings()[(Kind.PORT, "A.Renamed")] == ["Test.Orchestrations.Process.Orch.SendA"]
    assert set(touched) == {(Kind.GROUP, "G"), (Kind.PORT, "C")}
    assert b'Name="A"' not in out and b"Value=&quot;A&quot;" not in out
    # only the references changed: the rest of the file is as it was
    assert out.replace(b"A.Renamed", b"A") == original
    ws.rename(Kind.PORT, "A.Renamed", "A")
    assert ws.export() == original


def test_group_rename_follows_orchestration_distribution_list_refs(ws: Workspace) -> None:
    original = ws.export()
    ws.rename(Kind.GROUP, "G", "G & Co")
    out = ws.export()
    assert _refs(out, "//ModuleRefCollection//DistributionListRef") == ["G & Co"]
    assert b'DistributionListRef Name="G &amp; Co"' in out
    etree.fromstring(out)  # escaped: the file still parses
    ws.rename(Kind.GROUP, "G & Co", "G")
    assert ws.export() == original


def test_a_second_client_exports_the_renamed_references(ws: Workspace, workspace_url: str) -> None:
    """Another client that exported before (and keeps the decoded file) sees the rename."""
    with Workspace(workspace_url) as other:
        assert _refs(other.export(), "//PartyCollection//SendPortRef") == ["A"]
        ws.rename(Kind.PORT, "A", "A2")
        assert _refs(other.export(), "//PartyCollection//SendPortRef") == ["A2"]


def test_rename_of_a_real_corpus_file_rewrites_orchestration_and_party_references(tmp_path: Path) -> None:
    source = CORPUS / "06_dheerajbhavsar__biztalk-sdk__SupplierBinding.xml"
    if not source.exists():
        pytest.skip("the shared corpus is not next to this checkout")
    path = tmp_path / source.name
    shutil.copy(source, path)
    original = path.read_bytes()
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.import_file(path)
        assert ws.export() == original
        ws.rename(Kind.PORT, "SP_FilesToShipmentAgency1", "SP_Agency1")
        out = ws.export()
        assert "SP_FilesToShipmentAgency1" not in out.decode("utf-8")
        assert len(re.findall(rb'SendPortRef Name="SP_Agency1"', out)) == len(
            re.findall(rb'SendPortRef Name="SP_FilesToShipmentAgency1"', original)
        )
        assert "SP_Agency1" in _refs(out, "//PartyCollection//SendPortRef")
        ws.rename(Kind.PORT, "SP_Agency1", "SP_FilesToShipmentAgency1")
        assert ws.export() == original
