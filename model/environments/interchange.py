"""Settings files in and out: a BTDF spreadsheet or an XmlPreprocess settings file,
recognised by content, merged into a sheet; a sheet written as either.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from model.bindings import safe
from model.environments import settings_file, spreadsheet
from model.environments.table import Environment, Setting, SettingsError, SettingsTable

BTDF = "btdf"
XMLPREPROCESS = "xmlpreprocess"
FORMATS = (BTDF, XMLPREPROCESS)


@dataclass(frozen=True)
class Imported:
    """What a settings file holds, as a table (one environment for a settings file)."""

    format: str
    table: SettingsTable
    decoded: safe.Decoded
    name: str


def read(source: str | Path | bytes, environment: str | None = None) -> Imported:
    """Read either format. A settings file's environment is ``environment``, else the one its
    ``<!--Environment: ...-->`` comment names."""
    data, name = safe.read_source(source)
    decoded = safe.decode(data, name)
    safe.parse_document(decoded, name, data)
    if spreadsheet.is_spreadsheet(decoded.text):
        return Imported(BTDF, spreadsheet.parse_text(decoded.text, name), decoded, name)
    if settings_file.is_settings_file(decoded.text):
        parsed = settings_file.parse_text(decoded.text, name)
        env = environment or parsed.environment
        if not env:
            raise SettingsError(name, "the file does not say which environment it is for: name it with --env")
        settings = [Setting(k, None, {env: v}) for k, v in parsed.values.items()]
        return Imported(XMLPREPROCESS, SettingsTable([Environment(env)], settings), decoded, name)
    raise SettingsError(
        name, "neither a BTDF settings spreadsheet (SpreadsheetML) nor an XmlPreprocess settings file (<settings>)"
    )


def merge(existing: SettingsTable | None, imported: Imported) -> SettingsTable:
    """The sheet after an import: a spreadsheet replaces the sheet; a settings file sets its
    environment's values (adding the environment and settings it names)."""
    if imported.format == BTDF or existing is None:
        return imported.table
    result = SettingsTable(
        list(existing.environments), [Setting(s.name, s.default, dict(s.values), s.secret) for s in existing.settings]
    )
    env = imported.table.environments[0]
    known = next((e for e in result.environments if e.name.casefold() == env.name.casefold()), None)
    if known is None:
        result.environments.append(env)
    name = known.name if known else env.name
    for setting in imported.table.settings:
        value = setting.values[env.name]
        target = result.setting(setting.name)
        if target is None:
            result.settings.append(Setting(setting.name, None, {name: value}))
        else:
            target.values[name] = value
    return result


@dataclass(frozen=True)
class Source:
    """The file a sheet was imported from, kept to be written back exactly."""

    format: str
    name: str
    text: str
    encoding: str  # the codec, with "+bom" when the file began with a byte order mark

    @classmethod
    def of(cls, imported: Imported, text: str | None = None) -> Source:
        bom = "+bom" if imported.decoded.bom else ""
        return cls(
            imported.format,
            imported.name,
            imported.decoded.text if text is None else text,
            imported.decoded.encoding + bom,
        )

    def decoded(self) -> safe.Decoded:
        codec, _, bom = self.encoding.partition("+")
        mark = codecs.lookup(codec).encode("\ufeff")[0] if bom else b""
        return safe.Decoded(self.text, codec, mark)


def write(table: SettingsTable, format: str, environment: str | None = None, original: Source | None = None) -> bytes:
    """``table`` as a BTDF spreadsheet, or one environment of it as a settings file.
    ``original`` is the file it was imported from: it is edited rather than rewritten, so
    what did not change keeps its bytes."""
    if format == BTDF:
        kept = original.decoded() if original is not None and original.format == BTDF else None
        return spreadsheet.write(table, kept)
    if format != XMLPREPROCESS:
        raise SettingsError("format", f"unknown settings format '{format}' (known: {', '.join(FORMATS)})")
    if not environment:
        raise SettingsError("format", "an XmlPreprocess settings file is for one environment: name it with --env")
    env = table.environment(environment).name
    values = {s.name: value for s in table.settings if (value := s.value_in(env)) is not None}
    result = settings_file.SettingsFile(values, env)
    if original is not None and original.format == XMLPREPROCESS:
        parsed = settings_file.parse_text(original.text)
        if (parsed.environment or "").casefold() == env.casefold():
            return settings_file.write(result, original.decoded())
    return settings_file.write(result)
