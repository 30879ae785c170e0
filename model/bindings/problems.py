"""Problems of a binding document, placed at the line and column where they are written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.bindings.binding_document import BindingDocument, Origin
from model.domain import SendPort, SendPortGroup
from model.routing.analysis import routing_problems
from model.validation import FIELDS, Context, Severity, collect, unresolved_reference

_INDEX = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class FileProblem:
    """One problem of a binding file, where it is written (``line``, ``column``: None when the
    text is not the file's). ``field`` is a dotted model path (``primary_transport.retry_count``)."""

    severity: Severity
    message: str
    kind: str | None = None  # "port", "group" or None for the document
    subject: str | None = None
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def format(self, path: str) -> str:
        """``file:line:col: severity: message`` (the convention of compilers and linters)."""
        return f"{path}:{self.line or 1}:{self.column or 1}: {self.severity}: {self.message}"


def _locate(origin: Origin, path: str) -> tuple[int, int]:
    """Line and column of the element (or attribute) a field path names, in the origin's text."""
    raw = origin.raw
    pos = 0
    for part in path.split("."):
        m = _INDEX.search(part)
        name = _INDEX.sub("", part)
        tag = FIELDS.get(name, ("", ""))[1]
        if not tag:
            continue
        if tag.startswith("@"):
            found = raw.find(f"{tag[1:]}=", pos)
        else:
            found = raw.find(f"<{tag}", pos)
            if found < 0:
                found = raw.find(f"&lt;{tag}", pos)
            n = int(m.group(1)) if m else 0
            while n > 0 and found >= 0:
                nxt = raw.find(f"<{tag}", found + 1)
                found = nxt if nxt >= 0 else raw.find(f"&lt;{tag}", found + 1)
                n -= 1
        if found < 0:
            break
        pos = found
    line = origin.line + raw.count("\n", 0, pos)
    nl = raw.rfind("\n", 0, pos)
    col = pos - nl if nl >= 0 else len(origin.indent) + pos + 1
    return line, col


def document_problems(doc: BindingDocument) -> list[FileProblem]:
    """Every problem in ``doc``, in file order."""
    ctx = Context(
        ports={p.name: p for p in doc.send_ports},
        groups={g.name: g for g in doc.groups},
        orchestration_bound=frozenset(doc.orchestration_bindings),
    )
    objects: dict[tuple[str, str], SendPort | SendPortGroup] = {("port", p.name): p for p in reversed(doc.send_ports)}
    objects.update({("group", g.name): g for g in reversed(doc.groups)})
    out: list[FileProblem] = []
    found = collect(doc.send_ports, doc.groups, ctx) + routing_problems(doc.send_ports, doc.groups)
    for kind, name, severity, path, message in found:
        obj = objects.get((kind or "", name or ""))
        line = col = None
        origin = doc.origin(obj) if obj is not None else None
        if origin is not None and doc.owns(origin):
            line, col = _locate(origin, path) if path else (origin.line, len(origin.indent) + 1)
        what = "send port" if kind == "port" else "send port group"
        out.append(FileProblem(Severity(severity), f"{what} '{name}': {message}", kind, name, path or None, line, col))
    for ref in doc.references:
        why = unresolved_reference(ref.kind, ref.name, ref.holder, ref.holder_name, ctx)
        if why is not None:
            out.append(FileProblem(Severity.WARNING, why, line=ref.line, column=ref.column))
    out.sort(key=lambda p: (p.line or 0, p.column or 0))
    return out
