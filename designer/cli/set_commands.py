"""Running ``set`` (``designer.cli.field_args`` declares it): fields of one send port, of one
group, or of every send port ``--where`` picks (one transaction), through ``model.field_paths``.

Every write is based on the version read (a change someone else made meanwhile to the same
field is a conflict, exit 4; to other fields it is kept and merged). A rule's refusal is exit 1,
an unknown port or field or a bad value exit 2; in each case nothing is written.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
from collections.abc import Callable, Sequence
from typing import Any

from designer.cli.common import OK, REFUSED, UNUSABLE, CliError, shown
from designer.cli.opening import opened
from model.field_paths import Assignment, FieldPathError, Outcome, PortEditError, apply_to_group, apply_to_port
from model.field_paths import parse_assignment as parse
from model.lifecycle_types import Kind, State
from model.store import Workspace
from model.store.bulk_edit import PortEdit

_WHERE_KEYS = ("application", "adapter", "name", "state", "kind")
OPERATION = "set"


def _assignments(items: Sequence[str]) -> list[Assignment]:
    """The FIELD=VALUE arguments, a ``-`` value read from standard input (once)."""
    try:
        out = [parse(text) for text in items]
    except FieldPathError as e:
        raise CliError(str(e)) from None
    piped = [i for i, a in enumerate(out) if a.value == "-"]
    if len(piped) > 1:
        raise CliError("only one field can read its value from standard input ('-')")
    for i in piped:
        value = sys.stdin.read()
        value = value[:-1] if value.endswith("\n") else value
        value = value[:-1] if value.endswith("\r") else value
        out[i] = Assignment(out[i].field, value)
    return out


Apply = Callable[[Any, Sequence[Assignment]], Outcome]


def _outcome(kind: Kind, name: str, apply: Apply, model: Any, assignments: list[Assignment]) -> Outcome:
    """``apply(model, assignments)``, a refusal or a bad value as the command line's error."""
    try:
        return apply(model, assignments)
    except PortEditError as e:
        raise CliError(f"{kind.label} '{shown(name)}': {e.field}: {e.message} (nothing was changed)", REFUSED) from None
    except FieldPathError as e:
        raise CliError(f"{kind.label} '{shown(name)}': {e} (nothing was changed)", UNUSABLE) from None


def _report(kind: Kind, name: str, outcome: Outcome) -> None:
    if not outcome.changes:
        print(f"{kind.label} '{shown(name)}': nothing to change")
    for change in outcome.changes:
        print(f"{kind.label} '{shown(name)}': {shown(change.line())}")


def _dry_run_note(args: argparse.Namespace) -> None:
    if args.dry_run:
        print("dry run: nothing was written", file=sys.stderr)


def _set_port(ws: Workspace, args: argparse.Namespace, name: str, assignments: list[Assignment]) -> None:
    record = ws.port(name)
    outcome = _outcome(Kind.PORT, name, apply_to_port, record.model, assignments)
    if outcome.changes and not args.dry_run:
        ws.update_port(name, outcome.model, expected_version=record.version, base=record.model, operation=OPERATION)
    _report(Kind.PORT, name, outcome)


def _set_group(ws: Workspace, args: argparse.Namespace, name: str, assignments: list[Assignment]) -> None:
    record = ws.group(name)
    outcome = _outcome(Kind.GROUP, name, apply_to_group, record.model, assignments)
    if outcome.changes and not args.dry_run:
        ws.update_group(name, outcome.model, expected_version=record.version, base=record.model, operation=OPERATION)
    _report(Kind.GROUP, name, outcome)


def parse_where(text: str) -> dict[str, str]:
    """``application=A,adapter=FILE,...`` as {key: value} (CliError naming what is wrong)."""
    out: dict[str, str] = {}
    for part in text.split(","):
        key, sep, value = part.partition("=")
        key = key.strip().casefold()
        if not sep or key not in _WHERE_KEYS or not value.strip():
            raise CliError(
                f"--where {shown(text)}: expected KEY=VALUE pairs separated by commas, "
                f"KEY one of {', '.join(_WHERE_KEYS)} (e.g. adapter=FILE,application=App)"
            )
        out[key] = value.strip()
    if out.get("kind", "port").casefold() != "port":
        raise CliError("--where picks send ports (kind=port); for a send port group give --group NAME")
    if "state" in out:
        try:
            State.parse(out["state"])
        except ValueError as e:
            raise CliError(f"--where state: {e}") from None
    return out


def _picked(ws: Workspace, where: dict[str, str]) -> list[str]:
    state = State.parse(where["state"]) if "state" in where else None
    entries = [e for e in ws.entries(where.get("application"), state) if e.kind is Kind.PORT]
    if "adapter" in where:
        entries = [e for e in entries if (e.adapter or "").casefold() == where["adapter"].casefold()]
    if "name" in where:
        pattern = where["name"].casefold()
        entries = [e for e in entries if fnmatch.fnmatchcase(e.name.casefold(), pattern)]
    return [e.name for e in entries]


def _set_where(ws: Workspace, args: argparse.Namespace, assignments: list[Assignment]) -> None:
    where = parse_where(args.where)
    names = _picked(ws, where)
    if not names:
        raise CliError(f"no send port matches --where {shown(args.where)}; nothing was changed")
    records = {n: ws.port(n) for n in names}
    outcomes: dict[str, Outcome] = {}
    problems: list[CliError] = []
    for name, record in records.items():
        try:
            outcomes[name] = _outcome(Kind.PORT, name, apply_to_port, record.model, assignments)
        except CliError as e:
            problems.append(e)
    if problems:  # every refusal at once; the worst decides the exit code (bad input before a rule)
        code = UNUSABLE if any(p.code == UNUSABLE for p in problems) else REFUSED
        lines = [str(p).removesuffix(" (nothing was changed)") for p in problems]
        raise CliError("\n".join([*lines, f"{len(names)} send port(s) picked: none was changed"]), code)
    edits = [PortEdit(n, outcomes[n].model, records[n].version, records[n].model) for n in names if outcomes[n].changes]
    if edits and not args.dry_run:
        ws.update_ports(edits, operation=OPERATION)
    for name in names:
        _report(Kind.PORT, name, outcomes[name])
    verb = "would change" if args.dry_run else "changed"
    print(f"{verb} {len(edits)} of {len(names)} send port(s) picked, in one transaction", file=sys.stderr)


def run_set(args: argparse.Namespace) -> int:
    if args.group is not None and args.where is not None:
        raise CliError("give one of PORT, --group NAME or --where FILTERS")
    items = list(args.items)
    port = None
    if args.group is None and args.where is None:
        port = items.pop(0)
        if "=" in port:
            field = shown(port.partition("=")[0])  # never the value: it may be a password
            raise CliError(f"give the send port's name first (or --group NAME, --where FILTERS), then {field}=...")
    if not items:
        raise CliError("nothing to set: give FIELD=VALUE (for example description=Nightly orders)")
    assignments = _assignments(items)
    with opened(args) as ws:
        if args.group is not None:
            _set_group(ws, args, args.group, assignments)
        elif args.where is not None:
            _set_where(ws, args, assignments)
        else:
            assert port is not None
            _set_port(ws, args, port, assignments)
    _dry_run_note(args)
    return OK
