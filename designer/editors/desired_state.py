"""The "After deployment" choice of the port and group editors: the state a deployment plan
brings the port or group to (Left as it is, Unenlisted, Enlisted (Stopped), Started).

The choice is a request to the document's deploy door (one undo step); the row shows what is
stored, again after undo, redo or another session's change. Whether the state can be reached
under BizTalk's rules is the plan's to say (the Deployment panel shows it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from designer.document import Refused, WorkspaceDocument
from designer.editors.fields import ErrorLabel
from model.lifecycle import Kind, State

#: The choices, in the order shown; None is "left as it is".
CHOICES: tuple[State | None, ...] = (None, State.UNENLISTED, State.STOPPED, State.STARTED)


def choice_text(state: State | None) -> str:
    return {
        None: QCoreApplication.translate("DesiredState", "Left as it is"),
        State.UNENLISTED: QCoreApplication.translate("DesiredState", "Unenlisted"),
        State.STOPPED: QCoreApplication.translate("DesiredState", "Enlisted (Stopped)"),
        State.STARTED: QCoreApplication.translate("DesiredState", "Started"),
    }[state]


class DesiredStateRow(QWidget):
    """ "After deployment: [choice]" for one port or group; writes through the document only."""

    def __init__(self, document: WorkspaceDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desiredStateRow")
        self._doc = document
        self._key: tuple[Kind, str] | None = None
        self.label = QLabel(QCoreApplication.translate("DesiredState", "After deployment:"))
        self.combo = QComboBox()
        self.combo.setObjectName("desiredState")
        for state in CHOICES:
            self.combo.addItem(choice_text(state), None if state is None else int(state))
        self.label.setBuddy(self.combo)
        self.combo.setToolTip(
            QCoreApplication.translate(
                "DesiredState",
                "The state the deployment plan brings it to. Left as it is: the state it has in the "
                "target group (a new one is unenlisted).",
            )
        )
        self.combo.setAccessibleName(QCoreApplication.translate("DesiredState", "State after deployment"))
        self.error = ErrorLabel()
        self.error.setObjectName("desiredStateError")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.combo.activated.connect(self._on_combo_activated)
        document.deploy.desired_changed.connect(self._on_desired_changed)

    def show_for(self, kind: Kind, name: str | None) -> None:
        """Show the stored choice of ``name`` (None: nothing shown)."""
        self._key = (kind, name) if name is not None else None
        self.error.show_message(None)
        self.refresh()

    def chosen(self) -> State | None:
        data = self.combo.currentData()
        return None if data is None else State(data)

    def refresh(self) -> None:
        """Re-read the stored choice (after any change: ours, undo, redo, another session's)."""
        self.setEnabled(self._key is not None)
        if self._key is None:
            return
        try:
            state = self._doc.deploy.desired_state(*self._key)
        except Exception:  # noqa: BLE001 - the workspace unreadable: the editor says so elsewhere
            state = None
        with QSignalBlocker(self.combo):
            self.combo.setCurrentIndex(CHOICES.index(state))

    def _on_combo_activated(self, index: int) -> None:
        if self._key is None:
            return
        try:
            self._doc.deploy.set_desired_state(*self._key, CHOICES[index])
        except Refused as e:
            self.error.show_message(str(e))
            self.refresh()
        else:
            self.error.show_message(None)

    def _on_desired_changed(self, keys: list[tuple[str, str]]) -> None:
        if self._key is not None and (self._key[0].value, self._key[1]) in keys:
            self.refresh()
