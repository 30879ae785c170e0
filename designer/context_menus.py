"""The context menus of the canvas and the explorer: an application's own menu over its frame
or its row (start, stop, export, validate), the selection's menu elsewhere.

The menus are built from the actions and the flows the window hands over; what an item does
is decided by those flows and the rules in ``model``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QMenu, QWidget

from designer.actions import Actions
from designer.application_menu import (
    application_in_explorer,
    application_on_canvas,
    build_application_menu,
    validate_application,
)
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView
from designer.document import WorkspaceDocument
from designer.file_flows import FileFlows
from designer.lifecycle_flows import LifecycleFlows
from designer.panels import ExplorerPanel, ProblemsPanel
from designer.reporting import Reporter

__all__ = ["ContextMenus"]


class ContextMenus(QObject):
    """Builds and shows the context menus; the window tells it which canvas and panels are shown."""

    def __init__(
        self,
        parent: QWidget,
        action_map: Actions,
        document: Callable[[], WorkspaceDocument],
        lifecycle_flows: LifecycleFlows,
        file_flows: FileFlows,
        reporter: Reporter,
        show_problems: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._action_map = action_map
        self._document = document
        self._lifecycle_flows = lifecycle_flows
        self._file_flows = file_flows
        self._reporter = reporter
        self._show_problems = show_problems
        self._scene: CanvasScene | None = None
        self._view: CanvasView | None = None
        self._explorer: ExplorerPanel | None = None
        self._problems: ProblemsPanel | None = None

    def attach(self, scene: CanvasScene, view: CanvasView, explorer: ExplorerPanel, problems: ProblemsPanel) -> None:
        """The canvas and panels of the workspace shown now."""
        self._scene, self._view, self._explorer, self._problems = scene, view, explorer, problems

    def show_canvas_menu(self, global_pos: QPoint) -> None:
        """The canvas's menu: an application's own over its frame, the selection's elsewhere."""
        assert self._view is not None and self._scene is not None
        scene_pos = self._view.mapToScene(self._view.viewport().mapFromGlobal(global_pos))
        self.exec_menu(global_pos, application_on_canvas(self._scene, scene_pos))

    def show_explorer_menu(self, global_pos: QPoint) -> None:
        assert self._explorer is not None
        self.exec_menu(global_pos, application_in_explorer(self._explorer, self._document().applications(), global_pos))

    def menu_for(self, application: str | None) -> QMenu:
        """The context menu for an application (its frame or row), or for the selection."""
        if application is None:
            return self._action_map.context_menu(self._parent)
        more = [self._action_map[i] for i in ("edit.paste", "edit.new_port", "edit.new_group")]
        return build_application_menu(
            self._parent,
            application,
            self._document().view(),
            lambda start, app: self._lifecycle_flows.application(start, app),
            self._file_flows.export_application_dialog,
            self.validate_application,
            more,
        )

    def exec_menu(self, global_pos: QPoint, application: str | None) -> None:
        menu = self.menu_for(application)
        menu.exec(global_pos)
        menu.deleteLater()

    def validate_application(self, application: str) -> None:
        """Check the application now; its problems are counted in the status bar and listed."""
        assert self._problems is not None
        if validate_application(self._problems, self._document(), self._reporter, application):
            self._show_problems()
