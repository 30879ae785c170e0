"""The problems list as a table model, and the job that finds the problems off the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from designer import icons
from designer.entry_text import fill
from designer.panels.rows_model import RowsModel
from model import validation
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind
from model.routing.analysis import routing_problems
from model.store import WorkspaceError
from model.validation import Severity

SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_ICON = {Severity.ERROR: "problem-error", Severity.WARNING: "problem-warning", Severity.INFO: "problem-info"}
#: (kind value, name, field) of a problem row.
TargetRole = Qt.ItemDataRole.UserRole + 1
SeverityRole = Qt.ItemDataRole.UserRole + 2

SEVERITY, OBJECT, PROPERTY, MESSAGE = range(4)

#: What Qt passes to a model's methods (PySide6 accepts both).
AnyIndex: TypeAlias = QModelIndex | QPersistentModelIndex


def severity_text(severity: Severity) -> str:
    return {
        Severity.ERROR: QCoreApplication.translate("ProblemsModel", "Error"),
        Severity.WARNING: QCoreApplication.translate("ProblemsModel", "Warning"),
        Severity.INFO: QCoreApplication.translate("ProblemsModel", "Note"),
    }[severity]


@dataclass(frozen=True)
class Problem:
    """One row: what is wrong, where."""

    severity: Severity
    kind: str  # Kind value
    name: str
    field: str
    message: str

    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (SEVERITY_ORDER.index(self.severity), self.kind, self.name.casefold(), self.field, self.message)


@dataclass(frozen=True)
class Request:
    """What a check needs, taken on the UI thread: names to read and who is bound."""

    ports: tuple[str, ...]
    groups: tuple[str, ...]
    orchestration_bound: frozenset[str]


def find_problems(
    request: Request,
    read_port: Callable[[str], SendPort],
    read_group: Callable[[str], SendPortGroup],
    cancelled: Callable[[], bool] = lambda: False,
) -> list[Problem] | None:
    """Read every port and group and validate them together; None when cancelled meanwhile."""
    ports: dict[str, SendPort] = {}
    groups: dict[str, SendPortGroup] = {}
    for name in request.ports:
        if cancelled():
            return None
        try:
            ports[name] = read_port(name)
        except WorkspaceError:  # deleted since the request was taken: the next check sees it
            pass
    for name in request.groups:
        if cancelled():
            return None
        try:
            groups[name] = read_group(name)
        except WorkspaceError:
            pass
    ctx = validation.Context(
        ports=ports, groups=groups, orchestration_bound=request.orchestration_bound, members_must_exist=True
    )
    found = validation.collect(list(ports.values()), list(groups.values()), ctx)
    found += routing_problems(list(ports.values()), list(groups.values()))
    rows = [
        Problem(Severity(sev), kind or "", name or "", field or "", message)
        for kind, name, sev, field, message in found
    ]
    return sorted(rows, key=Problem.sort_key)


class _JobSignals(QObject):
    finished = Signal(int, object)  # generation, list[Problem] | None (cancelled)
    failed = Signal(int, str)  # generation, what went wrong


class ProblemsJob(QRunnable):
    """One check in a pool thread; reports through ``signals.finished`` (queued to the UI)."""

    def __init__(
        self,
        generation: int,
        request: Request,
        read_port: Callable[[str], SendPort],
        read_group: Callable[[str], SendPortGroup],
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.generation = generation
        self.signals = _JobSignals()
        self._request = request
        self._read_port = read_port
        self._read_group = read_group
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = find_problems(self._request, self._read_port, self._read_group, self._cancel.is_set)
        except Exception as e:  # noqa: BLE001 - reported in the panel; an exception here would be lost
            self._report(self.signals.failed, str(e) or type(e).__name__)
            return
        self._report(self.signals.finished, result)

    def _report(self, signal: Any, value: object) -> None:
        try:
            signal.emit(self.generation, value)
        except RuntimeError:  # the panel and its job's signals are gone (closing): nobody to tell
            pass


class ProblemsModel(RowsModel):
    """Severity, object, property and message of each problem, errors first."""

    def problems(self) -> list[Problem]:
        return list(self._rows)

    def set_problems(self, rows: Sequence[Problem]) -> None:
        self.reset_rows(rows)

    def problem(self, row: int) -> Problem | None:
        found: Problem | None = self.row_at(row)
        return found

    def row_of(self, problem: Problem) -> int:
        try:
            return self._rows.index(problem)
        except ValueError:
            return -1

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("ProblemsModel", "Severity"),
            QCoreApplication.translate("ProblemsModel", "Object"),
            QCoreApplication.translate("ProblemsModel", "Property"),
            QCoreApplication.translate("ProblemsModel", "Message"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.problem(index.row()) if index.isValid() else None
        if p is None:
            return None
        col = index.column()
        if role == TargetRole:
            return (p.kind, p.name, p.field)
        if role == SeverityRole:
            return p.severity.value
        if role == Qt.ItemDataRole.DisplayRole:
            if col == SEVERITY:
                return severity_text(p.severity)
            if col == OBJECT:
                return p.name
            if col == PROPERTY:
                return validation.label(p.field) if p.field else ""
            return p.message
        if role == Qt.ItemDataRole.DecorationRole:
            if col == SEVERITY:
                return self._icon(SEVERITY_ICON[p.severity])
            if col == OBJECT and p.kind:
                return self._icon("send-port" if p.kind == Kind.PORT.value else "send-port-group")
        if role == Qt.ItemDataRole.ToolTipRole:
            what = fill(
                QCoreApplication.translate("ProblemsModel", "Send port '%1'")
                if p.kind == Kind.PORT.value
                else QCoreApplication.translate("ProblemsModel", "Send port group '%1'"),
                p.name,
            )
            where = validation.label(p.field) if p.field else ""
            return "\n".join(x for x in (fill("%1: %2", severity_text(p.severity), what), where, p.message) if x)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == OBJECT:
            return fill(
                QCoreApplication.translate("ProblemsModel", "Send port %1")
                if p.kind == Kind.PORT.value
                else QCoreApplication.translate("ProblemsModel", "Send port group %1"),
                p.name,
            )
        return None

    def _icon(self, name: str) -> QIcon:
        return icons.icon(name)  # cached there, for the current theme
