"""Small binding files built from strings, for tests that need exact, known content.

``binding_file(ports=[port("A"), ...], groups=[group("G", ["A"])], orchestrations={"A": ["Orch.P"]})``
returns the bytes of a BindingInfo file shaped like a BizTalk export (two-space indent, LF).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

PIPELINE = ('<TransmitPipeline Name="Microsoft.BizTalk.DefaultPipelines.PassThruTransmit" '
            'FullyQualifiedName="Microsoft.BizTalk.DefaultPipelines.PassThruTransmit, Microsoft.BizTalk.DefaultPipelines, '
            'Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" Type="2" '
            'TrackingOption="ServiceStartEnd MessageSendReceive PipelineEvents" Description="" />')
RECEIVE_PIPELINE = ('<ReceivePipeline Name="Microsoft.BizTalk.DefaultPipelines.XMLReceive" '
                    'FullyQualifiedName="Microsoft.BizTalk.DefaultPipelines.XMLReceive, Microsoft.BizTalk.DefaultPipelines, '
                    'Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" Type="1" '
                    'TrackingOption="ServiceStartEnd MessageSendReceive PipelineEvents" Description="" />')
FILE_TYPE = ('<TransportType Name="FILE" Capabilities="11" '
             'ConfigurationClsid="5e49e3a6-b4fc-4077-b44c-22f34a242fdb" />')
HTTP_TYPE = ('<TransportType Name="HTTP" Capabilities="395" '
             'ConfigurationClsid="1c56d157-0553-4345-8a1f-55d2d1a3ffb6" />')


@dataclass
class Port:
    name: str
    application: str | None = "App"
    address: str | None = None
    two_way: bool = False
    static: bool = True
    description: str | None = None
    filter_value: str | None = None  # a BTS.ReceivePortName == value filter

    def xml(self) -> str:
        ind = "      "
        if self.static:
            address = self.address if self.address is not None else f"C:\\Out\\{self.name}\\%MessageID%.xml"
            adapter = HTTP_TYPE if address.startswith("http") else FILE_TYPE
            props = ("&lt;CustomProps&gt;&lt;FileName vt=\"8\"&gt;%MessageID%.xml&lt;/FileName&gt;&lt;/CustomProps&gt;"
                     if adapter is FILE_TYPE else "&lt;CustomProps /&gt;")
            transport = (
                f"{ind}<PrimaryTransport>\n"
                f"{ind}  <Address>{escape(address)}</Address>\n"
                f"{ind}  {adapter}\n"
                f"{ind}  <TransportTypeData>{props}</TransportTypeData>\n"
                f"{ind}  <RetryCount>3</RetryCount>\n"
                f"{ind}  <RetryInterval>5</RetryInterval>\n"
                f"{ind}  <ServiceWindowEnabled>false</ServiceWindowEnabled>\n"
                f"{ind}  <FromTime>2000-01-01T00:00:00</FromTime>\n"
                f"{ind}  <ToTime>2000-01-01T23:59:59</ToTime>\n"
                f"{ind}  <Primary>true</Primary>\n"
                f"{ind}  <OrderedDelivery>false</OrderedDelivery>\n"
                f"{ind}  <DeliveryNotification>1</DeliveryNotification>\n"
                f"{ind}  <SendHandler Name=\"BizTalkServerApplication\" HostTrusted=\"false\">\n"
                f"{ind}    {adapter}\n"
                f"{ind}  </SendHandler>\n"
                f"{ind}</PrimaryTransport>\n")
        else:
            transport = ""
        description = (f"{ind}<Description>{escape(self.description)}</Description>\n" if self.description
                       else f"{ind}<Description xsi:nil=\"true\" />\n")
        if self.filter_value is None:
            flt = f"{ind}<Filter />\n"
        else:
            inner = ('<?xml version="1.0" encoding="utf-16"?>\n<Filter xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                     'xmlns:xsd="http://www.w3.org/2001/XMLSchema"><Group><Statement Property="BTS.ReceivePortName" '
                     f'Operator="0" Value={quoteattr(self.filter_value)} /></Group></Filter>')
            flt = f"{ind}<Filter>{escape(inner)}</Filter>\n"
        receive = f"{ind}{RECEIVE_PIPELINE}\n" if self.two_way else ""
        app = (f"{ind}<ApplicationName>{escape(self.application)}</ApplicationName>\n"
               if self.application is not None else "")
        return (
            f"    <SendPort Name={quoteattr(self.name)} IsStatic=\"{str(self.static).lower()}\" "
            f"IsTwoWay=\"{str(self.two_way).lower()}\" BindingOption=\"0\">\n"
            f"{description}"
            f"{ind}{PIPELINE}\n"
            f"{transport}"
            f"{receive}"
            f"{ind}<ReceivePipelineData xsi:nil=\"true\" />\n"
            f"{ind}<Tracking>0</Tracking>\n"
            f"{flt}"
            f"{ind}<Transforms />\n"
            f"{ind}<OrderedDelivery>false</OrderedDelivery>\n"
            f"{ind}<Priority>5</Priority>\n"
            f"{ind}<StopSendingOnFailure>false</StopSendingOnFailure>\n"
            f"{ind}<RouteFailedMessage>false</RouteFailedMessage>\n"
            f"{app}"
            f"    </SendPort>\n")


@dataclass
class Group:
    name: str
    members: Sequence[str] = ()
    application: str | None = "App"
    description: str | None = None

    def xml(self) -> str:
        ind = "      "
        if self.members:
            refs = "".join(f"{ind}  <SendPortRef Name={quoteattr(m)} />\n" for m in self.members)
            members = f"{ind}<SendPorts>\n{refs}{ind}</SendPorts>\n"
        else:
            members = f"{ind}<SendPorts />\n"
        app = (f"{ind}<ApplicationName>{escape(self.application)}</ApplicationName>\n"
               if self.application is not None else "")
        description = (f"{ind}<Description>{escape(self.description)}</Description>\n" if self.description
                       else f"{ind}<Description xsi:nil=\"true\" />\n")
        return (f"    <DistributionList Name={quoteattr(self.name)}>\n"
                f"{members}"
                f"{ind}<Filter />\n"
                f"{app}"
                f"{description}"
                f"    </DistributionList>\n")


def port(name: str, application: str | None = "App", **kw: object) -> Port:
    return Port(name, application, **kw)  # type: ignore[arg-type]


def group(name: str, members: Sequence[str] = (), application: str | None = "App", **kw: object) -> Group:
    return Group(name, tuple(members), application, **kw)  # type: ignore[arg-type]


def _module_refs(orchestrations: Mapping[str, Sequence[str]]) -> str:
    """A ModuleRefCollection binding orchestration ports to send ports: {send port: [orch port...]}."""
    if not orchestrations:
        return "  <ModuleRefCollection />\n"
    ports = "".join(
        f"              <Port Name={quoteattr(orch)} Modifier=\"1\" BindingOption=\"1\">\n"
        f"                <SendPortRef Name={quoteattr(target)} />\n"
        f"                <DistributionListRef xsi:nil=\"true\" />\n"
        f"                <ReceivePortRef xsi:nil=\"true\" />\n"
        f"              </Port>\n"
        for target, orchs in orchestrations.items() for orch in orchs)
    return ("  <ModuleRefCollection>\n"
            "    <ModuleRef Name=\"Test.Orchestrations\" Version=\"1.0.0.0\" Culture=\"neutral\" "
            "PublicKeyToken=\"0123456789abcdef\" FullName=\"Test.Orchestrations, Version=1.0.0.0, Culture=neutral, "
            "PublicKeyToken=0123456789abcdef\">\n"
            "      <Services>\n"
            "        <Service Name=\"Test.Orchestrations.Process\" State=\"Started\" "
            "TrackingOption=\"ServiceStartEnd MessageSendReceive OrchestrationEvents\" AnalyticsEnabled=\"false\" "
            "Description=\"\">\n"
            "          <Ports>\n"
            f"{ports}"
            "          </Ports>\n"
            "          <Roles />\n"
            "          <Host Name=\"BizTalkServerApplication\" NTGroupName=\"BizTalk Application Users\" Type=\"1\" "
            "Trusted=\"false\" />\n"
            "        </Service>\n"
            "      </Services>\n"
            "      <TrackedSchemas />\n"
            "    </ModuleRef>\n"
            "  </ModuleRefCollection>\n")


@dataclass
class Binding:
    ports: Sequence[Port] = ()
    groups: Sequence[Group] = ()
    orchestrations: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def text(self) -> str:
        ports = ("  <SendPortCollection>\n" + "".join(p.xml() for p in self.ports) + "  </SendPortCollection>\n"
                 if self.ports else "  <SendPortCollection />\n")
        groups = ("  <DistributionListCollection>\n" + "".join(g.xml() for g in self.groups)
                  + "  </DistributionListCollection>\n" if self.groups else "  <DistributionListCollection />\n")
        return ('<?xml version="1.0" encoding="utf-8"?>\n'
                '<BindingInfo xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                'Assembly="Microsoft.BizTalk.Deployment, Version=3.0.1.0, Culture=neutral, '
                'PublicKeyToken=31bf3856ad364e35" Version="3.5.1.0" BindingStatus="NoBindings" '
                f'BoundEndpoints="0" TotalEndpoints="{len(self.ports)}">\n'
                '  <Timestamp>2024-05-06T10:11:12.1234567+02:00</Timestamp>\n'
                f"{_module_refs(self.orchestrations)}"
                f"{ports}{groups}"
                "  <ReceivePortCollection />\n"
                '  <PartyCollection xsi:nil="true" />\n'
                "</BindingInfo>\n")


def binding_file(ports: Sequence[Port] = (), groups: Sequence[Group] = (),
                 orchestrations: Mapping[str, Sequence[str]] | None = None) -> bytes:
    return Binding(ports, groups, orchestrations or {}).text().encode("utf-8")


#: A small application used by many tests: ports A, B, C (static one-way), R (solicit-response),
#: D (dynamic); groups G1 = [A, B], G2 = [B], Empty = []; A bound to an orchestration port.
STANDARD = binding_file(
    ports=[port("A"), port("B"), port("C"), port("R", two_way=True, address="http://example.test/r"),
           port("D", static=False)],
    groups=[group("G1", ["A", "B"]), group("G2", ["B"]), group("Empty")],
    orchestrations={"A": ["Orch.SendA"]},
)
