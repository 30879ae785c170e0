"""Environments and settings of a workspace: the settings sheets, their files, and an
environment's binding file (``Workspace.environments``).

Each write is one unit of work of the workspace's; reading uses its read sessions. The
design's own operations (export, import, undo of an import) are the workspace's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from model.bindings import BindingDocument, load
from model.bindings.blanking import blank_bytes
from model.environments import interchange
from model.environments.derive import derive_files
from model.environments.interchange import Source
from model.environments.produce import environment_values, produce
from model.environments.table import SettingsTable, merged
from model.lifecycle import Kind
from model.store import settings_sheets
from model.store.records import Entry, ImportSummary, Snapshot
from model.store.settings_sheets import SettingsSheet
from model.store.unit_of_work import UnitOfWork


class _Design(Protocol):
    """What the environments need of their workspace."""

    place: str

    def export(
        self, applications: Sequence[str] = (), ports: Sequence[str] = (), groups: Sequence[str] = ()
    ) -> bytes: ...

    def snapshots(self, keys: Sequence[tuple[Kind, str]]) -> list[Snapshot]: ...

    def import_document(
        self, doc: BindingDocument, application: str | None = None, name: str | None = None
    ) -> ImportSummary: ...

    def entry(self, kind: Kind, name: str) -> Entry | None: ...

    def revert_import(self, summary: ImportSummary, before: Sequence[Snapshot]) -> None: ...


class Environments:
    """The settings sheets of one workspace (see ``model.store.settings_sheets``)."""

    def __init__(
        self,
        design: _Design,
        units: Callable[[], UnitOfWork],
        reading: Callable[[], AbstractContextManager[Session]],
    ) -> None:
        self._design = design
        self._units = units
        self._reading = reading

    def sheet(self, scope: str = settings_sheets.WORKSPACE) -> SettingsSheet | None:
        """The environments and settings of application ``scope`` ("" for the workspace's own)."""
        with self._reading() as s:
            return settings_sheets.sheet(s, scope)

    def sheets(self) -> list[SettingsSheet]:
        with self._reading() as s:
            return settings_sheets.sheets(s)

    def save(
        self,
        scope: str,
        table: SettingsTable,
        expected_version: int | None,
        *,
        operation: str = "settings",
        source: Source | None = None,
    ) -> SettingsSheet:
        """Store the sheet of ``scope`` (based on ``expected_version``; None for a new one)."""
        return settings_sheets.save(self._units(), scope, table, expected_version, operation=operation, source=source)

    def import_file(
        self,
        source: str | Path | bytes,
        application: str | None = None,
        *,
        environment: str | None = None,
        with_secrets: bool = False,
    ) -> tuple[SettingsSheet, list[str]]:
        """Import a BTDF spreadsheet (it replaces the sheet) or an XmlPreprocess settings file
        (it sets one environment's values) into the sheet of ``application`` (the workspace's
        when None), as one transaction. Values of secret settings are dropped unless
        ``with_secrets``; their names are returned with the sheet."""
        imported = interchange.read(source, environment)
        return settings_sheets.import_settings(
            self._units(), application or settings_sheets.WORKSPACE, imported, with_secrets=with_secrets
        )

    def import_as_environments(
        self, sources: Sequence[str | Path | bytes], application: str | None = None, names: Sequence[str] | None = None
    ) -> tuple[ImportSummary, SettingsSheet]:
        """One design from per-environment binding files (``model.environments.derive``): the
        master imported, the settings it needs added to its application's sheet. When the
        settings cannot be saved, the import is undone."""
        master, derived = derive_files(sources, names)
        doc = load(master)
        before = self._design.snapshots(
            [(Kind.PORT, p.name) for p in doc.send_ports] + [(Kind.GROUP, g.name) for g in doc.groups]
        )
        summary = self._design.import_document(doc, application, f"{derived.table.environments[0].name} and others")
        apps = {
            e.application for k, n in summary.created + summary.replaced if (e := self._design.entry(k, n)) is not None
        }
        scope = application or (apps.pop() if len(apps) == 1 else settings_sheets.WORKSPACE)
        try:
            current = self.sheet(scope)
            table = merged(current.table, derived.table) if current else derived.table
            sheet = self.save(scope, table, current.version if current else None, operation="settings import")
        except Exception:
            self._design.revert_import(summary, before)
            raise
        return summary, sheet

    def export_settings(self, application: str | None, format: str, environment: str | None = None) -> bytes:
        """The sheet of ``application`` (the workspace's when None) as a settings file."""
        with self._reading() as s:
            return settings_sheets.export_settings(s, application or settings_sheets.WORKSPACE, format, environment)

    def tables(self, applications: Sequence[str] = ()) -> list[SettingsTable]:
        """The sheets an export of ``applications`` (all when empty) resolves against."""
        with self._reading() as s:
            return settings_sheets.environment_tables(s, applications, self._design.place)

    def export(
        self,
        environment: str,
        applications: Sequence[str] = (),
        ports: Sequence[str] = (),
        groups: Sequence[str] = (),
        *,
        secrets: dict[str, str] | None = None,
        environ: dict[str, str] | None = None,
        with_secrets: bool = False,
    ) -> bytes:
        """The workspace's export for ``environment``: tokens and directives filled
        from the settings sheets (secret settings from ``secrets`` or the environment). Passwords
        stored in the design are blanked first unless ``with_secrets``; those given as tokens
        are filled like any other value."""
        tables = self.tables(applications)
        values = environment_values(tables, environment, secrets or {}, environ)
        design = self._design.export(applications, ports, groups)
        if not with_secrets:
            design = blank_bytes(design)
        return produce(design, values, f"{self._design.place} ({environment})", secrets, environ)
