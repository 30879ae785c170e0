"""Binding files built to stress one dimension: many attributes on one element, many filter
statements on one port (hardening benchmarks and scale tests)."""

from __future__ import annotations

from collections.abc import Mapping

from .elements import esc, esc_attr, filter_document, statement
from .exact import binding_file, port

WIDE_PORT = "Wide"
FILTERED_PORT = "Filtered"


def filter_statements(count: int, per_group: int = 10, *, value: str = "Value") -> str:
    """A ``<Filter>`` document of ``count`` statements, ``per_group`` ANDed in each OR group;
    statement ``i`` tests ``BTS.ReceivePortName == {value}{i}``."""
    statements = [statement("BTS.ReceivePortName", 0, f"{value}{i}") for i in range(count)]
    groups = [statements[i : i + per_group] for i in range(0, count, per_group)]
    return filter_document(groups, pretty=False)


def wide_attributes(count: int, changed: Mapping[int, str] | None = None) -> dict[str, str]:
    """``count`` attributes ``a0 .. a{count-1}`` with values ``v0 ..``; ``changed`` overrides some values."""
    attrs = {f"a{i}": f"v{i}" for i in range(count)}
    for i, value in (changed or {}).items():
        attrs[f"a{i}"] = value
    return attrs


def stress_file(attributes: Mapping[str, str] | None = None, statements: int = 0, *, per_group: int = 10) -> bytes:
    """A binding file with a port ``Wide`` whose ``<SendPort>`` element carries ``attributes``
    (beside its ``Name``), and, when ``statements`` is not 0, a port ``Filtered`` whose filter
    holds that many statements."""
    ports = [port(WIDE_PORT)]
    if statements:
        ports.append(port(FILTERED_PORT, filter_value="x"))
    data = binding_file(ports=ports).decode("utf-8")
    if attributes:
        extra = "".join(f' {k}="{esc_attr(v)}"' for k, v in attributes.items())
        start = f'<SendPort Name="{WIDE_PORT}"'
        data = data.replace(start, start + extra, 1)
    if statements:
        old = esc(filter_document([[statement("BTS.ReceivePortName", 0, "x")]], pretty=False))
        new = esc(filter_statements(statements, per_group))
        assert old in data, "the generator's filter layout changed"
        data = data.replace(old, new, 1)
    return data.encode("utf-8")
