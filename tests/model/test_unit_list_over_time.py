"""The unit list over time: validity columns read from a real workbook, checked row by row, and
the tree of each period (domain.md "Units over time")."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from evalreport import load_hierarchy, parse_period

HEADER = ["ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren", "hieu_luc_tu", "hieu_luc_den", "ke_thua"]


def write_list(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append([None if v == "" else v for v in r])
    wb.save(path)
    return path


# Province T -> districts H1 (ends 30/06/2025) -> communes; from 01/07/2025 the communes sit
# under the province directly (a second row of the same code), X1 and X2 merge into X12.
REFORM = [
    ("T", "Đảng bộ tỉnh", "tinh", "", "", "", ""),
    ("H1", "Đảng bộ huyện Đông", "huyen", "T", "", dt.datetime(2025, 6, 30), ""),
    ("X1", "Đảng bộ xã Một", "co_so", "H1", "", "30/06/2025", ""),
    ("X2", "Đảng bộ xã Hai", "co_so", "H1", "", "30/06/2025", ""),
    ("X3", "Đảng bộ xã Ba", "co_so", "H1", "", "30/06/2025", ""),
    ("X3", "Đảng bộ xã Ba", "co_so", "T", "01/07/2025", "", ""),
    ("X12", "Đảng bộ xã Mười Hai", "co_so", "T", "2025-07-01", "", "X1, X2"),
    ("C1", "Chi bộ ấp 1", "chi_bo", "X1", "", "30/06/2025", ""),
    ("C1N", "Chi bộ ấp 1", "chi_bo", "X12", "01/07/2025", "", "C1"),
    ("C3", "Chi bộ ấp 3", "chi_bo", "X3", "", "", ""),
]


def test_each_period_has_its_own_tree(tmp_path):
    h = load_hierarchy(write_list(tmp_path / "dv.xlsx", REFORM))
    assert [p for p in h.problems if p.is_error] == []
    assert len(h.rows) == 10 and len(h) == 9  # every row kept; X3's latest row in the all-time tree
    y2024 = h.at(parse_period("2024"))
    assert y2024.children("T") == ["H1"] and y2024.children("H1") == ["X1", "X2", "X3"]
    assert y2024.levels.keys == ["tinh", "huyen", "co_so", "chi_bo"]
    # 2025: everything that existed on any day; X3 moved, and its row valid at the year's end wins.
    y2025 = h.at(parse_period("2025"))
    assert y2025.children("T") == ["H1", "X3", "X12"] and y2025.children("H1") == ["X1", "X2"]
    assert y2025.ended("H1") and y2025.ended("X1") and not y2025.ended("X3")
    # 2026: the district level is gone from the tree and from its levels.
    y2026 = h.at(parse_period("2026"))
    assert y2026.children("T") == ["X3", "X12"] and "H1" not in y2026 and "X1" not in y2026
    assert y2026.levels.keys == ["tinh", "co_so", "chi_bo"]
    # A month inside the first half still has the districts; the period tree is made once.
    assert h.at(parse_period("2025-03")).children("T") == ["H1"]
    assert h.at(parse_period("2025")) is y2025
    assert h.successors("X1") == ["X12"] and h.successors("C1") == ["C1N"]


def test_list_without_the_columns_is_one_tree_for_every_period(tmp_path):
    h = load_hierarchy([{"ma_don_vi": "T", "ten_don_vi": "T", "cap": "tinh", "ma_cap_tren": None},
                        {"ma_don_vi": "X", "ten_don_vi": "X", "cap": "co_so", "ma_cap_tren": "T"}])
    assert h.at(parse_period("2019")) is h and not h.dated


def test_bad_columns_each_name_their_row(tmp_path):
    rows = [
        ("T", "Tỉnh", "tinh", "", "", "", ""),
        ("A", "Xã A", "co_so", "T", "mai", "", ""),  # not a date
        ("B", "Xã B", "co_so", "T", "01/07/2025", "30/06/2025", ""),  # ends before it starts
        ("D", "Xã D", "co_so", "T", "", "31/12/2025", ""),
        ("D", "Xã D", "co_so", "T", "01/06/2025", "", ""),  # overlaps the row above
        ("E", "Xã E", "co_so", "T", "", "", "Z9"),  # succeeds a code not in the list
        ("F", "Xã F", "co_so", "T", "", "", "G"),
        ("G", "Xã G", "co_so", "T", "", "", "F"),  # F and G succeed each other
        ("K", "Xã K", "co_so", "T", "", "", ""),
        ("K", "Xã K", "co_so", "T", "", "", ""),  # a plain duplicate stays a duplicate
    ]
    h = load_hierarchy(write_list(tmp_path / "dv.xlsx", rows))
    by_rule = {}
    for p in h.problems:
        by_rule.setdefault(p.rule, []).append(p)
    assert by_rule["HIER_DATE_INVALID"][0].row == 3
    assert "“mai”" in by_rule["HIER_DATE_INVALID"][0].message("vi")
    assert by_rule["HIER_DATES_REVERSED"][0].row == 4
    overlap = by_rule["HIER_OVERLAP"][0]
    assert overlap.row == 6 and "dòng 5" in overlap.message("vi") and "row 5" in overlap.message("en")
    assert by_rule["HIER_UNKNOWN_PREDECESSOR"][0].row == 7 and "Z9" in by_rule["HIER_UNKNOWN_PREDECESSOR"][0].message("vi")
    cycle = by_rule["HIER_SUCCESSION_CYCLE"]
    assert sorted(p.row for p in cycle) == [8, 9] and "F → G → F" in cycle[0].message("en")
    assert by_rule["HIER_DUPLICATE"][0].row == 11
    assert all(p.is_error for p in h.problems)
    # The usable part is still built: the bad date is dropped, the unit is kept.
    assert {"A", "B", "D", "E", "F", "G", "K"} <= {u.code for u in h}
