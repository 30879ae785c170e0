"""benchmarks.generate, the one generator of the tests' and the benchmarks' binding XML: adapter
facts come from the catalog, files read back exactly as written, a seed always gives the same file."""

from __future__ import annotations

from lxml import etree

from benchmarks.generate import binding_file, check, generate, group, port
from model.adapters import adapter_spec
from model.bindings import dump, load

#: Every adapter the realistic generator gives a static send port.
GENERATED_ADAPTERS = {"FILE", "FTP", "SFTP", "HTTP", "WCF-Custom", "WCF-BasicHttp", "SMTP", "MSMQ"}


def transport_types(data: bytes) -> set[tuple[str, str, str]]:
    """(Name, Capabilities, ConfigurationClsid) of every adapter reference in a file."""
    root = etree.fromstring(data)
    return {
        (e.get("Name", ""), e.get("Capabilities", ""), e.get("ConfigurationClsid", ""))
        for e in root.iter("TransportType", "ReceiveLocationTransportType")
    }


def test_adapter_facts_are_the_catalogs() -> None:
    small = binding_file(ports=[port("A"), port("R", two_way=True, address="http://example.test/r")])
    found = transport_types(generate(400, 40, seed=1)) | transport_types(small)
    assert {name for name, _, _ in found} == GENERATED_ADAPTERS
    for name, capabilities, clsid in found:
        spec = adapter_spec(name)
        assert spec is not None and capabilities == str(spec.capabilities), name
        if spec.configuration_clsid is not None:
            assert clsid == spec.configuration_clsid, name
    assert ("HTTP", "387", "1c56d157-0553-4345-8a1f-55d2d1a3ffb6") in found


def test_the_same_arguments_give_the_same_bytes() -> None:
    assert generate(60, 6, seed=3) == generate(60, 6, seed=3)
    assert generate(60, 6, seed=3) != generate(60, 6, seed=4)


def test_a_generated_file_keeps_its_promises_and_reads_back_unchanged() -> None:
    data = generate(300, 30)
    counts = check(data)
    assert (counts["send_ports"], counts["groups"]) == (300, 30)
    assert counts["two_way"] > 0 and counts["dynamic"] > 0 and counts["double_escaped"] > 0
    doc = load(data)
    assert len(doc.send_ports) == 300 and len(doc.groups) == 30
    assert dump(doc) == data


def test_a_small_file_holds_exactly_what_it_names() -> None:
    data = binding_file(
        ports=[
            port("A"),
            port("R", two_way=True, address="http://example.test/r"),
            port("D", "Other", static=False, description="Dynamic & <routed>", filter_value='In "x"'),
        ],
        groups=[group("G", ["A", "R"]), group("Empty", application=None)],
        orchestrations={"A": ["Orch.SendA"]},
    )
    doc = load(data)
    a, r, d = doc.send_ports
    assert [(p.name, p.is_static, p.is_two_way, p.application) for p in (a, r, d)] == [
        ("A", True, False, "App"),
        ("R", True, True, "App"),
        ("D", False, False, "Other"),
    ]
    assert a.primary_transport is not None and a.primary_transport.address == "C:\\Out\\A\\%MessageID%.xml"
    assert r.primary_transport is not None and r.primary_transport.adapter is not None
    assert r.primary_transport.adapter.name == "HTTP"
    assert d.primary_transport is None and d.description == "Dynamic & <routed>"
    assert d.filter is not None and d.filter.groups[0].statements[0].value == 'In "x"'
    assert [(g.name, g.members, g.application) for g in doc.groups] == [("G", ("A", "R"), "App"), ("Empty", (), None)]
    assert (doc.root_attributes["BindingStatus"], doc.root_attributes["BoundEndpoints"]) == ("FullyBound", "1")
    assert dump(doc) == data
