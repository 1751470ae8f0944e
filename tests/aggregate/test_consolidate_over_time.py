"""Consolidation across a change of the unit list: completeness over the period's tree, changes
mapped through successions, splits compared at their common parent, like-for-like counts."""

from __future__ import annotations

from consolidate_support import members, sub

from evalreport import load_hierarchy, parse_period
from evalreport.aggregate.consolidate import consolidate
from evalreport.store.status import expected_units

Y2024, Y2025, Y2026 = (parse_period(y) for y in ("2024", "2025", "2026"))


def unit_list(rows):
    keys = ["ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren", "hieu_luc_tu", "hieu_luc_den", "ke_thua"]
    return load_hierarchy([dict(zip(keys, r, strict=True)) for r in rows])


def count(n):
    """A cell's or commune's members: n in all, every one rated "hoàn thành tốt"."""
    return members(n, 0, 0, 0, 0, n, 0, 0)


# 2024: X1 and X2; 2025: X12 succeeds both. X3 is there throughout.
MERGER = unit_list([
    ("T", "Đảng bộ tỉnh", "tinh", "", "", "", ""),
    ("X1", "Đảng bộ xã Một", "co_so", "T", "", "31/12/2024", ""),
    ("X2", "Đảng bộ xã Hai", "co_so", "T", "", "31/12/2024", ""),
    ("X12", "Đảng bộ xã Mười Hai", "co_so", "T", "01/01/2025", "", "X1, X2"),
    ("X3", "Đảng bộ xã Ba", "co_so", "T", "", "", ""),
])


def test_a_merged_unit_compares_with_the_sum_of_its_predecessors(form):
    before = consolidate(form, Y2024, [sub(form, "X1", count(30), period=Y2024),
                                       sub(form, "X2", count(25), period=Y2024),
                                       sub(form, "X3", count(40), period=Y2024)], MERGER)
    now = consolidate(form, Y2025, [sub(form, "X12", count(50), period=Y2025),
                                    sub(form, "X3", count(42), period=Y2025)], MERGER, previous=before)
    assert now.completeness["T"].ratio_text() == "2/2"  # X1 and X2 are not expected in 2025
    assert (now.units["T"].covered_units, now.units["T"].expected_units) == (2, 2)
    change = next(c for c in now.changes if c.unit == "X12" and c.field == "dv_tong_so")
    assert (change.current, change.previous) == (50, 55)
    x12 = now.comparisons["X12"]
    assert x12.predecessors == ("X1", "X2") and x12.comparable and x12.previous["dv_tong_so"] == 55
    root = now.comparisons["T"]
    assert root.comparable and root.previous["dv_tong_so"] == 95
    assert not root.like_for_like and root.reasons == ("hierarchy_changed",)
    assert (root.merged, root.founded, root.dissolved, root.units_compared) == (1, 0, 0, 2)
    assert (root.common_current["dv_tong_so"], root.common_previous["dv_tong_so"]) == (92, 95)


def test_like_for_like_only_when_both_periods_cover_the_same_units(form):
    before = consolidate(form, Y2024, [sub(form, c, count(10), period=Y2024) for c in ("X1", "X2", "X3")], MERGER)
    plain = consolidate(form, Y2024, [sub(form, c, count(12), period=Y2024) for c in ("X1", "X2", "X3")], MERGER,
                        previous=before)
    assert plain.comparisons["T"].like_for_like and plain.comparisons["T"].reasons == ()
    # X2 sends nothing this time: the root compares over the two units with data in both.
    gap = consolidate(form, Y2024, [sub(form, c, count(12), period=Y2024) for c in ("X1", "X3")], MERGER,
                      previous=before)
    root = gap.comparisons["T"]
    assert not root.like_for_like and root.reasons == ("missing_now",) and root.units_compared == 2
    assert (root.common_current["dv_tong_so"], root.common_previous["dv_tong_so"]) == (24, 20)


# Four levels. X5 is split into X5A and X5B under the same district; X6 into X6A (H1) and X6B (H2).
SPLIT = unit_list([
    ("T", "Tỉnh", "tinh", "", "", "", ""),
    ("H1", "Huyện Một", "huyen", "T", "", "", ""),
    ("H2", "Huyện Hai", "huyen", "T", "", "", ""),
    ("X5", "Xã Năm", "co_so", "H1", "", "31/12/2024", ""),
    ("X5A", "Xã Năm A", "co_so", "H1", "01/01/2025", "", "X5"),
    ("X5B", "Xã Năm B", "co_so", "H1", "01/01/2025", "", "X5"),
    ("X6", "Xã Sáu", "co_so", "H1", "", "31/12/2024", ""),
    ("X6A", "Xã Sáu A", "co_so", "H1", "01/01/2025", "", "X6"),
    ("X6B", "Xã Sáu B", "co_so", "H2", "01/01/2025", "", "X6"),
    ("X7", "Xã Bảy", "co_so", "H2", "", "", ""),
])


def test_a_split_is_compared_where_its_parts_meet(form):
    before = consolidate(form, Y2024, [sub(form, c, count(n), period=Y2024)
                                       for c, n in (("X5", 40), ("X6", 30), ("X7", 20))], SPLIT)
    now = consolidate(form, Y2025, [sub(form, c, count(n), period=Y2025) for c, n in
                                    (("X5A", 22), ("X5B", 20), ("X6A", 15), ("X6B", 16), ("X7", 21))],
                      SPLIT, previous=before)
    c = now.comparisons
    for part in ("X5A", "X5B", "X6A", "X6B"):
        assert not c[part].comparable and c[part].reasons[0] == "split" and c[part].previous == {}
    assert not any(ch.unit in {"X5A", "X5B", "X6A", "X6B", "H1", "H2"} for ch in now.changes)
    # X5's parts meet in H1 but X6's do not: H1 and H2 are not comparable, the province is.
    assert not c["H1"].comparable and not c["H2"].comparable
    assert c["T"].comparable and c["T"].previous["dv_tong_so"] == 90 and c["T"].split == 2
    assert c["X7"].comparable and c["X7"].like_for_like and c["X7"].previous["dv_tong_so"] == 20
    assert c["T"].units_compared == 1  # only X7 has figures of its own in both years


def test_a_unit_submitting_after_its_end_date_is_an_error_naming_dates_and_successor(form):
    now = consolidate(form, Y2025, [sub(form, "X1", count(30), period=Y2025),
                                    sub(form, "X12", count(50), period=Y2025)], MERGER)
    found = [f for f in now.findings if f.rule == "UNIT_NOT_IN_PERIOD"]
    assert len(found) == 1 and found[0].is_error and found[0].unit == "X1"
    assert "31/12/2024" in found[0].message("vi") and "Đảng bộ xã Mười Hai (X12)" in found[0].message("vi")
    assert "succeeded by" in found[0].message("en")
    assert "X1" not in now.accepted and now.totals()["dv_tong_so"] == 50


# The district level goes on 1 July 2025: X1 moves under the province (a second row).
REFORM = unit_list([
    ("T", "Tỉnh", "tinh", "", "", "", ""),
    ("H1", "Huyện Một", "huyen", "T", "", "30/06/2025", ""),
    ("X1", "Xã Một", "co_so", "H1", "", "30/06/2025", ""),
    ("X1", "Xã Một", "co_so", "T", "01/07/2025", "", ""),
    ("C1", "Chi bộ 1", "chi_bo", "X1", "", "", ""),
    ("C2", "Chi bộ 2", "chi_bo", "X1", "", "", ""),
    ("C3", "Chi bộ 3", "chi_bo", "X1", "", "15/07/2025", ""),  # dissolved in July
])


def test_district_level_gone_mid_year(form, monthly_form):
    cells = lambda p, a, b: [sub(form, "C1", count(a), period=p), sub(form, "C2", count(b), period=p)]  # noqa: E731
    before = consolidate(form, Y2024, [*cells(Y2024, 10, 20), sub(form, "C3", count(5), period=Y2024)], REFORM)
    assert before.completeness["T"].expected == ["H1"]
    y2025 = consolidate(form, Y2025, cells(Y2025, 11, 20), REFORM, previous=before)
    # The district ceased during 2025: listed in the tree, not expected, never over 100%.
    assert y2025.hierarchy.children("T") == ["H1", "X1"]
    assert y2025.completeness["T"].ratio_text() == "1/1" and y2025.completeness["T"].expected == ["X1"]
    assert expected_units(form, y2025.hierarchy, "T") == ["X1", "C1", "C2"]
    assert y2025.totals()["dv_tong_so"] == 31 and "tc_huyen_tong_so" in y2025.totals()
    assert not y2025.comparisons["H1"].comparable and y2025.comparisons["T"].comparable
    x1 = y2025.comparisons["X1"]  # X1 moved: its figures compare as they are, over C1 and C2
    assert x1.comparable and x1.previous["dv_tong_so"] == 35 and x1.units_compared == 2
    assert x1.reasons == ("hierarchy_changed",) and x1.dissolved == 1  # C3 was dissolved in July
    assert (x1.common_current["dv_tong_so"], x1.common_previous["dv_tong_so"]) == (31, 30)
    # A monthly form also expects the units that ceased during the month; the annual one does not.
    july = REFORM.at(parse_period("2025-07"))
    assert "C3" in expected_units(monthly_form, july, "T") and "C3" not in expected_units(form, july, "T")
    # 2026: the district level is left out of the period's tree and of its organization counts.
    y2026 = consolidate(form, Y2026, cells(Y2026, 12, 20), REFORM, previous=y2025)
    assert y2026.hierarchy.levels.keys == ["tinh", "co_so", "chi_bo"]
    assert not any(k.startswith("tc_huyen") for k in y2026.totals())
    assert y2026.comparisons["T"].previous["dv_tong_so"] == 31


def test_a_ceased_child_comes_pre_rated_in_its_parents_template(form, tmp_path):
    from evalreport.read.workbook import read_submission
    from evalreport.render.workbook.template_writer import fill_template, make_template

    merger = unit_list([
        ("T", "Tỉnh", "tinh", "", "", "", ""),
        ("X1", "Xã Một", "co_so", "T", "", "30/06/2025", ""),
        ("X2", "Xã Hai", "co_so", "T", "", "30/06/2025", ""),
        ("X4", "Xã Bốn", "co_so", "T", "", "31/03/2025", ""),
        ("X12", "Xã Mười Hai", "co_so", "T", "01/07/2025", "", "X1, X2"),
    ])
    path = make_template(form, "T", Y2025, merger, tmp_path / "T.xlsx")
    ratings = {r.code: (r.rating, r.reason) for r in read_submission(path, form).ratings}
    assert ratings == {"X1": ("KDG", "hợp nhất vào Xã Mười Hai"), "X2": ("KDG", "hợp nhất vào Xã Mười Hai"),
                       "X4": ("KDG", "giải thể"), "X12": (None, None)}
    # Filled in and sent back, the ceased units count among the organizations not rated.
    sent = read_submission(path, form)
    sent = read_submission(fill_template(form, "T", Y2025, merger, tmp_path / "sent.xlsx", count(40), [
        *({"code": r.code, "rating": r.rating, "reason": r.reason} for r in sent.ratings if r.rating),
        {"code": "X12", "rating": "HTTNV"}]), form)
    result = consolidate(form, Y2025, [sent, sub(form, "X12", count(40), period=Y2025)], merger)
    assert result.totals()["tc_co_so_khong_danh_gia"] == 3 and result.totals()["tc_co_so_tong_so"] == 4
    assert result.completeness["T"].ratio_text() == "1/1"
