"""Find flows: find by text as the user types, step through the matches; go to an item by name.

Typing is debounced (one search once the keys pause) and incremental: when the new text extends
the last one, only the last matches are looked at again. What find reads of each node (its
text and place) is read once, in slices while the first word is being typed, and kept in
reading order until the workspace changes: a search is then one pass over strings with no
sorting, and the matches are drawn by the scene's one highlight layer, so that a key typed
never updates the nodes themselves, however many match."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from designer.canvas.highlights import Box, node_box
from designer.canvas.items import NodeItem, searchable
from designer.document import WorkspaceDocument
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model.lifecycle import Kind

__all__ = ["FindFlows", "searchable"]


class ReadingOrder:
    """Every node of a scene in reading order (top to bottom, left to right), with the text
    find looks in and its box: read a slice at a time (:meth:`step`), sorted once complete."""

    SLICE = 2000  # nodes read per turn of the event loop (a few milliseconds)

    def __init__(self, items: list[NodeItem]) -> None:
        self._todo = items
        self._read = 0
        self.items: list[NodeItem] = []
        self.texts: list[str] = []
        self.boxes: list[Box] = []
        self.complete = not items

    def step(self) -> bool:
        """Read the next slice (sorting after the last); True when complete."""
        if self.complete:
            return True
        end = min(self._read + self.SLICE, len(self._todo))
        for item in self._todo[self._read : end]:
            self.items.append(item)
            self.texts.append(item.search_text())
            self.boxes.append(node_box(item))
        self._read = end
        if end == len(self._todo):
            boxes = self.boxes
            order = sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0]))
            self.items = [self.items[i] for i in order]
            self.texts = [self.texts[i] for i in order]
            self.boxes = [boxes[i] for i in order]
            self._todo = []
            self.complete = True
        return self.complete

    def finish(self) -> ReadingOrder:
        while not self.step():
            pass
        return self


class FindFlows(QObject):
    """The find box's matches, in reading order, and going to one of them.

    Typing highlights the matches and scrolls to the first; Enter selects them in turn."""

    DELAY_MS = 200  # after the last key: a word typed is one search, not one per letter

    def __init__(
        self, parent: QObject, document: Callable[[], WorkspaceDocument], selection: CanvasSelection, reporter: Reporter
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._selection = selection
        self._reporter = reporter
        self._hits: list[int] = []  # positions in the reading order
        self._index = -1
        self._pending = ""
        self._needle = ""  # what the current hits were found for
        self._scene: object = None  # the scene the hits and the order belong to
        self._order: ReadingOrder | None = None
        self._watched: WorkspaceDocument | None = None
        self._timer = QTimer(self, singleShot=True, interval=self.DELAY_MS)
        self._timer.timeout.connect(self._search)
        self._reader = QTimer(self, singleShot=True, interval=0)
        self._reader.timeout.connect(self._on_reader_timeout)
        self.searches = 0  # how many searches ran (typing fast runs one)
        self.looked_at = 0  # how many nodes the last search compared (narrowing looks at fewer)

    def find(self, text: str) -> None:
        """Find ``text`` once typing pauses (each key restarts the wait); meanwhile the nodes
        are read, a slice at a time, if they have not been yet."""
        self._pending = text
        self._timer.start()
        if text.strip():
            self._reading_order(finish=False)

    def find_now(self, text: str | None = None) -> list[NodeItem]:
        """Find at once (the pending text, or ``text``); the matches in reading order."""
        if text is not None:
            self._pending = text
        self._search()
        return self._hit_items()

    def find_next(self) -> None:
        """Select the next match (the first after a search), and show it."""
        if self._timer.isActive():  # Enter before the pause: search now
            self._search()
        items = self._hit_items()
        if not items:
            return
        self._index = (self._index + 1) % len(items)
        self._selection.reveal(items[self._index].key)

    def select_name(self, name: str) -> bool:
        """Select (and show) the send port, or else the group, called ``name``."""
        doc = self._document()
        for kind in (Kind.PORT, Kind.GROUP):
            if doc.entry(kind, name) is not None:
                self._selection.reveal((kind, name))
                return True
        self._reporter.say(QCoreApplication.translate("FindFlows", "No send port or group named '%s'") % name)
        return False

    # -- the search --------------------------------------------------------------------------

    def _hit_items(self) -> list[NodeItem]:
        order = self._order
        return [order.items[i] for i in self._hits] if order is not None and order.complete else []

    def _watch(self, doc: WorkspaceDocument) -> None:
        """After any change to the workspace the next search reads every node again."""
        if doc is self._watched:
            return
        self._watched = doc
        self._forget()
        for signal in (
            doc.item_added,
            doc.item_removed,
            doc.item_changed,
            doc.item_renamed,
            doc.positions_changed,
            doc.reloaded,
        ):
            signal.connect(self._forget)

    def _forget(self, *_args: object) -> None:
        self._needle = ""
        self._hits = []
        self._order = None

    def _reading_order(self, finish: bool) -> ReadingOrder:
        scene = self._selection.scene
        if scene is not self._scene:
            self._scene, self._order = scene, None
            self._forget()
        self._watch(self._document())
        if self._order is None:
            self._order = ReadingOrder(list(scene.nodes.values()))
        if finish:
            self._reader.stop()
            return self._order.finish()
        if not self._order.complete:
            self._reader.start()
        return self._order

    def _on_reader_timeout(self) -> None:
        if self._order is not None and not self._order.step():
            self._reader.start()

    def _search(self) -> None:
        self._timer.stop()
        self.searches += 1
        scene = self._selection.scene
        text = self._pending
        needle = text.strip().casefold()
        order = self._reading_order(finish=True)
        texts = order.texts
        if not needle:
            hits: list[int] = []
            self.looked_at = 0
        elif self._needle and needle != self._needle and needle.startswith(self._needle):
            # Narrowing: only what matched the shorter text can match this one.
            self.looked_at = len(self._hits)
            hits = [i for i in self._hits if needle in texts[i]]
        else:
            self.looked_at = len(texts)
            hits = [i for i, t in enumerate(texts) if needle in t]  # in reading order already
        self._needle = needle
        self._index = -1
        if hits != self._hits or not hits:
            items, boxes = order.items, order.boxes
            scene.highlights.set_boxes({items[i].key: boxes[i] for i in hits})
        self._hits = hits
        if text.strip():
            self._reporter.say(QCoreApplication.translate("FindFlows", "%d match(es)") % len(hits), 3000)
            if hits:
                # Shown, not selected: the selection (and the properties it loads) waits for Enter.
                self._selection.view.reveal(order.items[hits[0]].key)
