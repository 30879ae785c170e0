"""The explorer's item model: applications, their two folders, and the ports and groups in them.

A hand-written tree model (not QStandardItemModel) so that it stays cheap for thousands of
ports: nodes keep only ids and sorted name lists, rows are found by bisection, and the text
is read from :meth:`WorkspaceDocument.entry` when a view asks. It follows the document's
signals with row inserts, removals, moves and ``dataChanged``; only ``reloaded`` resets it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import count
from typing import Any, TypeAlias

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon

from designer import icons
from designer.document import WorkspaceDocument
from designer.entry_text import STATE_ICON, entry_tooltip, fill, groups_text, ports_text, state_text
from designer.panels.explorer_drag import ENTRIES_MIME, PORTS_MIME, drag_data
from designer.panels.explorer_nodes import FOLDER_ROW as _FOLDER_ROW
from designer.panels.explorer_nodes import AppNode, FolderNode, ItemNode, Matches, Node, matching
from model.lifecycle import Kind

#: (kind value, name) of a port or group row; None for application and folder rows.
KeyRole = Qt.ItemDataRole.UserRole + 1

_NAME, _STATE = 0, 1

# Combined once: a view asks for every row's flags as it lays the tree out.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ITEM_FLAGS = _ROW_FLAGS | Qt.ItemFlag.ItemIsDragEnabled
#: What Qt passes to a model's methods (PySide6 accepts both).
AnyIndex: TypeAlias = QModelIndex | QPersistentModelIndex


class ExplorerModel(QAbstractItemModel):
    """Applications (sorted) → "Send Ports (n)" / "Send Port Groups (m)" → ports and groups."""

    def __init__(self, document: WorkspaceDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._ids = count(1)  # internal ids of indexes; 0 stays "no node"
        self._nodes: dict[int, Node] = {}
        self._apps: dict[str, AppNode] = {}
        self._app_names: list[str] = []
        self._where: dict[tuple[Kind, str], ItemNode] = {}
        self._emptied: set[str] = set()
        self._folded: dict[str, str] = {}  # names casefolded, for filters
        self._prune_timer = QTimer(self, singleShot=True, interval=0)
        self._prune_timer.timeout.connect(self._prune_applications)
        self._build()
        document.reloaded.connect(self._on_document_reloaded)
        document.item_added.connect(self._on_document_item_added)
        document.item_removed.connect(self._on_document_item_removed)
        document.item_changed.connect(self._on_document_item_changed)
        document.item_renamed.connect(self._on_document_item_renamed)

    # -- the tree ----------------------------------------------------------------------------

    def _build(self) -> None:
        self._nodes.clear()
        self._apps.clear()
        self._where.clear()
        self._app_names = []
        for name in self._doc.applications():
            self._new_app(name)
        for e in self._doc.entries():
            app = self._apps.get(e.application) or self._new_app(e.application)
            self._new_item(app.folders[_FOLDER_ROW[e.kind]], e.name)
        self._app_names.sort()
        for app in self._apps.values():
            for folder in app.folders:
                folder.names.sort()

    def _new_app(self, name: str) -> AppNode:
        app = AppNode(self._ids, name)
        self._apps[name] = app
        self._app_names.append(name)
        self._nodes[app.id] = app
        for folder in app.folders:
            self._nodes[folder.id] = folder
        return app

    def _new_item(self, folder: FolderNode, name: str) -> ItemNode:
        item = ItemNode(self._ids, folder, name)
        folder.items[name] = item
        folder.names.append(name)
        self._nodes[item.id] = item
        self._where[(folder.kind, name)] = item
        return item

    def _node(self, index: AnyIndex) -> Node | None:
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def _app_index(self, app: AppNode, column: int = 0) -> QModelIndex:
        return self.createIndex(bisect_left(self._app_names, app.name), column, app.id)

    def _folder_index(self, folder: FolderNode, column: int = 0) -> QModelIndex:
        return self.createIndex(_FOLDER_ROW[folder.kind], column, folder.id)

    def _item_index(self, item: ItemNode, column: int = 0) -> QModelIndex:
        return self.createIndex(bisect_left(item.folder.names, item.name), column, item.id)

    def index_of(self, kind: Kind, name: str, column: int = 0) -> QModelIndex:
        """The index of a port's or group's row (invalid when it is not shown)."""
        item = self._where.get((kind, name))
        return self._item_index(item, column) if item is not None else QModelIndex()

    def by_folder(self, keys: Iterable[tuple[str, str]]) -> list[tuple[QModelIndex, list[QModelIndex] | None]]:
        """The folders holding the ports and groups ``keys`` names, each with the indexes of those
        items, or None when they are all of the folder's items (select-all: one range per folder,
        not one index per item)."""
        found: dict[int, tuple[FolderNode, list[ItemNode]]] = {}
        for kind, name in keys:
            item = self._where.get((Kind(kind), name))
            if item is not None:
                found.setdefault(item.folder.id, (item.folder, []))[1].append(item)
        out: list[tuple[QModelIndex, list[QModelIndex] | None]] = []
        for folder, items in found.values():
            whole = len({i.name for i in items}) == len(folder.names)
            out.append((self._folder_index(folder), None if whole else [self._item_index(i) for i in items]))
        return out

    def order(self, kind: Kind, name: str) -> tuple[str, int, str]:
        """Where a port or group sits in the tree, as a sort key (cheaper than walking indexes)."""
        item = self._where.get((kind, name))
        app = item.folder.app.name if item is not None else ""
        return (app, _FOLDER_ROW[kind], name)

    def app_index(self, name: str) -> QModelIndex:
        """The index of an application's row (invalid when there is none)."""
        app = self._apps.get(name)
        return self._app_index(app) if app is not None else QModelIndex()

    def folder_index(self, application: str, kind: Kind) -> QModelIndex:
        """The index of an application's folder of ports or of groups."""
        app = self._apps.get(application)
        return self._folder_index(app.folders[_FOLDER_ROW[kind]]) if app is not None else QModelIndex()

    def describe(self, index: AnyIndex) -> tuple[str, str, Kind | None] | None:
        """("application", name, None), ("folder", application, kind), ("item", name, kind)."""
        node = self._node(index)
        if isinstance(node, AppNode):
            return ("application", node.name, None)
        if isinstance(node, FolderNode):
            return ("folder", node.app.name, node.kind)
        if isinstance(node, ItemNode):
            return ("item", node.name, node.folder.kind)
        return None

    def matching(self, needle: str, limit: int) -> tuple[Matches, int]:
        """The ports and groups whose name contains ``needle`` (casefolded): at most ``limit``,
        in tree order, and how many there are in all."""
        return matching([self._apps[n] for n in self._app_names], needle, limit, self._folded)

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked here rather than with hasIndex(), which calls back into Python twice.
        if row < 0 or not 0 <= column < 2:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._app_names):
                return QModelIndex()
            return self.createIndex(row, column, self._apps[self._app_names[row]].id)
        node = self._node(parent)
        if isinstance(node, AppNode) and row < len(node.folders):
            return self.createIndex(row, column, node.folders[row].id)
        if isinstance(node, FolderNode) and row < len(node.names):
            return self.createIndex(row, column, node.items[node.names[row]].id)
        return QModelIndex()

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        node = self._node(index)
        if isinstance(node, FolderNode):
            return self._app_index(node.app)
        if isinstance(node, ItemNode):
            return self._folder_index(node.folder)
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._app_names)
        node = self._node(parent)
        if isinstance(node, AppNode):
            return 2
        if isinstance(node, FolderNode):
            return len(node.names)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                QCoreApplication.translate("ExplorerModel", "Name")
                if section == _NAME
                else QCoreApplication.translate("ExplorerModel", "State")
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ITEM_FLAGS if isinstance(self._node(index), ItemNode) else _ROW_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if isinstance(node, ItemNode):
            return self._item_data(node, index.column(), role)
        if index.column() != _NAME:
            return None
        if isinstance(node, AppNode):
            ports, groups = (len(f.names) for f in node.folders)
            if role == Qt.ItemDataRole.DisplayRole:
                return fill(
                    QCoreApplication.translate("ExplorerModel", "%1 (%2, %3)"),
                    node.name,
                    ports_text(ports),
                    groups_text(groups),
                )
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon("application")
            if role == Qt.ItemDataRole.ToolTipRole:
                return fill(QCoreApplication.translate("ExplorerModel", "Application %1"), node.name)
            return None
        n = len(node.names)
        if role == Qt.ItemDataRole.DisplayRole:
            return fill(
                QCoreApplication.translate("ExplorerModel", "Send Ports (%1)")
                if node.kind is Kind.PORT
                else QCoreApplication.translate("ExplorerModel", "Send Port Groups (%1)"),
                n,
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon("send-port" if node.kind is Kind.PORT else "send-port-group")
        return None

    def _item_data(self, item: ItemNode, column: int, role: int) -> Any:
        if role == KeyRole:
            return (item.folder.kind.value, item.name)
        entry = self._doc.entry(item.folder.kind, item.name)
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name if column == _NAME else state_text(entry.state)
        if role == Qt.ItemDataRole.DecorationRole and column == _NAME:
            return self._icon(STATE_ICON[entry.state])
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry_tooltip(entry)
        return None

    def _icon(self, name: str) -> QIcon:
        return icons.icon(name)  # cached there, for the current theme

    # -- drag ----------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [ENTRIES_MIME, PORTS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        """The dragged rows as entries (ports and groups, in tree order, each once); the port
        names alone too, one a line, for drop targets that take ports only."""
        items: dict[tuple[Kind, str], ItemNode] = {}
        for index in indexes:
            node = self._node(index)
            if isinstance(node, ItemNode):
                items[(node.folder.kind, node.name)] = node
        if not items:
            return None
        return drag_data(sorted(items, key=lambda k: self.order(*k)))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # -- following the document ----------------------------------------------------------------

    def _on_document_reloaded(self) -> None:
        self.beginResetModel()
        self._build()
        self.endResetModel()

    def _on_document_item_added(self, kind: str, name: str) -> None:
        key = (Kind(kind), name)
        entry = self._doc.entry(*key)
        if entry is None:
            return
        if key in self._where:
            self._on_document_item_changed(kind, name)
            return
        folder = self._ensure_app(entry.application).folders[_FOLDER_ROW[key[0]]]
        row = bisect_left(folder.names, name)
        self.beginInsertRows(self._folder_index(folder), row, row)
        item = ItemNode(self._ids, folder, name)
        folder.names.insert(row, name)
        folder.items[name] = item
        self._nodes[item.id] = item
        self._where[key] = item
        self.endInsertRows()
        self._counts_changed(folder)

    def _on_document_item_removed(self, kind: str, name: str) -> None:
        item = self._where.get((Kind(kind), name))
        if item is None:
            return
        folder = item.folder
        row = bisect_left(folder.names, name)
        self.beginRemoveRows(self._folder_index(folder), row, row)
        del folder.names[row]
        del folder.items[name]
        del self._nodes[item.id]
        del self._where[(folder.kind, name)]
        self.endRemoveRows()
        self._counts_changed(folder)
        if not any(f.names for f in folder.app.folders):
            self._emptied.add(folder.app.name)
            self._prune_timer.start()

    def _on_document_item_changed(self, kind: str, name: str) -> None:
        key = (Kind(kind), name)
        item, entry = self._where.get(key), self._doc.entry(*key)
        if item is None or entry is None:
            if entry is not None:
                self._on_document_item_added(kind, name)
            elif item is not None:
                self._on_document_item_removed(kind, name)
            return
        if entry.application != item.folder.app.name:
            self._move_to_application(item, entry.application)
            return
        self.dataChanged.emit(self._item_index(item, _NAME), self._item_index(item, _STATE))

    def _on_document_item_renamed(self, kind: str, old: str, new: str) -> None:
        item = self._where.pop((Kind(kind), old), None)
        if item is None:
            self._on_document_item_added(kind, new)
            return
        folder = item.folder
        source = bisect_left(folder.names, old)
        rest = folder.names[:source] + folder.names[source + 1 :]
        target = bisect_left(rest, new)
        dest = target if target <= source else target + 1  # in the coordinates before the move
        moving = dest not in (source, source + 1)
        if moving:
            parent = self._folder_index(folder)
            self.beginMoveRows(parent, source, source, parent, dest)
        rest.insert(target, new)
        folder.names = rest
        del folder.items[old]
        folder.items[new] = item
        item.name = new
        self._where[(folder.kind, new)] = item
        if moving:
            self.endMoveRows()
        self.dataChanged.emit(self._item_index(item, _NAME), self._item_index(item, _STATE))

    def _move_to_application(self, item: ItemNode, application: str) -> None:
        source = item.folder
        target = self._ensure_app(application).folders[_FOLDER_ROW[source.kind]]
        row = bisect_left(source.names, item.name)
        dest = bisect_left(target.names, item.name)
        self.beginMoveRows(self._folder_index(source), row, row, self._folder_index(target), dest)
        del source.names[row]
        del source.items[item.name]
        target.names.insert(dest, item.name)
        target.items[item.name] = item
        item.folder = target
        self.endMoveRows()
        self._counts_changed(source)
        self._counts_changed(target)
        self.dataChanged.emit(self._item_index(item, _NAME), self._item_index(item, _STATE))
        if not any(f.names for f in source.app.folders):
            self._emptied.add(source.app.name)
            self._prune_timer.start()

    def _ensure_app(self, name: str) -> AppNode:
        app = self._apps.get(name)
        if app is None:
            row = bisect_left(self._app_names, name)
            self.beginInsertRows(QModelIndex(), row, row)
            app = self._new_app(name)
            self._app_names.sort()
            self.endInsertRows()
        return app

    def _counts_changed(self, folder: FolderNode) -> None:
        for index in (self._app_index(folder.app), self._folder_index(folder)):
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def _prune_applications(self) -> None:
        """Drop applications left empty, unless the workspace still has them (empty ones stay)."""
        emptied, self._emptied = self._emptied, set()
        if not emptied:
            return
        known = set(self._doc.applications())
        for name in sorted(emptied):
            app = self._apps.get(name)
            if app is None or name in known or any(f.names for f in app.folders):
                continue
            row = bisect_left(self._app_names, name)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._app_names[row]
            del self._apps[name]
            for node in (app, *app.folders):
                del self._nodes[node.id]
            self.endRemoveRows()
