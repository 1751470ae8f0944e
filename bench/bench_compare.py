"""Side-by-side benchmark of several code trees on one corpus: what a piece of machinery earns.

Run::

    python bench/bench_compare.py --trees before=/tmp/t0 after=/work/wt/x --sizes 10000 --repeat 3

Why a separate script: the machine is shared, so figures taken minutes apart differ by more than
most of what is compared. This one writes the corpus once and then, round after round, runs
every tree's phases one after the other on it (a round is: (b) bare calamine once (and in the first
round (c), the pandas loop of ``phases.py`` on 500 files, extrapolated), then for each
tree (d) a run from an empty workspace, (e) a rerun after one changed file, and (e0) the same
rerun with the workspace's ``cache/`` deleted first; a tree not named in ``--scratch`` skips (d)
and reruns on the workspace the tree before it left, e0 first so that e finds its own cache). Each phase is a whole fresh Python process
with ``PYTHONPATH`` set to the tree, timed from start to exit (interpreter start and imports
included): wall seconds, CPU seconds of the process and every process it waited for
(``RUSAGE_CHILDREN``), and peak RSS of its process tree (as in ``bench_run.py``). The table gives
each tree's median over the rounds and the load average at the start of each round.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_run import _peak_tree_rss, compile_tree  # noqa: E402

HERE = Path(__file__).resolve().parent
KEEP = {"inbox"}


def timed_process(tree: Path, phase: str, args: dict[str, Any]) -> dict[str, Any]:
    """One phase of ``bench_run.py`` in a fresh process importing evalreport from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(HERE / "bench_run.py"), "--phase", phase, "--phase-args",
                             json.dumps(args)], stdout=subprocess.PIPE, text=True, env=env)
    stop, peak = threading.Event(), []
    sampler = threading.Thread(target=_peak_tree_rss, args=(proc, stop, peak), daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{tree}: phase {phase} failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result.update(wall=wall, cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
                  rss=peak[0] / 2**20 if peak else 0.0)
    return result


def graveyard(folder: Path) -> Path:
    """Where :func:`reset` puts a workspace's old files (beside the workspace, same file system)."""
    return folder.parent / f"{folder.name}-graveyard"


def clear_graveyard(folder: Path) -> None:
    shutil.rmtree(graveyard(folder), ignore_errors=True)


def prepare_pristine(root: Path, n: int, workers: int) -> tuple[Any, Path, Path]:
    """A corpus of ``n`` files in a fresh workspace, and a copy of everything but its inbox, so
    that every round starts from the same empty workspace (:func:`reset`)."""
    from bench_run import prepare

    corpus = prepare(root, n, workers)
    folder = corpus.folder.parent
    pristine = root / f"n{n}-pristine"
    shutil.rmtree(pristine, ignore_errors=True)
    pristine.mkdir()
    for q in folder.iterdir():
        if q.name not in KEEP:
            (shutil.copytree if q.is_dir() else shutil.copy2)(q, pristine / q.name)
    return corpus, folder, pristine


def reset(folder: Path, pristine: Path) -> None:
    """The workspace as ``Workspace.init`` left it (the inbox is kept).

    The previous round's files are moved into :func:`graveyard`, not deleted: on this machine's
    ext4 (no journal), creating a file right after thousands were deleted makes the kernel skip
    every recently freed inode, about 0.4 ms of system CPU per archive copy (17 % of a run's CPU
    at N = 10,000 in ``perf``; docs/performance.md, "A file's cost outside the guard"). An
    officer's archive only grows, so a run they wait for never pays it. :func:`clear_graveyard`
    deletes them once the timing is over."""
    grave = graveyard(folder)
    grave.mkdir(parents=True, exist_ok=True)
    for p in folder.iterdir():
        if p.name not in KEEP:
            p.rename(grave / f"{p.name}-{time.monotonic_ns()}")
    for p in pristine.iterdir():
        (shutil.copytree if p.is_dir() else shutil.copy2)(p, folder / p.name)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trees", nargs="+", required=True, help="LABEL=PATH of a source tree holding evalreport/")
    p.add_argument("--sizes", type=int, nargs="+", default=[10000])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "evalreport-compare")
    p.add_argument("--scratch", nargs="*", help="labels whose round starts with a run from an empty workspace "
                   "(default: every tree); the others rerun on the workspace the tree before them left")
    p.add_argument("--keep", action="store_true")
    a = p.parse_args(argv)
    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in a.trees)]
    for _label, tree in trees:
        compile_tree(tree)
    scratch = set(a.scratch if a.scratch is not None else [label for label, _ in trees]) | {trees[0][0]}
    print(f"evalreport side-by-side benchmark: trees {', '.join(label for label, _ in trees)}; "
          f"{os.cpu_count()} CPUs; workers = {a.workers}; Python {sys.version.split()[0]}; {a.repeat} rounds")
    from corpus import PERIOD, rewrite_file

    for n in a.sizes:
        corpus, folder, pristine = prepare_pristine(a.dir, n, a.workers)
        base = {"inbox": str(corpus.folder), "workspace": str(folder), "period": PERIOD, "form": "DG-NAM"}
        rows: dict[tuple[str, str], list[dict[str, Any]]] = {}
        salt = 1
        for r in range(a.repeat):
            print(f"round {r + 1}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
            rows.setdefault(("", "b"), []).append(timed_process(trees[0][1], "calamine", {**base, "workers": 1}))
            if r == 0:  # the pandas loop once: it is timed inside its process on a sample (see phases.py)
                rows[("", "c")] = [timed_process(trees[0][1], "pandas", {**base, "sample": min(n, 500)})]
            for label, tree in trees:
                if label in scratch:  # a run from an empty workspace, then the reruns on its result
                    reset(folder, pristine)
                    rows.setdefault((label, "d"), []).append(timed_process(tree, "evalreport", base))
                    order = ("e", "e0")
                else:  # on the previous tree's workspace: e0 makes this tree's own cache first
                    order = ("e0", "e")
                for phase in order:
                    changed = corpus.cells[(len(corpus.cells) // 2 + salt) % len(corpus.cells)]
                    time.sleep(0.01)
                    rewrite_file(corpus, changed, salt=salt)
                    salt += 1
                    if phase == "e0":
                        shutil.rmtree(folder / "cache", ignore_errors=True)
                    got = timed_process(tree, "evalreport", base)
                    assert got["parsed"] == 1, got
                    rows.setdefault((label, phase), []).append(got)
                print(f"  {label}: " + ", ".join(f"{ph} {rows[label, ph][-1]['wall']:.2f} s"
                                                   for ph in ("d", "e", "e0") if (label, ph) in rows), flush=True)
        report(n, trees, rows)
        if not a.keep:
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(pristine, ignore_errors=True)
        clear_graveyard(folder)


def report(n: int, trees: list[tuple[str, Path]], rows: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
    def med(key: tuple[str, str], field: str) -> float:
        return statistics.median(x[field] for x in rows[key])

    b = med(("", "b"), "wall")
    c = rows["", "c"][0]["seconds"]
    print(f"\nN = {n:,}: medians of {len(rows['', 'b'])} rounds, whole processes "
          f"(b: bare calamine, 1 process: {b:.2f} s wall; c: the pandas loop, {c:.1f} s for {n:,} files, "
          f"extrapolated from {rows['', 'c'][0]['sampled']})")
    print(f"{'tree':<12} {'phase':<26} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}   all walls")
    names = {"d": "(d) run from scratch", "e": "(e) rerun, 1 file changed", "e0": "(e0) the same, no cache/"}
    for label, _ in trees:
        for ph in ("d", "e", "e0"):
            key = (label, ph)
            if key not in rows:
                continue
            walls = " ".join(f"{x['wall']:.2f}" for x in rows[key])
            print(f"{label:<12} {names[ph]:<26} {med(key, 'wall'):>8.2f} {med(key, 'cpu'):>8.2f} "
                  f"{med(key, 'rss'):>12.0f}   {walls}")
        if (label, "d") in rows:
            d, e = med((label, "d"), "wall"), med((label, "e"), "wall")
            print(f"{label:<12} ratios: d/b = {d / b:.2f}   c/d = {c / d:.1f}   e/d = {e / d:.3f}")


if __name__ == "__main__":
    main()
