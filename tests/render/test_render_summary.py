"""The summary workbook: read back by the project's reader, and a file chain cell -> ward ->
district -> province that gives the same root totals as consolidating every cell at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from render_support import CELL_ROWS, cell_values, write_inputs

from evalreport import load_hierarchy
from evalreport.aggregate.consolidate import consolidate
from evalreport.read.workbook import read_submission
from evalreport.render.workbook.summary_workbook import summary_values, write_summary_workbook
from evalreport.render.workbook.template_writer import fill_template

PERIOD = "2021"


@pytest.fixture
def files(form, four, tmp_path) -> dict[str, Path]:
    return write_inputs(form, four, tmp_path / "in", PERIOD)


def _consolidate(form, four, paths, root):
    subs = [read_submission(p, form) for p in paths]
    return consolidate(form, PERIOD, subs, four, root=root)


def test_summary_reads_back_with_the_same_totals(form, four, files, tmp_path):
    result = _consolidate(form, four, list(files.values()), "T01")
    assert not [f for f in result.findings if f.is_error]
    out = write_summary_workbook(result, "T01", tmp_path / "out" / "T01.xlsx")
    sub = read_submission(out, form)
    assert sub.ok, [f.message() for f in sub.findings]
    assert sub.kind == "summary" and sub.unit_code == "T01"
    expected = summary_values(result, "T01")
    assert {k: v for k, v in sub.values.items() if v is not None} == expected
    assert expected["dv_tong_so"] == 342 and expected["dv_duoc_danh_gia"] == 314
    assert expected["tc_chi_bo_tong_so"] == 10 and expected["tc_co_so_htxsnv"] == 1
    assert [(r.code, r.rating, r.tsvm) for r in sub.ratings] == [("H01", "HTXSNV", True), ("H02", "HTTNV", False)]


def test_file_chain_cell_ward_district_province(form, four, files, tmp_path):
    direct = _consolidate(form, four, list(files.values()), "T01")
    summaries: dict[str, Path] = {}
    for code in four.bottom_up("T01"):
        if four.is_leaf(code):
            continue
        # each level consolidates its own template and what its children sent: the cells' files at
        # a ward, the summaries written one level down above it
        inputs = [files[code]] + [files[c] if four.is_leaf(c) else summaries[c] for c in four.children(code)]
        result = _consolidate(form, four, inputs, code)
        assert not [f for f in result.findings if f.is_error], [f.message() for f in result.findings]
        summaries[code] = write_summary_workbook(result, code, tmp_path / "chain" / f"{code}.xlsx")
    chained = _consolidate(form, four, [files["T01"], summaries["H01"], summaries["H02"]], "T01")
    assert chained.totals("T01") == direct.totals("T01")
    assert chained.shares("T01") == direct.shares("T01")
    assert summary_values(chained, "T01") == summary_values(direct, "T01")
    province = read_submission(summaries["T01"], form)  # what the province would send further up
    assert {k: v for k, v in province.values.items() if v is not None} == summary_values(direct, "T01")


def test_added_sheets_layout_and_safety(form, four, files, tmp_path):
    result = _consolidate(form, four, [p for c, p in files.items() if c not in ("C07",)], "T01")
    out = write_summary_workbook(result, "X04", tmp_path / "X04.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames[1:] == ["Tổng hợp", "Đơn vị trực thuộc", "Biểu đồ", "Tình hình nộp", "Phát hiện",
                                 "So với kỳ trước", "Hướng dẫn", "_evalreport"]
    assert wb.active.title == "Tổng hợp"
    kids = wb["Đơn vị trực thuộc"]
    rows = [[c.value for c in r] for r in kids.iter_rows(min_row=2, max_row=5)]
    assert rows[2][:11] == [3, "C10", "Chi bộ A & B <1>", "Đã nộp, hợp lệ", 22, 20, pytest.approx(20 / 22), 3, 13, 4, 0]
    assert rows[3][2] == "Cộng" and rows[3][4:6] == [97, 88]
    assert kids["E2"].number_format == "#,##0" and kids["G2"].number_format == "0.00%"
    assert kids.freeze_panes == "D2" and kids.auto_filter.ref == "A1:R4"
    assert kids.page_setup.orientation == "landscape" and int(kids.page_setup.paperSize) == 9  # A4
    assert len(kids.conditional_formatting) == 1  # one range, two rules (amber, red)
    assert len(wb["Biểu đồ"]._charts) == 2
    overview = wb["Tổng hợp"]
    labels = {r[1].value: (r[2].value, r[3].value) for r in overview.iter_rows(min_row=6, max_row=30) if r[1].value}
    assert labels["Tổng số đảng viên"][0] == 97
    assert labels["Đảng viên được đánh giá, xếp loại"] == (88, pytest.approx(88 / 97))


def test_text_from_submissions_is_never_a_formula(form, tmp_path):
    names = {"X1": "=HYPERLINK(\"http://x\",\"a\")", "C1": "+cmd|' /C calc'!A0", "C2": "-2+3", "C3": "@SUM(A1:A2)"}
    rows = [("T1", "Tỉnh", "tinh", ""), ("H1", "Huyện", "huyen", "T1"), ("X1", names["X1"], "co_so", "H1"),
            ("C1", names["C1"], "chi_bo", "X1"), ("C2", names["C2"], "chi_bo", "X1"), ("C3", names["C3"], "chi_bo", "X1")]
    h = load_hierarchy([dict(zip(("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"), r, strict=True)) for r in rows])
    paths = []
    for code in ("C1", "C2"):
        paths.append(fill_template(form, code, PERIOD, h, tmp_path / f"{code}.xlsx",
                                   cell_values(form, CELL_ROWS["C01"])))
    result = _consolidate(form, h, paths, "T1")
    out = write_summary_workbook(result, "X1", tmp_path / "X1.xlsx")
    wb = load_workbook(out)
    seen = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in names.values():
                    seen[cell.value] = cell.data_type
                assert not (isinstance(cell.value, str) and cell.data_type == "f" and cell.value in names.values())
    assert set(seen) >= {names["C1"], names["C2"], names["C3"]} and set(seen.values()) == {"s"}
    kids = wb["Đơn vị trực thuộc"]
    assert [kids["C2"].value, kids["C3"].value, kids["C4"].value] == [names["C1"], names["C2"], names["C3"]]
    assert kids["D4"].value == "Chưa nộp"


def test_missing_and_english(form, four, files, tmp_path):
    result = _consolidate(form, four, [p for c, p in files.items() if c != "C07"], "T01")
    out = write_summary_workbook(result, "X03", tmp_path / "X03_en.xlsx", lang="en")
    wb = load_workbook(out)
    kids = wb["Subordinate units"]
    assert [kids["C2"].value, kids["D2"].value] == ["Chi bộ khu phố 3", "Accepted"]
    assert [kids["C3"].value, kids["D3"].value] == ["Chi bộ khu phố 4", "Missing"]
    comp = wb["Completeness"]
    assert [c.value for c in comp[3]][1:6] == ["C07", "Chi bộ khu phố 4", "Party cell", "X03", "Missing"]
    assert read_submission(out, form).ok


def test_monthly_form_without_ratings(monthly_form, three, tmp_path):
    """DV-THANG has no rating table: the summary lists every field per child and still reads back."""
    base = {"dau_ky": 50, "ket_nap": 2, "chuyen_den": 1, "chuyen_di": 1, "tu_tran": 0, "xoa_ten": 0, "khai_tru": 0,
            "ra_khoi_dang": 0, "chuyen_chinh_thuc": 1, "cuoi_ky": 52, "du_bi_cuoi_ky": 4, "ket_nap_chi_tieu_nam": 20}
    paths = [fill_template(monthly_form, c, "2025-11", three, tmp_path / f"{c}.xlsx", base) for c in ("C01", "C02", "C03")]
    result = consolidate(monthly_form, "2025-11", [read_submission(p, monthly_form) for p in paths], three, root="T01")
    out = write_summary_workbook(result, "T01", tmp_path / "T01.xlsx")
    wb = load_workbook(out)
    assert "Biểu đồ" not in wb.sheetnames
    kids = wb["Đơn vị trực thuộc"]
    assert [kids.cell(2, c).value for c in (2, 3, 4, 5)] == ["X01", "Đảng bộ phường Bến Nghé", "Đã nộp, hợp lệ", 100]
    back = read_submission(out, monthly_form)
    assert back.ok and back.values["cuoi_ky"] == 156 and back.values["ket_nap"] == 6


def test_leaf_summary(form, four, files, tmp_path):
    result = _consolidate(form, four, list(files.values()), "T01")
    out = write_summary_workbook(result, "C10", tmp_path / "C10.xlsx")
    wb = load_workbook(out)
    assert "Đơn vị trực thuộc" not in wb.sheetnames and "Biểu đồ" not in wb.sheetnames
    back = read_submission(out, form)
    assert back.ok and back.unit_code == "C10" and back.values == cell_values(form, CELL_ROWS["C10"])


def test_overview_says_how_much_is_covered(form, four, files, tmp_path):
    result = _consolidate(form, four, [p for c, p in files.items() if c != "C07"], "T01")
    wb = load_workbook(write_summary_workbook(result, "T01", tmp_path / "T01.xlsx"))
    assert wb["Tổng hợp"]["A3"].value == "Số liệu tổng hợp từ 9/10 chi bộ trực thuộc của Đảng bộ tỉnh Mẫu"
    assert wb["Tổng hợp"]["A1"].value.startswith("BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI")


def test_cells_never_hold_characters_excel_refuses():
    from openpyxl import Workbook

    from evalreport.render.workbook.xlsx_cells import put

    ws = Workbook().active
    put(ws, 1, 1, "Chi bộ\x0b ấp 1\x01")
    put(ws, 1, 2, "=1+1")
    assert ws["A1"].value == "Chi bộ ấp 1" and (ws["B1"].value, ws["B1"].data_type) == ("=1+1", "s")


def test_completeness_and_findings_rows(form, four, files, tmp_path):
    """The two sheets whose rows are streamed at save time: every unit and every finding, with the
    status fills, the filter over all rows and the findings' wrapped-row heights."""
    wrong = cell_values(form, CELL_ROWS["C03"]) | {"dv_tong_so": CELL_ROWS["C03"][0] + 5}
    bad = fill_template(form, "C03", PERIOD, four, tmp_path / "C03_wrong.xlsx", wrong)
    inputs = [p for c, p in files.items() if c not in ("C03", "C07", "X04")] + [bad]
    result = _consolidate(form, four, inputs, "T01")
    wb = load_workbook(write_summary_workbook(result, "T01", tmp_path / "T01.xlsx"))
    comp = wb["Tình hình nộp"]
    rows = {r[1].value: r for r in comp.iter_rows(min_row=2)}
    assert list(rows) == four.descendants("T01") and comp.max_row == 17
    assert [c.value for c in rows["C03"]][:7] == [5, "C03", "Chi bộ ấp 3", "Chi bộ trực thuộc", "X01", "Đã nộp, có lỗi",
                                                  "C03_wrong.xlsx"]
    assert [c.value for c in rows["C01"]][5:] == ["Đã nộp, hợp lệ", "C01.xlsx", rows["C01"][7].value, "1/1"]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", rows["C01"][7].value)
    assert [rows[u][5].value for u in ("C07", "X04", "X03")] == ["Chưa nộp", "Chưa nộp", "Đã nộp, hợp lệ"]
    assert rows["X03"][8].value == "1/2" and rows["C07"][7].value is None
    fills = {u: rows[u][5].fill.fgColor.rgb if rows[u][5].fill.fill_type else None for u in ("C03", "C07", "X04", "C01")}
    assert fills == {"C03": "00F8CBAD", "C07": "00FFE699", "X04": None, "C01": None}
    assert rows["C01"][2].alignment.horizontal == "left" and rows["C01"][0].number_format == "#,##0"
    assert rows["C01"][0].border.left.style == "thin" and rows["C07"][6].border.left.style == "thin"  # empty, bordered
    assert (comp.freeze_panes, comp.auto_filter.ref) == ("C2", "A1:I17")
    found = wb["Phát hiện"]
    errors = [r for r in found.iter_rows(min_row=2) if r[0].value == "Lỗi"]
    assert errors and all(r[1].value == "C03" and r[0].fill.fgColor.rgb == "00F8CBAD" for r in errors)
    assert all(found.row_dimensions[r[0].row].height >= 15 for r in errors)
    assert found.auto_filter.ref == f"A1:H{found.max_row}" and found.max_row == 1 + len(result.findings)
    kids = {r[1].value: [c.value for c in r] for r in wb["Đơn vị trực thuộc"].iter_rows(min_row=2, max_row=3)}
    for child in ("H01", "H02"):  # errors and warnings anywhere below each child
        below = [f for f in result.findings if f.unit in four.subtree(child)]
        assert kids[child][-2:] == [sum(f.is_error for f in below), sum(f.severity == "warning" for f in below)]
    assert kids["H01"][-2] == len(errors) > 0
