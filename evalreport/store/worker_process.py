"""What every worker process of a run does first: leave when its run is gone, and leave Ctrl-C
to the run.

A run's worker processes (the parse and render pools) are forked from it (spawned on Windows).
When the run is killed outright (SIGKILL, a closed terminal, Task Manager), nothing tells them:
a worker waiting for its next job blocks forever, holding memory and, through the file it
inherited, the workspace lock, so the officer's next run would wait for a process nobody can
see. Each worker therefore watches its parent from a daemon thread and exits when the parent is
gone (its parent process id changes, or its parent's sentinel is ready); the lock's own copy is
dropped at fork time (:mod:`.lock`).

Ctrl-C in a terminal reaches every process of the run; the run stops its workers itself (the
pool shuts down), so a worker ignores it instead of printing a traceback
of its own beside the run's message. A worker is forked with Ctrl-C held (:func:`interrupts_held`)
until it has said so, or one pressed at that moment would interrupt it half made.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing.connection import wait
from multiprocessing.context import BaseContext

__all__ = ["interrupts_held", "pool_context", "start_worker"]
_HOLD = hasattr(signal, "pthread_sigmask")  # POSIX

POLL_SECONDS = 0.5


def pool_context() -> BaseContext:
    """How a run's worker processes are made: forked on Linux, the platform's default elsewhere.

    A forked worker starts at once with the run's modules and forms already loaded; a spawned
    one pays about 0.3 s for a new interpreter, its imports and the forms (measured in
    docs/performance.md, "Where the parse workers' CPU goes"). Python 3.14 makes forkserver
    Linux's default, so fork is asked for by name. Windows has only spawn, and macOS keeps
    spawn (fork is unsafe there with system frameworks); the workers are correct either way.
    """
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def start_worker() -> None:
    """Call first in a worker process (its initializer): ignore Ctrl-C, watch the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _HOLD:  # one pressed while this process was being made is dropped now, ignored
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parent = os.getppid()
    # A spawned worker also has its parent's sentinel (a pipe on POSIX, the parent's process
    # handle on Windows), which is ready once the parent is gone: on Windows the parent process
    # id never changes. A forked one's may be held open by its siblings, hence both.
    made_by = multiprocessing.parent_process()
    sentinel = made_by.sentinel if made_by is not None else None

    def gone() -> bool:
        if sentinel is None:
            time.sleep(POLL_SECONDS)
            return False
        return bool(wait([sentinel], timeout=POLL_SECONDS))

    def watch() -> None:
        while os.getppid() == parent and not gone():
            pass
        os._exit(0)  # the run is gone: nothing to finish, nobody to report to

    threading.Thread(target=watch, name="evalreport-parent-watch", daemon=True).start()


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Fork workers inside this block: they start with Ctrl-C held until :func:`start_worker`.
    This process gets a Ctrl-C pressed meanwhile when the block ends (it is held, not lost)."""
    if not _HOLD:
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
