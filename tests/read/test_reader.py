"""Reading submissions: round trips, numbers as people type them, and broken or edited files."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil

import pytest
from openpyxl import load_workbook

from evalreport import ChildRating, fill_template, make_template, read_submission
from evalreport.form.layout import META_SHEET, FormLayout
from evalreport.form.metadata import _checksum
from evalreport.read.count_values import parse_count


def _values(form, start: int = 1) -> dict[str, int]:
    return {code: start + i for i, code in enumerate(form.field_codes)}


def _rules(sub) -> list[str]:
    return sorted(f.rule for f in sub.findings)


def test_leaf_round_trip(tmp_path, form, four):
    values = _values(form, 3)
    path = fill_template(form, "C10", "2021", four, tmp_path / "c10.xlsx", values)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    sub = read_submission(path, form)
    assert sub.ok and sub.findings == []
    assert sub.values == values
    assert (sub.form_code, sub.form_version, sub.unit_code, str(sub.period)) == ("DG-NAM", "2025.1", "C10", "2021")
    assert sub.unit_name == "Chi bộ A & B <1>" and sub.kind == "template" and sub.ratings == []
    assert str(sub.cells["dv_tong_so"]) == "DG-NAM!C9"
    prov = sub.provenance
    assert prov.name == "c10.xlsx" and prov.size == len(before[0])
    assert prov.sha256 == hashlib.sha256(before[0]).hexdigest()
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before  # never modified


def test_non_leaf_round_trip_with_ratings_and_tc_counts(tmp_path, form, four):
    layout = FormLayout.for_unit(form, "T01", four)
    tc = {f.code: 10 + i for i, f in enumerate(layout.fields) if f.group == "tc"}
    values = {**_values(form), **tc}
    ratings = [ChildRating("H01", "", "HTXSNV", tsvm=True), ChildRating("H02", "", "KDG", reason="Mới thành lập")]
    path = fill_template(form, "T01", "2025-Q3", four, tmp_path / "t.xlsx", values, ratings)
    sub = read_submission(path)
    assert sub.ok, [f.message() for f in sub.findings]
    assert sub.values == values and sub.values["tc_chi_bo_tsvm"] == tc["tc_chi_bo_tsvm"]
    assert [(r.code, r.name, r.rating, r.tsvm, r.reason) for r in sub.ratings] == [
        ("H01", "Đảng bộ huyện Đông", "HTXSNV", True, None),
        ("H02", "Đảng bộ huyện Tây", "KDG", False, "Mới thành lập")]
    assert str(sub.ratings[0].cell) == f"DG-NAM!C{layout.children.first_row}"
    assert str(sub.period) == "2025-Q3"


def test_blank_tc_rows_are_simply_not_reported(tmp_path, form, four):
    sub = read_submission(fill_template(form, "H01", "2021", four, tmp_path / "h.xlsx", _values(form)))
    assert sub.ok and not any(c.startswith("tc_") for c in sub.values)


@pytest.mark.parametrize(("typed", "meant"), [
    ("2.493", 2493), ("2,493", 2493), (" 12 ", 12), ("12.0", 12), ("12,00", 12), ("1 234", 1234),
    ("1.234.567", 1234567), ("\u00a0 7\u00a0", 7), ("1.234,0", 1234), ("0", 0), ("2.000", 2000), (12.0, 12),
])
def test_numbers_typed_as_text_in_every_local_style(tmp_path, form, four, typed, meant):
    sub = read_submission(fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx",
                                        {**_values(form), "dv_tong_so": typed}))
    assert sub.values["dv_tong_so"] == meant
    assert sub.ok


@pytest.mark.parametrize(("typed", "rule"), [
    ("mười", "VALUE_TEXT"), ("#REF!", "VALUE_ERROR"), (dt.date(2021, 3, 2), "VALUE_DATE"), (-3, "VALUE_NEGATIVE"),
    ("-3", "VALUE_NEGATIVE"), (2.5, "VALUE_FRACTION"), ("12,5", "VALUE_FRACTION"), (20_000_000, "VALUE_TOO_LARGE"),
    (True, "VALUE_BOOLEAN"), (None, "VALUE_BLANK"), ("   ", "VALUE_BLANK"),
])
def test_bad_values_are_specific_findings(tmp_path, form, four, typed, rule):
    values = {**_values(form), "dv_mien": typed}
    sub = read_submission(fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", values))
    assert sub.values["dv_mien"] is None
    assert _rules(sub) == [rule]
    f = sub.findings[0]
    assert (f.severity, f.unit, f.file, f.sheet, f.cell) == ("error", "C01", "c.xlsx", "DG-NAM", "C10")
    assert "C10" in f.message() and "Đảng viên được miễn" in f.message()


def test_formula_without_cached_value_is_a_finding_not_zero(tmp_path, form, four):
    path = fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", _values(form))
    wb = load_workbook(path)
    ws = wb["DG-NAM"]
    ws["C9"] = "=SUM(C10:C13)"  # openpyxl stores no cached value
    ws["C10"].value, ws["C10"].data_type = "#DIV/0!", "e"
    wb.save(path)
    sub = read_submission(path)
    assert sub.values["dv_tong_so"] is None and sub.values["dv_mien"] is None
    by_rule = {f.rule: f for f in sub.findings}
    assert sorted(by_rule) == ["VALUE_ERROR", "VALUE_FORMULA"]
    assert by_rule["VALUE_FORMULA"].cell == "C9" and "#DIV/0!" in by_rule["VALUE_ERROR"].message()


def test_metadata_deleted(tmp_path, form, four):
    path = fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", _values(form))
    wb = load_workbook(path)
    del wb[META_SHEET]
    wb.save(path)
    sub = read_submission(path)
    assert _rules(sub) == ["META_MISSING"] and sub.values == {} and sub.period is None
    assert "_evalreport" in sub.findings[0].message()


def _edit_meta(path, key: str, column: int, value: str, *, fix_checksum: bool) -> None:
    wb = load_workbook(path)
    ws = wb[META_SHEET]
    rows = [[c.value or "" for c in row] for row in ws.iter_rows()]
    for i, row in enumerate(rows):
        if row[0] == key:
            ws.cell(row=i + 1, column=column + 1, value=value)
            row[column] = value
            break
    if fix_checksum:
        body = [[str(v) for v in r] for r in rows if r[0] != "checksum"]
        ws.cell(row=len(rows), column=2, value=_checksum(body))
    wb.save(path)


def test_metadata_edited(tmp_path, form, four):
    path = fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", _values(form))
    _edit_meta(path, "unit_code", 1, "C02", fix_checksum=False)
    assert _rules(read_submission(path)) == ["META_EDITED"]
    path = fill_template(form, "C01", "2021", four, tmp_path / "d.xlsx", _values(form))
    _edit_meta(path, "field", 3, "C10", fix_checksum=True)  # dv_tong_so -> another cell, checksum "repaired"
    sub = read_submission(path)
    assert _rules(sub) == ["META_EDITED"] and sub.findings[0].params["reason"] == "fingerprint"


def test_unknown_form_and_version(tmp_path, form, monthly_form, four):
    path = fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", _values(form))
    newer = form.model_copy(update={"version": "2030.1"})
    sub = read_submission(path, [newer])
    assert _rules(sub) == ["FORM_VERSION_UNKNOWN"]
    assert "2025.1" in sub.findings[0].message() and "2030.1" in sub.findings[0].message()
    assert _rules(read_submission(path, {"DV-THANG": monthly_form})) == ["FORM_UNKNOWN"]


def test_inserted_row_and_column_are_still_read(tmp_path, form, four):
    values = _values(form)
    ratings = [ChildRating("C01", "", "HTNV"), ChildRating("C03", "", "HTTNV")]
    path = fill_template(form, "X01", "2021", four, tmp_path / "x.xlsx", values, ratings)
    wb = load_workbook(path)
    ws = wb["DG-NAM"]
    ws.insert_rows(12)  # between dv_moi_ket_nap (C11) and dv_chua_danh_gia (C12)
    ws.insert_cols(1)
    wb.save(path)
    sub = read_submission(path)
    assert sub.values == values
    assert [(r.code, r.rating) for r in sub.ratings] == [("C01", "HTNV"), ("C02", None), ("C03", "HTTNV")]
    assert sub.ok and {f.rule for f in sub.findings} == {"FIELD_MOVED", "CHILD_MOVED"}
    assert str(sub.cells["dv_tong_so"]) == "DG-NAM!D9" and str(sub.cells["dv_chua_danh_gia"]) == "DG-NAM!D13"
    moved = next(f for f in sub.findings if f.rule == "FIELD_MOVED" and f.params["code"] == "dv_chua_danh_gia")
    assert "C12" in moved.message() and "D13" in moved.message()


def test_deleted_row_is_an_error(tmp_path, form, four):
    path = fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", _values(form))
    wb = load_workbook(path)
    wb["DG-NAM"].delete_rows(10)
    wb.save(path)
    sub = read_submission(path)
    assert sub.values["dv_mien"] is None and "FIELD_MISSING" in _rules(sub) and not sub.ok


def test_ratings_are_normalised(tmp_path, form, four):
    ratings = [ChildRating("C08", "", None, raw_rating="hoàn thành xuất sắc nhiệm vụ", tsvm=True),
               ChildRating("C09", "", None, raw_rating="HOAN THANH NHIEM VU"),
               ChildRating("C10", "", None, raw_rating="Xuất sắc lắm")]
    sub = read_submission(fill_template(form, "X04", "2021", four, tmp_path / "x.xlsx", _values(form), ratings))
    assert [(r.code, r.rating, r.raw_rating, r.tsvm) for r in sub.ratings] == [
        ("C08", "HTXSNV", "hoàn thành xuất sắc nhiệm vụ", True), ("C09", "HTNV", "HOAN THANH NHIEM VU", False),
        ("C10", None, "Xuất sắc lắm", False)]
    assert sub.ratings[2].name == "Chi bộ A & B <1>"


def test_tsvm_unreadable_is_a_warning(tmp_path, form, four):
    path = fill_template(form, "X04", "2021", four, tmp_path / "x.xlsx", _values(form),
                         [ChildRating("C08", "", "HTXSNV")])
    wb = load_workbook(path)
    first = FormLayout.for_unit(form, "X04", four).children.first_row
    wb["DG-NAM"][f"D{first}"] = "chắc là có"
    wb.save(path)
    sub = read_submission(path)
    assert _rules(sub) == ["CHILD_TSVM_UNREADABLE"] and sub.ok and sub.ratings[0].tsvm is False


def test_xlsm_and_hidden_sheet(tmp_path, form, four):
    values = _values(form)
    path = fill_template(form, "C01", "2021", four, tmp_path / "c.xlsx", values)
    xlsm = tmp_path / "c.xlsm"
    shutil.copy(path, xlsm)
    assert read_submission(xlsm).values == values
    wb = load_workbook(path)
    wb["DG-NAM"].sheet_state = "hidden"
    wb.active = 1
    wb.save(path)
    sub = read_submission(path)
    assert sub.values == values and _rules(sub) == ["SHEET_HIDDEN"] and sub.ok


def test_period_and_unit_from_blank_header_are_checked(tmp_path, form, four):
    from evalreport.render.workbook.template_batch import write_blank_templates

    write_blank_templates(tmp_path)
    wb = load_workbook(tmp_path / "DG-NAM.xlsx")
    wb["DG-NAM"]["C5"] = "2025-11"  # DG-NAM is yearly or quarterly
    wb.save(tmp_path / "b.xlsx")
    sub = read_submission(tmp_path / "b.xlsx")
    assert {"UNIT_MISSING", "PERIOD_INVALID"} <= set(_rules(sub)) and sub.period is None


def test_missing_file_is_a_finding(tmp_path):
    sub = read_submission(tmp_path / "nope.xlsx")
    assert _rules(sub) == ["FILE_UNREADABLE"] and sub.provenance is None


def test_unexpected_failure_becomes_a_finding(tmp_path, form, four, monkeypatch):
    import evalreport.read.workbook as reader

    path = make_template(form, "C01", "2021", four, tmp_path / "c.xlsx")
    monkeypatch.setattr(reader, "parse_meta", lambda rows: 1 / 0)
    sub = read_submission(path)
    assert _rules(sub) == ["READ_UNEXPECTED"] and "ZeroDivisionError" in sub.findings[0].message()


def test_parse_count_table():
    assert parse_count(" 2.493 ") == (2493, None)
    assert parse_count("(5)") == (None, "negative")
    assert parse_count("-0") == (0, None)
    assert parse_count(float("nan")) == (None, "text")
    assert parse_count(dt.datetime(2021, 1, 1)) == (None, "date")
    assert parse_count(10_000_000) == (10_000_000, None)
    assert parse_count(10_000_001) == (None, "too_large")
