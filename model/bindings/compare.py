"""Semantic comparison of binding files, reported by send port, group and property.

Equality is the reference check's (``shared/tools/bindcmp.py``): same elements in the same
order, same attributes, same stripped text and comments, escaped inner XML compared
parsed, ``Timestamp`` ignored. Ports and groups are then matched by name so the report
can say which port changed and which of its properties, instead of where in the tree; one
that appears under a new name with exactly the same content is reported as renamed.

The report never holds a secret: a changed password (an adapter setting the catalog marks
secret, or one named like a password) is reported as changed without its values, and the
passwords inside addresses and connection strings are masked (``model.secrets``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from model.bindings import safe
from model.secrets import is_secret_setting, looks_secret, mask_text
from model.validation import FIELDS

_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_PARSER = etree.XMLParser(
    remove_blank_text=True,
    remove_comments=False,
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
)
_COLLECTIONS = {"SendPortCollection": ("SendPort", "port"), "DistributionListCollection": ("DistributionList", "group")}
_TAG_LABELS = {tag.lstrip("@"): lbl for lbl, tag in FIELDS.values() if tag}
_TAG_LABELS.update(
    {
        "SendPorts": "Send ports",
        "SendPortRef": "Member",
        "CustomProps": "Adapter settings",
        "Transform": "Map",
        "Group": "Filter group",
        "Statement": "Statement",
    }
)
Key = tuple[str, int]  # an item of a collection: (name, occurrence), for names a hand edit repeated


@dataclass(frozen=True)
class Difference:
    """One difference: where (a bindcmp-style path), and the two sides in short."""

    path: str
    message: str
    kind: str | None = None  # "port", "group" or None (elsewhere in the file)
    name: str | None = None
    label: str | None = None  # the property, in words, for differences inside a port/group


@dataclass
class Report:
    """Differences between two binding files, grouped for people."""

    differences: list[Difference] = field(default_factory=list)
    # Names found on one side only, as (kind, name): what a name-keyed import creates or leaves
    # behind. A renamed item's new name is in ``added`` and its old one in ``removed``.
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, old name, new name)
    changed: dict[tuple[str, str], list[Difference]] = field(default_factory=dict)
    reordered: list[str] = field(default_factory=list)  # collection tags whose order/layout changed
    other: list[Difference] = field(default_factory=list)

    @property
    def equal(self) -> bool:
        return not (self.differences or self.added or self.removed or self.reordered)

    def _unpaired(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """``added`` and ``removed`` without the names a rename accounts for."""
        old = {(kind, a) for kind, a, _ in self.renamed}
        new = {(kind, b) for kind, _, b in self.renamed}
        return [x for x in self.added if x not in new], [x for x in self.removed if x not in old]

    @property
    def count(self) -> int:
        """How many differences ``lines`` reports (a rename is one)."""
        added, removed = self._unpaired()
        return len(self.differences) + len(added) + len(removed) + len(self.renamed) + len(self.reordered)

    def lines(self) -> list[str]:
        words = {"port": "send port", "group": "send port group"}
        out: list[str] = []
        added, removed = self._unpaired()
        for kind, old, new in self.renamed:
            out.append(f"renamed {words[kind]} '{old}' -> '{new}'")
        for kind, name in added:
            out.append(f"added {words[kind]} '{name}'")
        for kind, name in removed:
            out.append(f"removed {words[kind]} '{name}'")
        for (kind, name), diffs in self.changed.items():
            out.append(f"changed {words[kind]} '{name}':")
            for d in diffs:
                out.append(f"  {d.label or d.path}: {d.message}")
        for tag in self.reordered:
            what = "send ports" if tag == "SendPortCollection" else "send port groups"
            out.append(f"order of {what} (or the comments between them) changed")
        for d in self.other:
            out.append(f"{d.path}: {d.message}")
        return out


def inner_xml(text: str | None) -> etree._Element | None:
    t = (text or "").strip()
    if not t.startswith("<"):
        return None
    if "<!DOCTYPE" in t or "<!ENTITY" in t:
        return None
    try:
        return etree.fromstring(_DECL.sub("", t).encode("utf-8"), _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None


def _keep(node: etree._Element) -> bool:
    if node.tag is etree.Comment:
        return True
    return isinstance(node.tag, str) and node.tag != "Timestamp"


def _attrs(element: etree._Element) -> dict[str, str]:
    return dict(safe.attribute_items(element))


def _norm(t: str | None) -> str:
    return (t or "").strip()


def _short(v: object, n: int = 80) -> str:
    s = repr(mask_text(v) if isinstance(v, str) else v)
    return s if len(s) <= n else s[: n - 4] + "...'"


SECRET_CHANGED = "changed (a secret: values not shown)"


def _change(old: str | None, new: str | None, secret: bool = False) -> str:
    """``'old' → 'new'`` in short, with secrets kept out: a secret value is only said to have
    changed, and a password inside an address or connection string is masked."""
    if secret:
        return SECRET_CHANGED
    if old is not None and new is not None and mask_text(old) == mask_text(new):
        return f"{_short(old)}: the password in it changed (not shown)"
    return f"{_short(old)} → {_short(new)}"


def _describe(text: str | None) -> str:
    """A value for a message: an XML document by its root element (it may hold secrets), text in short."""
    inner = inner_xml(text)
    return f"a <{inner.tag}> document" if inner is not None else _short(_norm(text))


def _adapter_of(element: etree._Element) -> str | None:
    """The adapter a transport element names (``<TransportType Name="FTP">``, ``<ReceiveLocationTransportType>``)."""
    for child in element:
        if isinstance(child.tag, str) and child.tag.endswith("TransportType") and child.get("Name"):
            return child.get("Name")
    return None


def compare_elements(
    a: etree._Element, b: etree._Element, path: str, out: list[Difference], adapter: str | None = None
) -> None:
    """The reference comparison of two subtrees, appending differences to ``out``. ``adapter`` is
    the adapter whose settings the subtree may hold, so that its secret settings stay unprinted."""
    if a.tag != b.tag:
        out.append(Difference(path, f"element {a.tag!r} became {b.tag!r}"))
        return
    if a.tag is etree.Comment:
        if _norm(a.text) != _norm(b.text):
            out.append(Difference(path, f"comment {_change(_norm(a.text), _norm(b.text))}"))
        return
    adapter = _adapter_of(a) or adapter
    ka, kb = _attrs(a), _attrs(b)
    if ka != kb:
        for k in sorted(set(ka) | set(kb)):
            if ka.get(k) != kb.get(k):
                out.append(Difference(f"{path}/@{k}", _change(ka.get(k), kb.get(k), looks_secret(str(k)))))
    if is_secret_setting(str(a.tag), adapter):
        if _norm(a.text) != _norm(b.text):
            out.append(Difference(f"{path}/text()", SECRET_CHANGED))
    else:
        ia, ib = inner_xml(a.text), inner_xml(b.text)
        if ia is not None or ib is not None:
            if ia is None or ib is None:
                out.append(
                    Difference(
                        f"{path}/text()", f"escaped XML on one side only: {_describe(a.text)} vs {_describe(b.text)}"
                    )
                )
            else:
                compare_elements(ia, ib, f"{path}/{{escaped}}{ia.tag}", out, adapter)
        elif _norm(a.text) != _norm(b.text):
            out.append(Difference(f"{path}/text()", _change(_norm(a.text), _norm(b.text))))
    ca = [c for c in a if _keep(c)]
    cb = [c for c in b if _keep(c)]
    if len(ca) != len(cb):
        na = Counter(str(c.get("Name") or c.tag) for c in ca)
        nb = Counter(str(c.get("Name") or c.tag) for c in cb)
        gone, new = sorted((na - nb).elements()), sorted((nb - na).elements())
        parts = []
        if gone:
            parts.append(f"removed {', '.join(map(repr, gone[:5]))}")
        if new:
            parts.append(f"added {', '.join(map(repr, new[:5]))}")
        out.append(Difference(path, f"{len(ca)} children → {len(cb)}" + (f" ({'; '.join(parts)})" if parts else "")))
        return
    for i, (x, y) in enumerate(zip(ca, cb, strict=True)):
        name = x.get("Name") if isinstance(x.tag, str) else None
        step = x.tag if isinstance(x.tag, str) else "comment()"
        compare_elements(x, y, f"{path}/{step}[{name if name else i + 1}]", out, adapter)


def _label(rel: str) -> str:
    """``PrimaryTransport[3]/RetryCount[5]/text()`` -> ``Transport › Retry count``."""
    words: list[str] = []
    rel = re.sub(r"\{[^}]*\}", "", rel)  # namespaces (xsi:nil) hold slashes
    for step in rel.split("/"):
        if not step or step == "text()":
            continue
        tag = re.sub(r"\[.*\]$", "", step.replace("{escaped}", ""))
        idx = re.search(r"\[(.*)\]$", step)
        if tag.startswith("@"):
            words.append(_TAG_LABELS.get(tag[1:], tag[1:]))
        elif tag in ("Filter",) and words and words[-1] == "Filter":
            continue
        elif tag in _TAG_LABELS:
            word = _TAG_LABELS[tag]
            if tag in ("Group", "Statement", "Transform", "SendPortRef") and idx:
                word += f" {idx.group(1)}"
            words.append(word)
        elif tag == "nil":
            words.append("(empty)")
        else:
            words.append(tag)
    deduped = [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]
    return " › ".join(deduped)


def _shape(coll: etree._Element, item: str) -> list[str]:
    return [
        f"{item}:{c.get('Name')}"
        if c.tag == item
        else (f"comment:{_norm(c.text)}" if c.tag is etree.Comment else etree.tostring(c, encoding=str))
        for c in coll
        if _keep(c)
    ]


def _compare_collection(a: etree._Element, b: etree._Element, path: str, report: Report) -> None:
    item, kind = _COLLECTIONS[a.tag]
    if _attrs(a) != _attrs(b) or _norm(a.text) != _norm(b.text):
        shallow_a, shallow_b = etree.Element(a.tag, _attrs(a)), etree.Element(b.tag, _attrs(b))
        shallow_a.text, shallow_b.text = a.text, b.text
        compare_elements(shallow_a, shallow_b, path, report.other)
    sa, sb = _shape(a, item), _shape(b, item)
    ea: dict[Key, etree._Element] = {}
    eb: dict[Key, etree._Element] = {}
    for src, dst in ((a, ea), (b, eb)):
        seen: Counter[str] = Counter()
        for c in src:
            if c.tag == item:
                n = c.get("Name", "")
                dst[(n, seen[n])] = c
                seen[n] += 1
    removed = [key for key in ea if key not in eb]
    added = [key for key in eb if key not in ea]
    report.removed.extend((kind, key[0]) for key in removed)
    report.added.extend((kind, key[0]) for key in added)
    renames = _renames(removed, added, ea, eb)
    report.renamed.extend((kind, old[0], new[0]) for old, new in renames)
    for key, x in ea.items():
        y = eb.get(key)
        if y is None:
            continue
        diffs: list[Difference] = []
        base = f"{path}/{item}[{key[0]}]"
        compare_elements(x, y, base, diffs)
        if diffs:
            labelled = [
                Difference(d.path, d.message, kind, key[0], _label(d.path[len(base) :]) or "element") for d in diffs
            ]
            report.changed[(kind, key[0])] = labelled
            report.differences.extend(labelled)
    # Order among the items on both sides, a renamed item under its old name in both lists.
    prefix = f"{item}:"
    old_name = {new[0]: old[0] for old, new in renames}
    gone = set(old_name.values())
    common_a = [s for s in sa if not s.startswith(prefix) or (s[len(prefix) :], 0) in eb or s[len(prefix) :] in gone]
    common_b = [
        prefix + old_name.get(s[len(prefix) :], s[len(prefix) :]) if s.startswith(prefix) else s
        for s in sb
        if not s.startswith(prefix) or (s[len(prefix) :], 0) in ea or s[len(prefix) :] in old_name
    ]
    if common_a != common_b:
        report.reordered.append(a.tag)


def _fingerprint(element: etree._Element, top: bool = True) -> tuple[object, ...]:
    """What ``compare_elements`` compares, as a hashable value; ``top`` leaves out the item's own
    ``Name``, so that two items with equal fingerprints differ by name only."""
    attrs = tuple(sorted((k, v) for k, v in safe.attribute_items(element) if not (top and k == "Name")))
    inner = inner_xml(element.text)
    text: object = _fingerprint(inner, False) if inner is not None else _norm(element.text)
    children = tuple(
        _fingerprint(c, False) if isinstance(c.tag, str) else ("#comment", _norm(c.text)) for c in element if _keep(c)
    )
    return (element.tag, attrs, text, children)


def _renames(
    removed: list[Key], added: list[Key], ea: dict[Key, etree._Element], eb: dict[Key, etree._Element]
) -> list[tuple[Key, Key]]:
    """(old, new) pairs of a removed and an added item with the same content under another name,
    matched in file order. A renamed item that also changed is not paired: nothing but its
    content could tell it from a deleted item and a new one, and BizTalk's import, keyed by
    name, treats it as exactly that."""
    if not removed or not added:
        return []
    waiting: dict[tuple[object, ...], list[Key]] = {}
    for key in added:
        waiting.setdefault(_fingerprint(eb[key]), []).append(key)
    pairs = []
    for key in removed:
        candidates = waiting.get(_fingerprint(ea[key]))
        if candidates:
            pairs.append((key, candidates.pop(0)))
    return pairs


def _root(source: str | Path | bytes) -> tuple[etree._Element, str]:
    data, name = safe.read_source(source)
    decoded = safe.decode(data, name)
    safe.check_root_name(decoded.text, name, "BindingInfo")
    safe.parse_document(decoded, name, data)  # refuses what the hardened reader refuses
    return safe.parse_with(_PARSER, decoded, name, data), name


def compare_files(a: str | Path | bytes, b: str | Path | bytes) -> Report:
    """Compare two binding files. Raises ``BindingFormatError`` for unusable input."""
    ra, _ = _root(a)
    rb, _ = _root(b)
    report = Report()
    path = "/" + str(ra.tag)
    if ra.tag != rb.tag or _attrs(ra) != _attrs(rb) or _norm(ra.text) != _norm(rb.text):
        sa, sb = etree.Element(ra.tag, _attrs(ra)), etree.Element(rb.tag, _attrs(rb))
        sa.text, sb.text = ra.text, rb.text
        compare_elements(sa, sb, path, report.other)
    ca = [c for c in ra if _keep(c)]
    cb = [c for c in rb if _keep(c)]
    if [c.tag for c in ca] != [c.tag for c in cb]:
        shallow_a, shallow_b = etree.Element("x"), etree.Element("x")
        for c in ca:
            shallow_a.append(etree.Element(c.tag) if isinstance(c.tag, str) else etree.Comment(c.text))
        for c in cb:
            shallow_b.append(etree.Element(c.tag) if isinstance(c.tag, str) else etree.Comment(c.text))
        report.other.append(
            Difference(path, f"top-level elements differ: {[str(c.tag) for c in ca]} → {[str(c.tag) for c in cb]}")
        )
    else:
        done: set[str] = set()
        for i, (x, y) in enumerate(zip(ca, cb, strict=True)):
            step = x.tag if isinstance(x.tag, str) else "comment()"
            sub = f"{path}/{step}[{x.get('Name') or i + 1}]" if isinstance(x.tag, str) else f"{path}/comment()[{i + 1}]"
            if isinstance(x.tag, str) and x.tag in _COLLECTIONS and x.tag not in done:
                done.add(x.tag)
                _compare_collection(x, y, sub, report)
            else:
                compare_elements(x, y, sub, report.other)
    report.differences.extend(report.other)
    return report
