"""Settings sheets in the workspace: environments and settings per application or for all.

A sheet is one document (a row of ``settings_sheets``): it is read whole, saved whole with
the version it was based on (a stale save is a :class:`ConflictError`), and every save is
audited by setting name, never by value (values can be secrets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.environments import interchange
from model.environments.interchange import Imported, Source
from model.environments.table import SettingsError, SettingsTable, from_json, to_json, without_secret_values
from model.revisions import name_key
from model.store.errors import ConflictError, NotFoundError
from model.store.rows import now
from model.store.schema import ApplicationRow, SettingsSheetRow
from model.store.unit_of_work import UnitOfWork, retried

#: The scope of the workspace's own sheet (an application's sheet is scoped by its name).
WORKSPACE = ""


@dataclass(frozen=True)
class SettingsSheet:
    """A sheet as read: its table, the file it came from (to write back exactly), its version."""

    scope: str
    table: SettingsTable
    source: Source | None
    version: int


def _sheet(row: SettingsSheetRow) -> SettingsSheet:
    source = None
    if row.source is not None and row.source_format and row.source_encoding:
        source = Source(row.source_format, row.source_name or "", row.source, row.source_encoding)
    return SettingsSheet(row.scope, from_json(row.sheet), source, row.version)


def _scope(session: Session, scope: str) -> str:
    """The application's name as the workspace spells it ("" for the workspace)."""
    if scope == WORKSPACE:
        return scope
    name = session.scalar(select(ApplicationRow.name).where(ApplicationRow.name_key == name_key(scope)))
    if name is None:
        raise NotFoundError("application", scope)
    return name


def sheet(session: Session, scope: str) -> SettingsSheet | None:
    row = session.scalar(select(SettingsSheetRow).where(SettingsSheetRow.scope == _scope(session, scope)))
    return None if row is None else _sheet(row)


def sheets(session: Session) -> list[SettingsSheet]:
    """Every sheet: the workspace's first, then by application."""
    rows = session.scalars(select(SettingsSheetRow).order_by(SettingsSheetRow.scope)).all()
    return [_sheet(r) for r in rows]


def _changed_names(before: SettingsTable | None, after: SettingsTable) -> list[str]:
    old = {s.name.casefold(): s for s in before.settings} if before else {}
    names = []
    for s in after.settings:
        previous = old.pop(s.name.casefold(), None)
        if previous != s:
            names.append(s.name)
    names += [s.name for s in old.values()]
    return names


def _save(
    uow: UnitOfWork,
    scope: str,
    table: SettingsTable,
    expected_version: int | None,
    *,
    operation: str = "settings",
    source: Source | None = None,
) -> SettingsSheet:
    """Store ``table`` as the sheet of ``scope``: ``expected_version`` is the version it was
    based on (None: there must be no sheet yet). ``source`` replaces the file kept for
    writing back; otherwise the one kept stays."""
    s = uow.session
    name = _scope(s, scope)
    row = s.scalar(select(SettingsSheetRow).where(SettingsSheetRow.scope == name))
    current = None if row is None else row.version
    if current != expected_version:
        where = "the workspace" if name == WORKSPACE else f"application '{name}'"
        raise ConflictError(
            f"the settings of {where} were changed by someone else since they were read; nothing was "
            "saved. Refresh and try again."
        )
    before = None if row is None else from_json(row.sheet)
    if row is None:
        row = SettingsSheetRow(scope=name, sheet=to_json(table), updated_at=now())
        s.add(row)
    else:
        row.sheet = to_json(table)
        row.updated_at = now()
    if source is not None:
        row.source_format, row.source_name = source.format, source.name
        row.source, row.source_encoding = source.text, source.encoding
    s.flush()
    changed = _changed_names(before, table)
    uow.audit(
        operation,
        [
            {
                "kind": "settings",
                "name": name or None,
                "detail": f"{len(changed)} setting(s): {', '.join(changed)}" if changed else "environments",
            }
        ],
    )
    return _sheet(row)


@retried
def save(
    uow: UnitOfWork,
    scope: str,
    table: SettingsTable,
    expected_version: int | None,
    *,
    operation: str = "settings",
    source: Source | None = None,
) -> SettingsSheet:
    """Store ``table`` as the sheet of ``scope``: ``expected_version`` is the version it was
    based on (None: there must be no sheet yet). ``source`` replaces the file kept for
    writing back; otherwise the one kept stays."""
    with uow:
        result = _save(uow, scope, table, expected_version, operation=operation, source=source)
        uow.commit()
    return result


@retried
def import_settings(
    uow: UnitOfWork, scope: str, imported: Imported, *, with_secrets: bool
) -> tuple[SettingsSheet, list[str]]:
    """Merge ``imported`` into the sheet of ``scope`` (see ``interchange.merge``), in one
    transaction; secret values dropped unless ``with_secrets`` (their names returned)."""
    with uow:
        row = uow.session.scalar(select(SettingsSheetRow).where(SettingsSheetRow.scope == _scope(uow.session, scope)))
        current = None if row is None else _sheet(row)
        table = interchange.merge(current.table if current else None, imported)
        dropped: list[str] = []
        kept: Source | None = Source.of(imported)
        if not with_secrets:
            table, dropped = without_secret_values(table)
            if dropped and imported.format == interchange.BTDF:
                # the file kept for writing back must not hold them either
                blank, _ = without_secret_values(imported.table)
                data = interchange.write(blank, interchange.BTDF, original=Source.of(imported))
                text = data[len(imported.decoded.bom) :].decode(imported.decoded.encoding)
                kept = Source.of(imported, text)
            elif dropped:
                kept = None
        if imported.format == interchange.XMLPREPROCESS and current is not None and current.source is not None:
            kept = None  # one environment's file: the spreadsheet kept for writing back stays
        result = _save(
            uow, scope, table, current.version if current else None, operation="settings import", source=kept
        )
        uow.commit()
    return result, dropped


def export_settings(session: Session, scope: str, format: str, environment: str | None) -> bytes:
    found = sheet(session, scope)
    if found is None:
        where = f"application '{scope}'" if scope else "the workspace"
        raise SettingsError(where, "has no settings: import a settings file first (portwright settings import)")
    return interchange.write(found.table, format, environment, found.source)


def environment_tables(session: Session, applications: Sequence[str], place: str) -> list[SettingsTable]:
    """The sheets an export of ``applications`` (all when empty) resolves against: the
    workspace's, then each application's. Two applications giving one setting different
    values cannot be exported together (BTDF deploys one application at a time)."""
    found = sheets(session)
    chosen = {a.casefold() for a in applications}
    tables = [sh.table for sh in found if sh.scope == WORKSPACE]
    apps = [sh for sh in found if sh.scope and (not chosen or sh.scope.casefold() in chosen)]
    if not tables and not apps:
        raise SettingsError(
            place, "no environments in the workspace: import a settings file first (portwright settings import)"
        )
    seen: dict[str, tuple[str, object]] = {}
    for sh in apps:
        for setting in sh.table.settings:
            key = setting.name.casefold()
            other = seen.get(key)
            if other is not None and other[1] != (setting.default, setting.values):
                raise SettingsError(
                    place,
                    f"setting '{setting.name}' differs between applications '{other[0]}' and '{sh.scope}': "
                    "export one application at a time (-a)",
                )
            seen[key] = (sh.scope, (setting.default, setting.values))
    return tables + [sh.table for sh in apps]


@retried
def remove(uow: UnitOfWork, scope: str, expected_version: int) -> None:
    with uow:
        s = uow.session
        name = _scope(s, scope)
        row = s.scalar(select(SettingsSheetRow).where(SettingsSheetRow.scope == name))
        if row is None or row.version != expected_version:
            raise ConflictError("the settings were changed by someone else since they were read; nothing was removed.")
        s.delete(row)
        uow.audit("settings remove", [{"kind": "settings", "name": name or None}])
        uow.commit()
