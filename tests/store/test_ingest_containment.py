"""An inbox entry must never stop an ingest: a file that kills a parse worker becomes a finding
(and is never parsed again), a link is never followed, a file gone before it is read is reported."""

from __future__ import annotations

import faulthandler
import os
import shutil

from workspace_support import CELLS, fill_cells, make_workspace

import evalreport.read.workbook as reader
from evalreport.store import ingest as ingest_module
from evalreport.store.parse_worker import PARALLEL_MIN


def _inbox(ws) -> dict:
    files = fill_cells(ws)
    n = 0
    while len(files) + n < PARALLEL_MIN + 2:
        for unit, path in files.items():
            shutil.copy2(path, ws.inbox / f"copy{n}_{unit}.xlsx")
            n += 1
    return files


def test_a_file_that_kills_its_worker_is_a_finding_and_the_rest_is_ingested(tmp_path, monkeypatch):
    ws = make_workspace(tmp_path / "ws", workers=2)
    files = _inbox(ws)
    poison = ws.inbox / "poison.xlsx"
    shutil.copy2(next(iter(files.values())), poison)
    with open(poison, "ab") as fh:
        fh.write(b"\0")  # other content, so it is parsed
    real = reader.read_ingested

    def deadly(path, *a, **k):  # a parser aborting the process, as calamine does on a bomb
        if os.path.basename(str(path)) == "poison.xlsx":
            faulthandler.disable()  # no traceback dump on the test's output
            os.abort()
        return real(path, *a, **k)

    monkeypatch.setattr(reader, "read_ingested", deadly)  # the workers are forked: they inherit it
    report = ws.ingest()
    crashed = [f for f in report.files if f.path == "poison.xlsx"]
    assert [x.rule for x in crashed[0].findings] == ["READ_CRASHED"]
    assert "trình đọc bị dừng" in crashed[0].findings[0].message("vi")
    assert report.count("new") == len(CELLS)
    assert ws.result("2021").totals()["dv_tong_so"] == sum(range(20, 20 + len(CELLS)))
    again = ws.ingest()  # the rerun does not die on it again: recorded, not parsed
    assert not [f for f in again.files if f.path == "poison.xlsx"]
    ws.close()


def test_links_are_never_followed_and_a_loop_never_stops_the_scan(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=1)
    files = fill_cells(ws)
    secret = tmp_path / "secret.xlsx"
    secret.write_bytes(b"PK\x03\x04 outside the workspace")
    (ws.inbox / "linked.xlsx").symlink_to(secret)
    (ws.inbox / "loop.xlsx").symlink_to(ws.inbox / "loop.xlsx")
    (ws.inbox / "sub").mkdir()
    (ws.inbox / "sub" / "up").symlink_to(ws.inbox, target_is_directory=True)
    if hasattr(os, "mkfifo"):
        os.mkfifo(ws.inbox / "pipe.xlsx")
    report = ws.ingest()
    refused = {f.path: [x.rule for x in f.findings] for f in report.files if f.outcome == "unreadable"}
    assert refused["linked.xlsx"] == refused["loop.xlsx"] == refused["sub/up"] == ["FILE_LINK"]
    assert report.count("new") == len(files)
    archived = b"".join(p.read_bytes() for p in (ws.folder / "archive").rglob("*") if p.is_file())
    assert b"outside the workspace" not in archived
    ws.close()


def test_a_file_gone_before_it_is_read_gets_a_finding(tmp_path, monkeypatch):
    ws = make_workspace(tmp_path / "ws", workers=1)
    files = fill_cells(ws)
    gone = next(iter(files.values()))
    real = ingest_module.scan_inbox

    def scan_then_delete(*a, **k):
        scan = real(*a, **k)
        gone.unlink()
        return scan

    monkeypatch.setattr(ingest_module, "scan_inbox", scan_then_delete)
    report = ws.ingest()
    lost = [f for f in report.files if f.path == gone.name]
    assert [x.rule for x in lost[0].findings] == ["FILE_VANISHED"]
    assert report.count("new") == len(files) - 1
    ws.close()
