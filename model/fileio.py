"""Writing an output file the way a user means it.

Over a regular file or a new path the write is atomic (a temporary file in the same folder,
fsync, rename): a reader never sees a half-written file and a crash never leaves one. A
symlink is followed and its target replaced, so the link stays a link. A FIFO or a device
(``/dev/null``, ``/dev/stdout`` on a pipe) cannot be replaced without breaking what is
listening on it, so it is written in place, as a stream; so is a link through ``/proc`` to a
descriptor this process holds (``/dev/stdout`` redirected to a file by the shell).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

_MAX_LINKS = 40  # as the kernel's own limit on a chain of symlinks
_NEW_FILE_MODE = 0o644


def _link_chain(path: str | Path) -> list[Path]:
    """``path`` and each path its symlinks lead to, in order; the last one is not a link."""
    chain = [Path(os.path.abspath(path))]
    while chain[-1].is_symlink():
        if len(chain) > _MAX_LINKS:
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
        link = Path(os.readlink(chain[-1]))
        chain.append(link if link.is_absolute() else Path(os.path.realpath(chain[-1].parent)) / link)
    return chain


def output_target(path: str | Path) -> Path:
    """The path a write to ``path`` lands on: ``path`` itself, or the end of its symlink chain.

    A dangling link gives the missing file it points to, which the write then creates."""
    return _link_chain(path)[-1]


def _names_a_descriptor(path: str | Path) -> bool:
    """Whether ``path``'s symlink chain goes through ``/proc`` (``/dev/stdout``, ``/dev/fd/3``):
    such a link names a descriptor this process already has open, not a file to replace."""
    return os.name == "posix" and any(
        Path(os.path.realpath(p.parent)).parts[1:2] == ("proc",) for p in _link_chain(path)
    )


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path``: atomically over a regular file or a new path (a symlink's
    target, the link kept), in place over a FIFO or a device. An existing file keeps its mode.

    Raises ``OSError`` (``IsADirectoryError`` for a folder) when ``path`` cannot be written."""
    try:
        st = os.stat(path)  # follows symlinks: what is really there
    except FileNotFoundError:
        st = None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if st is not None and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)):
        _write_in_place(path, data)
        return
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "not a regular file, a FIFO or a device", str(path))
    if st is not None and _names_a_descriptor(path):
        _write_in_place(path, data)  # e.g. /dev/stdout redirected to a file: the shell's file, in place
        return
    _replace(output_target(path), data, st)


def _write_in_place(path: str | Path, data: bytes) -> None:
    """Stream ``data`` into what ``path`` opens: a FIFO's reader or a device gets it as it comes."""
    with open(path, "wb") as f:
        f.write(data)
        f.flush()


def _replace(target: Path, data: bytes, existing: os.stat_result | None) -> None:
    """Write a temporary file next to ``target`` and rename it over ``target``."""
    folder = target.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, stat.S_IMODE(existing.st_mode) if existing is not None else _NEW_FILE_MODE)
        if existing is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # keep the owner where allowed (root); else it becomes ours
                os.chown(tmp, existing.st_uid, existing.st_gid)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
