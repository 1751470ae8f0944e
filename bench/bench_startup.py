"""Start-up benchmark: how long a short command takes, as whole processes.

Run::

    python bench/bench_startup.py            # 9 runs of each command
    python bench/bench_startup.py --runs 21

Each command is started as a fresh process (after one warm-up run, so files come from the page
cache) and timed from spawn to exit: wall time, and CPU time (user + system) of the process and
its children from ``os.wait4``. The median of the runs is printed, side by side with the floor
``python -c "import typer, rich"`` (what any typer + rich command costs) and the ratios to it
(``wall x``, ``CPU x``; on a busy machine the CPU ratio is the steadier one).
``status`` runs on the workspace of ``evalreport demo --size tiny``, built once in a temporary
folder. The load average is printed because other work on the machine slows every figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_run import compile_tree  # noqa: E402


def _evalreport() -> list[str]:
    """The console script next to this interpreter (what an officer types), else ``-m``."""
    script = Path(sys.executable).with_name("evalreport")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "evalreport"]


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{path}" if path else str(ROOT)}


def _once(cmd: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}: {proc.stderr.read().decode()[-400:]}")
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``runs`` fresh processes, after one warm-up."""
    _once(cmd)
    walls, cpus = zip(*(_once(cmd) for _ in range(runs)), strict=True)
    return statistics.median(walls), statistics.median(cpus)


def _demo_workspace(folder: Path) -> str:
    """Build the tiny demo workspace; returns its year (a period with data)."""
    code = ("import sys; from evalreport.demo import run_demo; "
            "r = run_demo(sys.argv[1], size='tiny', workers=1); print(r.plan.year)")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], check=True, capture_output=True, text=True,
                         env=_env())
    return out.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    compile_tree(ROOT)  # as pip leaves an installed package: with its bytecode
    tmp = Path(tempfile.mkdtemp(prefix="bench_startup_"))
    try:
        ws = tmp / "demo"
        period = _demo_workspace(ws)
        er = _evalreport()
        commands = [
            ('python -c "import typer, rich"', [sys.executable, "-c", "import typer, rich"]),
            ("evalreport --help", [*er, "--help"]),
            (f"evalreport status -w WS -p {period}", [*er, "status", "-w", str(ws), "-p", period]),
            ('python -c "import evalreport"', [sys.executable, "-c", "import evalreport"]),
        ]
        print(f"{args.runs} runs each, median; load average {os.getloadavg()[0]:.1f}; {' '.join(er)}")
        print(f"{'command':<40} {'wall s':>8} {'CPU s':>8} {'wall x':>7} {'CPU x':>7}")
        floor: tuple[float, float] | None = None
        for label, cmd in commands:
            wall, cpu = measure(cmd, args.runs)
            floor = floor or (wall, cpu)
            print(f"{label:<40} {wall:>8.3f} {cpu:>8.3f} {wall / floor[0]:>7.1f} {cpu / floor[1]:>7.1f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
