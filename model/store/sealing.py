"""Secrets at rest: the column types that keep adapter passwords out of the database's bytes.

A port's XML, its address, an imported file's skeleton and the audit trail are stored with
every secret *value* in them replaced by a sealed token, ``{sealed:v1:<key id>:<Fernet token>}``,
and put back exactly on reading: the rest of the store reads and writes plain text, the round
trip is byte for byte, and SQL ``LIKE`` on the text around secrets (``xml.contains("SendPortName")``)
still works. The key is kept outside the database (``model.store.secret_key``).

What is sealed, in raw XML and in the escaped XML nested inside it (``&lt;Password vt="8"&gt;pw``,
``&amp;lt;password&amp;gt;pw``): the text of an element whose name is a secret setting
(``model.secrets.is_secret_setting``), a ``Password=`` (``Pwd=``, ``AccountKey=``...) value of a
connection string, and the password of a URL. The token alphabet needs no escaping at any depth.
Text that already reads ``{sealed:`` is sealed too, so that nothing but a token ever reads so.

Rows written before sealing existed read as they are and are sealed on their next write.
"""

from __future__ import annotations

import re
import string
from typing import Any

from cryptography.fernet import InvalidToken
from sqlalchemy import JSON, LargeBinary, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.operators import OperatorType
from sqlalchemy.types import TypeDecorator, TypeEngine

from model import secrets
from model.store.errors import WorkspaceError
from model.store.secret_key import KEYS

PREFIX = "{sealed:"
_TOKEN = re.compile(r"\{sealed:v1:(?P<kid>[0-9a-f]{10}):(?P<token>[A-Za-z0-9_\-]+=*)\}")

_WORDS = ("passw", "pwd", "secret", "accesskey", "accountkey", "sharedkey")
#: Where a secret may be named: every element name and connection-string key that names a secret
#: holds one of these, so a text is searched only around them (a port without any costs one scan).
_WORD = re.compile(
    "|".join(re.escape(w) for w in dict.fromkeys((*_WORDS, *secrets.catalog_secret_names()))), re.IGNORECASE
)
_ALL_LOWER = frozenset(w.lower() for w in (*_WORDS, *secrets.catalog_secret_names()))
#: The words searched for: a name that holds a shorter word is found through it.
_WORDS_LOWER = tuple(sorted(w for w in _ALL_LOWER if not any(o != w and o in w for o in _ALL_LOWER)))
_NAME_CHARS = frozenset(string.ascii_letters + string.digits + "_.:-")
_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "_.- ")

# An element with text only, at any depth of escaping: "<" is "<", "&lt;", "&amp;lt;"... and the
# element's own text cannot hold its depth's "<" (deeper ones are characters of its text).
_GT = r"(?:>|&(?:amp;)*+gt;)"
_ELEMENT = re.compile(
    r"(?P<lt><|&(?:amp;)*+lt;)(?P<name>[A-Za-z_][\w.:\-]*+)"
    + r"(?:\s(?:[^<>&]|&(?!(?:amp;)*+[lg]t;))*+)?(?<!/)"  # attributes
    + _GT
    + r"(?P<value>(?:(?!(?P=lt))[^<])++)"
    + r"(?P=lt)/(?P=name)\s*"
    + _GT,
    re.IGNORECASE,
)
# ``Key=value`` of a connection string whose key names a secret, from the key's word on. In XML the
# value also ends where the text does (a "<" at any depth) and keeps escaped characters whole.
_ENTITY = r"&(?:(?:amp;)*+#(?:\d+|x[0-9a-fA-F]+);|(?:amp;)++(?!(?:lt|gt|quot|apos);))"
_QUOTE = r"&(?:amp;)*+quot;"
_CONNECTION = re.compile(
    r"(?:password|passwd|pwd|secret|accesskey|accountkey)\s*=\s*"
    rf"(?P<secret>\"[^\"<]*\"|'[^'<]*'|{_QUOTE}(?:(?!{_QUOTE})[^<])*{_QUOTE}|(?:[^;<>&\"'\r\n]|{_ENTITY})+)",
    re.IGNORECASE,
)


def _tag_start(text: str, name: int) -> int:
    """Where the "<" (or its escaped form) before the name starting at ``name`` begins; -1 if none."""
    if name >= 1 and text[name - 1] == "<":
        return name - 1
    if name >= 4 and text.startswith("lt;", name - 3):
        at = name - 3
        while at >= 5 and text.startswith("amp;", at - 4):
            at -= 4
        if text[at - 1] == "&":
            return at - 1
    return -1


def _around(text: str, word: int) -> list[tuple[int, int]]:
    """The secret values named by the word found at ``word``: an element's text, a connection
    string's value."""
    out: list[tuple[int, int]] = []
    start = word
    while start > 0 and text[start - 1] in _NAME_CHARS:
        start -= 1
    tag = _tag_start(text, start)
    if tag >= 0:
        m = _ELEMENT.match(text, tag)
        if m is not None and m.end("name") > word and secrets.is_secret_setting(m.group("name")):
            out.append(m.span("value"))
    start = word
    while start > 0 and text[start - 1] in _KEY_CHARS:
        start -= 1
    if start == 0 or text[start - 1] in ";>\"'" or text[start - 1].isspace():
        m = _CONNECTION.match(text, word)
        if m is not None:
            out.append(m.span("secret"))
    return out


def _word_starts(text: str) -> list[int]:
    """Where the words of ``_WORD`` start in ``text``: by substring search of the lower-cased
    text (many times faster than a case-blind regular expression), unless lower-casing changed
    the text's length (a few non-ASCII letters do)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return [m.start() for m in _WORD.finditer(text)]
    starts: list[int] = []
    for word in _WORDS_LOWER:
        at = lowered.find(word)
        while at >= 0:
            starts.append(at)
            at = lowered.find(word, at + len(word))
    return starts


def secret_spans(text: str) -> list[tuple[int, int]]:
    """Where the secret values of ``text`` are, as sorted, disjoint (start, end) spans."""
    spans: list[tuple[int, int]] = []
    for word in _word_starts(text):
        spans += _around(text, word)
    if "://" in text and "@" in text:
        spans += secrets.url_password_spans(text)
    if PREFIX in text:
        spans += [(m.start(), m.start() + len(PREFIX)) for m in re.finditer(re.escape(PREFIX), text)]
    if len(spans) < 2:
        return spans
    spans.sort()
    merged = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = merged[-1]
        if start <= last_end:
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def seal(text: str) -> str:
    """``text`` with each secret value replaced by a sealed token (``text`` itself if it has none)."""
    spans = secret_spans(text)
    if not spans:
        return text
    key = KEYS.primary()
    fernet = key.fernet
    out: list[str] = []
    pos = 0
    for start, end in spans:
        token = fernet.encrypt(text[start:end].encode("utf-8", "surrogatepass")).decode("ascii")
        out += (text[pos:start], f"{{sealed:v1:{key.id}:{token}}}")
        pos = end
    out.append(text[pos:])
    return "".join(out)


#: Opened tokens (each token is unique: a write seals anew), so re-reading rows costs no decryption.
_opened: dict[str, str] = {}
_OPENED_MAX = 1 << 16


def _open(m: re.Match[str]) -> str:
    token = m.group(0)
    plain = _opened.get(token)
    if plain is None:
        kid = m.group("kid")
        try:
            plain = KEYS.get(kid).fernet.decrypt(m.group("token").encode("ascii")).decode("utf-8", "surrogatepass")
        except InvalidToken:
            raise WorkspaceError(
                f"a secret in this workspace sealed with key {kid} cannot be opened with that key: "
                "the stored value is damaged"
            ) from None
        if len(_opened) >= _OPENED_MAX:
            _opened.clear()
        _opened[token] = plain
    return plain


def unseal(text: str) -> str:
    """``text`` with every sealed token replaced by what it sealed (MissingKeyError without its key)."""
    return _TOKEN.sub(_open, text) if "{" in text and PREFIX in text else text


def unseal_bytes(data: bytes) -> bytes:
    """:func:`unseal` for UTF-8 text read as bytes (export copies stored XML undecoded)."""
    if b"{" not in data or b"{sealed:" not in data:  # one byte first: memchr is faster
        return data
    return unseal(data.decode("utf-8", "surrogatepass")).encode("utf-8", "surrogatepass")


def _walk(value: Any, change: Any) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_walk(v, change) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, change) for k, v in value.items()}
    return value


class SealedText(TypeDecorator[str]):
    """Text whose secret values are stored sealed."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else seal(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else unseal(value)

    def coerce_compared_value(self, op: OperatorType | None, value: Any) -> TypeEngine[Any]:
        # a LIKE pattern or compared value is matched against the stored text as it is
        return Text()


class SealedJSON(TypeDecorator[Any]):
    """JSON whose strings have their secret values stored sealed (an imported file's skeleton)."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else _walk(value, seal)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else _walk(value, unseal)


class SealedBytes(TypeDecorator[bytes]):
    """Sealed text read as its UTF-8 bytes (``cast(xml, SealedBytes())`` on SQLite), unsealed."""

    impl = LargeBinary
    cache_ok = True

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        return None if value is None else unseal_bytes(value if isinstance(value, bytes) else bytes(value))
