"""Rendering an all-levels run's units where workers cannot be forked (Windows): one process,
spawned workers, forked workers, side by side on one corpus.

Run::

    python bench/bench_spawn_render.py --sizes 10000 --repeat 2 --dir /tmp/spawnrender-bench

Each round runs, for every variant, phase (D) of ``bench_wait.py`` (an all-levels run from an
empty workspace: ingest, consolidation, every non-leaf unit's summary workbook and Word report)
as a whole fresh process (:func:`bench_compare.timed_process`); the variant only changes how
:func:`evalreport.store.render_pool.render_units` starts its workers (``phases._render_start``):
"sequential" (what Windows did before: the units one after the other in the run's process),
"spawn" (Windows now) and "fork" (Linux). The parse pool is forked in all three. Prints the
medians of whole-process wall and CPU (the process and its children), peak RSS of the process
tree, and the run's own render stage.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_compare import clear_graveyard, prepare_pristine, reset, timed_process  # noqa: E402

TREE = Path(__file__).resolve().parent.parent
VARIANTS = ("sequential", "spawn", "fork")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[10000])
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "evalreport-spawn-render")
    a = p.parse_args(argv)
    from corpus import PERIOD

    for n in a.sizes:
        corpus, folder, pristine = prepare_pristine(a.dir, n, a.workers)
        base = {"inbox": str(corpus.folder), "workspace": str(folder), "period": PERIOD, "form": "DG-NAM",
                "all_levels": True}
        rows: dict[str, list[dict[str, Any]]] = {v: [] for v in VARIANTS}
        loads = []
        for r in range(a.repeat):
            loads.append(os.getloadavg()[0])
            for variant in VARIANTS:
                reset(folder, pristine)
                got = timed_process(TREE, "evalreport", {**base, "render_start": variant})
                rows[variant].append(got)
                print(f"round {r + 1} {variant}: wall {got['wall']:.1f} s, CPU {got['cpu']:.1f} s, "
                      f"render {got['stages'].get('render', 0):.1f} s", flush=True)
        clear_graveyard(folder)
        docx = sum(1 for x in rows["fork"][0]["outputs"] if x.endswith(".docx"))
        print(f"\nN = {n:,}, {docx} units' reports, {a.workers} workers: medians of {a.repeat} rounds "
              f"(load average at round start: {' '.join(f'{x:.1f}' for x in loads)})")
        print(f"{'rendering':<12} {'wall s':>8} {'CPU s':>8} {'render s':>9} {'peak RSS MB':>12}   all walls")
        for variant in VARIANTS:
            got = rows[variant]

            def med(f, got=got) -> float:
                return statistics.median(f(x) for x in got)

            print(f"{variant:<12} {med(lambda x: x['wall']):>8.1f} {med(lambda x: x['cpu']):>8.1f} "
                  f"{med(lambda x: x['stages'].get('render', 0)):>9.1f} {med(lambda x: x['rss']):>12.0f}   "
                  + " ".join(f"{x['wall']:.1f}" for x in got))


if __name__ == "__main__":
    main()
