#!/usr/bin/env python3
"""Generate large, realistic BizTalk binding files (BindingInfo XML) for benchmarks.

The output imitates a BizTalk Server 2016+ export ("Export Bindings" of a whole group):
UTF-8, 2-space indentation, ``<X />`` empty elements, ``xsi:nil="true"`` for empty values,
SendPort children in export order, adapter settings as escaped ``<CustomProps>`` documents
(FTP/MSMQ ``AdapterConfig`` and WCF binding/behaviour/action settings double-escaped),
filters as escaped XML with a ``utf-16`` declaration. Shapes, property names and VARIANT
types are copied from the real files in /work/shared/corpus/bindings.

    python benchmarks/generate.py --ports 20000 --groups 2000 --seed 0 -o out.xml [--check]

``generate(ports, groups, seed)`` returns the document as bytes; the same arguments always
give the same bytes. ``check(data)`` parses everything back and returns a few counts.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"
NS_XSI_XSD = f'xmlns:xsi="{XSI}" xmlns:xsd="{XSD}"'  # order used by Filter / adapter Config
NS_XSD_XSI = f'xmlns:xsd="{XSD}" xmlns:xsi="{XSI}"'  # order used by pipeline data <Root>

# Adapter name -> (Capabilities, ConfigurationClsid). FILE, HTTP, MSMQ, WCF-* from the corpus;
# SFTP from BizTalk.Factory's adapter tests; FTP/SMTP CLSIDs from public DSC configurations,
# their Capabilities values are unverified (nothing in the corpus shows them).
ADAPTERS = {
    "FILE": ("11", "5e49e3a6-b4fc-4077-b44c-22f34a242fdb"),
    "FTP": ("80907", "3979ffed-0067-4cc6-9f5a-859a5db6e9bb"),
    "SFTP": ("523", "f75aeff5-ebc7-4e7c-a753-fdd68ab45c95"),
    "HTTP": ("387", "1c56d157-0553-4345-8a1f-55d2d1a3ffb6"),
    "WCF-Custom": ("907", "af081f69-38ca-4d5b-87df-f0344b12557a"),
    "WCF-BasicHttp": ("899", "467c1a52-373f-4f09-9008-27af6b985f14"),
    "SMTP": ("2059", "8f36b311-b670-4cf6-aaec-04ebb80ed48d"),
    "MSMQ": ("13579", "ff5cee87-fd92-4422-b47d-f7d033311693"),
}
TT = {n: f'<TransportType Name="{n}" Capabilities="{c}" ConfigurationClsid="{g}" />' for n, (c, g) in ADAPTERS.items()}
TT_RL = {n: f'<ReceiveLocationTransportType Name="{n}" Capabilities="{c}" ConfigurationClsid="{g}" />' for n, (c, g) in ADAPTERS.items()}

ONE_WAY_ADAPTERS = (("FILE", 60), ("MSMQ", 6), ("FTP", 6), ("SFTP", 6), ("WCF-Custom", 6),
                    ("SMTP", 5), ("WCF-BasicHttp", 6), ("HTTP", 5))
TWO_WAY_ADAPTERS = (("WCF-Custom", 45), ("WCF-BasicHttp", 30), ("HTTP", 25))

DOMAINS = ("Finance", "Logistics", "Sales", "Procurement", "HR", "Warehouse", "CustomerService",
           "Billing", "Payments", "Manufacturing", "Retail", "Compliance", "Treasury", "Fleet")
PARTNERS = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Wonka", "Tyrell",
            "Cyberdyne", "Soylent", "Vandelay", "Dunder", "Oscorp", "Aperture", "Massive", "Gekko",
            "Nakatomi", "Prestige", "Sirius", "Virtucon", "Zorg", "Monarch", "Pendant")
DOCS = ("Order", "Invoice", "Shipment", "PriceList", "Payment", "Customer", "Product", "Inventory",
        "DeliveryNote", "Remittance", "CreditNote", "PurchaseOrder", "Forecast", "Receipt", "Employee",
        "Timesheet", "StockMovement", "OrderResponse")
HOSTS = ("BizTalkServerApplication", "SendHost", "SendHost64", "WcfSendHost", "FtpSendHost")
DEFAULT_PIPE_ASM = "Microsoft.BizTalk.DefaultPipelines, Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
PIPE_TRACKING = 'TrackingOption="ServiceStartEnd MessageSendReceive PipelineEvents"'

# Pipeline stage category ids (BizTalk's fixed GUIDs).
STAGE_PREASSEMBLE = "9d0e4101-4cce-4536-83fa-4a5040674ad6"
STAGE_ASSEMBLE = "9d0e4107-4cce-4536-83fa-4a5040674ad6"
STAGE_ENCODE = "9d0e4108-4cce-4536-83fa-4a5040674ad6"
STAGE_DECODE = "9d0e4103-4cce-4536-83fa-4a5040674ad6"
STAGE_DISASSEMBLE = "9d0e4105-4cce-4536-83fa-4a5040674ad6"
STAGE_VALIDATE = "9d0e410d-4cce-4536-83fa-4a5040674ad6"
STAGE_RESOLVEPARTY = "9d0e410e-4cce-4536-83fa-4a5040674ad6"

# The SendPort children in BizTalk's export order (used by check()).
SENDPORT_ORDER = ("Description", "TransmitPipeline", "SendPipelineData", "PrimaryTransport",
                  "SecondaryTransport", "EncryptionCert", "ReceivePipeline", "ReceivePipelineData",
                  "Tracking", "Filter", "Transforms", "InboundTransforms", "OrderedDelivery", "Priority",
                  "StopSendingOnFailure", "RouteFailedMessage", "ApplicationName")

I2, I3, I4, I5, I6, I7, I8 = ("  " * k for k in range(2, 9))


def esc(s: str) -> str:
    """Escape text content the way .NET's XmlWriter does (quotes stay as they are)."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc_attr(s: str) -> str:
    return esc(s).replace('"', "&quot;")


def prop(name: str, vt: str, value: str | None = None) -> str:
    """One VARIANT property of a CustomProps/Properties bag; value is raw text (escaped here)."""
    if value is None or value == "":
        return f'<{name} vt="{vt}" />'
    return f'<{name} vt="{vt}">{esc(value)}</{name}>'


def nil(tag: str, indent: str) -> str:
    return f'{indent}<{tag} xsi:nil="true" />\n'


@dataclass
class App:
    name: str
    short: str
    token: str
    ports: list[int] = field(default_factory=list)


@dataclass
class Port:
    seq: int
    name: str
    app: App
    static: bool
    two_way: bool
    adapter: str | None
    partner: str
    doc: str
    binding_option: str = "0"


class _Generator:
    def __init__(self, n_ports: int, n_groups: int, seed: int):
        self.n_ports = n_ports
        self.n_groups = n_groups
        self.rng = random.Random(seed)
        r = self.rng
        day, hour = r.randint(1, 28), r.randint(7, 18)
        self.timestamp = (f"2024-{r.randint(1, 12):02d}-{day:02d}T{hour:02d}:{r.randint(0, 59):02d}:"
                          f"{r.randint(0, 59):02d}.{r.randint(0, 9999999):07d}+01:00")
        # Service-window times are written in local time of the exporting server (+01:00 here),
        # hence 23:00:00 / 22:59:59, as in corpus file 02.
        self.from_time, self.to_time = "2000-01-01T23:00:00", "2000-01-01T22:59:59"
        self.out: list[str] = []
        self.apps: list[App] = []
        self.ports: list[Port] = []
        self.receive_ports: list[tuple[str, App, bool]] = []  # (name, app, two_way)
        self.orch_bindings: list = []

    # ------------------------------------------------------------------ planning
    def plan(self) -> None:
        r = self.rng
        n_apps = self.n_ports // 200 + 1
        for i in range(n_apps):
            dom = DOMAINS[i % len(DOMAINS)]
            short = dom if i < len(DOMAINS) else f"{dom}{i // len(DOMAINS) + 1}"
            self.apps.append(App(f"Contoso.{short}", short, f"{r.getrandbits(64):016x}"))
        n_dynamic = max(1, round(self.n_ports * 0.02)) if self.n_ports >= 10 else 0
        dynamic_at = set(r.sample(range(self.n_ports), n_dynamic))
        for seq in range(self.n_ports):
            app = self.apps[seq * n_apps // self.n_ports]
            partner, doc = r.choice(PARTNERS), r.choice(DOCS)
            if seq in dynamic_at:
                static, two_way, adapter = False, r.random() < 0.15, None
            else:
                static, two_way = True, r.random() < 0.12
                adapter = self._weighted(TWO_WAY_ADAPTERS if two_way else ONE_WAY_ADAPTERS)
            kind = adapter or "Dynamic"
            if r.random() < 0.05:  # some teams name ports in prose, with spaces
                name = f"{app.short} - Send {doc} to {partner} ({kind}) {seq:05d}"
            else:
                name = f"{app.short}.SP.{partner}.{doc}.{kind}.{seq:05d}"
            self.ports.append(Port(seq, name, app, static, two_way, adapter, partner, doc))
            app.ports.append(seq)
        # A handful of receive ports, used by filters (BTS.ReceivePortName) and orchestrations.
        shapes = (("RP.{d}.In.FILE", False), ("RP.{d}.Service", True), ("RP.{d}.In.MSMQ", False),
                  ("RP.{d}.Errors", False), ("RP.{d}.Status.Http", True))
        for i, (pattern, two_way) in enumerate(shapes):
            app = self.apps[i % len(self.apps)]
            self.receive_ports.append((f"{app.short}.{pattern.format(d=r.choice(DOCS))}", app, two_way))
        self._plan_orchestrations()

    def _weighted(self, table):
        total = sum(w for _, w in table)
        x = self.rng.random() * total
        for name, w in table:
            x -= w
            if x < 0:
                return name
        return table[-1][0]

    def _plan_orchestrations(self) -> None:
        """A few orchestration assemblies whose ports bind some send ports by name."""
        r = self.rng
        for app in self.apps[:4]:
            services = []
            candidates = [self.ports[i] for i in app.ports]
            r.shuffle(candidates)
            for s in range(r.randint(2, 5)):
                orch = f"{app.name}.Orchestrations.Process{r.choice(DOCS)}{s + 1}"
                ports: list[tuple[str, str, str, str | None, str | None]] = []
                for k in range(r.randint(1, 4)):
                    roll = r.random()
                    if roll < 0.25:  # activating receive port
                        rp = r.choice(self.receive_ports)
                        ports.append((f"Port_Receive{k + 1}", "2", "1", None, rp[0]))
                    elif roll < 0.35:  # declared but left unbound
                        ports.append((f"Port_{k + 1}", "1", "1", None, None))
                    elif candidates:
                        p = candidates.pop()
                        bo = "1" if p.static else "4"
                        if p.static:
                            p.binding_option = "1"
                        ports.append((f"Port_Send{p.doc}{k + 1}", "1", bo, p.name, None))
                services.append((orch, ports))
            self.orch_bindings.append((app, services))

    # ------------------------------------------------------------------ document
    def build(self) -> bytes:
        self.plan()
        w = self.out.append
        total = sum(len(ports) for _, svcs in self.orch_bindings for _, ports in svcs)
        bound = sum(1 for _, svcs in self.orch_bindings for _, ports in svcs for p in ports if p[3] or p[4])
        status = "NoBindings" if bound == 0 else ("FullyBound" if bound == total else "PartiallyBound")
        w('<?xml version="1.0" encoding="utf-8"?>\n')
        w(f'<BindingInfo {NS_XSI_XSD} Assembly="Microsoft.BizTalk.Deployment, Version=3.0.1.0, Culture=neutral, '
          f'PublicKeyToken=31bf3856ad364e35" Version="3.5.1.0" BindingStatus="{status}" '
          f'BoundEndpoints="{bound}" TotalEndpoints="{total}">\n')
        w(f"  <Timestamp>{self.timestamp}</Timestamp>\n")
        self.module_refs()
        w("  <SendPortCollection>\n")
        for p in self.ports:
            self.send_port(p)
        w("  </SendPortCollection>\n")
        self.distribution_lists()
        self.receive_port_collection()
        w('  <PartyCollection xsi:nil="true" />\n')
        w("</BindingInfo>\n")
        return "".join(self.out).encode("utf-8")

    def module_refs(self) -> None:
        w, r = self.out.append, self.rng
        w("  <ModuleRefCollection>\n")
        for app, services in self.orch_bindings:
            w(f'    <ModuleRef Name="[Application:{app.name}]" Version="" Culture="" PublicKeyToken="" '
              f'FullName="[Application:{app.name}], Version=, Culture=, PublicKeyToken=">\n')
            w("      <Services />\n      <TrackedSchemas>\n")
            for doc in r.sample(DOCS, r.randint(2, 4)):
                w(f'        <Schema FullName="{app.name}.Schemas.{doc}" RootName="{doc}" AssemblyQualifiedName='
                  f'"{app.name}.Schemas.{doc},{app.name}.Schemas, Version=1.0.0.0, Culture=neutral, '
                  f'PublicKeyToken={app.token}" AlwaysTrackAllProperties="false" Description="">\n')
                w("          <TrackedPropertyNames />\n        </Schema>\n")
            w("      </TrackedSchemas>\n    </ModuleRef>\n")
            for asm in ("Schemas", "Maps", "Pipelines"):
                self._module_ref_open(app, asm)
                w("      <Services />\n      <TrackedSchemas />\n    </ModuleRef>\n")
            self._module_ref_open(app, "Orchestrations")
            w("      <Services>\n")
            for orch, ports in services:
                state = r.choice(("Started", "Started", "Unenlisted"))
                w(f'        <Service Name="{orch}" State="{state}" TrackingOption="ServiceStartEnd MessageSendReceive '
                  f'OrchestrationEvents" AnalyticsEnabled="false" Description="">\n')
                if not ports:
                    w("          <Ports />\n")
                else:
                    w("          <Ports>\n")
                    for pname, modifier, bo, sp, rp in ports:
                        w(f'            <Port Name="{pname}" Modifier="{modifier}" BindingOption="{bo}">\n')
                        w(f'              <SendPortRef Name="{esc_attr(sp)}" />\n' if sp else nil("SendPortRef", I7))
                        w(nil("DistributionListRef", I7))
                        w(f'              <ReceivePortRef Name="{esc_attr(rp)}" />\n' if rp else nil("ReceivePortRef", I7))
                        w("            </Port>\n")
                    w("          </Ports>\n")
                w("          <Roles />\n")
                w('          <Host Name="BizTalkServerApplication" NTGroupName="BizTalk Application Users" '
                  'Type="1" Trusted="false" />\n        </Service>\n')
            w("      </Services>\n      <TrackedSchemas />\n    </ModuleRef>\n")
        w("  </ModuleRefCollection>\n")

    def _module_ref_open(self, app: App, asm: str) -> None:
        n = f"{app.name}.{asm}"
        self.out.append(f'    <ModuleRef Name="{n}" Version="1.0.0.0" Culture="neutral" PublicKeyToken="{app.token}" '
                        f'FullName="{n}, Version=1.0.0.0, Culture=neutral, PublicKeyToken={app.token}">\n')

    # ------------------------------------------------------------------ send ports
    def send_port(self, p: Port) -> None:
        w, r = self.out.append, self.rng
        w(f'    <SendPort Name="{esc_attr(p.name)}" IsStatic="{"true" if p.static else "false"}" '
          f'IsTwoWay="{"true" if p.two_way else "false"}" BindingOption="{p.binding_option}" AnalyticsEnabled="false">\n')
        roll = r.random()
        if roll < 0.72:
            w(nil("Description", I3))
        elif roll < 0.95:
            w(f"      <Description>{esc(self._description(p))}</Description>\n")
        else:  # multi-line descriptions happen
            w(f"      <Description>{esc(self._description(p))}\nOwner: integration team ({p.app.short}).\n"
              f"Change ticket CHG{r.randint(10000, 99999)}</Description>\n")
        w(f"      {self._pipeline('TransmitPipeline', p, send=True)}\n")
        if r.random() < 0.1:
            w(f"      <SendPipelineData>{esc(self._send_pipeline_data(p))}</SendPipelineData>\n")
        ordered = r.random() < 0.05
        if p.static:
            self._primary_transport(p, ordered)
            self._secondary_transport(p)
        if r.random() < 0.02:
            cn = f"{p.partner.lower()}.partners.contoso.com"
            w(f'      <EncryptionCert LongName="CN={cn}, O={p.partner} Ltd, C=GB" ShortName="{cn}" '
              f'UsageType="Encryption" ThumbPrint="{r.getrandbits(160):040X}" />\n')
        if p.two_way:
            w(f"      {self._pipeline('ReceivePipeline', p, send=False)}\n")
            if r.random() < 0.2:
                w(f"      <ReceivePipelineData>{esc(self._receive_pipeline_data(p))}</ReceivePipelineData>\n")
            else:
                w(nil("ReceivePipelineData", I3))
        else:
            w(nil("ReceivePipelineData", I3))
        roll = r.random()
        w(f"      <Tracking>{0 if roll < 0.7 else (204 if roll < 0.9 else r.choice((12, 76, 192, 236)))}</Tracking>\n")
        if r.random() < 0.67:
            w(f"      <Filter>{esc(self._filter(p))}</Filter>\n")
        else:
            w("      <Filter />\n")
        self._transforms("Transforms", p, 0.33, outbound=True)
        if p.two_way:
            self._transforms("InboundTransforms", p, 0.4, outbound=False)
        w(f"      <OrderedDelivery>{'true' if ordered else 'false'}</OrderedDelivery>\n")
        w(f"      <Priority>{5 if r.random() < 0.85 else r.randint(1, 10)}</Priority>\n")
        w(f"      <StopSendingOnFailure>{'true' if ordered and r.random() < 0.5 else 'false'}</StopSendingOnFailure>\n")
        w(f"      <RouteFailedMessage>{'true' if r.random() < 0.15 else 'false'}</RouteFailedMessage>\n")
        w(f"      <ApplicationName>{esc(p.app.name)}</ApplicationName>\n")
        w("    </SendPort>\n")

    def _description(self, p: Port) -> str:
        return self.rng.choice((
            f"Sends {p.doc} messages to {p.partner}",
            f"{p.doc}s & acknowledgements for {p.partner} (see runbook {p.app.short}-{p.seq})",
            f"Outbound {p.doc} feed, <{p.partner}> production endpoint",
            f"Legacy {p.doc} interface - do not change without approval",
        ))

    def _pipeline(self, tag: str, p: Port, send: bool) -> str:
        r = self.rng
        if r.random() < 0.7:
            name = r.choice(("PassThruTransmit", "XMLTransmit")) if send else r.choice(("XMLReceive", "PassThruReceive"))
            name = f"Microsoft.BizTalk.DefaultPipelines.{name}"
            fqn = f"{name}, {DEFAULT_PIPE_ASM}"
        else:
            name = f"{p.app.name}.Pipelines.{'Send' if send else 'Receive'}{p.doc}"
            fqn = f"{name}, {p.app.name}.Pipelines, Version=1.0.0.0, Culture=neutral, PublicKeyToken={p.app.token}"
        return (f'<{tag} Name="{name}" FullyQualifiedName="{fqn}" Type="{2 if send else 1}" '
                f'{PIPE_TRACKING} Description="" />')

    def _send_pipeline_data(self, p: Port) -> str:
        r, app = self.rng, p.app
        spec = f"{app.name}.Schemas.{p.doc}, {app.name}.Schemas, Version=1.0.0.0, Culture=neutral, PublicKeyToken={app.token}"
        kind = r.randint(0, 2)
        if kind == 0:
            comps = [(STAGE_ASSEMBLE, [("Microsoft.BizTalk.Component.XmlAsmComp", [
                prop("EnvelopeDocSpecNames", "8", f"{app.name}.Schemas.Envelope, {app.name}.Schemas, Version=1.0.0.0, "
                     f"Culture=neutral, PublicKeyToken={app.token}"),
                prop("DocumentSpecNames", "8", spec), prop("AddXmlDeclaration", "11", "-1"),
                prop("TargetCharset", "8", "utf-8"), prop("PreserveBom", "11", "0"),
                prop("ProcessingInstructionsOptions", "3", "0")])])]
        elif kind == 1:
            comps = [(STAGE_PREASSEMBLE, [(f"{app.name}.Components.DiscardMessage", [
                prop("DiscardMessage", "11", "-1"),
                prop("XPathToCheck", "8", f"//*[local-name()='{p.doc}s' and @status!='test']")])]),
                     (STAGE_ASSEMBLE, [("Microsoft.BizTalk.Component.FFAsmComp", [prop("DocumentSpecName", "8", spec)])]),
                     (STAGE_ENCODE, [(f"{app.name}.Components.SetFileNameMacro", [])])]
        else:  # a component whose setting is itself XML (double-escaped in the file)
            mappings = "".join(f'<Map Property="{ns}" Value="{esc_attr(v)}" />' for ns, v in (
                ("BTS.Operation", f"Send{p.doc}"), (f"{app.name}.Routing.Partner", p.partner),
                (f"{app.name}.Routing.Channel", "B2B & EDI")))
            comps = [(STAGE_PREASSEMBLE, [(f"{app.name}.Components.ContextWriter", [
                prop("Enabled", "11", "-1"),
                prop("Mappings", "8", f"<Mappings {NS_XSI_XSD}>{mappings}</Mappings>")])]),
                     (STAGE_ENCODE, [("Microsoft.BizTalk.Component.MIME_SMIME_Encoder", [
                         prop("EnableEncryption", "11", "0"), prop("SignatureType", "8", "NoSign"),
                         prop("ContentTransferEncoding", "8", "Base64")])])]
        return _pipeline_root(comps)

    def _receive_pipeline_data(self, p: Port) -> str:
        app = p.app
        spec = (f"{app.name}.Schemas.{p.doc}Response, {app.name}.Schemas, Version=1.0.0.0, Culture=neutral, "
                f"PublicKeyToken={app.token}")
        return _pipeline_root([
            (STAGE_DISASSEMBLE, [("Microsoft.BizTalk.Component.XmlDasmComp", [
                prop("DocumentSpecNames", "8", spec), prop("AllowUnrecognizedMessage", "11", "0"),
                prop("ValidateDocument", "11", "-1")])]),
            (STAGE_RESOLVEPARTY, [("Microsoft.BizTalk.Component.PartyRes", [])])])

    def _primary_transport(self, p: Port, ordered: bool) -> None:
        w, r = self.out.append, self.rng
        assert p.adapter is not None, "static ports have an adapter"
        address, ttd = ADAPTER_SETTINGS[p.adapter](self, p)
        retry_count, retry_interval = (3, 5) if r.random() < 0.8 else (r.choice((0, 1, 5, 10)), r.choice((1, 2, 10, 60)))
        window = r.random() < 0.05
        w("      <PrimaryTransport>\n")
        w(f"        <Address>{esc(address)}</Address>\n")
        w(f"        {TT[p.adapter]}\n")
        w(f"        <TransportTypeData>{esc(ttd)}</TransportTypeData>\n")
        w(f"        <RetryCount>{retry_count}</RetryCount>\n")
        w(f"        <RetryInterval>{retry_interval}</RetryInterval>\n")
        w(f"        <ServiceWindowEnabled>{'true' if window else 'false'}</ServiceWindowEnabled>\n")
        if window:
            w("        <FromTime>2000-01-01T05:00:00</FromTime>\n        <ToTime>2000-01-01T21:00:00</ToTime>\n")
        else:
            w(f"        <FromTime>{self.from_time}</FromTime>\n        <ToTime>{self.to_time}</ToTime>\n")
        w("        <Primary>true</Primary>\n")
        w(f"        <OrderedDelivery>{'true' if ordered else 'false'}</OrderedDelivery>\n")
        w("        <DeliveryNotification>1</DeliveryNotification>\n")
        host = "WcfSendHost" if p.adapter.startswith("WCF") else r.choice(HOSTS)
        w(f'        <SendHandler Name="{host}" HostTrusted="false">\n')
        w(f"          {TT[p.adapter]}\n        </SendHandler>\n      </PrimaryTransport>\n")

    def _secondary_transport(self, p: Port) -> None:
        w, r = self.out.append, self.rng
        backup = (not p.two_way) and r.random() < 0.2
        w("      <SecondaryTransport>\n")
        if backup:
            folder = f"\\\\backup-fs01\\BizTalk\\{p.app.short}\\Backup\\{p.partner}\\{p.doc}"
            file_name = f"{p.doc}_%MessageID%.xml"
            w(f"        <Address>{esc(folder)}\\{file_name}</Address>\n")
            w(f"        {TT['FILE']}\n")
            ttd = ("<CustomProps>" + prop("UseTempFileOnWrite", "11", "-1") + prop("AllowCacheOnWrite", "11", "0")
                   + prop("CopyMode", "19", "1") + prop("FileName", "8", file_name) + "</CustomProps>")
            w(f"        <TransportTypeData>{esc(ttd)}</TransportTypeData>\n")
            w("        <RetryCount>3</RetryCount>\n        <RetryInterval>5</RetryInterval>\n")
        else:
            w("        <Address />\n        <RetryCount>3</RetryCount>\n        <RetryInterval>5</RetryInterval>\n")
        w("        <ServiceWindowEnabled>false</ServiceWindowEnabled>\n")
        w(f"        <FromTime>{self.from_time}</FromTime>\n        <ToTime>{self.to_time}</ToTime>\n")
        w("        <Primary>false</Primary>\n        <OrderedDelivery>false</OrderedDelivery>\n")
        w("        <DeliveryNotification>1</DeliveryNotification>\n")
        if backup:
            w(f'        <SendHandler Name="BizTalkServerApplication" HostTrusted="false">\n'
              f"          {TT['FILE']}\n        </SendHandler>\n")
        else:
            w(nil("SendHandler", I4))
        w("      </SecondaryTransport>\n")

    def _transforms(self, tag: str, p: Port, probability: float, outbound: bool) -> None:
        w, r, app = self.out.append, self.rng, p.app
        if r.random() >= probability:
            w(f"      <{tag} />\n")
            return
        w(f"      <{tag}>\n")
        for k in range(1 if r.random() < 0.8 else 2):
            src, dst = (f"{p.doc}_Canonical", f"{p.doc}_{p.partner}") if outbound else (f"{p.doc}Response_{p.partner}", f"{p.doc}Response_Canonical")
            if k:
                src = src.replace(p.doc, f"{p.doc}V1")
            full = f"{app.name}.Maps.{src}_to_{dst}"
            w(f'        <Transform FullName="{full}" AssemblyQualifiedName="{full},{app.name}.Maps, Version=1.0.0.0, '
              f'Culture=neutral, PublicKeyToken={app.token}" />\n')
        w(f"      </{tag}>\n")

    # ------------------------------------------------------------------ filters
    def _filter(self, p: Port) -> str:
        lines = ['<?xml version="1.0" encoding="utf-16"?>', f"<Filter {NS_XSI_XSD}>"]
        for _ in range(self._count(0.75, 0.95)):
            lines.append("  <Group>")
            for _ in range(self._count(0.6, 0.9)):
                lines.append(f"    {self._statement(p)}")
            lines.append("  </Group>")
        lines.append("</Filter>")
        return "\n".join(lines)

    def _count(self, p1: float, p12: float) -> int:
        """1, 2 or 3 with probabilities p1, p12 - p1, 1 - p12."""
        x = self.rng.random()
        return 1 if x < p1 else (2 if x < p12 else 3)

    def _statement(self, p: Port) -> str:
        r, app = self.rng, p.app
        x = r.random()
        if x < 0.55:  # equality on a common property
            choice = r.randint(0, 5)
            if choice == 0:
                prop_, value = "BTS.MessageType", f"http://schemas.contoso.com/{app.short.lower()}/{p.doc.lower()}/2024#{p.doc}"
            elif choice == 1:
                prop_, value = "BTS.ReceivePortName", r.choice(self.receive_ports)[0]
            elif choice == 2:
                prop_, value = "BTS.Operation", f"Send{p.doc}To{p.partner}"
            elif choice == 3:
                prop_, value = f"{app.name}.Schemas.Routing.Partner", p.partner
            elif choice == 4:
                prop_, value = "BTS.InboundTransportType", r.choice(("FILE", "WCF-BasicHttp", "MSMQ", "SFTP"))
            else:
                prop_, value = "ErrorReport.ErrorType", "FailedMessage"
            op = "0"
        elif x < 0.65:
            op, prop_, value = "5", "BTS.SPName", self.ports[r.randrange(len(self.ports))].name
        elif x < 0.77:
            op, prop_, value = "6", r.choice(("ErrorReport.FailureCode", f"{app.name}.Schemas.Routing.CorrelationId",
                                              "BTS.InboundTransportLocation")), None
        elif x < 0.85:
            op, prop_, value = str(r.randint(1, 4)), f"{app.name}.Schemas.Routing.Priority", str(r.randint(1, 9))
        elif x < 0.93:
            op, prop_, value = str(r.randint(1, 4)), f"{app.name}.Schemas.Routing.ValidFrom", f"2024-{r.randint(1, 12):02d}-01T00:00:00"
        else:
            op, prop_, value = "7", f"{app.name}.Schemas.Routing.Flags", str(1 << r.randint(0, 6))
        if value is None:
            return f'<Statement Property="{prop_}" Operator="{op}" />'
        return f'<Statement Property="{prop_}" Operator="{op}" Value="{esc_attr(value)}" />'

    # ------------------------------------------------------------------ groups
    def distribution_lists(self) -> None:
        w, r = self.out.append, self.rng
        if self.n_groups == 0:
            w("  <DistributionListCollection />\n")
            return
        members_pool = [p for p in self.ports if p.static and not p.two_way]
        if not members_pool:
            raise ValueError("no static one-way port to put in a group")
        w("  <DistributionListCollection>\n")
        for g in range(self.n_groups):
            app = self.apps[g * len(self.apps) // self.n_groups]
            own = [self.ports[i] for i in app.ports if self.ports[i].static and not self.ports[i].two_way]
            count = min(r.randint(1, 20), len(members_pool))
            pool = own if len(own) >= count and r.random() < 0.9 else members_pool  # some span applications
            members = r.sample(pool, count)
            doc, partner = r.choice(DOCS), r.choice(PARTNERS)
            w(f'    <DistributionList Name="{app.short}.SPG.{partner}.{doc}.{g:05d}">\n')
            w("      <SendPorts>\n")
            for m in members:
                w(f'        <SendPortRef Name="{esc_attr(m.name)}" />\n')
            w("      </SendPorts>\n")
            if r.random() < 0.85:
                fake = Port(g, "", app, True, False, None, partner, doc)
                w(f"      <Filter>{esc(self._filter(fake))}</Filter>\n")
            else:
                w("      <Filter />\n")
            w(f"      <ApplicationName>{esc(app.name)}</ApplicationName>\n")
            if r.random() < 0.6:
                w(nil("Description", I3))
            else:
                w(f"      <Description>{esc(f'Fan-out of {doc} messages to {partner} & partners')}</Description>\n")
            w("    </DistributionList>\n")
        w("  </DistributionListCollection>\n")

    # ------------------------------------------------------------------ receive side
    def receive_port_collection(self) -> None:
        w = self.out.append
        w("  <ReceivePortCollection>\n")
        for i, (name, app, two_way) in enumerate(self.receive_ports):
            w(f'    <ReceivePort Name="{name}" IsTwoWay="{"true" if two_way else "false"}" BindingOption="0" '
              f'AnalyticsEnabled="false">\n')
            w(nil("Description", I3))
            w("      <ReceiveLocations>\n")
            kinds = {0: ("FILE", "FILE"), 1: ("WCF-BasicHttp",), 2: ("MSMQ",), 3: ("FILE",), 4: ("HTTP",)}[i % 5]
            for k, adapter in enumerate(kinds):
                self._receive_location(f"{name}.{adapter}{'' if k == 0 else k + 1}", app, adapter, two_way, primary=k == 0)
            w("      </ReceiveLocations>\n")
            w(nil("SendPipelineData", I3))
            w("      <Authentication>0</Authentication>\n")
            w(f"      <Tracking>{51 if i % 2 == 0 else 0}</Tracking>\n")
            w("      <Transforms />\n")
            if two_way:
                w("      <OutboundTransforms />\n")
            w(f"      <RouteFailedMessage>{'true' if i == 3 else 'false'}</RouteFailedMessage>\n")
            w(f"      <ApplicationName>{esc(app.name)}</ApplicationName>\n")
            w("    </ReceivePort>\n")
        w("  </ReceivePortCollection>\n")

    def _receive_location(self, name: str, app: App, adapter: str, two_way: bool, primary: bool) -> None:
        w = self.out.append
        if adapter == "FILE":
            folder = f"D:\\Interfaces\\{app.short}\\In\\{name.split('.')[-2]}"
            address, mask = f"{folder}\\*.xml", "*.xml"
            ttd = ("<CustomProps>" + prop("RenameReceivedFiles", "11", "0") + prop("RemoveReceivedFileDelay", "19", "10")
                   + prop("RemoveReceivedFileMaxInterval", "19", "300000") + prop("FileMask", "8", mask)
                   + prop("FileNetFailRetryInt", "19", "5") + prop("RemoveReceivedFileRetryCount", "19", "5")
                   + prop("BatchSizeInBytes", "19", "102400") + prop("PollingInterval", "19", "60000")
                   + prop("FileNetFailRetryCount", "19", "5") + prop("BatchSize", "19", "20") + "</CustomProps>")
            host = "ReceiveHost"
        elif adapter == "MSMQ":
            address = f"FORMATNAME:DIRECT=OS:MSMQSRV01\\PRIVATE$\\{app.short.upper()}-IN"
            config = (f"<Config {NS_XSI_XSD}><queue>{address}</queue><uri>{address}</uri><batchSize>1</batchSize>"
                      "<transactional>true</transactional><serialProcessing>false</serialProcessing>"
                      "<onFailure>suspendResumable</onFailure></Config>")
            ttd = "<CustomProps>" + prop("AdapterConfig", "8", config) + "</CustomProps>"
            host = "ReceiveHost"
        elif adapter == "HTTP":
            address = f"/{app.short}/BTSHTTPReceive.dll?status"
            ttd = ("<CustomProps>" + prop("ReturnCorrelationHandle", "11", "-1") + prop("ResponseContentType", "8", "text/xml")
                   + prop("SuspendFailedRequests", "11", "0") + prop("UseSSO", "11", "0") + prop("LoopBack", "11", "0")
                   + "</CustomProps>")
            host = "IsolatedReceiveHost"
        else:  # WCF-BasicHttp
            address = f"/{app.short}/{name.split('.')[-2]}Service.svc"
            ttd = ("<CustomProps>" + prop("InboundNodeEncoding", "8", "Xml") + prop("MessageEncoding", "8", "Text")
                   + prop("ServiceCertificate", "8") + prop("InboundBodyPathExpression", "8")
                   + prop("OutboundBodyLocation", "8", "UseBodyElement") + prop("MaxReceivedMessageSize", "3", "65536")
                   + prop("InboundBodyLocation", "8", "UseBodyElement") + prop("AlgorithmSuite", "8", "Basic256")
                   + prop("OutboundXmlTemplate", "8", '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>')
                   + prop("TextEncoding", "8", "utf-8") + prop("SecurityMode", "8", "None")
                   + prop("IncludeExceptionDetailInFaults", "11", "0") + prop("TransportClientCredentialType", "8", "None")
                   + prop("OpenTimeout", "8", "00:01:00") + prop("MessageClientCredentialType", "8", "UserName")
                   + prop("UseSSO", "11", "0") + prop("SuspendMessageOnFailure", "11", "0")
                   + prop("CloseTimeout", "8", "00:01:00") + prop("SendTimeout", "8", "00:01:00")
                   + prop("MaxConcurrentCalls", "3", "200") + "</CustomProps>")
            host = "IsolatedReceiveHost"
        date = self.timestamp[:10]
        w(f'        <ReceiveLocation Name="{name}">\n')
        w(nil("Description", I5))
        w(f"          <Address>{esc(address)}</Address>\n          <PublicAddress />\n")
        w(f"          <Primary>{'true' if primary else 'false'}</Primary>\n")
        w("          <ReceiveLocationServiceWindowEnabled>false</ReceiveLocationServiceWindowEnabled>\n")
        w(f"          <ReceiveLocationFromTime>{self.from_time}</ReceiveLocationFromTime>\n")
        w(f"          <ReceiveLocationToTime>{self.to_time}</ReceiveLocationToTime>\n")
        w("          <ReceiveLocationStartDateEnabled>false</ReceiveLocationStartDateEnabled>\n")
        w(f"          <ReceiveLocationStartDate>{date}T00:00:00</ReceiveLocationStartDate>\n")
        w("          <ReceiveLocationEndDateEnabled>false</ReceiveLocationEndDateEnabled>\n")
        w(f"          <ReceiveLocationEndDate>{date}T23:59:59</ReceiveLocationEndDate>\n")
        w(f"          {TT_RL[adapter]}\n")
        w(f"          <ReceiveLocationTransportTypeData>{esc(ttd)}</ReceiveLocationTransportTypeData>\n")
        w(f'          <ReceivePipeline Name="Microsoft.BizTalk.DefaultPipelines.XMLReceive" FullyQualifiedName='
          f'"Microsoft.BizTalk.DefaultPipelines.XMLReceive, {DEFAULT_PIPE_ASM}" Type="1" {PIPE_TRACKING} Description="" />\n')
        if adapter == "MSMQ":
            data = _pipeline_root([(STAGE_DISASSEMBLE, [("Microsoft.BizTalk.Component.XmlDasmComp", [
                prop("DocumentSpecNames", "8", f"{app.name}.Schemas.Envelope, {app.name}.Schemas, Version=1.0.0.0, "
                     f"Culture=neutral, PublicKeyToken={app.token}")])]),
                                   (STAGE_RESOLVEPARTY, [("Microsoft.BizTalk.Component.PartyRes", [])])])
            w(f"          <ReceivePipelineData>{esc(data)}</ReceivePipelineData>\n")
        else:
            w(nil("ReceivePipelineData", I5))
        if two_way:
            w(f'          <SendPipeline Name="Microsoft.BizTalk.DefaultPipelines.XMLTransmit" FullyQualifiedName='
              f'"Microsoft.BizTalk.DefaultPipelines.XMLTransmit, {DEFAULT_PIPE_ASM}" Type="2" {PIPE_TRACKING} Description="" />\n')
        else:
            w(nil("SendPipeline", I5))
        w(nil("SendPipelineData", I5))
        w("          <Enable>true</Enable>\n")
        w(f'          <ReceiveHandler Name="{host}" HostTrusted="false">\n            {TT[adapter]}\n          </ReceiveHandler>\n')
        for tag, value in (("ScheduleRecurrenceType", "None"), ("ScheduleRecurenceFrom", f"{date}T00:00:00"),
                           ("ScheduleRecurrenceInterval", "1"), ("ScheduleDaysOfWeek", "None"), ("ScheduleMonths", "None"),
                           ("ScheduleMonthDays", "None"), ("ScheduleOrdinalDayOfWeek", "None"),
                           ("ScheduleOrdinalType", "None"), ("ScheduleIsOrdinal", "false"),
                           ("ScheduleLastDayOfMonth", "false"), ("ScheduleAutoAdjustToDaylightSaving", "true"),
                           ("ScheduleTimeZone", "UTC")):
            w(f"          <{tag}>{value}</{tag}>\n")
        w("        </ReceiveLocation>\n")


def _pipeline_root(stages) -> str:
    """Per-port pipeline configuration document (SendPipelineData / ReceivePipelineData)."""
    parts = [f"<Root {NS_XSD_XSI}><Stages>"]
    for category, components in stages:
        parts.append(f'<Stage CategoryId="{category}"><Components>')
        for name, props in components:
            body = f"<Properties>{''.join(props)}</Properties>" if props else "<Properties />"
            parts.append(f'<Component Name="{name}">{body}</Component>')
        parts.append("</Components></Stage>")
    parts.append("</Stages></Root>")
    return "".join(parts)


# ---------------------------------------------------------------------- adapter settings
# Each returns (address, TransportTypeData document as raw XML text).

def _file(g: _Generator, p: Port):
    r = g.rng
    root = r.choice(("D:\\Interfaces", "\\\\fs01.contoso.local\\BizTalk", "E:\\BizTalkLocations"))
    file_name = r.choice(("%MessageID%.xml", f"{p.doc}_%MessageID%.xml", "%SourceFileName%",
                          f"{p.partner}_{p.doc}_%datetime%.xml"))
    address = f"{root}\\{p.app.short}\\Out\\{p.partner}\\{p.doc}\\{file_name}"
    props = []
    if r.random() < 0.4:  # exported with credentials blanked, as in corpus file 17
        props += [prop("Username", "8"), prop("Password", "1")]
    props += [prop("UseTempFileOnWrite", "11", r.choice(("0", "-1"))), prop("AllowCacheOnWrite", "11", "0"),
              prop("CopyMode", "19", r.choice(("1", "1", "1", "2", "0"))), prop("FileName", "8", file_name)]
    return address, f"<CustomProps>{''.join(props)}</CustomProps>"


def _ftp(g: _Generator, p: Port):
    r = g.rng
    server = f"ftp.{p.partner.lower()}.com"
    folder = f"/inbound/{p.app.short.lower()}/{p.doc.lower()}"
    file_name = f"{p.doc}_%MessageID%.xml"
    address = f"ftp://{server}:21{folder}/{file_name}"
    config = (f"<Config {NS_XSI_XSD}><uri>{address}</uri><serverAddress>{server}</serverAddress><serverPort>21</serverPort>"
              f"<userName>bts_{p.app.short.lower()}</userName><password>******</password><accountName />"
              f"<targetFolder>{folder}</targetFolder><targetFileName>{file_name}</targetFileName>"
              f"<representationType>{r.choice(('binary', 'ASCII'))}</representationType><allocateStorage>False</allocateStorage>"
              "<appendIfExists>False</appendIfExists><connectionLimit>0</connectionLimit>"
              f"<passiveMode>{r.choice(('True', 'False'))}</passiveMode><firewallType>NoFirewall</firewallType>"
              "<firewallPort>21</firewallPort><useSsl>False</useSsl><useDataProtection>True</useDataProtection>"
              "<ftpsConnMode>Explicit</ftpsConnMode></Config>")
    return address, f"<CustomProps>{prop('AdapterConfig', '8', config)}</CustomProps>"


def _sftp(g: _Generator, p: Port):
    r = g.rng
    server = f"sftp.{p.partner.lower()}.net"
    folder = f"/upload/{p.doc.lower()}"
    file_name = f"%MessageID%_{p.doc}.xml"
    address = f"sftp://{server}:22{folder}/{file_name}"
    props = [prop("AccessAnyServerHostKey", "11", "0"), prop("ClientAuthenticationMode", "8", r.choice(("Password", "PublicKeyAuthentication"))),
             prop("ConnectionLimit", "3", "10"), prop("EncryptionCipher", "8", "Auto"), prop("FolderPath", "8", folder),
             prop("Password", "1"), prop("Port", "3", "22"), prop("PrivateKey", "8"), prop("PrivateKeyPassword", "1"),
             prop("ProxyAddress", "8"), prop("ProxyPort", "3", "1080"), prop("ProxyType", "8", "None"),
             prop("ProxyUserName", "8"), prop("ProxyPassword", "1"), prop("ServerAddress", "8", server),
             prop("SSHServerHostKey", "8", f"ssh-rsa 2048 {':'.join(f'{r.getrandbits(8):02x}' for _ in range(16))}"),
             prop("SSOAffiliateApplication", "8"), prop("TargetFileName", "8", file_name),
             prop("UserName", "8", f"bts_{p.app.short.lower()}"), prop("WriteMode", "8", "Overwrite"),
             prop("TemporaryFolder", "8"), prop("LogFolder", "8")]
    return address, f"<CustomProps>{''.join(props)}</CustomProps>"


def _http(g: _Generator, p: Port):
    r = g.rng
    address = f"https://api.{p.partner.lower()}.com/b2b/{p.doc.lower()}s?client=contoso&source={p.app.short.lower()}"
    props = [prop("ProxyPort", "3", "80"), prop("RequestTimeout", "3", r.choice(("0", "60", "120"))),
             prop("AuthenticationScheme", "8", r.choice(("Anonymous", "Basic", "Kerberos"))),
             prop("EnableChunkedEncoding", "11", "-1"), prop("UseSSO", "11", "0"), prop("UseProxy", "11", "0"),
             prop("MaxRedirects", "3", "5"), prop("ContentType", "8", "text/xml; charset=utf-8"),
             prop("UseHandlerSetting", "11", "0"), prop("Username", "8"), prop("Password", "1")]
    return address, f"<CustomProps>{''.join(props)}</CustomProps>"


def _wcf_custom(g: _Generator, p: Port):
    r = g.rng
    kind = r.choice(("basicHttpBinding", "wsHttpBinding", "customBinding", "netTcpBinding"))
    host = f"{p.partner.lower()}-services.contoso-partners.com"
    if kind == "netTcpBinding":
        address = f"net.tcp://{host}:808/{p.doc}Service.svc"
        binding = (f'<binding name="{p.partner}NetTcp" closeTimeout="00:01:00" openTimeout="00:01:00" sendTimeout="00:05:00" '
                   'transactionFlow="false" maxReceivedMessageSize="10485760"><readerQuotas maxStringContentLength="10485760" />'
                   '<security mode="Transport"><transport clientCredentialType="Windows" protectionLevel="EncryptAndSign" />'
                   '</security></binding>')
    elif kind == "customBinding":
        address = f"https://{host}/{p.doc}/v2/Service.svc"
        binding = (f'<binding name="{p.partner}Custom" closeTimeout="00:10:00" openTimeout="00:10:00" sendTimeout="00:10:00">'
                   '<textMessageEncoding messageVersion="Soap11"><readerQuotas maxDepth="32" maxStringContentLength="8192" '
                   'maxArrayLength="16384" maxBytesPerRead="4096" maxNameTableCharCount="16384" /></textMessageEncoding>'
                   '<httpsTransport authenticationScheme="Anonymous" maxReceivedMessageSize="2147483647" /></binding>')
    else:
        address = f"https://{host}/{p.doc}Service.svc"
        binding = (f'<binding name="{kind}_{p.doc}" closeTimeout="00:01:00" openTimeout="00:01:00" receiveTimeout="00:10:00" '
                   f'sendTimeout="00:05:00" maxReceivedMessageSize="{r.choice((65536, 1048576, 2147483647))}">'
                   '<security mode="Transport"><transport clientCredentialType="None" /></security></binding>')
    if r.random() < 0.5:
        behavior = ('<behavior name="EndpointBehavior"><clientCredentials><clientCertificate findValue="biztalk.contoso.com" '
                    'storeLocation="LocalMachine" storeName="My" x509FindType="FindBySubjectName" /></clientCredentials></behavior>')
    else:
        behavior = '<behavior name="EndpointBehavior" />'
    ops = "".join(f'\n  <Operation Name="{op}{p.doc}" Action="http://{host}/I{p.doc}Service/{op}{p.doc}" />'
                  for op in r.sample(("Submit", "Update", "Cancel", "Get"), r.randint(1, 3)))
    action = f"<BtsActionMapping {NS_XSI_XSD}>{ops}\n</BtsActionMapping>"
    identity = f'<identity>\n  <dns value="{host}" />\n</identity>' if r.random() < 0.3 else None
    props = [prop("BindingType", "8", kind), prop("BindingConfiguration", "8", binding),
             prop("EndpointBehaviorConfiguration", "8", behavior), prop("StaticAction", "8", action),
             prop("UserName", "8"), prop("Password", "1"), prop("AffiliateApplicationName", "8"),
             prop("ProxyAddress", "8"), prop("ProxyUserName", "8"), prop("InboundBodyLocation", "8", "UseBodyElement"),
             prop("InboundBodyPathExpression", "8"), prop("InboundNodeEncoding", "8", "Xml"),
             prop("OutboundBodyLocation", "8", "UseBodyElement"),
             prop("OutboundXmlTemplate", "8", '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>'),
             prop("PropagateFaultMessage", "11", "-1"), prop("EnableTransaction", "11", "0"),
             prop("IsolationLevel", "8", "Serializable"), prop("Identity", "8", identity), prop("UseSSO", "11", "0")]
    return address, f"<CustomProps>{''.join(props)}</CustomProps>"


def _wcf_basic(g: _Generator, p: Port):
    r = g.rng
    address = f"https://{p.partner.lower()}.contoso-partners.com/services/{p.doc}Service.svc"
    secure = r.random() < 0.7
    props = [prop("MessageEncoding", "8", "Text"), prop("TextEncoding", "8", "utf-8"),
             prop("SecurityMode", "8", "Transport" if secure else "None"),
             prop("TransportClientCredentialType", "8", r.choice(("None", "Basic", "Windows"))),
             prop("MessageClientCredentialType", "8", "UserName"), prop("AlgorithmSuite", "8", "Basic256"),
             prop("UseSSO", "11", "0"), prop("UserName", "8"), prop("Password", "1"), prop("AffiliateApplicationName", "8"),
             prop("ProxyToUse", "8", "Default"), prop("ProxyAddress", "8"), prop("ProxyUserName", "8"),
             prop("StaticAction", "8", f"http://{p.partner.lower()}.com/I{p.doc}Service/Submit{p.doc}"),
             prop("OpenTimeout", "8", "00:01:00"), prop("SendTimeout", "8", r.choice(("00:01:00", "00:05:00"))),
             prop("CloseTimeout", "8", "00:01:00"), prop("MaxReceivedMessageSize", "3", "65536"),
             prop("ServiceCertificate", "8"), prop("InboundBodyLocation", "8", "UseBodyElement"),
             prop("InboundBodyPathExpression", "8"), prop("InboundNodeEncoding", "8", "Xml"),
             prop("OutboundBodyLocation", "8", "UseBodyElement"),
             prop("OutboundXmlTemplate", "8", '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>'),
             prop("PropagateFaultMessage", "11", "-1"), prop("EnableTransaction", "11", "0")]
    return address, f"<CustomProps>{''.join(props)}</CustomProps>"


def _smtp(g: _Generator, p: Port):
    r = g.rng
    to = f"{p.doc.lower()}-desk@{p.partner.lower()}.com"
    props = [prop("SMTPHost", "8", "smtp.contoso.local"), prop("From", "8", f"biztalk-{p.app.short.lower()}@contoso.com"),
             prop("CC", "8", "integration-monitoring@contoso.com" if r.random() < 0.3 else None),
             prop("Subject", "8", f"{p.doc} from Contoso %MessageID%"), prop("DeliveryReceipt", "11", "0"),
             prop("ReadReceipt", "11", "0"), prop("SMTPAuthenticate", "3", r.choice(("0", "1", "2"))),
             prop("Username", "8"), prop("Password", "1"), prop("MessagePartsAttachments", "3", r.choice(("0", "1", "2"))),
             prop("EmailBodyText", "8", f"Please find the {p.doc} attached.\nRegards,\nContoso Integration"),
             prop("EmailBodyTextCharset", "8", "utf-8"), prop("EmailBodyFile", "8"), prop("EmailBodyFileCharset", "8"),
             prop("Attachments", "8"), prop("UseHandlerSetting", "11", "0")]
    return f"mailto:{to}", f"<CustomProps>{''.join(props)}</CustomProps>"


def _msmq(g: _Generator, p: Port):
    r = g.rng
    queue = f"FORMATNAME:DIRECT=OS:MSMQSRV0{r.randint(1, 3)}\\PRIVATE$\\{p.app.short.upper()}-{p.doc.upper()}-{p.seq}"
    config = (f"<Config {NS_XSI_XSD}><queue>{queue}</queue><uri>{queue}</uri><maximumMessageSize>{r.choice((256, 1024, 4096))}"
              "</maximumMessageSize><acknowledgeType>None</acknowledgeType><timeOut>4</timeOut><priority>Normal</priority>"
              "<recoverable>true</recoverable><encryptionAlgorithm>None</encryptionAlgorithm>"
              "<useAuthentication>false</useAuthentication><segmentationSupport>false</segmentationSupport>"
              "<transactional>true</transactional><useJournalQueue>false</useJournalQueue>"
              "<useDeadLetterQueue>true</useDeadLetterQueue><ackTypeEnumsValue>0</ackTypeEnumsValue>"
              "<timeOutUnits>Days</timeOutUnits><bodyType>8209</bodyType></Config>")
    return queue, f"<CustomProps>{prop('AdapterConfig', '8', config)}</CustomProps>"


ADAPTER_SETTINGS = {"FILE": _file, "FTP": _ftp, "SFTP": _sftp, "HTTP": _http, "WCF-Custom": _wcf_custom,
                    "WCF-BasicHttp": _wcf_basic, "SMTP": _smtp, "MSMQ": _msmq}


def generate(ports: int, groups: int, seed: int = 0) -> bytes:
    """A BindingInfo document with `ports` send ports and `groups` send port groups, as UTF-8 bytes."""
    if ports < 1 or groups < 0:
        raise ValueError("need at least one port and a non-negative number of groups")
    return _Generator(ports, groups, seed).build()


def write_atomically(path: str, data: bytes) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".generate-", suffix=".xml.tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file ordinary permissions
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


# ---------------------------------------------------------------------- validation
NESTED_TAGS = ("TransportTypeData", "ReceiveLocationTransportTypeData", "Filter", "SendPipelineData", "ReceivePipelineData")
DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.DOTALL)


def hardened_parser():
    from lxml import etree
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def check(data: bytes) -> dict:
    """Parse the document, every escaped document in it and every XML value inside those; check
    the structural promises (unique names, export order, group members, references). Raises
    AssertionError or lxml.etree.XMLSyntaxError on the first problem; returns counts."""
    from lxml import etree
    parser = hardened_parser()
    root = etree.fromstring(data, parser)
    counts = {"nested": 0, "double_escaped": 0}
    for el in root.iter(*NESTED_TAGS):
        text = (el.text or "").strip()
        if not text:
            continue
        inner = etree.fromstring(DECL.sub("", text), parser)
        counts["nested"] += 1
        for sub in inner.iter():
            t = (sub.text or "").strip()
            if t.startswith("<"):
                etree.fromstring(DECL.sub("", t), parser)
                counts["double_escaped"] += 1
        if el.tag == "Filter":
            for st in inner.iter("Statement"):
                op = st.get("Operator")
                assert op in {"0", "1", "2", "3", "4", "5", "6", "7"}, op
                assert (st.get("Value") is None) == (op == "6"), etree.tostring(st)
                counts[f"op{op}"] = counts.get(f"op{op}", 0) + 1
    ports = root.findall("SendPortCollection/SendPort")
    names = [p.get("Name") for p in ports]
    assert len(set(names)) == len(names), "duplicate send port names"
    by_name = {p.get("Name"): p for p in ports}
    for p in ports:
        tags = [c.tag for c in p]
        positions = [SENDPORT_ORDER.index(t) for t in tags]
        assert positions == sorted(positions), (p.get("Name"), tags)
        two_way = p.get("IsTwoWay") == "true"
        assert ("InboundTransforms" in tags) == two_way and ("ReceivePipeline" in tags) == two_way, p.get("Name")
        assert ("PrimaryTransport" in tags) == (p.get("IsStatic") == "true"), p.get("Name")
    groups = root.findall("DistributionListCollection/DistributionList")
    assert len({g.get("Name") for g in groups}) == len(groups), "duplicate group names"
    for g in groups:
        members = [m.get("Name") for m in g.iterfind("SendPorts/SendPortRef")]
        assert 1 <= len(members) <= 20 and len(set(members)) == len(members), g.get("Name")
        for m in members:
            sp = by_name[m]
            assert sp.get("IsStatic") == "true" and sp.get("IsTwoWay") == "false", (g.get("Name"), m)
    receive_ports = {rp.get("Name") for rp in root.iterfind("ReceivePortCollection/ReceivePort")}
    for ref in root.iterfind(".//Port/SendPortRef[@Name]"):
        assert ref.get("Name") in by_name, ref.get("Name")
    for ref in root.iterfind(".//Port/ReceivePortRef[@Name]"):
        assert ref.get("Name") in receive_ports, ref.get("Name")
    counts.update(send_ports=len(ports), groups=len(groups), receive_ports=len(receive_ports),
                  applications=len({p.findtext("ApplicationName") for p in ports}),
                  two_way=sum(p.get("IsTwoWay") == "true" for p in ports),
                  dynamic=sum(p.get("IsStatic") == "false" for p in ports),
                  backup_transport=sum(1 for p in ports if (p.findtext("SecondaryTransport/Address") or "")),
                  filters=sum(1 for p in ports if (p.findtext("Filter") or "").strip()),
                  outbound_maps=sum(1 for p in ports if p.find("Transforms/Transform") is not None),
                  inbound_maps=sum(1 for p in ports if p.find("InboundTransforms/Transform") is not None),
                  send_pipeline_data=sum(1 for p in ports if p.find("SendPipelineData") is not None),
                  bound_by_orchestration=len(root.findall(".//Port/SendPortRef[@Name]")))
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ports", type=int, required=True, help="number of send ports")
    ap.add_argument("--groups", type=int, default=None, help="number of send port groups (default ports/10)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", required=True, help="file to write (written atomically)")
    ap.add_argument("--check", action="store_true", help="parse the result back and print what it holds")
    args = ap.parse_args(argv)
    groups = args.ports // 10 if args.groups is None else args.groups
    t0 = time.perf_counter()
    data = generate(args.ports, groups, args.seed)
    t1 = time.perf_counter()
    write_atomically(args.output, data)
    print(f"{args.output}: {args.ports} ports, {groups} groups, seed {args.seed}: {len(data):,} bytes "
          f"({len(data) / args.ports / 1024:.2f} KiB/port), generated in {t1 - t0:.2f} s", file=sys.stderr)
    if args.check:
        t2 = time.perf_counter()
        counts = check(data)
        print(f"check passed in {time.perf_counter() - t2:.2f} s: "
              + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
