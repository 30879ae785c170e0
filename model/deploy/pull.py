"""Bringing a target group's ports and groups into the design (``portwright pull``): what a live
group (or a target file) has, as a binding document the workspace imports through its usual,
rule-checked import.

BizTalk never gives a password back, so a port read from a group has its secret settings
blank. Where the design already has the port, its stored secrets are carried into the pulled
port (the same setting of the same adapter, on the same transport), so that a pull never
replaces a password with nothing; a secret the design lacks too stays blank and is named.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from model.adapters import VariantType
from model.bindings.binding_document import BindingDocument
from model.deploy.plan import definition_changes
from model.deploy.target import Target
from model.domain import AdapterProperty, SendPort, SendPortGroup, Transport
from model.secrets import is_secret_setting

__all__ = ["Pulled", "pull"]


@dataclass
class Pulled:
    """What to import, and what the caller should say about it."""

    document: BindingDocument
    #: names the design does not have yet
    new: list[str] = field(default_factory=list)
    #: names the design has, that differ from the group (replaced only when asked)
    differ: list[str] = field(default_factory=list)
    #: names the design has and the group has alike (not imported again)
    same: list[str] = field(default_factory=list)
    #: "PORT: Setting (primary transport)" secrets carried over from the design
    carried: list[str] = field(default_factory=list)
    #: the same, for secrets neither side has a value for (left blank)
    blank: list[str] = field(default_factory=list)


def _blank(prop: AdapterProperty) -> bool:
    return prop.vt == VariantType.VT_NULL or not (prop.value or "").strip()


def _carry(live: Transport | None, stored: Transport | None, where: str, out: Pulled) -> Transport | None:
    if live is None or live.settings is None:
        return live
    same_adapter = stored is not None and stored.adapter_name == live.adapter_name and stored.settings is not None
    props = []
    for prop in live.settings.properties:
        if is_secret_setting(prop.name, live.adapter_name) and _blank(prop):
            kept = stored.settings.get(prop.name) if same_adapter and stored and stored.settings else None
            if kept is not None and not _blank(kept):
                props.append(kept)
                out.carried.append(f"{where}: {prop.name}")
                continue
            out.blank.append(f"{where}: {prop.name}")
        props.append(prop)
    settings = live.settings.model_copy(update={"properties": tuple(props)})
    return live.model_copy(update={"settings": settings})


def _with_secrets(live: SendPort, stored: SendPort | None, out: Pulled) -> SendPort:
    primary = _carry(
        live.primary_transport, stored.primary_transport if stored else None, f"{live.name} (primary)", out
    )
    backup = _carry(
        live.secondary_transport, stored.secondary_transport if stored else None, f"{live.name} (backup)", out
    )
    return live.model_copy(update={"primary_transport": primary, "secondary_transport": backup})


def pull(
    target: Target,
    applications: Iterable[str] = (),
    design_ports: Mapping[str, SendPort] | None = None,
    design_groups: Mapping[str, SendPortGroup] | None = None,
    *,
    replace: bool = False,
) -> Pulled:
    """The ports and groups of ``target`` in ``applications`` (all when empty) to import. Those
    the design has alike are left out; those it has but differently are left out unless
    ``replace`` (then their secrets are carried over from ``design_ports``)."""
    apps = set(applications)
    design_ports, design_groups = design_ports or {}, design_groups or {}
    out = Pulled(BindingDocument())

    def taken(name: str, live: SendPort | SendPortGroup, have: SendPort | SendPortGroup | None) -> bool:
        """Whether ``live`` is imported; ``out`` says which of new, the same or different it is."""
        if apps and live.application not in apps:
            return False
        if have is None:
            out.new.append(name)
            return True
        members_differ = (
            isinstance(live, SendPortGroup)
            and isinstance(have, SendPortGroup)
            and set(live.members) != set(have.members)
        )
        if not definition_changes(have, live) and not members_differ:
            out.same.append(name)
            return False
        out.differ.append(name)
        return replace

    ports = [
        _with_secrets(tp.port, design_ports.get(n), out)
        for n, tp in sorted(target.ports.items())
        if taken(n, tp.port, design_ports.get(n))
    ]
    groups = [tg.group for n, tg in sorted(target.groups.items()) if taken(n, tg.group, design_groups.get(n))]
    out.document = BindingDocument(ports, groups)
    return out
