"""The archive guard's cost per file, side by side with python-calamine's on the same files.

Run::

    python bench/bench_guard.py --inbox WORKSPACE/inbox --files 2000 --rounds 3
    python bench/bench_guard.py --inbox WORKSPACE/inbox --trees main=/work/main this=.

Why: the target for a whole run's CPU is a multiple of what calamine alone needs to read every
sheet of every file, and the guard (``check_archive``: zip directory, member checks, inflating and
scanning every XML part, repacking them) runs before calamine on every file. Each measurement is a
whole fresh Python process with ``PYTHONPATH`` set to the tree; it reads the first ``--files``
files of the inbox into memory, then times one step over all of them: ``guard`` (check_archive),
``calamine`` (calamine opening the guard's vetted parts and reading every sheet, what the reader
does) and ``calamine_raw`` (calamine reading every sheet of each file as received: the floor the
target is stated against). Printed per file: wall and CPU (``time.process_time``) of the step's
loop, and the whole process's wall and CPU (interpreter start, imports and reading the files
included, CPU from ``RUSAGE_CHILDREN``). Medians over ``--rounds``; within a round the trees and
steps run interleaved, so a shared machine's load falls on all of them alike.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

STEPS = ("guard", "calamine", "calamine_raw")


def _measure(step: str, inbox: str, files: int) -> dict[str, float]:
    """In the child: time ``step`` over the files, µs per file."""
    from python_calamine import CalamineWorkbook

    from evalreport.read.guard import ReadLimits, check_archive

    datas = [p.read_bytes() for p in sorted(Path(inbox).glob("*.xlsx"))[:files]]
    limits = ReadLimits()
    if step == "calamine":
        datas = [check_archive(d, limits).vetted for d in datas]

    def every_sheet(data: bytes) -> None:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()

    work = (lambda d: check_archive(d, limits)) if step == "guard" else every_sheet
    wall, cpu = time.perf_counter(), time.process_time()
    for data in datas:
        work(data)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"files": len(datas), "wall": wall / len(datas) * 1e6, "cpu": cpu / len(datas) * 1e6}


def _process(tree: Path, step: str, inbox: str, files: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", step, "--inbox", inbox, "--files", str(files)],
                         env=env, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.strip().splitlines()[-1])
    result.update(proc_wall=wall, proc_cpu=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inbox", required=True, help="a folder of submitted .xlsx files")
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--trees", nargs="*", default=[], help="NAME=PATH of each code tree (default: this one)")
    parser.add_argument("--child", choices=STEPS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.child, args.inbox, args.files)))
        return
    trees = [tuple(t.split("=", 1)) for t in args.trees] or [("this", str(Path(__file__).resolve().parent.parent))]
    runs: dict[tuple[str, str], list[dict[str, float]]] = {}
    loads = []
    for _ in range(args.rounds):
        loads.append(os.getloadavg()[0])
        for step in STEPS:
            for name, path in trees:
                if step == "calamine_raw" and name != trees[0][0]:
                    continue  # the same for every tree: calamine only
                runs.setdefault((name, step), []).append(_process(Path(path), step, args.inbox, args.files))
    n = next(iter(runs.values()))[0]["files"]
    print(f"{n} files, {args.rounds} rounds, load average {min(loads):.1f}-{max(loads):.1f}; "
          "medians, µs per file (process: whole process / files)")
    print(f"{'tree':10} {'step':13} {'wall':>8} {'CPU':>8} {'proc wall':>10} {'proc CPU':>9}")
    for (name, step), results in runs.items():
        med = {k: statistics.median(r[k] for r in results) for k in ("wall", "cpu", "proc_wall", "proc_cpu")}
        print(f"{name:10} {step:13} {med['wall']:8.0f} {med['cpu']:8.0f} "
              f"{med['proc_wall'] / n * 1e6:10.0f} {med['proc_cpu'] / n * 1e6:9.0f}")


if __name__ == "__main__":
    main()
