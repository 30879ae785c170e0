"""An editor for XML documents nested in binding files (BindingConfiguration, AdapterConfig...).

Nested documents are edited as XML, never as escaped text: highlighted, formatted on
request and checked as they are typed (a short pause after the last keystroke). Only
well-formed text leaves the editor (``text_committed``), when editing finishes: the editor
loses focus, Ctrl+Enter, or the Format button; Escape puts the committed text back. A
malformed document is marked in place with the parser's message and line.
"""

from __future__ import annotations

import re

from lxml import etree
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRegularExpression,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from designer.editors.fields import EditKeys, ErrorLabel, mark
from model import custom_props
from model.custom_props import XmlProblem, parse_document

__all__ = ["XmlEditor", "XmlHighlighter", "XmlProblem", "localized", "parse_xml"]

#: Debounce between the last keystroke and the well-formedness check shown while typing.
CHECK_DELAY_MS = 400

_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

#: The translation context of each sentence the model refuses a typed document with.
TEMPLATE_CONTEXTS = {
    custom_props.EMPTY_DOCUMENT: "XmlEditor",
    custom_props.DTD_REFUSED: "XmlEditor",
    custom_props.NOT_CUSTOM_PROPS: "AdapterSettingsEditor",
    custom_props.NAMESPACED_PROPERTY: "AdapterSettingsEditor",
    custom_props.BAD_VT: "AdapterSettingsEditor",
}


def localized(problem: XmlProblem) -> XmlProblem:
    """``problem`` worded in the user's language (the model words its refusals in English;
    a parser's message is shown as the parser wrote it)."""
    if problem.template is None:
        return problem
    text = QCoreApplication.translate(TEMPLATE_CONTEXTS.get(problem.template, "XmlEditor"), problem.template)
    return XmlProblem(
        text.replace("%1", problem.argument),
        problem.line,
        problem.column,
        template=problem.template,
        argument=problem.argument,
    )


def parse_xml(text: str) -> etree._Element:
    """Parse a document a person typed; :class:`XmlProblem`, worded for the user, when it is
    not well-formed. The model parses (hardened: no DTD, entities or network)."""
    try:
        return parse_document(text)
    except XmlProblem as e:
        raise localized(e) from None


def format_xml(text: str) -> str:
    """``text`` indented two spaces per level (leaf text untouched); XmlProblem when malformed."""
    root = parse_xml(text)
    etree.indent(root, space="  ")
    declaration = _DECLARATION.match(text)
    body = etree.tostring(root, encoding=str)
    return f"{declaration.group().strip()}\n{body}" if declaration else body


class XmlHighlighter(QSyntaxHighlighter):
    """Colours tags, attribute names and values, entities and comments (comments may span lines)."""

    _IN_COMMENT = 1
    _ATTRIBUTE = QRegularExpression(r"""([A-Za-z_][\w:.-]*)\s*=\s*("[^"]*"?|'[^']*'?)""")
    _TAG = QRegularExpression(r"</?[A-Za-z_][\w:.-]*|/?>|<\?[\w:.-]*|\?>")
    _ENTITY = QRegularExpression(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")

    #: (tag, attribute name, attribute value, entity, comment) on light and on dark backgrounds.
    LIGHT = ("#1f5fa8", "#9a4f0f", "#1b7f3b", "#8a3ab9", "#7f7f7f")
    DARK = ("#82b4ff", "#e3a668", "#8fd19e", "#d3a0f0", "#9a9a9a")

    def __init__(self, document: QTextDocument, *, dark: bool | None = None) -> None:
        super().__init__(document)
        if dark is None:
            dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        tag, attribute, value, entity, comment = self.DARK if dark else self.LIGHT
        self.tag = self._format(tag)
        self.attribute = self._format(attribute)
        self.value = self._format(value)
        self.entity = self._format(entity)
        self.comment = self._format(comment, italic=True)

    @staticmethod
    def _format(color: str, *, italic: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(color))
        fmt.setFontItalic(italic)
        return fmt

    def highlightBlock(self, text: str) -> None:
        matches = self._ATTRIBUTE.globalMatch(text)
        while matches.hasNext():
            m = matches.next()
            self.setFormat(m.capturedStart(1), m.capturedLength(1), self.attribute)
            self.setFormat(m.capturedStart(2), m.capturedLength(2), self.value)
        for expression, fmt in ((self._TAG, self.tag), (self._ENTITY, self.entity)):
            matches = expression.globalMatch(text)
            while matches.hasNext():
                m = matches.next()
                self.setFormat(m.capturedStart(), m.capturedLength(), fmt)
        self._comments(text)

    def _comments(self, text: str) -> None:
        self.setCurrentBlockState(0)
        inside = self.previousBlockState() == self._IN_COMMENT
        pos = 0
        while True:
            if not inside:
                pos = text.find("<!--", pos)
                if pos < 0:
                    return
            end = text.find("-->", pos if inside else pos + 4)
            stop = len(text) if end < 0 else end + 3
            self.setFormat(_utf16(text, pos), _utf16(text, stop) - _utf16(text, pos), self.comment)
            if end < 0:
                self.setCurrentBlockState(self._IN_COMMENT)
                return
            inside, pos = False, stop


def _utf16(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)


class XmlEditor(QWidget):
    """Plain-text XML editing with highlighting, a Format button and live well-formedness checks.

    ``allow_plain_text``: a value that does not start with ``<`` (an action URI) is accepted
    as plain text, as adapter settings such as StaticAction allow; ``allow_empty``: no text at
    all means "no document" and is fine. ``fit_lines``:
    grow with the content between that many lines (for forms); None fills the space given.
    """

    text_committed = Signal(str)
    #: Editing finished (after committing what was typed): the editor lost focus.
    editing_finished = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        allow_plain_text: bool = False,
        allow_empty: bool = True,
        fit_lines: tuple[int, int] | None = (3, 12),
        format_below: bool = True,
    ) -> None:
        super().__init__(parent)
        self._allow_plain = allow_plain_text
        self._allow_empty = allow_empty
        self._fit = fit_lines
        self._committed = ""
        self._forgotten = False  # the next set_text replaces whatever the editor holds
        self._problem: str | None = None
        self._external: str | None = None
        self._error_line: int | None = None

        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("xmlText")
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        # In a form, long lines wrap (a dock is narrow); a full-size editor scrolls instead.
        self.edit.setLineWrapMode(
            QPlainTextEdit.LineWrapMode.WidgetWidth if fit_lines is not None else QPlainTextEdit.LineWrapMode.NoWrap
        )
        self.edit.setTabChangesFocus(fit_lines is not None)
        self.edit.setFrameShape(QFrame.Shape.StyledPanel)
        EditKeys(self.edit, self.pending, self.revert, commit=self._finish)
        self.edit.viewport().installEventFilter(self)
        self.highlighter = XmlHighlighter(self.edit.document())
        self.setFocusProxy(self.edit)

        self.format_button = QToolButton(self)
        self.format_button.setObjectName("formatXml")
        self.format_button.setText(self.tr("Format"))
        self.format_button.setToolTip(self.tr("Indent the document, one element per line"))
        self.format_button.setAutoRaise(True)
        self.format_button.clicked.connect(self._on_format_button_clicked)
        self.error = ErrorLabel(self)

        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.error, 1)
        if format_below:  # else the owner places it (next to a label, say)
            bottom.addWidget(self.format_button, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(lambda: self._check(self.text()))
        self.edit.textChanged.connect(self._on_edit_text_changed)
        if fit_lines is not None:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._fit_height()

    # -- public ---------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show ``text`` (programmatic: no signal); it is checked and marked if malformed. The
        committed text shown again while the user types in the editor leaves the typing alone."""
        if text == self._committed and self.edit.hasFocus() and self.pending() and not self._forgotten:
            return
        self._forgotten = False
        self._show(text)

    def text(self) -> str:
        return self.edit.toPlainText()

    def is_valid(self) -> bool:
        """Whether the text shown is acceptable (well-formed, and no problem set by the owner)."""
        return self._problem is None and self._external is None

    def show_problem(self, message: str | None) -> None:
        """Mark a problem the owner found in well-formed text (wrong root, bad attribute...)."""
        self._external = message
        self._show_marks()

    def set_placeholder(self, text: str) -> None:
        self.edit.setPlaceholderText(text)

    def pending(self) -> bool:
        """Whether the editor holds text that was typed and not committed yet."""
        return self.text() != self._committed

    def commit_pending(self) -> None:
        """Commit what was typed, if it is well-formed (as leaving the editor would)."""
        self._timer.stop()
        text = self.text()
        if self._check(text) and text != self._committed:
            self._committed = text
            self.text_committed.emit(text)

    def revert(self) -> None:
        """Escape: the committed text again."""
        self._show(self._committed)

    def forget(self) -> None:
        """The next :meth:`set_text` shows another object's document: it replaces what was typed."""
        self._forgotten = True

    # -- internals ------------------------------------------------------------------------

    def _show(self, text: str) -> None:
        self._timer.stop()
        if text != self.edit.toPlainText():
            with QSignalBlocker(self.edit):
                self.edit.setPlainText(text)
            self._fit_height()
        self._committed = text
        self._external = None
        self._check(text)

    def _on_edit_text_changed(self) -> None:
        self._fit_height()
        self._timer.start()

    def _on_format_button_clicked(self) -> None:
        try:
            formatted = format_xml(self.text())
        except XmlProblem:
            self._check(self.text())
            return
        cursor = self.edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(formatted)  # through the cursor: Ctrl+Z in the editor undoes it
        self.commit_pending()

    def _finish(self) -> None:
        self.commit_pending()
        self.editing_finished.emit()

    def _check(self, text: str) -> bool:
        self._problem, self._error_line = None, None
        empty_ok = self._allow_empty and not text.strip()
        if not empty_ok and not (self._allow_plain and not text.lstrip().startswith("<")):
            try:
                parse_xml(text)
            except XmlProblem as e:
                self._problem = (
                    self.tr("Line %1, column %2: %3")
                    .replace("%1", str(e.line))
                    .replace("%2", str(e.column))
                    .replace("%3", e.message)
                )
                self._error_line = e.line
        self._show_marks()
        self.format_button.setEnabled(self._problem is None and text.lstrip().startswith("<"))
        return self._problem is None

    def _show_marks(self) -> None:
        message = self._problem or self._external
        mark(self.edit, message, self.error)
        selections = []
        if self._error_line is not None:
            block = self.edit.document().findBlockByNumber(self._error_line - 1)
            if block.isValid():
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(255, 0, 0, 40))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
        self.edit.setExtraSelections(selections)

    def _fit_height(self) -> None:
        if self._fit is None:
            return
        low, high = self._fit
        lines = min(max(self._visual_lines(high), low), high)
        document = self.edit.document()
        frame = 2 * self.edit.frameWidth() + int(2 * document.documentMargin())
        height = lines * self.edit.fontMetrics().lineSpacing() + frame + 2
        if self.edit.height() != height:
            self.edit.setFixedHeight(height)

    def _visual_lines(self, limit: int) -> int:
        """Lines the text takes at the current width, wrapped (counting stops at ``limit``)."""
        width = self.edit.viewport().width() - 2 * self.edit.document().documentMargin() - 4
        option = self.edit.document().defaultTextOption()
        total = 0
        block = self.edit.document().begin()
        while block.isValid() and total <= limit:
            layout = QTextLayout(block.text(), self.edit.font())
            layout.setTextOption(option)
            layout.beginLayout()
            count = 0
            while (line := layout.createLine()).isValid():
                line.setLineWidth(max(width, 10))
                count += 1
            layout.endLayout()
            total += max(count, 1)
            block = block.next()
        return total

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_height()  # the viewport's width decides where lines wrap
        return super().eventFilter(obj, event)
