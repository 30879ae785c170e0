"""Running the file commands (``designer.cli.files`` declares their arguments)."""

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
    if args.env:
        if args.files:
            raise CliError("validate --env checks the workspace's binding file for an environment: give no FILE")
        from designer.cli.settings_commands import run_env_validate

        return run_env_validate(args)
    if not args.files:
        raise CliError("validate: give binding files to check, or --env NAME for the workspace")
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
    if args.env:
        if len(args.env) != 2 or args.a or args.b:
            raise CliError("diff --env compares two environments of the workspace: --env A --env B, and no files")
        from designer.cli.settings_commands import run_env_diff

        return run_env_diff(args)
    if not args.a or not args.b:
        raise CliError("diff: give two binding files A and B (or --env A --env B for the workspace)")
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
