"""The explorer's filter results: the matching ports and groups under their folders and
applications, as a proxy of the explorer's model.

The tree of every port stays as it is (laid out once, never re-laid out while typing); the
results are a second, small tree rebuilt for each filter text. A tree view lays out every row
it shows through Python calls, so the results show at most :data:`LIMIT` rows, and say how many
matched in all: a filter text that keeps thousands of names is narrowed by typing on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractProxyModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer

from designer.panels.explorer_model import ExplorerModel
from designer.panels.explorer_nodes import Matches

__all__ = ["LIMIT", "FilterResults"]

#: The most ports and groups the results show at once.
LIMIT = 1000

AnyIndex = QModelIndex | QPersistentModelIndex
# A row of the results: ("application", app) / ("folder", app, kind) / ("item", name, kind).
_Row = tuple[Any, ...]


class FilterResults(QAbstractProxyModel):
    """Applications → folders → ports and groups whose names contain the filter text."""

    def __init__(self, source: ExplorerModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.needle = ""
        self.total = 0  # how many names match (the results show at most LIMIT)
        self._matches: Matches = []
        self._rows: dict[int, _Row] = {}  # internal id -> row
        self._ids: dict[_Row, int] = {}
        self._children: dict[int, list[int]] = {}  # internal id (0: the root) -> child ids
        self._parents: dict[int, tuple[int, int]] = {}  # internal id -> (parent id, row)
        self.setSourceModel(source)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        for signal in (
            source.rowsInserted,
            source.rowsRemoved,
            source.rowsMoved,
            source.modelReset,
            source.layoutChanged,
        ):
            signal.connect(self._on_source_structure_changed)
        source.dataChanged.connect(self._on_source_data_changed)

    @property
    def shown(self) -> int:
        """How many ports and groups the results show."""
        return sum(len(names) for _app, folders in self._matches for _kind, names in folders)

    def set_needle(self, needle: str) -> None:
        """Show what matches ``needle`` (casefolded; empty: nothing)."""
        self.needle = needle
        self.refresh()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        self.beginResetModel()
        self._matches, self.total = self._source.matching(self.needle, LIMIT) if self.needle else ([], 0)
        self._rows, self._ids, self._children, self._parents = {}, {}, {0: []}, {}
        for app, folders in self._matches:
            app_id = self._add(("application", app), 0)
            for kind, names in folders:
                folder_id = self._add(("folder", app, kind), app_id)
                for name in names:
                    self._add(("item", name, kind), folder_id)
        self.endResetModel()

    def _add(self, row: _Row, parent: int) -> int:
        node = len(self._rows) + 1
        self._rows[node], self._ids[row] = row, node
        siblings = self._children[parent]
        self._parents[node] = (parent, len(siblings))
        siblings.append(node)
        self._children[node] = []
        return node

    def _on_source_structure_changed(self, *_args: object) -> None:
        if self.needle:
            self._refresh_timer.start()  # after the turn: one rebuild for a batch of changes

    def _on_source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int] | None = None) -> None:
        if not self.needle:
            return
        for row in range(top.row(), bottom.row() + 1):
            first = self.mapFromSource(top.siblingAtRow(row))
            if first.isValid():
                last = first.siblingAtColumn(self.columnCount() - 1)
                self.dataChanged.emit(first, last, roles or [])

    # -- the proxy -----------------------------------------------------------------------------

    def mapToSource(self, index: AnyIndex) -> QModelIndex:
        row = self._rows.get(index.internalId()) if index.isValid() else None
        if row is None:
            return QModelIndex()
        source = self._source
        if row[0] == "application":
            found = source.app_index(row[1])
        elif row[0] == "folder":
            found = source.folder_index(row[1], row[2])
        else:
            found = source.index_of(row[2], row[1])
        return found.siblingAtColumn(index.column()) if found.isValid() else found

    def mapFromSource(self, index: AnyIndex) -> QModelIndex:
        what = self._source.describe(index)
        if what is None:
            return QModelIndex()
        node = self._ids.get(what if what[2] is not None else what[:2])
        if node is None:
            return QModelIndex()
        return self.createIndex(self._parents[node][1], index.column(), node)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        children = self._children.get(parent.internalId() if parent.isValid() else 0)
        if children is None or not 0 <= row < len(children) or not 0 <= column < 2:
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        up = self._parents.get(index.internalId()) if index.isValid() else None
        if up is None or up[0] == 0:
            return QModelIndex()
        return self.createIndex(self._parents[up[0]][1], 0, up[0])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else 0, ()))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._source.headerData(section, orientation, role)

    def mimeData(self, indexes: list[QModelIndex]) -> Any:  # type: ignore[override]
        return self._source.mimeData([self.mapToSource(i) for i in indexes])

    def mimeTypes(self) -> list[str]:
        return self._source.mimeTypes()

    def supportedDragActions(self) -> Qt.DropAction:
        return self._source.supportedDragActions()
