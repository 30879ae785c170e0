"""The properties dock, read-only for now: a readable summary of what is selected.

A later issue replaces the single-port page with editors; this summary stays for groups of
items and for quick reading. It re-reads the document whenever something it shows changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QEvent, QSize, QTimer, QUrl
from PySide6.QtGui import QColor, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from designer import icons
from designer.document import WorkspaceDocument
from designer.entry_text import STATE_ICON, fill, port_kind_text, state_text
from model.domain import Filter, SendPort, TrackingFlag, Transport, is_token
from model.lifecycle import Kind, State
from model.store import WorkspaceError

Key = tuple[str, str]
_ICON_SCHEME = "portwright-icon"


class PropertiesPanel(QWidget):
    """A summary of one port, one group, or counts for several selected items."""

    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self._render_timer = QTimer(self, singleShot=True, interval=0)  # many signals, one re-read
        self._render_timer.timeout.connect(self._render)
        self._doc = document
        self._keys: list[Key] = []
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("propertiesSummary")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # long addresses
        self.browser.setAccessibleName(self.tr("Properties"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        document.reloaded.connect(self._on_document_reloaded)
        document.item_added.connect(self._on_document_item_changed)
        document.item_changed.connect(self._on_document_item_changed)
        document.item_removed.connect(self._on_document_item_removed)
        document.item_renamed.connect(self._on_document_item_renamed)
        self._render()

    # -- public ----------------------------------------------------------------------------

    def show_selection(self, keys: Sequence[tuple[str, str]]) -> None:
        self._keys = [(str(kind), name) for kind, name in keys]
        self._render_timer.stop()
        self._render()

    def shown_keys(self) -> list[Key]:
        return list(self._keys)

    def text(self) -> str:
        return self.browser.toPlainText()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # a theme change: muted colours and icons
            self._render_timer.start()
        super().changeEvent(event)

    # -- following the document --------------------------------------------------------------

    def _on_document_reloaded(self) -> None:
        self._keys = [k for k in self._keys if self._doc.entry(Kind(k[0]), k[1]) is not None]
        self._render_timer.start()

    def _on_document_item_changed(self, kind: str, name: str) -> None:
        # One item shows its groups, members and bindings: any change may touch it.
        if len(self._keys) == 1 or (kind, name) in self._keys:
            self._render_timer.start()

    def _on_document_item_removed(self, kind: str, name: str) -> None:
        if (kind, name) in self._keys:
            self._keys.remove((kind, name))
            self._render_timer.start()
        else:
            self._on_document_item_changed(kind, name)

    def _on_document_item_renamed(self, kind: str, old: str, new: str) -> None:
        self._keys = [(k, new if (k, n) == (kind, old) else n) for k, n in self._keys]
        self._on_document_item_changed(kind, new)

    # -- rendering ----------------------------------------------------------------------------

    def _render(self) -> None:
        try:
            if len(self._keys) == 1:
                kind, name = self._keys[0]
                body = self._port_html(name) if kind == Kind.PORT.value else self._group_html(name)
            elif self._keys:
                body = self._many_html()
            else:
                body = None
        except WorkspaceError:  # removed meanwhile; the removal signal follows
            body = None
        if body is None:
            hint = self.tr("Select a send port or send port group to see its settings.")
            body = f"<p style='color:{self._muted()}'>{escape(hint)}</p>"
        scroll = self.browser.verticalScrollBar().value()
        self._add_icons()
        self.browser.setHtml(body)
        self.browser.document().setDocumentMargin(8)
        self.browser.verticalScrollBar().setValue(scroll)

    def _add_icons(self) -> None:
        """The state icons the summaries show as ``portwright-icon:<name>`` images, for this theme."""
        size = self.fontMetrics().height()
        document = self.browser.document()
        for name in STATE_ICON.values():
            pixmap = icons.icon(name).pixmap(QSize(size, size), self.devicePixelRatioF())
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"{_ICON_SCHEME}:{name}"), pixmap)

    def _muted(self) -> str:
        """Secondary text: between the text and the background, legible in both themes."""
        text, base = self.palette().color(QPalette.ColorRole.Text), self.palette().color(QPalette.ColorRole.Base)
        t, b = (text.red(), text.green(), text.blue()), (base.red(), base.green(), base.blue())
        return QColor(*(round(x * 0.55 + y * 0.45) for x, y in zip(t, b, strict=True))).name()

    def _dotted(self, name: str | None) -> str:
        """``Namespace.Name`` as the name, with the namespace underneath in small muted text."""
        if not name:
            return self._none()
        space, dot, short = name.rpartition(".")
        if not dot or not space or not short:
            return escape(name)
        return f"{escape(short)}<br><span style='color:{self._muted()}; font-size:small'>{escape(space)}</span>"

    def _title(self, icon_name: str, name: str, subtitle: str) -> str:
        return (
            f"<p style='margin-bottom:0'><img src='{_ICON_SCHEME}:{icon_name}'>&nbsp;"
            f"<span style='font-size:large; font-weight:600'>{escape(name)}</span></p>"
            f"<p style='margin-top:2px; color:{self._muted()}'>{escape(subtitle)}</p>"
        )

    def _table(self, rows: Sequence[tuple[str, str] | str]) -> str:
        """Label/value rows (values already HTML) and section headings (plain strings)."""
        out = ["<table width='100%' cellspacing='0' cellpadding='2'>"]
        for row in rows:
            if isinstance(row, str):
                out.append(f"<tr><td colspan='2' style='padding-top:8px'><b>{escape(row)}</b></td></tr>")
            else:
                out.append(
                    f"<tr><td valign='top' style='color:{self._muted()}; white-space:nowrap; "
                    f"padding-right:10px'>{escape(row[0])}</td><td valign='top'>{row[1]}</td></tr>"
                )
        out.append("</table>")
        return "".join(out)

    def _none(self) -> str:
        none = escape(self.tr("none"))
        return f"<span style='color:{self._muted()}'>{none}</span>"

    def _value(self, value: object) -> str:
        if value is None or value == "" or value == ():
            return self._none()
        if value is True or value is False:
            return escape(self.tr("Yes") if value else self.tr("No"))
        return escape(str(value))

    def _lines(self, items: Sequence[str]) -> str:
        return "<br>".join(escape(i) for i in items) if items else self._none()

    def _names(self, names: Sequence[str]) -> str:
        return "<br>".join(self._dotted(n) for n in names) if names else self._none()

    def _filter(self, f: Filter | None) -> str:
        return self._none() if f is None or f.is_empty else escape(f.text())

    def _transport(self, t: Transport) -> str:
        parts = [t.adapter_name or self.tr("no adapter"), t.address or self.tr("no address")]
        return escape(" — ".join(parts))

    def _retries(self, t: Transport) -> str:
        if is_token(t.retry_count) or is_token(t.retry_interval):
            return escape(fill(self.tr("%1 retries, every %2 minutes"), t.retry_count, t.retry_interval))
        count, interval = int(t.retry_count), int(t.retry_interval)
        if count == 0:
            return escape(self.tr("No retries"))
        retries = self.tr("1 retry") if count == 1 else self.tr("%n retries", "", count)
        every = self.tr("every minute") if interval == 1 else self.tr("every %n minutes", "", interval)
        return escape(fill(self.tr("%1, %2"), retries, every))

    def _tracking(self, port: SendPort) -> str:
        if is_token(port.tracking):
            return escape(str(port.tracking))
        words = {
            TrackingFlag.BODY_BEFORE_SEND: self.tr("Body before send"),
            TrackingFlag.BODY_AFTER_SEND: self.tr("Body after send"),
            TrackingFlag.BODY_BEFORE_RECEIVE: self.tr("Body before receive"),
            TrackingFlag.BODY_AFTER_RECEIVE: self.tr("Body after receive"),
            TrackingFlag.PROPERTIES_BEFORE_SEND: self.tr("Properties before send"),
            TrackingFlag.PROPERTIES_AFTER_SEND: self.tr("Properties after send"),
            TrackingFlag.PROPERTIES_BEFORE_RECEIVE: self.tr("Properties before receive"),
            TrackingFlag.PROPERTIES_AFTER_RECEIVE: self.tr("Properties after receive"),
        }
        return self._lines([w for flag, w in words.items() if int(port.tracking) & flag])

    def _port_html(self, name: str) -> str | None:
        entry = self._doc.entry(Kind.PORT, name)
        if entry is None:
            return None
        record = self._doc.port(name)
        port, t = record.model, record.model.primary_transport
        backup = port.secondary_transport
        groups = sorted(self._doc.groups_of(name))
        kind = port_kind_text(port.is_static is not False, port.is_two_way is True)
        rows: list[tuple[str, str] | str] = [
            (self.tr("Application"), self._value(record.application)),
            (self.tr("Description"), self._value(port.description)),
            self.tr("Transport"),
            (self.tr("Adapter"), self._value(port.adapter_name)),
            (self.tr("Address"), self._value(port.address)),
            (self.tr("Send handler"), self._value(t.send_handler.name if t and t.send_handler else None)),
            (self.tr("Retries"), self._retries(t) if t else self._none()),
            (
                self.tr("Backup transport"),
                self._transport(backup) if backup is not None and backup.is_configured else self._none(),
            ),
            self.tr("Processing"),
            (self.tr("Send pipeline"), self._dotted(port.send_pipeline.name if port.send_pipeline else None)),
        ]
        if port.is_two_way is True or port.receive_pipeline is not None:
            rows.append(
                (
                    self.tr("Receive pipeline"),
                    self._dotted(port.receive_pipeline.name if port.receive_pipeline else None),
                )
            )
        rows.append((self.tr("Outbound maps"), self._names([m.full_name for m in port.outbound_maps])))
        if port.is_two_way is True or port.inbound_maps:
            rows.append((self.tr("Inbound maps"), self._names([m.full_name for m in port.inbound_maps])))
        rows += [
            self.tr("Delivery"),
            (self.tr("Priority"), self._value(port.priority)),
            (self.tr("Ordered delivery"), self._value(port.ordered_delivery)),
            (self.tr("Tracking"), self._tracking(port)),
            self.tr("Subscription"),
            (self.tr("Filter"), self._filter(port.filter)),
            (self.tr("Groups"), self._lines(groups)),
            (self.tr("Orchestrations"), self._names(self._doc.bindings(Kind.PORT, name))),
        ]
        subtitle = fill(self.tr("%1 send port · %2"), kind, state_text(record.state))
        return self._title(STATE_ICON[record.state], name, subtitle) + self._table(rows)

    def _group_html(self, name: str) -> str | None:
        if self._doc.entry(Kind.GROUP, name) is None:
            return None
        record = self._doc.group(name)
        group = record.model
        missing = escape(self.tr("(does not exist)"))
        missing = f"<span style='color:#c0392b'>{missing}</span>"
        members = [
            escape(m) + ("" if self._doc.entry(Kind.PORT, m) is not None else "&nbsp;" + missing) for m in group.members
        ]
        rows: list[tuple[str, str] | str] = [
            (self.tr("Application"), self._value(record.application)),
            (self.tr("Description"), self._value(group.description)),
            (self.tr("Filter"), self._filter(group.filter)),
            (fill(self.tr("Members (%1)"), len(members)), "<br>".join(members) if members else self._none()),
            (self.tr("Orchestrations"), self._names(self._doc.bindings(Kind.GROUP, name))),
        ]
        subtitle = fill(self.tr("Send port group · %1"), state_text(record.state))
        return self._title(STATE_ICON[record.state], name, subtitle) + self._table(rows)

    def _many_html(self) -> str | None:
        entries = [e for e in (self._doc.entry(Kind(k), n) for k, n in self._keys) if e is not None]
        if not entries:
            return None
        by_state: Counter[tuple[Kind, State]] = Counter((e.kind, e.state) for e in entries)
        rows: list[tuple[str, str] | str] = []
        for kind, label in ((Kind.PORT, self.tr("Send ports")), (Kind.GROUP, self.tr("Send port groups"))):
            total = sum(n for (k, _s), n in by_state.items() if k is kind)
            if total:
                states = [
                    fill("%1 %2", by_state[(kind, s)], state_text(s))
                    for s in (State.STARTED, State.STOPPED, State.UNENLISTED)
                    if by_state[(kind, s)]
                ]
                rows.append((label, escape(fill(self.tr("%1 (%2)"), total, ", ".join(states)))))
        apps = sorted({e.application for e in entries})
        rows.append((self.tr("Applications"), self._lines(apps)))
        selected = escape(self.tr("%n items selected", "", len(entries)))
        title = f"<p style='font-size:large; font-weight:600'>{selected}</p>"
        return title + self._table(rows)
