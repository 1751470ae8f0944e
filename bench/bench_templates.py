"""Template writing at province scale: :func:`evalreport.make_template` for every cell.

Run::

    python bench/bench_templates.py                 # 3,000 cells, one process
    python bench/bench_templates.py --workers 2     # the same over two processes
    python bench/bench_templates.py --cells 300     # quicker

Before a period starts the province office sends every cell its fill-in workbook, so this is
the one step whose cost is openpyxl's (writing styled workbooks), not the reader's. The units
come from the same four-level hierarchy as ``bench_run.py``; each template is written to its
own file, as ``evalreport template make`` does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FORM, PERIOD, build_units, hierarchy_of  # noqa: E402

from evalreport import load_form, make_template, parse_period  # noqa: E402
from evalreport.render.workbook.template_writer import template_file_name  # noqa: E402

_W: dict[str, Any] = {}


def _init(units: list) -> None:
    _W["h"], _W["form"] = hierarchy_of(units), load_form(FORM)


def _write(args: tuple[str, list[str]]) -> int:
    folder, codes = args
    for code in codes:
        make_template(_W["form"], code, PERIOD, _W["h"], Path(folder) / template_file_name(FORM, parse_period(PERIOD), code))
    return len(codes)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cells", type=int, default=3000, help="cells in the province (one template each)")
    p.add_argument("--workers", type=int, default=1, help="processes writing templates")
    a = p.parse_args(argv)
    units = build_units(a.cells)
    cells = [u[0] for u in units if u[2] == "chi_bo"]
    folder = Path(tempfile.mkdtemp(prefix="evalreport-templates-"))
    try:
        _init(units)
        _write((str(folder), cells[:5]))  # imports and first-use caches, not timed
        for f in folder.iterdir():
            f.unlink()
        start = time.perf_counter()
        if a.workers <= 1:
            _write((str(folder), cells))
        else:
            step = 50
            chunks = [(str(folder), cells[i:i + step]) for i in range(0, len(cells), step)]
            with ProcessPoolExecutor(max_workers=a.workers, initializer=_init, initargs=(units,)) as pool:
                sum(pool.map(_write, chunks))
        seconds = time.perf_counter() - start
        size = sum(f.stat().st_size for f in folder.iterdir())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    n = len(cells)
    print(f"make_template ({FORM}, {PERIOD}) for {n:,} cells of a {len(units):,}-unit province, "
          f"{a.workers} process(es); load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"wall {seconds:.1f} s   {1000 * seconds / n:.1f} ms/file   {n / seconds:.0f} files/s   "
          f"{size / n / 1024:.1f} KiB/file")


if __name__ == "__main__":
    main()
