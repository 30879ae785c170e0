"""The pages of the send port editor: one per group of settings, as in the console.

The transport pages are in ``designer.editors.transport_page`` (importable from here too).
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from designer.editors.fields import ErrorLabel, Sessions, mark
from designer.editors.filter_builder import FilterBuilder
from designer.editors.pages import CheckRow, IntRow, Page, TextRow
from designer.editors.transport_page import TransportPage, _is_static, _is_two_way
from designer.editors.xml_editor import XmlEditor
from designer.style import icon
from model.domain import (
    Certificate,
    Map,
    Pipeline,
    SendPort,
    TrackingFlag,
    Transport,
    is_token,
    replace,
)
from model.editing import check_value


def tr(text: str) -> str:
    return QCoreApplication.translate("PortEditor", text)


class GeneralPage(Page):
    """Name, description, kind, application."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("General"), sessions)
        self.name = TextRow(self, tr("Name:"), "name", SendPort, "name", lambda p, v: p,
                            required=tr("A send port needs a name."))
        self.name.edit.textEdited.disconnect()  # renaming is its own command, on Enter / leaving the field
        self.name.edit.textEdited.connect(self._check_name)  # type: ignore[union-attr]
        self.name.edit.editingFinished.connect(self._commit_name)  # type: ignore[union-attr]
        self.description = TextRow(self, tr("Description:"), "description", SendPort, "description",
                                   lambda p, v: replace(p, description=v), empty_is_none=True, multiline=True)
        self.kind = QLabel()
        self.kind.setObjectName("kind")
        self.form.addRow(tr("Type:"), self.kind)
        self.application = QLabel()
        self.application.setObjectName("application")
        self.form.addRow(tr("Application:"), self.application)
        hint = QLabel(tr("A send port's type (static or dynamic, one-way or solicit-response) is fixed when it "
                         "is created."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.form.addRow("", hint)
        self.taken: set[str] = set()
        self.rename_requested: Any = None  # set by the editor: callable(new_name)
        self.finish_layout()

    def load(self, port: SendPort) -> None:
        super().load(port)
        self.name.set(port.name)
        self.description.set(port.description)
        self.kind.setText(port.kind_text)
        self.application.setText(port.application or tr("(none)"))

    def _name_problem(self, text: str) -> str | None:
        if not text.strip():
            return tr("A send port needs a name.")
        if text != self.model.name and text in self.taken:
            return tr("A send port named '%s' already exists.") % text
        return check_value(SendPort, "name", text)

    def _check_name(self, text: str) -> None:
        mark(self.name.edit, self._name_problem(text), self.name.error)

    def _commit_name(self) -> None:
        text = self.name.text()
        if self.model is None or text == self.model.name or self._name_problem(text) is not None:
            return
        if self.rename_requested is not None:
            self.rename_requested(text)


class AdvancedPage(Page):
    """Retries and service window (of the primary transport), delivery options, priority."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Advanced"), sessions)
        t = "primary_transport"
        self.retry_count = IntRow(self, tr("Retry count:"), f"{t}.retry_count", Transport, "retry_count",
                                  lambda p, v: self._transport(p, retry_count=v))
        self.retry_interval = IntRow(self, tr("Retry interval:"), f"{t}.retry_interval", Transport,
                                     "retry_interval", lambda p, v: self._transport(p, retry_interval=v),
                                     suffix=tr(" min"))
        self.window = CheckRow(self, tr("Send only from … to …"), f"{t}.service_window_enabled",
                               lambda p, v: self._transport(p, service_window_enabled=v), tr("Service window:"))
        self.start = QTimeEdit()
        self.start.setObjectName(f"{t}.from_time")
        self.start.setDisplayFormat("HH:mm:ss")
        self.stop = QTimeEdit()
        self.stop.setObjectName(f"{t}.to_time")
        self.stop.setDisplayFormat("HH:mm:ss")
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(tr("from")))
        lay.addWidget(self.start)
        lay.addWidget(QLabel(tr("to")))
        lay.addWidget(self.stop)
        lay.addStretch()
        self.form.addRow("", row)
        self.fields[f"{t}.from_time"] = self.start
        self.fields[f"{t}.to_time"] = self.stop
        self.start.timeChanged.connect(lambda q: self._time("from_time", q))
        self.stop.timeChanged.connect(lambda q: self._time("to_time", q))
        self.ordered = CheckRow(self, tr("Ordered delivery"), "ordered_delivery", self._ordered, tr("Delivery:"))
        self.stop_on_failure = CheckRow(self, tr("Stop sending on failure"), "stop_sending_on_failure",
                                        lambda p, v: replace(p, stop_sending_on_failure=v))
        self.stop_on_failure.box.setToolTip(tr("Stop sending subsequent messages when the current message fails "
                                               "(ordered delivery only)"))
        self.route_failed = CheckRow(self, tr("Route failed messages"), "route_failed_messages",
                                     lambda p, v: replace(p, route_failed_messages=v))
        self.route_failed.box.setToolTip(tr("Enable routing for failed messages: a failed message is published "
                                            "with ErrorReport properties instead of being suspended"))
        self.priority = IntRow(self, tr("Priority (1 highest):"), "priority", SendPort, "priority",
                               lambda p, v: replace(p, priority=v))
        self.finish_layout()

    def _transport(self, port: SendPort, **changes: Any) -> SendPort:
        t = port.primary_transport or Transport()
        return replace(port, primary_transport=replace(t, **changes))

    def _ordered(self, port: SendPort, on: bool) -> SendPort:
        changes: dict[str, Any] = {"ordered_delivery": on}
        if not on:
            changes["stop_sending_on_failure"] = False  # only meaningful with ordered delivery
        if port.primary_transport is not None:
            changes["primary_transport"] = replace(port.primary_transport, ordered_delivery=on)
        return replace(port, **changes)

    def _time(self, attr: str, value: QTime) -> None:
        port = self.model
        if port is None or port.primary_transport is None:
            return
        old = getattr(port.primary_transport, attr)
        date = old[:10] if isinstance(old, str) and len(old) >= 10 and not is_token(old) else "2000-01-01"
        text = f"{date}T{value.toString('HH:mm:ss')}"
        self.emit(self._transport(port, **{attr: text}), f"primary_transport.{attr}", tr("Edit the service window"))

    def load(self, port: SendPort) -> None:
        super().load(port)
        t = port.primary_transport
        static = _is_static(port) and t is not None
        for row in (self.retry_count, self.retry_interval):
            row.set_enabled(static)
        self.window.set_enabled(static)
        if t is not None:
            self.retry_count.set(t.retry_count)
            self.retry_interval.set(t.retry_interval)
            self.window.set(t.service_window_enabled)
            for edit, value in ((self.start, t.from_time), (self.stop, t.to_time)):
                with QSignalBlocker(edit):
                    edit.setTime(_qtime(value))
        window_on = static and t is not None and t.service_window_enabled is True
        self.start.setEnabled(window_on)
        self.stop.setEnabled(window_on)
        self.ordered.set(port.ordered_delivery)
        self.stop_on_failure.set(port.stop_sending_on_failure)
        self.stop_on_failure.set_enabled(port.ordered_delivery is True,
                                         tr("Only with ordered delivery: turn ordered delivery on first."))
        self.route_failed.set(port.route_failed_messages)
        self.priority.set(port.priority)


def _qtime(value: Any) -> QTime:
    try:
        t: time = datetime.fromisoformat(str(value)[:19]).time()
        return QTime(t.hour, t.minute, t.second)
    except ValueError:
        return QTime(0, 0, 0)


class PipelinesPage(Page):
    """Send pipeline (and receive pipeline for solicit-response) with per-port configuration."""

    SEND = ("Microsoft.BizTalk.DefaultPipelines.PassThruTransmit", "Microsoft.BizTalk.DefaultPipelines.XMLTransmit")
    RECEIVE = ("Microsoft.BizTalk.DefaultPipelines.XMLReceive", "Microsoft.BizTalk.DefaultPipelines.PassThruReceive")

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Pipelines"), sessions)
        self.send = TextRow(self, tr("Send pipeline:"), "send_pipeline", Pipeline, "name",
                            lambda p, v: self._pipeline(p, "send_pipeline", v, 2))
        self.send_data = XmlEditor()
        self.send_data.setObjectName("send_pipeline_data")
        self.form.addRow(tr("Send pipeline configuration:"), self.send_data)
        self.fields["send_pipeline_data"] = self.send_data
        self.send_data.text_committed.connect(lambda text: self._data("send_pipeline_data", text))
        self.receive = TextRow(self, tr("Receive pipeline:"), "receive_pipeline", Pipeline, "name",
                               lambda p, v: self._pipeline(p, "receive_pipeline", v, 1))
        self.receive_data = XmlEditor()
        self.receive_data.setObjectName("receive_pipeline_data")
        self.form.addRow(tr("Receive pipeline configuration:"), self.receive_data)
        self.fields["receive_pipeline_data"] = self.receive_data
        self.receive_data.text_committed.connect(lambda text: self._data("receive_pipeline_data", text))
        self.finish_layout()

    def _pipeline(self, port: SendPort, attr: str, name: str | None, kind: int) -> SendPort:
        old = getattr(port, attr)
        if not name:
            return replace(port, **{attr: None})
        if old is not None:
            fqn = old.fully_qualified_name
            if fqn and old.name in fqn:  # keep the assembly part, swap the type name
                fqn = fqn.replace(old.name, name, 1)
            return replace(port, **{attr: replace(old, name=name, fully_qualified_name=fqn)})
        return replace(port, **{attr: Pipeline(name=name, type=kind)})

    def _data(self, attr: str, text: str) -> None:
        if self.model is not None:
            self.emit(replace(self.model, **{attr: text or None}), attr, tr("Edit the pipeline configuration"))

    def load(self, port: SendPort) -> None:
        super().load(port)
        self.send.set(port.send_pipeline.name if port.send_pipeline else None)
        self.send_data.set_text(port.send_pipeline_data or "")
        two_way = _is_two_way(port)
        self.receive.set(port.receive_pipeline.name if port.receive_pipeline else None)
        self.receive_data.set_text(port.receive_pipeline_data or "")
        self.receive.set_enabled(two_way)
        self.receive_data.setEnabled(two_way)
        self.set_note(None if two_way else tr("A one-way send port gets no response: it has no receive pipeline."))


class MapsPage(Page):
    """Outbound maps (and inbound maps for solicit-response)."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Maps"), sessions)
        self.tables: dict[str, QTableWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        for attr, label in (("outbound_maps", tr("Outbound maps")), ("inbound_maps", tr("Inbound maps"))):
            table = QTableWidget(0, 2)
            table.setObjectName(attr)
            table.setHorizontalHeaderLabels([tr("Map (full name)"), tr("Assembly-qualified name")])
            table.horizontalHeader().setStretchLastSection(True)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setMinimumHeight(120)
            table.itemChanged.connect(lambda _item, a=attr: self._edited(a))
            add = QPushButton(icon("map"), tr("Add map"))
            add.setObjectName(f"{attr}.add")
            remove = QPushButton(icon("delete"), tr("Remove"))
            remove.setObjectName(f"{attr}.remove")
            add.clicked.connect(lambda _=False, a=attr: self._add(a))
            remove.clicked.connect(lambda _=False, a=attr: self._remove(a))
            buttons = QHBoxLayout()
            buttons.addWidget(add)
            buttons.addWidget(remove)
            buttons.addStretch()
            heading = QLabel(f"<b>{label}</b>")
            self.box.addWidget(heading)
            self.box.addWidget(table)
            self.box.addLayout(buttons)
            error = ErrorLabel()
            self.box.addWidget(error)
            self.tables[attr] = table
            self.errors[attr] = error
            self.fields[attr] = table
        self.finish_layout()

    def _rows(self, attr: str) -> list[tuple[str, str]]:
        table = self.tables[attr]
        out = []
        for r in range(table.rowCount()):
            a, b = table.item(r, 0), table.item(r, 1)
            out.append(((a.text() if a else "").strip(), (b.text() if b else "").strip()))
        return out

    def _edited(self, attr: str) -> None:
        rows = self._rows(attr)
        if any(not name for name, _ in rows):
            mark(self.tables[attr], tr("Every map needs its full name."), self.errors[attr])
            return
        mark(self.tables[attr], None, self.errors[attr])
        maps = tuple(Map(full_name=n, assembly_qualified_name=q or None) for n, q in rows)
        if self.model is not None:
            self.emit(replace(self.model, **{attr: maps}), attr, tr("Edit maps"), merge=False)

    def _add(self, attr: str) -> None:
        table = self.tables[attr]
        with QSignalBlocker(table):
            table.insertRow(table.rowCount())
            table.setItem(table.rowCount() - 1, 0, QTableWidgetItem(""))
            table.setItem(table.rowCount() - 1, 1, QTableWidgetItem(""))
        table.setCurrentCell(table.rowCount() - 1, 0)
        table.editItem(table.item(table.rowCount() - 1, 0))

    def _remove(self, attr: str) -> None:
        table = self.tables[attr]
        rows = sorted({i.row() for i in table.selectedIndexes()}, reverse=True)
        if not rows and table.rowCount():
            rows = [table.rowCount() - 1]
        with QSignalBlocker(table):
            for r in rows:
                table.removeRow(r)
        self._edited(attr)

    def load(self, port: SendPort) -> None:
        super().load(port)
        for attr in ("outbound_maps", "inbound_maps"):
            table = self.tables[attr]
            maps = getattr(port, attr)
            with QSignalBlocker(table):
                table.setRowCount(len(maps))
                for r, m in enumerate(maps):
                    table.setItem(r, 0, QTableWidgetItem(m.full_name))
                    table.setItem(r, 1, QTableWidgetItem(m.assembly_qualified_name or ""))
            mark(table, None, self.errors[attr])
        two_way = _is_two_way(port)
        self.tables["inbound_maps"].setEnabled(two_way)
        self.set_note(None if two_way else tr("Inbound maps apply to responses: only solicit-response ports have them."))


class FiltersPage(Page):
    """The port's own subscription."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Filters"), sessions)
        self.builder = FilterBuilder()
        self.builder.setObjectName("filter")
        self.box.addWidget(self.builder, 1)
        self.fields["filter"] = self.builder
        self.builder.edited.connect(self._edited)

    def _edited(self, value: Any, key: str) -> None:
        if self.model is not None:
            self.changed.emit(replace(self.model, filter=value), key, tr("Edit the filter"))

    def load(self, port: SendPort) -> None:
        super().load(port)
        self.builder.set_filter(port.filter)

    def focus_field(self, path: str) -> bool:
        import re
        m = re.match(r"filter\.groups\[(\d+)\](?:\.statements\[(\d+)\])?", path)
        if m and self.builder.focus_statement(int(m.group(1)), int(m.group(2) or 0)):
            return True
        return super().focus_field(path)


class CertificatePage(Page):
    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Certificate"), sessions)
        self.set_note(tr("The certificate used to encrypt messages sent by this port (optional)."))
        self.long_name = TextRow(self, tr("Name:"), "encryption_cert.long_name", Certificate, "long_name",
                                 lambda p, v: self._cert(p, long_name=v), empty_is_none=True)
        self.short_name = TextRow(self, tr("Short name:"), "encryption_cert.short_name", Certificate, "short_name",
                                  lambda p, v: self._cert(p, short_name=v), empty_is_none=True)
        self.thumbprint = TextRow(self, tr("Thumbprint:"), "encryption_cert.thumbprint", Certificate, "thumbprint",
                                  lambda p, v: self._cert(p, thumbprint=v), empty_is_none=True)
        self.usage = TextRow(self, tr("Usage:"), "encryption_cert.usage_type", Certificate, "usage_type",
                             lambda p, v: self._cert(p, usage_type=v), empty_is_none=True)
        self.finish_layout()

    def _cert(self, port: SendPort, **changes: Any) -> SendPort:
        cert = replace(port.encryption_cert or Certificate(), **changes)
        empty = all(v is None for v in cert.__dict__.values())
        return replace(port, encryption_cert=None if empty else cert)

    def load(self, port: SendPort) -> None:
        super().load(port)
        c = port.encryption_cert
        self.long_name.set(c.long_name if c else None)
        self.short_name.set(c.short_name if c else None)
        self.thumbprint.set(c.thumbprint if c else None)
        self.usage.set(c.usage_type if c else None)


class TrackingPage(Page):
    LABELS = {
        TrackingFlag.BODY_BEFORE_SEND: "Message bodies before send port processing",
        TrackingFlag.BODY_AFTER_SEND: "Message bodies after send port processing",
        TrackingFlag.BODY_BEFORE_RECEIVE: "Response bodies before receive processing",
        TrackingFlag.BODY_AFTER_RECEIVE: "Response bodies after receive processing",
        TrackingFlag.PROPERTIES_BEFORE_SEND: "Message properties before send port processing",
        TrackingFlag.PROPERTIES_AFTER_SEND: "Message properties after send port processing",
        TrackingFlag.PROPERTIES_BEFORE_RECEIVE: "Response properties before receive processing",
        TrackingFlag.PROPERTIES_AFTER_RECEIVE: "Response properties after receive processing",
    }

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(tr("Tracking"), sessions)
        self.boxes: dict[TrackingFlag, QCheckBox] = {}
        for flag, text in self.LABELS.items():
            box = QCheckBox(tr(text))
            box.setObjectName(f"tracking.{flag.name.lower()}")
            box.toggled.connect(lambda _on, f=flag: self._toggled(f))
            self.form.addRow("", box)
            self.boxes[flag] = box
        self.fields["tracking"] = self.boxes[TrackingFlag.BODY_BEFORE_SEND]
        self.finish_layout()

    def _toggled(self, _flag: TrackingFlag) -> None:
        if self.model is None or is_token(self.model.tracking):
            return
        value = sum(int(f) for f, box in self.boxes.items() if box.isChecked())
        self.emit(replace(self.model, tracking=value), "tracking", tr("Edit tracking"), merge=False)

    def load(self, port: SendPort) -> None:
        super().load(port)
        token = is_token(port.tracking)
        value = 0 if token else int(port.tracking)
        for flag, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(bool(value & int(flag)))
            box.setEnabled(not token)
        self.set_note(tr("Tracking is a placeholder (%s) set per environment.") % port.tracking if token else None)
        two_way = _is_two_way(port)
        for flag in (TrackingFlag.BODY_BEFORE_RECEIVE, TrackingFlag.BODY_AFTER_RECEIVE,
                     TrackingFlag.PROPERTIES_BEFORE_RECEIVE, TrackingFlag.PROPERTIES_AFTER_RECEIVE):
            self.boxes[flag].setEnabled(two_way and not token)


__all__ = ["AdvancedPage", "CertificatePage", "FiltersPage", "GeneralPage", "MapsPage", "PipelinesPage",
           "TrackingPage", "TransportPage", "Qt"]
