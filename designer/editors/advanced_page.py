"""The send port editor's Advanced page: retries and service window of the primary transport,
delivery options and priority, as the console's Transport Advanced Options tab groups them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from designer.editors.fields import Sessions
from designer.editors.form_rows import CheckRow, IntRow
from designer.editors.option_rows import TransportOptionRows
from designer.editors.pages import Page, reason
from model import port_edits
from model.domain import SendPort

__all__ = ["AdvancedPage"]


class AdvancedPage(Page):
    """Retries and service window (of the primary transport), delivery options, priority."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "Advanced"), sessions)
        self.options = TransportOptionRows(self, backup=False)
        self.retry_count, self.retry_interval = self.options.retry_count, self.options.retry_interval
        self.service_window, self.start, self.stop = self.options.service_window, self.options.start, self.options.stop
        self.ordered = CheckRow(
            self,
            QCoreApplication.translate("PortEditor", "Ordered delivery"),
            "ordered_delivery",
            port_edits.with_ordered_delivery,
            QCoreApplication.translate("PortEditor", "Delivery:"),
        )
        self.stop_on_failure = CheckRow(
            self,
            QCoreApplication.translate("PortEditor", "Stop sending on failure"),
            "stop_sending_on_failure",
            port_edits.with_stop_sending_on_failure,
            tip=QCoreApplication.translate(
                "PortEditor", "Stop sending subsequent messages when the current message fails (ordered delivery only)"
            ),
        )
        self.route_failed = CheckRow(
            self,
            QCoreApplication.translate("PortEditor", "Route failed messages"),
            "route_failed_messages",
            port_edits.with_route_failed_messages,
            tip=QCoreApplication.translate(
                "PortEditor",
                "Enable routing for failed messages: a failed message is published with ErrorReport "
                "properties instead of being suspended",
            ),
        )
        self.priority = IntRow(
            self,
            QCoreApplication.translate("PortEditor", "Priority (1 highest):"),
            "priority",
            SendPort,
            "priority",
            port_edits.with_priority,
        )
        self.finish_layout()

    def load(self, port: SendPort) -> None:
        super().load(port)
        locks = port_edits.locked_fields(port)
        self.options.load(port)
        self.ordered.set(port.ordered_delivery)
        self.stop_on_failure.set(port.stop_sending_on_failure)
        self.stop_on_failure.set_enabled(
            "stop_sending_on_failure" not in locks, reason(locks, "stop_sending_on_failure")
        )
        self.route_failed.set(port.route_failed_messages)
        self.priority.set(port.priority)
        self.priority.set_enabled("priority" not in locks, reason(locks, "priority"))
