from pathlib import Path

import pytest
from conftest import FOUR_LEVEL, write_units_csv, write_units_xlsx

from evalreport import HierarchyError, load_hierarchy


def test_four_level_navigation(four):
    assert four.root == "T01"
    assert four.children("T01") == ["H01", "H02"]
    assert four.parent("C06") == "X03"
    assert four.path("C06") == ["T01", "H02", "X03", "C06"]
    assert four.ancestor_at("C06", "huyen") == "H02"
    assert four.ancestor_at("C06", "chi_bo") == "C06"
    assert four.at_level("co_so") == ["X01", "X02", "X03", "X04"]
    assert four.at_level("chi_bo", under="H01") == ["C01", "C02", "C03", "C04", "C05"]
    assert four.leaves("X04") == ["C08", "C09", "C10"]
    assert len(four.descendants("T01")) == 16
    assert four.bottom_up("X01")[-1] == "X01"
    assert four.problems == []


def test_three_level_from_csv(three):
    assert three.levels.keys == ["tinh", "co_so", "chi_bo"]
    assert three.children("T01") == ["X01", "X02"]
    assert three.ancestor_at("C03", "huyen") is None


def test_broken_list_names_rows(tmp_path: Path):
    rows = [
        ("T01", "Tỉnh", "tinh", ""),
        ("T02", "Tỉnh thứ hai", "tinh", ""),
        ("H01", "Huyện", "huyen", "T01"),
        ("H01", "Huyện trùng", "huyen", "T01"),
        ("X01", "Xã", "co_so", "H99"),
        ("X02", "Xã vòng", "co_so", "X03"),
        ("X03", "Xã vòng 2", "co_so", "X02"),
        ("C01", "Chi bộ", "chi_bo", "H01"),
        ("H05", "Huyện dưới chi bộ", "huyen", "C01"),
        ("Z01", "Cấp lạ", "ap", "H01"),
    ]
    path = write_units_csv(tmp_path / "ds.csv", rows)
    h = load_hierarchy(path)
    text = "\n".join(p.message() for p in h.problems)
    assert "Dòng 5: mã đơn vị 'H01' trùng với dòng 4" in text
    assert "Dòng 6: đơn vị 'X01' có mã cấp trên 'H99'" in text
    assert "Dòng 7: đơn vị 'X02' nằm trong một vòng" in text and "X02 → X03 → X02" in text
    assert "Dòng 10: đơn vị 'H05' ở cấp 'huyen' không thể trực thuộc 'C01'" in text
    assert "Dòng 11: cấp 'ap'" in text
    assert "2 đơn vị gốc" in text and "T01, T02" in text
    assert {p.row for p in h.problems if p.row} >= {5, 6, 7, 8, 10, 11}
    with pytest.raises(HierarchyError, match="Row 5"):
        load_hierarchy(path, strict=True)
    en = [p.message("en") for p in h.problems]
    assert any("duplicates row 4" in m for m in en)


def test_leading_zeros_and_spaces(tmp_path: Path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"])
    ws.append(["0100", "Tỉnh", "tinh", None])
    ws.append(["0101 ", "Huyện", "huyen", "0100"])
    ws.append([105, "Xã", "co_so", "0101"])  # typed as a number: 0105 lost its zero
    ws.append(["0106", "Chi bộ", "chi_bo", 105])
    wb.save(tmp_path / "ds.xlsx")
    h = load_hierarchy(tmp_path / "ds.xlsx")
    assert "0105" in h and h.parent("0106") == "0105" and h.parent("0101") == "0100"
    msgs = [p.message() for p in h.problems]
    assert any("Dòng 4: mã '105' có vẻ đã mất số 0" in m and "'0105'" in m for m in msgs)
    assert any("Dòng 3: mã '0101 ' có khoảng trắng thừa" in m for m in msgs)
    assert all(p.severity == "warning" for p in h.problems)


def test_missing_column_and_bad_file(tmp_path: Path):
    p = tmp_path / "x.csv"
    p.write_text("ma,ten\n1,2\n", encoding="utf-8")
    h = load_hierarchy(p)
    assert any("ma_don_vi" in f.message() for f in h.problems) and len(h) == 0
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    h = load_hierarchy(bad)
    assert h.problems[0].rule == "HIER_FILE" and "bad.xlsx" in h.problems[0].message()


def test_xlsx_and_csv_agree(tmp_path: Path):
    a = load_hierarchy(write_units_xlsx(tmp_path / "a.xlsx", FOUR_LEVEL))
    b = load_hierarchy(write_units_csv(tmp_path / "b.csv", FOUR_LEVEL))
    assert [(u.code, u.name, u.level, u.parent) for u in a] == [(u.code, u.name, u.level, u.parent) for u in b]


def test_a_unit_list_that_makes_calamine_panic_is_a_finding():
    """A real .xls (saved by LibreOffice) cut 100 bytes short: calamine panics in Rust, which
    python-calamine raises as a BaseException; it must become the unit list's finding."""
    cut = Path(__file__).parents[1] / "data" / "don_vi_cut_short.xls"
    h = load_hierarchy(cut)
    assert len(h) == 0 and [p.rule for p in h.problems] == ["HIER_FILE"]
    assert "out of range" in h.problems[0].params.get("reason", "") or "out of range" in h.problems[0].message("en")
    with pytest.raises(HierarchyError):
        load_hierarchy(cut, strict=True)
