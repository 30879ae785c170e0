"""Deploying through the Management REST API (model.rest) to the HTTP stand-in: snapshots, plans
applied step by step, conflicts with changes made meanwhile, and the stand-in's own BizTalk rules
judging every request (tests/support/rest_standin.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from model.bindings import BindingFormatError, load
from model.bindings.binding_document import BindingDocument
from model.deploy.plan import PlanError, make_plan
from model.deploy.steps import Plan, Step, StepAction
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.domain import AdapterProperty, AdapterSettings, replace
from model.lifecycle_types import Kind, State
from model.rest.apply import ApplyConflict, StepStatus, apply_plan
from model.rest.client import ManagementClient
from model.rest.payloads import PayloadError, port_to_json, rest_view
from model.rest.snapshot import snapshot
from tests.conftest import corpus_files
from tests.support.bindings import STANDARD, binding_file, group, port
from tests.support.rest_standin import Request, RestStandIn

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
HOSTS = {
    "BizTalkServerApplication": Host("BizTalkServerApplication"),
    "TrustedHost": Host("TrustedHost", trusted=True, host_type="Isolated"),
}
HANDLERS = {"FILE": frozenset({"BizTalkServerApplication"}), "HTTP": frozenset({"BizTalkServerApplication"})}
HANDLERS |= {"WCF-SQL": frozenset({"TrustedHost"})}


def group_target(doc: BindingDocument | None = None, ports=None, groups=None, apps=None) -> Target:
    """A BizTalk group with two hosts and three adapters, holding ``doc``'s ports and groups in
    the given states (default Unenlisted); no ``doc``: an empty group."""
    ports, groups = ports or {}, groups or {}
    return Target(
        HOSTS,
        HANDLERS,
        frozenset(HANDLERS),
        apps if apps is not None else ({"App": ()} if doc is not None else {}),
        {p.name: TargetPort(p, ports.get(p.name, U)) for p in (doc.send_ports if doc else ())},
        {g.name: TargetGroup(g, groups.get(g.name, U)) for g in (doc.groups if doc else ())},
    )


@pytest.fixture
def served() -> Iterator[tuple[RestStandIn, ManagementClient]]:
    standin = RestStandIn()
    with standin, ManagementClient(standin.url) as client:
        yield standin, client


def _refused(log: list[Request]) -> list[Request]:
    """Requests the stand-in refused (a GET of an absent object is a question, not a refusal)."""
    return [r for r in log if r.status >= 400 and not (r.method == "GET" and r.status == 404)]


def deploy(standin: RestStandIn, client: ManagementClient, doc: BindingDocument, desired) -> Target:
    """Plan from a snapshot, apply through the client, check the end: every step done, none
    refused by the stand-in, definitions and states as designed, and a new plan empty."""
    before = snapshot(client)
    plan = make_plan(doc, desired, before)
    report = apply_plan(client, plan)
    assert report.ok, report.text()
    assert [r.status for r in report.results] == [StepStatus.DONE] * len(plan.steps)
    assert not _refused(standin.log), _refused(standin.log)
    after = snapshot(client)
    for p in doc.send_ports:
        assert after.ports[p.name].port == rest_view(p, trusted_hosts={"TrustedHost"}), p.name
    for g in doc.groups:
        got = after.groups[g.name].group
        assert set(got.members) == set(g.members) and got.filter == g.filter and got.description == g.description
    for (kind, name), state in desired.items():
        table = after.ports if kind is Kind.PORT else after.groups
        assert table[name].state is state, (kind, name)
    again = make_plan(doc, desired, after)
    assert not again, [s.text() for s in again.steps]
    return after


def test_snapshot_of_a_seeded_standin_equals_the_seed():
    doc = load(STANDARD)
    seed = group_target(doc, {"A": ST, "B": S, "C": S}, {"G1": ST, "G2": S}, {"App": ("Common",), "Common": ()})
    with RestStandIn(seed) as standin, ManagementClient(standin.url) as client:
        got = snapshot(client)
    assert got.source == standin.url
    assert got.hosts == seed.hosts and got.send_handlers == seed.send_handlers and got.adapters == seed.adapters
    assert got.applications == seed.applications
    assert got.ports == seed.ports
    assert got.groups == seed.groups
    assert got.view() == seed.view()


def test_the_standin_gives_adapter_settings_with_secrets_blanked():
    pw = port("P", address="C:\\x\\%MessageID%.xml")
    doc = load(binding_file(ports=[pw]))
    secret = doc.send_ports[0].primary_transport.settings.with_value("Password", "hunter2")  # type: ignore[union-attr]
    sent = doc.send_ports[0].model_copy(
        update={"primary_transport": doc.send_ports[0].primary_transport.model_copy(update={"settings": secret})}  # type: ignore[union-attr]
    )
    with RestStandIn(group_target(apps={"App": ()})) as standin, ManagementClient(standin.url) as client:
        client.create_send_port(port_to_json(sent))
        assert "hunter2" in standin.ports["P"]["PrimaryTransport"]["TransportTypeData"]  # kept by the group
        given = client.get_send_port("P")["PrimaryTransport"]["TransportTypeData"]
    assert "hunter2" not in given and '<Password vt="1" />' in given


def test_plan_from_an_empty_group_creates_and_raises_everything(served):
    standin, client = served
    standin.seed(group_target())
    doc = load(STANDARD)
    desired = {(Kind.PORT, "A"): ST, (Kind.PORT, "B"): S, (Kind.GROUP, "G1"): ST, (Kind.GROUP, "G2"): S}
    after = deploy(standin, client, doc, desired)
    assert after.ports["C"].state is U and set(after.applications) == {"App"}
    assert any(r.method == "POST" and r.path.endswith("/Applications") for r in standin.log)


STATE_CASES = [
    # (ports in the group, groups in the group) -> desired
    ({"A": ST, "B": ST, "C": ST}, {"G1": ST, "G2": ST}, {"A": U, "B": U, "G1": U, "G2": U}),
    ({"A": ST, "B": S}, {"G1": ST, "G2": S}, {"B": U}),  # B is G2's last enlisted member
    ({"A": S, "B": ST}, {"G1": ST, "G2": ST}, {"A": ST, "B": S, "C": ST, "G1": S}),
    ({}, {}, {"A": ST, "B": ST, "C": ST, "R": S, "G1": ST, "G2": ST, "Empty": S}),
]


@pytest.mark.parametrize(("ports", "groups", "wanted"), STATE_CASES)
def test_plan_from_the_same_design_in_other_states(served, ports, groups, wanted):
    standin, client = served
    doc = load(STANDARD)
    standin.seed(group_target(doc, ports, groups))
    desired = {(Kind.GROUP if n[0] in "GE" else Kind.PORT, n): s for n, s in wanted.items()}
    deploy(standin, client, doc, desired)


def test_plan_from_a_drifted_group_updates_deletes_and_regroups(served):
    standin, client = served
    design = load(STANDARD)
    drifted = load(
        binding_file(
            ports=[port("A", address="C:\\Elsewhere\\%MessageID%.xml"), port("B"), port("C"), port("X")],
            groups=[group("G1", ["A", "X"]), group("G2", ["B", "C"]), group("Old", ["B"])],
        )
    )
    standin.seed(group_target(drifted, {"A": ST, "X": ST, "B": S}, {"G1": ST, "Old": S}))
    desired = {(Kind.PORT, "A"): ST, (Kind.GROUP, "G1"): ST}
    after = deploy(standin, client, design, desired)
    assert "X" not in after.ports and "Old" not in after.groups
    assert set(after.groups["G2"].group.members) == {"B"}


def test_random_states_and_desires_always_deploy(served):
    standin, client = served
    doc = load(STANDARD)
    rnd = random.Random(20240506)
    deployed = 0
    for _ in range(8):
        standin.ports.clear(), standin.groups.clear(), standin.applications.clear(), standin.log.clear()
        ports = {p.name: rnd.choice((U, S, ST)) for p in doc.send_ports if not (p.is_two_way or not p.is_static)}
        groups = {
            g.name: rnd.choice((U, S, ST) if any(ports.get(m, U) is not U for m in g.members) else (U, S))
            for g in doc.groups
        }
        standin.seed(group_target(doc, ports, groups))
        desired = {(Kind.PORT, n): rnd.choice((U, S, ST)) for n in ("A", "B", "C")}
        try:
            make_plan(doc, desired, snapshot(client))
        except PlanError:
            continue
        deploy(standin, client, doc, desired)
        deployed += 1
    assert deployed >= 4


def test_applying_a_finished_plan_again_is_a_conflict_and_a_new_plan_is_empty(served):
    standin, client = served
    standin.seed(group_target())
    doc = load(STANDARD)
    desired = {(Kind.PORT, "A"): ST}
    plan = make_plan(doc, desired, snapshot(client))
    assert apply_plan(client, plan).ok
    writes = len(standin.log)
    with pytest.raises(ApplyConflict) as caught:
        apply_plan(client, plan)
    assert caught.value.step == plan.steps[0] and caught.value.report.done == ()
    assert all(r.method == "GET" for r in standin.log[writes:])  # nothing written the second time
    assert not make_plan(doc, desired, snapshot(client))


def test_a_console_change_between_steps_stops_the_plan_with_a_conflict(served):
    standin, client = served
    doc = load(STANDARD)
    standin.seed(group_target(doc))
    desired = {(Kind.PORT, "A"): ST, (Kind.PORT, "C"): ST}
    plan = make_plan(doc, desired, snapshot(client))
    first_c = next(i for i, s in enumerate(plan.steps) if s.name == "C")
    assert first_c >= 1 and plan.steps[0].name == "A" and plan.steps[first_c].action is StepAction.ENLIST

    def console(standin: RestStandIn, request: Request) -> None:
        if request.method == "PUT" and standin.between is not None:
            standin.between = None
            assert standin.console("PUT", "/SendPorts/C/Enlist")[0] == 204

    standin.between = console
    seen = []
    with pytest.raises(ApplyConflict) as caught:
        apply_plan(client, plan, on_step=seen.append)
    conflict = caught.value
    assert conflict.step.name == "C" and "send port 'C'" in str(conflict)
    assert "expected it Unenlisted, found it Stopped" in str(conflict) and f"{first_c} step" in str(conflict)
    assert conflict.report.done == plan.steps[:first_c]
    assert [r.status for r in seen] == [StepStatus.DONE] * first_c + [StepStatus.CONFLICT]
    assert standin.ports["A"]["Status"] == "Started"  # what was done stays done
    assert "Not run" in conflict.report.text()


def test_a_console_change_between_get_and_put_is_reported_as_a_conflict(served):
    standin, client = served
    doc = load(STANDARD)
    standin.seed(group_target(doc))
    plan = make_plan(doc, {(Kind.PORT, "C"): S}, snapshot(client))

    def console(standin: RestStandIn, request: Request) -> None:
        if request.method == "GET" and request.path.endswith("/SendPorts/C"):
            standin.between = None
            standin.console("PUT", "/SendPorts/C/Start")

    standin.between = console
    with pytest.raises(ApplyConflict) as caught:
        apply_plan(client, plan)
    assert "found it Started" in str(caught.value) and "changed while the step was sent" in str(caught.value)


def test_a_definition_changed_meanwhile_names_what_changed(served):
    standin, client = served
    target_doc = load(STANDARD)
    standin.seed(group_target(target_doc))
    design = load(binding_file(ports=[port("A", description="new"), port("B"), port("C")], groups=[group("G1", ["A"])]))
    plan = make_plan(design, {}, snapshot(client))
    changed = dict(standin.ports["A"], Priority=1)
    assert standin.console("PUT", "/SendPorts/A", changed)[0] == 204
    with pytest.raises(ApplyConflict) as caught:
        apply_plan(client, plan)
    assert caught.value.step.name == "A" and caught.value.changes == ["priority"]


def test_a_refused_step_reaches_the_caller_with_the_servers_message(served):
    standin, client = served
    standin.seed(group_target(load(STANDARD)))
    step = Step(StepAction.START, Kind.GROUP, "G1", expected_state=U, expected=snapshot(client).groups["G1"].group)
    report = apply_plan(client, Plan((step, Step(StepAction.ENLIST, Kind.PORT, "A", expected_state=U)), "t"))
    assert not report.ok and report.stopped is not None and report.stopped.status is StepStatus.FAILED
    assert "none of its send ports is enlisted" in report.stopped.message and "500" in report.stopped.message
    assert report.not_run[0].name == "A" and standin.ports["A"]["Status"] == "Bound"


def test_a_dry_run_checks_every_step_and_writes_nothing(served):
    standin, client = served
    doc = load(STANDARD)
    standin.seed(group_target(doc, {"A": ST}, {"G1": ST}))
    plan = make_plan(doc, {(Kind.PORT, "A"): U, (Kind.GROUP, "G1"): U, (Kind.PORT, "C"): ST}, snapshot(client))
    report = apply_plan(client, plan, dry_run=True)
    assert report.ok and {r.status for r in report.results} == {StepStatus.WOULD_DO}
    assert {r.method for r in standin.log} == {"GET"}
    assert standin.ports["A"]["Status"] == "Started"


# -- the real corpus, when it is there --------------------------------------------------------

CORPUS = [pytest.param(p, id=p.name[:40]) for p in corpus_files()]


@pytest.mark.skipif(not CORPUS, reason="the shared corpus is not on this machine")
@pytest.mark.parametrize("path", CORPUS)
def test_corpus_files_deploy_through_the_standin(path):
    try:
        doc = load(path)
        standin = RestStandIn.from_bindings(path)
    except (BindingFormatError, PayloadError) as e:
        pytest.skip(f"not deployable over REST as it is: {e}")
    with standin, ManagementClient(standin.url) as client:
        seeded = snapshot(client)
        trusted = {n for n, h in seeded.hosts.items() if h.trusted}
        for p in doc.send_ports:
            assert seeded.ports[p.name].port == rest_view(p, trusted_hosts=trusted)
        standin.ports.clear(), standin.groups.clear(), standin.applications.clear()
        design = BindingDocument(
            [rest_view(p, trusted_hosts=trusted) for p in doc.send_ports], [rest_view(g) for g in doc.groups]
        )
        try:
            plan = make_plan(design, {}, snapshot(client))  # type: ignore[arg-type]
        except PlanError as e:
            pytest.skip(f"no plan: {e}")
        report = apply_plan(client, plan)
        assert report.ok, report.text()
        assert not _refused(standin.log)
        assert not make_plan(design, {}, snapshot(client))  # type: ignore[arg-type]


def test_an_update_that_would_clear_a_password_is_not_sent(served):
    standin, client = served
    doc = load(STANDARD)
    a = doc.send_ports[0]
    secret = AdapterSettings(properties=(AdapterProperty("Password", 8, "hunter2"),))
    live = replace(a, primary_transport=replace(a.primary_transport, settings=secret))  # type: ignore[type-var]
    standin.seed(group_target(BindingDocument([live], [])))
    blank = AdapterSettings(properties=(AdapterProperty("Password", 1, None),))
    design = replace(live, description="new", primary_transport=replace(live.primary_transport, settings=blank))  # type: ignore[type-var]
    plan = make_plan(BindingDocument([design], []), {}, snapshot(client))
    assert [s.action for s in plan.steps] == [StepAction.UPDATE]  # the blanked password is no change
    report = apply_plan(client, plan)
    assert report.stopped is not None and "Password (primary transport)" in report.stopped.message
    assert "hunter2" not in report.text() and "hunter2" in standin.ports["A"]["PrimaryTransport"]["TransportTypeData"]
    assert apply_plan(client, plan, allow_blank_secrets=True).ok
    assert "hunter2" not in standin.ports["A"]["PrimaryTransport"]["TransportTypeData"]  # as BizTalk would
