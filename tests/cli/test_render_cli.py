"""``evalreport report``: both files per unit, previous period, file names from codes, PDF."""

from __future__ import annotations

import pytest
from docx import Document
from office_support import has_component, missing_reason
from render_support import CELL_ROWS, write_inputs
from typer.testing import CliRunner

from evalreport.cli import app
from evalreport.read.workbook import read_submission
from evalreport.render import pdf as pdf_module

runner = CliRunner()


@pytest.fixture
def workspace(form, four, tmp_path):
    """Both years' filled workbooks; the ``four`` fixture wrote the unit list to tmp_path/don_vi.xlsx."""
    write_inputs(form, four, tmp_path / "2021", "2021")
    previous = dict(CELL_ROWS)
    previous["C08"] = (92, 36) + CELL_ROWS["C08"][2:]
    write_inputs(form, four, tmp_path / "2020", "2020", rows=previous)
    return tmp_path


def test_report_all_levels_with_previous(workspace, form):
    out = workspace / "out"
    res = runner.invoke(app, ["report", str(workspace / "2021"), "--units", str(workspace / "don_vi.xlsx"),
                              "--period", "2021", "--out", str(out), "--all-levels", "--previous",
                              str(workspace / "2020"), "--place", "Mẫu", "--date", "2022-01-07"])
    assert res.exit_code == 0, res.output
    names = sorted(p.name for p in out.iterdir())
    codes = ["H01", "H02", "T01", "X01", "X02", "X03", "X04"]
    assert names == sorted([f"DG-NAM_2021_{c}.xlsx" for c in codes] + [f"DG-NAM_2021_{c}_bao_cao.docx" for c in codes])
    assert read_submission(out / "DG-NAM_2021_T01.xlsx", form).values["dv_tong_so"] == 342
    body = "\n".join(p.text for p in Document(str(out / "DG-NAM_2021_T01_bao_cao.docx")).paragraphs)
    assert "So với năm 2020: tổng số đảng viên giảm 32 đồng chí;" in body
    header = Document(str(out / "DG-NAM_2021_X04_bao_cao.docx")).tables[0].rows[0].cells[1].text
    assert header.endswith("Mẫu, ngày 07 tháng 01 năm 2022")


def test_report_root_only_english_and_usage_errors(workspace):
    out = workspace / "en"
    args = ["report", str(workspace / "2021"), "--units", str(workspace / "don_vi.xlsx"), "--period", "2021",
            "--out", str(out), "--root", "H02", "--lang", "en"]
    assert runner.invoke(app, args).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["DG-NAM_2021_H02.xlsx", "DG-NAM_2021_H02_report.docx"]
    assert runner.invoke(app, [*args[:-2], "--lang", "fr"]).exit_code == 2
    assert runner.invoke(app, [*args[:-4], "--root", "NOPE"]).exit_code == 2
    assert runner.invoke(app, [*args[:4], "--period", "2021-13"]).exit_code == 2


def test_report_date_as_an_officer_types_it(workspace):
    import docx

    args = ["report", str(workspace / "2021"), "--units", str(workspace / "don_vi.xlsx"), "--period", "2021",
            "--root", "X04"]
    res = runner.invoke(app, [*args, "--out", str(workspace / "d"), "--date", "7/1/2026"])
    assert res.exit_code == 0, res.output
    doc = docx.Document(str(workspace / "d" / "DG-NAM_2021_X04_bao_cao.docx"))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "ngày 07 tháng 01 năm 2026" in text
    res = runner.invoke(app, [*args, "--out", str(workspace / "e"), "--date", "31/02/2026"])
    assert res.exit_code == 2 and "“31/02/2026” không phải là một ngày" in res.output
    assert not (workspace / "e").exists()


def test_pdf_missing_libreoffice_is_a_clear_message(workspace, monkeypatch):
    monkeypatch.setattr(pdf_module, "soffice_path", lambda: None)
    out = workspace / "nopdf"
    res = runner.invoke(app, ["report", str(workspace / "2021"), "--units", str(workspace / "don_vi.xlsx"),
                              "--period", "2021", "--out", str(out), "--root", "X04", "--pdf"])
    assert res.exit_code == 0
    assert "Không tìm thấy LibreOffice (soffice) nên chưa xuất được PDF" in res.output
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".xlsx"]


@pytest.mark.skipif(not has_component("writer"), reason=missing_reason("writer"))
def test_pdf_with_libreoffice(workspace, tmp_path):
    from evalreport.render.pdf import convert_to_pdf

    out = workspace / "pdf"
    res = runner.invoke(app, ["report", str(workspace / "2021"), "--units", str(workspace / "don_vi.xlsx"),
                              "--period", "2021", "--out", str(out), "--root", "X04"])
    assert res.exit_code == 0
    pdf = convert_to_pdf(out / "DG-NAM_2021_X04_bao_cao.docx")
    assert pdf.read_bytes().startswith(b"%PDF")
