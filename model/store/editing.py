"""Editing a workspace: creating, changing, renaming and removing ports and groups, and
putting back what an undo needs (snapshots, states, imports reverted)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from model import lifecycle
from model.bindings.fragments import STANDARD_NAMESPACES, element_xml
from model.domain import SendPort, SendPortGroup, replace
from model.lifecycle import Action, Change, Deletion, Kind, State, Subject
from model.revisions import InvalidRevision, changed_paths, check_revision, describe, merge_edits, name_problem
from model.store import references
from model.store.errors import ConflictError, DuplicateError, InvalidError, NotFoundError, RuleError
from model.store.reading import _Reading
from model.store.records import DEFAULT_APPLICATION, GroupRecord, ImportSummary, PortRecord, Snapshot
from model.store.rows import PORT_INDENT, _STATE, _group_model, _now, _port_columns, _port_model
from model.store.schema import (
    GROUP_TABLE,
    PORT_TABLE,
    ApplicationRow,
    AuditRow,
    BindingRow,
    GroupRow,
    MemberRow,
    SendPortRow,
    SourceRow,
)


class _Editing(_Reading):
    """The workspace's edits: each one transaction, audited, refused on a stale version."""

    if TYPE_CHECKING:  # provided by Workspace, which owns the transactions
        def _tx(self, bump: bool = True, checked: bool = False) -> AbstractContextManager[Session]: ...

        @staticmethod
        def _bump(s: Session, seen: int | None = None) -> None: ...

        def _audit(self, s: Session, operation: str, rows: Iterable[dict[str, Any]]) -> None: ...

        @staticmethod
        def _counter(s: Session) -> int: ...

        def _apply(self, s: Session, action: Action, changes: Sequence[Change], operation: str | None = None
                   ) -> None: ...

    # -- checks every write makes -----------------------------------------------------------

    @staticmethod
    def _check_name(kind: Kind, name: str) -> None:
        problem = name_problem(name)
        if problem is not None:
            raise InvalidError(f"{kind.label} name {name!r}: {problem}")

    @staticmethod
    def _check(kind: Kind, name: str, old: SendPort | SendPortGroup | None, new: SendPort | SendPortGroup) -> None:
        """Refuse values the domain forbids, where ``new`` differs from ``old``."""
        try:
            check_revision(old, new)
        except InvalidRevision as e:
            raise InvalidError(f"{kind.label} '{name}': {e}") from None

    @contextmanager
    def _ruled(self, s: Session) -> Iterator[None]:
        """Refuse (roll back) a write that leaves a state BizTalk's rules forbid, beyond what
        was already there (a file may name members deployed elsewhere)."""
        before = lifecycle.violations(self._view(s))
        yield
        s.flush()
        added = lifecycle.violations(self._view(s)) - before
        if added:
            raise RuleError(f"refused: {sorted(added)[0]}; nothing was changed")

    def _stale(self, s: Session, kind: Kind, name: str, expected: int, actual: int,
               fields: Sequence[str] = ()) -> ConflictError:
        """A conflict naming who changed the object last, and which fields collide."""
        last = s.execute(select(AuditRow.user, AuditRow.at, AuditRow.operation)
                         .where(AuditRow.kind == kind.value, AuditRow.name == name)
                         .order_by(AuditRow.id.desc()).limit(1)).first()
        who = f" by {last.user} ({last.operation}, {last.at:%Y-%m-%d %H:%M} UTC)" if last else " by someone else"
        what = f"; both changed its {', '.join(describe(f) for f in fields)}" if fields else ""
        return ConflictError(f"{kind.label} '{name}' was changed{who} since it was read (version {expected} is "
                             f"now {actual}){what}; nothing was saved. Reload and try again.")

    # -- creating -----------------------------------------------------------------------------

    def create_port(self, port: SendPort, application: str | None = None, *, x: float | None = None,
                    y: float | None = None, operation: str = "create") -> PortRecord:
        record = self.create([(port, application, x, y)], (), operation=operation)[0]
        assert isinstance(record, PortRecord)
        return record

    def create_group(self, group: SendPortGroup, application: str | None = None, *, x: float | None = None,
                     y: float | None = None, operation: str = "create") -> GroupRecord:
        record = self.create((), [(group, application, x, y)], operation=operation)[0]
        assert isinstance(record, GroupRecord)
        return record

    def create(self, ports: Sequence[tuple[SendPort, str | None, float | None, float | None]] = (),
               groups: Sequence[tuple[SendPortGroup, str | None, float | None, float | None]] = (), *,
               operation: str = "create") -> list[PortRecord | GroupRecord]:
        """Create new, unenlisted ports and groups (application, x, y each), all or nothing."""
        out: list[PortRecord | GroupRecord] = []
        audit: list[dict[str, Any]] = []
        with self._tx(checked=True) as s, self._ruled(s):
            for kind, cls, items in ((Kind.PORT, SendPortRow, ports), (Kind.GROUP, GroupRow, groups)):
                for model, application, x, y in items:
                    app = application or model.application or DEFAULT_APPLICATION
                    self._check_name(kind, model.name)
                    self._check(kind, model.name, None, model)
                    if model.application != app:
                        model = replace(model, application=app)
                    if s.scalar(select(func.count()).select_from(cls).where(cls.name == model.name)):
                        raise DuplicateError(f"a {kind.label} named '{model.name}' already exists")
                    xml = element_xml(model, None, PORT_INDENT)
                    common: dict[str, Any] = dict(
                        name=model.name, application=self._app(s, app), state=int(State.UNENLISTED), xml=xml,
                        namespaces=STANDARD_NAMESPACES, indent=PORT_INDENT, x=x, y=y, updated_at=_now())
                    row: SendPortRow | GroupRow
                    if isinstance(model, SendPort):
                        row = SendPortRow(**common, **_port_columns(model))
                    else:
                        row = GroupRow(**common, members=[MemberRow(position=i, port_name=m)
                                                          for i, m in enumerate(model.members)])
                    s.add(row)
                    s.flush()
                    record_cls = PortRecord if isinstance(model, SendPort) else GroupRecord
                    out.append(record_cls(model, State.UNENLISTED, app, row.version, xml, x, y))  # type: ignore[arg-type]
                    audit.append({"kind": kind.value, "name": model.name, "after": State.UNENLISTED.label})
            self._audit(s, operation, audit)
        return out

    # -- changing settings --------------------------------------------------------------------

    def _revision(self, s: Session, kind: Kind, name: str, row: SendPortRow | GroupRow, current: Any, new: Any,
                  expected_version: int | None, base: Any) -> Any:
        """What to write: ``new``, or my edit merged over a concurrent one (``base`` is the copy
        the edit started from); ConflictError when both changed the same field."""
        if new.name != name:
            raise InvalidError(f"use rename to change a {kind.label}'s name")
        if expected_version is None or row.version == expected_version:
            return new
        if base is None:
            raise self._stale(s, kind, name, expected_version, row.version)
        merge = merge_edits(base, new, current)
        if merge.result is None:
            raise self._stale(s, kind, name, expected_version, row.version, merge.conflicts)
        return merge.result

    def update_port(self, name: str, port: SendPort, expected_version: int | None = None, *,
                    base: SendPort | None = None, operation: str = "edit") -> PortRecord:
        """Replace a port's settings (not its name: see :meth:`rename`). With ``expected_version``
        a concurrent change is refused, or merged field by field when ``base`` (the copy the
        edit started from) shows the two edits touched different fields."""
        with self._tx(bump=False) as s:
            row = self._port_row(s, name)
            old = _port_model(row)
            port = self._revision(s, Kind.PORT, name, row, old, port, expected_version, base)
            self._check(Kind.PORT, name, old, port)
            if port == old:
                return PortRecord(old, _STATE[row.state], row.application.name, row.version, row.xml, row.x, row.y,
                                  old)
            rules_see_it = (port.application, port.is_static, port.is_two_way) != (
                old.application, old.is_static, old.is_two_way)
            with self._ruled(s) if rules_see_it else nullcontext():
                row.xml = element_xml(port, (row.xml, old), row.indent)
                for k, v in _port_columns(port).items():
                    setattr(row, k, v)
                if port.application and port.application != row.application.name:
                    row.application = self._app(s, port.application)
                    self._bump(s)  # membership rules look at applications
                elif (port.is_static, port.is_two_way) != (old.is_static, old.is_two_way):
                    self._bump(s)  # membership rules look at the port's kind
                row.updated_at = _now()
            self._audit(s, operation, [{"kind": "port", "name": name, "detail": _fields(old, port)}])
            return PortRecord(port, _STATE[row.state], row.application.name, row.version, row.xml, row.x, row.y,
                              old)

    def update_group(self, name: str, group: SendPortGroup, expected_version: int | None = None, *,
                     base: SendPortGroup | None = None, operation: str = "edit") -> GroupRecord:
        """Replace a group's settings and members; member changes follow the membership rules
        (the same as adding and removing members one by one)."""
        with self._tx(bump=False) as s:
            seen = self._counter(s)
            row = self._group_row(s, name)
            current = _group_model(row)
            group = self._revision(s, Kind.GROUP, name, row, current, group, expected_version, base)
            self._check(Kind.GROUP, name, current, group)
            if group == current:
                return GroupRecord(current, _STATE[row.state], row.application.name, row.version, row.xml,
                                   row.x, row.y, current)
            rules_see_it = (current.members, current.application) != (group.members, group.application)
            with self._ruled(s) if rules_see_it else nullcontext():
                if current.members != group.members:
                    self._check_membership(s, name, current.members, group.members)
                    self._bump(s, seen)  # lifecycle rules look at members: planned from what was read
                self._set_group(s, row, current, group)
                if group.application and group.application != row.application.name:
                    row.application = self._app(s, group.application)
                    self._bump(s)
            self._audit(s, operation, [{"kind": "group", "name": name, "detail": _fields(current, group)}])
            return GroupRecord(group, _STATE[row.state], row.application.name, row.version, row.xml, row.x, row.y,
                               current)

    def _check_membership(self, s: Session, group: str, old: Sequence[str], new: Sequence[str]) -> None:
        """Members leaving and joining, planned as BizTalk's remove/add (LifecycleError if refused)."""
        view = self._view(s)
        removed = [m for m in dict.fromkeys(old) if m not in new]
        added = [m for m in dict.fromkeys(new) if m not in old]
        if removed:
            view = lifecycle.apply_plan(view, lifecycle.plan(
                view, Action.REMOVE_MEMBER, [Subject.port(m) for m in removed], group=group))
        if added:
            lifecycle.plan(view, Action.ADD_MEMBER, [Subject.port(m) for m in added], group=group)

    # -- renaming -----------------------------------------------------------------------------

    def rename(self, kind: Kind, old: str, new: str, operation: str = "rename") -> list[tuple[Kind, str]]:
        """Rename a port or a group, following every reference: group members, orchestration
        bindings and parties (in the workspace and in what export writes), and filters that
        name the port. Returns the other objects whose text changed."""
        self._check_name(kind, new)
        touched: list[tuple[Kind, str]] = []
        with self._tx(checked=True) as s:
            row: SendPortRow | GroupRow
            if kind is Kind.PORT:
                row = self._port_row(s, old)
                if new != old and s.scalar(select(func.count()).select_from(SendPortRow)
                                           .where(SendPortRow.name == new)):
                    raise DuplicateError(f"a send port named '{new}' already exists")
                model = _port_model(row)
                renamed = replace(model, name=new)
                row.xml, row.name = element_xml(renamed, (row.xml, model), row.indent), new
                for grow in s.scalars(select(GroupRow).join(MemberRow).where(MemberRow.port_name == old)).unique():
                    g = _group_model(grow)
                    self._set_group(s, grow, g, replace(g, members=tuple(new if m == old else m for m in g.members)))
                    touched.append((Kind.GROUP, grow.name))
                s.flush()
                touched += references.rename_in_filters(s, old, new)
            else:
                row = self._group_row(s, old)
                if new != old and s.scalar(select(func.count()).select_from(GroupRow).where(GroupRow.name == new)):
                    raise DuplicateError(f"a send port group named '{new}' already exists")
                g = _group_model(row)
                self._set_group(s, row, g, replace(g, name=new))
                row.name = new
            files = references.rename_in_sources(s, kind, old, new)
            s.execute(update(BindingRow).where(BindingRow.kind == kind.value, BindingRow.target == old)
                      .values(target=new))
            row.updated_at = _now()
            s.flush()
            detail = f"renamed from '{old}'" + (f"; references in {len(files)} imported file(s)" if files else "")
            self._audit(s, operation, [{"kind": kind.value, "name": new, "detail": detail}])
        return list(dict.fromkeys(k for k in touched if k != (kind, new)))

    def set_references(self, application: str, references: Sequence[str]) -> None:
        """Which applications ``application`` references (needed for members of other applications)."""
        with self._tx() as s:
            row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == application)).one_or_none()
            if row is None:
                raise NotFoundError("application", application)
            for ref in references:
                if ref != application and not s.scalar(
                        select(func.count()).select_from(ApplicationRow).where(ApplicationRow.name == ref)):
                    raise NotFoundError("application", ref)
            before = ", ".join(row.references or []) or None
            row.references = sorted(set(references))
            self._audit(s, "references", [{"kind": "application", "name": application, "before": before,
                                           "after": ", ".join(row.references) or None}])

    def set_positions(self, positions: dict[tuple[Kind, str], tuple[float, float]]) -> None:
        """Canvas positions (not versioned: moving a node never conflicts with an edit)."""
        with self._tx(bump=False) as s:
            for kind, table in ((Kind.PORT, PORT_TABLE), (Kind.GROUP, GROUP_TABLE)):
                rows = [{"n": name, "px": x, "py": y} for (k, name), (x, y) in positions.items() if k is kind]
                if rows:
                    s.connection().execute(update(table).where(table.c.name == bindparam("n"))
                                           .values(x=bindparam("px"), y=bindparam("py")), rows)

    def snapshots(self, keys: Iterable[tuple[Kind, str]]) -> list[Snapshot]:
        """Snapshots of those of ``keys`` that exist (what an import would replace, for undo)."""
        out = []
        for kind, name in keys:
            try:
                out.append(self.snapshot(kind, name))
            except NotFoundError:
                pass
        return out

    def snapshot(self, kind: Kind, name: str) -> Snapshot:
        with self._read() as s:
            if kind is Kind.PORT:
                prow = self._port_row(s, name)
                bindings = tuple(s.scalars(select(BindingRow.orchestration_port).where(
                    BindingRow.kind == "port", BindingRow.target == name)))
                return Snapshot(kind, _port_model(prow), State(prow.state), prow.application.name, prow.xml,
                                prow.indent, prow.slot, prow.source_id, prow.x, prow.y, bindings, prow.namespaces)
            grow = self._group_row(s, name)
            return Snapshot(kind, _group_model(grow), State(grow.state), grow.application.name, grow.xml,
                            grow.indent, grow.slot, grow.source_id, grow.x, grow.y, (), grow.namespaces)

    def restore(self, snaps: Snapshot | Sequence[Snapshot], operation: str = "undo") -> None:
        """Put deleted ports or groups back exactly as they were (undo of delete, redo of
        create); refused when a name is taken meanwhile or the rules would break."""
        snaps = [snaps] if isinstance(snaps, Snapshot) else list(snaps)
        with self._tx(checked=True) as s, self._ruled(s):
            for snap in snaps:
                kind = snap.kind
                self._check_name(kind, snap.model.name)
                if self._placed_row(s, kind, snap.model.name) is not None:
                    raise DuplicateError(f"a {kind.label} named '{snap.model.name}' exists again (someone else "
                                         "created it meanwhile); nothing was changed")
                self._restore_row(s, snap)
            self._audit(s, operation, [{"kind": snap.kind.value, "name": snap.model.name, "after": snap.state.label,
                                        "detail": "restored"} for snap in snaps])

    def _restore_row(self, s: Session, snap: Snapshot) -> None:
        common: dict[str, Any] = dict(
            name=snap.model.name, application=self._app(s, snap.application), state=int(snap.state),
            xml=snap.xml, namespaces=snap.namespaces, indent=snap.indent, slot=snap.slot,
            source_id=(snap.source_id if snap.source_id is None or s.get(SourceRow, snap.source_id) is not None
                       else None),
            x=snap.x, y=snap.y, updated_at=_now())
        if isinstance(snap.model, SendPort):
            s.add(SendPortRow(**common, **_port_columns(snap.model)))
            have = set(s.scalars(select(BindingRow.orchestration_port).where(
                BindingRow.kind == "port", BindingRow.target == snap.model.name)))
            for orch in snap.bindings:
                if orch not in have:
                    s.add(BindingRow(kind="port", target=snap.model.name, orchestration_port=orch))
        else:
            s.add(GroupRow(**common, members=[MemberRow(position=i, port_name=m)
                                              for i, m in enumerate(snap.model.members)]))
        s.flush()

    def remove(self, keys: Sequence[tuple[Kind, str]], operation: str = "undo",
               versions: dict[tuple[Kind, str], int] | None = None) -> None:
        """Remove ports or groups (undo of create, redo of paste) under the delete rules:
        unenlisted, in no group, bound to no orchestration; with ``versions``, refused when
        someone changed one of them since."""
        with self._tx() as s:
            seen = self._counter(s)
            for kind, name in keys:
                row = self._placed_row(s, kind, name)
                if row is None:
                    raise NotFoundError(kind.value, name)
                expected = (versions or {}).get((kind, name))
                if expected is not None and row.version != expected:
                    raise self._stale(s, kind, name, expected, row.version)
            subjects = [Subject(kind, name) for kind, name in keys]
            changes = lifecycle.plan(self._view(s), Action.DELETE, subjects)
            self._bump(s, seen)
            for c in changes:
                if isinstance(c, Deletion):
                    row = self._placed_row(s, c.kind, c.name)
                    s.delete(row)
                    s.execute(delete(BindingRow).where(BindingRow.kind == c.kind.value, BindingRow.target == c.name))
            self._audit(s, operation, [{"kind": k.value, "name": n, "detail": "removed"} for k, n in keys])

    def revert_import(self, summary: ImportSummary, before: Sequence[Snapshot], operation: str = "undo import",
                      versions: dict[tuple[Kind, str], int] | None = None) -> None:
        """Undo an import: remove what it created, put back what it replaced, drop its file.
        With ``versions`` (what the import left), refused when someone changed any of it since;
        refused too when the result would break BizTalk's rules."""
        with self._tx(checked=True) as s, self._ruled(s):
            merged = [(Kind.GROUP, g) for g, _added in summary.merged]
            for kind, name in summary.created + summary.replaced + merged:
                row = self._placed_row(s, kind, name)
                expected = (versions or {}).get((kind, name))
                if row is not None and expected is not None and row.version != expected:
                    raise self._stale(s, kind, name, expected, row.version)
                if row is not None:
                    s.delete(row)
            s.flush()
            if summary.source_id is not None:
                s.execute(delete(BindingRow).where(BindingRow.source_id == summary.source_id))
                s.execute(delete(SourceRow).where(SourceRow.id == summary.source_id))
            for snap in before:
                self._restore_row(s, snap)
            for app in summary.applications:
                app_row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == app)).one_or_none()
                if app_row is not None and not s.scalar(select(func.count()).select_from(SendPortRow).where(
                        SendPortRow.application_id == app_row.id)) and not s.scalar(select(func.count()).select_from(
                        GroupRow).where(GroupRow.application_id == app_row.id)):
                    s.delete(app_row)
            self._audit(s, operation, [{"detail": f"reverted import of {summary.source}"}])

    def restore_states(self, states: Iterable[tuple[Kind, str, State]], operation: str = "undo",
                       expected: Iterable[tuple[Kind, str, State]] | None = None) -> None:
        """Bring objects back to given states (undo of a lifecycle action) through BizTalk's own
        steps (stop, unenlist, enlist, start), so the rules hold; with ``expected`` (the states
        the action left), refused when someone changed one of them since."""
        targets = {(k, n): st for k, n, st in states}
        with self._tx() as s:
            seen = self._counter(s)
            now_states: dict[tuple[Kind, str], State] = {}
            for kind, name in targets:
                row = self._placed_row(s, kind, name)
                if row is None:
                    raise NotFoundError(kind.value, name)
                now_states[(kind, name)] = _STATE[row.state]
            for kind, name, state in expected or ():
                if (kind, name) in now_states and now_states[(kind, name)] is not state:
                    raise ConflictError(f"{kind.label} '{name}' is now {now_states[(kind, name)].label}, changed "
                                        f"by someone else since (it was {state.label}); nothing was changed. "
                                        "Reload and try again.")
            view = self._view(s)
            changes: list[Change] = []
            for action in (Action.STOP, Action.UNENLIST, Action.ENLIST, Action.START):
                subjects = [Subject(k, n) for (k, n), target in targets.items()
                            if _step_towards(view_state(view, k, n), target) is action]
                if subjects:
                    step = lifecycle.plan(view, action, subjects)
                    view = lifecycle.apply_plan(view, step)
                    changes += step
            self._bump(s, seen)
            self._apply(s, Action.START, changes, operation)

    # -- rows an edit needs -----------------------------------------------------------------

    def _app(self, s: Session, name: str, created: list[str] | None = None) -> ApplicationRow:
        row = s.scalars(select(ApplicationRow).where(ApplicationRow.name == name)).one_or_none()
        if row is None:
            row = ApplicationRow(name=name, references=[])
            s.add(row)
            s.flush()
            if created is not None:
                created.append(name)
        return row

    def _set_group(self, s: Session, row: GroupRow, old: SendPortGroup, new: SendPortGroup) -> None:
        row.xml = element_xml(new, (row.xml, old), row.indent)
        row.members = [MemberRow(position=i, port_name=m) for i, m in enumerate(new.members)]
        row.updated_at = _now()
        s.flush()


def view_state(view: lifecycle.View, kind: Kind, name: str) -> State:
    return (view.ports if kind is Kind.PORT else view.groups)[name].state


def _step_towards(now: State, target: State) -> Action | None:
    """The one lifecycle action that moves ``now`` towards ``target`` (None when there)."""
    if now is target:
        return None
    if target is State.UNENLISTED:
        return Action.UNENLIST
    if target is State.STARTED:
        return Action.START
    return Action.STOP if now is State.STARTED else Action.ENLIST


def _fields(old: SendPort | SendPortGroup, new: SendPort | SendPortGroup) -> str | None:
    """Which settings an edit changed, in words (never their values: some are secrets)."""
    paths = changed_paths(old, new)
    return ("changed " + ", ".join(dict.fromkeys(describe(p) for p in paths))) if paths else None
