"""A transport's adapter settings as named fields: reading each one (the children of a wrapped
``<Config>`` document as settings of their own, secrets hidden) and setting one by its name in
the adapter catalog, checked as the adapter form checks it.

``model.field_paths`` reaches these as ``primary.settings.NAME`` and ``backup.settings.NAME``.
A secret's value never leaves this module in anything meant to be shown: a reading says only
whether it is set, and a refusal never quotes the value it refused.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from model import adapters
from model.adapter_values import value_problem
from model.adapters import MASKED_PASSWORD, VariantType
from model.bindings.blanking import mask_secrets
from model.custom_props import XmlProblem, config_values, set_config_child
from model.domain import AdapterSettings, Transport
from model.secrets import is_secret_setting, mask_text

__all__ = ["SettingProblem", "SettingReading", "read_settings", "setting_names", "with_setting"]

_TRUE = frozenset({"on", "true", "yes", "1", "-1"})
_FALSE = frozenset({"off", "false", "no", "0"})


class SettingProblem(ValueError):
    """A setting name the adapter does not have, or a value it cannot take (never quoting a secret)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True)
class SettingReading:
    """One adapter setting as ``show`` gives it: ``shown`` is masked text (None for a secret or
    an empty element); ``stored`` is the value itself, for comparing, never to be printed."""

    name: str
    shown: str | None
    secret: bool
    is_set: bool
    stored: str | None


def _is_set(value: str | None) -> bool:
    return bool(value and value.strip() and value != MASKED_PASSWORD)


def _reading(name: str, value: str | None, adapter: str | None) -> SettingReading:
    if is_secret_setting(name, adapter):
        return SettingReading(name, None, True, _is_set(value), value)
    if value is None:
        return SettingReading(name, None, False, False, None)
    shown = mask_secrets(value) if value.lstrip().startswith("<") else mask_text(value)
    return SettingReading(name, shown, False, value != "", value)


def _wrapper(spec: adapters.AdapterSpec | None) -> str | None:
    if spec is None or not spec.wraps_adapter_config:
        return None
    return spec.wrapper_property or "AdapterConfig"


def read_settings(t: Transport | None) -> list[SettingReading]:
    """Every setting the transport stores, in order; a readable wrapped ``<Config>`` document
    gives its children instead of itself (a malformed one is shown as its masked text)."""
    if t is None or t.settings is None:
        return []
    adapter = t.adapter_name
    wrapper = _wrapper(adapters.adapter_spec(adapter))
    out: list[SettingReading] = []
    for prop in t.settings.properties:
        if prop.name == wrapper:
            try:
                inner = config_values(prop.value)
            except XmlProblem:
                inner = None
            if inner is not None:
                out += [_reading(name, value, adapter) for name, value in inner.items()]
                continue
        out.append(_reading(prop.name, prop.value, adapter))
    return out


def setting_names(t: Transport | None) -> list[str]:
    """The names a setting of this transport can be given by: the catalog's (the ``<Config>``
    children of a wrapping adapter) and those the transport stores."""
    spec = adapters.adapter_spec(t.adapter_name if t is not None else None)
    wrapper = _wrapper(spec)
    names = [s.name for s in spec.settings if s.name != wrapper] if spec is not None else []
    names += [s.name for s in spec.inner_settings] if spec is not None and wrapper else []
    names += [r.name for r in read_settings(t)]
    return list(dict.fromkeys(names))


def _find(names: list[str], name: str) -> str | None:
    if name in names:
        return name
    folded = [n for n in names if n.casefold() == name.casefold()]
    return folded[0] if len(folded) == 1 else None


def _unknown(t: Transport | None, name: str, names: list[str]) -> SettingProblem:
    adapter = t.adapter_name if t is not None else None
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6) or [
        n for n in names if n.casefold() == name.casefold()
    ]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return SettingProblem(name, f"the {adapter + ' adapter' if adapter else 'transport'} has no setting '{name}'{hint}")


def _text(spec: adapters.SettingSpec | None, name: str, text: str) -> str:
    """``text`` as the setting stores it (on/off as the adapter writes booleans, a choice's label
    as its value), or SettingProblem saying why it cannot be the value."""
    if spec is None or not text.strip():
        return text
    if spec.vt == VariantType.VT_BOOL:
        word = text.strip().casefold()
        if word in _TRUE | _FALSE:
            return adapters.format_setting(spec, word in _TRUE)
    for value, label in spec.choices:
        if text.strip().casefold() in (value.casefold(), label.casefold()):
            return value
    problem = value_problem(spec, text)
    if problem is not None:
        raise SettingProblem(name, "not a value this setting takes" if spec.secret else problem)
    return text


def with_setting(t: Transport | None, name: str, text: str) -> AdapterSettings:
    """The transport's settings with setting ``name`` (case-insensitive when that is unambiguous)
    set to ``text`` (empty: an empty element). A catalog adapter takes only the catalog's settings
    and those the transport already has; an adapter the catalog lacks takes any name."""
    spec = adapters.adapter_spec(t.adapter_name if t is not None else None)
    settings = (t.settings if t is not None else None) or AdapterSettings()
    wrapper = _wrapper(spec)
    names = setting_names(t)
    found = _find(names, name)
    if found is None:
        if spec is not None:
            raise _unknown(t, name, names)
        found = name
    inner = spec is not None and wrapper is not None and adapters.setting_spec(spec, found, inner=True) is not None
    if wrapper is not None and not inner:
        inner = found in _children(settings.value(wrapper))
    if inner and spec is not None and wrapper is not None:
        value = _text(adapters.setting_spec(spec, found, inner=True), found, text)
        order = [s.name for s in spec.inner_settings]
        try:
            document = set_config_child(settings.value(wrapper), spec.inner_root, found, value, order)
        except XmlProblem as e:
            raise SettingProblem(found, f"the adapter's {wrapper} document is not readable XML ({e})") from None
        return settings.with_value(wrapper, document, _vt(settings, wrapper, spec))
    value = _text(adapters.setting_spec(spec, found) if spec is not None else None, found, text)
    return settings.with_value(found, value or None, _vt(settings, found, spec))


def _children(text: str | None) -> dict[str, str | None]:
    """The children of a wrapped ``<Config>`` document; none when it is not readable."""
    try:
        return config_values(text)
    except XmlProblem:
        return {}


def _vt(settings: AdapterSettings, name: str, spec: adapters.AdapterSpec | None) -> int:
    """The VARIANT type to write: the stored one, except a blanked secret's null (VT_NULL)."""
    prop = settings.get(name)
    if prop is not None and prop.vt is not None and prop.vt != VariantType.VT_NULL:
        return prop.vt
    setting = adapters.setting_spec(spec, name) if spec is not None else None
    return setting.vt if setting is not None else VariantType.VT_BSTR
