"""A level's later summary workbooks get their form sheet and overview from the part kept for
their shape, with the unit's own values filled in (render/workbook/slot_sheets.py). Each such
workbook must be, part for part, the one built cell by cell in the same process, also for units
whose values differ from those of the unit the part was kept from: other numbers, zero and
negative counts, empty values, names with XML's special characters, other signers."""

from __future__ import annotations

from pathlib import Path

import pytest
from consolidate_support import consolidated_cells
from openpyxl import load_workbook
from package_parts import package_parts

from evalreport.render.letterhead import UnitReportSettings
from evalreport.render.workbook import kept_sheets, slot_sheets, style_table
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.wording.catalog import text as words

PERIOD = "2021"
# five wards of two cells each: one shape for all of them
UNITS = [("T01", "Đảng bộ tỉnh Mẫu", "tinh", ""), ("H01", "Đảng bộ huyện Đông", "huyen", "T01")]
NAMES = {"X01": "Đảng bộ xã An Phú", "X02": "Đảng bộ xã Bình", "X03": "Đảng bộ xã Cẩm Lệ",
         "X04": "Xã A & B <1> > 0", "X05": "Đảng bộ xã Đông"}
for n, (ward, name) in enumerate(NAMES.items()):
    UNITS += [(ward, name, "co_so", "H01"), (f"C{n}1", f"Chi bộ {n}1", "chi_bo", ward),
              (f"C{n}2", f"Chi bộ {n}2 & <b>", "chi_bo", ward)]


def _result(form, tmp_path: Path):
    result = consolidated_cells(form, UNITS, tmp_path, PERIOD)
    zeros = result.units["X04"]
    zeros.values.update(dict.fromkeys(zeros.values, 0))
    zeros.shares.update(dict.fromkeys(zeros.shares, None))
    odd = result.units["X05"]
    odd.values.update(dict.fromkeys(list(odd.values)[::2], None))
    odd.values.update({k: -3 for k in list(odd.values)[1::4]})
    return result


def _write_all(result, out: Path, lang: str) -> None:
    """Three rounds over the units in one process, as an all-levels worker writes them: the first
    workbook prepares the style table, a shape's first unit keeps its part, the second checks it,
    the later ones are filled in."""
    for round_ in range(3):
        for k, unit in enumerate(["X01", *NAMES]):
            report = UnitReportSettings(signer_name="Lê Thị <C> & D", place="Hà Nội") if k % 2 else None
            write_summary_workbook(result, unit, out / f"{round_}-{k}-{unit}.xlsx", lang, report=report)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_slot_filled_sheets_are_the_ones_built_cell_by_cell(form, tmp_path, monkeypatch, lang):
    result = _result(form, tmp_path)
    built, filled = tmp_path / "built", tmp_path / "filled"
    for out, keys in ((built, 0), (filled, slot_sheets._KEYS)):
        monkeypatch.setattr(style_table, "_PREPARED", {})
        monkeypatch.setattr(kept_sheets, "_ENTRIES", {})
        monkeypatch.setattr(slot_sheets, "_ENTRIES", {})
        monkeypatch.setattr(slot_sheets, "_KEYS", keys)  # 0: every sheet built cell by cell
        _write_all(result, out, lang)
    verified = [e for e in slot_sheets._ENTRIES.values() if e.verified]
    assert len(verified) >= 4  # form sheet and overview, several shapes: the later rounds were filled in
    files = sorted(p.name for p in built.iterdir())
    assert files == sorted(p.name for p in filled.iterdir())
    for name in files:
        assert package_parts(filled / name) == package_parts(built / name), name
    last = load_workbook(filled / "2-4-X04.xlsx")  # filled in from the part another ward's workbook kept
    overview = last[words("WB_OVERVIEW", lang)]
    assert overview["A2"].value == NAMES["X04"]
    signed = load_workbook(filled / "2-3-X03.xlsx")[words("WB_OVERVIEW", lang)]
    assert [r for r in signed.iter_rows(values_only=True) if "Lê Thị <C> & D" in r]
