"""The subset of Azure Service Bus SQL filter syntax that the export writes, read and evaluated.

Grammar (Microsoft's "Subscription Rule SQL Filter Syntax", reduced to what
``model.routing.servicebus`` emits)::

    predicate  := term { OR term }
    term       := factor { AND factor }
    factor     := NOT factor | ( predicate ) | EXISTS ( property )
                | property IS [NOT] NULL | operand cmp operand | TRUE | FALSE
    cmp        := = | <> | != | < | <= | > | >=
    operand    := property | constant
    property   := [ (user|sys) . ] ( identifier | [delimited, "]]" for "]"] )
    constant   := integer | 'string, '' for a quote' | TRUE | FALSE

Evaluation follows Service Bus's three-valued logic: a user property the message does not
carry is unknown, any comparison with unknown is unknown, ``NOT unknown`` is unknown, and a
rule selects the message only when its predicate is true. Values of different types
(a number and a string) compare as unknown. ``sys.`` properties are not modelled (the export
never writes them): they read as unknown.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["SqlFilterError", "SqlPredicate", "evaluate", "parse"]

SqlValue = str | int | bool


class SqlFilterError(ValueError):
    """A SQL filter outside the subset, with the position where reading stopped."""


_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>\d+)
    | (?P<str>'(?:[^']|'')*')
    | (?P<delim>\[(?:[^\]]|\]\])*\])
    | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<op><>|!=|<=|>=|=|<|>|\(|\)|\.|-)
    )""",
    re.VERBOSE,
)
_REST_IS_BLANK = re.compile(r"\s*\Z")
_KEYWORDS = {"AND", "OR", "NOT", "EXISTS", "IS", "NULL", "TRUE", "FALSE"}


@dataclass(frozen=True)
class _Tok:
    kind: str  # num, str, name, kw, op, end
    text: str
    value: object
    at: int


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    pos = 0
    while _REST_IS_BLANK.match(text, pos) is None:
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise SqlFilterError(f"unexpected {text[pos:].strip()[:10]!r} at {pos}")
        kind = m.lastgroup or ""
        raw = m.group(kind)
        at = m.start(kind)
        if kind == "num":
            out.append(_Tok("num", raw, int(raw), at))
        elif kind == "str":
            out.append(_Tok("str", raw, raw[1:-1].replace("''", "'"), at))
        elif kind == "delim":
            out.append(_Tok("name", raw, raw[1:-1].replace("]]", "]"), at))
        elif kind == "ident" and raw.upper() in _KEYWORDS:
            out.append(_Tok("kw", raw.upper(), raw.upper(), at))
        elif kind == "ident":
            out.append(_Tok("name", raw, raw, at))
        else:
            out.append(_Tok("op", raw, raw, at))
        pos = m.end()
    out.append(_Tok("end", "", None, len(text)))
    return out


# The tree: ("or", a, b) ("and", a, b) ("not", a) ("exists", name) ("null", name, negated)
# ("cmp", op, left, right) ("const", value) ("prop", scope, name)
Node = tuple


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokens(text)
        self.i = 0

    def peek(self, kind: str, text: str | None = None) -> bool:
        t = self.toks[self.i]
        return t.kind == kind and (text is None or t.text == text)

    def take(self, kind: str, text: str | None = None) -> _Tok:
        t = self.toks[self.i]
        if not self.peek(kind, text):
            raise SqlFilterError(f"expected {text or kind} at {t.at}, found {t.text or 'the end'!r}")
        self.i += 1
        return t

    def predicate(self) -> Node:
        node = self.term()
        while self.peek("kw", "OR"):
            self.take("kw")
            node = ("or", node, self.term())
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.peek("kw", "AND"):
            self.take("kw")
            node = ("and", node, self.factor())
        return node

    def factor(self) -> Node:
        if self.peek("kw", "NOT"):
            self.take("kw")
            return ("not", self.factor())
        if self.peek("kw", "EXISTS"):
            self.take("kw")
            self.take("op", "(")
            prop = self.property()
            self.take("op", ")")
            return ("exists", prop)
        if self.peek("op", "("):
            self.take("op")
            node = self.predicate()
            self.take("op", ")")
            return node
        left = self.operand()
        if self.peek("kw", "IS"):
            if left[0] != "prop":
                raise SqlFilterError(f"IS NULL needs a property at {self.toks[self.i].at}")
            self.take("kw")
            negated = self.peek("kw", "NOT")
            if negated:
                self.take("kw")
            self.take("kw", "NULL")
            return ("null", left, negated)
        if self.peek("op") and self.toks[self.i].text in ("=", "<>", "!=", "<", "<=", ">", ">="):
            op = self.take("op").text
            return ("cmp", "<>" if op == "!=" else op, left, self.operand())
        if left[0] == "const" and isinstance(left[1], bool):
            return left
        t = self.toks[self.i]
        raise SqlFilterError(f"expected a comparison at {t.at}, found {t.text or 'the end'!r}")

    def operand(self) -> Node:
        if self.peek("num"):
            return ("const", self.take("num").value)
        if self.peek("op", "-"):
            self.take("op")
            return ("const", -int(self.take("num").text))
        if self.peek("str"):
            return ("const", self.take("str").value)
        if self.peek("kw", "TRUE") or self.peek("kw", "FALSE"):
            return ("const", self.take("kw").text == "TRUE")
        return self.property()

    def property(self) -> Node:
        first = self.take("name")
        if self.peek("op", ".") and first.text.lower() in ("user", "sys"):
            self.take("op")
            return ("prop", first.text.lower(), self.take("name").value)
        return ("prop", "user", first.value)


@dataclass(frozen=True)
class SqlPredicate:
    """A parsed SQL filter expression."""

    text: str
    tree: Node

    def matches(self, properties: Mapping[str, SqlValue]) -> bool:
        """Whether a message with these user properties is selected (true, not unknown)."""
        return _eval(self.tree, properties) is True


def parse(text: str) -> SqlPredicate:
    """Read a SQL filter expression; :class:`SqlFilterError` outside the subset."""
    p = _Parser(text)
    tree = p.predicate()
    p.take("end")
    return SqlPredicate(text, tree)


def evaluate(text: str, properties: Mapping[str, SqlValue]) -> bool:
    return parse(text).matches(properties)


_MISSING = object()


def _value(node: Node, props: Mapping[str, SqlValue]) -> object:
    if node[0] == "const":
        return node[1]
    if node[1] == "sys":
        return _MISSING
    return props.get(node[2], _MISSING)


def _kind(v: object) -> str:
    return "bool" if isinstance(v, bool) else "num" if isinstance(v, int) else "str"


_CMP = {
    "=": lambda a, b: a == b,
    "<>": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _eval(node: Node, props: Mapping[str, SqlValue]) -> bool | None:
    """True, False or None (unknown)."""
    tag = node[0]
    if tag == "or":
        a, b = _eval(node[1], props), _eval(node[2], props)
        return True if (a is True or b is True) else None if (a is None or b is None) else False
    if tag == "and":
        a, b = _eval(node[1], props), _eval(node[2], props)
        return False if (a is False or b is False) else None if (a is None or b is None) else True
    if tag == "not":
        a = _eval(node[1], props)
        return None if a is None else not a
    if tag == "exists":
        return _value(node[1], props) is not _MISSING
    if tag == "null":
        missing = _value(node[1], props) is _MISSING
        return not missing if node[2] else missing
    if tag == "const":
        return bool(node[1])
    left, right = _value(node[2], props), _value(node[3], props)
    if left is _MISSING or right is _MISSING or _kind(left) != _kind(right):
        return None
    if _kind(left) == "bool" and node[1] not in ("=", "<>"):
        return None
    return bool(_CMP[node[1]](left, right))
