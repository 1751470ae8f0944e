"""Pausing Python's cyclic garbage collector while a run builds its records.

An ingest keeps a record of every file it saw and a consolidation builds tens of thousands of
small objects (submissions, unit totals): each allocation burst sets off the cyclic collector,
and each of its full passes walks every object built so far, also the workspace's unit list.
At 10,000 files that was 0.15 s of an ingest's CPU (taken from the cores the workers use) and a
third of a cached rerun's consolidation. Nothing built there forms a reference cycle, so the
collector is paused meanwhile and restored after; reference counting still frees everything.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["cyclic_gc_paused"]


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block; re-enable it after if it was enabled."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
