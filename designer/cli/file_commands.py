"""Running the file commands (``designer.cli.files`` declares their arguments)."""

from __future__ import annotations

import argparse
import sys

from designer.cli.common import (
    OK,
    REFUSED,
    STDIN,
    STDIN_NAME,
    UNUSABLE,
    CliError,
    binding_source,
    check_output,
    load_binding,
    one_stdin,
    print_json,
    shown,
    unusable,
    write_output,
)
from model.bindings import BindingFormatError, dump
from model.bindings.blanking import blank_bytes
from model.bindings.compare import Report, compare_files
from model.bindings.problems import FileProblem, document_problems
from model.secrets import mask_text
from model.validation import Severity


def run_convert(args: argparse.Namespace) -> int:
    check_output(args.output)
    try:
        doc = load_binding(args.input)
    except BindingFormatError as e:
        raise unusable(e) from None
    data = dump(doc)
    write_output(args.output, data if args.with_secrets else blank_bytes(data))
    return OK


def run_validate(args: argparse.Namespace) -> int:
    if args.env:
        if args.files:
            raise CliError("validate --env checks the workspace's binding file for an environment: give no FILE")
        if args.json:
            raise CliError("validate --json checks binding files: it is not available with --env")
        from designer.cli.settings_commands import run_env_validate

        return run_env_validate(args)
    if not args.files:
        raise CliError("validate: give binding files to check, or --env NAME for the workspace")
    one_stdin("validate", args.files)
    code = OK
    found: list[dict[str, object]] = []  # with --json
    for path in args.files:
        name = STDIN_NAME if path == STDIN else path
        try:
            doc = load_binding(path)
        except BindingFormatError as e:
            if args.json:
                found.append(_unreadable_json(e))
            else:
                print(shown(mask_text(f"{e.path}:{e.line}:{e.column}: error: {e.message}")))
            code = UNUSABLE
            continue
        for problem in document_problems(doc):
            if args.errors_only and problem.severity != Severity.ERROR:
                continue
            if args.json:
                found.append(_problem_json(name, problem))
            else:
                print(shown(mask_text(problem.format(name))))  # a message may quote an address or a name
            if problem.severity == Severity.ERROR and code == OK:
                code = REFUSED
    if args.json:
        print_json(found)
    return code


def _problem_json(file: str, problem: FileProblem) -> dict[str, object]:
    """One problem as ``validate --json`` lists it (see the README's JSON output section)."""
    return {
        "file": file,
        "line": problem.line or 1,
        "column": problem.column or 1,
        "severity": str(problem.severity),
        "code": None,
        "message": problem.message,
        "kind": problem.kind,
        "name": problem.subject,
        "field": problem.field,
    }


def _unreadable_json(e: BindingFormatError) -> dict[str, object]:
    return {
        "file": e.path,
        "line": e.line,
        "column": e.column,
        "severity": str(Severity.ERROR),
        "code": "unreadable",
        "message": e.message,
        "kind": None,
        "name": None,
        "field": None,
    }


def run_diff(args: argparse.Namespace) -> int:
    if args.env:
        if len(args.env) != 2 or args.a or args.b:
            raise CliError("diff --env compares two environments of the workspace: --env A --env B, and no files")
        if args.json:
            raise CliError("diff --json compares binding files: it is not available with --env")
        from designer.cli.settings_commands import run_env_diff

        return run_env_diff(args)
    if not args.a or not args.b:
        raise CliError("diff: give two binding files A and B (or --env A --env B for the workspace)")
    one_stdin("diff", [args.a, args.b])
    try:
        report = compare_files(binding_source(args.a), binding_source(args.b))
    except BindingFormatError as e:
        if e.path == "<bytes>":  # the model names bytes so; here they are standard input
            e = BindingFormatError(STDIN_NAME, e.line, e.column, e.message)
        raise unusable(e) from None
    except OSError as e:  # pragma: no cover - read_source reports these itself
        raise CliError(str(e)) from None
    if args.json:
        print_json(diff_json(report))
        return OK if report.equal else REFUSED
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


#: The collections a report says were reordered, by the kind of their items.
_COLLECTION_KINDS = {"SendPortCollection": "port", "DistributionListCollection": "group"}


def diff_json(report: Report) -> dict[str, object]:
    """A comparison as ``diff --json`` prints it: the text output's facts, one key each. A
    renamed item is in ``renamed`` only, not in ``added`` and ``removed`` (as the text says it)."""
    old = {(kind, a) for kind, a, _ in report.renamed}
    new = {(kind, b) for kind, _, b in report.renamed}
    return {
        "equal": report.equal,
        "count": report.count,
        "added": [{"kind": k, "name": n} for k, n in report.added if (k, n) not in new],
        "removed": [{"kind": k, "name": n} for k, n in report.removed if (k, n) not in old],
        "renamed": [{"kind": k, "old": a, "new": b} for k, a, b in report.renamed],
        "changed": [
            {"kind": kind, "name": name, "property": d.label or d.path, "path": d.path, "change": d.message}
            for (kind, name), diffs in report.changed.items()
            for d in diffs
        ],
        "reordered": [_COLLECTION_KINDS.get(tag, tag) for tag in report.reordered],
        "other": [{"path": d.path, "change": d.message} for d in report.other],
    }
