"""Running ``portwright settings`` and ``export --env`` (``designer.cli.settings_args``
declares their arguments)."""

from __future__ import annotations

import argparse
import json
import sys

from designer.cli.common import OK, REFUSED, UNUSABLE, CliError, check_output, shown, write_output
from designer.cli.opening import opened
from model.environments import settings_file
from model.environments.preprocess import PreprocessError
from model.environments.produce import variable_for
from model.environments.table import SettingsError, SettingsTable

SECRET = "(secret)"


def settings_error(e: SettingsError | PreprocessError) -> CliError:
    return CliError(str(e), REFUSED if isinstance(e, PreprocessError) else UNUSABLE)


def run_import(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        try:
            sheet, dropped = ws.environments.import_file(
                args.file, args.application, environment=args.env, with_secrets=args.with_secrets
            )
        except SettingsError as e:
            raise settings_error(e) from None
    where = f"application {shown(sheet.scope)}" if sheet.scope else "the workspace"
    table = sheet.table
    print(
        f"imported {len(table.settings)} setting(s) for {len(table.environments)} environment(s) "
        f"({', '.join(shown(e.name) for e in table.environments)}) into {where}"
    )
    if dropped:
        print(
            f"not kept, give them at export time (--secrets FILE or {variable_for(dropped[0])}...): "
            + ", ".join(shown(n) for n in dropped),
            file=sys.stderr,
        )
    return OK


def run_export(args: argparse.Namespace) -> int:
    check_output(args.output)
    with opened(args) as ws:
        try:
            data = ws.environments.export_settings(args.application, args.format, args.env)
        except SettingsError as e:
            raise settings_error(e) from None
    write_output(args.output, data)
    if args.output != "-":
        print(f"wrote {args.output} ({len(data):,} bytes)", file=sys.stderr)
    return OK


def _value(table: SettingsTable, name: str, env: str | None) -> str | None:
    setting = table.setting(name)
    if setting is None:
        return None
    if setting.secret:
        return SECRET
    return setting.default if env is None else setting.value_in(env)


def run_ls(args: argparse.Namespace) -> int:
    with opened(args) as ws:
        sheets = [ws.environments.sheet(args.application)] if args.application else ws.environments.sheets()
    found = [s for s in sheets if s is not None]
    if args.json:
        out = [
            {
                "application": s.scope or None,
                "environments": [e.name for e in s.table.environments],
                "settings": [
                    {
                        "name": st.name,
                        "secret": st.secret,
                        "default": _value(s.table, st.name, None),
                        "values": {e.name: _value(s.table, st.name, e.name) for e in s.table.environments},
                    }
                    for st in s.table.settings
                ],
            }
            for s in found
        ]
        json.dump(out, sys.stdout, indent=2)
        print()
        return OK
    if not found:
        print("no settings: import a BTDF spreadsheet with 'portwright settings import FILE'", file=sys.stderr)
        return OK
    for s in found:
        print(f"# {'application ' + shown(s.scope) if s.scope else 'workspace'}")
        envs = [e.name for e in s.table.environments]
        rows = [["SETTING", "DEFAULT", *map(shown, envs)]]
        for st in s.table.settings:
            rows.append(
                [shown(st.name), shown(_value(s.table, st.name, None) or "")]
                + [shown(_value(s.table, st.name, e) or "") for e in envs]
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return OK


def read_secrets(path: str | None) -> dict[str, str]:
    """Secret values from an XmlPreprocess settings file (never printed, never stored)."""
    if not path:
        return {}
    try:
        parsed, _ = settings_file.read(path)
    except SettingsError as e:
        raise settings_error(e) from None
    return parsed.values


def export_environment(args: argparse.Namespace) -> bytes:
    """``export --env``: the environment's binding file (the caller writes it)."""
    secrets = read_secrets(args.secrets)
    with opened(args) as ws:
        try:
            return ws.environments.export(
                args.env, args.application, args.port, args.group, secrets=secrets, with_secrets=args.with_secrets
            )
        except (SettingsError, PreprocessError) as e:
            raise settings_error(e) from None


def run_env_diff(args: argparse.Namespace) -> int:
    """``diff --env A --env B``: what differs between two environments' binding files."""
    from model.bindings.compare import compare_files

    first, second = args.env
    secrets = read_secrets(args.secrets)
    with opened(args) as ws:
        try:
            a = ws.environments.export(first, args.application, secrets=secrets)
            b = ws.environments.export(second, args.application, secrets=secrets)
        except (SettingsError, PreprocessError) as e:
            raise settings_error(e) from None
    report = compare_files(a, b)
    if report.equal:
        print(f"no differences between {shown(first)} and {shown(second)}")
        return OK
    for line in report.lines():
        print(shown(line))
    print(f"{report.count} difference{'s' if report.count != 1 else ''}", file=sys.stderr)
    return REFUSED


def run_env_validate(args: argparse.Namespace) -> int:
    """``validate --env NAME``: the environment's binding file checked, and every setting or
    secret it would miss named."""
    from model.bindings import load
    from model.bindings.problems import document_problems
    from model.secrets import mask_text
    from model.validation import Severity

    secrets = read_secrets(args.secrets)
    with opened(args) as ws:
        try:
            data = ws.environments.export(args.env, args.application, secrets=secrets)
        except PreprocessError as e:
            for name in e.unresolved:
                print(f"{shown(ws.place)}: error: environment {shown(args.env)} has no value for {shown(name)}")
            if not e.unresolved:
                print(f"{shown(ws.place)}: error: {shown(str(e))}")
            return REFUSED
        except SettingsError as e:
            raise settings_error(e) from None
    code = OK
    where = f"{args.env}.xml"
    for problem in document_problems(load(data)):
        if args.errors_only and problem.severity != Severity.ERROR:
            continue
        print(shown(mask_text(problem.format(where))))
        if problem.severity == Severity.ERROR:
            code = REFUSED
    return code


def run_import_as_environments(args: argparse.Namespace) -> int:
    """``import --as-environments Dev.xml Test.xml Prod.xml``: one design, settings for what differs."""
    if len(args.files) < 2:
        raise CliError("--as-environments needs one binding file per environment: two at least")
    from designer.cli.opening import import_creates

    with opened(args, create=import_creates(args.workspace)) as ws:
        try:
            summary, sheet = ws.environments.import_as_environments(args.files, args.application)
        except SettingsError as e:
            raise settings_error(e) from None
    for line in summary.lines():
        print(shown(line))
    where = f"application {shown(sheet.scope)}" if sheet.scope else "the workspace"
    table = sheet.table
    print(
        f"{len(table.settings)} setting(s) for {len(table.environments)} environment(s) "
        f"({', '.join(shown(e.name) for e in table.environments)}) in {where}: "
        + (", ".join(shown(s.name) for s in table.settings[:10]) + (" ..." if len(table.settings) > 10 else ""))
    )
    return OK
