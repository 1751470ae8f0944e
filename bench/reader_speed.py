"""Per-file cost of writing a DG-NAM template and of reading a filled cell workbook back, and,
with ``--inbox``, where an ingest worker's time goes for each file of a real inbox.

Run::

    python bench/reader_speed.py [N]                          # make_template and read_submission, ms/file
    python bench/reader_speed.py --inbox WORKSPACE/inbox --files 1000 --rounds 3

The second form times, file by file, each step an ingest worker takes (read and hash, archive
copy, archive guard, calamine, metadata, values, rules, ledger JSON) in one process, and prints
the fastest of ``--rounds`` rounds per step: the steps' sum is a worker's CPU per file, the
figure that decides an ingest's time on two cores. Archive copies go to a temporary folder.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import statistics
import tempfile
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

from evalreport import fill_template, load_form, load_hierarchy, make_template, read_submission
from evalreport.check.rules import check
from evalreport.form.layout import META_SHEET
from evalreport.form.metadata import parse_meta
from evalreport.model.codec import submission_to_record
from evalreport.read.guard import ReadLimits, check_archive
from evalreport.read.workbook import _Reader
from evalreport.store.archive import Archive
from evalreport.store.records import findings_to_json, record_columns

UNITS = [
    {"ma_don_vi": "T01", "ten_don_vi": "Đảng bộ tỉnh Mẫu", "cap": "tinh", "ma_cap_tren": ""},
    {"ma_don_vi": "X01", "ten_don_vi": "Đảng bộ xã An Phú", "cap": "co_so", "ma_cap_tren": "T01"},
    {"ma_don_vi": "C01", "ten_don_vi": "Chi bộ ấp 1", "cap": "chi_bo", "ma_cap_tren": "X01"},
]
STEPS = ("read+hash", "archive copy", "guard", "calamine open", "metadata sheet", "parse metadata",
         "input sheet", "values", "rules", "ledger json")


def _timed(fn, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def template_and_reader(n: int = 200) -> None:
    form = load_form("DG-NAM")
    tree = load_hierarchy(UNITS, "three_level")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        values = {code: i + 1 for i, code in enumerate(form.field_codes)}
        cell = fill_template(form, "C01", "2025", tree, folder / "C01.xlsx", values)
        read_submission(cell, form)  # warm up imports
        write_ms = _timed(lambda: make_template(form, "C01", "2025", tree, folder / "t.xlsx"), max(n // 4, 5))
        read_ms = _timed(lambda: read_submission(cell, form), n)
    print(f"make_template (DG-NAM, cell): {write_ms:.1f} ms/file")
    print(f"read_submission (DG-NAM, cell): {read_ms:.2f} ms/file")


def _one_file(path: Path, form, limits: ReadLimits, archive: Archive, add) -> None:
    """The steps of ``parse_worker._parse`` for a well-formed file, each timed on its own."""
    clock = time.perf_counter
    t = clock()
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    add("read+hash", clock() - t)
    t = clock()
    archive.store_bytes(data, sha, path.suffix)
    add("archive copy", clock() - t)
    t = clock()
    guard = check_archive(data, limits, file=path.name)
    add("guard", clock() - t)
    t = clock()
    wb = CalamineWorkbook.from_filelike(io.BytesIO(guard.vetted if guard.vetted is not None else data))
    add("calamine open", clock() - t)
    t = clock()
    rows = wb.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False)
    add("metadata sheet", clock() - t)
    t = clock()
    meta = parse_meta(rows)
    add("parse metadata", clock() - t)
    t = clock()
    grid = wb.get_sheet_by_name(meta.input_sheet).to_python(skip_empty_area=False)
    add("input sheet", clock() - t)
    reader = _Reader(path, form, limits, data, sha)
    reader.meta, reader.grid, reader.provenance = meta, grid, reader._provenance(path.stat(), data)
    t = clock()
    sub = reader._submission(form, guard)
    add("values", clock() - t)
    t = clock()
    checks = check(form, sub)
    add("rules", clock() - t)
    t = clock()
    payload = record_columns(submission_to_record(sub))
    payload["check_json"] = findings_to_json(checks)
    add("ledger json", clock() - t)


def inbox_breakdown(inbox: Path, files: int, rounds: int) -> None:
    form, limits = load_form("DG-NAM"), ReadLimits()
    paths = sorted(inbox.glob("*.xlsx"))[:files]
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            spent = dict.fromkeys(STEPS, 0.0)
            archive = Archive(Path(tmp) / f"archive{r}")

            def add(step: str, seconds: float, spent: dict[str, float] = spent) -> None:
                spent[step] += seconds

            for path in paths:
                _one_file(path, form, limits, archive, add)
            best = {s: min(best.get(s, spent[s]), spent[s]) for s in STEPS}
    print(f"{len(paths)} files of {inbox}, fastest of {rounds} rounds; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for step in STEPS:
        print(f"  {step:<16} {1000 * best[step] / len(paths):6.3f} ms/file")
    print(f"  {'sum':<16} {1000 * sum(best.values()) / len(paths):6.3f} ms/file")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("n", nargs="?", type=int, default=200, help="rounds for the template/reader timing")
    p.add_argument("--inbox", type=Path, help="time the ingest worker's steps over this folder's workbooks")
    p.add_argument("--files", type=int, default=1000)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    if a.inbox:
        inbox_breakdown(a.inbox, a.files, a.rounds)
    else:
        template_and_reader(a.n)


if __name__ == "__main__":
    main()
