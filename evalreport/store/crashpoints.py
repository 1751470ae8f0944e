"""Named points where a test can make a run die as if killed (``SIGKILL``), to prove that a run
interrupted at that moment leaves the ledger consistent and earlier outputs untouched.

Set ``EVALREPORT_CRASH_AT=<name>`` (or ``<name>:<n>`` for the n-th time the point is reached) in
the environment of a subprocess. Without the variable this is a dictionary lookup and nothing else.
With ``EVALREPORT_CRASH_SIGNAL=INT`` the point presses Ctrl-C instead: SIGINT to the whole
process group, as a terminal sends it.
"""

from __future__ import annotations

import os
import signal
import sys

__all__ = ["crash_point"]

_hits: dict[str, int] = {}


def crash_point(name: str) -> None:
    wanted = os.environ.get("EVALREPORT_CRASH_AT")
    if not wanted:
        return
    target, _, nth = wanted.partition(":")
    if target != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] >= int(nth or 1):
        sys.stdout.flush()
        sys.stderr.flush()
        if os.environ.get("EVALREPORT_CRASH_SIGNAL") == "INT" and hasattr(os, "killpg"):
            os.killpg(os.getpgrp(), signal.SIGINT)
            return
        kill = getattr(signal, "SIGKILL", signal.SIGTERM)
        os.kill(os.getpid(), kill)
