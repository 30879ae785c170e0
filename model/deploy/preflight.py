"""Pre-flight check: every reason an import of the design into a target group would fail or
misbehave, found before anything is sent, each naming the port or group and the field.

What is checked (``Finding.code``):

* ``unknown-host``: a transport's send handler names a host the target does not have;
* ``trust-mismatch``: the design marks the send handler's host trusted (``HostTrusted``) and the
  target's host is not, or the other way round; BizTalk refuses such an import (BTDF #410);
* ``adapter-not-registered``: the transport's adapter is not registered in the target group;
* ``no-send-handler``: the host (or, with no handler named, any host) has no send handler for
  the adapter;
* ``missing-setting`` / ``missing-secret``: a setting the chosen mode needs is empty, or a
  password is blank (exported files blank them; an import with empty mandatory settings can hang
  or fail, BTDF #460), through ``model.adapter_values``; values are never quoted;
* ``unknown-member``: a group member that is a send port of neither the design nor the target;
* ``missing-reference`` (warning): a member of another application, or a declared reference,
  that the target's application lacks; ``portwright plan`` adds it before the import;
* ``unknown-application``: a reference to an application neither the design nor the target has;
* ``owned-elsewhere``: a port or group name the target has in another application (names are
  unique in the whole group, so the import would fail).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from model import adapter_values, adapters
from model.bindings.binding_document import BindingDocument
from model.deploy.target import Target
from model.domain import SendPort, Transport
from model.lifecycle_types import Kind

__all__ = ["Finding", "Severity", "preflight"]


class Severity(StrEnum):
    ERROR = "error"  #: the import fails or misbehaves
    WARNING = "warning"  #: a plan takes care of it; an import alone would fail


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason an import would fail: which port or group (kind None: an application), which
    field (a dotted model path such as ``primary_transport.send_handler``), and why."""

    kind: Kind | None
    name: str
    field: str
    message: str
    severity: Severity = Severity.ERROR
    code: str = ""

    def text(self) -> str:
        what = f"{self.kind.label} '{self.name}'" if self.kind is not None else f"application '{self.name}'"
        return f"{self.severity.value}: {what}, {self.field}: {self.message}"


def _transport_findings(port: SendPort, where: str, t: Transport, target: Target) -> list[Finding]:
    out: list[Finding] = []
    adapter = t.adapter_name

    def add(field: str, message: str, code: str, severity: Severity = Severity.ERROR) -> None:
        out.append(Finding(Kind.PORT, port.name, f"{where}.{field}", message, severity, code))

    if adapter is None:
        return out
    registered = {a.casefold(): a for a in target.adapters}
    if adapter.casefold() not in registered:
        add("adapter", f"adapter '{adapter}' is not registered in the target group", "adapter-not-registered")
    hosts_with = {h for a, hs in target.send_handlers.items() if a.casefold() == adapter.casefold() for h in hs}
    handler = t.send_handler
    if handler is None:
        if not hosts_with:
            add("adapter", f"no host of the target group has a send handler for adapter '{adapter}'", "no-send-handler")
    elif handler.name not in target.hosts:
        add("send_handler", f"the target group has no host '{handler.name}'", "unknown-host")
    else:
        host = target.hosts[handler.name]
        wanted = handler.host_trusted is True or handler.host_trusted == "true"
        if wanted != host.trusted:
            said = "trusted" if wanted else "not trusted"
            add(
                "send_handler",
                f"the design marks host '{host.name}' {said}, but the target's host is "
                f"{'trusted' if host.trusted else 'not trusted'} (an import refuses the mismatch)",
                "trust-mismatch",
            )
        if handler.name not in hosts_with:
            add("send_handler", f"host '{handler.name}' has no send handler for adapter '{adapter}'", "no-send-handler")
    spec = adapters.adapter_spec(adapter)
    if spec is not None and t.settings is not None:
        values: dict[str, str | None] = {}
        index: dict[str, int] = {}
        for i, prop in enumerate(t.settings.properties):
            if prop.name not in index:
                index[prop.name] = i
                values[prop.name] = None if prop.vt == adapters.VariantType.VT_NULL else prop.value
        for missing in adapter_values.missing_required(spec, values):
            field = f"settings.properties[{index[missing.name]}]" if missing.name in index else "settings"
            if missing.secret:
                message = f"password '{missing.name}' is blank, needed because {missing.reason}"
                add(field, message + " (exported binding files blank passwords)", "missing-secret")
            else:
                message = f"setting '{missing.name}' ({missing.label}) is empty, needed because {missing.reason}"
                add(field, message, "missing-setting")
    return out


def preflight(
    design: BindingDocument,
    target: Target,
    *,
    applications: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Finding]:
    """Every reason importing ``design`` into ``target`` would fail or misbehave (empty: none).

    ``applications`` maps the design's applications to the applications they reference (the
    workspace's references); see the module docstring for the checks."""
    out: list[Finding] = []
    design_ports = {p.name: p for p in design.send_ports}
    known_apps = set(target.applications) | set(design.applications()) | set(applications or {})
    known_apps |= {p.port.application for p in target.ports.values() if p.port.application}
    for port in design.send_ports:
        for where, t in (
            ("primary_transport", port.primary_transport),
            ("secondary_transport", port.secondary_transport),
        ):
            if t is None or (where == "secondary_transport" and not (t.address or "").strip()):
                continue
            out += _transport_findings(port, where, t, target)
    for kind, objects in ((Kind.PORT, design.send_ports), (Kind.GROUP, design.groups)):
        for obj in objects:
            there = (target.ports if kind is Kind.PORT else target.groups).get(obj.name)
            if there is None:
                continue
            owner = there.port.application if kind is Kind.PORT else there.group.application  # type: ignore[union-attr]
            if owner and obj.application and owner != obj.application:
                message = (
                    f"the target has a {kind.label} '{obj.name}' in application '{owner}' (names are unique in a group)"
                )
                out.append(Finding(kind, obj.name, "name", message, Severity.ERROR, "owned-elsewhere"))
    needed: dict[tuple[str, str], Finding] = {}
    for group in design.groups:
        for i, m in enumerate(group.members):
            member = design_ports.get(m)
            owner = member.application if member is not None else None
            if member is None and m in target.ports:
                owner = target.ports[m].port.application
            elif member is None:
                message = f"member '{m}' is a send port of neither the design nor the target"
                out.append(Finding(Kind.GROUP, group.name, f"members[{i}]", message, Severity.ERROR, "unknown-member"))
                continue
            if group.application and owner and owner != group.application:
                message = (
                    f"member '{m}' belongs to application '{owner}', which '{group.application}' does not "
                    "reference in the target (portwright plan adds the reference before the import)"
                )
                finding = Finding(
                    Kind.GROUP, group.name, f"members[{i}]", message, Severity.WARNING, "missing-reference"
                )
                needed.setdefault((group.application, owner), finding)
    for app, refs in (applications or {}).items():
        for ref in refs:
            if ref not in known_apps:
                message = f"it references application '{ref}', which neither the design nor the target has"
                out.append(Finding(None, app, "references", message, Severity.ERROR, "unknown-application"))
                continue
            message = f"the target's application lacks the reference to '{ref}' (portwright plan adds it)"
            needed.setdefault(
                (app, ref), Finding(None, app, "references", message, Severity.WARNING, "missing-reference")
            )
    for (app, ref), finding in needed.items():
        if ref not in target.applications.get(app, ()):
            out.append(finding)
    return out
