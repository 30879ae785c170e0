"""Secrets blanked from binding text the way BizTalk's own export blanks them, everything else
kept byte for byte.

BizTalk writes an exported password setting as a null VARIANT (``<Password vt="1" />``) and the
password of an ``AdapterConfig`` document as ``******``. Portwright does the same for every
secret setting (``model.secrets.is_secret_setting``) at any depth of escaping, blanks the value
of ``Password=`` (``Pwd=``, ``AccountKey=``...) in connection strings and drops the password of
URLs (``ftp://user:pw@host`` -> ``ftp://user@host``). Placeholders (``${Token}``) stand for
values set per environment: they are no secret and stay.

:func:`mask_secrets` shows the same places as ``***`` for a person to read (the Raw XML tab),
and :func:`restore_masked` puts the stored values back under an edited masked text.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from model import secrets
from model.adapters import MASKED_PASSWORD
from model.domain import is_token

# An element with text only, at any depth of escaping: "<" is "<", "&lt;", "&amp;lt;"..., and its
# text cannot hold its own depth's "<" (deeper ones are characters of its text).
_LT = r"(?P<lt><|&(?:amp;)*+lt;)"
_ELEMENT = re.compile(
    _LT
    + r"(?=[\w.:\-]*?(?:passw|pwd|secret|key))"
    + r"(?P<name>[A-Za-z_][\w.:\-]*+)"
    + r"(?P<attrs>(?:\s(?:[^<>&]|&(?!(?:amp;)*+[lg]t;))*+)?)(?<!/)"
    + r"(?P<gt>>|&(?:amp;)*+gt;)"
    + r"(?P<value>(?:(?!(?P=lt))[^<])++)"
    + r"(?P=lt)/(?P=name)\s*(?:>|&(?:amp;)*+gt;)",
    re.IGNORECASE | re.ASCII,
)
_VT = re.compile(r"\bvt\s*=\s*([\"'])[^\"']*\1", re.ASCII)
_ENTITY = r"&(?:(?:amp;)*+#(?:\d+|x[0-9a-fA-F]+);|(?:amp;)++(?!(?:lt|gt|quot|apos);))"
_KEY = r"[\w.\- ]*?(?:password|passwd|pwd|secret|sharedaccesskey|accountkey)\s*=\s*"
# ``Key=value`` of a connection string. A quoted value only right after ";" or where a text starts
# (an attribute ``password="x"`` follows a space); a value ends at ";" or where the text does.
_CONNECTION = re.compile(
    rf"(?:(?<![^;>])[ ]*{_KEY}(?P<quoted>\"[^\"<]*\"|'[^'<]*')|(?<![^;\s>]){_KEY}"
    rf"(?P<plain>(?:[^;<>&\"'\r\n]|{_ENTITY})+))",
    re.IGNORECASE | re.ASCII,
)
_HINTS = ("passw", "pwd", "secret", "key", "://")
#: A connection string's secret keys (``_KEY``): without one of them the costly scan finds nothing.
_CONNECTION_HINTS = ("password", "passwd", "pwd", "secret", "sharedaccesskey", "accountkey")

#: A replacement: (start, end, new text).
_Edit = tuple[int, int, str]


def _secret_edits(text: str, element: Callable[[re.Match[str]], str], value: str, url: bool) -> list[_Edit]:
    lowered = text.lower()
    if not any(h in lowered for h in _HINTS):
        return []
    edits: list[_Edit] = []
    for m in _ELEMENT.finditer(text):
        if secrets.is_secret_setting(m.group("name")) and not _kept(m.group("value")):
            edits.append((*m.span(), element(m)))
    for m in _CONNECTION.finditer(text) if any(h in lowered for h in _CONNECTION_HINTS) else ():
        group = "quoted" if m.group("quoted") is not None else "plain"
        if not _kept(m.group(group).strip("\"'")):
            edits.append((*m.span(group), value))
    if "://" in text and "@" in text:
        for start, end in secrets.url_password_spans(text):
            if not _kept(text[start:end]):
                edits.append((start - 1, end, "") if url else (start, end, value))
    return _disjoint(edits)


def _kept(value: str) -> bool:
    """An empty value, a placeholder or BizTalk's ``******`` is no secret."""
    stripped = value.strip()
    return not stripped or stripped == MASKED_PASSWORD or is_token(stripped)


def _disjoint(edits: list[_Edit]) -> list[_Edit]:
    """Edits sorted, an edit inside an earlier one dropped (an element's blanking covers its text)."""
    edits.sort(key=lambda e: (e[0], -e[1]))
    out: list[_Edit] = []
    for e in edits:
        if out and e[0] < out[-1][1]:
            continue
        out.append(e)
    return out


def _apply(text: str, edits: list[_Edit]) -> str:
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, new in edits:
        parts += (text[pos:start], new)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _blank_element(m: re.Match[str]) -> str:
    attrs = m.group("attrs")
    if _VT.search(attrs) is None:  # a child of an AdapterConfig document: BizTalk writes ******
        return m.group(0)[: m.start("value") - m.start()] + MASKED_PASSWORD + m.group(0)[m.end("value") - m.start() :]
    null = _VT.sub('vt="1"', attrs.rstrip())
    return f"{m.group('lt')}{m.group('name')}{null} /{m.group('gt')}"


def blank_text(text: str) -> str:
    """``text`` (a binding file, an element, a ``CustomProps`` document) with its secrets blanked
    as BizTalk's export blanks them; the rest unchanged."""
    return _apply(text, _secret_edits(text, _blank_element, "", url=True))


_UTF16 = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}


def blank_bytes(data: bytes) -> bytes:
    """:func:`blank_text` for a file's bytes, in its own encoding (UTF-16 by its BOM or its zero
    bytes; any other encoding BizTalk writes keeps ASCII as ASCII, and is handled byte for byte)."""
    for bom, encoding in _UTF16.items():
        if data.startswith(bom):
            return bom + blank_text(data[len(bom) :].decode(encoding, "surrogatepass")).encode(
                encoding, "surrogatepass"
            )
    if data[:1] == b"\0" or data[1:2] == b"\0":
        encoding = "utf-16-be" if data[:1] == b"\0" else "utf-16-le"
        return blank_text(data.decode(encoding, "surrogatepass")).encode(encoding, "surrogatepass")
    return blank_text(data.decode("latin-1")).encode("latin-1")


def _mask_element(m: re.Match[str]) -> str:
    whole = m.group(0)
    return whole[: m.start("value") - m.start()] + secrets.MASK + whole[m.end("value") - m.start() :]


def mask_secrets(text: str) -> str:
    """``text`` with every secret value shown as ``***`` (for a person to read); elements, URLs
    and connection strings keep their shape, so that :func:`restore_masked` can undo it."""
    return _apply(text, _secret_edits(text, _mask_element, secrets.MASK, url=False))


def restore_masked(edited: str, stored: str) -> str:
    """``edited`` (a text :func:`mask_secrets` showed, then changed) with each ``***`` left in
    place of a secret put back to the stored value it hid, matched in order among the secrets
    of the same kind and name; a secret the person typed anew is kept as typed."""
    hidden = _hidden_values(stored)
    if not hidden or secrets.MASK not in edited:
        return edited
    seen: dict[str, int] = {}
    edits: list[_Edit] = []
    for key, start, end in _secret_places(edited):
        n = seen.get(key, 0)
        seen[key] = n + 1
        if edited[start:end] == secrets.MASK and key in hidden and n < len(hidden[key]):
            edits.append((start, end, hidden[key][n]))
    return _apply(edited, _disjoint(edits))


def _secret_places(text: str) -> list[tuple[str, int, int]]:
    """(what the secret is, start, end) of every secret value of ``text``, masked or not."""
    places: list[tuple[str, int, int]] = []
    for m in _ELEMENT.finditer(text):
        if secrets.is_secret_setting(m.group("name")):
            places.append((f"element:{m.group('name')}", *m.span("value")))
    for m in _CONNECTION.finditer(text):
        group = "quoted" if m.group("quoted") is not None else "plain"
        key = m.group(0)[: m.start(group) - m.start()].strip(" ;=").lower()
        places.append((f"connection:{key}", *m.span(group)))
    for start, end in secrets.url_password_spans(text) if "://" in text else ():
        places.append(("url", start, end))
    places.sort(key=lambda p: p[1])
    return places


def _hidden_values(stored: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, start, end in _secret_places(stored):
        out.setdefault(key, []).append(stored[start:end])
    return out


__all__ = ["blank_bytes", "blank_text", "mask_secrets", "restore_masked"]
