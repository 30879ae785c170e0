"""A target description: what a BizTalk group has, read from files (an exported binding file
plus a small JSON file of hosts and adapters, ``model.deploy.target_file``). Plans and
pre-flight checks read it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from model.domain import SendPort, SendPortGroup
from model.lifecycle_types import GroupInfo, PortInfo, State, View


@dataclass(frozen=True, slots=True)
class Host:
    """A BizTalk host: its name and whether it is trusted (Authentication Trusted)."""

    name: str
    trusted: bool = False
    #: "InProcess" or "Isolated", as BizTalk names them
    host_type: str = "InProcess"


@dataclass(frozen=True, slots=True)
class TargetPort:
    """A send port the target group has, with its run state."""

    port: SendPort
    state: State = State.UNENLISTED


@dataclass(frozen=True, slots=True)
class TargetGroup:
    """A send port group the target group has, with its run state."""

    group: SendPortGroup
    state: State = State.UNENLISTED


@dataclass(frozen=True)
class Target:
    """Everything a plan or a pre-flight check needs to know about one BizTalk group."""

    #: host name -> host
    hosts: Mapping[str, Host] = field(default_factory=dict)
    #: adapter name -> the hosts that have a send handler for it
    send_handlers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: the adapters registered in the group (ProtocolTypes)
    adapters: frozenset[str] = frozenset()
    #: application name -> the applications it references
    applications: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: send port name -> port
    ports: Mapping[str, TargetPort] = field(default_factory=dict)
    #: send port group name -> group
    groups: Mapping[str, TargetGroup] = field(default_factory=dict)
    #: where this description came from, for messages ("https://bts01/BizTalkManagementService",
    #: "prod-target.json")
    source: str = "<target>"

    def __post_init__(self) -> None:
        for name in ("hosts", "send_handlers", "applications", "ports", "groups"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))

    def view(self) -> View:
        """The target's ports and groups as the lifecycle rules see them."""
        ports = {
            n: PortInfo(n, p.state, p.port.application, p.port.is_static is not False, p.port.is_two_way is True)
            for n, p in self.ports.items()
        }
        groups = {n: GroupInfo(n, g.state, g.group.application, tuple(g.group.members)) for n, g in self.groups.items()}
        refs = {a: frozenset(r) for a, r in self.applications.items()}
        return View(ports, groups, refs)
