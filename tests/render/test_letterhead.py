"""The letterhead by level and kind, against domain.md's table."""

from __future__ import annotations

import pytest

from evalreport import load_hierarchy
from evalreport.render.letterhead import ReportSettings, UnitReportSettings, committee_of, letterhead

ROWS = [
    ("T", "Đảng bộ tỉnh Gia Lai", "tinh", None),
    ("H", "Đảng bộ huyện Phước Bình", "huyen", "T"),
    ("Q", "Đảng bộ thành phố Pleiku", "huyen", "T"),
    ("X", "Đảng bộ xã Ia Grai", "co_so", "H"),
    ("C", "Chi bộ thôn 3", "chi_bo", "X"),
    ("K", "Chi bộ Trường Tiểu học Kim Đồng", "co_so", "H"),  # a cell that is itself a base organization
]


@pytest.fixture
def tree():
    return load_hierarchy([dict(zip(("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"), r, strict=True)) for r in ROWS])


@pytest.mark.parametrize("code, superior, issuer, number, signs_for", [
    ("T", "", "TỈNH ỦY GIA LAI", "Số      -BC/TU", "T/M BAN THƯỜNG VỤ"),
    ("H", "ĐẢNG BỘ TỈNH GIA LAI", "HUYỆN ỦY PHƯỚC BÌNH", "Số      -BC/HU", "T/M BAN THƯỜNG VỤ"),
    ("Q", "ĐẢNG BỘ TỈNH GIA LAI", "THÀNH ỦY PLEIKU", "Số      -BC/TU", "T/M BAN THƯỜNG VỤ"),
    ("X", "ĐẢNG BỘ HUYỆN PHƯỚC BÌNH", "ĐẢNG ỦY XÃ IA GRAI", "Số      -BC/ĐU", "T/M ĐẢNG ỦY"),
    ("C", "ĐẢNG BỘ XÃ IA GRAI", "CHI BỘ THÔN 3", "Số      -BC/CB", "T/M CHI BỘ"),
    ("K", "ĐẢNG BỘ HUYỆN PHƯỚC BÌNH", "CHI BỘ TRƯỜNG TIỂU HỌC KIM ĐỒNG", "Số      -BC/CB", "T/M CHI BỘ"),
])
def test_defaults_follow_the_level_and_the_kind(tree, code, superior, issuer, number, signs_for):
    head = letterhead(tree, code)
    assert (head.superior, head.issuer, head.number, head.signs_for) == (superior, issuer, number, signs_for)
    assert head.signer_title == "BÍ THƯ" and head.place == "……………"


def test_the_unit_list_and_the_workspace_override(tree):
    tree.unit("X").extra.update({"ten_cap_uy": "Đảng ủy xã Ia Grai mới", "ky_hieu": "BC/ĐUX", "ban_thuong_vu": "có"})
    head = letterhead(tree, "X")
    assert (head.issuer, head.number, head.signs_for) == ("ĐẢNG ỦY XÃ IA GRAI MỚI", "Số      -BC/ĐUX", "T/M BAN THƯỜNG VỤ")
    settings = ReportSettings(UnitReportSettings(place="Gia Lai", signer_name="Nguyễn Văn A"),
                              {"X": UnitReportSettings(place="Ia Grai", number="12", signer_title="Phó Bí thư",
                                                       recipients=["- Huyện ủy (để báo cáo),"])})
    head = letterhead(tree, "X", settings.for_unit("X"), recipients=["- mặc định"])
    assert (head.place, head.number, head.signer_title, head.signer_name) == ("Ia Grai", "Số 12-BC/ĐUX", "PHÓ BÍ THƯ",
                                                                              "Nguyễn Văn A")
    assert head.recipients == ("- Huyện ủy (để báo cáo),",)
    assert letterhead(tree, "T", settings.for_unit("T"), recipients=["- mặc định"]).recipients == ("- mặc định",)


def test_committee_names_from_organization_names():
    assert committee_of("Đảng bộ thị xã An Khê") == ("THỊ ỦY AN KHÊ", "BC/TU")
    assert committee_of("Đảng bộ quận 1") == ("QUẬN ỦY 1", "BC/QU")
    assert committee_of("Đảng bộ phường  Ngọc Thụy ") == ("ĐẢNG ỦY PHƯỜNG NGỌC THỤY", "BC/ĐU")
    assert committee_of("Đảng bộ Công ty Điện lực") == ("ĐẢNG ỦY CÔNG TY ĐIỆN LỰC", "BC/ĐU")
    assert committee_of("Ban Tổ chức") is None
