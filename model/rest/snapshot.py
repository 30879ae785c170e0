"""A live BizTalk group, read through the Management REST API, as a deployment target.

Hosts (``/Hosts``: name, ``Type``, ``IsTrusted``), registered adapters (``/ProtocolTypes``),
applications and their references (``/Applications``: ``ApplicationReferences``), send ports and
groups with their states (``/SendPorts``, ``/SendPortGroups``: ``Status``).

Send handlers: the API names only each adapter's ``DefaultSendHandler``; a snapshot's handlers
of an adapter are that host plus every host a send port's transport of that adapter uses (BizTalk
accepts only existing handlers there). A handler no port uses and that is not the default is not
seen, so a pre-flight check may warn about a handler that exists: the price of the API.
"""

from __future__ import annotations

from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.rest.client import ManagementClient
from model.rest.payloads import PayloadError, group_from_json, parse_status, port_from_json

__all__ = ["snapshot"]


def snapshot(client: ManagementClient) -> Target:
    """What the group behind ``client`` has now; ``source`` is the base URL. Raises
    ``RestError`` when a request fails, ``PayloadError`` when an answer has the wrong shape."""
    hosts: dict[str, Host] = {}
    for h in client.list_hosts():
        name = h.get("Name")
        if not isinstance(name, str):
            raise PayloadError("a host without a Name")
        host_type = h.get("Type") if h.get("Type") in ("InProcess", "Isolated") else "InProcess"
        hosts[name] = Host(name, bool(h.get("IsTrusted")), str(host_type))
    trusted = {n for n, h in hosts.items() if h.trusted}
    adapters: set[str] = set()
    handlers: dict[str, set[str]] = {}
    for p in client.list_protocol_types():
        name = p.get("Name")
        if not isinstance(name, str):
            raise PayloadError("a protocol type without a Name")
        adapters.add(name)
        default = p.get("DefaultSendHandler")
        if isinstance(default, str) and default:
            handlers.setdefault(name, set()).add(default)
    applications: dict[str, tuple[str, ...]] = {}
    for a in client.list_applications():
        name = a.get("Name")
        if not isinstance(name, str):
            raise PayloadError("an application without a Name")
        applications[name] = tuple(str(r) for r in a.get("ApplicationReferences") or ())
    ports: dict[str, TargetPort] = {}
    for data in client.list_send_ports():
        port = port_from_json(data, trusted_hosts=trusted)
        ports[port.name] = TargetPort(port, parse_status(data.get("Status"), f"send port '{port.name}'"))
        for t in (port.primary_transport, port.secondary_transport):
            if t is not None and t.adapter_name and t.send_handler is not None and t.send_handler.name in hosts:
                handlers.setdefault(t.adapter_name, set()).add(t.send_handler.name)
    groups: dict[str, TargetGroup] = {}
    for data in client.list_send_port_groups():
        group = group_from_json(data)
        groups[group.name] = TargetGroup(group, parse_status(data.get("Status"), f"send port group '{group.name}'"))
    return Target(
        hosts,
        {a: frozenset(hs) for a, hs in handlers.items()},
        frozenset(adapters),
        applications,
        ports,
        groups,
        client.base_url,
    )
