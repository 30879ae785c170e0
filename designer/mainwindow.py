"""The main window: a composition root (Spyder's pattern).

It builds the document, the canvas, the docks (:mod:`designer.window_docks`), the menus and
toolbars (:mod:`designer.window_menus`), the context menus (:mod:`designer.context_menus`), the
status bar counts (:mod:`designer.status_counts`) and the flows that act on them, and connects
them; what it remembers between sessions (its layout, each workspace's last view) is kept by
:mod:`designer.window_settings`. The flows (:mod:`designer.file_flows`, :mod:`designer.edit_flows`,
:mod:`designer.lifecycle_flows`, :mod:`designer.find_flows`) receive the document, the
selection, a reporter and a parent for dialogs; none of them knows this window. The rules
are in ``model``. Enabled states are computed in one place, :meth:`update_actions`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QStackedWidget,
)

from designer import icons, themes
from designer.actions import Actions
from designer.canvas.area import CanvasArea
from designer.canvas.colors import canvas_colors
from designer.canvas.environment_view import EnvironmentView
from designer.canvas.route_view import RouteView
from designer.canvas.scene import CanvasScene
from designer.canvas.view import CanvasView
from designer.context_menus import ContextMenus
from designer.dialogs import show_about
from designer.document import WorkspaceDocument
from designer.edit_flows import EditFlows
from designer.file_flows import FileFlows
from designer.find_flows import FindFlows
from designer.language import LanguageMenu
from designer.lifecycle_flows import LifecycleFlows
from designer.panels import ExplorerPanel, ProblemsPanel
from designer.panels.deploy_model import preflight_problems
from designer.panels.deploy_panel import DeployPanel
from designer.panels.inspector import InspectorPanel
from designer.panels.routing_panel import RoutingPanel
from designer.panels.settings_grid import SettingsGridPanel
from designer.refusals import RefusalShortcuts, note_position
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from designer.status_counts import StatusCounts
from designer.welcome import WelcomeView
from designer.window_docks import WindowDocks
from designer.window_menus import WindowMenus
from designer.window_settings import WindowSettings
from designer.window_title import workspace_title
from model import lifecycle
from model.lifecycle import GROUP_ACTION_NOTE, SELECTION_ACTIONS, Kind, Subject
from model.store import Workspace


class MainWindow(QMainWindow):
    """The window: builds the parts and connects them; each workspace shown gets new ones."""

    explorer: ExplorerPanel
    properties: InspectorPanel
    problems: ProblemsPanel
    deploy_panel: DeployPanel
    scene: CanvasScene
    view: CanvasView
    canvas_area: CanvasArea

    def __init__(self, workspace: Workspace, settings: QSettings | None = None, restore: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or QSettings("Portwright", "Portwright")
        self.window_settings = WindowSettings(self.settings)
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
        self.docks = WindowDocks(self)
        d = self.docks
        self.explorer_dock, self.palette_dock, self.properties_dock = d.explorer_dock, d.palette_dock, d.properties_dock
        self.history_dock, self.problems_dock, self.history = d.history_dock, d.problems_dock, d.history
        self.node_palette = d.node_palette
        self.node_palette.create_requested.connect(lambda kind: self.edit_flows.create(kind))
        self.menus = WindowMenus(
            self,
            self.action_map,
            self.docks.toggle_actions(),
            self.lifecycle_flows.fill_application_menu,
        )
        self.find_box, self.recent_menu = self.menus.find_box, self.menus.recent_menu
        self.app_start_menu, self.app_stop_menu = self.menus.app_start_menu, self.menus.app_stop_menu
        self.language_menu = LanguageMenu(self.menus.language_menu, self.settings, self.reporter.say)
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
        self.context_menus = ContextMenus(
            self, self.action_map, doc, self.lifecycle_flows, self.file_flows, rep, lambda: self.docks.show_problems()
        )

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
            "deploy.plan": self.plan_deployment,
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
        if old is not None:  # where the user left the workspace shown until now
            self.window_settings.remember_view(old.workspace, self.view.state())
        self.doc = WorkspaceDocument(workspace, self)
        self.scene = CanvasScene(self.doc, canvas_colors(themes.current_theme()))
        self.environment_view = EnvironmentView(self.scene, self.doc.settings)
        self.menus.environment_box.attach(self.doc.settings)
        self.canvas_area = CanvasArea(self.scene)  # the scene's owner
        self.view = self.canvas_area.view
        self.selection.attach(self.scene, self.view)
        self.canvas_area.minimap.setVisible(self.action_map["view.minimap"].isChecked())
        gone = self.stack.widget(1) if self.stack.count() > 1 else None
        if gone is not None:  # the old canvas, and with it the old scene and its items
            self.stack.removeWidget(gone)
            gone.deleteLater()
        self.stack.addWidget(self.canvas_area)
        target = ""
        if old is not None:
            self.problems.shutdown()
            self.deploy_panel.shutdown()
            target = self.deploy_panel.target()  # the same target, for the workspace shown next
        self.explorer = ExplorerPanel(self.doc)
        self.properties = InspectorPanel(self.doc)
        self.problems = ProblemsPanel(self.doc)
        self.settings_grid = SettingsGridPanel(self.doc.settings)
        self.doc.reloaded.connect(self.settings_grid.refresh_scopes)
        self.routing_panel = RoutingPanel(self.doc.routing)
        self.route_view = RouteView(self.scene, self.scene.colors)
        self.routing_panel.routed.connect(self.route_view.show)
        self.routing_panel.recipient_activated.connect(lambda kind, name: self.view.reveal((Kind(kind), name)))
        self.deploy_panel = DeployPanel(self.doc, self.file_flows, self.reporter)
        self.deploy_panel.object_activated.connect(self._on_problems_problem_activated)
        self.deploy_panel.planned.connect(self._on_deploy_planned)
        self.deploy_panel.set_target(target)
        self.docks.show_panels(
            self.explorer, self.properties, self.problems, self.settings_grid, self.routing_panel, self.deploy_panel
        )
        self.history.setStack(self.doc.undo_stack)
        self.context_menus.attach(self.scene, self.view, self.explorer, self.problems)
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
        self.view.fit_later(self.window_settings.last_view(workspace))  # the last view, else Fit
        self.update_actions()
        self.update_status()

    def _wire_document(self) -> None:
        doc, edit = self.document(), self.edit_flows
        self.scene.selection_keys_changed.connect(self._on_scene_selection)
        self.explorer.selection_changed.connect(self._on_explorer_selection)
        self.explorer.activated.connect(lambda kind, name: self.view.reveal((Kind(kind), name)))
        self.explorer.context_menu_requested.connect(self.context_menus.show_explorer_menu)
        self.problems.problem_activated.connect(self._on_problems_problem_activated)
        self.problems.counts_changed.connect(self.status_counts.schedule)
        self.view.moved.connect(edit.move)
        self.view.dropped_on_group.connect(edit.drop_on_group)
        self.view.new_item_requested.connect(lambda kind, pos: edit.create(kind, (pos.x(), pos.y())))
        self.view.files_dropped.connect(self.file_flows.import_paths)
        self.view.zoom_changed.connect(lambda _z: self.status_counts.schedule())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda p: self.context_menus.show_canvas_menu(self.view.mapToGlobal(p))
        )
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

    def context_menu_for(self, application: str | None) -> QMenu:
        """The context menu for an application (its frame or row), or for the selection."""
        return self.context_menus.menu_for(application)

    def validate_application(self, application: str) -> None:
        self.context_menus.validate_application(application)

    def note_position(self) -> QPoint | None:
        return note_position(self.scene, self.view) if self.doc is not None else None

    def _on_problems_problem_activated(self, kind: str, name: str, field: str) -> None:
        """A problem or a deployment finding opened: select its object and focus the field."""
        if self.doc is None or self.doc.entry(Kind(kind), name) is None:
            return  # a plan step on what only the target has (a port the plan deletes)
        self.selection.reveal((Kind(kind), name))
        if field:
            self.properties.focus_field(field)

    def plan_deployment(self) -> None:
        """Show the Deployment dock; without a target yet, ask for the target file."""
        self.docks.show_deployment()
        if not self.deploy_panel.target():
            self.deploy_panel.choose_target()

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
        # the selection actions are judged once, by split (what each would act on and skip)
        splits = {action: lifecycle.split(view, action, subjects) for action in SELECTION_ACTIONS}
        self.action_map.apply_verdicts(lifecycle.application_verdicts(view, subjects), splits)
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

    def _on_deploy_planned(self) -> None:
        """The pre-flight findings go to the Problems dock too, beside the workspace's own."""
        self.problems.set_preflight(preflight_problems(self.deploy_panel.outcome()))

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
        self.docks.refresh_icons()
        self.scene.set_colors(canvas_colors(theme))
        self.view.resetCachedContent()
        self.canvas_area.minimap.rebuild()
        self.window_settings.set_theme(theme)

    def _restore_settings(self, layout: bool = True) -> None:
        if layout:
            self.window_settings.restore_layout(self)
        self.action_map["view.minimap"].setChecked(self.window_settings.minimap())
        self.action_map["view.dark"].setChecked(self.window_settings.theme() == "dark")
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
            self.window_settings.save_layout(self)
        self.window_settings.set_minimap(self.action_map["view.minimap"].isChecked())
        if self.doc is not None:
            self.window_settings.remember_view(self.doc.workspace, self.view.state())
        self.window_settings.sync()
        self.problems.shutdown()
        self.deploy_panel.shutdown()
        if self.doc is not None:
            self.doc.workspace.close()
        super().closeEvent(event)
