"""Render benchmark: the root's summary workbook, its narrative report and the run's findings workbook
at province scale, and 50 wards' summary workbooks and Word reports written one after another in one
process (what an all-levels run costs per unit), and a worker's whole per-unit step for about 100
non-leaf units of every level.

Run::

    python bench/bench_render.py                      # N = 10,000 cells (10,888 units), in memory
    python bench/bench_render.py --sizes 1000 10000 100000
    python bench/bench_render.py --workspace /path/to/workspace --period 2025
    python bench/bench_render.py --smoke              # N = 200, one repetition (CI; printed, not asserted)

Rendering is what a rerun after one changed file repeats in full (the root's completeness sheet
lists every unit), so it is timed on its own here, without writing N workbooks first: the
consolidation result is built from N in-memory cell submissions of a four-level hierarchy sized
like ``corpus.py``'s (or read from a workspace's ledger with ``--workspace``). A share of the
cells (``--warn``, default 1 in 10) rate too many members excellent, so the result carries
quota warnings and the findings sheet has rows. Each figure is the best and the median of
``--repeat`` runs, wall and CPU time of this process; "peak alloc" is the largest memory Python
allocated during one more run (tracemalloc; it slows that run, which is not timed).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import FORM, PERIOD, build_units, file_name, hierarchy_of  # noqa: E402

from evalreport.aggregate.consolidate import consolidate  # noqa: E402
from evalreport.form.definition import load_form  # noqa: E402
from evalreport.model.finding import make_finding  # noqa: E402
from evalreport.model.period import parse_period  # noqa: E402
from evalreport.model.result import ConsolidationResult  # noqa: E402
from evalreport.model.submission import Provenance, Submission  # noqa: E402
from evalreport.render.word.narrative import render_narrative  # noqa: E402
from evalreport.render.workbook.findings_table import write_findings_table  # noqa: E402
from evalreport.render.workbook.summary_workbook import write_summary_workbook  # noqa: E402
from evalreport.store.output_keys import unit_digests  # noqa: E402
from evalreport.store.render_pool import UnitJob, render_unit  # noqa: E402


def cell_values(index: int, warn_every: int) -> dict[str, int]:
    """Counts that satisfy every error rule; every ``warn_every``-th cell breaks the HTXSNV quota."""
    total = 20 + index % 40
    evaluated = total - 2
    excellent = evaluated // 2 if warn_every and index % warn_every == 0 else evaluated // 10
    completed, failed = evaluated // 8, 1
    values = dict.fromkeys(load_form(FORM).field_codes, 0)
    values.update(dv_tong_so=total, dv_mien=1, dv_moi_ket_nap=1, dv_duoc_danh_gia=evaluated, dv_htxsnv=excellent,
                  dv_httnv=evaluated - excellent - completed - failed, dv_htnv=completed, dv_khtnv=failed,
                  dv_khtnv_khac=failed)
    return values


def generated_result(n_cells: int, warn_every: int) -> ConsolidationResult:
    form, period = load_form(FORM), parse_period(PERIOD)
    units = build_units(n_cells)
    hierarchy = hierarchy_of(units)
    received = dt.datetime(2025, 12, 10, 9, 30)
    subs = []
    for i, (code, _name, level, _parent) in enumerate(units):
        if level != "chi_bo":
            continue
        name = file_name(code)
        subs.append(Submission(form.code, form.version, code, period, cell_values(i, warn_every),
                               provenance=Provenance(f"inbox/{name}", name, 9_900, f"{i:064x}",
                                                     received + dt.timedelta(minutes=i % 5000))))
    return consolidate(form, period, subs, hierarchy, units[0][0])


def workspace_result(path: str, period: str) -> ConsolidationResult:
    from evalreport.store import Workspace

    ws = Workspace.open(path)
    try:
        form = ws.config.form(FORM)
        return consolidate(form, parse_period(period), ws.ledger.submissions(FORM, period), ws.hierarchy,
                           ws.config.root)
    finally:
        ws.close()


def measure(label: str, write: Callable[[], object], repeat: int) -> None:
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        write()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    tracemalloc.start()
    write()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"{label:<64} {min(walls):8.3f} {statistics.median(walls):8.3f} {min(cpus):8.3f} "
          f"{peak / 2**20:10.1f}", flush=True)


def bench(result: ConsolidationResult, repeat: int, out: Path) -> None:
    h = result.hierarchy
    units = len(h.subtree(result.root))
    findings = len(result.findings)
    print(f"\n{units:,} units, {len(result.accepted):,} accepted submissions, {findings:,} findings; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'output':<64} {'best s':>8} {'median s':>8} {'CPU s':>8} {'peak alloc MB':>10}")
    measure(f"summary workbook of the root ({units:,} completeness rows)",
            lambda: write_summary_workbook(result, result.root, out / "summary.xlsx"), repeat)
    # what an all-levels run repeats for every non-leaf unit; the first one of a process is left out
    # (it prepares the process's style table, render/workbook/style_table.py)
    wards = [u for u in h.subtree(result.root) if h.unit(u).level == h.levels.levels[-2].key][:51]
    write_summary_workbook(result, wards[0], out / "ward.xlsx")
    measure(f"summary workbooks of {len(wards) - 1} wards, one after another",
            lambda: [write_summary_workbook(result, w, out / "ward.xlsx") for w in wards[1:]], repeat)
    render_narrative(result, wards[0], out / "ward.docx")  # compiles the template's parts once
    measure(f"Word reports of {len(wards) - 1} wards, one after another",
            lambda: [render_narrative(result, w, out / "ward.docx") for w in wards[1:]], repeat)
    units_per_worker(result, repeat, out)
    children = len(h.children(result.root))
    measure(f"narrative report of the root ({children} children, chart of up to 40)",
            lambda: render_narrative(result, result.root, out / "report.docx"), repeat)
    measure(f"findings workbook ({findings:,} findings)",
            lambda: write_findings_table(result.findings, out / "findings.xlsx"), repeat)
    leaves = h.leaves(result.root)
    many = [make_finding("FILE_EMPTY", "error", unit=leaves[i % len(leaves)], file=f"{leaves[i % len(leaves)]}.xlsx",
                         sheet="DG-NAM", cell="C9") for i in range(10_000)]
    measure("findings workbook (10,000 findings)", lambda: write_findings_table(many, out / "many.xlsx"), repeat)
    measure("summary workbook of the root with those 10,000 findings added",
            lambda: write_summary_workbook(_with_findings(result, many), result.root, out / "summary_many.xlsx"),
            repeat)
    print(f"sizes: summary {(out / 'summary.xlsx').stat().st_size / 1024:.0f} KiB, "
          f"with findings {(out / 'summary_many.xlsx').stat().st_size / 1024:.0f} KiB, "
          f"findings workbook {(out / 'many.xlsx').stat().st_size / 1024:.0f} KiB")


def units_per_worker(result: ConsolidationResult, repeat: int, out: Path) -> None:
    """What a worker of an all-levels run does per unit: ``render_unit`` (context, keys, summary
    workbook and Word report) for about 100 non-leaf units of every level, after a first one and
    with the result frozen out of the collector's reach, as in the forked render pool."""
    h = result.hierarchy
    nonleaf = [u for u in h.subtree(result.root) if h.children(u)]
    sample = nonleaf[1::max(1, len(nonleaf) // 100)]
    (out / "units").mkdir(exist_ok=True)
    job = UnitJob(result, out / "units", "vi", None, unit_digests(result), None)
    render_unit(job, nonleaf[-1])
    gc.freeze()
    try:
        measure(f"all-levels worker: files of {len(sample)} non-leaf units (render_unit)",
                lambda: [render_unit(job, u) for u in sample], repeat)
    finally:
        gc.unfreeze()


def _with_findings(result: ConsolidationResult, extra: list) -> ConsolidationResult:
    import dataclasses

    return dataclasses.replace(result, findings=[*result.findings, *extra])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000], help="numbers of cells")
    parser.add_argument("--workspace", help="time a workspace's result instead (its ledger, --period)")
    parser.add_argument("--period", default=PERIOD)
    parser.add_argument("--warn", type=int, default=10, help="every n-th cell breaks the quota (0: none)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--smoke", action="store_true", help="N = 200, one repetition")
    args = parser.parse_args(argv)
    sizes, repeat = ([200], 1) if args.smoke else (args.sizes, args.repeat)
    with tempfile.TemporaryDirectory(prefix="bench_render.") as tmp:
        out = Path(tmp)
        if args.workspace:
            bench(workspace_result(args.workspace, args.period), repeat, out)
            return
        for n in sizes:
            start = time.perf_counter()
            result = generated_result(n, args.warn)
            print(f"\nN = {n:,} cells: result built in {time.perf_counter() - start:.1f} s", end="")
            bench(result, repeat, out)


if __name__ == "__main__":
    main()
