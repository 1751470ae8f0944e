"""An all-levels rerun after one corrected file renders only the changed unit's ancestors'
files; every other unit's published file is kept as it was, and the whole set reads exactly as
an all-levels run from scratch on the same files. A Word report prints the day of the run, so
on a later day every report is rendered again (the workbooks, which print no date, are kept)."""

from __future__ import annotations

import datetime as dt
import shutil
import types
import zipfile
from pathlib import Path

import pytest
from workspace_support import province_units

from evalreport import fill_template, load_form
from evalreport.store import Workspace
from tools.compare_outputs import tree_text
from tools.selfcheck.sample import BASE_VALUES

FORM = load_form("DG-NAM")
CHANGED = "H0X0C0"
ON_PATH = {"T01", "H0", "H0X0"}  # the changed cell's ancestors: their figures change


def _fill(ws: Workspace, folder: Path, corrected: bool) -> None:
    for code, *_rest in (u for u in province_units() if u[2] == "chi_bo"):
        values = dict(BASE_VALUES)
        if corrected and code == CHANGED:
            values.update(dv_httnv=990, dv_htnv=40)
        fill_template(FORM, code, "2021", ws.hierarchy, folder / f"{code}.xlsx", values)


def _unit_of(name: str) -> str | None:
    """The unit a per-unit output file belongs to (DG-NAM_2021_<unit>...), None for the rest."""
    parts = name.split("_")
    return parts[2].removesuffix(".xlsx") if len(parts) > 2 and name.startswith("DG-NAM_2021_") else None


def _units_files(out: Path) -> dict[str, Path]:
    return {p.name: p for p in out.iterdir() if p.suffix in (".xlsx", ".docx") and _unit_of(p.name) in
            {u[0] for u in province_units()}}


def _on_day(monkeypatch, day: dt.date) -> None:
    """The reports' date is the day of the run: pinned, so that no test depends on the clock."""
    class Day(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return day

    import evalreport.render.word.narrative_context as narrative_context

    monkeypatch.setattr(narrative_context, "dt", types.SimpleNamespace(date=Day))


@pytest.fixture
def rerun(tmp_path, monkeypatch):
    """A workspace after an all-levels run and an all-levels rerun with one corrected file; the
    identity (inode, mtime) of every unit's file after the first run; the second run's report."""
    _on_day(monkeypatch, dt.date(2026, 1, 15))
    with Workspace.init(tmp_path / "ws", units_rows=province_units(), forms=["DG-NAM"], workers=2) as ws:
        _fill(ws, ws.inbox, corrected=False)
        ws.run("2021", all_levels=True)
        out = ws.outputs_dir("2021")
        before = {n: (p.stat().st_ino, p.stat().st_mtime_ns) for n, p in _units_files(out).items()}
        _fill(ws, tmp_path, corrected=True)
        shutil.copy2(tmp_path / f"{CHANGED}.xlsx", ws.inbox / f"{CHANGED}.xlsx")
        report = ws.run("2021", all_levels=True)
    return tmp_path, out, before, report


def test_rerun_rewrites_only_the_changed_units_ancestors(rerun):
    _tmp, out, before, report = rerun
    after = {n: (p.stat().st_ino, p.stat().st_mtime_ns) for n, p in _units_files(out).items()}
    assert after.keys() == before.keys()
    kept = {n for n in after if after[n] == before[n]}
    assert {_unit_of(n) for n in after if n not in kept} == ON_PATH
    assert all(_unit_of(n) not in ON_PATH for n in kept)
    assert report.reused == len(kept) == report.manifest["render"]["reused"]


def test_rerun_reads_as_a_run_from_scratch(rerun):
    tmp, out, _before, _report = rerun
    with Workspace.init(tmp / "fresh", units_rows=province_units(), forms=["DG-NAM"], workers=1) as ws:
        _fill(ws, ws.inbox, corrected=True)
        ws.run("2021", all_levels=True)
        fresh = tree_text(ws.outputs_dir("2021"))
    reran = tree_text(out)
    units = sorted(n for n in fresh if _unit_of(n) is not None)
    assert units and units == sorted(n for n in reran if _unit_of(n) is not None)
    for name in units:
        assert reran[name] == fresh[name], name


def test_a_published_file_edited_since_is_rendered_again(rerun):
    tmp, out, _before, _report = rerun
    other = out / "DG-NAM_2021_H1.xlsx"
    expected = tree_text(out)[other.name]
    other.write_bytes(other.read_bytes() + b"\0")  # an officer saved it in another program
    ws = Workspace.open(tmp / "ws")
    with ws:
        report = ws.run("2021", all_levels=True)
    assert tree_text(out)[other.name] == expected
    assert report.reused == report.manifest["render"]["files"] - 1


def test_on_a_later_day_the_reports_are_rendered_again_and_the_workbooks_kept(rerun, monkeypatch):
    tmp, out, _before, _report = rerun
    _on_day(monkeypatch, dt.date(2026, 1, 16))
    before = {n: (p.stat().st_ino, p.stat().st_mtime_ns) for n, p in _units_files(out).items()}
    with Workspace.open(tmp / "ws") as ws:
        report = ws.run("2021", all_levels=True)
    after = {n: (p.stat().st_ino, p.stat().st_mtime_ns) for n, p in _units_files(out).items()}
    kept = {n for n in after if after[n] == before[n]}
    assert kept == {n for n in after if n.endswith(".xlsx")}
    assert report.reused == len(kept)
    with zipfile.ZipFile(out / "DG-NAM_2021_H1_bao_cao.docx") as docx:
        assert "ngày 16 tháng 01 năm 2026" in docx.read("word/document.xml").decode()  # the day it was run


def test_a_reused_reports_pdf_is_reused_too(tmp_path, monkeypatch):
    """PDFs (``outputs.pdf``) follow their Word report: after one corrected file only the
    changed unit's ancestors' reports are converted again (LibreOffice takes seconds a file)."""
    import hashlib

    import evalreport.render.pdf as pdf_module

    converted: list[str] = []

    def convert(source: Path, out_dir: Path) -> Path:  # stands in for LibreOffice
        converted.append(source.name)
        target = Path(out_dir) / f"{source.stem}.pdf"
        target.write_bytes(b"%PDF " + hashlib.sha256(source.read_bytes()).hexdigest().encode())
        return target

    monkeypatch.setattr(pdf_module, "convert_to_pdf", convert)
    _on_day(monkeypatch, dt.date(2026, 1, 15))
    with Workspace.init(tmp_path / "ws", units_rows=province_units(), forms=["DG-NAM"], workers=1) as ws:
        ws.config.outputs.pdf = True
        _fill(ws, ws.inbox, corrected=False)
        ws.run("2021", all_levels=True)
        first = set(converted)
        out = ws.outputs_dir("2021")
        _fill(ws, tmp_path, corrected=True)
        shutil.copy2(tmp_path / f"{CHANGED}.xlsx", ws.inbox / f"{CHANGED}.xlsx")
        converted.clear()
        report = ws.run("2021", all_levels=True)
    assert {_unit_of(n) for n in converted} == ON_PATH
    pdfs = {p.name for p in out.glob("*.pdf")}
    assert pdfs == {n.removesuffix(".docx") + ".pdf" for n in first}
    for name in pdfs:  # each PDF is that of the report published next to it
        docx = (out / name).with_suffix(".docx")
        assert (out / name).read_bytes() == b"%PDF " + hashlib.sha256(docx.read_bytes()).hexdigest().encode()
    assert report.reused == report.manifest["render"]["reused"] >= len(pdfs) - len(ON_PATH)
