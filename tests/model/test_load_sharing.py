"""Reading shares what ports repeat (adapter settings and filters by their escaped text, maps)
without letting an edit of one port reach another; a port's origin holds its text as a place
in the file and its model weakly, so a loaded document is freed without the cyclic collector."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from conftest import corpus_files, fixture_files
from support.bindings import STANDARD, binding_file, generate, port

from model.bindings import BindingDocument, BindingFormatError, dump, load, reader, safe
from model.domain import AdapterSettings, Filter, FilterGroup, FilterStatement, replace
from model.port_edits import with_settings

SHARED_FILTERS = binding_file(
    ports=[port("A", filter_value="X"), port("B", filter_value="X"), port("C", filter_value="Y")]
)


def test_equal_escaped_documents_are_one_model() -> None:
    doc = load(SHARED_FILTERS)
    a, b, c = doc.send_ports
    assert a.primary_transport is not None and b.primary_transport is not None
    assert a.primary_transport.settings is b.primary_transport.settings
    assert a.filter is b.filter and a.filter is not c.filter
    assert a.filter is not None and a.filter.properties() == ["BTS.ReceivePortName"]
    assert c.filter is not None and c.filter.groups[0].statements[0].value == "Y"
    assert reader._SHARED == {}  # nothing kept for the next file


def test_editing_shared_settings_changes_one_port_only() -> None:
    doc = load(SHARED_FILTERS)
    a, b, _c = doc.send_ports
    assert a.primary_transport is not None and a.primary_transport.settings is not None
    before = b.primary_transport.settings if b.primary_transport else None
    settings = a.primary_transport.settings.with_value("FileName", "changed.xml")
    doc.send_ports[0] = with_settings(a, settings)
    assert b.primary_transport is not None and b.primary_transport.settings is before
    assert before is not None and before.value("FileName") == "%MessageID%.xml"
    again = load(dump(doc))
    changed, untouched = again.send_ports[0], again.send_ports[1]
    assert changed.primary_transport is not None and changed.primary_transport.settings is not None
    assert changed.primary_transport.settings.value("FileName") == "changed.xml"
    assert untouched.primary_transport is not None and untouched.primary_transport.settings == before


def test_editing_a_shared_filter_changes_one_port_only() -> None:
    doc = load(SHARED_FILTERS)
    a, b, _c = doc.send_ports
    new_filter = Filter(groups=(FilterGroup(statements=(FilterStatement(property="BTS.MessageType"),)),))
    doc.send_ports[0] = replace(a, filter=new_filter)
    assert b.filter is not None and b.filter.properties() == ["BTS.ReceivePortName"]
    text = dump(doc).decode()
    assert text.count("BTS.MessageType") == 1 and text.count("BTS.ReceivePortName") >= 2
    assert load(text.encode()).send_ports[1].filter == b.filter


def test_unreadable_escaped_settings_are_kept_unshared() -> None:
    bad = "&lt;CustomProps&gt;&lt;FileName"  # cut short: not a document
    data = SHARED_FILTERS.replace(b"&lt;CustomProps&gt;", bad.encode(), 1)
    assert data != SHARED_FILTERS
    doc = load(data)
    first = doc.send_ports[0].primary_transport
    assert first is not None and isinstance(first.settings, AdapterSettings)
    assert first.settings.unparsed is not None and first.settings.properties == ()
    assert dump(doc) == data


def test_a_loaded_document_is_freed_by_reference_counting() -> None:
    doc = load(STANDARD)
    refs = [weakref.ref(p) for p in doc.send_ports] + [weakref.ref(g) for g in doc.groups]
    was_enabled = gc.isenabled()
    gc.disable()  # this test's own thread only: nothing may depend on a collection
    try:
        del doc
        assert all(r() is None for r in refs)
    finally:
        if was_enabled:
            gc.enable()


def test_origin_text_is_the_element_as_written() -> None:
    doc = load(STANDARD)
    text = STANDARD.decode()
    for obj in [*doc.send_ports, *doc.groups]:
        origin = BindingDocument.origin(obj)
        assert origin is not None and origin.model is obj
        assert origin.raw in text and origin.raw.startswith(("<SendPort ", "<DistributionList "))
        assert origin.raw.endswith(("</SendPort>", "</DistributionList>"))
    assert dump(doc) == STANDARD


def test_an_edit_is_written_after_the_model_read_is_gone() -> None:
    doc = load(STANDARD)
    original = doc.send_ports[2]
    values = dict(original.__dict__)
    edited = replace(original, description="described later")
    doc.send_ports[2] = edited
    del original
    origin = BindingDocument.origin(edited)
    assert origin is not None and origin.model is not edited
    assert origin.model.__dict__ == values  # an equal model, rebuilt from the fields read
    assert origin.model is origin.model  # and kept
    out = dump(doc)
    assert out.decode().count("described later") == 1
    removed = set(STANDARD.decode().splitlines()) - set(out.decode().splitlines())
    assert removed <= {line for line in STANDARD.decode().splitlines() if "<Description" in line}
    again = load(out)
    assert again.send_ports[2].description == "described later"
    assert [p.description for i, p in enumerate(again.send_ports) if i != 2] == [
        p.description for i, p in enumerate(load(STANDARD).send_ports) if i != 2
    ]


def _alone(data: bytes) -> tuple[list[object], list[object]]:
    """Every port and group of ``data`` read one by one, nothing shared between them."""
    decoded = safe.decode(data, "<test>")
    root = safe.parse_document(decoded, "<test>", data)
    ports, groups = [], []
    for coll, read, out in (
        ("SendPortCollection", reader.read_port, ports),
        ("DistributionListCollection", reader.read_group, groups),
    ):
        found = root.find(coll)
        for el in found if found is not None else ():
            if el.tag in ("SendPort", "DistributionList"):
                reader.forget_shared()
                out.append(read(el))
    reader.forget_shared()
    return ports, groups


SOURCES = [pytest.param(f, id=f.name[:40]) for f in [*fixture_files(), *corpus_files()]]


@pytest.mark.parametrize("path", SOURCES)
def test_shared_reading_gives_the_models_of_reading_each_port_alone(path: Path) -> None:
    data = path.read_bytes()
    try:
        doc = load(data)
    except BindingFormatError:
        pytest.skip("not a readable binding file")
    ports, groups = _alone(data)
    assert doc.send_ports == ports
    assert doc.groups == groups


def test_shared_reading_of_a_generated_file_matches_reading_alone() -> None:
    data = generate(400, 40, seed=3)
    doc = load(data)
    ports, groups = _alone(data)
    assert len(ports) == 400 and doc.send_ports == ports
    assert doc.groups == groups
    settings = [p.primary_transport.settings for p in doc.send_ports if p.primary_transport is not None]
    assert len({id(s) for s in settings}) < len(settings)  # some are shared
