"""Running ``show`` (``designer.cli.field_args`` declares it): every setting of one send port or
group, by the field names ``set`` takes, secrets only as set or not set.

``show --json`` prints one object, schema version 1 (new keys may be added; none is renamed or
removed without a new ``schema`` number)::

    {
      "schema": 1,
      "kind": "port" | "group",
      "name": str, "application": str, "state": "Unenlisted" | "Stopped" | "Started",
      "version": int,                 # the stored version (changes with every write)
      # a send port only:
      "static": bool, "two_way": bool, "port_kind": "Static One-Way" | ...,
      "groups": [str],                # the groups it is a member of
      "bound_to": [str],              # orchestration ports bound to it
      # a send port group only:
      "members": [{"name": str, "state": str | null}],  # null: not in the workspace
      "fields": {FIELD: value},       # every setting, keyed as `portwright set` takes them
      "secrets": {FIELD: bool}        # the hidden fields: whether each is set
    }

``fields`` values: text (str, credentials in addresses masked as ``***``) or null when empty;
switches are booleans and numbers integers (a ``${Token}`` placeholder stays a string);
``tracking`` is a list of flag names; ``outbound_maps``/``inbound_maps`` lists of map names;
``filter`` a list of OR'ed groups, each a list of AND'ed statements (``"BTS.MessageType ==
x"``), null for none (and for a filter that cannot be read). Adapter settings are
``primary.settings.NAME`` / ``backup.settings.NAME`` with their text as stored (the children
of FTP's, MSMQ's... ``<Config>`` document each as a setting of its own). A secret's value is
always null in ``fields``; ``secrets`` says whether it is set. Fields a port does not have (a
dynamic port's transport, a one-way port's receive pipeline, a backup transport that is off
beyond ``backup.enabled``) are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from designer.cli.common import OK, CliError, shown
from designer.cli.opening import opened
from model.field_paths import SET, Reading, read_group, read_port

SCHEMA = 1
_WIDTH_LIMIT = 34  # longer field names push their value along instead of widening every line


def _fields(readings: dict[str, Reading]) -> tuple[dict[str, Any], dict[str, bool]]:
    fields = {k: (None if r.secret else r.value) for k, r in readings.items()}
    secrets = {k: r.text == SET for k, r in readings.items() if r.secret}
    return fields, secrets


def _print(title: str, lines: list[tuple[str, str]]) -> None:
    print(title)
    width = min(_WIDTH_LIMIT, max(len(k) for k, _ in lines) + 1)
    for key, text in lines:
        print(f"  {key + ':':<{width}} {shown(text)}")


def _show_port(args: argparse.Namespace, name: str) -> dict[str, Any] | None:
    with opened(args) as ws:
        record = ws.port(name)
        view = ws.view()
    port = record.model
    groups = [g.name for g in view.groups_of(port.name)]
    info = view.ports.get(port.name)
    bound = list(info.orchestrations) if info is not None else []
    readings = read_port(port)
    if args.json:
        fields, secrets = _fields(readings)
        return {
            "schema": SCHEMA,
            "kind": "port",
            "name": port.name,
            "application": record.application,
            "state": record.state.label,
            "version": record.version,
            "static": port.is_static is not False,
            "two_way": port.is_two_way is True,
            "port_kind": port.kind_text,
            "groups": groups,
            "bound_to": bound,
            "fields": fields,
            "secrets": secrets,
        }
    head = [
        ("name", port.name),
        ("application", record.application),
        ("kind", port.kind_text),
        ("state", record.state.label),
        ("groups", ", ".join(groups) or "(none)"),
    ]
    if bound:
        head.append(("bound_to", ", ".join(bound)))
    _print(f"send port '{shown(port.name)}'", head + [(k, r.text) for k, r in readings.items()])
    return None


def _show_group(args: argparse.Namespace, name: str) -> dict[str, Any] | None:
    with opened(args) as ws:
        record = ws.group(name)
        view = ws.view()
    group = record.model
    members = [(m, view.ports[m].state.label if m in view.ports else None) for m in group.members]
    readings = read_group(group)
    if args.json:
        fields, secrets = _fields(readings)
        return {
            "schema": SCHEMA,
            "kind": "group",
            "name": group.name,
            "application": record.application,
            "state": record.state.label,
            "version": record.version,
            "members": [{"name": m, "state": state} for m, state in members],
            "fields": fields,
            "secrets": secrets,
        }
    listed = ", ".join(f"{m} ({state or 'not in the workspace'})" for m, state in members) or "(none)"
    head = [("name", group.name), ("application", record.application), ("state", record.state.label)]
    _print(
        f"send port group '{shown(group.name)}'",
        head + [(k, r.text) for k, r in readings.items()] + [("members", listed)],
    )
    return None


def run_show(args: argparse.Namespace) -> int:
    if (args.name is None) == (args.group is None):
        raise CliError("give a send port's name, or --group NAME for a send port group (one of the two)")
    data = _show_group(args, args.group) if args.group is not None else _show_port(args, args.name)
    if data is not None:
        json.dump(data, sys.stdout, indent=2)
        print()
    return OK
