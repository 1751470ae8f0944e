"""The timed phases of ``bench_run.py``; each runs in a fresh process so its peak memory is its own.

(a) floor: read every file's bytes and unzip its worksheet parts (nothing parsed);
(b) python-calamine: open every file and read every sheet to Python lists, nothing else;
(c) what a user would write instead: ``pandas.read_excel`` (default engine, openpyxl) per file,
    summing the form's fields found by their codes in column A;
(d) evalreport end to end through :meth:`evalreport.Workspace.run` (ingest into the ledger and
    archive, read, check, consolidate all four levels, write the root's summary workbook,
    narrative and findings workbook, manifest);
(e) the same run after one file changed (the ledger's incremental path);
templates: ``Workspace.make_templates`` (what ``evalreport template make`` does) for the first
    ``cells`` cells; plain: the same number of workbooks saved by bare openpyxl, each holding the
    cell values of the first template (no styles, validations, protection or hidden sheets).
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

__all__ = ["PHASES"]


def _floor_one(path: str) -> int:
    data = Path(path).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return sum(len(zf.read(n)) for n in zf.namelist() if n.startswith("xl/worksheets/"))


def _calamine_one(path: str) -> int:
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    return sum(len(wb.get_sheet_by_name(name).to_python()) for name in wb.sheet_names)


def _over(fn: Callable[[str], int], paths: list[str], workers: int) -> int:
    if workers <= 1:
        return sum(fn(p) for p in paths)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(fn, paths, chunksize=max(1, len(paths) // (workers * 16))))


def floor(args: dict[str, Any]) -> dict[str, Any]:
    start = time.perf_counter()
    n = _over(_floor_one, args["paths"], args.get("workers", 1))
    return {"seconds": time.perf_counter() - start, "files": len(args["paths"]), "bytes_unzipped": n}


def calamine(args: dict[str, Any]) -> dict[str, Any]:
    start = time.perf_counter()
    rows = _over(_calamine_one, args["paths"], args.get("workers", 1))
    return {"seconds": time.perf_counter() - start, "files": len(args["paths"]), "rows": rows}


def pandas_loop(args: dict[str, Any]) -> dict[str, Any]:
    """The loop an analyst writes: read the sheet, pick rows by the code in column A, add up."""
    import pandas as pd

    from evalreport import load_form

    codes = load_form(args["form"]).field_codes
    paths: list[str] = args["paths"]
    sample = args.get("sample") or len(paths)
    step = max(1, len(paths) // sample)
    chosen = paths[::step][:sample]
    totals = dict.fromkeys(codes, 0)
    start = time.perf_counter()
    for p in chosen:
        df = pd.read_excel(p, sheet_name=0, header=None, engine=args.get("engine"))
        rows = df[df[0].isin(codes)]
        for code, value in zip(rows[0], rows[2], strict=True):
            totals[code] += int(value)
    seconds = time.perf_counter() - start
    return {"seconds": seconds * len(paths) / len(chosen), "measured_seconds": seconds, "files": len(paths),
            "sampled": len(chosen), "totals": totals}


def _render_start(method: str) -> None:
    """Bench only (``bench_spawn_render.py``): render an all-levels run's units the way Windows
    did before spawned workers ("sequential"), through spawned workers ("spawn"), or forked
    ("fork", Linux's way)."""
    import multiprocessing

    from evalreport.store import render_pool

    if method == "sequential":
        render_pool.SPAWN_MIN_UNITS = 10**9
    context = multiprocessing.get_context("fork" if method == "fork" else "spawn")
    render_pool.pool_context = lambda: context


def evalreport_run(args: dict[str, Any]) -> dict[str, Any]:
    from evalreport.store import Workspace

    if args.get("render_start"):
        _render_start(args["render_start"])
    start = time.perf_counter()
    with Workspace.open(args["workspace"]) as ws:
        report = ws.run(args["period"], all_levels=args.get("all_levels", False))
        seconds = time.perf_counter() - start
        result = report.result
        assert result is not None
        root = result.units[result.root].values
        return {"seconds": seconds, "files": len(args["paths"]), "parsed": report.ingest.parsed,
                "skipped": report.ingest.skipped, "accepted": len(result.accepted),
                "findings": len(report.findings), "outputs": [p.name for p in report.outputs],
                "stages": {k: round(v, 3) for k, v in report.manifest.get("timings", {}).items()},
                "consolidation": report.manifest.get("consolidation", {}),
                "totals": {k: v for k, v in root.items() if k.startswith("dv_")}}


def templates(args: dict[str, Any]) -> dict[str, Any]:
    from evalreport.store import Workspace

    with Workspace.open(args["workspace"]) as ws:
        units = [u.code for u in ws.hierarchy if u.level == "chi_bo"][:args["cells"]]
        start = time.perf_counter()
        out = ws.make_templates(args["period"], units=units, folder=args["folder"])
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(out), "bytes": sum(p.stat().st_size for p in out)}


def plain_openpyxl(args: dict[str, Any]) -> dict[str, Any]:
    """The same number of workbooks, each the first template's cell values and nothing else."""
    from openpyxl import Workbook, load_workbook

    first = sorted(Path(args["folder"]).glob("*.xlsx"))[0]
    src = load_workbook(first)
    sheets = [(ws.title, [(c.coordinate, c.value) for row in ws.iter_rows() for c in row if c.value is not None])
              for ws in src.worksheets]
    folder = Path(args["folder"]) / "plain"
    folder.mkdir(exist_ok=True)
    start = time.perf_counter()
    for i in range(args["cells"]):
        wb = Workbook()
        wb.remove(wb.active)
        for title, cells in sheets:
            ws = wb.create_sheet(title)
            for ref, value in cells:
                ws[ref] = value
        wb.save(folder / f"{i}.xlsx")
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": args["cells"], "cells": sum(len(c) for _, c in sheets)}


PHASES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "floor": floor, "calamine": calamine, "pandas": pandas_loop, "evalreport": evalreport_run,
    "templates": templates, "plain": plain_openpyxl,
}
