"""The explorer dock: a name filter over the tree of applications, ports and groups.

The tree of every port is laid out once and kept; a filter text shows a second tree of its
results instead (see :mod:`designer.panels.explorer_results`), so typing never lays out the
thousands of rows of the whole tree again, and clearing the filter shows it at once."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.document import WorkspaceDocument
from designer.entry_text import state_text
from designer.panels.explorer_model import ExplorerModel, KeyRole
from designer.panels.explorer_results import FilterResults
from model.lifecycle import Kind, State


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
        self._everything = QSortFilterProxyModel(self)  # passes every row (one kept mapping)
        self._everything.setSourceModel(self.model)
        self.results = FilterResults(self.model, self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("explorerFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter by name"))
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self._filter_timer = QTimer(self, singleShot=True, interval=self.FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.note = QLabel(self)
        self.note.setObjectName("explorerFilterNote")
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        self.note.hide()

        # Two trees: every port (laid out once, kept while filtering) and the filter's results.
        self.tree = self._make_tree("explorerTree", self._everything)
        self.results_tree = self._make_tree("explorerResults", self.results)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.tree)
        self._pages.addWidget(self.results_tree)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.note)
        layout.addWidget(self._pages)

        self._everything.rowsInserted.connect(self._on_everything_rows_inserted)
        self._everything.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self._everything.modelReset.connect(self._on_everything_model_reset)
        self.results.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.results.modelReset.connect(self._on_results_model_reset)
        self._open_headers(QModelIndex(), 0, self._everything.rowCount() - 1)

    def _make_tree(self, name: str, model: QAbstractItemModel) -> QTreeView:
        view = QTreeView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setUniformRowHeights(True)  # keeps thousands of rows cheap to lay out
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setDragEnabled(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        view.setDefaultDropAction(Qt.DropAction.CopyAction)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.setAllColumnsShowFocus(True)
        view.setAccessibleName(self.tr("Send ports and groups by application"))
        header = view.header()
        header.setStretchLastSection(False)
        # A fixed width for the state column: sizing it to its contents would read every row.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        metrics = view.fontMetrics()
        words = [state_text(s) for s in State] + [QCoreApplication.translate("ExplorerModel", "State")]
        header.resizeSection(1, max(metrics.horizontalAdvance(w) for w in words) + 28)
        # Long dotted names differ at the end: cut them at the start, never in the middle.
        view.setTextElideMode(Qt.TextElideMode.ElideLeft)
        # The name column takes the width the state column leaves, never less than a usable
        # minimum (a narrow dock scrolls sideways instead). Its width follows the dock's and
        # is never saved, so a collapsed width cannot be restored.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        view.viewport().installEventFilter(self)
        self._fit_name_column(view)
        view.selectionModel().selectionChanged.connect(self._on_selection_model_selection_changed)
        view.activated.connect(self._on_view_activated)
        view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)
        return view

    @property
    def view(self) -> QTreeView:
        """The tree shown now: every port, or the filter's results."""
        return self.results_tree if self._pages.currentWidget() is self.results_tree else self.tree

    @property
    def proxy(self) -> QAbstractProxyModel:
        """The model of the tree shown now (its ``mapFromSource`` takes :attr:`model` indexes)."""
        return self.results if self.view is self.results_tree else self._everything

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
        for folder, items in self.model.by_folder(keys):
            parent = self.proxy.mapFromSource(folder)
            if not parent.isValid():
                continue
            if items is None:  # the whole folder: every row the filter shows
                rows = list(range(self.proxy.rowCount(parent)))
            else:
                rows = [i.row() for i in map(self.proxy.mapFromSource, items) if i.isValid()]
            if rows:
                by_parent[self._tree_order(parent)] = (parent, rows)
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

    def least_name_column(self, view: QTreeView | None = None) -> int:
        """The narrowest the name column gets: the indent of a port row, its icon, and the name."""
        view = view if view is not None else self.view
        return 2 * view.indentation() + max(view.iconSize().width(), 16) + 8 + self.MIN_NAME_WIDTH

    def _fit_name_column(self, view: QTreeView) -> None:
        header = view.header()
        rest = view.viewport().width() - header.sectionSize(1)
        width = max(self.least_name_column(view), rest)
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            for view in (getattr(self, "tree", None), getattr(self, "results_tree", None)):
                if view is not None and watched is view.viewport():
                    self._fit_name_column(view)
        return False

    # -- slots -----------------------------------------------------------------------------

    def _tree_order(self, index: QModelIndex) -> tuple[int, ...]:
        rows: list[int] = []
        while index.isValid():
            rows.append(index.row())
            index = index.parent()
        return tuple(reversed(rows))

    def _on_selection_model_selection_changed(self, *_args: object) -> None:
        if not self._mirroring and self.sender() is self.view.selectionModel():
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
        """Show the results of the filter text, or (none) the whole tree, keeping the selection
        of what stays shown; hiding rows changes what the tree has selected, not what the user
        chose: no echo."""
        self._filter_timer.stop()
        needle = self.filter_edit.text().strip().casefold()
        if needle == self.results.needle:
            return
        kept = self.selected_keys()
        self._mirroring = True
        try:
            self.results.set_needle(needle)
            self._pages.setCurrentWidget(self.results_tree if needle else self.tree)
            self.select(kept)
        finally:
            self._mirroring = False
        self._show_note()

    def _show_note(self) -> None:
        results = self.results
        capped = bool(results.needle) and results.total > results.shown
        if capped:
            self.note.setText(
                self.tr("Showing the first %1 of %2 matches: type more to narrow.")
                .replace("%1", f"{results.shown:,}")
                .replace("%2", f"{results.total:,}")
            )
        self.note.setVisible(capped)

    def _on_everything_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.parent().isValid():  # applications, or folders
            self._open_headers(parent, first, last)

    def _open_headers(self, parent: QModelIndex, first: int, last: int) -> None:
        """Application and folder rows: opened, and as wide as the tree (they have no state)."""
        view, model = self.tree, self._everything
        whole_tree = not parent.isValid() and first == 0 and last == model.rowCount() - 1
        for row in range(first, last + 1):
            index = model.index(row, 0, parent)
            if not view.isFirstColumnSpanned(row, parent):  # each call lays the tree out again
                view.setFirstColumnSpanned(row, parent, True)
            if not whole_tree:
                view.expand(index)
            if not parent.isValid():
                for sub in range(model.rowCount(index)):
                    if not view.isFirstColumnSpanned(sub, index):
                        view.setFirstColumnSpanned(sub, index, True)
                    if not whole_tree:
                        view.expand(model.index(sub, 0, index))
        if whole_tree:
            view.expandToDepth(1)  # one layout pass instead of one per row opened

    def _on_model_about_to_be_reset(self) -> None:
        if not self._mirroring and self.sender() is self.proxy:  # the tree shown loses its rows
            self._kept = self.selected_keys()

    def _on_everything_model_reset(self) -> None:
        self._open_headers(QModelIndex(), 0, self._everything.rowCount() - 1)
        self._restore_selection()

    def _on_results_model_reset(self) -> None:
        view, model = self.results_tree, self.results
        for row in range(model.rowCount()):
            app = model.index(row, 0)
            view.setFirstColumnSpanned(row, QModelIndex(), True)
            for sub in range(model.rowCount(app)):
                view.setFirstColumnSpanned(sub, app, True)
        view.expandAll()  # a few rows (at most the results' limit)
        self._restore_selection()
        self._show_note()

    def _restore_selection(self) -> None:
        kept, self._kept = self._kept, []
        if kept:
            self.select(kept)
