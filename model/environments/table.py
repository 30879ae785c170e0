"""Settings and environments: the table a BTDF spreadsheet holds, without Excel.

Names are matched case-insensitively, as XmlPreprocess does. An empty cell means "the
default"; a setting with neither a value nor a default is undefined in that environment.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

#: Setting names that hold secrets (passwords, keys, connection strings).
SECRET_NAME = re.compile(r"passw|pwd|secret|apikey|api_key|accesskey|access_key|privatekey|connectionstring", re.I)

#: Defined whenever a file is preprocessed (XmlPreprocess's built-in property).
BUILT_IN = {"_xml_preprocess": "True"}


class SettingsError(ValueError):
    """A settings file or table that cannot be used; ``str()`` names the file and place."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass
class Environment:
    """A column of the spreadsheet: its name, whether BTDF generates its file, the file name."""

    name: str
    file_name: str | None = None
    generate: bool = True


@dataclass
class Setting:
    """A row: the default and the value per environment (None or "" means the default)."""

    name: str
    default: str | None = None
    values: dict[str, str | None] = field(default_factory=dict)
    #: A password or key: its values are not kept in the workspace unless asked for, and are
    #: given at export time instead (see ``model.environments.secrets``).
    secret: bool = False

    def value_in(self, environment: str) -> str | None:
        """The value in ``environment`` (the default when the cell is empty); None when undefined."""
        key = environment.casefold()
        for name, value in self.values.items():
            if name.casefold() == key and value not in (None, ""):
                return value
        return self.default


@dataclass
class SettingsTable:
    """Environments (columns) and settings (rows), in the order the file gives them."""

    environments: list[Environment] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)

    def environment(self, name: str) -> Environment:
        key = name.casefold()
        for env in self.environments:
            if env.name.casefold() == key:
                return env
        known = ", ".join(e.name for e in self.environments) or "none"
        raise SettingsError("environments", f"no environment named '{name}' (known: {known})")

    def setting(self, name: str) -> Setting | None:
        key = name.casefold()
        return next((s for s in self.settings if s.name.casefold() == key), None)

    def resolved(self, environment: str) -> dict[str, str]:
        """Every setting defined in ``environment`` (name -> value), built-ins included."""
        env = self.environment(environment).name
        values = dict(BUILT_IN)
        for setting in self.settings:
            value = setting.value_in(env)
            if value is not None:
                values[setting.name] = value
        return values

    def undefined(self, environment: str) -> list[str]:
        """Settings with neither a value in ``environment`` nor a default."""
        env = self.environment(environment).name
        return [s.name for s in self.settings if s.value_in(env) is None]


def lookup(values: dict[str, str], name: str) -> str | None:
    """``values[name]`` matched case-insensitively."""
    if name in values:
        return values[name]
    key = name.casefold()
    return next((v for k, v in values.items() if k.casefold() == key), None)


def unique_names(names: Iterable[str], where: str) -> None:
    seen: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        if key in seen:
            raise SettingsError(where, f"'{name}' appears twice (also as '{seen[key]}')")
        seen[key] = name


def to_json(table: SettingsTable) -> dict[str, Any]:
    """The table as JSON values (what the workspace stores)."""
    return {
        "environments": [
            {"name": e.name, "file_name": e.file_name, "generate": e.generate} for e in table.environments
        ],
        "settings": [
            {"name": s.name, "default": s.default, "values": dict(s.values), "secret": s.secret} for s in table.settings
        ],
    }


def from_json(data: dict[str, Any]) -> SettingsTable:
    environments = [
        Environment(str(e["name"]), e.get("file_name"), bool(e.get("generate", True)))
        for e in data.get("environments", [])
    ]
    settings = [
        Setting(str(s["name"]), s.get("default"), dict(s.get("values") or {}), bool(s.get("secret")))
        for s in data.get("settings", [])
    ]
    return SettingsTable(environments, settings)


def merged(*tables: SettingsTable) -> SettingsTable:
    """Later tables' settings override earlier ones' of the same name (an application's over the
    workspace's); environments are the union, in order of appearance."""
    result = SettingsTable()
    for table in tables:
        for env in table.environments:
            if all(e.name.casefold() != env.name.casefold() for e in result.environments):
                result.environments.append(env)
        for setting in table.settings:
            result.settings = [s for s in result.settings if s.name.casefold() != setting.name.casefold()]
            result.settings.append(setting)
    return result


def without_secret_values(table: SettingsTable) -> tuple[SettingsTable, list[str]]:
    """``table`` with every value of a secret setting (by flag or by name) removed, and the
    names of those that had one."""
    kept = SettingsTable(list(table.environments), [])
    dropped = []
    for s in table.settings:
        secret = s.secret or bool(SECRET_NAME.search(s.name))
        if secret and (s.default or any(s.values.values())):
            dropped.append(s.name)
        kept.settings.append(
            Setting(s.name, None, dict.fromkeys(s.values), True)
            if secret
            else Setting(s.name, s.default, dict(s.values), False)
        )
    return kept, dropped


#: A setting's name as a token can name it everywhere: ``${Name}``, ``$(Name)`` and the
#: names of ``#if`` expressions (XmlPreprocess's), so letters, digits, ``_`` and ``.``.
SETTING_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\Z")


class NameProblem(Enum):
    """Why a name cannot be a new setting's (the window words each in the user's language)."""

    EMPTY = "empty"
    INVALID = "invalid"
    TAKEN = "taken"


def name_problem(name: str, table: SettingsTable | None) -> NameProblem | None:
    """Why ``name`` cannot name a new setting of ``table`` (None: it can)."""
    if not name:
        return NameProblem.EMPTY
    if SETTING_NAME.match(name) is None:
        return NameProblem.INVALID
    if lookup(BUILT_IN, name) is not None or (table is not None and table.setting(name) is not None):
        return NameProblem.TAKEN
    return None


def suggested_name(parts: Iterable[str], table: SettingsTable | None) -> str:
    """A valid name of no setting of ``table`` made of ``parts`` ("Port A", "Address (URI)" ->
    ``PortA.Address``): each part's words joined, its dots kept, what is in brackets dropped."""
    words = []
    for part in parts:
        for segment in re.sub(r"\([^)]*\)", "", part).split("."):
            word = "".join(w[:1].upper() + w[1:] for w in re.findall(r"[A-Za-z0-9_]+", segment))
            if word:
                words.append(word)
    base = ".".join(words) or "Setting"
    if not re.match(r"[A-Za-z_]", base):
        base = "_" + base
    candidate, n = base, 2
    while name_problem(candidate, table) is not None:
        candidate, n = f"{base}{n}", n + 1
    return candidate


def with_new_setting(
    table: SettingsTable | None, name: str, default: str | None, *, secret: bool = False
) -> SettingsTable:
    """A copy of ``table`` (a new one when None) with setting ``name`` added last; refused with
    :class:`SettingsError` when the name is not one a new setting may have."""
    problem = name_problem(name, table)
    if problem is not None:
        raise SettingsError(name, f"cannot name a new setting ({problem.value})")
    result = copy.deepcopy(table) if table is not None else SettingsTable()
    result.settings.append(Setting(name, None if secret else (default or None), {}, secret))
    return result


def with_value(table: SettingsTable, name: str, environment: str, value: str | None) -> SettingsTable:
    """A copy of ``table`` where setting ``name`` has ``value`` in ``environment`` (None or ""
    empties the cell: the default again); the environment is added when the sheet lacks it."""
    result = copy.deepcopy(table)
    setting = result.setting(name)
    if setting is None:
        raise SettingsError(name, "no such setting")
    if setting.secret:
        raise SettingsError(name, "a secret setting's values are given at export time")
    env = next((e for e in result.environments if e.name.casefold() == environment.casefold()), None)
    if env is None:
        env = Environment(environment, f"{environment}_settings.xml")
        result.environments.append(env)
    key = next((k for k in setting.values if k.casefold() == env.name.casefold()), env.name)
    setting.values[key] = value or None
    return result
