"""The routing panel: who receives a message with this context.

The user lists the message's context properties (picked from those the workspace's filters
test, or loaded from a message context file BizTalk's console saves) and sees every send
port the message reaches, through its own filter or a group, with BizTalk's outcome:
delivered, suspended (enlisted but stopped) or not subscribed (unenlisted); a routing
failure when nothing subscribes. The canvas rings the recipients in the outcome's colour.
Reading only: nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from designer import file_dialogs
from designer.routing_door import RoutingDoor
from model.routing.context_file import read_context
from model.routing.evaluate import Outcome, RoutingResult
from model.routing.values import ContextValueError
from model.secrets import mask_text

#: The canvas ring (and the result row) of each outcome.
OUTCOME_COLORS = {Outcome.DELIVERED: "#188038", Outcome.SUSPENDED: "#e37400", Outcome.NOT_SUBSCRIBED: "#80868b"}


class RoutingPanel(QWidget):
    #: (kind value, name) -> outcome value, for the canvas; empty when nothing is routed
    routed = Signal(object)
    #: kind value, name of a recipient the user opened (double-click)
    recipient_activated = Signal(str, str)

    def __init__(self, door: RoutingDoor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoutingPanel")
        self._door = door
        self.context_table = QTableWidget(0, 2, self)
        self.context_table.setObjectName("routing_context")
        self.context_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("RoutingPanel", "Context property"),
                QCoreApplication.translate("RoutingPanel", "Value"),
            ]
        )
        self.context_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.context_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.context_table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(QCoreApplication.translate("RoutingPanel", "Add property"), self)
        self.remove_button = QPushButton(QCoreApplication.translate("RoutingPanel", "Remove"), self)
        self.load_button = QPushButton(QCoreApplication.translate("RoutingPanel", "Load context…"), self)
        self.load_button.setToolTip(
            QCoreApplication.translate("RoutingPanel", "A message context file, as the Administration Console saves it")
        )
        self.results = QTreeWidget(self)
        self.results.setObjectName("routing_results")
        self.results.setHeaderLabels(
            [
                QCoreApplication.translate("RoutingPanel", "Recipient"),
                QCoreApplication.translate("RoutingPanel", "Outcome"),
                QCoreApplication.translate("RoutingPanel", "Through"),
            ]
        )
        self.results.setRootIsDecorated(False)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        self.status.setObjectName("routing_status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.load_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.context_table, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.results, 1)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self._stale = False
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.route)
        self.add_button.clicked.connect(lambda: self.add_property())
        self.remove_button.clicked.connect(self.remove_selected)
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.context_table.cellChanged.connect(lambda *_: self._timer.start())
        self.results.itemDoubleClicked.connect(self._on_results_item_double_clicked)
        door.design_changed.connect(self._on_door_design_changed)
        self.status.setText(
            QCoreApplication.translate("RoutingPanel", "Add the message's context properties to see who receives it.")
        )

    # -- the context ------------------------------------------------------------------------

    def add_property(self, name: str = "", value: str = "") -> None:
        row = self.context_table.rowCount()
        self.context_table.insertRow(row)
        box = QComboBox(self.context_table)
        box.setEditable(True)
        known = self._door.known_properties()
        box.addItems(known)
        box.setCurrentText(name)
        completer = QCompleter(known, box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.setCompleter(completer)
        box.currentTextChanged.connect(lambda _t: self._timer.start())
        self.context_table.setCellWidget(row, 0, box)
        self.context_table.blockSignals(True)
        self.context_table.setItem(row, 1, QTableWidgetItem(value))
        self.context_table.blockSignals(False)
        self._timer.start()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.context_table.selectedIndexes()}, reverse=True)
        if not rows and self.context_table.rowCount():
            rows = [self.context_table.rowCount() - 1]
        for row in rows:
            self.context_table.removeRow(row)
        self._timer.start()

    def load_context(self, path: str | Path) -> None:
        """Fill the context from a message context file (the rows shown before go)."""
        try:
            properties = read_context(path)
        except ValueError as e:
            self.status.setText(str(e))
            return
        self.context_table.setRowCount(0)
        for name, value in properties:
            self.add_property(name, value)
        self.route()

    def _on_load_button_clicked(self) -> None:
        path = file_dialogs.open_file_name(
            self,
            QCoreApplication.translate("RoutingPanel", "Load Message Context"),
            QCoreApplication.translate("RoutingPanel", "Message context files (*.xml);;All files (*)"),
        )
        if path:
            self.load_context(path)

    def properties(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.context_table.rowCount()):
            box = self.context_table.cellWidget(row, 0)
            item = self.context_table.item(row, 1)
            name = box.currentText().strip() if isinstance(box, QComboBox) else ""
            if name:
                out.append((name, item.text() if item is not None else ""))
        return out

    # -- the answer -------------------------------------------------------------------------

    def route(self) -> None:
        self._timer.stop()
        self._stale = False
        properties = self.properties()
        self.results.clear()
        if not properties:
            self.status.setText(
                QCoreApplication.translate(
                    "RoutingPanel", "Add the message's context properties to see who receives it."
                )
            )
            self.routed.emit({})
            return
        try:
            result = self._door.route(properties)
        except ContextValueError as e:
            self.status.setText(QCoreApplication.translate("RoutingPanel", "Not routed: %s") % e)
            self.routed.emit({})
            return
        self._show(result)

    def _show(self, result: RoutingResult) -> None:
        shown: dict[tuple[str, str], str] = {}
        for r in result.ports:
            item = QTreeWidgetItem(
                [
                    r.name
                    + (QCoreApplication.translate("RoutingPanel", " (%d copies)") % r.copies if r.copies > 1 else ""),
                    r.outcome.value,
                    mask_text("; ".join(p.through for p in r.paths)),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, ("port", r.name))
            item.setForeground(1, QBrush(QColor(OUTCOME_COLORS[r.outcome])))
            item.setToolTip(2, mask_text("\n".join(f"{p.through}: {p.matched}" for p in r.paths)))
            self.results.addTopLevelItem(item)
            shown[("port", r.name)] = r.outcome.value
        for g in result.groups:
            item = QTreeWidgetItem(
                [
                    g.name,
                    QCoreApplication.translate("RoutingPanel", "group matched"),
                    ", ".join(g.members) or QCoreApplication.translate("RoutingPanel", "no members"),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, ("group", g.name))
            self.results.addTopLevelItem(item)
            shown.setdefault(("group", g.name), "group")
        if result.routing_failure:
            self.status.setText(
                QCoreApplication.translate("RoutingPanel", "Routing failure: no send port subscribes to this message.")
            )
        else:
            counts = {o: sum(1 for r in result.ports if r.outcome is o) for o in Outcome}
            text = QCoreApplication.translate("RoutingPanel", "%d delivered, %d suspended, %d not subscribed.") % (
                counts[Outcome.DELIVERED],
                counts[Outcome.SUSPENDED],
                counts[Outcome.NOT_SUBSCRIBED],
            )
            if result.duplicates:
                text += QCoreApplication.translate("RoutingPanel", " Delivered twice: %s.") % ", ".join(
                    r.name for r in result.duplicates
                )
            self.status.setText(text)
        self.routed.emit(shown)

    def _on_results_item_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key:
            self.recipient_activated.emit(*key)

    def _on_door_design_changed(self) -> None:
        # The answer follows the design; while the panel is hidden, when it is shown again (reading
        # a large design takes a while: not on every edit nobody is looking at).
        self._stale = True
        if self.properties() and self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.properties():
            self._timer.start()
