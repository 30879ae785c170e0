"""The window in French: resources/translations/portwright_fr.ts is complete and faithful, the
.qm the app loads is built from it, the model's words are listed for lupdate, and with the
French translators installed the window speaks BizTalk's French."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox

from designer import language
from designer.translation_sources import CATALOG_FILE, catalog_source, model_texts
from model.adapters import ADAPTERS
from model.lifecycle import Kind
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "portwright_fr.ts"
QM = TS.with_suffix(".qm")
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
BIN = Path(sys.executable).parent
#: Qt's %1..%99 and %n, Python's %s and %d: what a translation must keep, as often as the source.
PLACEHOLDER = re.compile(r"%(?:\d{1,2}|n|s|d)")


def messages(path: Path = TS) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message


def translations(message: ET.Element) -> list[str]:
    """The translation, or each plural form of it."""
    node = message.find("translation")
    assert node is not None
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


def tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (PySide6-Essentials ships it)")
        path = Path(found)
    return path


def test_every_message_is_translated() -> None:
    untranslated = []
    count = 0
    for context, message in messages():
        count += 1
        node = message.find("translation")
        assert node is not None
        if node.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t.strip() for t in translations(message)
        ):
            untranslated.append(f"{context}: {message.findtext('source')!r}")
    assert count > 1000
    assert not untranslated, f"{len(untranslated)} untranslated:\n" + "\n".join(untranslated)


def test_no_placeholder_is_lost() -> None:
    wrong = []
    for context, message in messages():
        source = message.findtext("source") or ""
        wanted = Counter(PLACEHOLDER.findall(source))
        for text in translations(message):
            if Counter(PLACEHOLDER.findall(text)) != wanted:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_accelerators_are_kept() -> None:
    """A menu text with an accelerator keeps exactly one in French."""
    wrong = []
    for context, message in messages():
        source = message.findtext("source") or ""
        if source.count("&") == 1 and re.search(r"&\w", source) and not source.startswith("<"):
            for text in translations(message):
                if len(re.findall(r"&\w", text)) != 1:
                    wrong.append(f"{context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    """lrelease's output is byte for byte the shipped .qm (run `make translations` when not)."""
    built = tmp_path / "portwright_fr.qm"
    subprocess.run([str(tool("pyside6-lrelease")), str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert built.read_bytes() == QM.read_bytes(), "portwright_fr.qm is out of date: run `make translations`"


def test_the_code_has_no_string_the_ts_lacks(tmp_path: Path) -> None:
    """lupdate over designer/ finds nothing new: every extractable string is in the .ts, translated."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "designer").rglob("*.py") if "cli" not in p.relative_to(ROOT).parts)
    subprocess.run(
        [str(tool("pyside6-lupdate")), "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    new = [f"{c}: {m.findtext('source')!r}" for c, m in messages(copy) if m.find("translation").get("type")]  # type: ignore[union-attr]
    assert not new, "not in portwright_fr.ts (run `make translations`, then translate):\n" + "\n".join(new)


def test_the_catalog_list_follows_the_model() -> None:
    """designer/catalog_strings.py lists every catalog label, description, section and choice."""
    assert CATALOG_FILE.read_text(encoding="utf-8") == catalog_source(), (
        "designer/catalog_strings.py is out of date: run `make translations`"
    )
    from designer.catalog_strings import STRINGS

    listed = set(STRINGS)
    for adapter in ADAPTERS.values():
        assert adapter.label in listed
        for setting in (*adapter.settings, *adapter.inner_settings):
            assert {setting.label, setting.section} <= listed, setting.name
            assert not setting.description or setting.description in listed, setting.name
            assert {label for _, label in setting.choices} <= listed, setting.name


def test_every_model_text_is_in_the_ts() -> None:
    in_ts = {(c, m.findtext("source")) for c, m in messages()}
    missing = [key for key in model_texts() if key not in in_ts]
    assert not missing, missing


# -- choosing the language ----------------------------------------------------------------------


def test_language_from_environment_then_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    assert language.chosen_language(settings) is None
    assert language.ui_locale(settings).name() == QLocale.system().name()
    settings.setValue(language.SETTING, "fr")
    assert language.chosen_language(settings) == "fr"
    monkeypatch.setenv(language.ENV_VAR, "en_GB.UTF-8")
    assert language.chosen_language(settings) == "en"
    monkeypatch.setenv(language.ENV_VAR, "fr-CA")
    assert language.ui_locale(None).language() == QLocale.Language.French
    monkeypatch.setenv(language.ENV_VAR, "klingon")  # not one we speak: the setting decides
    assert language.chosen_language(settings) == "fr"


def test_english_installs_no_translator(qapp: QApplication) -> None:
    assert language.install_translations(qapp, QLocale("en")) == []


# -- the window in French -----------------------------------------------------------------------


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    installed = language.install_translations(qapp, QLocale("fr"))
    assert installed, "portwright_fr.qm did not load"
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot, tmp_path: Path, french: None, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from designer.mainwindow import MainWindow

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ws, settings, restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_menus_and_explorer_speak_french(window) -> None:  # type: ignore[no-untyped-def]
    w = window
    # The menus as the menu bar's children (QAction.menu() hands back a wrapper that PySide6
    # 6.10 may already have let go of), in the bar's order.
    children = {m.menuAction(): m for m in w.menuBar().findChildren(QMenu)}
    menus = [children[a] for a in w.menuBar().actions() if a in children]
    titles = [m.title() for m in menus]
    assert titles == ["&Fichier", "É&dition", "&Affichage", "&Cycle de vie", "A&pplication", "Déploie&ment", "A&ide"]
    texts = {action_id: a.text() for action_id, a in w.action_map.by_id.items()}
    assert texts["lifecycle.enlist"] == "&Inscrire"
    assert texts["lifecycle.unenlist"] == "&Désinscrire"
    assert texts["lifecycle.start"] == "Dé&marrer"
    assert texts["lifecycle.stop"] == "&Arrêter"
    assert w.explorer_dock.windowTitle() == "Explorateur"
    assert w.problems_dock.windowTitle() == "Problèmes"
    folders = [w.explorer.model.index(0, 0, w.explorer.model.index(0, 0)).data()]
    assert any(str(f).startswith("Ports d'envoi") for f in folders), folders
    assert "non inscrits" in w.port_counts.text()
    for menu in menus:  # one accelerator per letter in each menu
        keys = [re.search(r"&(\w)", a.text()) for a in menu.actions() if not a.isSeparator()]
        letters = [k.group(1).lower() for k in keys if k]
        assert len(letters) == len(set(letters)), (menu.title(), letters)


def test_port_editor_speaks_french(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = window
    w.scene.nodes[(Kind.PORT, "Orders.Legacy.HTTP")].setSelected(True)
    editor = w.properties.port_editor
    qtbot.waitUntil(lambda: editor.name == "Orders.Legacy.HTTP")
    pages = [editor.list.item(i).toolTip() for i in range(editor.list.count())]  # text too when wide
    assert pages[:3] == ["Général", "Transport principal", "Transport de secours"]
    assert {"Filtres", "Suivi", "Mappages", "Pipelines"} <= set(pages)
    assert "Unidirectionnel statique" in editor.header.text()
    assert "Non inscrit" in editor.header.text()
    transport = editor.pages[1]
    labels = {label.text() for label in transport.findChildren(QLabel)}
    assert "Type de contenu :" in labels  # an HTTP adapter label of the catalog, translated
    assert "Gestionnaire d'envoi (hôte) :" in labels


def test_portwright_lang_at_start(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    """PORTWRIGHT_LANG=fr when the app starts: Portwright's and Qt's own French (standard buttons)."""
    from designer.app import _install_translations

    monkeypatch.setenv(language.ENV_VAR, "fr")
    installed = _install_translations(qapp)
    try:
        assert QCoreApplication.translate("Actions", "&Enlist") == "&Inscrire"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("Actions", "&Enlist") == "&Enlist"


def test_view_language_is_saved_for_the_next_start(window) -> None:  # type: ignore[no-untyped-def]
    w = window
    choices = w.language_menu.choices
    assert [a.text() for a in choices.values()] == ["Langue du &système", "English", "Français"]
    assert choices[""].isChecked()
    choices["en"].trigger()
    assert w.settings.value(language.SETTING) == "en"
    assert "redémarrage" in w.statusBar().currentMessage()
    assert choices["en"].isChecked() and not choices["fr"].isChecked()
    choices[""].trigger()
    assert w.settings.value(language.SETTING) is None
