"""The window's docks: explorer, palette, properties, history, problems, settings, routing and deployment, where they start,
and the panels of the workspace shown in them (each workspace gets new panels)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QUndoView, QWidget

from designer import icons
from designer.node_palette import NodePalette

__all__ = ["WindowDocks"]


class WindowDocks:
    """Builds the docks on ``window``; :meth:`show_panels` puts a workspace's panels in them."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self._docks: list[tuple[QDockWidget, str]] = []
        self.explorer_dock = self._dock(
            "explorerDock", QCoreApplication.translate("MainWindow", "Explorer"), QWidget(), "left", "explorer"
        )
        self.node_palette = NodePalette()
        self.palette_dock = self._dock(
            "paletteDock", QCoreApplication.translate("MainWindow", "Palette"), self.node_palette, "left", "new-port"
        )
        self.properties_dock = self._dock(
            "propertiesDock", QCoreApplication.translate("MainWindow", "Properties"), QWidget(), "right", "properties"
        )
        self.history = QUndoView()
        self.history.setObjectName("history")
        self.history.setEmptyLabel(QCoreApplication.translate("MainWindow", "<workspace opened>"))
        self.history_dock = self._dock(
            "historyDock", QCoreApplication.translate("MainWindow", "History"), self.history, "right", "history"
        )
        self.problems_dock = self._dock(
            "problemsDock", QCoreApplication.translate("MainWindow", "Problems"), QWidget(), "bottom", "problem-warning"
        )
        self.settings_dock = self._dock(
            "settingsDock", QCoreApplication.translate("MainWindow", "Settings"), QWidget(), "bottom", "advanced"
        )
        self.settings_dock.toggleViewAction().setStatusTip(
            QCoreApplication.translate(
                "MainWindow", "Environments and settings: what a BTDF settings spreadsheet holds, by environment"
            )
        )
        self.routing_dock = self._dock(
            "routingDock", QCoreApplication.translate("MainWindow", "Routing"), QWidget(), "bottom", "filter"
        )
        self.routing_dock.toggleViewAction().setStatusTip(
            QCoreApplication.translate("MainWindow", "Who receives a message with a given context")
        )
        self.deploy_dock = self._dock(
            "deployDock", QCoreApplication.translate("MainWindow", "Deployment"), QWidget(), "bottom", "deploy"
        )
        self.deploy_dock.toggleViewAction().setStatusTip(
            QCoreApplication.translate(
                "MainWindow",
                "The pre-flight check, the plan that deploys the design to a target BizTalk group, and its drift",
            )
        )
        # Qt (6.11) lays out a window not shown yet as a second area is tabified, and makes that
        # area two tab bars: the one it leaves behind stays visible where it was laid out (a stray
        # "Properties | History" strip over the bottom docks). With the layout off meanwhile, one.
        layout = window.layout()
        assert layout is not None  # a main window's own
        layout.setEnabled(False)
        window.tabifyDockWidget(self.problems_dock, self.settings_dock)
        window.tabifyDockWidget(self.problems_dock, self.routing_dock)
        window.tabifyDockWidget(self.problems_dock, self.deploy_dock)
        window.tabifyDockWidget(self.properties_dock, self.history_dock)
        layout.setEnabled(True)
        self.settings_dock.hide()  # until asked for (View > Panels > Settings, Routing, Deployment)
        self.routing_dock.hide()
        self.deploy_dock.hide()
        self.problems_dock.raise_()
        self.properties_dock.raise_()
        window.resizeDocks([self.explorer_dock, self.properties_dock], [280, 460], Qt.Orientation.Horizontal)
        window.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)

    def _dock(self, name: str, title: str, widget: QWidget, area: str, icon_name: str) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.toggleViewAction().setIcon(icons.icon(icon_name))
        where = {
            "left": Qt.DockWidgetArea.LeftDockWidgetArea,
            "right": Qt.DockWidgetArea.RightDockWidgetArea,
            "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
        }
        self._window.addDockWidget(where[area], dock)
        self._docks.append((dock, icon_name))  # in the order of View > Panels
        return dock

    def toggle_actions(self) -> list[QAction]:
        """The docks' show/hide actions, in the order of View > Panels."""
        return [d.toggleViewAction() for d, _ in self._docks]

    def refresh_icons(self) -> None:
        """Reload the docks' icons (after a theme change)."""
        for dock, name in self._docks:
            dock.toggleViewAction().setIcon(icons.icon(name))

    def show_panels(
        self,
        explorer: QWidget,
        properties: QWidget,
        problems: QWidget,
        settings: QWidget,
        routing: QWidget,
        deployment: QWidget,
    ) -> None:
        """Put a workspace's panels in their docks; the panels shown before go."""
        for dock, widget in (
            (self.explorer_dock, explorer),
            (self.properties_dock, properties),
            (self.problems_dock, problems),
            (self.settings_dock, settings),
            (self.routing_dock, routing),
            (self.deploy_dock, deployment),
        ):
            previous = dock.widget()
            dock.setWidget(widget)
            if previous is not None:
                previous.deleteLater()

    def show_problems(self) -> None:
        self.problems_dock.show()
        self.problems_dock.raise_()

    def show_deployment(self) -> None:
        """Show the Deployment dock in front, tall enough for a plan (it starts as a short strip)."""
        first = self.deploy_dock.isHidden()
        self.deploy_dock.show()
        self.deploy_dock.raise_()
        if first and not self.deploy_dock.isFloating() and self.deploy_dock.height() < 280:
            self._window.resizeDocks([self.deploy_dock], [300], Qt.Orientation.Vertical)
