"""Pauses of the garbage collector overlap safely across threads: the collector comes back on
only when the last pause ends, and only if it was on before the first began."""

from __future__ import annotations

import gc
import threading

from model.gcpause import gc_paused, pauses_in_progress


def test_an_overlapping_pause_does_not_end_early() -> None:
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with gc_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    with gc_paused():
        thread.start()
        assert inside.wait(10)
        assert pauses_in_progress() == 2
    assert not gc.isenabled(), "the other thread's pause still runs"
    release.set()
    thread.join(10)
    assert gc.isenabled() and pauses_in_progress() == 0


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
