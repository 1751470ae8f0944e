"""Crashes and concurrency beyond tests/test_workspace_crash.py (which kills at named points and
starts two runs together): here runs are killed with SIGKILL at random, seeded moments, five times
in a row, each followed by the checks an officer relies on; the disk fills up while outputs are
written; and an ingest races a run."""

from __future__ import annotations

import errno
import gc
import io
import json
import os
import random
import signal
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from workspace_support import (
    CELLS,
    cell_values,
    drop,
    fill_cells,
    ledger_integrity,
    output_snapshot,
    spawn_run,
)

from evalreport.cli import app

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _consistent(out: Path) -> bool:
    """Every output named by manifest.json is there with the hash the manifest records."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = output_snapshot(out)
    return all(files.get(o["path"].rsplit("/", 1)[-1]) == o["sha256"] for o in manifest["outputs"])


@pytest.fixture
def ws(ws):
    """conftest's workspace with one valid file per cell in its inbox."""
    fill_cells(ws)
    return ws


# Where a run can be killed: every named crash point of the ingest and the publishing of outputs.
CRASH_POINTS = ("ingest.archived", "ingest.recorded", "render.staged", "render.before_publish",
                "publish.before_swap", "publish.old_moved", "publish.new_in_place")


def test_sigkill_at_random_crash_points_five_times(ws):
    """Five runs, each killed (SIGKILL, through the crash points: no timing involved) at a point
    and a hit count drawn from a seeded generator; after each, the ledger is sound, the outputs
    are the old set or a consistent new one, and the next run counts every current file once."""
    rng = random.Random(20211215)
    first = ws.run("2021")
    out = ws.outputs_dir("2021")
    sizes = {c: 20 + i for i, c in enumerate(CELLS)}
    assert first.result.totals()["dv_tong_so"] == sum(sizes.values())
    for attempt in range(5):
        before = output_snapshot(out)
        unit = rng.choice(CELLS)
        sizes[unit] = rng.randint(30, 90)
        drop(ws, unit, cell_values(sizes[unit]), name=f"{unit}_lan_{attempt}.xlsx", mtime=1_800_000_000 + attempt)
        point = rng.choice(CRASH_POINTS)
        proc = spawn_run(ws.folder, "ws.run('2021')", crash_at=point)
        proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, f"attempt {attempt}: the run was not killed at {point}"
        assert ledger_integrity(ws.folder) == "ok"
        after = output_snapshot(out)
        aside = point == "publish.old_moved" and not out.exists()  # the next run's start puts it back
        assert after == before or _consistent(out) or aside, f"attempt {attempt}: outputs are a mix of two runs"
        report = ws.run("2021")  # the next run completes and counts every current file once
        assert report.result.totals()["dv_tong_so"] == sum(sizes.values())
        assert _consistent(out) and not [p for p in out.iterdir() if p.name.startswith(".staging")]
    statuses = [r["status"] for r in ws.ledger.runs("2021")]
    assert statuses.count("done") == 6 and "running" not in statuses


class _FullDisk:
    """A file on a disk that is full while ``full[0]`` is true: writes fail with ENOSPC."""

    def __init__(self, fh, full: list[bool]):
        self._fh, self._full = fh, full

    def write(self, b):
        if self._full[0]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._fh.write(b)

    def __getattr__(self, name):
        return getattr(self._fh, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._fh.close()


def test_full_disk_while_writing_outputs(ws, monkeypatch):
    ws.run("2021")
    out = ws.outputs_dir("2021")
    before = output_snapshot(out)
    runs_before = len(ws.ledger.runs("2021"))
    drop(ws, "C01", cell_values(77), name="C01_moi.xlsx", mtime=1_900_000_000)
    real_open = io.open
    full = [True]

    def open_on_full_disk(file, mode="r", *args, **kwargs):
        fh = real_open(file, mode, *args, **kwargs)
        if any(m in mode for m in "wax") and f"{os.sep}outputs{os.sep}" in os.fspath(file):
            return _FullDisk(fh, full)
        return fh

    monkeypatch.setattr(io, "open", open_on_full_disk)
    monkeypatch.setattr("builtins.open", open_on_full_disk)
    result = CliRunner().invoke(app, ["run", "--period", "2021", "--workspace", str(ws.folder), "--quiet"])
    monkeypatch.undo()
    full[0] = False  # space again, so that writers abandoned mid-file can be collected quietly
    gc.collect()
    assert result.exit_code == 3 and isinstance(result.exception, SystemExit), result.exception  # no traceback
    assert "Đĩa đầy" in result.output and "Traceback" not in result.output
    logs = list((ws.folder / "logs").glob("evalreport-*.log"))
    assert len(logs) == 1 and "No space left on device" in logs[0].read_text(encoding="utf-8")
    assert ledger_integrity(ws.folder) == "ok"
    assert output_snapshot(out) == before  # the previous outputs are untouched
    runs = ws.ledger.runs("2021")
    assert len(runs) == runs_before + 1 and runs[-1]["status"] == "failed"
    assert ws.ledger.counts()["files"] == 11  # the new file was recorded before the disk filled
    again = ws.run("2021")
    assert again.result.totals()["dv_tong_so"] == sum(range(20, 30)) - 20 + 77


def test_a_run_and_an_ingest_at_the_same_time(ws):
    drop(ws, "C02", cell_values(66), name="C02_moi.xlsx", mtime=1_900_000_000)
    procs = [spawn_run(ws.folder, "ws.run('2021')"), spawn_run(ws.folder, "r = ws.ingest(); print(r.count('new') + r.count('version'))")]
    outs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    assert ledger_integrity(ws.folder) == "ok"
    assert ws.ledger.counts()["files"] == 11  # every file recorded exactly once, whoever got there first
    runs = ws.ledger.runs("2021")
    assert [r["status"] for r in runs] == ["done"]
    total = sum(range(20, 30)) - 21 + 66
    assert ws.result("2021").totals()["dv_tong_so"] == total
    manifest = json.loads(runs[0]["manifest_json"])
    assert manifest["ingest"]["new"] + manifest["ingest"]["versions"] + int(outs[1][0].strip()) == 11
