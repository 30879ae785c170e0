"""The adapter catalog: internal consistency, VARIANT text handling, and agreement with real files."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from lxml import etree

from model.adapter_values import value_problem
from model.adapters import (
    ADAPTERS,
    MASKED_PASSWORD,
    SUPPORTS_SOLICIT_RESPONSE,
    AdapterSpec,
    SettingSpec,
    VariantType,
    accepts_vt,
    adapter_spec,
    default_inner_config,
    default_settings,
    format_setting,
    format_variant,
    parse_setting,
    parse_variant,
    python_type,
    secret_settings,
    setting_spec,
    two_way_adapters,
)
from model.bindings import dump, load
from model.domain import new_send_port, replace
from model.filter_properties import FILTER_PROPERTIES, filter_property
from model.port_edits import adapters_for, with_adapter
from model.validation import port_problems
from tests.support.bindings import STANDARD

VT = VariantType
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "bindings"
GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
REQUIRED_ADAPTERS = (
    "FILE", "FTP", "SFTP", "HTTP", "SOAP", "SMTP", "MSMQ", "WCF-BasicHttp", "WCF-WSHttp",
    "WCF-Custom", "WCF-SQL", "SB-Messaging", "WCF-WebHttp", "WCF-NetTcp", "MQSC",
    "WCF-NetNamedPipe", "WCF-NetMsmq",
)  # fmt: skip


def _all_settings(spec: AdapterSpec) -> list[tuple[str, SettingSpec]]:
    return [("outer", s) for s in spec.settings] + [("inner", s) for s in spec.inner_settings]


# --- catalog consistency -----------------------------------------------------------------


@pytest.mark.parametrize("name", list(ADAPTERS))
def test_adapter_entry_is_consistent(name: str) -> None:
    spec = ADAPTERS[name]
    assert spec.name == name and spec.label and spec.address_hint
    assert spec.settings, "an adapter without settings belongs to the generic table"
    for group in (spec.settings, spec.inner_settings):
        names = [s.name for s in group]
        assert len(names) == len(set(names)), f"duplicate setting names in {name}"
    if spec.capabilities is not None:
        # ExplorerOM lets a solicit-response port use only adapters with this flag; the catalog
        # may be stricter than a registration (citing why), never looser.
        registered = bool(spec.capabilities & SUPPORTS_SOLICIT_RESPONSE)
        assert spec.two_way == registered or (registered and not spec.two_way and spec.two_way_note)
    assert not spec.two_way_note or spec.capabilities is not None
    if spec.configuration_clsid is not None:
        assert GUID.fullmatch(spec.configuration_clsid)
    for rule in spec.requirements:
        assert rule.needs
        for name in (*rule.needs, *rule.if_set):
            assert setting_spec(spec, name) is not None, f"{name} is not a {spec.name} setting"
        for name, allowed in rule.when:
            setting = setting_spec(spec, name)
            assert setting is not None and allowed, f"{name} is not a {spec.name} setting"
            for value in allowed:  # each condition is a value the setting can have
                parse_setting(setting, value)
                assert not setting.choices or value in {v for v, _ in setting.choices}


@pytest.mark.parametrize(
    ("adapter", "where", "setting"),
    [(name, where, s) for name, spec in ADAPTERS.items() for where, s in _all_settings(spec)],
    ids=lambda v: v if isinstance(v, str) else getattr(v, "name", None),
)
def test_setting_is_consistent(adapter: str, where: str, setting: SettingSpec) -> None:
    assert setting.name and setting.label and setting.description and setting.section
    assert setting.vt in VariantType.__members__.values()
    if setting.minimum is not None and setting.maximum is not None:
        assert setting.minimum <= setting.maximum
    if setting.minimum is not None or setting.maximum is not None:
        assert python_type(setting.vt) is int
    if setting.default is not None:
        assert value_problem(setting, setting.default) is None
        value = parse_setting(setting, setting.default)
        assert format_setting(setting, value) == setting.default, "defaults are written canonically"
        _assert_in_bounds(setting, value)
    for value_text, label in setting.choices:
        assert label
        _assert_in_bounds(setting, parse_setting(setting, value_text))
    if setting.choices and setting.default not in (None, ""):
        assert setting.default in {value for value, _ in setting.choices}
    assert len({value for value, _ in setting.choices}) == len(setting.choices)
    if setting.secret:
        assert setting.default is None, "a new port never carries a secret"
        assert setting.vt == VT.VT_BSTR
    if setting.bool_texts is not None:
        assert where == "inner" and setting.vt == VT.VT_BOOL
    if setting.nested_xml:
        assert setting.vt == VT.VT_BSTR
        if setting.default:
            etree.fromstring(setting.default)


def _assert_in_bounds(setting: SettingSpec, value: object) -> None:
    if setting.minimum is not None:
        assert isinstance(value, int) and value >= setting.minimum
    if setting.maximum is not None:
        assert isinstance(value, int) and value <= setting.maximum


@pytest.mark.parametrize("name", [n for n, s in ADAPTERS.items() if s.wraps_adapter_config])
def test_wrapping_adapter_carries_its_config_in_one_string(name: str) -> None:
    spec = ADAPTERS[name]
    assert spec.wrapper_property is not None and spec.inner_settings
    wrapper = setting_spec(spec, spec.wrapper_property)
    assert wrapper is not None and wrapper.vt == VT.VT_BSTR and wrapper.nested_xml
    assert [s.name for s in spec.settings] == [spec.wrapper_property]
    config = etree.fromstring(default_inner_config(spec) or "")
    assert config.tag == spec.inner_root
    expected = {s.name: s.default for s in spec.inner_settings if s.default is not None}
    assert {child.tag: (child.text or "") for child in config} == expected
    assert default_settings(spec) == [(spec.wrapper_property, VT.VT_BSTR, default_inner_config(spec))]


def test_non_wrapping_adapters_have_no_inner_settings() -> None:
    for spec in ADAPTERS.values():
        if not spec.wraps_adapter_config:
            assert spec.wrapper_property is None and not spec.inner_settings
            assert default_inner_config(spec) is None


def test_every_adapter_the_issue_lists_is_present() -> None:
    assert set(REQUIRED_ADAPTERS) <= set(ADAPTERS)


@pytest.mark.parametrize(("name", "two_way"), [("FILE", False), ("WCF-Custom", True), ("SMTP", False), ("FTP", False), ("SFTP", False), ("HTTP", True), ("WCF-SQL", True), ("MSMQ", False), ("WCF-NetNamedPipe", True), ("WCF-NetMsmq", False)])  # fmt: skip
def test_two_way_flags(name: str, two_way: bool) -> None:
    assert ADAPTERS[name].two_way is two_way
    assert (name in two_way_adapters()) is two_way


def test_lookup_is_case_insensitive_and_tolerates_unknown_names() -> None:
    assert adapter_spec("wcf-custom") is ADAPTERS["WCF-Custom"]
    assert adapter_spec(" file ") is ADAPTERS["FILE"]
    assert adapter_spec("nulladapter") is None and adapter_spec(None) is None
    assert setting_spec("nulladapter", "x") is None
    assert default_settings("nulladapter") == [] and secret_settings("nulladapter") == set()


def test_setting_lookup_is_exact_and_separates_inner_settings() -> None:
    assert setting_spec("FILE", "CopyMode") == ADAPTERS["FILE"].settings[1]
    assert setting_spec("FILE", "copymode") is None
    assert setting_spec("FTP", "serverAddress") is None
    inner = setting_spec("FTP", "serverAddress", inner=True)
    assert inner is not None and inner.required


def test_file_defaults_are_what_the_console_writes() -> None:
    assert default_settings("FILE") == [
        ("FileName", VT.VT_BSTR, "%MessageID%.xml"),
        ("CopyMode", VT.VT_UI4, "1"),
        ("UseTempFileOnWrite", VT.VT_BOOL, "0"),
        ("AllowCacheOnWrite", VT.VT_BOOL, "0"),
    ]
    copy_mode = setting_spec("FILE", "CopyMode")
    assert copy_mode is not None
    assert dict(copy_mode.choices) == {"0": "Append", "1": "Create New", "2": "Overwrite"}


def test_secret_settings() -> None:
    assert secret_settings("FILE") == {"Password"}
    assert secret_settings("HTTP") == {"Password", "ProxyPassword"}
    assert secret_settings("FTP") == set()
    assert secret_settings("FTP", inner=True) == {"password", "firewallPassword"}
    assert secret_settings("WCF-Custom") == {"Password", "ProxyPassword"}
    for spec in ADAPTERS.values():
        assert not {name for name, _, _ in default_settings(spec)} & secret_settings(spec)
    assert MASKED_PASSWORD == "******"


def test_blanked_secret_accepts_vt_null_only_for_secrets() -> None:
    password = setting_spec("FILE", "Password")
    user = setting_spec("FILE", "Username")
    assert password is not None and user is not None
    assert accepts_vt(password, VT.VT_NULL) and accepts_vt(password, VT.VT_BSTR)
    assert not accepts_vt(user, VT.VT_NULL) and not accepts_vt(password, VT.VT_I4)


def test_config_booleans_keep_their_spelling() -> None:
    passive = setting_spec("FTP", "passiveMode", inner=True)
    transactional = setting_spec("MSMQ", "transactional", inner=True)
    assert passive is not None and transactional is not None
    assert format_setting(passive, True) == "True" and parse_setting(passive, "False") is False
    assert format_setting(transactional, True) == "true" and format_setting(transactional, "false") == "false"
    with pytest.raises(ValueError, match="passiveMode"):
        format_setting(passive, 3)


# --- VARIANT text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vt", "text", "value"),
    [
        (VT.VT_BOOL, "-1", True),
        (VT.VT_BOOL, "0", False),
        (VT.VT_I4, "-5", -5),
        (VT.VT_I4, "2147483647", 2**31 - 1),
        (VT.VT_I4, "-2147483648", -(2**31)),
        (VT.VT_UI4, "4294967295", 2**32 - 1),
        (VT.VT_UI4, "0", 0),
        (VT.VT_I2, "-32768", -32768),
        (VT.VT_UI1, "255", 255),
        (VT.VT_UI2, "65535", 65535),
        (VT.VT_I8, "-9223372036854775808", -(2**63)),
        (VT.VT_UI8, "18446744073709551615", 2**64 - 1),
        (VT.VT_BSTR, "%MessageID%.xml", "%MessageID%.xml"),
        (VT.VT_BSTR, "", ""),
        (VT.VT_BSTR, " keeps spaces ", " keeps spaces "),
        (VT.VT_DATE, "03/01/2024 13:45:00", datetime(2024, 3, 1, 13, 45)),
        (VT.VT_NULL, "", None),
    ],
)
def test_canonical_text_round_trips(vt: int, text: str, value: object) -> None:
    parsed = parse_variant(vt, text)
    assert parsed == value and type(parsed) is type(value)
    assert isinstance(parsed, python_type(vt))
    assert format_variant(vt, parsed) == text


@pytest.mark.parametrize(
    ("vt", "text", "value"),
    [
        (VT.VT_BOOL, "true", True),
        (VT.VT_BOOL, "FALSE", False),
        (VT.VT_BOOL, " -1 ", True),
        (VT.VT_I4, "007", 7),
        (VT.VT_DATE, "2024-03-01T13:45:00", datetime(2024, 3, 1, 13, 45)),
        (VT.VT_NULL, None, None),
        (VT.VT_BSTR, None, ""),
    ],
)
def test_lenient_text_is_accepted(vt: int, text: str | None, value: object) -> None:
    assert parse_variant(vt, text) == value


def test_unknown_vt_passes_text_through() -> None:
    assert parse_variant(64, "whatever") == "whatever"
    assert parse_variant(64, None) is None
    assert format_variant(64, "x") == "x" and format_variant(64, None) == ""
    assert python_type(64) is str


@pytest.mark.parametrize(
    ("vt", "text", "message"),
    [
        (VT.VT_I4, "abc", "VT_I4 expects a whole number"),
        (VT.VT_I4, "1.5", "whole number"),
        (VT.VT_I4, "1_000", "whole number"),
        (VT.VT_I4, "+5", "whole number"),
        (VT.VT_I4, "${RetryCount}", "whole number"),
        (VT.VT_I4, "2147483648", "outside"),
        (VT.VT_I4, "-2147483649", "outside"),
        (VT.VT_I4, "", "needs a value"),
        (VT.VT_I4, None, "needs a value"),
        (VT.VT_UI4, "-1", "VT_UI4 value -1 is outside 0..4294967295"),
        (VT.VT_UI4, "4294967296", "outside"),
        (VT.VT_I2, "32768", "outside"),
        (VT.VT_UI1, "256", "outside"),
        (VT.VT_BOOL, "yes", "VT_BOOL expects"),
        (VT.VT_BOOL, "1", "VT_BOOL expects"),
        (VT.VT_BOOL, "", "needs a value"),
        (VT.VT_NULL, "secret", "VT_NULL carries no value"),
        (VT.VT_DATE, "tomorrow", "VT_DATE expects"),
    ],
)
def test_text_that_does_not_fit_is_rejected(vt: int, text: str | None, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_variant(vt, text)


@pytest.mark.parametrize(
    ("vt", "value", "message"),
    [
        (VT.VT_I4, True, "expects an int"),
        (VT.VT_I4, 1.0, "expects an int"),
        (VT.VT_I4, 2**31, "outside"),
        (VT.VT_UI4, -1, "outside"),
        (VT.VT_I4, "abc", "whole number"),
        (VT.VT_BOOL, 1, "VT_BOOL expects a bool"),
        (VT.VT_BOOL, "maybe", "VT_BOOL expects"),
        (VT.VT_BSTR, 5, "VT_BSTR expects a string"),
        (VT.VT_NULL, "x", "VT_NULL carries no value"),
        (VT.VT_DATE, 20240301, "VT_DATE expects a datetime"),
    ],
)
def test_value_that_does_not_fit_is_rejected(vt: int, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        format_variant(vt, value)


def test_formatting_normalises_strings_of_typed_values() -> None:
    assert format_variant(VT.VT_BOOL, "true") == "-1"
    assert format_variant(VT.VT_I4, "007") == "7"
    assert format_variant(VT.VT_NULL, None) == ""


def test_python_types() -> None:
    assert python_type(VT.VT_BOOL) is bool and python_type(VT.VT_UI4) is int
    assert python_type(VT.VT_BSTR) is str and python_type(VT.VT_NULL) is type(None)
    assert python_type(VT.VT_DATE) is datetime


# --- filter properties -------------------------------------------------------------------


def test_filter_property_catalog() -> None:
    names = [p.name for p in FILTER_PROPERTIES]
    assert len(names) == len(set(names)) and len(names) >= 36
    for prop in FILTER_PROPERTIES:
        namespace, _, local = prop.name.partition(".")
        assert namespace and local and prop.description
        assert prop.type in ("string", "int", "bool", "datetime")
    for name in (
        "BTS.ReceivePortName", "BTS.MessageType", "BTS.SPName", "BTS.ReceivePortID",
        "BTS.InboundTransportType", "BTS.InboundTransportLocation", "BTS.Operation",
        "ErrorReport.ErrorType", "ErrorReport.FailureCode", "ErrorReport.ReceivePortName",
        "ErrorReport.SendPortName", "FILE.ReceivedFileName",
    ):  # fmt: skip
        assert filter_property(name) is not None, name
    assert filter_property("ErrorReport.FailureTime").type == "datetime"  # type: ignore[union-attr]
    assert filter_property("BTS.InterchangeSequenceNumber").type == "int"  # type: ignore[union-attr]
    assert filter_property("Nope.Nothing") is None


# --- real binding files ------------------------------------------------------------------

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_TOKEN = re.compile(r"\$\{|\$\(")  # BTDF ${Token} and $(Var) placeholders stand for real values


def _document(text: str) -> etree._Element:
    return etree.fromstring(_DECLARATION.sub("", text).strip().encode("utf-8"), _PARSER)


def _custom_props(ttd: etree._Element) -> etree._Element | None:
    """CustomProps of a TransportTypeData: escaped text, or a real child in BTDF masters."""
    child = ttd.find("CustomProps")
    if child is not None:
        return child
    text = (ttd.text or "").strip()
    return _document(text) if text else None


def _inner_config(prop: etree._Element) -> etree._Element | None:
    elements = [c for c in prop if isinstance(c.tag, str)]
    if elements:
        return elements[0]
    text = (prop.text or "").strip()
    return _document(text) if text else None


def _corpus_properties() -> list[tuple[str, str, str, str, str | None, str | None]]:
    """(file, adapter, "outer"/"inner", name, vt, text) for every send-side adapter property."""
    found = []
    for path in sorted(CORPUS.glob("*.xml")):
        for ttd in etree.parse(str(path), _PARSER).iter("TransportTypeData"):
            transport = ttd.getparent().find("TransportType")
            adapter = None if transport is None else transport.get("Name")
            props = _custom_props(ttd)
            if adapter is None or props is None:
                continue  # dynamic port or empty data
            for prop in props:
                if not isinstance(prop.tag, str):
                    continue
                text = None if len(prop) else prop.text
                found.append((path.name, adapter, "outer", prop.tag, prop.get("vt"), text))
                spec = adapter_spec(adapter)
                if spec is not None and spec.wraps_adapter_config and prop.tag == spec.wrapper_property:
                    config = _inner_config(prop)
                    for item in [] if config is None else config:
                        if isinstance(item.tag, str):
                            found.append((path.name, adapter, "inner", item.tag, None, item.text))
    return found


def _vt_fits(setting: SettingSpec, vt: str | None) -> bool:
    return vt is not None and re.fullmatch(r"-?[0-9]+", vt) is not None and accepts_vt(setting, int(vt))


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"binding corpus not found at {CORPUS}")
def test_corpus_properties_match_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    """Every property the catalog knows has the catalog's vt, and its value parses."""
    found = _corpus_properties()
    assert found, "the corpus holds send ports with adapter settings"
    mismatches: list[str] = []
    unknown: set[str] = set()
    checked = 0
    for file, adapter, where, name, vt, text in found:
        spec = adapter_spec(adapter)
        setting = None if spec is None else setting_spec(spec, name, inner=where == "inner")
        if setting is None:
            unknown.add(f"{adapter}: {name}" + (" [in <Config>]" if where == "inner" else f" (vt={vt})"))
            continue
        checked += 1
        if where == "outer" and not _vt_fits(setting, vt):
            mismatches.append(f"{file}: {adapter}.{name} vt={vt}, catalog says {setting.vt}")
        elif vt != str(int(VT.VT_NULL)) and not _TOKEN.search(text or ""):
            try:
                parse_setting(setting, text)
            except ValueError as error:
                mismatches.append(f"{file}: {adapter}.{name} = {text!r}: {error}")
    assert checked > 50
    assert not mismatches, "\n".join(mismatches)
    with capsys.disabled():  # the generic table carries these; shown so the catalog can grow
        print(f"\ncorpus: {checked} adapter properties match the catalog; not in the catalog:")
        for line in sorted(unknown):
            print(f"  {line}")


# --- adapters added for the Console's full list ------------------------------------------

#: The ``CustomProps`` samples of "How to Configure a WCF-NetNamedPipe / WCF-NetMsmq Send Port".
DOCS_SAMPLES = {
    "WCF-NetNamedPipe": (
        "net.pipe://localhost/samplequeue",
        '<CustomProps><TransportProtectionLevel vt="8">EncryptAndSign</TransportProtectionLevel>'
        '<TransactionProtocol vt="8">OleTransactions</TransactionProtocol><InboundBodyPathExpression vt="8" />'
        '<PropagateFaultMessage vt="11">-1</PropagateFaultMessage><CloseTimeout vt="8">00:01:00</CloseTimeout>'
        '<OutboundBodyLocation vt="8">UseBodyElement</OutboundBodyLocation>'
        '<StaticAction vt="8">http://www.northwindtraders.com/Service/Operation</StaticAction>'
        '<SendTimeout vt="8">00:01:00</SendTimeout><InboundNodeEncoding vt="8">Xml</InboundNodeEncoding>'
        '<EnableTransaction vt="11">0</EnableTransaction><SecurityMode vt="8">Transport</SecurityMode>'
        '<InboundBodyLocation vt="8">UseBodyElement</InboundBodyLocation><OpenTimeout vt="8">00:01:00</OpenTimeout>'
        '<OutboundXmlTemplate vt="8">&lt;bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" '
        'encoding="xml"/&gt;</OutboundXmlTemplate><MaxReceivedMessageSize vt="3">2097152</MaxReceivedMessageSize>'
        "</CustomProps>",
    ),
    "WCF-NetMsmq": (
        "net.msmq://localhost/private/samplequeue",
        '<CustomProps><ServiceCertificate vt="8" /><UseSSO vt="11">0</UseSSO><CloseTimeout vt="8">00:01:00</CloseTimeout>'
        '<MessageClientCredentialType vt="8">Windows</MessageClientCredentialType><SendTimeout vt="8">00:01:00</SendTimeout>'
        '<OutboundXmlTemplate vt="8">&lt;bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" '
        'encoding="xml"/&gt;</OutboundXmlTemplate><MsmqProtectionLevel vt="8">Sign</MsmqProtectionLevel>'
        '<OpenTimeout vt="8">00:01:00</OpenTimeout><UseSourceJournal vt="11">0</UseSourceJournal>'
        '<AlgorithmSuite vt="8">Basic256</AlgorithmSuite><SecurityMode vt="8">Transport</SecurityMode>'
        '<CustomDeadLetterQueue vt="8" /><ClientCertificate vt="8" /><MsmqEncryptionAlgorithm vt="8">RC4Stream</MsmqEncryptionAlgorithm>'
        '<StaticAction vt="8">http://www.northwindtraders.com/Service/Operation</StaticAction>'
        '<MsmqSecureHashAlgorithm vt="8">Sha1</MsmqSecureHashAlgorithm><EnableTransaction vt="11">-1</EnableTransaction>'
        '<TimeToLive vt="8">1.00:00:00</TimeToLive><MsmqAuthenticationMode vt="8">WindowsDomain</MsmqAuthenticationMode>'
        '<DeadLetterQueue vt="8">System</DeadLetterQueue><OutboundBodyLocation vt="8">UseBodyElement</OutboundBodyLocation>'
        "</CustomProps>",
    ),
}


def _file_with(adapter: str, address: str, custom_props: str) -> bytes:
    """The standard test file with port A on ``adapter``, carrying ``custom_props``."""
    spec = ADAPTERS[adapter]
    text = STANDARD.decode()
    start = text.index('<SendPort Name="A"')
    end = text.index("</SendPort>", start)
    port_a = text[start:end]
    registration = f'<TransportType Name="{spec.name}" Capabilities="{spec.capabilities}" ConfigurationClsid="{spec.configuration_clsid}" />'  # fmt: skip
    port_a = re.sub(r'<TransportType Name="FILE"[^>]*/>', registration, port_a)
    port_a = re.sub(r"<Address>[^<]*</Address>", lambda _m: f"<Address>{address}</Address>", port_a, count=1)
    port_a = re.sub(r"<TransportTypeData>.*?</TransportTypeData>", lambda _m: f"<TransportTypeData>{escape(custom_props)}</TransportTypeData>", port_a, count=1)  # fmt: skip
    return (text[:start] + port_a + text[end:]).encode()


@pytest.mark.parametrize("adapter", list(DOCS_SAMPLES))
def test_microsofts_sample_matches_the_catalog_and_round_trips(adapter: str) -> None:
    address, custom_props = DOCS_SAMPLES[adapter]
    data = _file_with(adapter, address, custom_props)
    doc = load(data)
    assert dump(doc) == data
    port = next(p for p in doc.send_ports if p.name == "A")
    transport = port.primary_transport
    assert transport is not None and transport.adapter is not None and transport.settings is not None
    assert transport.adapter.name == adapter and transport.adapter.capabilities == ADAPTERS[adapter].capabilities
    assert len(transport.settings.properties) == custom_props.count(' vt="')
    for prop in transport.settings.properties:
        setting = setting_spec(adapter, prop.name)
        assert setting is not None, f"{adapter} sample writes {prop.name}, unknown to the catalog"
        assert prop.vt is not None and accepts_vt(setting, prop.vt)
        assert value_problem(setting, prop.value) is None
    assert [p for p in port_problems(port) if "settings" in p[1]] == []


@pytest.mark.parametrize("adapter", list(DOCS_SAMPLES))
def test_a_new_port_on_the_adapter_round_trips(adapter: str) -> None:
    doc = load(STANDARD)
    old = next(p for p in doc.send_ports if p.name == "A")
    port = replace(old, primary_transport=with_adapter(old.primary_transport, adapter))
    doc.send_ports[doc.send_ports.index(old)] = port
    out = dump(doc)
    again = load(out)
    assert dump(again) == out
    transport = next(p for p in again.send_ports if p.name == "A").primary_transport
    assert transport is not None and transport.adapter is not None and transport.settings is not None
    assert transport.adapter.name == adapter
    assert transport.adapter.configuration_clsid == ADAPTERS[adapter].configuration_clsid
    written = [(p.name, p.vt, p.value or "") for p in transport.settings.properties]
    assert written == [(n, vt, text or "") for n, vt, text in default_settings(adapter)]


def test_msmq_is_offered_only_for_one_way_ports() -> None:
    """Microsoft gives MSMQ no two-way support, though its registration carries the flag:
    the catalog keeps the registration as BizTalk writes it and says why it differs."""
    msmq = ADAPTERS["MSMQ"]
    assert msmq.capabilities == 13579 and msmq.capabilities & SUPPORTS_SOLICIT_RESPONSE
    assert not msmq.two_way and "adapters-in-biztalk-server" in msmq.two_way_note
    solicit = new_send_port("Ask", adapter="HTTP", address="http://x", two_way=True)
    one_way = new_send_port("Tell", adapter="FILE", address=r"C:\Out")
    assert "MSMQ" not in adapters_for(solicit) and "MSMQ" in adapters_for(one_way)
    assert "WCF-NetNamedPipe" in adapters_for(solicit) and "WCF-NetMsmq" not in adapters_for(solicit)
