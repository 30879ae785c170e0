"""A live BizTalk group for ``check``, ``plan``, ``drift`` and ``snapshot`` (``--server`` or
``--profile``), and ``portwright connection`` (saved connections, never with a password).

The password, when the sign-in needs one, comes from ``--password-stdin``, else the OS keyring
(a saved connection's), else a prompt on a terminal. Negotiate with no user signs in as the
logged-on user (Kerberos); with no terminal and nothing else, it is tried without one."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from designer.cli.common import CONFLICT, OK, REFUSED, UNUSABLE, CliError, shown
from model.deploy.steps import Plan
from model.deploy.target import Target
from model.rest.apply import ApplyConflict, StepResult, apply_plan
from model.rest.auth import (
    AuthKind,
    ConnectionProfile,
    ProfileError,
    delete_profile,
    keyring_password,
    load_profiles,
    make_auth,
    profiles_path,
    remember_password,
    save_profile,
)
from model.rest.client import ManagementClient, RestError
from model.rest.payloads import PayloadError
from model.rest.snapshot import snapshot
from model.secrets import mask_text


def _say(line: str, *, error: bool = False) -> None:
    print(shown(mask_text(line)), file=sys.stderr if error else sys.stdout)


def _profile(name: str) -> ConnectionProfile:
    try:
        found = load_profiles().get(name)
    except ProfileError as e:
        raise CliError(str(e)) from None
    if found is None:
        raise CliError(f"--profile {shown(name)}: no such connection (portwright connection ls)")
    return found


def _read_password_stdin() -> str:
    line = sys.stdin.readline()
    if not line:
        raise CliError("--password-stdin: standard input is empty")
    return line.rstrip("\r\n")


def _password(profile: ConnectionProfile, args: argparse.Namespace, saved: bool) -> str | None:
    if profile.auth is AuthKind.NONE:
        return None
    if getattr(args, "password_stdin", False):
        return _read_password_stdin()
    if saved:
        found = keyring_password(profile)
        if found is not None:
            return found
    if profile.user and sys.stdin.isatty():
        return getpass.getpass(f"password for {profile.user} at {profile.url}: ")
    if profile.auth is AuthKind.BASIC:
        raise CliError(
            f"{profile.url}: basic authentication needs a password: give --password-stdin, "
            "or save it with 'portwright connection add ... --remember-password'"
        )
    return None  # Negotiate/NTLM as the logged-on user


def connection_of(args: argparse.Namespace) -> tuple[ConnectionProfile, bool]:
    """The connection ``--profile`` names (with the command line's overrides) or ``--server``
    gives, and whether it is a saved one (its password may be in the keyring)."""
    verify: bool | str = False if args.insecure else (args.ca_bundle or True)
    if args.profile:
        saved = _profile(args.profile)
        data = saved.to_json()
        for key, value in (("auth", args.auth), ("user", args.user)):
            if value:
                data[key] = value
        if args.insecure or args.ca_bundle:
            data["verify"] = verify
        if args.timeout != 30.0:
            data["timeout"] = args.timeout
        return ConnectionProfile.from_json(data), True
    try:
        made = ConnectionProfile(
            "command line", args.server, AuthKind(args.auth or "negotiate"), args.user, verify, args.timeout
        )
    except ProfileError as e:
        raise CliError(f"--server: {e}") from None
    return made, False


def connect(args: argparse.Namespace) -> ManagementClient:
    profile, saved = connection_of(args)
    if isinstance(profile.verify, str) and not Path(profile.verify).is_file():
        raise CliError(f"--ca-bundle {shown(profile.verify)}: no such file")
    try:
        auth = make_auth(profile.auth, profile.user, _password(profile, args, saved))
    except ProfileError as e:
        raise CliError(str(e)) from None
    return ManagementClient(profile.url, auth=auth, verify=profile.verify, timeout=profile.timeout)


def live_target(args: argparse.Namespace) -> Target:
    """A snapshot of the live group (a failed request: exit 2, with the server's words)."""
    with connect(args) as client:
        try:
            return snapshot(client)
        except (RestError, PayloadError) as e:
            raise CliError(f"cannot read the group: {e}", UNUSABLE) from None


def apply_live(args: argparse.Namespace, plan: Plan) -> int:
    """Apply ``plan`` step by step, printing each result; exit 0 when every step was done, 1
    when one failed (the server's message, and what was done before), 4 on a conflict."""
    if not plan:
        _say(f"nothing to do: {plan.target} already matches the design")
        return OK

    def shown_step(result: StepResult) -> None:
        _say(f"{plan.steps.index(result.step) + 1}. {result.text()}")

    with connect(args) as client:
        try:
            report = apply_plan(client, plan, on_step=shown_step, dry_run=args.dry_run)
        except ApplyConflict as e:
            _say(f"portwright: conflict: {e}", error=True)
            return CONFLICT
    summary = report.text().splitlines()
    _say(summary[0], error=True)
    if report.stopped is not None:
        for line in summary[1:]:
            if line.startswith("Not run"):
                _say(line, error=True)
        return REFUSED
    return OK


def run_connection_add(args: argparse.Namespace) -> int:
    verify: bool | str = False if args.insecure else (args.ca_bundle or True)
    try:
        profile = ConnectionProfile(args.name, args.url, AuthKind(args.auth), args.user, verify, args.timeout)
        file = save_profile(profile)
    except ProfileError as e:
        raise CliError(str(e)) from None
    except OSError as e:
        raise CliError(f"{profiles_path()}: cannot write: {e.strerror or e}") from None
    _say(f"saved connection {shown(profile.name)} in {file} (no password in it)")
    if args.remember_password:
        password = _read_password_stdin() if args.password_stdin else getpass.getpass("password: ")
        if remember_password(profile, password):
            _say("the password is kept in the OS keyring")
        else:
            _say("no OS keyring is available here: the password will be asked each time", error=True)
    return OK


def run_connection_ls(args: argparse.Namespace) -> int:
    try:
        profiles = load_profiles()
    except ProfileError as e:
        raise CliError(str(e)) from None
    if args.json:
        print(json.dumps([p.to_json() for _, p in sorted(profiles.items())], indent=2))
        return OK
    for name, p in sorted(profiles.items()):
        tls = "no TLS check" if p.verify is False else ("CA " + p.verify if isinstance(p.verify, str) else "TLS")
        _say(f"{name}  {p.url}  {p.auth.value}{' as ' + p.user if p.user else ''}  {tls}")
    if not profiles:
        _say("no saved connections (portwright connection add NAME --url URL)", error=True)
    return OK


def run_connection_rm(args: argparse.Namespace) -> int:
    try:
        gone = delete_profile(args.name)
    except ProfileError as e:
        raise CliError(str(e)) from None
    if not gone:
        raise CliError(f"no connection named {shown(args.name)}")
    _say(f"removed connection {shown(args.name)} (and its keyring password)")
    return OK
