"""Deployment plans, pre-flight checks, target files and the PowerShell script (model.deploy).

Every plan is applied to a copy of its target with ``check=True``: each step is compared with
what it expected and asked of BizTalk's lifecycle rules before it is applied, so a step that
breaks a rule fails the test. Planning again on the result must give an empty plan."""

from __future__ import annotations

import dataclasses

import pytest

from model.bindings import load
from model.deploy.plan import definition_changes, make_plan
from model.deploy.preflight import Severity, preflight
from model.deploy.script import powershell_script, ps_quote
from model.deploy.simulate import StepConflict, StepRefused, apply_steps
from model.deploy.steps import Step, StepAction
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.deploy.target_file import TargetFileError, read_target, write_target
from model.lifecycle_types import Kind, State
from tests.support.bindings import STANDARD, binding_file, group, port

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
HOSTS = {"BizTalkServerApplication": Host("BizTalkServerApplication")}
HANDLERS = {"FILE": frozenset(HOSTS), "HTTP": frozenset(HOSTS)}


def design():
    return load(STANDARD)


def target_like(doc, ports=None, groups=None, **extra) -> Target:
    """A target holding the design's own ports and groups in the given states (default Unenlisted)."""
    ports = ports or {}
    groups = groups or {}
    base = {
        "hosts": HOSTS,
        "send_handlers": HANDLERS,
        "adapters": frozenset(HANDLERS),
        "applications": {"App": ()},
        "ports": {p.name: TargetPort(p, ports.get(p.name, U)) for p in doc.send_ports},
        "groups": {g.name: TargetGroup(g, groups.get(g.name, U)) for g in doc.groups},
        "source": "test-target",
    }
    base.update(extra)
    return Target(**base)


def states(target: Target) -> dict[tuple[Kind, str], State]:
    out = {(Kind.PORT, n): p.state for n, p in target.ports.items()}
    out.update({(Kind.GROUP, n): g.state for n, g in target.groups.items()})
    return out


def deploy(doc, desired, target):
    """Plan, apply with every step checked, and plan again: returns (plan, target after)."""
    plan = make_plan(doc, desired, target)
    after = apply_steps(target, plan.steps, check=True)
    again = make_plan(doc, desired, after)
    assert not again, [s.text() for s in again.steps]
    return plan, after


def test_empty_target_gets_everything_created_then_raised():
    doc = design()
    desired = {(Kind.PORT, "A"): ST, (Kind.PORT, "B"): S, (Kind.GROUP, "G1"): ST}
    plan, after = deploy(doc, desired, Target(source="empty"))
    actions = [(s.action, s.name) for s in plan.steps]
    assert actions[0] == (StepAction.CREATE_APPLICATION, "App")
    created = {n for a, n in actions if a is StepAction.CREATE}
    assert created == {"A", "B", "C", "R", "D", "G1", "G2", "Empty"}
    # definitions before members, members before any state change
    first_member = actions.index((StepAction.ADD_MEMBER, "G1"))
    assert max(i for i, (a, _) in enumerate(actions) if a is StepAction.CREATE) < first_member
    assert first_member < min(i for i, (a, _) in enumerate(actions) if a is StepAction.ENLIST)
    got = states(after)
    assert got[(Kind.PORT, "A")] is ST and got[(Kind.PORT, "B")] is S and got[(Kind.GROUP, "G1")] is ST
    assert got[(Kind.PORT, "C")] is U  # new and without a desired state: Unenlisted
    assert after.groups["G1"].group.members == ("A", "B") or list(after.groups["G1"].group.members) == ["A", "B"]


def test_matching_target_gives_an_empty_plan():
    doc = design()
    target = target_like(doc, ports={"A": ST}, groups={"G1": ST})
    plan = make_plan(doc, {(Kind.PORT, "A"): ST, (Kind.GROUP, "G1"): ST}, target)
    assert not plan and plan.steps == ()
    assert "nothing to do" in powershell_script(plan, "App.BindingInfo.xml")


def test_bringing_down_follows_the_rules():
    """Everything started; the design wants B unenlisted. B is G1's and G2's member, so G2 (its
    last enlisted member leaving) must go down first, and B is stopped before it is unenlisted."""
    doc = design()
    everything = {p.name: ST for p in doc.send_ports if p.name != "D"}
    target = target_like(doc, ports=everything, groups={"G1": ST, "G2": ST})
    desired = {(Kind.PORT, "B"): U}
    plan, after = deploy(doc, desired, target)
    texts = [s.text() for s in plan.steps]
    assert texts.index("Stop send port 'B'") < texts.index("Unenlist send port 'B'")
    g2_down = [
        i for i, s in enumerate(plan.steps) if s.name == "G2" and s.action in (StepAction.STOP, StepAction.UNENLIST)
    ]
    assert g2_down and g2_down[0] < texts.index("Unenlist send port 'B'")
    got = states(after)
    assert got[(Kind.PORT, "B")] is U
    assert got[(Kind.PORT, "A")] is ST and got[(Kind.GROUP, "G1")] is ST  # G1 keeps A enlisted
    assert all(s.expected_state is not None for s in plan.steps if s.action in (StepAction.STOP, StepAction.UNENLIST))


def test_drifted_definition_is_updated_in_place_with_what_was_expected():
    doc = design()
    target = target_like(doc, ports={"A": ST})
    drifted = target.ports["A"].port.model_copy(update={"description": "changed by hand"})
    target = dataclasses.replace(target, ports={**target.ports, "A": TargetPort(drifted, ST)})
    assert definition_changes(doc.send_ports[0], drifted)
    plan, after = deploy(doc, {}, target)
    assert [(s.action, s.name) for s in plan.steps] == [(StepAction.UPDATE, "A")]
    step = plan.steps[0]
    assert step.expected == drifted and step.expected_state is ST
    assert after.ports["A"].state is ST  # left as it was: no desired state


def test_extra_ports_of_the_design_application_are_deleted_others_left_alone():
    doc = design()
    other = load(binding_file(ports=[port("X"), port("Y", application="Other")]))
    x, y = other.send_ports
    target = target_like(doc)
    target = dataclasses.replace(
        target,
        ports={**target.ports, "X": TargetPort(x, ST), "Y": TargetPort(y, ST)},
        applications={"App": (), "Other": ()},
    )
    plan, after = deploy(doc, {}, target)
    texts = [s.text() for s in plan.steps]
    assert texts == ["Stop send port 'X'", "Unenlist send port 'X'", "Delete send port 'X'"]
    assert "X" not in after.ports and after.ports["Y"].state is ST


def test_a_step_applied_to_a_changed_target_is_refused():
    doc = design()
    target = target_like(doc)
    plan = make_plan(doc, {(Kind.PORT, "A"): ST}, target)
    moved = dataclasses.replace(target, ports={**target.ports, "A": TargetPort(target.ports["A"].port, S)})
    with pytest.raises(StepConflict, match="expected it Unenlisted, found it Stopped"):
        apply_steps(moved, plan.steps)
    # a hand-made step that breaks a rule is refused by the lifecycle rules
    started = target_like(doc, ports={"A": ST})
    bad = Step(StepAction.UNENLIST, Kind.PORT, "A", expected_state=ST)
    with pytest.raises(StepRefused):
        apply_steps(started, [bad])


def test_preflight_is_clean_on_a_matching_target_and_names_each_problem():
    doc = design()
    assert preflight(doc, target_like(doc)) == []
    bare = Target(source="bare")
    codes = {(f.code, f.name, f.field) for f in preflight(doc, bare)}
    assert ("adapter-not-registered", "A", "primary_transport.adapter") in codes
    assert ("unknown-host", "A", "primary_transport.send_handler") in codes
    trusted = target_like(doc, hosts={"BizTalkServerApplication": Host("BizTalkServerApplication", trusted=True)})
    found = preflight(doc, trusted)
    assert {f.code for f in found} == {"trust-mismatch"}
    assert "not trusted" in found[0].text() and found[0].severity is Severity.ERROR
    no_http = target_like(doc, send_handlers={"FILE": frozenset(HOSTS)})
    assert {(f.code, f.name) for f in preflight(doc, no_http)} == {("no-send-handler", "R")}


def test_preflight_names_unknown_members_and_names_owned_elsewhere():
    doc = load(binding_file(ports=[port("A")], groups=[group("G", ["A", "Ghost"])]))
    found = preflight(doc, Target(hosts=HOSTS, send_handlers=HANDLERS, adapters=frozenset(HANDLERS)))
    assert [(f.code, f.field) for f in found] == [("unknown-member", "members[1]")]
    elsewhere = load(binding_file(ports=[port("A", application="Other")]))
    target = Target(
        hosts=HOSTS,
        send_handlers=HANDLERS,
        adapters=frozenset(HANDLERS),
        ports={"A": TargetPort(elsewhere.send_ports[0])},
    )
    found = preflight(load(binding_file(ports=[port("A")])), target)
    assert [f.code for f in found] == ["owned-elsewhere"] and "application 'Other'" in found[0].message


def test_script_quotes_names_and_lists_every_step():
    doc = load(binding_file(ports=[port("O'Brien")]))
    plan = make_plan(doc, {(Kind.PORT, "O'Brien"): ST}, Target(source="prod"))
    script = powershell_script(plan, "it's.xml")
    assert ps_quote("O'Brien") == "'O''Brien'"
    assert "'O''Brien'" in script and "'it''s.xml'" in script
    for number, step in enumerate(plan.steps, 1):
        assert f"# {number}. {step.text()}" in script


def test_target_file_round_trips_and_bad_files_are_named(tmp_path):
    doc = design()
    target = target_like(doc, ports={"A": ST}, groups={"G1": ST}, applications={"App": ("Shared",)})
    json_path, bindings_path = write_target(target, tmp_path / "prod.json")
    assert bindings_path.exists() and bindings_path.parent == tmp_path
    back = read_target(json_path)
    assert states(back) == states(target)
    assert dict(back.hosts) == dict(target.hosts) and back.adapters == target.adapters
    assert dict(back.applications) == {"App": ("Shared",)}
    assert not make_plan(doc, {(Kind.PORT, "A"): ST, (Kind.GROUP, "G1"): ST}, back)
    bad = tmp_path / "bad.json"
    bad.write_text('{"hosts": [], "send_handlers": {"FILE": ["Nowhere"]}}')
    with pytest.raises(TargetFileError, match=r"send_handlers\.FILE\[0\].*Nowhere"):
        read_target(bad)
    bad.write_text("{not json")
    with pytest.raises(TargetFileError, match="not JSON"):
        read_target(bad)
