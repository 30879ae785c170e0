"""Words the panels share (states, kinds of port), translated, and placeholder filling."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from model.lifecycle import State

_PLACEHOLDER = re.compile(r"%(\d)")


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Panels", text, None, n)


def fill(template: str, *args: object) -> str:
    """``%1``, ``%2``... replaced in one pass (a name containing ``%2`` stays as it is)."""
    return _PLACEHOLDER.sub(lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args)
                            else m.group(0), template)


def state_text(state: State) -> str:
    """The Administration Console's word for a state."""
    return {State.STARTED: tr("Started"), State.STOPPED: tr("Stopped"), State.UNENLISTED: tr("Unenlisted")}[state]


def port_kind_text(is_static: bool, is_two_way: bool) -> str:
    """Static One-Way, Dynamic Solicit-Response...: the console's name for a send port's kind."""
    return {(True, False): tr("Static One-Way"), (True, True): tr("Static Solicit-Response"),
            (False, False): tr("Dynamic One-Way"), (False, True): tr("Dynamic Solicit-Response")}[
        (bool(is_static), bool(is_two_way))]


def ports_text(n: int) -> str:
    return tr("%n port", n) if n == 1 else tr("%n ports", n)


def groups_text(n: int) -> str:
    return tr("%n group", n) if n == 1 else tr("%n groups", n)


STATE_ICON = {State.STARTED: "state-started", State.STOPPED: "state-stopped", State.UNENLISTED: "state-unenlisted"}
