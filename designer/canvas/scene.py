"""The canvas scene: a mirror of the document (Orange's CanvasScene pattern).

It keeps ``{(kind, name): NodeItem}``, creates items on ``item_added``, removes them on
``item_removed`` and updates them on ``item_changed``; it never changes the workspace
itself (moves are reported to the view, which asks the document). Nodes that never had a
position are laid out in memory only: opening and drawing a workspace must not write to it
(house rule 9); a position is saved when the user moves the node or asks for a layout.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneHelpEvent, QToolTip

from designer.canvas.blocks import application_blocks, free_slot, layout_below, rect_of
from designer.canvas.colors import CanvasColors
from designer.canvas.edges import Edge, EdgeLayer
from designer.canvas.highlights import HighlightLayer
from designer.canvas.items import FrameItem, NodeItem
from designer.canvas.labels import LabelBook
from designer.canvas.layout import DEFAULT_ASPECT, GROUP_H, NODE_W, PORT_H
from designer.canvas.overview import OverviewItem
from designer.canvas.placement import Occupancy
from designer.canvas.tooltips import node_tooltip
from designer.document import Key, WorkspaceDocument
from model.lifecycle import Kind

#: Up to this many nodes added to one application at once go into its free slots; more
#: (an import) are laid out as a block of their own.
SLOT_BATCH = 200


class CanvasScene(QGraphicsScene):
    """Ports and groups as nodes, membership as edges, applications as frames."""

    selection_keys_changed = Signal(list)  # [(kind_value, name), ...]

    def __init__(self, doc: WorkspaceDocument, colors: CanvasColors, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)  # what is in view, quickly
        self.doc = doc
        self.colors = colors
        self.nodes: dict[Key, NodeItem] = {}
        self.edges: dict[tuple[str, str], Edge] = {}
        self.frames: dict[str, FrameItem] = {}
        self._group_edges: dict[str, list[str]] = {}
        self.labels = LabelBook()
        self.aspect = DEFAULT_ASPECT  # the shape nodes without a position are laid out to
        self.recent = QRectF()  # where the last batch of nodes without a position went
        self.overview = OverviewItem(colors, self.labels)
        self.edge_layer = EdgeLayer(colors)
        self.highlights = HighlightLayer(colors)  # the find matches
        for layer in (self.overview, self.edge_layer, self.highlights):
            self.addItem(layer)
        self.detail = True
        self._frames_dirty: set[str] = set()
        self._frame_timer = QTimer(self, singleShot=True, interval=0)
        self._frame_timer.timeout.connect(self._update_frames)
        self._pending: list[Key] = []
        self._place_timer = QTimer(self, singleShot=True, interval=0)
        self._place_timer.timeout.connect(self._place_pending)
        doc.reloaded.connect(self.rebuild)
        doc.item_added.connect(self._on_doc_item_added)
        doc.item_removed.connect(self._on_doc_item_removed)
        doc.item_changed.connect(self._on_doc_item_changed)
        doc.item_renamed.connect(self._on_doc_item_renamed)
        doc.positions_changed.connect(self._on_doc_positions_changed)
        self.selectionChanged.connect(self._on_selection_changed)
        self.rebuild()

    # -- building -----------------------------------------------------------------------------

    def rebuild(self) -> None:
        """Recreate every item from the document (open, reload, refresh)."""
        self.clearSelection()
        before = set(self.nodes)
        for item in list(self.nodes.values()) + list(self.frames.values()):
            self.removeItem(item)
        self.edge_layer.clear()
        self.nodes.clear()
        self.edges.clear()
        self._group_edges.clear()
        self.frames.clear()
        self.labels.clear()
        self.highlights.set_items(())
        self.recent = QRectF()
        entries = self.doc.entries()
        for e in entries:
            item = NodeItem(e, self.colors, self.labels)
            item.setPos(e.x or 0.0, e.y or 0.0)
            self.addItem(item)
            self.nodes[(e.kind, e.name)] = item
        # Nodes never placed are laid out for the eye only: a view never writes.
        self._pending = [(e.kind, e.name) for e in entries if e.x is None or e.y is None]
        self.flush_pending()
        self.recent = QRectF()
        if before:  # what a reload brought in, for the view to show
            for key, item in self.nodes.items():
                if key not in before:
                    self.recent = self.recent.united(QRectF(*rect_of(item)))
        for e in entries:
            if e.kind is Kind.GROUP:
                self._connect_group(e.name)
        self._frames_dirty = {e.application for e in entries}
        self._update_frames()
        self._apply_detail()
        self.highlights.area_changed(QRectF())  # the scene's extent is what the nodes cover:
        self.setSceneRect(self.itemsBoundingRect().adjusted(-400, -400, 400, 400))
        self.highlights.area_changed()  # and the highlight layer's

    def flush_pending(self) -> None:
        """Place now the nodes added without a position (instead of on the next turn)."""
        self._place_timer.stop()
        self._place_pending()

    def _place_pending(self) -> None:
        """Place the nodes added without a position (in memory, not saved): a few added to an
        application already on the canvas go into free slots of it; the rest (a new
        application, a large import) are laid out as a block below the others."""
        pending, self._pending = self._pending, []
        keys = list(dict.fromkeys(k for k in pending if k in self.nodes))
        # one given a position meanwhile (a redo that restored it) keeps it
        entries = [e for k in keys if (e := self.doc.entry(*k)) is not None and (e.x is None or e.y is None)]
        keys = [(e.kind, e.name) for e in entries]
        if not entries:
            return
        moved = set(keys)
        others = {k: n for k, n in self.nodes.items() if k not in moved}
        blocks = application_blocks(others.values())
        by_app: dict[str, list] = {}
        for e in entries:
            by_app.setdefault(e.application, []).append(e)
        slotted = [e for app, es in by_app.items() if app in blocks and len(es) <= SLOT_BATCH for e in es]
        slotted.sort(key=lambda e: e.kind is not Kind.GROUP)
        in_slots = {(e.kind, e.name) for e in slotted}
        rest = [e for e in entries if (e.kind, e.name) not in in_slots]
        positions: dict[Key, tuple[float, float]] = {}
        if slotted:
            occupancy = Occupancy(rect_of(n) for n in others.values())
            for e in slotted:  # groups first: they head the block, their members follow
                size = (NODE_W, GROUP_H if e.kind is Kind.GROUP else PORT_H)
                x, y = occupancy.slot(size, blocks[e.application])
                positions[(e.kind, e.name)] = (x, y)
                occupancy.add((x, y, *size))
        if rest:
            # a few saved among many never placed (a pasted copy kept in the slot it was given
            # in this very layout): lay the rest out as the first time, not below those few
            placed = [(n.pos().x(), n.pos().y()) for n in others.values()] if len(others) >= len(rest) else []
            positions.update(layout_below(rest, placed, self.aspect))
        recent = QRectF()
        for key, (x, y) in positions.items():
            item = self.nodes[key]
            self.place(item, x, y)
            self._grow_scene(item)
            recent = recent.united(QRectF(*rect_of(item)))
        self.recent = recent

    def application_at(self, pos: QPointF) -> str | None:
        """The application whose frame is under the scene position ``pos``, if any."""
        for frame in self.frames.values():
            if frame.sceneBoundingRect().contains(pos):
                return frame.application
        return None

    def free_slot(
        self, application: str | None, kind: Kind, near: tuple[float, float] | None = None
    ) -> tuple[float, float]:
        """Where a new node of ``kind`` in ``application`` can go without covering another."""
        return free_slot(self.nodes.values(), application, kind, near)

    def _connect_group(self, group: str) -> None:
        for member in self._group_edges.pop(group, ()):
            edge = self.edges.pop((group, member), None)
            if edge is not None:
                edge.detach()
        entry = self.doc.entry(Kind.GROUP, group)
        gitem = self.nodes.get((Kind.GROUP, group))
        if entry is None or gitem is None:
            return
        for m in entry.members:
            pitem = self.nodes.get((Kind.PORT, m))
            if pitem is not None and (group, m) not in self.edges:
                edge = Edge(gitem, pitem, self.edge_layer)
                self.edge_layer.add(edge)
                self.edges[(group, m)] = edge
                self._group_edges.setdefault(group, []).append(m)

    def _update_frames(self) -> None:
        dirty, self._frames_dirty = self._frames_dirty, set()
        by_app: dict[str, QRectF] = {}
        names: dict[str, list[str]] = {app: [] for app in dirty}
        for item in self.nodes.values():
            if item.application in dirty:
                r = QRectF(item.x(), item.y(), NODE_W, item.height)
                by_app[item.application] = by_app.get(item.application, r).united(r)
                names[item.application].append(item.name)
        for app, app_names in names.items():
            if self.labels.set_names(app, app_names):
                for item in self.nodes.values():
                    if item.application == app:
                        item.update()
        for app in dirty:
            rect = by_app.get(app)
            frame = self.frames.get(app)
            if rect is None:
                if frame is not None:
                    self.removeItem(frame)
                    del self.frames[app]
                continue
            if frame is None:
                frame = FrameItem(app, self.colors)
                self.addItem(frame)
                self.frames[app] = frame
            frame.set_rect(rect)
        if not self.detail:
            self.overview.rebuild(list(self.nodes.values()), list(self.edges.values()))

    def _touch_frame(self, app: str) -> None:
        self._frames_dirty.add(app)
        self._frame_timer.start()

    def node_moved(self, item: NodeItem) -> None:
        item.moved()
        self.highlights.moved(item)
        self._touch_frame(item.application)

    def place(self, item: NodeItem, x: float, y: float) -> None:
        """Move a node from code (undo, layout) with its edges and frame following."""
        item.setPos(x, y)
        self.node_moved(item)

    # -- level of detail ------------------------------------------------------------------------

    def set_detail(self, detail: bool) -> None:
        """Far out (``detail`` False) the overview draws everything and items are skipped."""
        if detail == self.detail:
            return
        self.detail = detail
        self._apply_detail()

    def _apply_detail(self) -> None:
        opacity = 1.0 if self.detail else 0.0
        for item in self.nodes.values():
            item.setOpacity(opacity)
        self.edge_layer.setVisible(self.detail)
        if not self.detail:
            self.overview.rebuild(list(self.nodes.values()), list(self.edges.values()))
        self.overview.setVisible(not self.detail)

    # -- mirroring the document -------------------------------------------------------------

    def _on_doc_item_added(self, kind: str, name: str) -> None:
        key = (Kind(kind), name)
        entry = self.doc.entry(*key)
        if entry is None or key in self.nodes:
            return
        item = NodeItem(entry, self.colors, self.labels)
        if entry.x is not None and entry.y is not None:
            item.setPos(entry.x, entry.y)
        else:  # placed with the others added in the same turn of the event loop
            self._pending.append(key)
            self._place_timer.start()
        item.setOpacity(1.0 if self.detail else 0.0)
        self.addItem(item)
        self.nodes[key] = item
        if key[0] is Kind.GROUP:
            self._connect_group(name)
        else:
            for group in self.doc.groups_of(name):
                self._connect_group(group)
        self._touch_frame(entry.application)
        self._grow_scene(item)

    def _on_doc_item_removed(self, kind: str, name: str) -> None:
        key = (Kind(kind), name)
        item = self.nodes.pop(key, None)
        if item is None:
            return
        for edge in list(item.edges):
            edge.detach()
            gname, pname = edge.group.name, edge.port.name
            self.edges.pop((gname, pname), None)
            if pname in self._group_edges.get(gname, []):
                self._group_edges[gname].remove(pname)
        if key[0] is Kind.GROUP:
            self._group_edges.pop(name, None)
        self.highlights.discard(key)
        self.removeItem(item)
        self._touch_frame(item.application)

    def _on_doc_item_changed(self, kind: str, name: str) -> None:
        key = (Kind(kind), name)
        item, entry = self.nodes.get(key), self.doc.entry(*key)
        if item is None or entry is None:
            self._on_doc_item_added(kind, name)
            return
        old_app = item.application
        item.update_from(entry)
        if entry.x is not None and entry.y is not None and (item.pos().x(), item.pos().y()) != (entry.x, entry.y):
            self.place(item, entry.x, entry.y)
        if key[0] is Kind.GROUP:
            self._connect_group(name)
        self._touch_frame(old_app)
        self._touch_frame(entry.application)

    def _on_doc_item_renamed(self, kind: str, old: str, new: str) -> None:
        k = Kind(kind)
        item, entry = self.nodes.pop((k, old), None), self.doc.entry(k, new)
        if item is None or entry is None:
            return
        self.nodes[(k, new)] = item
        self.highlights.renamed((k, old), (k, new))
        item.update_from(entry)
        if k is Kind.PORT:
            for g, m in [key for key in self.edges if key[1] == old]:
                self.edges[(g, new)] = self.edges.pop((g, m))
                members = self._group_edges.get(g, [])
                members[members.index(m)] = new
        else:
            for g, m in [key for key in self.edges if key[0] == old]:
                self.edges[(new, m)] = self.edges.pop((g, m))
            if old in self._group_edges:
                self._group_edges[new] = self._group_edges.pop(old)

    def _on_doc_positions_changed(self, keys: list) -> None:
        for kind, name in keys:
            key = (Kind(kind), name)
            item, entry = self.nodes.get(key), self.doc.entry(*key)
            if item is not None and entry is not None and entry.x is not None and entry.y is not None:
                if (item.pos().x(), item.pos().y()) != (entry.x, entry.y):
                    self.place(item, entry.x, entry.y)
                self._grow_scene(item)

    def _grow_scene(self, item: NodeItem) -> None:
        r = item.sceneBoundingRect().adjusted(-400, -400, 400, 400)
        if not self.sceneRect().contains(r):
            self.setSceneRect(self.sceneRect().united(r))
            self.highlights.area_changed()

    # -- selection and find -----------------------------------------------------------------------

    def selected_keys(self) -> list[Key]:
        return [i.key for i in self.selectedItems() if isinstance(i, NodeItem)]

    def select_keys(self, keys: list[Key]) -> None:
        wanted = set(keys)
        self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if isinstance(item, NodeItem) and item.key not in wanted:
                    item.setSelected(False)
            for key in keys:
                node = self.nodes.get(key)
                if node is not None:
                    node.setSelected(True)
        finally:
            self.blockSignals(False)
        if not self.detail:
            self.overview.rebuild(list(self.nodes.values()), list(self.edges.values()))

    def _on_selection_changed(self) -> None:
        if not self.detail:
            self.overview.rebuild(list(self.nodes.values()), list(self.edges.values()))
        self.selection_keys_changed.emit([(k.value, n) for k, n in self.selected_keys()])

    def find(self, text: str) -> list[NodeItem]:
        """Highlight the nodes whose name (or address/adapter) contains ``text``; return them in order."""
        needle = text.strip().casefold()
        found = [item for item in self.nodes.values() if needle and item.matches(needle)]
        found.sort(key=lambda i: (i.y(), i.x()))
        self.highlights.set_items(found)
        return found

    def set_colors(self, colors: CanvasColors) -> None:
        """Repaint every item in ``colors`` (each item's cached picture is dropped too)."""
        self.colors = colors
        layers: list[Any] = [self.overview, self.highlights, self.edge_layer]
        for item in layers + [*self.nodes.values(), *self.frames.values()]:  # each draws in its colours
            item.colors = colors
            item.update()
        self.update()

    # -- tooltips: computed when asked (reading a port's filter is a workspace read) -------------

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem):
                QToolTip.showText(event.screenPos(), self.tooltip(item))
                event.accept()
                return
        QToolTip.hideText()

    def tooltip(self, item: NodeItem) -> str:
        """The node's full name, state, application and (for a port) address and filter."""
        return node_tooltip(self.doc, item)
