"""The workspace: applications, ports, groups and their states in SQLite or PostgreSQL."""

from model.store.errors import (
    ConflictError,
    DuplicateError,
    InvalidError,
    NotFoundError,
    RuleError,
    SchemaTooNewError,
    WorkspaceError,
)
from model.store.records import AuditEntry, Entry, GroupRecord, ImportSummary, PortRecord, Snapshot
from model.store.workspace import Workspace

__all__ = [
    "AuditEntry",
    "ConflictError",
    "DuplicateError",
    "Entry",
    "GroupRecord",
    "ImportSummary",
    "InvalidError",
    "NotFoundError",
    "PortRecord",
    "RuleError",
    "SchemaTooNewError",
    "Snapshot",
    "Workspace",
    "WorkspaceError",
]
