"""Starting the desktop app: QApplication, theme, translations, the main window."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from designer import icons, themes
from designer.language import install_translations, ui_locale
from model.store import WorkspaceError

if TYPE_CHECKING:
    from designer.mainwindow import MainWindow

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with names, theme and translations."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("Portwright")
    QCoreApplication.setApplicationName("Portwright")
    app = QApplication(list(argv or [sys.argv[0]]))
    app.setWindowIcon(icons.icon("portwright"))
    _install_translations(app)
    return app


def _install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's and Portwright's translators for the language chosen (see ``designer.language``)."""
    return install_translations(app, ui_locale(QSettings()))


class StoreErrorReporter:
    """While the window is open, a workspace error that escapes a Qt callback (a slot has no
    caller to raise to, so Qt would only print it on the terminal) is shown in the window.
    Any other exception goes on to the hook that was there before."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        self.previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, WorkspaceError) and shiboken6.isValid(self.window):
            print(f"portwright: {value}", file=sys.stderr)
            self.window.reporter.show_error(str(value))
            return
        self.previous(kind, value, tb)


def run(
    workspace_location: str | None,
    files: Sequence[str] = (),
    screenshot: str | None = None,
    theme: str | None = None,
    size: tuple[int, int] | None = None,
    settings: QSettings | None = None,
    select: str | None = None,
) -> int:
    """Open the main window on a workspace, import ``files``, and run (or take a screenshot)."""
    from designer.mainwindow import MainWindow
    from model.store import Workspace, database

    app = application()
    settings = settings or QSettings()
    chosen = theme or str(settings.value("theme", "light"))
    themes.apply_theme(app, themes.theme_named(chosen))
    try:
        # Made only where it is asked for: files to import into a path with nothing there yet
        # (as `portwright import` does); the embedded default workspace is made on first use.
        create = bool(files) and database.nothing_there(workspace_location)
        workspace = Workspace(workspace_location, create=create)
    except WorkspaceError as e:
        print(f"portwright: {e}", file=sys.stderr)
        return 2
    try:
        window = MainWindow(workspace, settings, restore=not screenshot)
    except WorkspaceError as e:  # opened, but could not be read
        workspace.close()
        print(f"portwright: {e}", file=sys.stderr)
        return 2
    reporter = StoreErrorReporter(window)
    reporter.install()
    try:
        return _show(app, window, files, screenshot, theme, size, select)
    finally:
        reporter.uninstall()


def _show(
    app: QApplication,
    window: MainWindow,
    files: Sequence[str],
    screenshot: str | None,
    theme: str | None,
    size: tuple[int, int] | None,
    select: str | None,
) -> int:
    """Show the window as asked, import ``files``, and run the event loop (or take the screenshot)."""
    if theme is not None:
        window.action_map["view.dark"].setChecked(theme == "dark")
    if size is not None:
        window.resize(*size)
    if screenshot:
        window.file_flows.background = False
    if files:
        window.file_flows.import_paths(list(files))
    window.show()
    if select:  # once the first fit to the window is done
        QTimer.singleShot(100, lambda: window.find_flows.select_name(select))
    if screenshot:
        return _screenshot(app, window, screenshot, fit=not select)
    return app.exec()


def _screenshot(app: QApplication, window, path: str, fit: bool = True) -> int:  # type: ignore[no-untyped-def]
    """Wait until the window is idle, save a picture of it, quit with 0 (or 2 if saving fails)."""
    result = {"code": 0}

    def shoot() -> None:
        for _ in range(5):
            app.processEvents()
        window.problems.refresh_now()
        window.update_status()
        if fit:
            window.view.fit()
        window.update_status()
        app.processEvents()
        if not window.grab().save(path):
            print(f"portwright: could not write {path}", file=sys.stderr)
            result["code"] = 2
        window.close()
        app.quit()

    QTimer.singleShot(300, shoot)
    app.exec()
    return result["code"]
