"""Templates as an officer receives them: reopened with openpyxl and python-calamine."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from evalreport import load_form, load_hierarchy, make_template, make_templates, parse_period, read_submission
from evalreport.form.layout import META_SHEET, FormLayout
from evalreport.form.metadata import parse_meta
from evalreport.render.workbook.template_batch import write_blank_templates
from evalreport.render.workbook.template_writer import build_form_workbook, template_file_name

MEASURES = ["tong_so", "khong_danh_gia", "duoc_danh_gia", "htxsnv", "httnv", "htnv", "khtnv", "tsvm"]


def _validation_cells(ws, kind: str) -> set[str]:
    out: set[str] = set()
    for dv in ws.data_validations.dataValidation:
        if dv.type == kind:
            for rng in dv.sqref.ranges:
                out |= {f"{get_column_letter(c)}{r}" for r, c in rng.cells}
    return out


@pytest.mark.parametrize("tree", ["four", "three"])
def test_every_unit_template_reopens(request, tmp_path, form, tree):
    h = request.getfixturevalue(tree)
    for unit in h:
        path = make_template(form, unit.code, "2021", h, tmp_path / f"{unit.code}.xlsx")
        layout = FormLayout.for_unit(form, unit.code, h)
        wb = load_workbook(path)
        assert wb.sheetnames == ["DG-NAM", "Hướng dẫn", META_SHEET]
        assert wb[META_SHEET].sheet_state == "veryHidden"
        ws = wb["DG-NAM"]
        assert ws.protection.sheet and wb["Hướng dẫn"].protection.sheet
        assert wb.security.lockStructure
        assert int(ws.page_setup.paperSize) == 9  # A4
        # identity pre-filled and locked
        assert ws["C2"].value == unit.code and ws["C3"].value == unit.name
        assert ws["C5"].value == "năm 2021"
        assert ws["C2"].protection.locked and ws["C5"].protection.locked
        # every value cell unlocked with a whole-number validation; labels and anchors locked
        counts = _validation_cells(ws, "whole")
        for f in layout.fields:
            assert ws[f"A{f.row}"].value == f.code and ws[f"A{f.row}"].protection.locked
            assert ws[f"B{f.row}"].protection.locked
            assert not ws[f.cell].protection.locked
            assert f.cell in counts
        assert ws["B9"].value == "Tổng số đảng viên"
        unlocked = {c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked}
        children = h.children(unit.code)
        child_inputs = {f"{col}{r.row}" for r in (layout.children.rows if layout.children else ())
                        for col in "CDE"}
        assert unlocked == {f.cell for f in layout.fields} | child_inputs
        if children:
            ratings = _validation_cells(ws, "list")
            first = layout.children.first_row
            for i, code in enumerate(children):
                assert ws[f"A{first + i}"].value == code
                assert ws[f"B{first + i}"].value == h.name(code)
                assert ws[f"A{first + i}"].protection.locked and ws[f"B{first + i}"].protection.locked
                assert f"C{first + i}" in ratings and f"D{first + i}" in ratings
            rating_dv = next(dv for dv in ws.data_validations.dataValidation if f"C{first}" in dv.sqref)
            assert rating_dv.formula1 == '"HTXSNV,HTTNV,HTNV,KHTNV,KDG"'
        else:
            assert layout.children is None
        # calamine sees the same workbook, including the very hidden metadata
        cw = CalamineWorkbook.from_path(str(path))
        meta = parse_meta(cw.get_sheet_by_name(META_SHEET).to_python(skip_empty_area=False))
        assert (meta.form_code, meta.form_version, meta.unit_code, meta.period) == ("DG-NAM", "2025.1", unit.code,
                                                                                    "2021")
        assert meta.fingerprint == layout.fingerprint
        assert [c for c, _ in meta.children] == children
        grid = cw.get_sheet_by_name("DG-NAM").to_python(skip_empty_area=False)
        assert grid[8][0] == "dv_tong_so" and grid[1][2] == unit.code


def test_tc_blocks_follow_the_depth_below_the_children(form, four, three):
    def tc(h, code):
        return [f.code for f in FormLayout.for_unit(form, code, h).fields if f.group == "tc"]

    assert tc(four, "T01") == [f"tc_co_so_{m}" for m in MEASURES] + [f"tc_chi_bo_{m}" for m in MEASURES]
    assert tc(four, "H01") == [f"tc_chi_bo_{m}" for m in MEASURES]
    assert tc(four, "X01") == [] and tc(four, "C01") == []
    assert tc(three, "T01") == [f"tc_chi_bo_{m}" for m in MEASURES]
    assert FormLayout.for_unit(form, "C01", four).children is None


def test_fingerprint_depends_on_layout_not_language(form, four):
    vi = FormLayout.for_unit(form, "X01", four, "vi")
    en = FormLayout.for_unit(form, "X01", four, "en")
    assert vi.fingerprint == en.fingerprint
    assert vi.fingerprint != FormLayout.for_unit(form, "X02", four).fingerprint


def test_english_template(tmp_path, form, four):
    path = make_template(form, "X01", "2025-Q3", four, tmp_path / "x.xlsx", lang="en")
    wb = load_workbook(path)
    assert wb.sheetnames == ["DG-NAM", "Instructions", META_SHEET]
    assert wb["DG-NAM"]["B9"].value == "Total members"
    assert wb["DG-NAM"]["C5"].value == "Q3 2025"


def test_formula_like_names_stay_text(tmp_path, form):
    rows = [{"ma_don_vi": "T1", "ten_don_vi": "=HYPERLINK(\"http://x\")", "cap": "tinh", "ma_cap_tren": ""},
            {"ma_don_vi": "C1", "ten_don_vi": "@SUM(A1)", "cap": "co_so", "ma_cap_tren": "T1"}]
    h = load_hierarchy(rows, "three_level")
    path = make_template(form, "T1", "2021", h, tmp_path / "t.xlsx")
    ws = load_workbook(path)["DG-NAM"]
    assert ws["C3"].value == "=HYPERLINK(\"http://x\")" and ws["C3"].data_type == "s"
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("DG-NAM").to_python(skip_empty_area=False)
    assert grid[2][2] == "=HYPERLINK(\"http://x\")"


def test_bulk_templates_children_level_and_safe_names(tmp_path, form, four):
    paths = make_templates(form, "2021", four, tmp_path / "out", under="X04")
    assert [p.name for p in paths] == ["DG-NAM_2021_C08.xlsx", "DG-NAM_2021_C09.xlsx", "DG-NAM_2021_C10.xlsx"]
    paths = make_templates(form, "2021", four, tmp_path / "lv", level="co_so", under="H02")
    assert [p.name for p in paths] == ["DG-NAM_2021_X03.xlsx", "DG-NAM_2021_X04.xlsx"]
    rows = [{"ma_don_vi": "T1", "ten_don_vi": "Tỉnh", "cap": "tinh", "ma_cap_tren": ""},
            {"ma_don_vi": "../../evil", "ten_don_vi": "a", "cap": "co_so", "ma_cap_tren": "T1"},
            {"ma_don_vi": "..\\evil", "ten_don_vi": "b", "cap": "co_so", "ma_cap_tren": "T1"}]
    h = load_hierarchy(rows, "three_level")
    out = tmp_path / "safe"
    paths = make_templates(form, "2021", h, out, under="T1")
    assert len(paths) == 2 and len(set(paths)) == 2
    assert all(p.parent == out and p.exists() for p in paths)
    assert paths[0].name == "DG-NAM_2021_evil.xlsx"
    assert template_file_name("DG-NAM", parse_period("2025-Q3"), "Chi bộ A & B <1>") == "DG-NAM_2025-Q3_Chi_b_A_B_1.xlsx"
    with pytest.raises(ValueError, match="unknown level"):
        make_templates(form, "2021", four, tmp_path, level="xa")


def test_period_type_must_suit_the_form(tmp_path, monthly_form, four):
    with pytest.raises(ValueError, match="per month"):
        make_template(monthly_form, "C01", "2021", four, tmp_path / "m.xlsx")
    path = make_template(monthly_form, "C01", "2025-11", four, tmp_path / "m.xlsx")
    assert load_workbook(path)["DV-THANG"]["C5"].value == "tháng 11 năm 2025"


def test_blank_templates_can_be_filled_and_read(tmp_path, form):
    paths = write_blank_templates(tmp_path)
    assert sorted(p.name for p in paths) == ["DG-NAM.xlsx", "DV-THANG.xlsx"]
    wb = load_workbook(tmp_path / "DG-NAM.xlsx")
    ws = wb["DG-NAM"]
    layout = FormLayout.blank(form)
    first = layout.children.first_row
    assert not ws["C2"].protection.locked and not ws["C5"].protection.locked
    assert not ws[f"A{first}"].protection.locked  # free child rows: code typed by the officer
    ws["C2"], ws["C3"], ws["C5"] = "X99", "Đảng bộ xã Mới", "2024"
    for cell in layout.cell_map().values():
        ws[cell] = 5
    ws[f"A{first}"], ws[f"B{first}"], ws[f"C{first}"] = "C77", "Chi bộ 77", "HTNV"
    wb.save(tmp_path / "filled.xlsx")
    sub = read_submission(tmp_path / "filled.xlsx")
    assert sub.unit_code == "X99" and str(sub.period) == "2024" and sub.unit_name == "Đảng bộ xã Mới"
    assert sub.values == {c: 5 for c in form.field_codes}
    assert [(r.code, r.name, r.rating) for r in sub.ratings] == [("C77", "Chi bộ 77", "HTNV")]
    assert sub.ok, [f.message() for f in sub.findings]


def test_summary_kind_is_recorded_and_leaves_structure_open(form, four):
    wb = build_form_workbook(form, "X01", parse_period("2021"), four, kind="summary", values={"dv_tong_so": 12, "ty_le_x": 1.0})
    assert not wb.security or not wb.security.lockStructure
    assert wb["DG-NAM"]["C9"].value == 12
    assert "(báo cáo tổng hợp)" in wb["DG-NAM"]["B1"].value
    assert ["kind", "summary"] in [[c.value for c in row[:2]] for row in wb[META_SHEET].iter_rows()]


def test_unknown_field_in_values_is_a_usage_error(tmp_path, form, four):
    from evalreport import fill_template

    with pytest.raises(ValueError, match="dv_khong_co"):
        fill_template(form, "C01", "2021", four, tmp_path / "x.xlsx", {"dv_khong_co": 1})
    with pytest.raises(ValueError, match="not a child"):
        fill_template(form, "X01", "2021", four, tmp_path / "x.xlsx", {}, ratings=[{"code": "C09", "rating": "HTNV"}])


def test_load_form_by_code_drives_everything():
    # DV-THANG has no rating table: no child section, no list validations
    form = load_form("DV-THANG")
    layout = FormLayout.blank(form)
    assert layout.children is None
    assert [f.code for f in layout.fields] == form.field_codes


def test_cli_make_and_blank(tmp_path, units_four):
    import typer
    from typer.testing import CliRunner

    from evalreport.cli import template

    app = typer.Typer()
    template.register(app)
    run = CliRunner().invoke
    out = tmp_path / "out"
    res = run(app, ["template", "make", "--form", "DG-NAM", "--units", str(units_four), "--period", "2021",
                    "--level", "co_so", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in out.iterdir()) == [f"DG-NAM_2021_X0{i}.xlsx" for i in range(1, 5)]
    assert run(app, ["template", "make", "--form", "DG-NAM", "--units", str(units_four), "--period",
                     "2021-05"]).exit_code == 2
    assert run(app, ["template", "make", "--form", "NOPE", "--units", str(units_four), "--period", "2021"]).exit_code == 2
    assert run(app, ["template", "make", "--form", "DG-NAM", "--units", str(units_four), "--period", "2021",
                     "--under", "ZZZ"]).exit_code == 2
    res = run(app, ["template", "blank", "--out", str(tmp_path / "blank")])
    assert res.exit_code == 0 and (tmp_path / "blank" / "DG-NAM.xlsx").is_file()


def _instructions(path) -> list[str]:
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(1).to_python()  # after the form sheet
    return [row[0] for row in sheet if row and row[0]]


def test_instructions_state_the_checks_in_words_and_the_deadline(tmp_path, form, four, monthly_form):
    import datetime as dt

    path = make_template(form, "X01", "2021", four, tmp_path / "x01.xlsx", deadline=dt.date(2021, 12, 15))
    lines = _instructions(path)
    assert "• Tổng số đảng viên phải bằng số được miễn + mới kết nạp + chưa đánh giá + được đánh giá." in lines
    assert "Hạn gửi báo cáo: ngày 15 tháng 12 năm 2021. Báo cáo gửi sau hạn được ghi là nộp muộn." in lines
    assert not [line for line in lines if "==" in line or "dv_" in line]  # no expression, no field code
    monthly = _instructions(make_template(monthly_form, "X01", "2021-11", four, tmp_path / "m.xlsx"))
    assert "• Số đảng viên đầu kỳ phải bằng số cuối kỳ của tháng trước." in monthly
    assert not [line for line in monthly if line.startswith("Hạn gửi")]  # no deadline given: none invented
    english = _instructions(make_template(form, "X01", "2021", four, tmp_path / "en.xlsx", lang="en",
                                          deadline=dt.date(2021, 12, 15)))
    assert "• Total members must equal exempt + newly admitted + not yet evaluated + evaluated." in english


def test_a_rule_without_words_is_shown_with_field_labels(form):
    from evalreport.form.definition import RuleDef
    from evalreport.render.workbook.template_instructions import _in_words

    rule = RuleDef(code="X_TEST", severity="error", check="dv_htxsnv <= dv_duoc_danh_gia", message={"vi": "x", "en": "x"})
    assert _in_words(rule, form, "vi") == f"{form.label('dv_htxsnv')} ≤ {form.label('dv_duoc_danh_gia')}"
