"""The workspace lock: one writer at a time, and a clear answer to "who is running?".

Two officers (or an officer and the Excel panel) starting a run on the same workspace would
interleave ingests and overwrite each other's outputs. The lock is an OS file lock
(``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows), so it disappears with its process:
a killed run never leaves a stale lock behind. The holder writes who it is (pid, host, command,
start time) into a side file that a waiting process reads to explain why it gives up.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from evalreport.model.worded_error import WordedError

__all__ = ["WorkspaceLock", "WorkspaceLocked"]

LOCK_NAME = ".evalreport.lock"
_HELD: set[int] = set()  # descriptors of the lock files this process holds locked


def _drop_inherited_locks() -> None:
    """In a forked child (a run's worker process): let go of the parent's lock file.

    ``flock`` belongs to the open file, which a forked child shares; a worker orphaned by a
    killed run would otherwise keep the workspace locked. Pointing the child's descriptor at
    /dev/null drops its share without unlocking the parent, and keeps the number valid for the
    file object that still owns it."""
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    try:
        for fd in _HELD:
            os.dup2(null, fd)
    finally:
        os.close(null)
    _HELD.clear()


if hasattr(os, "register_at_fork"):  # POSIX; Windows has no fork (and msvcrt locks are per process)
    os.register_at_fork(after_in_child=_drop_inherited_locks)


class WorkspaceLocked(WordedError, RuntimeError):
    """Another process holds the workspace lock; ``holder`` says who (may be empty). Worded by the
    catalog (``EXIT_LOCKED``) where it is shown; ``str()`` adds the folder and the wait for logs."""

    def __init__(self, folder: Path, holder: dict[str, Any], waited: float):
        who = ({"$key": "EXIT_LOCK_HOLDER", "pid": holder.get("pid"), "host": holder.get("host"),
                "command": holder.get("command"), "started": holder.get("started")}
               if holder else {"$key": "EXIT_LOCK_SOMEONE"})
        super().__init__("EXIT_LOCKED", holder=who)
        self.folder, self.holder, self.waited = folder, holder, waited

    def __str__(self) -> str:
        return f"workspace {self.folder} is busy ({self.message('en')}); waited {self.waited:.0f} s"


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _unlock(fh: IO[bytes]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


class WorkspaceLock:
    """``with WorkspaceLock(folder, "run 2024", timeout=30): ...``; raises :class:`WorkspaceLocked`."""

    def __init__(self, folder: str | Path, command: str, timeout: float = 30.0, poll: float = 0.1):
        self.folder = Path(folder)
        self.command = command
        self.timeout = timeout
        self.poll = poll
        self._fh: IO[bytes] | None = None
        self._depth = 0

    @property
    def info_path(self) -> Path:
        return self.folder / (LOCK_NAME + ".json")

    def holder(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.info_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def acquire(self) -> None:
        if self._depth:  # re-entrant within one Workspace (run calls ingest)
            self._depth += 1
            return
        fh = open(self.folder / LOCK_NAME, "a+b")  # noqa: SIM115 - kept open while held
        start = time.monotonic()
        while not _try_lock(fh):
            waited = time.monotonic() - start
            if waited >= self.timeout:
                fh.close()
                raise WorkspaceLocked(self.folder, self.holder(), waited)
            time.sleep(self.poll)
        self._fh = fh
        _HELD.add(fh.fileno())
        self._depth = 1
        info = {"pid": os.getpid(), "host": socket.gethostname(), "command": self.command,
                "started": datetime.now().astimezone().replace(microsecond=0).isoformat()}
        self.info_path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth:
            return
        assert self._fh is not None
        try:
            self.info_path.unlink(missing_ok=True)
        finally:
            _HELD.discard(self._fh.fileno())
            _unlock(self._fh)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> WorkspaceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
