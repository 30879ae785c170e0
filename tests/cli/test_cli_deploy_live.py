"""``portwright check/plan/drift/snapshot --server`` and ``portwright connection`` against the
HTTP stand-in of BizTalk's Management REST API (tests/support/rest_standin.py), through the
command line's ``main``: the client under test is the one that talks to a real group."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support.cli import Result, run_in_process

from model.deploy.target import Host, Target
from tests.support.bindings import STANDARD
from tests.support.rest_standin import RestStandIn

HOSTS = {"BizTalkServerApplication": Host("BizTalkServerApplication")}
HANDLERS = {"FILE": frozenset(HOSTS), "HTTP": frozenset(HOSTS)}
PASSWORD = "Rest-S3cret-Pw"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    return lambda *args: run_in_process(capsys, *args)


@pytest.fixture(autouse=True)
def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections saved in the test's own config folder; no OS keyring."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture
def ws(cli: Callable[..., Result], tmp_path: Path) -> str:
    design = tmp_path / "design.xml"
    design.write_bytes(STANDARD)
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    assert cli("--workspace", url, "import", design).code == 0
    assert cli("--workspace", url, "desired", "set", "Started", "A", "B").code == 0
    assert cli("--workspace", url, "desired", "set", "--group", "Started", "G1").code == 0
    return url


@pytest.fixture
def group() -> Iterator[RestStandIn]:
    """An empty BizTalk group with FILE and HTTP send handlers."""
    with RestStandIn(Target(HOSTS, HANDLERS, frozenset(HANDLERS), {}, {}, {}, "")) as standin:
        yield standin


def states(standin: RestStandIn) -> dict[str, str]:
    with standin.lock:
        out = {n: p["Status"] for n, p in standin.ports.items()}
        out |= {f"group:{n}": g["Status"] for n, g in standin.groups.items()}
    return out


def test_plan_apply_reaches_the_design_and_again_does_nothing(cli, ws, group):
    live = ("--server", group.url, "--auth", "none")
    assert cli("--workspace", ws, "check", *live).code == 0
    planned = json.loads(cli("--workspace", ws, "plan", *live, "--json").out)
    assert planned["target"] == group.url and len(planned["steps"]) == 18
    applied = cli("--workspace", ws, "plan", *live, "--apply")
    assert applied.code == 0, applied.err
    assert "18. done: Start send port group 'G1'" in applied.out
    assert "Done 18 of 18 steps" in applied.err
    got = states(group)
    assert (got["A"], got["B"], got["group:G1"]) == ("Started", "Started", "Started")
    assert got["C"] == "Bound" and got["group:Empty"] == "Bound"
    again = cli("--workspace", ws, "plan", *live, "--apply")
    assert again.code == 0 and "nothing to do" in again.out
    drift = cli("--workspace", ws, "drift", *live)
    assert drift.code == 0 and "no drift" in drift.out


def test_dry_run_checks_every_step_and_writes_nothing(cli, ws, group):
    before = len([r for r in group.log if r.method != "GET"])
    result = cli("--workspace", ws, "plan", "--server", group.url, "--auth", "none", "--apply", "--dry-run")
    assert result.code == 0, result.err
    assert "18. would do: Start send port group 'G1'" in result.out
    assert len([r for r in group.log if r.method != "GET"]) == before and states(group) == {}


def test_a_console_change_between_read_and_write_stops_with_a_conflict(cli, ws, group):
    assert cli("--workspace", ws, "plan", "--server", group.url, "--auth", "none", "--apply").code == 0
    assert cli("--workspace", ws, "desired", "set", "Stopped", "A").code == 0

    def meanwhile(standin: RestStandIn, request) -> None:
        if request.method == "GET" and request.path.endswith("/SendPorts/A"):
            standin.between = None
            standin.console("PUT", "/SendPorts/A/Stop")

    group.between = meanwhile
    result = cli("--workspace", ws, "plan", "--server", group.url, "--auth", "none", "--apply")
    assert result.code == 4
    assert "conflict" in result.err and "'A'" in result.err and "make a new plan" in result.err
    assert states(group)["A"] == "Stopped"  # the console's, nothing over it


def test_drift_and_snapshot_of_a_live_group(cli, ws, group, tmp_path):
    assert cli("--workspace", ws, "plan", "--server", group.url, "--auth", "none", "--apply").code == 0
    group.console("PUT", "/SendPorts/B/Stop")
    data = json.loads(cli("--workspace", ws, "drift", "--server", group.url, "--auth", "none", "--json").out)
    assert data["states"] == [{"kind": "port", "name": "B", "target": "Stopped", "desired": "Started"}]
    out = tmp_path / "prod.json"
    assert cli("snapshot", "--server", group.url, "--auth", "none", "-o", out).code == 0
    saved = cli("--workspace", ws, "drift", "--target", out, "--json")
    assert json.loads(saved.out)["states"] == data["states"]


def test_basic_auth_password_from_stdin_never_printed(cli, ws, tmp_path, monkeypatch):
    with RestStandIn(
        Target(HOSTS, HANDLERS, frozenset(HANDLERS), {}, {}, {}, ""), credentials=("CONTOSO\\deployer", PASSWORD)
    ) as standin:
        args = ("--server", standin.url, "--auth", "basic", "--user", "CONTOSO\\deployer", "--password-stdin")
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        ok = cli("--workspace", ws, "check", *args)
        assert ok.code == 0, ok.err
        assert standin.log and all(r.authorization and r.authorization.startswith("Basic ") for r in standin.log)
        monkeypatch.setattr("sys.stdin", io.StringIO("wrong-" + PASSWORD + "\n"))
        refused = cli("--workspace", ws, "check", *args)
        assert refused.code == 2 and "401" in refused.err
        assert PASSWORD not in refused.out + refused.err + ok.out + ok.err
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        no_password = cli("--workspace", ws, "check", "--server", standin.url, "--auth", "basic", "--user", "u")
        assert no_password.code == 2 and "needs a password" in no_password.err


def test_saved_connections_hold_no_password(cli, ws, group, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    added = cli(
        "connection", "add", "prod", "--url", group.url, "--auth", "none", "--remember-password", "--password-stdin"
    )
    assert added.code == 0, added.err
    assert "no OS keyring" in added.err  # the test's keyring keeps nothing: asked each time
    files = list((tmp_path / "config").rglob("connections.json"))
    assert len(files) == 1 and PASSWORD not in files[0].read_text()
    [saved] = json.loads(cli("connection", "ls", "--json").out)
    assert saved["name"] == "prod" and saved["url"] == group.url and "password" not in json.dumps(saved).lower()
    assert cli("--workspace", ws, "plan", "--profile", "prod", "--apply").code == 0
    assert states(group)["A"] == "Started"
    assert cli("--workspace", ws, "plan", "--profile", "nope").code == 2
    assert cli("connection", "rm", "prod").code == 0
    assert json.loads(cli("connection", "ls", "--json").out) == []
    assert cli("connection", "rm", "prod").code == 2


def test_an_unreachable_server_is_one_clear_line(cli, ws):
    result = cli(
        "--workspace", ws, "check", "--server", "http://127.0.0.1:9/BizTalkManagementService", "--auth", "none"
    )
    assert result.code == 2
    assert "127.0.0.1:9" in result.err and len(result.err.strip().splitlines()) == 1


def test_pull_brings_a_live_group_into_a_new_workspace_and_keeps_passwords(cli, tmp_path):
    from test_cli_secrets import FILE_PORT, with_secrets

    from model.bindings import load

    source = with_secrets(tmp_path, "secrets.xml", "Ftp-S3cret-P", "Addr-S3cret-P", PASSWORD)
    with RestStandIn.from_bindings(source) as standin:
        fresh = f"sqlite:///{tmp_path / 'fresh.sqlite'}"
        live = ("--server", standin.url, "--auth", "none")
        first = cli("--workspace", fresh, "pull", *live, "--desired-from-target")
        assert first.code == 0, first.err
        names = {p.name for p in load(source).send_ports} | {g.name for g in load(source).groups}
        pulled = load(cli("--workspace", fresh, "export", "-o", "-", "--with-secrets").out.encode())
        assert {p.name for p in pulled.send_ports} | {g.name for g in pulled.groups} == names
        assert f"{FILE_PORT} (primary): Password is blank" in first.err
        assert json.loads(cli("--workspace", fresh, "desired", "ls", "--json").out)["port"][FILE_PORT] == "Unenlisted"
        again = cli("--workspace", fresh, "pull", *live)
        assert again.code == 0 and f"0 new, 0 differ, {len(names)} the same" in again.err

        # A workspace that holds the password; the console changed the port meanwhile.
        kept = f"sqlite:///{tmp_path / 'kept.sqlite'}"
        assert cli("--workspace", kept, "import", source).code == 0
        with standin.lock:
            standin.ports[FILE_PORT]["Description"] = "changed in the console"
        left = cli("--workspace", kept, "pull", *live)
        assert left.code == 0 and f"left {FILE_PORT} as the workspace has it" in left.err
        replaced = cli("--workspace", kept, "pull", *live, "--replace")
        assert replaced.code == 0, replaced.err
        assert f"kept the workspace's {FILE_PORT} (primary): Password" in replaced.err
        out = load(cli("--workspace", kept, "export", "-o", "-", "--with-secrets").out.encode())
        port = next(p for p in out.send_ports if p.name == FILE_PORT)
        assert port.description == "changed in the console"
        assert port.primary_transport.settings.value("Password") == PASSWORD
        assert PASSWORD not in replaced.out + replaced.err + left.out + left.err


def test_pull_dry_run_says_what_and_changes_nothing(cli, ws, tmp_path):
    from tests.support.bindings import binding_file, port

    with RestStandIn.from_bindings(binding_file(ports=[port("A"), port("New1")])) as standin:
        before = cli("--workspace", ws, "ls", "--json").out
        result = cli("--workspace", ws, "pull", "--server", standin.url, "--auth", "none", "--dry-run")
        assert result.code == 0, result.err
        assert result.out.splitlines() == ["would create New1"]
        assert "1 new, 0 differ, 1 the same" in result.err
        assert cli("--workspace", ws, "ls", "--json").out == before
        empty = f"sqlite:///{tmp_path / 'none.sqlite'}"
        nothing = cli("--workspace", empty, "pull", "--server", standin.url, "--auth", "none", "--dry-run")
        assert nothing.code == 2 and not (tmp_path / "none.sqlite").exists()  # a dry run makes no workspace
