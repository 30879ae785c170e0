"""Shared pieces of the command line: errors, exit codes, output helpers."""

from __future__ import annotations

import sys
from pathlib import Path

from model.bindings import BindingFormatError
from model.fileio import write_atomic

OK, REFUSED, UNUSABLE = 0, 1, 2


class CliError(Exception):
    """A one-line message for the user, with the exit code it deserves."""

    def __init__(self, message: str, code: int = UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


class Exit(Exception):  # noqa: N818 - a control-flow signal, not an error
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def unusable(e: BindingFormatError) -> CliError:
    return CliError(str(e), UNUSABLE)


def write_output(target: str, data: bytes) -> None:
    """Write to a file atomically, or to standard output for ``-``."""
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    path = Path(target)
    if path.is_dir():
        raise CliError(f"{target}: is a directory; give a file name")
    if not path.parent.exists():
        raise CliError(f"{target}: folder {path.parent} does not exist")
    try:
        write_atomic(path, data)
    except OSError as e:
        raise CliError(f"{target}: cannot write: {e.strerror or e}") from None
