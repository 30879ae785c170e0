"""The Deployment dock's Drift view: what differs between the target group and the design, one
row per difference (``model.deploy.drift``), as a table model.

A changed property's message is ``model.bindings.compare``'s ``'old' → 'new'`` (two ``repr``s,
shortened, passwords masked); it is split into the Target and Design columns only where both
sides read back as such values, else the whole message is shown across both (a row that
:meth:`DriftModel.spans` names).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from designer import icons
from designer.entry_text import fill
from designer.panels.problems_model import AnyIndex, TargetRole
from designer.panels.rows_model import RowsModel
from model.bindings.compare import Difference
from model.deploy.drift import Drift
from model.lifecycle import Kind, State
from model.validation import FIELDS

OBJECT, WHAT, TARGET, DESIGN = range(4)

#: ``_short``'s shortened ``repr``: cut, then closed with ``...'`` whatever quote it opened with
_CUT = re.compile(r"""^(['"]).*\.\.\.'$""", re.S)
_ARROW = " → "
_FIELD_OF_LABEL = {label: name for name, (label, _tag) in FIELDS.items()}


def state_text(state: State) -> str:
    return QCoreApplication.translate("Lifecycle", state.label)


def _value(text: str) -> str | None:
    """What one side of ``_change``'s message says, for a cell (None: not such a side)."""
    if text == "None":
        return QCoreApplication.translate("DeployModel", "(not set)")
    if _CUT.match(text):
        return text[1:-4] + "…"
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(value, str | int | float | bool):
        return None
    return str(value) if value != "" else QCoreApplication.translate("DeployModel", "(empty)")


def split_change(message: str) -> tuple[str, str] | None:
    """``message``'s two sides, if it is an ``'old' → 'new'`` change and there is only one way
    to read it as one (an arrow may be inside a value)."""
    parts = message.split(_ARROW)
    found = []
    for i in range(1, len(parts)):
        old, new = _value(_ARROW.join(parts[:i])), _value(_ARROW.join(parts[i:]))
        if old is not None and new is not None:
            found.append((old, new))
    return found[0] if len(found) == 1 else None


def field_of(label: str) -> str:
    """The field path (``primary_transport.address``) a difference's label names, as far as its
    steps are fields (the properties panel opens that page), else ""."""
    names = []
    for step in label.split(" › "):
        name = _FIELD_OF_LABEL.get(step)
        if name is None:
            break
        names.append(name)
    return ".".join(names)


@dataclass(frozen=True)
class DriftRow:
    kind: Kind
    name: str
    what: str
    target: str
    design: str
    #: the object in the design the row opens (None: only the target has it)
    opens: tuple[str, str, str] | None
    #: icon of the What column
    icon: str
    #: the message is not split: shown across the Target and Design columns
    whole: bool = False


def _kind(text: str) -> Kind:
    return Kind(text)


def _changes(kind: Kind, name: str, diffs: Sequence[Difference]) -> list[DriftRow]:
    rows = []
    for d in diffs:  # model.deploy.drift says each change once
        label = d.label or d.path
        sides = split_change(d.message)
        target, design = sides if sides is not None else (d.message, "")
        opens = (kind.value, name, field_of(label))
        rows.append(DriftRow(kind, name, label, target, design, opens, "properties", sides is None))
    return rows


def drift_rows(found: Drift) -> list[DriftRow]:
    """One row per difference, by object (ports first, then groups, by name); an object's rows
    say first whether it exists on both sides, then its properties, then its state."""
    report = found.report
    old_names = {(k, old) for k, old, _new in report.renamed}
    new_names = {(k, new) for k, _old, new in report.renamed}
    only_target = [x for x in report.removed if x not in old_names]
    present, absent = QCoreApplication.translate("DeployModel", "present"), "—"
    rows: list[tuple[int, DriftRow]] = []
    for kind, name in report.added:
        if (kind, name) not in new_names:
            k = _kind(kind)
            icon = "new-group" if k is Kind.GROUP else "new-port"
            row = DriftRow(
                k,
                name,
                QCoreApplication.translate("DeployModel", "only in the design"),
                absent,
                present,
                (kind, name, ""),
                icon,
            )
            rows.append((0, row))
    for kind, name in only_target:
        row = DriftRow(
            _kind(kind),
            name,
            QCoreApplication.translate("DeployModel", "only in the target"),
            present,
            absent,
            None,
            "delete",
        )
        rows.append((0, row))
    for kind, old, new in report.renamed:
        rows.append(
            (
                0,
                DriftRow(
                    _kind(kind),
                    new,
                    QCoreApplication.translate("DeployModel", "renamed"),
                    old,
                    new,
                    (kind, new, ""),
                    "rename",
                ),
            )
        )
    for (kind, name), diffs in report.changed.items():
        rows.extend((1, row) for row in _changes(_kind(kind), name, diffs))
    gone = {(_kind(k), n) for k, n in only_target}
    for s in found.states:
        opens = None if (s.kind, s.name) in gone else (s.kind.value, s.name, "")
        row = DriftRow(
            s.kind,
            s.name,
            QCoreApplication.translate("DeployModel", "State"),
            state_text(s.target),
            state_text(s.desired),
            opens,
            f"state-{s.desired.name.lower()}",
        )
        rows.append((2, row))
    rows.sort(key=lambda x: (x[1].kind is Kind.GROUP, x[1].name.casefold(), x[1].name, x[0]))  # stable within a part
    return [row for _part, row in rows]


class DriftModel(RowsModel):
    """Object, what differs, and the target's and the design's side of it."""

    def set_drift(self, found: Drift | None) -> None:
        self.reset_rows(drift_rows(found) if found is not None else [])

    def row(self, row: int) -> DriftRow | None:
        found: DriftRow | None = self.row_at(row)
        return found

    def spans(self) -> list[int]:
        """The rows whose message is shown across the Target and Design columns."""
        return [i for i, r in enumerate(self._rows) if r.whole]

    def headers(self) -> tuple[str, ...]:
        return (
            QCoreApplication.translate("DeployModel", "Object"),
            QCoreApplication.translate("DeployModel", "What"),
            QCoreApplication.translate("DeployModel", "Target"),
            QCoreApplication.translate("DeployModel", "Design"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.name, r.what, r.target, r.design)[col]
        if role == TargetRole:
            return r.opens
        if role == Qt.ItemDataRole.DecorationRole:
            if col == OBJECT:
                return icons.icon("send-port-group" if r.kind is Kind.GROUP else "send-port")
            if col == WHAT:
                return icons.icon(r.icon)
        if role == Qt.ItemDataRole.ToolTipRole:
            head = fill(
                QCoreApplication.translate("DeployModel", "Send port group '%1'")
                if r.kind is Kind.GROUP
                else QCoreApplication.translate("DeployModel", "Send port '%1'"),
                r.name,
            )
            if r.whole:
                return fill("%1\n%2: %3", head, r.what, r.target)
            return fill(
                QCoreApplication.translate("DeployModel", "%1\n%2\nTarget: %3\nDesign: %4"),
                head,
                r.what,
                r.target,
                r.design,
            )
        return None
