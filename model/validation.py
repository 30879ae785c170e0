"""Validation: every problem in a binding document or workspace, as data.

Importing never rejects a real file for a value out of range; the value is kept and
reported here instead. Rules come in two kinds: the models' own constraints (re-checked
strictly, field by field) and rules across fields and objects (dynamic ports have no
address, groups only hold static one-way ports, a port nobody can reach...).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ValidationError

from model import adapter_values, adapters
from model.bindings.fields import by_field
from model.domain import (
    SendPort,
    SendPortGroup,
    Transport,
    is_token,
    model_in,
    tokens_in,
)
from model.filter_rules import statement_problems


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


#: Field -> (label a user knows, element or ``@attribute`` name in a binding file), from the
#: table of binding fields (``model.bindings.fields``).
FIELDS: dict[str, tuple[str, str]] = {name: (b.label, b.element) for name, b in by_field().items()}
_INDEX = re.compile(r"\[\d+\]")


def label(path: str) -> str:
    """A readable name for a dotted field path: ``Backup transport › Retry count``."""
    parts = [_INDEX.sub("", p) for p in path.split(".") if not p.startswith("[")]
    return " › ".join(FIELDS.get(p, (p.replace("_", " ").capitalize(), ""))[0] for p in parts)


# -- field constraints ------------------------------------------------------------------------


def _field_path(cls: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The model path in a pydantic error location, without union branch names."""
    parts: list[str] = []
    current: Any = cls
    for seg in loc:
        if isinstance(seg, int):
            parts.append(f"[{seg}]")
        elif isinstance(current, type) and issubclass(current, BaseModel) and seg in current.model_fields:
            parts.append(seg)
            current = model_in(current.model_fields[seg].annotation)
        elif isinstance(current, type) and issubclass(current, tuple) and seg in getattr(current, "_fields", ()):
            parts.append(seg)
            current = None
    return ".".join(parts).replace(".[", "[")


def constraint_problems(obj: BaseModel) -> list[tuple[str, str, Any]]:
    """(field path, message, value) for every constraint ``obj`` breaks."""
    cls = type(obj)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        data = obj.model_dump(warnings=False)
    try:
        cls.model_validate(data)
        return []
    except ValidationError as e:
        found: dict[str, tuple[str, Any]] = {}
        for err in e.errors(include_url=False):
            path = _field_path(cls, tuple(err["loc"]))
            # A union reports one error per branch: keep the first (the main type's).
            if path not in found:
                found[path] = (err["msg"], err.get("input"))
        return [(path, msg, value) for path, (msg, value) in found.items()]


# -- rules ------------------------------------------------------------------------------------


def _transport_problems(t: Transport, where: str, problems: list[tuple[Severity, str, str]]) -> None:
    s = t.settings
    if s is not None and s.unparsed is not None:
        problems.append((Severity.ERROR, f"{where}.settings", "adapter settings are not readable XML; kept as written"))
    if s is None or t.adapter is None:
        return
    spec = adapters.adapter_spec(t.adapter.name)
    index: dict[str, int] = {}  # the first element of each name, as BizTalk reads it
    values: dict[str, str | None] = {}
    for i, prop in enumerate(s.properties):
        if prop.name not in index:
            index[prop.name] = i
            values[prop.name] = None if prop.vt == adapters.VariantType.VT_NULL else prop.value
    for missing in adapter_values.missing_required(spec, values) if spec else ():
        path = f"{where}.settings.properties[{index[missing.name]}]" if missing.name in index else f"{where}.settings"
        if missing.secret:
            what = f"password '{missing.name}' is missing, needed because {missing.reason} (exported binding files blank passwords)"
        else:
            what = f"setting '{missing.name}' ({missing.label}) is empty, needed because {missing.reason}"
        problems.append((Severity.WARNING, path, f"{t.adapter.name} {what}; set it before importing into BizTalk"))
    for i, prop in enumerate(s.properties):
        setting = adapters.setting_spec(spec, prop.name) if spec else None
        path = f"{where}.settings.properties[{i}]"
        if setting is None:
            continue
        if prop.vt is not None and not adapters.accepts_vt(setting, prop.vt) and not is_token(prop.value):
            problems.append(
                (
                    Severity.WARNING,
                    path,
                    f"adapter setting '{prop.name}' has VARIANT type {prop.vt}; {t.adapter.name} expects {setting.vt}",
                )
            )
        elif not setting.secret and prop.vt == setting.vt:
            message = adapter_values.value_problem(setting, prop.value)
            if message is not None:
                problems.append((Severity.ERROR, path, f"adapter setting '{prop.name}': {message}"))
        if spec is not None and prop.name == spec.wrapper_property:
            for name, message in adapter_values.config_problems(spec, prop.value):
                problems.append((Severity.ERROR, path, f"adapter setting '{name}' in {prop.name}: {message}"))


def _filter_problems(f: Any, where: str, problems: list[tuple[Severity, str, str]]) -> None:
    """The filter editor's rules (``model.filter_rules``), as problems of a saved filter: a
    statement without a property is an error; a doubtful value is a warning (BizTalk keeps
    it); an unknown operator is already a constraint error."""
    if f is None:
        return
    if f.unparsed is not None:
        problems.append((Severity.ERROR, where, "filter is not readable XML; kept as written"))
        return
    for gi, group in enumerate(f.groups):
        if not group.statements:
            problems.append((Severity.WARNING, f"{where}.groups[{gi}]", "empty filter group (matches nothing)"))
        for si, st in enumerate(group.statements):
            path = f"{where}.groups[{gi}].statements[{si}]"
            operator = st.operator if isinstance(st.operator, int) else -1
            for part, message in statement_problems(str(st.property), operator, st.value):
                if part == "operator":
                    continue
                severity = Severity.ERROR if part == "property" else Severity.WARNING
                problems.append((severity, f"{path}.{part}", f"filter statement on '{st.property}': {message}"))


def port_problems(port: SendPort) -> list[tuple[Severity, str, str]]:
    """(severity, field path, message) for one port, independent of other ports."""
    out: list[tuple[Severity, str, str]] = []
    for path, msg, value in constraint_problems(port):
        shown = value if not isinstance(value, dict | list) else None
        text = f"{label(path) or 'value'} {shown!r} is invalid: {msg}" if shown is not None else f"{label(path)}: {msg}"
        out.append((Severity.ERROR, path, text))
    static = port.is_static is not False
    t = port.primary_transport
    if static:
        if t is None or t.adapter is None:
            out.append(
                (Severity.ERROR, "primary_transport.adapter", "static send port has no adapter (transport type)")
            )
        if t is None or not (t.address or "").strip():
            out.append((Severity.ERROR, "primary_transport.address", "static send port has no address"))
        b = port.secondary_transport
        if b is not None and b.adapter is not None and not (b.address or "").strip():
            out.append(
                (
                    Severity.ERROR,
                    "secondary_transport.address",
                    f"the backup transport uses {b.adapter.name} but has no address",
                )
            )
        elif b is not None and b.adapter is None and (b.address or "").strip():
            out.append(
                (
                    Severity.ERROR,
                    "secondary_transport.adapter",
                    "the backup transport has an address but no adapter (transport type)",
                )
            )
    else:
        if t is not None and (t.address or "").strip():
            out.append(
                (
                    Severity.WARNING,
                    "primary_transport.address",
                    "a dynamic send port has no fixed address (it is set at run time); this one is ignored",
                )
            )
        if port.secondary_transport is not None and port.secondary_transport.is_configured:
            out.append((Severity.ERROR, "secondary_transport", "a dynamic send port cannot have a backup transport"))
    if port.is_two_way is not True:
        if port.inbound_maps:
            out.append(
                (Severity.ERROR, "inbound_maps", "a one-way send port has no inbound maps (no response comes back)")
            )
        if port.receive_pipeline is not None:
            out.append((Severity.WARNING, "receive_pipeline", "a one-way send port does not use a receive pipeline"))
    if port.stop_sending_on_failure is True and port.ordered_delivery is not True:
        out.append(
            (
                Severity.WARNING,
                "stop_sending_on_failure",
                "'stop sending subsequent messages on failure' only applies with ordered delivery",
            )
        )
    if t is not None:
        _transport_problems(t, "primary_transport", out)
    if port.secondary_transport is not None:
        _transport_problems(port.secondary_transport, "secondary_transport", out)
    _filter_problems(port.filter, "filter", out)
    return out


def group_problems(group: SendPortGroup) -> list[tuple[Severity, str, str]]:
    out: list[tuple[Severity, str, str]] = []
    for path, msg, value in constraint_problems(group):
        shown = value if isinstance(value, str | int) and len(str(value)) < 60 else None
        text = f"{label(path)} {shown!r} is invalid: {msg}" if shown is not None else f"{label(path)}: {msg}"
        out.append((Severity.ERROR, path, text))
    _filter_problems(group.filter, "filter", out)
    dupes = [m for m, n in Counter(group.members).items() if n > 1]
    for m in dupes:
        out.append((Severity.WARNING, "members", f"send port '{m}' is listed twice"))
    return out


def _token_values(obj: Any) -> Iterable[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, BaseModel):
        for v in obj.__dict__.values():
            yield from _token_values(v)
    elif isinstance(obj, tuple | list):
        for v in obj:
            yield from _token_values(v)


def unresolved_tokens(obj: Any) -> list[str]:
    """Placeholders (``${Name}``, ``$(Name)``) left anywhere in a port or group."""
    seen: dict[str, None] = {}
    for text in _token_values(obj):
        for tok in tokens_in(text):
            seen[tok] = None
    return list(seen)


@dataclass(frozen=True)
class Context:
    """What validation of a port or group needs to know about the rest of the world."""

    ports: Mapping[str, SendPort]
    groups: Mapping[str, SendPortGroup]
    orchestration_bound: frozenset[str] = frozenset()
    members_must_exist: bool = False  # a workspace knows every port; a file does not

    @cached_property
    def grouped(self) -> frozenset[str]:
        """Names of the send ports some group lists: one set, not a scan of every group per port."""
        return frozenset(m for g in self.groups.values() for m in g.members)


def cross_problems(port_or_group: SendPort | SendPortGroup, ctx: Context) -> list[tuple[Severity, str, str]]:
    """Rules that look at other objects: membership, reachability."""
    out: list[tuple[Severity, str, str]] = []
    if isinstance(port_or_group, SendPortGroup):
        for m in port_or_group.members:
            member = ctx.ports.get(m)
            if member is None:
                sev = Severity.ERROR if ctx.members_must_exist else Severity.WARNING
                where = "" if ctx.members_must_exist else " in this file"
                out.append((sev, "members", f"member '{m}' is not a send port{where}"))
            elif member.is_static is False or member.is_two_way is True:
                out.append(
                    (
                        Severity.ERROR,
                        "members",
                        f"member '{m}' is a {member.kind_text.lower()} port; only static one-way ports can be group members",
                    )
                )
        return out
    port = port_or_group
    in_group = port.name in ctx.grouped
    has_filter = port.filter is not None and not port.filter.is_empty
    if not has_filter and not in_group and port.name not in ctx.orchestration_bound:
        out.append(
            (
                Severity.WARNING,
                "filter",
                "this port can never receive a message: it has no filter, is in no group and is bound to no orchestration",
            )
        )
    return out


def unresolved_reference(kind: str, name: str, holder: str, holder_name: str, ctx: Context) -> str | None:
    """Why a send port (``kind`` "port") or group named by an orchestration port or a party
    (``holder`` "orchestration" or "party") is a problem: it is not among ``ctx``'s; else None.

    A warning, not an error: the bindings of one application often name the ports of another
    deployed separately, and BizTalk refuses the import only if the target is in neither the
    file nor the group it is imported into, which a file alone cannot tell."""
    if name in (ctx.ports if kind == "port" else ctx.groups):
        return None
    what = f"send port '{name}'" if kind == "port" else f"send port group '{name}'"
    by = (
        f"orchestration port '{holder_name}' is bound to"
        if holder == "orchestration"
        else f"party '{holder_name}' lists"
    )
    return f"{by} {what}, which is not in this file (it must already be deployed where the file is imported)"


def _duplicates(names: Iterable[str]) -> set[str]:
    return {n for n, c in Counter(names).items() if c > 1}


def collect(
    ports: list[SendPort], groups: list[SendPortGroup], ctx: Context
) -> list[tuple[str | None, str | None, Severity, str, str]]:
    """(kind, name, severity, field, message) for every problem among ``ports`` and ``groups``."""
    out: list[tuple[str | None, str | None, Severity, str, str]] = []
    for name in sorted(_duplicates(p.name for p in ports)):
        out.append(("port", name, Severity.ERROR, "name", f"send port name '{name}' is used more than once"))
    for name in sorted(_duplicates(g.name for g in groups)):
        out.append(("group", name, Severity.ERROR, "name", f"send port group name '{name}' is used more than once"))
    for p in ports:
        for sev, path, msg in port_problems(p) + cross_problems(p, ctx):
            out.append(("port", p.name, sev, path, msg))
        toks = unresolved_tokens(p)
        if toks:
            out.append(("port", p.name, Severity.INFO, "", f"unresolved placeholders: {', '.join(toks)}"))
    for g in groups:
        for sev, path, msg in group_problems(g) + cross_problems(g, ctx):
            out.append(("group", g.name, sev, path, msg))
        toks = unresolved_tokens(g)
        if toks:
            out.append(("group", g.name, Severity.INFO, "", f"unresolved placeholders: {', '.join(toks)}"))
    return out
