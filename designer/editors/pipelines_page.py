"""The send port editor's Pipelines page: the send pipeline (and, for a solicit-response port,
the receive pipeline), each picked from the pipelines the workspace has seen or typed, with its
per-port configuration."""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QCoreApplication

from designer.editors.fields import Sessions
from designer.editors.form_rows import TEXT_MIN_WIDTH
from designer.editors.known_values import KnownValues
from designer.editors.pages import Page, reason
from designer.editors.pick_row import PickRow
from designer.editors.xml_editor import XmlEditor
from model import port_edits
from model.bindings.blanking import mask_secrets, restore_masked
from model.domain import Pipeline, SendPort, replace

__all__ = ["PipelinesPage"]


class PipelinesPage(Page):
    """Send pipeline (and receive pipeline for solicit-response) with per-port configuration."""

    def __init__(self, sessions: Sessions, known: KnownValues | None = None) -> None:
        super().__init__(QCoreApplication.translate("PortEditor", "Pipelines"), sessions)
        self.known = known if known is not None else KnownValues()
        self.send = PickRow(
            self,
            QCoreApplication.translate("PortEditor", "Send pipeline:"),
            "send_pipeline",
            Pipeline,
            "name",
            lambda p, v: self._with_pipeline(p, "send", v),
            required=QCoreApplication.translate("PortEditor", "A send port needs a send pipeline."),
        )
        self.send_data = self._data_editor(
            "send_pipeline_data", QCoreApplication.translate("PortEditor", "Send pipeline configuration:")
        )
        self.receive = PickRow(
            self,
            QCoreApplication.translate("PortEditor", "Receive pipeline:"),
            "receive_pipeline",
            Pipeline,
            "name",
            lambda p, v: self._with_pipeline(p, "receive", v),
            empty_is_none=True,
        )
        self.receive_data = self._data_editor(
            "receive_pipeline_data", QCoreApplication.translate("PortEditor", "Receive pipeline configuration:")
        )
        self.finish_layout()

    def _with_pipeline(self, port: SendPort, which: Literal["send", "receive"], name: str | None) -> SendPort:
        """The pipeline called ``name``; one picked from the list keeps the assembly it was seen with."""
        new = port_edits.with_pipeline(port, which, name)
        attr = f"{which}_pipeline"
        chosen: Pipeline | None = getattr(new, attr)
        seen = self.known.pipeline(which, name) if name else None
        old: Pipeline | None = getattr(port, attr)
        if (
            chosen is not None
            and seen is not None
            and seen.fully_qualified_name
            and chosen.fully_qualified_name != seen.fully_qualified_name
            and (old is None or old.name != name)
        ):
            new = replace(new, **{attr: replace(chosen, fully_qualified_name=seen.fully_qualified_name)})
        return new

    def refresh_choices(self) -> None:
        """List the pipelines known now in the pickers."""
        for row, which in ((self.send, "send"), (self.receive, "receive")):
            pipelines = self.known.pipelines(which)  # type: ignore[arg-type]
            row.set_choices([p.name for p in pipelines], {p.name: p.fully_qualified_name or p.name for p in pipelines})

    def _data_editor(self, attr: str, label: str) -> XmlEditor:
        editor = XmlEditor()
        editor.setObjectName(attr)
        editor.setMinimumWidth(TEXT_MIN_WIDTH)
        self.form.addRow(label, editor)
        self.fields[attr] = editor
        self.rows.append(editor)
        which = "send" if attr.startswith("send") else "receive"
        editor.text_committed.connect(lambda text: self._data(which, text, editor))
        return editor

    def _data(self, which: str, text: str, editor: XmlEditor) -> None:
        if self.model is not None:
            # shown masked (a component's password): a *** left in place keeps the stored value
            stored = getattr(self.model, f"{which}_pipeline_data") or ""
            text = restore_masked(text, stored)
            self.try_edit(
                lambda: port_edits.with_pipeline_data(self.model, which, text),  # type: ignore[arg-type]
                f"{which}_pipeline_data",
                QCoreApplication.translate("PortEditor", "Edit the pipeline configuration"),
                editor.edit,
                editor.error,
            )

    def load(self, port: SendPort) -> None:
        super().load(port)
        locks = port_edits.locked_fields(port)
        self.send.set(port.send_pipeline.name if port.send_pipeline else None)
        self.send_data.set_text(mask_secrets(port.send_pipeline_data or ""))
        self.receive.set(port.receive_pipeline.name if port.receive_pipeline else None)
        self.refresh_choices()
        self.receive_data.set_text(mask_secrets(port.receive_pipeline_data or ""))
        self.receive.set_enabled("receive_pipeline" not in locks, reason(locks, "receive_pipeline"))
        self.receive_data.setEnabled("receive_pipeline_data" not in locks)
        self.set_note(reason(locks, "receive_pipeline"))
