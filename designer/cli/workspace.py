"""Workspace commands: import, export, ls, lifecycle, app, delete, group, rename, log."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from designer.cli.common import OK, CliError, check_output, cli_error, shown, whole_number, write_output
from model.bindings import BindingFormatError, load
from model.bindings.blanking import blank_bytes
from model.lifecycle import Action, Kind, LifecycleError, State, Subject, Transition
from model.secrets import mask_text
from model.store import Workspace, WorkspaceError, database


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[Workspace]:
    """The workspace named by --workspace / $PORTWRIGHT_WORKSPACE / the default, with errors
    turned into one-line messages and the right exit codes.

    Nothing is created unless ``create`` says so: a mistyped path or an empty file is an error
    naming ``portwright init``, not a new workspace. The embedded default workspace is the
    exception: it is made on first use."""
    try:
        ws = Workspace(args.workspace, create=create)
    except WorkspaceError as e:
        raise cli_error(e) from None  # unusable, or a conflict (busy) while it was upgraded
    try:
        yield ws
    except (LifecycleError, BindingFormatError, WorkspaceError) as e:
        raise cli_error(e) from None  # refused by a rule, unusable input, or a conflict (retry)
    finally:
        ws.close()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create a workspace (an SQLite file, or the schema in an empty PostgreSQL database)",
        description="Create a new workspace at LOCATION (default: --workspace, $PORTWRIGHT_WORKSPACE, "
        "else the embedded file). An existing workspace is left as it is (and upgraded if it is older); "
        "a file or database that holds something else is refused and left untouched.",
    )
    p.add_argument("location", metavar="LOCATION", nargs="?", help="an SQLite file or an SQLAlchemy URL")
    p.set_defaults(run=run_init)

    p = sub.add_parser(
        "import",
        help="import binding files into the workspace (all or nothing)",
        description="Import binding files as one transaction each. Existing ports are overwritten, "
        "groups get their member lists merged, new ones start unenlisted. A workspace path that "
        "does not exist yet is created (an empty database on a server too).",
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
    p.add_argument(
        "--with-secrets",
        action="store_true",
        help="keep passwords and keys (by default they are blanked, as BizTalk's own export blanks them)",
    )
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
    p.add_argument("-n", "--limit", type=whole_number(), default=None, help="only the last N entries")
    p.set_defaults(run=run_log)


def run_init(args: argparse.Namespace) -> int:
    location = args.location if args.location is not None else args.workspace
    with opened(argparse.Namespace(workspace=location), create=True) as ws:
        made, where = ws.created, ws.place
    print(f"created workspace {shown(where)}" if made else f"{shown(where)} is a workspace already; left as it is")
    return OK


def _import_creates(location: str | None) -> bool:
    """Import makes a workspace where nothing is yet: a path that does not exist, or a server's
    empty database. An empty file or another application's database is still refused."""
    try:
        return database.nothing_there(location) or not database.sqlite_files(database.resolve(location))
    except WorkspaceError as e:
        raise cli_error(e) from None


def run_import(args: argparse.Namespace) -> int:
    # Every file is read and parsed before any is imported: a missing or malformed one stops
    # the command with nothing imported. Each file is then one transaction; when one is
    # refused, the message says which files were imported before it (and are kept).
    docs = []
    for path in args.files:
        try:
            docs.append((path, load(path)))
        except BindingFormatError as e:
            more = f" (nothing was imported: {len(args.files)} files given)" if len(args.files) > 1 else ""
            raise CliError(f"{e}{more}") from None
    done: list[str] = []
    made: str | None = None  # the SQLite file this import created, removed again if nothing goes in
    try:
        with opened(args, create=_import_creates(args.workspace)) as ws:
            made = ws.url if ws.created and database.sqlite_files(ws.url) else None
            for i, (path, doc) in enumerate(docs):
                try:
                    summary = ws.import_document(doc, args.application, path)
                except (LifecycleError, WorkspaceError) as e:
                    if not done:
                        raise
                    rest = [p for p, _ in docs[i:]]
                    raise CliError(
                        f"{e}\nimported and kept: {', '.join(map(shown, done))}; "
                        f"not imported: {', '.join(map(shown, rest))}",
                        cli_error(e).code,
                    ) from None
                if not done and ws.created:
                    print(f"created workspace {shown(ws.place)}")
                done.append(path)
                for line in summary.lines():
                    print(shown(line))
    except CliError:
        if made and not done:  # refused: no workspace left behind where there was none
            database.remove_sqlite_files(database.sqlite_files(made)[0])
        raise
    return OK


def run_export(args: argparse.Namespace) -> int:
    check_output(args.output)
    with opened(args) as ws:
        data = ws.export(args.application, args.port, args.group)
    if not args.with_secrets:
        data = blank_bytes(data)
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
            shown(e.name),
            shown(e.application),
            e.state.label,
            shown(e.adapter or ""),
            shown(_shown_address(e.address) or ""),
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
        print(f"{kind.label} '{shown(name)}': {before.label} -> {after.label}")


def run_lifecycle(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    subjects = [Subject(kind, n) for n in args.names]
    with opened(args) as ws:
        changes = ws.perform(args.action, subjects)
    if args.action is Action.DELETE:
        for s in subjects:
            print(f"deleted {kind.label} '{shown(s.name)}'")
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
        print(f"send port '{shown(p)}' {verb} send port group '{shown(args.group)}'")
    return OK


def run_rename(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    with opened(args) as ws:
        ws.rename(kind, args.old, args.new)
    print(f"renamed {kind.label} '{shown(args.old)}' to '{shown(args.new)}'")
    return OK


def run_log(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        for entry in ws.audit(args.limit):
            print(shown(mask_text(entry.line())))  # a detail may quote an address
    return OK
