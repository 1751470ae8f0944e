"""An all-levels run renders its units' files in several processes when there are many units:
the officer must receive the same workbooks and Word reports as from one process."""

from __future__ import annotations

import shutil

from workspace_support import province_units

from evalreport import fill_template, load_form
from evalreport.store import Workspace
from evalreport.store.render_pool import PARALLEL_MIN_UNITS
from tools.compare_outputs import tree_text
from tools.selfcheck.sample import BASE_VALUES

FORM = load_form("DG-NAM")


def test_all_levels_run_over_two_processes_gives_the_files_of_one(tmp_path):
    outputs = {}
    inbox = tmp_path / "inbox"
    for workers in (1, 2):
        folder = tmp_path / f"ws{workers}"
        with Workspace.init(folder, units_rows=province_units(' & <Ấp>'), forms=["DG-NAM"], workers=workers) as ws:
            if not inbox.exists():
                inbox.mkdir()
                for code, *_rest in (u for u in province_units(' & <Ấp>') if u[2] == "chi_bo"):
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
