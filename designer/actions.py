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
from model.lifecycle import SELECTION_ACTIONS, Action, LifecycleError, Subject, Verdict

Std = QKeySequence.StandardKey


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


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
    Spec("file.new_workspace", "&New Workspace…", "new-workspace", Std.New, "Create an empty workspace file"),
    Spec("file.open_workspace", "&Open Workspace…", "open-workspace", Std.Open, "Open another workspace (SQLite file)"),
    Spec("file.import", "&Import Bindings…", "import", "Ctrl+I", "Import binding files into the workspace"),
    Spec("file.export", "&Export Bindings…", "export", "Ctrl+E", "Write a binding file from the workspace"),
    Spec("file.export_application", "Export &Application…", "export", None,
         "Write a binding file of one application (passwords blanked)"),
    Spec("file.export_selection", "Export &Selection…", "export", None,
         "Write a binding file of the selected ports and groups (passwords blanked)"),
    Spec("file.open_sample", "Open &Sample Application", "application", None,
         "Import the bundled Contoso sample binding file"),
    Spec("file.quit", "&Quit", None, Std.Quit, "Quit Portwright"),
    Spec("edit.undo", "&Undo", "undo", Std.Undo, "Undo the last change"),
    Spec("edit.redo", "&Redo", "redo", Std.Redo, "Redo the last undone change"),
    Spec("edit.copy", "&Copy", "copy", Std.Copy, "Copy the selected ports and groups as binding XML"),
    Spec("edit.paste", "&Paste", "paste", Std.Paste, "Paste ports and groups from binding XML"),
    Spec("edit.duplicate", "D&uplicate", "duplicate", "Ctrl+D", "Duplicate the selected ports and groups"),
    Spec("edit.delete", "&Delete", "delete", Std.Delete, "Delete the selected ports and groups",
         lifecycle=Action.DELETE),
    Spec("edit.select_all", "Select &All", "select-all", Std.SelectAll, "Select every port and group"),
    Spec("edit.find", "&Find…", "find", Std.Find, "Find ports and groups by name, adapter or address"),
    Spec("edit.rename", "Re&name…", "rename", "F2", "Rename the selected port or group"),
    Spec("edit.new_port", "New Send &Port…", "new-port", "Ctrl+Shift+P", "Create a send port"),
    Spec("edit.new_group", "New Send Port &Group…", "new-group", "Ctrl+Shift+G", "Create a send port group"),
    Spec("view.zoom_in", "Zoom &In", "zoom-in", Std.ZoomIn, "Zoom in"),
    Spec("view.zoom_out", "Zoom &Out", "zoom-out", Std.ZoomOut, "Zoom out"),
    Spec("view.fit", "&Fit to Window", "zoom-fit", "Ctrl+0", "Show the whole canvas"),
    Spec("view.auto_layout", "&Auto-Layout", "auto-layout", "Ctrl+L", "Arrange ports next to their groups"),
    Spec("view.minimap", "&Minimap", "minimap", "Ctrl+M", "Show or hide the minimap", checkable=True),
    Spec("view.dark", "&Dark Theme", "theme", "Ctrl+Shift+T", "Switch between light and dark", checkable=True),
    Spec("view.refresh", "&Refresh", "refresh", Std.Refresh, "Reload the workspace (shows others' changes)"),
    Spec("lifecycle.enlist", "&Enlist", "enlist", "Ctrl+Shift+E", "Enlist: create the subscriptions", lifecycle=Action.ENLIST),
    Spec("lifecycle.unenlist", "&Unenlist", "unenlist", "Ctrl+Shift+U", "Unenlist: remove the subscriptions",
         lifecycle=Action.UNENLIST),
    Spec("lifecycle.start", "&Start", "start", "Ctrl+Shift+S", "Start (enlists first if needed)",
         lifecycle=Action.START),
    Spec("lifecycle.stop", "S&top", "stop", "Ctrl+Shift+X", "Stop: messages wait, suspended, until started",
         lifecycle=Action.STOP),
    Spec("app.start", "&Start Application", "app-start", None, "Enlist and start every port and group of the application",
         lifecycle=Action.START_APPLICATION),
    Spec("app.stop", "S&top Application", "app-stop", None, "Stop every started port and group of the application",
         lifecycle=Action.STOP_APPLICATION),
    Spec("deploy.plan", "Plan &Deployment…", "deploy", "Ctrl+Shift+D",
         "Check the design against a target BizTalk group and list the steps that deploy it"),
    Spec("help.about", "&About Portwright", "about", None, "About Portwright"),
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
            action = QAction(tr(spec.text), parent)
            action.setObjectName(spec.id)
            if spec.icon:
                action.setIcon(icon(spec.icon))
            if spec.shortcut is not None:
                action.setShortcut(QKeySequence(spec.shortcut))
            tip = tr(spec.tip)
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
            base = self._tip(action, tr(spec.tip))
            part = splits.get(spec.lifecycle) if spec.lifecycle in SELECTION_ACTIONS else None
            if part is not None:
                allowed_subjects, refusals = part
                reason = "\n".join(dict.fromkeys(e.reason for e in refusals))
                allowed = bool(allowed_subjects)
                if allowed and refusals:
                    tip = f"{base}\n{tr('Skips %d of the selection:') % len(refusals)}\n{reason}"
                elif allowed:
                    tip = base
                else:
                    tip = f"{base}\n{tr('Not available:')} {reason}"
            else:
                verdict = verdicts.get(spec.lifecycle)
                allowed = verdict is not None and verdict.allowed
                reason = "" if allowed or verdict is None else (verdict.reason or "")
                tip = base if allowed or verdict is None else f"{base}\n{tr('Not available:')} {reason}"
            action.setEnabled(allowed)
            action.setToolTip(tip)
            self.reasons[spec.id] = "" if allowed else reason
