"""Pausing the cyclic garbage collector during bulk work.

Reading or writing thousands of ports allocates millions of small objects that form no
reference cycles; the collector would otherwise rescan the whole (large) heap many times
over for nothing. Reference counting still frees everything as usual.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def gc_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def bulk(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run ``func`` with the cyclic collector paused."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return func(*args, **kwargs)

    return wrapper
