"""Opening the workspace a command names (``--workspace``, ``$PORTWRIGHT_WORKSPACE`` or the
default), with the model's errors turned into the command line's messages and exit codes."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from designer.cli.common import cli_error
from model.bindings import BindingFormatError
from model.lifecycle import LifecycleError
from model.store import Workspace, WorkspaceError, database


@contextmanager
def opened(args: argparse.Namespace, *, create: bool = False) -> Iterator[Workspace]:
    """The workspace named by --workspace / $PORTWRIGHT_WORKSPACE / the default, with errors
    turned into one-line messages and the right exit codes.

    Nothing is created unless ``create`` says so: a mistyped path or an empty file is an error
    naming ``portwright init``, not a new workspace. The embedded default workspace is the
    exception: it is made on first use."""
    try:
        ws = Workspace(args.workspace, create=create)
    except WorkspaceError as e:
        raise cli_error(e) from None  # unusable, or a conflict (busy) while it was upgraded
    try:
        yield ws
    except (LifecycleError, BindingFormatError, WorkspaceError) as e:
        raise cli_error(e) from None  # refused by a rule, unusable input, or a conflict (retry)
    finally:
        ws.close()


def import_creates(location: str | None) -> bool:
    """Import makes a workspace where nothing is yet: a path that does not exist, or a server's
    empty database. An empty file or another application's database is still refused."""
    try:
        return database.nothing_there(location) or not database.sqlite_files(database.resolve(location))
    except WorkspaceError as e:
        raise cli_error(e) from None
