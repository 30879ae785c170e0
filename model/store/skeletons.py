"""The decoded skeletons of imported files, kept between exports.

Decoding a skeleton (the text of a file around its ports and groups) costs about as much as
the rest of an export; a source changes only when a rename rewrites it, so the decoded form
is kept, per workspace object, for the few most recently exported sources.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.bindings.fragments import _piece_from
from model.bindings.skeleton import _Collection
from model.bindings.writer import Style
from model.store.schema import SourceRow


class Skeleton(NamedTuple):
    """What export needs of an imported file's skeleton, decoded."""

    pieces: list[str | _Collection]
    style: Style
    encoding: str
    bom: bytes
    original_if_empty: str | None


class SkeletonCache:
    """Decoded skeletons by source id, import time and revision: a source deleted and
    another imported under the same id is told apart by the time, a skeleton rewritten by a
    rename by its revision."""

    #: How many decoded skeletons are kept (an export mostly uses one file's).
    SIZE = 4

    def __init__(self) -> None:
        self._decoded: dict[tuple[int, Any, Any], Skeleton] = {}

    def get(self, s: Session, source_id: int) -> Skeleton | None:
        """The decoded skeleton of source ``source_id`` (None when there is no such source)."""
        row = s.execute(select(SourceRow.imported_at, SourceRow.revision).where(SourceRow.id == source_id)).first()
        if row is None:
            return None
        key = (source_id, row.imported_at, row.revision)
        cache = self._decoded
        skeleton = cache.get(key)
        if skeleton is None:
            state: dict[str, Any] = s.scalars(select(SourceRow.skeleton).where(SourceRow.id == source_id)).one()
            skeleton = Skeleton(
                [_piece_from(p) for p in state["pieces"]],
                Style(state["unit"], state["newline"]),
                state["encoding"],
                bytes.fromhex(state["bom"]),
                state.get("original_if_empty"),
            )
            if len(cache) >= self.SIZE:
                cache.pop(next(iter(cache)))
            cache[key] = skeleton
        return skeleton
