"""A second process that works for a run while the run works: the machines officers use have
two cores, and a run is mostly one long chain of steps on one of them.

The helper is forked when the run starts, before anything big is loaded, so it costs a few
milliseconds and little memory (its pages are shared with the run's until either writes them;
the run freezes its objects for the collector first, see ``Workspace.run``). It cannot see what
the run computes later, so a job carries what it needs. A run gives it:

* the inbox scan (which files are new since the last ingest), while the run reads its cache;
* the narrative reports' documents (the run sends the built context, a few kilobytes of plain
  values), while the run writes the summary workbooks.

Jobs are functions of picklable arguments. At most :data:`WINDOW` are in flight, so neither
side can fill the pipe the other is blocked on. A job's exception is raised in the run when it
asks for the job's result (or waits for all). If the helper dies (the OOM killer), the jobs it
had not finished are run here: a run never loses work to the helper.

Where processes cannot be forked (Windows; macOS, where fork is unsafe) or the workspace asks
for one process (``workers: 1``), there is no helper and the run does everything itself.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from evalreport.store.worker_process import interrupts_held, start_worker

__all__ = ["Job", "RunHelper", "WINDOW"]

WINDOW = 4  # jobs sent and not yet answered


class Job:
    """One job: ``helper.result(job)`` waits for its value."""

    __slots__ = ("fn", "args", "done", "value", "error")

    def __init__(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self.fn, self.args = fn, args
        self.done = False
        self.value: Any = None
        self.error: BaseException | None = None

    def run_here(self) -> None:
        self.value, self.done = self.fn(*self.args), True


class RunHelper:
    """``job = helper.submit(fn, *args)`` ... ``helper.result(job)`` or ``helper.wait()``;
    ``close()`` when the run ends."""

    def __init__(self, conn: Connection, process: multiprocessing.process.BaseProcess) -> None:
        self._conn: Connection | None = conn
        self._process = process
        self._pending: deque[Job] = deque()  # sent, answer not yet read (oldest first)

    @classmethod
    def start(cls) -> RunHelper | None:
        """Fork the helper, or None where a fork is not available, not safe or fails. Call it
        after ``gc.freeze()``: pages the collector would write to are then not copied."""
        if sys.platform in ("win32", "darwin") or "fork" not in multiprocessing.get_all_start_methods():
            return None
        ctx = multiprocessing.get_context("fork")
        ours, theirs = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(theirs, ours), name="evalreport-helper", daemon=True)
        try:
            with interrupts_held():
                process.start()
        except OSError:  # no process to spare (EAGAIN, ENOMEM): the run works alone
            ours.close()
            return None
        finally:
            theirs.close()
        return cls(ours, process)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Job:
        """Run ``fn(*args)`` in the helper (here, if the helper is gone)."""
        job = Job(fn, args)
        while self._conn is not None and len(self._pending) >= WINDOW:
            self._answer()
        if self._conn is None:
            job.run_here()
            return job
        self._pending.append(job)
        try:
            self._conn.send((fn, args))
        except (OSError, ValueError):  # the helper died: what it had, this process does
            self._lost()
        return job

    def result(self, job: Job) -> Any:
        """The job's value, once it is done; raises the exception it raised."""
        while not job.done and job.error is None:
            self._answer()
        if job.error is not None:
            raise job.error
        return job.value

    def wait(self) -> None:
        """Wait for every job; raises the first failed job's exception."""
        while self._pending:
            job = self._pending[0]
            self.result(job)

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
        """Read the oldest job's answer (or, if the helper is gone, do what it had here)."""
        if self._conn is None:
            self._lost()
            return
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError):
            self._lost()
            return
        job = self._pending.popleft()
        if ok:
            job.value, job.done = value, True
        else:
            job.error = value

    def _lost(self) -> None:
        """The helper is gone: run its unfinished jobs here, in order."""
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
        jobs, self._pending = list(self._pending), deque()
        for job in jobs:
            job.run_here()


def _serve(conn: Connection, parents_end: Connection) -> None:
    """The helper's loop: run each job, answer (True, value) or (False, the exception raised)."""
    parents_end.close()
    start_worker()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        fn, args = job
        try:
            answer: tuple[bool, Any] = (True, fn(*args))
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the run, which raises it
            answer = (False, _portable(exc))
        conn.send(answer)


def _portable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling, else a RuntimeError with its text (never a silent loss)."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any pickling problem
        return RuntimeError(f"{type(exc).__name__}: {exc}")
