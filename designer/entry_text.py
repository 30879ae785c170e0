"""What the panels and the canvas say about ports and groups (states, kinds of port, counts,
tooltips), translated, and placeholder filling for those sentences."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from model.lifecycle import Kind, State
from model.store import Entry

_PLACEHOLDER = re.compile(r"%(\d)")


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Panels", text, None, n)


def fill(template: str, *args: object) -> str:
    """``%1``, ``%2``... replaced in one pass (a name containing ``%2`` stays as it is)."""
    return _PLACEHOLDER.sub(
        lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m.group(0), template
    )


def state_text(state: State) -> str:
    """The Administration Console's word for a state."""
    return {State.STARTED: tr("Started"), State.STOPPED: tr("Stopped"), State.UNENLISTED: tr("Unenlisted")}[state]


def state_word(state: State) -> str:
    """The state as a word inside a sentence ("3 started")."""
    return {State.STARTED: tr("started"), State.STOPPED: tr("stopped"), State.UNENLISTED: tr("unenlisted")}[state]


def port_kind_text(is_static: bool, is_two_way: bool) -> str:
    """Static One-Way, Dynamic Solicit-Response...: the console's name for a send port's kind."""
    return {
        (True, False): tr("Static One-Way"),
        (True, True): tr("Static Solicit-Response"),
        (False, False): tr("Dynamic One-Way"),
        (False, True): tr("Dynamic Solicit-Response"),
    }[(bool(is_static), bool(is_two_way))]


def ports_text(n: int) -> str:
    return tr("%n port", n) if n == 1 else tr("%n ports", n)


def groups_text(n: int) -> str:
    return tr("%n group", n) if n == 1 else tr("%n groups", n)


STATE_ICON = {State.STARTED: "state-started", State.STOPPED: "state-stopped", State.UNENLISTED: "state-unenlisted"}


def entry_tooltip(e: Entry) -> str:
    """What a port or group is, in a few lines: kind, adapter and address or members, state."""
    if e.kind is Kind.PORT:
        lines = [
            e.name,
            fill(tr("%1 send port"), port_kind_text(e.is_static, e.is_two_way)),
            fill(tr("Adapter: %1"), e.adapter or tr("none")),
            fill(tr("Address: %1"), e.address or tr("none")),
        ]
    else:
        shown = ", ".join(e.members[:12]) + (tr(", … (%n more)", len(e.members) - 12) if len(e.members) > 12 else "")
        lines = [e.name, tr("Send port group"), fill(tr("Members: %1"), shown or tr("none"))]
    lines.append(fill(tr("State: %1"), state_text(e.state)))
    return "\n".join(lines)
