"""Runs killed with SIGKILL mid-ingest and mid-render (in a subprocess, at a named crash point)
leave the ledger consistent and earlier outputs untouched, and the next run completes; two
runs started together do not interleave."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest
from workspace_support import (
    CELLS,
    RUN,
    cell_values,
    drop,
    fill_cells,
    ledger_integrity,
    make_workspace,
    output_snapshot,
    spawn_run,
)

from evalreport.store import Workspace, WorkspaceLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
TOTAL = sum(range(20, 30))


def _killed(proc: subprocess.Popen) -> None:
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err


@pytest.fixture
def ws(ws):
    """conftest's workspace with one valid file per cell in its inbox."""
    fill_cells(ws)
    return ws


@pytest.mark.parametrize("point", ["ingest.archived", "ingest.recorded:4"])
def test_kill_mid_ingest_keeps_the_ledger_consistent(ws, point):
    _killed(spawn_run(ws.folder, "ws.ingest()", point))
    assert ledger_integrity(ws.folder) == "ok"
    assert ws.ledger.counts()["files"] == 0  # the batch's transaction never committed
    report = ws.ingest()
    assert report.count("new") == 10
    assert ws.result("2021").totals()["dv_tong_so"] == TOTAL


def _leftover_processes(marker: str, bound: float = 20.0) -> list:
    """Live processes whose command line names ``marker``, once the ones already told to stop
    have left: a stopped worker may still be exiting (or be a zombie awaiting its reaper) for a
    moment after the run returned, longer on a loaded machine. ``bound`` only limits the wait."""
    deadline = time.monotonic() + bound
    while True:
        alive = [p for p in psutil.process_iter(["cmdline", "status"])
                 if marker in " ".join(p.info["cmdline"] or []) and p.info["status"] != psutil.STATUS_ZOMBIE]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def test_a_killed_parallel_ingest_leaves_no_worker_and_no_lock_behind(tmp_path):
    """A run killed while its parse pool is alive: the workers leave with it and the next run can
    lock the workspace (a forked worker shares the lock file, which used to keep it locked)."""
    ws = make_workspace(tmp_path / "ws", workers=2)
    fill_cells(ws)
    for c in CELLS:  # 20 new files: parsed by the pool (PARALLEL_MIN)
        drop(ws, c, cell_values(40), name=f"ban_sao_{c}.xlsx")
    assert ws.config.workers == 2
    _killed(spawn_run(ws.folder, "ws.ingest()", "ingest.archived"))
    assert _leftover_processes(str(ws.folder)) == []
    with WorkspaceLock(ws.folder, "test", timeout=1):
        pass
    report = ws.ingest()
    assert (report.count("new"), report.count("version")) == (10, 10)


def test_kill_mid_render_leaves_previous_outputs_and_next_run_completes(ws):
    first = ws.run("2021")
    out = ws.outputs_dir("2021")
    before = output_snapshot(out)
    assert "manifest.json" in before and "DG-NAM_2021_T01.xlsx" in before and "DG-NAM_2021_T01_bao_cao.docx" in before
    assert first.manifest["inputs"]["DG-NAM"][0]["sha256"]

    drop(ws, "C01", cell_values(50), name="C01_sua.xlsx")  # C01 had 20 members
    _killed(spawn_run(ws.folder, "ws.run('2021')", "render.staged"))
    assert ledger_integrity(ws.folder) == "ok"
    assert output_snapshot(out) == before
    assert [r["status"] for r in ws.ledger.runs("2021")] == ["done", "running"]

    again = ws.run("2021")
    assert again.result.totals()["dv_tong_so"] == TOTAL - 20 + 50
    assert [r["status"] for r in ws.ledger.runs("2021")] == ["done", "failed", "done"]
    assert not [p for p in out.iterdir() if p.name.startswith(".staging")]
    after = output_snapshot(out)
    assert set(after) == set(before) and after["manifest.json"] != before["manifest.json"]
    manifest = again.manifest
    assert {o["path"].rsplit("/", 1)[-1] for o in manifest["outputs"]} == set(after) - {"manifest.json"}
    c01 = next(i for i in manifest["inputs"]["DG-NAM"] if i["unit"] == "C01")
    assert c01["version"] == 2 and c01["file"] == "C01_sua.xlsx"


def test_rerun_with_unchanged_inputs_parses_nothing_and_gives_identical_totals(ws):
    first = ws.run("2021")
    second = ws.run("2021")
    assert second.ingest.parsed == 0 and second.ingest.skipped == 10
    assert second.result.totals() == first.result.totals()
    assert second.manifest["inputs"] == first.manifest["inputs"]


def test_two_runs_started_together_do_not_interleave(ws):
    procs = [spawn_run(ws.folder, "ws.run('2021')") for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    runs = ws.ledger.runs("2021")
    assert [r["status"] for r in runs] == ["done", "done"]
    assert runs[0]["finished_at"] <= runs[1]["started_at"]
    manifests = [__import__("json").loads(r["manifest_json"]) for r in runs]
    assert [m["ingest"]["new"] for m in manifests] == [10, 0]
    assert ledger_integrity(ws.folder) == "ok"
    ws.close()
    assert Workspace.open(ws.folder).result("2021").totals()["dv_tong_so"] == TOTAL


def test_ctrl_c_during_a_parallel_ingest_stops_the_run_and_only_the_run_reports_it(tmp_path):
    """Ctrl-C reaches every process of the terminal's group: the workers leave it to the run,
    which stops them, instead of each printing a traceback of its own."""
    ws = make_workspace(tmp_path / "ws", workers=2)
    fill_cells(ws)
    for c in CELLS:  # 20 new files: parsed by the pool
        drop(ws, c, cell_values(40), name=f"ban_sao_{c}.xlsx")
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "EVALREPORT_CRASH_AT": "ingest.archived",
           "EVALREPORT_CRASH_SIGNAL": "INT"}  # Ctrl-C while the parse pool is alive
    proc = subprocess.Popen([sys.executable, "-c", RUN.format(call="ws.run('2021')"), str(ws.folder)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and err.count("KeyboardInterrupt") == 1, err
    assert _leftover_processes(str(ws.folder)) == []

