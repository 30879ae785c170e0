"""A progress line on standard error for long commands (``import`` of a large file).

Drawn only for a person watching: when standard error is a terminal and ``$CI`` is not set to
a true value. Piped, redirected or in CI, nothing is written, so logs and captured output stay
as they are. The line is rewritten in place with a carriage return and wiped when the work
ends (spaces, not terminal escapes: every console understands them).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

#: Objects from which an import shows a bar (a smaller one is over before a bar could help).
FROM_OBJECTS = 50

_WIDTH = 30


def wanted(stream: TextIO | None = None) -> bool:
    """Whether a progress line may be drawn on ``stream`` (standard error by default)."""
    stream = sys.stderr if stream is None else stream
    if os.environ.get("CI", "").strip().casefold() not in ("", "0", "false", "no"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (ValueError, OSError):  # a closed stream
        return False


class ProgressLine:
    """``label [#####.....]  45%  1,000/2,200`` on one line of ``stream``, redrawn by each call
    ``(done, total)`` (the model's ``Progress`` callback) and wiped by :meth:`close`."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        self._shown = 0  # characters of the line now on screen
        self._last: tuple[int, int] | None = None

    def __call__(self, done: int, total: int) -> None:
        if (done, total) == self._last:
            return
        self._last = (done, total)
        part = min(done / total, 1.0) if total > 0 else 1.0
        filled = round(part * _WIDTH)
        text = f"{self.label} [{'#' * filled}{'.' * (_WIDTH - filled)}] {part:4.0%}  {done:,}/{total:,}"
        self._write("\r" + text.ljust(self._shown))
        self._shown = len(text)

    def close(self) -> None:
        """Wipe the line, leaving the cursor where it began."""
        if self._shown:
            self._write("\r" + " " * self._shown + "\r")
            self._shown = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: the work goes on without a bar
            self._shown = 0
