"""Secrets never reach the audit trail: an edit of an adapter password, of a connection string
with a password, or of an address with credentials records which settings changed, never a
value; ``portwright log`` prints none of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.bindings import binding_file, port

from designer.document import WorkspaceDocument
from model.bindings import load
from model.domain import AdapterSettings, replace
from model.store import Workspace

SECRET = "Hunter2-s3cret"


@pytest.mark.slow
def test_the_audit_log_never_holds_a_password(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "w.sqlite"
    with Workspace(db) as ws:
        ws.import_document(load(binding_file(ports=[port("C")])), None, "base.xml")
        doc = WorkspaceDocument(ws)
        record = doc.port("C")
        t = record.model.primary_transport
        settings = (t.settings or AdapterSettings()).with_value("password", SECRET, 8)
        settings = settings.with_value("ConnectionString", f"Server=db;User Id=sa;Password={SECRET};", 8)
        t = replace(t, settings=settings, address=f"ftp://user:{SECRET}@host/in")
        doc.edit_port("C", replace(record.model, primary_transport=t))
        doc.undo_stack.undo()
        doc.undo_stack.redo()
        assert SECRET in ws.port("C").xml, "the design keeps the password (the export needs it)"
        entries = [e for e in ws.audit() if e.name == "C"]
        assert [e.operation for e in entries][-3:] == ["edit", "undo edit", "redo edit"]
        assert "adapter settings" in (entries[-1].detail or "") and "address" in (entries[-1].detail or "")
        assert not any(SECRET in " ".join(str(v) for v in vars(e).values()) for e in ws.audit())
        doc.deleteLater()
    log = subprocess.run(
        [sys.executable, "-m", "designer", "--workspace", str(db), "log"], capture_output=True, text=True, timeout=120
    )
    assert log.returncode == 0 and "edit" in log.stdout
    assert SECRET not in log.stdout + log.stderr
