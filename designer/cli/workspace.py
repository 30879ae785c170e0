"""Workspace commands: import, export, ls, lifecycle, app, delete, group, rename, log."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from designer.cli.common import OK, REFUSED, UNUSABLE, CliError, check_output, unusable, write_output
from model.bindings import BindingFormatError
from model.lifecycle import Action, Kind, LifecycleError, State, Subject, Transition, UnknownSubjectError
from model.secrets import mask_text
from model.store import ConflictError, DuplicateError, NotFoundError, Workspace, WorkspaceError


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Workspace]:
    """The workspace named by --workspace / $PORTWRIGHT_WORKSPACE / the default, with errors
    turned into one-line messages and the right exit codes."""
    try:
        ws = Workspace(args.workspace)
    except WorkspaceError as e:
        raise CliError(str(e), UNUSABLE) from None
    try:
        yield ws
    except UnknownSubjectError as e:
        raise CliError(str(e), UNUSABLE) from None
    except LifecycleError as e:
        raise CliError(str(e), REFUSED) from None
    except NotFoundError as e:
        raise CliError(str(e), UNUSABLE) from None
    except (ConflictError, DuplicateError) as e:
        raise CliError(str(e), REFUSED) from None
    except BindingFormatError as e:
        raise unusable(e) from None
    except WorkspaceError as e:
        raise CliError(str(e), UNUSABLE) from None
    finally:
        ws.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import binding files into the workspace (all or nothing)",
        description="Import binding files as one transaction each. Existing ports are overwritten, "
        "groups get their member lists merged, new ones start unenlisted.",
    )
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument("-a", "--application", metavar="APP", help="put everything in this application")
    p.set_defaults(run=run_import)

    p = sub.add_parser(
        "export",
        help="write a binding file from the workspace",
        description="Export everything, some applications, or chosen ports and groups.",
    )
    p.add_argument("-a", "--application", metavar="APP", action="append", default=[], help="repeatable")
    p.add_argument("--port", metavar="NAME", action="append", default=[], help="repeatable")
    p.add_argument("--group", metavar="NAME", action="append", default=[], help="repeatable")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write ('-' for standard output)")
    p.set_defaults(run=run_export)

    p = sub.add_parser(
        "ls",
        help="list send ports and groups",
        description="List send ports and send port groups with their state, adapter and address.",
    )
    p.add_argument("-a", "--application", metavar="APP")
    p.add_argument("--state", metavar="STATE", help="Unenlisted, Stopped or Started")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.set_defaults(run=run_ls)

    for action in (Action.ENLIST, Action.UNENLIST, Action.START, Action.STOP):
        p = sub.add_parser(
            action.value,
            help=f"{action.label.lower()} send ports (or groups with --group)",
            description=f"{action.label} send ports, or send port groups with --group, under "
            "BizTalk's rules. A refused action changes nothing.",
        )
        p.add_argument("--group", action="store_true", help="the names are send port groups")
        p.add_argument("names", metavar="NAME", nargs="+")
        p.set_defaults(run=run_lifecycle, action=action)

    p = sub.add_parser(
        "delete",
        help="delete send ports (or groups with --group)",
        description="Delete unenlisted send ports that are in no group and bound to no "
        "orchestration, or unenlisted groups (their members stay).",
    )
    p.add_argument("--group", action="store_true")
    p.add_argument("names", metavar="NAME", nargs="+")
    p.set_defaults(run=run_lifecycle, action=Action.DELETE)

    app = sub.add_parser("app", help="start or stop a whole application")
    app_sub = app.add_subparsers(dest="app_command", metavar="ACTION", required=True)
    for verb, action in (("start", Action.START_APPLICATION), ("stop", Action.STOP_APPLICATION)):
        p = app_sub.add_parser(verb, help=f"{verb} every send port and group of APP")
        p.add_argument("application", metavar="APP")
        p.set_defaults(run=run_app, action=action)

    grp = sub.add_parser("group", help="add or remove send ports of a group")
    grp_sub = grp.add_subparsers(dest="group_command", metavar="ACTION", required=True)
    for verb, action in (("add", Action.ADD_MEMBER), ("remove", Action.REMOVE_MEMBER)):
        p = grp_sub.add_parser(verb, help=f"{verb} send ports {'to' if verb == 'add' else 'from'} GROUP")
        p.add_argument("group", metavar="GROUP")
        p.add_argument("ports", metavar="PORT", nargs="+")
        p.set_defaults(run=run_members, action=action)

    p = sub.add_parser("rename", help="rename a send port (its groups follow) or, with --group, a group")
    p.add_argument("--group", action="store_true")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.set_defaults(run=run_rename)

    p = sub.add_parser("log", help="show the audit log (who did what, when)")
    p.add_argument("-n", "--limit", type=int, default=None, help="only the last N entries")
    p.set_defaults(run=run_log)


def run_import(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        for path in args.files:
            summary = ws.import_file(path, args.application)
            for line in summary.lines():
                print(line)
    return OK


def run_export(args: argparse.Namespace) -> int:
    check_output(args.output)
    with opened(args) as ws:
        data = ws.export(args.application, args.port, args.group)
    write_output(args.output, data)
    if args.output != "-":
        print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
    return OK


def run_ls(args: argparse.Namespace) -> int:
    try:
        state = State.parse(args.state) if args.state else None
    except ValueError as e:
        raise CliError(str(e)) from None
    with opened(args) as ws:
        entries = ws.entries(args.application, state)
    if args.json:
        json.dump([{**e.as_json(), "address": _shown_address(e.address)} for e in entries], sys.stdout, indent=2)
        print()
        return OK
    rows = [("KIND", "NAME", "APPLICATION", "STATE", "ADAPTER", "ADDRESS")]
    rows += [
        (
            "group" if e.kind is Kind.GROUP else "port",
            e.name,
            e.application,
            e.state.label,
            e.adapter or "",
            _shown_address(e.address) or "",
        )
        for e in entries
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r[:5], widths, strict=True)) + "  " + r[5])
    return OK


def _shown_address(address: str | None) -> str | None:
    """An address as ``ls`` prints it: credentials in it (``ftp://user:pw@host``) masked."""
    return None if address is None else mask_text(address)


def _print_changes(changes: list) -> None:
    finals: dict[tuple[Kind, str], list[State]] = {}
    for c in changes:
        if isinstance(c, Transition):
            finals.setdefault((c.kind, c.name), [c.before, c.after])[1] = c.after
    for (kind, name), (before, after) in finals.items():
        print(f"{kind.label} '{name}': {before.label} -> {after.label}")


def run_lifecycle(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    subjects = [Subject(kind, n) for n in args.names]
    with opened(args) as ws:
        changes = ws.perform(args.action, subjects)
    if args.action is Action.DELETE:
        for s in subjects:
            print(f"deleted {kind.label} '{s.name}'")
    else:
        _print_changes(changes)
        if not changes:
            print("nothing to do")
    return OK


def run_app(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        changes = ws.perform(args.action, application=args.application)
    _print_changes(changes)
    return OK


def run_members(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        ws.perform(args.action, [Subject.port(p) for p in args.ports], group=args.group)
    verb = "added to" if args.action is Action.ADD_MEMBER else "removed from"
    for p in args.ports:
        print(f"send port '{p}' {verb} send port group '{args.group}'")
    return OK


def run_rename(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    with opened(args) as ws:
        ws.rename(kind, args.old, args.new)
    print(f"renamed {kind.label} '{args.old}' to '{args.new}'")
    return OK


def run_log(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        for entry in ws.audit(args.limit):
            print(mask_text(entry.line()))  # a detail may quote an address
    return OK
