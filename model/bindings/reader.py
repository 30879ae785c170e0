"""Read ``SendPort`` and ``DistributionList`` elements (lxml) into domain models.

Values are handed to pydantic as the text found; a port that does not validate (an
out-of-range retry count, an unknown operator...) is still built, field by field, keeping
the offending value as written so that nothing in a real file is rejected or lost.
Validation reports it later (``model.validation``).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from functools import cache
from typing import Any, get_args, get_origin

from lxml import etree
from pydantic import TypeAdapter, ValidationError

from model.bindings import fields
from model.bindings.fields import Kind
from model.bindings.safe import NestedXmlError, parse_nested
from model.domain import (
    AdapterSettings,
    AdapterType,
    Certificate,
    DomainModel,
    Filter,
    Map,
    Pipeline,
    SendHandler,
    SendPort,
    SendPortGroup,
    model_in,
)

XSI_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def children(el: etree._Element) -> dict[str, etree._Element]:
    """First child element of each tag (comments and later duplicates are left to the raw text)."""
    out: dict[str, etree._Element] = {}
    for c in el:
        tag = c.tag
        if type(tag) is str and tag not in out:
            out[tag] = c
    return out


def is_nil(el: etree._Element) -> bool:
    return el.get(XSI_NIL) == "true"


def text(el: etree._Element) -> str | None:
    """Leaf text: None for ``xsi:nil``, ``""`` for an empty element."""
    if el.get(XSI_NIL) == "true":
        return None
    return el.text or ""


def _drop_layout(el: etree._Element) -> None:
    """Remove whitespace-only text between elements (indentation is not part of a value)."""
    for node in el.iter():
        if len(node) and node.text is not None and not node.text.strip():
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None


def inner_markup(el: etree._Element) -> str:
    """The child elements of ``el`` as compact XML text (BTDF writes nested documents as
    elements; how they are indented is layout, kept in the file's text, not in the value)."""
    parts: list[str] = []
    for c in el:
        if type(c.tag) is str:
            c2 = copy.deepcopy(c)
            c2.tail = None
            _drop_layout(c2)
            etree.cleanup_namespaces(c2)
            parts.append(etree.tostring(c2, encoding=str))
        elif parts:
            parts.append(etree.tostring(c, encoding=str, with_tail=False))
    return "".join(parts)


def nested_root(el: etree._Element) -> tuple[etree._Element | None, str | None, str | None]:
    """The nested document of ``el``: (root, None, None), or (None, raw text, error), or all None."""
    for c in el:
        if type(c.tag) is str:
            return c, None, None
    if el.get(XSI_NIL) == "true":
        return None, None, None
    raw = el.text
    if raw is None or not raw.strip():
        return None, None, None
    if not raw.lstrip().startswith("<"):
        return None, raw, "is not an XML document"
    try:
        return parse_nested(raw), None, None
    except NestedXmlError as e:
        return None, raw, str(e)


# -- building models leniently ------------------------------------------------------------


def build(cls: type[DomainModel], data: dict[str, Any]) -> Any:
    """Validate ``data``; when that fails, build anyway, keeping invalid values as written."""
    try:
        return cls.model_validate(data)
    except ValidationError:
        return _lenient(cls, data)


@cache
def _field_adapter(cls: type[DomainModel], name: str) -> TypeAdapter[Any]:
    # A runtime type form; pydantic types it ``type[Any] | None`` (None for a field typed ``None``).
    field_type: Any = cls.model_fields[name].annotation
    return TypeAdapter(field_type)


def _is_named_tuple(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, tuple) and hasattr(t, "_fields")


@cache
def _tuple_adapter(t: type) -> TypeAdapter[Any]:
    return TypeAdapter(t)


def _lenient_tuple(t: type, value: Any) -> Any:
    try:
        return _tuple_adapter(t).validate_python(value)
    except ValidationError:
        return t(*value)


def _lenient(cls: type[DomainModel], data: dict[str, Any]) -> Any:
    values: dict[str, Any] = {}
    for name, value in data.items():
        field = cls.model_fields.get(name)
        if field is None:
            continue
        sub = model_in(field.annotation)
        is_seq = get_origin(field.annotation) is tuple
        item = get_args(field.annotation)[0] if is_seq else None
        if _is_named_tuple(item) and isinstance(value, list | tuple):
            values[name] = tuple(_lenient_tuple(item, v) for v in value)  # type: ignore[arg-type]
        elif sub is not None and isinstance(value, dict):
            values[name] = build(sub, value)  # type: ignore[arg-type]
        elif sub is not None and is_seq and isinstance(value, list | tuple):
            values[name] = tuple(build(sub, v) if isinstance(v, dict) else v for v in value)  # type: ignore[arg-type]
        else:
            try:
                values[name] = _field_adapter(cls, name).validate_python(value)
            except ValidationError:
                values[name] = _loose(field.annotation, value)
    return cls.model_construct(**values)


_INT_TEXT = re.compile(r"\s*[-+]?\d+\s*")


def _types(annotation: Any) -> set[Any]:
    args = get_args(annotation)
    if not args:
        return {annotation}
    out: set[Any] = set()
    for a in args:
        out |= _types(a)
    return out


def _loose(annotation: Any, value: Any) -> Any:
    """An invalid value kept with its type where it has one (``"5000"`` for a retry count
    becomes 5000, out of range but an int), else as written."""
    if isinstance(value, str):
        types = _types(annotation)
        if int in types and _INT_TEXT.fullmatch(value):
            return int(value)
        if bool in types and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    return value


# -- shared sub-models ----------------------------------------------------------------------

#: Sub-models read from identical data, shared: a file repeats the same adapter types, send
#: handlers, pipelines, maps and certificates on many ports, and the same escaped adapter
#: settings and filters (:func:`_shared_nested`). Models are frozen, so sharing one is safe
#: (an edit makes a new object); reading builds and validates each once, and the document
#: holds one copy. Bounded, and emptied after each file (:func:`forget_shared`).
_SHARED: dict[tuple[Any, ...], DomainModel] = {}
_SHARED_LIMIT = 4096
#: Characters of escaped text among the keys of :data:`_SHARED`, and their bound (stored
#: elements are read one at a time, with no end of file to empty it).
_shared_text = 0
_SHARED_TEXT_LIMIT = 4 * 1024 * 1024


def _shared(cls: type[DomainModel], data: dict[str, Any] | None) -> Any:
    """The model for ``data``: one built earlier from equal data, or a new one. Data that does
    not validate is returned as it is, for the enclosing model's lenient build to keep."""
    if data is None:
        return None
    try:
        key = (cls, *data.items())
        hit = _SHARED.get(key)
    except TypeError:  # a value that is not hashable (a list, an invalid sub-model's data)
        return data
    if hit is not None:
        return hit
    try:
        obj = cls.model_validate(data)
    except ValidationError:
        return data
    if len(_SHARED) >= _SHARED_LIMIT:
        forget_shared()
    _SHARED[key] = obj
    return obj


def forget_shared() -> None:
    """Drop the shared sub-models (after a file is read: they live on in its models only)."""
    global _shared_text
    _SHARED.clear()
    _shared_text = 0


# -- elements to data, by the table of ``model.bindings.fields`` ----------------------------


def _attributes(el: etree._Element, plan: _AttributePlan, data: dict[str, Any]) -> dict[str, Any]:
    """Add the attributes ``plan`` names to ``data``."""
    get = el.get
    for attr, field, default, set_when_absent in plan:
        value = get(attr, default)
        if value is not None or set_when_absent:
            data[field] = value
    return data


def _sub_model_reader(table: tuple[fields.Binding, ...]) -> _SubModelReader:
    """A function giving every attribute of ``table`` (its default when absent) as a dict.

    Written from the table as one dict display, as ``dataclasses`` writes ``__init__``: it
    runs for every pipeline, adapter, handler, map and filter statement of a file, and a
    loop over the rows costs a third more. The text is made of the table's own literals."""
    rows = fields.attribute_reads(table)
    if not all(every for *_, every in rows):
        raise ValueError("a sub-model's attributes are all read, present or not")
    items = ", ".join(f"{field!r}: el.get({attr!r}, {default!r})" for attr, field, default, _ in rows)
    read: _SubModelReader = eval(f"lambda el: {{{items}}}")  # the table's literals only
    return read


def _elements(el: etree._Element, plan: _ElementPlan, data: dict[str, Any]) -> dict[str, Any]:
    """Add the fields of the child elements ``plan`` names to ``data`` (the first element of
    each name: later duplicates, like comments, stay in the raw text only)."""
    rows, absent = plan
    seen: set[str] = set()
    for node in el:
        tag = node.tag
        row = rows.get(tag)  # type: ignore[call-overload]  # a comment's tag is a function
        if row is None or tag in seen:
            continue
        seen.add(tag)
        field, read, keep_none = row
        value = read(node)
        if value is not None or keep_none:
            data[field] = value
    for tag, field in absent:
        if tag not in seen:
            data[field] = None
    return data


def _adapter_type(el: etree._Element) -> Any:
    if el.get(XSI_NIL) == "true":
        return None
    return _shared(AdapterType, _ADAPTER(el))


def _escaped(el: etree._Element) -> str | None:
    """The escaped text of a nested document written as text (not ``xsi:nil``, no child
    elements), the key it is shared by; None for any other form."""
    raw = el.text
    if raw is None or len(el) or el.get(XSI_NIL) == "true":
        return None
    return raw


def _shared_nested(cls: type[DomainModel], el: etree._Element, read: Callable[[etree._Element], Any]) -> Any:
    """``read(el)`` as a model of ``cls``, one object per distinct escaped text: a file
    repeats the same adapter settings and filters on many ports, and parsing and validating
    each text once is a good part of reading it. Frozen models only (edits make new ones);
    data that does not validate is returned as read, unshared, for the lenient build."""
    raw = _escaped(el)
    if raw is None:
        return read(el)
    key = (cls, raw)
    hit = _SHARED.get(key)
    if hit is not None:
        return hit
    data = read(el)
    if data is None:
        return None
    try:
        obj = cls.model_validate(data)
    except ValidationError:
        return data
    global _shared_text
    if len(_SHARED) >= _SHARED_LIMIT or _shared_text + len(raw) > _SHARED_TEXT_LIMIT:
        forget_shared()
    _SHARED[key] = obj
    _shared_text += len(raw)
    return obj


def _shared_settings(el: etree._Element) -> Any:
    return _shared_nested(AdapterSettings, el, _settings)


def _shared_filter(el: etree._Element) -> Any:
    return _shared_nested(Filter, el, filter_data)


def _settings(el: etree._Element) -> dict[str, Any] | None:
    root, raw, _error = nested_root(el)
    if root is None:
        return None if raw is None else {"unparsed": raw}
    props: list[tuple[str, str | None, str | None]] = []  # (name, vt, value)
    append = props.append
    for p in root:
        tag = p.tag
        if type(tag) is not str:
            continue
        if len(p) and any(type(c.tag) is str for c in p):
            value = inner_markup(p)
        else:
            value = p.text
        append((tag, p.get("vt"), value))
    return {"properties": props}


def filter_data(el: etree._Element) -> dict[str, Any] | None:
    """The fields of a ``Filter`` element's nested document, for :func:`build`."""
    root, raw, _error = nested_root(el)
    if root is None:
        return None if raw is None else {"unparsed": raw}
    if root.tag != "Filter":
        return {"unparsed": raw if raw is not None else etree.tostring(root, encoding=str)}
    groups = []
    for g in root:
        if g.tag != _GROUP:
            continue
        statements = [_STATEMENT(s) for s in g if s.tag == _STATEMENT_TAG]
        groups.append({"statements": statements})
    return {"groups": groups}


def _handler(el: etree._Element) -> Any:
    if el.get(XSI_NIL) == "true":
        return None
    data = _HANDLER(el)
    for c in el:
        if c.tag == "TransportType":
            data["adapter"] = _adapter_type(c)
            break
    return _shared(SendHandler, data)


def _transport(el: etree._Element) -> dict[str, Any] | None:
    if el.get(XSI_NIL) == "true":
        return None
    return _elements(el, _TRANSPORT, {})


def _pipeline(el: etree._Element) -> Any:
    if el.get(XSI_NIL) == "true":
        return None
    return _shared(Pipeline, _PIPELINE(el))


def _pipeline_data(el: etree._Element) -> str | None:
    if el.get(XSI_NIL) == "true":
        return None
    for c in el:
        if type(c.tag) is str:
            return inner_markup(el)
    return el.text or ""


def _certificate(el: etree._Element) -> Any:
    return None if el.get(XSI_NIL) == "true" else _shared(Certificate, _CERTIFICATE(el))


def _maps(el: etree._Element) -> list[Any]:
    return [_shared(Map, _MAP(t)) for t in el if t.tag == "Transform"]


def _members(el: etree._Element) -> list[str]:
    return [r.get("Name", "") for r in el if r.tag == "SendPortRef"]


#: (attribute, field, default, set when absent) per attribute.
_AttributePlan = tuple[tuple[str, str, str | None, bool], ...]
#: Reads every attribute of a sub-model (see :func:`_sub_model_reader`).
_SubModelReader = Callable[[etree._Element], dict[str, Any]]
#: {tag: (field, read, keep None)} of the child elements, and (tag, field) of those whose
#: field is None when the element is absent.
_ElementPlan = tuple[dict[str, tuple[str, Callable[[etree._Element], Any], bool]], tuple[tuple[str, str], ...]]

_READ: dict[Kind, Callable[[etree._Element], Any]] = {
    Kind.TEXT: text,
    Kind.LEAF: text,
    Kind.PIPELINE: _pipeline,
    Kind.PIPELINE_DATA: _pipeline_data,
    Kind.TRANSPORT: _transport,
    Kind.CERTIFICATE: _certificate,
    Kind.FILTER: _shared_filter,
    Kind.MAPS: _maps,
    Kind.ADAPTER: _adapter_type,
    Kind.SETTINGS: _shared_settings,
    Kind.HANDLER: _handler,
    Kind.MEMBERS: _members,
}


def _element_plan(table: tuple[fields.Binding, ...]) -> _ElementPlan:
    """The reading loop's rows for a table: a leaf written ``xsi:nil`` keeps its default."""
    rows = {b.tag: (b.field, _READ[b.kind], b.kind is not Kind.LEAF) for b in table}
    if len(rows) != len(table):
        raise ValueError("a table names each child element once")
    return rows, tuple((b.tag, b.field) for b in table if b.set_when_absent)


_PORT_ATTRIBUTES = fields.attribute_reads(fields.PORT_ATTRIBUTES)
_PORT = _element_plan(fields.PORT_ELEMENTS)
_TRANSPORT = _element_plan(fields.TRANSPORT_ELEMENTS)
_GROUP_ATTRIBUTES = fields.attribute_reads(fields.GROUP_ATTRIBUTES)
_GROUP_ELEMENTS = _element_plan(fields.GROUP_ELEMENTS)
_ADAPTER = _sub_model_reader(fields.ADAPTER_ATTRIBUTES)
_HANDLER = _sub_model_reader(fields.HANDLER_ATTRIBUTES)
_PIPELINE = _sub_model_reader(fields.PIPELINE_ATTRIBUTES)
_CERTIFICATE = _sub_model_reader(fields.CERTIFICATE_ATTRIBUTES)
_MAP = _sub_model_reader(fields.MAP_ATTRIBUTES)
_STATEMENT = _sub_model_reader(fields.STATEMENT_ATTRIBUTES)
_GROUP, _STATEMENT_TAG = (b.element for b in fields.FILTER_PARTS)


def port_data(el: etree._Element) -> dict[str, Any]:
    """The fields of a ``SendPort`` element, as text, for :func:`build`."""
    return _elements(el, _PORT, _attributes(el, _PORT_ATTRIBUTES, {}))


def read_port(el: etree._Element) -> SendPort:
    return build(SendPort, port_data(el))  # type: ignore[no-any-return]


def group_data(el: etree._Element) -> dict[str, Any]:
    """The fields of a ``DistributionList`` element, as text, for :func:`build`."""
    return _elements(el, _GROUP_ELEMENTS, _attributes(el, _GROUP_ATTRIBUTES, {}))


def read_group(el: etree._Element) -> SendPortGroup:
    return build(SendPortGroup, group_data(el))  # type: ignore[no-any-return]


def nested_problem(el: etree._Element) -> str | None:
    """Why the nested document of ``el`` could not be read, if it could not."""
    return nested_root(el)[2]


__all__ = ["AdapterSettings", "Filter", "build", "group_data", "port_data", "read_group", "read_port"]
