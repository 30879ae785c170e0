"""Hostile and broken input: refused with a ``BindingFormatError`` naming file, line and column;
never another exception, never a read outside the input, never the network.

Broken *nested* documents (escaped filters, adapter settings) are not a reason to refuse a
file: they are kept as written, written back as read, and reported as problems.
"""

from __future__ import annotations

import codecs
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES, fixture_files

from model.bindings import BindingDocument, BindingFormatError, dump, load
from model.bindings.compare import compare_files
from model.bindings.problems import document_problems

MESSAGING = FIXTURES / "01_messaging.xml"
SECRET = "PORTWRIGHT-SECRET-MARKER-7f3a9c"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Any attempt to open a connection fails the test (and is recorded)."""
    calls: list[object] = []

    def refuse(self: object, address: object, *args: object) -> None:
        calls.append(address)
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: refuse(None, host))
    yield calls
    assert calls == []


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


def refused(tmp_path: Path, data: bytes, name: str = "input.xml") -> BindingFormatError:
    """Load ``data`` from a file and return the error; any other outcome fails the test."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(BindingFormatError) as info:
        load(path)
    e = info.value
    assert e.path == str(path)
    assert str(e) == f"{path}:{e.line}:{e.column}: {e.message}"
    assert e.line >= 1 and e.column >= 1 and e.message.strip()
    assert "\n" not in str(e)
    assert SECRET not in str(e)
    # The same bytes given directly are refused the same way.
    with pytest.raises(BindingFormatError) as again:
        load(data)
    assert (again.value.line, again.value.column, again.value.message) == (e.line, e.column, e.message)
    return e


def messaging() -> bytes:
    return MESSAGING.read_bytes()


def line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


# ---------------------------------------------------------------------------------------------
# Not XML at all, or not a binding file


def test_unclosed_tag(tmp_path: Path) -> None:
    e = refused(tmp_path, b'<?xml version="1.0"?>\n<BindingInfo>\n  <SendPortCollection>\n')
    assert e.line in (3, 4)
    assert "SendPortCollection" in e.message


def test_mismatched_tag(tmp_path: Path) -> None:
    data = messaging().replace(b"</PrimaryTransport>", b"</PrimaryTransports>", 1)
    e = refused(tmp_path, data)
    assert e.line == line_of(data, b"</PrimaryTransports>")
    assert "mismatch" in e.message.lower()


@pytest.mark.parametrize(
    "data",
    [
        b"this is not xml",
        b"\x00\x01\x02garbage",
        b'{"json": true}',
        b"<<<>>>",
        b"<BindingInfo",
        b"<!-- only a comment -->",
    ],
    ids=repr,
)
def test_garbage(tmp_path: Path, data: bytes) -> None:
    refused(tmp_path, data)


@pytest.mark.parametrize("data", [b"", b"   ", b" \n\t \r\n "], ids=["empty", "spaces", "whitespace"])
def test_empty_or_whitespace_only(tmp_path: Path, data: bytes) -> None:
    e = refused(tmp_path, data)
    assert (e.line, e.column) == (1, 1)
    assert "empty" in e.message


def test_wrong_root_element(tmp_path: Path) -> None:
    e = refused(tmp_path, b'<?xml version="1.0"?>\n<!-- an export -->\n<ReceivePortCollection />\n')
    assert (e.line, e.column) == (3, 1)
    assert "<ReceivePortCollection>" in e.message and "BindingInfo" in e.message


def test_truncated_before_the_first_port_is_complete(tmp_path: Path) -> None:
    data = messaging()
    cut = data.index(b"<PrimaryTransport>")
    e = refused(tmp_path, data[:cut])
    assert e.line >= data[:cut].count(b"\n")


def test_truncated_anywhere_raises_binding_format_error(tmp_path: Path) -> None:
    failures = []
    for path in fixture_files():
        data = path.read_bytes()
        for cut in range(len(data) // 10, len(data) - 20, max(1, len(data) // 10)):
            try:
                load(data[:cut])
            except BindingFormatError:
                continue
            except Exception as e:
                failures.append(f"{path.name}[:{cut}]: {type(e).__name__}")
            else:
                failures.append(f"{path.name}[:{cut}]: loaded")
    assert failures == []


# ---------------------------------------------------------------------------------------------
# Encodings


def test_invalid_utf8_bytes(tmp_path: Path) -> None:
    data = messaging().replace(b"Archives every order.", b"Archives \xff\xfe every order.")
    e = refused(tmp_path, data)
    assert e.line == line_of(data, b"Archives \xff")
    assert e.column == data.split(b"\n")[e.line - 1].index(b"\xff") + 1
    assert "utf-8" in e.message.lower()


def test_utf16_declaration_on_utf8_bytes_is_read_as_utf8() -> None:
    """.NET writes strings with encoding="utf-16" and saves them as UTF-8: the bytes decide."""
    data = messaging().replace(b'encoding="utf-8"', b'encoding="utf-16"', 1)
    doc = load(data)
    assert doc.encoding == "utf-8" and doc.bom == b""
    assert [p.name for p in doc.send_ports] == ["Orders.Archive.FILE", "Orders.Partner.FTP"]
    assert dump(doc) == data
    doc.send_ports[0] = doc.send_ports[0].model_copy(update={"description": "Zürich ✓"})
    out = dump(doc)
    assert "Zürich ✓".encode() in out and out.startswith(b'<?xml version="1.0" encoding="utf-16"?>')
    assert load(out).send_ports[0].description == "Zürich ✓"


def test_declared_single_byte_encoding_is_honoured() -> None:
    data = (
        messaging()
        .replace(b'encoding="utf-8"', b'encoding="iso-8859-1"', 1)
        .replace(b"Archives every order.", "Archivé: every order.".encode("latin-1"))
    )
    doc = load(data)
    assert doc.send_ports[0].description.startswith("Archivé: every order.")  # type: ignore[union-attr]
    assert dump(doc) == data


@pytest.mark.parametrize("name", ["klingon-1", "utf-9", "x"])
def test_unknown_encoding_name(tmp_path: Path, name: str) -> None:
    data = messaging().replace(b'encoding="utf-8"', f'encoding="{name}"'.encode(), 1)
    e = refused(tmp_path, data)
    assert name in e.message and "encoding" in e.message
    assert e.line == 1


@pytest.mark.parametrize("codec,bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_files_with_bom_round_trip(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = (FIXTURES / "08_utf16le_bom.xml").read_bytes()[2:].decode("utf-16-le")
    data = bom + text.encode(codec)
    path = tmp_path / f"{codec}.xml"
    path.write_bytes(data)
    doc = load(path)
    assert (doc.encoding, doc.bom) == (codec, bom)
    assert doc.send_ports[0].address == "C:\\Out\\Ünïcödé\\%MessageID%.xml"
    assert dump(doc) == data
    doc.send_ports[0] = doc.send_ports[0].model_copy(update={"priority": 9})
    out = dump(doc)
    assert out.startswith(bom) and out[len(bom) :].decode(codec).count("<Priority>9</Priority>") == 1
    assert load(out).send_ports[0].priority == 9
    assert compare_files(data, out).changed


def test_utf16_without_bom_is_detected() -> None:
    text = (FIXTURES / "08_utf16le_bom.xml").read_bytes()[2:].decode("utf-16-le")
    for codec in ("utf-16-le", "utf-16-be"):
        data = text.encode(codec)
        doc = load(data)
        assert doc.encoding == codec and dump(doc) == data


def test_odd_length_utf16_is_refused(tmp_path: Path) -> None:
    data = (FIXTURES / "08_utf16le_bom.xml").read_bytes()[:-1]
    refused(tmp_path, data)


# ---------------------------------------------------------------------------------------------
# Entities, DTDs, XInclude: refused without reading anything

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE BindingInfo [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<BindingInfo><SendPortCollection><SendPort Name="&lol9;" /></SendPortCollection></BindingInfo>
"""


def quadratic_blowup() -> bytes:
    big = "A" * 100_000
    refs = "&big;" * 10_000
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE BindingInfo [<!ENTITY big "{big}">]>\n'
        f'<BindingInfo><SendPortCollection><SendPort Name="x"><Description>{refs}</Description>'
        "</SendPort></SendPortCollection></BindingInfo>\n"
    ).encode()


def external_entity(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE BindingInfo [<!ENTITY ext SYSTEM "{url}">]>\n'
        '<BindingInfo><SendPortCollection><SendPort Name="x"><Description>&ext;</Description>'
        "</SendPort></SendPortCollection></BindingInfo>\n"
    ).encode()


def parameter_entity(url: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE BindingInfo [<!ENTITY % p SYSTEM "{url}"> %p;]>\n<BindingInfo />\n'
    ).encode()


def dtd_cases(secret: Path) -> dict[str, bytes]:
    return {
        "billion-laughs": BILLION_LAUGHS,
        "quadratic-blowup": quadratic_blowup(),
        "external-entity-file": external_entity(secret.as_uri()),
        "external-entity-etc-passwd": external_entity("file:///etc/passwd"),
        "external-entity-http": external_entity("http://example.invalid/secret.txt"),
        "external-dtd": b'<?xml version="1.0"?>\n<!DOCTYPE BindingInfo SYSTEM "http://example.invalid/x.dtd">\n'
        b"<BindingInfo />\n",
        "external-dtd-file": f'<!DOCTYPE BindingInfo SYSTEM "{secret.as_uri()}">\n<BindingInfo />\n'.encode(),
        "parameter-entity-file": parameter_entity(secret.as_uri()),
        "parameter-entity-http": parameter_entity("http://example.invalid/p.dtd"),
        "public-dtd": b'<!DOCTYPE BindingInfo PUBLIC "-//X//DTD X//EN" "http://example.invalid/x.dtd">\n'
        b"<BindingInfo />\n",
        "dtd-after-comment": b'<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE BindingInfo []>\n<BindingInfo />\n',
    }


DTD_CASE_IDS = list(dtd_cases(Path("/x")))


@pytest.mark.parametrize("case", DTD_CASE_IDS)
def test_document_type_declarations_are_refused(
    tmp_path: Path, secret_file: Path, case: str, no_network: list[object]
) -> None:
    data = dtd_cases(secret_file)[case]
    e = refused(tmp_path, data)
    text = data.decode("utf-8")
    assert e.line == text[: text.index("<!DOCTYPE")].count("\n") + 1
    assert SECRET not in repr(e.__dict__)
    assert "root:" not in str(e)  # /etc/passwd content never shows up
    assert no_network == []


@pytest.mark.parametrize("case", ["billion-laughs", "external-entity-file", "external-dtd"])
def test_document_type_declaration_message_says_why(tmp_path: Path, secret_file: Path, case: str) -> None:
    e = refused(tmp_path, dtd_cases(secret_file)[case])
    assert "DTD" in e.message or "document type" in e.message


def test_xinclude_is_refused_and_nothing_is_read(tmp_path: Path, secret_file: Path) -> None:
    for href in (str(secret_file), secret_file.as_uri(), "/etc/passwd", "http://example.invalid/x.xml"):
        include = (f'<xi:include href="{href}" parse="text" xmlns:xi="http://www.w3.org/2001/XInclude"/>').encode()
        data = messaging().replace(b'<Description xsi:nil="true" />', include, 1)
        e = refused(tmp_path, data)
        assert "XInclude" in e.message
        assert e.line == line_of(data, b"<xi:include")


def test_xinclude_2003_namespace_is_refused(tmp_path: Path, secret_file: Path) -> None:
    include = f'<xi:include href="{secret_file}" xmlns:xi="http://www.w3.org/2003/XInclude"/>'.encode()
    e = refused(tmp_path, messaging().replace(b"<Transforms />", include, 1))
    assert "XInclude" in e.message


def test_undefined_entity_reference_is_refused(tmp_path: Path) -> None:
    data = messaging().replace(b"Archives every order.", b"Archives &foo; order.")
    refused(tmp_path, data)


def test_undefined_entity_reference_message_names_it(tmp_path: Path) -> None:
    data = messaging().replace(b"Archives every order.", b"Archives &foo; order.")
    e = refused(tmp_path, data)
    assert "foo" in e.message
    assert e.line == line_of(data, b"&foo;")


# ---------------------------------------------------------------------------------------------
# Size and depth


def test_very_deep_nesting(tmp_path: Path) -> None:
    deep = b"<a>" * 10_000 + b"</a>" * 10_000
    data = messaging().replace(b"<Transforms />", b"<Transforms>" + deep + b"</Transforms>", 1)
    e = refused(tmp_path, data)
    assert "deep" in e.message
    assert e.line == line_of(data, deep[:30])


def test_very_deep_nesting_outside_the_ports(tmp_path: Path) -> None:
    data = b"<BindingInfo>" + b"<x>" * 10_000 + b"</x>" * 10_000 + b"</BindingInfo>"
    e = refused(tmp_path, data)
    assert "deep" in e.message and e.line == 1


def test_very_large_text_node(tmp_path: Path) -> None:
    big = b"y" * (20 * 1024 * 1024)
    data = messaging().replace(b"Archives every order.", big)
    e = refused(tmp_path, data)
    assert "large" in e.message
    assert e.line == line_of(data, b"<Description>" + big[:10])


# ---------------------------------------------------------------------------------------------
# Paths that are not files


def test_directory_path(tmp_path: Path) -> None:
    with pytest.raises(BindingFormatError) as info:
        load(tmp_path)
    assert info.value.path == str(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}:1:1: ") and "directory" in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "missing.xml"
    with pytest.raises(BindingFormatError) as info:
        load(str(path))
    assert str(info.value) == f"{path}:1:1: no such file"


def test_compare_refuses_what_load_refuses(tmp_path: Path, secret_file: Path) -> None:
    for data in (BILLION_LAUGHS, external_entity(secret_file.as_uri()), b"", b"<x/>", b"<BindingInfo>"):
        with pytest.raises(BindingFormatError) as info:
            compare_files(messaging(), data)
        assert SECRET not in str(info.value)


# ---------------------------------------------------------------------------------------------
# Broken nested documents: kept, written back, reported


def filter_with_entity(secret: Path) -> bytes:
    return (
        f'<Filter>&lt;!DOCTYPE Filter [&lt;!ENTITY x SYSTEM "{secret.as_uri()}"&gt;]&gt;'
        '&lt;Filter&gt;&lt;Group&gt;&lt;Statement Property="BTS.MessageType" Operator="0" Value="&amp;x;" /&gt;'
        "&lt;/Group&gt;&lt;/Filter&gt;</Filter>"
    ).encode()


NESTED_FILTERS = {
    "filter-not-xml": lambda secret: b"<Filter>BTS.ReceivePortName == Stock.In</Filter>",
    "filter-broken-xml": lambda secret: (
        b'<Filter>&lt;Filter&gt;&lt;Group&gt;&lt;Statement Property="A" Operator="0"&lt;/Group&gt;</Filter>'
    ),
    "filter-with-dtd": filter_with_entity,
}
NESTED_IDS = [*NESTED_FILTERS, "settings-broken-xml", "settings-not-xml"]


def broken_nested(case: str, secret: Path) -> tuple[bytes, str, str, bytes]:
    """A fixture with one nested document broken: (bytes, port name, "filter" | "settings", its text)."""
    data = (FIXTURES / "02_solicit_response_and_adapters.xml").read_bytes()
    if case.startswith("settings"):
        start = data.index(b"<TransportTypeData>", data.index(b'Name="Stock.Alert.SMTP"'))
        end = data.index(b"</TransportTypeData>", start)
        if case == "settings-broken-xml":
            broken = data[start:end].replace(b"&lt;/CustomProps&gt;", b"&lt;/CustomProp")
        else:
            broken = b"<TransportTypeData>SMTPHost=smtp.contoso.example;From=biztalk@contoso.example"
        return data[:start] + broken + data[end:], "Stock.Alert.SMTP", "settings", broken
    new = NESTED_FILTERS[case](secret)
    at = data.index(b"<Filter />", data.index(b'Name="Stock.Quote.HTTP"'))
    return data[:at] + new + data[at + len(b"<Filter />") :], "Stock.Quote.HTTP", "filter", new


@pytest.mark.parametrize("case", NESTED_IDS)
def test_broken_nested_document_is_kept_written_back_and_reported(tmp_path: Path, secret_file: Path, case: str) -> None:
    data, port_name, what, marker = broken_nested(case, secret_file)
    path = tmp_path / "nested.xml"
    path.write_bytes(data)
    doc = load(path)
    port = doc.port(port_name)
    assert port is not None
    if what == "filter":
        assert port.filter is not None and port.filter.unparsed is not None and port.filter.groups == ()
        raw = port.filter.unparsed
        assert port.filter.text() == "(unreadable filter)"
    else:
        settings = port.primary_transport.settings  # type: ignore[union-attr]
        assert settings is not None and settings.unparsed is not None and settings.properties == ()
        raw = settings.unparsed
    assert raw.strip() and raw in data.decode("utf-8").replace("&lt;", "<").replace("&gt;", ">").replace(
        "&quot;", '"'
    ).replace("&amp;", "&")
    assert SECRET not in repr(doc.send_ports) and SECRET not in dump(doc).decode()
    assert dump(doc) == data
    # Other ports are read as usual.
    assert doc.port("Stock.Check.WCF").primary_transport.settings.get("BindingType")  # type: ignore[union-attr]

    problems = [p for p in document_problems(doc) if p.severity == "error"]
    assert len(problems) == 1
    (problem,) = problems
    assert problem.subject == port_name and port_name in problem.message
    assert "not readable XML" in problem.message
    assert problem.line == line_of(data, marker)
    assert problem.format(str(path)).startswith(f"{path}:{problem.line}:")

    # Editing something else in the port keeps the broken text as it was.
    i = doc.send_ports.index(port)
    doc.send_ports[i] = port.model_copy(update={"priority": 9})
    out = dump(doc)
    again = load(out).send_ports[i]
    assert again.priority == 9
    assert again.filter == port.filter and again.primary_transport == port.primary_transport


def test_unreadable_filter_in_a_group_is_reported(tmp_path: Path) -> None:
    data = messaging().replace(b"<Filter />", b"<Filter>&lt;Filter&gt;&lt;Group&gt;</Filter>", 1)
    doc = load(data)
    group = doc.group("Orders.Nobody")
    assert group is not None and group.filter is not None and group.filter.unparsed == "<Filter><Group>"
    assert dump(doc) == data
    (problem,) = [p for p in document_problems(doc) if p.severity == "error"]
    assert problem.kind == "group" and problem.subject == "Orders.Nobody"
    assert problem.line == line_of(data, b"<Filter>&lt;Filter&gt;&lt;Group&gt;</Filter>")


@pytest.mark.parametrize("field", ["filter", "settings", "send_pipeline_data"])
def test_unreadable_text_written_into_an_element_form_value_keeps_the_file_readable(field: str) -> None:
    from model.domain import AdapterSettings, Filter

    doc = load(FIXTURES / "03_btdf_master.xml")
    port = doc.send_ports[0]
    value = "<a>x</b>"
    if field == "filter":
        edited = port.model_copy(update={"filter": Filter(unparsed=value)})
    elif field == "settings":
        edited = port.model_copy(
            update={
                "primary_transport": port.primary_transport.model_copy(  # type: ignore[union-attr]
                    update={"settings": AdapterSettings(unparsed=value)}
                )
            }
        )
    else:
        edited = port.model_copy(update={"send_pipeline_data": value})
    doc.send_ports[0] = edited
    again = load(dump(doc))
    assert again.send_ports[0] == edited


def test_new_document_with_hostile_looking_values_stays_readable() -> None:
    """Values that look like markup or entities are text: escaped on the way out, never interpreted."""
    from model.domain import Filter, FilterGroup, FilterStatement, new_send_port

    nasty = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e; <xi:include href="/etc/passwd"/> ]]> &amp;'
    port = new_send_port(nasty, address=nasty).model_copy(
        update={
            "description": nasty,
            "filter": Filter(groups=(FilterGroup(statements=(FilterStatement(property=nasty, value=nasty),)),)),
        }
    )
    again = load(dump(BindingDocument([port])))
    assert again.send_ports == [port]
    assert not re.search(r"root:.*:0:0:", repr(again.send_ports))
