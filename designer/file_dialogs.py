"""File dialogs that never open the files they list.

Why this module exists: with the workspace open, the GUI process holds SQLite's locks on the
workspace file and on its ``-wal`` and ``-shm`` companions. Those are POSIX record locks: they
belong to the process, and closing *any* descriptor of one of those files drops all of them.
Qt's own file dialog names and draws each file of the folder it shows by sniffing its content
(its icon provider asks QMimeDatabase, which reads files whose name does not decide): it opens
the workspace, the ``-wal`` and the ``-shm`` file, reads a few bytes and closes them. From that
moment the GUI holds no lock. The next ``portwright`` command on the same workspace, when it
finishes, finds no other holder, checkpoints the log and deletes the ``-wal`` and ``-shm``
files; the GUI goes on writing into the deleted ones, so its later edits show on screen and
never reach the file (and a later read can fail with "disk I/O error"). Choosing a file to
import from the workspace's folder was enough. Native dialogs that run inside this process on
Linux and macOS can guess types from content as well, and cannot be told not to.

So every file dialog of the app is Qt's widget dialog with an icon provider that decides by
file name only (:class:`NameOnlyIconProvider`). Windows keeps its native dialog: its file
locks belong to a handle, and closing another handle of the file leaves them in place.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QInputDialog, QWidget

#: True where a native dialog may read files inside this process (see the module docstring).
NATIVE_DIALOG_READS_FILES = sys.platform != "win32"


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name (its extension), never from the content."""

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()

    def icon(self, what: QFileInfo | QFileIconProvider.IconType) -> QIcon:  # type: ignore[override]
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if what.isDir():
            return super().icon(QFileIconProvider.IconType.Folder)
        mime = self._mime.mimeTypeForFile(what, QMimeDatabase.MatchMode.MatchExtension)
        themed = QIcon.fromTheme(mime.iconName())
        return themed if not themed.isNull() else super().icon(QFileIconProvider.IconType.File)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("FileDialogs", "Folder")
        return self._mime.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension).comment()


_icons: NameOnlyIconProvider | None = None


def _dialog(
    parent: QWidget,
    title: str,
    directory: str,
    name_filter: str,
    mode: QFileDialog.FileMode,
    accept: QFileDialog.AcceptMode,
) -> QFileDialog:
    global _icons
    dialog = QFileDialog(parent, title, directory, name_filter)
    dialog.setObjectName("fileDialog")
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    if NATIVE_DIALOG_READS_FILES:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        if _icons is None:
            _icons = NameOnlyIconProvider()  # one for all dialogs: the dialog does not own it
        dialog.setIconProvider(_icons)
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.deleteLater()


def open_file_names(parent: QWidget, title: str, name_filter: str, directory: str = "") -> list[str]:
    """Existing files the user picks (none if cancelled)."""
    return _run(
        _dialog(
            parent, title, directory, name_filter, QFileDialog.FileMode.ExistingFiles, QFileDialog.AcceptMode.AcceptOpen
        )
    )


def open_file_name(parent: QWidget, title: str, name_filter: str, directory: str = "") -> str:
    """One existing file the user picks ("" if cancelled)."""
    files = _run(
        _dialog(
            parent, title, directory, name_filter, QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen
        )
    )
    return files[0] if files else ""


def save_file_name(parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
    """Where to write ("" if cancelled); replacing an existing file is confirmed by the dialog."""
    files = _run(
        _dialog(parent, title, suggested, name_filter, QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave)
    )
    return files[0] if files else ""


def choose_item(parent: QWidget, title: str, label: str, items: list[str]) -> str:
    """One of ``items`` the user picks ("" if cancelled)."""
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return str(item) if ok else ""
