"""Every rule of domain.md with a passing and a failing submission, and the exact message."""

from __future__ import annotations

import pytest

from evalreport import ChildRating, Submission, parse_period
from evalreport.check.rules import check
from evalreport.model.submission import CellRef, Provenance

P2021 = parse_period("2021")


def good_values(**changes) -> dict[str, int]:
    values = {
        "dv_tong_so": 120, "dv_mien": 3, "dv_moi_ket_nap": 2, "dv_chua_danh_gia": 1, "dv_duoc_danh_gia": 114,
        "dv_htxsnv": 18, "dv_httnv": 80, "dv_htnv": 13, "dv_khtnv": 3, "dv_khtnv_ky_luat": 1,
        "dv_khtnv_cong_chuc": 1, "dv_khtnv_duoi_50": 0, "dv_khtnv_khac": 1, "dv_kl_khien_trach": 1,
        "dv_kl_canh_cao": 0, "dv_kl_cach_chuc": 0, "dv_kl_khai_tru": 0,
    }
    values.update(changes)
    return values


def make(form, unit="C01", values=None, ratings=(), **kw) -> Submission:
    cells = {code: CellRef("DG-NAM", f"D{8 + i}") for i, code in enumerate(form.field_codes)}
    return Submission(form_code=kw.pop("form_code", "DG-NAM"), form_version=form.version, unit_code=unit,
                      period=kw.pop("period", P2021), values=values if values is not None else good_values(),
                      cells=cells, ratings=list(ratings),
                      provenance=Provenance(f"/in/{unit}.xlsx", f"{unit}.xlsx", 10, "abc"), **kw)


def rules_of(findings) -> list[str]:
    return [f.rule for f in findings]


def test_good_submission_has_no_findings(form, four):
    assert check(form, make(form), hierarchy=four, expected_period=P2021, expected_unit="C01") == []


def test_total_members(form):
    [f] = check(form, make(form, values=good_values(dv_duoc_danh_gia=113, dv_httnv=79)))
    assert (f.rule, f.severity, f.unit, f.file, f.sheet, f.cell) == (
        "DV_TONG_SO", "error", "C01", "C01.xlsx", "DG-NAM", "D8")
    assert f.message() == ("Tổng số đảng viên 120 ≠ 3 + 2 + 1 + 113 = 119 "
                           "(miễn + mới kết nạp + chưa đánh giá + được đánh giá)")
    assert f.message("en") == ("Total members 120 ≠ 3 + 2 + 1 + 113 = 119 "
                               "(exempt + newly admitted + not yet evaluated + evaluated)")
    assert f.params["left"] == 120 and f.params["right"] == 119


def test_four_ratings_add_up_to_evaluated(form):
    [f] = check(form, make(form, values=good_values(dv_htnv=15)))
    assert (f.rule, f.severity, f.cell) == ("DV_XEP_LOAI", "error", "D13")  # the cell of dv_htxsnv
    assert f.message() == "Tổng bốn mức xếp loại 18 + 80 + 15 + 3 = 116 ≠ số đảng viên được đánh giá 114"


def test_vietnamese_and_english_thousands(form):
    assert check(form, make(form, values=good_values(dv_tong_so=2495, dv_duoc_danh_gia=2489, dv_httnv=2455))) == []
    wrong = good_values(dv_tong_so=2495, dv_duoc_danh_gia=2487, dv_httnv=2453)
    f = next(f for f in check(form, make(form, values=wrong)) if f.rule == "DV_TONG_SO")
    assert f.message().startswith("Tổng số đảng viên 2.495 ≠ 3 + 2 + 1 + 2.487 = 2.493")
    assert f.message("en").startswith("Total members 2,495 ≠ 3 + 2 + 1 + 2,487 = 2,493")


def test_khtnv_parts_exceed_is_an_error_and_suppresses_the_match_warning(form):
    findings = check(form, make(form, values=good_values(dv_khtnv_duoi_50=2)))
    assert rules_of(findings) == ["DV_KHTNV_CHI_TIET_VUOT"]
    assert findings[0].severity == "error" and findings[0].cell == "D17"
    assert findings[0].message() == 'Các dòng "trong đó" của KHTNV cộng lại 1 + 1 + 2 + 1 = 5 vượt số KHTNV 3'


def test_khtnv_parts_short_is_a_warning(form):
    findings = check(form, make(form, values=good_values(dv_khtnv_khac=0)))
    assert [(f.rule, f.severity) for f in findings] == [("DV_KHTNV_CHI_TIET_KHOP", "warning")]
    assert findings[0].message() == 'Các dòng "trong đó" của KHTNV cộng lại 1 + 1 + 0 + 0 = 2, chưa khớp số KHTNV 3'


def test_quota_htxsnv(form):
    assert check(form, make(form, values=good_values(dv_htxsnv=19, dv_httnv=79))) == []  # 19 ≤ 0,2 × 98 = 19,6
    [f] = check(form, make(form, values=good_values(dv_htxsnv=20, dv_httnv=78)))
    assert (f.rule, f.severity, f.cell) == ("DV_QUOTA_HTXSNV", "warning", "D13")
    assert f.message() == "Số đảng viên HTXSNV 20 vượt 20% số HTTNV trở lên (0,2 × 98 = 19,6)"
    assert f.message("en") == "Members rated excellent 20 exceed 20% of good-or-better (0.2 × 98 = 19.6)"
    looser = form.with_parameters({"quota_htxsnv": 0.25})
    assert check(looser, make(looser, values=good_values(dv_htxsnv=20, dv_httnv=78))) == []
    assert check(form, make(form, values=good_values(dv_htxsnv=0, dv_httnv=0, dv_htnv=111))) == []


def test_discipline_matches_khtnv_disciplined(form):
    [f] = check(form, make(form, values=good_values(dv_kl_canh_cao=1)))
    assert (f.rule, f.severity, f.cell) == ("DV_KY_LUAT_KHOP", "warning", "D21")
    assert f.message() == "Tổng số bị kỷ luật 1 + 1 + 0 + 0 = 2 ≠ số KHTNV bị kỷ luật trong năm 1"


def test_missing_value_skips_the_rule(form):
    values = good_values(dv_duoc_danh_gia=None)  # the reader already reported this cell
    assert check(form, make(form, values=values)) == []
    del values["dv_mien"]
    assert check(form, make(form, values=values)) == []


def test_identity_mismatches(form, four):
    other = make(form, form_code="DV-THANG")
    assert [(f.rule, f.message()) for f in check(form, other)] == [
        ("FORM_MISMATCH", "Tệp là biểu DV-THANG, không phải biểu DG-NAM đang được kiểm tra, tổng hợp")]
    unknown = check(form, make(form, unit="Z99"), hierarchy=four)
    assert rules_of(unknown) == ["UNIT_UNKNOWN"] and unknown[0].severity == "error"
    assert "'Z99' không có trong danh sách đơn vị" in unknown[0].message()
    wrong_unit = check(form, make(form, unit="C02"), expected_unit="C01")
    assert wrong_unit[0].message() == "Tệp là báo cáo của đơn vị 'C02', không phải của đơn vị 'C01' như mong đợi"
    wrong_period = check(form, make(form), expected_period=parse_period("2022"))
    assert [(f.rule, f.message("en")) for f in wrong_period] == [
        ("PERIOD_MISMATCH", "The file reports period 2021, not period 2022 being consolidated")]
    month = check(form, make(form, period=parse_period("2025-11")))
    assert month[0].rule == "PERIOD_TYPE" and "(chỉ dùng kỳ: year, quarter)" in month[0].message()


def ward(form, four, rows, unit="X01"):
    ratings = [ChildRating(code=c, name=four.name(c), rating=r, tsvm=t, reason=why, raw_rating=raw,
                           cell=CellRef("DG-NAM", f"D{40 + i}"))
               for i, (c, r, t, why, raw) in enumerate(rows)]
    return make(form, unit=unit, values={}, ratings=ratings)


GOOD_TABLE = [("C01", "HTXSNV", True, None, "HTXSNV"), ("C02", "HTTNV", False, None, "HTTNV"),
              ("C03", "KDG", False, "Mới thành lập", "Không đánh giá")]


def test_ratings_table_good(form, four):
    assert check(form, ward(form, four, GOOD_TABLE), hierarchy=four) == []


def test_rating_not_allowed_quotes_what_was_typed(form, four):
    rows = [GOOD_TABLE[0], ("C02", None, False, None, "Tốt"), GOOD_TABLE[2]]
    [f] = check(form, ward(form, four, rows), hierarchy=four)
    assert (f.rule, f.severity, f.sheet, f.cell) == ("RATING_UNKNOWN", "error", "DG-NAM", "D41")
    assert f.message() == ("Xếp loại của C02 (Chi bộ ấp 2) ghi là 'Tốt', không phải giá trị hợp lệ; "
                           "chọn một trong: HTXSNV, HTTNV, HTNV, KHTNV, KDG")
    blank = [GOOD_TABLE[0], ("C02", None, False, None, None), GOOD_TABLE[2]]
    assert [f.message() for f in check(form, ward(form, four, blank), hierarchy=four)] == [
        "Chưa xếp loại C02 (Chi bộ ấp 2); chọn một trong: HTXSNV, HTTNV, HTNV, KHTNV, KDG"]


def test_tsvm_only_with_htxsnv(form, four):
    rows = [GOOD_TABLE[0], ("C02", "HTTNV", True, None, "HTTNV"), GOOD_TABLE[2]]
    [f] = check(form, ward(form, four, rows), hierarchy=four)
    assert (f.rule, f.severity) == ("TSVM_NOT_ALLOWED", "error")
    assert f.message() == ('C02 (Chi bộ ấp 2) được đánh dấu "Trong sạch, vững mạnh tiêu biểu" nhưng xếp loại HTTNV; '
                           "chỉ tổ chức xếp loại HTXSNV mới được công nhận")
    assert '"Exemplary clean and strong (TSVM)"' in f.message("en")


def test_not_rated_needs_a_reason(form, four):
    rows = [*GOOD_TABLE[:2], ("C03", "KDG", False, "  ", "KDG")]
    [f] = check(form, ward(form, four, rows), hierarchy=four)
    assert (f.rule, f.severity) == ("RATING_REASON_MISSING", "warning")
    assert f.message() == 'C03 (Chi bộ ấp 3) xếp loại "Không đánh giá" nhưng chưa ghi lý do'
    assert f.message("en") == 'C03 (Chi bộ ấp 3) is rated "Not rated" but no reason is given'


def test_duplicate_missing_and_foreign_children(form, four):
    rows = [GOOD_TABLE[0], GOOD_TABLE[0], ("C04", "HTTNV", False, None, "HTTNV"), GOOD_TABLE[2]]
    findings = check(form, ward(form, four, rows), hierarchy=four)
    by_rule = {f.rule: f for f in findings}
    assert sorted(by_rule) == ["RATING_CHILD_MISSING", "RATING_DUPLICATE", "RATING_NOT_CHILD"]
    assert all(f.severity == "error" for f in findings)
    assert by_rule["RATING_DUPLICATE"].message() == (
        "C01 (Chi bộ ấp 1) có 2 dòng trong bảng xếp loại tổ chức trực thuộc; chỉ giữ một dòng")
    assert by_rule["RATING_CHILD_MISSING"].message() == (
        "Bảng xếp loại thiếu C02 (Chi bộ ấp 2), tổ chức trực thuộc của Đảng bộ xã An Phú theo danh sách đơn vị")
    assert by_rule["RATING_NOT_CHILD"].message() == (
        "Bảng xếp loại có dòng của C04 (Chi bộ khu phố 1), không phải tổ chức trực thuộc trực tiếp của "
        "Đảng bộ xã An Phú theo danh sách đơn vị")
    assert by_rule["RATING_NOT_CHILD"].cell == "D42"


def monthly(monthly_form, period, **values):
    base = {"dau_ky": 100, "ket_nap": 3, "chuyen_den": 1, "chuyen_di": 2, "tu_tran": 1, "xoa_ten": 0, "khai_tru": 0,
            "ra_khoi_dang": 0, "chuyen_chinh_thuc": 2, "cuoi_ky": 101, "du_bi_cuoi_ky": 5,
            "ket_nap_chi_tieu_nam": 30}
    base.update(values)
    return Submission(form_code="DV-THANG", form_version=monthly_form.version, unit_code="C01",
                      period=parse_period(period), values=base)


def test_monthly_rules(monthly_form):
    assert check(monthly_form, monthly(monthly_form, "2025-11")) == []
    [f] = check(monthly_form, monthly(monthly_form, "2025-11", cuoi_ky=104))
    assert f.message() == ("Số cuối kỳ 104 ≠ 100 + 3 + 1 − 2 − 1 − 0 − 0 − 0 = 101 (đầu kỳ + kết nạp + chuyển đến "
                           "− chuyển đi − từ trần − xóa tên − khai trừ − ra khỏi Đảng)")
    [f] = check(monthly_form, monthly(monthly_form, "2025-11", du_bi_cuoi_ky=102))
    assert (f.rule, f.message()) == ("DV_DU_BI", "Số đảng viên dự bị 102 lớn hơn số đảng viên cuối kỳ 101")


@pytest.mark.parametrize("opening, ok", [(101, True), (99, False)])
def test_previous_period_continuity(monthly_form, opening, ok):
    october = monthly(monthly_form, "2025-10")  # closes at 101
    november = monthly(monthly_form, "2025-11", dau_ky=opening, cuoi_ky=opening + 1)
    findings = check(monthly_form, november, previous=october)
    assert (findings == []) is ok
    if not ok:
        assert [(f.rule, f.message()) for f in findings] == [
            ("DV_NOI_TIEP", "Số đầu kỳ 99 ≠ số cuối kỳ của kỳ trước 101")]
    assert check(monthly_form, november) == []  # no previous month given: nothing to compare
