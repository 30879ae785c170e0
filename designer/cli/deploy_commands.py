"""Running ``check``, ``plan``, ``drift`` and ``snapshot`` (``designer.cli.deploy_args``
declares them). The design is a binding file or the workspace (with its desired states and
application references); the target is a target file or a live group (``designer.cli.live``)."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from designer.cli.common import OK, REFUSED, CliError, check_output, shown, unusable
from model.bindings import BindingFormatError, load
from model.bindings.binding_document import BindingDocument
from model.deploy.drift import drift
from model.deploy.plan import PlanError, make_plan
from model.deploy.preflight import Finding, Severity, preflight
from model.deploy.pull import pull
from model.deploy.script import write_script
from model.deploy.steps import Plan, Step, StepAction
from model.deploy.target import Target
from model.deploy.target_file import TargetFileError, read_target, write_target
from model.lifecycle_types import Kind, State
from model.secrets import mask_text


@dataclass
class Design:
    """What the plan takes the target to."""

    document: BindingDocument
    #: the binding file's bytes, as the workspace or FILE gives them (passwords kept)
    data: bytes
    desired: dict[tuple[Kind, str], State] = field(default_factory=dict)
    references: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: where it came from, for messages
    source: str = "the workspace"


def _say(line: str = "", *, error: bool = False) -> None:
    print(shown(mask_text(line)), file=sys.stderr if error else sys.stdout)


def _print_json(data: object) -> None:
    print(mask_text(json.dumps(data, indent=2, ensure_ascii=False)))


def read_desired(path: str, where: str = "--desired") -> dict[tuple[Kind, str], State]:
    """Desired states from a JSON file as ``desired ls --json`` prints it (``where`` names the
    argument in messages)."""
    try:
        data = json.loads(Path(path).read_bytes())
    except OSError as e:
        raise CliError(f"{where} {path}: cannot be read ({e.strerror or e})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CliError(f"{where} {path}: not JSON ({e})") from None
    if not isinstance(data, dict):
        raise CliError(f'{where} {path}: $: expected an object {{"port": {{NAME: STATE}}, "group": {{...}}}}')
    out: dict[tuple[Kind, str], State] = {}
    for key, states in data.items():
        try:
            kind = Kind(key)
        except ValueError:
            raise CliError(f"{where} {path}: $.{key}: unknown key; expected 'port' or 'group'") from None
        if not isinstance(states, dict):
            raise CliError(f"{where} {path}: $.{key}: expected an object of name: state")
        for name, text in states.items():
            try:
                out[(kind, str(name))] = State.parse(str(text))
            except ValueError as e:
                raise CliError(f"{where} {path}: $.{key}.{name}: {e}") from None
    return out


def load_design(args: argparse.Namespace) -> Design:
    """FILE (with --desired), or the workspace's applications (-a; with --env, that
    environment's binding file), its desired states and references."""
    apps = list(args.application)
    if args.file:
        if args.env:
            raise CliError("--env fills the workspace's settings; give it without FILE")
        try:
            data = Path(args.file).read_bytes()
            doc = load(data) if not apps else _only(load(data), apps)
        except OSError as e:
            raise CliError(f"{args.file}: cannot be read ({e.strerror or e})") from None
        except BindingFormatError as e:
            raise unusable(e) from None
        desired = read_desired(args.desired) if args.desired else {}
        return Design(doc, doc.to_bytes() if apps else data, desired, {}, args.file)
    if args.desired:
        raise CliError("--desired goes with FILE; the workspace keeps its own (portwright desired set)")
    from designer.cli.opening import opened  # the database only when it is used
    from designer.cli.settings_commands import read_secrets, settings_error
    from model.environments.preprocess import PreprocessError
    from model.environments.table import SettingsError

    secrets = read_secrets(args.secrets)
    with opened(args) as ws:
        unknown = sorted(set(apps) - set(ws.applications()))
        if unknown:
            raise CliError(f"-a {shown(unknown[0])}: the workspace has no such application")
        if args.env:
            try:
                data = ws.environments.export(args.env, apps, secrets=secrets, with_secrets=True)
            except (SettingsError, PreprocessError) as e:
                raise settings_error(e) from None
        else:
            data = ws.export(apps)
        desired = ws.desired_states()
        references = {a: tuple(sorted(r)) for a, r in ws.references().items()}
        source = ws.place
    return Design(load(data), data, desired, references, source)


def _only(doc: BindingDocument, apps: list[str]) -> BindingDocument:
    unknown = sorted(set(apps) - set(doc.applications()))
    if unknown:
        raise CliError(f"-a {shown(unknown[0])}: the file has no such application")
    return BindingDocument(
        [p for p in doc.send_ports if p.application in apps],
        [g for g in doc.groups if g.application in apps],
    )


def load_target(args: argparse.Namespace) -> Target:
    """The target file (--target), or a live group's snapshot (--server, --profile)."""
    if args.target:
        if any(getattr(args, a, None) for a in ("auth", "user", "password_stdin", "ca_bundle", "insecure")):
            raise CliError("--auth, --user, --password-stdin, --ca-bundle and --insecure go with --server or --profile")
        try:
            return read_target(args.target, args.bindings)
        except TargetFileError as e:
            raise CliError(str(e)) from None
    if args.bindings:
        raise CliError("--bindings goes with --target (a live group is read as it is)")
    from designer.cli.live import live_target

    return live_target(args)


def _finding_json(f: Finding) -> dict[str, object]:
    return {
        "severity": f.severity.value,
        "code": f.code,
        "kind": f.kind.value if f.kind is not None else "application",
        "name": f.name,
        "field": f.field,
        "message": f.message,
    }


_APPLICATION_STEPS = (StepAction.CREATE_APPLICATION, StepAction.ADD_REFERENCE)


def step_json(number: int, s: Step) -> dict[str, object]:
    return {
        "number": number,
        "action": s.action.value,
        "kind": "application" if s.action in _APPLICATION_STEPS else s.kind.value,
        "name": s.name,
        "member": s.member,
        "expected_state": s.expected_state.label if s.expected_state is not None else None,
        "text": s.text(),
        "reason": s.reason,
    }


def _findings(design: Design, target: Target) -> list[Finding]:
    return preflight(design.document, target, applications=design.references)


def run_check(args: argparse.Namespace) -> int:
    design, target = load_design(args), load_target(args)
    found = _findings(design, target)
    errors = sum(f.severity is Severity.ERROR for f in found)
    if args.json:
        _print_json({"target": target.source, "errors": errors, "findings": [_finding_json(f) for f in found]})
    else:
        for f in found:
            _say(f.text())
        if not found:
            _say(f"no problems: {design.source} can be imported into {target.source}")
        else:
            _say(f"{errors} error(s), {len(found) - errors} warning(s)", error=True)
    return REFUSED if errors else OK


def _plan(design: Design, target: Target) -> Plan:
    try:
        return make_plan(design.document, design.desired, target, applications=design.references)
    except PlanError as e:
        raise CliError(str(e), REFUSED) from None


def print_plan(plan: Plan) -> None:
    if not plan:
        _say(f"nothing to do: {plan.target} already matches the design")
        return
    width = len(str(len(plan.steps)))
    for number, s in enumerate(plan.steps, 1):
        _say(f"{number:>{width}}. {s.text()}")
        if s.reason:
            _say(f"{'':>{width}}  ({s.reason})")


def _write_script(args: argparse.Namespace, design: Design, plan: Plan) -> None:
    try:
        script, xml = write_script(args.script, plan, design.data, with_secrets=args.with_secrets)
    except OSError as e:
        raise CliError(f"{args.script}: cannot write: {e.strerror or e}") from None
    _say(f"wrote {script} and {xml.name} beside it", error=True)


def run_plan(args: argparse.Namespace) -> int:
    if args.with_secrets and not args.script:
        raise CliError("--with-secrets goes with --script")
    if (args.apply or args.dry_run) and args.target:
        raise CliError("--apply changes a live group: give --server or --profile (use --script for a target file)")
    if args.dry_run and not args.apply:
        raise CliError("--dry-run goes with --apply")
    if args.script:
        check_output(args.script)
    design, target = load_design(args), load_target(args)
    plan = _plan(design, target)
    if args.apply:
        from designer.cli.live import apply_live

        return apply_live(args, plan)
    if args.json:
        _print_json({"target": plan.target, "steps": [step_json(i, s) for i, s in enumerate(plan.steps, 1)]})
    else:
        print_plan(plan)
    if args.script:
        _write_script(args, design, plan)
    return OK


def run_drift(args: argparse.Namespace) -> int:
    design, target = load_design(args), load_target(args)
    found = drift(design.document, design.desired, target)
    report = found.report
    if args.json:
        changes = [
            {"kind": d.kind, "name": d.name, "property": d.label, "path": d.path, "change": d.message}
            for d in report.differences
        ]
        states = [
            {"kind": s.kind.value, "name": s.name, "target": s.target.label, "desired": s.desired.label}
            for s in found.states
        ]
        _print_json(
            {
                "target": target.source,
                "only_in_target": [{"kind": k, "name": n} for k, n in report.removed],
                "only_in_design": [{"kind": k, "name": n} for k, n in report.added],
                "changed": changes,
                "states": states,
            }
        )
    else:
        for line in found.lines():
            _say(line)
        if not found:
            _say(f"no drift: {target.source} matches the design")
        else:
            _say(f"{found.count} difference(s)", error=True)
    return REFUSED if found else OK


def run_snapshot(args: argparse.Namespace) -> int:
    check_output(args.output)
    target = load_target(args)
    try:
        path, xml = write_target(target, args.output)
    except OSError as e:
        raise CliError(f"{args.output}: cannot write: {e.strerror or e}") from None
    _say(f"wrote {path} and {xml.name}: {len(target.ports)} send ports, {len(target.groups)} groups", error=True)
    return OK


def run_pull(args: argparse.Namespace) -> int:
    from designer.cli.opening import import_creates, opened

    target = load_target(args)
    missing = sorted(set(args.application) - set(target.applications))
    if missing:
        raise CliError(f"-a {shown(missing[0])}: {target.source} has no such application")
    with opened(args, create=import_creates(args.workspace) and not args.dry_run) as ws:
        ports = {n: ws.port(n).model for n in target.ports if ws.entry(Kind.PORT, n) is not None}
        groups = {n: ws.group(n).model for n in target.groups if ws.entry(Kind.GROUP, n) is not None}
        pulled = pull(target, args.application, ports, groups, replace=args.replace)
        doc = pulled.document
        if args.dry_run:
            for name in pulled.new:
                _say(f"would create {shown(name)}")
            for name in pulled.differ:
                _say(f"would {'replace' if args.replace else 'leave (it differs; --replace)'} {shown(name)}")
        elif doc.send_ports or doc.groups:
            for line in ws.import_document(doc, None, target.source).lines():
                _say(line)
        if args.desired_from_target and not args.dry_run:
            taken = {p.name for p in doc.send_ports} | set(pulled.same) & set(target.ports)
            taken_groups = {g.name for g in doc.groups} | set(pulled.same) & set(target.groups)
            states: dict[tuple[Kind, str], State | None] = {(Kind.PORT, n): target.ports[n].state for n in taken}
            states |= {(Kind.GROUP, n): target.groups[n].state for n in taken_groups}
            ws.set_desired_states(states)
            _say(f"recorded {len(states)} desired state(s) from {target.source}")
    for name in pulled.differ if not args.replace else ():
        _say(f"left {shown(name)} as the workspace has it: it differs from {target.source} (--replace)", error=True)
    for item in pulled.carried:
        _say(f"kept the workspace's {item} (BizTalk never gives a password back)", error=True)
    for item in pulled.blank:
        _say(f"{item} is blank: BizTalk never gives a password back; set it before deploying", error=True)
    _say(f"{len(pulled.new)} new, {len(pulled.differ)} differ, {len(pulled.same)} the same", error=True)
    return OK
