"""Long work off the UI thread, with progress and cancellation that leaves nothing half done.

The work runs in a QThread; progress comes back through queued signals; cancelling
makes the next progress report raise :class:`Cancelled` inside the work, so a workspace
transaction rolls back and nothing partial is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """The user cancelled: the work stops and its transaction rolls back."""


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.work = work
        self.cancel = threading.Event()

    def report(self, done: int, total: int) -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self.report)
        except BaseException as e:  # noqa: BLE001 - delivered to the UI thread as a value
            self.failed.emit(e)
        else:
            self.finished.emit(result)


class Task(QObject):
    """One background job with a progress dialog; ``done(result)`` or ``error(exception)``."""

    done = Signal(object)
    error = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Callable[[int, int], None]], Any],
        cancellable: bool = True,
        show_after_ms: int = 400,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._dialog = QProgressDialog(
            title, QCoreApplication.translate("Task", "Cancel") if cancellable else "", 0, 0, parent
        )
        self._dialog.setObjectName("progress")
        self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(show_after_ms)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        if not cancellable:
            self._dialog.setCancelButton(None)
        self._dialog.canceled.connect(self.cancel)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self.finished_running = False

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel.set()
        self._dialog.setLabelText(QCoreApplication.translate("Task", "Cancelling…"))

    def _on_progress(self, done: int, total: int) -> None:
        self._dialog.setMaximum(max(total, 1))
        self._dialog.setValue(min(done, max(total, 1)))

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._dialog.close()
        self._dialog.deleteLater()
        self.finished_running = True

    def _on_finished(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._stop()
        self.error.emit(exc)

    def wait(self) -> None:
        """Block until finished (tests, headless use); signals still arrive on the event loop."""
        from PySide6.QtCore import QCoreApplication

        while not self.finished_running:
            QCoreApplication.processEvents()
            self._thread.wait(10)
