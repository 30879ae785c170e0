"""Retries and service window of either transport: the backup's options edited by the same
rules as the primary's, locked while the backup (or its window) is off."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from model import transport_options as options
from model.bindings import load
from model.port_locks import BACKUP_OFF, WINDOW_OFF, PortEditError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "01_messaging.xml"


def _ports():
    doc = load(FIXTURE)
    with_backup = next(p for p in doc.send_ports if p.secondary_transport and p.secondary_transport.is_configured)
    without = next(p for p in doc.send_ports if not (p.secondary_transport and p.secondary_transport.is_configured))
    return with_backup, without


def test_the_backup_options_are_edited_and_the_primary_left_alone() -> None:
    port, _ = _ports()
    primary = port.primary_transport
    edited = options.with_retries(port, True, count=6, interval=15)
    assert edited.secondary_transport is not None
    assert (edited.secondary_transport.retry_count, edited.secondary_transport.retry_interval) == (6, 15)
    assert edited.primary_transport == primary
    on = options.with_service_window(edited, True, True)
    late = options.with_service_window_time(on, True, "from_time", time(22, 30))
    assert late.secondary_transport is not None and late.secondary_transport.from_time == "2000-01-01T22:30:00"
    assert options.service_window_time(late, True, "from_time") == time(22, 30)


def test_the_backup_options_are_locked_while_it_is_off() -> None:
    port, without = _ports()
    assert options.option_locks(without, True) == dict.fromkeys(options.OPTIONS, BACKUP_OFF)
    with pytest.raises(PortEditError, match="backup transport on first"):
        options.with_retries(without, True, count=2)
    locks = options.option_locks(port, True)
    assert locks.get("from_time") == WINDOW_OFF and "retry_count" not in locks


def test_the_primary_goes_through_port_edits() -> None:
    port, _ = _ports()
    edited = options.with_retries(port, False, count=9)
    assert edited.primary_transport is not None and edited.primary_transport.retry_count == 9
    assert edited.secondary_transport == port.secondary_transport
