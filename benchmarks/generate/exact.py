"""Small binding files with exact, known content, for tests that name every port and group.

``binding_file(ports=[port("A"), ...], groups=[group("G", ["A"])], orchestrations={"A": ["Orch.P"]})``
returns the bytes of a BindingInfo file shaped like a BizTalk export (two-space indent, LF).
A static port's address decides its adapter: ``http...`` is HTTP, anything else FILE.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .elements import (
    DOCUMENT_TAIL,
    collection,
    custom_props,
    default_pipeline,
    distribution_list,
    document_head,
    filter_document,
    module_ref_open,
    orchestration_port,
    prop,
    send_port,
    service,
    statement,
    transport,
)

TIMESTAMP = "2024-05-06T10:11:12.1234567+02:00"
ORCHESTRATIONS = "Test.Orchestrations"


@dataclass(frozen=True)
class Port:
    """A send port of a small file: static one-way FILE unless told otherwise."""

    name: str
    application: str | None = "App"
    address: str | None = None
    two_way: bool = False
    static: bool = True
    description: str | None = None
    filter_value: str | None = None  # a BTS.ReceivePortName == value filter

    def xml(self) -> str:
        primary = ""
        if self.static:
            address = self.address if self.address is not None else f"C:\\Out\\{self.name}\\%MessageID%.xml"
            adapter = "HTTP" if address.startswith("http") else "FILE"
            settings = custom_props([prop("FileName", "8", "%MessageID%.xml")] if adapter == "FILE" else [])
            primary = transport("PrimaryTransport", address, adapter, settings)
        flt = None
        if self.filter_value is not None:
            flt = filter_document([[statement("BTS.ReceivePortName", 0, self.filter_value)]], pretty=False)
        return send_port(
            self.name,
            static=self.static,
            two_way=self.two_way,
            transmit_pipeline=default_pipeline("TransmitPipeline", "PassThruTransmit"),
            description=self.description,
            primary=primary,
            receive_pipeline=default_pipeline("ReceivePipeline", "XMLReceive") if self.two_way else None,
            filter_text=flt,
            application=self.application,
        )


@dataclass(frozen=True)
class Group:
    """A send port group of a small file, its members named by send port."""

    name: str
    members: Sequence[str] = ()
    application: str | None = "App"
    description: str | None = None

    def xml(self) -> str:
        return distribution_list(self.name, self.members, application=self.application, description=self.description)


def port(
    name: str,
    application: str | None = "App",
    *,
    address: str | None = None,
    two_way: bool = False,
    static: bool = True,
    description: str | None = None,
    filter_value: str | None = None,
) -> Port:
    """A send port named ``name`` in ``application`` (None: no ApplicationName element)."""
    return Port(name, application, address, two_way, static, description, filter_value)


def group(
    name: str, members: Sequence[str] = (), application: str | None = "App", *, description: str | None = None
) -> Group:
    """A send port group named ``name`` whose members are the send ports named in ``members``."""
    return Group(name, tuple(members), application, description)


def _module_refs(orchestrations: Mapping[str, Sequence[str]]) -> str:
    """One orchestration assembly whose ports bind send ports: {send port: [orchestration port ...]}."""
    if not orchestrations:
        return collection("ModuleRefCollection", [])
    ports = [orchestration_port(orch, send_port=target) for target, orchs in orchestrations.items() for orch in orchs]
    module = (
        module_ref_open(ORCHESTRATIONS, token="0123456789abcdef")
        + "      <Services>\n"
        + service(f"{ORCHESTRATIONS}.Process", ports)
        + "      </Services>\n      <TrackedSchemas />\n    </ModuleRef>\n"
    )
    return collection("ModuleRefCollection", [module])


@dataclass(frozen=True)
class Binding:
    """A whole small file: send ports, groups and the orchestration ports bound to send ports."""

    ports: Sequence[Port] = ()
    groups: Sequence[Group] = ()
    orchestrations: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def text(self) -> str:
        endpoints = sum(len(orchs) for orchs in self.orchestrations.values())
        return (
            document_head(TIMESTAMP, endpoints, endpoints)
            + _module_refs(self.orchestrations)
            + collection("SendPortCollection", [p.xml() for p in self.ports])
            + collection("DistributionListCollection", [g.xml() for g in self.groups])
            + collection("ReceivePortCollection", [])
            + DOCUMENT_TAIL
        )


def binding_file(
    ports: Sequence[Port] = (), groups: Sequence[Group] = (), orchestrations: Mapping[str, Sequence[str]] | None = None
) -> bytes:
    """The UTF-8 bytes of a small BindingInfo file holding ``ports`` and ``groups``."""
    return Binding(ports, groups, orchestrations or {}).text().encode("utf-8")
