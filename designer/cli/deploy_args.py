"""``portwright check``, ``plan`` and ``drift``: the design against a target BizTalk group
(their arguments; ``designer.cli.deploy_commands`` runs them)."""

from __future__ import annotations

import argparse

from designer.cli.common import later

_RUN = "designer.cli.deploy_commands"

_TARGET_HELP = (
    "the target group described in files: a JSON file of hosts, send handlers, adapters, "
    "applications and states (see the README, 'Deployment'), with its exported binding file"
)


def _target_arguments(p: argparse.ArgumentParser) -> None:
    target = p.add_argument_group("target (one of)")
    where = target.add_mutually_exclusive_group(required=True)
    where.add_argument("--target", metavar="TARGET.json", help=_TARGET_HELP)
    where.add_argument(
        "--server", metavar="URL", help="a live group's Management REST API (…/BizTalkManagementService)"
    )
    where.add_argument("--profile", metavar="NAME", help="a saved connection (portwright connection add)")
    target.add_argument(
        "--bindings",
        metavar="EXPORT.xml",
        help="with --target: the group's exported binding file (default: the JSON's 'bindings' key)",
    )
    connection = p.add_argument_group("live connection (with --server, or to override --profile)")
    _connection_options(connection, auth_default=None)
    connection.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (else the keyring, else it is asked)",
    )


def _connection_options(p: argparse._ActionsContainer, *, auth_default: str | None) -> None:
    """How to reach and sign in to a live group (``--server``, ``connection add``)."""
    p.add_argument(
        "--auth", choices=("negotiate", "ntlm", "basic", "none"), default=auth_default, help="default: negotiate"
    )
    p.add_argument("--user", metavar="DOMAIN\\NAME", help="the account (default: the logged-on user)")
    p.add_argument("--ca-bundle", metavar="PEM", help="trust this CA bundle for TLS")
    p.add_argument("--insecure", action="store_true", help="do not verify the server's TLS certificate")
    p.add_argument("--timeout", metavar="SECONDS", type=float, default=30.0, help="per request (default 30)")


def _design_arguments(p: argparse.ArgumentParser) -> None:
    _target_arguments(p)
    design = p.add_argument_group("design")
    design.add_argument("file", metavar="FILE", nargs="?", help="a binding file (default: the workspace)")
    design.add_argument(
        "-a",
        "--application",
        metavar="APP",
        action="append",
        default=[],
        help="only these applications of the design (repeatable; default: all)",
    )
    design.add_argument("--env", metavar="NAME", help="the workspace's binding file for that environment")
    design.add_argument("--secrets", metavar="FILE", help="with --env: values of secret settings (XmlPreprocess file)")
    design.add_argument(
        "--desired",
        metavar="DESIRED.json",
        help="with FILE: desired states, as 'portwright desired ls --json' prints them (default: left as they are)",
    )
    p.add_argument("--json", action="store_true", help="print JSON (see the README for the schema)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check",
        help="pre-flight: every reason importing the design into a target group would fail",
        description="List what an import of the design into the target would trip on: unknown hosts, "
        "trust-level mismatches, adapters not registered, missing send handlers, missing mandatory "
        "settings or passwords, missing application references, names owned by another application. "
        "Exit 1 when there are errors.",
    )
    _design_arguments(p)
    p.set_defaults(run=later(_RUN, "run_check"))

    p = sub.add_parser(
        "plan",
        help="the ordered steps that take a target group to the design",
        description="Compare the design (and its desired states) with the target and print the ordered, "
        "minimal steps that reach it under BizTalk's rules (stop before unenlist, unenlist and remove "
        "from groups before delete, a started group keeps an enlisted member). Nothing is changed. "
        "Exit 1 when the design cannot be reached under the rules.",
    )
    _design_arguments(p)
    p.add_argument(
        "--script",
        metavar="OUT.ps1",
        help="also write an idempotent PowerShell script applying the plan (with -WhatIf), and the "
        "design's binding file beside it (OUT.bindings.xml)",
    )
    p.add_argument(
        "--with-secrets",
        action="store_true",
        help="with --script: keep passwords in the binding file beside it (by default they are blanked)",
    )
    p.add_argument(
        "--apply",
        action="store_true",
        help="with --server or --profile: apply the plan step by step (each step reads the live "
        "object first and stops on a change made meanwhile)",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="with --apply: check each step against the group, change nothing"
    )
    p.set_defaults(run=later(_RUN, "run_plan"))

    p = sub.add_parser(
        "drift",
        help="what differs between a target group and the design",
        description="Per port and group, the states and the properties in which the target differs from "
        "the design (the same comparison as 'portwright diff'; passwords never shown). "
        "Exit 0 when they match, 1 when they differ.",
    )
    _design_arguments(p)
    p.set_defaults(run=later(_RUN, "run_drift"))

    p = sub.add_parser(
        "snapshot",
        help="save what a target group has as a target file",
        description="Read the target (a live group, or files) and write TARGET.json and its binding file "
        "TARGET.bindings.xml beside it (passwords blanked), for 'check', 'plan' and 'drift' later.",
    )
    _target_arguments(p)
    p.add_argument("-o", "--output", metavar="TARGET.json", required=True, help="the target file to write")
    p.set_defaults(run=later(_RUN, "run_snapshot"))

    p = sub.add_parser(
        "pull",
        help="import a target group's ports and groups into the workspace",
        description="Bring what the target has (a live group, or a target file) into the workspace, through "
        "the workspace's import and its rules: ports and groups it lacks are created; those it has alike "
        "are left; those that differ are listed, and replaced with --replace (passwords, which BizTalk "
        "never gives back, are kept from the workspace). One transaction, audited.",
    )
    _target_arguments(p)
    p.add_argument(
        "-a", "--application", metavar="APP", action="append", default=[], help="only these applications (repeatable)"
    )
    p.add_argument("--replace", action="store_true", help="replace the workspace's ports and groups that differ")
    p.add_argument(
        "--desired-from-target",
        action="store_true",
        help="also record the target's states as the desired states of what was pulled",
    )
    p.add_argument("--dry-run", action="store_true", help="say what would be imported, change nothing")
    p.set_defaults(run=later(_RUN, "run_pull"))

    conn = sub.add_parser(
        "connection",
        help="saved connections to live groups (never with a password)",
        description="Connections to BizTalk groups' Management REST API, saved in connections.json in your "
        "config folder for --profile. A password is never written there: it is kept in the OS keyring "
        "(--remember-password) or asked each time.",
    )
    verbs = conn.add_subparsers(dest="connection_command", metavar="COMMAND", required=True)
    p = verbs.add_parser("add", help="save (or replace) a connection")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--url", required=True, help="https://SERVER/BizTalkManagementService")
    _connection_options(p, auth_default="negotiate")
    p.add_argument(
        "--remember-password", action="store_true", help="ask for the password and keep it in the OS keyring"
    )
    p.add_argument(
        "--password-stdin", action="store_true", help="with --remember-password: read it from standard input"
    )
    p.set_defaults(run=later("designer.cli.live", "run_connection_add"))
    p = verbs.add_parser("ls", help="list saved connections")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=later("designer.cli.live", "run_connection_ls"))
    p = verbs.add_parser("rm", help="remove a saved connection and its keyring password")
    p.add_argument("name", metavar="NAME")
    p.set_defaults(run=later("designer.cli.live", "run_connection_rm"))
