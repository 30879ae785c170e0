"""Shared pieces of the command line: errors, exit codes, output helpers."""

from __future__ import annotations

import sys
from pathlib import Path

from model.bindings import BindingFormatError
from model.fileio import output_target, write_atomic

OK, REFUSED, UNUSABLE = 0, 1, 2


class CliError(Exception):
    """A one-line message for the user, with the exit code it deserves."""

    def __init__(self, message: str, code: int = UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


class Exit(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def unusable(e: BindingFormatError) -> CliError:
    return CliError(str(e), UNUSABLE)


def check_output(target: str) -> None:
    """Refuse, before any work, an ``-o`` that cannot be written: a folder, or a missing folder
    (for a symlink, the folder of the file it points to)."""
    if target == "-":
        return
    path = Path(target)
    try:
        real = output_target(path)
    except OSError as e:
        raise CliError(f"{target}: cannot write: {e.strerror or e}") from None
    if real.is_dir():
        raise CliError(f"{target}: is a directory; give a file name")
    if not real.parent.is_dir():
        if path.is_symlink():
            raise CliError(f"{target}: links to {real}, whose folder {real.parent} does not exist")
        raise CliError(f"{target}: folder {path.parent} does not exist")


def write_output(target: str, data: bytes) -> None:
    """Write to ``-o``'s target (see ``model.fileio.write_atomic``), or to standard output for ``-``."""
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    check_output(target)
    try:
        write_atomic(target, data)
    except OSError as e:
        raise CliError(f"{target}: cannot write: {e.strerror or e}") from None
