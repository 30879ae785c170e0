"""Workspace commands: import, export, ls, lifecycle, app, delete, group, rename, log (their
arguments; ``designer.cli.workspace_commands`` runs them)."""

from __future__ import annotations

import argparse

from designer.cli.common import later, whole_number
from designer.cli.settings_args import add_environment_options
from model.lifecycle import Action

_RUN = "designer.cli.workspace_commands"
_IF_NEEDED = (
    "those already in the state the action leads to are no error and are left as they are "
    "(scripts re-run); the others still follow BizTalk's rules"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create a workspace (an SQLite file, or the schema in an empty PostgreSQL database)",
        description="Create a new workspace at LOCATION (default: --workspace, $PORTWRIGHT_WORKSPACE, "
        "else the embedded file). An existing workspace is left as it is (and upgraded if it is older); "
        "a file or database that holds something else is refused and left untouched.",
    )
    p.add_argument("location", metavar="LOCATION", nargs="?", help="an SQLite file or an SQLAlchemy URL")
    p.set_defaults(run=later(_RUN, "run_init"))

    p = sub.add_parser(
        "import",
        help="import binding files into the workspace (all or nothing)",
        description="Import binding files as one transaction each. Existing ports are overwritten, "
        "groups get their member lists merged, new ones start unenlisted. A workspace path that "
        "does not exist yet is created (an empty database on a server too).",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="binding files ('-' for standard input)")
    p.add_argument("-a", "--application", metavar="APP", help="put everything in this application")
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    p.add_argument(
        "--json",
        action="store_true",
        help="a JSON object: {workspace_created, files: [{file, created, replaced, merged, applications}]}",
    )
    p.add_argument(
        "--as-environments",
        action="store_true",
        help="the files are one design per environment (Dev.xml Test.xml Prod.xml, named by their "
        "file names): import one design with a setting for every value that differs",
    )
    p.set_defaults(run=later(_RUN, "run_import"))

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
    p.add_argument("-q", "--quiet", action="store_true", help="print only errors (not the 'wrote' line)")
    add_environment_options(p)
    p.set_defaults(run=later(_RUN, "run_export"))

    p = sub.add_parser(
        "ls",
        help="list send ports and groups",
        description="List send ports and send port groups with their state, adapter and address.",
    )
    p.add_argument("-a", "--application", metavar="APP")
    p.add_argument("--state", metavar="STATE", help="Unenlisted, Stopped or Started")
    p.add_argument("--kind", choices=("port", "group"), help="only send ports, or only send port groups")
    p.add_argument("--adapter", metavar="NAME", help="only send ports using this adapter (e.g. FILE, WCF-SQL)")
    p.add_argument("--name", metavar="GLOB", help="only names matching this pattern (*, ?; case-insensitive)")
    p.add_argument("--group", metavar="NAME", help="only the members of this send port group (and the group)")
    p.add_argument("--json", action="store_true", help="a JSON list of objects (groups with their members)")
    p.set_defaults(run=later(_RUN, "run_ls"))

    for action in (Action.ENLIST, Action.UNENLIST, Action.START, Action.STOP):
        p = sub.add_parser(
            action.value,
            help=f"{action.label.lower()} send ports (or groups with --group)",
            description=f"{action.label} send ports, or send port groups with --group, under "
            "BizTalk's rules. A refused action changes nothing.",
        )
        p.add_argument("--group", action="store_true", help="the names are send port groups")
        p.add_argument("names", metavar="NAME", nargs="+")
        p.add_argument("--if-needed", action="store_true", help=_IF_NEEDED)
        _add_json(p)
        p.set_defaults(run=later(_RUN, "run_lifecycle"), action=action)

    p = sub.add_parser(
        "delete",
        help="delete send ports (or groups with --group)",
        description="Delete unenlisted send ports that are in no group and bound to no "
        "orchestration, or unenlisted groups (their members stay).",
    )
    p.add_argument("--group", action="store_true")
    p.add_argument("names", metavar="NAME", nargs="+")
    p.add_argument("--if-needed", action="store_true", help="names that do not exist are no error (scripts re-run)")
    _add_json(p)
    p.set_defaults(run=later(_RUN, "run_lifecycle"), action=Action.DELETE)

    app = sub.add_parser("app", help="start or stop a whole application; its references")
    app_sub = app.add_subparsers(dest="app_command", metavar="ACTION", required=True)
    for verb, action in (("start", Action.START_APPLICATION), ("stop", Action.STOP_APPLICATION)):
        p = app_sub.add_parser(verb, help=f"{verb} every send port and group of APP")
        p.add_argument("application", metavar="APP")
        _add_json(p)
        p.set_defaults(run=later(_RUN, "run_app"), action=action)
    ref = app_sub.add_parser(
        "reference",
        help="the applications APP references (a group may then list their send ports)",
        description="Add or remove references of APP to other applications of the workspace, as the "
        "Administration Console's References page does; 'app reference ls' lists them.",
    )
    ref_sub = ref.add_subparsers(dest="reference_command", metavar="ACTION", required=True)
    for verb in ("add", "remove"):
        p = ref_sub.add_parser(verb, help=f"{verb} references of APP to the applications REF")
        p.add_argument("application", metavar="APP")
        p.add_argument("references", metavar="REF", nargs="+")
        p.set_defaults(run=later(_RUN, "run_reference"), verb=verb)
    p = ref_sub.add_parser("ls", help="every application and the applications it references")
    p.add_argument("--json", action="store_true", help="a JSON object: {application: [references]}")
    p.set_defaults(run=later(_RUN, "run_reference_ls"))

    new = sub.add_parser(
        "new",
        help="create a send port, a send port group or an application",
        description="Create a new object as the Administration Console would, with BizTalk's defaults; "
        "ports and groups start unenlisted. Refused, naming it, when the name is taken.",
    )
    new_sub = new.add_subparsers(dest="new_command", metavar="KIND", required=True)
    p = new_sub.add_parser("port", help="a new send port")
    p.add_argument("name", metavar="NAME")
    p.add_argument("-a", "--application", metavar="APP", help="its application (created if missing)")
    p.add_argument("--adapter", metavar="NAME", default="FILE", help="the primary transport's adapter (default FILE)")
    p.add_argument("--address", metavar="URI", default="", help="the primary transport's address")
    p.add_argument("--send-handler", metavar="HOST", help="the host that sends (default: the adapter's default)")
    p.add_argument("--solicit-response", action="store_true", help="a two-way port (default: one-way)")
    p.add_argument(
        "--dynamic", action="store_true", help="a dynamic port (no transport: the address comes at run time)"
    )
    p.set_defaults(run=later(_RUN, "run_new_port"))
    p = new_sub.add_parser("group", help="a new send port group")
    p.add_argument("name", metavar="NAME")
    p.add_argument("-a", "--application", metavar="APP", help="its application (created if missing)")
    p.add_argument("--member", metavar="PORT", action="append", default=[], help="a member (repeatable)")
    p.set_defaults(run=later(_RUN, "run_new_group"))
    p = new_sub.add_parser("application", help="a new, empty application")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--reference", metavar="APP", action="append", default=[], help="an application it references")
    p.set_defaults(run=later(_RUN, "run_new_application"))

    grp = sub.add_parser("group", help="add or remove send ports of a group")
    grp_sub = grp.add_subparsers(dest="group_command", metavar="ACTION", required=True)
    for verb, action in (("add", Action.ADD_MEMBER), ("remove", Action.REMOVE_MEMBER)):
        p = grp_sub.add_parser(verb, help=f"{verb} send ports {'to' if verb == 'add' else 'from'} GROUP")
        p.add_argument("group", metavar="GROUP")
        p.add_argument("ports", metavar="PORT", nargs="+")
        _add_json(p)
        p.set_defaults(run=later(_RUN, "run_members"), action=action)

    desired = sub.add_parser(
        "desired",
        help="the state ports and groups should have after deployment",
        description="Desired states (Started, Stopped = enlisted, Unenlisted, or as-is: left as it is), kept "
        "with the design and followed by deployment plans.",
    )
    verbs = desired.add_subparsers(dest="desired_command", metavar="COMMAND", required=True)
    p = verbs.add_parser("set", help="set the desired state of send ports (or groups with --group)")
    p.add_argument("state", metavar="STATE", help="Started, Stopped (Enlisted), Unenlisted or as-is")
    p.add_argument("names", metavar="NAME", nargs="+")
    p.add_argument("--group", action="store_true", help="the names are send port groups")
    p.set_defaults(run=later(_RUN, "run_desired_set"))
    p = verbs.add_parser("ls", help="list desired states")
    p.add_argument("--json", action="store_true", help="a JSON object: {kind: {name: state}}")
    p.set_defaults(run=later(_RUN, "run_desired_ls"))
    p = verbs.add_parser(
        "import",
        help="set desired states from a JSON file as 'desired ls --json' prints it (all or nothing; "
        "the others are kept)",
    )
    p.add_argument("source", metavar="DESIRED.json")
    p.set_defaults(run=later(_RUN, "run_desired_import"))

    p = sub.add_parser("rename", help="rename a send port (its groups follow) or, with --group, a group")
    p.add_argument("--group", action="store_true")
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    _add_json(p)
    p.set_defaults(run=later(_RUN, "run_rename"))

    p = sub.add_parser(
        "log",
        help="show the audit log (who did what, when)",
        description="The audit log, oldest first, with times in local time and their UTC offset "
        "(2026-12-08 01:11:46 +01:00), or in UTC with --utc (2026-12-08 00:11:46Z).",
    )
    p.add_argument("-n", "--limit", type=whole_number(), default=None, help="only the last N entries")
    p.add_argument("--utc", action="store_true", help="times in UTC (with a Z), not in local time")
    p.add_argument(
        "--json",
        action="store_true",
        help="a JSON list: {at (ISO 8601 with its offset), user, operation, kind, name, before, after, detail}",
    )
    p.set_defaults(run=later(_RUN, "run_log"))


def _add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--json",
        action="store_true",
        help="a JSON object: {changes: [{kind, name, property, before, after}], left_as_is: [...]}",
    )
