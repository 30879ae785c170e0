"""Adapter setting values checked against the catalog, and settings an authentication mode needs.

The rules are the catalog's data (``model.adapters``): a setting's VARIANT type, bounds,
allowed values and ``kind`` (TimeSpan, absolute URI), and an adapter's ``requirements``.
One door for every caller: the adapter form checks a value as it is typed
(:func:`value_problem`) and the settings as a whole (:func:`missing_required`); the problems
dock and ``portwright validate`` reach both through ``model.validation``.

Placeholders (``${Name}``, ``$(Name)``) and empty values always pass :func:`value_problem`:
a placeholder is resolved at deployment, and whether a setting may be empty is the business
of ``required`` and of :func:`missing_required`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

from model import adapters
from model.custom_props import XmlProblem, config_values
from model.domain import tokens_in

__all__ = ["MissingSetting", "config_problems", "missing_required", "value_problem"]

#: .NET ``TimeSpan.Parse`` (invariant): [-]d, or [-][d.]hh:mm[:ss[.fffffff]] with hh < 24.
_TIMESPAN = re.compile(r"-?(?:\d+|(?:\d+\.)?(?:[01]?\d|2[0-3]):[0-5]?\d(?::[0-5]?\d(?:\.\d{1,7})?)?)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+")  # two characters at least: C:\x is a path


class MissingSetting(NamedTuple):
    """A setting the chosen authentication mode needs but that has no value."""

    name: str  #: element name, as in the file
    label: str  #: the catalog's label (the name when the catalog does not know it)
    reason: str  #: which settings make it needed, e.g. "ClientAuthenticationMode is Password"
    secret: bool  #: a password or key (blanked in exported files)


def _has_token(text: str | None) -> bool:
    return bool(text) and bool(tokens_in(text))


def _is_absolute_uri(text: str) -> bool:
    if any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return (
        bool(_SCHEME.fullmatch(parts.scheme)) and text[len(parts.scheme) :].startswith("://") and bool(parts.hostname)
    )


def _kind_problem(spec: adapters.SettingSpec, text: str) -> str | None:
    if spec.kind == "timespan" and not _TIMESPAN.fullmatch(text.strip()):
        return f"{spec.label} must be a time span written d.hh:mm:ss (such as 00:01:00 or 1.00:00:00), not '{text}'"
    if spec.kind == "uri" and not _is_absolute_uri(text.strip()):
        return f"{spec.label} must be an absolute URI with a host, such as https://host/path, not '{text}'"
    return None


def _choice_problem(spec: adapters.SettingSpec, text: str) -> str | None:
    allowed = [value for value, _ in spec.choices]
    if text.strip().lower() in (value.lower() for value in allowed):
        return None
    if spec.vt == adapters.VariantType.VT_BSTR:
        return f"{spec.label} must be one of {', '.join(allowed)}, not '{text}'"
    shown = ", ".join(f"{value} ({label})" for value, label in spec.choices)
    return f"{spec.label} must be one of {shown}, not '{text}'"


def _typed_problem(spec: adapters.SettingSpec, text: str) -> str | None:
    try:
        value = adapters.parse_setting(spec, text)
    except ValueError:
        if spec.vt == adapters.VariantType.VT_BOOL:
            true, false = spec.bool_texts or ("-1", "0")
            return f"{spec.label} must be {true} (true) or {false} (false), not '{text}'"
        if adapters.python_type(spec.vt) is int:
            low, high = adapters.int_range(spec.vt)
            return f"{spec.label} must be a whole number from {low} to {high}, not '{text}'"
        return f"{spec.label} must be a date and time written MM/dd/yyyy HH:mm:ss, not '{text}'"
    if isinstance(value, int) and not isinstance(value, bool):
        if spec.minimum is not None and value < spec.minimum:
            return f"{spec.label} must be at least {spec.minimum}, not {value}"
        if spec.maximum is not None and value > spec.maximum:
            return f"{spec.label} must be at most {spec.maximum}, not {value}"
    return None


def value_problem(spec: adapters.SettingSpec, text: str | None) -> str | None:
    """Why ``text`` is not a value ``spec`` can have, in a sentence; None when it is one.

    Checks the VARIANT type (booleans, whole numbers in the type's range and the setting's
    ``minimum``/``maximum``, dates), the allowed values (``choices``, case-insensitive) and the
    ``kind`` (TimeSpan, absolute URI). Empty text and placeholders pass.
    """
    if text is None or not text.strip() or _has_token(text):
        return None
    if spec.vt != adapters.VariantType.VT_BSTR:
        problem = _typed_problem(spec, text)
        if problem is not None:
            return problem
    if spec.choices:
        return _choice_problem(spec, text)
    return _kind_problem(spec, text)


def config_problems(spec: adapters.AdapterSpec, text: str | None) -> list[tuple[str, str]]:
    """(child name, :func:`value_problem` message) for each child of a wrapping adapter's
    ``<Config>`` document ``text`` whose value does not fit; secrets are not looked at, and a
    document that is not readable XML has none (it is kept and shown as written)."""
    if not spec.wraps_adapter_config:
        return []
    try:
        inner = config_values(text)
    except XmlProblem:
        return []
    out = []
    for name, value in inner.items():
        child = adapters.setting_spec(spec, name, inner=True)
        message = None if child is None or child.secret else value_problem(child, value)
        if message is not None:
            out.append((name, message))
    return out


def _effective(spec: adapters.AdapterSpec, values: Mapping[str, str | None], name: str) -> str | None:
    """The setting's text: the file's (an empty element or blanked value reads as ""), else the
    catalog default; booleans as -1/0; None when it cannot be known (no default, a placeholder,
    a value that does not parse)."""
    setting = adapters.setting_spec(spec, name)
    text = (values.get(name) or "") if name in values else (setting.default if setting else None)
    if text is None or _has_token(text):
        return None
    if setting is not None and setting.vt == adapters.VariantType.VT_BOOL:
        try:
            return "-1" if adapters.parse_setting(setting, text) else "0"
        except ValueError:
            return None
    return text.strip()


def _shown(name: str, text: str, values: Mapping[str, str | None]) -> str:
    if text in ("-1", "0") and name.startswith("Use"):
        state = "on" if text == "-1" else "off"
    else:
        state = text
    return f"{name} is {state}" + ("" if name in values else " (the default)")


def _has_value(values: Mapping[str, str | None], name: str) -> bool:
    return bool((values.get(name) or "").strip())


def missing_required(adapter: str | adapters.AdapterSpec, values: Mapping[str, str | None]) -> list[MissingSetting]:
    """Settings the authentication mode chosen in ``values`` needs and that have no value.

    ``values`` maps a setting's element name to its text as the file has it (None for a
    blanked, ``vt="1"`` value); an absent name takes the catalog default. A requirement
    whose mode cannot be known (a placeholder, no default) asks for nothing. Each name is
    reported once, in the order of the adapter's requirements.
    """
    spec = adapter if isinstance(adapter, adapters.AdapterSpec) else adapters.adapter_spec(adapter)
    if spec is None:
        return []
    out: dict[str, MissingSetting] = {}
    for rule in spec.requirements:
        reasons: list[str] = []
        for name, allowed in rule.when:
            text = _effective(spec, values, name)
            if text is None or text.lower() not in (value.lower() for value in allowed):
                break
            reasons.append(_shown(name, text, values))
        else:
            if not all(_has_value(values, name) for name in rule.if_set):
                continue
            reasons += [f"{name} is set" for name in rule.if_set]
            for name in rule.needs:
                if name in out or _has_value(values, name):
                    continue
                setting = adapters.setting_spec(spec, name)
                label = setting.label if setting else name
                out[name] = MissingSetting(name, label, " and ".join(reasons), bool(setting and setting.secret))
    return list(out.values())
