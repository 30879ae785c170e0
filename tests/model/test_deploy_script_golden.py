"""The PowerShell scripts of two plans, compared with golden files that were read through by hand
once (tests/fixtures/deploy/*.ps1): a deployment into an empty group, and one that brings
ports down in the order BizTalk's rules need and deletes a port the design no longer has.

After an intended change to ``model.deploy.script``, run this module with
``PORTWRIGHT_WRITE_GOLDEN=1``, read the diff of the golden files, and commit them."""

from __future__ import annotations

import os
import re

import pytest

from model.bindings import load
from model.deploy.plan import make_plan
from model.deploy.script import powershell_script
from model.deploy.steps import Plan
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.lifecycle_types import Kind, State
from tests.conftest import FIXTURES
from tests.support.bindings import STANDARD, binding_file, port

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
HOSTS = {"BizTalkServerApplication": Host("BizTalkServerApplication")}


def from_empty() -> Plan:
    empty = Target(HOSTS, {}, frozenset(), {}, {}, {}, "prod-target.json")
    desired = {(Kind.PORT, "A"): ST, (Kind.PORT, "B"): ST, (Kind.GROUP, "G1"): ST}
    return make_plan(load(STANDARD), desired, empty)


def bring_down() -> Plan:
    doc = load(STANDARD)
    extra = load(binding_file(ports=[port("X")])).send_ports[0]
    ports = {p.name: TargetPort(p, U if p.name == "D" else ST) for p in doc.send_ports}
    ports["X"] = TargetPort(extra, ST)
    groups = {g.name: TargetGroup(g, U if g.name == "Empty" else ST) for g in doc.groups}
    target = Target(HOSTS, {}, frozenset(), {"App": ()}, ports, groups, "prod-target.json")
    return make_plan(doc, {(Kind.PORT, "B"): U}, target)


PLANS = {"from_empty": from_empty, "bring_down": bring_down}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_script_matches_the_reviewed_golden_file(name: str) -> None:
    script = powershell_script(PLANS[name](), "App.BindingInfo.xml", script_name="deploy.ps1")
    golden = FIXTURES / "deploy" / f"{name}.ps1"
    if os.environ.get("PORTWRIGHT_WRITE_GOLDEN"):
        golden.write_text(script, encoding="utf-8", newline="\n")
    assert script == golden.read_text(encoding="utf-8")


def test_every_step_of_the_plan_is_in_the_script_in_order() -> None:
    """Independently of the golden text: one numbered call per step, in the plan's order, and the
    rule-driven order (stop, unenlist, delete) kept."""
    plan = bring_down()
    script = powershell_script(plan, "App.BindingInfo.xml")
    calls = re.findall(r"^Invoke-(\w+) (\d+) ", script, flags=re.MULTILINE)
    assert [int(n) for _, n in calls] == list(range(1, len(plan.steps) + 1))
    lines = [line for line in script.splitlines() if line.startswith("Invoke-")]
    x = [i for i, line in enumerate(lines) if "'X'" in line]
    assert [lines[i].split()[0] for i in x] == ["Invoke-State", "Invoke-State", "Invoke-Delete"]
    assert "'Started' 'Stopped'" in lines[x[0]] and "'Stopped' 'Bound'" in lines[x[1]]
    g2 = next(i for i, line in enumerate(lines) if "'group' 'G2'" in line)
    b_unenlist = next(i for i, line in enumerate(lines) if "Unenlist send port ''B''" in line)
    assert g2 < b_unenlist
