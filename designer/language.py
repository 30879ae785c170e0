"""The window's language: English or French, chosen at start (View > Language).

Which language: the ``PORTWRIGHT_LANG`` environment variable (``fr``, ``en``), else the
choice saved in QSettings (View > Language), else the system's locale. The translators are
installed once, when the QApplication is made, so a new choice takes effect on the next
start (the menu says so). Qt's own translation (``qtbase_fr``: standard dialogs and buttons)
comes from the PySide6 package, Portwright's from ``resources/translations``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from designer.resource_paths import resources_dir
from designer.translation_marks import QT_TRANSLATE_NOOP

__all__ = [
    "ENV_VAR",
    "LANGUAGES",
    "SETTING",
    "LanguageMenu",
    "chosen_language",
    "install_translations",
    "translations_dir",
    "ui_locale",
]

ENV_VAR = "PORTWRIGHT_LANG"
SETTING = "language"
#: The languages the window speaks: code, and its name in that language (the menu's items).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", QT_TRANSLATE_NOOP("Language", "English")),
    ("fr", QT_TRANSLATE_NOOP("Language", "Français")),
)
_CODES = {code for code, _ in LANGUAGES}


def translations_dir() -> Path:
    """Where ``portwright_<lang>.qm`` files are."""
    return Path(resources_dir()) / "translations"


def _code(text: object) -> str | None:
    """``fr`` from ``fr``, ``fr_FR``, ``fr-CA.UTF-8``, ``French``...; None when not one we speak."""
    raw = str(text or "").strip().lower().replace("-", "_")
    if not raw:
        return None
    code = raw.split(".", 1)[0].split("_", 1)[0]
    if code in _CODES:
        return code
    named = {name.lower(): c for c, name in LANGUAGES} | {"french": "fr", "francais": "fr"}
    return named.get(raw)


def chosen_language(settings: QSettings | None = None) -> str | None:
    """The language asked for (environment, then settings); None: follow the system locale."""
    from_env = _code(os.environ.get(ENV_VAR))
    if from_env is not None:
        return from_env
    if settings is None:
        return None
    return _code(settings.value(SETTING, ""))


def ui_locale(settings: QSettings | None = None) -> QLocale:
    """The locale the window's text follows."""
    code = chosen_language(settings)
    return QLocale(code) if code is not None else QLocale.system()


def install_translations(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Install Qt's and Portwright's translators for ``locale`` (none for English); the ones
    installed, parented to ``app``."""
    installed: list[QTranslator] = []
    if locale.language() == QLocale.Language.English:
        return installed
    for folder, prefix in (
        (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), "qtbase"),
        (str(translations_dir()), "portwright"),
    ):
        translator = QTranslator(app)
        if translator.load(locale, prefix, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


class LanguageMenu(QObject):
    """View > Language: the system's language, English or French, saved in ``settings`` for
    the next start; ``report`` says when the choice takes effect."""

    def __init__(self, menu: QMenu, settings: QSettings, report: Callable[[str], None]) -> None:
        super().__init__(menu)
        self._settings = settings
        self._report = report
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        restart = QCoreApplication.translate("Language", "Takes effect when Portwright restarts")
        choices = [("", QCoreApplication.translate("Language", "&System Language"))]
        # Each language by its own name ("Français" in an English window too).
        choices += [(code, QCoreApplication.translate("Language", name)) for code, name in LANGUAGES]
        saved = _code(settings.value(SETTING, "")) or ""
        self.choices: dict[str, QAction] = {}
        for code, text in choices:
            action = QAction(text, menu)
            action.setObjectName(f"view.language.{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setStatusTip(restart)
            action.setToolTip(restart)
            action.setData(code)
            self._group.addAction(action)
            menu.addAction(action)
            self.choices[code] = action
        self._group.triggered.connect(self._on_group_triggered)

    def _on_group_triggered(self, action: QAction) -> None:
        code = str(action.data() or "")
        if code:
            self._settings.setValue(SETTING, code)
        else:
            self._settings.remove(SETTING)
        if code:
            text = QCoreApplication.translate("Language", "The window will be in %1 when Portwright restarts.")
            self._report(text.replace("%1", action.text().replace("&", "")))
        else:
            self._report(
                QCoreApplication.translate(
                    "Language", "The window will follow the system's language when Portwright restarts."
                )
            )
