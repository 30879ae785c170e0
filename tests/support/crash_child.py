"""A process to be killed in the middle of a workspace operation (see tests/store/test_store_crash.py).

    python crash_child.py URL MODE [FILE]

MODE says where the process stops, inside the operation's transaction, after printing
``INSIDE <rows>`` (the number of send port rows its own transaction sees) and flushing:

* ``import-first-chunk``: importing FILE, right after the first batch of send ports is inserted;
* ``import-before-commit``: importing FILE, after everything is written, just before the commit;
* ``start-first-update``: starting every send port, right after the first UPDATE of states.

It then sleeps until it is killed (exit code 99 if nobody does within 10 minutes).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from model.lifecycle import Action, Kind, Subject
from model.store import Workspace
from model.store.schema import SendPortRow
from model.store.unit_of_work import UnitOfWork


def hang(session: Session) -> None:
    rows = session.scalar(select(func.count()).select_from(SendPortRow))
    print(f"INSIDE {rows}", flush=True)
    time.sleep(600)
    os._exit(99)


def stop_after(statement_kind: str) -> None:
    """Hang right after the first INSERT/UPDATE of send_ports has been executed."""
    real = Session.execute

    def execute(self, statement, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(self, statement, *args, **kwargs)
        table = getattr(statement, "table", None)
        if getattr(statement, f"is_{statement_kind}", False) and getattr(table, "name", None) == "send_ports":
            hang(self)
        return result

    Session.execute = execute  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    url, mode = argv[0], argv[1]
    ws = Workspace(url, user="doomed")
    if mode == "import-first-chunk":
        stop_after("insert")
        ws.import_file(Path(argv[2]))
    elif mode == "import-before-commit":
        real_audit = UnitOfWork.audit

        def audit_then_hang(uow, operation, rows):  # type: ignore[no-untyped-def]
            real_audit(uow, operation, rows)
            hang(uow.session)

        UnitOfWork.audit = audit_then_hang  # type: ignore[method-assign]
        ws.import_file(Path(argv[2]))
    elif mode == "start-first-update":
        ports = [Subject.port(e.name) for e in ws.entries() if e.kind is Kind.PORT]
        stop_after("update")
        ws.perform(Action.START, ports)
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        return 2
    print("FINISHED without stopping", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
