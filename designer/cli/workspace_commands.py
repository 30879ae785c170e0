"""Running the workspace commands (``designer.cli.workspace`` declares their arguments)."""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys

from designer.cli.common import OK, CliError, check_output, cli_error, shown, write_output
from designer.cli.opening import import_creates, opened
from model.bindings import BindingFormatError, load
from model.bindings.blanking import blank_bytes
from model.lifecycle import Action, Kind, LifecycleError, State, Subject, Transition
from model.secrets import mask_text
from model.store import Entry, Workspace, WorkspaceError, database


def run_init(args: argparse.Namespace) -> int:
    location = args.location if args.location is not None else args.workspace
    with opened(argparse.Namespace(workspace=location), create=True) as ws:
        made, where = ws.created, ws.place
    print(f"created workspace {shown(where)}" if made else f"{shown(where)} is a workspace already; left as it is")
    return OK


def run_import(args: argparse.Namespace) -> int:
    if args.as_environments:
        from designer.cli.settings_commands import run_import_as_environments

        return run_import_as_environments(args)
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
        with opened(args, create=import_creates(args.workspace)) as ws:
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
    if args.env:
        from designer.cli.settings_commands import export_environment

        data = export_environment(args)  # blanked first, unless --with-secrets; then filled
    else:
        if args.secrets:
            raise CliError("--secrets gives the values of an environment's secrets: use it with --env")
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
        entries = _filtered(ws.entries(args.application, state), args)
    if args.json:
        json.dump(
            [
                {**e.as_json(), "address": _shown_address(e.address)}
                | ({"members": list(e.members)} if e.kind is Kind.GROUP else {})
                for e in entries
            ],
            sys.stdout,
            indent=2,
        )
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


def _filtered(entries: list[Entry], args: argparse.Namespace) -> list[Entry]:
    """``ls``'s filters: kind, adapter, name pattern, a group and its members."""
    out = entries
    if args.kind:
        out = [e for e in out if e.kind.value == args.kind]
    if args.adapter:
        wanted = args.adapter.casefold()
        out = [e for e in out if e.kind is Kind.PORT and (e.adapter or "").casefold() == wanted]
    if args.name:
        pattern = args.name.casefold()
        out = [e for e in out if fnmatch.fnmatchcase(e.name.casefold(), pattern)]
    if args.group:
        group = next((e for e in entries if e.kind is Kind.GROUP and e.name.casefold() == args.group.casefold()), None)
        if group is None:
            raise CliError(f"no send port group named '{shown(args.group)}' in the workspace")
        members = {m.casefold() for m in group.members}
        out = [e for e in out if e is group or (e.kind is Kind.PORT and e.name.casefold() in members)]
    return out


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


#: With --if-needed: the states in which an object already is where the action leads.
_ALREADY = {
    Action.ENLIST: {State.STOPPED, State.STARTED},
    Action.START: {State.STARTED},
    Action.STOP: {State.STOPPED, State.UNENLISTED},
    Action.UNENLIST: {State.UNENLISTED},
}


def _needed(ws: Workspace, action: Action, subjects: list[Subject]) -> tuple[list[Subject], list[str]]:
    """The subjects the action still has to act on, and a line for each one left as it is."""
    view = ws.view()
    todo, left = [], []
    for s in subjects:
        table = view.ports if s.kind is Kind.PORT else view.groups
        info = table.get(s.name)
        if info is None and action is Action.DELETE:
            left.append(f"{s.kind.label} '{shown(s.name)}' does not exist: nothing to delete")
        elif info is not None and info.state in _ALREADY.get(action, ()):
            left.append(f"{s.kind.label} '{shown(s.name)}' is {info.state.label} already")
        else:
            todo.append(s)
    return todo, left


def run_lifecycle(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    subjects = [Subject(kind, n) for n in args.names]
    with opened(args) as ws:
        left: list[str] = []
        if args.if_needed:
            subjects, left = _needed(ws, args.action, subjects)
        changes = ws.perform(args.action, subjects) if subjects else []
    for line in left:
        print(line)
    if args.action is Action.DELETE:
        for s in subjects:
            print(f"deleted {kind.label} '{shown(s.name)}'")
    else:
        _print_changes(changes)
        if not changes and not left:
            print("nothing to do")
    return OK


def run_reference(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        if args.application not in ws.applications():
            raise CliError(f"no application named '{shown(args.application)}'")
        now = set(ws.references().get(args.application, frozenset()))
        wanted = now | set(args.references) if args.verb == "add" else now - set(args.references)
        if args.verb == "remove":
            absent = sorted(set(args.references) - now)
            if absent:
                raise CliError(f"'{shown(args.application)}' does not reference '{shown(absent[0])}'")
        ws.set_references(args.application, sorted(wanted))
    listed = ", ".join(f"'{shown(r)}'" for r in sorted(wanted)) or "no other application"
    print(f"application '{shown(args.application)}' references {listed}")
    return OK


def run_reference_ls(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        apps, refs = ws.applications(), ws.references()
    table = {a: sorted(refs.get(a, frozenset())) for a in apps}
    if args.json:
        print(json.dumps(table, indent=2, ensure_ascii=False))
        return OK
    for app, names in table.items():
        print(f"{shown(app)}: {', '.join(map(shown, names)) or '-'}")
    return OK


def run_new_port(args: argparse.Namespace) -> int:
    from model.adapters import adapter_spec
    from model.domain import SendHandler, new_send_port, replace

    if args.dynamic and (args.address or args.send_handler):
        raise CliError("a dynamic port has no transport: give no --address or --send-handler")
    if not args.dynamic and adapter_spec(args.adapter) is None:
        raise CliError(
            f"--adapter {shown(args.adapter)}: not an adapter Portwright knows (see the README's adapter list)"
        )
    try:
        port = new_send_port(
            args.name,
            adapter=args.adapter,
            address=args.address,
            two_way=args.solicit_response,
            static=not args.dynamic,
            application=args.application,
        )
        if args.send_handler and port.primary_transport is not None:
            transport = replace(port.primary_transport, send_handler=SendHandler(name=args.send_handler))
            port = replace(port, primary_transport=transport)
    except ValueError as e:
        raise CliError(f"new port {shown(args.name)}: {e}") from None
    with opened(args, create=import_creates(args.workspace)) as ws:
        record = ws.create_port(port, args.application)
    print(f"created send port '{shown(args.name)}' in '{shown(record.application)}' (Unenlisted)")
    return OK


def run_new_group(args: argparse.Namespace) -> int:
    from model.domain import SendPortGroup

    try:
        group = SendPortGroup(name=args.name, members=tuple(args.member), application=args.application)
    except ValueError as e:
        raise CliError(f"new group {shown(args.name)}: {e}") from None
    with opened(args, create=import_creates(args.workspace)) as ws:
        record = ws.create_group(group, args.application)
    members = f" with {len(args.member)} member(s)" if args.member else ""
    print(f"created send port group '{shown(args.name)}' in '{shown(record.application)}'{members} (Unenlisted)")
    return OK


def run_new_application(args: argparse.Namespace) -> int:
    with opened(args, create=import_creates(args.workspace)) as ws:
        ws.create_application(args.name, args.reference)
    print(f"created application '{shown(args.name)}'")
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


def run_desired_set(args: argparse.Namespace) -> int:
    word = args.state.strip().casefold()
    try:
        state = None if word in ("as-is", "asis", "none") else State.parse(args.state)
    except ValueError as e:
        raise CliError(f"{e} Or as-is, to leave it as it is.") from None
    kind = Kind.GROUP if args.group else Kind.PORT
    with opened(args) as ws:
        ws.set_desired_states(dict.fromkeys(((kind, n) for n in args.names), state))
    shown_state = state.label if state else "as it is"
    for name in args.names:
        print(f"{'send port group' if args.group else 'send port'} {shown(name)}: after deployment {shown_state}")
    return OK


def run_desired_import(args: argparse.Namespace) -> int:
    from designer.cli.deploy_commands import read_desired

    states = read_desired(args.source, "desired import")
    with opened(args) as ws:
        ws.set_desired_states(dict(states))
    print(f"{len(states)} desired state(s) set from {shown(args.source)}")
    return OK


def run_desired_ls(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        states = ws.desired_states()
    if args.json:
        out: dict[str, dict[str, str]] = {"port": {}, "group": {}}
        for (kind, name), state in sorted(states.items()):
            out[kind.value][name] = state.label
        json.dump(out, sys.stdout, indent=2)
        print()
        return OK
    for (kind, name), state in sorted(states.items()):
        print(f"{kind.value:5}  {state.label:10}  {shown(name)}")
    return OK
