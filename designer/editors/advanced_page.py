"""The send port editor's Advanced page: retries and service window of the primary transport,
delivery options and priority, as the console's Transport Advanced Options tab groups them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QWidget

from designer.editors.fields import Sessions
from designer.editors.form_rows import CheckRow, IntRow, TimeRow
from designer.editors.pages import Page, form_cell, reason
from model import port_edits
from model.domain import SendPort, Transport

__all__ = ["AdvancedPage"]

T = "primary_transport"


def tr(text: str) -> str:
    return QCoreApplication.translate("PortEditor", text)


class AdvancedPage(Page):
    """Retries and service window (of the primary transport), delivery options, priority."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Advanced"), sessions)
        self.retry_count = IntRow(
            self,
            tr("Retry count:"),
            f"{T}.retry_count",
            Transport,
            "retry_count",
            lambda p, v: port_edits.with_retries(p, count=v),
        )
        self.retry_interval = IntRow(
            self,
            tr("Retry interval:"),
            f"{T}.retry_interval",
            Transport,
            "retry_interval",
            lambda p, v: port_edits.with_retries(p, interval=v),
            suffix=tr(" min"),
        )
        window_text = tr("Edit the service window")
        self.service_window = CheckRow(
            self,
            tr("Enabled"),
            f"{T}.service_window_enabled",
            port_edits.with_service_window,
            tr("Service window:"),
            tip=tr("Send only between the start and stop time each day"),
            undo_text=window_text,
        )
        self.start = TimeRow(
            self, f"{T}.from_time", lambda p, v: port_edits.with_service_window_time(p, "from_time", v), window_text
        )
        self.stop = TimeRow(
            self, f"{T}.to_time", lambda p, v: port_edits.with_service_window_time(p, "to_time", v), window_text
        )
        for row, label, tip in (
            (self.start, tr("Start time:"), tr("Daily start: type a time such as 0830 or 08:30")),
            (self.stop, tr("Stop time:"), tr("Daily stop: type a time such as 1730 or 17:30")),
        ):
            row.edit.setAccessibleName(label.rstrip(":"))
            row.edit.setStatusTip(tip)
            line = QWidget()
            box = QHBoxLayout(line)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(row.edit)
            box.addStretch()
            form_cell(self, label, line, row.error)
        self.ordered = CheckRow(
            self, tr("Ordered delivery"), "ordered_delivery", port_edits.with_ordered_delivery, tr("Delivery:")
        )
        self.stop_on_failure = CheckRow(
            self,
            tr("Stop sending on failure"),
            "stop_sending_on_failure",
            port_edits.with_stop_sending_on_failure,
            tip=tr("Stop sending subsequent messages when the current message fails (ordered delivery only)"),
        )
        self.route_failed = CheckRow(
            self,
            tr("Route failed messages"),
            "route_failed_messages",
            port_edits.with_route_failed_messages,
            tip=tr(
                "Enable routing for failed messages: a failed message is published with ErrorReport "
                "properties instead of being suspended"
            ),
        )
        self.priority = IntRow(
            self, tr("Priority (1 highest):"), "priority", SendPort, "priority", port_edits.with_priority
        )
        self.finish_layout()

    def load(self, port: SendPort) -> None:
        super().load(port)
        locks = port_edits.locked_fields(port)
        t = port.primary_transport
        for row, part in (
            (self.retry_count, "retry_count"),
            (self.retry_interval, "retry_interval"),
            (self.service_window, "service_window_enabled"),
            (self.start, "from_time"),
            (self.stop, "to_time"),
        ):
            path = f"{T}.{part}"
            row.set_enabled(path not in locks, reason(locks, path))
        if t is not None:
            self.retry_count.set(t.retry_count)
            self.retry_interval.set(t.retry_interval)
            self.service_window.set(t.service_window_enabled)
        self.start.set(port_edits.service_window_time(port, "from_time"))
        self.stop.set(port_edits.service_window_time(port, "to_time"))
        self.ordered.set(port.ordered_delivery)
        self.stop_on_failure.set(port.stop_sending_on_failure)
        self.stop_on_failure.set_enabled(
            "stop_sending_on_failure" not in locks, reason(locks, "stop_sending_on_failure")
        )
        self.route_failed.set(port.route_failed_messages)
        self.priority.set(port.priority)
        self.priority.set_enabled("priority" not in locks, reason(locks, "priority"))
