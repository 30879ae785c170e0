"""The binding files tests build: the generator's small-file builders and ``STANDARD``.

Every binding file a test writes comes from the one generator, ``benchmarks.generate``
(exact small files here, large realistic ones through ``generate``); this module is the
tests' door to it and holds the small application many tests start from.
"""

from __future__ import annotations

from benchmarks.generate import Group, Port, binding_file, generate, group, port

__all__ = ["STANDARD", "Group", "Port", "binding_file", "generate", "group", "port"]

#: A small application used by many tests: ports A, B, C (static one-way), R (solicit-response),
#: D (dynamic); groups G1 = [A, B], G2 = [B], Empty = []; A bound to an orchestration port.
STANDARD = binding_file(
    ports=[
        port("A"),
        port("B"),
        port("C"),
        port("R", two_way=True, address="http://example.test/r"),
        port("D", static=False),
    ],
    groups=[group("G1", ["A", "B"]), group("G2", ["B"]), group("Empty")],
    orchestrations={"A": ["Orch.SendA"]},
)
