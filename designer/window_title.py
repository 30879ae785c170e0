"""The window title: which workspace is open, as a person reads it.

An SQLite workspace is its file name, then its folder ("workspace.sqlite — /home/me/work");
a server workspace is its database, then where it is, without the password
("biztalk — postgresql://me@db.example:5432").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from model.store.database import display, sqlite_files


def workspace_title(url: str) -> str:
    """What the title bar calls the workspace at ``url``."""
    files = sqlite_files(url)
    if files:
        return f"{files[0].name} — {files[0].parent}"
    try:
        parsed = make_url(url)
    except ArgumentError:
        return display(url)
    if parsed.get_backend_name() == "sqlite":
        return QCoreApplication.translate("WindowTitle", "SQLite (in memory)")
    server = parsed.get_backend_name() + "://"
    if parsed.username:
        server += f"{parsed.username}@"
    server += parsed.host or "localhost"
    if parsed.port:
        server += f":{parsed.port}"
    return f"{parsed.database} — {server}" if parsed.database else server
