"""An environment's binding file: the design's export with its tokens and directives filled.

Values come from the settings sheets (an application's over the workspace's). A secret
setting's value is never kept in the workspace: it is given at export time, from the
environment variable ``PORTWRIGHT_SETTING_<NAME>`` (the name upper-cased, other characters
as ``_``) or from a secrets file (an XmlPreprocess settings file). The result is checked to
be a binding file before it is returned.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence

from model.bindings import BindingFormatError, safe, xmltext
from model.environments.placeholders import with_placeholders
from model.environments.preprocess import PreprocessError, fill
from model.environments.table import SettingsTable, lookup, merged


def variable_for(name: str) -> str:
    """The environment variable that gives setting ``name`` at export time."""
    return "PORTWRIGHT_SETTING_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper()


def secret_values(
    table: SettingsTable, given: Mapping[str, str], environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Values of the secret settings of ``table``: from ``given`` (a secrets file) or the environment."""
    environ = os.environ if environ is None else environ
    values = {}
    for setting in table.settings:
        if not setting.secret:
            continue
        value = lookup(dict(given), setting.name)
        if value is None:
            value = environ.get(variable_for(setting.name))
        if value is not None:
            values[setting.name] = value
    return values


def environment_values(
    tables: Sequence[SettingsTable],
    environment: str,
    secrets: Mapping[str, str] = {},
    environ: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Every value defined in ``environment``: later tables override earlier ones."""
    table = merged(*tables)
    values = table.resolved(environment)
    values.update(secret_values(table, secrets, environ))
    return values


#: Elements a binding file holds as escaped XML text, which masters may keep as markup for
#: readability (BTDF encodes them with ElementTunnel at deployment).
TUNNELLED = frozenset({"TransportTypeData", "SendPipelineData", "ReceivePipelineData"})


_TUNNEL = re.compile(r"(<(" + "|".join(sorted(TUNNELLED)) + r")(?:\s[^>]*)?(?<!/)>)(\s*<.*?)(</\2\s*>)", re.S)


def tunnel(text: str) -> str:
    """``text`` with the markup inside every :data:`TUNNELLED` element encoded as escaped text,
    as BizTalk's import expects it (what ElementTunnel does in a BTDF build)."""

    def encode(m: re.Match[str]) -> str:
        return m.group(1) + xmltext.escape_text(m.group(3).strip()) + m.group(4)

    return _TUNNEL.sub(encode, text) if "Data>" in text else text


def produce(
    design: bytes,
    values: Mapping[str, str],
    name: str = "export",
    secrets: Mapping[str, str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> bytes:
    """``design`` (a binding file with tokens) filled with ``values``, in its own encoding,
    with markup kept readable in a master encoded (:func:`tunnel`). Every blanked password
    gets a named placeholder (``model.environments.placeholders``), filled from ``secrets``
    or the environment like a secret setting.

    Raises :class:`PreprocessError` naming every token without a value (so every secret the
    file needs), or when the result is not a binding file (a value broke it)."""
    environ = os.environ if environ is None else environ
    decoded = safe.decode(design, name)
    text, needed = with_placeholders(decoded.text)
    values = dict(values)
    for placeholder in needed:
        value = lookup(dict(secrets or {}), placeholder)
        if value is None:
            value = environ.get(variable_for(placeholder))
        if value is not None:
            values[placeholder] = value
    text = tunnel(fill(text, values))
    out = decoded.bom + text.encode(decoded.encoding)
    try:
        root = safe.parse_document(safe.decode(out, name), name, out)
    except BindingFormatError as e:
        raise PreprocessError(f"the filled file is not well-formed XML: {e}") from None
    if root.tag != "BindingInfo":
        raise PreprocessError(f"the filled file is not a binding file (its root is <{root.tag}>)")
    return out
