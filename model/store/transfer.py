"""Importing a binding document into a workspace, with BizTalk's rules for what exists, and
exporting one.

BizTalk overwrites a port of the same name (its maps and filters replaced), merges a
group's member list, and leaves what it creates unenlisted. Everything happens in one
transaction: an import that fails, or is killed, leaves the workspace as it was. An
export puts ports and groups back into the skeleton of the file most of them came from.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import cast, insert, select
from sqlalchemy.orm import Session

from model.bindings import BindingDocument
from model.bindings.binding_document import Origin
from model.bindings.fragments import (
    element_xml,
    fragment_style,
    namespace_declarations,
    skeleton_state,
)
from model.bindings.skeleton import Placed, _reindent, assemble_encoded
from model.bindings.writer import Style
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind, State
from model.store.errors import NotFoundError
from model.store.guards import check_import
from model.store.records import DEFAULT_APPLICATION, ImportSummary
from model.store.repository import WorkspaceRepository
from model.store.rows import PORT_INDENT, group_model, now, port_columns
from model.store.schema import (
    BINDING_TABLE,
    GROUP_TABLE,
    MEMBER_TABLE,
    PORT_TABLE,
    ApplicationRow,
    BindingRow,
    GroupRow,
    MemberRow,
    SendPortRow,
    SourceRow,
)
from model.store.sealing import SealedBytes
from model.store.skeletons import Skeleton, SkeletonCache
from model.store.unit_of_work import UnitOfWork, retried

#: Called now and then during an import with (objects done, objects in all).
Progress = Callable[[int, int], None]

_CHUNK = 500


def _text(
    doc: BindingDocument, obj: SendPort | SendPortGroup, new: SendPort | SendPortGroup
) -> tuple[str, str, int | None]:
    """(xml, indent, slot) of ``new``, written from where ``obj`` was read."""
    o = doc.origin(obj)
    if o is None or not doc.owns(o):
        return element_xml(new, None, PORT_INDENT), PORT_INDENT, None
    xml = o.raw if new is obj or new is o.model else element_xml(new, (o.raw, o.model), o.indent)
    return xml, o.indent, o.slot


@retried  # the lock order is the unit of work's (the counter row before any write)
def import_document(
    uow: UnitOfWork, doc: BindingDocument, application: str | None, name: str, progress: Progress | None
) -> ImportSummary:
    """Import ``doc`` (named ``name`` in the workspace and its audit log) in one unit of work."""
    namespaces = namespace_declarations(doc)
    summary = ImportSummary(name)
    total = len(doc.send_ports) + len(doc.groups)
    done = 0
    with uow:
        s = uow.session
        check_import(s, doc, application, name)  # every bad name and member listed, nothing written
        at = now()
        source = SourceRow(name=name, imported_at=at, imported_by=uow.user, skeleton=skeleton_state(doc))
        s.add(source)
        s.flush()
        summary.source_id = source.id
        apps: dict[str, int] = {n: i for n, i in s.execute(select(ApplicationRow.name, ApplicationRow.id))}

        def app_id(app: str) -> int:
            if app not in apps:
                row = ApplicationRow(name=app, references=[])
                s.add(row)
                s.flush()
                apps[app] = row.id
                summary.applications.append(app)
            return apps[app]

        existing = {n: (i, st) for n, i, st in s.execute(select(SendPortRow.name, SendPortRow.id, SendPortRow.state))}
        new_rows: list[dict[str, Any]] = []
        audit: list[dict[str, Any]] = []
        seen: set[str] = set()
        for port in doc.send_ports:
            # The file's ApplicationName is only rewritten when the import names an application.
            app = application or port.application or DEFAULT_APPLICATION
            model = (
                port if application is None or port.application == app else port.model_copy(update={"application": app})
            )
            xml, indent, slot = _text(doc, port, model)
            values = {
                "name": model.name,
                "application_id": app_id(app),
                "source_id": source.id,
                "xml": xml,
                "namespaces": namespaces,
                "indent": indent,
                "slot": slot,
                "updated_at": at,
                **port_columns(model),
            }
            if model.name in existing or model.name in seen:
                row = s.get(SendPortRow, existing[model.name][0]) if model.name in existing else None
                if row is None:  # the same name twice in one file: the later one wins, as in BizTalk
                    for r in new_rows:
                        if r["name"] == model.name:
                            r.update(values)
                else:
                    for k, v in values.items():
                        setattr(row, k, v)
                summary.replaced.append((Kind.PORT, model.name))
                audit.append({"kind": "port", "name": model.name, "detail": f"replaced from {name}"})
            else:
                new_rows.append({**values, "state": int(State.UNENLISTED), "version": 1})
                summary.created.append((Kind.PORT, model.name))
                audit.append(
                    {
                        "kind": "port",
                        "name": model.name,
                        "after": State.UNENLISTED.label,
                        "detail": f"created from {name}",
                    }
                )
            seen.add(model.name)
            done += 1
            if progress and done % _CHUNK == 0:
                progress(done, total)
        for i in range(0, len(new_rows), _CHUNK):
            s.execute(insert(PORT_TABLE), new_rows[i : i + _CHUNK])

        groups = {g.name: g for g in s.scalars(select(GroupRow))}
        new_groups: list[dict[str, Any]] = []
        new_members: dict[str, tuple[str, ...]] = {}
        for group in doc.groups:
            app = application or group.application or DEFAULT_APPLICATION
            gmodel = (
                group
                if application is None or group.application == app
                else group.model_copy(update={"application": app})
            )
            grow = groups.get(gmodel.name)
            if grow is None:
                xml, indent, slot = _text(doc, group, gmodel)
                gvalues = {
                    "name": gmodel.name,
                    "application_id": app_id(app),
                    "source_id": source.id,
                    "state": int(State.UNENLISTED),
                    "xml": xml,
                    "namespaces": namespaces,
                    "indent": indent,
                    "slot": slot,
                    "updated_at": at,
                    "version": 1,
                }
                if gmodel.name in new_members:  # the same name twice in one file: the later one wins
                    new_groups = [g for g in new_groups if g["name"] != gmodel.name]
                new_groups.append(gvalues)
                new_members[gmodel.name] = gmodel.members
                summary.created.append((Kind.GROUP, gmodel.name))
                audit.append(
                    {
                        "kind": "group",
                        "name": gmodel.name,
                        "after": State.UNENLISTED.label,
                        "detail": f"created from {name}",
                    }
                )
            else:
                current = group_model(grow)
                added = tuple(m for m in gmodel.members if m not in current.members)
                merged = gmodel.model_copy(update={"members": current.members + added})
                xml, indent, slot = _text(doc, group, merged)
                grow.xml, grow.namespaces, grow.indent, grow.slot = xml, namespaces, indent, slot
                grow.source_id, grow.application_id, grow.updated_at = source.id, app_id(app), at
                grow.members = [MemberRow(position=i, port_name=m) for i, m in enumerate(merged.members)]
                summary.merged.append((gmodel.name, added))
                audit.append(
                    {
                        "kind": "group",
                        "name": gmodel.name,
                        "detail": f"replaced from {name}; members merged (+{len(added)})",
                    }
                )
            done += 1
            if progress and done % _CHUNK == 0:
                progress(done, total)
        s.flush()
        if new_groups:
            table = GROUP_TABLE
            s.execute(insert(table), new_groups)
            ids = (
                {
                    n: i
                    for n, i in s.execute(
                        select(table.c.name, table.c.id).where(
                            table.c.source_id == source.id, table.c.name.in_(new_members)
                        )
                    )
                }
                if len(new_members) < 900
                else {
                    n: i for n, i in s.execute(select(table.c.name, table.c.id).where(table.c.source_id == source.id))
                }
            )
            members = [
                {"group_id": ids[g], "position": i, "port_name": m}
                for g, ms in new_members.items()
                for i, m in enumerate(ms)
            ]
            for i in range(0, len(members), _CHUNK * 4):
                s.execute(insert(MEMBER_TABLE), members[i : i + _CHUNK * 4])

        have = {tuple(r) for r in s.execute(select(BindingRow.kind, BindingRow.target, BindingRow.orchestration_port))}
        bindings = [
            {"kind": kind, "target": target, "orchestration_port": orch, "source_id": source.id}
            for kind, table in (("port", doc.orchestration_bindings), ("group", doc.group_bindings))
            for target, orchs in table.items()
            for orch in dict.fromkeys(orchs)
            if (kind, target, orch) not in have
        ]
        if bindings:
            s.execute(insert(BINDING_TABLE), bindings)
        uow.audit("import", audit)
        if progress:
            progress(total, total)
        uow.commit()
    return summary


class Selected(NamedTuple):
    """A port's or group's row as export reads it."""

    id: int
    name: str
    source_id: int | None
    slot: int | None
    xml: str | bytes  # bytes: UTF-8, as SQLite stores it
    indent: str


class Export(NamedTuple):
    """What an export writes, as read in one session: the rows chosen, in their files' order,
    and the skeleton (of the file most of them came from) they go back into."""

    port_rows: Sequence[Selected]
    group_rows: Sequence[Selected]
    source_id: int | None
    skeleton: Skeleton | None


def read_export(
    s: Session, skeletons: SkeletonCache, applications: Sequence[str], ports: Sequence[str], groups: Sequence[str]
) -> Export:
    """What to export: everything, some applications, or chosen ports and groups (see
    :meth:`Workspace.export`); NotFoundError for a name that does not exist."""
    port_rows, group_rows = _selection(s, applications, ports, groups)
    if (ports or groups) and not applications:
        # Chosen ports and groups only: a fresh document, so that nothing else of their file
        # (its receive locations, other ports' orchestration bindings, parties) goes with them.
        return Export(port_rows, group_rows, None, None)
    sources = Counter(map(itemgetter(2), port_rows))  # source_id
    sources.update(map(itemgetter(2), group_rows))
    sources.pop(None, None)
    if sources:
        source_id: int | None = sources.most_common(1)[0][0]
    elif not (applications or ports or groups):  # nothing but imported files' other content
        source_id = s.scalars(select(SourceRow.id).order_by(SourceRow.id.desc()).limit(1)).first()
    else:
        source_id = None
    return Export(port_rows, group_rows, source_id, skeletons.get(s, source_id) if source_id else None)


def write_export(export: Export) -> bytes:
    """The binding file of what :func:`read_export` chose (no database needed any more)."""
    port_rows, group_rows, source_id, skeleton = export
    if skeleton is None:
        fresh = BindingDocument()
        skeleton = Skeleton(list(fresh.pieces), fresh.style, "utf-8", b"", None)
    pieces, style, encoding, bom = skeleton.pieces, skeleton.style, skeleton.encoding, skeleton.bom
    # Stored UTF-8 going out as UTF-8 is copied as bytes (see _selection).
    keep_bytes = codecs.lookup(encoding).name == "utf-8"

    def placed(rows: Sequence[Selected]) -> list[Placed]:
        # an element of the source being written goes back into its own slot, as stored
        return [
            Placed(slot, xml if keep_bytes or isinstance(xml, str) else xml.decode())
            if source_id is not None and source == source_id and slot is not None
            else Placed(None, _moved(xml if isinstance(xml, str) else xml.decode(), indent, style))
            for _id, _name, source, slot, xml, indent in rows
        ]

    if skeleton.original_if_empty and not port_rows and not group_rows:
        return bom + skeleton.original_if_empty.encode(encoding, errors="xmlcharrefreplace")
    return bom + assemble_encoded(pieces, style, placed(port_rows), placed(group_rows), encoding)


def _selection(
    s: Session, applications: Sequence[str], ports: Sequence[str], groups: Sequence[str]
) -> tuple[list[Selected], list[Selected]]:
    rows_of = WorkspaceRepository(s)
    for app in applications:
        if not rows_of.has_application(app):
            raise NotFoundError("application", app)
    everything = not (applications or ports or groups)
    out: list[list[Selected]] = []
    for table, names, kind in ((PORT_TABLE, ports, "port"), (GROUP_TABLE, groups, "group")):
        # SQLite stores text as UTF-8: read as a BLOB, it comes out as those bytes, undecoded
        # (and unsealed: its secrets are stored sealed).
        xml = cast(table.c.xml, SealedBytes()) if s.get_bind().dialect.name == "sqlite" else table.c.xml
        cols = select(table.c.id, table.c.name, table.c.source_id, table.c.slot, xml, table.c.indent)
        order = (table.c.source_id, table.c.slot, table.c.id)
        rows: dict[int, Selected] = {}
        if everything:
            out.append(s.connection().execute(cols.order_by(*order)).all())  # type: ignore[arg-type]
            continue
        if applications:
            app_ids = select(ApplicationRow.id).where(ApplicationRow.name.in_(applications))
            rows.update(
                {
                    r.id: Selected(*r)
                    for r in s.execute(cols.where(table.c.application_id.in_(app_ids)).order_by(*order))
                }
            )
        for name in names:
            r = s.execute(cols.where(table.c.name == name)).first()
            if r is None:
                raise NotFoundError(kind, name)
            rows.setdefault(r.id, Selected(*r))
        out.append(list(rows.values()))
    return out[0], out[1]


def _moved(xml: str, old_indent: str, style: Style) -> Callable[[str], str]:
    """The text of an element written somewhere new: reindented to where it goes."""
    return lambda indent: _move(xml, old_indent, indent, style)


def _move(xml: str, old_indent: str, new_indent: str, style: Style) -> str:
    nl = fragment_style(xml, old_indent).newline
    if old_indent == new_indent and nl == style.newline:
        return xml
    return _reindent(xml, old_indent, new_indent, nl, style.newline)


__all__ = ["Export", "Origin", "Progress", "import_document", "read_export", "write_export"]
