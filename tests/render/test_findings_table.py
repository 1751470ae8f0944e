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
