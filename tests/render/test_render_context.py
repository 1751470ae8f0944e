"""The narrative context built from a hand-made consolidation result: numbers and sentences."""

from __future__ import annotations

import datetime as dt

import pytest
from render_support import CELL_ROWS, make_result

from evalreport import parse_period
from evalreport.render.word.form_roles import member_roles
from evalreport.render.word.narrative_context import DocumentInfo, build_narrative_context


@pytest.fixture
def result(form, four):
    return make_result(form, four, parse_period("2021"))


def _bumped(delta_total: int) -> dict:
    """Previous-year cells: more members on the roll in C01 (exempt absorbs it), same ratings."""
    rows = dict(CELL_ROWS)
    r = list(rows["C01"])
    r[0] += delta_total
    r[1] += delta_total
    rows["C01"] = tuple(r)
    return rows


def test_roles_come_from_the_definition(form):
    roles = member_roles(form)
    assert roles.total == "dv_tong_so" and roles.evaluated == "dv_duoc_danh_gia"
    assert roles.ratings == ("dv_htxsnv", "dv_httnv", "dv_htnv", "dv_khtnv")
    assert roles.not_evaluated == ("dv_mien", "dv_moi_ket_nap", "dv_chua_danh_gia")
    assert roles.good_or_better == "dv_httnv_tro_len" and len(roles.discipline) == 4


def test_root_context_worked_example(result):
    ctx = build_narrative_context(result, doc=DocumentInfo(date=dt.date(2022, 1, 7), place="Mẫu"))
    dv = ctx["dang_vien"]
    # 10 cells: 342 members, 14+1... worked out from CELL_ROWS
    assert (dv["tong_so"], dv["duoc_danh_gia"], dv["khong_danh_gia"]) == (342, 314, 28)
    assert [i["so"] for i in dv["xep_loai"]] == [44, 211, 54, 5]
    assert round(dv["ty_le_httnv_tro_len"], 2) == 81.21  # 255 / 314
    cau = ctx["cau"]
    assert cau["dang_vien_danh_gia"] == (
        "Tổng số đảng viên: 342 đồng chí; đảng viên được đánh giá, xếp loại: 314 đồng chí (91,81%). "
        "Số không đánh giá, xếp loại: 28 đồng chí, gồm: đảng viên được miễn đánh giá, xếp loại: 14 đồng chí (4,09%); "
        "đảng viên mới kết nạp chưa đủ thời gian đánh giá: 09 đồng chí (2,63%); "
        "đảng viên chưa đánh giá, xếp loại (lý do khác): 05 đồng chí (1,46%).")
    assert cau["dang_vien_xep_loai"] == (
        "Kết quả xếp loại: hoàn thành xuất sắc nhiệm vụ: 44 đồng chí (14,01%); hoàn thành tốt nhiệm vụ: 211 đồng chí "
        "(67,20%); hoàn thành nhiệm vụ: 54 đồng chí (17,20%); không hoàn thành nhiệm vụ: 05 đồng chí (1,59%).")
    assert cau["dang_vien_tot"] == ("Tỷ lệ hoàn thành tốt nhiệm vụ trở lên: 81,21% (255 đồng chí); "
                                    "tỷ lệ HTXSNV trên số HTTNV trở lên: 17,25% (trong mức tối đa 20%).")
    assert cau["dang_vien_khtnv"] == ("Có 05 đồng chí không hoàn thành nhiệm vụ, trong đó: bị kỷ luật trong năm: 03; "
                                      "công chức, viên chức xếp loại không hoàn thành nhiệm vụ: 01; "
                                      "hoàn thành dưới 50% chỉ tiêu, nhiệm vụ: 01.")
    assert cau["ky_luat"] == "Trong năm 2021, có 03 đồng chí bị kỷ luật: khiển trách 01, cảnh cáo 01, cách chức 01."
    assert cau["day_du"] == ("Đến thời điểm báo cáo, có 2/2 đảng bộ cấp huyện, 4/4 tổ chức cơ sở đảng và "
                             "10/10 chi bộ trực thuộc đã kiểm điểm và gửi kết quả.")
    assert cau["thay_doi"] == "Chưa có số liệu năm 2020 để so sánh."
    cells = ctx["to_chuc"][2]
    assert cells["ten_cap"] == "chi bộ trực thuộc" and (cells["tong_so"], cells["duoc_danh_gia"]) == (10, 9)
    assert cau["to_chuc"][2] == (
        "Chi bộ trực thuộc: tổng số 10; đã đánh giá, xếp loại 09 (90,00%); không đánh giá 01 (10,00%). Kết quả: "
        "hoàn thành xuất sắc nhiệm vụ 01 (11,11%), trong đó 01 tổ chức đạt “Trong sạch, vững mạnh tiêu biểu”; "
        "hoàn thành tốt nhiệm vụ 06 (66,67%); hoàn thành nhiệm vụ 01 (11,11%); không hoàn thành nhiệm vụ 01 (11,11%). "
        "Tỷ lệ hoàn thành tốt nhiệm vụ trở lên: 77,78%; tỷ lệ HTXSNV trên số HTTNV trở lên: 14,29% "
        "(trong mức tối đa 20%).")
    assert cau["to_chuc"][0].endswith("tỷ lệ HTXSNV trên số HTTNV trở lên: 50,00% (vượt mức tối đa 20%).")
    assert "Không có đảng bộ cấp huyện xếp loại hoàn thành nhiệm vụ hoặc không hoàn thành nhiệm vụ." in cau["to_chuc"][0]
    vb = ctx["van_ban"]
    assert vb["co_quan_cap_tren"] == "" and vb["co_quan_ban_hanh"] == "TỈNH ỦY MẪU"
    assert vb["trich_yeu"].endswith("năm 2021") and vb["dia_diem"] == "Mẫu"
    assert [r["ma"] for r in ctx["don_vi_con"]] == ["H01", "H02"]
    assert ctx["don_vi_con"][0]["danh_gia"] == "HTXSNV" and ctx["don_vi_con"][0]["tsvm"] is True
    assert ctx["cot_xep_loai"] == ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]


def test_decrease_increase_and_no_change(form, four):
    prev = make_result(form, four, parse_period("2020"), rows=_bumped(32))
    ctx = build_narrative_context(make_result(form, four, parse_period("2021"), previous=prev))
    assert ctx["thay_doi"]["co_ky_truoc"] is True
    assert ctx["cau"]["thay_doi"] == ("So với năm 2020: tổng số đảng viên giảm 32 đồng chí; "
                                      "các số liệu khác không thay đổi.")
    assert ctx["thay_doi"]["muc"][0]["cum"] == "giảm 32"
    prev = make_result(form, four, parse_period("2020"), rows=_bumped(-5))
    ctx = build_narrative_context(make_result(form, four, parse_period("2021"), previous=prev))
    assert ctx["cau"]["thay_doi"].startswith("So với năm 2020: tổng số đảng viên tăng 5 đồng chí;")
    same = make_result(form, four, parse_period("2020"))
    ctx = build_narrative_context(make_result(form, four, parse_period("2021"), previous=same))
    assert ctx["cau"]["thay_doi"] == "So với năm 2020, các số liệu chính không thay đổi."
    en = build_narrative_context(make_result(form, four, parse_period("2021"), previous=prev), lang="en")
    assert en["cau"]["thay_doi"].startswith("Compared with year 2020: total members up 5 members;")


def test_zero_categories_read_khong(form, four):
    # every KHTNV member counted as HTNV instead; no causes, no discipline
    rows = {c: r[:7] + (r[7] + r[8], 0) + (0,) * 8 for c, r in CELL_ROWS.items()}
    res = make_result(form, four, parse_period("2021"), rows=rows)
    cau = build_narrative_context(res)["cau"]
    assert cau["dang_vien_khtnv"] == "Không có đảng viên không hoàn thành nhiệm vụ."
    assert cau["ky_luat"] == "Không có đảng viên bị kỷ luật trong năm 2021."
    assert "không hoàn thành nhiệm vụ" not in cau["dang_vien_xep_loai"]
    en = build_narrative_context(res, lang="en")["cau"]
    assert en["dang_vien_khtnv"] == "No member fell in the category “did not complete duties”."
    assert en["ky_luat"] == "No member was disciplined in year 2021."


def test_missing_units_are_named(form, four):
    res = make_result(form, four, parse_period("2021"), missing=("C07", "C10"))
    ctx = build_narrative_context(res)
    assert ctx["cau"]["day_du"] == ("Đến thời điểm báo cáo, có 2/2 đảng bộ cấp huyện, 4/4 tổ chức cơ sở đảng và "
                                    "8/10 chi bộ trực thuộc đã kiểm điểm và gửi kết quả; 02 chi bộ trực thuộc chưa gửi: "
                                    "Chi bộ khu phố 4, Chi bộ A & B <1>.")


def test_unit_without_children(result):
    ctx = build_narrative_context(result, "C10", lang="vi")
    assert ctx["co_don_vi_con"] is False and ctx["don_vi_con"] == [] and ctx["to_chuc"] == []
    assert ctx["cau"]["day_du"] == "" and ctx["cap_tren"] == {"ma": "X04", "ten": "Đảng bộ thị trấn Củ Chi"}
    assert ctx["van_ban"]["co_quan_cap_tren"] == "ĐẢNG BỘ THỊ TRẤN CỦ CHI"
    assert ctx["van_ban"]["co_quan_ban_hanh"] == "CHI BỘ A & B <1>"
    assert ctx["cau"]["mo_dau"].startswith("Thực hiện Quy định số 366-QĐ/TW và hướng dẫn của cấp trên, Chi bộ A & B <1> "
                                           "đã tiến hành kiểm điểm")
    assert ctx["van_ban"]["noi_nhan"] == ["- Đảng ủy thị trấn Củ Chi (để báo cáo),", "- Lưu Văn phòng."]


def test_english_context(result):
    ctx = build_narrative_context(result, "X04", lang="en")
    assert ctx["cau"]["dang_vien_danh_gia"].startswith("Total members: 97; members evaluated: 88 (90.72%).")
    assert ctx["cau"]["to_chuc"][0].startswith("Party cells: total 3; rated 3 (100.00%).")
    assert ctx["van_ban"]["tieu_de"] == "REPORT" and ctx["don_vi_con"][2]["trang_thai"] == "Accepted"
