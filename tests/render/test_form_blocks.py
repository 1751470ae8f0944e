"""Templates and summary workbooks carry what a statistical report form carries: reporting and
receiving units, form number and period at the top; place-date line and both signature blocks at
the bottom, from the letterhead and the workspace's report settings; and still read back."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from render_support import write_inputs

from evalreport.aggregate.consolidate import consolidate
from evalreport.read.workbook import read_submission
from evalreport.render.letterhead import UnitReportSettings
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.render.workbook.template_writer import fill_template, make_template

PERIOD = "2021"
SETTINGS = UnitReportSettings(place="Củ Chi", signer_name="Nguyễn Văn A", preparer="Trần Thị B")
ROOT_SETTINGS = SETTINGS.merged(UnitReportSettings(receiver="Ban Tổ chức Trung ương"))  # the root reports to


def _cells(path, sheet: str) -> dict[str, str]:
    """Every non-empty cell of ``sheet`` as text, by A1 reference."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
    return {f"{chr(65 + c)}{r + 1}" if c < 26 else f"A{chr(65 + c - 26)}{r + 1}": str(v)
            for r, row in enumerate(rows) for c, v in enumerate(row) if v not in ("", None)}


def _assert_blocks(cells: dict[str, str], issuer: str, receiver: str, form_code: str, signs_for: str,
                   place: str = "Củ Chi", names: bool = True) -> None:
    values = list(cells.values())
    assert f"Đơn vị báo cáo: {issuer}" in values
    assert f"Đơn vị nhận báo cáo: {receiver}" in values
    assert f"Biểu số: {form_code}" in values
    assert f"{place}, ngày … tháng … năm …" in values
    ref = {v: k for k, v in cells.items()}
    preparer, signer = ref["NGƯỜI LẬP BIỂU"], ref[signs_for]
    assert preparer[1:] == signer[1:] and preparer[0] < signer[0]  # side by side, preparer on the left
    assert ref["(Ký, ghi rõ họ tên)"][1:] == ref["BÍ THƯ"][1:]
    if names:
        assert int(ref["Nguyễn Văn A"][1:]) > int(ref["BÍ THƯ"][1:])
        assert ref["Trần Thị B"][1:] == ref["Nguyễn Văn A"][1:]


@pytest.mark.parametrize("code, issuer, receiver, signs_for", [
    ("C06", "CHI BỘ KHU PHỐ 3", "ĐẢNG ỦY PHƯỜNG NGỌC THỤY", "T/M CHI BỘ"),
    ("X03", "ĐẢNG ỦY PHƯỜNG NGỌC THỤY", "HUYỆN ỦY TÂY", "T/M ĐẢNG ỦY"),
    ("T01", "TỈNH ỦY MẪU", "BAN TỔ CHỨC TRUNG ƯƠNG", "T/M BAN THƯỜNG VỤ"),
])
def test_template_carries_the_form_head_and_signatures(tmp_path, form, four, code, issuer, receiver, signs_for):
    settings = ROOT_SETTINGS if code == "T01" else SETTINGS
    path = make_template(form, code, PERIOD, four, tmp_path / f"{code}.xlsx", report=settings)
    cells = _cells(path, form.code)
    _assert_blocks(cells, issuer, receiver, form.code, signs_for)
    assert "Kỳ báo cáo: năm 2021" in cells.values()
    ws = load_workbook(path)[form.code]
    last = max(int(ref[1:]) for ref in cells)
    assert ws.print_area == f"'{form.code}'!$A$1:$E${last}"  # the signatures are printed
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "portrait", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows


def test_without_settings_place_and_root_receiver_are_dots(tmp_path, form, four):
    path = make_template(form, "T01", PERIOD, four, tmp_path / "T01.xlsx")
    _assert_blocks(_cells(path, form.code), "TỈNH ỦY MẪU", "……………", form.code, "T/M BAN THƯỜNG VỤ",
                   place="……………", names=False)


def test_filled_template_with_blocks_reads_back_the_same(tmp_path, form, four):
    values = {"dv_tong_so": 20, "dv_mien": 1}
    path = fill_template(form, "C06", PERIOD, four, tmp_path / "C06.xlsx", values)
    sub = read_submission(path, form)
    assert sub.unit_code == "C06" and {k: v for k, v in sub.values.items() if k in values} == values


def test_summary_workbook_form_and_overview_carry_the_blocks(form, four, tmp_path):
    files = write_inputs(form, four, tmp_path / "in", PERIOD)
    result = consolidate(form, PERIOD, [read_submission(p, form) for p in files.values()], four, root="H02")
    out = write_summary_workbook(result, "H02", tmp_path / "H02.xlsx", report=SETTINGS)
    for sheet in (form.code, "Tổng hợp"):
        _assert_blocks(_cells(out, sheet), "HUYỆN ỦY TÂY", "TỈNH ỦY MẪU", form.code, "T/M BAN THƯỜNG VỤ")
    sub = read_submission(out, form)
    assert sub.ok and sub.unit_code == "H02"
    wb = load_workbook(out)
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
