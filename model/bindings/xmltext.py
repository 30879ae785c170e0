"""Lossless XML text: a concrete syntax tree that gives back the exact characters it read.

lxml validates documents and builds the model, but it normalises what teams see in
diffs (attribute quoting and spacing, ``<X />``, line breaks inside tags, entity
spelling). This module keeps the text itself: an :class:`Element` holds its raw start
and end tags and raw children, so serialising an untouched tree returns the input,
and an edit rewrites only the tag or text it touches, in the style around it.

The tokenizer trusts its input to be well-formed: callers parse with the hardened lxml
parser first (see ``model.bindings.safe``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "CDATA",
    "COMMENT",
    "DECLARATION",
    "END",
    "PI",
    "START",
    "CData",
    "Comment",
    "Element",
    "Node",
    "Pi",
    "Text",
    "element_name",
    "escape_attr",
    "escape_text",
    "first_element",
    "is_self_closing",
    "next_token",
    "normalize_newlines",
    "parse",
    "serialize",
    "token_at",
    "tokens",
    "unescape",
]


class Text(str):
    """Character data exactly as written (entities not expanded)."""

    __slots__ = ()


class Comment(str):
    """``<!-- ... -->`` including its delimiters."""

    __slots__ = ()


class Pi(str):
    """A processing instruction or XML declaration, including delimiters."""

    __slots__ = ()


class CData(str):
    """``<![CDATA[ ... ]]>`` including delimiters."""

    __slots__ = ()


Node = "Text | Comment | Pi | CData | Element"

_TOKEN = re.compile(
    r"""(?P<comment><!--.*?-->)
      | (?P<cdata><!\[CDATA\[.*?\]\]>)
      | (?P<pi><\?.*?\?>)
      | (?P<decl><![A-Za-z][^>]*>)
      | (?P<end></[^\s>]+\s*>)
      | (?P<start><(?P<name>[^\s/>!?][^\s/>]*)[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)
    """,
    re.S | re.X,
)

#: Kinds of token (``match.lastgroup`` of a match from :func:`tokens`).
START, END, COMMENT, CDATA, PI, DECLARATION = "start", "end", "comment", "cdata", "pi", "decl"


def tokens(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """Every markup token of ``text`` from ``pos``, in order; the text between them is
    character data. A match's ``lastgroup`` is its kind (:data:`START`, :data:`END`...),
    ``group()`` its exact text, and ``group("name")`` a start tag's element name."""
    return _TOKEN.finditer(text, pos, len(text) if endpos is None else endpos)


def next_token(text: str, pos: int = 0) -> re.Match[str] | None:
    """The first markup token of ``text`` at or after ``pos`` (see :func:`tokens`), or None."""
    return _TOKEN.search(text, pos)


def token_at(text: str, pos: int) -> re.Match[str] | None:
    """The markup token that starts exactly at ``pos`` (see :func:`tokens`), or None."""
    return _TOKEN.match(text, pos)


def is_self_closing(token: re.Match[str]) -> bool:
    """Whether a start tag token is written ``<X ... />`` (it has no content or end tag)."""
    return token.group().endswith("/>")


_ATTR = re.compile(r"""(\s+)([^\s=/>]+)(\s*=\s*)(?:"([^"]*)"|'([^']*)')""")
_NAME = re.compile(r"<([^\s/>]+)")
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def unescape(raw: str) -> str:
    """Expand the five predefined entities and character references (nothing else exists
    in a document without a DTD)."""
    if "&" not in raw:
        return raw

    def repl(m: re.Match[str]) -> str:
        ref = m.group(1)
        if ref[0] == "#":
            return chr(int(ref[2:], 16) if ref[1] in "xX" else int(ref[1:]))
        return _NAMED[ref]

    return _ENTITY.sub(repl, raw)


_TEXT_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#xD;"})
_EOL = re.compile(r"\r\n?")
_ATTR_ESC = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#xD;", "\n": "&#xA;", "\t": "&#x9;"}
)


def escape_text(value: str, newline: str = "\n") -> str:
    """Escape character data the way .NET's XmlWriter (and so BizTalk) writes it.

    A carriage return in the value becomes ``&#xD;`` (a literal one would be lost when the
    file is read); line breaks are written as ``newline``, the file's own convention."""
    out = value.translate(_TEXT_ESC)
    return out.replace("\n", newline) if newline != "\n" else out


def normalize_newlines(raw: str) -> str:
    """XML's end-of-line handling: literal CR LF and lone CR read as LF (before entities)."""
    return _EOL.sub("\n", raw) if "\r" in raw else raw


def escape_attr(value: str, quote: str = '"') -> str:
    """Escape an attribute value for the given quote character."""
    out = value.translate(_ATTR_ESC)
    if quote == "'":
        out = out.replace("&quot;", '"').replace("'", "&apos;")
    return out


class Element:
    """An element with its exact start tag, children and end tag (None when ``<X />``)."""

    __slots__ = ("children", "end", "name", "start")

    def __init__(self, name: str, start: str, children: list | None = None, end: str | None = None) -> None:
        self.name = name
        self.start = start
        self.children: list = children if children is not None else []
        self.end = end

    def __repr__(self) -> str:
        return f"<Element {self.name} {len(self.children)} children>"

    # -- reading ------------------------------------------------------------------------

    def attrs(self) -> dict[str, str]:
        return {
            m.group(2): unescape(m.group(4) if m.group(4) is not None else m.group(5))
            for m in _ATTR.finditer(self.start)
        }

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs().get(name, default)

    def elements(self, name: str | None = None) -> Iterator[Element]:
        for child in self.children:
            if isinstance(child, Element) and (name is None or child.name == name):
                yield child

    def find(self, name: str) -> Element | None:
        return next(self.elements(name), None)

    def text(self) -> str:
        """The character data directly inside, entities expanded, CDATA unwrapped."""
        parts = []
        for child in self.children:
            if isinstance(child, Text):
                parts.append(unescape(normalize_newlines(child)))
            elif isinstance(child, CData):
                parts.append(child[9:-3])
        return "".join(parts)

    @property
    def is_nil(self) -> bool:
        return self.get("xsi:nil") == "true"

    def serialize(self) -> str:
        out: list[str] = []
        _write(self, out)
        return "".join(out)

    # -- editing ------------------------------------------------------------------------

    def set_attr(self, name: str, value: str) -> None:
        """Set an attribute, keeping its quoting and place; a new one goes last."""
        for m in _ATTR.finditer(self.start):
            if m.group(2) == name:
                quote = '"' if m.group(4) is not None else "'"
                vstart = m.start(4) if m.group(4) is not None else m.start(5)
                vend = m.end(4) if m.group(4) is not None else m.end(5)
                self.start = self.start[:vstart] + escape_attr(value, quote) + self.start[vend:]
                return
        quote = "'" if "'" in self.start and '"' not in self.start else '"'
        tail = len(self.start) - (2 if self.start.endswith("/>") else 1)
        head = self.start[:tail].rstrip()
        gap = self.start[len(head) : tail]
        self.start = f"{head} {name}={quote}{escape_attr(value, quote)}{quote}{gap}{self.start[tail:]}"

    def remove_attr(self, name: str) -> None:
        for m in _ATTR.finditer(self.start):
            if m.group(2) == name:
                self.start = self.start[: m.start()] + self.start[m.end() :]
                return

    def set_text(self, raw: str) -> None:
        """Replace the content with ``raw`` (already escaped), opening ``<X />`` if needed."""
        self.remove_attr("xsi:nil")
        self.children = [Text(raw)] if raw else []
        if raw:
            self._open()
        elif self.end is not None and not self.children:
            self._close_empty()

    def set_children(self, children: list) -> None:
        self.remove_attr("xsi:nil")
        self.children = children
        if children:
            self._open()

    def set_nil(self) -> None:
        self.children = []
        self.set_attr("xsi:nil", "true")
        self._close_empty()

    def _open(self) -> None:
        if self.end is None:
            self.start = self.start[:-2].rstrip() + ">"
            self.end = f"</{self.name}>"

    def _close_empty(self) -> None:
        if self.end is not None:
            self.start = self.start[:-1].rstrip() + " />"
            self.end = None


def _write(el: Element, out: list[str]) -> None:
    out.append(el.start)
    for child in el.children:
        if isinstance(child, Element):
            _write(child, out)
        else:
            out.append(child)
    if el.end is not None:
        out.append(el.end)


def serialize(nodes: list) -> str:
    """The exact text of ``nodes`` (as :func:`parse` gives them, edited or not)."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Element):
            _write(node, out)
        else:
            out.append(node)
    return "".join(out)


def element_name(start_tag: str) -> str:
    """The element name in a start tag's text (``""`` when it is not one)."""
    m = _NAME.match(start_tag)
    return m.group(1) if m else ""


def parse(text: str, pos: int = 0, endpos: int | None = None) -> list:
    """Tokenize well-formed XML (a document or a fragment) into nodes, losslessly."""
    endpos = len(text) if endpos is None else endpos
    root: list = []
    stack: list[Element] = []
    top = root
    for m in _TOKEN.finditer(text, pos, endpos):
        if m.start() > pos:
            top.append(Text(text[pos : m.start()]))
        pos = m.end()
        kind = m.lastgroup
        tok = m.group()
        if kind == "start":
            el = Element(m.group("name"), tok)
            top.append(el)
            if not tok.endswith("/>"):
                el.end = ""
                stack.append(el)
                top = el.children
        elif kind == "end":
            if not stack:
                raise ValueError(f"unbalanced end tag {tok!r} at offset {m.start()}")
            el = stack.pop()
            el.end = tok
            top = stack[-1].children if stack else root
        elif kind == "comment":
            top.append(Comment(tok))
        elif kind == "cdata":
            top.append(CData(tok))
        else:
            top.append(Pi(tok))
    if pos < endpos:
        top.append(Text(text[pos:endpos]))
    if stack:
        raise ValueError(f"element <{stack[-1].name}> is not closed")
    return root


def first_element(nodes: list) -> Element | None:
    """The first element among ``nodes`` (a document's root), or None."""
    for node in nodes:
        if isinstance(node, Element):
            return node
    return None
