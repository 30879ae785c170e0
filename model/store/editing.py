"""Editing a workspace: creating ports and groups, changing their settings, renaming them,
and the applications' references and canvas positions.

Each function is one unit of work, audited, refused on a stale version (or merged field by
field when that is safe) and refused when the result breaks BizTalk's rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any, TypeVar, cast

from sqlalchemy import bindparam, select, update

from model import lifecycle
from model.bindings.fragments import STANDARD_NAMESPACES, element_xml
from model.domain import SendPort, SendPortGroup, replace
from model.lifecycle import Action, Kind, State, Subject
from model.revisions import changed_paths, describe, merge_edits, name_problem, printable
from model.store import references
from model.store.errors import DuplicateError, InvalidError, NotFoundError, RuleError
from model.store.guards import check_name, check_name_free, check_values, rules_kept, stale
from model.store.records import DEFAULT_APPLICATION, GroupRecord, PortRecord
from model.store.repository import WorkspaceRepository
from model.store.rows import PORT_INDENT, STATES, group_model, now, port_columns, port_model
from model.store.schema import GROUP_TABLE, PORT_TABLE, BindingRow, GroupRow, MemberRow, SendPortRow
from model.store.unit_of_work import UnitOfWork, retried

_Model = TypeVar("_Model", SendPort, SendPortGroup)


@retried
def create(
    uow: UnitOfWork,
    ports: Sequence[tuple[SendPort, str | None, float | None, float | None]],
    groups: Sequence[tuple[SendPortGroup, str | None, float | None, float | None]],
    operation: str,
) -> list[PortRecord | GroupRecord]:
    """Create new, unenlisted ports and groups (application, x, y each), all or nothing."""
    out: list[PortRecord | GroupRecord] = []
    audit: list[dict[str, Any]] = []
    with uow:
        s, rows = uow.session, uow.rows
        with rules_kept(rows):
            for kind, items in ((Kind.PORT, ports), (Kind.GROUP, groups)):
                for model, application, x, y in items:
                    app = application or model.application or DEFAULT_APPLICATION
                    check_name(kind, model.name)
                    check_values(kind, model.name, None, model)
                    if model.application != app:
                        model = replace(model, application=app)
                    check_name_free(rows, kind, model.name)
                    xml = element_xml(model, None, PORT_INDENT)
                    common: dict[str, Any] = dict(
                        name=model.name,
                        application=rows.application(app),
                        state=int(State.UNENLISTED),
                        xml=xml,
                        namespaces=STANDARD_NAMESPACES,
                        indent=PORT_INDENT,
                        x=x,
                        y=y,
                        updated_at=now(),
                    )
                    row: SendPortRow | GroupRow
                    if isinstance(model, SendPort):
                        row = SendPortRow(**common, **port_columns(model))
                    else:
                        row = GroupRow(
                            **common, members=[MemberRow(position=i, port_name=m) for i, m in enumerate(model.members)]
                        )
                    s.add(row)
                    s.flush()
                    record_cls = PortRecord if isinstance(model, SendPort) else GroupRecord
                    out.append(record_cls(model, State.UNENLISTED, app, row.version, xml, x, y))  # type: ignore[arg-type]
                    audit.append({"kind": kind.value, "name": model.name, "after": State.UNENLISTED.label})
            uow.audit(operation, audit)
        uow.commit()
    return out


def _revision(
    rows: WorkspaceRepository,
    kind: Kind,
    name: str,
    row: SendPortRow | GroupRow,
    current: _Model,
    new: _Model,
    expected_version: int | None,
    base: _Model | None,
) -> _Model:
    """What to write: ``new``, or my edit merged over a concurrent one (``base`` is the copy
    the edit started from); ConflictError when both changed the same field."""
    if new.name != name:
        raise InvalidError(f"use rename to change a {kind.label}'s name")
    if expected_version is None or row.version == expected_version:
        return new
    if base is None:
        raise stale(rows, kind, name, expected_version, row.version)
    merge = merge_edits(base, new, current)
    if merge.result is None:
        raise stale(rows, kind, name, expected_version, row.version, merge.conflicts)
    return cast(_Model, merge.result)  # the merge of two ports is a port, of two groups a group


def edit_port(
    uow: UnitOfWork, name: str, port: SendPort, expected_version: int | None, base: SendPort | None
) -> tuple[SendPortRow, SendPort, SendPort]:
    """Inside an open unit of work: the port's row, its settings before and after ``port`` is
    written into it (merged over a concurrent change where ``base`` allows, checked against the
    domain and BizTalk's rules). Nothing is written when the two are equal. Neither audits nor
    commits: :func:`update_port` and ``bulk_edit.update_ports`` do."""
    rows = uow.rows
    row = rows.port_row(name)
    old = port_model(row)
    port = _revision(rows, Kind.PORT, name, row, old, port, expected_version, base)
    check_values(Kind.PORT, name, old, port)
    if port == old:
        return row, old, old
    rules_see_it = (port.application, port.is_static, port.is_two_way) != (
        old.application,
        old.is_static,
        old.is_two_way,
    )
    with rules_kept(rows) if rules_see_it else nullcontext():
        row.xml = element_xml(port, (row.xml, old), row.indent)
        for k, v in port_columns(port).items():
            setattr(row, k, v)
        if port.application and port.application != row.application.name:
            row.application = rows.application(port.application)
            uow.count_change()  # membership rules look at applications
        elif (port.is_static, port.is_two_way) != (old.is_static, old.is_two_way):
            uow.count_change()  # membership rules look at the port's kind
        row.updated_at = now()
    uow.session.flush()  # the row's new version, for the record
    return row, old, port


def port_audit(name: str, old: SendPort, new: SendPort) -> dict[str, Any]:
    """The audit row of a port's edit: which settings changed, in words (never their values)."""
    return {"kind": "port", "name": name, "detail": _fields(old, new)}


@retried
def update_port(
    uow: UnitOfWork, name: str, port: SendPort, expected_version: int | None, base: SendPort | None, operation: str
) -> PortRecord:
    """Replace a port's settings (not its name); see :meth:`Workspace.update_port`."""
    with uow:
        row, old, port = edit_port(uow, name, port, expected_version, base)
        record = PortRecord(port, STATES[row.state], row.application.name, row.version, row.xml, row.x, row.y, old)
        if port is old:  # nothing to write: the unit of work is left without a commit
            return record
        uow.audit(operation, [port_audit(name, old, port)])
        uow.commit()
    return record


@retried
def update_group(
    uow: UnitOfWork,
    name: str,
    group: SendPortGroup,
    expected_version: int | None,
    base: SendPortGroup | None,
    operation: str,
) -> GroupRecord:
    """Replace a group's settings and members; see :meth:`Workspace.update_group`."""
    with uow:
        rows = uow.rows
        seen = uow.counter()
        row = rows.group_row(name)
        current = group_model(row)
        group = _revision(rows, Kind.GROUP, name, row, current, group, expected_version, base)
        check_values(Kind.GROUP, name, current, group)
        if group == current:  # nothing to write: the unit of work is left without a commit
            return GroupRecord(
                current, STATES[row.state], row.application.name, row.version, row.xml, row.x, row.y, current
            )
        rules_see_it = (current.members, current.application) != (group.members, group.application)
        with rules_kept(rows) if rules_see_it else nullcontext():
            if current.members != group.members:
                _check_membership(rows, name, current.members, group.members)
                uow.count_change(seen)  # lifecycle rules look at members: planned from what was read
            rows.set_group(row, current, group)
            if group.application and group.application != row.application.name:
                row.application = rows.application(group.application)
                uow.count_change()
        uow.audit(operation, [{"kind": "group", "name": name, "detail": _fields(current, group)}])
        record = GroupRecord(
            group, STATES[row.state], row.application.name, row.version, row.xml, row.x, row.y, current
        )
        uow.commit()
    return record


def _check_membership(rows: WorkspaceRepository, group: str, old: Sequence[str], new: Sequence[str]) -> None:
    """Members leaving and joining, planned as BizTalk's remove/add (LifecycleError if refused)."""
    view = rows.view()
    removed = [m for m in dict.fromkeys(old) if m not in new]
    added = [m for m in dict.fromkeys(new) if m not in old]
    if removed:
        view = lifecycle.apply_plan(
            view, lifecycle.plan(view, Action.REMOVE_MEMBER, [Subject.port(m) for m in removed], group=group)
        )
    if added:
        lifecycle.plan(view, Action.ADD_MEMBER, [Subject.port(m) for m in added], group=group)


@retried
def rename(uow: UnitOfWork, kind: Kind, old: str, new: str, operation: str) -> list[tuple[Kind, str]]:
    """Rename a port or a group, following every reference; see :meth:`Workspace.rename`."""
    check_name(kind, new)
    touched: list[tuple[Kind, str]] = []
    with uow:
        s, rows = uow.session, uow.rows
        row: SendPortRow | GroupRow
        if kind is Kind.PORT:
            row = rows.port_row(old)
            check_name_free(rows, Kind.PORT, new, renaming=old)
            model = port_model(row)
            renamed = replace(model, name=new)
            row.xml, row.name = element_xml(renamed, (row.xml, model), row.indent), new
            s.flush()  # the first write takes the workspace's write lock: the members read next are all there are
            for grow in s.scalars(select(GroupRow).join(MemberRow).where(MemberRow.port_name == old)).unique():
                g = group_model(grow)
                rows.set_group(grow, g, replace(g, members=tuple(new if m == old else m for m in g.members)))
                touched.append((Kind.GROUP, grow.name))
            s.flush()
            touched += references.rename_in_filters(s, old, new)
        else:
            row = rows.group_row(old)
            check_name_free(rows, Kind.GROUP, new, renaming=old)
            g = group_model(row)
            rows.set_group(row, g, replace(g, name=new))
            row.name = new
        files = references.rename_in_sources(s, kind, old, new)
        s.execute(update(BindingRow).where(BindingRow.kind == kind.value, BindingRow.target == old).values(target=new))
        row.updated_at = now()
        s.flush()
        detail = f"renamed from '{old}'" + (f"; references in {len(files)} imported file(s)" if files else "")
        uow.audit(operation, [{"kind": kind.value, "name": new, "detail": detail}])
        uow.commit()
    return list(dict.fromkeys(k for k in touched if k != (kind, new)))


@retried
def create_application(uow: UnitOfWork, name: str, references: Sequence[str] = ()) -> None:
    """A new, empty application (with the applications it references), audited; refused
    (DuplicateError) when one of that name exists, (NotFoundError) for an unknown reference."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidError(f"application name {name!r}: {problem}")
    with uow:
        rows = uow.rows
        if rows.application_row(name) is not None:
            raise DuplicateError(f"an application named '{printable(name)}' already exists")
        for ref in references:
            if ref == name or not rows.has_application(ref):
                raise NotFoundError("application", ref)
        row = rows.application(name)
        row.references = sorted(set(references))
        after = ", ".join(row.references) or None
        uow.audit("create application", [{"kind": "application", "name": name, "before": None, "after": after}])
        uow.commit()


def _reference_loop(graph: dict[str, frozenset[str]], application: str, names: Sequence[str]) -> list[str]:
    """The applications of a loop back to ``application`` if it referenced ``names`` (empty: none)."""
    seen: set[str] = set()
    stack = [(r, [application, r]) for r in names if r != application]
    while stack:
        app, path = stack.pop()
        if app == application:
            return path
        if app in seen:
            continue
        seen.add(app)
        stack.extend((r, [*path, r]) for r in sorted(graph.get(app, frozenset())))
    return []


@retried
def set_references(uow: UnitOfWork, application: str, names: Sequence[str]) -> None:
    """Which applications ``application`` references (needed for members of other applications)."""
    with uow:
        rows = uow.rows
        row = rows.application_row(application)
        if row is None:
            raise NotFoundError("application", application)
        for ref in names:
            if ref != application and not rows.has_application(ref):
                raise NotFoundError("application", ref)
        loop = _reference_loop(rows.references(), application, names)
        if loop:
            path = " → ".join(f"'{printable(a)}'" for a in loop)
            raise RuleError(f"refused: a circular reference ({path}); BizTalk does not allow one; nothing was changed")
        before = ", ".join(row.references or []) or None
        row.references = sorted(set(names))
        uow.audit(
            "references",
            [
                {
                    "kind": "application",
                    "name": application,
                    "before": before,
                    "after": ", ".join(row.references) or None,
                }
            ],
        )
        uow.commit()


@retried
def set_positions(uow: UnitOfWork, positions: dict[tuple[Kind, str], tuple[float, float]]) -> None:
    """Canvas positions (not versioned: moving a node never conflicts with an edit)."""
    with uow:
        for kind, table in ((Kind.PORT, PORT_TABLE), (Kind.GROUP, GROUP_TABLE)):
            batch = [{"n": name, "px": x, "py": y} for (k, name), (x, y) in positions.items() if k is kind]
            if batch:
                uow.session.connection().execute(
                    update(table).where(table.c.name == bindparam("n")).values(x=bindparam("px"), y=bindparam("py")),
                    batch,
                )
        uow.commit()


def _fields(old: SendPort | SendPortGroup, new: SendPort | SendPortGroup) -> str | None:
    """Which settings an edit changed, in words (never their values: some are secrets)."""
    paths = changed_paths(old, new)
    return ("changed " + ", ".join(dict.fromkeys(describe(p) for p in paths))) if paths else None
