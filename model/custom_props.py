"""A transport's ``CustomProps`` as text, and the ``<Config>`` documents some adapters wrap in it.

The adapter settings editor shows a transport's settings as the binding file stores them
(``TransportTypeData``: one element per property, ``vt`` giving its VARIANT type) and lets a
person type that document back. Adapter Framework adapters (FTP, MSMQ, MQSC) keep their
settings in one escaped ``<Config>`` document instead: a change rewrites only the child it
touches, everything else kept as written (order, layout, comments).

Text typed by a person is parsed hardened like binding files: no DTD, no entities, no network.
Every refusal is an :class:`XmlProblem` naming the line and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from pydantic import ValidationError

from model.bindings import xmltext as xt
from model.bindings.reader import inner_markup
from model.bindings.safe import position
from model.bindings.writer import Style, render, settings_node
from model.domain import AdapterProperty, AdapterSettings, replace

__all__ = [
    "BAD_VT",
    "DTD_REFUSED",
    "EMPTY_DOCUMENT",
    "NAMESPACED_PROPERTY",
    "NOT_CUSTOM_PROPS",
    "XmlProblem",
    "config_values",
    "parse_document",
    "remove_config_child",
    "rename_config_child",
    "set_config_child",
    "settings_from_text",
    "settings_text",
]

# The sentences of this module's own refusals; ``%1`` stands for XmlProblem.argument.
EMPTY_DOCUMENT = "The document is empty."
DTD_REFUSED = "Document type declarations (DTD, entities) are not allowed."
NOT_CUSTOM_PROPS = "The root element must be <CustomProps>."
NAMESPACED_PROPERTY = "A property name cannot have a namespace."
BAD_VT = "<%1>: vt must be a VARIANT code such as 8."

# Hardened like the binding file reader: no entities, no network, no DTD.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DTD = re.compile(r"<!DOCTYPE|<!ENTITY")
_POSITION_SUFFIX = re.compile(r",?\s*line \d+, column \d+$")
_XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"
_NEW_CONFIG = (
    '<{root} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" />'
)


class XmlProblem(ValueError):
    """Why a text is not a usable XML document, and where (1-based line and column).

    ``message`` is in English. A refusal of this module's own also keeps its sentence as
    ``template`` (one of the constants above, ``%1`` standing for ``argument``) so that a
    user interface can show it translated; a parser's or validator's message has none.
    """

    def __init__(
        self, message: str, line: int = 1, column: int = 1, *, template: str | None = None, argument: str = ""
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.template = template
        self.argument = argument


def _refusal(template: str, line: int = 1, column: int = 1, argument: str = "") -> XmlProblem:
    return XmlProblem(template.replace("%1", argument), line, column, template=template, argument=argument)


def parse_document(text: str) -> etree._Element:
    """Parse a document a person typed; :class:`XmlProblem` when it is not well-formed.

    DTDs and entity declarations are refused outright (binding files never carry them).
    An XML declaration is blanked rather than removed, so that lines and columns stay true.
    """
    if not text.strip():
        raise _refusal(EMPTY_DOCUMENT)
    found = _DTD.search(text)
    if found is not None:
        raise _refusal(DTD_REFUSED, *position(text, found.start()))
    declaration = _DECLARATION.match(text)
    body = text if declaration is None else re.sub(r"[^\n]", " ", declaration.group()) + text[declaration.end() :]
    try:
        return etree.fromstring(body.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as e:
        message = _POSITION_SUFFIX.sub("", (e.msg or "not well-formed").strip())
        line, column = e.position if e.position else (1, 1)
        raise XmlProblem(message, max(line, 1), max(column, 1)) from None


# -- CustomProps -----------------------------------------------------------------------------


def settings_text(settings: AdapterSettings) -> str:
    """The ``CustomProps`` document as BizTalk stores it, one property per line (XML values
    escaped once inside their element)."""
    return render(settings_node(settings), "", Style("  ", "\n"), True)


def settings_from_text(text: str, current: AdapterSettings | None = None) -> AdapterSettings:
    """Parse a ``CustomProps`` document typed in the raw view; :class:`XmlProblem` if unusable.

    Properties come in document order with their ``vt`` codes. An empty element reads as
    None, except where ``current`` had ``""`` for it: the two are written alike.
    """
    root = parse_document(text)
    if root.tag != "CustomProps":
        raise _refusal(NOT_CUSTOM_PROPS, root.sourceline or 1)
    before = {p.name: p for p in reversed(current.properties)} if current else {}
    props: list[AdapterProperty] = []
    for el in root:
        if not isinstance(el.tag, str):
            continue
        if el.tag.startswith("{"):
            raise _refusal(NAMESPACED_PROPERTY, el.sourceline or 1)
        vt_text = el.get("vt")
        try:
            vt = None if vt_text is None else int(vt_text)
        except ValueError:
            raise _refusal(BAD_VT, el.sourceline or 1, argument=el.tag) from None
        value = inner_markup(el) if any(isinstance(c.tag, str) for c in el) else el.text
        was = before.get(el.tag)
        if value is None and was is not None and was.value == "":
            value = ""
        props.append(AdapterProperty(el.tag, vt, value))
    try:
        return replace(current or AdapterSettings(), properties=tuple(props), unparsed=None)
    except ValidationError as e:
        raise XmlProblem(str(e.errors(include_url=False)[0]["msg"])) from None


# -- the <Config> document of Adapter Framework adapters --------------------------------------


def config_values(text: str | None) -> dict[str, str | None]:
    """The text of each leaf child of a wrapped ``<Config>`` document (the first of each name;
    ``xsi:nil`` reads as None); ``{}`` for no document, :class:`XmlProblem` for a malformed one."""
    if text is None or not text.strip():
        return {}
    out: dict[str, str | None] = {}
    for el in parse_document(text):
        if (
            isinstance(el.tag, str)
            and not el.tag.startswith("{")
            and el.tag not in out
            and not any(isinstance(c.tag, str) for c in el)
        ):
            out[el.tag] = None if el.get(_XSI_NIL) == "true" else (el.text or "")
    return out


def _config_root(text: str | None, root_name: str) -> tuple[list[object], xt.Element]:
    if text is None or not text.strip():
        text = _NEW_CONFIG.format(root=root_name)
    parse_document(text)  # refuses what is not well-formed before the lossless tokenizer sees it
    nodes = xt.parse(text)
    root = xt.first_element(nodes)
    assert root is not None
    return nodes, root


def _separator(root: xt.Element) -> str | None:
    """The whitespace between the root's children (its indentation), None when it has none."""
    return next((str(k) for k in root.children if isinstance(k, xt.Text) and not k.strip()), None)


def set_config_child(text: str | None, root_name: str, name: str, value: str | None, order: Sequence[str] = ()) -> str:
    """``text`` with child ``name`` set to ``value``, everything else kept as written.

    A new child goes before the first child that follows it in ``order`` (catalog order),
    else last, with the indentation its siblings use. No document (None or blank) starts
    an empty ``<root_name>`` with the ``xsi``/``xsd`` namespaces BizTalk declares.
    """
    nodes, root = _config_root(text, root_name)
    escaped = xt.escape_text(value or "")
    el = root.find(name)
    if el is not None:
        el.set_text(escaped)
        return xt.serialize(nodes)
    new = (
        xt.Element(name, f"<{name}>", [xt.Text(escaped)], f"</{name}>") if escaped else xt.Element(name, f"<{name} />")
    )
    later = set(order[order.index(name) + 1 :]) if name in order else set()
    kids = list(root.children)
    elements = [i for i, k in enumerate(kids) if isinstance(k, xt.Element)]
    anchor = next((i for i in elements if kids[i].name in later), None)
    gap = _separator(root)
    if anchor is not None:
        kids[anchor:anchor] = [new, xt.Text(gap)] if gap else [new]
    elif elements:
        kids[elements[-1] + 1 : elements[-1] + 1] = [xt.Text(gap), new] if gap else [new]
    else:
        kids.append(new)
    root.set_children(kids)
    return xt.serialize(nodes)


def remove_config_child(text: str, name: str) -> str:
    """``text`` without child ``name`` (and the line break before it); unchanged without one."""
    nodes, root = _config_root(text, "Config")
    kids = list(root.children)
    for i, k in enumerate(kids):
        if isinstance(k, xt.Element) and k.name == name:
            start = i - 1 if i > 0 and isinstance(kids[i - 1], xt.Text) and not kids[i - 1].strip() else i
            del kids[start : i + 1]
            break
    root.children = kids
    return xt.serialize(nodes)


def rename_config_child(text: str, old: str, new: str) -> str:
    """``text`` with child ``old`` renamed ``new`` (its attributes, value and place kept);
    unchanged without one."""
    nodes, root = _config_root(text, "Config")
    el = root.find(old)
    if el is not None:
        el.name = new
        el.start = f"<{new}{el.start[1 + len(old) :]}"
        if el.end:
            el.end = f"</{new}>"
    return xt.serialize(nodes)
