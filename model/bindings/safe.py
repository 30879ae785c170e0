"""Hardened reading of binding files: decoding, refusal of DTDs, lxml without entities or network.

Binding files never carry a document type declaration, entities or XInclude, so any of
those is refused outright rather than "safely" processed. Every refusal is a
:class:`BindingFormatError` naming the file, line and column.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

#: Larger inputs are refused: binding files of tens of thousands of ports stay far below.
MAX_INPUT_BYTES = 512 * 1024 * 1024


class BindingFormatError(Exception):
    """The input is not a usable binding file; ``str()`` is ``file:line:col: message``."""

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,  # keeps libxml2's limits on depth (256) and text node size (10 MB)
        remove_blank_text=False,
        remove_comments=False,
        collect_ids=False,
    )


_PARSER = _parser()

_DECL = re.compile(r"""^<\?xml\s[^?]*?\?>""")
_DECL_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_PROLOG_TOKEN = re.compile(r"""\s+|<!--.*?-->|<\?[^>]*\?>|<!DOCTYPE|<""", re.S)
_XINCLUDE = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """Text of a file plus what is needed to write it back byte for byte."""

    text: str
    encoding: str  # a Python codec name, without BOM handling
    bom: bytes


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


_CHUNK = 1 << 20


def _too_large(name: str) -> BindingFormatError:
    return BindingFormatError(name, 1, 1, f"input is larger than the {MAX_INPUT_BYTES:,}-byte limit")


def _read_bounded(path: Path, name: str) -> bytes:
    """The bytes of ``path``, read until its end or one byte past the limit, whichever comes
    first: the size a file claims (0 for a device or a pipe) is only a hint."""
    limit = MAX_INPUT_BYTES
    with path.open("rb") as f:
        info = os.fstat(f.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise BindingFormatError(
                name, 1, 1, f"file is {info.st_size:,} bytes; larger than the {limit:,}-byte limit"
            )
        # a regular file in one read (its size plus one, to see it grew); anything else in chunks
        first = info.st_size + 1 if stat.S_ISREG(info.st_mode) else _CHUNK
        chunks = [f.read(min(first, limit + 1))]
        total = len(chunks[0])
        while chunks[-1] and total <= limit:
            chunk = f.read(min(_CHUNK, limit + 1 - total))
            chunks.append(chunk)
            total += len(chunk)
    if total > limit:
        raise _too_large(name)
    return chunks[0] if len(chunks) <= 2 and not chunks[-1] else b"".join(chunks)


def read_source(source: str | Path | bytes) -> tuple[bytes, str]:
    """Bytes and display name of a path or of bytes given directly. At most
    :data:`MAX_INPUT_BYTES` are read, whatever the file is (a device or a pipe has no size)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = "<bytes>"
    else:
        path = Path(source)
        name = str(path)
        try:
            data = _read_bounded(path, name)
        except IsADirectoryError:
            raise BindingFormatError(name, 1, 1, "is a directory, not a binding file") from None
        except FileNotFoundError:
            raise BindingFormatError(name, 1, 1, "no such file") from None
        except PermissionError:
            raise BindingFormatError(name, 1, 1, "permission denied") from None
        except OSError as e:
            raise BindingFormatError(name, 1, 1, f"cannot read file: {e.strerror or e}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(name)
    return data, name


def decode(data: bytes, name: str) -> Decoded:
    """Decode by BOM, else by the XML declaration, else UTF-8; strictly."""
    if not data.strip():
        raise BindingFormatError(name, 1, 1, "file is empty")
    bom = b""
    encoding = None
    for mark, enc in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, enc
            break
    if encoding is None:
        if data[:2] == b"<\x00":
            encoding = "utf-16-le"
        elif data[:2] == b"\x00<":
            encoding = "utf-16-be"
        else:
            m = _DECL_ENCODING.match(data)
            declared = m.group(1).decode("ascii").lower() if m else "utf-8"
            # A UTF-16 declaration without a BOM on single-byte text is a common lie
            # (strings serialised by .NET): the bytes decide.
            if declared.startswith(("utf-16", "utf-32", "ucs")):
                declared = "utf-8"
            try:
                encoding = codecs.lookup(declared).name
            except LookupError:
                raise BindingFormatError(name, 1, 1, f"unknown encoding {declared!r} in the XML declaration") from None
    try:
        text = data[len(bom) :].decode(encoding)
    except UnicodeDecodeError as e:
        offset = len(bom) + e.start
        line = data.count(b"\n", 0, offset) + 1
        col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise BindingFormatError(
            name, line, col, f"invalid {encoding} byte sequence {data[offset : offset + 4]!r} ({e.reason})"
        ) from None
    return Decoded(text, encoding, bom)


def _syntax_error(name: str, err: etree.XMLSyntaxError) -> BindingFormatError:
    msg = (err.msg or "not well-formed XML").strip()
    msg = re.sub(r",?\s*line \d+, column \d+$", "", msg)
    line, col = err.position if err.position else (1, 1)
    if "Excessive depth" in msg:
        msg = "elements are nested too deeply (more than 256 levels)"
    elif "huge" in msg.lower() or "xmlSAX2Characters" in msg:
        msg = "a text node is too large (more than 10 MB)"
    return BindingFormatError(name, max(line, 1), max(col, 1), msg)


def _check_prolog(text: str, name: str) -> None:
    pos = 0
    while (m := _PROLOG_TOKEN.match(text, pos)) is not None and m.group() != "<":
        if m.group() == "<!DOCTYPE":
            line, col = position(text, m.start())
            raise BindingFormatError(
                name, line, col, "document type declarations (DTD, entities) are not allowed in binding files"
            )
        pos = m.end()


_ROOT_NAME = re.compile(r"<([^\s/>!?]+)")


def check_root_name(text: str, name: str, expected: str) -> None:
    """Refuse early, and clearly, a well-formed XML file that is not a binding file."""
    _check_prolog(text, name)
    pos = 0
    while (m := _PROLOG_TOKEN.match(text, pos)) is not None and m.group() != "<":
        pos = m.end()
    root = _ROOT_NAME.match(text, pos)
    if root is None:
        line, col = position(text, pos)
        raise BindingFormatError(name, line, col, "no root element: not an XML document")
    if root.group(1) != expected:
        line, col = position(text, pos)
        raise BindingFormatError(
            name, line, col, f"root element is <{root.group(1)}>, expected <{expected}>: not a binding file"
        )


def _lxml_input(decoded: Decoded, data: bytes | None) -> bytes:
    """Bytes for lxml: the file itself when it is plain UTF-8, else re-encoded UTF-8."""
    declared = _DECL_ENCODING.match(data) if data is not None else None
    if (
        data is not None
        and not decoded.bom
        and decoded.encoding == "utf-8"
        and (declared is None or declared.group(1).lower() in (b"utf-8", b"utf8"))
    ):
        return data
    text = decoded.text
    decl = _DECL.match(text)
    if decl:  # blank the declaration (same length keeps columns): lxml reads UTF-8
        text = " " * decl.end() + text[decl.end() :]
    return text.encode("utf-8")


def _check_tree(root: etree._Element, decoded: Decoded, name: str) -> None:
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise BindingFormatError(
            name, 1, 1, "document type declarations (DTD, entities) are not allowed in binding files"
        )
    if "XInclude" in decoded.text:
        for ns in _XINCLUDE:
            for el in root.iter(f"{{{ns}}}*"):
                raise BindingFormatError(name, el.sourceline or 1, 1, "XInclude is not allowed in binding files")


def parse_document(decoded: Decoded, name: str, data: bytes | None = None) -> etree._Element:
    """Parse the whole document with the hardened parser; refuse DTDs and XInclude."""
    _check_prolog(decoded.text, name)
    root = parse_with(_PARSER, decoded, name, data)
    _check_tree(root, decoded, name)
    return root


def parse_with(parser: etree.XMLParser, decoded: Decoded, name: str, data: bytes | None = None) -> etree._Element:
    """Parse ``decoded`` with a caller's ``parser`` (other options, such as dropping blank
    text), errors reported as :class:`BindingFormatError`. Only :func:`parse_document`
    refuses DTDs and XInclude: call it first on untrusted input."""
    try:
        return etree.fromstring(_lxml_input(decoded, data), parser)
    except etree.XMLSyntaxError as e:
        raise _syntax_error(name, e) from None


def parse_fragment(data: bytes) -> etree._Element:
    """Parse ``data`` (UTF-8 XML text of stored elements, wrapped in one root) with the
    hardened parser. Raises ``etree.XMLSyntaxError``: the caller knows where the text is from."""
    return etree.fromstring(data, _PARSER)


def stream_document(
    decoded: Decoded, name: str, data: bytes | None, items: dict[str, str], on_item: Callable[[etree._Element], None]
) -> etree._Element:
    """Parse like :func:`parse_document`, handing each element named in ``items`` (item tag ->
    collection tag) that sits in the first such collection under the root to ``on_item``,
    then freeing it: memory stays near the size of one port, not of the whole tree."""
    _check_prolog(decoded.text, name)
    if "XInclude" in decoded.text:  # rare: check the full tree
        root = parse_document(decoded, name, data)
        for coll_tag in dict.fromkeys(items.values()):
            coll = root.find(coll_tag)
            if coll is not None:
                for el in coll:
                    if items.get(el.tag) == coll_tag:
                        on_item(el)
        return root
    first: dict[str, etree._Element] = {}
    context = etree.iterparse(
        io.BytesIO(_lxml_input(decoded, data)),
        events=("end",),
        tag=tuple(items),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        remove_comments=False,
        collect_ids=False,
    )
    try:
        for _event, el in context:
            parent = el.getparent()
            coll_tag = items[el.tag]
            if (
                parent is None
                or parent.tag != coll_tag
                or parent.getparent() is None
                or parent.getparent().getparent() is not None
            ):
                continue
            if first.setdefault(coll_tag, parent) is not parent:
                continue
            on_item(el)
            el.clear(keep_tail=True)
            while el.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as e:
        # iterparse sometimes reports a poorer message or position: ask the plain parser.
        parse_document(decoded, name, data)
        raise _syntax_error(name, e) from None
    root = context.root
    _check_tree(root, decoded, name)
    return root


_INNER_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


class NestedXmlError(ValueError):
    """An escaped document inside a binding file could not be read."""


def parse_nested(text: str) -> etree._Element:
    """Parse an escaped inner document (Filter, TransportTypeData...), hardened the same way."""
    body = _INNER_DECL.sub("", text, count=1)
    if "<!DOCTYPE" in body or "<!ENTITY" in body:
        raise NestedXmlError("declares a DTD or entities, which are not allowed")
    try:
        root = etree.fromstring(body.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as e:
        msg = re.sub(r",?\s*line \d+, column \d+$", "", (e.msg or "not well-formed").strip())
        raise NestedXmlError(msg) from None
    except ValueError as e:
        raise NestedXmlError(str(e)) from None
    return root


_ALL_ATTRIBUTES = etree.XPath("@*")


def attribute_items(element: etree._Element) -> list[tuple[str, str]]:
    """``(name, value)`` of every attribute in document order, names in Clark notation like
    lxml's. In one pass: lxml's ``attrib.items()`` and ``dict(attrib)`` look each value up by
    name again, a scan of the attribute list every time (200,000 attributes: minutes)."""
    result = _ALL_ATTRIBUTES(element)
    assert isinstance(result, list)
    return [(str(a.attrname), str(a)) for a in result]  # type: ignore[union-attr]
