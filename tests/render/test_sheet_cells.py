"""Sheets whose cells are written at save time (render/workbook/sheet_cells.py) read back as the
same workbook saved by openpyxl: values, types, styles, merges, row heights; a sheet holding
what that writer does not take is written by openpyxl and reads back too."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from evalreport.render.workbook.streamed_rows import StreamedWorkbook


def _workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "cells"
    ws["A1"] = "  spaced & <escaped> text  "
    ws["B1"] = 12
    ws["C1"] = 0.125
    ws["D1"] = True
    ws["F1"] = "=not a formula"
    ws["F1"].data_type = "s"
    ws["A2"] = "line\nbreak"
    ws["A2"].font = Font(name="Times New Roman", bold=True, size=14)
    ws["A2"].alignment = Alignment(wrap_text=True, horizontal="center")
    ws.merge_cells("A2:C2")
    ws["E3"].fill = PatternFill("solid", fgColor="FFE699")  # styled, no value
    ws["B4"] = "0105"
    ws["B4"].number_format = "@"
    ws.row_dimensions[2].height = 45
    ws.row_dimensions[6].height = 22.5  # a row with a height and no cell
    other = wb.create_sheet("openpyxl")
    other["A1"] = dt.date(2025, 12, 31)  # a date: not taken, the sheet is written by openpyxl
    other["A2"] = "=1+1"
    return wb


def _read(path) -> dict:
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        cells = {c.coordinate: (c.value, c.data_type, c.number_format, repr(c.font), repr(c.fill),
                                repr(c.alignment), repr(c.border))
                 for row in ws.iter_rows() for c in row if c.has_style or c.value is not None}
        heights = {r: d.height for r, d in ws.row_dimensions.items() if d.height}
        out[ws.title] = (cells, sorted(str(r) for r in ws.merged_cells.ranges), heights)
    return out


def test_cells_written_at_save_read_back_as_openpyxl_writes_them(tmp_path):
    _workbook().save(tmp_path / "openpyxl.xlsx")
    StreamedWorkbook(_workbook()).save(tmp_path / "streamed.xlsx")
    got, want = _read(tmp_path / "streamed.xlsx"), _read(tmp_path / "openpyxl.xlsx")
    assert got == want
    cells = got["cells"][0]
    assert cells["A1"][0] == "  spaced & <escaped> text  " and cells["F1"][:2] == ("=not a formula", "s")
    assert cells["B1"][:2] == (12, "n") and cells["D1"][:2] == (True, "b") and cells["B4"][0] == "0105"
    assert got["cells"][2] == {2: 45, 6: 22.5}
    assert got["openpyxl"][0]["A2"][:2] == ("=1+1", "f")
