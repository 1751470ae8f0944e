"""Consolidation checked against numbers worked out by hand.

The four-level fixture: T01 → H01 (X01: C01 C02 C03; X02: C04 C05), H02 (X03: C06 C07;
X04: C08 C09 C10). Cell member counts (tong, mien, moi, chua | htxs, htt, ht, kht):

    C01 30 2 1 0 | 4 20 2 1     C06 50 4 2 1 | 6 33 3 1
    C02 25 1 0 1 | 3 18 2 0     C07 35 1 1 0 | 5 25 3 0
    C03 20 0 2 0 | 4 12 2 0     C08 28 2 0 0 | 4 20 2 0
    C04 40 3 1 1 | 5 27 2 1     C09 22 1 1 1 | 3 14 2 0
    C05 15 0 0 0 | 2 12 1 0     C10 18 0 1 0 | 2 13 1 1

By hand: X01 75 3 3 1 | 11 50 6 1 (evaluated 68), X02 55 3 1 1 | 7 39 3 1 (50),
X03 85 5 3 1 | 11 58 6 1 (76), X04 68 3 2 1 | 9 47 5 1 (62), H01 130 6 4 2 | 18 89 9 2 (118),
H02 153 8 5 2 | 20 105 11 2 (138), T01 283 14 9 4 | 38 194 20 4 (256).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from consolidate_support import P2021, RATINGS, four_level_submissions, members, sub

from evalreport import parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.model.submission import Provenance
from evalreport.wording.numbers import fmt_share


@pytest.fixture
def result(form, four):
    x01_own = members(76, 4, 3, 1, 11, 50, 6, 1)  # the ward's own sheet: one member and one exempt too many
    h01_own = members(131, 7, 4, 2, 18, 89, 9, 2)  # the district summed the ward's own figures
    return consolidate(form, "2021", four_level_submissions(form, four, own={"X01": x01_own, "H01": h01_own}),
                       four, root="T01")


def test_member_totals_at_every_level(result):
    expected = {
        "C03": (20, 0, 2, 0, 18, 4, 12, 2, 0), "X01": (75, 3, 3, 1, 68, 11, 50, 6, 1),
        "X02": (55, 3, 1, 1, 50, 7, 39, 3, 1), "X03": (85, 5, 3, 1, 76, 11, 58, 6, 1),
        "X04": (68, 3, 2, 1, 62, 9, 47, 5, 1), "H01": (130, 6, 4, 2, 118, 18, 89, 9, 2),
        "H02": (153, 8, 5, 2, 138, 20, 105, 11, 2), "T01": (283, 14, 9, 4, 256, 38, 194, 20, 4),
    }
    keys = ["dv_tong_so", "dv_mien", "dv_moi_ket_nap", "dv_chua_danh_gia", "dv_duoc_danh_gia", "dv_htxsnv",
            "dv_httnv", "dv_htnv", "dv_khtnv"]
    for unit, numbers in expected.items():
        assert tuple(result.totals(unit)[k] for k in keys) == numbers, unit
    assert result.totals()["dv_httnv_tro_len"] == 232
    assert result.units["X01"].source == "children" and result.units["C01"].source == "own"
    assert (result.units["T01"].covered_units, result.units["T01"].expected_units) == (10, 10)
    assert result.missing == [] and result.blocked == []


def test_member_shares_to_two_decimals(result):
    shares = {k: fmt_share(v) for k, v in result.shares().items()}
    assert shares["ty_le_duoc_danh_gia"] == "90,46%"  # 256 / 283
    assert shares["ty_le_mien"] == "4,95%"  # 14 / 283
    assert shares["ty_le_chua_danh_gia"] == "1,41%"  # 4 / 283
    assert shares["ty_le_moi_ket_nap"] == "3,18%"  # 9 / 283
    assert shares["ty_le_httnv_tro_len"] == "90,63%"  # 232 / 256 = 90.625, half up
    assert shares["ty_le_htxsnv_trong_httnv"] == "16,38%"  # 38 / 232
    assert shares["ty_le_htnv"] == "7,81%"  # 20 / 256
    assert shares["ty_le_khtnv"] == "1,56%"  # 4 / 256 = 1.5625
    assert fmt_share(result.shares("X02")["ty_le_httnv_tro_len"]) == "92,00%"  # 46 / 50


def test_organization_counts_and_shares(result):
    t = result.totals()
    chi_bo = {m: t[f"tc_chi_bo_{m}"] for m in ["tong_so", "khong_danh_gia", "duoc_danh_gia", "htxsnv", "httnv",
                                               "htnv", "khtnv", "tsvm", "httnv_tro_len"]}
    assert chi_bo == {"tong_so": 10, "khong_danh_gia": 1, "duoc_danh_gia": 9, "htxsnv": 1, "httnv": 6, "htnv": 1,
                      "khtnv": 1, "tsvm": 1, "httnv_tro_len": 7}
    assert [t[f"tc_co_so_{m}"] for m in ["tong_so", "htxsnv", "httnv", "htnv", "tsvm"]] == [4, 1, 2, 1, 1]
    assert [t[f"tc_huyen_{m}"] for m in ["tong_so", "htxsnv", "httnv", "httnv_tro_len"]] == [2, 1, 1, 2]
    assert result.totals("H02")["tc_chi_bo_tong_so"] == 5 and result.totals("H02")["tc_co_so_htnv"] == 1
    assert "tc_chi_bo_tong_so" not in result.totals("C01")
    s = {k: fmt_share(v) for k, v in result.shares().items()}
    assert s["ty_le_tc_chi_bo_duoc_danh_gia"] == "90,00%"  # 9 / 10
    assert s["ty_le_tc_chi_bo_httnv_tro_len"] == "77,78%"  # 7 / 9
    assert s["ty_le_tc_chi_bo_htxsnv_trong_httnv"] == "14,29%"  # 1 / 7
    assert s["ty_le_tc_chi_bo_httnv"] == "66,67%"  # 6 / 9
    assert s["ty_le_tc_chi_bo_tsvm"] == "11,11%"  # 1 / 9
    assert s["ty_le_tc_co_so_httnv_tro_len"] == "75,00%"  # 3 / 4
    assert s["ty_le_tc_co_so_htxsnv_trong_httnv"] == "33,33%"  # 1 / 3
    assert result.shares("X02")["ty_le_tc_chi_bo_htxsnv_trong_httnv"] == 0.0
    assert result.shares("X03")["ty_le_tc_chi_bo_htxsnv_trong_httnv"] == 0.0  # 0 / 1
    assert result.shares("C01")["ty_le_duoc_danh_gia"] == pytest.approx(90.0)


def test_completeness(result):
    root = result.completeness["T01"]
    assert root.ratio_text() == "2/2"
    assert root.by_level == {"huyen": (2, 2), "co_so": (4, 4), "chi_bo": (10, 10)}
    assert result.completeness["X01"].ratio_text() == "3/3"
    assert result.completeness["X04"].ratio_text("chi_bo") == "3/3"
    assert "C01" not in result.completeness  # a leaf rates nobody


def test_quota_at_each_committee(result):
    orgs = {(q.committee, q.level): (q.numerator, q.denominator, q.ok) for q in result.quota
            if q.scope == "organizations"}
    assert orgs == {
        ("X01", "chi_bo"): (1, 2, False), ("X02", "chi_bo"): (0, 2, True), ("X03", "chi_bo"): (0, 1, True),
        ("X04", "chi_bo"): (0, 2, True), ("H01", "co_so"): (1, 2, False), ("H02", "co_so"): (0, 1, True),
        ("T01", "huyen"): (1, 2, False),
        (None, "huyen"): (1, 2, False), (None, "co_so"): (1, 3, False), (None, "chi_bo"): (1, 7, True),
    }
    mem = {q.committee: (q.numerator, q.denominator, q.ok) for q in result.quota if q.scope == "members"}
    assert mem["C03"] == (4, 16, False)  # 4 > 20% of 16 = 3.2
    assert mem["X01"] == (11, 61, True) and mem["T01"] == (38, 232, True) and mem[None] == (38, 232, True)
    quota_msgs = [f.message() for f in result.findings if f.rule == "QUOTA_ORGANIZATIONS"]
    assert ("Đảng bộ xã An Phú: số chi bộ trực thuộc xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" là 1, bằng 50,00% số "
            "\"Hoàn thành tốt nhiệm vụ trở lên\" (2), vượt tỷ lệ tối đa 20%") in quota_msgs
    assert len(quota_msgs) == 3  # X01, H01, T01 on their own tables
    [tree] = [f for f in result.findings if f.rule == "QUOTA_ORGANIZATIONS_TREE"]  # huyen is T01's own table
    assert tree.unit == "T01" and tree.message() == (
        "Toàn Đảng bộ tỉnh Mẫu: số tổ chức cơ sở đảng xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" là 1, bằng 33,33% số "
        "\"Hoàn thành tốt nhiệm vụ trở lên\" (3), vượt tỷ lệ tối đa 20%")
    assert [f.unit for f in result.findings if f.rule == "DV_QUOTA_HTXSNV"] == ["C03"]


def test_reconciliation_names_child_and_field(result):
    gaps = {(g.unit, g.field): g for g in result.reconciliation}
    assert set(gaps) == {("X01", "dv_tong_so"), ("X01", "dv_mien"), ("H01", "dv_tong_so"), ("H01", "dv_mien")}
    x01 = gaps[("X01", "dv_tong_so")]
    assert (x01.own_value, x01.children_sum, x01.difference, x01.explained_by) == (76, 75, 1, [])
    h01 = gaps[("H01", "dv_tong_so")]
    assert (h01.own_value, h01.children_sum) == (131, 130)
    assert h01.explained_by == [("X01", "dv_tong_so", 76)]
    msg = next(f for f in result.findings if f.rule == "RECONCILIATION" and f.unit == "H01"
               and f.params["field"] == "dv_tong_so")
    assert msg.severity == "warning"
    assert msg.message() == (
        "Đảng bộ huyện Đông tự báo cáo \"Tổng số đảng viên\" là 131, nhưng cộng từ các đơn vị trực thuộc được 130 "
        "(chênh 1); chênh lệch do: Đảng bộ xã An Phú (X01) tự báo cáo 76 nhưng cấp dưới của đơn vị này cộng lại 75")
    assert "Total members" in msg.message("en")
    # The children's sum is what goes upward.
    assert result.totals("H01")["dv_tong_so"] == 130


def test_missing_and_blocked_units(form, four):
    subs = four_level_submissions(form, four, skip={"C03"}, own={"X04": members(68, 3, 2, 1, 9, 47, 5, 1)})
    bad = next(s for s in subs if s.unit_code == "C10")
    bad.values["dv_tong_so"] = 19  # 19 ≠ 0 + 1 + 0 + 17: an error, C10 stays out of the totals
    r = consolidate(form, P2021, subs, four)
    assert r.blocked == ["C10"] and bad in r.rejected
    assert r.missing == ["C03", "C10"]
    assert (r.units["T01"].covered_units, r.units["T01"].expected_units) == (8, 10)
    assert r.totals()["dv_tong_so"] == 283 - 20 - 18
    assert r.completeness["X01"].missing == ["C03"] and r.completeness["X01"].ratio_text() == "2/3"
    assert r.completeness["X04"].with_errors == ["C10"]
    assert r.completeness["T01"].by_level == {"huyen": (2, 2), "co_so": (4, 4), "chi_bo": (8, 10)}
    gap = next(g for g in r.reconciliation if g.unit == "X04" and g.field == "dv_tong_so")
    assert (gap.own_value, gap.children_sum, gap.explained_by) == (68, 50, [("C10", "dv_tong_so", 19)])
    f = next(f for f in r.findings if f.rule == "RECONCILIATION" and f.unit == "X04" and f.params["field"] == "dv_tong_so")
    assert "Chi bộ A & B <1> (C10) chưa có số liệu hợp lệ (tệp bị lỗi ghi 19)" in f.message()
    err = next(f for f in r.findings if f.rule == "DV_TONG_SO")
    assert (err.unit, err.file, err.message()) == (
        "C10", "C10.xlsx", "Tổng số đảng viên 19 ≠ 0 + 1 + 0 + 17 = 18 (miễn + mới kết nạp + chưa đánh giá + được đánh giá)")


def test_duplicates_newer_replaces_older(form, four):
    subs = four_level_submissions(form, four)
    old = next(s for s in subs if s.unit_code == "C05")
    old.provenance = Provenance("/in/C05.xlsx", "C05.xlsx", 1, "aaa", datetime(2021, 12, 1, 8, 0))
    newer = sub(form, "C05", members(16, 0, 0, 0, 2, 13, 1, 0), modified=datetime(2021, 12, 3, 9, 30),
                name="C05_sua", sha="bbb")
    r = consolidate(form, P2021, [newer, *subs], four)  # given first, but modified later
    assert r.accepted["C05"] is newer and old in r.rejected
    assert r.totals("X02")["dv_tong_so"] == 56
    f = next(f for f in r.findings if f.rule == "SUBMISSION_REPLACED")
    assert (f.severity, f.unit, f.file) == ("warning", "C05", "C05.xlsx")
    assert f.message() == ("Chi bộ khu phố 2 gửi 2 tệp cho kỳ 2021: dùng tệp mới hơn 'C05_sua.xlsx', "
                           "thay cho tệp 'C05.xlsx'")
    declared = sub(form, "C05", members(16, 0, 0, 0, 2, 13, 1, 0), modified=datetime(2021, 12, 3), name="C05_sua",
                   sha="bbb", replaces="aaa")
    r2 = consolidate(form, P2021, [*subs, declared], four)
    assert next(f for f in r2.findings if f.rule == "SUBMISSION_REPLACED").severity == "info"


def test_other_branch_form_and_period_are_kept_out(form, four):
    subs = four_level_submissions(form, four)
    subs.append(sub(form, "C06", members(1, 0, 0, 0, 0, 1, 0, 0), period=parse_period("2020")))
    other_form = sub(form, "C01", {})
    other_form.form_code = "DV-THANG"
    subs.append(other_form)
    r = consolidate(form, P2021, subs, four, root="H01")
    rules = {(f.rule, f.unit) for f in r.findings if f.is_error}
    assert ("UNIT_OTHER_BRANCH", "C06") in rules and ("PERIOD_MISMATCH", "C06") in rules
    assert ("FORM_MISMATCH", "C01") in rules
    branch = next(f for f in r.findings if f.rule == "UNIT_OTHER_BRANCH" and f.unit == "X03")
    assert branch.message() == ("Tệp của Đảng bộ phường Ngọc Thụy (X03) thuộc nhánh Đảng bộ huyện Tây, không nằm "
                                "trong Đảng bộ huyện Đông; không tổng hợp vào đây")
    assert r.totals()["dv_tong_so"] == 130 and set(r.units) == set(four.subtree("H01"))


def test_province_from_district_summaries_only(form, four):
    """The file chain: a province receives only its districts' consolidated workbooks."""
    full = consolidate(form, P2021, four_level_submissions(form, four), four)
    summaries = []
    for district in ("H01", "H02"):
        values = {k: v for k, v in full.totals(district).items() if v is not None}
        summaries.append(sub(form, district, values, RATINGS[district], hierarchy=four))
    summaries.append(sub(form, "T01", {}, RATINGS["T01"], hierarchy=four))
    r = consolidate(form, P2021, summaries, four)
    assert r.units["H01"].source == "own" and r.units["T01"].source == "children"
    for key in ("dv_tong_so", "dv_htxsnv", "tc_chi_bo_tong_so", "tc_chi_bo_htxsnv", "tc_co_so_tong_so",
                "tc_huyen_htxsnv", "tc_chi_bo_httnv_tro_len"):
        assert r.totals()[key] == full.totals()[key], key
    assert r.shares() == full.shares()
    assert r.completeness["T01"].by_level == {"huyen": (2, 2), "co_so": (4, 4), "chi_bo": (10, 10)}
    assert r.missing == [] and r.units["T01"].covered_units == 10


def test_year_over_year_changes_and_outliers(form, four):
    previous = consolidate(form, "2020", [sub(form, s.unit_code, s.values, period=parse_period("2020"))
                                          for s in four_level_submissions(form, four)], four)
    subs = four_level_submissions(form, four)
    c06 = next(s for s in subs if s.unit_code == "C06")
    c06.values.update(members(30, 4, 2, 1, 4, 16, 2, 1))  # 50 -> 30 members: -40%
    r = consolidate(form, P2021, subs, four, previous=previous, params={"outlier_threshold": 0.35})
    change = next(c for c in r.changes if c.unit == "C06" and c.field == "dv_tong_so")
    assert (change.current, change.previous, change.difference, change.outlier) == (30, 50, -20, True)
    assert next(c for c in r.changes if c.unit == "C01" and c.field == "dv_tong_so").outlier is False
    outliers = [f for f in r.findings if f.rule == "OUTLIER"]
    assert {(f.unit, f.params["field"]) for f in outliers} == {
        ("C06", "dv_tong_so"), ("C06", "dv_duoc_danh_gia"), ("C06", "dv_httnv"), ("C06", "dv_httnv_tro_len")}
    f = next(f for f in outliers if f.params["field"] == "dv_tong_so")
    assert f.message() == ("Chi bộ khu phố 3: Tổng số đảng viên là 30, kỳ trước (năm 2020) là 50 (giảm 20, -40,0%); "
                           "biến động vượt ngưỡng 35%, đề nghị kiểm tra lại")


def test_domain_provincial_table_to_the_digit(form, three):
    """domain.md's provincial table (61.567 members) consolidated from three cells."""
    cells = {
        "C01": (20000, 900, 700, 100, 2500, 14000, 1650, 150),
        "C02": (25000, 1100, 800, 84, 3000, 18500, 1380, 136),
        "C03": (16567, 714, 484, 100, 1656, 12300, 1208, 105),
    }
    r = consolidate(form, P2021, [sub(form, c, members(*v)) for c, v in cells.items()], three)
    t = r.totals()
    assert (t["dv_tong_so"], t["dv_duoc_danh_gia"], t["dv_mien"], t["dv_chua_danh_gia"], t["dv_moi_ket_nap"],
            t["dv_htxsnv"], t["dv_httnv_tro_len"], t["dv_htnv"], t["dv_khtnv"]) == (
        61567, 56585, 2714, 284, 1984, 7156, 51956, 4238, 391)
    s = r.shares()
    assert fmt_share(s["ty_le_duoc_danh_gia"], decimals=1) == "91,9%"
    assert fmt_share(s["ty_le_mien"]) == "4,41%"
    assert fmt_share(s["ty_le_chua_danh_gia"]) == "0,46%"
    assert fmt_share(s["ty_le_moi_ket_nap"]) == "3,22%"
    assert fmt_share(s["ty_le_httnv_tro_len"]) == "91,82%"
    assert fmt_share(s["ty_le_htxsnv_trong_httnv"]) == "13,77%"
    assert fmt_share(s["ty_le_htnv"]) == "7,49%"
    assert fmt_share(s["ty_le_khtnv"]) == "0,69%"
    assert fmt_share(s["ty_le_httnv_tro_len"], "en") == "91.82%"


def test_zero_denominator_and_progress(form, four):
    calls = []
    r = consolidate(form, P2021, [], four, progress=lambda done, total: calls.append((done, total)))
    assert r.units["T01"].source == "none" and r.shares()["ty_le_duoc_danh_gia"] is None
    assert r.missing == ["T01"] and r.completeness["T01"].ratio_text("chi_bo") == "0/10"
    assert calls[-1] == (17, 17)
    zero = consolidate(form, P2021, [sub(form, "C01", members(0, 0, 0, 0, 0, 0, 0, 0))], four)
    assert zero.shares("C01")["ty_le_duoc_danh_gia"] is None and zero.totals("X01")["dv_tong_so"] == 0
    frame = r.frame()
    assert len(frame) == 17 and frame.loc["C10", "ten_don_vi"] == "Chi bộ A & B <1>"
