"""End-to-end benchmark: evalreport against the floor, bare calamine and a pandas loop.

Run::

    python bench/bench_run.py              # N = 1,000 and 10,000
    python bench/bench_run.py --smoke      # N = 200 (CI; figures printed, not asserted)
    python bench/bench_run.py --national   # also N = 100,000
    python bench/bench_run.py --sizes 3000 --workers 2

For each N it writes a workspace whose inbox holds N filled DG-NAM cell workbooks for a
four-level hierarchy (see ``corpus.py`` for how they are made), then runs each phase of
``phases.py`` in a fresh Python process and prints wall time, time per file and peak memory:
"peak RSS" is the largest sum of resident memory over the phase's process and all its worker
processes, sampled every 20 ms with psutil (pages shared by forked workers count once per
process, so the figure errs high), followed by the largest single process. (``ru_maxrss`` is
not used: after fork + exec Linux reports the forking parent's high-water mark.) Files are read
from the page cache (they were just written), as on a second pass. The load average is printed
because other work on the machine slows every phase, the parallel ones most.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402

HERE = Path(__file__).resolve()
PANDAS_SAMPLE = 500


def _peak_tree_rss(proc: subprocess.Popen, stop: threading.Event, out: list[int]) -> None:
    try:
        root = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return
    peak = largest = 0
    while not stop.is_set():
        try:
            sizes = [root.memory_info().rss]
            for child in root.children(recursive=True):
                try:
                    sizes.append(child.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
        except psutil.NoSuchProcess:
            break
        peak, largest = max(peak, sum(sizes)), max(largest, *sizes)
        stop.wait(0.02)
    out += [peak, largest]


def compile_tree(tree: Path) -> None:
    """Byte-compile ``tree``'s evalreport (and the bench's own modules) before anything is timed.

    An officer's evalreport is installed by pip, which writes every module's bytecode at install
    time; a checkout run with PYTHONDONTWRITEBYTECODE set (as on this machine) would instead
    compile some 140 modules in every timed process, about 0.2 s a process that no user waits
    for. Existing bytecode is read whatever that variable says."""
    import compileall

    for folder in (tree / "evalreport", HERE.parent):
        compileall.compile_dir(str(folder), quiet=1, workers=0)


def run_phase(name: str, args: dict[str, Any]) -> dict[str, Any]:
    """Run one phase in a child process; its JSON result plus the memory it used."""
    proc = subprocess.Popen([sys.executable, str(HERE), "--phase", name, "--phase-args", json.dumps(args)],
                            stdout=subprocess.PIPE, text=True)
    stop, peak = threading.Event(), []
    sampler = threading.Thread(target=_peak_tree_rss, args=(proc, stop, peak), daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"phase {name} failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"], result["largest_rss_mb"] = ((peak[0] / 2**20, peak[1] / 2**20) if peak else (0, 0))
    return result


def _phase_main(name: str, raw: str) -> None:
    from phases import PHASES

    args = json.loads(raw)
    args["paths"] = sorted(str(p) for p in Path(args["inbox"]).glob("*.xlsx"))
    print(json.dumps(PHASES[name](args), default=str))


def prepare(root: Path, n: int, workers: int):
    from corpus import FORM, write_corpus

    from evalreport.store import Workspace

    folder = root / f"n{n}"
    if folder.exists():
        shutil.rmtree(folder)
    start = time.perf_counter()
    corpus = write_corpus(folder / "inbox", n, workers=workers, distinct=300 if n > 200 else 50)
    ws = Workspace.init(folder, units_rows=corpus.units, root=corpus.units[0][0], forms=[FORM], workers=workers)
    ws.close()
    size = sum(p.stat().st_size for p in corpus.paths)
    print(f"\nN = {n:,}: {len(corpus.units):,} units ({sum(u[2] == 'co_so' for u in corpus.units)} wards, "
          f"{sum(u[2] == 'huyen' for u in corpus.units)} districts); {corpus.distinct} files by fill_template, "
          f"{n - corpus.distinct:,} cloned; {size / n / 1024:.1f} KiB/file; written in "
          f"{time.perf_counter() - start:.1f} s", flush=True)
    return corpus


def bench_size(root: Path, n: int, workers: int, pandas_sample: int) -> dict[str, dict[str, Any]]:
    from corpus import FORM, PERIOD, rewrite_file

    corpus = prepare(root, n, workers)
    base = {"inbox": str(corpus.folder), "workspace": str(corpus.folder.parent), "period": PERIOD, "form": FORM}
    rows: dict[str, dict[str, Any]] = {}
    print(f"load average before the phases: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    rows["a"] = run_phase("floor", {**base, "workers": 1})
    rows["b"] = run_phase("calamine", {**base, "workers": 1})
    rows["b2"] = run_phase("calamine", {**base, "workers": workers})
    rows["c"] = run_phase("pandas", {**base, "sample": pandas_sample if n > pandas_sample else 0})
    rows["d"] = run_phase("evalreport", base)
    changed = corpus.cells[len(corpus.cells) // 2]
    time.sleep(0.01)  # a visibly newer modification time
    rewrite_file(corpus, changed, salt=1)
    rows["e"] = run_phase("evalreport", base)
    report(n, workers, rows)
    return rows


LABELS = {
    "a": "(a) floor: bytes + unzip sheet parts, 1 process",
    "b": "(b) python-calamine, every sheet, 1 process",
    "b2": "(b') python-calamine, every sheet, {w} processes",
    "c": "(c) pandas.read_excel loop (openpyxl), 1 process",
    "d": "(d) evalreport run, end to end, {w} workers",
    "e": "(e) evalreport run after 1 file changed",
}


def report(n: int, workers: int, rows: dict[str, dict[str, Any]]) -> None:
    print(f"{'phase':<52} {'wall s':>8} {'ms/file':>8} {'peak RSS MB':>12} {'largest proc MB':>16}")
    for key, r in rows.items():
        note = ""
        if key == "c" and r.get("sampled", n) < n:
            note = f"  (timed on {r['sampled']} files, extrapolated to {n:,})"
        print(f"{LABELS[key].format(w=workers):<52} {r['seconds']:>8.2f} {1000 * r['seconds'] / n:>8.3f} "
              f"{r['peak_rss_mb']:>12.0f} {r['largest_rss_mb']:>16.0f}{note}")
    d = rows["d"]["seconds"]
    print(f"ratios: d/a = {d / rows['a']['seconds']:.2f}   d/b = {d / rows['b']['seconds']:.2f}   "
          f"d/b' = {d / rows['b2']['seconds']:.2f}   c/d = {rows['c']['seconds'] / d:.1f}   "
          f"e/d = {rows['e']['seconds'] / d:.3f}")
    print(f"(d) stages: {rows['d'].get('stages')}; parsed {rows['d']['parsed']}, accepted {rows['d']['accepted']}, "
          f"findings {rows['d']['findings']}")
    print(f"(e) stages: {rows['e'].get('stages')}; parsed {rows['e']['parsed']}, skipped {rows['e']['skipped']}; "
          f"consolidation {rows['e'].get('consolidation')}")
    if rows["c"].get("sampled", n) >= n:
        same = all(rows["d"]["totals"].get(k) == v for k, v in rows["c"]["totals"].items() if k in rows["d"]["totals"])
        print(f"root totals of (d) equal the pandas loop's sums: {same}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--smoke", action="store_true", help="N = 200 only (CI)")
    p.add_argument("--national", action="store_true", help="also N = 100,000")
    p.add_argument("--sizes", type=int, nargs="*", help="explicit list of N")
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="processes for evalreport")
    p.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "evalreport-bench")
    p.add_argument("--pandas-sample", type=int, default=PANDAS_SAMPLE,
                   help="time the pandas loop on this many files when N is larger, and extrapolate")
    p.add_argument("--keep", action="store_true", help="keep the generated workspaces")
    p.add_argument("--phase", help=argparse.SUPPRESS)
    p.add_argument("--phase-args", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.phase:
        _phase_main(a.phase, a.phase_args)
        return
    sizes = a.sizes or ([200] if a.smoke else [1000, 10000] + ([100000] if a.national else []))
    print(f"evalreport benchmark: N = {', '.join(f'{n:,}' for n in sizes)}; {os.cpu_count()} CPUs; "
          f"evalreport workers = {a.workers}; Python {sys.version.split()[0]}")
    compile_tree(HERE.parent.parent)
    for n in sizes:
        bench_size(a.dir, n, a.workers, a.pandas_sample)
    # Deleted only at the end: on ext4, writing many files within minutes of deleting many was
    # measured 2-5x slower in the kernel, which would slow the next size's ingest.
    if not a.keep:
        for n in sizes:
            shutil.rmtree(a.dir / f"n{n}", ignore_errors=True)


if __name__ == "__main__":
    main()
