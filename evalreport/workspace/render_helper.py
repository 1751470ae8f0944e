"""A second process that writes the run's Word reports while this one writes its workbooks.

A run renders, for each unit it reports on, a summary workbook and a narrative report; the two
do not depend on each other, and on the 2-core machines officers use one core sits idle while
the other works through both. The helper is forked when the run starts, before anything big is
loaded, so it costs a few milliseconds and little memory (its pages are shared with the run's
until either writes them). It cannot see the consolidation result the run makes later, so a
job carries what it needs: for a narrative, the built context (a few kilobytes of plain values),
and the helper does the expensive part, the docx.

Jobs are functions of picklable arguments that write a file and return nothing. At most
:data:`WINDOW` are in flight, so neither side can fill the pipe the other is blocked on. A job's
exception is raised in the run when it waits. If the helper dies (the OOM killer), the jobs it
had not finished are run here: a run never loses an output to the helper.

Where processes cannot be forked (Windows; macOS, where fork is unsafe) or the workspace asks
for one process (``workers: 1``), there is no helper and the run renders everything itself.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from .worker_process import exit_with_parent

__all__ = ["RenderHelper", "WINDOW"]

WINDOW = 4  # jobs sent and not yet answered
Job = tuple[Callable[..., Any], tuple[Any, ...]]


class RenderHelper:
    """``helper.submit(fn, *args)`` ... ``helper.wait()``; ``close()`` when the run ends."""

    def __init__(self, conn: Connection, process: multiprocessing.process.BaseProcess) -> None:
        self._conn: Connection | None = conn
        self._process = process
        self._pending: deque[Job] = deque()  # sent, answer not yet read (oldest first)

    @classmethod
    def start(cls) -> RenderHelper | None:
        """Fork the helper, or None where a fork is not available, not safe or fails. Call it
        after ``gc.freeze()``: pages the collector would write to are then not copied."""
        if sys.platform in ("win32", "darwin") or "fork" not in multiprocessing.get_all_start_methods():
            return None
        ctx = multiprocessing.get_context("fork")
        ours, theirs = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(theirs, ours), name="evalreport-render", daemon=True)
        try:
            process.start()
        except OSError:  # no process to spare (EAGAIN, ENOMEM): the run renders alone
            ours.close()
            return None
        finally:
            theirs.close()
        return cls(ours, process)

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` in the helper (here, if the helper is gone)."""
        while self._conn is not None and len(self._pending) >= WINDOW:
            self._answer()
        if self._conn is None:
            fn(*args)
            return
        self._pending.append((fn, args))
        try:
            self._conn.send((fn, args))
        except (OSError, ValueError):  # the helper died: what it had, this process does
            self._lost()

    def wait(self) -> None:
        """Wait for every job; raises the first job's exception."""
        while self._pending and self._conn is not None:
            self._answer()

    def close(self) -> None:
        """End the helper (jobs not waited for are dropped); safe to call twice."""
        conn, self._conn = self._conn, None
        self._pending.clear()
        if conn is not None:
            try:
                conn.send(None)
            except (OSError, ValueError):
                pass
            conn.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()

    def _answer(self) -> None:
        assert self._conn is not None
        try:
            error = self._conn.recv()
        except (EOFError, OSError):
            self._lost()
            return
        self._pending.popleft()
        if error is not None:
            raise error

    def _lost(self) -> None:
        """The helper is gone: run its unfinished jobs here, in order."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        jobs, self._pending = list(self._pending), deque()
        for fn, args in jobs:
            fn(*args)


def _serve(conn: Connection, parents_end: Connection) -> None:
    """The helper's loop: run each job, answer None or the exception it raised."""
    parents_end.close()
    exit_with_parent()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        fn, args = job
        try:
            fn(*args)
            answer: BaseException | None = None
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the run, which raises it
            answer = _portable(exc)
        conn.send(answer)


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a RuntimeError with its text (never a silent loss)."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any pickling problem
        return RuntimeError(f"{type(exc).__name__}: {exc}")
