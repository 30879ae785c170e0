"""What an explorer drag carries: the rows' ports and groups as JSON entries, and the port
names alone for drop targets that take ports only."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from model.lifecycle import Kind

__all__ = ["ENTRIES_MIME", "PORTS_MIME", "drag_data"]

PORTS_MIME = "application/x-portwright-ports"
#: Explorer drags: UTF-8 JSON, a list of ``{"kind": "port" | "group", "name": str}``.
ENTRIES_MIME = "application/x-portwright-entries"


def drag_data(keys: list[tuple[Kind, str]]) -> QMimeData:
    """``keys`` (in tree order, each once) as entries, as port names, and as plain text."""
    mime = QMimeData()
    entries = [{"kind": kind.value, "name": name} for kind, name in keys]
    mime.setData(ENTRIES_MIME, json.dumps(entries).encode("utf-8"))
    ports = [name for kind, name in keys if kind is Kind.PORT]
    if ports:
        mime.setData(PORTS_MIME, "\n".join(ports).encode("utf-8"))
    mime.setText("\n".join(name for _kind, name in keys))
    return mime
