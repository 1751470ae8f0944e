"""Per-file cost of writing a DG-NAM template and of reading a filled cell workbook back.

Run: ``python bench/reader_speed.py [N]``. Prints milliseconds per file (median of N rounds).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from evalreport import fill_template, load_form, load_hierarchy, make_template, read_submission

UNITS = [
    {"ma_don_vi": "T01", "ten_don_vi": "Đảng bộ tỉnh Mẫu", "cap": "tinh", "ma_cap_tren": ""},
    {"ma_don_vi": "X01", "ten_don_vi": "Đảng bộ xã An Phú", "cap": "co_so", "ma_cap_tren": "T01"},
    {"ma_don_vi": "C01", "ten_don_vi": "Chi bộ ấp 1", "cap": "chi_bo", "ma_cap_tren": "X01"},
]


def _timed(fn, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main(n: int = 200) -> None:
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


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
