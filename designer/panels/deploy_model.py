"""What the Deployment panel shows: the pre-flight findings and the plan for one target file, as
table models, and the job that works them out off the UI thread (with the drift the Drift view
shows, ``designer.panels.deploy_drift``).

:func:`plan_deployment` reads the target file and the design and asks ``model.deploy`` for the
findings, the drift and the plan; every failure a user can cause (a target file that cannot be read, a
design BizTalk's rules cannot reach) comes back in the :class:`Outcome` as words, never raised.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, Signal
from PySide6.QtGui import QColor, QFont

from designer import icons
from designer.deploy_door import Design
from designer.entry_text import fill
from designer.panels.problems_model import AnyIndex, Problem, TargetRole
from designer.panels.rows_model import RowsModel
from model import validation
from model.bindings import BindingFormatError
from model.deploy.drift import Drift, drift
from model.deploy.plan import PlanError, make_plan
from model.deploy.preflight import Finding, Severity, preflight
from model.deploy.steps import Plan, Step, StepAction
from model.deploy.target_file import TargetFileError, read_target
from model.lifecycle import Kind
from model.store import WorkspaceError

SEVERITY, OBJECT, FIELD, MESSAGE = range(4)
NUMBER, PHASE, STEP, REASON = range(4)

_A = StepAction
#: The plan's phases (``model.deploy.plan``), by the actions in them.
PHASE_OF = {
    _A.CREATE_APPLICATION: "applications",
    _A.ADD_REFERENCE: "applications",
    _A.CREATE: "definitions",
    _A.UPDATE: "definitions",
    _A.ADD_MEMBER: "members",
    _A.ENLIST: "up",
    _A.START: "up",
    _A.STOP: "down",
    _A.UNENLIST: "down",
    _A.REMOVE_MEMBER: "removal",
    _A.DELETE: "removal",
}
#: A tint per phase: mixed into the row's background, readable in both themes.
PHASE_COLOR = {
    "applications": "#12b5cb",
    "definitions": "#1a73e8",
    "members": "#9334e6",
    "up": "#1e8e3e",
    "down": "#e37400",
    "removal": "#d93025",
}
_STEP_ICON = {
    _A.CREATE_APPLICATION: "application",
    _A.ADD_REFERENCE: "application",
    _A.UPDATE: "properties",
    _A.DELETE: "delete",
    _A.ADD_MEMBER: "send-port-group",
    _A.REMOVE_MEMBER: "send-port-group",
    _A.ENLIST: "enlist",
    _A.UNENLIST: "unenlist",
    _A.START: "start",
    _A.STOP: "stop",
}
_SEVERITY_ICON = {Severity.ERROR: "problem-error", Severity.WARNING: "problem-warning"}


def phase_text(phase: str) -> str:
    return {
        "applications": QCoreApplication.translate("DeployModel", "Applications"),
        "definitions": QCoreApplication.translate("DeployModel", "Definitions"),
        "members": QCoreApplication.translate("DeployModel", "Membership"),
        "up": QCoreApplication.translate("DeployModel", "Bring up"),
        "down": QCoreApplication.translate("DeployModel", "Bring down"),
        "removal": QCoreApplication.translate("DeployModel", "Removal"),
    }[phase]


def severity_text(severity: Severity) -> str:
    return (
        QCoreApplication.translate("DeployModel", "Error")
        if severity is Severity.ERROR
        else QCoreApplication.translate("DeployModel", "Warning")
    )


@dataclass(frozen=True)
class Outcome:
    """One planning: the findings, and the plan or why there is none."""

    target: str
    findings: tuple[Finding, ...] = ()
    plan: Plan | None = None
    #: the design cannot be reached under BizTalk's rules (``PlanError``'s words)
    plan_error: str = ""
    #: the target file or the workspace could not be read: nothing was planned
    failure: str = ""
    #: what the plan was made from (the script's binding file is written from it)
    design: Design | None = None
    #: what differs between the target and the design (None: nothing was compared)
    drift: Drift | None = None
    #: the comparison failed (the plan may still be there)
    drift_error: str = ""


def plan_deployment(target_path: str, read_design: Callable[[], Design]) -> Outcome:
    """Read the target file and the design, and plan (see the module docstring)."""
    try:
        target = read_target(target_path)
    except TargetFileError as e:
        return Outcome(target_path, failure=str(e))
    try:
        design = read_design()
    except (WorkspaceError, BindingFormatError) as e:
        return Outcome(target_path, failure=str(e))
    found = preflight(design.document, target, applications=design.references)
    findings = tuple(sorted(found, key=lambda f: f.severity is not Severity.ERROR))  # errors first, else as found
    differs: Drift | None = None
    drift_error = ""
    try:
        differs = drift(design.document, design.desired, target)
    except BindingFormatError as e:
        drift_error = str(e)
    try:
        plan = make_plan(design.document, design.desired, target, applications=design.references)
    except PlanError as e:
        return Outcome(target_path, findings, None, str(e), design=design, drift=differs, drift_error=drift_error)
    return Outcome(target_path, findings, plan, design=design, drift=differs, drift_error=drift_error)


class _JobSignals(QObject):
    finished = Signal(int, object)  # generation, Outcome


class PlanJob(QRunnable):
    """One planning in a pool thread; reports through ``signals.finished`` (queued to the UI)."""

    def __init__(self, generation: int, target_path: str, read_design: Callable[[], Design]) -> None:
        super().__init__()
        self.generation = generation
        self.signals = _JobSignals()
        self._target, self._read = target_path, read_design
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """A newer planning supersedes this one: its outcome is not reported."""
        self._cancel.set()

    def run(self) -> None:
        try:
            outcome = plan_deployment(self._target, self._read)
        except Exception as e:  # noqa: BLE001 - shown in the panel; an exception here would be lost
            outcome = Outcome(self._target, failure=f"{type(e).__name__}: {e}")
        if self._cancel.is_set():
            return
        try:
            self.signals.finished.emit(self.generation, outcome)
        except RuntimeError:  # the panel is gone (closing): nobody to tell
            pass


def _where(finding: Finding) -> str:
    if finding.kind is None:
        return fill(QCoreApplication.translate("DeployModel", "Application '%1'"), finding.name)
    return fill(
        QCoreApplication.translate("DeployModel", "Send port '%1'")
        if finding.kind is Kind.PORT
        else QCoreApplication.translate("DeployModel", "Send port group '%1'"),
        finding.name,
    )


class FindingsModel(RowsModel):
    """Severity, object, field and message of each pre-flight finding."""

    def set_findings(self, rows: Sequence[Finding]) -> None:
        self.reset_rows(rows)

    def finding(self, row: int) -> Finding | None:
        found: Finding | None = self.row_at(row)
        return found

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("DeployModel", "Severity"),
            QCoreApplication.translate("DeployModel", "Object"),
            QCoreApplication.translate("DeployModel", "Field"),
            QCoreApplication.translate("DeployModel", "Message"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        f = self.finding(index.row()) if index.isValid() else None
        if f is None:
            return None
        col = index.column()
        if role == TargetRole:
            return (f.kind.value, f.name, f.field) if f.kind is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return (severity_text(f.severity), f.name, validation.label(f.field) if f.field else "", f.message)[col]
        if role == Qt.ItemDataRole.DecorationRole:
            if col == SEVERITY:
                return icons.icon(_SEVERITY_ICON[f.severity])
            if col == OBJECT:
                names = {None: "application", Kind.PORT: "send-port", Kind.GROUP: "send-port-group"}
                return icons.icon(names[f.kind])
        if role == Qt.ItemDataRole.ToolTipRole:
            where = validation.label(f.field) if f.field else ""
            head = fill("%1: %2", severity_text(f.severity), _where(f))
            return "\n".join(x for x in (head, where, f.message) if x)
        return None


class StepsModel(RowsModel):
    """The plan's steps, numbered, with their phase (named where it starts, tinted throughout)
    and why each is needed."""

    def set_steps(self, steps: Sequence[Step]) -> None:
        self.reset_rows(steps)

    def step(self, row: int) -> Step | None:
        found: Step | None = self.row_at(row)
        return found

    def phase_starts(self, row: int) -> bool:
        """Whether ``row`` is the first step of a run of one phase (its phase is named there)."""
        step = self.step(row)
        before = self.step(row - 1)
        return step is not None and (before is None or PHASE_OF[before.action] != PHASE_OF[step.action])

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("DeployModel", "#"),
            QCoreApplication.translate("DeployModel", "Phase"),
            QCoreApplication.translate("DeployModel", "Step"),
            QCoreApplication.translate("DeployModel", "Why"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.step(index.row()) if index.isValid() else None
        if s is None:
            return None
        col, phase = index.column(), PHASE_OF[s.action]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NUMBER:
                return str(index.row() + 1)
            if col == PHASE:
                return phase_text(phase) if self.phase_starts(index.row()) else ""
            return s.text() if col == STEP else s.reason
        if role == TargetRole:
            is_object = s.action not in (_A.CREATE_APPLICATION, _A.ADD_REFERENCE)
            return (s.kind.value, s.name, "") if is_object else None
        if role == Qt.ItemDataRole.DecorationRole and col == STEP:
            default = "new-group" if s.kind is Kind.GROUP else "new-port"
            return icons.icon(_STEP_ICON.get(s.action, default))
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = QColor(PHASE_COLOR[phase])
            tint.setAlpha(40)
            return tint
        if role == Qt.ItemDataRole.FontRole and col == PHASE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(
                QCoreApplication.translate("DeployModel", "%1. %2\nPhase: %3\nWhy: %4"),
                index.row() + 1,
                s.text(),
                phase_text(phase),
                s.reason,
            )
        return None


def preflight_problems(outcome: Outcome | None) -> list[Problem]:
    """The outcome's pre-flight findings as rows of the Problems dock, each saying it is a
    pre-flight finding and against which target (none: no outcome, or no findings)."""
    if outcome is None:
        return []
    target = Path(outcome.target).name
    rows = []
    for f in outcome.findings:
        severity = validation.Severity.ERROR if f.severity is Severity.ERROR else validation.Severity.WARNING
        message = QCoreApplication.translate("DeployModel", "Pre-flight against %1: %2").replace("%1", target)
        rows.append(
            Problem(
                severity, f.kind.value if f.kind is not None else "", f.name, f.field, message.replace("%2", f.message)
            )
        )
    return rows
