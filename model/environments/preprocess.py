"""Fill a token master for one environment, as BTDF's XmlPreprocess step does.

Directives are XmlPreprocess's, on lines of their own: ``<!-- #ifdef NAME -->`` (or
``<!-- ifdef ${NAME} -->``), ``<!-- #if EXPRESSION -->``, ``<!-- #else -->``,
``<!-- #endif -->``, not nested. A true branch is kept with the markup commented out inside
it uncommented (``<!-- <Address>${X}</Address> -->`` becomes the element; a comment of prose
stays a comment, where XmlPreprocess would leave its words as stray text); a false branch
is dropped and its ``#else`` part kept. ``_xml_preprocess`` is always defined. Expressions
know ``defined(NAME)``, ``GetProperty("NAME")``, string literals, ``==``, ``!=``, ``!``,
``&&``, ``||`` and parentheses.

``${NAME}`` (and MSBuild-style ``$(NAME)``) tokens are replaced everywhere (BTDF masters use them outside ``#ifdef``
blocks too), nested names first (``${A_${B}}``), ``${A;B}`` taking the first defined, and
values that hold tokens resolved in turn. Unlike XmlPreprocess, each value is escaped
for the place it lands: an attribute, element text, text inside escaped XML (the
``TransportTypeData`` of a binding file) or inside XML escaped twice (a WCF binding
configuration inside it). A token with no value refuses the whole file, naming every one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from model.bindings import xmltext
from model.environments.table import BUILT_IN, lookup


class PreprocessError(ValueError):
    """The master cannot be filled; ``unresolved`` lists the tokens that have no value."""

    def __init__(self, message: str, unresolved: list[str] | None = None) -> None:
        super().__init__(message)
        self.unresolved = unresolved or []


_H = r"(?:\r\n|\n)[ \t\f\v]*"
_IF = re.compile(_H + r"<!--\s*(?P<keyword>#*\s*ifdef|#*\s*if)\s+(?P<condition>.*)-->", re.I)
_ELSE = re.compile(_H + r"<!--\s*#*\s*else\s*-->", re.I)
_ENDIF = re.compile(_H + r"<!--\s*#*\s*endif\s*-->", re.I)
_TOKEN = re.compile(r"\$\{([^${}]*)\}|\$\(([A-Za-z_][\w.]*)\)")
_MARK = re.compile("\ue000(\\d+)\ue001")


_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def _uncomment(body: str) -> str:
    """A true branch's commented-out markup, uncommented. A comment of prose (one that does not
    start with ``<``) stays a comment: XmlPreprocess would leave its words as stray text."""

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        if not inner.startswith("<"):
            return m.group()
        return inner.replace("< ! - -", "<!--").replace("- - >", "-->")

    return _COMMENT.sub(repl, body)


def _strip_braces(text: str) -> str:
    return text.replace("${", "").replace("}", "").strip()


def directives(text: str, values: Mapping[str, str]) -> str:
    """``text`` with every ``#ifdef``/``#if`` block decided (see the module's docstring)."""
    out: list[str] = []
    offset = 0
    while True:
        start = _IF.search(text, offset)
        if start is None:
            break
        end = _ENDIF.search(text, start.end())
        if end is None:
            raise PreprocessError(f"line {_line(text, start.start() + 1)}: '#if' without '#endif'")
        body = text[start.end() : end.start()]
        nested = _IF.search(body)
        if nested is not None:
            raise PreprocessError(
                f"line {_line(text, start.end() + nested.start() + 1)}: nested '#if' blocks are not supported"
                " (XmlPreprocess refuses them too)"
            )
        out.append(text[offset : start.start()])
        keyword = start.group("keyword").lstrip("#").strip().lower()
        condition = _strip_braces(start.group("condition")) if keyword == "ifdef" else start.group("condition")
        try:
            true = (
                (lookup(dict(values), condition) is not None)
                if keyword == "ifdef"
                else _Expression(condition, values).value()
            )
        except PreprocessError as e:
            raise PreprocessError(f"line {_line(text, start.start() + 1)}: {e}") from None
        split = _ELSE.search(body)
        if_body, else_body = (body[: split.start()], body[split.end() :]) if split else (body, "")
        out.append(_uncomment(if_body) if true else else_body)
        offset = end.end()
    out.append(text[offset:])
    return "".join(out)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


class _Expression:
    """The small expression language of ``#if`` (see the module's docstring)."""

    _LEX = re.compile(r"""\s*(?:(?P<str>"[^"]*"|'[^']*')|(?P<op>==|!=|&&|\|\||!|\(|\)|,)|(?P<name>[A-Za-z_][\w.]*))""")

    def __init__(self, text: str, values: Mapping[str, str]) -> None:
        self.values = dict(values)
        self.tokens: list[tuple[str, str]] = []
        pos = 0
        text = text.strip()
        while pos < len(text):
            m = self._LEX.match(text, pos)
            if m is None or m.end() == pos:
                raise PreprocessError(f"cannot read the condition '{text}' at '{text[pos:]}'")
            kind = m.lastgroup or ""
            self.tokens.append((kind, m.group(kind)))
            pos = m.end()
        self.pos = 0
        self.text = text

    def value(self) -> bool:
        result = self._or()
        if self.pos != len(self.tokens):
            raise PreprocessError(f"cannot read the condition '{self.text}'")
        return bool(result)

    def _peek(self) -> str | None:
        return self.tokens[self.pos][1] if self.pos < len(self.tokens) else None

    def _take(self, expected: str | None = None) -> tuple[str, str]:
        if self.pos >= len(self.tokens) or (expected is not None and self.tokens[self.pos][1] != expected):
            raise PreprocessError(f"cannot read the condition '{self.text}'")
        self.pos += 1
        return self.tokens[self.pos - 1]

    def _or(self) -> object:
        left = self._and()
        while self._peek() == "||":
            self._take()
            right = self._and()
            left = bool(left) or bool(right)
        return left

    def _and(self) -> object:
        left = self._compare()
        while self._peek() == "&&":
            self._take()
            right = self._compare()
            left = bool(left) and bool(right)
        return left

    def _compare(self) -> object:
        left = self._unary()
        if self._peek() in ("==", "!="):
            op = self._take()[1]
            right = self._unary()
            same = str(left).casefold() == str(right).casefold()
            return same if op == "==" else not same
        return left

    def _unary(self) -> object:
        if self._peek() == "!":
            self._take()
            return not bool(self._unary())
        if self._peek() == "(":
            self._take()
            inner = self._or()
            self._take(")")
            return inner
        kind, text = self._take()
        if kind == "str":
            return text[1:-1]
        if kind == "name" and self._peek() == "(":
            self._take("(")
            arg_kind, arg = self._take()
            self._take(")")
            name = arg[1:-1] if arg_kind == "str" else arg
            if text.lower() == "defined":
                return lookup(self.values, name) is not None
            if text.lower() == "getproperty":
                return lookup(self.values, name) or ""
            raise PreprocessError(f"unknown function '{text}' in the condition '{self.text}'")
        if kind == "name" and text.lower() in ("true", "false"):
            return text.lower() == "true"
        raise PreprocessError(f"cannot read the condition '{self.text}' at '{text}'")


# -- tokens ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Place:
    """Where a token lands: ``attr`` (with its quote), ``text``, or ``raw`` (comment, CDATA)."""

    kind: str
    quote: str = '"'


def _escape(value: str, place: _Place) -> str:
    if place.kind == "attr":
        return xmltext.escape_attr(value, place.quote)
    if place.kind == "text":
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def resolve(name: str, values: Mapping[str, str], missing: list[str], seen: tuple[str, ...] = ()) -> str | None:
    """The value of token ``name`` (``A;B`` takes the first defined), its own tokens resolved."""
    for part in name.split(";"):
        part = part.strip()
        value = lookup(dict(values), part) if part else None
        if value is not None:
            if part.casefold() in seen:
                raise PreprocessError(f"setting '{part}' refers to itself through {' -> '.join(seen)}")
            return _fill_plain(value, values, missing, (*seen, part.casefold()))
    if name not in missing:
        missing.append(name)
    return None


def _fill_plain(text: str, values: Mapping[str, str], missing: list[str], seen: tuple[str, ...] = ()) -> str:
    """Tokens in a value (no escaping: the value is escaped once, where it lands)."""

    def repl(m: re.Match[str]) -> str:
        value = resolve(m.group(1) or m.group(2), values, missing, seen)
        return m.group() if value is None else value

    previous = None
    while previous != text and _TOKEN.search(text):
        previous = text
        text = _TOKEN.sub(repl, text)
    return text


_QUOTE = re.compile(r"""=\s*(["'])[^"']*\Z""")
_TEXT = _Place("text")
_RAW = _Place("raw")


def _places(text: str, outer: tuple[_Place, ...], found: dict[int, tuple[_Place, ...]]) -> None:
    """Where each marker of ``text`` lands, read from the markup around it (no parse of the
    whole document): inside a tag, an attribute (with its quote); in a comment, CDATA or
    processing instruction, as it is; in character data, text, and when that character data
    is escaped XML (``TransportTypeData``), wherever it lands inside it."""
    marks = list(_MARK.finditer(text))
    i = 0
    while i < len(marks):
        p = marks[i].start()
        lt, gt = text.rfind("<", 0, p), text.rfind(">", 0, p)
        if lt > gt:
            if text.startswith(("<!--", "<![CDATA[", "<?"), lt):
                found[int(marks[i].group(1))] = (*outer, _RAW)
            else:
                q = _QUOTE.search(text, lt, p)
                found[int(marks[i].group(1))] = (*outer, _Place("attr", q.group(1) if q else '"'))
            i += 1
            continue
        end = text.find("<", p)
        end = len(text) if end < 0 else end
        j = i
        while j < len(marks) and marks[j].start() < end:
            j += 1
        segment = text[gt + 1 : end]
        inner = xmltext.unescape(segment) if "&lt;" in segment else ""
        if inner.lstrip().startswith("<"):
            _places(inner, (*outer, _TEXT), found)
        else:
            for mark in marks[i:j]:
                found[int(mark.group(1))] = (*outer, _TEXT)
        i = j


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its directives decided and its tokens replaced, each value escaped for
    where it lands. Raises :class:`PreprocessError` naming every token without a value."""
    values = {**BUILT_IN, **values}
    text = directives(text, values)
    missing: list[str] = []
    # nested names first: ${A_${B}} -> ${A_b}
    while True:
        inner = re.search(r"\$\{[^{}]*\$\{([^${}]*)\}", text)
        if inner is None:
            break
        value = resolve(inner.group(1), values, missing)
        start, end = inner.span(1)
        text = text[: start - 2] + (value if value is not None else f"\ue002{inner.group(1)}\ue003") + text[end + 1 :]
    names: list[str] = []

    def mark(m: re.Match[str]) -> str:
        names.append(m.group(1) or m.group(2))
        return f"\ue000{len(names) - 1}\ue001"

    marked = _TOKEN.sub(mark, text)
    found: dict[int, tuple[_Place, ...]] = {}
    _places(marked, (), found)
    resolved = [resolve(name, values, missing) for name in names]
    if missing:
        missing = [name.replace("\ue002", "${").replace("\ue003", "}") for name in missing]
        listed = ", ".join("${" + name + "}" for name in missing)
        raise PreprocessError(f"{len(missing)} token(s) have no value in this environment: {listed}", missing)

    def unmark(m: re.Match[str]) -> str:
        index = int(m.group(1))
        value = resolved[index] or ""
        for place in reversed(found.get(index, (_TEXT,))):
            value = _escape(value, place)
        return value

    return _MARK.sub(unmark, marked)


def display_value(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """``text`` (a field's value) with the tokens that have a value replaced, for a person to
    read (nothing escaped), and the names of the settings it took them from."""
    used: list[str] = []
    missing: list[str] = []

    def repl(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        value = resolve(name, values, missing)
        if value is None:
            return m.group()
        used.append(name)
        return value

    return _TOKEN.sub(repl, text), used
