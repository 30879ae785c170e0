"""What the pickers of the port editor list: send handler hosts and pipelines the workspace
has shown, plus BizTalk's own (the default host, the default pipelines).

The lists come from the document (``known_values``: what the workspace's ports use, read
from the stored XML) and grow with every port the editor shows (:meth:`KnownValues.add_port`). Pipelines keep their
fully qualified name as the model stores it, so that picking one from another assembly
takes that assembly with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Literal

from model import port_edits
from model.domain import Pipeline, SendPort

__all__ = ["DEFAULT_HOST", "KnownValues", "default_pipelines"]

#: The host a BizTalk installation creates, and the default send handler of every adapter.
DEFAULT_HOST = "BizTalkServerApplication"

Which = Literal["send", "receive"]

_DEFAULT_PIPELINE_NAMES: dict[Which, tuple[str, ...]] = {
    "send": ("Microsoft.BizTalk.DefaultPipelines.PassThruTransmit", "Microsoft.BizTalk.DefaultPipelines.XMLTransmit"),
    "receive": ("Microsoft.BizTalk.DefaultPipelines.PassThruReceive", "Microsoft.BizTalk.DefaultPipelines.XMLReceive"),
}


@cache
def default_pipelines(which: Which) -> tuple[Pipeline, ...]:
    """BizTalk's default send or receive pipelines, exactly as the model sets them on a port."""
    bare = SendPort(name="defaults", is_two_way=True, send_pipeline=None, receive_pipeline=None)
    out = []
    for name in _DEFAULT_PIPELINE_NAMES[which]:
        port = port_edits.with_pipeline(bare, which, name)
        pipeline = port.send_pipeline if which == "send" else port.receive_pipeline
        assert pipeline is not None
        out.append(pipeline)
    return tuple(out)


class KnownValues:
    """Hosts and pipelines seen so far, with BizTalk's defaults; sorted, defaults included."""

    def __init__(self) -> None:
        self._hosts: set[str] = {DEFAULT_HOST}
        self._pipelines: dict[Which, dict[str, Pipeline]] = {
            which: {p.name: p for p in default_pipelines(which)} for which in ("send", "receive")
        }

    def add_port(self, port: SendPort) -> None:
        """Remember the hosts and pipelines ``port`` uses."""
        for t in (port.primary_transport, port.secondary_transport):
            if t is not None and t.send_handler is not None and t.send_handler.name.strip():
                self._hosts.add(t.send_handler.name)
        for which, pipeline in (("send", port.send_pipeline), ("receive", port.receive_pipeline)):
            if pipeline is not None and pipeline.name.strip():
                known = self._pipelines[which]  # type: ignore[index]
                old = known.get(pipeline.name)
                if old is None or (pipeline.fully_qualified_name and not old.fully_qualified_name):
                    known[pipeline.name] = pipeline

    def add_known(self, hosts: Iterable[str], pipelines: dict[str, dict[str, str]]) -> None:
        """Remember hosts and pipelines the workspace uses (``WorkspaceDocument.known_values``:
        pipeline name -> fully qualified name, for "send" and "receive")."""
        self._hosts.update(h for h in hosts if h.strip())
        for which, found in pipelines.items():
            known = self._pipelines[which]  # type: ignore[index]
            for name, qualified in found.items():
                if name.strip() and name not in known:
                    known[name] = Pipeline(
                        name=name, fully_qualified_name=qualified or None, type=2 if which == "send" else 1
                    )

    def add_ports(self, ports: Iterable[SendPort]) -> None:
        for port in ports:
            self.add_port(port)

    def hosts(self) -> list[str]:
        return sorted(self._hosts, key=str.lower)

    def pipelines(self, which: Which) -> list[Pipeline]:
        return sorted(self._pipelines[which].values(), key=lambda p: p.name.lower())

    def pipeline(self, which: Which, name: str) -> Pipeline | None:
        return self._pipelines[which].get(name)
