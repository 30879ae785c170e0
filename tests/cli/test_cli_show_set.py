"""``portwright show`` and ``portwright set``, through the command line's ``main``: what they print,
what they write (and, refused, that they write nothing), and that secrets never appear."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli_secrets import FILE_PORT, FTP_PORT, SECRETS_A, with_secrets

from designer.cli.field_args import FIELDS_HELP
from model.domain import replace
from model.field_paths import port_field_names
from model.port_edits import with_description
from model.store import ConflictError, InvalidError, PortRecord, Workspace
from model.store.bulk_edit import PortEdit
from tests.support.bindings import STANDARD
from tests.support.cli import Result, run_in_process
from tests.support.workspace import assert_unchanged, full_state

Cli = Callable[..., Result]


@pytest.fixture
def url(tmp_path: Path) -> str:
    source = tmp_path / "standard.xml"
    source.write_bytes(STANDARD)
    location = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    with Workspace(location) as ws:
        ws.import_file(str(source))
    return location


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], url: str) -> Cli:
    return lambda *args: run_in_process(capsys, "--workspace", url, *args)


@pytest.fixture
def secret_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    location = f"sqlite:///{tmp_path / 'secrets.sqlite'}"
    with Workspace(location) as ws:
        ws.import_file(str(with_secrets(tmp_path, "a.xml", *SECRETS_A)))
    return lambda *args: run_in_process(capsys, "--workspace", location, *args)


def lines_of(result: Result) -> dict[str, str]:
    """``show``'s ``FIELD: value`` lines as a dict."""
    out = {}
    for line in result.out.splitlines()[1:]:
        key, _, value = line.strip().partition(": ")
        out[key.rstrip(":")] = value.strip()
    return out


def port(url: str, name: str) -> PortRecord:
    with Workspace(url) as ws:
        return ws.port(name)


# -- show --------------------------------------------------------------------------------------


def test_show_a_port_prints_every_setting_by_the_names_set_takes(cli: Cli) -> None:
    result = cli("show", "A")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "send port 'A'"
    shown = lines_of(result)
    assert shown["kind"] == "Static One-Way" and shown["state"] == "Unenlisted"
    assert shown["groups"] == "G1" and shown["bound_to"] == "Test.Orchestrations.Process.Orch.SendA"
    assert shown["primary.adapter"] == "FILE"
    assert shown["primary.address"] == "C:\\Out\\A\\%MessageID%.xml"
    assert shown["primary.retry_count"] == "3" and shown["primary.service_window"] == "off"
    assert shown["primary.settings.FileName"] == "%MessageID%.xml"
    assert shown["backup.enabled"] == "off" and "backup.address" not in shown
    assert shown["send_pipeline"] == "Microsoft.BizTalk.DefaultPipelines.PassThruTransmit"
    assert "receive_pipeline" not in shown  # one-way


def test_show_a_dynamic_and_a_solicit_response_port(cli: Cli) -> None:
    dynamic = lines_of(cli("show", "D"))
    assert dynamic["kind"] == "Dynamic One-Way" and not any(k.startswith("primary.") for k in dynamic)
    two_way = lines_of(cli("show", "R"))
    assert two_way["primary.adapter"] == "HTTP"
    assert two_way["receive_pipeline"] == "Microsoft.BizTalk.DefaultPipelines.XMLReceive"


def test_show_json_schema(cli: Cli) -> None:
    data = json.loads(cli("show", "B", "--json").out)
    assert {k: data[k] for k in ("schema", "kind", "name", "application", "state", "static", "two_way")} == {
        "schema": 1,
        "kind": "port",
        "name": "B",
        "application": "App",
        "state": "Unenlisted",
        "static": True,
        "two_way": False,
    }
    assert data["groups"] == ["G1", "G2"] and data["port_kind"] == "Static One-Way"
    assert isinstance(data["version"], int)
    fields = data["fields"]
    assert fields["primary.retry_count"] == 3 and fields["ordered_delivery"] is False
    assert fields["description"] is None and fields["tracking"] == [] and fields["filter"] is None
    assert data["secrets"] == {}


def test_show_a_group_with_its_members(cli: Cli) -> None:
    text = cli("show", "--group", "G1")
    assert text.code == 0
    assert lines_of(text)["members"] == "A (Unenlisted), B (Unenlisted)"
    data = json.loads(cli("show", "--group", "G1", "--json").out)
    assert data["kind"] == "group" and data["members"] == [
        {"name": "A", "state": "Unenlisted"},
        {"name": "B", "state": "Unenlisted"},
    ]
    assert data["fields"] == {"description": None, "filter": None}


def test_show_never_prints_a_secret(secret_cli: Cli) -> None:
    for args in (("show", FTP_PORT), ("show", FTP_PORT, "--json"), ("show", FILE_PORT), ("show", FILE_PORT, "--json")):
        result = secret_cli(*args)
        assert result.code == 0, result.err
        assert not any(s in result.out + result.err for s in SECRETS_A), args
    text = lines_of(secret_cli("show", FTP_PORT))
    assert text["primary.settings.password"] == "(set)"  # a child of the FTP <Config> document
    assert text["primary.settings.serverAddress"] == "ftp.partner.example"
    assert text["primary.address"] == "ftp://orders:***@ftp.partner.example:21/in/%MessageID%.xml"
    data = json.loads(secret_cli("show", FILE_PORT, "--json").out)
    assert data["fields"]["primary.settings.Password"] is None
    assert data["secrets"] == {"primary.settings.Password": True}


def test_show_unknown_port_and_bad_arguments(cli: Cli) -> None:
    assert cli("show", "Nope").code == 2
    both = cli("show", "A", "--group", "G1")
    assert both.code == 2 and "one of the two" in both.err


# -- set ---------------------------------------------------------------------------------------


def test_set_several_fields_prints_and_writes_them(cli: Cli, url: str) -> None:
    before = port(url, "A")
    result = cli("set", "A", "description=Nightly orders", "primary.retry_count=7", "priority=2")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "send port 'A': description: (none) → Nightly orders",
        "send port 'A': priority: 5 → 2",
        "send port 'A': primary.retry_count: 3 → 7",
    ]
    after = port(url, "A")
    assert (after.model.description, after.model.priority, after.model.primary_transport.retry_count) == (
        "Nightly orders",
        2,
        7,
    )
    assert after.version > before.version
    log = cli("log", "-n", "1").out
    assert " set port 'A' (changed description, " in log and "retry count" in log


def test_set_an_adapter_setting_checked_by_the_catalog(cli: Cli, url: str) -> None:
    result = cli("set", "A", "primary.settings.CopyMode=Overwrite", "primary.settings.UseTempFileOnWrite=on")
    assert result.code == 0, result.err
    settings = port(url, "A").model.primary_transport.settings
    assert settings.value("CopyMode") == "2" and settings.value("UseTempFileOnWrite") == "-1"
    assert "primary.settings.CopyMode: (none) → 2" in result.out


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("primary.retry_count=lots", "primary.retry_count: expected a whole number, not 'lots'"),
        ("priority=11", "priority: must be less than or equal to 10"),
        ("primary.settings.CopyMode=7", "Copy mode must be at most 2, not 7"),
        ("ordered_delivery=maybe", "expected on or off"),
        ("primary.from=25:00", "expected a time of day"),
    ],
)
def test_a_bad_value_is_exit_2_and_writes_nothing(cli: Cli, url: str, assignment: str, message: str) -> None:
    with Workspace(url) as ws:
        before = full_state(ws)
    result = cli("set", "A", "description=kept out", assignment)
    assert result.code == 2
    assert message in result.err and "nothing was changed" in result.err
    with Workspace(url) as ws:
        assert_unchanged(before, ws)


@pytest.mark.parametrize(
    ("name", "assignments", "reason"),
    [
        ("D", ["backup.enabled=on"], "A dynamic send port has no backup transport."),
        ("D", ["primary.address=C:\\x"], "A dynamic send port gets its address and adapter"),
        ("A", ["stop_sending_on_failure=on"], "Only with ordered delivery"),
        ("A", ["tracking=body_before_receive"], "A one-way send port gets no response to track."),
        ("A", ["primary.address="], "A static send port needs an address."),
        ("A", ["primary.from=08:00"], "Turn the service window on first."),
    ],
)
def test_a_rule_refusal_is_exit_1_and_writes_nothing(
    cli: Cli, url: str, name: str, assignments: list[str], reason: str
) -> None:
    with Workspace(url) as ws:
        before = full_state(ws)
    result = cli("set", name, "description=kept out", *assignments)
    assert result.code == 1
    assert f"send port '{name}': {assignments[0].partition('=')[0]}: {reason}" in result.err
    with Workspace(url) as ws:
        assert_unchanged(before, ws)


def test_rules_are_followed_in_order(cli: Cli, url: str) -> None:
    result = cli("set", "A", "ordered_delivery=on", "stop_sending_on_failure=on")
    assert result.code == 0, result.err
    assert port(url, "A").model.stop_sending_on_failure is True
    off = cli("set", "A", "ordered_delivery=off")
    assert "send port 'A': stop_sending_on_failure: on → off" in off.out.splitlines()  # BizTalk's side effect


def test_unknown_field_suggests_close_matches(cli: Cli) -> None:
    typo = cli("set", "A", "primary.retry_cont=4")
    assert typo.code == 2 and "no such field; did you mean primary.retry_count" in typo.err
    setting = cli("set", "A", "primary.settings.CopyMod=2")
    assert setting.code == 2 and "the FILE adapter has no setting 'CopyMod'; did you mean CopyMode?" in setting.err
    read_only = cli("set", "A", "name=Other")
    assert read_only.code == 2 and "portwright rename" in read_only.err
    assert cli("set", "Nope", "priority=2").code == 2


def test_dry_run_prints_and_writes_nothing(cli: Cli, url: str) -> None:
    with Workspace(url) as ws:
        before = full_state(ws)
    result = cli("set", "A", "primary.retry_interval=30", "--dry-run")
    assert result.code == 0
    assert result.out.splitlines() == ["send port 'A': primary.retry_interval: 5 → 30"]
    assert "dry run: nothing was written" in result.err
    with Workspace(url) as ws:
        assert_unchanged(before, ws)


def test_set_a_group_description(cli: Cli, url: str) -> None:
    result = cli("set", "--group", "G1", "description=Everyone")
    assert result.code == 0 and result.out.splitlines() == ["send port group 'G1': description: (none) → Everyone"]
    with Workspace(url) as ws:
        assert ws.group("G1").model.description == "Everyone"
    members = cli("set", "--group", "G1", "members=A")
    assert members.code == 2 and "portwright group add" in members.err


def test_a_password_is_set_from_stdin_and_never_echoed(
    secret_cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("N3w-Pa55word\n"))
    result = secret_cli("set", FILE_PORT, "primary.settings.Password=-")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [f"send port '{FILE_PORT}': primary.settings.Password: (set) → (set, changed)"]
    on_command_line = secret_cli("set", FTP_PORT, "primary.settings.password=Typed-S3cret", "--dry-run")
    assert "Typed-S3cret" not in on_command_line.out + on_command_line.err
    assert "primary.settings.password: (set) → (set, changed)" in on_command_line.out
    shown = secret_cli("show", FILE_PORT, "--json")
    assert "N3w-Pa55word" not in shown.out
    exported = secret_cli("export", "--port", FILE_PORT, "--with-secrets", "-o", tmp_path / "out.xml")
    assert exported.code == 0
    assert "N3w-Pa55word&lt;" in (tmp_path / "out.xml").read_text(encoding="utf-8")  # stored, line break dropped
    assert "N3w-Pa55word" not in secret_cli("log").out


def test_set_help_names_every_field() -> None:
    """``set --help`` lists the fields by hand (the parser loads no model): kept complete here."""
    for name in port_field_names():
        if name.startswith("tracking."):
            name = "tracking.FLAG"
        elif name.startswith("backup.") and name != "backup.enabled":
            name = "primary." + name.removeprefix("backup.")
        assert name in FIELDS_HELP, name


# -- bulk --------------------------------------------------------------------------------------


def test_where_changes_exactly_the_matching_ports(cli: Cli, url: str) -> None:
    result = cli("set", "--where", "adapter=FILE,application=App,name=[AB]", "primary.retry_count=9")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "send port 'A': primary.retry_count: 3 → 9",
        "send port 'B': primary.retry_count: 3 → 9",
    ]
    counts = {n: port(url, n).model.primary_transport.retry_count for n in ("A", "B", "C", "R")}
    assert counts == {"A": 9, "B": 9, "C": 3, "R": 3}
    log = cli("log", "-n", "2").out.splitlines()
    assert [line.split(" set ")[1].split(" (")[0] for line in log] == ["port 'A'", "port 'B'"]


def test_where_is_all_or_nothing(cli: Cli, url: str) -> None:
    with Workspace(url) as ws:
        before = full_state(ws)
    result = cli("set", "--where", "application=App", "primary.retry_count=2")  # D is dynamic
    assert result.code == 1
    assert "send port 'D': primary.retry_count: A dynamic send port" in result.err
    assert "5 send port(s) picked: none was changed" in result.err
    with Workspace(url) as ws:
        assert_unchanged(before, ws)


def test_where_with_no_match_or_bad_filters_is_exit_2(cli: Cli) -> None:
    none = cli("set", "--where", "adapter=SFTP", "priority=1")
    assert none.code == 2 and "no send port matches --where adapter=SFTP" in none.err
    bad = cli("set", "--where", "colour=red", "priority=1")
    assert bad.code == 2 and "KEY one of application, adapter, name, state, kind" in bad.err


def test_one_transaction_for_every_port(url: str) -> None:
    """A failure at the second port's write rolls back the first's, which was already written."""
    with Workspace(url) as ws:
        a, b = ws.port("A"), ws.port("B")
        before = full_state(ws)
        edits = [
            PortEdit("A", with_description(a.model, "first"), a.version, a.model),
            PortEdit("B", replace(b.model, priority=3), b.version - 1),  # stale, no base to merge from
        ]
        with pytest.raises(ConflictError, match="send port 'B' was changed"):
            ws.update_ports(edits, operation="set")
        assert_unchanged(before, ws)
        with pytest.raises(InvalidError, match="named twice"):
            ws.update_ports([edits[0], edits[0]])
        records = ws.update_ports(edits[:1] + [PortEdit("B", replace(b.model, priority=3), b.version)])
        assert [r.model.description for r in records] == ["first", None]
        assert ws.port("A").version == records[0].version > a.version


def test_a_stale_edit_is_exit_4_and_writes_nothing(cli: Cli, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone else changes the same field between ``set``'s read and its write."""
    real = Workspace.port

    def read_then_someone_writes(self: Workspace, name: str) -> PortRecord:
        record = real(self, name)
        with Workspace(url, user="someone-else") as other:
            current = real(other, name)
            other.update_port(name, with_description(current.model, "theirs"), current.version)
        return record

    monkeypatch.setattr(Workspace, "port", read_then_someone_writes)
    result = cli("set", "A", "description=mine")
    monkeypatch.undo()
    assert result.code == 4
    assert "was changed by someone-else" in result.err and "nothing was saved" in result.err
    assert port(url, "A").model.description == "theirs"
