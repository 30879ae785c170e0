"""The Deployment dock: a target group described in a file (``model.deploy.target_file``), what a
pre-flight check finds in the design for it, the plan that deploys the design there (in a tab
beside it, the drift: what differs between the target and the design), and the PowerShell
script that applies the plan.

Planned in the background (one planning at a time, a newer one supersedes an older), again a
moment after the workspace or a desired state changes; the target file is read each time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer import file_dialogs, icons
from designer.document import WorkspaceDocument
from designer.entry_text import fill
from designer.panels.deploy_drift import TARGET, DriftModel
from designer.panels.deploy_model import FindingsModel, Outcome, PlanJob, StepsModel, plan_deployment
from designer.panels.deploy_tables import fit_columns, fit_drift_columns, message_label, show_message, table_view
from designer.panels.problems_model import TargetRole
from designer.reporting import Reporter
from designer.translation_marks import QT_TRANSLATE_NOOP
from model.deploy.preflight import Severity
from model.deploy.script import write_script

TARGET_FILTER = QT_TRANSLATE_NOOP("DeployPanel", "Target files (*.json);;All files (*)")
SCRIPT_FILTER = QT_TRANSLATE_NOOP("DeployPanel", "PowerShell scripts (*.ps1);;All files (*)")


class Folders(Protocol):
    """The folder each kind of file dialog last used (``designer.file_flows.FileFlows``)."""

    def last_folder(self, kind: str) -> str: ...
    def remember_folder(self, kind: str, path: str) -> None: ...


class DeployPanel(QWidget):
    """Target file, pre-flight findings beside the plan and the drift (two tabs), and the script
    button."""

    #: kind value, name, field of the finding, step or drift the user opened (double-click or Enter)
    object_activated = Signal(str, str, str)
    #: a planning finished and its outcome is shown
    planned = Signal()

    DEBOUNCE_MS = 400

    def __init__(
        self,
        document: WorkspaceDocument,
        folders: Folders,
        reporter: Reporter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deployPanel")
        self._doc, self._folders, self._reporter = document, folders, reporter
        self._target = ""
        self._outcome: Outcome | None = None
        self._generation = 0
        self._running: dict[int, PlanJob] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

        self.target_label = QLabel()
        self.target_label.setObjectName("deployTarget")
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose Target…"))
        self.choose_button.setObjectName("deployChooseTarget")
        self.choose_button.setToolTip(self.tr("A JSON file describing a BizTalk group, with its exported bindings"))
        self.refresh_button = QPushButton(self.tr("Plan Again"))
        self.refresh_button.setObjectName("deployRefresh")
        self.refresh_button.setToolTip(self.tr("Read the target file again and plan"))
        self.script_button = QPushButton(self.tr("Save PowerShell Script…"))
        self.script_button.setObjectName("deploySaveScript")
        self.script_button.setToolTip(
            self.tr("Write a script that applies the plan (with -WhatIf) and the design's binding file beside it")
        )
        top = QHBoxLayout()
        top.setContentsMargins(2, 0, 0, 0)
        top.addWidget(self.target_label, 1)
        for button in (self.choose_button, self.refresh_button, self.script_button):
            top.addWidget(button)

        self.findings_model = FindingsModel(self)
        self.findings_view = table_view("deployFindings", self.findings_model, self)
        self.findings_view.setAlternatingRowColors(True)
        self.findings_view.setWordWrap(True)  # few rows, long messages: read whole, not elided
        self.findings_view.setAccessibleName(self.tr("Pre-flight findings"))
        self.findings_message = message_label("deployFindingsMessage")
        self.steps_model = StepsModel(self)
        self.steps_view = table_view("deploySteps", self.steps_model, self)
        self.steps_view.setAccessibleName(self.tr("Deployment plan"))
        self.plan_message = message_label("deployPlanMessage")
        self.drift_model = DriftModel(self)
        self.drift_view = table_view("deployDrift", self.drift_model, self)
        self.drift_view.setAccessibleName(self.tr("Drift between the target and the design"))
        self.drift_message = message_label("deployDriftMessage")
        self.findings_title = QLabel()
        self.findings_title.setObjectName("deployFindingsTitle")
        self.findings_stack = QStackedWidget()
        self.findings_stack.addWidget(self.findings_view)
        self.findings_stack.addWidget(self.findings_message)
        self.plan_stack = QStackedWidget()
        self.plan_stack.addWidget(self.steps_view)
        self.plan_stack.addWidget(self.plan_message)
        self.drift_stack = QStackedWidget()
        self.drift_stack.addWidget(self.drift_view)
        self.drift_stack.addWidget(self.drift_message)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("deployTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plan_stack, "")
        self.tabs.addTab(self.drift_stack, "")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("deploySplitter")
        self.splitter.setChildrenCollapsible(False)
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.findings_title)
        box.addWidget(self.findings_stack, 1)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 9)
        self.splitter.setStretchFactor(1, 11)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._theme_timer = QTimer(self, singleShot=True, interval=0)
        self._theme_timer.timeout.connect(self._set_icons)
        self._theme_timer.timeout.connect(self._show)
        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start)
        self.choose_button.clicked.connect(self.choose_target)
        self.refresh_button.clicked.connect(self.refresh_now)
        self.script_button.clicked.connect(lambda: self.save_script())
        self.findings_view.activated.connect(self._on_view_activated)
        self.steps_view.activated.connect(self._on_view_activated)
        self.drift_view.activated.connect(self._on_view_activated)
        self.tabs.currentChanged.connect(lambda _i: self._fit_columns())
        for signal in (
            document.reloaded,
            document.item_added,
            document.item_removed,
            document.item_changed,
            document.item_renamed,
            document.deploy.desired_changed,
        ):
            signal.connect(self.schedule)
        self._set_icons()
        self._show()

    # -- public ------------------------------------------------------------------------------

    def target(self) -> str:
        return self._target

    def outcome(self) -> Outcome | None:
        """What is shown (None: no target chosen, or not planned yet)."""
        return self._outcome

    def set_target(self, path: str) -> None:
        """Plan for the target file ``path`` ("" for none), in the background."""
        self._target = path
        self._outcome = None
        self._show()
        if path:
            self._start()

    def choose_target(self) -> None:
        path = file_dialogs.open_file_name(
            self, self.tr("Choose Target"), self.tr(TARGET_FILTER), self._folders.last_folder("target")
        )
        if path:
            self._folders.remember_folder("target", path)
            self.set_target(path)

    def schedule(self, *_args: object) -> None:
        """Plan again shortly: edits in quick succession cost one planning."""
        if self._target:
            self._debounce.start()

    def is_planning(self) -> bool:
        return bool(self._running) or self._debounce.isActive()

    def refresh_now(self) -> None:
        """Plan synchronously, on this thread (the Plan Again button, tests, before a script)."""
        self._debounce.stop()
        self._cancel_all()
        self._generation += 1
        if self._target:
            self._apply(plan_deployment(self._target, self._doc.deploy.read_design))

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Drop pending plannings and wait for the running one (before the workspace goes)."""
        self._debounce.stop()
        self._cancel_all()
        self._pool.waitForDone(timeout_ms)

    def save_script(self, path: str | None = None) -> bool:
        """Write the PowerShell script applying the plan shown, and beside it the binding file it
        imports (``NAME.bindings.xml``, passwords blanked as an export blanks them); both atomic.
        Without ``path`` the user picks it. False when nothing was written."""
        if self.is_planning():
            self.refresh_now()  # the script applies what the design is now
        outcome = self._outcome
        if outcome is None or outcome.plan is None or outcome.design is None:
            return False
        if path is None:
            folder = self._folders.last_folder("script")
            suggested = str(Path(folder) / "deploy.ps1") if folder else "deploy.ps1"
            path = file_dialogs.save_file_name(
                self, self.tr("Save PowerShell Script"), suggested, self.tr(SCRIPT_FILTER)
            )
            if not path:
                return False
            self._folders.remember_folder("script", path)
        try:
            script, xml = write_script(path, outcome.plan, outcome.design.data)
        except OSError as e:
            self._tell(fill(self.tr("Cannot write %1: %2"), e.filename or path, e.strerror or e), error=True)
            return False
        self._tell(fill(self.tr("Wrote %1 and %2 beside it (passwords blanked)"), script, xml.name))
        return True

    # -- planning ------------------------------------------------------------------------------

    def _cancel_all(self) -> None:
        for job in self._running.values():
            job.cancel()
        self._running.clear()

    def _start(self) -> None:
        if not self._target:
            return
        self._cancel_all()
        self._generation += 1
        job = PlanJob(self._generation, self._target, self._doc.deploy.read_design)
        job.setAutoDelete(False)  # kept in self._running until it reports
        job.signals.finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)
        self._running[self._generation] = job
        self._show()
        self._pool.start(job)

    def _on_job_finished(self, generation: int, outcome: Outcome) -> None:
        self._running.pop(generation, None)
        if generation == self._generation:
            self._apply(outcome)

    def _apply(self, outcome: Outcome) -> None:
        self._outcome = outcome
        self.findings_model.set_findings(outcome.findings)
        self.steps_model.set_steps(outcome.plan.steps if outcome.plan is not None else ())
        self.drift_model.set_drift(outcome.drift)
        self.drift_view.clearSpans()
        for row in self.drift_model.spans():  # a message not split into its two sides
            self.drift_view.setSpan(row, TARGET, 1, 2)
        self._show()
        self._fit_columns()
        self.planned.emit()

    # -- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        o = self._outcome
        self.target_label.setText(
            fill(self.tr("Target: %1"), self._target) if self._target else self.tr("No target chosen")
        )
        self.target_label.setToolTip(self._target)
        self.refresh_button.setEnabled(bool(self._target))
        self.script_button.setEnabled(o is not None and o.plan is not None)
        errors = sum(1 for f in o.findings if f.severity is Severity.ERROR) if o is not None else 0
        warnings = len(o.findings) - errors if o is not None else 0
        self.findings_title.setText(
            fill(self.tr("<b>Pre-flight check</b>: %1 error(s), %2 warning(s)"), errors, warnings)
            if o is not None and not o.failure
            else self.tr("<b>Pre-flight check</b>")
        )
        self._title_tabs()
        if not self._target:
            words = self.tr(
                "Choose a target file (Deploy > Plan Deployment…): a JSON description of a BizTalk group "
                "and its exported binding file. The pre-flight check, the plan and the drift appear here."
            )
            self._say(words, words, error=False)
        elif o is None:
            self._say(self.tr("Planning…"), self.tr("Planning…"), error=False)
        elif o.failure:
            text = fill(self.tr("Cannot plan: %1"), o.failure)
            self._say(text, text, error=True)
        else:
            if o.findings:
                self.findings_stack.setCurrentWidget(self.findings_view)
            else:
                show_message(
                    self.findings_stack, self.findings_message, self.tr("Nothing in the design would trip the import.")
                )
            if o.plan_error:
                # PlanError's words name the target and the rule ("the design cannot be deployed to …")
                show_message(
                    self.plan_stack, self.plan_message, o.plan_error[:1].upper() + o.plan_error[1:], error=True
                )
            elif o.plan is not None and not o.plan.steps:
                show_message(self.plan_stack, self.plan_message, self.tr("The target already matches the design."))
            else:
                self.plan_stack.setCurrentWidget(self.steps_view)
            if o.drift is None:
                text = fill(self.tr("Cannot compare the target with the design: %1"), o.drift_error)
                show_message(self.drift_stack, self.drift_message, text, error=True)
            elif not self.drift_model.rowCount():
                show_message(self.drift_stack, self.drift_message, self.tr("No drift: the target matches the design."))
            else:
                self.drift_stack.setCurrentWidget(self.drift_view)

    def _title_tabs(self) -> None:
        """The tabs say how many steps and differences there are (or that there is no plan)."""
        o = self._outcome
        if o is not None and o.plan is not None:
            steps = len(o.plan.steps)
            plan = self.tr("Plan (1 step)") if steps == 1 else fill(self.tr("Plan (%1 steps)"), steps)
        elif o is not None and o.plan_error:
            plan = self.tr("Plan (not possible)")
        else:
            plan = self.tr("Plan")
        self.tabs.setTabText(0, plan)
        self.tabs.setTabToolTip(0, self.tr("The steps that deploy the design to the target, in order"))
        rows = self.drift_model.rowCount()
        drift = fill(self.tr("Drift (%1)"), rows) if o is not None and o.drift is not None else self.tr("Drift")
        self.tabs.setTabText(1, drift)
        self.tabs.setTabToolTip(1, self.tr("What differs between the target and the design, one row per difference"))

    def _say(self, findings: str, plan: str, error: bool) -> None:
        show_message(self.findings_stack, self.findings_message, findings, error)
        show_message(self.plan_stack, self.plan_message, plan, error)
        show_message(self.drift_stack, self.drift_message, plan, error)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # A theme change; the theme is recorded after the palette is set, so redraw later.
            self._theme_timer.start()
        super().changeEvent(event)

    def _set_icons(self) -> None:
        for button, name in (
            (self.choose_button, "open-workspace"),
            (self.refresh_button, "refresh"),
            (self.script_button, "save"),
        ):
            button.setIcon(icons.icon(name))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        fit_columns(self.findings_view, self.steps_view)
        fit_drift_columns(self.drift_view)

    def _tell(self, message: str, error: bool = False) -> None:
        if self._reporter is None:
            return
        if error:
            self._reporter.show_error(message)
        else:
            self._reporter.say(message, 10000)

    def _on_view_activated(self, index: QModelIndex) -> None:
        target = index.data(TargetRole)
        if target is not None:
            self.object_activated.emit(*target)
