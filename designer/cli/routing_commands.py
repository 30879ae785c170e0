"""Running ``route`` and ``export-servicebus`` (``designer.cli.routing_args`` declares them)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import cast

from designer.cli.common import OK, REFUSED, CliError, shown, unusable, write_output
from model.bindings import BindingFormatError, load
from model.domain import SendPort, SendPortGroup
from model.filter_properties import PropertyType
from model.lifecycle_types import State
from model.routing import ContextValueError, Design, MessageContext, route
from model.routing.evaluate import RoutingResult
from model.routing.servicebus import plan
from model.routing.servicebus_files import arm_json, az_script, bicep, report
from model.routing.values import PROPERTY_TYPES
from model.secrets import mask_text


def parse_property(text: str) -> tuple[str, str, PropertyType | None]:
    """``Name=value`` or ``Name:type=value`` (CliError naming the argument when malformed)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise CliError(f"-p {shown(text)}: expected NAME=VALUE or NAME:TYPE=VALUE, e.g. BTS.ReceivePortName=In")
    name, colon, type_ = name.strip().rpartition(":") if ":" in name else (name.strip(), "", "")
    if colon and type_.strip().lower() not in PROPERTY_TYPES:
        raise CliError(f"-p {shown(text)}: unknown type {shown(type_)!r}; use one of {', '.join(PROPERTY_TYPES)}")
    given = cast(PropertyType, type_.strip().lower()) if colon else None
    return name.strip(), value, given


def _state(text: str) -> State:
    try:
        return State.parse(text)
    except ValueError as e:
        raise CliError(f"--state: {e}") from None


def _in_app(obj: SendPort | SendPortGroup, app: str | None) -> bool:
    return app is None or obj.application == app


def load_design(args: argparse.Namespace) -> tuple[Design, list[SendPort], list[SendPortGroup]]:
    """The design of FILE (all in --state) or of the workspace (its states; with --env, its
    filters filled with that environment's settings), with its models."""
    app = getattr(args, "application", None)
    env = getattr(args, "env", None)
    if args.file:
        if env:
            raise CliError("--env fills the workspace's settings; give it without FILE")
        try:
            doc = load(args.file)
        except BindingFormatError as e:
            raise unusable(e) from None
        ports = [p for p in doc.send_ports if _in_app(p, app)]
        groups = [g for g in doc.groups if _in_app(g, app)]
        return Design.of_document(doc, _state(args.state), ports, groups), ports, groups
    from designer.cli.workspace_commands import opened  # the database only when it is used
    from model.environments.preprocess import PreprocessError
    from model.environments.table import SettingsError
    from model.lifecycle_types import Kind

    with opened(args) as ws:
        view, orchestrations = ws.view(), ws.orchestration_bindings()
        if env:
            try:
                filled = load(ws.environments.export(env, [app] if app else []))
            except (SettingsError, PreprocessError) as e:
                raise CliError(f"--env {shown(env)}: {e}") from None
            ports, groups = list(filled.send_ports), list(filled.groups)
        else:
            entries = ws.entries(app)
            ports = [ws.port(e.name).model for e in entries if e.kind is Kind.PORT]
            groups = [ws.group(e.name).model for e in entries if e.kind is Kind.GROUP]
    return Design.of(ports, groups, view, orchestrations), ports, groups


def _masked(data: object) -> object:
    """``data`` with every string masked (a filter value may quote an address with a password)."""
    if isinstance(data, str):
        return mask_text(data)
    if isinstance(data, list):
        return [_masked(x) for x in data]
    if isinstance(data, dict):
        return {k: _masked(v) for k, v in data.items()}
    return data


def _print_json(data: object) -> None:
    json.dump(_masked(data), sys.stdout, indent=2, ensure_ascii=False)
    print()


def _say(line: str, *, error: bool = False) -> None:
    print(mask_text(line), file=sys.stderr if error else sys.stdout)


def _print_result(result: RoutingResult) -> None:
    for r in result.ports:
        copies = f" ({r.copies} copies)" if r.copies > 1 else ""
        _say(f"send port '{shown(r.name)}' [{r.state.label}]: {r.outcome.value}{copies}")
        for p in r.paths:
            _say(f"  via {shown(p.through)}: {p.outcome.value}; filter group {p.filter_group + 1}: {shown(p.matched)}")
    for g in result.groups:
        members = ", ".join(shown(m) for m in g.members) or "no members"
        _say(f"send port group '{shown(g.name)}' [{g.state.label}]: matched; members: {members}")
    for group, member in result.missing_members:
        _say(f"note: group '{shown(group)}' lists '{shown(member)}', which is not a send port here")
    for port, orch in result.orchestration_bound:
        _say(f"note: send port '{shown(port)}' is also bound to {', '.join(map(shown, orch))} (outside filter routing)")
    if result.routing_failure:
        _say("routing failure: no send port subscribes to this message (BizTalk suspends it)", error=True)


def _who_uses(args: argparse.Namespace, ports: list[SendPort], groups: list[SendPortGroup]) -> int:
    found = []
    for kind, objects in (("port", ports), ("group", groups)):
        for obj in objects:
            f = obj.filter
            for gi, g in enumerate(f.groups if f is not None and f.unparsed is None else ()):
                for si, st in enumerate(g.statements):
                    if st.property == args.who_uses:
                        found.append(
                            {
                                "kind": kind,
                                "name": obj.name,
                                "filter_group": gi + 1,
                                "statement": si + 1,
                                "text": st.text(),
                            }
                        )
    if args.json:
        _print_json(found)
    else:
        for item in found:
            what = "send port" if item["kind"] == "port" else "send port group"
            _say(f"{what} '{shown(str(item['name']))}' filter group {item['filter_group']}: {shown(str(item['text']))}")
        if not found:
            _say(f"no filter tests {shown(args.who_uses)}", error=True)
    return OK


def run_route(args: argparse.Namespace) -> int:
    if args.who_uses and args.properties:
        raise CliError("--who-uses lists filter statements; give it without -p")
    if not args.who_uses and not args.properties:
        raise CliError("give the message's context properties with -p NAME=VALUE (or --who-uses PROPERTY)")
    triples = [parse_property(t) for t in args.properties]
    try:
        context = MessageContext.of(triples)
    except ContextValueError as e:
        raise CliError(f"-p {e}") from None
    design, ports, groups = load_design(args)
    if args.who_uses:
        return _who_uses(args, ports, groups)
    result = route(design, context)
    if args.json:
        _print_json(result.as_json())
    else:
        _print_result(result)
    return REFUSED if result.routing_failure else OK


def run_export_servicebus(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{args.output}: is a file; give a folder")
    if not folder.parent.is_dir():
        raise CliError(f"{args.output}: folder {folder.parent} does not exist")
    design, _, _ = load_design(args)
    exported = plan(design, args.namespace, args.topic)
    folder.mkdir(exist_ok=True)
    files = {
        "subscriptions.bicep": bicep(exported),
        "subscriptions.json": arm_json(exported),
        "subscriptions.sh": az_script(exported),
        "report.txt": report(exported),
    }
    for name, text in files.items():
        write_output(str(folder / name), text.encode("utf-8"))
    print(mask_text(files["report.txt"]), end="")
    print(f"wrote {', '.join(files)} to {args.output}", file=sys.stderr)
    return REFUSED if exported.has_errors else OK
