"""Rows' XML remembered between runs: the same bytes as writing every row, blocks copied only
when everything they depend on is the same, and a memo file that may be missing or damaged."""

from __future__ import annotations

import zipfile

from workspace_support import cell_values, drop, fill_cells, make_workspace

from evalreport.render.workbook import rows_memo as memo_module
from evalreport.render.workbook.rows_memo import BLOCK, RowsMemo
from evalreport.render.workbook.streamed_rows import rows_xml
from evalreport.render.workbook.xlsx_cells import CellLook

TEXT, COUNT = CellLook(3, 4), CellLook(5, 6)


def _rows(n: int, changed: dict[int, str] | None = None, looks=(COUNT, TEXT, TEXT)):
    changed = changed or {}
    return [((i, f"CB{i:05d}", changed.get(i, "Đã gửi")), looks, None) for i in range(n)]


def _xml(rows, first_row=7) -> bytes:
    return b"".join(chunk for chunk, _n in rows_xml(rows, first_row))


def _through(memo: RowsMemo, rows, first_row=7) -> bytes:
    out = list(memo.rows_xml(rows, first_row))
    assert sum(n for _c, n in out) == len(rows)
    return b"".join(chunk for chunk, _n in out)


def test_a_second_run_copies_the_blocks_that_did_not_change(tmp_path):
    path = tmp_path / "memo.rows"
    n = 3 * BLOCK + 10
    first = RowsMemo.load(path)  # none yet
    assert _through(first, _rows(n)) == _xml(_rows(n)) and first.reused == 0
    first.save(path)

    again = RowsMemo.load(path)
    rows = _rows(n, {BLOCK + 5: "Có lỗi & thiếu <số>"})  # one row of the second block differs
    assert _through(again, rows) == _xml(rows)
    assert again.reused == 3  # blocks 1, 3 and 4


def test_a_block_is_written_again_when_its_rows_move_or_their_looks_change(tmp_path):
    path = tmp_path / "memo.rows"
    first = RowsMemo.load(path)
    _through(first, _rows(BLOCK))
    first.save(path)
    moved = RowsMemo.load(path)
    assert _through(moved, _rows(BLOCK), first_row=8) == _xml(_rows(BLOCK), 8) and moved.reused == 0
    restyled = RowsMemo.load(path)
    rows = _rows(BLOCK, looks=(COUNT, TEXT, CellLook(9, 10)))
    assert _through(restyled, rows) == _xml(rows) and restyled.reused == 0


def test_a_few_new_blocks_leave_the_file_alone_many_rewrite_it(tmp_path):
    path = tmp_path / "memo.rows"
    n = 20 * BLOCK
    first = RowsMemo.load(path)
    _through(first, _rows(n))
    first.save(path)
    stamp = path.stat().st_mtime_ns
    few = RowsMemo.load(path)
    _through(few, _rows(n, {0: "x"}))
    few.save(path)
    assert path.stat().st_mtime_ns == stamp
    many = RowsMemo.load(path)
    _through(many, _rows(n, {i * BLOCK: "x" for i in range(5)}))  # 5 of 20 blocks new
    many.save(path)
    assert path.stat().st_mtime_ns != stamp


def test_the_memo_keeps_at_most_its_size_and_writes_the_rest_each_time(tmp_path, monkeypatch):
    path = tmp_path / "memo.rows"
    rows = _rows(4 * BLOCK)
    two_blocks = len(_xml(rows[:BLOCK], 7)) + len(_xml(rows[BLOCK:2 * BLOCK], 7 + BLOCK))
    monkeypatch.setattr(memo_module, "MAX_BYTES", two_blocks + 10)  # room for the first two blocks
    first = RowsMemo.load(path)
    assert _through(first, rows) == _xml(rows)
    first.save(path)
    again = RowsMemo.load(path)
    assert _through(again, rows) == _xml(rows) and again.reused == 2


def test_a_damaged_or_foreign_memo_is_ignored(tmp_path, monkeypatch):
    path = tmp_path / "memo.rows"
    path.write_bytes(b"\x00 not a memo")
    memo = RowsMemo.load(path)
    assert _through(memo, _rows(10)) == _xml(_rows(10)) and memo.reused == 0
    memo.save(path)
    monkeypatch.setattr(memo_module, "__version__", "another")  # written by another evalreport
    other = RowsMemo.load(path)
    _through(other, _rows(10))
    assert other.reused == 0


def test_values_marshal_cannot_hold_are_written_each_time(tmp_path):
    import datetime as dt

    rows = [((dt.date(2025, 1, 2), "a"), (TEXT, TEXT), None)]
    memo = RowsMemo()
    assert _through(memo, rows) == _xml(rows)
    memo.save(tmp_path / "memo.rows")
    assert not (tmp_path / "memo.rows").exists()  # nothing to keep


def _sheets(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")}


def test_a_rerun_writes_the_same_sheets_as_a_run_without_the_memo(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=1)
    fill_cells(ws)
    ws.run("2021")
    memo_file = ws.folder / "cache" / "DG-NAM_2021.rows"
    assert memo_file.is_file()
    drop(ws, "C03", cell_values(61), name="C03_sua.xlsx")
    ws.run("2021")
    summary = ws.outputs_dir("2021") / "DG-NAM_2021_T01.xlsx"
    with_memo = _sheets(summary)
    memo_file.unlink()
    (ws.folder / "cache" / "DG-NAM_2021.base").unlink()
    ws.run("2021")  # everything written afresh
    assert _sheets(summary) == with_memo
