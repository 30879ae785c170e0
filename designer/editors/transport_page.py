"""The send port editor's transport pages: adapter, address, send handler and adapter
settings of the primary or the backup transport."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox

from designer.editors.adapter_form import AdapterSettingsEditor
from designer.editors.fields import Sessions, mark
from designer.editors.pages import CheckRow, Page, TextRow
from model import adapters
from model.domain import AdapterProperty, AdapterSettings, AdapterType, SendHandler, SendPort, Transport, replace


def tr(text: str) -> str:
    return QCoreApplication.translate("PortEditor", text)


def _is_two_way(port: SendPort) -> bool:
    return port.is_two_way is True


def _is_static(port: SendPort) -> bool:
    return port.is_static is not False


class TransportPage(Page):
    """Adapter, address, send handler and adapter settings of the primary or backup transport."""

    def __init__(self, sessions: Sessions, backup: bool) -> None:
        super().__init__(tr("Backup Transport") if backup else tr("Transport"), sessions)
        self.backup = backup
        self.attr = "secondary_transport" if backup else "primary_transport"
        if backup:
            self.enabled = CheckRow(self, tr("Use a backup transport"), f"{self.attr}.enabled", self._toggle_backup)
        self.adapter = QComboBox()
        self.adapter.setObjectName(f"{self.attr}.adapter")
        self.form.addRow(tr("Adapter:"), self.adapter)
        self.fields[f"{self.attr}.adapter"] = self.adapter
        self.adapter.activated.connect(self._adapter_chosen)
        self.address = TextRow(self, tr("Address (URI):"), f"{self.attr}.address", Transport, "address",
                               lambda p, v: self._with(p, address=v),
                               required=None if backup else tr("A static send port needs an address."))
        self.handler = TextRow(self, tr("Send handler (host):"), f"{self.attr}.send_handler", SendHandler, "name",
                               self._with_handler)
        self.settings = AdapterSettingsEditor()
        self.settings.setObjectName(f"{self.attr}.settings")
        self.fields[f"{self.attr}.settings"] = self.settings
        self.settings.edited.connect(self._settings_edited)
        self.box.addWidget(self.settings, 1)

    # -- reading ----------------------------------------------------------------------------

    def transport(self, port: SendPort) -> Transport | None:
        return port.secondary_transport if self.backup else port.primary_transport

    def load(self, port: SendPort) -> None:
        super().load(port)
        t = self.transport(port)
        static = _is_static(port)
        if not static:
            self.set_note(tr("A dynamic send port has no backup transport.") if self.backup else
                          tr("A dynamic send port gets its address and adapter from each message at run time."))
        else:
            self.set_note(None)
        names = sorted(adapters.two_way_adapters() if _is_two_way(port) else adapters.ADAPTERS, key=str.lower)
        current = t.adapter_name if t is not None else None
        with QSignalBlocker(self.adapter):
            self.adapter.clear()
            if current and current not in names:
                names.insert(0, current)
            if self.backup:
                names.insert(0, "")
            self.adapter.addItems(names)
            self.adapter.setCurrentText(current or "")
        configured = t is not None and t.is_configured
        if self.backup:
            self.enabled.set(configured)
            self.enabled.set_enabled(static)
        usable = static and (configured or not self.backup)
        for w in (self.adapter, self.address.edit, self.handler.edit, self.settings):
            w.setEnabled(usable)
        self.address.set(t.address if t is not None else None)
        self.handler.set(t.send_handler.name if t is not None and t.send_handler is not None else None)
        self.settings.set_value(current, t.settings if t is not None else None)
        if usable and not (t is not None and (t.address or "").strip()):
            mark(self.address.edit, tr("The backup transport needs an address.") if self.backup
                 else tr("A static send port needs an address."), self.address.error)

    # -- writing ------------------------------------------------------------------------------

    def _with(self, port: SendPort, **changes: Any) -> SendPort:
        t = self.transport(port) or Transport(primary=not self.backup)
        return replace(port, **{self.attr: replace(t, **changes)})

    def _with_handler(self, port: SendPort, name: str | None) -> SendPort:
        t = self.transport(port) or Transport(primary=not self.backup)
        if not name:
            return self._with(port, send_handler=None)
        old = t.send_handler
        handler = replace(old, name=name) if old is not None else SendHandler(name=name, adapter=t.adapter)
        return self._with(port, send_handler=handler)

    def _adapter_chosen(self, _index: int) -> None:
        name = self.adapter.currentText()
        port = self.model
        if port is None:
            return
        t = self.transport(port)
        if (t.adapter_name if t else None) == name:
            return
        if not name:  # backup: none
            self.emit(replace(port, secondary_transport=_no_backup(t)), f"{self.attr}.adapter",
                      tr("Remove the backup transport"), merge=False)
            return
        adapter, settings = _adapter_defaults(name)
        handler = t.send_handler if t is not None else None
        if handler is not None:
            handler = replace(handler, adapter=adapter)
        base = t or Transport(primary=not self.backup)
        self.emit(replace(port, **{self.attr: replace(base, adapter=adapter, settings=settings, send_handler=handler)}),
                  f"{self.attr}.adapter", tr("Change the adapter to %s") % name, merge=False)

    def _toggle_backup(self, port: SendPort, on: bool) -> SendPort:
        if not on:
            return replace(port, secondary_transport=_no_backup(port.secondary_transport))
        primary = port.primary_transport
        name = primary.adapter_name if primary is not None and primary.adapter_name else "FILE"
        return replace(port, secondary_transport=_backup_with_adapter(port.secondary_transport, name))

    def focus_field(self, path: str) -> bool:
        """``…settings.properties[3]`` focuses that setting's field (by its name)."""
        import re

        m = re.search(r"\.settings\.properties\[(\d+)\]", path)
        t = self.transport(self.model) if self.model is not None else None
        if m and t is not None and t.settings is not None and int(m.group(1)) < len(t.settings.properties):
            if self.settings.focus_setting(t.settings.properties[int(m.group(1))].name):
                return True
        return super().focus_field(path)

    def _settings_edited(self, settings: AdapterSettings, key: str) -> None:
        if self.model is not None:
            self.changed.emit(self._with(self.model, settings=settings), key, tr("Edit adapter settings"))


def _no_backup(t: Transport | None) -> Transport:
    """BizTalk's "no backup transport": the element stays, with an empty address and no adapter;
    its retry and service-window values are kept so turning the backup on again restores them."""
    base = t or Transport(primary=False)
    return replace(base, address="", adapter=None, settings=None, send_handler=None, primary=False)


def _backup_with_adapter(t: Transport | None, name: str) -> Transport:
    """A backup transport on adapter ``name`` with that adapter's default settings; the address is
    left for the user to fill in."""
    adapter, settings = _adapter_defaults(name)
    base = t or Transport(primary=False)
    return replace(base, address=base.address or "", adapter=adapter, settings=settings, primary=False)


def _adapter_defaults(name: str) -> tuple[AdapterType, AdapterSettings]:
    """The ``TransportType`` of adapter ``name`` and its default settings (none for an adapter
    outside the catalog)."""
    spec = adapters.adapter_spec(name)
    adapter = AdapterType(name=name, capabilities=spec.capabilities if spec else None,
                          configuration_clsid=spec.configuration_clsid if spec else None)
    props = tuple(AdapterProperty(n, vt, v) for n, vt, v in adapters.default_settings(name)) if spec else ()
    return adapter, AdapterSettings(properties=props)
