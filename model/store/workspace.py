"""The workspace: applications, send ports and groups with their states, in a database.

Every operation is one unit of work (all or nothing) and records who did what in the audit
log. Lifecycle operations ask ``model.lifecycle`` for the plan, so the rules live once;
edits carry the version they were based on and are refused with :class:`ConflictError`
when someone else committed a change in between (optimistic concurrency).

``Workspace`` is the one object callers hold: it opens the database, gives each operation a
:class:`UnitOfWork` (or a read session) and hands it to the service that does the work:
``editing``, ``actions`` (lifecycle), ``restoring`` (what undo needs), ``transfer`` (import
and export) and ``reading``.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from model import lifecycle
from model.bindings import BindingDocument, load
from model.bindings.fragments import skeleton_state
from model.domain import SendPort, SendPortGroup
from model.lifecycle import Action, Change, Kind, State, Subject
from model.store import actions, bulk_edit, database, desired, editing, reading, restoring, transfer
from model.store.environments import Environments
from model.store.errors import NotFoundError, ReadOnlyError
from model.store.records import AuditEntry, Entry, GroupRecord, ImportSummary, PortRecord, Snapshot
from model.store.rows import PORT_INDENT
from model.store.skeletons import SkeletonCache
from model.store.transfer import Progress
from model.store.unit_of_work import UnitOfWork, read_session


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


class Workspace:
    """A workspace database (SQLite file or SQLAlchemy URL), upgraded when opened."""

    def __init__(self, location: str | Path | None = None, *, user: str | None = None, create: bool = True) -> None:
        """Open the workspace at ``location`` (see ``database.resolve``), recognised before anything
        is written: a file or database of something else is refused and left as it was.

        ``create``: make a workspace where there is none yet (a missing or empty file, an empty
        database). Without it, nothing there is a :class:`NoWorkspaceError`, except for the
        embedded default workspace (no location, no ``$PORTWRIGHT_WORKSPACE``), which is made on
        first use. A workspace the user cannot write is opened for reading:
        :attr:`read_only` says why, and every write is refused with a :class:`ReadOnlyError`."""
        self.url = database.resolve(location)
        self.display = database.display(self.url)
        #: Where it is, as messages name it (the file, or the URL without its password).
        self.place = database.place(self.url)
        self.user = user or _user()
        create = create or database.names_default(location)
        opened = database.open_engine(self.url, create=create)
        self.engine = opened.engine
        #: Why the workspace cannot be written (None when it can).
        self.read_only = opened.read_only
        #: Whether this open made the workspace (it was not there, or empty).
        self.created = opened.created
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        #: Decoded skeletons of imported files, kept between exports.
        self._skeletons = SkeletonCache()
        #: Environments and settings (``model.store.environments``).
        self.environments = Environments(self, lambda: self._unit(counted=False), self._reading)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _unit(self, *, counted: bool = True, checked: bool = False) -> UnitOfWork:
        """A unit of work for one write, acting for :attr:`user` (see :class:`UnitOfWork`
        for ``counted`` and ``checked``); refused at once on a read-only workspace."""
        if self.read_only:
            raise ReadOnlyError(self.place, f"{self.read_only}; nothing was changed")
        return UnitOfWork(self._sessions, self.user, self.display, counted=counted, checked=checked)

    def _reading(self) -> AbstractContextManager[Session]:
        return read_session(self._sessions, self.display)

    # -- editing --------------------------------------------------------------------------

    def create_port(
        self,
        port: SendPort,
        application: str | None = None,
        *,
        x: float | None = None,
        y: float | None = None,
        operation: str = "create",
    ) -> PortRecord:
        record = self.create([(port, application, x, y)], (), operation=operation)[0]
        assert isinstance(record, PortRecord)
        return record

    def create_group(
        self,
        group: SendPortGroup,
        application: str | None = None,
        *,
        x: float | None = None,
        y: float | None = None,
        operation: str = "create",
    ) -> GroupRecord:
        record = self.create((), [(group, application, x, y)], operation=operation)[0]
        assert isinstance(record, GroupRecord)
        return record

    def create(
        self,
        ports: Sequence[tuple[SendPort, str | None, float | None, float | None]] = (),
        groups: Sequence[tuple[SendPortGroup, str | None, float | None, float | None]] = (),
        *,
        operation: str = "create",
    ) -> list[PortRecord | GroupRecord]:
        """Create new, unenlisted ports and groups (application, x, y each), all or nothing."""
        return editing.create(self._unit(checked=True), ports, groups, operation)

    def update_port(
        self,
        name: str,
        port: SendPort,
        expected_version: int | None = None,
        *,
        base: SendPort | None = None,
        operation: str = "edit",
    ) -> PortRecord:
        """Replace a port's settings (not its name: see :meth:`rename`). With ``expected_version``
        a concurrent change is refused, or merged field by field when ``base`` (the copy the
        edit started from) shows the two edits touched different fields."""
        return editing.update_port(self._unit(counted=False), name, port, expected_version, base, operation)

    def update_group(
        self,
        name: str,
        group: SendPortGroup,
        expected_version: int | None = None,
        *,
        base: SendPortGroup | None = None,
        operation: str = "edit",
    ) -> GroupRecord:
        """Replace a group's settings and members; member changes follow the membership rules
        (the same as adding and removing members one by one)."""
        return editing.update_group(self._unit(counted=False), name, group, expected_version, base, operation)

    def update_ports(self, edits: Sequence[bulk_edit.PortEdit], *, operation: str = "edit") -> list[PortRecord]:
        """Replace the settings of several ports in one transaction, all or nothing: each edit
        checked as :meth:`update_port` checks one, and audited on its own."""
        return bulk_edit.update_ports(self._unit(counted=False), edits, operation)

    def rename(self, kind: Kind, old: str, new: str, operation: str = "rename") -> list[tuple[Kind, str]]:
        """Rename a port or a group, following every reference: group members, orchestration
        bindings and parties (in the workspace and in what export writes), and filters that
        name the port. Returns the other objects whose text changed."""
        return editing.rename(self._unit(checked=True), kind, old, new, operation)

    def create_application(self, name: str, references: Sequence[str] = ()) -> None:
        """A new, empty application (it stays until it is deleted, even with nothing in it)."""
        editing.create_application(self._unit(), name, references)

    def set_references(self, application: str, references: Sequence[str]) -> None:
        """Which applications ``application`` references (needed for members of other applications)."""
        editing.set_references(self._unit(), application, references)

    def set_desired_states(
        self,
        states: dict[tuple[Kind, str], State | None],
        expected: dict[tuple[Kind, str], State | None] | None = None,
    ) -> None:
        """The state each should have after deployment (None: left as it is); audited. With
        ``expected``, refused (ConflictError) unless they still have those states."""
        desired.set_desired_states(self._unit(counted=False), states, expected)

    def desired_states(self) -> dict[tuple[Kind, str], State]:
        with self._reading() as s:
            return desired.desired_states(s)

    def set_positions(self, positions: dict[tuple[Kind, str], tuple[float, float]]) -> None:
        """Canvas positions (not versioned: moving a node never conflicts with an edit)."""
        editing.set_positions(self._unit(counted=False), positions)

    # -- what undo needs ------------------------------------------------------------------

    def snapshots(self, keys: Iterable[tuple[Kind, str]]) -> list[Snapshot]:
        """Snapshots of those of ``keys`` that exist (what an import would replace, for undo)."""
        out = []
        for kind, name in keys:
            try:
                out.append(self.snapshot(kind, name))
            except NotFoundError:
                pass
        return out

    def snapshot(self, kind: Kind, name: str) -> Snapshot:
        with self._reading() as s:
            return restoring.snapshot(s, kind, name)

    def restore(self, snaps: Snapshot | Sequence[Snapshot], operation: str = "undo") -> None:
        """Put deleted ports or groups back exactly as they were (undo of delete, redo of
        create); refused when a name is taken meanwhile or the rules would break."""
        snaps = [snaps] if isinstance(snaps, Snapshot) else list(snaps)
        restoring.restore(self._unit(checked=True), snaps, operation)

    def remove(
        self,
        keys: Sequence[tuple[Kind, str]],
        operation: str = "undo",
        versions: dict[tuple[Kind, str], int] | None = None,
    ) -> None:
        """Remove ports or groups (undo of create, redo of paste) under the delete rules:
        unenlisted, in no group, bound to no orchestration; with ``versions``, refused when
        someone changed one of them since."""
        restoring.remove(self._unit(), keys, operation, versions)

    def revert_import(
        self,
        summary: ImportSummary,
        before: Sequence[Snapshot],
        operation: str = "undo import",
        versions: dict[tuple[Kind, str], int] | None = None,
    ) -> None:
        """Undo an import: remove what it created, put back what it replaced, drop its file.
        With ``versions`` (what the import left), refused when someone changed any of it since;
        refused too when the result would break BizTalk's rules."""
        restoring.revert_import(self._unit(checked=True), summary, before, operation, versions)

    def restore_states(
        self,
        states: Iterable[tuple[Kind, str, State]],
        operation: str = "undo",
        expected: Iterable[tuple[Kind, str, State]] | None = None,
    ) -> None:
        """Bring objects back to given states (undo of a lifecycle action) through BizTalk's own
        steps (stop, unenlist, enlist, start), so the rules hold; with ``expected`` (the states
        the action left), refused when someone changed one of them since."""
        actions.restore_states(self._unit(), states, operation, expected)

    # -- lifecycle ------------------------------------------------------------------------

    def perform(
        self,
        action: Action,
        subjects: Sequence[Subject] = (),
        *,
        group: str | None = None,
        application: str | None = None,
        operation: str | None = None,
    ) -> list[Change]:
        """Apply ``action`` under BizTalk's rules; raises LifecycleError (and changes nothing) when
        refused. ``operation`` names it in the audit log (for example "redo enlist")."""
        return actions.perform(self._unit(), action, subjects, group, application, operation)

    def allowed_actions(self, subjects: Sequence[Subject]) -> dict[Action, lifecycle.Verdict]:
        return lifecycle.allowed_actions(self.view(), subjects)

    # -- import and export ----------------------------------------------------------------

    def import_file(
        self, source: str | Path | bytes, application: str | None = None, progress: Progress | None = None
    ) -> ImportSummary:
        doc = load(source)
        name = source if isinstance(source, str) else (str(source) if isinstance(source, Path) else doc.name)
        return self.import_document(doc, application, str(name), progress)

    def import_document(
        self,
        doc: BindingDocument,
        application: str | None = None,
        name: str | None = None,
        progress: Progress | None = None,
    ) -> ImportSummary:
        """Import as one transaction, with BizTalk's rules for what exists already."""
        return transfer.import_document(self._unit(), doc, application, name or doc.name, progress)

    def export(self, applications: Sequence[str] = (), ports: Sequence[str] = (), groups: Sequence[str] = ()) -> bytes:
        """A binding file of everything, of some applications, or of chosen ports and groups.

        Ports and groups go back into the skeleton of the file most of them came from (so a
        file imported into an empty workspace comes back byte for byte); others are added."""
        with self._reading() as s:
            chosen = transfer.read_export(s, self._skeletons, applications, ports, groups)
        return transfer.write_export(chosen)  # the session is closed: writing needs no database

    # -- reading --------------------------------------------------------------------------

    def entries(self, application: str | None = None, state: State | None = None) -> list[Entry]:
        """Ports then groups, by application and name: what ``ls``, explorers and canvases show."""
        with self._reading() as s:
            return reading.entries(s, application, state)

    def entry(self, kind: Kind, name: str) -> Entry | None:
        """One port or group as :meth:`entries` lists it (None when it does not exist)."""
        with self._reading() as s:
            return reading.entry(s, kind, name)

    def orchestration_bindings(self) -> dict[tuple[Kind, str], list[str]]:
        """(kind, name) -> orchestration ports bound to it."""
        with self._reading() as s:
            return reading.orchestration_bindings(s)

    def filter_properties(self) -> list[str]:
        """The properties every filter in the workspace tests (read from the stored XML)."""
        with self._reading() as s:
            return reading.filter_properties(s)

    def known_values(self) -> tuple[set[str], dict[str, dict[str, str]]]:
        """Send handler hosts and pipelines the ports use (see ``reading.known_values``)."""
        with self._reading() as s:
            return reading.known_values(s)

    def applications(self) -> list[str]:
        with self._reading() as s:
            return reading.applications(s)

    def port(self, name: str) -> PortRecord:
        with self._reading() as s:
            return reading.port(s, name)

    def group(self, name: str) -> GroupRecord:
        with self._reading() as s:
            return reading.group(s, name)

    def view(self) -> lifecycle.View:
        with self._reading() as s:
            return reading.view(s)

    def references(self) -> dict[str, frozenset[str]]:
        """Application -> the applications it references."""
        with self._reading() as s:
            return reading.references(s)

    def audit(self, limit: int | None = None) -> list[AuditEntry]:
        with self._reading() as s:
            return reading.audit(s, limit)


__all__ = ["PORT_INDENT", "Workspace", "skeleton_state"]
