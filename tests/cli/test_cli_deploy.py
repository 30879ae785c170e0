"""``portwright check``, ``plan``, ``drift`` and ``snapshot`` against target groups described in
files, through the command line's ``main``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support.cli import Result, run_in_process
from test_cli_secrets import with_secrets

from model.bindings import load
from model.deploy.simulate import apply_steps
from model.deploy.steps import Step, StepAction
from model.deploy.target_file import read_target
from model.lifecycle_types import Kind, State
from tests.support.bindings import STANDARD

SECRET = "File-S3cret-Deploy"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    return lambda *args: run_in_process(capsys, *args)


@pytest.fixture
def ws(cli: Callable[..., Result], tmp_path: Path) -> str:
    """A workspace holding the standard design; A, B and G1 wanted started."""
    design = tmp_path / "design.xml"
    design.write_bytes(STANDARD)
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    assert cli("--workspace", url, "import", design).code == 0
    assert cli("--workspace", url, "desired", "set", "Started", "A", "B").code == 0
    assert cli("--workspace", url, "desired", "set", "--group", "Started", "G1").code == 0
    return url


def target_file(folder: Path, *, bindings: bytes | None = None, states: dict | None = None, **extra) -> Path:
    data = {
        "hosts": [{"name": "BizTalkServerApplication"}],
        "send_handlers": {"FILE": ["BizTalkServerApplication"], "HTTP": ["BizTalkServerApplication"]},
        "applications": {"App": []},
        **extra,
    }
    if bindings is not None:
        (folder / "export.xml").write_bytes(bindings)
        data["bindings"] = "export.xml"
    if states is not None:
        data["states"] = states
    path = folder / "target.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_check_names_each_problem_and_exits_1(cli, ws, tmp_path):
    target = target_file(tmp_path, send_handlers={"FILE": ["BizTalkServerApplication"]})
    result = cli("--workspace", ws, "check", "--target", target)
    assert result.code == 1
    assert "error: send port 'R', primary_transport.adapter: adapter 'HTTP' is not registered" in result.out
    data = json.loads(cli("--workspace", ws, "check", "--target", target, "--json").out)
    assert data["errors"] == 2
    assert {(f["code"], f["name"], f["field"]) for f in data["findings"]} == {
        ("adapter-not-registered", "R", "primary_transport.adapter"),
        ("no-send-handler", "R", "primary_transport.send_handler"),
    }


def test_check_clean_target_exits_0(cli, ws, tmp_path):
    result = cli("--workspace", ws, "check", "--target", target_file(tmp_path))
    assert result.code == 0, result.out
    assert "no problems" in result.out


def test_plan_follows_the_workspace_desired_states_and_reaches_them(cli, ws, tmp_path):
    target_path = target_file(tmp_path, applications={})
    result = cli("--workspace", ws, "plan", "--target", target_path, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    steps = data["steps"]
    assert steps[0] == {
        "number": 1,
        "action": "create_application",
        "kind": "application",
        "name": "App",
        "member": None,
        "expected_state": None,
        "text": "Create application 'App'",
        "reason": "the design has ports or groups in it",
    }
    texts = [s["text"] for s in steps]
    assert (
        texts.index("Enlist send port 'A'")
        < texts.index("Start send port 'A'")
        < texts.index("Start send port group 'G1'")
    )
    # The steps, played on the target, end where the workspace wants it.
    design = load(STANDARD)
    models = {p.name: p for p in design.send_ports} | {g.name: g for g in design.groups}
    plan_steps = []
    for s in steps:
        kind = Kind.GROUP if s["kind"] == "group" else Kind.PORT
        obj = models.get(s["name"])
        plan_steps.append(
            Step(
                StepAction(s["action"]),
                kind,
                s["name"],
                s["member"],
                port=obj if s["action"] in ("create", "update") and kind is Kind.PORT else None,
                group=obj.model_copy(update={"members": ()})
                if s["action"] in ("create", "update") and kind is Kind.GROUP
                else None,
            )
        )
    after = apply_steps(read_target(target_path), plan_steps, check=False)
    assert after.ports["A"].state is State.STARTED and after.groups["G1"].state is State.STARTED
    assert after.ports["C"].state is State.UNENLISTED
    readable = cli("--workspace", ws, "plan", "--target", target_path)
    assert readable.out.splitlines()[0] == " 1. Create application 'App'"


def test_plan_again_on_a_matching_target_says_nothing_to_do(cli, ws, tmp_path):
    target = target_file(
        tmp_path,
        bindings=STANDARD,
        states={"ports": {"A": "Started", "B": "Started"}, "groups": {"G1": "Started"}},
    )
    result = cli("--workspace", ws, "plan", "--target", target)
    assert result.code == 0
    assert "nothing to do" in result.out
    assert json.loads(cli("--workspace", ws, "plan", "--target", target, "--json").out)["steps"] == []


def test_plan_that_breaks_a_rule_exits_1_naming_it(cli, ws, tmp_path):
    assert cli("--workspace", ws, "desired", "set", "Unenlisted", "B").code == 0
    assert cli("--workspace", ws, "desired", "set", "--group", "Started", "G2").code == 0
    result = cli("--workspace", ws, "plan", "--target", target_file(tmp_path))
    assert result.code == 1
    assert "G2" in result.err and result.out == ""


def test_plan_script_writes_the_script_and_blanked_bindings_beside_it(cli, tmp_path):
    source = with_secrets(tmp_path, "secrets.xml", "Ftp-S3cret-D", "Addr-S3cret-D", SECRET)
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    assert cli("--workspace", url, "import", source).code == 0
    apps = sorted({p.application for p in load(source).send_ports if p.application})
    target = target_file(tmp_path, applications={a: [] for a in apps})
    out = tmp_path / "out"
    missing = cli("--workspace", url, "plan", "--target", target, "--script", out / "deploy.ps1")
    assert missing.code == 2 and "folder" in missing.err and missing.out == ""  # refused before any output
    out.mkdir()
    result = cli("--workspace", url, "plan", "--target", target, "--script", out / "deploy.ps1")
    assert result.code == 0, result.err
    raw = (out / "deploy.ps1").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Windows PowerShell 5.1 reads UTF-8 only with a BOM
    script = raw.decode("utf-8-sig")
    assert "'deploy.bindings.xml'" in script and "SupportsShouldProcess" in script
    xml = (out / "deploy.bindings.xml").read_bytes()
    assert SECRET.encode() not in xml and load(xml).send_ports
    assert SECRET not in result.out + result.err
    kept = cli("--workspace", url, "plan", "--target", target, "--script", out / "deploy.ps1", "--with-secrets")
    assert kept.code == 0 and SECRET.encode() in (out / "deploy.bindings.xml").read_bytes()
    assert SECRET not in kept.out + kept.err


def test_drift_lists_definitions_and_states_and_exit_codes(cli, ws, tmp_path):
    states = {"ports": {"A": "Started", "B": "Stopped"}, "groups": {"G1": "Started"}}
    target = target_file(tmp_path, bindings=STANDARD, states=states)
    result = cli("--workspace", ws, "drift", "--target", target)
    assert result.code == 1
    assert "send port 'B': Stopped in the target, the design wants it Started" in result.out
    data = json.loads(cli("--workspace", ws, "drift", "--target", target, "--json").out)
    assert data["states"] == [{"kind": "port", "name": "B", "target": "Stopped", "desired": "Started"}]
    assert data["only_in_target"] == [] and data["only_in_design"] == []
    states["ports"]["B"] = "Started"
    same = target_file(tmp_path, bindings=STANDARD, states=states)
    clean = cli("--workspace", ws, "drift", "--target", same)
    assert clean.code == 0 and "no drift" in clean.out


def test_drift_names_a_changed_property(cli, ws, tmp_path):
    doc = load(STANDARD)
    changed = doc.send_ports[2].model_copy(update={"description": "fixed by hand in the console"})
    from model.bindings.binding_document import BindingDocument

    export = BindingDocument([*doc.send_ports[:2], changed, *doc.send_ports[3:]], list(doc.groups)).to_bytes()
    target = target_file(
        tmp_path, bindings=export, states={"ports": {"A": "Started", "B": "Started"}, "groups": {"G1": "Started"}}
    )
    data = json.loads(cli("--workspace", ws, "drift", "--target", target, "--json").out)
    assert data["changed"] and {(c["kind"], c["name"]) for c in data["changed"]} == {("port", "C")}
    assert any("fixed by hand" in c["change"] and c["property"] == "Description" for c in data["changed"])


def test_snapshot_of_a_target_file_reads_back_the_same(cli, tmp_path):
    states = {"ports": {"A": "Started"}, "groups": {"G1": "Started"}}
    target = target_file(tmp_path, bindings=STANDARD, states=states)
    out = tmp_path / "saved" / "prod.json"
    out.parent.mkdir()
    result = cli("snapshot", "--target", target, "-o", out)
    assert result.code == 0, result.err
    again = read_target(out)
    first = read_target(target)
    assert {n: p.state for n, p in again.ports.items()} == {n: p.state for n, p in first.ports.items()}
    assert set(again.groups) == set(first.groups) and again.send_handlers == first.send_handlers
    assert (out.parent / "prod.bindings.xml").is_file()


def test_bad_target_file_is_named_with_its_json_path(cli, ws, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hosts": [{"trusted": true}]}', encoding="utf-8")
    result = cli("--workspace", ws, "plan", "--target", bad)
    assert result.code == 2
    assert "bad.json: $.hosts[0]" in result.err
    assert cli("--workspace", ws, "check", "--target", tmp_path / "none.json").code == 2


def test_a_binding_file_design_with_desired_states(cli, tmp_path):
    design = tmp_path / "design.xml"
    design.write_bytes(STANDARD)
    desired = tmp_path / "desired.json"
    desired.write_text(json.dumps({"port": {"C": "Stopped"}}), encoding="utf-8")
    target = target_file(tmp_path, bindings=STANDARD)
    data = json.loads(cli("plan", "--target", target, design, "--desired", desired, "--json").out)
    assert [s["text"] for s in data["steps"]] == ["Enlist send port 'C'"]
    desired.write_text(json.dumps({"port": {"C": "Running"}}), encoding="utf-8")
    bad = cli("plan", "--target", target, design, "--desired", desired)
    assert bad.code == 2 and "$.port.C" in bad.err


def test_arguments_that_do_not_go_together_are_refused(cli, ws, tmp_path):
    target = target_file(tmp_path)
    assert "--server or --profile" in cli("--workspace", ws, "plan", "--target", target, "--apply").err
    assert "goes with --script" in cli("--workspace", ws, "plan", "--target", target, "--with-secrets").err
    assert "--server or --profile" in cli("--workspace", ws, "check", "--target", target, "--insecure").err
    assert "no such application" in cli("--workspace", ws, "plan", "--target", target, "-a", "Nope").err


def test_desired_states_export_and_import_round_trip(cli, ws, tmp_path):
    exported = tmp_path / "desired.json"
    exported.write_text(cli("--workspace", ws, "desired", "ls", "--json").out, encoding="utf-8")
    assert json.loads(exported.read_text()) == {"port": {"A": "Started", "B": "Started"}, "group": {"G1": "Started"}}
    other = f"sqlite:///{tmp_path / 'other.sqlite'}"
    design = tmp_path / "design.xml"
    assert cli("--workspace", other, "import", design).code == 0
    assert cli("--workspace", other, "desired", "import", exported).code == 0
    assert json.loads(cli("--workspace", other, "desired", "ls", "--json").out) == json.loads(exported.read_text())
    exported.write_text(json.dumps({"port": {"A": "Stopped", "Nope": "Started"}}), encoding="utf-8")
    refused = cli("--workspace", other, "desired", "import", exported)
    assert refused.code == 2 and "Nope" in refused.err
    assert (
        json.loads(cli("--workspace", other, "desired", "ls", "--json").out)["port"]["A"] == "Started"
    )  # all or nothing
