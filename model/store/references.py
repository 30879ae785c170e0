"""What a rename must follow besides the object itself: references to a send port or group
elsewhere in the workspace and in what export writes.

- Group members (``SendPorts/SendPortRef`` of a group) and orchestration binding rows are
  rows and columns: the editing service updates them.
- Orchestration bindings (``ModuleRefCollection/.../Port/SendPortRef`` and
  ``DistributionListRef``) and parties (``PartyCollection/Party/SendPorts/SendPortRef``) live
  in the imported files' skeletons: rewritten here, text only, so the rest stays byte for byte.
- Filters of other ports and groups that name the port (``BTS.SendPortName == old``):
  rewritten through the domain model and the minimal text merge.
"""

from __future__ import annotations

import html
import re
from typing import Any
from xml.sax.saxutils import quoteattr

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from model.bindings.fragments import element_xml
from model.domain import Filter, FilterGroup, SendPort, SendPortGroup, replace
from model.lifecycle import Kind
from model.store.rows import group_model, now, port_model
from model.store.schema import GroupRow, SendPortRow, SourceRow

#: Filter properties whose value is a send port's name.
PORT_NAME_PROPERTIES = ("BTS.SendPortName", "BTS.SPName")

_TAGS = {Kind.PORT: "SendPortRef", Kind.GROUP: "DistributionListRef"}


def _attr(value: str, quote: str) -> str:
    text = quoteattr(value, {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
    if quote == '"' and text.startswith("'"):  # quoteattr picks the quote; keep the file's
        text = '"' + text[1:-1].replace('"', "&quot;") + '"'
    if quote == "'" and text.startswith('"'):
        text = "'" + text[1:-1].replace("'", "&apos;") + "'"
    return text[1:-1]


def rename_in_text(text: str, kind: Kind, old: str, new: str) -> str:
    """``text`` with every ``<SendPortRef Name="old">`` (ports) or ``<DistributionListRef
    Name="old">`` (groups) naming ``new`` instead; everything else untouched."""
    tag = _TAGS[kind]
    if tag not in text:
        return text
    pattern = re.compile(r"(<(?:\w+:)?" + tag + r"\b[^>]*?\bName\s*=\s*)([\"'])(.*?)\2", re.S)

    def sub(m: re.Match[str]) -> str:
        if html.unescape(m.group(3)) != old:
            return m.group(0)
        q = m.group(2)
        return f"{m.group(1)}{q}{_attr(new, q)}{q}"

    return pattern.sub(sub, text)


def _rename_in_state(state: dict[str, Any], kind: Kind, old: str, new: str) -> bool:
    changed = False
    pieces = state.get("pieces", [])
    for i, piece in enumerate(pieces):
        if isinstance(piece, str):
            renamed = rename_in_text(piece, kind, old, new)
            if renamed != piece:
                pieces[i], changed = renamed, True
        else:
            items = piece.get("items", [])
            for j, item in enumerate(items):
                if isinstance(item, str):
                    renamed = rename_in_text(item, kind, old, new)
                    if renamed != item:
                        items[j], changed = renamed, True
    original = state.get("original_if_empty")
    if isinstance(original, str):
        renamed = rename_in_text(original, kind, old, new)
        if renamed != original:
            state["original_if_empty"], changed = renamed, True
    return changed


def rename_in_sources(s: Session, kind: Kind, old: str, new: str) -> list[str]:
    """Rewrite orchestration and party references in every imported file's skeleton; the
    names of the files changed."""
    tag = _TAGS[kind]
    changed: list[str] = []
    for row in s.scalars(select(SourceRow)):
        state = row.skeleton
        if tag not in repr(state):
            continue
        copy = _deep_copy(state)
        if _rename_in_state(copy, kind, old, new):
            row.skeleton = copy
            flag_modified(row, "skeleton")
            row.revision = (row.revision or 0) + 1
            changed.append(row.name)
    return changed


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def renamed_filter(flt: Filter | None, old: str, new: str) -> Filter | None:
    """``flt`` with statements comparing a send port name property to ``old`` now naming ``new``."""
    if flt is None or not any(
        st.property in PORT_NAME_PROPERTIES and st.value == old for g in flt.groups for st in g.statements
    ):
        return flt
    groups = tuple(
        FilterGroup(
            statements=tuple(
                replace(st, value=new) if st.property in PORT_NAME_PROPERTIES and st.value == old else st
                for st in g.statements
            )
        )
        for g in flt.groups
    )
    return replace(flt, groups=groups)


def rename_in_filters(s: Session, old: str, new: str) -> list[tuple[Kind, str]]:
    """Rewrite filters of ports and groups that name send port ``old``; which were changed."""
    changed: list[tuple[Kind, str]] = []
    at = now()
    rows: list[SendPortRow | GroupRow] = [
        *s.scalars(
            select(SendPortRow).where(SendPortRow.xml.contains("SendPortName") | SendPortRow.xml.contains("SPName"))
        ),
        *s.scalars(select(GroupRow).where(GroupRow.xml.contains("SendPortName") | GroupRow.xml.contains("SPName"))),
    ]
    for row in rows:
        model: SendPort | SendPortGroup = port_model(row) if isinstance(row, SendPortRow) else group_model(row)
        flt = renamed_filter(model.filter, old, new)
        if flt is model.filter:
            continue
        revised = replace(model, filter=flt)
        row.xml = element_xml(revised, (row.xml, model), row.indent)
        row.updated_at = at
        changed.append((Kind.PORT if isinstance(row, SendPortRow) else Kind.GROUP, row.name))
    return changed
