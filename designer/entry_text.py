"""What the panels and the canvas say about ports and groups (states, kinds of port, counts,
tooltips), translated, and placeholder filling for those sentences."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from model.lifecycle import Kind, State
from model.store import Entry

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *args: object) -> str:
    """``%1``, ``%2``... replaced in one pass (a name containing ``%2`` stays as it is)."""
    return _PLACEHOLDER.sub(
        lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m.group(0), template
    )


def state_text(state: State) -> str:
    """The Administration Console's word for a state."""
    return {
        State.STARTED: QCoreApplication.translate("Panels", "Started"),
        State.STOPPED: QCoreApplication.translate("Panels", "Stopped"),
        State.UNENLISTED: QCoreApplication.translate("Panels", "Unenlisted"),
    }[state]


def state_word(state: State) -> str:
    """The state as a word inside a sentence ("3 started")."""
    return {
        State.STARTED: QCoreApplication.translate("Panels", "started"),
        State.STOPPED: QCoreApplication.translate("Panels", "stopped"),
        State.UNENLISTED: QCoreApplication.translate("Panels", "unenlisted"),
    }[state]


def port_kind_text(is_static: bool, is_two_way: bool) -> str:
    """Static One-Way, Dynamic Solicit-Response...: the console's name for a send port's kind."""
    return {
        (True, False): QCoreApplication.translate("Panels", "Static One-Way"),
        (True, True): QCoreApplication.translate("Panels", "Static Solicit-Response"),
        (False, False): QCoreApplication.translate("Panels", "Dynamic One-Way"),
        (False, True): QCoreApplication.translate("Panels", "Dynamic Solicit-Response"),
    }[(bool(is_static), bool(is_two_way))]


def ports_text(n: int) -> str:
    return (
        QCoreApplication.translate("Panels", "%n port", None, n)
        if n == 1
        else QCoreApplication.translate("Panels", "%n ports", None, n)
    )


def groups_text(n: int) -> str:
    return (
        QCoreApplication.translate("Panels", "%n group", None, n)
        if n == 1
        else QCoreApplication.translate("Panels", "%n groups", None, n)
    )


STATE_ICON = {State.STARTED: "state-started", State.STOPPED: "state-stopped", State.UNENLISTED: "state-unenlisted"}


def entry_tooltip(e: Entry) -> str:
    """What a port or group is, in a few lines: kind, adapter and address or members, state."""
    if e.kind is Kind.PORT:
        lines = [
            e.name,
            fill(QCoreApplication.translate("Panels", "%1 send port"), port_kind_text(e.is_static, e.is_two_way)),
            fill(
                QCoreApplication.translate("Panels", "Adapter: %1"),
                e.adapter or QCoreApplication.translate("Panels", "none"),
            ),
            fill(
                QCoreApplication.translate("Panels", "Address: %1"),
                e.address or QCoreApplication.translate("Panels", "none"),
            ),
        ]
    else:
        more = len(e.members) - 12  # a name, not an expression: lupdate drops a call with one
        shown = ", ".join(e.members[:12]) + (
            QCoreApplication.translate("Panels", ", … (%n more)", None, more) if more > 0 else ""
        )
        lines = [
            e.name,
            QCoreApplication.translate("Panels", "Send port group"),
            fill(
                QCoreApplication.translate("Panels", "Members: %1"),
                shown or QCoreApplication.translate("Panels", "none"),
            ),
        ]
    lines.append(fill(QCoreApplication.translate("Panels", "State: %1"), state_text(e.state)))
    return "\n".join(lines)
