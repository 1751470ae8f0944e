"""The findings workbook an officer opens: its tab, headings and severities in the chosen language."""

from __future__ import annotations

from python_calamine import CalamineWorkbook

from evalreport.model.finding import make_finding
from evalreport.render.workbook.findings_table import write_findings_table


def test_findings_workbook_speaks_vietnamese_and_english_when_asked(tmp_path):
    findings = [make_finding("VALUE_BLANK", "error", unit="C01", file="C01.xlsx", sheet="DG-NAM", cell="D12")]
    vi = CalamineWorkbook.from_path(str(write_findings_table(findings, tmp_path / "vi.xlsx")))
    en = CalamineWorkbook.from_path(str(write_findings_table(findings, tmp_path / "en.xlsx", lang="en")))
    assert vi.sheet_names == ["Phát hiện"]
    assert en.sheet_names == ["Findings"]
    rows = vi.get_sheet_by_name("Phát hiện").to_python()
    assert rows[0] == ["Mức độ", "Đơn vị", "Tệp", "Trang tính", "Ô", "Dòng", "Quy tắc", "Nội dung"]
    assert rows[1][:5] == ["Lỗi", "C01", "C01.xlsx", "DG-NAM", "D12"] and rows[1][6] == "VALUE_BLANK"
    assert en.get_sheet_by_name("Findings").to_python()[1][0] == "Error"


def test_findings_workbook_opens_readable_and_prints_its_headings_on_every_page(tmp_path):
    from openpyxl import load_workbook

    finding = make_finding("VALUE_BLANK", "error", unit="C01", file="C01.xlsx", sheet="DG-NAM", cell="D12")
    ws = load_workbook(write_findings_table([finding], tmp_path / "vi.xlsx")).active
    assert ws.freeze_panes == "A2" and ws.print_title_rows == "$1:$1"
    assert ws.column_dimensions["H"].width >= 80 and ws.column_dimensions["C"].width >= 30  # message, file
    assert ws.page_setup.orientation == "landscape"
