"""What an officer waits for, side by side: every phase a whole fresh process, wall and CPU.

Run::

    python bench/bench_wait.py                                  # this tree, N = 1,000 and 10,000
    python bench/bench_wait.py --trees main=/tmp/main head=.    # several trees on one corpus
    python bench/bench_wait.py --n 100000 --repeat 1            # also N = 100,000

Why: ``bench_run.py`` and ``bench_compare.py`` time the root-only run on files without findings,
but an officer also presses "Xuất báo cáo" (every non-leaf unit's workbook and Word report),
receives files with findings, and writes a fill-in template for every unit before the period.
For each N the corpus of ``corpus.py`` is written once; then, round after round (the machine is
shared, so the rounds are interleaved and the table gives medians), it times

* (b) the calamine floor: python-calamine reads every sheet of every file, 1 process;
* (c) the pandas loop with ``engine="calamine"`` (timed on ``--pandas-sample`` files, extrapolated;
  first round only);
* for each tree: (d) a root-only run from an empty workspace, (e) a rerun after one changed file,
  (r) a root-only run with nothing new, (A) the all-levels run with nothing new (what
  "Xuất báo cáo" costs beyond the consolidation), (a) an all-levels rerun after one changed file
  (what the officer waits for after a corrected file arrives), (f) a run from an empty workspace in which 5 %
  of the files break the excellent-rating quota (warnings in every summary), (D) an all-levels run
  from an empty workspace (the first "Xuất báo cáo" of a period, set against (d): D/d is the
  issue's "all-levels run against the root-only run"), (t) ``template make``
  for ``--template-cells`` cells, and (p) bare openpyxl saving the same number of workbooks with the
  first template's cell values.

``--skip f t p`` leaves out phases; (d) and (r) are always timed (they prepare the workspace).

Wall seconds, CPU seconds of the phase's process and every process it waited for, peak RSS of its
process tree (see ``bench_compare.timed_process``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import clear_graveyard, prepare_pristine, reset, timed_process  # noqa: E402
from bench_run import compile_tree  # noqa: E402

NAMES = {"b": "(b) calamine floor, 1 process", "c": "(c) pandas loop, engine=calamine",
         "d": "(d) root-only run, from scratch", "e": "(e) rerun, 1 file changed",
         "r": "(r) root-only run, nothing new", "A": "(A) all-levels run, nothing new",
         "D": "(D) all-levels run, from scratch",
         "a": "(a) all-levels rerun, 1 file changed",
         "f": "(f) from scratch, 5 % with findings", "t": "(t) template make", "p": "(p) plain openpyxl saves"}


def with_findings(corpus: Any, share: float, good: bool) -> None:
    """Rewrite ``share`` of the files so that their excellent ratings break the quota (or back)."""
    import corpus as cp

    cp._init(corpus.units, 7)
    chosen = random.Random(5).sample(corpus.cells, max(1, int(len(corpus.cells) * share)))
    for unit in chosen:
        values = cp._values(unit)
        if not good:
            shift = min(values["dv_httnv"], values["dv_duoc_danh_gia"] // 2)
            values["dv_htxsnv"] += shift
            values["dv_httnv"] -= shift
        corpus.path(unit).write_bytes(cp.clone_bytes(str(corpus.folder), corpus.cells[0], unit, values))


def one_size(n: int, a: argparse.Namespace, trees: list[tuple[str, Path]]) -> None:
    from corpus import PERIOD

    corpus, folder, pristine = prepare_pristine(a.dir, n, a.workers)
    base = {"inbox": str(corpus.folder), "workspace": str(folder), "period": PERIOD, "form": "DG-NAM"}
    cells = min(n, a.template_cells)
    rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
    loads = []
    salt = 1
    for r in range(a.repeat):
        loads.append(os.getloadavg()[0])
        print(f"round {r + 1}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        t0 = trees[0][1]
        if not a.templates_only:
            rows.setdefault(("", "b"), []).append(timed_process(t0, "calamine", {**base, "workers": 1}))
        if r == 0 and not a.templates_only:
            rows[("", "c")] = [timed_process(t0, "pandas", {**base, "engine": "calamine",
                                                            "sample": min(n, a.pandas_sample)})]
        for label, tree in trees:
            def timed(key: str, phase: str, **extra: Any) -> dict[str, Any]:
                got = timed_process(tree, phase, {**base, **extra})  # noqa: B023
                rows.setdefault((label, key), []).append(got)  # noqa: B023
                return got

            if not a.templates_only:
                run_phases(corpus, folder, pristine, timed, salt, a.skip)
                salt += 2
            out = a.dir / f"templates-{label}"
            shutil.rmtree(out, ignore_errors=True)
            if "t" not in a.skip:
                timed("t", "templates", cells=cells, folder=str(out))
            if "p" not in a.skip:
                timed("p", "plain", cells=cells, folder=str(out))
            shutil.rmtree(out, ignore_errors=True)
            print(f"  {label}: " + ", ".join(f"{k} {rows[label, k][-1]['wall']:.1f}" for k in "deraADftp"
                                             if (label, k) in rows), flush=True)
    report(n, cells, trees, rows, loads)
    if not a.keep:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(pristine, ignore_errors=True)
    clear_graveyard(folder)


def changed_one(corpus: Any, salt: int) -> None:
    """Rewrite one leaf's file (a different one each time), as a corrected file would arrive."""
    from corpus import rewrite_file

    rewrite_file(corpus, corpus.cells[(len(corpus.cells) // 2 + salt) % len(corpus.cells)], salt=salt)


def run_phases(corpus: Any, folder: Path, pristine: Path, timed: Any, salt: int, skip: list[str]) -> None:
    """(d), (e), (r), (A), (a), (f), (D): the runs, each from the workspace state the previous one
    left (the empty workspace for d, f and D)."""
    reset(folder, pristine)
    timed("d", "evalreport")
    if "e" not in skip:
        changed_one(corpus, salt)
        assert timed("e", "evalreport")["parsed"] == 1
    timed("r", "evalreport")
    if "A" not in skip:
        timed("A", "evalreport", all_levels=True)
    if "a" not in skip:
        changed_one(corpus, salt + 1)
        assert timed("a", "evalreport", all_levels=True)["parsed"] == 1
    if "f" not in skip:
        reset(folder, pristine)
        with_findings(corpus, 0.05, good=False)
        try:
            assert timed("f", "evalreport")["findings"] > 0
        finally:
            with_findings(corpus, 0.05, good=True)
    if "D" not in skip:  # what "Xuất báo cáo" costs the first time, beside (d): the A/r
        reset(folder, pristine)
        timed("D", "evalreport", all_levels=True)


def report(n: int, cells: int, trees: list[tuple[str, Path]], rows: dict[tuple[str, str], list[dict[str, Any]]],
           loads: list[float]) -> None:
    def med(key: tuple[str, str], field: str) -> float:
        return statistics.median(x[field] for x in rows[key])

    c = rows["", "c"][0] if ("", "c") in rows else None
    print(f"\nN = {n:,}: medians of {len(loads)} rounds (load average at round start: "
          f"{' '.join(f'{x:.1f}' for x in loads)}); (t), (p): {cells:,} files"
          + (f"; (c) timed on {c['sampled']} files, extrapolated" if c else ""))
    print(f"{'tree':<8} {'phase':<38} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}   all walls")
    for label in ["", *(t for t, _ in trees)]:
        for k in NAMES:
            if (label, k) not in rows:
                continue
            walls = " ".join(f"{x['wall']:.1f}" for x in rows[label, k])
            if k == "c" and c is not None:
                wall = c["seconds"] + (med(("", "c"), "wall") - c["measured_seconds"])
            else:
                wall = med((label, k), "wall")
            print(f"{label or '-':<8} {NAMES[k]:<38} {wall:>8.2f} {med((label, k), 'cpu'):>8.2f} "
                  f"{med((label, k), 'rss'):>12.0f}   {walls}")
    for label, _ in trees:
        def m(k: str, field: str = "wall") -> float:
            return med((label, k), field)  # noqa: B023
        def ratio(name: str, top: str, bottom: str, target: str = "") -> str:
            if (label, top) not in rows or (label, bottom) not in rows:  # noqa: B023
                return ""
            return f"{name} = {m(top) / m(bottom):.2f}{f' ({target})' if target else ''}   "

        if (label, "t") in rows and (label, "p") in rows:
            print(f"{label:<8} t/p = {m('t') / m('p'):.2f} wall, {m('t', 'cpu') / m('p', 'cpu'):.2f} CPU (<= 0.5)")
        if c is None:
            continue
        per_unit = ""
        if (label, "A") in rows:
            units = max(1, len(rows[label, "A"][0]["outputs"]) // 2 - 1)  # noqa: B023
            per_unit = f"A per non-leaf unit = {1000 * (m('A') - m('r')) / units:.0f} ms"
        print(f"{label:<8} " + ratio("D/d", "D", "d", "target <= 3") + ratio("A/r", "A", "r") + ratio("a/r", "a", "r")
              + f"CPU d/b = {m('d', 'cpu') / med(('', 'b'), 'cpu'):.2f} (<= 2.0)   c/d = {c['seconds'] / m('d'):.2f} "
              f"(>= 2.5)   " + ratio("f/d", "f", "d") + per_unit)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trees", nargs="+", default=[f"head={Path(__file__).resolve().parents[1]}"],
                   help="LABEL=PATH of a source tree holding evalreport/ (default: this one)")
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--n", type=int, action="append", default=[], help="an extra N (e.g. --n 100000)")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument("--template-cells", type=int, default=1000, help="templates written per phase (at most N)")
    p.add_argument("--pandas-sample", type=int, default=1000)
    p.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "evalreport-wait")
    p.add_argument("--keep", action="store_true")
    p.add_argument("--templates-only", action="store_true", help="time only (t) and (p)")
    p.add_argument("--skip", nargs="*", default=[], choices=["e", "A", "a", "f", "D", "t", "p"],
                   help="phases left out (e.g. --skip f t p when only the rendering is compared)")
    a = p.parse_args(argv)
    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in a.trees)]
    for _label, tree in trees:
        compile_tree(tree)
    print(f"evalreport, the officer's wait: trees {', '.join(t for t, _ in trees)}; {os.cpu_count()} CPUs; "
          f"workers = {a.workers}; Python {sys.version.split()[0]}; {a.repeat} rounds")
    for n in [*a.sizes, *a.n]:
        one_size(n, a, trees)


if __name__ == "__main__":
    main()
