"""The view shown on an empty workspace: import a binding file or open the sample."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from designer.icons import icon


class WelcomeView(QWidget):
    import_requested = Signal()
    sample_requested = Signal()
    new_port_requested = Signal()
    recent_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        box = QWidget()
        box.setMaximumWidth(520)
        layout = QVBoxLayout(box)
        layout.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(icon("portwright").pixmap(QSize(72, 72)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Welcome to Portwright"))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "This workspace is empty. Import a BizTalk binding file to see its send ports "
                "and send port groups, or start from the sample application."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(8)
        for label, icon_name, signal, name in (
            (self.tr("Import a binding file…"), "import", self.import_requested, "welcomeImport"),
            (self.tr("Open the sample application"), "application", self.sample_requested, "welcomeSample"),
            (self.tr("Create a send port…"), "new-port", self.new_port_requested, "welcomeNewPort"),
        ):
            button = QPushButton(icon(icon_name), label)
            button.setObjectName(name)
            button.setIconSize(QSize(20, 20))
            button.setMinimumHeight(38)
            button.clicked.connect(signal.emit)
            layout.addWidget(button)
        self.recent_label = QLabel(self.tr("Recent files"))
        self.recent = QListWidget()
        self.recent.setObjectName("welcomeRecent")
        self.recent.setMaximumHeight(120)
        self.recent.itemActivated.connect(lambda item: self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout.addSpacing(8)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(icon("import"), path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
