"""What every worker process of a run does first: leave when its run is gone.

A run's worker processes (the parse pool, the run helper) are forked from it. When the run is
killed outright (SIGKILL, a closed terminal, Task Manager), nothing tells them: a worker waiting
for its next job blocks forever, holding memory and, through the file it inherited, the
workspace lock, so the officer's next run would wait for a process nobody can see. Each worker
therefore watches its parent from a daemon thread and exits when the parent is gone (its parent
process id changes); the lock's own copy is dropped at fork time (:mod:`.lock`).
"""

from __future__ import annotations

import os
import threading
import time

__all__ = ["exit_with_parent"]

POLL_SECONDS = 0.5


def exit_with_parent() -> None:
    """Start watching the parent of this (worker) process; call it in the worker's initializer."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        os._exit(0)  # the run is gone: nothing to finish, nobody to report to

    threading.Thread(target=watch, name="evalreport-parent-watch", daemon=True).start()
