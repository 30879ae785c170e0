"""Node tooltips, computed when asked: reading a port's filter is a workspace read, too slow
to do for every node up front. The tooltip carries the full name the label shortens."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from designer.canvas.items import NodeItem
from designer.document import WorkspaceDocument
from model.lifecycle import Kind

__all__ = ["node_tooltip"]


def node_tooltip(doc: WorkspaceDocument, item: NodeItem) -> str:
    """Rich text: the full name and state, the application, and what the node does."""
    entry = doc.entry(*item.key)
    if entry is None:
        return ""
    lines = [
        f"<b>{escape(entry.name)}</b> — {escape(entry.state.label)}",
        escape(QCoreApplication.translate("Canvas", "Application: %s") % entry.application),
    ]
    try:
        if item.kind is Kind.PORT:
            port = doc.port(entry.name).model
            lines.append(escape(f"{item.line2}"))
            if entry.address:
                lines.append(escape(QCoreApplication.translate("Canvas", "Address: %s") % entry.address))
            if item.shown_address is not None:
                lines.append(
                    escape(
                        QCoreApplication.translate("Canvas", "◆ In %s: %s")
                        % (doc.settings.environment, item.shown_address)
                    )
                )
            filt = (
                port.filter.text()
                if port.filter is not None and not port.filter.is_empty
                else QCoreApplication.translate("Canvas", "(none)")
            )
            lines.append(escape(QCoreApplication.translate("Canvas", "Filter: %s") % filt))
        else:
            group = doc.group(entry.name).model
            filt = (
                group.filter.text()
                if group.filter is not None and not group.filter.is_empty
                else QCoreApplication.translate("Canvas", "(none)")
            )
            lines.append(escape(QCoreApplication.translate("Canvas", "Filter: %s") % filt))
            lines.append(
                escape(
                    QCoreApplication.translate("Canvas", "Members: %s")
                    % (", ".join(entry.members) or QCoreApplication.translate("Canvas", "(none)"))
                )
            )
    except Exception as e:  # noqa: BLE001 - a tooltip must never raise into Qt
        lines.append(escape(str(e)))
    return "<br>".join(lines)
