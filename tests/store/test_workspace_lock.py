"""The workspace lock: a second writer waits a bounded time, then says who holds the lock; a
killed holder never leaves a stale lock."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from evalreport.store import WorkspaceLock, WorkspaceLocked

HOLD = textwrap.dedent("""
    import sys, time
    from evalreport.store import WorkspaceLock
    with WorkspaceLock(sys.argv[1], "run 2021 --all-levels"):
        print("held", flush=True)
        time.sleep(60)
""")


@pytest.fixture
def holder(tmp_path):
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def test_second_writer_waits_then_names_the_holder(tmp_path, holder):
    start = time.monotonic()
    with pytest.raises(WorkspaceLocked) as err:
        WorkspaceLock(tmp_path, "ingest", timeout=0.6).acquire()
    waited = time.monotonic() - start
    assert 0.6 <= waited < 5
    msg = str(err.value)
    assert f"process {holder.pid}" in msg and "'run 2021 --all-levels'" in msg and "since 20" in msg
    assert err.value.holder["pid"] == holder.pid


def test_a_killed_holder_leaves_no_stale_lock(tmp_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with WorkspaceLock(tmp_path, "run", timeout=2) as lock:
        assert lock.holder()["pid"] == os.getpid()
    assert lock.holder() == {}


def test_lock_is_reentrant_within_one_process(tmp_path):
    lock = WorkspaceLock(tmp_path, "run", timeout=0)
    with lock, lock:
        assert lock.holder()["command"] == "run"
    with WorkspaceLock(tmp_path, "again", timeout=0):
        pass


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX")
def test_a_forked_worker_does_not_keep_the_workspace_locked(tmp_path):
    """A run's worker processes are forked while it holds the lock; when the run dies without
    unlocking (killed), a worker still alive must not keep the workspace locked."""
    lock = WorkspaceLock(tmp_path, "run 2021")
    lock.acquire()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: waits, holding whatever it inherited
        os.read(r, 1)
        os._exit(0)
    try:
        lock._fh.close()  # the run goes away without unlocking, as a killed process does
        with WorkspaceLock(tmp_path, "run 2021", timeout=0.5):
            pass
    finally:
        os.write(w, b"x")
        os.waitpid(pid, 0)
