"""The explorer's tree as plain nodes (ids and sorted names, no Qt), and what a name filter
keeps of it: the matching ports and groups with their folders and applications, in tree order."""

from __future__ import annotations

from itertools import count

from model.lifecycle import Kind

__all__ = ["FOLDER_ROW", "AppNode", "FolderNode", "ItemNode", "Matches", "Node", "matching"]

#: The row of each kind's folder under its application.
FOLDER_ROW = {Kind.PORT: 0, Kind.GROUP: 1}


class AppNode:
    __slots__ = ("folders", "id", "name")

    def __init__(self, ids: count, name: str) -> None:
        self.id: int = next(ids)
        self.name = name
        self.folders = (FolderNode(ids, self, Kind.PORT), FolderNode(ids, self, Kind.GROUP))


class FolderNode:
    __slots__ = ("app", "id", "items", "kind", "names")

    def __init__(self, ids: count, app: AppNode, kind: Kind) -> None:
        self.id: int = next(ids)
        self.app = app
        self.kind = kind
        self.names: list[str] = []  # sorted: the rows
        self.items: dict[str, ItemNode] = {}


class ItemNode:
    __slots__ = ("folder", "id", "name")

    def __init__(self, ids: count, folder: FolderNode, name: str) -> None:
        self.id: int = next(ids)
        self.folder = folder
        self.name = name


Node = AppNode | FolderNode | ItemNode

#: What a filter keeps: [(application, [(kind, [names, sorted]), ...]), ...] in tree order.
Matches = list[tuple[str, list[tuple[Kind, list[str]]]]]


def matching(apps: list[AppNode], needle: str, limit: int, folded: dict[str, str]) -> tuple[Matches, int]:
    """The ports and groups whose name contains ``needle`` (casefolded), at most ``limit`` of
    them in tree order, and how many match in all. ``folded`` caches each name casefolded."""
    kept: Matches = []
    total = 0
    for app in apps:
        folders: list[tuple[Kind, list[str]]] = []
        for folder in app.folders:
            names = []
            for name in folder.names:
                low = folded.get(name)
                if low is None:
                    low = folded[name] = name.casefold()
                if needle in low:
                    total += 1
                    if total <= limit:
                        names.append(name)
            if names:
                folders.append((folder.kind, names))
        if folders:
            kept.append((app.name, folders))
    return kept, total
