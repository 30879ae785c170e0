"""File flows: import and export binding files, new and open workspaces, recent files.

Imports and exports run off the UI thread (:mod:`designer.workers`); what the flows need
comes in through the constructor: the current document, the selection (an export of the
selected items), a reporter, the settings holding recent files, and the callable that
shows another workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from designer import file_dialogs, icons
from designer.document import WorkspaceDocument
from designer.reporting import Reporter
from designer.resource_paths import resources_dir
from designer.selection import CanvasSelection
from designer.translation_marks import QT_TRANSLATE_NOOP
from designer.workers import Cancelled, Task
from model.bindings import BindingFormatError, load
from model.bindings.blanking import blank_bytes
from model.fileio import write_atomic
from model.lifecycle import Kind
from model.store import Workspace, WorkspaceError
from model.store.database import is_workspace_file, remove_sqlite_files

BINDINGS_FILTER = QT_TRANSLATE_NOOP("FileFlows", "Binding files (*.xml);;All files (*)")
WORKSPACE_FILTER = QT_TRANSLATE_NOOP("FileFlows", "Portwright workspaces (*.sqlite *.db);;All files (*)")
MAX_RECENT = 8
SAMPLE = Path(resources_dir()) / "samples" / "contoso-orders.xml"

Work = Callable[[Callable[[int, int], None]], Any]


class FileFlows(QObject):
    """Import, export and workspace files; ``imported`` after an import has been recorded."""

    imported = Signal()
    recent_changed = Signal()

    def __init__(
        self,
        parent: QWidget,
        document: Callable[[], WorkspaceDocument],
        selection: CanvasSelection,
        reporter: Reporter,
        settings: QSettings,
        open_workspace: Callable[[Workspace], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._selection = selection
        self._reporter = reporter
        self._settings = settings
        self._open_workspace = open_workspace
        self.tasks: list[Task] = []
        #: Tests set this to run imports and exports on the calling thread.
        self.background = True

    # -- recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self._settings.value("recentFiles", [])
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(v) for v in values if v]

    def _remember(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_files() if p != path]
        self._settings.setValue("recentFiles", recent[:MAX_RECENT])
        self.recent_changed.emit()

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        for path in self.recent_files():
            menu.addAction(icons.icon("import"), path, lambda p=path: self.import_paths([p]))
        if menu.isEmpty():
            menu.addAction(QCoreApplication.translate("FileFlows", "(none)")).setEnabled(False)

    # -- import and export -------------------------------------------------------------------

    # -- the folder each kind of file dialog last used ------------------------------------------

    def last_folder(self, kind: str) -> str:
        """The folder the user last chose a file of ``kind`` in ("import", "export", "workspace",
        "target", "script")."""
        value = self._settings.value(f"lastFolder/{kind}", "")
        folder = str(value) if isinstance(value, str) else ""
        return folder if folder and Path(folder).is_dir() else ""

    def remember_folder(self, kind: str, path: str) -> None:
        """Remember the folder of ``path`` as the last one of ``kind`` (the next dialog opens there)."""
        self._settings.setValue(f"lastFolder/{kind}", str(Path(path).resolve().parent))

    def _save_name(self, title: str, suggested: str, name_filter: str, kind: str) -> str:
        folder = self.last_folder(kind)
        path = file_dialogs.save_file_name(
            self._parent, title, str(Path(folder) / suggested) if folder else suggested, name_filter
        )
        if path:
            self.remember_folder(kind, path)
        return path

    def import_dialog(self) -> None:
        paths = file_dialogs.open_file_names(
            self._parent,
            QCoreApplication.translate("FileFlows", "Import Bindings"),
            QCoreApplication.translate("FileFlows", BINDINGS_FILTER),
            self.last_folder("import"),
        )
        if paths:
            self.remember_folder("import", paths[0])
            self.import_paths(paths)

    def open_sample(self) -> None:
        self.import_paths([str(SAMPLE)], remember=False)

    def _refuse_own_file(self, paths: list[str], what: str) -> bool:
        """Refuse to read or replace a file of the open workspace: opening one in this process
        drops the workspace's locks (see :mod:`designer.file_dialogs`)."""
        url = self._document().workspace.url
        own = next((p for p in paths if is_workspace_file(p, url)), None)
        if own is not None:
            self._reporter.show_error(
                QCoreApplication.translate("FileFlows", "%s is a file of the open workspace: %s.") % (own, what)
            )
        return own is not None

    def import_paths(self, paths: list[str], remember: bool = True) -> None:
        doc = self._document()
        if self._refuse_own_file(
            paths, QCoreApplication.translate("FileFlows", "it holds no bindings, nothing was imported")
        ):
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
            self.imported.emit()
            n = sum(len(s.created) + len(s.replaced) for _, s, _ in results)
            self._reporter.say(QCoreApplication.translate("FileFlows", "Imported %d port(s) and group(s)") % n)

        self._run(QCoreApplication.translate("FileFlows", "Importing bindings…"), work, finished)

    def export_dialog(self) -> None:
        keys = self._selection.keys()
        scope = None
        if keys:
            buttons = QMessageBox.StandardButton
            choice = QMessageBox.question(
                self._parent,
                QCoreApplication.translate("FileFlows", "Export Bindings"),
                QCoreApplication.translate("FileFlows", "Export only the %d selected item(s)?") % len(keys),
                buttons.Yes | buttons.No | buttons.Cancel,
            )
            if choice == buttons.Cancel:
                return
            if choice == buttons.Yes:
                scope = keys
        path = self._save_name(
            QCoreApplication.translate("FileFlows", "Export Bindings"),
            "BindingInfo.xml",
            QCoreApplication.translate("FileFlows", BINDINGS_FILTER),
            "export",
        )
        if path:
            self.export_to(path, scope)

    def export_selection_dialog(self) -> None:
        """Export the selected ports and groups (passwords blanked)."""
        keys = self._selection.keys()
        if not keys:
            self._reporter.refused(
                QCoreApplication.translate("FileFlows", "Select the send ports and groups to export first.")
            )
            return
        path = self._save_name(
            QCoreApplication.translate("FileFlows", "Export Selection"),
            "BindingInfo.xml",
            QCoreApplication.translate("FileFlows", BINDINGS_FILTER),
            "export",
        )
        if path:
            self.export_to(path, keys)

    def export_application_dialog(self, application: str | None = None) -> None:
        """Export one application (asked for among the workspace's when not given)."""
        if application is None:
            apps = self._document().applications()
            if not apps:
                self._reporter.refused(
                    QCoreApplication.translate("FileFlows", "The workspace has no applications to export.")
                )
                return
            chosen = file_dialogs.choose_item(
                self._parent,
                QCoreApplication.translate("FileFlows", "Export Application"),
                QCoreApplication.translate("FileFlows", "Application to export:"),
                apps,
            )
            if not chosen:
                return
            application = chosen
        suggested = f"{application}.BindingInfo.xml"
        path = self._save_name(
            QCoreApplication.translate("FileFlows", "Export Application"),
            suggested,
            QCoreApplication.translate("FileFlows", BINDINGS_FILTER),
            "export",
        )
        if path:
            self.export_to(path, applications=[application])

    def export_to(
        self,
        path: str,
        keys: list[tuple[Kind, str]] | None = None,
        *,
        applications: list[str] | None = None,
        with_secrets: bool = False,
    ) -> None:
        """Write the workspace (or the chosen ports and groups, or applications) to ``path``;
        passwords are blanked the way BizTalk's own export does unless ``with_secrets``."""
        ws = self._document().workspace
        if self._refuse_own_file([path], QCoreApplication.translate("FileFlows", "choose another file to export to")):
            return
        ports = [n for k, n in keys or [] if k is Kind.PORT]
        groups = [n for k, n in keys or [] if k is Kind.GROUP]
        apps = list(applications or [])

        def work(progress: Callable[[int, int], None]) -> int:
            progress(0, 2)
            data = ws.export(applications=apps, ports=ports, groups=groups)
            if not with_secrets:
                data = blank_bytes(data)
            progress(1, 2)
            write_atomic(path, data)
            return len(data)

        done = (
            QCoreApplication.translate("FileFlows", "Wrote %s (%d bytes)")
            if with_secrets
            else QCoreApplication.translate("FileFlows", "Wrote %s (%d bytes; passwords blanked)")
        )
        self._run(
            QCoreApplication.translate("FileFlows", "Exporting bindings…"),
            work,
            lambda n: self._reporter.say(done % (path, n)),
        )

    def _run(self, title: str, work: Work, finished: Callable[[Any], None]) -> None:
        def failed(exc: object) -> None:
            if isinstance(exc, Cancelled):
                self._reporter.say(QCoreApplication.translate("FileFlows", "Cancelled: nothing was changed."))
            elif isinstance(exc, BindingFormatError | WorkspaceError | OSError):
                self._reporter.show_error(str(exc))
            else:
                self._reporter.show_error(f"{type(exc).__name__}: {exc}")

        if not self.background:
            try:
                finished(work(lambda done, total: None))
            except Exception as e:  # noqa: BLE001 - shown to the user
                failed(e)
            return
        task = Task(self._parent, title, work)
        task.done.connect(lambda result: self._reporter.guarded(lambda: finished(result)))  # reading back may fail
        task.error.connect(failed)
        task.done.connect(lambda _r: self.tasks.remove(task))
        task.error.connect(lambda _e: self.tasks.remove(task))
        self.tasks.append(task)
        task.start()

    # -- workspaces --------------------------------------------------------------------------

    def new_workspace(self) -> None:
        path = self._save_name(
            QCoreApplication.translate("FileFlows", "New Workspace"),
            "workspace.sqlite",
            QCoreApplication.translate("FileFlows", WORKSPACE_FILTER),
            "workspace",
        )
        if not path or self._refuse_own_file(
            [path], QCoreApplication.translate("FileFlows", "choose another name for the new workspace")
        ):
            return
        try:
            remove_sqlite_files(path)  # the user agreed to replace it (the dialog asked)
        except OSError as e:
            self._reporter.show_error(
                QCoreApplication.translate("FileFlows", "Cannot replace %s: %s") % (path, e.strerror or e)
            )
            return
        self.switch_workspace(path, create=True)

    def open_workspace(self) -> None:
        path = file_dialogs.open_file_name(
            self._parent,
            QCoreApplication.translate("FileFlows", "Open Workspace"),
            QCoreApplication.translate("FileFlows", WORKSPACE_FILTER),
            self.last_folder("workspace"),
        )
        if path:
            self.remember_folder("workspace", path)
            self.switch_workspace(path)

    def switch_workspace(self, location: str, *, create: bool = False) -> None:
        """Show the workspace at ``location``; ``create`` (New) makes one there, else a file
        that is not a workspace, or none, is reported and the one shown stays."""
        try:
            workspace = Workspace(location, create=create)
        except WorkspaceError as e:
            self._reporter.show_error(str(e))
            return
        try:
            self._open_workspace(workspace)
        except WorkspaceError as e:  # it opened, but could not be read: keep the one shown
            workspace.close()
            self._reporter.show_error(str(e))
