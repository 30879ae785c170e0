"""The send port editor's transport pages: adapter, address, send handler and adapter
settings of the primary or the backup transport (the backup's page also has its retries and
service window, as the console's Backup Transport tab does). The rules (which adapters a port may use,
what turning the backup on or changing the adapter does) are ``model.port_edits``'s."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox

from designer.editors.adapter_form import AdapterSettingsEditor
from designer.editors.fields import SETTING_PREFIX, ErrorLabel, Sessions, mark
from designer.editors.form_rows import CheckRow, TextRow
from designer.editors.known_values import KnownValues
from designer.editors.option_rows import TransportOptionRows
from designer.editors.pages import Page, reason
from designer.editors.pick_row import PickRow
from model import port_edits
from model.domain import AdapterSettings, SendHandler, SendPort, Transport

#: The adapter settings keep this much height however short the dock (the page scrolls).
SETTINGS_MIN_HEIGHT = 260


class TransportPage(Page):
    """Adapter, address, send handler and adapter settings of the primary or backup transport."""

    def __init__(self, sessions: Sessions, backup: bool, known: KnownValues | None = None) -> None:
        super().__init__(
            QCoreApplication.translate("PortEditor", "Backup Transport")
            if backup
            else QCoreApplication.translate("PortEditor", "Transport"),
            sessions,
        )
        self.backup = backup
        self.known = known if known is not None else KnownValues()
        self.attr = "secondary_transport" if backup else "primary_transport"
        if backup:  # a setting for one of its fields is named as the backup's
            self.setProperty(SETTING_PREFIX, "Backup")
        if backup:
            self.use_backup = CheckRow(
                self,
                QCoreApplication.translate("PortEditor", "Use a backup transport"),
                f"{self.attr}.enabled",
                port_edits.with_backup_transport,
            )
        self.adapter = QComboBox()
        self.adapter.setObjectName(f"{self.attr}.adapter")
        self.adapter_error = ErrorLabel()
        self.form.addRow(QCoreApplication.translate("PortEditor", "Adapter:"), self.adapter)
        self.form.addRow("", self.adapter_error)
        self.fields[f"{self.attr}.adapter"] = self.adapter
        self.adapter.activated.connect(self._on_adapter_activated)
        self.address = TextRow(
            self,
            QCoreApplication.translate("PortEditor", "Address (URI):"),
            f"{self.attr}.address",
            Transport,
            "address",
            lambda p, v: port_edits.with_address(p, v, backup=backup),
            required=None
            if backup
            else QCoreApplication.translate("PortEditor", "A static send port needs an address."),
        )
        self.handler = PickRow(
            self,
            QCoreApplication.translate("PortEditor", "Send handler (host):"),
            f"{self.attr}.send_handler",
            SendHandler,
            "name",
            lambda p, v: port_edits.with_send_handler(p, v, backup=backup),
            empty_is_none=True,
            placeholder=QCoreApplication.translate("PortEditor", "Default host of the adapter"),
        )
        self.options = TransportOptionRows(self, backup) if backup else None
        self.settings = AdapterSettingsEditor()
        self.settings.setObjectName(f"{self.attr}.settings")
        self.settings.setMinimumHeight(SETTINGS_MIN_HEIGHT)  # a short dock scrolls the page instead
        self.fields[f"{self.attr}.settings"] = self.settings
        self.rows.append(self.settings)
        self.settings.edited.connect(self._on_settings_edited)
        self.box.addWidget(self.settings, 1)

    # -- reading ----------------------------------------------------------------------------

    def transport(self, port: SendPort) -> Transport | None:
        return port.secondary_transport if self.backup else port.primary_transport

    def load(self, port: SendPort) -> None:
        super().load(port)
        t = self.transport(port)
        locks = port_edits.locked_fields(port)
        self.set_note(reason(locks, "secondary_transport" if self.backup else "primary_transport.adapter"))
        names = port_edits.adapters_for(port)
        current = t.adapter_name if t is not None else None
        with QSignalBlocker(self.adapter):
            self.adapter.clear()
            if current and current not in names:
                names.insert(0, current)
            if self.backup:
                names.insert(0, "")
            self.adapter.addItems(names)
            self.adapter.setCurrentText(current or "")
        mark(self.adapter, None, self.adapter_error)
        if self.backup:
            self.use_backup.set(t is not None and t.is_configured)
            self.use_backup.set_enabled("secondary_transport" not in locks, reason(locks, "secondary_transport"))
        why = reason(locks, f"{self.attr}.adapter") or reason(locks, self.attr)
        usable = why is None
        self.adapter.setEnabled(usable)
        self.settings.setEnabled(usable)
        self.address.set_enabled(usable, why)
        self.handler.set_enabled(usable, why)
        self.address.set(t.address if t is not None else None)
        self.handler.set(t.send_handler.name if t is not None and t.send_handler is not None else None)
        self.refresh_choices()
        self.settings.set_value(current, t.settings if t is not None else None)
        if self.options is not None:
            self.options.load(port)
        if usable and not (t is not None and (t.address or "").strip()):
            mark(
                self.address.edit,
                QCoreApplication.translate("PortEditor", "The backup transport needs an address.")
                if self.backup
                else QCoreApplication.translate("PortEditor", "A static send port needs an address."),
                self.address.error,
            )

    def refresh_choices(self) -> None:
        """List the hosts known now in the send handler picker."""
        self.handler.set_choices(self.known.hosts())

    # -- writing ------------------------------------------------------------------------------

    def _on_adapter_activated(self, _index: int) -> None:
        name = self.adapter.currentText()
        port = self.model
        if port is None:
            return
        t = self.transport(port)
        if (t.adapter_name if t is not None else None) == (name or None):
            return
        if self.backup:
            text = (
                QCoreApplication.translate("PortEditor", "Change the backup adapter to %s") % name
                if name
                else QCoreApplication.translate("PortEditor", "Remove the backup transport")
            )
            allowed = self.try_edit(
                lambda: port_edits.with_backup_adapter(port, name or None),
                f"{self.attr}.adapter",
                text,
                self.adapter,
                self.adapter_error,
            )
        else:
            allowed = self.try_edit(
                lambda: port_edits.with_primary_adapter(port, name),
                f"{self.attr}.adapter",
                QCoreApplication.translate("PortEditor", "Change the adapter to %s") % name,
                self.adapter,
                self.adapter_error,
            )
        if not allowed:
            with QSignalBlocker(self.adapter):
                self.adapter.setCurrentText((t.adapter_name if t is not None else None) or "")

    def focus_field(self, path: str) -> bool:
        """``…settings.properties[3]`` focuses that setting's field (by its name)."""
        import re

        m = re.search(r"\.settings\.properties\[(\d+)\]", path)
        t = self.transport(self.model) if self.model is not None else None
        if (
            m
            and t is not None
            and t.settings is not None
            and int(m.group(1)) < len(t.settings.properties)
            and self.settings.focus_setting(t.settings.properties[int(m.group(1))].name)
        ):
            return True
        return super().focus_field(path)

    def _on_settings_edited(self, settings: AdapterSettings, key: str) -> None:
        if self.model is None:
            return
        try:
            port = port_edits.with_settings(self.model, settings, backup=self.backup)
        except port_edits.PortEditError as e:
            self.set_note(QCoreApplication.translate("PortEdits", e.message))
            return
        self.changed.emit(port, key, QCoreApplication.translate("PortEditor", "Edit adapter settings"))
