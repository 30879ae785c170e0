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


class TransientError(ConflictError):
    """The database ended the transaction because of another one at the same time (a deadlock,
    a serialization failure): nothing was written, and the same request may well succeed when
    made again (the store retries it a few times before it reports a conflict)."""


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


class NotAWorkspaceError(WorkspaceError):
    """The file or database holds something else (another application's tables, text, a file
    SQLite cannot read): refused before anything is written to it."""

    def __init__(self, place: str, why: str) -> None:
        super().__init__(f"{place}: not a Portwright workspace ({why}); it was left as it is")


class NoWorkspaceError(WorkspaceError):
    """Nothing there yet, and the caller did not ask to create a workspace."""

    def __init__(self, place: str, hint: str) -> None:
        super().__init__(
            f"{place}: no workspace here (create one with `portwright init {hint}` or import a file into it)"
        )


class ReadOnlyError(WorkspaceError):
    """The workspace can be read but not written (a file or folder without write permission,
    or ``?mode=ro``): a write is refused before it starts."""

    def __init__(self, place: str, why: str) -> None:
        super().__init__(f"{place}: workspace is read-only ({why})")
