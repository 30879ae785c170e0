"""Desired states: what each send port and group should be after deployment (enlisted,
started, or left as it is), kept with the design and read by deployment plans."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.lifecycle import Kind, State
from model.revisions import name_key
from model.store.errors import ConflictError, NotFoundError
from model.store.schema import GroupRow, SendPortRow
from model.store.unit_of_work import UnitOfWork, retried

_ROWS: dict[Kind, type[SendPortRow] | type[GroupRow]] = {Kind.PORT: SendPortRow, Kind.GROUP: GroupRow}


def desired_states(session: Session) -> dict[tuple[Kind, str], State]:
    """(kind, name) -> desired state, for those that have one."""
    out: dict[tuple[Kind, str], State] = {}
    for kind, row in _ROWS.items():
        for name, state in session.execute(select(row.name, row.desired_state).where(row.desired_state.is_not(None))):
            if state is not None:
                out[(kind, name)] = State(state)
    return out


@retried
def set_desired_states(
    uow: UnitOfWork,
    states: Mapping[tuple[Kind, str], State | None],
    expected: Mapping[tuple[Kind, str], State | None] | None = None,
) -> None:
    """Give each (kind, name) its desired state (None: left as it is), all or nothing, audited.
    With ``expected``, the states must still be those (read in the same transaction), else
    :class:`ConflictError` and nothing is written: a stale edit (an undo after someone else
    changed it) is refused."""
    with uow:
        audit = []
        for (kind, name), state in states.items():
            row_type = _ROWS[kind]
            found = uow.session.scalar(select(row_type).where(row_type.name_key == name_key(name)))
            row = found if isinstance(found, SendPortRow | GroupRow) else None
            if row is None:
                raise NotFoundError(kind.value, name)
            if expected is not None and (kind, name) in expected:
                was = expected[(kind, name)]
                if row.desired_state != (None if was is None else int(was)):
                    raise ConflictError(
                        f"the desired state of {kind.label} '{row.name}' was changed meanwhile, in another session"
                    )
            before = None if row.desired_state is None else State(row.desired_state).label
            after = None if state is None else state.label
            if before != after:
                row.desired_state = None if state is None else int(state)
                audit.append({"kind": kind.value, "name": row.name, "before": before, "after": after})
        uow.session.flush()
        uow.audit("desired state", audit)
        uow.commit()
