"""Starting the desktop app: QApplication, theme, translations, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from designer import style


def application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (created once), with names, theme and translations."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    QCoreApplication.setOrganizationName("Portwright")
    QCoreApplication.setApplicationName("Portwright")
    app = QApplication(list(argv or [sys.argv[0]]))
    app.setWindowIcon(style.icon("portwright"))
    _install_translations(app)
    return app


def _install_translations(app: QApplication) -> None:
    locale = QLocale.system()
    for folder, prefix in ((QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase_"),
                           (str(Path(style.resources_dir()) / "translations"), "portwright_")):
        translator = QTranslator(app)
        if translator.load(locale, prefix.rstrip("_"), "_", folder):
            app.installTranslator(translator)


def run(workspace_location: str | None, files: Sequence[str] = (), screenshot: str | None = None,
        theme: str | None = None, size: tuple[int, int] | None = None, settings: QSettings | None = None,
        select: str | None = None) -> int:
    """Open the main window on a workspace, import ``files``, and run (or take a screenshot)."""
    from designer.mainwindow import MainWindow
    from model.store import Workspace, WorkspaceError

    app = application()
    settings = settings or QSettings()
    chosen = theme or str(settings.value("theme", "light"))
    style.apply_theme(app, chosen)
    try:
        workspace = Workspace(workspace_location)
    except WorkspaceError as e:
        print(f"portwright: {e}", file=sys.stderr)
        return 2
    window = MainWindow(workspace, settings, restore=not screenshot)
    if theme is not None:
        window.actions["view.dark"].setChecked(theme == "dark")
    if size is not None:
        window.resize(*size)
    if screenshot:
        window.flows.background = False
    if files:
        window.flows.import_paths(list(files))
    window.show()
    if select:  # once the first fit to the window is done
        QTimer.singleShot(100, lambda: window.flows.select_name(select))
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


def main() -> int:
    """The ``portwright-designer`` entry point (no command line parsing beyond the CLI's)."""
    from designer.cli import main as cli_main

    return cli_main(["gui", *sys.argv[1:]])


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("QT_QPA_PLATFORM", "")
    sys.exit(main())
