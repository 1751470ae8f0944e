"""The parallel ingest path (worker processes): the same ledger as one process would write, the
archive holding exactly the bytes hashed, and duplicates of known content not parsed."""

from __future__ import annotations

import hashlib
import shutil

from workspace_support import CELLS, fill_cells, make_workspace

from evalreport.store.parse_worker import PARALLEL_MIN

TOTAL = sum(range(20, 20 + len(CELLS)))


def _inbox_with_copies(ws) -> int:
    """Every cell's file plus renamed copies, enough files for the worker pool."""
    files = fill_cells(ws)
    copies = 0
    while len(files) + copies < PARALLEL_MIN + 2:
        for unit, path in files.items():
            shutil.copy2(path, ws.inbox / f"copy{copies}_{unit}.xlsx")
            copies += 1
    return copies


def test_parallel_ingest_records_each_content_once(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=2)
    copies = _inbox_with_copies(ws)
    report = ws.ingest()
    assert report.count("new") == len(CELLS) and report.count("duplicate") == copies
    assert ws.ledger.counts()["files"] == len(CELLS)
    assert ws.result("2021").totals()["dv_tong_so"] == TOTAL
    for row in ws.ledger.current("DG-NAM", "2021"):
        stored = ws.ledger.path.parent / row["archive_path"]
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == row["sha256"]
    ws.close()


def test_parallel_and_single_process_ledgers_agree(tmp_path):
    rows = {}
    for workers in (1, 2):
        ws = make_workspace(tmp_path / f"w{workers}", workers=workers)
        _inbox_with_copies(ws)
        ws.ingest()
        # (not the hash: each workspace's files are written anew, with their own timestamps)
        rows[workers] = [(r["unit"], r["status"], r["values_json"], r["cells_json"], r["check_json"])
                         for r in ws.ledger.current("DG-NAM", "2021")]
        ws.close()
    assert rows[1] == rows[2] and len(rows[1]) == len(CELLS)


def test_spawned_workers_record_what_forked_ones_do(tmp_path, monkeypatch):
    """Windows has no fork: its workers are spawned and get the run's state only through their
    initializer, pickled. A spawning pool must write the ledger a forking one writes, also after
    this process has already consolidated (evaluated the forms' expressions) once."""
    import multiprocessing

    rows, totals = {}, {}
    for method in ("fork", "spawn"):
        monkeypatch.setattr("evalreport.store.parse_worker.pool_context",
                            lambda m=method: multiprocessing.get_context(m))
        ws = make_workspace(tmp_path / method, workers=2)
        _inbox_with_copies(ws)
        report = ws.ingest()
        rows[method] = [(r["unit"], r["status"], r["values_json"], r["cells_json"], r["check_json"])
                        for r in ws.ledger.current("DG-NAM", "2021")]
        assert report.count("new") == len(CELLS)
        totals[method] = ws.result("2021").totals()
        ws.close()
    assert rows["fork"] == rows["spawn"] and len(rows["spawn"]) == len(CELLS)
    assert totals["fork"] == totals["spawn"] and totals["spawn"]["dv_tong_so"] == TOTAL


def test_known_content_under_a_new_name_is_not_parsed(tmp_path, monkeypatch):
    ws = make_workspace(tmp_path / "ws", workers=1)
    files = fill_cells(ws)
    ws.ingest()
    calls = []
    monkeypatch.setattr("evalreport.read.workbook.read_submission", lambda p, *a, **k: calls.append(p))
    for unit, path in files.items():
        shutil.copy2(path, ws.inbox / f"again_{unit}.xlsx")
    report = ws.ingest()
    assert calls == [] and report.count("duplicate") == len(CELLS)
    ws.close()
