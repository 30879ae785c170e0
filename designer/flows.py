"""User flows of the main window: dialogs, background jobs, and the document's intents.

Each flow gathers what the user wants (a dialog, a file name, the selection) and calls
one document method; refusals come back as :class:`Refused` and are shown with their
reason. No rule is decided here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QToolTip

from designer import file_dialogs, style
from designer.canvas.layout import Node, auto_layout
from designer.dialogs import NewGroupDialog, NewPortDialog, ask_rename
from designer.document import Refused
from designer.workers import Cancelled, Task
from model.bindings import BindingFormatError, load
from model.fileio import write_atomic
from model.lifecycle import Action, Kind, Subject
from model.store import Workspace, WorkspaceError
from model.store.database import is_workspace_file, remove_sqlite_files

if TYPE_CHECKING:
    from designer.mainwindow import MainWindow

BINDINGS_FILTER = "Binding files (*.xml);;All files (*)"
WORKSPACE_FILTER = "Portwright workspaces (*.sqlite *.db);;All files (*)"
MAX_RECENT = 8
SAMPLE = Path(style.resources_dir()) / "samples" / "contoso-orders.xml"


def tr(text: str) -> str:
    return QCoreApplication.translate("Flows", text)


class Flows(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._find_hits: list[Any] = []
        self._find_index = -1
        self.tasks: list[Task] = []
        #: Tests set this to run imports and exports on the calling thread.
        self.background = True

    @property
    def doc(self):  # type: ignore[no-untyped-def]
        return self.w.doc

    # -- messages ---------------------------------------------------------------------------

    def show_error(self, message: str, title: str | None = None) -> None:
        self.w.statusBar().showMessage(message, 10000)
        if self.w.isVisible():
            QMessageBox.warning(self.w, title or tr("Portwright"), message)

    def refused(self, message: str) -> None:
        """A rule said no: say why where the user is looking, and in the status bar."""
        self.w.statusBar().showMessage(message, 10000)
        if self.w.isVisible():
            QToolTip.showText(QCursor.pos(), message, self.w)

    def guarded(self, func: Callable[[], Any]) -> Any:
        """Run a document intent; a refusal is shown with its reason, a store failure (the
        database unreachable, a disk error) in a message box: never only on the terminal."""
        try:
            return func()
        except Refused as e:
            self.refused(str(e))
        except WorkspaceError as e:
            self.show_error(str(e))
        return None

    def attempt(self, func: Callable[[], Any]) -> bool:
        """Run a document intent; False (and the reason shown) when it was refused or failed."""
        return self.guarded(lambda: [func()]) is not None  # a list: None only when it did not run

    # -- creating, renaming, deleting ---------------------------------------------------------

    def _current_application(self) -> str | None:
        keys = self.w.scene.selected_keys()
        if keys:
            entry = self.doc.entry(*keys[0])
            return entry.application if entry else None
        return None

    def create(self, kind: str, pos: tuple[float, float] | None = None) -> None:
        if pos is None:
            center = self.w.view.mapToScene(self.w.view.viewport().rect().center())
            pos = (center.x(), center.y())
        taken = {e.name for e in self.doc.entries() if e.kind is Kind(kind)}
        apps = self.doc.applications()
        if kind == "port":
            dialog = NewPortDialog(taken, apps, self._current_application(), self.w)
            if dialog.exec():
                port = dialog.port()
                if self.attempt(lambda: self.doc.add_send_port(port, port.application, pos)):
                    self.w.scene.select_keys([(Kind.PORT, port.name)])
                    self.w.update_view_mode()
        else:
            dialog = NewGroupDialog(taken, apps, self._current_application(), self.w)
            if dialog.exec():
                group = dialog.group()
                if self.attempt(lambda: self.doc.add_group(group, group.application, pos)):
                    self.w.scene.select_keys([(Kind.GROUP, group.name)])
                    self.w.update_view_mode()

    def rename(self) -> None:
        keys = self.w.scene.selected_keys()
        if len(keys) != 1:
            return
        kind, name = keys[0]
        taken = {e.name for e in self.doc.entries() if e.kind is kind}
        new = ask_rename(self.w, name, taken, kind)
        if new is not None and new != name:
            self.guarded(lambda: self.doc.rename(kind, name, new))

    def delete(self) -> None:
        subjects = self.w.selected_subjects()
        if subjects:
            self.guarded(lambda: self.doc.delete(subjects))

    def lifecycle(self, name: str) -> None:
        subjects = self.w.selected_subjects()
        action = Action(name)
        self.guarded(lambda: self.doc.perform(action, subjects))
        self.w.update_actions()

    def application(self, start: bool, name: str | None = None) -> None:
        app = name or self._current_application()
        if app is None:
            self.refused(tr("Select a send port or group of the application first."))
            return
        action = Action.START_APPLICATION if start else Action.STOP_APPLICATION
        self.guarded(lambda: self.doc.perform(action, application=app))
        self.w.update_actions()

    def fill_application_menu(self, menu: QMenu, start: bool) -> None:
        menu.clear()
        for app in self.doc.applications():
            menu.addAction(app, lambda a=app: self.application(start, a))
        if menu.isEmpty():
            menu.addAction(tr("(no applications)")).setEnabled(False)

    def drop_on_group(self, group: str, ports: list[str], before: dict) -> None:
        """Ports dragged onto a group: add them (or refuse with the reason); they go back in place."""
        for key, (x, y) in before.items():
            item = self.w.scene.nodes.get(key)
            if item is not None:
                self.w.scene.place(item, x, y)
        if self.attempt(lambda: self.doc.add_to_group(group, ports)):
            self.w.statusBar().showMessage(tr("Added %s to '%s'") % (", ".join(ports), group), 5000)

    def auto_layout(self) -> None:
        entries = self.doc.entries()
        after = auto_layout(Node(e.kind, e.name, e.application, e.members) for e in entries)
        before = {(e.kind, e.name): (e.x or 0.0, e.y or 0.0) for e in entries}
        self.guarded(lambda: self.doc.move(before, after, tr("Auto-layout")))
        self.w.view.fit()

    def refresh(self) -> None:
        """Re-read the workspace; if that fails, say so and keep showing what was read before."""
        try:
            self.doc.reload()
        except (WorkspaceError, Refused) as e:
            self.show_error(tr("Could not reload the workspace: %s") % e)
            return
        self.w.statusBar().showMessage(tr("Reloaded the workspace"), 3000)

    # -- clipboard -------------------------------------------------------------------------------

    def _selection_xml(self) -> bytes | None:
        keys = self.w.scene.selected_keys()
        if not keys:
            return None
        ports = [n for k, n in keys if k is Kind.PORT]
        groups = [n for k, n in keys if k is Kind.GROUP]
        return self.doc.workspace.export(ports=ports, groups=groups)

    def copy(self) -> None:
        data = self._selection_xml()
        if data is None:
            return
        # Plain text (binding XML): a QMimeData made here would be owned by the clipboard and
        # destroyed by Qt after Python has gone, which crashes the interpreter at exit.
        QGuiApplication.clipboard().setText(data.decode("utf-8", errors="replace"))
        self.w.statusBar().showMessage(tr("Copied %d item(s) as binding XML") % len(self.w.scene.selected_keys()), 3000)

    def paste(self, data: bytes | None = None, offset: float = 40.0) -> None:
        if data is None:
            data = QGuiApplication.clipboard().text().encode("utf-8")
        try:
            binding = load(data)
        except BindingFormatError as e:
            self.refused(tr("The clipboard does not hold binding XML: %s") % e.message)
            return
        if not binding.send_ports and not binding.groups:
            self.refused(tr("The clipboard holds no send ports or groups."))
            return
        center = self.w.view.mapToScene(self.w.view.viewport().rect().center())
        keys = self.guarded(lambda: self.doc.paste(binding, (center.x() + offset, center.y() + offset)))
        if keys:
            self.w.scene.select_keys(keys)
            self.w.update_view_mode()

    def duplicate(self) -> None:
        data = self._selection_xml()
        if data is not None:
            self.paste(data)

    def select_name(self, name: str) -> bool:
        """Select (and show) the send port, or else the group, called ``name``."""
        for kind in (Kind.PORT, Kind.GROUP):
            if self.doc.entry(kind, name) is not None:
                self.w.scene.select_keys([(kind, name)])
                self.w._on_scene_selection([(kind.value, name)])
                self.w.view.reveal((kind, name))
                return True
        self.w.statusBar().showMessage(tr("No send port or group named '%s'") % name, 5000)
        return False

    # -- find ------------------------------------------------------------------------------------

    def find(self, text: str) -> None:
        self._find_hits = self.w.scene.find(text)
        self._find_index = -1
        if text.strip():
            self.w.statusBar().showMessage(tr("%d match(es)") % len(self._find_hits), 3000)
            self.find_next()

    def find_next(self) -> None:
        if not self._find_hits:
            return
        self._find_index = (self._find_index + 1) % len(self._find_hits)
        item = self._find_hits[self._find_index]
        self.w.scene.select_keys([item.key])
        self.w._on_scene_selection([(item.key[0].value, item.key[1])])
        self.w.view.reveal(item.key)

    # -- context menu, problems ---------------------------------------------------------------------

    def context_menu(self, global_pos: QPoint) -> None:
        a = self.w.actions
        menu = QMenu(self.w)
        for action_id in ("lifecycle.enlist", "lifecycle.unenlist", "lifecycle.start", "lifecycle.stop", None,
                          "edit.rename", "edit.duplicate", "edit.copy", "edit.paste", "edit.delete", None,
                          "edit.new_port", "edit.new_group", None, "app.start", "app.stop"):
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(a[action_id])
        menu.exec(global_pos)

    def problem_activated(self, kind: str, name: str, field: str) -> None:
        key = (Kind(kind), name)
        self.w.scene.select_keys([key])
        self.w._on_scene_selection([(kind, name)])
        self.w.view.reveal(key)
        focus = getattr(self.w.properties, "focus_field", None)
        if callable(focus):
            focus(field)

    # -- files: import, export, workspaces ----------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.w.settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def _remember(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self.w.settings.setValue("recentFiles", recent[:MAX_RECENT])
        self.update_recent_menu()

    def update_recent_menu(self) -> None:
        menu = self.w.recent_menu
        menu.clear()
        for path in self.recent_files():
            menu.addAction(style.icon("import"), path, lambda p=path: self.import_paths([p]))
        if menu.isEmpty():
            menu.addAction(tr("(none)")).setEnabled(False)

    def import_dialog(self) -> None:
        paths = file_dialogs.open_file_names(self.w, tr("Import Bindings"), tr(BINDINGS_FILTER))
        if paths:
            self.import_paths(paths)

    def open_sample(self) -> None:
        self.import_paths([str(SAMPLE)], remember=False)

    def _refuse_own_file(self, paths: list[str], what: str) -> bool:
        """Refuse to read or replace a file of the open workspace: opening one in this process
        drops the workspace's locks (see :mod:`designer.file_dialogs`)."""
        own = next((p for p in paths if is_workspace_file(p, self.doc.workspace.url)), None)
        if own is not None:
            self.show_error(tr("%s is a file of the open workspace: %s.") % (own, what))
        return own is not None

    def import_paths(self, paths: list[str], remember: bool = True) -> None:
        doc = self.doc
        if self._refuse_own_file(paths, tr("it holds no bindings, nothing was imported")):
            return

        def work(progress: Callable[[int, int], None]) -> list[tuple[Any, Any, Any]]:
            done = []
            for path in paths:
                binding = load(path)
                before = doc.snapshots_for(binding)
                summary = doc.workspace.import_document(binding, None, path, progress)
                done.append((binding, summary, before))
            return done

        def finished(results: list[tuple[Any, Any, Any]]) -> None:
            for binding, summary, before in results:
                doc.record_import(binding, None, summary, before)
                if remember:
                    self._remember(summary.source)
            self.w.update_view_mode()
            self.w.view.fit_later()
            n = sum(len(s.created) + len(s.replaced) for _, s, _ in results)
            self.w.statusBar().showMessage(tr("Imported %d port(s) and group(s)") % n, 5000)

        self._run(tr("Importing bindings…"), work, finished)

    def export_dialog(self) -> None:
        keys = self.w.scene.selected_keys()
        scope = None
        if keys:
            choice = QMessageBox.question(
                self.w, tr("Export Bindings"), tr("Export only the %d selected item(s)?") % len(keys),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
            if choice == QMessageBox.StandardButton.Cancel:
                return
            if choice == QMessageBox.StandardButton.Yes:
                scope = keys
        path = file_dialogs.save_file_name(self.w, tr("Export Bindings"), "BindingInfo.xml", tr(BINDINGS_FILTER))
        if path:
            self.export_to(path, scope)

    def export_to(self, path: str, keys: list | None = None) -> None:
        ws = self.doc.workspace
        if self._refuse_own_file([path], tr("choose another file to export to")):
            return
        ports = [n for k, n in keys or [] if k is Kind.PORT]
        groups = [n for k, n in keys or [] if k is Kind.GROUP]

        def work(progress: Callable[[int, int], None]) -> int:
            progress(0, 2)
            data = ws.export(ports=ports, groups=groups)
            progress(1, 2)
            write_atomic(path, data)
            return len(data)

        self._run(tr("Exporting bindings…"), work,
                  lambda n: self.w.statusBar().showMessage(tr("Wrote %s (%d bytes)") % (path, n), 5000))

    def _run(self, title: str, work: Callable[[Callable[[int, int], None]], Any],
             finished: Callable[[Any], None]) -> None:
        def failed(exc: object) -> None:
            if isinstance(exc, Cancelled):
                self.w.statusBar().showMessage(tr("Cancelled: nothing was changed."), 5000)
            elif isinstance(exc, BindingFormatError | WorkspaceError | OSError):
                self.show_error(str(exc))
            else:
                self.show_error(f"{type(exc).__name__}: {exc}")

        if not self.background:
            try:
                finished(work(lambda done, total: None))
            except Exception as e:  # noqa: BLE001 - shown to the user
                failed(e)
            return
        task = Task(self.w, title, work)
        task.done.connect(lambda result: self.guarded(lambda: finished(result)))  # reading it back may fail
        task.error.connect(failed)
        task.done.connect(lambda _r: self.tasks.remove(task))
        task.error.connect(lambda _e: self.tasks.remove(task))
        self.tasks.append(task)
        task.start()

    def new_workspace(self) -> None:
        path = file_dialogs.save_file_name(self.w, tr("New Workspace"), "workspace.sqlite", tr(WORKSPACE_FILTER))
        if not path or self._refuse_own_file([path], tr("choose another name for the new workspace")):
            return
        try:
            remove_sqlite_files(path)  # the user agreed to replace it (the dialog asked)
        except OSError as e:
            self.show_error(tr("Cannot replace %s: %s") % (path, e.strerror or e))
            return
        self.switch_workspace(path)

    def open_workspace(self) -> None:
        path = file_dialogs.open_file_name(self.w, tr("Open Workspace"), tr(WORKSPACE_FILTER))
        if path:
            self.switch_workspace(path)

    def switch_workspace(self, location: str) -> None:
        try:
            workspace = Workspace(location)
        except WorkspaceError as e:
            self.show_error(str(e))
            return
        try:
            self.w.set_workspace(workspace)
        except WorkspaceError as e:  # it opened, but could not be read: keep the one shown
            workspace.close()
            self.show_error(str(e))

    def about(self) -> None:
        QMessageBox.about(self.w, tr("About Portwright"), tr(
            "<h3>Portwright</h3><p>A designer and administration tool for BizTalk Server send ports and send "
            "port groups.</p><p>Binding files are read and written without losing anything; the lifecycle "
            "follows BizTalk's rules.</p>"))


__all__ = ["Flows", "Subject"]
