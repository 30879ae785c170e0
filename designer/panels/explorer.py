"""The explorer dock: a name filter over the tree of applications, ports and groups."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.document import WorkspaceDocument
from designer.panels.explorer_model import ExplorerModel, KeyRole
from model.lifecycle import Kind


class _NameFilter(QSortFilterProxyModel):
    """Keeps ports and groups whose name contains the text (any case), and their parents."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._folded: dict[str, str] = {}
        self.setRecursiveFilteringEnabled(True)

    def set_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        name = self.sourceModel().item_name(source_row, source_parent)  # type: ignore[attr-defined]
        if name is None:
            return False
        folded = self._folded.get(name)
        if folded is None:  # each name casefolded once, not once per key typed
            folded = self._folded[name] = name.casefold()
        return self._needle in folded


class ExplorerPanel(QWidget):
    """Everything in the workspace by application; mirrors and drives the selection."""

    #: [(kind value, name), ...] of the ports and groups the user selected.
    selection_changed = Signal(list)
    #: kind value, name of a port or group double-clicked or opened with Enter.
    activated = Signal(str, str)
    #: where (global coordinates) the user asked for a context menu; the selection is already made.
    context_menu_requested = Signal(QPoint)

    FILTER_DELAY_MS = 150  # typing a word filters once, not once per letter
    MIN_NAME_WIDTH = 150  # pixels of name (after the indent and the icon) in the narrowest explorer

    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explorerPanel")
        self._mirroring = False
        self._kept: list[tuple[str, str]] = []
        self.model = ExplorerModel(document, self)
        self.proxy = _NameFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("explorerFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter by name"))
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self._filter_timer = QTimer(self, singleShot=True, interval=self.FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)

        self.view = QTreeView(self)
        self.view.setObjectName("explorerTree")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)  # keeps thousands of rows cheap to lay out
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setAllColumnsShowFocus(True)
        self.view.setAccessibleName(self.tr("Send ports and groups by application"))
        header = self.view.header()
        header.setStretchLastSection(False)
        # A fixed width for the state column: sizing it to its contents would read every row.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        metrics = self.view.fontMetrics()
        words = [QCoreApplication.translate("Words", w) for w in ("Unenlisted", "Stopped", "Started", "State")]
        header.resizeSection(1, max(metrics.horizontalAdvance(w) for w in words) + 28)
        # Long dotted names differ at the end: cut them at the start, never in the middle.
        self.view.setTextElideMode(Qt.TextElideMode.ElideLeft)
        # The name column takes the width the state column leaves, never less than a usable
        # minimum (a narrow dock scrolls sideways instead). Its width follows the dock's and
        # is never saved, so a collapsed width cannot be restored.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.view.viewport().installEventFilter(self)
        self._fit_name_column()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)

        self.view.selectionModel().selectionChanged.connect(self._on_selection_model_selection_changed)
        self.view.activated.connect(self._on_view_activated)
        self.view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)
        self.proxy.rowsInserted.connect(self._on_proxy_rows_inserted)
        self.proxy.modelAboutToBeReset.connect(self._on_proxy_model_about_to_be_reset)
        self.proxy.modelReset.connect(self._on_proxy_model_reset)
        self._open_headers(QModelIndex(), 0, self.proxy.rowCount() - 1)

    # -- public ----------------------------------------------------------------------------

    def selected_keys(self) -> list[tuple[str, str]]:
        """The selected ports and groups, (kind value, name), in tree order."""
        keys = [
            key
            for key in (index.data(KeyRole) for index in self.view.selectionModel().selectedRows(0))
            if key is not None
        ]
        return sorted(keys, key=lambda k: self.model.order(Kind(k[0]), k[1]))

    def select(self, keys: Sequence[tuple[str, str]]) -> None:
        """Show a selection made elsewhere (canvas, another panel) without echoing it back."""
        by_parent: dict[tuple[int, ...], tuple[QModelIndex, list[int]]] = {}
        for kind, name in keys:
            index = self.proxy.mapFromSource(self.model.index_of(Kind(kind), name))
            if index.isValid():
                parent = index.parent()
                by_parent.setdefault(self._tree_order(parent), (parent, []))[1].append(index.row())
        selection = QItemSelection()
        tops: list[QModelIndex] = []
        last_column = self.proxy.columnCount() - 1
        for parent, rows in by_parent.values():
            rows.sort()
            runs = [[rows[0], rows[0]]]
            for row in rows[1:]:  # one range per run of neighbouring rows: cheap for thousands
                if row == runs[-1][1] + 1:
                    runs[-1][1] = row
                else:
                    runs.append([row, row])
            for top, bottom in runs:
                tops.append(self.proxy.index(top, 0, parent))
                selection.select(tops[-1], self.proxy.index(bottom, last_column, parent))
        first = min(tops, key=self._tree_order, default=QModelIndex())
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self._mirroring = True
        try:
            model = self.view.selectionModel()
            model.select(selection, flags)
            if first.isValid():
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.view.scrollTo(first)
        finally:
            self._mirroring = False

    def set_filter_text(self, text: str) -> None:
        """Filter now (not after the typing delay)."""
        self.filter_edit.setText(text)
        self._apply_filter()

    def name_width(self) -> int:
        """The pixels a port's or group's name has in the tree now (after indent and icon)."""
        return self.view.header().sectionSize(0) - self.least_name_column() + self.MIN_NAME_WIDTH

    def least_name_column(self) -> int:
        """The narrowest the name column gets: the indent of a port row, its icon, and the name."""
        view = self.view
        return 2 * view.indentation() + max(view.iconSize().width(), 16) + 8 + self.MIN_NAME_WIDTH

    def _fit_name_column(self) -> None:
        header = self.view.header()
        rest = self.view.viewport().width() - header.sectionSize(1)
        width = max(self.least_name_column(), rest)
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()
        return False

    # -- slots -----------------------------------------------------------------------------

    def _tree_order(self, index: QModelIndex) -> tuple[int, ...]:
        rows: list[int] = []
        while index.isValid():
            rows.append(index.row())
            index = index.parent()
        return tuple(reversed(rows))

    def _on_selection_model_selection_changed(self, *_args: object) -> None:
        if not self._mirroring:
            self.selection_changed.emit(self.selected_keys())

    def _on_view_activated(self, index: QModelIndex) -> None:
        key = index.data(KeyRole)
        if key is not None:
            self.activated.emit(*key)

    def _on_view_custom_context_menu_requested(self, pos: QPoint) -> None:
        self.context_menu_requested.emit(self.view.viewport().mapToGlobal(pos))

    def _on_filter_edit_text_changed(self, _text: str) -> None:
        self._filter_timer.start()

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        # Hiding rows changes what the tree has selected, not what the user chose: no echo.
        self._mirroring = True
        try:
            self.proxy.set_text(self.filter_edit.text())
        finally:
            self._mirroring = False
        # Rows the filter shows again arrive as inserted rows (opened there); nothing else to do.

    def _on_proxy_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.parent().isValid():  # applications, or folders the filter shows again
            self._open_headers(parent, first, last)

    def _open_headers(self, parent: QModelIndex, first: int, last: int) -> None:
        """Application and folder rows: opened, and as wide as the tree (they have no state)."""
        whole_tree = not parent.isValid() and first == 0 and last == self.proxy.rowCount() - 1
        for row in range(first, last + 1):
            index = self.proxy.index(row, 0, parent)
            if not self.view.isFirstColumnSpanned(row, parent):  # each call lays the tree out again
                self.view.setFirstColumnSpanned(row, parent, True)
            if not whole_tree:
                self.view.expand(index)
            if not parent.isValid():
                for sub in range(self.proxy.rowCount(index)):
                    if not self.view.isFirstColumnSpanned(sub, index):
                        self.view.setFirstColumnSpanned(sub, index, True)
                    if not whole_tree:
                        self.view.expand(self.proxy.index(sub, 0, index))
        if whole_tree:
            self.view.expandToDepth(1)  # one layout pass instead of one per row opened

    def _on_proxy_model_about_to_be_reset(self) -> None:
        self._kept = self.selected_keys()

    def _on_proxy_model_reset(self) -> None:
        self._open_headers(QModelIndex(), 0, self.proxy.rowCount() - 1)
        kept, self._kept = self._kept, []
        if kept:
            self.select(kept)
