"""The narrative names rejected and missing units apart and states a change against the previous
period as a fact only over the same units (domain.md), on the four- and three-level fixtures."""

from __future__ import annotations

import pytest
from render_support import CELL_ROWS, make_result

from evalreport.aggregate.comparison import Comparisons, PreviousMap
from evalreport.model.period import parse_period
from evalreport.render.word.narrative_context import build_narrative_context

# C01 grows by three members this year: 43 = 2 + 1 + 1 + 39; 39 = 5 + 28 + 5 + 1
GROWN = {**CELL_ROWS, "C01": (43, 2, 1, 1, 39, 5, 28, 5, 1, 1, 0, 0, 0, 1, 0, 0, 0)}


def _results(form, hierarchy, cells, missing=(), blocked=()):
    rows = {c: CELL_ROWS[c] for c in cells}
    grown = {c: GROWN[c] for c in cells}
    ratings = {} if "C04" not in cells else None
    before = make_result(form, hierarchy, parse_period("2020"), rows=rows, ratings=ratings)
    now = make_result(form, hierarchy, parse_period("2021"), rows=grown, ratings=ratings, missing=missing,
                      previous=before)
    now.blocked = list(blocked)
    for cell in missing:  # as consolidation leaves a cell without usable data
        now.units[cell].source = "none"
    now.comparisons = Comparisons(PreviousMap(hierarchy, before), now.units, now.root)
    return now


@pytest.mark.parametrize("shape", ["four", "three"])
def test_rejected_and_missing_named_apart_and_change_over_units_in_both(form, four, three, shape):
    hierarchy, cells, rejected, missing, names = (
        (four, list(CELL_ROWS), "C02", "C07", ("Chi bộ ấp 2", "Chi bộ khu phố 4")) if shape == "four" else
        (three, ["C01", "C02", "C03"], "C02", "C03", ("Chi bộ khu phố 2", "Chi bộ ấp Chợ")))
    res = _results(form, hierarchy, cells, missing=(rejected, missing), blocked=(rejected,))
    cau = build_narrative_context(res)["cau"]
    assert (f"; 01 chi bộ trực thuộc gửi báo cáo có lỗi, chưa được tổng hợp: {names[0]}; "
            f"01 chi bộ trực thuộc chưa gửi: {names[1]}.") in cau["day_du"]
    assert "chưa gửi: " + names[0] not in cau["day_du"]
    n = len(cells) - 2
    assert cau["thay_doi"].startswith(f"So với năm 2020, so sánh trên {n:02d} chi bộ trực thuộc có số liệu cả hai "
                                      "năm: tổng số đảng viên tăng 3 đồng chí;")
    assert "không so sánh trực tiếp vì năm 2021 còn 02 đơn vị chưa có số liệu được tổng hợp." in cau["thay_doi"]


@pytest.mark.parametrize("shape", ["four", "three"])
def test_same_units_in_both_periods_state_the_change_as_a_fact(form, four, three, shape):
    hierarchy, cells = (four, list(CELL_ROWS)) if shape == "four" else (three, ["C01", "C02", "C03"])
    cau = build_narrative_context(_results(form, hierarchy, cells))["cau"]
    assert cau["thay_doi"].startswith("So với năm 2020: tổng số đảng viên tăng 3 đồng chí;")
    assert "so sánh trên" not in cau["thay_doi"] and "không so sánh" not in cau["thay_doi"]


def test_share_of_organizations_not_rated_in_the_sentence(form, four):
    res = make_result(form, four, parse_period("2021"))
    sentence = build_narrative_context(res)["cau"]["to_chuc"][2]
    assert "không đánh giá 01 (10,00%)" in sentence
    assert res.units["T01"].shares.get("ty_le_tc_chi_bo_khong_danh_gia") == pytest.approx(10.0)
