"""Adapter settings: one form builder renders any adapter of the catalog (house rule 7).

:class:`AdapterSettingsEditor` shows a transport's ``CustomProps`` as a typed form built
from ``model.adapters`` (a widget per VARIANT type, grouped by section), the properties the
catalog does not know in a generic table, and the whole document in a Raw XML tab kept in
sync both ways. Adapter Framework adapters (FTP, MSMQ, MQSC) keep everything in one
``AdapterConfig`` document: its ``<Config>`` children get a typed form of their own, and a
change rewrites only the child it touches. A user edit leaves, once editing the field
finishes, as a new :class:`AdapterSettings` in ``edited`` with a merge key for undo; invalid
input stays in the widget, marked, and never leaves.

The pieces: ``adapter_sections`` (the Settings tab: sections, forms, the page of one
adapter), ``adapter_fields`` (a widget per kind of setting), ``adapter_table`` (the generic
table), ``model.custom_props`` (the documents as text, without Qt).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from designer.editors.adapter_field_base import Field
from designer.editors.adapter_sections import AdapterPage
from designer.editors.adapter_table import PropertyTable
from designer.editors.fields import ERROR_COLOR, Sessions
from designer.editors.xml_editor import XmlEditor, XmlProblem, localized
from model import port_edits
from model.adapters import AdapterSpec, SettingSpec, VariantType, adapter_spec
from model.bindings.blanking import mask_secrets, restore_masked
from model.custom_props import (
    remove_config_child,
    rename_config_child,
    set_config_child,
    settings_from_text,
    settings_text,
)
from model.domain import AdapterProperty, AdapterSettings

__all__ = ["AdapterSettingsEditor"]


class AdapterSettingsEditor(QWidget):
    """A transport's adapter settings: typed form, generic table and raw XML, in sync.

    ``set_value`` shows settings without signals; every valid, committed user change leaves
    in ``edited(settings, merge_key)`` as a new :class:`AdapterSettings`: one undo step each,
    except a number's arrow steps, which share a merge key until the field loses focus.
    """

    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adapterSettingsEditor")
        self._sessions = Sessions(self)
        self._adapter: str | None = None
        self._spec: AdapterSpec | None = None
        self._settings: AdapterSettings | None = None
        self._raw_shows: AdapterSettings | None = None
        self._page: AdapterPage | None = None
        self._page_key: tuple[str, ...] | None = None

        self.banner = QLabel(self)
        self.banner.setObjectName("adapterBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        settings_tab = QWidget(self)
        box = QVBoxLayout(settings_tab)
        box.setContentsMargins(0, 6, 0, 0)
        banner_box = QHBoxLayout()
        banner_box.setContentsMargins(6, 0, 6, 0)
        banner_box.addWidget(self.banner)
        box.addLayout(banner_box)
        box.addWidget(self.scroll_area, 1)

        self.raw = XmlEditor(self, allow_empty=False, fit_lines=None, format_below=False)
        self.raw.setObjectName("rawXml")
        self.raw.text_committed.connect(self._on_raw_text_committed)
        raw_hint = QLabel(
            self.tr(
                "The settings as the binding file stores them (TransportTypeData): one "
                "element per property, vt giving its VARIANT type. Nested documents "
                "appear escaped, as BizTalk writes them."
            ),
            self,
        )
        raw_hint.setWordWrap(True)
        raw_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        raw_tab = QWidget(self)
        raw_box = QVBoxLayout(raw_tab)
        raw_box.setContentsMargins(4, 6, 4, 4)
        raw_head = QHBoxLayout()
        raw_head.addWidget(raw_hint, 1)
        raw_head.addWidget(self.raw.format_button, 0, Qt.AlignmentFlag.AlignBottom)
        raw_box.addLayout(raw_head)
        raw_box.addWidget(self.raw, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(settings_tab, self.tr("Settings"))
        self.tabs.addTab(raw_tab, self.tr("Raw XML"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.set_value(None, None)

    # -- public ---------------------------------------------------------------------------

    def set_value(self, adapter: str | None, settings: AdapterSettings | None) -> None:
        """Show ``adapter``'s ``settings`` (programmatic: no signal). Widgets are reused
        while the adapter stays the same; a value from elsewhere (undo...) ends edit sessions."""
        spec = adapter_spec(adapter)
        key = ("spec", spec.name) if spec is not None else ("generic",)
        if key != self._page_key:
            self._build_page(spec)
            self._page_key = key
        if settings != self._settings:
            self._sessions.finish()
            assert self._page is not None
            for form in (self._page.form, self._page.inner_form):
                if form is not None:
                    form.forget()
        entering_unparsed = (
            settings is not None
            and settings.unparsed is not None
            and (self._settings is None or self._settings.unparsed is None)
        )
        self._adapter, self._spec, self._settings = adapter, spec, settings
        self._refresh()
        if entering_unparsed:
            self.tabs.setCurrentIndex(1)

    def value(self) -> AdapterSettings | None:
        return self._settings

    def commit_pending(self) -> None:
        """Commit what any field, table or the raw view holds that editing has not finished yet."""
        if self._page is not None:
            self._page.commit_pending()
        self.raw.commit_pending()

    def forget(self) -> None:
        """The next :meth:`set_value` shows another transport: it replaces whatever is typed."""
        assert self._page is not None
        for form in (self._page.form, self._page.inner_form):
            if form is not None:
                form.forget()
        for table in (self._page.table, self._page.inner_table):
            if table is not None:
                table.detail.forget()
        self.raw.forget()
        self._raw_shows = None

    def focus_setting(self, name: str) -> bool:
        """Show and focus the widget of setting ``name``; False when nothing shows it."""
        if self._settings is not None and self._settings.unparsed is not None:
            self.tabs.setCurrentIndex(1)
            self.raw.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        assert self._page is not None
        widget = self._page.reveal(name)
        if widget is None:
            return False
        self.tabs.setCurrentIndex(0)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll_area.ensureWidgetVisible(widget, 20, 40)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def field(self, name: str) -> Field | None:
        """The form field of setting ``name``; a ``<Config>`` child as ``AdapterConfig.name`` or ``name``."""
        assert self._page is not None
        page = self._page
        if page.form is not None and name in page.form.fields:
            return page.form.fields[name]
        inner = name.rsplit(".", 1)[-1]
        return page.inner_form.fields.get(inner) if page.inner_form is not None else None

    def property_table(self, inner: bool = False) -> PropertyTable | None:
        """The generic table: of ``CustomProps`` properties, or (``inner``) of ``<Config>`` children."""
        assert self._page is not None
        return self._page.inner_table if inner else self._page.table

    # -- showing --------------------------------------------------------------------------

    def _current(self) -> AdapterSettings:
        return self._settings if self._settings is not None else AdapterSettings()

    def _build_page(self, spec: AdapterSpec | None) -> None:
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        page = AdapterPage(spec, self._sessions)
        if page.form is not None:
            page.form.changed.connect(self._on_form_changed)
        if page.inner_form is not None and page.inner_table is not None:
            page.inner_form.changed.connect(self._on_inner_form_changed)
            page.inner_table.property_added.connect(self._on_inner_table_property_added)
            page.inner_table.property_edited.connect(self._on_inner_table_property_edited)
            page.inner_table.property_removed.connect(self._on_inner_table_property_removed)
        page.table.property_added.connect(self._on_table_property_added)
        page.table.property_edited.connect(self._on_table_property_edited)
        page.table.property_removed.connect(self._on_table_property_removed)
        self.scroll_area.setWidget(page)
        self._page = page

    def _refresh(self) -> None:
        assert self._page is not None
        settings = self._current()
        unparsed = settings.unparsed
        if unparsed is not None:
            self._show_banner(
                self.tr(
                    "The adapter settings in the file are not well-formed XML. Portwright "
                    "keeps them as written; fix them in the Raw XML tab to edit them here."
                ),
                True,
            )
        elif self._spec is None and self._adapter:
            self._show_banner(
                self.tr("Portwright has no form for the “%1” adapter: its settings are listed as written.").replace(
                    "%1", self._adapter
                ),
                False,
            )
        elif self._spec is None:
            self._show_banner(self.tr("No adapter is chosen for this transport."), False)
        else:
            self._show_banner(None, False)
        self._page.setEnabled(unparsed is None)
        self._page.show_settings(settings if unparsed is None else AdapterSettings())
        # Secret values show as *** (the stored ones stay underneath, see _on_raw_text_committed).
        if unparsed is not None:
            masked = mask_secrets(unparsed)
            if self.raw.text() != masked:
                self.raw.set_text(masked)
            self._raw_shows = None
        elif self._raw_shows != settings:
            self.raw.set_text(mask_secrets(settings_text(settings)))
            self._raw_shows = settings

    def _show_banner(self, text: str | None, error: bool) -> None:
        self.banner.setText(text or "")
        self.banner.setVisible(bool(text))
        color = ERROR_COLOR if error else "palette(window-text)"
        sheet = (
            f"QLabel#adapterBanner {{ color: {color}; background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 3px; padding: 6px; }"
        )
        if self.banner.styleSheet() != sheet:
            self.banner.setStyleSheet(sheet)

    # -- user edits -----------------------------------------------------------------------

    def _commit(self, new: AdapterSettings, field: str, one_step: bool) -> None:
        if new == self._current():
            return
        session = f"settings.{field}"
        key = self._sessions.key(session)
        self._settings = new
        self._refresh()
        self.edited.emit(new, key)
        if one_step:
            self._sessions.finish(session)

    def _write_vt(self, name: str, spec: SettingSpec | None) -> int | None:
        prop = self._current().get(name)
        if prop is None or prop.vt == VariantType.VT_NULL:
            return spec.vt if spec is not None else VariantType.VT_BSTR
        return prop.vt

    def _on_form_changed(self, name: str, text: object, one_step: bool) -> None:
        assert self._spec is not None
        spec = next((s for s in self._spec.settings if s.name == name), None)
        self._commit(
            self._current().with_value(name, text, self._write_vt(name, spec)),  # type: ignore[arg-type]
            name,
            one_step,
        )

    def _rewrite_config(self, change: Callable[[str | None], str], field: str, one_step: bool) -> None:
        assert self._spec is not None
        wrapper = self._spec.wrapper_property or "AdapterConfig"
        prop = self._current().get(wrapper)
        try:
            document = change(prop.value if prop is not None else None)
        except (XmlProblem, ValueError):
            return  # the fields are locked while the document is malformed
        spec = next((s for s in self._spec.settings if s.name == wrapper), None)
        self._commit(
            self._current().with_value(wrapper, document, self._write_vt(wrapper, spec)), f"{wrapper}.{field}", one_step
        )

    def _inner_order(self) -> list[str]:
        return [s.name for s in self._spec.inner_settings] if self._spec is not None else []

    def _inner_root(self) -> str:
        return self._spec.inner_root if self._spec is not None else "Config"

    def _on_inner_form_changed(self, name: str, text: object, one_step: bool) -> None:
        self._rewrite_config(
            lambda doc: set_config_child(
                doc,
                self._inner_root(),
                name,
                text,  # type: ignore[arg-type]
                self._inner_order(),
            ),
            name,
            one_step,
        )

    def _on_inner_table_property_added(self, name: str, _vt: object, value: object) -> None:
        self._rewrite_config(
            lambda doc: set_config_child(
                doc,
                self._inner_root(),
                name,
                value,  # type: ignore[arg-type]
                self._inner_order(),
            ),
            name,
            True,
        )

    def _on_inner_table_property_edited(self, old: str, name: str, _vt: object, value: object) -> None:
        def change(doc: str | None) -> str:
            renamed = rename_config_child(doc or "", old, name) if old != name else doc
            return set_config_child(renamed, self._inner_root(), name, value, self._inner_order())  # type: ignore[arg-type]

        self._rewrite_config(change, name, True)

    def _on_inner_table_property_removed(self, name: str) -> None:
        self._rewrite_config(lambda doc: remove_config_child(doc or "", name), name, True)

    def _on_table_property_added(self, name: str, vt: object, value: object) -> None:
        self._commit(self._current().with_value(name, value, vt), name, True)  # type: ignore[arg-type]

    def _on_table_property_edited(self, old: str, name: str, vt: object, value: object) -> None:
        self._commit(
            port_edits.settings_with_property(self._current(), old, AdapterProperty(name, vt, value)),  # type: ignore[arg-type]
            name,
            True,
        )

    def _on_table_property_removed(self, name: str) -> None:
        self._commit(self._current().without(name), name, True)

    def _stored_text(self) -> str:
        """The settings as the Raw XML tab would show them unmasked."""
        current = self._current()
        return current.unparsed if current.unparsed is not None else settings_text(current)

    def _on_raw_text_committed(self, text: str) -> None:
        # A *** left where a secret was shown keeps the stored secret; a value typed over it is new.
        text = restore_masked(text, self._stored_text())
        try:
            new = settings_from_text(text, self._settings)
        except XmlProblem as e:
            problem = localized(e)
            self.raw.show_problem(
                self.tr("Line %1: %2").replace("%1", str(problem.line)).replace("%2", problem.message)
            )
            return
        self.raw.show_problem(None)
        self._raw_shows = new
        self._commit(new, "#raw", True)
