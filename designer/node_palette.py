"""The node palette: drag a send port or group onto the canvas (or click to create one)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QToolButton, QVBoxLayout, QWidget

from designer.canvas.view import NEW_ITEM_MIME
from designer.icons import icon


class _NodeButton(QToolButton):
    def __init__(self, kind: str, text: str, icon_name: str) -> None:
        super().__init__()
        self.kind = kind
        self.icon_name = icon_name
        self.setObjectName(f"palette.{kind}")
        self.setText(text)
        self.setIcon(icon(icon_name))
        self.setIconSize(QSize(28, 28))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setSizePolicy(self.sizePolicy().horizontalPolicy().Expanding, self.sizePolicy().verticalPolicy())
        self.setToolTip(self.tr("Drag onto the canvas, or click to create"))
        self._press: QPoint | None = None

    def changeEvent(self, event: QEvent) -> None:
        # A theme switch changes the application palette: take the icon drawn for the new theme.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.setIcon(icon(self.icon_name))
        super().changeEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and (event.position().toPoint() - self._press).manhattanLength() > 8:
            self._press = None
            self.setDown(False)
            mime = QMimeData()
            mime.setData(NEW_ITEM_MIME, self.kind.encode())
            drag = QDrag(self)
            drag.setMimeData(mime)
            drag.setPixmap(self.icon().pixmap(32, 32))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class NodePalette(QWidget):
    """The dock listing what can be created: a send port, a send port group."""

    create_requested = Signal(str)  # "port" or "group"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        for kind, text, icon_name in (
            ("port", self.tr("Send port"), "send-port"),
            ("group", self.tr("Send port group"), "send-port-group"),
        ):
            button = _NodeButton(kind, text, icon_name)
            button.clicked.connect(lambda _=False, k=kind: self.create_requested.emit(k))
            layout.addWidget(button)
        layout.addStretch()
