"""Every action of the main window: ids, labels, icons, shortcuts, status tips.

Action ids are constants and become each QAction's objectName (tests trigger actions by
it). Enabled states and "why not" tooltips are computed in one place,
:meth:`Actions.apply_verdicts`, from ``model.lifecycle.allowed_actions`` and ``split`` (house rules 4 and 8).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from designer.icons import icon
from designer.translation_marks import QT_TRANSLATE_NOOP
from model.lifecycle import SELECTION_ACTIONS, Action, LifecycleError, Subject, Verdict

Std = QKeySequence.StandardKey


@dataclass(frozen=True)
class Spec:
    id: str
    text: str
    icon: str | None = None
    shortcut: Std | str | None = None
    tip: str = ""
    checkable: bool = False
    lifecycle: Action | None = None


#: The context menu's actions, in order; None is a separator.
CONTEXT_MENU: tuple[str | None, ...] = (
    "lifecycle.enlist",
    "lifecycle.unenlist",
    "lifecycle.start",
    "lifecycle.stop",
    None,
    "edit.rename",
    "edit.duplicate",
    "edit.copy",
    "edit.paste",
    "edit.delete",
    None,
    "edit.new_port",
    "edit.new_group",
    None,
    "app.start",
    "app.stop",
)

# fmt: off
SPECS: tuple[Spec, ...] = (
    Spec("file.new_workspace", QT_TRANSLATE_NOOP("Actions", "&New Workspace…"), "new-workspace", Std.New, QT_TRANSLATE_NOOP("Actions", "Create an empty workspace file")),
    Spec("file.open_workspace", QT_TRANSLATE_NOOP("Actions", "&Open Workspace…"), "open-workspace", Std.Open, QT_TRANSLATE_NOOP("Actions", "Open another workspace (SQLite file)")),
    Spec("file.import", QT_TRANSLATE_NOOP("Actions", "&Import Bindings…"), "import", "Ctrl+I", QT_TRANSLATE_NOOP("Actions", "Import binding files into the workspace")),
    Spec("file.export", QT_TRANSLATE_NOOP("Actions", "&Export Bindings…"), "export", "Ctrl+E", QT_TRANSLATE_NOOP("Actions", "Write a binding file from the workspace")),
    Spec("file.export_application", QT_TRANSLATE_NOOP("Actions", "Export &Application…"), "export", None,
         QT_TRANSLATE_NOOP("Actions", "Write a binding file of one application (passwords blanked)")),
    Spec("file.export_selection", QT_TRANSLATE_NOOP("Actions", "Export &Selection…"), "export", None,
         QT_TRANSLATE_NOOP("Actions", "Write a binding file of the selected ports and groups (passwords blanked)")),
    Spec("file.open_sample", QT_TRANSLATE_NOOP("Actions", "Open &Sample Application"), "application", None,
         QT_TRANSLATE_NOOP("Actions", "Import the bundled Contoso sample binding file")),
    Spec("file.quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), None, Std.Quit, QT_TRANSLATE_NOOP("Actions", "Quit Portwright")),
    Spec("edit.undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "undo", Std.Undo, QT_TRANSLATE_NOOP("Actions", "Undo the last change")),
    Spec("edit.redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "redo", Std.Redo, QT_TRANSLATE_NOOP("Actions", "Redo the last undone change")),
    Spec("edit.copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), "copy", Std.Copy, QT_TRANSLATE_NOOP("Actions", "Copy the selected ports and groups as binding XML")),
    Spec("edit.paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), "paste", Std.Paste, QT_TRANSLATE_NOOP("Actions", "Paste ports and groups from binding XML")),
    Spec("edit.duplicate", QT_TRANSLATE_NOOP("Actions", "D&uplicate"), "duplicate", "Ctrl+D", QT_TRANSLATE_NOOP("Actions", "Duplicate the selected ports and groups")),
    Spec("edit.delete", QT_TRANSLATE_NOOP("Actions", "&Delete"), "delete", Std.Delete, QT_TRANSLATE_NOOP("Actions", "Delete the selected ports and groups"),
         lifecycle=Action.DELETE),
    Spec("edit.select_all", QT_TRANSLATE_NOOP("Actions", "Select &All"), "select-all", Std.SelectAll, QT_TRANSLATE_NOOP("Actions", "Select every port and group")),
    Spec("edit.find", QT_TRANSLATE_NOOP("Actions", "&Find…"), "find", Std.Find, QT_TRANSLATE_NOOP("Actions", "Find ports and groups by name, adapter or address")),
    Spec("edit.rename", QT_TRANSLATE_NOOP("Actions", "Re&name…"), "rename", "F2", QT_TRANSLATE_NOOP("Actions", "Rename the selected port or group")),
    Spec("edit.new_port", QT_TRANSLATE_NOOP("Actions", "New Send &Port…"), "new-port", "Ctrl+Shift+P", QT_TRANSLATE_NOOP("Actions", "Create a send port")),
    Spec("edit.new_group", QT_TRANSLATE_NOOP("Actions", "New Send Port &Group…"), "new-group", "Ctrl+Shift+G", QT_TRANSLATE_NOOP("Actions", "Create a send port group")),
    Spec("view.zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "zoom-in", Std.ZoomIn, QT_TRANSLATE_NOOP("Actions", "Zoom in")),
    Spec("view.zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), "zoom-out", Std.ZoomOut, QT_TRANSLATE_NOOP("Actions", "Zoom out")),
    Spec("view.fit", QT_TRANSLATE_NOOP("Actions", "&Fit to Window"), "zoom-fit", "Ctrl+0", QT_TRANSLATE_NOOP("Actions", "Show the whole canvas")),
    Spec("view.auto_layout", QT_TRANSLATE_NOOP("Actions", "&Auto-Layout"), "auto-layout", "Ctrl+L", QT_TRANSLATE_NOOP("Actions", "Arrange ports next to their groups")),
    Spec("view.minimap", QT_TRANSLATE_NOOP("Actions", "&Minimap"), "minimap", "Ctrl+M", QT_TRANSLATE_NOOP("Actions", "Show or hide the minimap"), checkable=True),
    Spec("view.dark", QT_TRANSLATE_NOOP("Actions", "&Dark Theme"), "theme", "Ctrl+Shift+T", QT_TRANSLATE_NOOP("Actions", "Switch between light and dark"), checkable=True),
    Spec("view.refresh", QT_TRANSLATE_NOOP("Actions", "&Refresh"), "refresh", Std.Refresh, QT_TRANSLATE_NOOP("Actions", "Reload the workspace (shows others' changes)")),
    Spec("lifecycle.enlist", QT_TRANSLATE_NOOP("Actions", "&Enlist"), "enlist", "Ctrl+Shift+E", QT_TRANSLATE_NOOP("Actions", "Enlist: create the subscriptions"), lifecycle=Action.ENLIST),
    Spec("lifecycle.unenlist", QT_TRANSLATE_NOOP("Actions", "&Unenlist"), "unenlist", "Ctrl+Shift+U", QT_TRANSLATE_NOOP("Actions", "Unenlist: remove the subscriptions"),
         lifecycle=Action.UNENLIST),
    Spec("lifecycle.start", QT_TRANSLATE_NOOP("Actions", "&Start"), "start", "Ctrl+Shift+S", QT_TRANSLATE_NOOP("Actions", "Start (enlists first if needed)"),
         lifecycle=Action.START),
    Spec("lifecycle.stop", QT_TRANSLATE_NOOP("Actions", "S&top"), "stop", "Ctrl+Shift+X", QT_TRANSLATE_NOOP("Actions", "Stop: messages wait, suspended, until started"),
         lifecycle=Action.STOP),
    Spec("app.start", QT_TRANSLATE_NOOP("Actions", "&Start Application"), "app-start", None, QT_TRANSLATE_NOOP("Actions", "Enlist and start every port and group of the application"),
         lifecycle=Action.START_APPLICATION),
    Spec("app.stop", QT_TRANSLATE_NOOP("Actions", "S&top Application"), "app-stop", None, QT_TRANSLATE_NOOP("Actions", "Stop every started port and group of the application"),
         lifecycle=Action.STOP_APPLICATION),
    Spec("deploy.plan", QT_TRANSLATE_NOOP("Actions", "Plan &Deployment…"), "deploy", "Ctrl+Shift+D",
         QT_TRANSLATE_NOOP("Actions", "Check the design against a target BizTalk group and list the steps that deploy it")),
    Spec("help.about", QT_TRANSLATE_NOOP("Actions", "&About Portwright"), "about", None, QT_TRANSLATE_NOOP("Actions", "About Portwright")),
)
# fmt: on


class Actions(QObject):
    """The window's QActions, by id."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.by_id: dict[str, QAction] = {}
        self.specs = {s.id: s for s in SPECS}
        #: Why each refusable action is (partly) refused now; "" when it is allowed for all.
        self.reasons: dict[str, str] = {}
        for spec in SPECS:
            action = QAction(QCoreApplication.translate("Actions", spec.text), parent)
            action.setObjectName(spec.id)
            if spec.icon:
                action.setIcon(icon(spec.icon))
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            tip = QCoreApplication.translate("Actions", spec.tip)
            action.setStatusTip(tip)
            action.setToolTip(self._tip(action, tip))
            action.setCheckable(spec.checkable)
            self.by_id[spec.id] = action
        # A second standard shortcut for redo where platforms differ.
        self["edit.redo"].setShortcuts([QKeySequence(Std.Redo), QKeySequence("Ctrl+Y")])
        self["view.zoom_in"].setShortcuts([QKeySequence(Std.ZoomIn), QKeySequence("Ctrl+=")])

    def refresh_icons(self) -> None:
        """Ask for every icon again (after a theme change: icons are drawn for one theme)."""
        for spec in SPECS:
            if spec.icon:
                self[spec.id].setIcon(icon(spec.icon))

    def __getitem__(self, action_id: str) -> QAction:
        return self.by_id[action_id]

    def context_menu(self, parent: QWidget) -> QMenu:
        """The canvas's and the explorer's context menu (the caller executes it)."""
        menu = QMenu(parent)
        menu.setToolTipsVisible(True)  # a greyed item's tooltip says why it is greyed
        for action_id in CONTEXT_MENU:
            if action_id is None:
                menu.addSeparator()
            else:
                menu.addAction(self[action_id])
        return menu

    @staticmethod
    def _tip(action: QAction, tip: str) -> str:
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        name = action.text().replace("&", "").rstrip("…")
        return f"{name} ({shortcut})" if shortcut else name

    def refusable_ids(self) -> list[str]:
        """The actions the rules may refuse (their shortcut says why when they are greyed)."""
        return [spec.id for spec in SPECS if spec.lifecycle is not None]

    def apply_verdicts(
        self,
        verdicts: dict[Action, Verdict],
        splits: dict[Action, tuple[list[Subject], list[LifecycleError]]] | None = None,
    ) -> None:
        """Enable lifecycle actions from the rules; a disabled one's tooltip says why.

        With ``splits`` (what a bulk action would act on and what it would skip), a selection
        action is enabled when it applies to at least one selected item, and its tooltip
        names the ones it would skip and why."""
        splits = splits or {}
        for spec in SPECS:
            if spec.lifecycle is None:
                continue
            action = self[spec.id]
            base = self._tip(action, QCoreApplication.translate("Actions", spec.tip))
            part = splits.get(spec.lifecycle) if spec.lifecycle in SELECTION_ACTIONS else None
            if part is not None:
                allowed_subjects, refusals = part
                reason = "\n".join(dict.fromkeys(e.reason for e in refusals))
                allowed = bool(allowed_subjects)
                if allowed and refusals:
                    skipped = len(refusals)  # a name, not an expression: lupdate drops a call with one
                    skips = QCoreApplication.translate("Actions", "Skips %n of the selection:", None, skipped)
                    tip = f"{base}\n{skips}\n{reason}"
                elif allowed:
                    tip = base
                else:
                    tip = base + "\n" + QCoreApplication.translate("Actions", "Not available: %1").replace("%1", reason)
            else:
                verdict = verdicts.get(spec.lifecycle)
                allowed = verdict is not None and verdict.allowed
                reason = "" if allowed or verdict is None else (verdict.reason or "")
                if allowed or verdict is None:
                    tip = base
                else:
                    tip = base + "\n" + QCoreApplication.translate("Actions", "Not available: %1").replace("%1", reason)
            action.setEnabled(allowed)
            action.setToolTip(tip)
            self.reasons[spec.id] = "" if allowed else reason
