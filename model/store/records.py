"""What a workspace hands out: plain, immutable records (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from model.domain import SendPort, SendPortGroup
from model.lifecycle import Kind, State

DEFAULT_APPLICATION = "BizTalk Application 1"


@dataclass(frozen=True)
class Entry:
    """One line of ``portwright ls``: what an explorer or canvas shows of a port or group."""

    kind: Kind
    name: str
    application: str
    state: State
    adapter: str | None = None
    address: str | None = None
    is_static: bool = True
    is_two_way: bool = False
    members: tuple[str, ...] = ()
    version: int = 1
    x: float | None = None
    y: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "name": self.name,
            "application": self.application,
            "state": self.state.label,
            "adapter": self.adapter,
            "address": self.address,
        }


@dataclass(frozen=True)
class PortRecord:
    """A send port as stored; a record returned by a write also holds the model it replaced."""

    model: SendPort
    state: State
    application: str
    version: int
    xml: str
    x: float | None = None
    y: float | None = None
    previous: SendPort | None = None


@dataclass(frozen=True)
class GroupRecord:
    """A send port group as stored; a record returned by a write also holds the model it replaced."""

    model: SendPortGroup
    state: State
    application: str
    version: int
    xml: str
    x: float | None = None
    y: float | None = None
    previous: SendPortGroup | None = None


@dataclass(frozen=True)
class Snapshot:
    """Everything needed to put a deleted port or group back exactly (used by undo)."""

    kind: Kind
    model: SendPort | SendPortGroup
    state: State
    application: str
    xml: str
    indent: str
    slot: int | None
    source_id: int | None
    x: float | None
    y: float | None
    bindings: tuple[str, ...] = ()
    namespaces: str = ""


@dataclass
class ImportSummary:
    """What an import did, in the words of BizTalk's import rules."""

    source: str
    source_id: int | None = None
    created: list[tuple[Kind, str]] = field(default_factory=list)
    replaced: list[tuple[Kind, str]] = field(default_factory=list)
    merged: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # group, members added
    applications: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        words = {Kind.PORT: "send port", Kind.GROUP: "send port group"}
        out = [f"created application '{a}'" for a in self.applications]
        out += [f"created {words[k]} '{n}' (Unenlisted)" for k, n in self.created]
        out += [f"replaced {words[k]} '{n}'" for k, n in self.replaced]
        out += [
            f"merged members of send port group '{g}': added {', '.join(repr(m) for m in added) or 'none'}"
            for g, added in self.merged
        ]
        ports = sum(1 for k, _ in self.created + self.replaced if k is Kind.PORT)
        groups = sum(1 for k, _ in self.created + self.replaced if k is Kind.GROUP) + len(self.merged)
        out.append(
            f"{self.source}: {ports} send port(s), {groups} send port group(s): "
            f"{len(self.created)} created, {len(self.replaced)} replaced, {len(self.merged)} merged"
        )
        return out


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    user: str
    operation: str
    kind: str | None
    name: str | None
    before: str | None
    after: str | None
    detail: str | None

    def line(self) -> str:
        what = f" {self.kind} '{self.name}'" if self.name else ""
        change = f" {self.before or '-'} -> {self.after or '-'}" if (self.before or self.after) else ""
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.user} {self.operation}{what}{change}{detail}"
