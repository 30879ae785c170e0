"""A target group described in files: an exported binding file (its ports and groups) and a small
JSON file for what a binding file does not hold. For groups that the Management REST API cannot
reach, and for saved snapshots (:func:`write_target`).

The JSON file (every key optional)::

    {
      "bindings": "prod-export.xml",
      "hosts": [
        {"name": "BizTalkServerApplication", "trusted": false, "type": "InProcess"},
        {"name": "TrustedSendHost", "trusted": true}
      ],
      "send_handlers": {"FILE": ["BizTalkServerApplication"], "WCF-SQL": ["TrustedSendHost"]},
      "adapters": ["FILE", "WCF-SQL"],
      "applications": {"Orders": ["Common"], "Common": []},
      "states": {"ports": {"SendOrders": "Started"}, "groups": {"AllOrders": "Stopped"}}
    }

* ``bindings``: the binding file exported from the group (BTSTask ExportBindings -GroupLevel, or
  the console), relative to the JSON file; no key and no file given: the group has no send ports.
* ``hosts``: ``name`` (required), ``trusted`` (Authentication Trusted; default false), ``type``
  ("InProcess" or "Isolated"; default "InProcess").
* ``send_handlers``: adapter -> the hosts that have a send handler for it (hosts listed above).
* ``adapters``: the registered adapters; absent: those of ``send_handlers``.
* ``applications``: application -> the applications it references; the applications of the
  binding file's ports and groups are added with no references.
* ``states``: run states by name (Started, Stopped/Enlisted, Unenlisted/Bound, or 1..3), for
  ports and groups of the binding file; absent: Unenlisted (an export holds no states).

Errors are :class:`TargetFileError`: the file, the JSON path and what is wrong; nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from model.bindings.binding_document import BindingDocument, load
from model.bindings.blanking import blank_bytes
from model.bindings.safe import BindingFormatError
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.fileio import write_atomic
from model.lifecycle_types import State

__all__ = ["TargetFileError", "read_target", "target_json", "write_target"]

_MAX_JSON = 16 * 1024 * 1024
_HOST_TYPES = ("InProcess", "Isolated")
_KEYS = ("bindings", "hosts", "send_handlers", "adapters", "applications", "states")


class TargetFileError(ValueError):
    """A target file that cannot be used: which file, where in it, and what is wrong."""

    def __init__(self, file: str, where: str, message: str) -> None:
        super().__init__(f"{file}: {where}: {message}" if where else f"{file}: {message}")
        self.file, self.where, self.message = file, where, message


def _fail(file: str, where: str, message: str) -> TargetFileError:
    return TargetFileError(file, where, message)


def _text(file: str, where: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, where, f"expected a non-empty string, got {json.dumps(value)[:60]}")
    return value


def _names(file: str, where: str, value: object) -> list[str]:
    if not isinstance(value, list):
        raise _fail(file, where, f"expected a list of names, got {type(value).__name__}")
    return [_text(file, f"{where}[{i}]", v) for i, v in enumerate(value)]


def _object(file: str, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(file, where, f"expected an object, got {type(value).__name__}")
    return value


def _hosts(file: str, value: object) -> dict[str, Host]:
    if not isinstance(value, list):
        raise _fail(file, "$.hosts", "expected a list of hosts")
    hosts: dict[str, Host] = {}
    for i, item in enumerate(value):
        where = f"$.hosts[{i}]"
        entry = _object(file, where, item)
        unknown = sorted(set(entry) - {"name", "trusted", "type"})
        if unknown:
            raise _fail(file, f"{where}.{unknown[0]}", "unknown key; a host has name, trusted and type")
        name = _text(file, f"{where}.name", entry.get("name"))
        trusted = entry.get("trusted", False)
        if not isinstance(trusted, bool):
            raise _fail(file, f"{where}.trusted", f"expected true or false, got {json.dumps(trusted)[:40]}")
        host_type = entry.get("type", "InProcess")
        if host_type not in _HOST_TYPES:
            raise _fail(file, f"{where}.type", f"expected InProcess or Isolated, got {json.dumps(host_type)[:40]}")
        if name in hosts:
            raise _fail(file, f"{where}.name", f"host '{name}' is listed twice")
        hosts[name] = Host(name, trusted, host_type)
    return hosts


def _states(file: str, value: object, doc: BindingDocument) -> tuple[dict[str, State], dict[str, State]]:
    states = _object(file, "$.states", value)
    out: list[dict[str, State]] = []
    for key, known in (("ports", {p.name for p in doc.send_ports}), ("groups", {g.name for g in doc.groups})):
        table: dict[str, State] = {}
        for name, text in _object(file, f"$.states.{key}", states.get(key, {})).items():
            where = f"$.states.{key}.{name}"
            if name not in known:
                what = "send port" if key == "ports" else "send port group"
                raise _fail(file, where, f"the binding file has no {what} '{name}'")
            try:
                table[name] = State.parse(text)
            except ValueError as e:
                raise _fail(file, where, str(e)) from None
        out.append(table)
    unknown = sorted(set(states) - {"ports", "groups"})
    if unknown:
        raise _fail(file, f"$.states.{unknown[0]}", "unknown key; states has ports and groups")
    return out[0], out[1]


def read_target(json_path: str | Path, bindings: str | Path | None = None) -> Target:
    """The target described by ``json_path`` and its binding file (``bindings``, else the JSON's
    ``bindings`` key relative to the JSON file). Raises :class:`TargetFileError`."""
    path = Path(json_path)
    file = str(json_path)
    try:
        if path.stat().st_size > _MAX_JSON:
            raise _fail(file, "", f"larger than {_MAX_JSON // (1024 * 1024)} MB; not a target description")
        data = json.loads(path.read_bytes())
    except OSError as e:
        raise _fail(file, "", f"cannot be read ({e.strerror or e})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _fail(file, "", f"not JSON ({e})") from None
    top = _object(file, "$", data)
    unknown = sorted(set(top) - set(_KEYS))
    if unknown:
        raise _fail(file, f"$.{unknown[0]}", f"unknown key; a target file has {', '.join(_KEYS)}")
    source = bindings
    if source is None and "bindings" in top:
        source = path.parent / _text(file, "$.bindings", top["bindings"])
    doc = BindingDocument()
    if source is not None:
        try:
            doc = load(source)
        except BindingFormatError as e:
            raise _fail(file, "$.bindings", str(e)) from None
    hosts = _hosts(file, top.get("hosts", []))
    handlers: dict[str, frozenset[str]] = {}
    for adapter, names in _object(file, "$.send_handlers", top.get("send_handlers", {})).items():
        where = f"$.send_handlers.{adapter}"
        listed = _names(file, where, names)
        for i, host in enumerate(listed):
            if host not in hosts:
                raise _fail(file, f"{where}[{i}]", f"host '{host}' is not in $.hosts")
        handlers[adapter] = frozenset(listed)
    adapters = frozenset(_names(file, "$.adapters", top["adapters"])) if "adapters" in top else frozenset(handlers)
    applications: dict[str, tuple[str, ...]] = {}
    for app, refs in _object(file, "$.applications", top.get("applications", {})).items():
        applications[app] = tuple(_names(file, f"$.applications.{app}", refs))
    for app in doc.applications():
        applications.setdefault(app, ())
    port_states, group_states = _states(file, top.get("states", {}), doc)
    ports = {p.name: TargetPort(p, port_states.get(p.name, State.UNENLISTED)) for p in doc.send_ports}
    groups = {g.name: TargetGroup(g, group_states.get(g.name, State.UNENLISTED)) for g in doc.groups}
    return Target(hosts, handlers, adapters, applications, ports, groups, file)


def target_json(target: Target, bindings_name: str | None) -> dict[str, Any]:
    """The JSON object :func:`read_target` reads back as ``target`` (with its binding file)."""
    out: dict[str, Any] = {}
    if bindings_name is not None:
        out["bindings"] = bindings_name
    out["hosts"] = [{"name": h.name, "trusted": h.trusted, "type": h.host_type} for h in target.hosts.values()]
    out["send_handlers"] = {a: sorted(hs) for a, hs in sorted(target.send_handlers.items())}
    out["adapters"] = sorted(target.adapters)
    out["applications"] = {a: list(r) for a, r in sorted(target.applications.items())}
    out["states"] = {
        "ports": _labels({n: p.state for n, p in target.ports.items()}),
        "groups": _labels({n: g.state for n, g in target.groups.items()}),
    }
    return out


def _labels(states: Mapping[str, State]) -> dict[str, str]:
    return {n: s.label for n, s in states.items() if s is not State.UNENLISTED}


def write_target(target: Target, json_path: str | Path) -> tuple[Path, Path]:
    """Save ``target`` as a JSON file and, beside it, its binding file (``NAME.bindings.xml``),
    both written atomically; returns the two paths. Passwords are blanked, as an export blanks
    them: a snapshot file never holds a secret."""
    path = Path(json_path)
    xml = path.with_name(path.stem + ".bindings.xml")
    doc = BindingDocument([p.port for p in target.ports.values()], [g.group for g in target.groups.values()])
    write_atomic(xml, blank_bytes(doc.to_bytes()))
    data = json.dumps(target_json(target, xml.name), indent=2) + "\n"
    write_atomic(path, data.encode("utf-8"))
    return path, xml
