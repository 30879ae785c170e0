"""Find flows: find by text as the user types, step through the matches; go to an item by name.

Typing is debounced (one search once the keys pause) and incremental: when the new text extends
the last one, only the last matches are looked at again. Each node's searchable text (name,
address, adapter) is casefolded once and kept until the node shows another entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from designer.canvas.items import NodeItem
from designer.document import Key, WorkspaceDocument
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model.lifecycle import Kind
from model.store.records import Entry


def tr(text: str) -> str:
    return QCoreApplication.translate("FindFlows", text)


def searchable(entry: Entry) -> str:
    """What find looks in, casefolded: the name, the address and the adapter."""
    return "\n".join((entry.name, entry.address or "", entry.adapter or "")).casefold()


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
        self._hits: list[NodeItem] = []
        self._index = -1
        self._pending = ""
        self._needle = ""  # what the current hits were found for
        self._scene: object = None  # the scene the hits and the texts belong to
        self._texts: dict[Key, tuple[Entry, str]] = {}
        self._watched: WorkspaceDocument | None = None
        self._timer = QTimer(self, singleShot=True, interval=self.DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.searches = 0  # how many searches ran (typing fast runs one)

    def find(self, text: str) -> None:
        """Find ``text`` once typing pauses (each key restarts the wait)."""
        self._pending = text
        self._timer.start()

    def find_now(self, text: str | None = None) -> list[NodeItem]:
        """Find at once (the pending text, or ``text``); the matches in reading order."""
        if text is not None:
            self._pending = text
        self._search()
        return list(self._hits)

    def find_next(self) -> None:
        """Select the next match (the first after a search), and show it."""
        if self._timer.isActive():  # Enter before the pause: search now
            self._search()
        if not self._hits:
            return
        self._index = (self._index + 1) % len(self._hits)
        self._selection.reveal(self._hits[self._index].key)

    def select_name(self, name: str) -> bool:
        """Select (and show) the send port, or else the group, called ``name``."""
        doc = self._document()
        for kind in (Kind.PORT, Kind.GROUP):
            if doc.entry(kind, name) is not None:
                self._selection.reveal((kind, name))
                return True
        self._reporter.say(tr("No send port or group named '%s'") % name)
        return False

    # -- the search --------------------------------------------------------------------------

    def _watch(self, doc: WorkspaceDocument) -> None:
        """After any change to the workspace the next search looks at every node again."""
        if doc is self._watched:
            return
        self._watched = doc
        self._needle = ""
        for signal in (doc.item_added, doc.item_changed, doc.item_renamed, doc.reloaded):
            signal.connect(self._forget_narrowing)

    def _forget_narrowing(self, *_args: object) -> None:
        self._needle = ""

    def _text_of(self, item: NodeItem) -> str:
        kept = self._texts.get(item.key)
        if kept is None or kept[0] is not item.entry:  # entries are replaced, never changed in place
            kept = (item.entry, searchable(item.entry))
            self._texts[item.key] = kept
        return kept[1]

    def _search(self) -> None:
        self._timer.stop()
        self.searches += 1
        scene = self._selection.scene
        nodes = scene.nodes
        if scene is not self._scene:
            self._scene, self._texts, self._hits, self._needle = scene, {}, [], ""
        self._watch(self._document())
        text = self._pending
        needle = text.strip().casefold()
        before = {item.key for item in self._hits}
        if not needle:
            hits: list[NodeItem] = []
        else:
            if self._needle and needle != self._needle and needle.startswith(self._needle):
                # Narrowing: only what matched the shorter text can match this one.
                pool = [i for i in self._hits if nodes.get(i.key) is i]
            else:
                pool = list(nodes.values())
            hits = [item for item in pool if needle in self._text_of(item)]
            hits.sort(key=lambda i: (i.pos().y(), i.pos().x()))
        self._needle = needle
        self._hits = hits
        self._index = -1
        after = {item.key for item in hits}
        for key in before ^ after:
            item = nodes.get(key)
            if item is not None:
                item.highlighted = key in after
                item.update()
        if before != after and not scene.detail:
            scene.overview.rebuild(list(nodes.values()), list(scene.edges.values()))
            scene.overview.update()
        if text.strip():
            self._reporter.say(tr("%d match(es)") % len(hits), 3000)
            if hits:
                # Shown, not selected: the selection (and the properties it loads) waits for Enter.
                self._selection.view.reveal(hits[0].key)
