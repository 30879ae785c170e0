"""Apply a deployment plan to a live group through the Management REST API, step by step.

For each step the object is read first (``GET``) and compared with what the plan expected
(``Step.expected_state`` and ``Step.expected``): a state or definition that changed since the
plan was made (someone used the console meanwhile) stops the run with :class:`ApplyConflict`,
naming the object and what changed, before anything is written for that step. Definitions are
compared as the API holds them (``payloads.rest_view``) with passwords blanked
(``model.deploy.plan.definition_changes``), a group's member list as a set. The API documents
no ETag or If-Match, so a change made in the one round trip between the GET and the write is not
seen before the write; the server's rules refuse what no longer fits, and a refused write whose
object is found changed when read again is reported as the conflict it is. A definition changed
in that window is overwritten (lost), as the console's last writer wins too.

How steps are written (the reference has no membership endpoint, so membership is the group's
``SendPorts`` list): CREATE is ``POST``, UPDATE ``PUT`` of the object (a group keeps the member
list it has), DELETE ``DELETE``, ADD_MEMBER / REMOVE_MEMBER a ``PUT`` of the group with one name
added or removed, ENLIST/UNENLIST/START/STOP the ``PUT .../Enlist`` ... verbs, CREATE_APPLICATION
a ``POST /Applications`` (Name, Description, ApplicationReferences), ADD_REFERENCE a ``PUT`` of
the application with the reference added to ``ApplicationReferences``.

Passwords: the server never gives them back, so a design read from an export holds them blanked.
An UPDATE that would send a blanked password (which BizTalk stores, clearing the real one) is
not sent: the step fails and says which setting, unless ``allow_blank_secrets``.

The first failure stops the run; the report says which steps were done. After a complete run a
new snapshot and a new plan are empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from model.deploy.plan import definition_changes
from model.deploy.simulate import SimulationError, Work
from model.deploy.steps import Plan, Step, StepAction
from model.domain import SendPort, SendPortGroup
from model.lifecycle_types import Kind, State
from model.rest.client import ManagementClient, RestError
from model.rest.payloads import (
    PayloadError,
    blanked_secrets,
    group_from_json,
    group_to_json,
    parse_status,
    port_from_json,
    port_to_json,
    rest_view,
)
from model.rest.snapshot import snapshot

__all__ = ["ApplyConflict", "ApplyReport", "StepResult", "StepStatus", "apply_plan"]


class StepStatus(StrEnum):
    DONE = "done"
    WOULD_DO = "would do"  # a dry run: checked, not written
    CONFLICT = "conflict"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class StepResult:
    step: Step
    status: StepStatus
    message: str = ""

    def text(self) -> str:
        return f"{self.status.value}: {self.step.text()}" + (f": {self.message}" if self.message else "")


@dataclass(frozen=True)
class ApplyReport:
    """What a run did: one result per step reached, in order."""

    plan: Plan
    results: tuple[StepResult, ...]
    dry_run: bool = False

    @property
    def done(self) -> tuple[Step, ...]:
        return tuple(r.step for r in self.results if r.status in (StepStatus.DONE, StepStatus.WOULD_DO))

    @property
    def stopped(self) -> StepResult | None:
        """The conflict or failure that stopped the run, if one did."""
        last = self.results[-1] if self.results else None
        return last if last is not None and last.status in (StepStatus.CONFLICT, StepStatus.FAILED) else None

    @property
    def ok(self) -> bool:
        return self.stopped is None and len(self.results) == len(self.plan.steps)

    @property
    def not_run(self) -> tuple[Step, ...]:
        return self.plan.steps[len(self.results) :]

    def text(self) -> str:
        verb = "Checked" if self.dry_run else "Done"
        lines = [f"{verb} {len(self.done)} of {len(self.plan.steps)} steps on {self.plan.target}."]
        lines += [r.text() for r in self.results]
        if self.stopped is not None and self.not_run:
            lines.append(f"Not run: {len(self.not_run)} steps, from '{self.not_run[0].text()}' on.")
        return "\n".join(lines)


class ApplyConflict(Exception):
    """The live group changed since the plan was made; ``report`` says what was done before."""

    def __init__(self, step: Step, changes: list[str], report: ApplyReport) -> None:
        self.step, self.changes, self.report = step, changes, report
        done = len(report.done)
        super().__init__(
            f"{step.text()}: {_object(step)} changed since the plan was made ({'; '.join(changes)}). "
            f"{done} step{'s' if done != 1 else ''} done before it; make a new plan."
        )


def _object(step: Step) -> str:
    if step.action in (StepAction.CREATE_APPLICATION, StepAction.ADD_REFERENCE):
        return f"application '{step.name}'"
    return f"{step.kind.label} '{step.name}'"


class _Failed(Exception):
    pass


@dataclass
class _Live:
    state: State | None
    definition: SendPort | SendPortGroup | None
    raw: dict[str, Any] | None


_VERBS = {
    StepAction.ENLIST: "enlist",
    StepAction.UNENLIST: "unenlist",
    StepAction.START: "start",
    StepAction.STOP: "stop",
}


class _Runner:
    def __init__(self, client: ManagementClient, plan: Plan, dry_run: bool, allow_blank_secrets: bool) -> None:
        self.client, self.plan, self.dry_run, self.allow_blank = client, plan, dry_run, allow_blank_secrets
        self.work: Work | None = None
        if dry_run:
            target = snapshot(client)
            self.work = Work(target)
            self.trusted = {n for n, h in target.hosts.items() if h.trusted}
        else:
            self.trusted = {str(h.get("Name")) for h in client.list_hosts() if h.get("IsTrusted")}

    # -- reading --------------------------------------------------------------------------

    def live(self, step: Step) -> _Live:
        if self.work is not None:
            return _Live(self.work.state(step.kind, step.name), self.work.definition(step.kind, step.name), None)
        if step.kind is Kind.PORT:
            data = self.client.find_send_port(step.name)
            return _Live(None, None, None) if data is None else self._port(data)
        data = self.client.find_send_port_group(step.name)
        if data is None:
            return _Live(None, None, None)
        return _Live(parse_status(data.get("Status"), _object(step)), group_from_json(data), data)

    def _port(self, data: dict[str, Any]) -> _Live:
        port = port_from_json(data, trusted_hosts=self.trusted)
        return _Live(parse_status(data.get("Status"), f"send port '{port.name}'"), port, data)

    def changes(self, step: Step, live: _Live) -> list[str]:
        out: list[str] = []
        if live.state != step.expected_state:
            was = "absent" if step.expected_state is None else step.expected_state.label
            now = "absent" if live.state is None else live.state.label
            out.append(f"expected it {was}, found it {now}")
        if step.expected is not None and live.definition is not None:
            expected = rest_view(step.expected, trusted_hosts=self.trusted)
            out += definition_changes(expected, rest_view(live.definition, trusted_hosts=self.trusted))
            now_group = live.definition if isinstance(live.definition, SendPortGroup) else None
            if isinstance(expected, SendPortGroup) and now_group and set(expected.members) != set(now_group.members):
                out.append(f"members: expected {sorted(expected.members)}, found {sorted(now_group.members)}")
        return out

    # -- one step -------------------------------------------------------------------------

    def run(self, step: Step) -> StepResult | list[str]:
        """The step's result, or the changes that make it a conflict."""
        if step.action in (StepAction.CREATE_APPLICATION, StepAction.ADD_REFERENCE):
            return self._application(step)
        live = self.live(step)
        conflict = self.changes(step, live)
        if conflict:
            return conflict
        if self.work is not None:
            try:
                self.work.apply(step, check=False)
            except SimulationError as e:
                return StepResult(step, StepStatus.FAILED, str(e))
            return StepResult(step, StepStatus.WOULD_DO)
        try:
            self._write(step, live)
        except RestError:
            # refused: if the object changed since the GET, that is the reason (a conflict)
            now = self.changes(step, self.live(step))
            if now:
                return [*now, "changed while the step was sent"]
            raise
        return StepResult(step, StepStatus.DONE)

    def _application(self, step: Step) -> StepResult | list[str]:
        if self.work is not None:
            exists = self.work.application_exists(step.name)
            refs = self.work.applications.get(step.name, ())
        else:
            app = self.client.find_application(step.name)
            exists, refs = app is not None, tuple((app or {}).get("ApplicationReferences") or ())
        if step.action is StepAction.CREATE_APPLICATION and exists:
            return ["it exists already"]
        if step.action is StepAction.ADD_REFERENCE:
            if not exists:
                return ["it does not exist"]
            if step.member in refs:
                return [f"it references '{step.member}' already"]
        if self.work is not None:
            self.work.apply(step, check=False)
            return StepResult(step, StepStatus.WOULD_DO)
        if step.action is StepAction.CREATE_APPLICATION:
            self.client.create_application({"Name": step.name, "Description": None, "ApplicationReferences": []})
        else:
            body = dict(app or {})
            body["ApplicationReferences"] = [*refs, step.member]
            self.client.update_application(step.name, body)
        return StepResult(step, StepStatus.DONE)

    def _write(self, step: Step, live: _Live) -> None:
        c, name, port_kind = self.client, step.name, step.kind is Kind.PORT
        match step.action:
            case StepAction.CREATE if port_kind and step.port is not None:
                c.create_send_port(port_to_json(step.port))
            case StepAction.UPDATE if port_kind and step.port is not None:
                blank = blanked_secrets(step.port)
                if blank and not self.allow_blank:
                    raise _Failed(
                        f"the design holds no value for {', '.join(blank)}; BizTalk would store it empty and "
                        "lose the password: give the design the real value (environment settings) first"
                    )
                c.update_send_port(name, port_to_json(step.port, status=live.state or State.UNENLISTED))
            case StepAction.CREATE if step.group is not None:
                c.create_send_port_group(group_to_json(step.group))
            case StepAction.UPDATE if step.group is not None:
                body = group_to_json(step.group, status=live.state or State.UNENLISTED)
                body["SendPorts"] = list((live.raw or {}).get("SendPorts") or [])
                c.update_send_port_group(name, body)
            case StepAction.DELETE:
                (c.delete_send_port if port_kind else c.delete_send_port_group)(name)
            case StepAction.ADD_MEMBER | StepAction.REMOVE_MEMBER:
                body = dict(live.raw or {})
                members = [m for m in body.get("SendPorts") or [] if m != step.member]
                if step.action is StepAction.ADD_MEMBER:
                    members.append(step.member)
                body["SendPorts"] = members
                c.update_send_port_group(name, body)
            case StepAction.ENLIST | StepAction.UNENLIST | StepAction.START | StepAction.STOP:
                noun = "send_port" if port_kind else "send_port_group"
                getattr(c, f"{_VERBS[step.action]}_{noun}")(name)
            case _:
                raise _Failed("the step carries no definition to write")


def apply_plan(
    client: ManagementClient,
    plan: Plan,
    *,
    on_step: Callable[[StepResult], None] | None = None,
    dry_run: bool = False,
    allow_blank_secrets: bool = False,
) -> ApplyReport:
    """Apply ``plan``'s steps in order through ``client``; see the module docstring.

    ``on_step`` is called with each step's result as it is known. ``dry_run`` reads the group
    once, checks every step against it played forward in memory, and writes nothing. Returns the
    report (``ok`` when every step was done; else ``stopped`` is the failed step, with the
    server's message). Raises :class:`ApplyConflict`, carrying the report, when the live group
    changed since the plan was made."""
    results: list[StepResult] = []

    def record(result: StepResult) -> None:
        results.append(result)
        if on_step is not None:
            on_step(result)

    try:
        runner = _Runner(client, plan, dry_run, allow_blank_secrets)
    except (RestError, PayloadError) as e:
        if plan.steps:
            record(StepResult(plan.steps[0], StepStatus.FAILED, f"cannot read the group: {e}"))
        return ApplyReport(plan, tuple(results), dry_run)
    for step in plan.steps:
        try:
            outcome = runner.run(step)
        except (RestError, PayloadError, _Failed) as e:
            record(StepResult(step, StepStatus.FAILED, str(e)))
            break
        if isinstance(outcome, list):
            record(StepResult(step, StepStatus.CONFLICT, "; ".join(outcome)))
            raise ApplyConflict(step, outcome, ApplyReport(plan, tuple(results), dry_run))
        record(outcome)
        if outcome.status is StepStatus.FAILED:
            break
    return ApplyReport(plan, tuple(results), dry_run)
