"""The ingest's own paths: the inbox scan (what it selects and in which order), a file too large to
read (hashed and archived as a stream, never held), the results sent back from the workers, and
the ledger rows an ingest writes (one clock reading and one receipts statement per batch)."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil

import pytest
from workspace_support import CELLS, fill_cells, make_workspace

from evalreport.read import workbook as reader_module
from evalreport.store import Workspace
from evalreport.store.archive import Archive
from evalreport.store.ingest import scan_inbox
from evalreport.store.ledger import Ledger
from evalreport.store.parse_worker import _Context, _parse, parse_files


def test_scan_selects_and_orders_as_a_recursive_glob_did(tmp_path):
    inbox = tmp_path / "inbox"
    for rel in ("b.xlsx", "a-c.xlsx", "a/b.xlsx", "a/z.txt", "a-c/n.csv", "X.XLSM", ".hidden.xlsx", "~$lock.xlsx",
                ".git/in_hidden_folder.xlsx", "note.txt", "deep/er/f.ods"):
        path = inbox / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    (inbox / "folder.xlsx").mkdir()  # a folder named like a workbook is not a file
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked.xlsx").write_bytes(b"x")
    (inbox / "link").symlink_to(outside, target_is_directory=True)  # not followed
    (inbox / "file_link.xlsx").symlink_to(outside / "linked.xlsx")  # a linked file is never read: a finding
    for i, path in enumerate(sorted(p for p in inbox.rglob("*") if p.is_file())):
        os.utime(path, ns=(10**9, 10**9 * (100 - i % 3)))  # equal times are ordered by path
    with Ledger(tmp_path / "ledger.sqlite") as ledger:
        scan = scan_inbox(inbox, ledger)
        entries = scan.fresh
        assert scan_inbox(tmp_path / "missing", ledger).fresh == []
    expected = sorted((p for p in inbox.rglob("*") if p.is_file() and not p.is_symlink()
                       and not p.name.startswith(("~$", "."))
                       and p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods")),
                      key=lambda p: (p.stat().st_mtime_ns, p.relative_to(inbox).as_posix()))
    assert [rel for rel, _path, _st in entries] == [p.relative_to(inbox).as_posix() for p in expected]
    assert {rel for rel, _p, _s in entries} == {"b.xlsx", "a-c.xlsx", "a/b.xlsx", "X.XLSM",
                                                ".git/in_hidden_folder.xlsx", "deep/er/f.ods"}
    assert [(rel, f.rule) for rel, f in scan.refused] == [("file_link.xlsx", "FILE_LINK"), ("link", "FILE_LINK")]
    assert scan.ignored == ["a/z.txt", "a-c/n.csv", "note.txt"]  # in path order: a/ before a-c/
    assert all(path == str(inbox / rel) for rel, path, _st in entries)
    assert (scan.total, scan.skipped) == (6, 0)


def test_the_scan_leaves_out_what_was_ingested(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=1)
    fill_cells(ws)
    ws.ingest()
    (ws.inbox / f"DG-NAM_2021_{CELLS[0]}.xlsx").touch()  # a new modification time: looked at again
    mine = scan_inbox(ws.inbox, ws.ledger)
    assert [rel for rel, _p, _s in mine.fresh] == [f"DG-NAM_2021_{CELLS[0]}.xlsx"]
    assert (mine.total, mine.skipped) == (len(CELLS), len(CELLS) - 1)


def test_a_file_over_the_size_limit_is_archived_as_a_stream_and_reported(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=1)
    files = fill_cells(ws)
    ws.close()
    config = ws.folder / "evalreport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("read_limits: {}", "read_limits: {max_file_bytes: 5000}"),
                      encoding="utf-8")
    with Workspace.open(ws.folder) as big:
        report = big.ingest()
        assert report.count("unreadable") == len(CELLS)
        rules = {f.rule for item in report.files for f in item.findings}
        assert "FILE_TOO_LARGE" in rules
        for row in big.ledger.unreadable():
            copy = big.folder / row["archive_path"]
            assert hashlib.sha256(copy.read_bytes()).hexdigest() == row["sha256"]
            assert copy.read_bytes() == files[row["original_name"].rsplit("_", 1)[1][:-5]].read_bytes()
        assert not list((big.folder / "archive").glob(".*"))  # no temporary copy left behind


def test_over_the_limit_the_worker_never_holds_the_file(tmp_path, monkeypatch):
    ws = make_workspace(tmp_path / "ws", workers=1)
    path = fill_cells(ws)[CELLS[0]]
    ctx = _Context(ws.folder, ws.config, ws.hierarchy, set())
    ctx.limits = type(ctx.limits)(max_file_bytes=100)
    streamed, given = [], []
    real_stream = Archive.store_stream
    monkeypatch.setattr(Archive, "store_stream", lambda self, fd, suffix: streamed.append(fd) or real_stream(self, fd, suffix))
    monkeypatch.setattr(Archive, "store_bytes", lambda *a: pytest.fail("the file was read whole"))
    real_read = reader_module.read_ingested
    monkeypatch.setattr(reader_module, "read_ingested", lambda *a, **k: given.append(k["data"]) or real_read(*a, **k))
    res = _parse(str(path), ctx)
    ws.close()
    assert len(streamed) == 1 and given == [None]
    assert res.status == "unreadable" and [f.rule for f in res.findings] == ["FILE_TOO_LARGE"]
    assert res.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() and res.record["provenance"]["size"] == path.stat().st_size


def test_results_cross_from_a_worker_unchanged(ws):
    files = fill_cells(ws)
    shutil.copy(files[CELLS[0]], ws.inbox / "broken.xlsx")
    (ws.inbox / "broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    ctx = _Context(ws.folder, ws.config, ws.hierarchy, set())
    for path in [*files.values(), ws.inbox / "broken.xlsx"]:
        res = _parse(str(path), ctx)
        assert pickle.loads(pickle.dumps(res)) == res


def test_parallel_results_come_back_in_order(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=2)
    files = fill_cells(ws)
    for i in range(12):
        shutil.copy(files[CELLS[i % len(CELLS)]], ws.inbox / f"copy{i}.xlsx")
    paths = sorted(str(p) for p in ws.inbox.iterdir())
    results = list(parse_files(ws.folder, ws.config, ws.hierarchy, paths, len(paths)))
    ws.close()
    assert [r.path for r in results] == paths
    assert all(r.status == "ok" and r.record["period"] is not None and r.record["provenance"]["size"] > 0 for r in results)


def test_a_batch_is_received_at_one_time_and_its_receipts_are_all_written(ws):
    fill_cells(ws)
    shutil.copy(next(iter(ws.inbox.iterdir())), ws.inbox / "again.xlsx")
    report = ws.ingest()
    assert report.count("new") == len(CELLS) and report.count("duplicate") == 1
    rows = ws.ledger.conn.execute("SELECT path, seen_at, outcome FROM receipts ORDER BY id").fetchall()
    assert len(rows) == len(CELLS) + 1 and len({r["seen_at"] for r in rows}) == 1
    assert sorted(r["path"] for r in rows) == sorted(p.name for p in ws.inbox.iterdir())
    assert {r["received_at"] for r in ws.ledger.conn.execute("SELECT received_at FROM files")} == {rows[0]["seen_at"]}
    again = ws.ingest()
    assert again.skipped == len(CELLS) + 1 and again.files == []
