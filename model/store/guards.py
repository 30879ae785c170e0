"""The checks every write makes before it is kept: names and values the domain accepts,
BizTalk's rules still holding afterwards, and the version an edit was based on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from model import lifecycle
from model.bindings import BindingDocument
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind
from model.lifecycle_messages import named, not_member_kind, refusal
from model.revisions import InvalidRevision, check_revision, describe, name_key, name_problem, printable
from model.store.errors import ConflictError, DuplicateError, InvalidError, RuleError
from model.store.repository import WorkspaceRepository
from model.store.schema import NAME_KEY_APART, ApplicationRow, AuditRow, GroupRow, MemberRow, SendPortRow


def check_name(kind: Kind, name: str) -> None:
    """Refuse a name the domain does not accept (InvalidError)."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidError(f"{kind.label} name {name!r}: {problem}")


def check_name_free(rows: WorkspaceRepository, kind: Kind, name: str, renaming: str | None = None) -> None:
    """Refuse (DuplicateError) a name already taken as BizTalk compares names: ignoring case and
    Unicode normalisation. ``renaming``: the object's own old name, which does not count."""
    row, key = (SendPortRow if kind is Kind.PORT else GroupRow), name_key(name)
    same = or_(row.name_key == key, row.name_key.startswith(key + NAME_KEY_APART, autoescape=True))
    taken = [n for n in rows.session.scalars(select(row.name).where(same)) if n != renaming]
    if not taken:
        return
    if name in taken:
        raise DuplicateError(f"a {kind.label} named '{printable(name)}' already exists")
    raise DuplicateError(
        f"a {kind.label} named '{printable(taken[0])}' already exists, and '{printable(name)}' is the same "
        "name to BizTalk (names are compared ignoring case and Unicode normalisation)"
    )


def check_values(kind: Kind, name: str, old: SendPort | SendPortGroup | None, new: SendPort | SendPortGroup) -> None:
    """Refuse values the domain forbids, where ``new`` differs from ``old``."""
    try:
        check_revision(old, new)
    except InvalidRevision as e:
        raise InvalidError(f"{kind.label} '{name}': {e}") from None


@contextmanager
def rules_kept(rows: WorkspaceRepository) -> Iterator[None]:
    """Refuse (roll back) a write that leaves a state BizTalk's rules forbid, beyond what
    was already there (a file may name members deployed elsewhere)."""
    before = lifecycle.violations(rows.view())
    yield
    rows.session.flush()
    added = lifecycle.violations(rows.view()) - before
    if added:
        raise RuleError(f"refused: {sorted(added)[0]}; nothing was changed")


def stale(
    rows: WorkspaceRepository, kind: Kind, name: str, expected: int, actual: int, fields: Sequence[str] = ()
) -> ConflictError:
    """The conflict of an edit based on version ``expected`` when the object is at ``actual``:
    it names who changed the object last, and which fields both edits changed."""
    last = rows.session.execute(
        select(AuditRow.user, AuditRow.at, AuditRow.operation)
        .where(AuditRow.kind == kind.value, AuditRow.name == name)
        .order_by(AuditRow.id.desc())
        .limit(1)
    ).first()
    who = f" by {last.user} ({last.operation}, {last.at:%Y-%m-%d %H:%M} UTC)" if last else " by someone else"
    what = f"; both changed its {', '.join(describe(f) for f in fields)}" if fields else ""
    return ConflictError(
        f"{kind.label} '{name}' was changed{who} since it was read (version {expected} is "
        f"now {actual}){what}; nothing was saved. Reload and try again."
    )


# -- import: every name and membership of a file checked before anything is written ----------


def check_import(s: Session, doc: BindingDocument, application: str | None, source: str) -> None:
    """Refuse a file whose names the workspace cannot take (InvalidError) or whose groups list
    ports that cannot be members (RuleError), before anything is written: every problem is
    listed, with the line it is on, the same on every database."""
    names = _name_problems(s, doc, application)
    members = _member_problems(s, doc)
    if not names and not members:
        return
    problems = names + members
    listed = "".join(f"\n  {p}" for p in problems)
    what = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    message = f"{printable(source)}: not imported, nothing was changed; {what}:{listed}"
    raise InvalidError(message) if names else RuleError(message)


def _shown(name: str) -> str:
    """A name quoted for a message: escaped, and a very long one cut."""
    return f"'{printable(name if len(name) <= 60 else name[:40] + '...')}'"


def _where(doc: BindingDocument, obj: SendPort | SendPortGroup) -> str:
    origin = doc.origin(obj)
    return f"line {origin.line}: " if origin is not None else ""


def _keys(s: Session, row: type[SendPortRow | GroupRow | ApplicationRow]) -> dict[str, set[str]]:
    """Name key -> the names stored under it (two, where migration 0005 kept a pair apart)."""
    out: dict[str, set[str]] = {}
    for name, key in s.execute(select(row.name, row.name_key)):
        out.setdefault(key.split(NAME_KEY_APART)[0], set()).add(name)
    return out


def _name_problems(s: Session, doc: BindingDocument, application: str | None) -> list[str]:
    problems: list[str] = []
    seen: dict[str, dict[str, tuple[str, str]]] = {"send port": {}, "send port group": {}, "application": {}}
    stored = {"send port": _keys(s, SendPortRow), "send port group": _keys(s, GroupRow)}
    stored["application"] = _keys(s, ApplicationRow)

    def check(noun: str, name: str, where: str) -> None:
        key = name_key(name)
        first_name, first_where = seen[noun].setdefault(key, (name, where))
        if first_name == name and first_where != where and noun == "application":
            return  # an application is named by each of its ports: checked once
        problem = name_problem(name)
        if problem is None and first_name != name:
            at = f" ({first_where.removesuffix(': ')})" if first_where else ""
            problem = f"the same name to BizTalk as {noun} {_shown(first_name)}{at}, which differs only in case or Unicode form"
        if problem is None and key in stored[noun] and name not in stored[noun][key]:
            other = sorted(stored[noun][key])[0]
            problem = f"the workspace has {noun} {_shown(other)}, the same name to BizTalk (names are compared ignoring case and Unicode form)"
        if problem is not None:
            problems.append(f"{where}{noun} {_shown(name)}: {problem}")

    if application is not None:
        check("application", application, "option --application: ")
    objects: list[SendPort | SendPortGroup] = [*doc.send_ports, *doc.groups]
    for obj in objects:
        where = _where(doc, obj)
        check("send port" if isinstance(obj, SendPort) else "send port group", obj.name, where)
        if application is None and obj.application is not None:
            check("application", obj.application, where)
    return problems


def _member_problems(s: Session, doc: BindingDocument) -> list[str]:
    """The memberships this file would make that ``group add`` refuses: a dynamic or
    solicit-response send port as a member (of a group of the file, or of a stored group
    that lists a port of the file)."""
    kinds = {
        n: (bool(st), bool(tw))
        for n, st, tw in s.execute(select(SendPortRow.name, SendPortRow.is_static, SendPortRow.is_two_way))
    }
    from_file = {p.name: (p.is_static is not False, p.is_two_way is True) for p in doc.send_ports}
    kinds.update(from_file)
    pairs: dict[tuple[str, str], str] = {}
    for g in doc.groups:
        for m in g.members:
            pairs.setdefault((g.name, m), _where(doc, g))
    changed = sorted(n for n, (static, two_way) in from_file.items() if not static or two_way)
    if changed:
        q = select(GroupRow.name, MemberRow.port_name).join(MemberRow)
        if len(changed) <= 500:
            q = q.where(MemberRow.port_name.in_(changed))
        for g_name, m in s.execute(q):
            if m in from_file:
                pairs.setdefault((g_name, m), "")
    problems = []
    for (g_name, m), where in pairs.items():
        static, two_way = kinds.get(m, (True, False))
        if not static or two_way:
            what = f"{named('send port', [printable(m)])} to {named('send port group', [printable(g_name)])}"
            problems.append(f"{where}{refusal('add', what, not_member_kind(not static, two_way))}")
    return problems
