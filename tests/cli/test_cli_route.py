"""``portwright route`` and ``portwright export-servicebus``, through the command line's ``main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from model.bindings import load
from model.domain import Filter, FilterGroup, FilterStatement, replace
from model.domain import FilterOperator as Op
from model.lifecycle_types import Action, Kind, Subject
from model.store import Workspace
from tests.support.bindings import binding_file, group, port
from tests.support.cli import Result, run_in_process

CORPUS_21 = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "corpus"
    / "bindings"
    / "21_Azure__aimbiztalk__BindingInfo.xml"
)


@pytest.fixture
def design_file(tmp_path: Path) -> Path:
    path = tmp_path / "bindings.xml"
    data = binding_file(
        ports=[port("A", filter_value="In"), port("B", filter_value="Other"), port("C")],
        groups=[group("G", ["A", "C"])],
        orchestrations={"C": ["Orch.SendC"]},
    )
    path.write_bytes(data)
    return path


def route(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Result:
    return run_in_process(capsys, "route", *args)


def test_route_a_file_prints_recipients_and_why(capsys: pytest.CaptureFixture[str], design_file: Path) -> None:
    result = route(capsys, design_file, "-p", "BTS.ReceivePortName=In")
    assert result.code == 0
    assert "send port 'A' [Started]: delivered" in result.out
    assert "via own filter: delivered; filter group 1: BTS.ReceivePortName == In" in result.out
    assert "'B'" not in result.out
    assert "send port 'C' is also bound to Test.Orchestrations.Process.Orch.SendC" in result.out


def test_route_json_shape(capsys: pytest.CaptureFixture[str], design_file: Path) -> None:
    result = route(capsys, design_file, "-p", "BTS.ReceivePortName=In", "--state", "Stopped", "--json")
    data = json.loads(result.out)
    assert data["routing_failure"] is False
    [a] = data["recipients"]
    assert (a["name"], a["kind"], a["outcome"], a["copies"]) == ("A", "port", "suspended", 1)
    assert a["via"] == [
        {
            "through": "filter",
            "group": None,
            "filter_group": 1,
            "matched": "BTS.ReceivePortName == In",
            "outcome": "suspended",
        }
    ]


def test_nothing_subscribes_is_exit_1(capsys: pytest.CaptureFixture[str], design_file: Path) -> None:
    result = route(capsys, design_file, "-p", "BTS.ReceivePortName=Nowhere")
    assert result.code == 1 and "routing failure" in result.err
    unenlisted = route(capsys, design_file, "-p", "BTS.ReceivePortName=In", "--state", "Unenlisted", "--json")
    assert unenlisted.code == 1
    assert json.loads(unenlisted.out)["recipients"][0]["outcome"] == "not subscribed"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "NoEquals"], "expected NAME=VALUE"),
        (["-p", "BTS.InterchangeSequenceNumber=many"], "'many' is not a whole number"),
        (["-p", "X:float=1"], "unknown type 'float'"),
        (["--state", "Running", "-p", "A=b"], "Unknown send port state"),
        ([], "give the message's context properties"),
        (["--who-uses", "A", "-p", "A=b"], "without -p"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], design_file: Path, args: list[str], message: str
) -> None:
    result = route(capsys, design_file, *args)
    assert result.code == 2 and message in result.err and len(result.err_lines) == 1


def test_a_typed_property_compares_as_its_type(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws_url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    with Workspace(ws_url) as ws:
        ws.import_document(load(binding_file(ports=[port("Big")])))
        big = ws.port("Big").model
        amount = FilterStatement(property="Contoso.Amount", operator=Op.GREATER_THAN, value="9")
        ws.update_port("Big", replace(big, filter=Filter(groups=(FilterGroup(statements=(amount,)),))))
        ws.perform(Action.START, [Subject(Kind.PORT, "Big")])
    as_int = run_in_process(capsys, "--workspace", ws_url, "route", "-p", "Contoso.Amount:int=10")
    assert as_int.code == 0 and "send port 'Big' [Started]: delivered" in as_int.out
    as_text = run_in_process(capsys, "--workspace", ws_url, "route", "-p", "Contoso.Amount=10")  # "10" < "9" as text
    assert as_text.code == 1


def test_route_the_workspace_with_its_states_and_a_group_filter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws_url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    with Workspace(ws_url) as ws:
        ws.import_document(
            load(binding_file(ports=[port("A", filter_value="In"), port("B")], groups=[group("G", ["A", "B"])]))
        )
        g = ws.group("G").model
        in_filter = Filter(
            groups=(FilterGroup(statements=(FilterStatement(property="BTS.ReceivePortName", value="In"),)),)
        )
        ws.update_group("G", replace(g, filter=in_filter))
        ws.perform(Action.START, [Subject(Kind.PORT, "A"), Subject(Kind.PORT, "B")])
        ws.perform(Action.ENLIST, [Subject(Kind.GROUP, "G")])
    result = run_in_process(capsys, "--workspace", ws_url, "route", "-p", "BTS.ReceivePortName=In", "--json")
    assert result.code == 0
    data = json.loads(result.out)
    by_name = {(r["kind"], r["name"]): r for r in data["recipients"]}
    a, b, grp = by_name["port", "A"], by_name["port", "B"], by_name["group", "G"]
    assert [(v["through"], v["group"], v["outcome"]) for v in a["via"]] == [
        ("filter", None, "delivered"),
        ("group", "G", "suspended"),  # the group is enlisted but stopped
    ]
    assert a["copies"] == 2 and data["duplicates"] == ["A"]
    assert b["outcome"] == "suspended" and grp["members"] == ["A", "B"]


def test_who_uses(capsys: pytest.CaptureFixture[str], design_file: Path) -> None:
    result = route(capsys, design_file, "--who-uses", "BTS.ReceivePortName", "--json")
    assert result.code == 0
    assert [(x["name"], x["text"]) for x in json.loads(result.out)] == [
        ("A", "BTS.ReceivePortName == In"),
        ("B", "BTS.ReceivePortName == Other"),
    ]
    none = route(capsys, design_file, "--who-uses", "BTS.MessageType")
    assert none.code == 0 and none.out == "" and "no filter tests BTS.MessageType" in none.err


@pytest.mark.skipif(not CORPUS_21.exists(), reason="the shared corpus is not here")
def test_route_corpus_21(capsys: pytest.CaptureFixture[str]) -> None:
    result = route(capsys, CORPUS_21, "-p", "AzureBlobStorage.BlobName=Blobby", "--json")
    data = json.loads(result.out)
    assert result.code == 1  # both groups match, but their members are not in the file
    assert [r["name"] for r in data["recipients"]] == ["TestSendPortGroup", "TestSendPortGroup2"]
    assert {"group": "TestSendPortGroup2", "member": "AnotherSendPort"} in data["missing_members"]


def test_export_servicebus_writes_four_files(
    capsys: pytest.CaptureFixture[str], design_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "sb"
    result = run_in_process(
        capsys, "export-servicebus", design_file, "--namespace", "ns", "--topic", "orders", "-o", out
    )
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == [
        "report.txt",
        "subscriptions.bicep",
        "subscriptions.json",
        "subscriptions.sh",
    ]
    template = json.loads((out / "subscriptions.json").read_text(encoding="utf-8"))
    expressions = [
        r["properties"]["sqlFilter"]["sqlExpression"] for r in template["resources"] if r["type"].endswith("/rules")
    ]
    assert sorted(expressions) == ["[BTS.ReceivePortName] = 'In'", "[BTS.ReceivePortName] = 'Other'"]
    assert "topic orders in namespace ns: 2 subscriptions" in result.out
    assert "is set by BizTalk's messaging engine" in (out / "report.txt").read_text(encoding="utf-8")


def test_export_servicebus_refuses_a_file_as_folder(capsys: pytest.CaptureFixture[str], design_file: Path) -> None:
    result = run_in_process(
        capsys, "export-servicebus", design_file, "--namespace", "n", "--topic", "t", "-o", design_file
    )
    assert result.code == 2 and "is a file; give a folder" in result.err


def test_passwords_in_filter_values_are_masked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws_url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    location = "ftp://user:s3cr3t@example.test/in"
    with Workspace(ws_url) as ws:
        ws.import_document(load(binding_file(ports=[port("Ftp")])))
        where = FilterStatement(property="BTS.InboundTransportLocation", value=location)
        ws.update_port("Ftp", replace(ws.port("Ftp").model, filter=Filter(groups=(FilterGroup(statements=(where,)),))))
        ws.perform(Action.START, [Subject(Kind.PORT, "Ftp")])
    for extra in ([], ["--json"]):
        result = run_in_process(
            capsys, "--workspace", ws_url, "route", "-p", f"BTS.InboundTransportLocation={location}", *extra
        )
        assert result.code == 0 and "Ftp" in result.out and "s3cr3t" not in result.out + result.err
    used = run_in_process(capsys, "--workspace", ws_url, "route", "--who-uses", "BTS.InboundTransportLocation")
    assert "example.test" in used.out and "s3cr3t" not in used.out


def test_env_fills_placeholders_in_filters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    files = []
    for env in ("Dev", "Prod"):
        path = tmp_path / f"{env}.xml"
        path.write_bytes(binding_file(ports=[port("A", filter_value=f"In.{env}"), port("B", filter_value="Other")]))
        files.append(path)
    ws = str(tmp_path / "ws.sqlite")
    assert run_in_process(capsys, "--workspace", ws, "import", "--as-environments", *files).code == 0
    assert run_in_process(capsys, "--workspace", ws, "start", "A", "B").code == 0
    prod = run_in_process(capsys, "--workspace", ws, "route", "-p", "BTS.ReceivePortName=In.Prod", "--env", "Prod")
    assert prod.code == 0 and "filter group 1: BTS.ReceivePortName == In.Prod" in prod.out
    dev = run_in_process(capsys, "--workspace", ws, "route", "-p", "BTS.ReceivePortName=In.Prod", "--env", "Dev")
    assert dev.code == 1
    design = run_in_process(capsys, "--workspace", ws, "route", "-p", "BTS.ReceivePortName=In.Prod")
    assert design.code == 1  # the design's filter holds the placeholder, not a value
    unknown = run_in_process(capsys, "--workspace", ws, "route", "-p", "BTS.ReceivePortName=x", "--env", "Nope")
    assert unknown.code == 2 and "no environment named 'Nope'" in unknown.err
    out = tmp_path / "sb"
    sb = run_in_process(
        capsys, "--workspace", ws, "export-servicebus", "--env", "Prod", "--namespace", "n", "--topic", "t", "-o", out
    )
    template = json.loads((out / "subscriptions.json").read_text(encoding="utf-8"))
    rules = [
        r["properties"]["sqlFilter"]["sqlExpression"] for r in template["resources"] if r["type"].endswith("/rules")
    ]
    assert sb.code == 0 and "[BTS.ReceivePortName] = 'In.Prod'" in rules


def test_env_needs_the_workspace(capsys: pytest.CaptureFixture[str], design_file: Path) -> None:
    result = route(capsys, design_file, "-p", "A=b", "--env", "Prod")
    assert result.code == 2 and "give it without FILE" in result.err
