"""The small, fixed world the reliability corpus is built in: a unit list with two branches, one
valid set of DG-NAM counts (consistent with every rule) and the same counts typed as text in the
local styles officers use. Kept in the package (not under tests/) so that
``python -m tools.selfcheck`` works on an installed copy, where tests/ does not exist.
"""

from __future__ import annotations

from types import MappingProxyType

from evalreport.form.definition import FormDefinition, load_form
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.unit_list import load_hierarchy

__all__ = ["UNITS", "PERIOD", "BASE_VALUES", "TYPED_AS_TEXT", "sample_form", "sample_hierarchy"]

PERIOD = "2021"

#: (code, name, level, parent): province -> 2 districts -> 2 communes -> 4 cells.
UNITS: tuple[tuple[str, str, str, str], ...] = (
    ("T01", "Đảng bộ tỉnh Mẫu", "tinh", ""),
    ("H01", "Đảng bộ huyện Đông", "huyen", "T01"),
    ("H02", "Đảng bộ huyện Tây", "huyen", "T01"),
    ("X01", "Đảng bộ xã An Phú", "co_so", "H01"),
    ("X02", "Đảng bộ phường Ngọc Thụy", "co_so", "H02"),
    ("C01", "Chi bộ ấp 1", "chi_bo", "X01"),
    ("C02", "Chi bộ ấp 2", "chi_bo", "X01"),
    ("C03", "Chi bộ A & B <1>", "chi_bo", "X01"),
    ("C04", "Chi bộ khu phố 3", "chi_bo", "X02"),
)

#: Counts that satisfy every DG-NAM rule (2.493 = 12 + 7 + 1.234 + 1.240; 200 ≤ 20% of 1.200).
BASE_VALUES = MappingProxyType({
    "dv_tong_so": 2493, "dv_mien": 12, "dv_moi_ket_nap": 7, "dv_chua_danh_gia": 1234, "dv_duoc_danh_gia": 1240,
    "dv_htxsnv": 200, "dv_httnv": 1000, "dv_htnv": 30, "dv_khtnv": 10, "dv_khtnv_ky_luat": 2,
    "dv_khtnv_cong_chuc": 0, "dv_khtnv_duoi_50": 0, "dv_khtnv_khac": 8, "dv_kl_khien_trach": 2,
    "dv_kl_canh_cao": 0, "dv_kl_cach_chuc": 0, "dv_kl_khai_tru": 0,
})

#: The same counts as officers type them into text-formatted cells (each style once at least).
TYPED_AS_TEXT = MappingProxyType({
    **BASE_VALUES,
    "dv_tong_so": "2.493", "dv_mien": " 12 ", "dv_moi_ket_nap": "7.0", "dv_chua_danh_gia": "1 234",
    "dv_duoc_danh_gia": "1,240", "dv_htxsnv": "200,00", "dv_httnv": "1.000", "dv_htnv": "\u00a030\u00a0",
    "dv_khtnv": "'10", "dv_khtnv_ky_luat": "+2", "dv_khtnv_khac": "8", "dv_kl_khien_trach": "0002",
    "dv_kl_canh_cao": "-0",
})


def sample_form() -> FormDefinition:
    return load_form("DG-NAM")


def sample_hierarchy(extra: tuple[tuple[str, str, str, str], ...] = ()) -> Hierarchy:
    rows = [dict(zip(("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"), r, strict=True)) for r in UNITS + extra]
    return load_hierarchy(rows, "default", strict=True)
