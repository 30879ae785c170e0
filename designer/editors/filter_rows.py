"""The pieces of the filter builder: one statement row, one OR-group box, the operator list.

Rows and boxes are views: they show a ``StatementDraft`` (``filter_drafts``) handed to them
and report what the user did through signals; :class:`~designer.editors.filter_builder.FilterBuilder`
owns the drafts, asks ``model.filter_rules`` what is wrong, and reuses these widgets by position.
Every programmatic update sits inside a ``QSignalBlocker`` and leaves a field alone when it
already shows the text, so that the row being typed in keeps its cursor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QFontDatabase, QTextOption
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import EditKeys, ErrorLabel, mark
from designer.editors.filter_completer import PropertyCompleter
from designer.editors.filter_drafts import StatementDraft
from designer.icons import icon
from model.domain import FilterOperator

__all__ = ["GroupBox", "OperatorCombo", "OrSeparator", "PreviewText", "StatementRow", "UnparsedPanel", "lay_out"]


class OperatorCombo(QComboBox):
    """The eight operators with readable names in the list, the bare symbol in the box."""

    KNOWN = len(FilterOperator)  # items for the real operators; one more for an unknown code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        o = FilterOperator
        words = {  # in the order people reach for them: name beside the symbol in the list, tooltip
            o.EQUALS: (self.tr("equals"), self.tr("Equals: the property has exactly this value.")),
            o.NOT_EQUAL: (self.tr("not equal"), self.tr("Not equal: the property has another value.")),
            o.LESS_THAN: (self.tr("less than"), self.tr("Less than this value.")),
            o.LESS_EQUAL: (self.tr("less or equal"), self.tr("Less than or equal to this value.")),
            o.GREATER_THAN: (self.tr("greater than"), self.tr("Greater than this value.")),
            o.GREATER_EQUAL: (self.tr("greater or equal"), self.tr("Greater than or equal to this value.")),
            o.EXISTS: ("", self.tr("Exists: the message has this property, whatever its value. Takes no value.")),
            o.BITWISE_AND: (
                self.tr("bitwise AND"),
                self.tr("Bitwise AND: the property's value AND this number is not zero."),
            ),
        }
        self._symbols: dict[int, str] = {}
        for op, (name, tip) in words.items():
            symbol = self._symbols[int(op)] = self.tr("exists") if op is o.EXISTS else op.symbol
            self.addItem(f"{symbol}\u2003{name}" if name else symbol, int(op))
            self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(6)
        # Fixed from the style's own size: a marked (style-sheeted) box would otherwise shrink
        # and shift the value column of its row.
        self.setFixedSize(self.sizeHint())
        self.setAccessibleName(self.tr("Operator"))

    def code(self) -> int:
        return int(self.currentData())

    def set_code(self, code: int) -> None:
        """Show ``code``; an unknown code (read from a file) has an item of its own while it is shown."""
        with QSignalBlocker(self):
            known = self.count() > self.KNOWN
            if known and int(self.itemData(self.KNOWN)) != code:
                self.removeItem(self.KNOWN)
            index = self.findData(code)
            if index < 0:
                self.addItem(f"?{code}?", code)
                tip = self.tr("Code %1 is not a BizTalk filter operator.").replace("%1", str(code))
                self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
                index = self.count() - 1
            if index != self.currentIndex():
                self.setCurrentIndex(index)
        self.setToolTip(str(self.itemData(index, Qt.ItemDataRole.ToolTipRole) or ""))

    def paintEvent(self, event: QEvent) -> None:
        # The box shows only the symbol: the list beside it explains each one.
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self._symbols.get(self.code(), self.currentText())
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth() + 8)
        super().showPopup()


def _tool_button(parent: QWidget, tip: str, *, arrow: Qt.ArrowType | None = None, icon_name: str = "") -> QToolButton:
    button = QToolButton(parent)
    if arrow is not None:
        button.setArrowType(arrow)
    else:
        button.setIcon(icon(icon_name))
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    return button


def lay_out(
    box: QBoxLayout,
    *items: QWidget | QBoxLayout | tuple[QWidget, int] | tuple[QWidget, int, Qt.AlignmentFlag] | None,
    spacing: int = 4,
) -> QBoxLayout:
    """``box`` without margins holding ``items`` in order: a widget, (widget, stretch[, alignment]),
    a layout, or None for a stretch."""
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(spacing)
    for item in items:
        if item is None:
            box.addStretch(1)
        elif isinstance(item, QBoxLayout):
            box.addLayout(item)
        elif isinstance(item, tuple):
            box.addWidget(*item)
        else:
            box.addWidget(item)
    return box


def _label(text: str, parent: QWidget, *, quiet: bool = False, scale: float = 1.0) -> QLabel:
    """A bold label; ``quiet`` ones take the palette's disabled colour."""
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    label.setEnabled(not quiet)
    return label


class StatementRow(QWidget):
    """``property  operator  value  ↑ ↓ ✕``, an "AND" above it when it is not first, its problems below."""

    property_edited = Signal(str)  # typing (checked, not saved)
    operator_chosen = Signal(int)
    value_edited = Signal(str)
    finished = Signal(str)  # "property" or "value": Enter, leaving the field, or a completion picked
    left = Signal()  # focus left one of the row's fields
    move_requested = Signal(int)  # -1 up, +1 down
    remove_requested = Signal()
    clear_value_requested = Signal()

    def __init__(self, completions: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterStatement")
        self.position = (0, 0)  # (group, statement), set by the builder
        self.saved: dict[str, str] = {"property": "", "value": ""}  # what Escape goes back to
        self.and_label = _label(self.tr("AND"), self, quiet=True, scale=0.85)
        self.property_edit = QLineEdit(self)
        self.property_edit.setObjectName("filterProperty")
        self.property_edit.setPlaceholderText(self.tr("Property, e.g. BTS.MessageType"))
        self.completer = PropertyCompleter(completions, self)
        self.property_edit.setCompleter(self.completer)
        self.operator_combo = OperatorCombo(self)
        self.operator_combo.setObjectName("filterOperator")
        self.value_edit = QLineEdit(self)
        self.value_edit.setObjectName("filterValue")
        for edit in (self.property_edit, self.value_edit):  # keep the height when marked
            edit.setMinimumHeight(edit.sizeHint().height())
        self.up_button = _tool_button(self, self.tr("Move statement up"), arrow=Qt.ArrowType.UpArrow)
        self.down_button = _tool_button(self, self.tr("Move statement down"), arrow=Qt.ArrowType.DownArrow)
        self.remove_button = _tool_button(self, self.tr("Remove statement"), icon_name="delete")
        self.remove_button.setObjectName("removeStatement")
        self.error_label = ErrorLabel(self)
        self.clear_value_button = QPushButton(self.tr("Clear the value"), self)
        self.clear_value_button.setObjectName("clearValue")
        self.clear_value_button.hide()

        # the property name is usually the longest text (Be.Stateless.BizTalk.Schemas...): it gets more room
        fields = lay_out(
            QHBoxLayout(),
            (self.property_edit, 3),
            self.operator_combo,
            (self.value_edit, 2),
            self.up_button,
            self.down_button,
            self.remove_button,
        )
        problems = lay_out(QHBoxLayout(), (self.error_label, 1), self.clear_value_button)
        lay_out(QVBoxLayout(self), self.and_label, fields, problems, spacing=2)

        self.property_edit.textChanged.connect(self.property_edited)
        self.value_edit.textChanged.connect(self.value_edited)
        self.operator_combo.activated.connect(lambda _i: self.operator_chosen.emit(self.operator_combo.code()))
        self.property_edit.editingFinished.connect(lambda: self.finished.emit("property"))
        self.value_edit.editingFinished.connect(lambda: self.finished.emit("value"))
        self.completer.activated.connect(lambda _text: self.finished.emit("property"))
        for name, edit in (("property", self.property_edit), ("value", self.value_edit)):
            self._escape_reverts(edit, name)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.remove_button.clicked.connect(self.remove_requested)
        self.clear_value_button.clicked.connect(self.clear_value_requested)
        for w in (self.property_edit, self.operator_combo, self.value_edit):
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Moving between the row's own fields, or opening a popup, is not leaving the row.
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
        ):
            now = QApplication.focusWidget()
            if now is None or not self.isAncestorOf(now):
                self.left.emit()
        return False

    def _escape_reverts(self, edit: QLineEdit, name: str) -> None:
        def pending() -> bool:
            return edit.text() != self.saved[name]

        def revert() -> None:
            edit.setText(self.saved[name])  # as if typed: the builder's draft follows

        EditKeys(edit, pending, revert)

    def focus_widgets(self) -> list[QWidget]:
        """The row's widgets in tab order."""
        return [
            self.property_edit,
            self.operator_combo,
            self.value_edit,
            self.clear_value_button,
            self.up_button,
            self.down_button,
            self.remove_button,
        ]

    def show_draft(
        self,
        draft: StatementDraft,
        problems: dict[str, str],
        *,
        first: bool,
        last: bool,
        where: str,
        description: str | None,
    ) -> None:
        """Show ``draft`` and its problems (field -> message); ``where`` names the row for screen readers."""
        exists = draft.operator == FilterOperator.EXISTS
        with QSignalBlocker(self.property_edit):
            if self.property_edit.text() != draft.property:
                self.property_edit.setText(draft.property)
                self.property_edit.setCursorPosition(0)  # a long name shows its namespace
        self.operator_combo.set_code(draft.operator)
        value_text = draft.value or ""
        with QSignalBlocker(self.value_edit):
            if self.value_edit.text() != value_text:
                self.value_edit.setText(value_text)
                self.value_edit.setCursorPosition(0)
        self.value_edit.setEnabled(not exists)
        self.value_edit.setPlaceholderText(self.tr("no value") if exists else self.tr("Value"))
        self.and_label.setVisible(not first)
        self.up_button.setEnabled(not first)
        self.down_button.setEnabled(not last)
        self.property_edit.setAccessibleName(self.tr("%1: property").replace("%1", where))
        self.value_edit.setAccessibleName(self.tr("%1: value").replace("%1", where))
        self.remove_button.setAccessibleName(self.tr("Remove %1").replace("%1", where.lower()))

        shown = {f: m for f, m in problems.items() if f in draft.seen}
        mark(self.property_edit, shown.get("property"))
        if not shown.get("property"):
            self.property_edit.setToolTip(description or "")
        mark(self.operator_combo, shown.get("operator"))
        if not shown.get("operator"):
            self.operator_combo.setToolTip(
                str(self.operator_combo.itemData(self.operator_combo.currentIndex(), Qt.ItemDataRole.ToolTipRole))
            )
        mark(self.value_edit, shown.get("value"))
        self.error_label.show_message(" ".join(shown[f] for f in ("property", "operator", "value") if f in shown))
        self.clear_value_button.setVisible("value" in shown and exists and draft.value not in (None, ""))


class GroupBox(QFrame):
    """One OR-group in a frame: "Group n" with its move/remove buttons, its rows (reused by position),
    "Add statement"."""

    add_requested = Signal()
    move_requested = Signal(int)
    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterGroup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.rows: list[StatementRow] = []
        self.group = 0  # the group shown, set by the builder
        self.title_label = _label("", self)
        self.up_button = _tool_button(self, self.tr("Move group up"), arrow=Qt.ArrowType.UpArrow)
        self.down_button = _tool_button(self, self.tr("Move group down"), arrow=Qt.ArrowType.DownArrow)
        self.remove_button = _tool_button(self, self.tr("Remove group"), icon_name="delete")
        self.remove_button.setObjectName("removeGroup")
        self.remove_button.setText(self.tr("Remove group"))
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._rows_box = lay_out(QVBoxLayout())
        self.empty_label = QLabel(
            self.tr("No statements: this group matches nothing and is left out when the filter is saved."), self
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.add_button = QPushButton(self.tr("Add statement"), self)
        self.add_button.setObjectName("addStatement")
        self.add_button.setToolTip(self.tr("Add a statement to this group (statements in a group are ANDed)"))
        header = lay_out(QHBoxLayout(), self.title_label, None, self.up_button, self.down_button, self.remove_button)
        footer = lay_out(QHBoxLayout(), self.add_button, None)
        lay_out(QVBoxLayout(self), header, self._rows_box, self.empty_label, footer).setContentsMargins(8, 4, 6, 8)
        self.add_button.clicked.connect(self.add_requested)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(-1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(1))
        self.remove_button.clicked.connect(self.remove_requested)

    def title(self) -> str:
        return self.title_label.text()

    def use_rows(self, count: int, make: Callable[[QWidget], StatementRow]) -> list[StatementRow]:
        """Show ``count`` rows, creating them with ``make(self)`` when there are too few (spares hide)."""
        while len(self.rows) < count:
            row = make(self)
            self._rows_box.addWidget(row)
            self.rows.append(row)
        for i, row in enumerate(self.rows):
            row.setVisible(i < count)
        self.empty_label.setVisible(count == 0)
        return self.rows[:count]

    def show_position(self, index: int, count: int, part: tuple[int, int, int] | None = None) -> None:
        """Show group ``index`` of ``count``; ``part`` (first, end, statements) when a page shows
        only some of its statements."""
        self.group = index
        title = self.tr("Group %1").replace("%1", str(index + 1))
        self.title_label.setText(
            title
            if part is None
            else self.tr("%1: statements %2–%3 of %4")
            .replace("%1", title)
            .replace("%2", f"{part[0] + 1:,}")
            .replace("%3", f"{part[1]:,}")
            .replace("%4", f"{part[2]:,}")
        )
        self.setAccessibleName(title)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < count - 1)
        self.remove_button.setAccessibleName(self.tr("Remove group %1").replace("%1", str(index + 1)))

    def focus_widgets(self, rows: int) -> list[QWidget]:
        out: list[QWidget] = [self.up_button, self.down_button, self.remove_button]
        for row in self.rows[:rows]:
            out += row.focus_widgets()
        return [*out, self.add_button]


class OrSeparator(QWidget):
    """``──── OR ────`` between two groups."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orSeparator")
        lay_out(QHBoxLayout(self), (_line(self), 1), _label(self.tr("OR"), self, quiet=True), (_line(self), 1))


class PreviewText(QTextEdit):
    """Read-only, wrapped anywhere (message types are long unbroken words), as tall as its text."""

    MAX_LINES = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPreview")
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.document().setDocumentMargin(4)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        height = min(max(self.document().size().height(), line + 8), self.MAX_LINES * line + 8)
        self.setFixedHeight(int(height) + 2 * self.frameWidth())


class UnparsedPanel(QFrame):
    """A filter that could not be read: what it says, its raw text, and a way out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unparsedFilter")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = ErrorLabel(self)
        self.message.show_message(
            self.tr(
                "This filter could not be read, so it is kept exactly as written below. "
                "Start a new filter to replace it (undo brings it back)."
            )
        )
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("unparsedText")
        self.text.setReadOnly(True)
        self.text.setMaximumHeight(110)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.start_button = QPushButton(self.tr("Start a new filter"), self)
        self.start_button.setObjectName("startNewFilter")
        lay_out(
            QVBoxLayout(self), self.message, self.text, lay_out(QHBoxLayout(), self.start_button, None), spacing=6
        ).setContentsMargins(8, 8, 8, 8)


def _line(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
