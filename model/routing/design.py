"""What routing looks at: the send ports and groups, their filters and their run states.

Built from a binding document (which carries no run state: every object takes one given
state, Unenlisted as imported unless the caller says otherwise) or from models plus a
lifecycle ``View`` (a workspace: ``Workspace.view()`` holds the states). Orchestration
bindings are kept to say which ports also receive outside filter routing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from model.domain import Filter, SendPort, SendPortGroup
from model.lifecycle_types import Kind, State, View

if TYPE_CHECKING:
    from model.bindings.binding_document import BindingDocument

__all__ = ["Design", "GroupEntry", "PortEntry"]


@dataclass(frozen=True)
class PortEntry:
    """A send port as routing sees it."""

    name: str
    filter: Filter | None
    state: State
    application: str | None = None
    orchestrations: tuple[str, ...] = ()  # orchestration ports bound to it


@dataclass(frozen=True)
class GroupEntry:
    """A send port group as routing sees it."""

    name: str
    filter: Filter | None
    state: State
    members: tuple[str, ...] = ()
    application: str | None = None
    orchestrations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Design:
    """Ports and groups by name, with the groups each port belongs to."""

    ports: Mapping[str, PortEntry]
    groups: Mapping[str, GroupEntry]
    groups_of: Mapping[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ports", MappingProxyType(dict(self.ports)))
        object.__setattr__(self, "groups", MappingProxyType(dict(self.groups)))
        index: dict[str, list[str]] = {}
        for g in self.groups.values():
            for m in dict.fromkeys(g.members):  # a member listed twice is one member
                index.setdefault(m, []).append(g.name)
        object.__setattr__(self, "groups_of", MappingProxyType({k: tuple(v) for k, v in index.items()}))

    @classmethod
    def of(
        cls,
        ports: Iterable[SendPort],
        groups: Iterable[SendPortGroup],
        states: View | State = State.UNENLISTED,
        orchestrations: Mapping[tuple[Kind, str], Iterable[str]] | None = None,
    ) -> Design:
        """From models; ``states`` is a lifecycle view (names it lacks are Unenlisted) or one
        state for everything. ``orchestrations`` maps ``(kind, name)`` to bound orchestration ports."""
        bound = orchestrations or {}

        def state_of(kind: Kind, name: str) -> State:
            if isinstance(states, State):
                return states
            info = (states.ports if kind is Kind.PORT else states.groups).get(name)
            return info.state if info is not None else State.UNENLISTED

        port_entries = {
            p.name: PortEntry(
                p.name, p.filter, state_of(Kind.PORT, p.name), p.application, tuple(bound.get((Kind.PORT, p.name), ()))
            )
            for p in ports
        }
        group_entries = {
            g.name: GroupEntry(
                g.name,
                g.filter,
                state_of(Kind.GROUP, g.name),
                tuple(g.members),
                g.application,
                tuple(bound.get((Kind.GROUP, g.name), ())),
            )
            for g in groups
        }
        return cls(port_entries, group_entries)

    @classmethod
    def of_document(
        cls,
        doc: BindingDocument,
        state: State = State.UNENLISTED,
        ports: Iterable[SendPort] | None = None,
        groups: Iterable[SendPortGroup] | None = None,
    ) -> Design:
        """A binding file's ports and groups (or the chosen ``ports`` and ``groups`` of it), all
        in ``state`` (a file stores no run state), with its orchestration bindings."""
        bound: dict[tuple[Kind, str], list[str]] = {}
        for name, orch in doc.orchestration_bindings.items():
            bound[Kind.PORT, name] = list(orch)
        for name, orch in doc.group_bindings.items():
            bound[Kind.GROUP, name] = list(orch)
        chosen_ports = doc.send_ports if ports is None else ports
        chosen_groups = doc.groups if groups is None else groups
        return cls.of(chosen_ports, chosen_groups, state, bound)
