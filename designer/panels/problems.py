"""The problems dock: what validation finds in the workspace, checked in the background."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer import icons
from designer.document import WorkspaceDocument
from designer.entry_text import fill
from designer.panels.problems_model import (
    OBJECT,
    PROPERTY,
    SEVERITY,
    SEVERITY_ICON,
    SEVERITY_ORDER,
    Problem,
    ProblemsJob,
    ProblemsModel,
    Request,
    TargetRole,
    find_problems,
    severity_text,
)
from model.lifecycle import Kind
from model.validation import Severity


class _SeverityFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hidden: set[Severity] = set()

    def set_shown(self, severity: Severity, shown: bool) -> None:
        self.beginFilterChange()
        (self.hidden.discard if shown else self.hidden.add)(severity)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        problem = self.sourceModel().problem(source_row)  # type: ignore[attr-defined]
        return problem is not None and problem.severity not in self.hidden


class _Jobs:
    """The checks still running; a plain object so that the panel's destruction can cancel them."""

    def __init__(self) -> None:
        self.running: dict[int, ProblemsJob] = {}

    def cancel_all(self, *_args: object) -> None:
        for job in self.running.values():
            job.cancel()


class ProblemsPanel(QWidget):
    """Every problem validation finds, errors first, with severity toggles and counts."""

    #: kind value, name, field path of the problem the user opened (double-click or Enter).
    problem_activated = Signal(str, str, str)
    #: the number of errors, warnings or notes changed (see :meth:`counts`).
    counts_changed = Signal()

    DEBOUNCE_MS = 300
    SLOW_MS = 400  # say "Checking…" only when a check takes long enough to be noticed

    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self._theme_timer = QTimer(self, singleShot=True, interval=0)
        self._theme_timer.timeout.connect(self._set_icons)
        self._doc = document
        self._counts = {s: 0 for s in SEVERITY_ORDER}
        self._checked: list[Problem] = []  # the last check's rows, without the pre-flight ones
        self._preflight: list[Problem] = []
        self._generation = 0
        self._checked_once = False
        self._failure = ""
        self._jobs = _Jobs()
        self.destroyed.connect(self._jobs.cancel_all)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one check at a time; a newer one cancels the older

        self.model = ProblemsModel(self)
        self.proxy = _SeverityFilter(self)
        self.proxy.setSourceModel(self.model)

        self.summary = QLabel(self)
        self.summary.setObjectName("problemsSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.toggles: dict[Severity, QToolButton] = {}
        header = QHBoxLayout()
        header.setContentsMargins(2, 0, 0, 0)
        header.setSpacing(2)
        header.addWidget(self.summary, 1)
        for severity in SEVERITY_ORDER:
            button = QToolButton(self)
            button.setObjectName(f"problemsShow{severity.value.capitalize()}")
            button.setCheckable(True)
            button.setChecked(True)
            button.setAutoRaise(True)
            button.toggled.connect(lambda shown, s=severity: self.proxy.set_shown(s, shown))
            header.addWidget(button)
            self.toggles[severity] = button

        self.view = QTableView(self)
        self.view.setObjectName("problemsTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAccessibleName(self.tr("Problems"))
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        columns = self.view.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setSectionResizeMode(SEVERITY, QHeaderView.ResizeMode.Interactive)
        columns.setResizeContentsPrecision(200)  # size hints look at a sample of rows, not thousands
        columns.setSectionResizeMode(OBJECT, QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(PROPERTY, QHeaderView.ResizeMode.Interactive)
        columns.setStretchLastSection(True)
        columns.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("Mmmm"))
        words = max(self.fontMetrics().horizontalAdvance(severity_text(s)) for s in SEVERITY_ORDER)
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        columns.resizeSection(SEVERITY, max(words + icon + 20, columns.sectionSizeFromContents(SEVERITY).width()))
        self._fitting = False
        self._user_sized = False
        columns.sectionResized.connect(self._on_columns_section_resized)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.view)

        self._debounce = QTimer(self, singleShot=True, interval=self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_check)
        self._slow = QTimer(self, singleShot=True, interval=self.SLOW_MS)
        self._slow.timeout.connect(self._update_summary)
        self.view.activated.connect(self._on_view_activated)
        for signal in (
            document.reloaded,
            document.item_added,
            document.item_removed,
            document.item_changed,
            document.item_renamed,
        ):
            signal.connect(self.schedule)
        self._set_icons()
        self._update_summary()
        self._start_check()

    # -- public ------------------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel running checks and wait for them (before the window or workspace goes)."""
        self._debounce.stop()
        self._jobs.cancel_all()
        self._pool.waitForDone(timeout_ms)

    def counts(self) -> dict[Severity, int]:
        """Problems found by severity (all three severities, shown or not)."""
        return dict(self._counts)

    def problems(self) -> list[Problem]:
        return self.model.problems()

    def is_checking(self) -> bool:
        return self._generation in self._jobs.running or self._debounce.isActive()

    def schedule(self, *_args: object) -> None:
        """Check again shortly: edits in quick succession cost one check."""
        self._debounce.start()

    def refresh_now(self) -> None:
        """Check synchronously, on this thread (tests, headless use, "check now")."""
        self._debounce.stop()
        self._generation += 1
        self._jobs.cancel_all()
        result = find_problems(self._request(), self._read_port, self._read_group)
        assert result is not None
        self._apply(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # A theme change; the theme is recorded after the palette is set, so ask for icons later.
            self._theme_timer.start()
        super().changeEvent(event)

    def _set_icons(self) -> None:
        for severity, button in self.toggles.items():
            button.setIcon(icons.icon(SEVERITY_ICON[severity]))

    # -- checking ------------------------------------------------------------------------------

    def _request(self) -> Request:
        ports: list[str] = []
        groups: list[str] = []
        for e in self._doc.entries():
            (ports if e.kind is Kind.PORT else groups).append(e.name)
        bound = frozenset(n for n in ports if self._doc.bindings(Kind.PORT, n))
        return Request(tuple(ports), tuple(groups), bound)

    def _read_port(self, name: str):  # type: ignore[no-untyped-def]
        return self._doc.port(name).model  # thread-safe: every workspace read is its own session

    def _read_group(self, name: str):  # type: ignore[no-untyped-def]
        return self._doc.group(name).model

    def _start_check(self) -> None:
        self._generation += 1
        self._jobs.cancel_all()
        job = ProblemsJob(self._generation, self._request(), self._read_port, self._read_group)
        job.setAutoDelete(False)  # kept in self._jobs until it reports
        job.signals.finished.connect(self._on_job_finished, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(self._on_job_failed, Qt.ConnectionType.QueuedConnection)
        self._jobs.running[self._generation] = job
        self._slow.start()
        self._pool.start(job)

    def _on_job_finished(self, generation: int, result: list[Problem] | None) -> None:
        self._jobs.running.pop(generation, None)
        if generation == self._generation and result is not None:
            self._apply(result)

    def _on_job_failed(self, generation: int, message: str) -> None:
        self._jobs.running.pop(generation, None)
        if generation == self._generation:
            self._failure = message
            self._slow.stop()
            self._update_summary()

    def set_preflight(self, rows: Sequence[Problem]) -> None:
        """The pre-flight findings against the Deployment panel's target, listed with the
        workspace's own problems (none: no target, or it was cleared)."""
        self._preflight = list(rows)
        if self._checked_once:
            self._apply(self._checked)

    def _apply(self, rows: list[Problem]) -> None:
        self._slow.stop()
        self._checked_once = True
        self._failure = ""
        self._checked = rows
        rows = sorted([*rows, *self._preflight], key=Problem.sort_key) if self._preflight else rows
        current = self.proxy.mapToSource(self.view.currentIndex())
        kept = self.model.problem(current.row()) if current.isValid() else None
        self.model.set_problems(rows)
        self._fit_columns()
        if kept is not None and (row := self.model.row_of(kept)) >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        counts = {s: 0 for s in SEVERITY_ORDER}
        for p in rows:
            counts[p.severity] += 1
        changed = counts != self._counts
        self._counts = counts
        self._update_summary()
        if changed:
            self.counts_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Object and property as wide as their text within a share of the width; the message gets
        the rest. Only until the user sizes a column: then the widths are theirs."""
        if self._user_sized:
            return
        em = self.fontMetrics().horizontalAdvance("M")
        header = self.view.horizontalHeader()
        room = max(0, self.view.viewport().width() - header.sectionSize(SEVERITY))
        self._fitting = True
        try:
            for column, cap, share in ((OBJECT, 18 * em, 0.33), (PROPERTY, 16 * em, 0.27)):
                hint = self.view.sizeHintForColumn(column) if self.model.rowCount() else 8 * em
                hint = max(hint, header.sectionSizeFromContents(column).width())  # never cut the title
                header.resizeSection(column, max(header.minimumSectionSize(), int(min(hint, cap, room * share))))
        finally:
            self._fitting = False

    def _on_columns_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column in (OBJECT, PROPERTY) and not self._fitting:
            self._user_sized = True

    def _update_summary(self) -> None:
        n = self._counts
        errors = self.tr("%n errors", "", n[Severity.ERROR]) if n[Severity.ERROR] != 1 else self.tr("1 error")
        warnings = self.tr("%n warnings", "", n[Severity.WARNING]) if n[Severity.WARNING] != 1 else self.tr("1 warning")
        notes = self.tr("%n notes", "", n[Severity.INFO]) if n[Severity.INFO] != 1 else self.tr("1 note")
        text = fill(self.tr("%1, %2, %3"), errors, warnings, notes)
        if self._failure:
            text = fill(self.tr("Could not check the workspace: %1"), self._failure)
        elif not self._checked_once:
            text = self.tr("Checking…")
        elif self._generation in self._jobs.running and not self._slow.isActive():
            text = fill(self.tr("%1 (checking…)"), text)
        self.summary.setText(text)
        self.summary.setToolTip(text)
        tips = {
            Severity.ERROR: self.tr("Show errors (%1)"),
            Severity.WARNING: self.tr("Show warnings (%1)"),
            Severity.INFO: self.tr("Show notes (%1)"),
        }
        for severity, button in self.toggles.items():
            button.setToolTip(fill(tips[severity], n[severity]))
            button.setAccessibleName(fill(tips[severity], n[severity]))

    def _on_view_activated(self, index: QModelIndex) -> None:
        target = index.data(TargetRole)
        if target is not None:
            self.problem_activated.emit(*target)
