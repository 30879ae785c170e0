"""Reading shares equal sub-models (adapter types, send handlers, pipelines) between ports:
one object in memory per distinct value, still frozen and still equal by value; invalid ones
are kept leniently as before, and nothing is remembered from one file to the next."""

from __future__ import annotations

from support.bindings import STANDARD

from model.bindings import dump, load, reader
from model.domain import Pipeline, replace


def test_equal_sub_models_are_one_object() -> None:
    doc = load(STANDARD)
    static = [p for p in doc.send_ports if p.is_static is not False and p.primary_transport is not None]
    assert len(static) >= 3
    adapters = {
        id(p.primary_transport.adapter)
        for p in static  # type: ignore[union-attr]
        if p.primary_transport.adapter_name == "FILE"
    }  # type: ignore[union-attr]
    assert len(adapters) == 1
    pipelines = [p.send_pipeline for p in doc.send_ports if p.send_pipeline is not None]
    assert len({id(p) for p in pipelines}) < len(pipelines)


def test_nothing_is_kept_after_a_file_is_read() -> None:
    load(STANDARD)
    assert reader._SHARED == {}


def test_editing_a_shared_sub_model_changes_one_port_only() -> None:
    doc = load(STANDARD)
    a, b = doc.send_ports[0], doc.send_ports[1]
    assert a.send_pipeline is b.send_pipeline
    changed = replace(a, send_pipeline=Pipeline(name="Custom.Pipeline"))
    doc.send_ports[0] = changed
    assert b.send_pipeline is not None and b.send_pipeline.name != "Custom.Pipeline"
    again = load(dump(doc))
    assert again.send_ports[0].send_pipeline.name == "Custom.Pipeline"  # type: ignore[union-attr]
    assert again.send_ports[1].send_pipeline == b.send_pipeline


def test_an_invalid_shared_value_is_still_kept_as_written() -> None:
    data = STANDARD.replace(b'<TransportType Name="FILE"', b'<TransportType Name=""', 1)
    doc = load(data)
    names = [
        p.primary_transport.adapter_name
        for p in doc.send_ports  # type: ignore[union-attr]
        if p.primary_transport is not None and p.primary_transport.adapter is not None
    ]
    assert "" in names and "FILE" in names
    assert dump(doc) == data
