"""Large, realistic binding files: a seeded imitation of a BizTalk 2016+ "Export Bindings".

``generate(ports, groups, seed)`` plans applications, send ports (about 86% static one-way,
12% solicit-response, 2% dynamic), orchestrations binding some of them and a few receive
ports, then writes the document through ``elements``. The same arguments give the same bytes.
Shapes, property names and VARIANT types follow the real files of the shared corpus.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .adapter_settings import ADAPTER_SETTINGS
from .elements import (
    DOCUMENT_TAIL,
    NS_XSI_XSD,
    STAGE_ASSEMBLE,
    STAGE_DISASSEMBLE,
    STAGE_ENCODE,
    STAGE_PREASSEMBLE,
    STAGE_RESOLVEPARTY,
    collection,
    default_pipeline,
    distribution_list,
    document_head,
    esc_attr,
    filter_document,
    module_ref_open,
    orchestration_port,
    pipeline,
    pipeline_data,
    prop,
    send_port,
    service,
    statement,
    transport,
)
from .plan import (
    DOCS,
    DOMAINS,
    HOSTS,
    ONE_WAY_ADAPTERS,
    PARTNERS,
    TWO_WAY_ADAPTERS,
    AppPlan,
    PortPlan,
)
from .receive import receive_port_collection

#: (logical port name, Modifier, BindingOption, bound send port, bound receive port)
OrchestrationPort = tuple[str, str, str, str | None, str | None]


def generate(ports: int, groups: int, seed: int = 0) -> bytes:
    """A BindingInfo document with ``ports`` send ports and ``groups`` send port groups, as UTF-8 bytes."""
    if ports < 1 or groups < 0:
        raise ValueError("need at least one port and a non-negative number of groups")
    return RealisticGenerator(ports, groups, seed).build()


class RealisticGenerator:
    """One generated document: ``plan`` draws everything that is named, ``build`` writes it."""

    def __init__(self, n_ports: int, n_groups: int, seed: int) -> None:
        self.n_ports = n_ports
        self.n_groups = n_groups
        self.rng = random.Random(seed)
        r = self.rng
        day, hour = r.randint(1, 28), r.randint(7, 18)
        self.timestamp = (
            f"2024-{r.randint(1, 12):02d}-{day:02d}T{hour:02d}:{r.randint(0, 59):02d}:"
            f"{r.randint(0, 59):02d}.{r.randint(0, 9999999):07d}+01:00"
        )
        # Service-window times are written in local time of the exporting server (+01:00 here),
        # hence 23:00:00 / 22:59:59, as in corpus file 02.
        self.from_time, self.to_time = "2000-01-01T23:00:00", "2000-01-01T22:59:59"
        self.apps: list[AppPlan] = []
        self.ports: list[PortPlan] = []
        self.receive_ports: list[tuple[str, AppPlan, bool]] = []  # (name, app, two_way)
        self.orch_bindings: list[tuple[AppPlan, list[tuple[str, list[OrchestrationPort]]]]] = []

    # ------------------------------------------------------------------ planning
    def plan(self) -> None:
        r = self.rng
        n_apps = self.n_ports // 200 + 1
        for i in range(n_apps):
            dom = DOMAINS[i % len(DOMAINS)]
            short = dom if i < len(DOMAINS) else f"{dom}{i // len(DOMAINS) + 1}"
            self.apps.append(AppPlan(f"Contoso.{short}", short, f"{r.getrandbits(64):016x}"))
        n_dynamic = max(1, round(self.n_ports * 0.02)) if self.n_ports >= 10 else 0
        dynamic_at = set(r.sample(range(self.n_ports), n_dynamic))
        for seq in range(self.n_ports):
            app = self.apps[seq * n_apps // self.n_ports]
            partner, doc = r.choice(PARTNERS), r.choice(DOCS)
            adapter: str | None
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
            self.ports.append(PortPlan(seq, name, app, static, two_way, adapter, partner, doc))
            app.ports.append(seq)
        # A handful of receive ports, used by filters (BTS.ReceivePortName) and orchestrations.
        shapes = (
            ("RP.{d}.In.FILE", False),
            ("RP.{d}.Service", True),
            ("RP.{d}.In.MSMQ", False),
            ("RP.{d}.Errors", False),
            ("RP.{d}.Status.Http", True),
        )
        for i, (pattern, two_way) in enumerate(shapes):
            app = self.apps[i % len(self.apps)]
            self.receive_ports.append((f"{app.short}.{pattern.format(d=r.choice(DOCS))}", app, two_way))
        self._plan_orchestrations()

    def _weighted(self, table: Sequence[tuple[str, int]]) -> str:
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
                ports: list[OrchestrationPort] = []
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
        total = sum(len(ports) for _, svcs in self.orch_bindings for _, ports in svcs)
        bound = sum(1 for _, svcs in self.orch_bindings for _, ports in svcs for p in ports if p[3] or p[4])
        parts = [
            document_head(self.timestamp, bound, total),
            self.module_refs(),
            collection("SendPortCollection", [self.send_port(p) for p in self.ports]),
            self.distribution_lists(),
            receive_port_collection(self.receive_ports, self.timestamp, self.from_time, self.to_time),
            DOCUMENT_TAIL,
        ]
        return "".join(parts).encode("utf-8")

    def module_refs(self) -> str:
        r = self.rng
        out = ["  <ModuleRefCollection>\n"]
        for app, services in self.orch_bindings:
            out.append(module_ref_open(f"[Application:{app.name}]", "", "", ""))
            out.append("      <Services />\n      <TrackedSchemas>\n")
            for doc in r.sample(DOCS, r.randint(2, 4)):
                out.append(
                    f'        <Schema FullName="{app.name}.Schemas.{doc}" RootName="{doc}" AssemblyQualifiedName='
                    f'"{app.name}.Schemas.{doc},{app.name}.Schemas, Version=1.0.0.0, Culture=neutral, '
                    f'PublicKeyToken={app.token}" AlwaysTrackAllProperties="false" Description="">\n'
                )
                out.append("          <TrackedPropertyNames />\n        </Schema>\n")
            out.append("      </TrackedSchemas>\n    </ModuleRef>\n")
            for asm in ("Schemas", "Maps", "Pipelines"):
                out.append(module_ref_open(f"{app.name}.{asm}", token=app.token))
                out.append("      <Services />\n      <TrackedSchemas />\n    </ModuleRef>\n")
            out.append(module_ref_open(f"{app.name}.Orchestrations", token=app.token))
            out.append("      <Services>\n")
            for orch, ports in services:
                state = r.choice(("Started", "Started", "Unenlisted"))
                out.append(
                    service(
                        orch,
                        [
                            orchestration_port(
                                name, modifier=modifier, binding_option=bo, send_port=sp, receive_port=rp
                            )
                            for name, modifier, bo, sp, rp in ports
                        ],
                        state,
                    )
                )
            out.append("      </Services>\n      <TrackedSchemas />\n    </ModuleRef>\n")
        out.append("  </ModuleRefCollection>\n")
        return "".join(out)

    # ------------------------------------------------------------------ send ports
    def send_port(self, p: PortPlan) -> str:
        # The draws happen in the order the elements are written, so that a seed keeps its file.
        r = self.rng
        roll = r.random()
        description = None
        if 0.72 <= roll < 0.95:
            description = self._description(p)
        elif roll >= 0.95:  # multi-line descriptions happen
            description = (
                f"{self._description(p)}\nOwner: integration team ({p.app.short}).\n"
                f"Change ticket CHG{r.randint(10000, 99999)}"
            )
        transmit = self._pipeline("TransmitPipeline", p)
        send_data = self._send_pipeline_data(p) if r.random() < 0.1 else None
        ordered = r.random() < 0.05
        primary = secondary = cert = ""
        if p.static:
            primary = self._primary_transport(p, ordered)
            secondary = self._secondary_transport(p)
        if r.random() < 0.02:
            cn = f"{p.partner.lower()}.partners.contoso.com"
            cert = (
                f'      <EncryptionCert LongName="CN={cn}, O={p.partner} Ltd, C=GB" ShortName="{cn}" '
                f'UsageType="Encryption" ThumbPrint="{r.getrandbits(160):040X}" />\n'
            )
        receive = receive_data = None
        if p.two_way:
            receive = self._pipeline("ReceivePipeline", p)
            receive_data = self._receive_pipeline_data(p) if r.random() < 0.2 else None
        roll = r.random()
        tracking = 0 if roll < 0.7 else (204 if roll < 0.9 else r.choice((12, 76, 192, 236)))
        filter_text = self._filter(p) if r.random() < 0.67 else None
        transforms = self._transforms(p, 0.33, outbound=True)
        inbound = self._transforms(p, 0.4, outbound=False) if p.two_way else None
        priority = 5 if r.random() < 0.85 else r.randint(1, 10)
        stop = ordered and r.random() < 0.5
        route_failed = r.random() < 0.15
        return send_port(
            p.name,
            static=p.static,
            two_way=p.two_way,
            binding_option=p.binding_option,
            analytics_enabled=False,
            description=description,
            transmit_pipeline=transmit,
            send_pipeline_data=send_data,
            primary=primary,
            secondary=secondary,
            encryption_cert=cert,
            receive_pipeline=receive,
            receive_pipeline_data=receive_data,
            tracking=tracking,
            filter_text=filter_text,
            transforms=transforms,
            inbound_transforms=inbound,
            ordered=ordered,
            priority=priority,
            stop_sending_on_failure=stop,
            route_failed_message=route_failed,
            application=p.app.name,
        )

    def _description(self, p: PortPlan) -> str:
        return self.rng.choice(
            (
                f"Sends {p.doc} messages to {p.partner}",
                f"{p.doc}s & acknowledgements for {p.partner} (see runbook {p.app.short}-{p.seq})",
                f"Outbound {p.doc} feed, <{p.partner}> production endpoint",
                f"Legacy {p.doc} interface - do not change without approval",
            )
        )

    def _pipeline(self, tag: str, p: PortPlan) -> str:
        r, send = self.rng, tag == "TransmitPipeline"
        if r.random() < 0.7:
            return default_pipeline(
                tag,
                r.choice(("PassThruTransmit", "XMLTransmit")) if send else r.choice(("XMLReceive", "PassThruReceive")),
            )
        assembly = f"{p.app.name}.Pipelines, Version=1.0.0.0, Culture=neutral, PublicKeyToken={p.app.token}"
        return pipeline(tag, f"{p.app.name}.Pipelines.{'Send' if send else 'Receive'}{p.doc}", assembly)

    def _send_pipeline_data(self, p: PortPlan) -> str:
        r, app = self.rng, p.app
        spec = f"{app.name}.Schemas.{p.doc}, {app.name}.Schemas, Version=1.0.0.0, Culture=neutral, PublicKeyToken={app.token}"
        kind = r.randint(0, 2)
        if kind == 0:
            return pipeline_data(
                [
                    (
                        STAGE_ASSEMBLE,
                        [
                            (
                                "Microsoft.BizTalk.Component.XmlAsmComp",
                                [
                                    prop(
                                        "EnvelopeDocSpecNames",
                                        "8",
                                        f"{app.name}.Schemas.Envelope, {app.name}.Schemas, Version=1.0.0.0, "
                                        f"Culture=neutral, PublicKeyToken={app.token}",
                                    ),
                                    prop("DocumentSpecNames", "8", spec),
                                    prop("AddXmlDeclaration", "11", "-1"),
                                    prop("TargetCharset", "8", "utf-8"),
                                    prop("PreserveBom", "11", "0"),
                                    prop("ProcessingInstructionsOptions", "3", "0"),
                                ],
                            )
                        ],
                    )
                ]
            )
        if kind == 1:
            return pipeline_data(
                [
                    (
                        STAGE_PREASSEMBLE,
                        [
                            (
                                f"{app.name}.Components.DiscardMessage",
                                [
                                    prop("DiscardMessage", "11", "-1"),
                                    prop("XPathToCheck", "8", f"//*[local-name()='{p.doc}s' and @status!='test']"),
                                ],
                            )
                        ],
                    ),
                    (
                        STAGE_ASSEMBLE,
                        [("Microsoft.BizTalk.Component.FFAsmComp", [prop("DocumentSpecName", "8", spec)])],
                    ),
                    (STAGE_ENCODE, [(f"{app.name}.Components.SetFileNameMacro", [])]),
                ]
            )
        # a component whose setting is itself XML (double-escaped in the file)
        mappings = "".join(
            f'<Map Property="{ns}" Value="{esc_attr(v)}" />'
            for ns, v in (
                ("BTS.Operation", f"Send{p.doc}"),
                (f"{app.name}.Routing.Partner", p.partner),
                (f"{app.name}.Routing.Channel", "B2B & EDI"),
            )
        )
        return pipeline_data(
            [
                (
                    STAGE_PREASSEMBLE,
                    [
                        (
                            f"{app.name}.Components.ContextWriter",
                            [
                                prop("Enabled", "11", "-1"),
                                prop("Mappings", "8", f"<Mappings {NS_XSI_XSD}>{mappings}</Mappings>"),
                            ],
                        )
                    ],
                ),
                (
                    STAGE_ENCODE,
                    [
                        (
                            "Microsoft.BizTalk.Component.MIME_SMIME_Encoder",
                            [
                                prop("EnableEncryption", "11", "0"),
                                prop("SignatureType", "8", "NoSign"),
                                prop("ContentTransferEncoding", "8", "Base64"),
                            ],
                        )
                    ],
                ),
            ]
        )

    def _receive_pipeline_data(self, p: PortPlan) -> str:
        app = p.app
        spec = (
            f"{app.name}.Schemas.{p.doc}Response, {app.name}.Schemas, Version=1.0.0.0, Culture=neutral, "
            f"PublicKeyToken={app.token}"
        )
        return pipeline_data(
            [
                (
                    STAGE_DISASSEMBLE,
                    [
                        (
                            "Microsoft.BizTalk.Component.XmlDasmComp",
                            [
                                prop("DocumentSpecNames", "8", spec),
                                prop("AllowUnrecognizedMessage", "11", "0"),
                                prop("ValidateDocument", "11", "-1"),
                            ],
                        )
                    ],
                ),
                (STAGE_RESOLVEPARTY, [("Microsoft.BizTalk.Component.PartyRes", [])]),
            ]
        )

    def _primary_transport(self, p: PortPlan, ordered: bool) -> str:
        r = self.rng
        if p.adapter is None:
            raise ValueError(f"static port {p.name!r} has no adapter")
        address, settings = ADAPTER_SETTINGS[p.adapter](r, p)
        retry_count, retry_interval = (
            (3, 5) if r.random() < 0.8 else (r.choice((0, 1, 5, 10)), r.choice((1, 2, 10, 60)))
        )
        window = r.random() < 0.05
        from_time, to_time = (
            ("2000-01-01T05:00:00", "2000-01-01T21:00:00") if window else (self.from_time, self.to_time)
        )
        host = "WcfSendHost" if p.adapter.startswith("WCF") else r.choice(HOSTS)
        return transport(
            "PrimaryTransport",
            address,
            p.adapter,
            settings,
            retry_count=retry_count,
            retry_interval=retry_interval,
            service_window=window,
            from_time=from_time,
            to_time=to_time,
            ordered=ordered,
            host=host,
        )

    def _secondary_transport(self, p: PortPlan) -> str:
        if p.two_way or self.rng.random() >= 0.2:
            return transport("SecondaryTransport", None, from_time=self.from_time, to_time=self.to_time)
        folder = f"\\\\backup-fs01\\BizTalk\\{p.app.short}\\Backup\\{p.partner}\\{p.doc}"
        file_name = f"{p.doc}_%MessageID%.xml"
        settings = (
            "<CustomProps>"
            + prop("UseTempFileOnWrite", "11", "-1")
            + prop("AllowCacheOnWrite", "11", "0")
            + prop("CopyMode", "19", "1")
            + prop("FileName", "8", file_name)
            + "</CustomProps>"
        )
        return transport(
            "SecondaryTransport",
            f"{folder}\\{file_name}",
            "FILE",
            settings,
            from_time=self.from_time,
            to_time=self.to_time,
        )

    def _transforms(self, p: PortPlan, probability: float, outbound: bool) -> list[tuple[str, str]]:
        r, app = self.rng, p.app
        if r.random() >= probability:
            return []
        maps = []
        for k in range(1 if r.random() < 0.8 else 2):
            src, dst = (
                (f"{p.doc}_Canonical", f"{p.doc}_{p.partner}")
                if outbound
                else (f"{p.doc}Response_{p.partner}", f"{p.doc}Response_Canonical")
            )
            if k:
                src = src.replace(p.doc, f"{p.doc}V1")
            full = f"{app.name}.Maps.{src}_to_{dst}"
            maps.append((full, f"{full},{app.name}.Maps, Version=1.0.0.0, Culture=neutral, PublicKeyToken={app.token}"))
        return maps

    # ------------------------------------------------------------------ filters
    def _filter(self, p: PortPlan) -> str:
        groups = [[self._statement(p) for _ in range(self._count(0.6, 0.9))] for _ in range(self._count(0.75, 0.95))]
        return filter_document(groups)

    def _count(self, p1: float, p12: float) -> int:
        """1, 2 or 3 with probabilities p1, p12 - p1, 1 - p12."""
        x = self.rng.random()
        return 1 if x < p1 else (2 if x < p12 else 3)

    def _statement(self, p: PortPlan) -> str:
        r, app = self.rng, p.app
        x = r.random()
        value: str | None
        if x < 0.55:  # equality on a common property
            choice = r.randint(0, 5)
            if choice == 0:
                name, value = (
                    "BTS.MessageType",
                    f"http://schemas.contoso.com/{app.short.lower()}/{p.doc.lower()}/2024#{p.doc}",
                )
            elif choice == 1:
                name, value = "BTS.ReceivePortName", r.choice(self.receive_ports)[0]
            elif choice == 2:
                name, value = "BTS.Operation", f"Send{p.doc}To{p.partner}"
            elif choice == 3:
                name, value = f"{app.name}.Schemas.Routing.Partner", p.partner
            elif choice == 4:
                name, value = "BTS.InboundTransportType", r.choice(("FILE", "WCF-BasicHttp", "MSMQ", "SFTP"))
            else:
                name, value = "ErrorReport.ErrorType", "FailedMessage"
            op = "0"
        elif x < 0.65:
            op, name, value = "5", "BTS.SPName", self.ports[r.randrange(len(self.ports))].name
        elif x < 0.77:
            op, name, value = (
                "6",
                r.choice(
                    (
                        "ErrorReport.FailureCode",
                        f"{app.name}.Schemas.Routing.CorrelationId",
                        "BTS.InboundTransportLocation",
                    )
                ),
                None,
            )
        elif x < 0.85:
            op, name, value = str(r.randint(1, 4)), f"{app.name}.Schemas.Routing.Priority", str(r.randint(1, 9))
        elif x < 0.93:
            op, name, value = (
                str(r.randint(1, 4)),
                f"{app.name}.Schemas.Routing.ValidFrom",
                f"2024-{r.randint(1, 12):02d}-01T00:00:00",
            )
        else:
            op, name, value = "7", f"{app.name}.Schemas.Routing.Flags", str(1 << r.randint(0, 6))
        return statement(name, op, value)

    # ------------------------------------------------------------------ groups
    def distribution_lists(self) -> str:
        r = self.rng
        if self.n_groups == 0:
            return collection("DistributionListCollection", [])
        members_pool = [p for p in self.ports if p.static and not p.two_way]
        if not members_pool:
            raise ValueError("no static one-way port to put in a group")
        lists = []
        for g in range(self.n_groups):
            app = self.apps[g * len(self.apps) // self.n_groups]
            own = [self.ports[i] for i in app.ports if self.ports[i].static and not self.ports[i].two_way]
            count = min(r.randint(1, 20), len(members_pool))
            pool = own if len(own) >= count and r.random() < 0.9 else members_pool  # some span applications
            members = r.sample(pool, count)
            doc, partner = r.choice(DOCS), r.choice(PARTNERS)
            filter_text = None
            if r.random() < 0.85:
                filter_text = self._filter(PortPlan(g, "", app, True, False, None, partner, doc))
            description = None if r.random() < 0.6 else f"Fan-out of {doc} messages to {partner} & partners"
            lists.append(
                distribution_list(
                    f"{app.short}.SPG.{partner}.{doc}.{g:05d}",
                    [m.name for m in members],
                    filter_text=filter_text,
                    application=app.name,
                    description=description,
                )
            )
        return collection("DistributionListCollection", lists)
