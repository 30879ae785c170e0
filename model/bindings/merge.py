"""Rewrite a port's or group's text by a three-way merge: only what changed is touched.

The differences between the tree of the model as it was read (:class:`~model.bindings.writer.G`)
and the tree of the model now are applied to the original text, so that untouched
elements, unknown elements, comments and formatting stay byte for byte.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from lxml import etree

from model.bindings import safe
from model.bindings import xmltext as xt
from model.bindings.writer import G, Style, nested_text, render

_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _is_ws(node: Any) -> bool:
    return isinstance(node, xt.Text) and not node.strip()


def child_indent(raw: xt.Element, indent: str, st: Style) -> tuple[str, bool]:
    """(indentation of ``raw``'s children, whether they are laid out one per line)."""
    kids = raw.children
    for i, node in enumerate(kids):
        if isinstance(node, xt.Element | xt.Comment) and i > 0 and isinstance(kids[i - 1], xt.Text):
            before = kids[i - 1]
            if "\n" in before:
                return before[before.rfind("\n") + 1 :], True
            return "", False
    if any(isinstance(n, xt.Element) for n in kids):
        return "", False
    return indent + st.unit, True


def _fresh(g: G, indent: str, st: Style, pretty: bool) -> xt.Element:
    nodes = xt.parse(render(g, indent, st, pretty))
    el = xt.first_element(nodes)
    assert el is not None
    return el


def _insert(raw: xt.Element, anchor: xt.Element | None, el: xt.Element, indent: str, st: Style) -> None:
    """Put ``el`` after ``anchor`` (or first) among ``raw``'s children, laid out like its siblings."""
    cind, pretty = child_indent(raw, indent, st)
    sep = xt.Text(st.newline + cind) if pretty else None
    if not any(isinstance(n, xt.Element) for n in raw.children):
        kept = [n for n in raw.children if not _is_ws(n)]
        if kept:  # only comments: after them
            nodes = kept + ([sep] if sep else []) + [el]
        else:
            nodes = ([sep] if sep else []) + [el]
        if pretty:
            nodes.append(xt.Text(st.newline + indent))
        raw.set_children(nodes)
        return
    if anchor is None:
        first = next(i for i, n in enumerate(raw.children) if isinstance(n, xt.Element))
        raw.children[first:first] = [el] + ([sep] if sep else [])
    else:
        at = raw.children.index(anchor) + 1
        raw.children[at:at] = ([sep] if sep else []) + [el]


def _remove(raw: xt.Element, el: xt.Element) -> None:
    i = raw.children.index(el)
    start = i - 1 if i > 0 and _is_ws(raw.children[i - 1]) else i
    del raw.children[start : i + 1]
    if all(_is_ws(n) for n in raw.children):
        raw.children = []
        raw._close_empty()


def patch(raw: xt.Element, old: G, new: G, st: Style, indent: str) -> None:
    """Change ``raw`` (which ``old`` describes) so that it says what ``new`` says, minimally."""
    if old.attrs != new.attrs:
        before, after = dict(old.attrs), dict(new.attrs)
        for k in list(after) + [k for k in before if k not in after]:
            if before.get(k) != after.get(k):
                if k in after:
                    raw.set_attr(k, after[k])
                else:
                    raw.remove_attr(k)
    if old.same_content(new):
        return
    if new.nil:
        raw.set_nil()
    elif (
        new.text
        and old.text
        and not old.nil
        and any(isinstance(n, xt.Element) for n in raw.children)
        and (old_nodes := markup_nodes(old.text)) is not None
        and (new_nodes := markup_nodes(new.text)) is not None
    ):
        # A nested document written as child elements (BTDF): merge it like any element.
        _patch_children(raw, old_nodes, new_nodes, st, indent)
    elif new.children is not None and old.children is not None and not old.nil and not raw.is_nil:
        _patch_children(raw, old.children, new.children, st, indent)
    elif new.nested is not None and old.nested is not None and old.nested.tag == new.nested.tag:
        _patch_nested(raw, old, new, st, indent)
    else:
        _replace_content(raw, new, st, indent)


def _replace_content(raw: xt.Element, new: G, st: Style, indent: str) -> None:
    element_form = any(isinstance(n, xt.Element) for n in raw.children)
    if new.children:
        cind = indent + st.unit
        nodes: list[Any] = []
        for c in new.children:
            nodes += [xt.Text(st.newline + cind), _fresh(c, cind, st, True)]
        nodes.append(xt.Text(st.newline + indent))
        raw.set_children(nodes)
    elif new.nested is not None:
        if element_form:
            cind, _ = child_indent(raw, indent, st)
            raw.set_children(
                [xt.Text(st.newline + cind), _fresh(new.nested, cind, st, True), xt.Text(st.newline + indent)]
            )
        else:
            raw.set_text(xt.escape_text(nested_text(new), st.newline))
    elif new.text:
        if element_form and _is_markup(new.text):
            raw.set_children(xt.parse(new.text.replace("\n", st.newline) if st.newline != "\n" else new.text))
            return
        raw.set_text(xt.escape_text(new.text, st.newline))
    else:
        raw.set_text("")


def markup_nodes(text: str) -> list[G] | None:
    """The elements of an XML fragment as :class:`G` trees (None when not well-formed)."""
    if not text.lstrip().startswith("<"):
        return None
    try:
        root = etree.fromstring(f"<w>{text}</w>".encode(), _STRICT)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return [_to_g(c) for c in root if isinstance(c.tag, str)]


def _qname(el: etree._Element, name: str) -> str:
    if not name.startswith("{"):
        return name
    ns, local = name[1:].split("}", 1)
    for prefix, uri in (el.nsmap or {}).items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def _to_g(el: etree._Element) -> G:
    attrs = [(_qname(el, k), v) for k, v in safe.attribute_items(el)]  # one pass, not one scan per attribute
    kids = [_to_g(c) for c in el if isinstance(c.tag, str)]
    tag = _qname(el, el.tag)
    if kids:
        return G(tag, attrs, children=kids)
    return G(tag, attrs, text=el.text or None)


def _is_markup(text: str) -> bool:
    """Whether ``text`` is well-formed XML content that can be written as child elements."""
    if not text.lstrip().startswith("<"):
        return False
    try:
        etree.fromstring(f"<w>{text}</w>".encode(), _STRICT)
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


def _text_escaper(raw_text: str, newline: str) -> Any:
    """Escape like the text we replace does (some writers escape quotes, some do not)."""
    quotes = "&quot;" in raw_text

    def esc(value: str) -> str:
        out = xt.escape_text(value, newline)
        return out.replace('"', "&quot;") if quotes else out

    return esc


def _patch_nested(raw: xt.Element, old: G, new: G, st: Style, indent: str) -> None:
    assert old.nested is not None and new.nested is not None
    elements = list(raw.elements())
    if elements:  # written as child elements (BTDF)
        root = elements[0]
        if root.name != old.nested.tag:
            _replace_content(raw, new, st, indent)
            return
        cind, _ = child_indent(raw, indent, st)
        patch(root, old.nested, new.nested, st, cind)
        return
    raw_text = "".join(n for n in raw.children if isinstance(n, xt.Text))
    inner = raw.text()
    try:
        nodes = xt.parse(inner)
    except ValueError:
        _replace_content(raw, new, st, indent)
        return
    text_root = xt.first_element(nodes)
    if text_root is None or text_root.name != old.nested.tag:
        _replace_content(raw, new, st, indent)
        return
    i = nodes.index(text_root)
    before = nodes[i - 1] if i > 0 and isinstance(nodes[i - 1], xt.Text) else ""
    root_indent = before[before.rfind("\n") + 1 :] if "\n" in before else ""
    inner_style = Style(_inner_unit(text_root, root_indent) or "  ", "\n")
    patch(text_root, old.nested, new.nested, inner_style, root_indent)
    raw.set_text(_text_escaper(raw_text, st.newline)(xt.serialize(nodes)))


def _inner_unit(root: xt.Element, root_indent: str) -> str | None:
    cind, pretty = child_indent(root, root_indent, Style())
    if pretty and cind.startswith(root_indent) and len(cind) > len(root_indent):
        return cind[len(root_indent) :]
    return None


def _patch_children(raw: xt.Element, old: list[G], new: list[G], st: Style, indent: str) -> None:
    cind, pretty = child_indent(raw, indent, st)
    seen: dict[str, int] = {}
    by_key: dict[tuple[str, int], xt.Element] = {}
    for el in raw.elements():
        n = seen.get(el.name, 0)
        seen[el.name] = n + 1
        by_key[(el.name, n)] = el
    seen = {}
    old_raw: list[xt.Element | None] = []
    for g in old:
        n = seen.get(g.tag, 0)
        seen[g.tag] = n + 1
        old_raw.append(by_key.get((g.tag, n)))

    anchor: xt.Element | None = None
    matcher = SequenceMatcher(None, [g.key() for g in old], [g.key() for g in new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for i in range(i1, i2):
                anchor = old_raw[i] or anchor
            continue
        olds, news = list(range(i1, i2)), list(range(j1, j2))
        # Same-tag items in the same order are edits of each other; the rest come and go.
        while olds and news:
            i, j = olds[0], news[0]
            if old[i].tag == new[j].tag:
                olds.pop(0)
                news.pop(0)
                r = old_raw[i]
                if r is None:
                    el = _fresh(new[j], cind, st, pretty)
                    _insert(raw, anchor, el, indent, st)
                    anchor = el
                else:
                    patch(r, old[i], new[j], st, cind)
                    anchor = r
            elif any(new[j].tag == old[k].tag for k in olds):
                r = old_raw[olds.pop(0)]
                if r is not None:
                    _remove(raw, r)
            else:
                el = _fresh(new[news.pop(0)], cind, st, pretty)
                _insert(raw, anchor, el, indent, st)
                anchor = el
        for i in olds:
            r = old_raw[i]
            if r is not None:
                _remove(raw, r)
        for j in news:
            el = _fresh(new[j], cind, st, pretty)
            _insert(raw, anchor, el, indent, st)
            anchor = el


def patch_text(raw_text: str, old: G, new: G, st: Style, indent: str) -> str:
    """``raw_text`` (one element) rewritten from ``old`` to ``new``."""
    nodes = xt.parse(raw_text)
    root = xt.first_element(nodes)
    if root is None:
        raise ValueError("no element in the text to patch")
    patch(root, old, new, st, indent)
    return xt.serialize(nodes)


__all__ = ["patch", "patch_text"]
