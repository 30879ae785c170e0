"""The data of the send port lifecycle: states, actions, the view rules read, and outcomes.

Plain immutable values (enums and frozen dataclasses) shared by `model.lifecycle`, which
holds the rules, and by whoever builds a `View` or applies a plan; plus `Simulation`, the
one place that says what each change does to a view. Standard library only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import TypeAlias

from model import lifecycle_messages as msg


class State(IntEnum):
    """Run state of a send port or group; the values are BizTalk's (1 is called Bound)."""

    UNENLISTED = 1
    STOPPED = 2
    STARTED = 3

    @property
    def label(self) -> str:
        """The Administration Console's word for the state."""
        return self.name.capitalize()

    @classmethod
    def parse(cls, text: str | int) -> State:
        """Read a state from a console word, a BizTalk alias (Bound, Enlisted) or 1..3."""
        key = str(text).strip().casefold()
        if key.isdigit() and 1 <= int(key) <= 3:
            return cls(int(key))
        if key in _STATE_WORDS:
            return _STATE_WORDS[key]
        raise ValueError(
            f"Unknown send port state {text!r}: expected Unenlisted (or Bound), "
            "Stopped (or Enlisted), Started, or a number from 1 to 3."
        )


_STATE_WORDS = {
    "unenlisted": State.UNENLISTED,
    "bound": State.UNENLISTED,
    "stopped": State.STOPPED,
    "enlisted": State.STOPPED,
    "started": State.STARTED,
}


class Action(StrEnum):
    """Everything a user can ask of the lifecycle; values are stable ids for commands/CLI."""

    ENLIST = "enlist"
    UNENLIST = "unenlist"
    START = "start"
    STOP = "stop"
    DELETE = "delete"
    ADD_MEMBER = "add_member"
    REMOVE_MEMBER = "remove_member"
    START_APPLICATION = "start_application"
    STOP_APPLICATION = "stop_application"

    @property
    def label(self) -> str:
        """The user-facing name of the action (menu, button, audit log)."""
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.ENLIST: "Enlist",
    Action.UNENLIST: "Unenlist",
    Action.START: "Start",
    Action.STOP: "Stop",
    Action.DELETE: "Delete",
    Action.ADD_MEMBER: "Add to group",
    Action.REMOVE_MEMBER: "Remove from group",
    Action.START_APPLICATION: "Start application",
    Action.STOP_APPLICATION: "Stop application",
}

#: Actions a toolbar offers for the selected objects themselves.
SELECTION_ACTIONS = (
    Action.ENLIST,
    Action.START,
    Action.STOP,
    Action.UNENLIST,
    Action.DELETE,
)
#: Actions on the application that the selected objects belong to.
APPLICATION_ACTIONS = (Action.START_APPLICATION, Action.STOP_APPLICATION)


class Kind(StrEnum):
    """What a subject is: a send port or a send port group."""

    PORT = "port"
    GROUP = "group"

    @property
    def label(self) -> str:
        """The noun used in sentences: 'send port' or 'send port group'."""
        return "send port" if self is Kind.PORT else "send port group"


@dataclass(frozen=True, slots=True)
class PortInfo:
    """What the lifecycle needs to know about one send port."""

    name: str
    state: State
    application: str | None = None
    is_static: bool = True
    is_two_way: bool = False
    orchestrations: tuple[str, ...] = ()  # orchestration ports bound to this send port


@dataclass(frozen=True, slots=True)
class GroupInfo:
    """What the lifecycle needs to know about one send port group."""

    name: str
    state: State
    application: str | None = None
    members: tuple[str, ...] = ()  # port names; may name ports the view does not hold


@dataclass(frozen=True)
class Memberships:
    """Who belongs where, indexed once so that no rule scans every group per port: the groups
    listing each port (view order), each group's members, and how many distinct members exist
    and are enlisted (stopped or started)."""

    groups_of: Mapping[str, tuple[str, ...]]
    members_of: Mapping[str, frozenset[str]]
    enlisted: Mapping[str, int]

    @classmethod
    def of(cls, ports: Mapping[str, PortInfo], groups: Mapping[str, GroupInfo]) -> Memberships:
        groups_of: dict[str, tuple[str, ...]] = {}
        members_of: dict[str, frozenset[str]] = {}
        enlisted: dict[str, int] = {}
        for g in groups.values():
            members = frozenset(g.members)
            members_of[g.name] = members
            count = 0
            for m in members:
                groups_of[m] = (*groups_of.get(m, ()), g.name)
                port = ports.get(m)
                count += port is not None and port.state is not State.UNENLISTED
            enlisted[g.name] = count
        return cls(groups_of, members_of, enlisted)


@dataclass(frozen=True)
class View:
    """An immutable snapshot of the send ports and groups that rules are checked against."""

    ports: Mapping[str, PortInfo]
    groups: Mapping[str, GroupInfo]
    # application name -> the applications it references (needed for foreign members)
    references: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Copy behind read-only proxies so that mutating the caller's dicts cannot alter a View.
        object.__setattr__(self, "ports", MappingProxyType(dict(self.ports)))
        object.__setattr__(self, "groups", MappingProxyType(dict(self.groups)))
        object.__setattr__(self, "references", MappingProxyType(dict(self.references)))

    @classmethod
    def of(
        cls,
        ports: Iterable[PortInfo] = (),
        groups: Iterable[GroupInfo] = (),
        references: Mapping[str, frozenset[str]] | None = None,
    ) -> View:
        """Build a view from infos, keyed by their names."""
        return cls({p.name: p for p in ports}, {g.name: g for g in groups}, references or {})

    @cached_property
    def memberships(self) -> Memberships:
        """The view's membership index, built on first use (a view never changes)."""
        return Memberships.of(self.ports, self.groups)

    def groups_of(self, port_name: str) -> list[GroupInfo]:
        """The groups that list the port as a member, in view order."""
        return [self.groups[g] for g in self.memberships.groups_of.get(port_name, ())]

    def with_state(self, kind: Kind, name: str, state: State) -> View:
        """A copy of the view with one object in another state; KeyError if it is unknown."""
        if kind is Kind.PORT and name in self.ports:
            port = replace(self.ports[name], state=state)
            return replace(self, ports={**self.ports, name: port})
        if kind is Kind.GROUP and name in self.groups:
            group = replace(self.groups[name], state=state)
            return replace(self, groups={**self.groups, name: group})
        raise KeyError(msg.no_such(kind.label, name))


@dataclass(frozen=True, slots=True)
class Subject:
    """A selected object: which kind, which name."""

    kind: Kind
    name: str

    @classmethod
    def port(cls, name: str) -> Subject:
        """The send port called `name`."""
        return cls(Kind.PORT, name)

    @classmethod
    def group(cls, name: str) -> Subject:
        """The send port group called `name`."""
        return cls(Kind.GROUP, name)


@dataclass(frozen=True, slots=True)
class Transition:
    """One BizTalk state step of one object, with both ends for undo and the audit log."""

    kind: Kind
    name: str
    before: State
    after: State


@dataclass(frozen=True, slots=True)
class Deletion:
    """An object removed; deleting a group leaves its member ports in place."""

    kind: Kind
    name: str


@dataclass(frozen=True, slots=True)
class MembershipChange:
    """A port added to (added=True) or removed from a group's member list."""

    group: str
    port: str
    added: bool


#: One step of a plan; a workspace applies a plan by matching on these three types.
Change: TypeAlias = Transition | Deletion | MembershipChange


class LifecycleError(Exception):
    """A refused lifecycle action: what was asked, of what, in which state, and why."""

    def __init__(self, action: Action, subject: Subject | None, state: State | None, reason: str) -> None:
        super().__init__(reason)
        self.action = action
        self.subject = subject
        self.state = state
        self.reason = reason

    def __str__(self) -> str:
        return self.reason

    def __reduce__(self) -> tuple[type[LifecycleError], tuple[object, ...]]:
        # Exception pickles its args only; keep all four so errors cross process boundaries.
        return (type(self), (self.action, self.subject, self.state, self.reason))


class UnknownSubjectError(LifecycleError):
    """The action names a port or group that does not exist (bad input, not a rule)."""


@dataclass(frozen=True)
class Verdict:
    """Whether an action may be done now and, if not, why.

    A refused verdict's reason holds one or more whole sentences naming the objects: one
    line per refused subject, joined with newlines (a tooltip shows them as they are).
    """

    action: Action
    allowed: bool
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.allowed == (self.reason is not None):
            raise ValueError("A verdict has a reason exactly when the action is refused.")


class Simulation:
    """A mutable scratch copy of a view on which `model.lifecycle` plays a plan out.

    `apply` defines what each change does to a view and keeps the membership index true
    (`groups_of`, `member_set`, `enlisted_count`), which the rules read instead of scanning
    groups. Not public API: callers use `plan` and `apply_plan`."""

    def __init__(self, view: View) -> None:
        self.ports: dict[str, PortInfo] = dict(view.ports)
        self.groups: dict[str, GroupInfo] = dict(view.groups)
        self.references = view.references
        self.changes: list[Change] = []
        index = view.memberships
        self._groups_of: dict[str, tuple[str, ...]] = dict(index.groups_of)
        self._enlisted: dict[str, int] = dict(index.enlisted)
        self._base_members = index.members_of
        self._changed_members: dict[str, set[str]] = {}  # copied from the view when first changed

    def view(self) -> View:
        return View(self.ports, self.groups, self.references)

    def port(self, action: Action, name: str) -> PortInfo:
        if name not in self.ports:
            raise UnknownSubjectError(action, Subject.port(name), None, msg.no_such("send port", name))
        return self.ports[name]

    def group(self, action: Action, name: str) -> GroupInfo:
        if name not in self.groups:
            reason = msg.no_such("send port group", name)
            raise UnknownSubjectError(action, Subject.group(name), None, reason)
        return self.groups[name]

    def info(self, action: Action, subject: Subject) -> PortInfo | GroupInfo:
        if subject.kind is Kind.PORT:
            return self.port(action, subject.name)
        return self.group(action, subject.name)

    def groups_of(self, port: str) -> list[GroupInfo]:
        """The groups that list `port`, in view order (groups it joined here last)."""
        return [self.groups[g] for g in self._groups_of.get(port, ())]

    def member_set(self, group: str) -> Set[str]:
        """The names `group` lists (ports the view may not hold included)."""
        changed = self._changed_members.get(group)
        return changed if changed is not None else self._base_members.get(group, frozenset())

    def enlisted_count(self, group: str) -> int:
        """How many of the group's distinct members exist and are enlisted (stopped or started)."""
        return self._enlisted.get(group, 0)

    def apply(self, change: Change) -> None:
        """Play one change; ValueError if it does not fit (wrong `before`, unknown name)."""
        if isinstance(change, Transition):
            self._apply_transition(change)
        elif isinstance(change, Deletion):
            self._apply_deletion(change)
        else:
            self._apply_membership(change)
        self.changes.append(change)

    def _count(self, port: str, by: int) -> None:
        for g in self._groups_of.get(port, ()):
            self._enlisted[g] = self._enlisted.get(g, 0) + by

    def _apply_transition(self, change: Transition) -> None:
        table: dict[str, PortInfo] | dict[str, GroupInfo]
        table = self.ports if change.kind is Kind.PORT else self.groups
        current = table.get(change.name)
        if current is None or current.state is not change.before:
            raise ValueError(f"{change} does not match the view.")
        if isinstance(current, PortInfo):
            self.ports[change.name] = replace(current, state=change.after)
            was, now = change.before is not State.UNENLISTED, change.after is not State.UNENLISTED
            if was != now:
                self._count(change.name, 1 if now else -1)
        else:
            self.groups[change.name] = replace(current, state=change.after)

    def _apply_deletion(self, change: Deletion) -> None:
        if change.kind is Kind.PORT:
            port = self.ports.pop(change.name, None)
            if port is None:
                raise ValueError(f"{change} names nothing in the view.")
            if port.state is not State.UNENLISTED:
                self._count(change.name, -1)
            return
        if self.groups.pop(change.name, None) is None:
            raise ValueError(f"{change} names nothing in the view.")
        for m in self.member_set(change.name):
            self._groups_of[m] = tuple(g for g in self._groups_of.get(m, ()) if g != change.name)
        self._changed_members[change.name] = set()
        self._enlisted.pop(change.name, None)

    def _apply_membership(self, change: MembershipChange) -> None:
        group = self.groups.get(change.group)
        if group is None or (change.added and change.port not in self.ports):
            raise ValueError(f"{change} names nothing in the view.")
        members = self._changed_members.get(change.group)
        if members is None:
            members = self._changed_members[change.group] = set(self.member_set(change.group))
        if change.added == (change.port in members):
            raise ValueError(f"{change} does not match the view.")
        port = self.ports.get(change.port)
        enlisted = port is not None and port.state is not State.UNENLISTED
        listed_in = self._groups_of.get(change.port, ())
        if change.added:
            members.add(change.port)
            self._groups_of[change.port] = (*listed_in, change.group)
            self.groups[change.group] = replace(group, members=(*group.members, change.port))
        else:
            members.discard(change.port)
            self._groups_of[change.port] = tuple(g for g in listed_in if g != change.group)
            kept = list(group.members)
            for _ in range(group.members.count(change.port)):  # a file may list a port twice
                kept.remove(change.port)
            self.groups[change.group] = replace(group, members=tuple(kept))
        if enlisted:
            self._enlisted[change.group] = self.enlisted_count(change.group) + (1 if change.added else -1)
