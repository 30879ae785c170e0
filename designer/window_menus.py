"""The main window's menu bar and toolbars: which actions they hold, in which order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QToolBar

from designer.actions import Actions
from designer.environment_box import EnvironmentBox
from designer.icons import icon


class WindowMenus:
    """Builds the toolbars and menus of ``window`` from ``actions``.

    What the window fills or connects later is kept: the find box, the recent files menu and
    the two application menus (filled by ``fill_application_menu`` each time they open).
    ``panel_actions`` are the docks' show/hide actions, listed under View > Panels."""

    def __init__(
        self,
        window: QMainWindow,
        actions: Actions,
        panel_actions: Sequence[QAction],
        fill_application_menu: Callable[[QMenu, bool], None],
    ) -> None:
        self.window = window
        self.actions = actions
        self._build_toolbars()
        self._build_menus(panel_actions, fill_application_menu)

    def _toolbar(self, name: str, title: str, ids: list[str | None]) -> QToolBar:
        bar = QToolBar(title, self.window)
        bar.setObjectName(name)
        bar.setIconSize(bar.iconSize().scaled(20, 20, Qt.AspectRatioMode.KeepAspectRatio))
        for action_id in ids:
            if action_id is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions[action_id])
        self.window.addToolBar(bar)
        return bar

    def _build_toolbars(self) -> None:
        self._toolbar(
            "mainToolbar",
            QCoreApplication.translate("MainWindow", "Main"),
            ["edit.new_port", "edit.new_group", None, "file.import", "file.export", None, "edit.undo", "edit.redo"],
        )
        lifecycle = self._toolbar(
            "lifecycleToolbar",
            QCoreApplication.translate("MainWindow", "Lifecycle"),
            [
                "lifecycle.enlist",
                "lifecycle.unenlist",
                "lifecycle.start",
                "lifecycle.stop",
                "edit.delete",
                None,
                "app.start",
                "app.stop",
            ],
        )
        lifecycle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        view = self._toolbar(
            "viewToolbar",
            QCoreApplication.translate("MainWindow", "View"),
            ["view.zoom_out", "view.zoom_in", "view.fit", "view.auto_layout", "view.minimap"],
        )
        self.environment_box = EnvironmentBox()
        view.addWidget(self.environment_box)
        self.find_box = QLineEdit()
        self.find_box.setObjectName("findBox")
        self.find_box.setPlaceholderText(QCoreApplication.translate("MainWindow", "Find (Ctrl+F)"))
        self.find_box.setClearButtonEnabled(True)
        self.find_box.setMaximumWidth(260)
        view.addWidget(self.find_box)

    def _menu(self, title: str, ids: list[str | None]) -> QMenu:
        menu = self.window.menuBar().addMenu(title)
        for action_id in ids:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[action_id])
        return menu

    def _build_menus(
        self, panel_actions: Sequence[QAction], fill_application_menu: Callable[[QMenu, bool], None]
    ) -> None:
        file_menu = self._menu(
            QCoreApplication.translate("MainWindow", "&File"),
            [
                "file.new_workspace",
                "file.open_workspace",
                None,
                "file.import",
                "file.export",
                "file.export_application",
                "file.export_selection",
                "file.open_sample",
            ],
        )
        self.recent_menu = file_menu.addMenu(icon("history"), QCoreApplication.translate("MainWindow", "Recent &Files"))
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addSeparator()
        file_menu.addAction(self.actions["file.quit"])
        self._menu(
            QCoreApplication.translate("MainWindow", "&Edit"),
            [
                "edit.undo",
                "edit.redo",
                None,
                "edit.copy",
                "edit.paste",
                "edit.duplicate",
                "edit.delete",
                None,
                "edit.select_all",
                "edit.find",
                "edit.rename",
                None,
                "edit.new_port",
                "edit.new_group",
            ],
        )
        view_menu = self._menu(
            QCoreApplication.translate("MainWindow", "&View"),
            [
                "view.zoom_in",
                "view.zoom_out",
                "view.fit",
                "view.auto_layout",
                None,
                "view.minimap",
                "view.dark",
                "view.refresh",
                None,
            ],
        )
        panels = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Panels"))
        for action in panel_actions:
            panels.addAction(action)
        #: View > Language (filled by ``designer.language.LanguageMenu``).
        self.language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
        self.language_menu.setObjectName("languageMenu")
        self._menu(
            QCoreApplication.translate("MainWindow", "&Lifecycle"),
            ["lifecycle.enlist", "lifecycle.unenlist", "lifecycle.start", "lifecycle.stop", None, "edit.delete"],
        )
        app_menu = self._menu(QCoreApplication.translate("MainWindow", "&Application"), ["app.start", "app.stop"])
        app_menu.addSeparator()
        self.app_start_menu = app_menu.addMenu(
            icon("app-start"), QCoreApplication.translate("MainWindow", "Start Application")
        )
        self.app_stop_menu = app_menu.addMenu(
            icon("app-stop"), QCoreApplication.translate("MainWindow", "Stop Application")
        )
        self.app_start_menu.aboutToShow.connect(lambda: fill_application_menu(self.app_start_menu, True))
        self.app_stop_menu.aboutToShow.connect(lambda: fill_application_menu(self.app_stop_menu, False))
        self._menu(QCoreApplication.translate("MainWindow", "&Deploy"), ["deploy.plan"])
        self._menu(QCoreApplication.translate("MainWindow", "&Help"), ["help.about"])
