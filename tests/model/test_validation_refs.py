"""Validation of references from outside a port's or group's own element: an orchestration port
bound to a send port (``SendPortRef``) or group (``DistributionListRef``), or a party's send port
(``PartyCollection/Party/SendPorts/SendPortRef``), that names nothing in the file is a warning at
the line and column where the name is written. Group members are checked elsewhere."""

from __future__ import annotations

import pytest
from conftest import CORPUS
from support.bindings import binding_file, group, port
from support.cli import run_in_process

from model.bindings import dump, load
from model.bindings.problems import document_problems
from model.validation import Severity

PARTIES = """  <PartyCollection>
    <Party Name="Carrier">
      <Aliases />
      <SendPorts>
        <SendPortRef Name="B" />
        <!-- <SendPortRef Name="Commented" /> -->
        <SendPortRef Name="Nowhere" />
      </SendPorts>
      <SignatureCert xsi:nil="true" />
    </Party>
  </PartyCollection>
"""


def with_references(ports: int = 0) -> bytes:
    """A file whose orchestration ports name A, Gone, group G and NoGroup, and whose party names B,
    Nowhere (and, in a comment, Commented); ``ports`` more send ports make it long."""
    text = binding_file(
        ports=[port("A"), port("B"), *(port(f"Filler{i}") for i in range(ports))],
        groups=[group("G", ["A"])],
        orchestrations={"A": ["Orch.SendA"], "Gone": ["Orch.SendGone"], "B": ["Orch.SendB"]},
    ).decode()
    lists = text.split('<DistributionListRef xsi:nil="true" />')
    assert len(lists) == 4
    text = (
        lists[0]
        + '<DistributionListRef xsi:nil="true" />'
        + lists[1]
        + '<DistributionListRef Name="NoGroup" />'
        + lists[2]
        + '<DistributionListRef Name="G" />'
        + lists[3]
    )
    return text.replace('  <PartyCollection xsi:nil="true" />\n', PARTIES).encode()


def where(data: bytes, written: str) -> tuple[int, int]:
    """Line and column (1-based) of the only place ``written`` appears."""
    text = data.decode()
    assert text.count(written) == 1, written
    before = text[: text.index(written)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def reference_problems(data: bytes) -> list[tuple[int | None, int | None, str]]:
    return [
        (p.line, p.column, p.message)
        for p in document_problems(load(data))
        if p.severity is Severity.WARNING and "which is not in this file" in p.message
    ]


def test_orchestration_and_party_references_to_nothing_are_warnings_where_written() -> None:
    data = with_references()
    found = reference_problems(data)
    assert found == [
        (
            *where(data, '<SendPortRef Name="Gone" />'),
            "orchestration port 'Test.Orchestrations.Process.Orch.SendGone' "
            "is bound to send port 'Gone', which is not in this file (it must already be deployed where the file is "
            "imported)",
        ),
        (
            *where(data, '<DistributionListRef Name="NoGroup" />'),
            "orchestration port "
            "'Test.Orchestrations.Process.Orch.SendGone' is bound to send port group 'NoGroup', which is not in this "
            "file (it must already be deployed where the file is imported)",
        ),
        (
            *where(data, '<SendPortRef Name="Nowhere" />'),
            "party 'Carrier' lists send port 'Nowhere', which is not in "
            "this file (it must already be deployed where the file is imported)",
        ),
    ]
    problem = next(p for p in document_problems(load(data)) if "'Nowhere'" in p.message)
    line, column = where(data, '<SendPortRef Name="Nowhere" />')
    assert problem.format("f.xml").startswith(f"f.xml:{line}:{column}: warning: party 'Carrier' lists")


def test_reading_the_references_changes_nothing_else() -> None:
    data = with_references()
    doc = load(data)
    assert dump(doc) == data
    assert doc.orchestration_bindings == {
        "A": ["Test.Orchestrations.Process.Orch.SendA"],
        "Gone": ["Test.Orchestrations.Process.Orch.SendGone"],
        "B": ["Test.Orchestrations.Process.Orch.SendB"],
    }
    assert doc.group_bindings == {
        "NoGroup": ["Test.Orchestrations.Process.Orch.SendGone"],
        "G": ["Test.Orchestrations.Process.Orch.SendB"],
    }
    assert [(r.holder, r.kind, r.name) for r in doc.references] == [
        ("orchestration", "port", "A"),
        ("orchestration", "port", "Gone"),
        ("orchestration", "group", "NoGroup"),
        ("orchestration", "port", "B"),
        ("orchestration", "group", "G"),
        ("party", "port", "B"),
        ("party", "port", "Nowhere"),
    ]


def test_lines_are_exact_beyond_the_parsers_65535() -> None:
    data = with_references(ports=2500)
    line, column = where(data, '<SendPortRef Name="Nowhere" />')
    assert line > 70000
    assert (line, column) in [(p[0], p[1]) for p in reference_problems(data)]


def test_references_on_one_line_each_get_their_own_column() -> None:
    data = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<BindingInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        b'<ModuleRefCollection><ModuleRef Name="M"><Services><Service Name="S"><Ports>'
        b'<Port Name="P1"><SendPortRef Name="X" /></Port><Port Name="P2"><SendPortRef Name="Y" /></Port>'
        b"</Ports></Service></Services></ModuleRef></ModuleRefCollection><SendPortCollection />"
        b'<DistributionListCollection /><PartyCollection><Party Name="Q"><SendPorts><SendPortRef Name="Z" />'
        b"</SendPorts></Party></PartyCollection></BindingInfo>\n"
    )
    found = [(line, column) for line, column, _ in reference_problems(data)]
    assert found == [where(data, f'<SendPortRef Name="{n}"') for n in "XYZ"]
    assert len({c for _, c in found}) == 3


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus is absent ({CORPUS})")
def test_a_real_file_with_an_orchestration_bound_to_a_missing_port(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "03_FINTLabs__Fint.BizTalk.Example__PortBindingsMaster.xml"
    missing = "FINT.BizTalk.Example.GetPersonalressurser2_HTTP"
    line, column = where(path.read_bytes(), f'<SendPortRef Name="{missing}" />')
    result = run_in_process(capsys, "validate", path)
    assert result.code == 0, "a warning does not fail validation"
    assert (
        f"{path}:{line}:{column}: warning: orchestration port "
        f"'FINT.BizTalk.Example.Orchestrations.GetEmployeesFromFint.Port_GetEmployees' is bound to send port "
        f"'{missing}', which is not in this file" in result.out.splitlines()[0]
    )


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the corpus is absent ({CORPUS})")
def test_a_real_file_whose_parties_name_its_own_ports_has_no_such_warning() -> None:
    path = CORPUS / "06_dheerajbhavsar__biztalk-sdk__SupplierBinding.xml"
    doc = load(path)
    assert [r.name for r in doc.references if r.holder == "party"] == [
        "SP_FilesToShipmentAgency1",
        "SP_FilesToShipmentAgency2",
        "SP_POAck",
    ]
    assert reference_problems(path.read_bytes()) == []


def test_a_file_without_references_reads_none() -> None:
    doc = load(binding_file(ports=[port("A")]))
    assert doc.references == [] and reference_problems(binding_file(ports=[port("A")])) == []
