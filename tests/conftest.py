"""Shared fixtures: small four-level and three-level hierarchies built as real files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from evalreport import load_form, load_hierarchy

FOUR_LEVEL = [
    ("T01", "Đảng bộ tỉnh Mẫu", "tinh", ""),
    ("H01", "Đảng bộ huyện Đông", "huyen", "T01"),
    ("H02", "Đảng bộ huyện Tây", "huyen", "T01"),
    ("X01", "Đảng bộ xã An Phú", "co_so", "H01"),
    ("X02", "Đảng bộ xã Bình Minh", "co_so", "H01"),
    ("X03", "Đảng bộ phường Ngọc Thụy", "co_so", "H02"),
    ("X04", "Đảng bộ thị trấn Củ Chi", "co_so", "H02"),
    ("C01", "Chi bộ ấp 1", "chi_bo", "X01"),
    ("C02", "Chi bộ ấp 2", "chi_bo", "X01"),
    ("C03", "Chi bộ ấp 3", "chi_bo", "X01"),
    ("C04", "Chi bộ khu phố 1", "chi_bo", "X02"),
    ("C05", "Chi bộ khu phố 2", "chi_bo", "X02"),
    ("C06", "Chi bộ khu phố 3", "chi_bo", "X03"),
    ("C07", "Chi bộ khu phố 4", "chi_bo", "X03"),
    ("C08", "Chi bộ trường học", "chi_bo", "X04"),
    ("C09", "Chi bộ trạm y tế", "chi_bo", "X04"),
    ("C10", "Chi bộ A & B <1>", "chi_bo", "X04"),
]

THREE_LEVEL = [
    ("T01", "Đảng bộ tỉnh Mẫu", "tinh", ""),
    ("X01", "Đảng bộ phường Bến Nghé", "co_so", "T01"),
    ("X02", "Đảng bộ xã Tân Thông Hội", "co_so", "T01"),
    ("C01", "Chi bộ khu phố 1", "chi_bo", "X01"),
    ("C02", "Chi bộ khu phố 2", "chi_bo", "X01"),
    ("C03", "Chi bộ ấp Chợ", "chi_bo", "X02"),
]


def write_units_csv(path: Path, rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"])
        w.writerows(rows)
    return path


def write_units_xlsx(path: Path, rows) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "DonVi"
    ws.append(["ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren"])
    for r in rows:
        ws.append([v if v != "" else None for v in r])
    wb.save(path)
    return path


@pytest.fixture
def form():
    return load_form("DG-NAM")


@pytest.fixture
def monthly_form():
    return load_form("DV-THANG")


@pytest.fixture
def units_four(tmp_path) -> Path:
    return write_units_xlsx(tmp_path / "don_vi.xlsx", FOUR_LEVEL)


@pytest.fixture
def units_three(tmp_path) -> Path:
    return write_units_csv(tmp_path / "don_vi_3cap.csv", THREE_LEVEL)


@pytest.fixture
def four(units_four):
    return load_hierarchy(units_four, "default", strict=True)


@pytest.fixture
def three(units_three):
    return load_hierarchy(units_three, "three_level", strict=True)


@pytest.fixture
def ws(tmp_path):
    """An empty workspace over the four-level fixture whose files are read in this process."""
    from workspace_support import make_workspace  # imports this module: not at the top

    workspace = make_workspace(tmp_path / "ws", workers=1)
    yield workspace
    workspace.close()
