"""Where the parse workers' CPU goes: every second of a run's worker processes, by step.

Run::

    python bench/bench_workers.py --trees main=/work/main head=. --n 10000 --repeat 3 --dir /tmp/me-bench
    python bench/bench_workers.py --trees head=. --n 10000 --repeat 1 --profile   # + cProfile of a worker

Why: ``bench_parent.py`` gives the workers' CPU as one figure (``RUSAGE_CHILDREN``), and the
per-file costs measured in one process (guard, calamine, reader, archive copy) do not add up to
it. Here each round runs ``Workspace.run`` from an empty workspace (``bench_compare.reset``) in a
fresh process per tree, with the parse pool's steps wrapped *before the workers are forked*: in
every worker each step's main-thread CPU (``time.thread_time``) and the cyclic
collector's time are summed, and at the worker's exit (a ``multiprocessing`` finaliser, after its
last job) its whole CPU since the fork (``os.times``). What no step covers is the pool's own
machinery: taking a job off the call queue and pickling the results back. The process's
``RUSAGE_CHILDREN`` after the run minus the workers' own figures at their finaliser is what
the interpreter's exit costs them. The wrappers cost ~1.4 µs each (11 a file), charged to the steps
around them: ~0.15 s at N = 10,000; compare trees, not the total with ``bench_parent.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# (label, indent): inclusive steps; "other" rows are computed
ROWS = ["start-up (fork to first job)", "jobs: _parse", "  _read (open, read, stat, sha256)",
        "  archive copy (store_bytes)", "  read_ingested", "    guard (check_archive)",
        "    calamine open (from_filelike)", "    calamine sheets (to_python x2)", "    parse_meta",
        "    cells to fields (_submission)", "    reader, other", "  rules (check_submission)",
        "  hand-off (_parsed)", "  _parse, other", "pool machinery (queue get, result pickle)",
        "exit (after the finaliser)", "collector (inside the above)"]


def child(folder: Path, out_dir: Path, profile: bool, solo: bool) -> None:
    """One run in this process, its pool's steps wrapped; each worker writes a JSON file
    (``solo``: every file parsed in this process, as below ``PARALLEL_MIN`` files: its steps'
    sums are printed with the run's figures)."""
    import gc
    import multiprocessing.util

    from evalreport.read import workbook
    from evalreport.store import Workspace, parse_worker
    from evalreport.store.archive import Archive

    sums: dict[str, list[float]] = {}  # label: [CPU, 0.0] (the [user, system] of the whole worker)
    clock = time.thread_time
    gc_time = [0.0, 0.0]

    def wrap(owner: object, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: object, **kwargs: object) -> object:
            start = clock()
            try:
                return inner(*args, **kwargs)
            finally:
                acc = sums.setdefault(label, [0.0, 0.0])
                acc[0] += clock() - start

        setattr(owner, name, timed)

    class _Calamine:  # the reader's one use of the class: from_filelike
        from_filelike = staticmethod(workbook.CalamineWorkbook.from_filelike)

    workbook.CalamineWorkbook = _Calamine  # type: ignore[misc]
    wrap(_Calamine, "from_filelike", "    calamine open (from_filelike)")
    wrap(parse_worker, "_parse", "jobs: _parse")
    wrap(parse_worker, "_read", "  _read (open, read, stat, sha256)")
    wrap(Archive, "store_bytes", "  archive copy (store_bytes)")
    wrap(workbook, "read_ingested", "  read_ingested")
    wrap(workbook, "check_archive", "    guard (check_archive)")
    wrap(workbook, "_sheet_rows", "    calamine sheets (to_python x2)")
    wrap(workbook, "parse_meta", "    parse_meta")
    wrap(workbook._Reader, "_submission", "    cells to fields (_submission)")
    wrap(parse_worker, "check_submission", "  rules (check_submission)")
    wrap(parse_worker, "_parsed", "  hand-off (_parsed)")
    init = parse_worker._init

    def on_collect(phase: str, _info: dict) -> None:
        if phase == "start":
            gc_time[1] = time.thread_time()
        else:
            gc_time[0] += time.thread_time() - gc_time[1]

    def init_wrapped(*args: object) -> None:
        sums.clear()
        gc_time[0] = 0.0
        gc.callbacks.append(on_collect)
        start = {"user": 0.0, "system": 0.0}  # a forked child's CPU counts from zero
        inherited = set(sys.modules)
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
        init(*args)
        t = os.times()
        sums["start-up (fork to first job)"] = [t.user - start["user"], t.system - start["system"]]
        if prof is not None:
            prof.enable()

        def dump() -> None:
            t = os.times()
            if prof is not None:
                prof.disable()
                prof.dump_stats(str(out_dir / f"worker-{os.getpid()}.prof"))
            (out_dir / f"worker-{os.getpid()}.json").write_text(json.dumps(
                {"total": [t.user - start["user"], t.system - start["system"]], "steps": sums,
                 "imported": sorted(set(sys.modules) - inherited),
                 "collector": gc_time[0]}))

        multiprocessing.util.Finalize(None, dump, exitpriority=100)

    parse_worker._init = init_wrapped
    if solo:
        parse_worker.PARALLEL_MIN = 1 << 62
        gc.callbacks.append(on_collect)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with Workspace.open(folder) as ws:
        ws.run("2025")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": time.perf_counter() - start, "self": sum(os.times()[:2]), "solo": sums,
                      "solo_collector": gc_time[0],
                      "children": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)}))


def account(run: dict, workers: list[dict]) -> dict[str, float]:
    """One run's rows (CPU seconds, all workers summed; with no worker, the steps as the run's
    own process did them: its pool machinery and exit rows are then 0)."""
    if not workers:
        jobs = sum(run["solo"].get("jobs: _parse", (0.0, 0.0)))
        workers = [{"total": [jobs, 0.0], "steps": run["solo"], "collector": run["solo_collector"]}]
        run = {**run, "children": jobs}
    def total(key: str) -> float:
        return sum(sum(w["steps"].get(key, (0.0, 0.0))) for w in workers)

    row = {k: total(k) for k in ROWS if not k.strip().endswith("other")}
    row["    reader, other"] = row["  read_ingested"] - sum(row[k] for k in ROWS if k.startswith("    ")
                                                           and k in row)
    row["  _parse, other"] = row["jobs: _parse"] - sum(row[k] for k in ROWS if k.startswith("  ")
                                                       and not k.startswith("    ") and k in row)
    whole = sum(sum(w["total"]) for w in workers)
    row["pool machinery (queue get, result pickle)"] = whole - row["start-up (fork to first job)"] - row["jobs: _parse"]
    row["exit (after the finaliser)"] = run["children"] - whole
    row["collector (inside the above)"] = sum(w["collector"] for w in workers)
    row["system CPU, whole workers"] = sum(w["total"][1] for w in workers)
    row["workers' CPU (RUSAGE_CHILDREN)"] = run["children"]
    row["parent's CPU"] = run["self"]
    return {k: row[k] for k in [*ROWS, *(k for k in row if k not in ROWS)]}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trees", nargs="+", required=True, help="LABEL=PATH of a source tree holding evalreport/")
    p.add_argument("--n", type=int, default=10000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--solo", action="store_true", help="also run each tree with every file parsed in the "
                   "run's own process (column 'LABEL 1p'): what the steps cost without a second process beside")
    p.add_argument("--profile", action="store_true", help="also cProfile each worker (top functions printed)")
    p.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "evalreport-workers")
    p.add_argument("--keep-graveyard", action="store_true",
                   help="leave the rounds' old files for the next command to delete: deleting 10,000 files "
                   "makes this ext4 charge the next minutes' file creations (docs/performance.md)")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        child(a.child, a.out, a.profile, a.solo)
        return
    from bench_compare import clear_graveyard, prepare_pristine, reset
    from bench_run import compile_tree

    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in a.trees)]
    for _label, tree in trees:
        compile_tree(tree)
    pristine, folder = a.dir / f"n{a.n}-pristine", a.dir / f"n{a.n}"
    if not (pristine.is_dir() and (folder / "inbox").is_dir()):
        _corpus, folder, pristine = prepare_pristine(a.dir, a.n, a.workers)
    runs = [(label, tree, False) for label, tree in trees]
    if a.solo:
        runs += [(f"{label} 1p", tree, True) for label, tree in trees]
    rows: dict[str, list[dict[str, float]]] = {label: [] for label, _tree, _solo in runs}
    loads = []
    for round_ in range(a.repeat):
        loads.append(os.getloadavg()[0])
        print(f"round {round_ + 1}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        for label, tree, solo in runs:
            reset(folder, pristine)
            with tempfile.TemporaryDirectory() as out:
                cmd = [sys.executable, __file__, "--trees", "-", "--child", str(folder), "--out", out]
                cmd += ["--profile"] if a.profile and not solo else []
                proc = subprocess.run(cmd + (["--solo"] if solo else []), check=True, stdout=subprocess.PIPE,
                                      text=True, env={**os.environ, "PYTHONPATH": str(tree)})
                run = json.loads(proc.stdout.strip().splitlines()[-1])
                workers = [json.loads(f.read_text()) for f in Path(out).glob("worker-*.json")]
                if workers and round_ == 0:
                    print(f"  {label}: modules a worker imported after the fork: "
                          f"{', '.join(workers[0]['imported']) or 'none'}", flush=True)
                rows[label].append(account(run, workers))
                print(f"  {label}: workers {run['children']:.2f} s, parent {run['self']:.2f} s, "
                      f"wall {run['wall']:.2f} s", flush=True)
                if a.profile and not solo:
                    _print_profile(sorted(Path(out).glob("worker-*.prof")))
    if not a.keep_graveyard:
        clear_graveyard(folder)
    print(f"\nN = {a.n:,}, workers = {a.workers}: CPU seconds of the parse workers, summed, median of "
          f"{a.repeat} rounds (load average {min(loads):.1f}-{max(loads):.1f})")
    width = max(10, *(len(label) + 2 for label in rows))
    print(f"{'':44}" + "".join(f"{label:>{width}}" for label in rows) + "   share")
    first = next(iter(rows))
    whole = statistics.median(r["workers' CPU (RUSAGE_CHILDREN)"] for r in rows[first])
    for key in rows[first][0]:
        meds = [statistics.median(r[key] for r in rows[label]) for label in rows]
        print(f"{key:44}" + "".join(f"{m:{width}.2f}" for m in meds) + f"   {100 * meds[0] / whole:4.0f} %")


def _print_profile(files: list[Path]) -> None:
    import pstats

    stats = pstats.Stats(*map(str, files))
    stats.sort_stats("tottime").print_stats(35)
    stats.sort_stats("cumulative").print_stats("process.py|queues|connection|reduction|threading", 25)


if __name__ == "__main__":
    main()
