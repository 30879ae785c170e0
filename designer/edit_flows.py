"""Edit flows: create, rename, duplicate, copy and paste, delete, drag into a group, lay out.

Each flow gathers what the user wants (a dialog, the clipboard, the selection) and calls
one document method; refusals come back as :class:`Refused` and are shown by the
reporter with their reason. No rule is decided here. What a flow creates goes into a free
slot of its application, becomes the selection (the panels and toolbar follow) and is
scrolled into view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from designer.canvas.layout import Key, Node, auto_layout
from designer.dialogs import NewGroupDialog, NewPortDialog, ask_rename
from designer.document import Refused, WorkspaceDocument
from designer.reporting import Reporter
from designer.selection import CanvasSelection
from model.bindings import BindingDocument, BindingFormatError, load
from model.bindings.blanking import blank_bytes
from model.lifecycle import Kind
from model.store import WorkspaceError


class EditFlows(QObject):
    """The edits a user starts from menus, the palette and the canvas."""

    def __init__(
        self, parent: QWidget, document: Callable[[], WorkspaceDocument], selection: CanvasSelection, reporter: Reporter
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._document = document
        self._selection = selection
        self._reporter = reporter

    def current_application(self) -> str | None:
        """The application of the first selected item, if any."""
        keys = self._selection.keys()
        if keys:
            entry = self._document().entry(*keys[0])
            return entry.application if entry else None
        return None

    # -- creating, renaming, deleting ---------------------------------------------------------

    def create(self, kind: str, pos: tuple[float, float] | None = None) -> None:
        """A new port or group (``pos``: where it was dropped on the canvas, if it was).

        Dropped inside an application's frame, it belongs to that application; it goes into
        the free slot of its application nearest where it was dropped (or the view's middle)."""
        doc = self._document()
        where = pos if pos is not None else self._selection.center()
        framed = self._selection.scene.application_at(QPointF(*pos)) if pos is not None else None
        application = framed or self.current_application()
        taken = {e.name for e in doc.entries() if e.kind is Kind(kind)}
        apps = doc.applications()
        if kind == "port":
            port_dialog = NewPortDialog(taken, apps, application, self._parent)
            if port_dialog.exec():
                port = port_dialog.port()
                slot = self._selection.scene.free_slot(port.application, Kind.PORT, where)
                if self._reporter.attempt(lambda: doc.add_send_port(port, port.application, slot)):
                    self._show_new([(Kind.PORT, port.name)])
        else:
            group_dialog = NewGroupDialog(taken, apps, application, self._parent)
            if group_dialog.exec():
                group = group_dialog.group()
                slot = self._selection.scene.free_slot(group.application, Kind.GROUP, where)
                if self._reporter.attempt(lambda: doc.add_group(group, group.application, slot)):
                    self._show_new([(Kind.GROUP, group.name)])

    def _show_new(self, keys: list[Key]) -> None:
        """Make ``keys`` the selection, tell the panels, and scroll them into view."""
        scene = self._selection.scene
        scene.flush_pending()
        self._selection.select(keys)
        self._selection.shown.emit([(k.value, n) for k, n in keys])
        self._selection.view.reveal_keys(keys)

    def rename(self) -> None:
        keys = self._selection.keys()
        if len(keys) != 1:
            return
        doc = self._document()
        kind, name = keys[0]
        taken = {e.name for e in doc.entries() if e.kind is kind}
        new = ask_rename(self._parent, name, taken, kind)
        if new is not None and new != name:
            self._reporter.guarded(lambda: doc.rename(kind, name, new))

    def drop_on_group(self, group: str, ports: list[str], before: dict[Key, tuple[float, float]]) -> None:
        """Ports dragged onto a group (from the canvas or the explorer): add them (or refuse
        with the reason); nodes dragged on the canvas go back in place."""
        self._selection.put_back(before)
        if not ports:
            self._reporter.refused(
                QCoreApplication.translate("EditFlows", "Only send ports can be added to the group '%s'.") % group
            )
            return
        doc = self._document()
        if self._reporter.attempt(lambda: doc.add_to_group(group, ports)):
            self._reporter.say(QCoreApplication.translate("EditFlows", "Added %s to '%s'") % (", ".join(ports), group))

    def move(self, before: dict[Key, tuple[float, float]], after: dict[Key, tuple[float, float]]) -> None:
        doc = self._document()
        moved = [k for k, v in after.items() if before.get(k) != v]
        text = (
            QCoreApplication.translate("EditFlows", "Move '%s'") % moved[0][1]
            if len(moved) == 1
            else QCoreApplication.translate("EditFlows", "Move %d items") % len(moved)
        )
        self._reporter.guarded(lambda: doc.move(before, after, text))

    def auto_layout(self) -> None:
        doc = self._document()
        entries = doc.entries()
        after = auto_layout(
            (Node(e.kind, e.name, e.application, e.members) for e in entries), self._selection.view.aspect()
        )
        before = {(e.kind, e.name): (e.x or 0.0, e.y or 0.0) for e in entries}
        self._reporter.guarded(lambda: doc.move(before, after, QCoreApplication.translate("EditFlows", "Auto-layout")))
        self._selection.fit()

    def refresh(self) -> None:
        """Re-read the workspace; if that fails, say so and keep showing what was read before."""
        try:
            self._document().reload()
        except (WorkspaceError, Refused) as e:
            self._reporter.show_error(QCoreApplication.translate("EditFlows", "Could not reload the workspace: %s") % e)
            return
        self._reporter.say(QCoreApplication.translate("EditFlows", "Reloaded the workspace"), 3000)

    def undo(self) -> None:
        """Undo on the current document; an undo the workspace cannot do is shown, not raised."""
        self._reporter.guarded(self._document().undo_stack.undo)

    def redo(self) -> None:
        self._reporter.guarded(self._document().undo_stack.redo)

    # -- clipboard -------------------------------------------------------------------------------

    def _selection_xml(self) -> bytes | None:
        keys = self._selection.keys()
        if not keys:
            return None
        ports = [n for k, n in keys if k is Kind.PORT]
        groups = [n for k, n in keys if k is Kind.GROUP]
        return self._document().workspace.export(ports=ports, groups=groups)

    def copy(self) -> None:
        data = self._selection_xml()
        if data is None:
            return
        # Secrets are blanked, as an export blanks them: the clipboard is readable by any
        # program. Duplicate pastes within the workspace and keeps them.
        data = blank_bytes(data)
        # Plain text (binding XML): a QMimeData made here would be owned by the clipboard and
        # destroyed by Qt after Python has gone, which crashes the interpreter at exit.
        QGuiApplication.clipboard().setText(data.decode("utf-8", errors="replace"))
        self._reporter.say(
            QCoreApplication.translate("EditFlows", "Copied %d item(s) as binding XML") % len(self._selection.keys()),
            3000,
        )

    def paste(self, data: bytes | None = None) -> None:
        if data is None:
            data = QGuiApplication.clipboard().text().encode("utf-8")
        try:
            binding = load(data)
        except BindingFormatError as e:
            self._reporter.refused(
                QCoreApplication.translate("EditFlows", "The clipboard does not hold binding XML: %s") % e.message
            )
            return
        if not binding.send_ports and not binding.groups:
            self._reporter.refused(
                QCoreApplication.translate("EditFlows", "The clipboard holds no send ports or groups.")
            )
            return
        self._paste(binding, QCoreApplication.translate("EditFlows", "Paste %s"))

    def _paste(self, binding: BindingDocument, text: str) -> None:
        """Add copies of ``binding``'s items, each in a free slot of its application, as one
        undo step (``text``: its name, "%s" standing for what is copied): the copies and where
        they went are saved together."""
        doc = self._document()
        stack = doc.undo_stack
        names = [p.name for p in binding.send_ports] + [g.name for g in binding.groups]
        what = f"'{names[0]}'" if len(names) == 1 else QCoreApplication.translate("EditFlows", "%d items") % len(names)
        stack.beginMacro(text % what)
        try:
            # No position: the canvas puts each copy into a free slot of its application...
            keys = self._reporter.guarded(lambda: doc.paste(binding, None))
            if keys:  # ...and where it went is saved with the copies
                scene = self._selection.scene
                scene.flush_pending()
                where = {k: (item.x(), item.y()) for k in keys if (item := scene.nodes.get(k)) is not None}
                self._reporter.guarded(
                    lambda: doc.move({}, where, QCoreApplication.translate("EditFlows", "Place the copies"))
                )
        finally:
            stack.endMacro()
        if not keys:  # refused: leave no empty step in the History
            macro = stack.command(stack.index() - 1)
            if macro is not None and macro.childCount() == 0:
                macro.setObsolete(True)
                stack.undo()
            return
        self._show_new(keys)

    def duplicate(self) -> None:
        data = self._selection_xml()
        if data is not None:
            self._paste(load(data), QCoreApplication.translate("EditFlows", "Duplicate %s"))
