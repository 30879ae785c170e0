"""Keeping secrets out of what Portwright prints: passwords in addresses, in connection strings
and in adapter settings.

The adapter catalog (``model.adapters``) says which settings are secret; names it does not
know (receive-location adapters, custom adapters) are judged by the words BizTalk and .NET
use for secrets. Everything else in a text is kept, so a masked address still says where
messages go.
"""

from __future__ import annotations

import functools
import re

from model import adapters

#: What a hidden value is shown as.
MASK = "***"

# RFC 3986: scheme "://" userinfo "@" host; the authority ends at the first "/", "?" or "#", so
# a path that holds ":" and "@" is not taken for credentials. The password runs to the last "@"
# of the authority: an unescaped "@" in it is hidden too.
_URL_PASSWORD = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^/?#@\s:]*:)(?P<secret>[^/?#\s]*)(?=@)")
# ADO.NET / ODBC / Service Bus style ``Key=value;`` pairs whose key names a secret. A key starts
# the text or follows ";" or a space; a value is quoted or runs to the next ";".
_SECRET_KEY = r"(?:[\w.\- ]*?(?:password|passwd|pwd|secret|sharedaccesskey|accountkey))"
_CONNECTION_PASSWORD = re.compile(
    rf"(?P<head>(?<![^;\s]){_SECRET_KEY}\s*=\s*)(?P<secret>\"[^\"]*\"|'[^']*'|[^;]*)", re.IGNORECASE
)
_SECRET_NAME = re.compile(r"password|passwd|pwd|secret|(?:access|account|shared)key$", re.IGNORECASE)
#: Every setting name some adapter of the catalog marks secret.
_CATALOG_SECRETS = frozenset(
    name
    for spec in adapters.ADAPTERS.values()
    for name in adapters.secret_settings(spec) | adapters.secret_settings(spec, inner=True)
)


def mask_url_password(text: str) -> str:
    """``ftp://user:pw@host/x`` -> ``ftp://user:***@host/x``, for every URL in ``text``."""
    return _URL_PASSWORD.sub(lambda m: m.group("head") + MASK, text)


def mask_connection_string(text: str) -> str:
    """``Server=s;Password=pw;Database=d`` -> ``Server=s;Password=***;Database=d`` (also ``Pwd``,
    ``SharedAccessKey``, ``AccountKey``, quoted values)."""
    return _CONNECTION_PASSWORD.sub(lambda m: m.group("head") + MASK, text)


def mask_text(text: str) -> str:
    """``text`` with the passwords of its URLs and connection strings masked, the rest kept."""
    return mask_connection_string(mask_url_password(text))


def looks_secret(name: str) -> bool:
    """Whether a setting or key name reads as a secret (``Password``, ``ProxyPassword``, ``Pwd``,
    ``IssuerSecret``, ``SharedAccessKey``...): the rule for names the catalog does not know."""
    return _SECRET_NAME.search(name) is not None


@functools.lru_cache(maxsize=4096)  # asked for every element of a compared file
def is_secret_setting(name: str, adapter: str | None = None) -> bool:
    """Whether the adapter setting ``name`` holds a secret.

    With a known ``adapter`` and a setting it describes (in ``CustomProps`` or in its wrapped
    ``<Config>``), the catalog decides. Without an adapter, a name any adapter of the catalog
    marks secret is secret. Names the catalog does not know are judged by ``looks_secret``."""
    spec = adapters.adapter_spec(adapter)
    if spec is not None:
        known = adapters.setting_spec(spec, name) or adapters.setting_spec(spec, name, inner=True)
        if known is not None:
            return known.secret
    elif name in _CATALOG_SECRETS:
        return True
    return looks_secret(name)


def url_password_spans(text: str) -> list[tuple[int, int]]:
    """Where the passwords of ``text``'s URLs are, as (start, end): what the workspace seals."""
    return [m.span("secret") for m in _URL_PASSWORD.finditer(text) if m.group("secret")]


def catalog_secret_names() -> frozenset[str]:
    """Every setting name some adapter of the catalog marks secret."""
    return _CATALOG_SECRETS
