"""The demo end to end (tiny size): every planted problem is reported, nothing else is, and the
outputs of every period exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evalreport.cli import app
from evalreport.cli.workspace import console as cli_console
from evalreport.demo import DemoError, run_demo
from evalreport.store import Workspace
from evalreport.wording.numbers import fmt_number


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return run_demo(tmp_path_factory.mktemp("d") / "demo", size="tiny", workers=1)


def test_every_planted_problem_is_reported(demo):
    kinds = {p.kind for p in demo.planted}
    assert kinds == {"sum_mismatch", "text_in_number", "duplicate", "corrected", "missing", "late", "continuity"}
    for p in demo.planted:
        assert demo.how_reported(p), p
    by_kind = {p.kind: p for p in demo.planted}
    assert demo.how_reported(by_kind["sum_mismatch"]) == "DV_TONG_SO"
    assert demo.how_reported(by_kind["continuity"]) == "DV_NOI_TIEP"
    assert demo.how_reported(by_kind["duplicate"]) == "WS_DUPLICATE_FILE"


def test_findings_list_exactly_the_planted_files(demo):
    assert demo.unexplained() == []
    planted_files = {Path(p.file).name for p in demo.planted if p.file and p.kind != "late"}
    leaf_files = {f.file for f in demo.findings if f.file and f.unit and demo.runs["2025"].result.hierarchy.is_leaf(f.unit)}
    assert leaf_files == planted_files
    errors = {f.file for f in demo.findings if f.is_error}
    assert errors == {Path(p.file).name for p in demo.planted if p.kind in ("sum_mismatch", "text_in_number",
                                                                          "continuity")}


def test_outputs_and_manifests_of_every_period(demo):
    for period, run in demo.runs.items():
        out = demo.folder / "outputs" / period
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["period"] == period and manifest["outputs"]
        for o in manifest["outputs"]:
            assert (demo.folder / o["path"]).is_file()
        assert run.outputs
    from python_calamine import CalamineWorkbook

    monthly = CalamineWorkbook.from_path(str(demo.folder / "outputs" / "2025-12" / "DV-THANG_2025-12_TINH.xlsx"))
    title = monthly.get_sheet_by_name("Tổng hợp").to_python()[0][0]
    assert title == "BẢNG TỔNG HỢP BIẾN ĐỘNG ĐẢNG VIÊN THÁNG 12 NĂM 2025"  # the period is named once
    annual = demo.folder / "outputs" / "2025"
    assert (annual / "DG-NAM_2025_TINH.xlsx").is_file() and (annual / "DG-NAM_2025_TINH_bao_cao.docx").is_file()


def test_status_and_history_on_the_demo(demo):
    by_kind = {p.kind: p for p in demo.planted}
    with Workspace.open(demo.folder) as ws:
        rows = {r.unit: r for r in ws.status("2025")}
        assert rows[by_kind["missing"].unit].state == "missing"
        assert rows[by_kind["sum_mismatch"].unit].state == "rejected"
        assert rows[by_kind["late"].unit].late and rows[by_kind["late"].unit].state == "accepted"
        versions = [h for h in ws.history(by_kind["corrected"].unit) if h.period == "2025"]
        assert [(v.version, v.current) for v in versions] == [(1, False), (2, True)]


def test_demo_refuses_a_folder_that_is_not_a_demo(tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(DemoError, match="not a demo folder"):
        run_demo(tmp_path, size="tiny")
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_cli_status_and_history_on_the_demo(demo, monkeypatch):
    monkeypatch.setattr(cli_console, "width", 200)
    runner = CliRunner()
    res = runner.invoke(app, ["status", "-w", str(demo.folder), "--period", "2025", "--problems"])
    assert res.exit_code == 0, res.output
    assert "Chưa nộp" in res.output and "Nộp muộn" in res.output and "Đã nộp, có lỗi" in res.output
    assert re.search(r"năm 2025: phải nộp \d+, đã nộp hợp lệ \d+, có lỗi 2, chưa nộp 1, nộp muộn \d+", res.output)
    unit = next(p.unit for p in demo.planted if p.kind == "corrected")
    res = runner.invoke(app, ["history", "-w", str(demo.folder), unit])
    assert res.exit_code == 0 and "không, thay bằng phiên bản 2" in res.output


def test_cli_run_on_the_demo_shows_labels_and_vietnamese_numbers(demo, monkeypatch):
    monkeypatch.setattr(cli_console, "width", 400)
    res = CliRunner().invoke(app, ["run", "-w", str(demo.folder), "--period", "2025", "-q"])
    assert res.exit_code == 1, res.output  # the planted errors keep two units out
    headline = next(line for line in res.output.splitlines() if "Tổng số đảng viên: " in line)
    assert "dv_" not in res.output
    total = demo.runs["2025"].result.totals()["dv_tong_so"]
    assert f"Tổng số đảng viên: {fmt_number(total, 'vi')};" in headline  # 8.851 in the small demo, not 8851
    assert "đơn vị chưa được tổng hợp vì tệp có lỗi" in res.output


def test_the_demo_merges_two_cells_and_reports_on_the_new_units(demo):
    """The unit list carries a merger and a founded cell from 1/1/2025: the 2025 run counts the
    new cells exactly and the province's report compares with 2024 on the new boundaries."""
    import docx

    reorg = demo.reorganization
    result = demo.runs["2025"].result
    h = result.hierarchy
    cells = set(h.leaves(h.root))
    assert {reorg.merged_into, reorg.founded} <= cells and not set(reorg.merged_from) & cells
    merged = result.comparisons[reorg.merged_into]
    assert set(merged.predecessors) == set(reorg.merged_from)
    assert merged.comparable and merged.previous["dv_tong_so"] == result.units[reorg.merged_into].values["dv_tong_so"]
    assert "new" in result.comparisons[reorg.founded].reasons
    root = result.completeness[h.root]
    for level, (received, expected) in root.by_level.items():
        assert received <= expected, level  # never above 100 %
    assert root.by_level["chi_bo"][1] == len(cells)  # the two old cells are not expected in 2025
    report = docx.Document(demo.folder / "outputs" / "2025" / "DG-NAM_2025_TINH_bao_cao.docx")
    text = "\n".join(p.text for p in report.paragraphs)
    assert "So với năm 2024, tính theo đơn vị hành chính mới" in text
    assert "01 đơn vị hợp nhất, 01 đơn vị thành lập mới" in text
    with Workspace.open(demo.folder) as ws:  # the ward's 2025 ratings list its 2025 cells: no error
        ward = next(r for r in ws.status("2025") if r.unit == h.parent(reorg.founded))
    assert ward.errors == 0
