"""File commands that need no workspace: ``convert``, ``validate``, ``diff``."""

from __future__ import annotations

import argparse
import sys

from designer.cli.common import OK, REFUSED, UNUSABLE, CliError, check_output, shown, unusable, write_output
from model.bindings import BindingFormatError, dump, load
from model.bindings.blanking import blank_bytes
from model.bindings.compare import compare_files
from model.bindings.problems import document_problems
from model.secrets import mask_text
from model.validation import Severity


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "convert",
        help="read a binding file and write it back (no workspace)",
        description="Load a binding file and write it out again, as Portwright writes it: "
        "unchanged content comes back byte for byte.",
    )
    p.add_argument("input", metavar="IN", help="binding file to read")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write ('-' for standard output)")
    p.add_argument(
        "--with-secrets",
        action="store_true",
        help="keep passwords and keys (by default they are blanked, as BizTalk's own export blanks them)",
    )
    p.set_defaults(run=run_convert)

    p = sub.add_parser(
        "validate",
        help="check binding files and list their problems",
        description="List every problem as 'file:line:col: severity: message'. "
        "Exit 1 when there are errors, 2 when a file cannot be read.",
    )
    p.add_argument("files", metavar="FILE", nargs="+", help="binding files to check")
    p.add_argument("--errors-only", action="store_true", help="list errors only, not warnings and notes")
    p.set_defaults(run=run_validate)

    p = sub.add_parser(
        "diff",
        help="compare two binding files by port, group and property",
        description="Semantic comparison: ports and groups added, removed, renamed and changed, "
        "with the changed properties by name; escaped XML compared parsed; Timestamp "
        "ignored; passwords never shown. Exit 0 when the files are the same, 1 when "
        "they differ.",
    )
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing, only set the exit code")
    p.set_defaults(run=run_diff)


def run_convert(args: argparse.Namespace) -> int:
    check_output(args.output)
    try:
        doc = load(args.input)
    except BindingFormatError as e:
        raise unusable(e) from None
    data = dump(doc)
    write_output(args.output, data if args.with_secrets else blank_bytes(data))
    return OK


def run_validate(args: argparse.Namespace) -> int:
    code = OK
    for path in args.files:
        try:
            doc = load(path)
        except BindingFormatError as e:
            print(shown(mask_text(f"{e.path}:{e.line}:{e.column}: error: {e.message}")))
            code = UNUSABLE
            continue
        for problem in document_problems(doc):
            if args.errors_only and problem.severity != Severity.ERROR:
                continue
            print(shown(mask_text(problem.format(path))))  # a message may quote an address or a name
            if problem.severity == Severity.ERROR and code == OK:
                code = REFUSED
    return code


def run_diff(args: argparse.Namespace) -> int:
    try:
        report = compare_files(args.a, args.b)
    except BindingFormatError as e:
        raise unusable(e) from None
    except OSError as e:  # pragma: no cover - read_source reports these itself
        raise CliError(str(e)) from None
    if report.equal:
        if not args.quiet:
            print("no differences")
        return OK
    if not args.quiet:
        for line in report.lines():
            print(line)
        n = report.count
        print(f"{n} difference{'s' if n != 1 else ''}", file=sys.stderr)
    return REFUSED
