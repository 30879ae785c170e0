"""The table of binding fields (``model.bindings.fields``) is what the reader, the writer and
validation's labels follow; the document's private constructor and the text tokenizer's
public functions do what their callers rely on."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from model.bindings import BindingDocument, dump, fields, load
from model.bindings import xmltext as xt
from model.bindings.fragments import from_skeleton, piece_state, skeleton_state
from model.bindings.writer import group_node, port_node
from model.domain import (
    AdapterType,
    Certificate,
    FilterStatement,
    Map,
    Pipeline,
    SendHandler,
    SendPort,
    SendPortGroup,
    Transport,
)
from model.validation import FIELDS, label
from tests.support.bindings import STANDARD

#: Each model and the tables that declare its fields (a handler's adapter is its own child).
TABLES: list[tuple[type[BaseModel], tuple[tuple[fields.Binding, ...], ...], set[str]]] = [
    (SendPort, (fields.PORT_ATTRIBUTES, fields.PORT_ELEMENTS), set()),
    (Transport, (fields.TRANSPORT_ELEMENTS,), set()),
    (SendPortGroup, (fields.GROUP_ATTRIBUTES, fields.GROUP_ELEMENTS), set()),
    (Pipeline, (fields.PIPELINE_ATTRIBUTES,), set()),
    (Certificate, (fields.CERTIFICATE_ATTRIBUTES,), set()),
    (AdapterType, (fields.ADAPTER_ATTRIBUTES,), set()),
    (SendHandler, (fields.HANDLER_ATTRIBUTES,), {"adapter"}),
    (Map, (fields.MAP_ATTRIBUTES,), set()),
    (FilterStatement, (fields.STATEMENT_ATTRIBUTES,), set()),
]


@pytest.mark.parametrize(("model", "tables", "elsewhere"), TABLES, ids=lambda v: getattr(v, "__name__", ""))
def test_every_model_field_is_declared_once(
    model: type[BaseModel], tables: tuple[tuple[fields.Binding, ...], ...], elsewhere: set[str]
) -> None:
    declared = [b.field for table in tables for b in table]
    assert len(declared) == len(set(declared))
    assert set(declared) | elsewhere == set(model.model_fields)


def test_attribute_rows_are_attributes_and_element_rows_are_elements() -> None:
    for table in fields.TABLES:
        for b in table:
            assert b.element.startswith("@") == (b.kind is fields.Kind.ATTRIBUTE), b
            assert b.label


def _full_port() -> SendPort:
    """A port with every element of the table set, so that the writer writes each one."""
    doc = load(STANDARD)
    port = next(p for p in doc.send_ports if p.name == "R")
    t = port.primary_transport
    assert t is not None
    backup = Transport.model_validate({**t.model_dump(), "address": "http://backup.test/r"})
    return port.model_copy(
        update={
            "description": "full",
            "send_pipeline_data": "<Root />",
            "secondary_transport": backup,
            "encryption_cert": Certificate(long_name="CN=x", thumbprint="AB"),
            "receive_pipeline_data": "<Root />",
            "outbound_maps": (Map(full_name="M.Out"),),
            "inbound_maps": (Map(full_name="M.In"),),
            "application": "App",
        }
    )


def test_writer_writes_a_port_in_the_tables_order() -> None:
    node = port_node(_full_port())
    assert [a for a, _ in node.attrs] == [b.tag for b in fields.PORT_ATTRIBUTES if b.field != "analytics_enabled"]
    assert [c.tag for c in node.children or ()] == [b.tag for b in fields.PORT_ELEMENTS]
    primary = next(c for c in node.children or () if c.tag == "PrimaryTransport")
    assert [c.tag for c in primary.children or ()] == [b.tag for b in fields.TRANSPORT_ELEMENTS]


def test_writer_writes_a_group_in_the_tables_order() -> None:
    g = SendPortGroup(name="G", description="d", members=("A",), application="App")
    assert [c.tag for c in group_node(g).children or ()] == [b.tag for b in fields.GROUP_ELEMENTS]


def test_reader_reads_back_what_the_writer_wrote() -> None:
    port = _full_port()
    doc = BindingDocument([port])
    again = load(dump(doc)).send_ports[0]
    assert again == port


def test_labels_and_element_names_come_from_the_table() -> None:
    assert FIELDS["retry_count"] == ("Retry count", "RetryCount")
    assert FIELDS["is_two_way"] == ("One-way/solicit-response", "@IsTwoWay")
    assert label("secondary_transport.retry_count") == "Backup transport › Retry count"
    assert label("filter.groups[0].statements[1].operator") == "Filter › Filter group › Filter statement › Operator"
    assert set(FIELDS) == {b.field for table in fields.TABLES for b in table}


# -- the document's private constructor ---------------------------------------------------------


def test_a_stored_skeleton_assembles_the_same_document() -> None:
    doc = load(STANDARD)
    empty = from_skeleton(skeleton_state(doc), (), ())
    assert (empty.name, empty.encoding, empty.style, empty.root_attributes, empty.timestamp) == (
        doc.name,
        doc.encoding,
        doc.style,
        doc.root_attributes,
        doc.timestamp,
    )
    assert empty.send_ports == [] and empty.groups == [] and empty.orchestration_bindings == {}
    assert [piece_state(p) for p in empty.pieces] == [piece_state(p) for p in doc.pieces]


def test_attach_places_a_port_in_its_slot_or_appends_it() -> None:
    doc = load(STANDARD)
    port = doc.send_ports[0]
    assert doc.owns(doc.origin(port))
    copy = port.model_copy()
    doc.attach(copy, "<SendPort />", None, "    ", 0, doc.style)
    assert not doc.owns(doc.origin(copy))
    other = BindingDocument()
    assert not other.owns(doc.origin(port))


# -- the tokenizer ---------------------------------------------------------------------------------


TEXT = '<?xml version="1.0"?><a x="1"><!-- c --><b /><![CDATA[<x>]]>t</a>'


def test_tokens_name_their_kind_and_keep_their_text() -> None:
    toks = list(xt.tokens(TEXT))
    assert [m.lastgroup for m in toks] == [xt.PI, xt.START, xt.COMMENT, xt.START, xt.CDATA, xt.END]
    assert "".join(m.group() for m in toks) + "t" == TEXT.replace("t</a>", "</a>t")
    assert [m.group("name") for m in toks if m.lastgroup == xt.START] == ["a", "b"]
    assert [xt.is_self_closing(m) for m in toks if m.lastgroup == xt.START] == [False, True]


def test_next_token_and_token_at() -> None:
    b = TEXT.index("<b")
    found = xt.next_token(TEXT, TEXT.index("-->"))
    assert found is not None and found.start() == b
    at = xt.token_at(TEXT, b)
    assert at is not None and at.group() == "<b />"
    assert xt.token_at(TEXT, b + 1) is None
    assert xt.next_token(TEXT, len(TEXT)) is None
