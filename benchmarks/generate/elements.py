"""The pieces of a BindingInfo document, written as a BizTalk Server 2016+ export writes them.

Both builders (small exact files in ``exact``, large realistic ones in ``realistic``) write
through these functions, so that element order, indentation (two spaces), ``xsi:nil`` for
empty values, escaping and adapter facts are decided in one place. Each function returns
text at the depth the element has in an export, ending in a newline where it is a whole line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from model.adapters import adapter_spec

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"
NS_XSI_XSD = f'xmlns:xsi="{XSI}" xmlns:xsd="{XSD}"'  # root, Filter and adapter <Config> order
NS_XSD_XSI = f'xmlns:xsd="{XSD}" xmlns:xsi="{XSI}"'  # pipeline data <Root> order
PUBLIC_KEY_TOKEN = "31bf3856ad364e35"
DEPLOYMENT = f"Microsoft.BizTalk.Deployment, Version=3.0.1.0, Culture=neutral, PublicKeyToken={PUBLIC_KEY_TOKEN}"
DEFAULT_PIPELINES = (
    f"Microsoft.BizTalk.DefaultPipelines, Version=3.0.1.0, Culture=neutral, PublicKeyToken={PUBLIC_KEY_TOKEN}"
)
PIPELINE_TRACKING = 'TrackingOption="ServiceStartEnd MessageSendReceive PipelineEvents"'
FILTER_DECLARATION = '<?xml version="1.0" encoding="utf-16"?>'
DEFAULT_HOST = "BizTalkServerApplication"

# Pipeline stage category ids (BizTalk's fixed GUIDs).
STAGE_PREASSEMBLE = "9d0e4101-4cce-4536-83fa-4a5040674ad6"
STAGE_ASSEMBLE = "9d0e4107-4cce-4536-83fa-4a5040674ad6"
STAGE_ENCODE = "9d0e4108-4cce-4536-83fa-4a5040674ad6"
STAGE_DISASSEMBLE = "9d0e4105-4cce-4536-83fa-4a5040674ad6"
STAGE_RESOLVEPARTY = "9d0e410e-4cce-4536-83fa-4a5040674ad6"

#: The SendPort children in BizTalk's export order (``send_port`` writes them so; ``check`` verifies it).
SENDPORT_ORDER = (
    "Description",
    "TransmitPipeline",
    "SendPipelineData",
    "PrimaryTransport",
    "SecondaryTransport",
    "EncryptionCert",
    "ReceivePipeline",
    "ReceivePipelineData",
    "Tracking",
    "Filter",
    "Transforms",
    "InboundTransforms",
    "OrderedDelivery",
    "Priority",
    "StopSendingOnFailure",
    "RouteFailedMessage",
    "ApplicationName",
)

#: Adapter facts the catalog (``model.adapters``) does not hold: name -> (Capabilities, ConfigurationClsid).
#: SMTP's CLSID is the MgmtCLSID of BizTalk's SMTP adapter as public DSC configurations and
#: BizTalk.Factory's ``SmtpAdapterInfo`` register it.
_BEYOND_CATALOG: dict[str, tuple[int | None, str | None]] = {
    "SMTP": (None, "8f36b311-b670-4cf6-aaec-04ebb80ed48d"),
}

I3, I4, I5, I7 = ("  " * k for k in (3, 4, 5, 7))


def esc(text: str) -> str:
    """Escape character data as .NET's XmlWriter does: ``& < >``, quotes left as they are."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(text: str) -> str:
    """Escape a double-quoted attribute value as .NET's XmlWriter does (white space kept by reference)."""
    return esc(text).replace('"', "&quot;").replace("\t", "&#x9;").replace("\n", "&#xA;").replace("\r", "&#xD;")


def prop(name: str, vt: str, value: str | None = None) -> str:
    """One VARIANT property of a CustomProps/Properties bag; ``value`` is raw text (escaped here)."""
    if value is None or value == "":
        return f'<{name} vt="{vt}" />'
    return f'<{name} vt="{vt}">{esc(value)}</{name}>'


def custom_props(props: Iterable[str]) -> str:
    """A ``<CustomProps>`` document (TransportTypeData before escaping) from ``prop`` strings."""
    body = "".join(props)
    return f"<CustomProps>{body}</CustomProps>" if body else "<CustomProps />"


def nil(tag: str, indent: str) -> str:
    return f'{indent}<{tag} xsi:nil="true" />\n'


@cache
def transport_type(adapter: str, tag: str = "TransportType") -> str:
    """``<TransportType Name Capabilities ConfigurationClsid />`` with the catalog's facts for ``adapter``."""
    spec = adapter_spec(adapter)
    capabilities, clsid = _BEYOND_CATALOG.get(adapter, (None, None))
    if spec is not None:
        capabilities = spec.capabilities if spec.capabilities is not None else capabilities
        clsid = spec.configuration_clsid or clsid
    if capabilities is None or clsid is None:
        raise ValueError(f"no Capabilities and ConfigurationClsid known for adapter {adapter!r}")
    return f'<{tag} Name="{esc_attr(adapter)}" Capabilities="{capabilities}" ConfigurationClsid="{clsid}" />'


def pipeline(tag: str, name: str, assembly: str = DEFAULT_PIPELINES) -> str:
    """A Transmit/Send (Type 2) or Receive (Type 1) pipeline reference, without indentation."""
    kind = 1 if tag == "ReceivePipeline" else 2
    return (
        f'<{tag} Name="{name}" FullyQualifiedName="{name}, {assembly}" Type="{kind}" '
        f'{PIPELINE_TRACKING} Description="" />'
    )


def default_pipeline(tag: str, short_name: str) -> str:
    """One of BizTalk's default pipelines (``PassThruTransmit``, ``XMLReceive`` ...)."""
    return pipeline(tag, f"Microsoft.BizTalk.DefaultPipelines.{short_name}")


def pipeline_data(stages: Sequence[tuple[str, Sequence[tuple[str, Sequence[str]]]]]) -> str:
    """Per-port pipeline configuration (Send/ReceivePipelineData) before escaping:
    [(stage category id, [(component name, [prop ...])])]."""
    parts = [f"<Root {NS_XSD_XSI}><Stages>"]
    for category, components in stages:
        parts.append(f'<Stage CategoryId="{category}"><Components>')
        for name, props in components:
            body = f"<Properties>{''.join(props)}</Properties>" if props else "<Properties />"
            parts.append(f'<Component Name="{name}">{body}</Component>')
        parts.append("</Components></Stage>")
    parts.append("</Stages></Root>")
    return "".join(parts)


def statement(property_name: str, operator: int | str, value: str | None = None) -> str:
    """A filter ``<Statement>``; ``value`` None for Exists (operator 6), which has no Value."""
    if value is None:
        return f'<Statement Property="{property_name}" Operator="{operator}" />'
    return f'<Statement Property="{property_name}" Operator="{operator}" Value="{esc_attr(value)}" />'


def filter_document(groups: Sequence[Sequence[str]], *, pretty: bool = True) -> str:
    """A ``<Filter>`` document (OR of ANDed statements) with its utf-16 declaration, before escaping.

    ``pretty`` indents groups and statements on lines of their own; otherwise the filter is one
    line after the declaration, as the BizTalk console writes it."""
    if not pretty:
        body = "".join("<Group>" + "".join(g) + "</Group>" for g in groups)
        return f"{FILTER_DECLARATION}\n<Filter {NS_XSI_XSD}>{body}</Filter>"
    lines = [FILTER_DECLARATION, f"<Filter {NS_XSI_XSD}>"]
    for g in groups:
        lines.append("  <Group>")
        lines += [f"    {s}" for s in g]
        lines.append("  </Group>")
    lines.append("</Filter>")
    return "\n".join(lines)


def transport(
    tag: str,
    address: str | None,
    adapter: str | None = None,
    settings: str | None = None,
    *,
    retry_count: int = 3,
    retry_interval: int = 5,
    service_window: bool = False,
    from_time: str = "2000-01-01T00:00:00",
    to_time: str = "2000-01-01T23:59:59",
    ordered: bool = False,
    host: str = DEFAULT_HOST,
) -> str:
    """A ``PrimaryTransport`` or ``SecondaryTransport`` block; no ``address`` writes BizTalk's "none"
    (empty address, no adapter, nil handler). ``settings`` is the TransportTypeData document."""
    lines = [f"{I3}<{tag}>\n"]
    if address is None:
        lines.append(f"{I4}<Address />\n")
    else:
        if adapter is None or settings is None:
            raise ValueError("a transport with an address needs an adapter and its settings")
        lines += [
            f"{I4}<Address>{esc(address)}</Address>\n",
            f"{I4}{transport_type(adapter)}\n",
            f"{I4}<TransportTypeData>{esc(settings)}</TransportTypeData>\n",
        ]
    lines += [
        f"{I4}<RetryCount>{retry_count}</RetryCount>\n",
        f"{I4}<RetryInterval>{retry_interval}</RetryInterval>\n",
        f"{I4}<ServiceWindowEnabled>{_bool(service_window)}</ServiceWindowEnabled>\n",
        f"{I4}<FromTime>{from_time}</FromTime>\n",
        f"{I4}<ToTime>{to_time}</ToTime>\n",
        f"{I4}<Primary>{_bool(tag == 'PrimaryTransport')}</Primary>\n",
        f"{I4}<OrderedDelivery>{_bool(ordered)}</OrderedDelivery>\n",
        f"{I4}<DeliveryNotification>1</DeliveryNotification>\n",
    ]
    if address is None or adapter is None:
        lines.append(nil("SendHandler", I4))
    else:
        lines.append(
            f'{I4}<SendHandler Name="{host}" HostTrusted="false">\n{I5}{transport_type(adapter)}\n{I4}</SendHandler>\n'
        )
    lines.append(f"{I3}</{tag}>\n")
    return "".join(lines)


def send_port(
    name: str,
    *,
    static: bool,
    two_way: bool,
    transmit_pipeline: str,
    binding_option: str = "0",
    analytics_enabled: bool | None = None,
    description: str | None = None,
    send_pipeline_data: str | None = None,
    primary: str = "",
    secondary: str = "",
    encryption_cert: str = "",
    receive_pipeline: str | None = None,
    receive_pipeline_data: str | None = None,
    tracking: int = 0,
    filter_text: str | None = None,
    transforms: Sequence[tuple[str, str]] = (),
    inbound_transforms: Sequence[tuple[str, str]] | None = None,
    ordered: bool = False,
    priority: int = 5,
    stop_sending_on_failure: bool = False,
    route_failed_message: bool = False,
    application: str | None = None,
) -> str:
    """A ``<SendPort>`` with its children in export order.

    ``primary``/``secondary`` are ``transport`` blocks and ``encryption_cert`` a whole line;
    documents (``send_pipeline_data``, ``receive_pipeline_data``, ``filter_text``) are raw XML,
    escaped here; transforms are (FullName, AssemblyQualifiedName) pairs; ``inbound_transforms``
    None leaves the element out (one-way ports)."""
    analytics = "" if analytics_enabled is None else f' AnalyticsEnabled="{_bool(analytics_enabled)}"'
    out = [
        (
            f'    <SendPort Name="{esc_attr(name)}" IsStatic="{_bool(static)}" IsTwoWay="{_bool(two_way)}" '
            f'BindingOption="{binding_option}"{analytics}>\n'
        )
    ]
    out.append(f"{I3}<Description>{esc(description)}</Description>\n" if description else nil("Description", I3))
    out.append(f"{I3}{transmit_pipeline}\n")
    if send_pipeline_data is not None:
        out.append(f"{I3}<SendPipelineData>{esc(send_pipeline_data)}</SendPipelineData>\n")
    out += [primary, secondary, encryption_cert]
    if receive_pipeline is not None:
        out.append(f"{I3}{receive_pipeline}\n")
    out.append(
        nil("ReceivePipelineData", I3)
        if receive_pipeline_data is None
        else f"{I3}<ReceivePipelineData>{esc(receive_pipeline_data)}</ReceivePipelineData>\n"
    )
    out.append(f"{I3}<Tracking>{tracking}</Tracking>\n")
    out.append(f"{I3}<Filter />\n" if filter_text is None else f"{I3}<Filter>{esc(filter_text)}</Filter>\n")
    out.append(_transforms("Transforms", transforms))
    if inbound_transforms is not None:
        out.append(_transforms("InboundTransforms", inbound_transforms))
    out += [
        f"{I3}<OrderedDelivery>{_bool(ordered)}</OrderedDelivery>\n",
        f"{I3}<Priority>{priority}</Priority>\n",
        f"{I3}<StopSendingOnFailure>{_bool(stop_sending_on_failure)}</StopSendingOnFailure>\n",
        f"{I3}<RouteFailedMessage>{_bool(route_failed_message)}</RouteFailedMessage>\n",
    ]
    if application is not None:
        out.append(f"{I3}<ApplicationName>{esc(application)}</ApplicationName>\n")
    out.append("    </SendPort>\n")
    return "".join(out)


def distribution_list(
    name: str,
    members: Sequence[str],
    *,
    filter_text: str | None = None,
    application: str | None = None,
    description: str | None = None,
) -> str:
    """A send port group (``<DistributionList>``) naming its members by send port name."""
    out = [f'    <DistributionList Name="{esc_attr(name)}">\n']
    if members:
        refs = "".join(f'{I4}<SendPortRef Name="{esc_attr(m)}" />\n' for m in members)
        out.append(f"{I3}<SendPorts>\n{refs}{I3}</SendPorts>\n")
    else:
        out.append(f"{I3}<SendPorts />\n")
    out.append(f"{I3}<Filter />\n" if filter_text is None else f"{I3}<Filter>{esc(filter_text)}</Filter>\n")
    if application is not None:
        out.append(f"{I3}<ApplicationName>{esc(application)}</ApplicationName>\n")
    out.append(f"{I3}<Description>{esc(description)}</Description>\n" if description else nil("Description", I3))
    out.append("    </DistributionList>\n")
    return "".join(out)


def module_ref_open(name: str, version: str = "1.0.0.0", culture: str = "neutral", token: str = "") -> str:
    """The opening ``<ModuleRef>`` line of an assembly (or of an ``[Application:..]`` pseudo-module)."""
    return (
        f'    <ModuleRef Name="{name}" Version="{version}" Culture="{culture}" PublicKeyToken="{token}" '
        f'FullName="{name}, Version={version}, Culture={culture}, PublicKeyToken={token}">\n'
    )


def orchestration_port(
    name: str,
    *,
    modifier: str = "1",
    binding_option: str = "1",
    send_port: str | None = None,
    receive_port: str | None = None,
) -> str:
    """An orchestration's logical port inside ``<Ports>``, bound to a send or receive port by name (or unbound)."""
    sp = f'{I7}<SendPortRef Name="{esc_attr(send_port)}" />\n' if send_port else nil("SendPortRef", I7)
    rp = f'{I7}<ReceivePortRef Name="{esc_attr(receive_port)}" />\n' if receive_port else nil("ReceivePortRef", I7)
    return (
        f'            <Port Name="{esc_attr(name)}" Modifier="{modifier}" BindingOption="{binding_option}">\n'
        f"{sp}{nil('DistributionListRef', I7)}{rp}            </Port>\n"
    )


def service(name: str, ports: Sequence[str], state: str = "Started") -> str:
    """An orchestration (``<Service>``) with its ``orchestration_port`` blocks, hosted in the default host."""
    body = ("          <Ports>\n" + "".join(ports) + "          </Ports>\n") if ports else "          <Ports />\n"
    return (
        f'        <Service Name="{esc_attr(name)}" State="{state}" TrackingOption="ServiceStartEnd MessageSendReceive '
        f'OrchestrationEvents" AnalyticsEnabled="false" Description="">\n'
        f"{body}          <Roles />\n"
        f'          <Host Name="{DEFAULT_HOST}" NTGroupName="BizTalk Application Users" '
        'Type="1" Trusted="false" />\n        </Service>\n'
    )


def binding_status(bound: int, total: int) -> str:
    """BindingInfo's ``BindingStatus`` for ``bound`` of ``total`` orchestration ports bound."""
    return "NoBindings" if bound == 0 else ("FullyBound" if bound == total else "PartiallyBound")


def document_head(timestamp: str, bound: int, total: int) -> str:
    """The declaration, the root element's opening tag and the Timestamp."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<BindingInfo {NS_XSI_XSD} Assembly="{DEPLOYMENT}" Version="3.5.1.0" '
        f'BindingStatus="{binding_status(bound, total)}" BoundEndpoints="{bound}" TotalEndpoints="{total}">\n'
        f"  <Timestamp>{timestamp}</Timestamp>\n"
    )


DOCUMENT_TAIL = '  <PartyCollection xsi:nil="true" />\n</BindingInfo>\n'


def collection(tag: str, items: Iterable[str]) -> str:
    """A top-level collection (``SendPortCollection`` ...) holding ``items``, or its empty form."""
    body = "".join(items)
    return f"  <{tag}>\n{body}  </{tag}>\n" if body else f"  <{tag} />\n"


def _transforms(tag: str, maps: Sequence[tuple[str, str]]) -> str:
    if not maps:
        return f"{I3}<{tag} />\n"
    body = "".join(f'{I4}<Transform FullName="{full}" AssemblyQualifiedName="{aqn}" />\n' for full, aqn in maps)
    return f"{I3}<{tag}>\n{body}{I3}</{tag}>\n"


def _bool(value: bool) -> str:
    return "true" if value else "false"
