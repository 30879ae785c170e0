"""File commands that need no workspace: ``convert``, ``validate``, ``diff`` (their arguments;
``designer.cli.file_commands`` runs them)."""

from __future__ import annotations

import argparse

from designer.cli.common import later

_RUN = "designer.cli.file_commands"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "convert",
        help="read a binding file and write it back (no workspace)",
        description="Load a binding file and write it out again, as Portwright writes it: "
        "unchanged content comes back byte for byte.",
    )
    p.add_argument("input", metavar="IN", help="binding file to read ('-' for standard input)")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write ('-' for standard output)")
    p.add_argument(
        "--with-secrets",
        action="store_true",
        help="keep passwords and keys (by default they are blanked, as BizTalk's own export blanks them)",
    )
    p.set_defaults(run=later(_RUN, "run_convert"))

    p = sub.add_parser(
        "validate",
        help="check binding files and list their problems",
        description="List every problem as 'file:line:col: severity: message'. "
        "Exit 1 when there are errors, 2 when a file cannot be read.",
    )
    p.add_argument("files", metavar="FILE", nargs="*", help="binding files to check ('-' for standard input)")
    p.add_argument("--errors-only", action="store_true", help="list errors only, not warnings and notes")
    p.add_argument(
        "--env",
        metavar="NAME",
        help="check the workspace's binding file for that environment instead (and name every setting "
        "or secret it would miss)",
    )
    p.add_argument("-a", "--application", metavar="APP", action="append", default=[], help="with --env; repeatable")
    p.add_argument("--secrets", metavar="FILE", help="with --env: values of secret settings (XmlPreprocess file)")
    p.add_argument(
        "--json",
        action="store_true",
        help="a JSON list of problems: {file, line, column, severity, code, message, kind, name, field}",
    )
    p.set_defaults(run=later(_RUN, "run_validate"))

    p = sub.add_parser(
        "diff",
        help="compare two binding files by port, group and property",
        description="Semantic comparison: ports and groups added, removed, renamed and changed, "
        "with the changed properties by name; escaped XML compared parsed; Timestamp "
        "ignored; passwords never shown. Exit 0 when the files are the same, 1 when "
        "they differ.",
    )
    p.add_argument("a", metavar="A", nargs="?", help="binding file ('-' for standard input, for A or B)")
    p.add_argument("b", metavar="B", nargs="?")
    output = p.add_mutually_exclusive_group()
    output.add_argument("-q", "--quiet", action="store_true", help="print nothing, only set the exit code")
    output.add_argument(
        "--json",
        action="store_true",
        help="a JSON object: {equal, count, added, removed, renamed, changed, reordered, other}",
    )
    p.add_argument(
        "--env",
        metavar="NAME",
        action="append",
        default=[],
        help="twice (--env Test --env Prod): compare the workspace's binding files for two environments",
    )
    p.add_argument("-a", "--application", metavar="APP", action="append", default=[], help="with --env; repeatable")
    p.add_argument("--secrets", metavar="FILE", help="with --env: values of secret settings (XmlPreprocess file)")
    p.set_defaults(run=later(_RUN, "run_diff"))
