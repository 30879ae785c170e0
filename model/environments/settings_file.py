"""XmlPreprocess settings files: ``<settings><property name="...">value</property></settings>``.

What BTDF's EnvironmentSettingsExporter writes for one environment (a comment
``<!--Environment: Name-->`` names it) and what XmlPreprocess's ``/s`` option reads. Read and
written back losslessly: a file whose values did not change is written as the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from model.bindings import safe, xmltext
from model.environments.table import SettingsError, unique_names

_ENVIRONMENT = re.compile(r"<!--\s*Environment:\s*(.*?)\s*-->", re.S)


@dataclass
class SettingsFile:
    """One environment's values, in file order; ``environment`` from its comment, if any."""

    values: dict[str, str] = field(default_factory=dict)
    environment: str | None = None


def is_settings_file(text: str) -> bool:
    """Whether ``text`` looks like an XmlPreprocess settings file (a ``<settings>`` root)."""
    nodes = xmltext.parse(text)
    root = xmltext.first_element(nodes)
    return root is not None and root.name == "settings"


def _root(nodes: list, where: str) -> xmltext.Element:
    root = xmltext.first_element(nodes)
    if root is None or root.name != "settings":
        raise SettingsError(where, "not an XmlPreprocess settings file (no <settings> root)")
    return root


def parse_text(text: str, where: str = "<settings>") -> SettingsFile:
    nodes = xmltext.parse(text)
    root = _root(nodes, where)
    result = SettingsFile()
    for child in root.children:
        if isinstance(child, xmltext.Comment) and result.environment is None:
            m = _ENVIRONMENT.fullmatch(child)
            if m:
                result.environment = m.group(1)
        elif isinstance(child, xmltext.Element):
            if child.name != "property":
                raise SettingsError(where, f"unexpected <{child.name}> in <settings> (only <property> is allowed)")
            name = (child.get("name") or "").strip()
            if not name:
                raise SettingsError(where, "a <property> has no name attribute")
            if any(k.casefold() == name.casefold() for k in result.values):
                raise SettingsError(where, f"property '{name}' appears twice")
            result.values[name] = child.text()
    return result


def read(source: str | Path | bytes) -> tuple[SettingsFile, safe.Decoded]:
    data, name = safe.read_source(source)
    decoded = safe.decode(data, name)
    safe.parse_document(decoded, name, data)
    return parse_text(decoded.text, name), decoded


def write(settings: SettingsFile, original: safe.Decoded | None = None) -> bytes:
    """The settings file holding ``settings``: ``original`` edited where values differ (the
    same bytes when none does), or a new file in the exporter's layout."""
    unique_names(settings.values, "settings")
    if original is None:
        lines = ['<?xml version="1.0" encoding="utf-8"?>', "<settings>"]
        if settings.environment:
            lines.append(f"  <!--Environment: {settings.environment.replace('--', '- -')}-->")
        for name, value in settings.values.items():
            lines.append(f'  <property name="{xmltext.escape_attr(name)}">{xmltext.escape_text(value)}</property>')
        lines.append("</settings>")
        return "\ufeff".encode() + ("\n".join(lines) + "\n").encode("utf-8")
    nodes = xmltext.parse(original.text)
    root = _root(nodes, "original settings file")
    wanted = {k.casefold(): (k, v) for k, v in settings.values.items()}
    seen: set[str] = set()
    kept: list = []
    for child in root.children:
        if isinstance(child, xmltext.Element) and child.name == "property":
            key = (child.get("name") or "").strip().casefold()
            if key not in wanted:
                if kept and isinstance(kept[-1], xmltext.Text):
                    kept.pop()
                continue
            seen.add(key)
            if child.text() != wanted[key][1]:
                child.set_text(xmltext.escape_text(wanted[key][1]))
        kept.append(child)
    indent = next((str(c) for c in kept if isinstance(c, xmltext.Text) and "\n" in c), "\n  ")
    tail = kept.pop() if kept and isinstance(kept[-1], xmltext.Text) else xmltext.Text("\n")
    for key, (name, value) in wanted.items():
        if key not in seen:
            new = xmltext.parse(f'<property name="{xmltext.escape_attr(name)}">{xmltext.escape_text(value)}</property>')
            kept += [xmltext.Text(indent), new[0]]
    kept.append(tail)
    root.children = kept
    return original.bom + xmltext.serialize(nodes).encode(original.encoding)
