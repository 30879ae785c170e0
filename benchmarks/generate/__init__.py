"""The one generator of BindingInfo XML, for the tests and the benchmarks.

Two builders write through the same element writers (``elements``), with adapter facts
(``Capabilities``, ``ConfigurationClsid``) taken from the catalog in ``model.adapters``:

* ``binding_file(ports=[port("A")], groups=[group("G", ["A"])])``: a small file with exact,
  known content, for tests;
* ``generate(ports, groups, seed)``: a large, realistic file (an imitation of a BizTalk 2016+
  export), for benchmarks and scale tests; ``check(data)`` parses one back.

The checked-in fixtures under ``tests/fixtures`` are files in their own right, not output of
this package.
"""

from __future__ import annotations

from .check import NESTED_TAGS, check
from .exact import Group, Port, binding_file, group, port
from .files import write_atomically
from .realistic import generate

__all__ = ["NESTED_TAGS", "Group", "Port", "binding_file", "check", "generate", "group", "port", "write_atomically"]
