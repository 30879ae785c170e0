"""Catalog of send adapters: every setting a send port's ``TransportTypeData`` carries.

One generic form builder renders any adapter from this data (house rule 7): adding an
adapter is adding an :class:`AdapterSpec` here, not a widget class. Settings the catalog
does not know stay editable in the generic table.

Names, VARIANT types and defaults are those BizTalk writes, taken from real exports and
Microsoft's pages (MicrosoftDocs/biztalk-docs): "<Adapter> Adapter Configuration
Properties", "How to Configure a WCF-* Send Port", the WCF/SFTP "Transport Properties
Dialog Box" pages, the "SFTP Adapter" page and "Adapter Registration" (Constraints bits).
Where Microsoft's pages are silent, the serialized output of Microsoft's own adapter
configuration classes in icraftsoftware/Be.Stateless.BizTalk.Dsl.Binding test fixtures and
real binding files (Azure/aimbiztalk, the shared corpus) decide. ``Capabilities`` values
come from real ``<TransportType>`` elements or from the flag names a BizTalk group reports
(BizTalk REST management API sample in the docs); never invented.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from enum import IntEnum
from types import MappingProxyType
from typing import Literal
from xml.sax.saxutils import escape

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = [
    "ADAPTERS",
    "MASKED_PASSWORD",
    "SUPPORTS_SOLICIT_RESPONSE",
    "AdapterSpec",
    "Requirement",
    "SettingSpec",
    "TextKind",
    "VariantType",
    "accepts_vt",
    "adapter_spec",
    "default_inner_config",
    "default_settings",
    "format_setting",
    "format_variant",
    "int_range",
    "parse_setting",
    "parse_variant",
    "python_type",
    "secret_settings",
    "setting_spec",
    "two_way_adapters",
]


class VariantType(IntEnum):
    """COM VARIANT types found in ``<CustomProps><Name vt="..">`` elements."""

    VT_NULL = 1  # an exported (blanked) password
    VT_I2 = 2
    VT_I4 = 3
    VT_DATE = 7  # SB-Messaging DefaultScheduledEnqueueTimeUtc
    VT_BSTR = 8
    VT_BOOL = 11  # -1 true, 0 false
    VT_UI1 = 17
    VT_UI2 = 18
    VT_UI4 = 19
    VT_I8 = 20
    VT_UI8 = 21


_INT_RANGES: dict[int, tuple[int, int]] = {
    VariantType.VT_I2: (-(2**15), 2**15 - 1),
    VariantType.VT_I4: (-(2**31), 2**31 - 1),
    VariantType.VT_UI1: (0, 2**8 - 1),
    VariantType.VT_UI2: (0, 2**16 - 1),
    VariantType.VT_UI4: (0, 2**32 - 1),
    VariantType.VT_I8: (-(2**63), 2**63 - 1),
    VariantType.VT_UI8: (0, 2**64 - 1),
}
_INT_TEXT = re.compile(r"-?[0-9]+")
#: How .NET's invariant "G" format writes a VT_DATE (what BizTalk's config classes emit).
_DATE_FORMAT = "%m/%d/%Y %H:%M:%S"
#: What BizTalk writes in place of a password inside an ``AdapterConfig`` document.
MASKED_PASSWORD = "******"
#: ExplorerOM ``Capabilities.SupportsSolicitResponse`` (registry ``Constraints`` 0x0100).
SUPPORTS_SOLICIT_RESPONSE = 0x0100


def _known(vt: int) -> bool:
    return vt in VariantType._value2member_map_


def python_type(vt: int) -> type:
    """The Python type :func:`parse_variant` returns for ``vt`` (``str`` when unknown)."""
    if vt == VariantType.VT_NULL:
        return type(None)
    if vt == VariantType.VT_BOOL:
        return bool
    if vt in _INT_RANGES:
        return int
    if vt == VariantType.VT_DATE:
        return datetime
    return str


def int_range(vt: int) -> tuple[int, int]:
    """(lowest, highest) value of integer VARIANT type ``vt``; ValueError for any other type."""
    try:
        return _INT_RANGES[vt]
    except KeyError:
        raise ValueError(f"{_vt_name(vt)} is not an integer VARIANT type") from None


def _vt_name(vt: int) -> str:
    return VariantType(vt).name if _known(vt) else f"vt={vt}"


def parse_variant(vt: int, text: str | None) -> object:
    """Value of a ``CustomProps`` element's text; ``ValueError`` when the text does not fit."""
    if not _known(vt):
        return text
    if vt == VariantType.VT_BSTR:
        return "" if text is None else text
    if vt == VariantType.VT_NULL:
        if text is None or text.strip() == "":
            return None
        raise ValueError(f"VT_NULL carries no value, got {text!r}")
    if text is None or text.strip() == "":
        raise ValueError(f"{_vt_name(vt)} needs a value, got an empty element")
    stripped = text.strip()
    if vt == VariantType.VT_BOOL:
        lowered = stripped.lower()
        if lowered in ("-1", "true"):
            return True
        if lowered in ("0", "false"):
            return False
        raise ValueError(f"VT_BOOL expects -1, 0, true or false, got {text!r}")
    if vt == VariantType.VT_DATE:
        try:
            return datetime.strptime(stripped, _DATE_FORMAT)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(stripped)
        except ValueError:
            raise ValueError(f"VT_DATE expects MM/dd/yyyy HH:mm:ss or ISO 8601, got {text!r}") from None
    if not _INT_TEXT.fullmatch(stripped):
        raise ValueError(f"{_vt_name(vt)} expects a whole number, got {text!r}")
    number = int(stripped)
    low, high = _INT_RANGES[vt]
    if not low <= number <= high:
        raise ValueError(f"{_vt_name(vt)} value {number} is outside {low}..{high}")
    return number


def format_variant(vt: int, value: object) -> str:
    """Text BizTalk writes for ``value`` (bool -> -1/0); ``ValueError`` when it does not fit."""
    if not _known(vt):
        return "" if value is None else str(value)
    if vt == VariantType.VT_NULL:
        if value is None or value == "":
            return ""
        raise ValueError(f"VT_NULL carries no value, got {value!r}")
    if vt == VariantType.VT_BSTR:
        if isinstance(value, str):
            return value
        raise ValueError(f"VT_BSTR expects a string, got {type(value).__name__}")
    if isinstance(value, str):
        value = parse_variant(vt, value)
    if vt == VariantType.VT_BOOL:
        if isinstance(value, bool):
            return "-1" if value else "0"
        raise ValueError(f"VT_BOOL expects a bool, got {value!r}")
    if vt == VariantType.VT_DATE:
        if isinstance(value, datetime):
            return value.strftime(_DATE_FORMAT)
        raise ValueError(f"VT_DATE expects a datetime, got {value!r}")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{_vt_name(vt)} expects an int, got {value!r}")
    low, high = _INT_RANGES[vt]
    if not low <= value <= high:
        raise ValueError(f"{_vt_name(vt)} value {value} is outside {low}..{high}")
    return str(value)


#: What a text setting holds, beyond "any text": a .NET TimeSpan or an absolute URI.
TextKind = Literal["", "timespan", "uri"]


class SettingSpec(BaseModel):
    """One adapter setting: a ``CustomProps`` child (or a child of a wrapped ``<Config>``).

    ``default`` is the text BizTalk writes for a new port; ``None`` means BizTalk writes
    nothing until the user sets it, while ``""`` means an empty element. ``bool_texts``
    gives the (true, false) spelling of booleans inside wrapped ``<Config>`` documents,
    which are XML-serialized .NET values rather than VARIANTs. ``kind`` narrows a text
    setting to a TimeSpan or an absolute URI (checked by ``model.adapter_values``).
    """

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    vt: int
    default: str | None = None
    choices: tuple[tuple[str, str], ...] = ()
    secret: bool = False
    nested_xml: bool = False
    section: str = "General"
    minimum: int | None = None
    maximum: int | None = None
    description: str = ""
    required: bool = False
    bool_texts: tuple[str, str] | None = None
    kind: TextKind = ""

    @model_validator(mode="after")
    def _check_bounds(self) -> SettingSpec:
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(f"{self.name}: minimum {self.minimum} > maximum {self.maximum}")
        if self.kind and self.vt != VariantType.VT_BSTR:
            raise ValueError(f"{self.name}: a {self.kind} is text (VT_BSTR)")
        return self


class Requirement(BaseModel):
    """Settings an authentication mode needs: ``needs`` must not be empty when every
    ``(setting, values)`` of ``when`` holds (the file's value, else the catalog default; booleans
    as ``-1``/``0``; case-insensitive) and every setting of ``if_set`` has a value."""

    model_config = ConfigDict(frozen=True)

    needs: tuple[str, ...]
    when: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if_set: tuple[str, ...] = ()


class AdapterSpec(BaseModel):
    """A send adapter as BizTalk names it in ``<TransportType Name=..>``, and its settings.

    Adapter Framework adapters (FTP, MSMQ, MQSC) keep their whole configuration in one
    ``vt="8"`` property (``wrapper_property``, normally ``AdapterConfig``) holding a
    ``<Config>`` document; ``inner_settings`` describe that document's children.
    ``requirements`` say which settings each authentication mode needs. ``two_way_note``
    cites the source when ``two_way`` is False although the registration (``capabilities``)
    claims solicit-response support.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    two_way: bool
    capabilities: int | None = None
    configuration_clsid: str | None = None
    address_hint: str = ""
    settings: tuple[SettingSpec, ...] = ()
    wraps_adapter_config: bool = False
    wrapper_property: str | None = None
    inner_root: str = "Config"
    inner_settings: tuple[SettingSpec, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    two_way_note: str = ""


def accepts_vt(spec: SettingSpec, vt: int) -> bool:
    """Whether a file may carry ``spec`` with ``vt``: its own type, or VT_NULL for a blanked secret."""
    return vt == spec.vt or (spec.secret and vt == VariantType.VT_NULL)


def parse_setting(spec: SettingSpec, text: str | None) -> object:
    """Like :func:`parse_variant`, honouring ``bool_texts`` of wrapped ``<Config>`` booleans."""
    if spec.bool_texts is not None and text is not None:
        lowered = text.strip().lower()
        if lowered == spec.bool_texts[0].lower():
            return True
        if lowered == spec.bool_texts[1].lower():
            return False
    return parse_variant(spec.vt, text)


def format_setting(spec: SettingSpec, value: object) -> str:
    """Like :func:`format_variant`, writing booleans as ``bool_texts`` when the spec has them."""
    if spec.bool_texts is not None:
        parsed = parse_setting(spec, value) if isinstance(value, str) else value
        if not isinstance(parsed, bool):
            raise ValueError(f"{spec.name} expects a bool, got {value!r}")
        return spec.bool_texts[0] if parsed else spec.bool_texts[1]
    return format_variant(spec.vt, value)


# ---------------------------------------------------------------------------------------
# Catalog data. Short builders keep one setting per line; shared WCF groups are data too.

_S, _B, _I4, _U4, _DATE = (
    VariantType.VT_BSTR,
    VariantType.VT_BOOL,
    VariantType.VT_I4,
    VariantType.VT_UI4,
    VariantType.VT_DATE,
)
_INT32_MAX = 2**31 - 1
_NET_BOOL = ("True", "False")  # .NET bool.ToString() (FTP <Config>)
_XSD_BOOL = ("true", "false")  # xs:boolean (MSMQ <Config>)


def _s(
    name: str,
    label: str,
    vt: int,
    default: str | None = None,
    section: str = "General",
    desc: str = "",
    **extra: object,
) -> SettingSpec:
    return SettingSpec(name=name, label=label, vt=vt, default=default, section=section, description=desc, **extra)  # type: ignore[arg-type]


def _enum(*values: str) -> tuple[tuple[str, str], ...]:
    return tuple((value, value) for value in values)


_SECURITY_ALGORITHMS = _enum(
    "Basic128", "Basic128Rsa15", "Basic128Sha256", "Basic128Sha256Rsa15", "Basic192",
    "Basic192Rsa15", "Basic192Sha256", "Basic192Sha256Rsa15", "Basic256", "Basic256Rsa15",
    "Basic256Sha256", "Basic256Sha256Rsa15", "TripleDes", "TripleDesRsa15", "TripleDesSha256",
    "TripleDesSha256Rsa15",
)  # fmt: skip
_HTTP_CREDENTIALS = _enum("None", "Basic", "Digest", "Ntlm", "Windows", "Certificate")
_ISOLATION_LEVELS = _enum(
    "Serializable", "RepeatableRead", "ReadCommitted", "ReadUncommitted", "Snapshot", "Chaos", "Unspecified"
)


_ON = ("-1",)  # a VT_BOOL condition: the setting is on
_NO_SSO = ("UseSSO", ("0",))


def _needs(
    *needs: str, when: tuple[tuple[str, tuple[str, ...]], ...] = (), if_set: tuple[str, ...] = ()
) -> Requirement:
    return Requirement(needs=needs, when=when, if_set=if_set)


def _wcf_credential_rules(
    transport: tuple[str, ...],
    message: tuple[str, ...] = (),
    *,
    basic: tuple[str, ...] = ("Basic", "Digest"),
    windows: tuple[str, ...] = ("Ntlm", "Windows"),
) -> tuple[Requirement, ...]:
    """What the WCF Credentials tab needs: a user name and password for a Basic or Digest
    transport credential (a password for a Windows or NTLM one given a user name) under a
    security mode with transport security, and for a UserName message credential under one
    with message security; nothing when Single Sign-On supplies them."""
    rules: list[Requirement] = []
    if transport and basic:
        rules.append(_needs("UserName", "Password", when=(("SecurityMode", transport), ("TransportClientCredentialType", basic), _NO_SSO)))  # fmt: skip
    if transport and windows:
        rules.append(_needs("Password", when=(("SecurityMode", transport), ("TransportClientCredentialType", windows), _NO_SSO), if_set=("UserName",)))  # fmt: skip
    if message:
        rules.append(_needs("UserName", "Password", when=(("SecurityMode", message), ("MessageClientCredentialType", ("UserName",)), _NO_SSO)))  # fmt: skip
    return tuple(rules)


_ACS = _needs("StsUri", "IssuerName", "IssuerSecret", when=(("UseAcsAuthentication", _ON),))


def _wcf_general(*, identity: bool = True) -> tuple[SettingSpec, ...]:
    action = _s("StaticAction", "SOAP action", _S, "", "General", "SOAPAction header: one action, or a BtsActionMapping document keyed by BTS.Operation", nested_xml=True)  # fmt: skip
    if not identity:
        return (action,)
    return (
        _s("Identity", "Endpoint identity", _S, "", "General", "Expected service identity (<identity> element)", nested_xml=True),
        action,
    )  # fmt: skip


def _wcf_timeouts() -> tuple[SettingSpec, ...]:
    return (
        _s("OpenTimeout", "Open timeout", _S, "00:01:00", "Binding", "Time allowed to open the channel (hh:mm:ss)", kind="timespan"),
        _s("SendTimeout", "Send timeout", _S, "00:01:00", "Binding", "Time allowed for a send, or the whole exchange on a solicit-response port", kind="timespan"),
        _s("CloseTimeout", "Close timeout", _S, "00:01:00", "Binding", "Time allowed to close the channel (hh:mm:ss)", kind="timespan"),
    )  # fmt: skip


def _wcf_max_received() -> SettingSpec:
    return _s("MaxReceivedMessageSize", "Max received message size", _I4, "65536", "Binding", "Largest message, in bytes, accepted on the wire", minimum=1, maximum=_INT32_MAX)  # fmt: skip


def _wcf_encoding() -> tuple[SettingSpec, ...]:
    return (
        _s("MessageEncoding", "Message encoding", _S, "Text", "Binding", "Encoder for SOAP messages", choices=_enum("Text", "Mtom")),
        _s("TextEncoding", "Text encoding", _S, "utf-8", "Binding", "Character set when the encoding is Text", choices=_enum("utf-8", "utf-16", "unicodeFFFE")),
    )  # fmt: skip


def _wcf_certificates(*, service: bool = True) -> tuple[SettingSpec, ...]:
    client = _s("ClientCertificate", "Client certificate thumbprint", _S, "", "Security", "Certificate (CurrentUser\\My) that authenticates this port")  # fmt: skip
    if not service:
        return (client,)
    return (
        client,
        _s("ServiceCertificate", "Service certificate thumbprint", _S, "", "Security", "Certificate (LocalMachine\\AddressBook) that authenticates the service"),
    )  # fmt: skip


def _wcf_credentials(*, empty_defaults: bool = False) -> tuple[SettingSpec, ...]:
    blank = "" if empty_defaults else None
    return (
        _s("UseSSO", "Use Single Sign-On", _B, "0", "Credentials", "Take the credentials from Enterprise SSO"),
        _s("AffiliateApplicationName", "SSO affiliate application", _S, blank, "Credentials", "Affiliate application used with Single Sign-On"),
        _s("UserName", "User name", _S, blank, "Credentials", "User name sent to the service when SSO is off"),
        _s("Password", "Password", _S, None, "Credentials", "Password sent to the service when SSO is off", secret=True),
    )  # fmt: skip


def _wcf_proxy(*, proxy_to_use: bool = True, empty_defaults: bool = False) -> tuple[SettingSpec, ...]:
    blank = "" if empty_defaults else None
    specs = (
        _s("ProxyAddress", "Proxy address", _S, blank, "Proxy", "Proxy URL, e.g. http://proxy:8080", kind="uri"),
        _s("ProxyUserName", "Proxy user name", _S, blank, "Proxy", "User name for the proxy"),
        _s("ProxyPassword", "Proxy password", _S, None, "Proxy", "Password for the proxy", secret=True),
    )  # fmt: skip
    if not proxy_to_use:
        return specs
    return (
        _s("ProxyToUse", "Proxy to use", _S, "None", "Proxy", "None, the send handler's proxy (Default) or ProxyAddress (UserSpecified)", choices=_enum("None", "Default", "UserSpecified")),
        *specs,
    )  # fmt: skip


def _wcf_messages(*, fault: bool = True, inbound: bool = True) -> tuple[SettingSpec, ...]:
    outbound = (
        _s("OutboundBodyLocation", "Outbound body", _S, "UseBodyElement", "Messages", "Build the SOAP Body from the message body or from the template", choices=_enum("UseBodyElement", "UseTemplate")),
        _s("OutboundXmlTemplate", "Outbound XML template", _S, '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>', "Messages", "Template for the SOAP Body when OutboundBodyLocation is UseTemplate", nested_xml=True),
    )  # fmt: skip
    if not inbound:
        return outbound
    specs = (
        *outbound,
        _s("InboundBodyLocation", "Inbound body", _S, "UseBodyElement", "Messages", "What becomes the response body: Body content, whole envelope or a body path", choices=_enum("UseBodyElement", "UseEnvelope", "UseBodyPath")),
        _s("InboundBodyPathExpression", "Inbound body path", _S, "", "Messages", "Body path expression used with UseBodyPath"),
        _s("InboundNodeEncoding", "Inbound node encoding", _S, "Xml", "Messages", "Encoding of the node selected by the body path", choices=_enum("Xml", "Base64", "Hex", "String")),
    )  # fmt: skip
    if not fault:
        return specs
    return (
        *specs,
        _s("PropagateFaultMessage", "Propagate fault message", _B, "-1", "Messages", "Route SOAP faults to subscribers instead of suspending (solicit-response)"),
    )  # fmt: skip


def _wcf_transactions(default: str, isolation: str) -> tuple[SettingSpec, ...]:
    return (
        _s("EnableTransaction", "Enable transaction", _B, default, "Binding", "Send inside a transaction flowed to the service"),
        _s("IsolationLevel", "Isolation level", _S, isolation, "Binding", "Isolation level of that transaction", choices=_ISOLATION_LEVELS),
    )  # fmt: skip


def _wcf_acs_sas() -> tuple[SettingSpec, ...]:
    return (
        _s("UseAcsAuthentication", "Use ACS authentication", _B, "0", "Authentication", "Authenticate with Azure Access Control Service"),
        _s("UseSasAuthentication", "Use SAS authentication", _B, "0", "Authentication", "Authenticate with a Shared Access Signature"),
    )  # fmt: skip


def _wcf_custom_binding(binding_type: str | None) -> tuple[SettingSpec, ...]:
    return (
        _s("BindingType", "Binding type", _S, binding_type, "Binding", "WCF binding, e.g. basicHttpBinding, netTcpBinding, customBinding, sqlBinding", required=True),
        _s("BindingConfiguration", "Binding configuration", _S, None if binding_type is None else f'<binding name="{binding_type}" />', "Binding", "The <binding> element configuring that binding", nested_xml=True),
        _s("EndpointBehaviorConfiguration", "Endpoint behavior", _S, '<behavior name="EndpointBehavior" />', "Behavior", "The <behavior> element of endpointBehaviors", nested_xml=True),
    )  # fmt: skip


def _inner_config_text(root: str, inner: tuple[SettingSpec, ...]) -> str:
    body = "".join(f"<{spec.name}>{escape(spec.default)}</{spec.name}>" for spec in inner if spec.default is not None)
    return (
        f'<{root} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xmlns:xsd="http://www.w3.org/2001/XMLSchema">{body}</{root}>'
    )


def _wrapped(name: str, label: str, inner: tuple[SettingSpec, ...], **fields: object) -> AdapterSpec:
    wrapper = _s("AdapterConfig", "Adapter configuration", _S, _inner_config_text("Config", inner), "General", "The adapter's <Config> document; edit it through the fields below", nested_xml=True)  # fmt: skip
    return AdapterSpec(
        name=name,
        label=label,
        settings=(wrapper,),
        wraps_adapter_config=True,
        wrapper_property="AdapterConfig",
        inner_settings=inner,
        **fields,  # type: ignore[arg-type]
    )


_FILE = AdapterSpec(
    name="FILE", label="File", two_way=False, capabilities=11,
    configuration_clsid="5e49e3a6-b4fc-4077-b44c-22f34a242fdb",
    address_hint="C:\\Out\\%MessageID%.xml",
    settings=(
        _s("FileName", "File name", _S, "%MessageID%.xml", "General", "File name with macros such as %MessageID% or %SourceFileName%", required=True),
        _s("CopyMode", "Copy mode", _U4, "1", "General", "What to do when the file exists", choices=(("0", "Append"), ("1", "Create New"), ("2", "Overwrite")), minimum=0, maximum=2),
        _s("UseTempFileOnWrite", "Use temporary file while writing", _B, "0", "General", "Write to a temporary file, then rename it (with Create New)"),
        _s("AllowCacheOnWrite", "Allow cache on write", _B, "0", "General", "Let the file system cache writes"),
        _s("FilePath", "Folder", _S, None, "General", "Target folder; older exports write it, newer ones keep it in the address"),
        _s("Username", "User name", _S, None, "Credentials", "Alternative account (domain\\user) for the network share"),
        _s("Password", "Password", _S, None, "Credentials", "Password of that account", secret=True),
    ),
    requirements=(_needs("Password", if_set=("Username",)),),
)  # fmt: skip

_FTP_INNER = (
    _s("uri", "URI", _S, None, "General", "Full destination URI; BizTalk keeps it equal to the port address"),
    _s("serverAddress", "Server", _S, None, "General", "FTP server name or IP address", required=True),
    _s("serverPort", "Port", _I4, "21", "General", "TCP port of the FTP server", minimum=1, maximum=65535),
    _s("ftpServerType", "Server type", _S, "Detect", "General", "FTP server flavour; Detect lets the adapter find out"),
    _s("userName", "User name", _S, None, "General", "Account on the FTP server"),
    _s("password", "Password", _S, None, "General", "Password of that account (exported masked)", secret=True),
    _s("accountName", "Account", _S, None, "General", "FTP account name, if the server needs one"),
    _s("targetFolder", "Target folder", _S, "", "General", "Folder on the server that receives the files"),
    _s("targetFileName", "Target file name", _S, "%MessageID%.xml", "General", "File name; macros allowed"),
    _s("representationType", "Representation", _S, "binary", "General", "Transfer type", choices=(("binary", "Binary"), ("ASCII", "ASCII"))),
    _s("allocateStorage", "Allocate storage", _B, "False", "General", "Allocate storage space first (legacy hosts)", bool_texts=_NET_BOOL),
    _s("appendIfExists", "Append if exists", _B, "False", "General", "Append to an existing file instead of replacing it", bool_texts=_NET_BOOL),
    _s("connectionLimit", "Connection limit", _I4, "0", "General", "Concurrent connections to the server (0: no limit)", minimum=0, maximum=_INT32_MAX),
    _s("passiveMode", "Passive mode", _B, "False", "General", "Use passive rather than active mode", bool_texts=_NET_BOOL),
    _s("beforePut", "Before put", _S, None, "Commands", "FTP commands run before the PUT, separated by ';'"),
    _s("afterPut", "After put", _S, None, "Commands", "FTP commands run after the PUT, separated by ';'"),
    _s("spoolingFolder", "Temporary folder", _S, None, "Commands", "Server folder used to recover from interrupted transfers"),
    _s("commandLogFilename", "Log file", _S, None, "Commands", "Local file receiving a log of FTP commands"),
    _s("firewallType", "Firewall type", _S, "NoFirewall", "Firewall", "Firewall between BizTalk and the server", choices=(("NoFirewall", "None"), ("Socks4", "SOCKS 4"), ("Socks5", "SOCKS 5"))),
    _s("firewallAddress", "Firewall address", _S, None, "Firewall", "Firewall DNS name or IP address"),
    _s("firewallPort", "Firewall port", _I4, "21", "Firewall", "Firewall port", minimum=1, maximum=65535),
    _s("firewallUserName", "Firewall user name", _S, None, "Firewall", "User name for the firewall"),
    _s("firewallPassword", "Firewall password", _S, None, "Firewall", "Password for the firewall (exported masked)", secret=True),
    _s("useSsl", "Use SSL (FTPS)", _B, "False", "SSL", "Talk to an FTPS server", bool_texts=_NET_BOOL),
    _s("useDataProtection", "Protect data channel", _B, "True", "SSL", "Encrypt the data channel too (with FTPS)", bool_texts=_NET_BOOL),
    _s("ftpsConnMode", "FTPS mode", _S, "Explicit", "SSL", "How the SSL connection is made", choices=_enum("Explicit", "Implicit")),
    _s("clientCertificateHash", "Client certificate hash", _S, None, "SSL", "SHA1 hash of the client certificate for SSL"),
    _s("ssoAffiliateApplication", "SSO affiliate application", _S, None, "General", "Affiliate application for Single Sign-On"),
)  # fmt: skip

_FTP = _wrapped(
    "FTP", "FTP", _FTP_INNER, two_way=False, capabilities=80907,
    configuration_clsid="3979ffed-0067-4cc6-9f5a-859a5db6e9bb",
    address_hint="ftp://host:21/folder/%MessageID%.xml",
)  # fmt: skip

_SFTP = AdapterSpec(
    name="SFTP", label="SFTP", two_way=False, capabilities=523,
    configuration_clsid="f75aeff5-ebc7-4e7c-a753-fdd68ab45c95",
    address_hint="sftp://host:22/folder/%MessageID%.xml",
    settings=(
        _s("ServerAddress", "Server", _S, None, "SSH Server", "SFTP server name or IP address", required=True),
        _s("Port", "Port", _I4, "22", "SSH Server", "TCP port of the SFTP server", minimum=1, maximum=65535),
        _s("FolderPath", "Folder", _S, None, "SSH Server", "Folder on the server that receives the files"),
        _s("TargetFileName", "Target file name", _S, "%MessageID%.xml", "SSH Server", "File name; macros allowed"),
        _s("AppendIfExists", "Append if exists", _B, "0", "SSH Server", "Append to an existing file instead of overwriting it"),
        _s("ClientAuthenticationMode", "Authentication", _S, "Password", "Security", "How BizTalk authenticates to the server", choices=_enum("Password", "PublicKeyAuthentication", "MultiFactorAuthentication")),
        _s("UserName", "User name", _S, None, "Security", "Account on the SFTP server"),
        _s("Password", "Password", _S, None, "Security", "Password of that account", secret=True),
        _s("PrivateKey", "Private key file", _S, None, "Security", "Private key (.ppk) for public key authentication"),
        _s("PrivateKeyPassword", "Private key password", _S, None, "Security", "Password protecting the private key", secret=True),
        _s("AccessAnySSHServerHostKey", "Accept any host key", _B, "0", "Security", "Accept any SSH host key instead of checking the fingerprint"),
        _s("SSHServerHostKey", "Host key fingerprint", _S, None, "Security", "Expected fingerprint of the server's host key"),
        _s("EncryptionCipher", "Encryption cipher", _S, "Auto", "Security", "Cipher to negotiate", choices=_enum("Auto", "AES", "Arcfour", "Blowfish", "TripleDES", "DES")),
        _s("ConnectionLimit", "Connection limit", _I4, None, "Other", "Concurrent connections to the server", minimum=0, maximum=_INT32_MAX),
        _s("MaxConnectionReuseTimeInSeconds", "Max connection reuse (s)", _I4, "0", "Other", "Close pooled connections after this time (0 or less: never)"),
        _s("ProxyType", "Proxy type", _S, "None", "Proxy", "Protocol of the proxy server", choices=_enum("None", "SOCKS4", "SOCKS5", "HTTP")),
        _s("ProxyAddress", "Proxy address", _S, None, "Proxy", "Proxy DNS name or IP address"),
        _s("ProxyPort", "Proxy port", _I4, "1080", "Proxy", "Proxy port", minimum=0, maximum=65535),
        _s("ProxyUserName", "Proxy user name", _S, None, "Proxy", "User name for the proxy"),
        _s("ProxyPassword", "Proxy password", _S, None, "Proxy", "Password for the proxy", secret=True),
    ),
    requirements=(  # "SFTP Adapter" page: Password for Password, PrivateKey for PublicKey, both for MultiFactor
        _needs("UserName", "Password", when=(("ClientAuthenticationMode", ("Password", "MultiFactorAuthentication")),)),
        _needs("UserName", "PrivateKey", when=(("ClientAuthenticationMode", ("PublicKeyAuthentication", "MultiFactorAuthentication")),)),
    ),
)  # fmt: skip

_HTTP = AdapterSpec(
    name="HTTP", label="HTTP", two_way=True, capabilities=387,
    configuration_clsid="1c56d157-0553-4345-8a1f-55d2d1a3ffb6",
    address_hint="http://host/path",
    settings=(
        _s("ContentType", "Content type", _S, "text/xml", "General", "Content type of request messages"),
        _s("RequestTimeout", "Request timeout (s)", _I4, "0", "General", "Seconds to wait for the response (0: computed from the message size)", minimum=0, maximum=_INT32_MAX),
        _s("MaxRedirects", "Maximum redirects", _I4, "5", "General", "Redirects followed for one request", minimum=0, maximum=10),
        _s("EnableChunkedEncoding", "Chunked encoding", _B, "-1", "General", "Send with HTTP chunked encoding (not through a proxy)"),
        _s("AuthenticationScheme", "Authentication", _S, "Anonymous", "Authentication", "Authentication with the destination server", choices=_enum("Anonymous", "Basic", "Digest", "Kerberos")),
        _s("Username", "User name", _S, None, "Authentication", "User name for Basic or Digest authentication"),
        _s("Password", "Password", _S, None, "Authentication", "Password for Basic or Digest authentication", secret=True),
        _s("Certificate", "Client certificate thumbprint", _S, None, "Authentication", "Client certificate for SSL"),
        _s("UseSSO", "Use Single Sign-On", _B, "0", "Authentication", "Take the credentials from Enterprise SSO"),
        _s("AffiliateApplicationName", "SSO affiliate application", _S, None, "Authentication", "Affiliate application used with Single Sign-On"),
        _s("UseHandlerSetting", "Use handler proxy settings", _B, "-1", "Proxy", "Use the send handler's proxy configuration"),
        _s("UseProxy", "Use proxy", _B, "0", "Proxy", "Send through the proxy below"),
        _s("ProxyName", "Proxy server", _S, None, "Proxy", "Proxy server address"),
        _s("ProxyPort", "Proxy port", _I4, "80", "Proxy", "Proxy server port", minimum=0, maximum=65535),
        _s("ProxyUsername", "Proxy user name", _S, None, "Proxy", "User name for the proxy"),
        _s("ProxyPassword", "Proxy password", _S, None, "Proxy", "Password for the proxy", secret=True),
    ),
    requirements=(_needs("Username", "Password", when=(("AuthenticationScheme", ("Basic", "Digest")), _NO_SSO)),),
)  # fmt: skip

_SOAP = AdapterSpec(
    name="SOAP", label="SOAP", two_way=True, capabilities=899,
    address_hint="http://host/service.asmx",
    settings=(
        _s("UsingOrchestration", "Proxy from orchestration", _B, "-1", "Web Service", "Use the web service proxy of the orchestration port"),
        _s("AssemblyPath", "Proxy assembly", _S, None, "Web Service", "Assembly holding the web service proxy"),
        _s("TypeName", "Proxy type", _S, None, "Web Service", "Class holding the web method"),
        _s("MethodName", "Web method", _S, None, "Web Service", "Method invoked"),
        _s("UseSoap12", "SOAP 1.2", _B, "0", "Web Service", "Generate SOAP 1.2 proxy code"),
        _s("AuthenticationScheme", "Authentication", _S, "Anonymous", "Authentication", "Authentication with the destination server", choices=_enum("Anonymous", "Basic", "Digest", "NTLM")),
        _s("Username", "User name", _S, None, "Authentication", "User name for Basic or Digest authentication"),
        _s("Password", "Password", _S, None, "Authentication", "Password for Basic or Digest authentication", secret=True),
        _s("ClientCertificate", "Client certificate thumbprint", _S, None, "Authentication", "Client certificate for the connection"),
        _s("UseSSO", "Use Single Sign-On", _B, "0", "Authentication", "Take the credentials from Enterprise SSO"),
        _s("UseHandlerSetting", "Use handler proxy settings", _B, "-1", "Proxy", "Use the send handler's proxy configuration"),
        _s("UseProxy", "Use proxy", _B, "0", "Proxy", "Send through the proxy below"),
        _s("ProxyAddress", "Proxy server", _S, None, "Proxy", "Proxy server name"),
        _s("ProxyPort", "Proxy port", _I4, "80", "Proxy", "Proxy server port", minimum=0, maximum=65535),
        _s("ProxyUsername", "Proxy user name", _S, None, "Proxy", "User name for the proxy"),
        _s("ProxyPassword", "Proxy password", _S, None, "Proxy", "Password for the proxy", secret=True),
    ),
    requirements=(_needs("Username", "Password", when=(("AuthenticationScheme", ("Basic", "Digest")), _NO_SSO)),),
)  # fmt: skip

_SMTP = AdapterSpec(
    name="SMTP", label="SMTP", two_way=False, capabilities=2,
    address_hint="mailto:someone@example.com",
    settings=(
        _s("To", "To", _S, None, "General", "Recipient address(es)", required=True),
        _s("CC", "CC", _S, None, "General", "Carbon-copy address(es)"),
        _s("From", "From", _S, None, "General", "Address in the From header"),
        _s("Subject", "Subject", _S, None, "General", "Subject header"),
        _s("DeliveryReceipt", "Delivery receipt", _B, "0", "General", "Ask for a delivery confirmation"),
        _s("ReadReceipt", "Read receipt", _B, "0", "General", "Ask for a read confirmation"),
        _s("EmailBodyText", "Body text", _S, None, "Compose", "Text used as the e-mail body"),
        _s("EmailBodyTextCharset", "Body text charset", _S, None, "Compose", "Character set of that text, e.g. utf-8"),
        _s("EmailBodyFile", "Body file", _S, None, "Compose", "File used as the e-mail body"),
        _s("EmailBodyFileCharset", "Body file charset", _S, None, "Compose", "Character set the body file is already in"),
        _s("MessagePartsAttachments", "Attach message parts", _U4, "0", "Attachments", "Which BizTalk message parts become attachments", choices=(("0", "None"), ("1", "Body part only"), ("2", "All parts")), minimum=0, maximum=2),
        _s("Attachments", "Attach files", _S, None, "Attachments", "Path of a file to attach"),
        _s("SMTPHost", "SMTP server", _S, None, "Handler Override", "SMTP server; empty uses the send handler's"),
        _s("SMTPAuthenticate", "Authentication", _U4, None, "Handler Override", "Authentication with the SMTP server; empty uses the send handler's", choices=(("0", "None"), ("1", "Basic"), ("2", "Process account (NTLM)")), minimum=0, maximum=2),
        _s("Username", "User name", _S, None, "Handler Override", "User name for Basic authentication"),
        _s("Password", "Password", _S, None, "Handler Override", "Password for Basic authentication", secret=True),
    ),
    requirements=(_needs("Username", "Password", when=(("SMTPAuthenticate", ("1",)),)),),
)  # fmt: skip

_MSMQ_INNER = (
    _s("queue", "Destination queue", _S, None, "General", "Destination queue, e.g. FORMATNAME:DIRECT=OS:server\\PRIVATE$\\queue", required=True),
    _s("uri", "URI", _S, None, "General", "Same queue as written in the port address"),
    _s("transactional", "Transactional", _B, "false", "General", "Send inside an MSDTC transaction", bool_texts=_XSD_BOOL),
    _s("recoverable", "Recoverable", _B, "false", "General", "Store messages on disk so they survive restarts", bool_texts=_XSD_BOOL),
    _s("priority", "Priority", _S, "Normal", "General", "MSMQ message priority", choices=_enum("Lowest", "VeryLow", "Low", "Normal", "AboveNormal", "High", "VeryHigh", "Highest")),
    _s("timeOut", "Time out", _U4, "4", "General", "Time allowed for reaching the queue", minimum=1, maximum=_INT32_MAX),
    _s("timeOutUnits", "Time out units", _S, "Days", "General", "Unit of the time out", choices=_enum("Days", "Hours", "Minutes", "Seconds")),
    _s("maximumMessageSize", "Maximum message size (KB)", _U4, "1024", "General", "Largest message sent, in kilobytes", minimum=1),
    _s("segmentationSupport", "Segmentation", _B, "false", "General", "Split large messages (needs transactional)", bool_texts=_XSD_BOOL),
    _s("bodyType", "Body type", _I4, "8209", "General", "VARENUM type of the MSMQ body (8209: byte array)"),
    _s("acknowledgeType", "Acknowledgement", _S, "None", "Acknowledgement", "System.Messaging.AcknowledgeTypes flags"),
    _s("ackTypeEnumsValue", "Acknowledgement flags", _I4, "0", "Acknowledgement", "Numeric OR of the acknowledgement types"),
    _s("administrationQueue", "Administration queue", _S, None, "Acknowledgement", "Queue receiving acknowledgements"),
    _s("useJournalQueue", "Use journal queue", _B, "false", "Queues", "Keep a copy of each sent message", bool_texts=_XSD_BOOL),
    _s("useDeadLetterQueue", "Use dead-letter queue", _B, "true", "Queues", "Move undeliverable messages to the dead-letter queue", bool_texts=_XSD_BOOL),
    _s("useAuthentication", "Use authentication", _B, "false", "Security", "Sign messages with the certificate below", bool_texts=_XSD_BOOL),
    _s("certificate", "Certificate thumbprint", _S, None, "Security", "Certificate used to sign messages"),
    _s("encryptionAlgorithm", "Encryption", _S, "None", "Security", "Encryption algorithm", choices=_enum("None", "RC2", "RC4")),
    _s("userName", "User name", _S, None, "Security", "Account for a remote queue"),
    _s("password", "Password", _S, None, "Security", "Password of that account (exported masked)", secret=True),
)  # fmt: skip

# BizTalk registers MSMQ with Constraints 13579, which carries SupportsSolicitResponse (0x100;
# every MSMQ <TransportType> in real exports says 13579), yet Microsoft's "Adapters in BizTalk
# Server" table gives MSMQ no two-way communication support: the port kinds follow the table,
# the registration value is kept as BizTalk writes it.
_MSMQ = _wrapped(
    "MSMQ", "MSMQ", _MSMQ_INNER, two_way=False, capabilities=13579,
    two_way_note="'Adapters in BizTalk Server' (MicrosoftDocs/biztalk-docs, biztalk/core/adapters-in-biztalk-server.md): MSMQ has no two-way communication support",
    configuration_clsid="ff5cee87-fd92-4422-b47d-f7d033311693",
    address_hint="FORMATNAME:DIRECT=OS:server\\PRIVATE$\\queue",
)  # fmt: skip

_MQSC_INNER = (
    _s("uri", "URI", _S, None, "General", "Same queue as written in the port address"),
    _s("queueManager", "Queue manager", _S, None, "General", "WebSphere MQ queue manager", required=True),
    _s("queue", "Queue", _S, None, "General", "Destination queue", required=True),
    _s("transportType", "Transport", _S, "tcp", "Connection", "Client channel transport"),
    _s("heartBeat", "Heartbeat (s)", _U4, "300", "Connection", "Seconds between channel checks"),
    _s("transactionSupported", "Transactional", _S, "no", "General", "Put messages under a transaction", choices=(("yes", "Yes"), ("no", "No"))),
    _s("segmentationAllowed", "Segmentation", _S, "no", "General", "Allow MQ to segment large messages", choices=(("yes", "Yes"), ("no", "No"))),
)  # fmt: skip

_MQSC = _wrapped(
    "MQSC", "WebSphere MQ (client)", _MQSC_INNER, two_way=True, capabilities=15627,
    configuration_clsid="8a8ca722-047c-4574-9850-8bd63e6e9089",
    address_hint="mqsc:///tcp//QMGR/QUEUE",
)  # fmt: skip

_BASIC_HTTP_SECURITY = (
    _s("SecurityMode", "Security mode", _S, "None", "Security", "Transport, message or mixed security", choices=_enum("None", "Transport", "Message", "TransportWithMessageCredential", "TransportCredentialOnly")),
    _s("TransportClientCredentialType", "Transport credential", _S, "None", "Security", "Client credential at transport level", choices=_HTTP_CREDENTIALS),
    _s("MessageClientCredentialType", "Message credential", _S, "UserName", "Security", "Client credential at message level", choices=_enum("UserName", "Certificate")),
    _s("AlgorithmSuite", "Algorithm suite", _S, "Basic256", "Security", "Message encryption and key-wrap algorithms", choices=_SECURITY_ALGORITHMS),
)  # fmt: skip

_WCF_BASIC_HTTP = AdapterSpec(
    name="WCF-BasicHttp", label="WCF-BasicHttp", two_way=True, capabilities=899,
    configuration_clsid="467c1a52-373f-4f09-9008-27af6b985f14",
    address_hint="http://host/service.svc",
    settings=(
        *_wcf_general(), *_wcf_timeouts(), _wcf_max_received(), *_wcf_encoding(),
        *_BASIC_HTTP_SECURITY, *_wcf_certificates(), *_wcf_acs_sas(),
        *_wcf_credentials(empty_defaults=True), *_wcf_proxy(empty_defaults=True), *_wcf_messages(),
    ),
    requirements=_wcf_credential_rules(("Transport", "TransportCredentialOnly"), ("Message", "TransportWithMessageCredential")),
)  # fmt: skip

_WCF_WS_HTTP = AdapterSpec(
    name="WCF-WSHttp", label="WCF-WSHttp", two_way=True, capabilities=899,
    configuration_clsid="2b219014-ba04-4b70-a66b-a8c418b109fd",
    address_hint="http://host/service.svc",
    settings=(
        *_wcf_general(), *_wcf_timeouts(), _wcf_max_received(), *_wcf_encoding(),
        _s("EnableTransaction", "Enable transaction", _B, "0", "Binding", "Flow a WS-AtomicTransaction to the service"),
        _s("SecurityMode", "Security mode", _S, "Message", "Security", "Transport, message or mixed security", choices=_enum("None", "Transport", "Message", "TransportWithMessageCredential")),
        _s("TransportClientCredentialType", "Transport credential", _S, "Windows", "Security", "Client credential at transport level", choices=_HTTP_CREDENTIALS),
        _s("MessageClientCredentialType", "Message credential", _S, "Windows", "Security", "Client credential at message level", choices=_enum("None", "Windows", "UserName", "Certificate")),
        _s("AlgorithmSuite", "Algorithm suite", _S, "Basic256", "Security", "Message encryption and key-wrap algorithms", choices=_SECURITY_ALGORITHMS),
        _s("NegotiateServiceCredential", "Negotiate service credential", _B, "-1", "Security", "Obtain the service credential by negotiation"),
        _s("EstablishSecurityContext", "Establish security context", _B, "-1", "Security", "Establish a WS-SecureConversation session"),
        *_wcf_certificates(), *_wcf_credentials(empty_defaults=True), *_wcf_proxy(empty_defaults=True), *_wcf_messages(),
    ),
    requirements=_wcf_credential_rules(("Transport",), ("Message", "TransportWithMessageCredential")),
)  # fmt: skip

_WCF_WEB_HTTP = AdapterSpec(
    name="WCF-WebHttp", label="WCF-WebHttp", two_way=True, capabilities=387,
    configuration_clsid="e5b2de81-de67-4559-869b-20925949a1e0",
    address_hint="https://host/api",
    settings=(
        _s("HttpMethodAndUrl", "HTTP method and URL", _S, "", "General", "A verb (GET) or a BtsHttpUrlMapping document keyed by BTS.Operation", nested_xml=True),
        _s("VariablePropertyMapping", "Variable mapping", _S, None, "General", "BtsVariablePropertyMapping: URL variables taken from context properties", nested_xml=True),
        _s("HttpHeaders", "HTTP headers", _S, "", "Messages", "Extra request headers, one 'Name: value' per line"),
        _s("SuppressMessageBodyForHttpVerbs", "Suppress body for verbs", _S, "", "Messages", "Verbs sent without a body, comma separated (e.g. GET)"),
        *_wcf_timeouts(), _wcf_max_received(),
        _s("SecurityMode", "Security mode", _S, "None", "Security", "Transport security of the HTTP channel", choices=_enum("None", "Transport", "TransportCredentialOnly")),
        _s("TransportClientCredentialType", "Transport credential", _S, "None", "Security", "Client credential at transport level", choices=_HTTP_CREDENTIALS),
        *_wcf_certificates(), *_wcf_acs_sas(),
        _s("StsUri", "STS URI", _S, None, "Authentication", "Token issuer used with ACS", kind="uri"),
        _s("IssuerName", "Issuer name", _S, None, "Authentication", "Issuer name used with ACS"),
        _s("IssuerSecret", "Issuer secret", _S, None, "Authentication", "Issuer secret used with ACS", secret=True),
        *_wcf_credentials(empty_defaults=True), *_wcf_proxy(empty_defaults=True),
        _s("EndpointBehaviorConfiguration", "Endpoint behavior", _S, '<behavior name="EndpointBehavior" />', "Behavior", "The <behavior> element of endpointBehaviors", nested_xml=True),
        _s("Identity", "Endpoint identity", _S, "", "General", "Expected service identity (<identity> element)", nested_xml=True),
    ),
    requirements=(*_wcf_credential_rules(("Transport", "TransportCredentialOnly")), _ACS),
)  # fmt: skip

_WCF_NET_TCP = AdapterSpec(
    name="WCF-NetTcp", label="WCF-NetTcp", two_way=True, capabilities=907,
    configuration_clsid="7fd2dfcd-6a7b-44f9-8387-29457fd2eaaf",
    address_hint="net.tcp://host:808/service",
    settings=(
        *_wcf_general(), *_wcf_timeouts(), _wcf_max_received(),
        _s("EnableTransaction", "Enable transaction", _B, "0", "Binding", "Flow a transaction to the service"),
        _s("TransactionProtocol", "Transaction protocol", _S, "OleTransactions", "Binding", "Protocol used to flow it", choices=_enum("OleTransactions", "WS-AtomicTransactionOctober2004")),
        _s("SecurityMode", "Security mode", _S, "Transport", "Security", "Transport, message or mixed security", choices=_enum("None", "Transport", "Message", "TransportWithMessageCredential")),
        _s("TransportClientCredentialType", "Transport credential", _S, "Windows", "Security", "Client credential at transport level", choices=_enum("None", "Windows", "Certificate")),
        _s("TransportProtectionLevel", "Transport protection", _S, "EncryptAndSign", "Security", "Protection of the TCP stream", choices=_enum("None", "Sign", "EncryptAndSign")),
        _s("MessageClientCredentialType", "Message credential", _S, "Windows", "Security", "Client credential at message level", choices=_enum("None", "Windows", "UserName", "Certificate")),
        _s("AlgorithmSuite", "Algorithm suite", _S, "Basic256", "Security", "Message encryption and key-wrap algorithms", choices=_SECURITY_ALGORITHMS),
        *_wcf_certificates(), *_wcf_credentials(empty_defaults=True), *_wcf_messages(),
    ),
    requirements=_wcf_credential_rules(("Transport",), ("Message", "TransportWithMessageCredential"), basic=(), windows=("Windows",)),
)  # fmt: skip

# "How to Configure a WCF-NetNamedPipe Send Port" (property table and CustomProps sample);
# Capabilities and ConfigurationClsid as BizTalk's WMI reports them (Be.Stateless fixtures).
_WCF_NET_NAMED_PIPE = AdapterSpec(
    name="WCF-NetNamedPipe", label="WCF-NetNamedPipe", two_way=True, capabilities=907,
    configuration_clsid="148d2e28-d634-4127-aa9e-7d6298156bf1",
    address_hint="net.pipe://localhost/service",
    settings=(
        *_wcf_general(), *_wcf_timeouts(), _wcf_max_received(),
        _s("EnableTransaction", "Enable transaction", _B, "0", "Binding", "Send inside a transaction flowed to the service"),
        _s("TransactionProtocol", "Transaction protocol", _S, "OleTransactions", "Binding", "Protocol used to flow it", choices=_enum("OleTransactions", "WS-AtomicTransactionOctober2004")),
        _s("SecurityMode", "Security mode", _S, "Transport", "Security", "Transport security of the named pipe, or none", choices=_enum("None", "Transport")),
        _s("TransportProtectionLevel", "Transport protection", _S, "EncryptAndSign", "Security", "Protection of the named pipe stream", choices=_enum("None", "Sign", "EncryptAndSign")),
        *_wcf_messages(),
    ),
)  # fmt: skip

# "How to Configure a WCF-NetMsmq Send Port" (property table and CustomProps sample); one-way
# (Constraints 523 has no SupportsSolicitResponse; "What Is the WCF-NetMsmq Adapter?").
_WCF_NET_MSMQ = AdapterSpec(
    name="WCF-NetMsmq", label="WCF-NetMsmq", two_way=False, capabilities=523,
    configuration_clsid="36f48beb-64aa-4c80-b396-1f2ba53bed84",
    address_hint="net.msmq://host/private/queue",
    settings=(
        *_wcf_general(), *_wcf_timeouts(),
        _s("EnableTransaction", "Transactional", _B, "-1", "Binding", "Send to a transactional queue inside a transaction"),
        _s("DeadLetterQueue", "Dead-letter queue", _S, "System", "Binding", "Where undeliverable messages go", choices=_enum("None", "System", "Custom")),
        _s("CustomDeadLetterQueue", "Custom dead-letter queue", _S, "", "Binding", "net.msmq URI of the dead-letter queue when DeadLetterQueue is Custom", kind="uri"),
        _s("TimeToLive", "Time to live", _S, "1.00:00:00", "Binding", "How long a message may wait before it expires (d.hh:mm:ss)", kind="timespan"),
        _s("UseSourceJournal", "Use source journal", _B, "0", "Binding", "Keep a copy of each sent message in the journal queue"),
        _s("SecurityMode", "Security mode", _S, "Transport", "Security", "MSMQ transport security, message security, both or none", choices=_enum("None", "Message", "Transport", "Both")),
        _s("MsmqAuthenticationMode", "MSMQ authentication", _S, "WindowsDomain", "Security", "How MSMQ authenticates messages", choices=_enum("None", "WindowsDomain", "Certificate")),
        _s("MsmqProtectionLevel", "MSMQ protection", _S, "Sign", "Security", "Protection of messages at the MSMQ transport level", choices=_enum("None", "Sign", "EncryptAndSign")),
        _s("MsmqSecureHashAlgorithm", "MSMQ hash algorithm", _S, "Sha1", "Security", "Hash used to sign messages", choices=_enum("MD5", "Sha1", "Sha256", "Sha512")),
        _s("MsmqEncryptionAlgorithm", "MSMQ encryption algorithm", _S, "RC4Stream", "Security", "Cipher used to encrypt messages", choices=_enum("RC4Stream", "Aes")),
        _s("MessageClientCredentialType", "Message credential", _S, "Windows", "Security", "Client credential at message level", choices=_enum("None", "Windows", "UserName", "Certificate")),
        _s("AlgorithmSuite", "Algorithm suite", _S, "Basic256", "Security", "Message encryption and key-wrap algorithms", choices=_SECURITY_ALGORITHMS),
        *_wcf_certificates(), *_wcf_credentials(), *_wcf_messages(inbound=False),
    ),
    requirements=_wcf_credential_rules((), ("Message", "Both")),
)  # fmt: skip

_WCF_CUSTOM = AdapterSpec(
    name="WCF-Custom", label="WCF-Custom", two_way=True, capabilities=907,
    configuration_clsid="af081f69-38ca-4d5b-87df-f0344b12557a",
    address_hint="net.tcp://host/service",
    settings=(
        *_wcf_general(), *_wcf_custom_binding(None),
        _s("ReferencedBindings", "Referenced bindings", _S, None, "Binding", "<bindings> referenced by issuers of the binding configuration", nested_xml=True),
        *_wcf_transactions("0", "Serializable"),
        *_wcf_credentials(empty_defaults=True), *_wcf_proxy(proxy_to_use=False, empty_defaults=True), *_wcf_messages(),
    ),
)  # fmt: skip

_WCF_SQL = AdapterSpec(
    name="WCF-SQL", label="WCF-SQL", two_way=True, capabilities=779,
    configuration_clsid="59b35d03-6a06-4734-a249-ef561254ecf7",
    address_hint="mssql://server//database?",
    settings=(
        *_wcf_general(identity=False), *_wcf_custom_binding("sqlBinding"),
        *_wcf_transactions("-1", "Serializable"),
        *_wcf_credentials(empty_defaults=True), *_wcf_proxy(proxy_to_use=False, empty_defaults=True), *_wcf_messages(),
    ),
)  # fmt: skip

_SB_MESSAGING = AdapterSpec(
    name="SB-Messaging", label="Service Bus (SB-Messaging)", two_way=False, capabilities=523,
    configuration_clsid="9c458d4a-a73c-4cb3-89c4-86ae0103de2f",
    address_hint="sb://namespace.servicebus.windows.net/queue",
    settings=(
        *_wcf_timeouts(),
        _s("BatchFlushInterval", "Batch flush interval", _S, "00:00:00.0200000", "General", "Time messages wait to be sent as a batch", kind="timespan"),
        _s("SessionIdleTimeout", "Session idle timeout", _S, "00:01:00", "General", "Idle time before a session is closed", kind="timespan"),
        _s("MaxReceivedMessageSize", "Max message size", _I4, "262144", "General", "Largest message, in bytes", minimum=1, maximum=_INT32_MAX),
        *_wcf_acs_sas(),
        _s("SharedAccessKeyName", "SAS key name", _S, None, "Authentication", "Name of the shared access policy"),
        _s("SharedAccessKey", "SAS key", _S, None, "Authentication", "Key of that policy", secret=True),
        _s("StsUri", "STS URI", _S, None, "Authentication", "Access Control Service token issuer", kind="uri"),
        _s("IssuerName", "Issuer name", _S, None, "Authentication", "ACS issuer name"),
        _s("IssuerSecret", "Issuer secret", _S, None, "Authentication", "ACS issuer secret", secret=True),
        _s("CustomBrokeredPropertyNamespace", "Brokered property namespace", _S, None, "Properties", "Context properties of this namespace become brokered message properties"),
        _s("DefaultCorrelationId", "Correlation ID", _S, None, "Properties", "CorrelationId of sent messages"),
        _s("DefaultPartitionKey", "Partition key", _S, None, "Properties", "PartitionKey of sent messages"),
        _s("DefaultScheduledEnqueueTimeUtc", "Scheduled enqueue time (UTC)", _DATE, None, "Properties", "Time at which sent messages become visible"),
        _s("DefaultTimeToLive", "Time to live", _S, "10675199.02:48:05.4775807", "Properties", "TimeToLive of sent messages (d.hh:mm:ss)", kind="timespan"),
    ),
    requirements=(_ACS, _needs("SharedAccessKeyName", "SharedAccessKey", when=(("UseSasAuthentication", _ON),))),
)  # fmt: skip


def _catalog(*specs: AdapterSpec) -> Mapping[str, AdapterSpec]:
    return MappingProxyType({spec.name: spec for spec in specs})


#: Every adapter the catalog describes, keyed by the exact ``TransportType`` name.
ADAPTERS: Mapping[str, AdapterSpec] = _catalog(
    _FILE, _FTP, _SFTP, _HTTP, _SOAP, _SMTP, _MSMQ, _MQSC, _WCF_BASIC_HTTP, _WCF_WS_HTTP,
    _WCF_WEB_HTTP, _WCF_NET_TCP, _WCF_NET_NAMED_PIPE, _WCF_NET_MSMQ, _WCF_CUSTOM, _WCF_SQL, _SB_MESSAGING,
)  # fmt: skip
_BY_LOWER_NAME = {name.lower(): spec for name, spec in ADAPTERS.items()}


def adapter_spec(name: str | None) -> AdapterSpec | None:
    """The adapter called ``name`` (case-insensitive), or ``None`` when the catalog lacks it."""
    return None if name is None else _BY_LOWER_NAME.get(name.strip().lower())


def _resolve(adapter: str | AdapterSpec) -> AdapterSpec | None:
    return adapter if isinstance(adapter, AdapterSpec) else adapter_spec(adapter)


def two_way_adapters() -> list[str]:
    """Names of the adapters a solicit-response send port can use."""
    return [name for name, spec in ADAPTERS.items() if spec.two_way]


def setting_spec(adapter: str | AdapterSpec, name: str, *, inner: bool = False) -> SettingSpec | None:
    """The setting ``name`` (exact element name) of ``adapter``; ``inner`` looks in its ``<Config>``."""
    spec = _resolve(adapter)
    if spec is None:
        return None
    for setting in spec.inner_settings if inner else spec.settings:
        if setting.name == name:
            return setting
    return None


def default_settings(adapter: str | AdapterSpec) -> list[tuple[str, int, str | None]]:
    """(name, vt, text) of what BizTalk writes for a new port; empty for unknown adapters."""
    spec = _resolve(adapter)
    if spec is None:
        return []
    return [(s.name, s.vt, s.default) for s in spec.settings if s.default is not None]


def default_inner_config(adapter: str | AdapterSpec) -> str | None:
    """The ``<Config>`` document a new port of a wrapping adapter starts with, else ``None``."""
    spec = _resolve(adapter)
    if spec is None or not spec.wraps_adapter_config:
        return None
    return _inner_config_text(spec.inner_root, spec.inner_settings)


def secret_settings(adapter: str | AdapterSpec, *, inner: bool = False) -> set[str]:
    """Names of settings masked in the UI and blanked on export; ``inner`` for ``<Config>`` children."""
    spec = _resolve(adapter)
    if spec is None:
        return set()
    return {s.name for s in (spec.inner_settings if inner else spec.settings) if s.secret}
