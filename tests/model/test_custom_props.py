"""model.custom_props: CustomProps as text and minimal rewrites of wrapped <Config> documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import bindings
from model.custom_props import (
    BAD_VT,
    DTD_REFUSED,
    EMPTY_DOCUMENT,
    NAMESPACED_PROPERTY,
    NOT_CUSTOM_PROPS,
    XmlProblem,
    config_values,
    parse_document,
    remove_config_child,
    rename_config_child,
    set_config_child,
    settings_from_text,
    settings_text,
)
from model.domain import AdapterProperty, AdapterSettings

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "tests" / "fixtures").glob("*.xml")) + [ROOT / "resources" / "samples" / "contoso-orders.xml"]
PRETTY = "<Config>\n  <a>1</a>\n  <c>3</c>\n</Config>"
XXE = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<a>&x;</a>'


def _all_settings() -> list[tuple[str, AdapterSettings]]:
    found = []
    for path in FILES:
        try:
            document = bindings.load(path)
        except bindings.BindingFormatError:
            continue  # a fixture that is meant to be refused
        for port in document.send_ports:
            for transport in (port.primary_transport, port.secondary_transport):
                if transport is not None and transport.settings is not None and transport.settings.unparsed is None:
                    found.append((f"{path.name}:{port.name}", transport.settings))
    return found


SETTINGS = _all_settings()


# -- parsing typed text ----------------------------------------------------------------------


def test_parse_document_keeps_lines_true_past_a_declaration() -> None:
    root = parse_document('<?xml version="1.0" encoding="utf-16"?>\n<a>\n<b/></a>')
    assert root.tag == "a" and root[0].sourceline == 3


@pytest.mark.parametrize(
    ("text", "template", "line"),
    [
        ("", EMPTY_DOCUMENT, 1),
        ("  \n ", EMPTY_DOCUMENT, 1),
        (XXE, DTD_REFUSED, 2),
        ('<a>\n<!ENTITY y "z"></a>', DTD_REFUSED, 2),
    ],
)
def test_parse_document_refuses_empty_text_and_dtds(text: str, template: str, line: int) -> None:
    with pytest.raises(XmlProblem) as caught:
        parse_document(text)
    problem = caught.value
    assert problem.template == template and problem.message == template == str(problem)
    assert problem.line == line


def test_parse_document_reports_malformed_xml_where_it_is() -> None:
    with pytest.raises(XmlProblem) as caught:
        parse_document("<a>\n  <b></a>")
    problem = caught.value
    assert problem.line == 2 and problem.column >= 1
    assert "mismatch" in problem.message.lower()
    assert not re.search(r"column \d+$", problem.message)  # the position is not repeated in the text
    assert problem.template is None  # the parser's own words: nothing to translate


def test_parse_document_expands_no_undeclared_entity() -> None:
    with pytest.raises(XmlProblem, match="ext"):
        parse_document("<a>&ext;</a>")


# -- CustomProps -----------------------------------------------------------------------------


def test_settings_text_writes_one_property_per_line_with_values_escaped_once() -> None:
    settings = AdapterSettings(
        properties=(
            AdapterProperty("A", 8, '<x a="1">t &amp; u</x>'),
            AdapterProperty("B", 1, None),
            AdapterProperty("C", None, "two\nlines"),
            AdapterProperty("D", 8, ""),
        )
    )
    text = settings_text(settings)
    lines = text.splitlines()
    assert lines[0] == "<CustomProps>" and lines[-1] == "</CustomProps>"
    assert '  <A vt="8">&lt;x a="1"&gt;t &amp;amp; u&lt;/x&gt;</A>' in lines
    assert '  <B vt="1" />' in lines and '  <D vt="8" />' in lines
    assert settings_from_text(text, settings) == settings


@pytest.mark.parametrize(("where", "settings"), SETTINGS, ids=[w for w, _ in SETTINGS])
def test_settings_of_every_fixture_round_trip(where: str, settings: AdapterSettings) -> None:
    assert settings_from_text(settings_text(settings), settings) == settings


def test_fixtures_hold_settings_to_round_trip() -> None:
    assert len(SETTINGS) >= 30
    assert any(p.name == "AdapterConfig" for _, s in SETTINGS for p in s.properties)


_NAMES = st.from_regex(r"[A-Za-z_][A-Za-z0-9_.-]{0,12}", fullmatch=True)
_VALUES = st.none() | st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20).map(
    lambda s: s.strip() or None
)  # layout around a value is not kept (an element's text is)


@given(st.lists(st.tuples(_NAMES, st.sampled_from([None, 1, 3, 8, 11, 19]), _VALUES), max_size=8))
def test_any_settings_round_trip(rows: list[tuple[str, int | None, str | None]]) -> None:
    settings = AdapterSettings(properties=tuple(AdapterProperty(n, vt, v) for n, vt, v in rows))
    assert settings_from_text(settings_text(settings), settings) == settings


def test_settings_from_text_reads_document_order_and_vt_codes() -> None:
    got = settings_from_text('<CustomProps>\n<B vt="3">5</B><A>x</A><!-- note --><C vt="8"/></CustomProps>')
    assert got.properties == (
        AdapterProperty("B", 3, "5"),
        AdapterProperty("A", None, "x"),
        AdapterProperty("C", 8, None),
    )


def test_settings_from_text_keeps_an_empty_string_only_where_it_was_one() -> None:
    current = AdapterSettings(properties=(AdapterProperty("A", 8, ""), AdapterProperty("B", 8, None)))
    got = settings_from_text('<CustomProps><A vt="8"/><B vt="8"/><C vt="8"/></CustomProps>', current)
    assert [p.value for p in got.properties] == ["", None, None]


def test_settings_from_text_reads_nested_elements_as_a_document() -> None:
    got = settings_from_text(
        "<CustomProps><Binding vt=\"8\">\n  <binding name='x'><a/></binding>\n</Binding></CustomProps>"
    )
    assert got.value("Binding") == '<binding name="x"><a/></binding>'


def test_settings_from_text_clears_unparsed_and_keeps_the_rest() -> None:
    current = AdapterSettings(properties=(AdapterProperty("A", 8, "1"),), unparsed="<CustomProps><A>")
    got = settings_from_text('<CustomProps><A vt="8">2</A></CustomProps>', current)
    assert got.unparsed is None and got.properties == (AdapterProperty("A", 8, "2"),)
    assert current.value("A") == "1"  # the model is immutable: a new value came back


@pytest.mark.parametrize(
    ("text", "template", "argument", "line"),
    [
        ("<Settings><A/></Settings>", NOT_CUSTOM_PROPS, "", 1),
        ('<CustomProps>\n<x:A xmlns:x="urn:x"/></CustomProps>', NAMESPACED_PROPERTY, "", 2),
        ('<CustomProps>\n\n<Port vt="int">1</Port></CustomProps>', BAD_VT, "Port", 3),
        ("", EMPTY_DOCUMENT, "", 1),
        (XXE.replace("<a>&x;</a>", "<CustomProps>&x;</CustomProps>"), DTD_REFUSED, "", 2),
    ],
)
def test_settings_from_text_refuses_with_a_clear_message(text: str, template: str, argument: str, line: int) -> None:
    with pytest.raises(XmlProblem) as caught:
        settings_from_text(text)
    problem = caught.value
    assert (problem.template, problem.argument, problem.line) == (template, argument, line)
    assert problem.message == template.replace("%1", argument)


def test_bad_vt_names_the_property() -> None:
    with pytest.raises(XmlProblem, match=r"^<Port>: vt must be a VARIANT code such as 8\.$"):
        settings_from_text('<CustomProps><Port vt="x">1</Port></CustomProps>')


def test_settings_from_text_refuses_malformed_xml_where_it_is() -> None:
    with pytest.raises(XmlProblem) as caught:
        settings_from_text('<CustomProps>\n<A vt="8">1</B>\n</CustomProps>')
    assert caught.value.line == 2 and caught.value.template is None


def test_settings_from_text_refuses_what_the_model_refuses() -> None:
    with pytest.raises(XmlProblem) as caught:
        settings_from_text(f"<CustomProps><{'N' * 300}>1</{'N' * 300}></CustomProps>")
    assert "256" in caught.value.message and caught.value.template is None


# -- <Config> documents ----------------------------------------------------------------------


def test_config_values_reads_leaf_children() -> None:
    text = (
        '<Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '  <uri>ftp://h/a&amp;b</uri>\n  <empty/>\n  <nil xsi:nil="true" />\n  <uri>second</uri>\n'
        '  <nested><x>1</x></nested>\n  <y:z xmlns:y="urn:y">ns</y:z>\n  <!-- c -->\n</Config>'
    )
    assert config_values(text) == {"uri": "ftp://h/a&b", "empty": "", "nil": None}


@pytest.mark.parametrize("text", [None, "", "  \n"])
def test_config_values_of_no_document(text: str | None) -> None:
    assert config_values(text) == {}


@pytest.mark.parametrize(("text", "template"), [("<Config><a></Config>", None), (XXE, DTD_REFUSED)])
def test_config_values_refuses_malformed_documents_and_dtds(text: str, template: str | None) -> None:
    with pytest.raises(XmlProblem) as caught:
        config_values(text)
    assert caught.value.template == template


def test_set_config_child_rewrites_only_the_child_it_touches() -> None:
    text = (
        "<Config a=\"1\"  b='2'>\r\n\t<uri>ftp://old</uri>\r\n\t<!-- keep -->\r\n\t<port>21</port>\r\n"
        '\t<pass xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" />\r\n</Config>'
    )
    changed = set_config_child(text, "Config", "uri", "ftp://new?a&b")
    assert changed == text.replace("ftp://old", "ftp://new?a&amp;b")
    assert config_values(changed)["uri"] == "ftp://new?a&b"
    assert set_config_child(text, "Config", "port", "21") == text  # same value: same text


def test_set_config_child_puts_a_new_child_in_catalog_order_with_its_siblings_indentation() -> None:
    assert (
        set_config_child(PRETTY, "Config", "b", "2", ["a", "b", "c"])
        == "<Config>\n  <a>1</a>\n  <b>2</b>\n  <c>3</c>\n</Config>"
    )
    assert (
        set_config_child(PRETTY, "Config", "z", "0", ["z", "a", "c"])
        == "<Config>\n  <z>0</z>\n  <a>1</a>\n  <c>3</c>\n</Config>"
    )
    assert (
        set_config_child(PRETTY, "Config", "d", "x<y", ["a", "b", "c"])
        == "<Config>\n  <a>1</a>\n  <c>3</c>\n  <d>x&lt;y</d>\n</Config>"
    )
    assert set_config_child(PRETTY, "Config", "e", None) == "<Config>\n  <a>1</a>\n  <c>3</c>\n  <e />\n</Config>"


def test_set_config_child_in_a_compact_document() -> None:
    assert (
        set_config_child("<Config><a>1</a></Config>", "Config", "b", "2", ["b", "a"])
        == "<Config><b>2</b><a>1</a></Config>"
    )
    assert set_config_child("<Config><a>1</a></Config>", "Config", "b", "2") == "<Config><a>1</a><b>2</b></Config>"


@pytest.mark.parametrize("text", [None, "", " "])
def test_set_config_child_starts_a_document_when_there_is_none(text: str | None) -> None:
    fresh = set_config_child(text, "Config", "queue", "q")
    assert fresh.startswith(
        '<Config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"'
    )
    assert config_values(fresh) == {"queue": "q"}
    assert set_config_child(text, "MQSConfig", "queue", "q").startswith("<MQSConfig ")


def test_remove_config_child_takes_its_line_and_keeps_the_rest() -> None:
    assert remove_config_child(PRETTY, "c") == "<Config>\n  <a>1</a>\n</Config>"
    assert remove_config_child(PRETTY, "a") == "<Config>\n  <c>3</c>\n</Config>"
    assert remove_config_child(PRETTY, "missing") == PRETTY
    assert remove_config_child("<Config><a/><b>2</b></Config>", "a") == "<Config><b>2</b></Config>"


def test_rename_config_child_keeps_attributes_value_and_place() -> None:
    text = '<Config>\n  <a>1</a>\n  <old x="1">v</old>\n  <self />\n</Config>'
    assert (
        rename_config_child(text, "old", "new") == '<Config>\n  <a>1</a>\n  <new x="1">v</new>\n  <self />\n</Config>'
    )
    assert rename_config_child(text, "self", "other") == text.replace("<self />", "<other />")
    assert rename_config_child(text, "missing", "new") == text


@pytest.mark.parametrize(
    "change",
    [
        lambda t: set_config_child(t, "Config", "a", "1"),
        lambda t: remove_config_child(t, "a"),
        lambda t: rename_config_child(t, "a", "b"),
    ],
)
@pytest.mark.parametrize(("text", "template"), [(XXE, DTD_REFUSED), ("<Config><a></Config>", None)])
def test_config_rewrites_refuse_malformed_documents_and_dtds(change, text: str, template: str | None) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(XmlProblem) as caught:
        change(text)
    assert caught.value.template == template


def test_config_rewrites_of_a_real_adapter_config() -> None:
    wrapped = [s.value("AdapterConfig") for _, s in SETTINGS if s.value("AdapterConfig")]
    assert wrapped
    for text in wrapped:
        assert text is not None
        values = config_values(text)
        first = next(iter(values))
        changed = set_config_child(text, "Config", first, "changed")
        assert config_values(changed) == {**values, first: "changed"}
        assert set_config_child(changed, "Config", first, values[first]) == text or values[first] is None
        assert list(config_values(remove_config_child(text, first))) == list(values)[1:]
