"""The generic table of adapter properties: whatever the catalog does not describe.

Any adapter the catalog lacks (a custom adapter, MQSeries...), and any property of a known
adapter the catalog has no row for, is listed here as written, editable: Name, VARIANT type
and Value. An edit is checked with the model's VARIANT rules and only handed on when valid;
a value that is an XML document is edited below the table in an :class:`XmlEditor`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import ErrorLabel
from designer.editors.xml_editor import XmlEditor
from designer.translation_marks import QT_TRANSLATE_NOOP
from model.adapters import VariantType, int_range, parse_variant, python_type
from model.bindings.blanking import restore_masked
from model.domain import AdapterProperty, is_token
from model.secrets import MASK, is_secret_setting, mask_text

__all__ = ["PropertyTable", "variant_problem", "vt_label"]

NAME, TYPE, VALUE = range(3)
_WHOLE = re.compile(r"-?[0-9]+")
_INVALID = QBrush(QColor(255, 0, 0, 45))

#: Readable names of the VARIANT codes binding files use, in the order the type menu offers.
_VT_NAMES: dict[int, str] = {
    VariantType.VT_BSTR: QT_TRANSLATE_NOOP("Editors", "string"),
    VariantType.VT_BOOL: QT_TRANSLATE_NOOP("Editors", "bool"),
    VariantType.VT_I4: QT_TRANSLATE_NOOP("Editors", "int32"),
    VariantType.VT_UI4: QT_TRANSLATE_NOOP("Editors", "uint32"),
    VariantType.VT_I2: QT_TRANSLATE_NOOP("Editors", "int16"),
    VariantType.VT_UI1: QT_TRANSLATE_NOOP("Editors", "uint8"),
    VariantType.VT_UI2: QT_TRANSLATE_NOOP("Editors", "uint16"),
    VariantType.VT_I8: QT_TRANSLATE_NOOP("Editors", "int64"),
    VariantType.VT_UI8: QT_TRANSLATE_NOOP("Editors", "uint64"),
    VariantType.VT_DATE: QT_TRANSLATE_NOOP("Editors", "date"),
    VariantType.VT_NULL: QT_TRANSLATE_NOOP("Editors", "null"),
}


def vt_label(vt: int | None) -> str:
    """``8 – string``; ``(none)`` for a property written without a ``vt`` attribute."""
    if vt is None:
        return QCoreApplication.translate("Editors", "(none)")
    name = _VT_NAMES.get(vt)
    return f"{vt} – {QCoreApplication.translate('Editors', name)}" if name else str(vt)


def _vt_from_label(text: str) -> int | None:
    head = text.strip().split(" ", 1)[0]
    if head in ("", QCoreApplication.translate("Editors", "(none)")):
        return None
    return int(head)  # ValueError for anything else


def _name_problem(name: str, others: Iterable[str], reserved: Iterable[str] = ()) -> str | None:
    if not name:
        return QCoreApplication.translate("Editors", "A property needs a name.")
    try:
        etree.Element(name)
    except ValueError:
        return QCoreApplication.translate("Editors", "“%1” is not a valid XML element name.").replace("%1", name)
    if ":" in name:
        return QCoreApplication.translate("Editors", "A property name cannot contain “:”.")
    if name in others:
        return QCoreApplication.translate("Editors", "There is already a property called “%1”.").replace("%1", name)
    if name in reserved:
        return QCoreApplication.translate("Editors", "“%1” has its own field in the form above.").replace("%1", name)
    return None


def variant_problem(
    vt: int | None,
    text: str | None,
    low: int | None = None,
    high: int | None = None,
    bool_texts: tuple[str, str] | None = None,
) -> str | None:
    """Why ``text`` cannot be written with VARIANT type ``vt``, in a sentence; None when it can.

    The model decides (``parse_variant``); this only words its refusal for a person.
    Placeholders (``${Token}``) always can; ``low``/``high`` narrow an integer type's range.
    """
    if vt is None or is_token(text) or python_type(vt) is str:
        return None
    if vt == VariantType.VT_NULL:
        return None if not text else QCoreApplication.translate("Editors", "A null (vt 1) property carries no value.")
    if text is None or not text.strip():
        return QCoreApplication.translate("Editors", "Enter a value.")
    if bool_texts is not None and text.strip().lower() in (b.lower() for b in bool_texts):
        return None
    try:
        value = parse_variant(vt, text)
    except ValueError:
        value = None
    if python_type(vt) is bool and value is None:
        if bool_texts is not None:
            return (
                QCoreApplication.translate("Editors", "Enter %1 or %2.")
                .replace("%1", bool_texts[0])
                .replace("%2", bool_texts[1])
            )
        return QCoreApplication.translate("Editors", "Enter -1 (true) or 0 (false).")
    if python_type(vt) is int:
        type_low, type_high = int_range(vt)
        low = type_low if low is None else max(low, type_low)
        high = type_high if high is None else min(high, type_high)
        if value is None and not _WHOLE.fullmatch(text.strip()):
            return (
                QCoreApplication.translate("Editors", "Enter a whole number from %1 to %2.")
                .replace("%1", str(low))
                .replace("%2", str(high))
            )
        if not low <= int(text.strip()) <= high:
            return (
                QCoreApplication.translate("Editors", "%1 is out of range: enter a whole number from %2 to %3.")
                .replace("%1", text.strip())
                .replace("%2", str(low))
                .replace("%3", str(high))
            )
        return None
    if value is None:
        return QCoreApplication.translate("Editors", "Enter a date and time such as 12/31/2024 23:30:00.")
    return None


class _TypeDelegate(QStyledItemDelegate):
    """The Type column offers the VARIANT codes as a list (and keeps an unusual code as found)."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for vt in _VT_NAMES:
            combo.addItem(vt_label(vt))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        text = str(index.data() or "")
        if editor.findText(text) < 0:
            editor.addItem(text)
        editor.setCurrentText(text)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QComboBox)
        if editor.currentText() != index.data():
            model.setData(index, editor.currentText())


class PropertyTable(QWidget):
    """Name / Type / Value rows, with Add and Remove; ``typed=False`` hides the Type column
    (children of a wrapped ``<Config>`` document have no VARIANT type)."""

    property_added = Signal(str, object, object)  # name, vt, value
    property_edited = Signal(str, str, object, object)  # old name, name, vt, value
    property_removed = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, typed: bool = True) -> None:
        super().__init__(parent)
        self._typed = typed
        self._rows: list[AdapterProperty] = []
        self._taken: frozenset[str] = frozenset()
        self._reserved: frozenset[str] = frozenset()

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("propertyTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Value")])
        self.table.setColumnHidden(TYPE, not typed)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegateForColumn(TYPE, _TypeDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TYPE, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(NAME, 160)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)

        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addProperty")
        self.add_button.setToolTip(self.tr("Add a property"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeProperty")
        self.remove_button.setToolTip(self.tr("Remove the selected property"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.error = ErrorLabel(self)

        self.detail_label = QLabel(self)
        self.detail = XmlEditor(self, allow_plain_text=True, fit_lines=(3, 14), format_below=False)
        self.detail.text_committed.connect(self._on_detail_text_committed)
        self.detail_label.setBuddy(self.detail)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        detail_head = QHBoxLayout()
        detail_head.setContentsMargins(0, 0, 0, 0)
        detail_head.addWidget(self.detail_label, 1)
        detail_head.addWidget(self.detail.format_button)
        layout.addLayout(detail_head)
        layout.addWidget(self.detail)
        self._show_detail()

    # -- public ---------------------------------------------------------------------------

    def set_rows(
        self, rows: Sequence[AdapterProperty], taken: Iterable[str] = (), reserved: Iterable[str] = ()
    ) -> None:
        """Show ``rows`` (programmatic: no signal). ``taken``: every property name in use,
        listed here or not; ``reserved``: names the form has a field for. A rename or a new
        row may use neither."""
        self._taken = frozenset(taken) | {row.name for row in rows}
        self._reserved = frozenset(reserved)
        rows = list(rows)
        if rows == self._rows:
            return
        current = self.current_name()
        self._rows = rows
        blocker = self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._fill(i, row)
        self.table.blockSignals(blocker)
        self.error.show_message(None)
        self._fit_height()
        if current is None or not self.select(current):
            # A row is always current, so that an XML value shows in the editor below.
            self.table.setCurrentCell(0 if rows else -1, VALUE)
        self._show_detail()

    def rows(self) -> list[AdapterProperty]:
        return list(self._rows)

    def current_name(self) -> str | None:
        row = self.table.currentRow()
        return self._rows[row].name if 0 <= row < len(self._rows) else None

    def select(self, name: str) -> bool:
        for i, row in enumerate(self._rows):
            if row.name == name:
                self.table.setCurrentCell(i, VALUE)
                return True
        return False

    def focus_row(self, name: str) -> bool:
        if not self.select(name):
            return False
        target = self.detail if self.detail.isVisible() else self.table
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- internals ------------------------------------------------------------------------

    def _fill(self, i: int, row: AdapterProperty) -> None:
        # Items are updated in place, never replaced: this may run inside itemChanged.
        multiline = row.is_xml or "\n" in (row.value or "")
        shown = " ".join((row.value or "").split()) if multiline else (row.value or "")
        texts = (row.name, vt_label(row.vt), _masked(row.name, shown))
        for column, text in zip((NAME, TYPE, VALUE), texts, strict=True):
            item = self.table.item(i, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(i, column, item)
            item.setText(text)
            item.setBackground(QBrush())
            item.setToolTip("")
            if column == VALUE:
                editable = Qt.ItemFlag.ItemIsEditable
                item.setFlags(item.flags() & ~editable if multiline else item.flags() | editable)
                if multiline:
                    item.setToolTip(self.tr("Edit this value in the editor below the table"))

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None
        return item

    def _fit_height(self) -> None:
        rows = max(len(self._rows), 2)
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(i) for i in range(len(self._rows)))
        height += max(rows - len(self._rows), 0) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(min(height + 2, 320))

    def _show_detail(self) -> None:
        row = self.table.currentRow()
        prop = self._rows[row] if 0 <= row < len(self._rows) else None
        shown = prop is not None and (prop.is_xml or "\n" in (prop.value or ""))
        self.remove_button.setEnabled(prop is not None)
        self.detail_label.setVisible(shown)
        self.detail.format_button.setVisible(shown)
        self.detail.setVisible(shown)
        if shown and prop is not None:
            self.detail_label.setText(self.tr("Value of %1:").replace("%1", prop.name))
            if self.detail.text() != (prop.value or ""):
                self.detail.set_text(prop.value or "")

    def _on_table_current_cell_changed(self, row: int, _column: int, old_row: int, _old_column: int) -> None:
        if row != old_row:
            self._show_detail()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        i = item.row()
        if not 0 <= i < len(self._rows):
            return
        old = self._rows[i]
        name = self._item(i, NAME).text().strip()
        value_item = self._item(i, VALUE)
        value = old.value if not value_item.flags() & Qt.ItemFlag.ItemIsEditable else (value_item.text() or None)
        if value is not None and MASK in value and old.value:
            value = old.value if value == _masked(old.name, old.value) else restore_masked(value, old.value)
        message, culprit = _name_problem(name, self._taken - {old.name}, self._reserved - {old.name}), NAME
        vt = old.vt
        if message is None and self._typed:
            try:
                vt = _vt_from_label(self._item(i, TYPE).text())
            except ValueError:
                message, culprit = self.tr("The type must be a VARIANT code such as 8 (string)."), TYPE
        if message is None:
            message, culprit = variant_problem(vt, value), VALUE
        self._mark(i, culprit if message else None, message)
        if message is None and AdapterProperty(name, vt, value) != old:
            self.property_edited.emit(old.name, name, vt, value)

    def _mark(self, row: int, column: int | None, message: str | None) -> None:
        blocker = self.table.blockSignals(True)
        for c in (NAME, TYPE, VALUE):
            item = self._item(row, c)
            item.setBackground(_INVALID if c == column else QBrush())
            if c != VALUE or item.flags() & Qt.ItemFlag.ItemIsEditable:
                item.setToolTip(message or "" if c == column else "")
        self.table.blockSignals(blocker)
        self.error.show_message(message)

    def _on_detail_text_committed(self, text: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        old = self._rows[row]
        message = variant_problem(old.vt, text or None)
        self.detail.show_problem(message)
        if message is None:
            self.property_edited.emit(old.name, old.name, old.vt, text or None)

    def _on_add_button_clicked(self) -> None:
        n = 1
        while f"Property{n}" in self._taken | self._reserved:
            n += 1
        name = f"Property{n}"
        self.property_added.emit(name, VariantType.VT_BSTR if self._typed else None, None)
        if self.select(name):
            self.table.setCurrentCell(self.table.currentRow(), NAME)
            self.table.editItem(self._item(self.table.currentRow(), NAME))

    def _on_remove_button_clicked(self) -> None:
        name = self.current_name()
        if name is not None:
            self.property_removed.emit(name)


def _masked(name: str, value: str) -> str:
    """A value as the table shows it: a secret setting as ``***``, passwords inside a connection
    string or an address masked (``Server=s;Password=***``); the stored value stays as it is."""
    if value and is_secret_setting(name) and not is_token(value):
        return MASK
    return mask_text(value)
