"""The parent's share of a run: CPU seconds of the process that records, consolidates and renders,
by stage, beside its worker processes' CPU.

Run::

    python bench/bench_parent.py --trees main=/work/main --n 10000 --repeat 3
    python bench/bench_parent.py --trees before=/tmp/t0 after=/work/wt/x

Why: ``bench_compare.py`` times a run as one process tree; whether a change to the parent's own
work (the ledger's writes, the consolidation, the run cache, the root's files) pays is lost in
the workers' CPU, ten times larger. Each round runs every tree, one after the other, as a fresh
process (``PYTHONPATH`` set to the tree) doing ``Workspace.run`` from an empty workspace on the
same corpus (``bench_compare.prepare_pristine`` / ``reset``). Inside it, the main thread's CPU
(``RUSAGE_THREAD``) is taken around the stages (imports, ingest, consolidation with the run
cache's base written, rendering, manifest), the rest of the process's CPU is its other threads'
(the parse pool's result and feeder threads), and the cyclic collector's pauses are summed. The
table gives each tree's median over the rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


STAGES = ["imports", "ingest", "consolidate", "  of which cache base", "render", "manifest", "other (main thread)",
          "pool threads"]


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def child(folder: Path) -> None:
    """One run, in this process: prints its CPU by stage as a JSON line."""
    import gc

    thread = resource.RUSAGE_THREAD
    self0, main0 = _cpu(resource.RUSAGE_SELF), _cpu(thread)
    stages: dict[str, float] = {}
    collector = {"seconds": 0.0, "start": 0.0}

    def on_collect(phase: str, _info: dict) -> None:
        if phase == "start":
            collector["start"] = time.perf_counter()
        else:
            collector["seconds"] += time.perf_counter() - collector["start"]

    gc.callbacks.append(on_collect)
    from evalreport.store import Workspace, result_cache
    from evalreport.store import workspace as ws_module

    stages["imports"] = _cpu(thread) - main0

    def timed(owner: object, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            start = _cpu(thread)
            try:
                return inner(*args, **kwargs)
            finally:
                stages[label] = stages.get(label, 0.0) + _cpu(thread) - start

        setattr(owner, name, wrapper)

    timed(ws_module, "ingest_inbox", "ingest")
    timed(ws_module, "consolidate_period", "consolidate")
    timed(result_cache, "save_base", "  of which cache base")
    timed(ws_module, "render_outputs", "render")
    timed(ws_module, "write_manifest", "manifest")
    start = time.perf_counter()
    with Workspace.open(folder) as ws:
        ws.run("2025")
    wall = time.perf_counter() - start
    parent, main = _cpu(resource.RUSAGE_SELF) - self0, _cpu(thread) - main0
    stages["other (main thread)"] = main - sum(v for k, v in stages.items() if not k.startswith(" "))
    stages["pool threads"] = parent - main
    print(json.dumps({"wall": wall, "parent": parent, "children": _cpu(resource.RUSAGE_CHILDREN),
                      "collector": collector["seconds"], "stages": stages}))


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--trees", nargs="+", required=True, help="LABEL=PATH of a source tree holding evalreport/")
    p.add_argument("--n", type=int, default=10000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "evalreport-parent")
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        child(a.child)
        return
    from bench_compare import clear_graveyard, prepare_pristine, reset

    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in a.trees)]
    pristine = a.dir / f"n{a.n}-pristine"
    folder = a.dir / f"n{a.n}"
    if not (pristine.is_dir() and (folder / "inbox").is_dir()):
        _corpus, folder, pristine = prepare_pristine(a.dir, a.n, a.workers)
    rows: dict[str, list[dict]] = {label: [] for label, _ in trees}
    for round_ in range(a.repeat):
        print(f"round {round_ + 1}: load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        for label, tree in trees:
            reset(folder, pristine)
            out = subprocess.run([sys.executable, __file__, "--trees", "-", "--child", str(folder)], check=True,
                                 stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(tree)})
            rows[label].append(json.loads(out.stdout.strip().splitlines()[-1]))
    clear_graveyard(folder)
    print(f"\nN = {a.n:,}, workers = {a.workers}: CPU seconds, median of {a.repeat} rounds")
    width = max(10, *(len(label) + 2 for label in rows))
    print(f"{'':28}" + "".join(f"{label:>{width}}" for label in rows))

    def med(label: str, get) -> float:
        return statistics.median(get(r) for r in rows[label])

    for name in ["wall", "children", "parent"]:
        print(f"{name:28}" + "".join(f"{med(label, lambda r, k=name: r[k]):{width}.2f}" for label in rows))
    for stage in STAGES:
        print(f"  {stage:26}" + "".join(f"{med(label, lambda r, s=stage: r['stages'].get(s, 0.0)):{width}.2f}"
                                         for label in rows))
    print(f"  {'collector pauses (wall)':26}" + "".join(f"{med(label, lambda r: r['collector']):{width}.2f}"
                                                       for label in rows))


if __name__ == "__main__":
    main()
