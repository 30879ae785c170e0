"""Every user-visible string of the main window goes through Qt's translation functions.

A QTranslator that answers "XX" + the source text for every context is installed before the
window is built; whatever the user reads must then carry the "XX" mark. Strings that do not
are listed in the failure message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QDockWidget,
    QLabel,
    QMenu,
    QMessageBox,
    QToolBar,
)

from designer.mainwindow import MainWindow
from model.lifecycle import Action, Kind, Subject
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
MARK = "XX"


class MarkingTranslator(QTranslator):
    """Translates everything, in every context, to "XX" + the source text (with ``words``, puts
    "XX" before every word instead, placeholders such as %1, %d or %n left alone)."""

    def __init__(self, words: bool = False) -> None:
        super().__init__()
        self.words = words
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        self.asked.add((context, source))
        if self.words:
            return re.sub(r"(?<![%\w])([A-Za-z][A-Za-z-]*)", MARK + r"\1", source)
        return MARK + source

    def isEmpty(self) -> bool:  # Qt override
        return False


@pytest.fixture
def translator(qapp, request: pytest.FixtureRequest) -> Iterator[MarkingTranslator]:  # type: ignore[no-untyped-def]
    t = MarkingTranslator(words=getattr(request, "param", "") == "words")
    QCoreApplication.installTranslator(t)
    yield t
    QCoreApplication.removeTranslator(t)


@pytest.fixture
def window(
    qtbot, tmp_path: Path, translator: MarkingTranslator, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    ws = Workspace(tmp_path / "w.sqlite")
    ws.import_file(SAMPLE)
    w = MainWindow(ws, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), restore=False)
    qtbot.addWidget(w)
    w.file_flows.background = False
    w.show()
    qtbot.waitExposed(w)
    w.problems.refresh_now()
    w.update_status()
    yield w
    w.close()


def menu_texts(menu: QMenu, where: str, skip: set[QMenu]) -> list[tuple[str, str]]:
    out = [(where, menu.title())]
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if sub is not None:
            if sub not in skip:
                out += menu_texts(sub, f"{where} > {sub.title()}", skip)
            else:
                out.append((f"{where} (submenu)", sub.title()))
            continue
        out.append((f"{where} item", action.text()))
    return out


def visible_strings(w: MainWindow) -> list[tuple[str, str]]:
    """(where, text) of what a user reads, leaving out data (file paths, application names)."""
    out: list[tuple[str, str]] = []
    data_menus = {w.app_start_menu, w.app_stop_menu}  # filled with application names
    for action in w.menuBar().actions():
        out += menu_texts(action.menu(), "menu", data_menus)
    for action_id, action in w.action_map.by_id.items():
        out += [
            (f"{action_id} text", action.text()),
            (f"{action_id} status tip", action.statusTip()),
            (f"{action_id} tooltip", action.toolTip()),
        ]
    out += [(f"dock {d.objectName()}", d.windowTitle()) for d in w.findChildren(QDockWidget)]
    out += [(f"toolbar {t.objectName()}", t.windowTitle()) for t in w.findChildren(QToolBar)]
    for label in w.welcome.findChildren(QLabel):
        if label.text():
            out.append(("welcome label", label.text()))
    out += [("welcome button", b.text()) for b in w.welcome.findChildren(QAbstractButton)]
    out += [("palette button", b.text()) for b in w.node_palette.findChildren(QAbstractButton)]
    out += [("palette tooltip", b.toolTip()) for b in w.node_palette.findChildren(QAbstractButton)]
    out += [
        ("find box", w.find_box.placeholderText()),
        ("history", w.history.emptyLabel()),
        ("minimap tooltip", w.canvas_area.minimap.toolTip()),
    ]
    out += [
        (f"status {label.objectName()}", label.text()) for label in (w.port_counts, w.group_counts, w.problem_counts)
    ]
    return out


def test_every_visible_string_is_marked(window: MainWindow, translator: MarkingTranslator) -> None:
    strings = visible_strings(window)
    assert len(strings) > 150
    missing = [f"{where}: {text!r}" for where, text in strings if not text.startswith(MARK)]
    assert not missing, f"{len(missing)} string(s) not translated:\n" + "\n".join(missing)
    contexts = {c for c, _ in translator.asked}
    assert {"Actions", "FileFlows"} <= contexts


def test_status_messages_are_marked(window: MainWindow) -> None:
    w = window
    w.scene.nodes[(Kind.PORT, "Orders.Legacy.HTTP")].setSelected(True)
    w.action_map["edit.copy"].trigger()
    assert w.statusBar().currentMessage().startswith(MARK + "Copied")
    w.action_map["view.refresh"].trigger()
    assert w.statusBar().currentMessage().startswith(MARK + "Reloaded")
    w.scene.clearSelection()
    w.lifecycle_flows.application(True)
    assert w.statusBar().currentMessage().startswith(MARK + "Select")


def words_not_marked(text: str) -> list[str]:
    """Words of ``text`` that came from no translation (the translator marked every word)."""
    return [t for t in re.findall(r"[A-Za-z][A-Za-z-]*", text) if not t.startswith(MARK)]


@pytest.mark.parametrize("translator", ["words"], indirect=True)
def test_composed_strings_have_no_untranslated_words(window: MainWindow) -> None:
    w = window
    found: dict[str, list[str]] = {}
    for label in (w.port_counts, w.group_counts, w.problem_counts):
        found[f"status {label.objectName()}: {label.text()!r}"] = words_not_marked(label.text())
    port = w.scene.nodes[(Kind.PORT, "Orders.Dynamic.Partner")]
    group = w.scene.nodes[(Kind.GROUP, "Contoso.Billing.InvoiceDistribution")]
    found[f"canvas port line 2: {port.line2!r}"] = words_not_marked(port.line2)
    found[f"canvas port line 3: {port.line3!r}"] = words_not_marked(port.line3)
    found[f"canvas group line 2: {group.line2!r}"] = words_not_marked(group.line2)
    from designer.entry_text import state_text  # what NodeItem.paint writes in the badge

    found[f"canvas state badge: {state_text(port.state)!r}"] = words_not_marked(state_text(port.state))
    w.doc.rename(Kind.PORT, "Orders.Legacy.HTTP", "Legacy")
    found[f"history: {w.doc.undo_stack.undoText()!r}"] = words_not_marked(
        w.doc.undo_stack.undoText().replace("'Legacy'", "").replace("'Orders.Legacy.HTTP'", "")
    )
    w.doc.perform(Action.START, [Subject.port("Legacy")])
    found[f"history: {w.doc.undo_stack.undoText()!r}"] = words_not_marked(
        w.doc.undo_stack.undoText().replace("Legacy", "")
    )
    problems = {k: v for k, v in found.items() if v}
    assert not problems, "untranslated words:\n" + "\n".join(f"{k} -> {v}" for k, v in problems.items())
