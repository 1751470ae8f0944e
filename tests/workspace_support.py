"""Helpers for the workspace tests: a real workspace over the four-level fixture with real,
filled workbooks in its inbox."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from functools import cache
from pathlib import Path

from conftest import FOUR_LEVEL

from evalreport import load_form, load_hierarchy
from evalreport.render.workbook.template_writer import fill_template
from evalreport.store import Workspace

CELLS = [r[0] for r in FOUR_LEVEL if r[2] == "chi_bo"]


@cache
def _form():
    return load_form("DG-NAM")


@cache
def _hierarchy():
    return load_hierarchy([dict(zip(("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"), r, strict=True))
                           for r in FOUR_LEVEL])


def cell_values(total: int, excellent: int = 2) -> dict[str, int]:
    """Consistent DG-NAM counts: 1 exempt, the rest evaluated; ``excellent`` HTXSNV, 1 HTNV."""
    evaluated = total - 1
    v = dict.fromkeys(_form().field_codes, 0)
    v.update(dv_tong_so=total, dv_mien=1, dv_duoc_danh_gia=evaluated, dv_htxsnv=excellent,
             dv_httnv=evaluated - excellent - 1, dv_htnv=1)
    return v


def make_workspace(folder: Path, **settings) -> Workspace:
    rows = [(c, n, lv, p or None) for c, n, lv, p in FOUR_LEVEL]
    ws = Workspace.init(folder, units_rows=rows, forms=["DG-NAM"], **settings)
    return ws


def drop(ws: Workspace, unit: str, values: dict, period: str = "2021", name: str | None = None,
         mtime: float | None = None) -> Path:
    """Write a filled DG-NAM workbook for ``unit`` into the inbox, as a unit would send it."""
    path = ws.inbox / (name or f"DG-NAM_{period}_{unit}.xlsx")
    fill_template(_form(), unit, period, _hierarchy(), path, values)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def fill_cells(ws: Workspace, period: str = "2021", size: int = 20) -> dict[str, Path]:
    """One valid file per cell; cell i has ``size + i`` members."""
    base = 1_700_000_000.0
    return {c: drop(ws, c, cell_values(size + i), period, mtime=base + i) for i, c in enumerate(CELLS)}


# -- crash tests: a run in a child process that can be killed, and what it must leave behind ---------
RUN = "import sys; from evalreport.store import Workspace; ws = Workspace.open(sys.argv[1]); {call}"


def province_units(ward_suffix: str = "") -> list[tuple[str, str, str, str | None]]:
    """A four-level province: T01, 2 districts (H0, H1), 8 wards (H0X0...), 16 cells (H0X0C0...);
    ``ward_suffix`` is appended to every ward's name (e.g. characters XML must escape)."""
    rows: list[tuple[str, str, str, str | None]] = [("T01", "Đảng bộ tỉnh Mẫu", "tinh", None)]
    for d in range(2):
        rows.append((f"H{d}", f"Đảng bộ huyện Số {d + 1}", "huyen", "T01"))
        for x in range(4):
            rows.append((f"H{d}X{x}", f"Đảng bộ xã Hòa Bình {d + 1}-{x + 1}{ward_suffix}", "co_so", f"H{d}"))
            rows += [(f"H{d}X{x}C{c}", f"Chi bộ khu phố {c + 1}", "chi_bo", f"H{d}X{x}") for c in range(2)]
    return rows


def edit_config(folder: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the workspace's evalreport.yaml by ``new`` (which must be there)."""
    path = folder / "evalreport.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def spawn_run(folder: Path, call: str, crash_at: str | None = None) -> subprocess.Popen:
    """Run ``call`` on the workspace in a child process; ``crash_at`` names a crash point."""
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    env.pop("EVALREPORT_CRASH_AT", None)
    if crash_at:
        env["EVALREPORT_CRASH_AT"] = crash_at
    return subprocess.Popen([sys.executable, "-c", RUN.format(call=call), str(folder)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def ledger_integrity(folder: Path) -> str:
    with sqlite3.connect(folder / "ledger.sqlite") as c:
        return c.execute("PRAGMA integrity_check").fetchone()[0]


def output_snapshot(out: Path) -> dict[str, str]:
    """File name -> SHA-256 of the visible files of an outputs folder (empty if there is none)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()
            if p.is_file() and not p.name.startswith(".")} if out.is_dir() else {}
