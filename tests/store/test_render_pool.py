"""An all-levels run renders its units' files in several processes when there are many units:
the officer must receive the same workbooks and Word reports as from one process."""

from __future__ import annotations

import shutil

from evalreport import fill_template, load_form
from evalreport.store import Workspace
from evalreport.store.render_pool import PARALLEL_MIN_UNITS
from tools.compare_outputs import tree_text
from tools.selfcheck.sample import BASE_VALUES

FORM = load_form("DG-NAM")


def _units() -> list[tuple[str, str, str, str | None]]:
    rows = [("T01", "Đảng bộ tỉnh Mẫu", "tinh", None)]
    for d in range(2):
        rows.append((f"H{d}", f"Đảng bộ huyện Số {d + 1}", "huyen", "T01"))
        for x in range(4):
            rows.append((f"H{d}X{x}", f"Đảng bộ xã Hòa Bình {d + 1}-{x + 1} & <Ấp>", "co_so", f"H{d}"))
            rows += [(f"H{d}X{x}C{c}", f"Chi bộ khu phố {c + 1}", "chi_bo", f"H{d}X{x}") for c in range(2)]
    return rows


def test_all_levels_run_over_two_processes_gives_the_files_of_one(tmp_path):
    outputs = {}
    inbox = tmp_path / "inbox"
    for workers in (1, 2):
        folder = tmp_path / f"ws{workers}"
        with Workspace.init(folder, units_rows=_units(), forms=["DG-NAM"], workers=workers) as ws:
            if not inbox.exists():
                inbox.mkdir()
                for code, *_rest in (u for u in _units() if u[2] == "chi_bo"):
                    fill_template(FORM, code, "2021", ws.hierarchy, inbox / f"{code}.xlsx", dict(BASE_VALUES))
            for p in inbox.iterdir():
                shutil.copy2(p, ws.inbox / p.name)
            report = ws.run("2021", all_levels=True)
            non_leaves = len([p for p in report.outputs if p.suffix == ".docx"])
            assert non_leaves >= PARALLEL_MIN_UNITS  # enough units for the pool to be used
            outputs[workers] = tree_text(folder / "outputs" / "2021")
    assert outputs[1].keys() == outputs[2].keys()
    for name, lines in outputs[1].items():
        if name != "manifest.json":
            assert outputs[2][name] == lines, name
