"""Errors a workspace raises, each with a message a user can act on."""

from __future__ import annotations


class WorkspaceError(Exception):
    """Something about the workspace itself (cannot open, schema too new...)."""


class NotFoundError(WorkspaceError):
    """A named port, group or application does not exist."""

    def __init__(self, kind: str, name: str) -> None:
        words = {"port": "send port", "group": "send port group", "application": "application"}
        super().__init__(f"no {words.get(kind, kind)} named '{name}' in the workspace")
        self.kind = kind
        self.name = name


class ConflictError(WorkspaceError):
    """Someone else changed the same thing since it was read: nothing was written."""


class DuplicateError(WorkspaceError):
    """A name is already taken."""


class SchemaTooNewError(WorkspaceError):
    """The workspace was written by a newer Portwright."""


class InvalidError(WorkspaceError):
    """A value the domain does not accept (an empty or too long name, a control character,
    a number out of range); nothing was written."""


class RuleError(WorkspaceError):
    """The change would leave the workspace in a state BizTalk's rules forbid (for example an
    undo after someone else started a port); nothing was written."""
