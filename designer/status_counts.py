"""The status bar's permanent counts: ports and groups by state, problems, and the zoom."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from designer.entry_text import fill, state_word
from model.lifecycle import Kind, State
from model.validation import Severity


class StatusCounts(QObject):
    """Four labels at the right of a status bar, and a short timer to refresh them in one go.

    Many changes arrive at once (an import, a lifecycle action on a group); :meth:`schedule`
    asks for one refresh 50 ms later, where ``refresh`` gathers the numbers and calls
    :meth:`show`."""

    def __init__(self, bar: QStatusBar, refresh: Callable[[], None]) -> None:
        super().__init__(bar)
        self.port_counts = QLabel()
        self.port_counts.setObjectName("portCounts")
        self.group_counts = QLabel()
        self.group_counts.setObjectName("groupCounts")
        self.problem_counts = QLabel()
        self.problem_counts.setObjectName("problemCounts")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        for w in (self.port_counts, self.group_counts, self.problem_counts, self.zoom_label):
            w.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(w)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._timer.timeout.connect(refresh)

    def schedule(self) -> None:
        """Refresh soon (once, however many times this is called meanwhile)."""
        self._timer.start()

    def show(self, entries: Mapping[tuple[Kind, State], int], problems: Mapping[Severity, int], zoom: float) -> None:
        """Show entries by kind and state, problems by severity, and the zoom (1.0 is 100%)."""

        def line(kind: Kind, word: str) -> str:
            parts = [
                f"{entries.get((kind, s), 0)} {state_word(s)}" for s in (State.STARTED, State.STOPPED, State.UNENLISTED)
            ]
            return fill(QCoreApplication.translate("MainWindow", "%1: %2"), word, " · ".join(parts))

        self.port_counts.setText(line(Kind.PORT, QCoreApplication.translate("MainWindow", "Ports")))
        self.group_counts.setText(line(Kind.GROUP, QCoreApplication.translate("MainWindow", "Groups")))
        errors, warnings = problems.get(Severity.ERROR, 0), problems.get(Severity.WARNING, 0)
        self.problem_counts.setText(
            QCoreApplication.translate("MainWindow", "Problems: %s, %s")
            % (
                QCoreApplication.translate("MainWindow", "1 error")
                if errors == 1
                else QCoreApplication.translate("MainWindow", "%d errors") % errors,
                QCoreApplication.translate("MainWindow", "1 warning")
                if warnings == 1
                else QCoreApplication.translate("MainWindow", "%d warnings") % warnings,
            )
        )
        self.zoom_label.setText(f"{zoom * 100:.0f}%")
