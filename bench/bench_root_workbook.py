"""The root's summary workbook alone, on the real result of an existing workspace.

Why: in a rerun after one changed file at N = 100,000 the root's workbook (its completeness
sheet lists all 108,856 units) was about a quarter of the run. This times writing it in a fresh
process (the first workbook of the process, as in a rerun, then warm repeats), trees
interleaved, so that a change to the workbook can be measured apart from the rest of the run.

    python bench/bench_root_workbook.py /tmp/b100k/n100000 --rounds 3 \\
        --trees main=/work/main branch=/work/wt/NAME

Each child loads the consolidation from the workspace's run cache (no rendering), then writes
the root's workbook once (``first``: CPU including the first-use costs, not the imports) and
``--repeat`` times more (``warm``: the best). The workspace is not changed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def child(folder: Path, period: str, form: str, repeat: int) -> dict[str, float]:
    from evalreport.model.period import parse_period
    from evalreport.render.workbook.summary_workbook import write_summary_workbook
    from evalreport.store import Workspace
    from evalreport.store.runner import consolidate_period

    ws = Workspace.open(folder)
    result = consolidate_period(ws.config.form(form), parse_period(period), ws.ledger, ws.hierarchy, ws.root,
                                cache=ws.folder)
    settings = ws.config.report_settings()
    settings = settings.for_unit(ws.root) if settings else None
    gc.disable()  # as the render step runs a unit's files (store/render_pool.py)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat + 1):
            gc.collect()
            start = time.process_time()
            write_summary_workbook(result, ws.root, Path(tmp) / "root.xlsx", report=settings)
            times.append(time.process_time() - start)
        size = (Path(tmp) / "root.xlsx").stat().st_size
    return {"first": times[0], "warm": min(times[1:]) if repeat else times[0], "bytes": size}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--period", default="2025")
    ap.add_argument("--form", default="DG-NAM")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--trees", nargs="+", default=[f"this={Path(__file__).resolve().parents[1]}"],
                    help="name=path of each source tree to time (its PYTHONPATH)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.workspace, args.period, args.form, args.repeat)))
        return
    trees = [t.split("=", 1) for t in args.trees]
    print(f"{'round':<6}{'tree':<12}{'first CPU s':>12}{'warm CPU s':>12}{'file MB':>9}  load")
    for r in range(1, args.rounds + 1):
        for name, path in trees:
            out = subprocess.run([sys.executable, __file__, str(args.workspace), "--child", "--period", args.period,
                                  "--form", args.form, "--repeat", str(args.repeat)],
                                 env={**os.environ, "PYTHONPATH": path}, capture_output=True, text=True, check=True)
            got = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{r:<6}{name:<12}{got['first']:>12.3f}{got['warm']:>12.3f}{got['bytes'] / 2**20:>9.2f}  "
                  f"{os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
