"""The receive side of a generated file: a few receive ports that filters and orchestrations name.

Portwright does not model receive ports; they are here because real exports carry them and
the reader must keep them as they are. Their shape follows the shared corpus: FILE,
WCF-BasicHttp, MSMQ and HTTP receive locations with their adapter settings.
"""

from __future__ import annotations

from collections.abc import Sequence

from .elements import (
    NS_XSI_XSD,
    STAGE_DISASSEMBLE,
    STAGE_RESOLVEPARTY,
    custom_props,
    default_pipeline,
    esc,
    nil,
    pipeline_data,
    prop,
    transport_type,
)
from .plan import AppPlan

I3, I5 = "      ", "          "
#: The adapters of each receive port's locations, by the port's position modulo 5.
LOCATIONS = {0: ("FILE", "FILE"), 1: ("WCF-BasicHttp",), 2: ("MSMQ",), 3: ("FILE",), 4: ("HTTP",)}
WCF_TEMPLATE = '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>'


def receive_port_collection(
    receive_ports: Sequence[tuple[str, AppPlan, bool]], timestamp: str, from_time: str, to_time: str
) -> str:
    """``<ReceivePortCollection>`` of (name, application, two-way) receive ports."""
    out = ["  <ReceivePortCollection>\n"]
    for i, (name, app, two_way) in enumerate(receive_ports):
        out.append(
            f'    <ReceivePort Name="{name}" IsTwoWay="{"true" if two_way else "false"}" BindingOption="0" '
            f'AnalyticsEnabled="false">\n'
        )
        out.append(nil("Description", I3))
        out.append("      <ReceiveLocations>\n")
        for k, adapter in enumerate(LOCATIONS[i % 5]):
            location = f"{name}.{adapter}{'' if k == 0 else k + 1}"
            out.append(_receive_location(location, app, adapter, two_way, k == 0, timestamp[:10], from_time, to_time))
        out.append("      </ReceiveLocations>\n")
        out.append(nil("SendPipelineData", I3))
        out.append("      <Authentication>0</Authentication>\n")
        out.append(f"      <Tracking>{51 if i % 2 == 0 else 0}</Tracking>\n")
        out.append("      <Transforms />\n")
        if two_way:
            out.append("      <OutboundTransforms />\n")
        out.append(f"      <RouteFailedMessage>{'true' if i == 3 else 'false'}</RouteFailedMessage>\n")
        out.append(f"      <ApplicationName>{esc(app.name)}</ApplicationName>\n")
        out.append("    </ReceivePort>\n")
    out.append("  </ReceivePortCollection>\n")
    return "".join(out)


def _location_settings(name: str, app: AppPlan, adapter: str) -> tuple[str, str, str]:
    """(address, ReceiveLocationTransportTypeData document, host) of a receive location."""
    if adapter == "FILE":
        folder = f"D:\\Interfaces\\{app.short}\\In\\{name.split('.')[-2]}"
        props = [
            prop("RenameReceivedFiles", "11", "0"),
            prop("RemoveReceivedFileDelay", "19", "10"),
            prop("RemoveReceivedFileMaxInterval", "19", "300000"),
            prop("FileMask", "8", "*.xml"),
            prop("FileNetFailRetryInt", "19", "5"),
            prop("RemoveReceivedFileRetryCount", "19", "5"),
            prop("BatchSizeInBytes", "19", "102400"),
            prop("PollingInterval", "19", "60000"),
            prop("FileNetFailRetryCount", "19", "5"),
            prop("BatchSize", "19", "20"),
        ]
        return f"{folder}\\*.xml", custom_props(props), "ReceiveHost"
    if adapter == "MSMQ":
        address = f"FORMATNAME:DIRECT=OS:MSMQSRV01\\PRIVATE$\\{app.short.upper()}-IN"
        config = (
            f"<Config {NS_XSI_XSD}><queue>{address}</queue><uri>{address}</uri><batchSize>1</batchSize>"
            "<transactional>true</transactional><serialProcessing>false</serialProcessing>"
            "<onFailure>suspendResumable</onFailure></Config>"
        )
        return address, custom_props([prop("AdapterConfig", "8", config)]), "ReceiveHost"
    if adapter == "HTTP":
        props = [
            prop("ReturnCorrelationHandle", "11", "-1"),
            prop("ResponseContentType", "8", "text/xml"),
            prop("SuspendFailedRequests", "11", "0"),
            prop("UseSSO", "11", "0"),
            prop("LoopBack", "11", "0"),
        ]
        return f"/{app.short}/BTSHTTPReceive.dll?status", custom_props(props), "IsolatedReceiveHost"
    props = [
        prop("InboundNodeEncoding", "8", "Xml"),
        prop("MessageEncoding", "8", "Text"),  # WCF-BasicHttp
        prop("ServiceCertificate", "8"),
        prop("InboundBodyPathExpression", "8"),
        prop("OutboundBodyLocation", "8", "UseBodyElement"),
        prop("MaxReceivedMessageSize", "3", "65536"),
        prop("InboundBodyLocation", "8", "UseBodyElement"),
        prop("AlgorithmSuite", "8", "Basic256"),
        prop("OutboundXmlTemplate", "8", WCF_TEMPLATE),
        prop("TextEncoding", "8", "utf-8"),
        prop("SecurityMode", "8", "None"),
        prop("IncludeExceptionDetailInFaults", "11", "0"),
        prop("TransportClientCredentialType", "8", "None"),
        prop("OpenTimeout", "8", "00:01:00"),
        prop("MessageClientCredentialType", "8", "UserName"),
        prop("UseSSO", "11", "0"),
        prop("SuspendMessageOnFailure", "11", "0"),
        prop("CloseTimeout", "8", "00:01:00"),
        prop("SendTimeout", "8", "00:01:00"),
        prop("MaxConcurrentCalls", "3", "200"),
    ]
    return f"/{app.short}/{name.split('.')[-2]}Service.svc", custom_props(props), "IsolatedReceiveHost"


def _receive_location(
    name: str, app: AppPlan, adapter: str, two_way: bool, primary: bool, date: str, from_time: str, to_time: str
) -> str:
    address, settings, host = _location_settings(name, app, adapter)
    out = [
        f'        <ReceiveLocation Name="{name}">\n',
        nil("Description", I5),
        f"          <Address>{esc(address)}</Address>\n          <PublicAddress />\n",
        f"          <Primary>{'true' if primary else 'false'}</Primary>\n",
        "          <ReceiveLocationServiceWindowEnabled>false</ReceiveLocationServiceWindowEnabled>\n",
        f"          <ReceiveLocationFromTime>{from_time}</ReceiveLocationFromTime>\n",
        f"          <ReceiveLocationToTime>{to_time}</ReceiveLocationToTime>\n",
        "          <ReceiveLocationStartDateEnabled>false</ReceiveLocationStartDateEnabled>\n",
        f"          <ReceiveLocationStartDate>{date}T00:00:00</ReceiveLocationStartDate>\n",
        "          <ReceiveLocationEndDateEnabled>false</ReceiveLocationEndDateEnabled>\n",
        f"          <ReceiveLocationEndDate>{date}T23:59:59</ReceiveLocationEndDate>\n",
        f"          {transport_type(adapter, 'ReceiveLocationTransportType')}\n",
        f"          <ReceiveLocationTransportTypeData>{esc(settings)}</ReceiveLocationTransportTypeData>\n",
        f"          {default_pipeline('ReceivePipeline', 'XMLReceive')}\n",
    ]
    if adapter == "MSMQ":
        envelope = (
            f"{app.name}.Schemas.Envelope, {app.name}.Schemas, Version=1.0.0.0, Culture=neutral, "
            f"PublicKeyToken={app.token}"
        )
        data = pipeline_data(
            [
                (
                    STAGE_DISASSEMBLE,
                    [("Microsoft.BizTalk.Component.XmlDasmComp", [prop("DocumentSpecNames", "8", envelope)])],
                ),
                (STAGE_RESOLVEPARTY, [("Microsoft.BizTalk.Component.PartyRes", [])]),
            ]
        )
        out.append(f"          <ReceivePipelineData>{esc(data)}</ReceivePipelineData>\n")
    else:
        out.append(nil("ReceivePipelineData", I5))
    out.append(f"          {default_pipeline('SendPipeline', 'XMLTransmit')}\n" if two_way else nil("SendPipeline", I5))
    out.append(nil("SendPipelineData", I5))
    out.append("          <Enable>true</Enable>\n")
    out.append(
        f'          <ReceiveHandler Name="{host}" HostTrusted="false">\n'
        f"            {transport_type(adapter)}\n          </ReceiveHandler>\n"
    )
    for tag, value in (
        ("ScheduleRecurrenceType", "None"),
        ("ScheduleRecurenceFrom", f"{date}T00:00:00"),
        ("ScheduleRecurrenceInterval", "1"),
        ("ScheduleDaysOfWeek", "None"),
        ("ScheduleMonths", "None"),
        ("ScheduleMonthDays", "None"),
        ("ScheduleOrdinalDayOfWeek", "None"),
        ("ScheduleOrdinalType", "None"),
        ("ScheduleIsOrdinal", "false"),
        ("ScheduleLastDayOfMonth", "false"),
        ("ScheduleAutoAdjustToDaylightSaving", "true"),
        ("ScheduleTimeZone", "UTC"),
    ):
        out.append(f"          <{tag}>{value}</{tag}>\n")
    out.append("        </ReceiveLocation>\n")
    return "".join(out)
