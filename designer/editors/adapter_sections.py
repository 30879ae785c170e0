"""The Settings tab of the adapter editor: folding sections, typed forms, the page of one adapter.

A :class:`SettingsForm` lays the catalog's settings out in sections, a row per setting; an
:class:`AdapterPage` puts an adapter's forms first (the ``<Config>`` children of an Adapter
Framework adapter, then its ``CustomProps``) and the generic tables of what the catalog does
not know after them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.editors.adapter_field_base import WARNING_COLOR, Field, catalog_label, catalog_tr
from designer.editors.adapter_fields import XmlField, make_field
from designer.editors.adapter_table import PropertyTable
from designer.editors.fields import Sessions
from designer.editors.xml_editor import XmlProblem, localized
from model.adapter_values import missing_required
from model.adapters import AdapterSpec, SettingSpec
from model.custom_props import config_values
from model.domain import AdapterProperty, AdapterSettings

__all__ = ["LABEL_WIDTH_MAX", "NARROW_FORM_WIDTH", "AdapterPage", "Section", "SettingsForm"]


class Section(QWidget):
    """A titled group of rows that folds away under its header."""

    def __init__(self, title: str, parent: QWidget | None = None, *, expanded: bool = True) -> None:
        super().__init__(parent)
        self.header = QToolButton(self)
        self.header.setObjectName("sectionHeader")
        self.header.setText(title)
        self.header.setAutoRaise(True)
        self.expanded = expanded
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = QFont(self.header.font())
        font.setBold(True)
        self.header.setFont(font)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.body = QWidget(self)
        self.box = QVBoxLayout(self.body)
        self.box.setContentsMargins(20, 2, 0, 6)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.header)
        head.addWidget(rule, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.body)
        self.header.clicked.connect(self._on_header_clicked)
        self.set_expanded(expanded)

    def set_expanded(self, expanded: bool) -> None:
        self.expanded = expanded
        self.header.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    def _on_header_clicked(self) -> None:
        self.set_expanded(not self.expanded)


class SettingsForm(QWidget):
    """Rows for ``specs``, one per setting, in sections in catalog order."""

    changed = Signal(str, object, bool)  # setting name, text (None: empty), one undo step

    def __init__(
        self,
        specs: Sequence[SettingSpec],
        sessions: Sessions,
        prefix: str,
        parent: QWidget | None = None,
        *,
        sections: Mapping[str, str] | None = None,
    ) -> None:
        """``sections``: setting name -> the section it goes in instead of the catalog's."""
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self.sections: dict[str, Section] = {}
        self._section_of: dict[str, Section] = {}
        forms: dict[str, QFormLayout] = {}
        self._forms = forms
        self._narrow = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            where = (sections or {}).get(spec.name, spec.section)
            section = self.sections.get(where)
            if section is None:
                section = self.sections[where] = Section(catalog_tr(where), self)
                form = forms[where] = QFormLayout()
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow dock: field below
                form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                section.box.addLayout(form)
                layout.addWidget(section)
            field = make_field(spec)
            field.label.setText(catalog_label(spec))
            field.watch(sessions, f"{prefix}{spec.name}")
            field.changed.connect(self._on_field_changed)
            if isinstance(field, XmlField):
                forms[where].addRow(field)
            else:
                field.label.setBuddy(field.editor())
                forms[where].addRow(field.label, field)
            self.fields[spec.name] = field
            self._section_of[spec.name] = section

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_FORM_WIDTH
        if narrow != self._narrow:
            # A narrow dock puts every label above its field: the field gets the whole width.
            self._narrow = narrow
            policy = QFormLayout.RowWrapPolicy.WrapAllRows if narrow else QFormLayout.RowWrapPolicy.WrapLongRows
            for form in self._forms.values():
                form.setRowWrapPolicy(policy)

    def show_values(self, props: Mapping[str, AdapterProperty]) -> None:
        for name, field in self.fields.items():
            field.show_setting(props.get(name))

    def forget(self) -> None:
        for field in self.fields.values():
            field.forget()

    def commit_pending(self) -> None:
        for field in self.fields.values():
            field.commit_pending()

    def reveal(self, name: str) -> Field | None:
        """The field of ``name`` with its section unfolded (None when the form has none)."""
        field = self.fields.get(name)
        if field is not None:
            self._section_of[name].set_expanded(True)
        return field

    def _on_field_changed(self, name: str, text: object) -> None:
        self.changed.emit(name, text, self.fields[name].one_step())


#: Labels longer than this wrap; shorter ones set the width of the label column.
LABEL_WIDTH_MAX = 180
#: Below this width a form shows each label above its field.
NARROW_FORM_WIDTH = 380


def _align_labels(labels: Sequence[QLabel]) -> None:
    """One label column width for every section of a page, so that the fields line up."""
    if not labels:
        return
    widest = max(label.fontMetrics().horizontalAdvance(label.text()) for label in labels) + 4
    width = min(widest, LABEL_WIDTH_MAX)
    for label in labels:
        label.setFixedWidth(width)


class AdapterPage(QWidget):
    """The Settings tab's content for one adapter: typed forms first, generic tables after."""

    def __init__(self, spec: AdapterSpec | None, sessions: Sessions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.form: SettingsForm | None = None
        self.inner_form: SettingsForm | None = None
        self.inner_table: PropertyTable | None = None
        self.inner_section: Section | None = None
        self.config_section: Section | None = None
        self._first_show = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.inner_message = QLabel(self)
        self.inner_message.setWordWrap(True)
        self.inner_message.setStyleSheet(f"color: {WARNING_COLOR};")
        self.inner_message.hide()
        layout.addWidget(self.inner_message)
        if spec is not None and spec.wraps_adapter_config:
            wrapper = spec.wrapper_property or "AdapterConfig"
            self.inner_form = SettingsForm(spec.inner_settings, sessions, f"settings.{wrapper}.", self)
            layout.addWidget(self.inner_form)
            self.inner_section = Section(self.tr("Other <%1> elements").replace("%1", spec.inner_root), self)
            self.inner_table = PropertyTable(self.inner_section.body, typed=False)
            self.inner_section.box.addWidget(self.inner_table)
            layout.addWidget(self.inner_section)
            document = self.tr("Configuration document")
            self.form = SettingsForm(spec.settings, sessions, "settings.", self, sections={wrapper: document})
            self.config_section = self.form.sections.get(document)
            layout.addWidget(self.form)
        elif spec is not None:
            self.form = SettingsForm(spec.settings, sessions, "settings.", self)
            layout.addWidget(self.form)
        _align_labels(
            [
                f.label
                for form in (self.inner_form, self.form)
                if form is not None
                for f in form.fields.values()
                if not isinstance(f, XmlField)
            ]
        )
        self.table_section = Section(self.tr("Other properties") if spec else self.tr("Properties"), self)
        self.table = PropertyTable(self.table_section.body)
        self.table_section.box.addWidget(self.table)
        layout.addWidget(self.table_section)
        layout.addStretch(1)

    def commit_pending(self) -> None:
        """Commit what the forms and tables hold that editing has not finished yet."""
        for form in (self.inner_form, self.form):
            if form is not None:
                form.commit_pending()
        for table in (self.inner_table, self.table):
            if table is not None:
                table.detail.commit_pending()

    def show_settings(self, settings: AdapterSettings) -> None:
        known = {s.name for s in self.spec.settings} if self.spec else set()
        values: dict[str, AdapterProperty] = {}
        others: list[AdapterProperty] = []
        for prop in settings.properties:
            if prop.name in known and prop.name not in values:
                values[prop.name] = prop
            else:
                others.append(prop)
        if self.form is not None:
            self.form.show_values(values)
        self.table.set_rows(others, [p.name for p in settings.properties], known)
        if self._first_show:
            self.table_section.set_expanded(bool(others) or self.spec is None)
            if self.config_section is not None:
                self.config_section.set_expanded(False)
        inner: dict[str, str | None] = {}
        if self.spec is not None and self.spec.wraps_adapter_config:
            inner = self._show_config(values.get(self.spec.wrapper_property or "AdapterConfig"))
        self._show_required({**inner, **{p.name: p.value for p in settings.properties}})
        self._first_show = False

    def _show_required(self, values: Mapping[str, str | None]) -> None:
        """Flag the settings the authentication mode chosen needs and the file lacks (and say
        of a blank secret that the mode does not need it)."""
        if self.spec is None:
            return
        ruled = bool(self.spec.requirements)
        needed = {m.name: m.reason for m in missing_required(self.spec, values)} if ruled else {}
        for form in (self.form, self.inner_form):
            if form is not None:
                for name, field in form.fields.items():
                    field.set_mode_required(needed.get(name) if name in needed else (False if ruled else None))

    def _show_config(self, prop: AdapterProperty | None) -> dict[str, str | None]:
        """Show the ``<Config>`` document's children; returns them by name (none when it is malformed)."""
        assert self.spec is not None and self.inner_form is not None and self.inner_table is not None
        try:
            inner = config_values(prop.value if prop is not None else None)
            problem = None
        except XmlProblem as e:
            inner, problem = {}, localized(e)
        if problem is not None:
            self.inner_message.setText(
                self.tr(
                    "The <%1> document is not well-formed (line %2: %3). Fix it under "
                    "“Configuration document” below; the fields are locked until then."
                )
                .replace("%1", self.spec.inner_root)
                .replace("%2", str(problem.line))
                .replace("%3", problem.message)
            )
            if self.config_section is not None:
                self.config_section.set_expanded(True)
        self.inner_message.setVisible(problem is not None)
        self.inner_form.setEnabled(problem is None)
        self.inner_table.setEnabled(problem is None)
        known = {s.name for s in self.spec.inner_settings}
        self.inner_form.show_values({n: AdapterProperty(n, None, v) for n, v in inner.items() if n in known})
        others = [AdapterProperty(n, None, v) for n, v in inner.items() if n not in known]
        self.inner_table.set_rows(others, inner, known)
        if self._first_show and self.inner_section is not None:
            self.inner_section.set_expanded(bool(others))
        return dict(inner)

    def reveal(self, name: str) -> QWidget | None:
        """The widget to focus for setting ``name`` (``serverAddress`` or ``AdapterConfig.serverAddress``
        for a ``<Config>`` child), its section unfolded; None when nothing here shows it."""
        inner_name = name.rsplit(".", 1)[-1]
        for form, key in ((self.form, name), (self.inner_form, inner_name)):
            field = form.reveal(key) if form is not None else None
            if field is not None:
                return field.editor()
        for section, table, key in (
            (self.table_section, self.table, name),
            (self.inner_section, self.inner_table, inner_name),
        ):
            if section is not None and table is not None and table.select(key):
                section.set_expanded(True)
                return table.detail.edit if table.detail.isVisibleTo(table) else table.table
        return None
