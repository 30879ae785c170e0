"""Who receives a message: BizTalk's publish/subscribe over send port and group filters.

A filter is groups ORed, statements ANDed inside a group. A port subscribes through its own
filter and through the filter of every group it belongs to; a group's message goes to every
member whatever the member's own filter, so a port matched both ways receives the message
twice (MicrosoftDocs/biztalk-docs "Send Ports and Send Port Groups": members process
messages "as a member of the send port group" and "as if BizTalk Server routed the messages
to the send port directly").

Outcomes, per path, from that page's state table plus the rule that enlisting creates the
subscriptions (an unenlisted port or group has none):

* own filter, port Started: delivered
* own filter, port Stopped: suspended
* own filter, port Unenlisted: not subscribed
* through group G, group and port both Started: delivered
* through group G, both enlisted and either one Stopped: suspended
* through group G, group or port Unenlisted: not subscribed

The page's table has no row for an unenlisted member of a started group, and its row "group
Stopped, port in any state: suspended" is read as any enlisted state: an unenlisted member
is "not subscribed" here because enlisting a port is what creates its group-membership subscription
(``docs/biztalk-reference.md``, Lifecycle), and a group can start only with an enlisted member.
A suspended message is resumable: it waits until the port (and group) start. When no path is
delivered or suspended, the message is a routing failure. Orchestration-bound ports are
listed apart: an orchestration sends to them directly, outside filter routing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from model.domain import Filter, FilterGroup
from model.lifecycle_types import State
from model.routing.values import MessageContext, statement_matches

__all__ = ["Outcome", "Path", "Recipient", "RoutingResult", "matching_group", "outcome_of"]


class Outcome(StrEnum):
    """What happens to the message on one path, best first."""

    DELIVERED = "delivered"
    SUSPENDED = "suspended"
    NOT_SUBSCRIBED = "not subscribed"

    @property
    def subscribed(self) -> bool:
        return self is not Outcome.NOT_SUBSCRIBED


_RANK = {Outcome.DELIVERED: 0, Outcome.SUSPENDED: 1, Outcome.NOT_SUBSCRIBED: 2}


def outcome_of(port: State, group: State | None = None) -> Outcome:
    """The outcome table above, for a port's own filter (``group`` None) or a group path."""
    if port is State.UNENLISTED or group is State.UNENLISTED:
        return Outcome.NOT_SUBSCRIBED
    if port is State.STARTED and group in (None, State.STARTED):
        return Outcome.DELIVERED
    return Outcome.SUSPENDED


@dataclass(frozen=True)
class Path:
    """One way the message reaches a port: its own filter (``group`` None) or group ``group``."""

    group: str | None
    filter_group: int  # index of the OR group that matched
    matched: str  # that group's statements, as text
    outcome: Outcome

    @property
    def through(self) -> str:
        return "own filter" if self.group is None else f"group {self.group}"

    def as_json(self) -> dict[str, object]:
        return {
            "through": "filter" if self.group is None else "group",
            "group": self.group,
            "filter_group": self.filter_group + 1,
            "matched": self.matched,
            "outcome": self.outcome.value,
        }


@dataclass(frozen=True)
class Recipient:
    """A send port or group the message reaches, or would reach if it were started."""

    name: str
    kind: str  # "port" or "group"
    state: State
    paths: tuple[Path, ...]
    members: tuple[str, ...] = ()  # for a group: its members the message goes to

    @property
    def outcome(self) -> Outcome:
        """The best outcome over the paths."""
        return min((p.outcome for p in self.paths), key=_RANK.__getitem__)

    @property
    def copies(self) -> int:
        """How many copies a port gets (one per subscribed path); 0 for a group."""
        return sum(p.outcome.subscribed for p in self.paths) if self.kind == "port" else 0

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "name": self.name,
            "kind": self.kind,
            "state": self.state.label,
            "outcome": self.outcome.value,
            "via": [p.as_json() for p in self.paths],
        }
        if self.kind == "port":
            data["copies"] = self.copies
        else:
            data["members"] = list(self.members)
        return data


@dataclass(frozen=True)
class RoutingResult:
    """Recipients of one message: ports by name, then groups by name."""

    ports: tuple[Recipient, ...]
    groups: tuple[Recipient, ...]
    orchestration_bound: tuple[tuple[str, tuple[str, ...]], ...]  # (port, orchestration ports)
    missing_members: tuple[tuple[str, str], ...]  # (group, member the design lacks)

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        return self.ports + self.groups

    @property
    def routing_failure(self) -> bool:
        """True when no path subscribes: BizTalk suspends the message as a routing failure."""
        return not any(p.outcome.subscribed for r in self.ports for p in r.paths)

    @property
    def duplicates(self) -> tuple[Recipient, ...]:
        """Ports that get the message more than once."""
        return tuple(r for r in self.ports if r.copies > 1)

    def port(self, name: str) -> Recipient | None:
        return next((r for r in self.ports if r.name == name), None)

    def group(self, name: str) -> Recipient | None:
        return next((r for r in self.groups if r.name == name), None)

    def as_json(self) -> dict[str, object]:
        return {
            "recipients": [r.as_json() for r in self.recipients],
            "routing_failure": self.routing_failure,
            "duplicates": [r.name for r in self.duplicates],
            "orchestration_bound": [{"port": p, "orchestration_ports": list(o)} for p, o in self.orchestration_bound],
            "missing_members": [{"group": g, "member": m} for g, m in self.missing_members],
        }


def _group_matches(group: FilterGroup, context: MessageContext) -> bool:
    return bool(group.statements) and all(statement_matches(s, context) for s in group.statements)


def matching_group(f: Filter | None, context: MessageContext) -> int | None:
    """Index of the first OR group of ``f`` that ``context`` satisfies; None when none does
    (an empty or unreadable filter subscribes to nothing)."""
    if f is None or f.unparsed is not None:
        return None
    for i, group in enumerate(f.groups):
        if _group_matches(group, context):
            return i
    return None
