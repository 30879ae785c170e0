"""The main window: a composition root (Spyder's pattern).

It builds the document, the canvas, the docks, the menus and toolbars
(:mod:`designer.window_menus`), the status bar counts (:mod:`designer.status_counts`) and the
flows that act on them, and connects them. The flows (:mod:`designer.file_flows`, :mod:`designer.edit_flows`,
:mod:`designer.lifecycle_flows`, :mod:`designer.find_flows`) receive the document, the
selection, a reporter and a parent for dialogs; none of them knows this window. The rules
are in ``model``. Enabled states are computed in one place, :meth:`update_actions`.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QSettings, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QUndoView,
    QWidget,
)

from designer import icons, themes
from designer.actions import Actions
from designer.application_menu import (
    application_in_explorer,
    application_on_canvas,
    build_application_menu,
    validate_application,
)
from designer.canvas.area import CanvasArea
from designer.canvas.colors import canvas_colors
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView
from designer.dialogs import show_about
from designer.document import WorkspaceDocument
from designer.edit_flows import EditFlows
from designer.file_flows import FileFlows
from designer.find_flows import FindFlows
from designer.lifecycle_flows import LifecycleFlows
from designer.node_palette import NodePalette
from designer.panels import ExplorerPanel, ProblemsPanel
from designer.panels.inspector import InspectorPanel
from designer.refusals import RefusalShortcuts, note_position
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from designer.status_counts import StatusCounts
from designer.welcome import WelcomeView
from designer.window_menus import WindowMenus
from designer.window_title import workspace_title
from model import lifecycle
from model.lifecycle import GROUP_ACTION_NOTE, SELECTION_ACTIONS, Kind, Subject
from model.store import Workspace


class MainWindow(QMainWindow):
    """The window: builds the parts and connects them; each workspace shown gets new ones."""

    explorer: ExplorerPanel
    properties: InspectorPanel
    problems: ProblemsPanel
    scene: CanvasScene
    view: CanvasView
    canvas_area: CanvasArea

    def __init__(self, workspace: Workspace, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings("Portwright", "Portwright")
        self.setWindowIcon(icons.icon("portwright"))
        self.resize(1400, 880)
        self.setAcceptDrops(True)
        self.action_map = Actions(self)
        self.doc: WorkspaceDocument | None = None
        self._build_flows()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.welcome = WelcomeView()
        self.stack.addWidget(self.welcome)
        self._build_docks()
        self.menus = WindowMenus(
            self,
            self.action_map,
            [d.toggleViewAction() for d, _ in self._docks],
            self.lifecycle_flows.fill_application_menu,
        )
        self.find_box, self.recent_menu = self.menus.find_box, self.menus.recent_menu
        self.app_start_menu, self.app_stop_menu = self.menus.app_start_menu, self.menus.app_stop_menu
        self.status_counts = StatusCounts(self.statusBar(), self.update_status)
        counts = self.status_counts
        self.port_counts, self.group_counts = counts.port_counts, counts.group_counts
        self.problem_counts, self.zoom_label = counts.problem_counts, counts.zoom_label
        self._connect_actions()
        self.refusal_shortcuts = RefusalShortcuts(
            self, self.action_map, lambda name, reason: self.reporter.refused(reason, self.note_position())
        )
        self.lifecycle_flows.note_position = self.note_position
        self._closing = False
        self.save_layout = restore
        self.set_workspace(workspace)
        self._restore_settings(restore)

    # -- building -------------------------------------------------------------------------------

    def document(self) -> WorkspaceDocument:
        """The document shown now (the flows ask for it each time: it changes with the workspace)."""
        assert self.doc is not None, "no workspace shown"
        return self.doc

    def _build_flows(self) -> None:
        self.reporter = Reporter(self, self.statusBar())
        self.selection = CanvasSelection(self)
        doc, sel, rep = self.document, self.selection, self.reporter
        self.file_flows = FileFlows(self, doc, sel, rep, self.settings, self.set_workspace)
        self.edit_flows = EditFlows(self, doc, sel, rep)
        self.lifecycle_flows = LifecycleFlows(
            self, doc, sel, rep, self.edit_flows.current_application, self.update_actions
        )
        self.find_flows = FindFlows(self, doc, sel, rep)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea, icon_name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.toggleViewAction().setIcon(icons.icon(icon_name))
        self.addDockWidget(area, dock)
        self._docks.append((dock, icon_name))  # in the order of View > Panels
        return dock

    def _build_docks(self) -> None:
        self._docks: list[tuple[QDockWidget, str]] = []
        self.explorer_dock = self._dock(
            "explorerDock", self.tr("Explorer"), QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea, "explorer"
        )
        self.node_palette = NodePalette()
        self.palette_dock = self._dock(
            "paletteDock", self.tr("Palette"), self.node_palette, Qt.DockWidgetArea.LeftDockWidgetArea, "new-port"
        )
        self.properties_dock = self._dock(
            "propertiesDock", self.tr("Properties"), QWidget(), Qt.DockWidgetArea.RightDockWidgetArea, "properties"
        )
        self.history = QUndoView()
        self.history.setObjectName("history")
        self.history.setEmptyLabel(self.tr("<workspace opened>"))
        self.history_dock = self._dock(
            "historyDock", self.tr("History"), self.history, Qt.DockWidgetArea.RightDockWidgetArea, "history"
        )
        self.problems_dock = self._dock(
            "problemsDock", self.tr("Problems"), QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea, "problem-warning"
        )
        self.tabifyDockWidget(self.properties_dock, self.history_dock)
        self.properties_dock.raise_()
        self.resizeDocks([self.explorer_dock, self.properties_dock], [280, 460], Qt.Orientation.Horizontal)
        self.resizeDocks([self.problems_dock], [170], Qt.Orientation.Vertical)
        self.node_palette.create_requested.connect(lambda kind: self.edit_flows.create(kind))

    def _connect_actions(self) -> None:
        a, files, edit, life = self.action_map, self.file_flows, self.edit_flows, self.lifecycle_flows
        connections = {
            "file.new_workspace": files.new_workspace,
            "file.open_workspace": files.open_workspace,
            "file.import": files.import_dialog,
            "file.export": files.export_dialog,
            "file.export_application": lambda: files.export_application_dialog(),
            "file.export_selection": files.export_selection_dialog,
            "file.open_sample": files.open_sample,
            "file.quit": self.close,
            "edit.copy": edit.copy,
            "edit.paste": lambda: edit.paste(),
            "edit.duplicate": edit.duplicate,
            "edit.delete": lambda: life.perform("delete"),
            "edit.select_all": self.select_all,
            "edit.find": self.focus_find,
            "edit.rename": edit.rename,
            "edit.new_port": lambda: edit.create("port"),
            "edit.new_group": lambda: edit.create("group"),
            "view.zoom_in": lambda: self.view.zoom_in(),
            "view.zoom_out": lambda: self.view.zoom_out(),
            "view.fit": lambda: self.view.fit(),
            "view.auto_layout": edit.auto_layout,
            "view.refresh": edit.refresh,
            "help.about": lambda: show_about(self),
            "lifecycle.enlist": lambda: life.perform("enlist"),
            "lifecycle.unenlist": lambda: life.perform("unenlist"),
            "lifecycle.start": lambda: life.perform("start"),
            "lifecycle.stop": lambda: life.perform("stop"),
            "app.start": lambda: life.application(True),
            "app.stop": lambda: life.application(False),
            "edit.undo": edit.undo,
            "edit.redo": edit.redo,
        }
        for action_id, slot in connections.items():
            a[action_id].triggered.connect(slot)
        a["view.minimap"].toggled.connect(self._on_minimap_toggled)
        a["view.dark"].toggled.connect(self._on_dark_toggled)
        self.find_box.textChanged.connect(self.find_flows.find)
        self.find_box.returnPressed.connect(self.find_flows.find_next)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_box)
        escape.activated.connect(self.find_box.clear)
        self.welcome.import_requested.connect(files.import_dialog)
        self.welcome.sample_requested.connect(files.open_sample)
        self.welcome.new_port_requested.connect(lambda: edit.create("port"))
        self.welcome.recent_requested.connect(lambda p: files.import_paths([p]))
        files.imported.connect(self._on_file_flows_imported)
        files.recent_changed.connect(self._on_file_flows_recent_changed)
        self.selection.shown.connect(self._on_scene_selection)

    # -- the workspace ---------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Show ``workspace`` (replacing the one shown, if any)."""
        old = self.doc
        self.doc = WorkspaceDocument(workspace, self)
        self.scene = CanvasScene(self.doc, canvas_colors(themes.current_theme()))
        self.canvas_area = CanvasArea(self.scene)  # the scene's owner
        self.view = self.canvas_area.view
        self.selection.attach(self.scene, self.view)
        self.canvas_area.minimap.setVisible(self.action_map["view.minimap"].isChecked())
        gone = self.stack.widget(1) if self.stack.count() > 1 else None
        if gone is not None:  # the old canvas, and with it the old scene and its items
            self.stack.removeWidget(gone)
            gone.deleteLater()
        self.stack.addWidget(self.canvas_area)
        if old is not None:
            self.problems.shutdown()
        self.explorer = ExplorerPanel(self.doc)
        self.properties = InspectorPanel(self.doc)
        self.problems = ProblemsPanel(self.doc)
        for dock, widget in (
            (self.explorer_dock, self.explorer),
            (self.properties_dock, self.properties),
            (self.problems_dock, self.problems),
        ):
            previous = dock.widget()
            dock.setWidget(widget)
            if previous is not None:
                previous.deleteLater()
        self.history.setStack(self.doc.undo_stack)
        self._wire_document()
        if old is not None:
            old.workspace.close()
            old.deleteLater()
        title = workspace_title(workspace.url)
        if workspace.read_only:  # every edit is refused with the reason; the title says so up front
            self.setWindowTitle(self.tr("%s (read-only) — Portwright") % title)
        else:
            self.setWindowTitle(self.tr("%s — Portwright") % title)
        self.update_view_mode()
        self.view.fit_later()
        self.update_actions()
        self.update_status()

    def _wire_document(self) -> None:
        doc, edit = self.document(), self.edit_flows
        self.scene.selection_keys_changed.connect(self._on_scene_selection)
        self.explorer.selection_changed.connect(self._on_explorer_selection)
        self.explorer.activated.connect(lambda kind, name: self.view.reveal((Kind(kind), name)))
        self.explorer.context_menu_requested.connect(self._show_explorer_context_menu)
        self.problems.problem_activated.connect(self._on_problems_problem_activated)
        self.problems.counts_changed.connect(self.status_counts.schedule)
        self.view.moved.connect(edit.move)
        self.view.dropped_on_group.connect(edit.drop_on_group)
        self.view.new_item_requested.connect(lambda kind, pos: edit.create(kind, (pos.x(), pos.y())))
        self.view.files_dropped.connect(self.file_flows.import_paths)
        self.view.zoom_changed.connect(lambda _z: self.status_counts.schedule())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(lambda p: self._show_context_menu(self.view.mapToGlobal(p)))
        for signal in (doc.item_added, doc.item_removed, doc.item_changed):
            signal.connect(lambda *_: self._changed())
        doc.item_renamed.connect(lambda *_: self._changed())
        doc.reloaded.connect(self._changed)
        doc.error.connect(self.reporter.show_error)  # an undo or redo the workspace refused, said in the window
        doc.undo_stack.canUndoChanged.connect(lambda _: self.update_actions())
        doc.undo_stack.canRedoChanged.connect(lambda _: self.update_actions())

    def _changed(self) -> None:
        self.update_view_mode()
        self.update_actions()
        self.status_counts.schedule()

    def update_view_mode(self) -> None:
        """The welcome view on an empty workspace, the canvas otherwise."""
        empty = self.doc is None or not self.doc.entries()
        self.welcome.set_recent(self.file_flows.recent_files())
        self.stack.setCurrentIndex(0 if empty else 1)

    # -- selection, enabled states, status ----------------------------------------------------

    def selected_subjects(self) -> list[Subject]:
        return self.selection.subjects()

    def _on_file_flows_imported(self) -> None:
        self.update_view_mode()
        self.view.fit_later()

    def _on_file_flows_recent_changed(self) -> None:
        self.file_flows.fill_recent_menu(self.recent_menu)
        self.update_view_mode()

    def _show_context_menu(self, global_pos: QPoint) -> None:
        """The canvas's menu: an application's own over its frame, the selection's elsewhere."""
        scene_pos = self.view.mapToScene(self.view.viewport().mapFromGlobal(global_pos))
        self.exec_context_menu(global_pos, application_on_canvas(self.scene, scene_pos))

    def _show_explorer_context_menu(self, global_pos: QPoint) -> None:
        self.exec_context_menu(
            global_pos, application_in_explorer(self.explorer, self.document().applications(), global_pos)
        )

    def context_menu_for(self, application: str | None) -> QMenu:
        """The context menu for an application (its frame or row), or for the selection."""
        if application is None:
            return self.action_map.context_menu(self)
        more = [self.action_map[i] for i in ("edit.paste", "edit.new_port", "edit.new_group")]
        return build_application_menu(
            self,
            application,
            self.document().view(),
            lambda start, app: self.lifecycle_flows.application(start, app),
            self.file_flows.export_application_dialog,
            self.validate_application,
            more,
        )

    def exec_context_menu(self, global_pos: QPoint, application: str | None) -> None:
        menu = self.context_menu_for(application)
        menu.exec(global_pos)
        menu.deleteLater()

    def validate_application(self, application: str) -> None:
        """Check the application now; its problems are counted in the status bar and listed."""
        if validate_application(self.problems, self.document(), self.reporter, application):
            self.problems_dock.show()
            self.problems_dock.raise_()

    def note_position(self) -> QPoint | None:
        return note_position(self.scene, self.view) if self.doc is not None else None

    def _on_problems_problem_activated(self, kind: str, name: str, field: str) -> None:
        self.selection.reveal((Kind(kind), name))
        self.properties.focus_field(field)

    def _on_scene_selection(self, keys: list[tuple[str, str]]) -> None:
        self.explorer.select(keys)
        self.properties.show_selection(keys)
        self.update_actions()

    def _on_explorer_selection(self, keys: list[tuple[str, str]]) -> None:
        self.scene.select_keys([(Kind(k), n) for k, n in keys])
        self.properties.show_selection(keys)
        if len(keys) == 1:
            self.view.reveal((Kind(keys[0][0]), keys[0][1]))
        self.update_actions()

    def update_actions(self) -> None:
        """Every action's enabled state and tooltip, from the selection and the rules."""
        if self.doc is None or self._closing:
            return
        subjects = self.selected_subjects()
        view = self.doc.view()
        splits = {action: lifecycle.split(view, action, subjects) for action in SELECTION_ACTIONS}
        self.action_map.apply_verdicts(self.doc.allowed_actions(subjects), splits)
        has = bool(subjects)
        for action_id in ("edit.copy", "edit.duplicate", "file.export_selection"):
            self.action_map[action_id].setEnabled(has)
        self.action_map["edit.rename"].setEnabled(len(subjects) == 1)
        self.action_map["edit.undo"].setEnabled(self.doc.undo_stack.canUndo())
        self.action_map["edit.redo"].setEnabled(self.doc.undo_stack.canRedo())
        self.action_map["edit.undo"].setText(self.tr("&Undo %s") % self.doc.undo_stack.undoText())
        self.action_map["edit.redo"].setText(self.tr("&Redo %s") % self.doc.undo_stack.redoText())
        has_items = bool(self.doc.entries())
        for action_id in ("edit.select_all", "view.fit", "view.auto_layout", "file.export", "file.export_application"):
            self.action_map[action_id].setEnabled(has_items)
        if any(s.kind is Kind.GROUP for s in subjects):
            for action_id in ("lifecycle.enlist", "lifecycle.unenlist", "lifecycle.start", "lifecycle.stop"):
                action = self.action_map[action_id]
                action.setToolTip(f"{action.toolTip()}\n{GROUP_ACTION_NOTE}")

    def update_status(self) -> None:
        if self.doc is None or self._closing:
            return
        self.status_counts.show(self.doc.counts(), self.problems.counts(), self.view.zoom())

    def select_all(self) -> None:
        self.scene.select_keys(list(self.scene.nodes))
        self._on_scene_selection([(k.value, n) for k, n in self.scene.nodes])

    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    # -- view options and settings ----------------------------------------------------------------

    def _on_minimap_toggled(self, on: bool) -> None:
        self.canvas_area.minimap.setVisible(on)
        self.canvas_area.minimap.place()

    def _on_dark_toggled(self, dark: bool) -> None:
        theme: themes.Theme = "dark" if dark else "light"
        app = QApplication.instance()
        if isinstance(app, QApplication):
            themes.apply_theme(app, theme)
        self.action_map.refresh_icons()
        for dock, name in self._docks:
            dock.toggleViewAction().setIcon(icons.icon(name))
        self.scene.set_colors(canvas_colors(theme))
        self.view.resetCachedContent()
        self.canvas_area.minimap.rebuild()
        self.settings.setValue("theme", theme)

    def _restore_settings(self, layout: bool = True) -> None:
        geometry = self.settings.value("geometry")
        if layout and isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("windowState")
        if layout and isinstance(state, QByteArray):
            self.restoreState(state)
        self.action_map["view.minimap"].setChecked(self.settings.value("minimap", "true") in (True, "true"))
        self.action_map["view.dark"].setChecked(self.settings.value("theme", "light") == "dark")
        self.file_flows.fill_recent_menu(self.recent_menu)

    # -- files dropped anywhere on the window are imported ----------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.file_flows.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        if self.save_layout:
            self.settings.setValue("geometry", self.saveGeometry())
            self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("minimap", self.action_map["view.minimap"].isChecked())
        self.settings.sync()
        self.problems.shutdown()
        if self.doc is not None:
            self.doc.workspace.close()
        super().closeEvent(event)
