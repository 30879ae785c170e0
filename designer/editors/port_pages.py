"""The pages of the send port editor: one per group of settings, as in the console.

The transport pages are in ``designer.editors.transport_page`` and the Advanced page in
``designer.editors.advanced_page`` (both importable from here too). Every change is made by
a ``model.port_edits`` function; the pages only show what it returns and why it refuses.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from designer.editors.advanced_page import AdvancedPage
from designer.editors.fields import ErrorLabel, Sessions, mark
from designer.editors.filter_builder import FilterBuilder
from designer.editors.form_rows import TextRow
from designer.editors.pages import Page, reason
from designer.editors.pipelines_page import PipelinesPage
from designer.editors.transport_page import TransportPage
from designer.icons import icon
from designer.translation_marks import QT_TRANSLATE_NOOP
from model import port_edits
from model.domain import Certificate, Map, SendPort, TrackingFlag, is_token
from model.field_checks import check_value


class GeneralPage(Page):
    """Name, description, kind, application."""

    #: A new name was typed and committed: renaming is its own command (the editor performs it).
    rename_requested = Signal(str)

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "General"), sessions)
        self.taken: set[str] = set()
        self.name = TextRow(
            self,
            QCoreApplication.translate("PortEditor", "Name:"),
            "name",
            SendPort,
            "name",
            lambda p, v: p,
            problem=self._name_problem,
            submit=self._rename,
        )
        self.description = TextRow(
            self,
            QCoreApplication.translate("PortEditor", "Description:"),
            "description",
            SendPort,
            "description",
            port_edits.with_description,
            empty_is_none=True,
            multiline=True,
        )
        self.kind = QLabel()
        self.kind.setObjectName("kind")
        self.form.addRow(QCoreApplication.translate("PortEditor", "Type:"), self.kind)
        self.application = QLabel()
        self.application.setObjectName("application")
        self.form.addRow(QCoreApplication.translate("PortEditor", "Application:"), self.application)
        hint = QLabel(
            QCoreApplication.translate(
                "PortEditor",
                "A send port's type (static or dynamic, one-way or solicit-response) is fixed when it is created.",
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.form.addRow("", hint)
        self.finish_layout()

    def load(self, port: SendPort) -> None:
        super().load(port)
        self.name.set(port.name)
        self.description.set(port.description)
        self.kind.setText(port.kind_text)
        self.application.setText(port.application or QCoreApplication.translate("PortEditor", "(none)"))

    def _name_problem(self, text: str) -> str | None:
        if not text.strip():
            return QCoreApplication.translate("PortEditor", "A send port needs a name.")
        if self.model is not None and text != self.model.name and text in self.taken:
            return QCoreApplication.translate("PortEditor", "A send port named '%s' already exists.") % text
        return check_value(SendPort, "name", text)

    def _rename(self, text: str) -> None:
        if self.model is not None and text != self.model.name:
            self.rename_requested.emit(text)


class MapsPage(Page):
    """Outbound maps (and inbound maps for solicit-response)."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "Maps"), sessions)
        self.tables: dict[str, QTableWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        for attr, label in (
            ("outbound_maps", QCoreApplication.translate("PortEditor", "Outbound maps")),
            ("inbound_maps", QCoreApplication.translate("PortEditor", "Inbound maps")),
        ):
            table = QTableWidget(0, 2)
            table.setObjectName(attr)
            table.setHorizontalHeaderLabels(
                [
                    QCoreApplication.translate("PortEditor", "Map (full name)"),
                    QCoreApplication.translate("PortEditor", "Assembly-qualified name"),
                ]
            )
            table.horizontalHeader().setStretchLastSection(True)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setMinimumHeight(120)
            table.itemChanged.connect(lambda _item, a=attr: self._edited(a))
            add = QPushButton(icon("map"), QCoreApplication.translate("PortEditor", "Add map"))
            add.setObjectName(f"{attr}.add")
            remove = QPushButton(icon("delete"), QCoreApplication.translate("PortEditor", "Remove"))
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
            mark(
                self.tables[attr],
                QCoreApplication.translate("PortEditor", "Every map needs its full name."),
                self.errors[attr],
            )
            return
        mark(self.tables[attr], None, self.errors[attr])
        if self.model is None:
            return
        which: Literal["outbound", "inbound"] = "outbound" if attr == "outbound_maps" else "inbound"
        self.try_edit(
            lambda: port_edits.with_maps(
                self.model,
                which,
                [Map(full_name=n, assembly_qualified_name=q or None) for n, q in rows],
            ),
            attr,
            QCoreApplication.translate("PortEditor", "Edit maps"),
            self.tables[attr],
            self.errors[attr],
        )

    def _add(self, attr: str) -> None:
        table = self.tables[attr]
        with QSignalBlocker(table):
            table.insertRow(table.rowCount())
            table.setItem(table.rowCount() - 1, 0, QTableWidgetItem(""))
            table.setItem(table.rowCount() - 1, 1, QTableWidgetItem(""))
        table.setCurrentCell(table.rowCount() - 1, 0)
        item = table.item(table.rowCount() - 1, 0)
        if item is not None:
            table.editItem(item)

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
        locks = port_edits.locked_fields(port)
        self.tables["inbound_maps"].setEnabled("inbound_maps" not in locks)
        self.set_note(reason(locks, "inbound_maps"))


class FiltersPage(Page):
    """The port's own subscription."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "Filters"), sessions)
        self.builder = FilterBuilder()
        self.builder.setObjectName("filter")
        self.box.addWidget(self.builder, 1)
        self.fields["filter"] = self.builder
        self.rows.append(self.builder)
        self.builder.edited.connect(self._edited)

    def _edited(self, value: Any, key: str) -> None:
        if self.model is not None:
            self.changed.emit(
                port_edits.with_filter(self.model, value),
                key,
                QCoreApplication.translate("PortEditor", "Edit the filter"),
            )

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
    """The certificate that encrypts what the port sends (optional)."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "Certificate"), sessions)
        self.set_note(
            QCoreApplication.translate(
                "PortEditor", "The certificate used to encrypt messages sent by this port (optional)."
            )
        )
        self.long_name = self._row(QCoreApplication.translate("PortEditor", "Name:"), "long_name")
        self.short_name = self._row(QCoreApplication.translate("PortEditor", "Short name:"), "short_name")
        self.thumbprint = self._row(QCoreApplication.translate("PortEditor", "Thumbprint:"), "thumbprint")
        self.usage = self._row(QCoreApplication.translate("PortEditor", "Usage:"), "usage_type")
        self.finish_layout()

    def _row(self, label: str, attr: str) -> TextRow:
        return TextRow(
            self,
            label,
            f"encryption_cert.{attr}",
            Certificate,
            attr,
            lambda p, v: port_edits.with_certificate(p, **{attr: v}),
            empty_is_none=True,
        )

    def load(self, port: SendPort) -> None:
        super().load(port)
        c = port.encryption_cert
        self.long_name.set(c.long_name if c else None)
        self.short_name.set(c.short_name if c else None)
        self.thumbprint.set(c.thumbprint if c else None)
        self.usage.set(c.usage_type if c else None)


class TrackingPage(Page):
    LABELS = {
        TrackingFlag.BODY_BEFORE_SEND: QT_TRANSLATE_NOOP("PortEditor", "Message bodies before send port processing"),
        TrackingFlag.BODY_AFTER_SEND: QT_TRANSLATE_NOOP("PortEditor", "Message bodies after send port processing"),
        TrackingFlag.BODY_BEFORE_RECEIVE: QT_TRANSLATE_NOOP("PortEditor", "Response bodies before receive processing"),
        TrackingFlag.BODY_AFTER_RECEIVE: QT_TRANSLATE_NOOP("PortEditor", "Response bodies after receive processing"),
        TrackingFlag.PROPERTIES_BEFORE_SEND: QT_TRANSLATE_NOOP(
            "PortEditor", "Message properties before send port processing"
        ),
        TrackingFlag.PROPERTIES_AFTER_SEND: QT_TRANSLATE_NOOP(
            "PortEditor", "Message properties after send port processing"
        ),
        TrackingFlag.PROPERTIES_BEFORE_RECEIVE: QT_TRANSLATE_NOOP(
            "PortEditor", "Response properties before receive processing"
        ),
        TrackingFlag.PROPERTIES_AFTER_RECEIVE: QT_TRANSLATE_NOOP(
            "PortEditor", "Response properties after receive processing"
        ),
    }

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "Tracking"), sessions)
        self.boxes: dict[TrackingFlag, QCheckBox] = {}
        for flag, text in self.LABELS.items():
            box = QCheckBox(QCoreApplication.translate("PortEditor", text))
            box.setObjectName(f"tracking.{flag.name.lower()}")
            box.toggled.connect(lambda _on, f=flag: self._toggled(f))
            self.form.addRow("", box)
            self.boxes[flag] = box
        self.fields["tracking"] = self.boxes[TrackingFlag.BODY_BEFORE_SEND]
        self.finish_layout()

    def _toggled(self, flag: TrackingFlag) -> None:
        if self.model is None:
            return
        box = self.boxes[flag]
        on = box.isChecked()
        if not self.try_edit(
            lambda: port_edits.with_tracking_flag(self.model, flag, on),
            "tracking",
            QCoreApplication.translate("PortEditor", "Edit tracking"),
            box,
        ):
            with QSignalBlocker(box):
                box.setChecked(not on)

    def load(self, port: SendPort) -> None:
        super().load(port)
        token = is_token(port.tracking)
        value = 0 if token else int(port.tracking)
        self.set_note(
            QCoreApplication.translate("PortEditor", "Tracking is a placeholder (%s) set per environment.")
            % port.tracking
            if token
            else None
        )
        locks = port_edits.locked_fields(port)
        for flag, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(bool(value & int(flag)))
            path = f"tracking.{flag.name.lower()}"
            box.setEnabled(not token and path not in locks)
            box.setToolTip(reason(locks, path) or "")


__all__ = [
    "AdvancedPage",
    "CertificatePage",
    "FiltersPage",
    "GeneralPage",
    "MapsPage",
    "PipelinesPage",
    "TrackingPage",
    "TransportPage",
]
