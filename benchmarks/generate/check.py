"""Parse a generated file back and check what the generator promises; used by ``--check``.

Everything is parsed with the hardened parser: the document, every escaped document in it
(adapter settings, filters, pipeline data) and every XML value inside those (the
double-escaped ones). Then the structure: unique names, SendPort children in export order,
group members that exist and are static one-way, references that resolve.
"""

from __future__ import annotations

import re

from lxml import etree

from .elements import SENDPORT_ORDER

#: Elements whose text is an escaped XML document.
NESTED_TAGS = (
    "TransportTypeData",
    "ReceiveLocationTransportTypeData",
    "Filter",
    "SendPipelineData",
    "ReceivePipelineData",
)
DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.DOTALL)


def hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def check(data: bytes) -> dict[str, int]:
    """Counts of what ``data`` holds; raises AssertionError or lxml.etree.XMLSyntaxError on the
    first broken promise."""
    parser = hardened_parser()
    root = etree.fromstring(data, parser)
    counts = {"nested": 0, "double_escaped": 0}
    for el in root.iter(*NESTED_TAGS):
        text = (el.text or "").strip()
        if not text:
            continue
        inner = etree.fromstring(DECL.sub("", text), parser)
        counts["nested"] += 1
        for sub in inner.iter():
            t = (sub.text or "").strip()
            if t.startswith("<"):
                etree.fromstring(DECL.sub("", t), parser)
                counts["double_escaped"] += 1
        if el.tag == "Filter":
            for st in inner.iter("Statement"):
                op = st.get("Operator")
                assert op in {"0", "1", "2", "3", "4", "5", "6", "7"}, op
                assert (st.get("Value") is None) == (op == "6"), etree.tostring(st)
                counts[f"op{op}"] = counts.get(f"op{op}", 0) + 1
    ports = root.findall("SendPortCollection/SendPort")
    names = [p.get("Name") for p in ports]
    assert len(set(names)) == len(names), "duplicate send port names"
    by_name = {p.get("Name"): p for p in ports}
    for p in ports:
        tags = [c.tag for c in p]
        positions = [SENDPORT_ORDER.index(t) for t in tags]
        assert positions == sorted(positions), (p.get("Name"), tags)
        two_way = p.get("IsTwoWay") == "true"
        assert ("InboundTransforms" in tags) == two_way and ("ReceivePipeline" in tags) == two_way, p.get("Name")
        assert ("PrimaryTransport" in tags) == (p.get("IsStatic") == "true"), p.get("Name")
    groups = root.findall("DistributionListCollection/DistributionList")
    assert len({g.get("Name") for g in groups}) == len(groups), "duplicate group names"
    for g in groups:
        members = [m.get("Name") for m in g.iterfind("SendPorts/SendPortRef")]
        assert 1 <= len(members) <= 20 and len(set(members)) == len(members), g.get("Name")
        for m in members:
            sp = by_name[m]
            assert sp.get("IsStatic") == "true" and sp.get("IsTwoWay") == "false", (g.get("Name"), m)
    receive_ports = {rp.get("Name") for rp in root.iterfind("ReceivePortCollection/ReceivePort")}
    for ref in root.iterfind(".//Port/SendPortRef[@Name]"):
        assert ref.get("Name") in by_name, ref.get("Name")
    for ref in root.iterfind(".//Port/ReceivePortRef[@Name]"):
        assert ref.get("Name") in receive_ports, ref.get("Name")
    counts.update(
        send_ports=len(ports),
        groups=len(groups),
        receive_ports=len(receive_ports),
        applications=len({p.findtext("ApplicationName") for p in ports}),
        two_way=sum(p.get("IsTwoWay") == "true" for p in ports),
        dynamic=sum(p.get("IsStatic") == "false" for p in ports),
        backup_transport=sum(1 for p in ports if (p.findtext("SecondaryTransport/Address") or "")),
        filters=sum(1 for p in ports if (p.findtext("Filter") or "").strip()),
        outbound_maps=sum(1 for p in ports if p.find("Transforms/Transform") is not None),
        inbound_maps=sum(1 for p in ports if p.find("InboundTransforms/Transform") is not None),
        send_pipeline_data=sum(1 for p in ports if p.find("SendPipelineData") is not None),
        bound_by_orchestration=len(root.findall(".//Port/SendPortRef[@Name]")),
    )
    return counts
