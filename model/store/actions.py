"""Lifecycle actions on a workspace: enlist, start, stop, unenlist, delete, add and remove
members, and bringing objects back to earlier states (undo of an action).

``model.lifecycle`` makes the plan from a view of the workspace, so the rules live once;
this module writes the plan. Each state is changed only from the state the plan saw and the
lifecycle counter must be what the plan read, so a concurrent change makes the action a
:class:`ConflictError` and nothing of it is written.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, update

from model import lifecycle
from model.domain import replace
from model.lifecycle import Action, Change, Deletion, Kind, MembershipChange, State, Subject, Transition
from model.store.errors import ConflictError, NotFoundError
from model.store.rows import group_model, now
from model.store.schema import GROUP_TABLE, PORT_TABLE, BindingRow
from model.store.unit_of_work import UnitOfWork, retried

_CHUNK = 500


@retried
def perform(
    uow: UnitOfWork,
    action: Action,
    subjects: Sequence[Subject],
    group: str | None,
    application: str | None,
    operation: str | None,
) -> list[Change]:
    """Plan ``action`` under BizTalk's rules and write it; see :meth:`Workspace.perform`."""
    with uow:
        rows = uow.rows
        if application is not None and not rows.has_application(application):
            raise NotFoundError("application", application)
        seen = uow.counter()
        changes = lifecycle.plan(rows.view(), action, subjects, group=group, application=application)
        uow.count_change(seen)
        apply_changes(uow, action, changes, operation)
        uow.commit()
    return changes


def restore_states(
    uow: UnitOfWork,
    states: Iterable[tuple[Kind, str, State]],
    operation: str,
    expected: Iterable[tuple[Kind, str, State]] | None,
) -> None:
    """Bring objects back to given states through BizTalk's own steps; see
    :meth:`Workspace.restore_states`."""
    _restore_states(uow, list(states), operation, None if expected is None else list(expected))


@retried
def _restore_states(
    uow: UnitOfWork,
    states: Sequence[tuple[Kind, str, State]],
    operation: str,
    expected: Sequence[tuple[Kind, str, State]] | None,
) -> None:
    targets = {(k, n): st for k, n, st in states}
    with uow:
        rows = uow.rows
        seen = uow.counter()
        # One read of every state (no row, no XML): the view the plan is made on anyway.
        view = rows.view()
        for kind, name in targets:
            if name not in (view.ports if kind is Kind.PORT else view.groups):
                raise NotFoundError(kind.value, name)
        for kind, name, state in expected or ():
            if (kind, name) in targets and (now_state := view_state(view, kind, name)) is not state:
                raise ConflictError(
                    f"{kind.label} '{name}' is now {now_state.label}, changed "
                    f"by someone else since (it was {state.label}); nothing was changed. "
                    "Reload and try again."
                )
        changes: list[Change] = []
        for action in (Action.STOP, Action.UNENLIST, Action.ENLIST, Action.START):
            subjects = [
                Subject(k, n)
                for (k, n), target in targets.items()
                if _step_towards(view_state(view, k, n), target) is action
            ]
            if subjects:
                step = lifecycle.plan(view, action, subjects)
                view = lifecycle.apply_plan(view, step)
                changes += step
        uow.count_change(seen)
        apply_changes(uow, Action.START, changes, operation)
        uow.commit()


def apply_changes(uow: UnitOfWork, action: Action, changes: Sequence[Change], operation: str | None = None) -> None:
    """Write a plan: each object's final state (conditional on the state the plan saw),
    member lists, deletions, and the audit entries (under ``operation`` or the action's name)."""
    s, rows = uow.session, uow.rows
    finals: dict[tuple[Kind, str], list[State]] = {}
    audit: list[dict[str, Any]] = []
    for c in changes:
        if isinstance(c, Transition):
            pair = finals.setdefault((c.kind, c.name), [c.before, c.after])
            pair[1] = c.after
    at = now()
    batches: dict[tuple[Kind, State, State], list[str]] = {}
    for (kind, name), (before, after) in finals.items():
        batches.setdefault((kind, before, after), []).append(name)
        audit.append({"kind": kind.value, "name": name, "before": before.label, "after": after.label})
    for (kind, before, after), names in batches.items():
        table = PORT_TABLE if kind is Kind.PORT else GROUP_TABLE
        for i in range(0, len(names), _CHUNK):
            chunk = names[i : i + _CHUNK]
            # Conditional on the state the plan saw: a concurrent change makes this a conflict.
            result = s.execute(
                update(table)
                .where(table.c.name.in_(chunk), table.c.state == int(before))
                .values(state=int(after), version=table.c.version + 1, updated_at=at)
            )
            if result.rowcount != len(chunk):  # type: ignore[attr-defined]
                raise ConflictError(
                    f"some of the selected {kind.label}s were changed by someone else meanwhile; "
                    "nothing was changed. Refresh and try again."
                )
    by_group: dict[str, list[MembershipChange]] = {}
    for c in changes:
        if isinstance(c, MembershipChange):
            by_group.setdefault(c.group, []).append(c)
    for group_name, group_changes in by_group.items():
        row = rows.group_row(group_name)
        old = group_model(row)
        members = list(old.members)
        for m in group_changes:
            if m.added and m.port not in members:
                members.append(m.port)
            elif not m.added and m.port in members:
                members.remove(m.port)
            audit.append(
                {
                    "kind": "group",
                    "name": group_name,
                    "detail": f"{'added' if m.added else 'removed'} member '{m.port}'",
                }
            )
        rows.set_group(row, old, replace(old, members=tuple(members)))
    for c in changes:
        if isinstance(c, Deletion):
            doomed = rows.placed_row(c.kind, c.name)
            if doomed is None:
                raise ConflictError(
                    f"{c.kind.label} '{c.name}' was deleted by someone else meanwhile; "
                    "nothing was changed. Refresh and try again."
                )
            audit.append(
                {"kind": c.kind.value, "name": c.name, "before": State(doomed.state).label, "detail": "deleted"}
            )
            s.delete(doomed)
            s.execute(delete(BindingRow).where(BindingRow.kind == c.kind.value, BindingRow.target == c.name))
    uow.audit(operation or action.value, audit)


def view_state(view: lifecycle.View, kind: Kind, name: str) -> State:
    """The state of a port or group in ``view``."""
    return (view.ports if kind is Kind.PORT else view.groups)[name].state


def _step_towards(now_state: State, target: State) -> Action | None:
    """The one lifecycle action that moves ``now_state`` towards ``target`` (None when there)."""
    if now_state is target:
        return None
    if target is State.UNENLISTED:
        return Action.UNENLIST
    if target is State.STARTED:
        return Action.START
    return Action.STOP if now_state is State.STARTED else Action.ENLIST
