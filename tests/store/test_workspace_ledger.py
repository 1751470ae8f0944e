"""Ingest into the ledger: new, duplicate and corrected files, replacement in the totals,
incremental reruns, the archive, and rebuilding from the ledger alone."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from workspace_support import CELLS, cell_values, drop, fill_cells

from evalreport import load_form
from evalreport.read.workbook import read_submission
from evalreport.store import Workspace
from evalreport.store.ledger import MIGRATIONS, Ledger

TOTAL = sum(range(20, 30))  # cells have 20..29 members



def test_init_creates_the_layout(ws):
    for name in ("evalreport.yaml", "don_vi.xlsx", "inbox", "outputs", "archive", "ledger.sqlite"):
        assert (ws.folder / name).exists(), name
    assert ws.ledger.schema_version == len(MIGRATIONS)
    assert ws.root == "T01"


def test_new_files_are_recorded_archived_and_counted_once(ws):
    paths = fill_cells(ws)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in paths.values()}
    report = ws.ingest()
    assert report.count("new") == 10 and report.parsed == 10
    res = ws.result("2021")
    assert res.totals()["dv_tong_so"] == TOTAL
    for p, (data, mtime) in before.items():  # the inbox is only read
        assert p.read_bytes() == data and p.stat().st_mtime_ns == mtime
    row = ws.ledger.file_by_sha(read_submission(paths["C01"], load_form("DG-NAM")).provenance.sha256)
    archived = ws.folder / row["archive_path"]
    assert archived.parent.parent.name == "archive" and archived.read_bytes() == paths["C01"].read_bytes()
    assert archived.name == f"{row['sha256']}.xlsx" and archived.parent.name == row["sha256"][:2]


def test_same_bytes_under_another_name_is_a_duplicate(ws):
    paths = fill_cells(ws)
    ws.ingest()
    shutil.copyfile(paths["C03"], ws.inbox / "C03 gửi lại (1).xlsx")
    report = ws.ingest()
    assert report.parsed == 0 and report.count("duplicate") == 1 and report.skipped == 10
    (dup,) = report.findings
    assert dup.rule == "WS_DUPLICATE_FILE" and dup.unit == "C03" and dup.file == "C03 gửi lại (1).xlsx"
    assert "DG-NAM_2021_C03.xlsx" in dup.message("vi")
    assert ws.result("2021").totals()["dv_tong_so"] == TOTAL
    assert ws.ledger.counts()["files"] == 10 and ws.ledger.counts()["receipts"] == 11


def test_a_corrected_file_replaces_the_old_one_in_totals_and_the_old_stays(ws):
    fill_cells(ws)
    ws.ingest()
    drop(ws, "C05", cell_values(60), name="C05_da_sua.xlsx")  # C05 had 24 members
    report = ws.ingest()
    (item,) = report.files
    assert item.outcome == "version" and item.version == 2
    assert [f.rule for f in item.findings] == ["WS_REPLACED"]
    assert ws.result("2021").totals()["dv_tong_so"] == TOTAL - 24 + 60
    hist = ws.history("C05")
    assert [(h.version, h.current, h.replaced_by_version) for h in hist] == [(1, False, 2), (2, True, None)]
    assert hist[0].file == "DG-NAM_2021_C05.xlsx"


def test_a_file_with_errors_is_recorded_and_kept_out_of_totals(ws):
    fill_cells(ws)
    bad = cell_values(40)
    bad["dv_tong_so"] = 41
    drop(ws, "C02", bad, name="C02_v2.xlsx")
    ws.ingest()
    status = {r.unit: r for r in ws.status("2021")}
    assert status["C02"].state == "rejected" and status["C02"].errors == 1 and status["C02"].version == 2
    res = ws.result("2021")
    assert "C02" in res.blocked and res.totals()["dv_tong_so"] == TOTAL - 21


def test_rerun_parses_nothing_and_gives_identical_totals(ws, monkeypatch):
    fill_cells(ws)
    ws.ingest()
    first = ws.result("2021").totals()
    calls = []
    monkeypatch.setattr("evalreport.read.workbook.read_submission", lambda p, *a, **k: calls.append(p))
    report = ws.ingest()
    assert calls == [] and report.skipped == 10 and report.files == []
    for p in ws.inbox.iterdir():  # touched but unchanged: hashed, recognised, not parsed
        os.utime(p)
    report = ws.ingest()
    assert calls == [] and report.count("unchanged") == 10 and report.findings == []
    assert ws.result("2021").totals() == first


def test_reports_rebuild_from_the_ledger_after_the_inbox_is_cleaned(ws):
    paths = fill_cells(ws)
    ws.ingest()
    original = {c: read_submission(p, load_form("DG-NAM")) for c, p in paths.items()}
    for p in paths.values():
        p.unlink()
    subs = {s.unit_code: s for s in ws.ledger.submissions("DG-NAM", "2021")}
    assert set(subs) == set(CELLS)
    for code, sub in subs.items():
        assert sub.values == original[code].values
        assert sub.cells == original[code].cells
        assert sub.provenance.sha256 == original[code].provenance.sha256
        assert (ws.folder / sub.provenance.path).read_bytes()[:2] == b"PK"  # the archived copy
    assert ws.result("2021").totals()["dv_tong_so"] == TOTAL


def test_unreadable_file_is_recorded_with_a_finding(ws):
    (ws.inbox / "thu_moi.xlsx").write_bytes(b"not a workbook at all")
    (ws.inbox / "ghi_chu.txt").write_text("ignored")
    report = ws.ingest()
    (item,) = report.files
    assert item.outcome == "unreadable" and any(f.is_error for f in item.findings)
    assert report.ignored == ["ghi_chu.txt"]
    assert [r["original_name"] for r in ws.ledger.unreadable()] == ["thu_moi.xlsx"]


def test_schema_is_versioned_and_migrations_run_once(tmp_path):
    path = tmp_path / "l.sqlite"
    Ledger(path).close()
    with sqlite3.connect(path) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        c.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="newer than this evalreport"):
        Ledger(path)


def test_workspace_reopens_with_its_ledger(ws):
    fill_cells(ws)
    ws.ingest()
    ws.close()
    again = Workspace.open(ws.folder)
    assert again.result("2021").totals()["dv_tong_so"] == TOTAL
    again.close()


def test_make_templates_for_every_expected_unit(ws):
    paths = ws.make_templates("2021")
    assert len(paths) == 16  # DG-NAM: every unit below the root (parents rate their children)
    assert paths[0] == ws.outputs_dir("2021") / "bieu_mau" / "DG-NAM_2021_H01.xlsx"
    sub = read_submission(paths[-1], load_form("DG-NAM"))
    assert (sub.unit_code, str(sub.period)) == ("C10", "2021")
