"""The document's door to routing (``WorkspaceDocument.routing``): who would receive a message.

The design (every port's and group's filter, with the workspace's states) is read once, from
one export of the workspace, and kept until the document says something changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from model import lifecycle
from model.bindings import load
from model.routing.design import Design
from model.routing.evaluate import RoutingResult
from model.routing.router import Router
from model.routing.values import MessageContext
from model.store import Workspace


class _Document(Protocol):
    workspace: Workspace

    def view(self) -> lifecycle.View: ...
    def filter_properties(self) -> list[str]: ...


class RoutingDoor(QObject):
    #: the design changed (ports, groups, filters or states): results shown are out of date
    design_changed = Signal()

    def __init__(self, document: _Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._router: Router | None = None

    def forget(self, *_args: object) -> None:
        """The workspace changed: read the design again next time."""
        if self._router is not None:
            self._router = None
            self.design_changed.emit()

    def router(self) -> Router:
        if self._router is None:
            workspace = self._doc.workspace
            document = load(workspace.export())
            bound = workspace.orchestration_bindings()
            design = Design.of(document.send_ports, document.groups, self._doc.view(), bound)
            self._router = Router(design)
        return self._router

    def route(self, properties: Sequence[tuple[str, str]]) -> RoutingResult:
        """Who receives a message with ``properties`` (name, value; typed from the catalog).
        Raises ``ContextValueError`` naming a value that is not of its property's type."""
        return self.router().route(MessageContext.of(properties))

    def known_properties(self) -> list[str]:
        """The properties the workspace's filters test, for the panel's picker."""
        return self._doc.filter_properties()
