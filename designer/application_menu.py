"""The context menu of one application (its frame on the canvas, its row in the explorer).

Start and Stop act on the whole application, as ``portwright app start|stop`` does; a greyed
one says why in its tooltip and its status tip. Export writes the application's binding file
with passwords blanked; Validate checks it and shows its problems.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QPoint, QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGraphicsScene, QMenu, QWidget

from designer.canvas.items import FrameItem, NodeItem
from designer.document import WorkspaceDocument
from designer.icons import icon
from designer.panels import ExplorerPanel, ProblemsPanel
from designer.reporting import Reporter
from model import lifecycle
from model.lifecycle import Action, LifecycleError, View
from model.validation import Severity


def application_verdict(view: View, action: Action, application: str) -> str:
    """ "" when ``action`` (start or stop application) may run on ``application``, else why not."""
    try:
        lifecycle.plan(view, action, application=application)
    except LifecycleError as e:
        return e.reason
    return ""


def build_application_menu(
    parent: QWidget,
    application: str,
    view: View,
    run: Callable[[bool, str], None],
    export: Callable[[str], None],
    validate: Callable[[str], None],
    more: Sequence[QAction] = (),
) -> QMenu:
    """The menu for ``application``: Start, Stop, Export…, Validate, then ``more`` (the canvas's
    paste and new-item actions)."""
    menu = QMenu(parent)
    menu.setObjectName("applicationMenu")
    menu.setToolTipsVisible(True)
    menu.addSection(QCoreApplication.translate("ApplicationMenu", "Application '%s'") % application)
    for start, action_id, text, icon_name in (
        (True, "appmenu.start", QCoreApplication.translate("ApplicationMenu", "&Start Application"), "app-start"),
        (False, "appmenu.stop", QCoreApplication.translate("ApplicationMenu", "S&top Application"), "app-stop"),
    ):
        item = menu.addAction(icon(icon_name), text, functools.partial(run, start, application))
        item.setObjectName(action_id)
        rule = Action.START_APPLICATION if start else Action.STOP_APPLICATION
        reason = application_verdict(view, rule, application)
        what = (
            QCoreApplication.translate("ApplicationMenu", "Enlist and start every send port and group of '%s'")
            if start
            else QCoreApplication.translate("ApplicationMenu", "Stop every started send port and group of '%s'")
        ) % application
        item.setEnabled(not reason)
        refused = QCoreApplication.translate("ApplicationMenu", "Not available: %1").replace("%1", reason)
        item.setToolTip(f"{what}\n{refused}" if reason else what)
        item.setStatusTip(reason or what)
    menu.addSeparator()
    export_item = menu.addAction(
        icon("export"),
        QCoreApplication.translate("ApplicationMenu", "&Export This Application…"),
        functools.partial(export, application),
    )
    export_item.setObjectName("appmenu.export")
    export_item.setToolTip(
        QCoreApplication.translate("ApplicationMenu", "Write a binding file of '%s' (passwords blanked)") % application
    )
    validate_item = menu.addAction(
        icon("problem-warning"),
        QCoreApplication.translate("ApplicationMenu", "&Validate"),
        functools.partial(validate, application),
    )
    validate_item.setObjectName("appmenu.validate")
    validate_item.setToolTip(
        QCoreApplication.translate("ApplicationMenu", "Check every send port and group of '%s'") % application
    )
    if more:
        menu.addSeparator()
        for action in more:
            menu.addAction(action)
    return menu


def application_on_canvas(scene: QGraphicsScene, scene_pos: QPointF) -> str | None:
    """The application whose frame is under ``scene_pos`` with no node above it, else None."""
    for item in scene.items(scene_pos):
        if isinstance(item, NodeItem):
            return None
        if isinstance(item, FrameItem):
            return item.application
    return None


def application_in_explorer(explorer: ExplorerPanel, applications: Sequence[str], global_pos: QPoint) -> str | None:
    """The application whose row (the top level of the tree) is under ``global_pos``, else None.

    The row shows the name followed by its counts: the longest of ``applications`` it starts
    with is the one (an application's name may itself end in parentheses)."""
    tree = explorer.view
    index = tree.indexAt(tree.viewport().mapFromGlobal(global_pos))
    if not index.isValid() or index.parent().isValid():
        return None
    shown = str(index.siblingAtColumn(0).data() or "")
    matches = [app for app in applications if shown.startswith(f"{app} (")]
    return max(matches, key=len) if matches else None


def validate_application(
    problems: ProblemsPanel, document: WorkspaceDocument, reporter: Reporter, application: str
) -> bool:
    """Check the workspace now and say how many problems ``application`` has; True if any."""
    problems.refresh_now()
    mine = {(e.kind.value, e.name) for e in document.entries() if e.application == application}
    found = [p for p in problems.problems() if (p.kind, p.name) in mine]
    if not found:
        reporter.say(
            QCoreApplication.translate("ApplicationMenu", "Application '%s': no problems found") % application, 10000
        )
        return False
    by = {sev: sum(1 for p in found if p.severity is sev) for sev in Severity}
    reporter.say(
        QCoreApplication.translate(
            "ApplicationMenu", "Application '%s': %d error(s), %d warning(s), %d note(s) — see Problems"
        )
        % (application, by[Severity.ERROR], by[Severity.WARNING], by[Severity.INFO]),
        15000,
    )
    return True
