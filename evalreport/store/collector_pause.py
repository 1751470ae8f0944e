"""Pausing Python's cyclic garbage collector while a run builds its large, acyclic structures.

Why: a consolidation decodes every current submission (from the ledger, or the run cache's
base) into objects, and opening a workspace builds every unit of its unit list: hundreds of
thousands of small dicts, lists and dataclasses that hold no reference cycles. The collector, triggered by every 700 allocations, walks the ever-growing
heap again and again while they are made: at N = 100,000 it took 4 of the 6.7 s of loading the
run cache, and 1 of the 2.8 s of opening the workspace, so a rerun after one corrected file waited about
13 s instead of 8 (docs/performance.md, "The collector while a run builds its data"). The objects made meanwhile are then *frozen* (``gc.freeze``): still freed by reference counting
as usual, but left out of the collector's walks, which would otherwise visit all of them three
times soon after (young, middle, then a full collection that the many new long-lived objects
trigger): 1.1 s of a rerun at N = 100,000 went to walking the base of the run cache again
(docs/performance.md, "The rerun at 100,000"). The next paused block starts by unfreezing, so the
collector gets back whatever earlier runs left: a long-lived process (the Excel panel) keeps at
most one run's objects out of the collector's sight.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (as it was before, afterwards), and keep what
    it made out of the collector's walks until the next such block."""
    was_enabled = gc.isenabled()
    gc.disable()
    if was_enabled:
        gc.unfreeze()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
