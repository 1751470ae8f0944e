"""An all-levels run renders its units' files in several processes when there are many units:
the officer must receive the same workbooks and Word reports as from one process."""

from __future__ import annotations

import multiprocessing
import shutil
from multiprocessing.context import SpawnContext, SpawnProcess

from package_parts import package_parts
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


class _CountingSpawn(SpawnContext):
    """The spawn start method (Windows' only one), counting the processes it starts."""

    started = 0

    def Process(self, *args, **kwargs):  # noqa: N802 (multiprocessing's name)
        _CountingSpawn.started += 1
        return SpawnProcess(*args, **kwargs)


def test_spawned_workers_render_the_files_forked_ones_and_one_process_do(tmp_path, monkeypatch):
    """Without fork (Windows) the render workers are spawned and rebuild the result from what
    they are sent; the officer must receive the same files, including what the previous
    period's result adds (changes, comparisons): the same Word reports byte for byte and the same
    workbooks' cells. (A workbook's style table is ordered by the styles its process met first,
    so its bytes already differ between one process and forked ones.)"""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    hierarchy = Workspace.init(tmp_path / "init", units_rows=province_units(), forms=["DG-NAM"]).hierarchy
    for i, (code, *_rest) in enumerate(u for u in province_units() if u[2] == "chi_bo"):
        fill_template(FORM, code, "2020", hierarchy, inbox / f"{code}_2020.xlsx", dict(BASE_VALUES))
        values = {**BASE_VALUES, "dv_tong_so": BASE_VALUES["dv_tong_so"] + i}
        fill_template(FORM, code, "2021", hierarchy, inbox / f"{code}_2021.xlsx", values)
    monkeypatch.setattr("evalreport.store.render_pool.SPAWN_MIN_UNITS", PARALLEL_MIN_UNITS)
    files = {}
    for label, workers, method in (("one", 1, "fork"), ("fork", 2, "fork"), ("spawn", 2, "spawn")):
        context = _CountingSpawn() if method == "spawn" else multiprocessing.get_context("fork")
        monkeypatch.setattr("evalreport.store.render_pool.pool_context", lambda c=context: c)
        folder = tmp_path / label
        with Workspace.init(folder, units_rows=province_units(), forms=["DG-NAM"], workers=workers) as ws:
            for p in inbox.iterdir():
                shutil.copy2(p, ws.inbox / p.name)
            report = ws.run("2021", all_levels=True)
            assert report.result.previous is not None
            assert len([p for p in report.outputs if p.suffix == ".docx"]) >= PARALLEL_MIN_UNITS
        out = folder / "outputs" / "2021"
        files[label] = {**tree_text(out), **{p.name: package_parts(p.read_bytes()) for p in out.glob("*.docx")}}
    assert _CountingSpawn.started == 2
    assert files["one"].keys() == files["fork"].keys() == files["spawn"].keys()
    for name, content in files["one"].items():
        if name != "manifest.json":
            assert files["fork"][name] == content, name
            assert files["spawn"][name] == content, name
