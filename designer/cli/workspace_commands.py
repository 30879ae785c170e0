"""Running the workspace commands (``designer.cli.workspace`` declares their arguments)."""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import io
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from designer.cli import progress
from designer.cli.common import (
    OK,
    STDIN,
    STDIN_NAME,
    CliError,
    check_output,
    cli_error,
    load_binding,
    one_stdin,
    print_json,
    shown,
    write_output,
)
from designer.cli.opening import import_creates, opened
from model.bindings import BindingDocument, BindingFormatError
from model.bindings.blanking import blank_bytes
from model.lifecycle import Action, Change, Deletion, Kind, LifecycleError, State, Subject, Transition
from model.secrets import mask_text
from model.store import Entry, Workspace, WorkspaceError, database
from model.store.records import DEFAULT_APPLICATION, AuditEntry, ImportSummary


def run_init(args: argparse.Namespace) -> int:
    location = args.location if args.location is not None else args.workspace
    with opened(argparse.Namespace(workspace=location), create=True) as ws:
        made, where = ws.created, ws.place
    print(f"created workspace {shown(where)}" if made else f"{shown(where)} is a workspace already; left as it is")
    return OK


#: From this many objects created, replaced and merged, ``import`` prints one summary line
#: instead of a line for each.
SUMMARY_FROM = 50


def run_import(args: argparse.Namespace) -> int:
    if args.as_environments:
        if args.json:
            raise CliError("import --json is not available with --as-environments")
        from designer.cli.settings_commands import run_import_as_environments

        if args.quiet:  # only errors, which come as a CliError on standard error
            with contextlib.redirect_stdout(io.StringIO()):
                return run_import_as_environments(args)
        return run_import_as_environments(args)
    one_stdin("import", args.files)
    # Every file is read and parsed before any is imported: a missing or malformed one stops
    # the command with nothing imported. Each file is then one transaction; when one is
    # refused, the message says which files were imported before it (and are kept).
    docs: list[tuple[str, BindingDocument]] = []
    for path in args.files:
        try:
            docs.append((STDIN_NAME if path == STDIN else path, load_binding(path)))
        except BindingFormatError as e:
            more = f" (nothing was imported: {len(args.files)} files given)" if len(args.files) > 1 else ""
            raise CliError(f"{e}{more}") from None
    talk = not (args.quiet or args.json)
    done: list[str] = []
    imported: list[dict[str, object]] = []  # with --json
    made: str | None = None  # the SQLite file this import created, removed again if nothing goes in
    created = False
    try:
        with opened(args, create=import_creates(args.workspace)) as ws:
            created = ws.created
            made = ws.url if ws.created and database.sqlite_files(ws.url) else None
            for i, (path, doc) in enumerate(docs):
                bar = _import_progress(args, path, doc)
                try:
                    summary = ws.import_document(doc, args.application, path, progress=bar)
                except (LifecycleError, WorkspaceError) as e:
                    if not done:
                        raise
                    if args.json:  # what is kept, before the error that stopped the rest
                        print_json({"workspace_created": created, "files": imported})
                    rest = [p for p, _ in docs[i:]]
                    raise CliError(
                        f"{e}\nimported and kept: {', '.join(map(shown, done))}; "
                        f"not imported: {', '.join(map(shown, rest))}",
                        cli_error(e).code,
                    ) from None
                finally:
                    if bar is not None:
                        bar.close()
                if not done and ws.created and talk:
                    print(f"created workspace {shown(ws.place)}")
                done.append(path)
                if args.json:
                    imported.append(_import_json(summary))
                elif talk:
                    _print_import(summary, doc, args.application)
    except CliError:
        if made and not done:  # refused: no workspace left behind where there was none
            database.remove_sqlite_files(database.sqlite_files(made)[0])
        raise
    if args.json:
        print_json({"workspace_created": created, "files": imported})
    return OK


def _import_progress(args: argparse.Namespace, path: str, doc: BindingDocument) -> progress.ProgressLine | None:
    """A progress line for a large import, when someone watches standard error (not with -q)."""
    total = len(doc.send_ports) + len(doc.groups)
    if args.quiet or total <= progress.FROM_OBJECTS or not progress.wanted():
        return None
    bar = progress.ProgressLine(f"importing {shown(path)}")
    bar(0, total)
    return bar


def _print_import(summary: ImportSummary, doc: BindingDocument, application: str | None) -> None:
    """A line for each object imported; from :data:`SUMMARY_FROM` objects, one line for all of
    them instead. The last line, the file's totals, is the same either way."""
    lines = summary.lines()
    if len(summary.created) + len(summary.replaced) + len(summary.merged) <= SUMMARY_FROM:
        for line in lines:
            print(shown(line))
        return
    homes = {(Kind.PORT, p.name): application or p.application or DEFAULT_APPLICATION for p in doc.send_ports} | {
        (Kind.GROUP, g.name): application or g.application or DEFAULT_APPLICATION for g in doc.groups
    }
    ports = sum(1 for k, _ in summary.created if k is Kind.PORT)
    groups = len(summary.created) - ports
    apps = len({homes.get(c, DEFAULT_APPLICATION) for c in summary.created})
    new = len(summary.applications)
    made = (
        f"created {_count(ports, 'send port')} and {_count(groups, 'send port group')} "
        f"in {_count(apps, 'application')} ({new:,} new)"
        if summary.created
        else "created nothing"
    )
    print(f"{made}; replaced {len(summary.replaced):,}; merged {len(summary.merged):,}")
    print(shown(lines[-1]))


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _import_json(summary: ImportSummary) -> dict[str, object]:
    """One file as ``import --json`` reports it (see the README's JSON output section)."""
    return {
        "file": summary.source,
        "created": [{"kind": k.value, "name": n} for k, n in summary.created],
        "replaced": [{"kind": k.value, "name": n} for k, n in summary.replaced],
        "merged": [{"group": g, "added": list(added)} for g, added in summary.merged],
        "applications": list(summary.applications),
    }


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
    if args.output != "-" and not args.quiet:
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


def _finals(changes: Sequence[Change]) -> dict[tuple[Kind, str], list[State]]:
    """Each object's state before the first and after the last of its steps, in step order."""
    finals: dict[tuple[Kind, str], list[State]] = {}
    for c in changes:
        if isinstance(c, Transition):
            finals.setdefault((c.kind, c.name), [c.before, c.after])[1] = c.after
    return finals


def _print_changes(changes: Sequence[Change]) -> None:
    for (kind, name), (before, after) in _finals(changes).items():
        print(f"{kind.label} '{shown(name)}': {before.label} -> {after.label}")


def _changes_json(changes: Sequence[Change]) -> list[dict[str, object]]:
    """State changes as the lifecycle commands' ``--json`` lists them; a deletion's ``after`` is null."""
    out: list[dict[str, object]] = [
        {"kind": kind.value, "name": name, "property": "state", "before": before.label, "after": after.label}
        for (kind, name), (before, after) in _finals(changes).items()
    ]
    out += [
        {"kind": c.kind.value, "name": c.name, "property": "state", "before": State.UNENLISTED.label, "after": None}
        for c in changes
        if isinstance(c, Deletion)  # only an unenlisted object can be deleted
    ]
    return out


def _lifecycle_json(changes: list[dict[str, object]], left: Sequence[_Left] = ()) -> dict[str, object]:
    return {
        "changes": changes,
        "left_as_is": [
            {"kind": x.kind.value, "name": x.name, "state": x.state.label if x.state else None, "reason": x.reason}
            for x in left
        ],
    }


#: With --if-needed: the states in which an object already is where the action leads.
_ALREADY = {
    Action.ENLIST: {State.STOPPED, State.STARTED},
    Action.START: {State.STARTED},
    Action.STOP: {State.STOPPED, State.UNENLISTED},
    Action.UNENLIST: {State.UNENLISTED},
}


@dataclass(frozen=True)
class _Left:
    """One object --if-needed left as it is: its state (None: it does not exist) and why, in words."""

    kind: Kind
    name: str
    state: State | None
    reason: str


def _needed(ws: Workspace, action: Action, subjects: list[Subject]) -> tuple[list[Subject], list[_Left]]:
    """The subjects the action still has to act on, and those left as they are."""
    view = ws.view()
    todo: list[Subject] = []
    left: list[_Left] = []
    for s in subjects:
        table = view.ports if s.kind is Kind.PORT else view.groups
        info = table.get(s.name)
        if info is None and action is Action.DELETE:
            left.append(_Left(s.kind, s.name, None, "does not exist: nothing to delete"))
        elif info is not None and info.state in _ALREADY.get(action, ()):
            left.append(_Left(s.kind, s.name, info.state, f"is {info.state.label} already"))
        else:
            todo.append(s)
    return todo, left


def run_lifecycle(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    subjects = [Subject(kind, n) for n in args.names]
    with opened(args) as ws:
        left: list[_Left] = []
        if args.if_needed:
            subjects, left = _needed(ws, args.action, subjects)
        changes = ws.perform(args.action, subjects) if subjects else []
    if args.json:
        print_json(_lifecycle_json(_changes_json(changes), left))
        return OK
    for x in left:
        print(f"{x.kind.label} '{shown(x.name)}' {x.reason}")
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
    if args.json:
        print_json(_lifecycle_json(_changes_json(changes)))
        return OK
    _print_changes(changes)
    return OK


def run_members(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        before = _members(ws, args.group) if args.json else ()
        ws.perform(args.action, [Subject.port(p) for p in args.ports], group=args.group)
        if args.json:
            change = {"kind": Kind.GROUP.value, "name": args.group, "property": "members"}
            print_json(_lifecycle_json([{**change, "before": list(before), "after": list(_members(ws, args.group))}]))
            return OK
    verb = "added to" if args.action is Action.ADD_MEMBER else "removed from"
    for p in args.ports:
        print(f"send port '{shown(p)}' {verb} send port group '{shown(args.group)}'")
    return OK


def _members(ws: Workspace, group: str) -> tuple[str, ...]:
    """The members of ``group`` now (none when there is no such group: perform then names it)."""
    info = ws.view().groups.get(group)
    return info.members if info is not None else ()


def run_rename(args: argparse.Namespace) -> int:
    kind = Kind.GROUP if args.group else Kind.PORT
    with opened(args) as ws:
        ws.rename(kind, args.old, args.new)
    if args.json:
        change = {"kind": kind.value, "name": args.new, "property": "name", "before": args.old, "after": args.new}
        print_json(_lifecycle_json([change]))
        return OK
    print(f"renamed {kind.label} '{shown(args.old)}' to '{shown(args.new)}'")
    return OK


def run_log(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        entries = ws.audit(args.limit)
    if args.json:
        print_json([_entry_json(e, args.utc) for e in entries])  # every string masked
        return OK
    for entry in entries:
        # AuditEntry.line() writes the stored UTC time as "YYYY-MM-DD HH:MM:SS"; it is shown
        # in local time with its offset (or in UTC with a Z) instead, the rest as it is.
        rest = entry.line().split(" ", 2)[2]
        print(shown(mask_text(f"{_log_time(entry.at, args.utc)} {rest}")))  # a detail may quote an address
    return OK


def _at(moment: datetime, utc: bool) -> datetime:
    """A stored time (UTC; a naive one is UTC too) in local time, or in UTC."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC) if utc else aware.astimezone()


def _offset(moment: datetime) -> str:
    """``+01:00``, ``-05:30``: the UTC offset of an aware time."""
    delta = moment.utcoffset()
    minutes = round(delta.total_seconds() / 60) if delta is not None else 0
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _log_time(moment: datetime, utc: bool) -> str:
    """``2026-12-08 01:11:46 +01:00`` in local time; ``2026-12-08 00:11:46Z`` with ``utc``."""
    at = _at(moment, utc)
    return f"{at:%Y-%m-%d %H:%M:%S}Z" if utc else f"{at:%Y-%m-%d %H:%M:%S} {_offset(at)}"


def _entry_json(entry: AuditEntry, utc: bool) -> dict[str, object]:
    """One audit entry as ``log --json`` lists it: ``at`` in ISO 8601 with its offset."""
    at = _at(entry.at, utc)
    stamp = f"{at:%Y-%m-%dT%H:%M:%S}Z" if utc else f"{at:%Y-%m-%dT%H:%M:%S}{_offset(at)}"
    return {
        "at": stamp,
        "user": entry.user,
        "operation": entry.operation,
        "kind": entry.kind,
        "name": entry.name,
        "before": entry.before,
        "after": entry.after,
        "detail": entry.detail,
    }


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
