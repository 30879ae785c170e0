"""The retry and service-window rows of a transport, as the console's Transport Advanced
Options and Backup Transport tabs show them: the primary's on the Advanced page, the backup's
on the Backup Transport page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from designer.editors.form_rows import CheckRow, IntRow, TimeRow
from designer.editors.pages import Page, form_cell
from model import transport_options as options
from model.domain import SendPort, Transport

__all__ = ["TransportOptionRows"]


class TransportOptionRows:
    """Retry count, retry interval, service window (on, start, stop) of one transport on ``page``."""

    def __init__(self, page: Page, backup: bool) -> None:
        self.backup = backup
        attr = "secondary_transport" if backup else "primary_transport"
        self.retry_count = IntRow(
            page,
            QCoreApplication.translate("PortEditor", "Retry count:"),
            f"{attr}.retry_count",
            Transport,
            "retry_count",
            lambda p, v: options.with_retries(p, backup, count=v),
        )
        self.retry_interval = IntRow(
            page,
            QCoreApplication.translate("PortEditor", "Retry interval:"),
            f"{attr}.retry_interval",
            Transport,
            "retry_interval",
            lambda p, v: options.with_retries(p, backup, interval=v),
            suffix=QCoreApplication.translate("PortEditor", " min"),
        )
        window_text = (
            QCoreApplication.translate("PortEditor", "Edit the backup service window")
            if backup
            else QCoreApplication.translate("PortEditor", "Edit the service window")
        )
        self.service_window = CheckRow(
            page,
            QCoreApplication.translate("PortEditor", "Enabled"),
            f"{attr}.service_window_enabled",
            lambda p, on: options.with_service_window(p, backup, on),
            QCoreApplication.translate("PortEditor", "Service window:"),
            tip=QCoreApplication.translate("PortEditor", "Send only between the start and stop time each day"),
            undo_text=window_text,
        )
        self.start = TimeRow(
            page,
            f"{attr}.from_time",
            lambda p, v: options.with_service_window_time(p, backup, "from_time", v),
            window_text,
        )
        self.stop = TimeRow(
            page,
            f"{attr}.to_time",
            lambda p, v: options.with_service_window_time(p, backup, "to_time", v),
            window_text,
        )
        for row, label, tip in (
            (
                self.start,
                QCoreApplication.translate("PortEditor", "Start time:"),
                QCoreApplication.translate("PortEditor", "Daily start: type a time such as 0830 or 08:30"),
            ),
            (
                self.stop,
                QCoreApplication.translate("PortEditor", "Stop time:"),
                QCoreApplication.translate("PortEditor", "Daily stop: type a time such as 1730 or 17:30"),
            ),
        ):
            row.edit.setAccessibleName(label.rstrip(":"))
            row.edit.setStatusTip(tip)
            line = QWidget()
            box = QHBoxLayout(line)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(row.edit)
            box.addStretch()
            form_cell(page, label, line, row.error)

    def load(self, port: SendPort) -> None:
        locks = options.option_locks(port, self.backup)
        t = port.secondary_transport if self.backup else port.primary_transport
        for row, part in (
            (self.retry_count, "retry_count"),
            (self.retry_interval, "retry_interval"),
            (self.service_window, "service_window_enabled"),
            (self.start, "from_time"),
            (self.stop, "to_time"),
        ):
            why = locks.get(part)
            row.set_enabled(why is None, QCoreApplication.translate("PortEdits", why) if why else None)
        if t is not None:
            self.retry_count.set(t.retry_count)
            self.retry_interval.set(t.retry_interval)
            self.service_window.set(t.service_window_enabled)
        else:
            defaults = Transport(primary=not self.backup)
            self.retry_count.set(defaults.retry_count)
            self.retry_interval.set(defaults.retry_interval)
            self.service_window.set(defaults.service_window_enabled)
        self.start.set(options.service_window_time(port, self.backup, "from_time"))
        self.stop.set(options.service_window_time(port, self.backup, "to_time"))
