"""Node labels that tell an application's nodes apart.

BizTalk names share long dotted prefixes (``Contoso.Orders.Out.Sap``, ``Contoso.Orders.Out.Ftp``);
what tells them apart is the end. A label drops the dotted prefix that every node of the
application shares (keeping the last shared segment as context) and, when it is still too
wide, drops more from the start, never from the end. Labels of one application are kept
distinct: where two would read the same, their middle is elided instead, which keeps both
ends. The full name is in the tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

__all__ = ["ELLIPSIS", "LabelBook", "fit_labels", "shared_prefix_length", "tail_label", "tails", "two_lines"]

ELLIPSIS = "…"
_SEPARATORS = "._ "  # dotted BizTalk names, underscores, and names written as words


def _segments(name: str) -> list[str]:
    """``name`` cut after each separator: ``"A.B_C"`` -> ``["A.", "B_", "C"]``."""
    out, start = [], 0
    for i, ch in enumerate(name):
        if ch in _SEPARATORS:
            out.append(name[start : i + 1])
            start = i + 1
    out.append(name[start:])
    return [s for s in out if s]


def shared_prefix_length(names: Iterable[str]) -> int:
    """How many leading segments every name of ``names`` shares (never a whole name)."""
    split = [_segments(n) for n in names]
    if len(split) < 2:
        return 0
    shortest = min(len(s) for s in split)
    count = 0
    while count < shortest - 1 and all(s[count] == split[0][count] for s in split):
        count += 1
    return count


def tail_label(name: str, shared: int) -> str:
    """``name`` without its first ``shared`` segments but one (kept as context)."""
    segs = _segments(name)
    drop = max(0, min(shared, len(segs) - 1) - 1)
    return name if drop == 0 else ELLIPSIS + "".join(segs[drop:])


def fit_labels(names: list[str], font: QFont, width: float) -> dict[str, str]:
    """Labels of ``names`` (one application's nodes) that fit ``width`` in ``font`` and differ.

    Each label is the name's distinguishing end, cut from the start to fit; labels that would
    read the same are elided in the middle instead (keeping the start and the end of what
    differs), and as a last resort the full name is elided in the middle."""
    metrics = QFontMetricsF(font)
    shared = shared_prefix_length(names)
    out: dict[str, str] = {}
    tails: dict[str, str] = {}
    counts: dict[str, int] = {}
    for name in names:
        segs = _segments(name)
        for i in range(len(segs)):
            key = "".join(segs[i:])
            counts[key] = counts.get(key, 0) + 1
    room = width - metrics.horizontalAdvance(ELLIPSIS)
    for name in names:
        tail = tail_label(name, shared)
        tails[name] = tail
        label = _trim_start(tail, metrics, width)
        unique = _unique_end(name, counts)
        if len(label.removeprefix(ELLIPSIS)) < len(unique):  # trimming lost what tells it apart
            label = ELLIPSIS + metrics.elidedText(unique, Qt.TextElideMode.ElideMiddle, room)
        out[name] = label
    for group in _clashing(out):  # the tail elided in the middle: both of its ends stay
        for name in group:
            out[name] = metrics.elidedText(tails[name], Qt.TextElideMode.ElideMiddle, width)
    clashing = [n for group in _clashing(out) for n in group]
    if clashing:  # from just before the name differs from the names most like it
        room = width - metrics.horizontalAdvance(ELLIPSIS)
        ordered = sorted(names)
        index = {n: i for i, n in enumerate(ordered)}
        spans: dict[str, tuple[int, int]] = {}
        for name in names:  # every name: the second pass can make new ones clash
            i = index[name]
            near = [_common_prefix([name, ordered[j]]) for j in (i - 1, i + 1) if 0 <= j < len(ordered)]
            spans[name] = (max(0, min(near, default=0) - 2), max(0, max(near, default=0) - 2))
        for mode, pick in ((Qt.TextElideMode.ElideMiddle, 0), (Qt.TextElideMode.ElideRight, 1)):
            for name in clashing:
                start = spans[name][pick]
                rest = metrics.elidedText(name[start:], mode, room if start else width)
                out[name] = ELLIPSIS + rest if start else rest
            clashing = [n for group in _clashing(out) for n in group]
            if not clashing:
                break
    return out


def _common_prefix(names: list[str]) -> int:
    first, last = min(names), max(names)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return n


def _unique_end(name: str, counts: dict[str, int]) -> str:
    """The shortest end of ``name`` (whole segments) that no other name ends with."""
    segs = _segments(name)
    for i in range(len(segs) - 1, -1, -1):
        end = "".join(segs[i:])
        if counts.get(end, 0) <= 1:
            return end
    return name


def _trim_start(text: str, metrics: QFontMetricsF, width: float) -> str:
    """``text`` if it fits, else whole segments dropped from the start ("…Orders.Out"), else
    the last segment cut from its start."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    segs = _segments(text[1:] if text.startswith(ELLIPSIS) else text)
    for i in range(1, len(segs)):
        candidate = ELLIPSIS + "".join(segs[i:])
        if metrics.horizontalAdvance(candidate) <= width:
            return candidate
    cut = metrics.elidedText(segs[-1], Qt.TextElideMode.ElideLeft, width - metrics.horizontalAdvance(ELLIPSIS))
    return cut if cut.startswith(ELLIPSIS) else ELLIPSIS + cut


def tails(text: str) -> list[str]:
    """``text`` and its shorter ends, whole segments dropped from the start: ``"…B.C"``, ``"…C"``."""
    body = text[1:] if text.startswith(ELLIPSIS) else text
    segs = _segments(body)
    return [text] + [ELLIPSIS + "".join(segs[i:]) for i in range(1, len(segs))]


def two_lines(text: str, metrics: QFontMetricsF, width: float, cut: bool = False) -> tuple[str, str] | None:
    """``text`` broken after a separator into two lines no wider than ``width``, the break
    that balances them best; None when no break fits (with ``cut``, the last segment on the
    second line and the first cut from its start instead)."""
    best: tuple[float, tuple[str, str]] | None = None
    for i, ch in enumerate(text[:-1]):
        if ch in _SEPARATORS:
            first, second = text[: i + 1], text[i + 1 :]
            widest = max(metrics.horizontalAdvance(first), metrics.horizontalAdvance(second))
            if widest <= width and (best is None or widest < best[0]):
                best = (widest, (first, second))
    if best is not None or not cut:
        return None if best is None else best[1]
    # No break fits: the last segment alone on the second line, the rest cut from its start.
    last = max((i for i, ch in enumerate(text[:-1]) if ch in _SEPARATORS), default=-1)
    if last < 0 or metrics.horizontalAdvance(text[last + 1 :]) > width:
        return None
    first = metrics.elidedText(text[: last + 1], Qt.TextElideMode.ElideLeft, width)
    return None if first in ("", ELLIPSIS) else (first, text[last + 1 :])


def _clashing(labels: dict[str, str]) -> list[list[str]]:
    """The names whose labels read the same, in groups."""
    seen: dict[str, list[str]] = {}
    for name, label in labels.items():
        seen.setdefault(label, []).append(name)
    return [group for group in seen.values() if len(group) > 1]


class LabelBook:
    """Fitted labels per application, font and width, kept until the application's names change."""

    def __init__(self) -> None:
        self._names: dict[str, list[str]] = {}
        self._fitted: dict[tuple[str, str, float], dict[str, str]] = {}

    def set_names(self, application: str, names: Iterable[str]) -> bool:
        """Take the names of ``application``'s nodes; True when they changed (labels may too)."""
        ordered = sorted(set(names))
        if self._names.get(application, []) == ordered:
            return False
        if ordered:
            self._names[application] = ordered
        else:
            self._names.pop(application, None)
        self._fitted = {k: v for k, v in self._fitted.items() if k[0] != application}
        return True

    def clear(self) -> None:
        self._names.clear()
        self._fitted.clear()

    def label(self, application: str, name: str, font: QFont, width: float) -> str:
        """``name``'s label in its application at ``font`` and ``width``."""
        key = (application, font.key(), round(width, 1))
        fitted = self._fitted.get(key)
        if fitted is None:
            names = self._names.get(application, [])
            fitted = self._fitted[key] = fit_labels(names, font, width)
        found = fitted.get(name)
        if found is None:  # not known yet (added in this turn of the event loop)
            return QFontMetricsF(font).elidedText(name, Qt.TextElideMode.ElideLeft, width)
        return found
