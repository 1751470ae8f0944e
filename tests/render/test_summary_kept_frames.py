"""A level's later summary workbooks get the frames of their streamed sheets (completeness,
findings, children) from the ones kept for their language and form (render/workbook/kept_frames.py),
and their metadata sheet from its kept frame with their own rows (render/workbook/meta_sheet.py).
Each such workbook must be, part for part, the one serialised in full in the same process, also
for units with another number of children, units below them and findings (the ranges naming the
last row), other children's names and codes in the metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from consolidate_support import consolidated_cells
from openpyxl import load_workbook
from package_parts import package_parts

from evalreport.form.layout import META_SHEET
from evalreport.render.workbook import kept_frames, kept_sheets, meta_sheet, slot_sheets, style_table
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.wording.catalog import text as words

PERIOD = "2021"
# wards of one, two, three and four cells: the children sheet's ranges differ from ward to ward
UNITS = [("T01", "Đảng bộ tỉnh Mẫu", "tinh", ""), ("H01", "Đảng bộ huyện Đông", "huyen", "T01")]
WARDS = {"X01": ("Đảng bộ xã An Phú", 2), "X02": ("Xã A & B <1>", 1), "X03": ("Đảng bộ xã Cẩm Lệ", 3),
         "X04": ("Đảng bộ xã Dương", 4), "X05": ("Đảng bộ xã Đông", 2)}
for n, (ward, (name, cells)) in enumerate(WARDS.items()):
    UNITS.append((ward, name, "co_so", "H01"))
    UNITS += [(f"C{n}{k}", f"Chi bộ {n}{k} & <b>" if k % 2 else f"Chi bộ {n}{k}", "chi_bo", ward)
              for k in range(1, cells + 1)]
OVER_QUOTA = {"X02", "X03"}  # their cells break the HTXSNV quota: findings, as many as cells


def _result(form, tmp_path: Path):
    return consolidated_cells(form, UNITS, tmp_path, PERIOD, OVER_QUOTA)


def _write_all(result, out: Path, lang: str) -> None:
    """Three rounds over the wards in one process, as an all-levels worker writes them: the first
    workbook prepares the style table, a key's first sheet keeps its frame, the second checks it,
    the later ones are filled in."""
    for round_ in range(3):
        for k, unit in enumerate(["X01", *WARDS, "H01"]):
            write_summary_workbook(result, unit, out / f"{round_}-{k}-{unit}.xlsx", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_kept_frames_give_the_parts_serialised_in_full(form, tmp_path, monkeypatch, lang):
    result = _result(form, tmp_path)
    assert {f.unit for f in result.findings} & {u for u, *_ in UNITS if u.startswith("C")}
    built, filled = tmp_path / "built", tmp_path / "filled"
    for out, keys in ((built, 0), (filled, 128)):
        monkeypatch.setattr(style_table, "_PREPARED", {})
        for module in (kept_sheets, slot_sheets, kept_frames, meta_sheet):
            monkeypatch.setattr(module, "_ENTRIES", {})
        monkeypatch.setattr(kept_frames, "_KEYS", keys)  # 0: every frame serialised in full
        monkeypatch.setattr(meta_sheet, "_KEYS", keys)
        _write_all(result, out, lang)
    assert len([e for e in kept_frames._ENTRIES.values() if e.verified]) == 3  # children, completeness, findings
    assert [e.verified for e in meta_sheet._ENTRIES.values()] == [True]
    files = sorted(p.name for p in built.iterdir())
    assert files == sorted(p.name for p in filled.iterdir())
    for name in files:
        assert package_parts(filled / name) == package_parts(built / name), name
    # read back: the last round's wards show their own children, units below and findings
    for k, (ward, (_name, cells)) in enumerate(WARDS.items(), start=1):
        book = load_workbook(filled / f"2-{k}-{ward}.xlsx")
        children = book[words("WB_CHILDREN", lang)]
        assert children.auto_filter.ref == f"A1:{children.auto_filter.ref.split(':')[1][0]}{cells + 1}"
        assert [children.cell(r, 2).value for r in range(2, cells + 2)] == [f"C{k - 1}{i}" for i in range(1, cells + 1)]
        assert children.column_dimensions["C"].width == 34
        meta = {row[0]: row[1:] for row in book[META_SHEET].iter_rows(values_only=True)}
        assert meta["unit_code"][0] == ward
        findings = book[words("WB_FINDINGS", lang)]
        if ward in OVER_QUOTA:
            assert findings.max_row > 1 and {findings.cell(r, 2).value for r in range(2, findings.max_row + 1)} \
                <= {f"C{k - 1}{i}" for i in range(1, cells + 1)} | {ward}
