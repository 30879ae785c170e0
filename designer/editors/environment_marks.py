"""Marks on an editor's fields that take settings: with an environment chosen on the toolbar,
every text field holding a ``${Setting}`` gets a ◆ at its end, and its tooltip says what the
field is in that environment and which settings it takes. Read only: nothing is edited here
(a click on a ◆ is reported, for the editor to offer its setting actions)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit, QWidget

from designer.settings_door import SettingsDoor


def _diamond() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    painter.setPen(QColor("#1a73e8"))
    painter.drawText(QRectF(0, 0, 16, 16), Qt.AlignmentFlag.AlignCenter, "◆")
    painter.end()
    return QIcon(pixmap)


class EnvironmentMarks(QObject):
    """The marks on the fields under ``widget`` for the environment ``door`` shows."""

    # the line edit whose ◆ was clicked
    mark_clicked = Signal(object)

    def __init__(self, widget: QWidget, door: SettingsDoor) -> None:
        super().__init__(widget)
        self._widget, self._door = widget, door
        self._application = ""
        self._marks: dict[QLineEdit, tuple[QAction, str]] = {}
        self._icon: QIcon | None = None
        door.environment_changed.connect(self.refresh)

    def show_for(self, application: str) -> None:
        """Mark the fields again, for a port of ``application`` (after it was loaded)."""
        self._application = application
        self.refresh()

    def refresh(self, *_args: object) -> None:
        for edit, (action, tip) in list(self._marks.items()):
            try:
                edit.removeAction(action)
                if edit.toolTip() == tip:
                    edit.setToolTip("")
            except RuntimeError:  # the field is gone with its page
                pass
        self._marks.clear()
        env = self._door.environment
        if not env:
            return
        for edit in self._widget.findChildren(QLineEdit):
            text = edit.text()
            if "$" not in text:
                continue
            shown, used = self._door.shown(self._application, text)
            if not used:
                continue
            if self._icon is None:
                self._icon = _diamond()
            action = edit.addAction(self._icon, QLineEdit.ActionPosition.TrailingPosition)
            tip = QCoreApplication.translate("EnvironmentMarks", "◆ In %s: %s\n(from %s)") % (
                env,
                shown,
                ", ".join(dict.fromkeys(used)),
            )
            action.setToolTip(tip)
            action.triggered.connect(lambda _on=False, e=edit: self.mark_clicked.emit(e))
            edit.setToolTip(tip)
            self._marks[edit] = (action, tip)

    def marked(self) -> dict[QLineEdit, str]:
        """The fields marked now, with their tooltip."""
        return {edit: tip for edit, (_action, tip) in self._marks.items()}
