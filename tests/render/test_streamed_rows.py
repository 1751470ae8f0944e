"""Rows streamed as XML into a saved workbook read back exactly as the cells put() writes through
openpyxl: same values, types and resolved styles (what the officer sees), in the same frame."""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell

from evalreport.render.workbook import row_markup, streamed_rows
from evalreport.render.workbook.streamed_rows import SheetBody, StreamedWorkbook
from evalreport.render.workbook.xlsx_cells import (
    AMBER_FILL,
    RED_FILL,
    SHARE_FORMAT,
    CellLook,
    header_row,
    landscape,
    look,
    merge_across,
    put,
    set_widths,
)

OPTIONS = [dict(align="center"), dict(align="left"), dict(bold=True, fill=RED_FILL), dict(fmt=SHARE_FORMAT),
           dict(border=False), dict(align="center", fill=AMBER_FILL)]
ROWS = [
    [7, "C10", "Chi bộ A & B <1>", 0.9182, "", None],
    [12_345, " leading and trailing ", "=HYPERLINK(\"http://x\")", math.nan, "-2+3", "ấp\x0b 1\x01"],
    [True, "line\r\nbreak", "@SUM(A1:A2)", 1.5, dt.date(2025, 12, 10), 0],
    # plain rows (str, int, None only): written in one call each, rows_xml's fast path
    [8, "C11", "Chi bộ số 2", 12, "đủ", None],
    [9, "=C12", "ấp  Tân Hòa", None, "-1", 3],
]


def _style(cell) -> tuple:
    return (repr(cell.font), repr(cell.fill), repr(cell.border), repr(cell.alignment), cell.number_format)


def _cells(ws) -> dict:
    return {(c.row, c.column): c for row in ws.iter_rows() for c in row
            if c.value not in (None, "") or c.has_style}


def test_streamed_rows_read_back_as_put_writes_them(tmp_path):
    wb = Workbook()
    streamed, direct = wb.active, wb.create_sheet("direct")
    for ws in (streamed, direct):
        header_row(ws, 1, [f"H{i}" for i in range(len(OPTIONS))])
        set_widths(ws, [8] * len(OPTIONS))
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:F{len(ROWS) + 1}"
        landscape(ws, "1:1")
    for r, values in enumerate(ROWS, start=2):
        for c, (value, options) in enumerate(zip(values, OPTIONS, strict=True), start=1):
            put(direct, r, c, str(value) if isinstance(value, dt.date) else value, **options)
    direct.row_dimensions[3].height = 45
    looks = tuple(look(streamed, **options) for options in OPTIONS)
    rows = ((values, looks, 45.0 if r == 3 else None) for r, values in enumerate(ROWS, start=2))
    path = tmp_path / "s.xlsx"
    StreamedWorkbook(wb, [SheetBody(streamed, rows, first_row=2, count=len(ROWS), width=len(OPTIONS))]).save(path)

    back = load_workbook(path)
    got, want = _cells(back.worksheets[0]), _cells(back["direct"])
    assert set(got) == set(want)
    for key, cell in want.items():
        other = got[key]
        value = cell.value if not (isinstance(cell.value, float) and math.isnan(cell.value)) else None
        kind = cell.data_type if value is not None else None  # "" is written as an empty inline string there
        assert (other.value, other.data_type if value is not None else None, _style(other)) == \
            (value, kind, _style(cell)), key
    ws = back.worksheets[0]
    assert ws["B3"].value == " leading and trailing " and ws["C3"].data_type == "s"  # text, never a formula
    assert ws["F3"].value == "ấp 1" and ws["B4"].value == "line\r\nbreak" and ws["E4"].value == "2025-12-10"
    assert ws["D3"].value is None and ws["D3"].border.left.style == "thin"  # NaN: an empty bordered cell
    assert ws["C2"].fill.fgColor.rgb == "00F8CBAD" and ws["F2"].fill.fgColor.rgb == "00FFE699"
    assert ws["A3"].number_format == "#,##0" and ws["D2"].number_format == "0.00%"
    assert (ws.row_dimensions[3].height, ws.row_dimensions[2].height) == (45, None)
    assert (ws.freeze_panes, ws.auto_filter.ref, ws.print_title_rows) == ("B2", "A1:F6", "$1:$1")
    with zipfile.ZipFile(path) as z:
        xml = z.read(streamed.path.lstrip("/")).decode()
    assert re.search(r'<dimension ref="([^"]+)"', xml).group(1) == "A1:F6"
    assert ws["C5"].value == "Chi bộ số 2" and ws["D5"].number_format == "0.00%" and ws["F5"].value is None
    assert ws["B6"].value == "=C12" and ws["B6"].data_type == "s" and ws["C6"].value == "ấp  Tân Hòa"


def test_bodies_longer_than_a_chunk_keep_their_row_numbers(tmp_path, monkeypatch):
    monkeypatch.setattr(streamed_rows, "_CHUNK_ROWS", 3)
    wb = Workbook()
    ws = wb.active
    header_row(ws, 1, ["n", "text"])
    plain = (look(ws), look(ws, align="left"))
    rows = (((i, f"unit {i}"), plain, None) for i in range(1, 11))
    StreamedWorkbook(wb, [SheetBody(ws, rows, first_row=2, count=10, width=2)]).save(tmp_path / "c.xlsx")
    back = load_workbook(tmp_path / "c.xlsx").active
    assert [[c.value for c in r] for r in back.iter_rows(min_row=2)] == [[i, f"unit {i}"] for i in range(1, 11)]
    assert back.max_row == 11


def test_a_body_must_announce_its_rows_and_start_below_the_frame(tmp_path):
    wb = Workbook()
    ws = wb.active
    header_row(ws, 1, ["n"])
    one = (look(ws),)
    with pytest.raises(ValueError, match="2 rows streamed, 3 announced"):
        StreamedWorkbook(wb, [SheetBody(ws, [((1,), one, None), ((2,), one, None)], 2, 3, 1)]).save(tmp_path / "a.xlsx")
    with pytest.raises(ValueError, match="openpyxl already wrote row 1"):
        StreamedWorkbook(wb, [SheetBody(ws, [((1,), one, None)], 1, 1, 1)]).save(tmp_path / "b.xlsx")


def test_merge_across_gives_the_cells_merge_cells_gives(tmp_path):
    books = []
    for merge in ("openpyxl", "helper"):
        wb = Workbook()
        ws = wb.active
        for row in range(1, 5):
            put(ws, row, 5, f"row {row}", align="left", bold=row == 4)
            if merge == "openpyxl":
                ws.merge_cells(start_row=row, start_column=5, end_row=row, end_column=7)
            else:
                merge_across(ws, row, 5, 7)
        wb.save(tmp_path / f"{merge}.xlsx")
        books.append(load_workbook(tmp_path / f"{merge}.xlsx").active)
    plain, fast = books
    assert sorted(map(str, fast.merged_cells.ranges)) == sorted(map(str, plain.merged_cells.ranges)) == \
        [f"E{r}:G{r}" for r in range(1, 5)]
    for row in range(1, 5):
        for col in range(5, 8):
            a, b = plain.cell(row, col), fast.cell(row, col)
            assert (type(b), b.value, _style(b)) == (type(a), a.value, _style(a))
    assert isinstance(fast["G2"], MergedCell) and fast["G2"].border.right.style == "thin"


def test_a_body_fills_a_sheet_openpyxl_left_empty(tmp_path):
    wb = Workbook()
    ws = wb.active
    rows = [(("a", 1), (look(ws), look(ws)), None), (("b", 2), (look(ws), look(ws)), 30.0)]
    StreamedWorkbook(wb, [SheetBody(ws, rows, first_row=1, count=2, width=2)]).save(tmp_path / "e.xlsx")
    back = load_workbook(tmp_path / "e.xlsx").active
    assert [[c.value for c in r] for r in back.iter_rows()] == [["a", 1], ["b", 2]]
    assert back.row_dimensions[2].height == 30 and back.dimensions == "A1:B2"


_LOOKS = (CellLook(text=3, count=4), CellLook(text=0, count=5), CellLook(text=7, count=7))
_TEXT = st.text(st.sampled_from([*"aZ0  -=@&<>\r\n\t\x0b\x01\xa0", "đ", "ấ"]), max_size=6)
_VALUE = st.one_of(_TEXT, st.integers(-10**12, 10**12), st.none(), st.booleans(),
                   st.sampled_from([0.5, -2.25, 1e300, math.nan, math.inf, -math.inf, dt.date(2025, 1, 2)]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(_VALUE, max_size=5), st.sampled_from([_LOOKS, _LOOKS[:2]]),
                          st.sampled_from([None, 15.0, 22.5])), max_size=8),
       st.integers(1, 30))
def test_rows_in_one_call_are_the_rows_decided_cell_by_cell(rows, first_row):
    """rows_xml writes a row of plain texts, ints and Nones with the markup prepared for its
    shape; any other row cell by cell (the path the openpyxl comparison above checks). Both
    must give the same bytes, whatever the texts hold."""
    got = b"".join(chunk for chunk, _ in streamed_rows.rows_xml(rows, first_row))
    want = "".join(row_markup.row_xml(r, values, [row_markup.CellMarkup(x) for x in looks], height)
                   for r, (values, looks, height) in enumerate(rows, start=first_row))
    assert got == want.encode().translate(None, streamed_rows._NOT_IN_XML)


def test_plain_rows_take_the_one_call_path(monkeypatch):
    """The fast path is taken (not only equivalent): a plain row never reaches row_xml; a row
    with text that needs escaping, an edge space, "" or a float does."""
    general = []
    real = streamed_rows.row_xml
    monkeypatch.setattr(streamed_rows, "row_xml", lambda r, *args: general.append(r) or real(r, *args))
    rows = [((1, "Chi bộ 1", None), _LOOKS, None), ((2, "A & B", None), _LOOKS, None),
            ((3, "Chi bộ 3", 7), _LOOKS, 30.0), ((4, " x", None), _LOOKS, None), ((5, "", None), _LOOKS, None),
            ((6, "x", 0.5), _LOOKS, None), ((7, "x\ty", None), _LOOKS, None), ((8, "ok", None), _LOOKS, None)]
    xml = b"".join(chunk for chunk, _ in streamed_rows.rows_xml(rows, 1))  # row r holds r in column A
    assert general == [2, 4, 5, 6, 7]
    assert xml.startswith('<row r="1"><c r="A1" s="4"><v>1</v></c><c r="B1" s="0" t="inlineStr"><is><t>Chi bộ 1'
                          '</t></is></c><c r="C1" s="7"/></row><row r="2">'.encode())
    assert b'<row r="3" ht="30" customHeight="1"><c r="A3" s="4"><v>3</v></c>' in xml


def test_a_row_without_cells_is_not_written_but_keeps_its_number():
    rows = [((), (), None), ((None,), (CellLook(0, 0),), None), ((1,), _LOOKS, None), ((), (), 20.0)]
    assert b"".join(chunk for chunk, _ in streamed_rows.rows_xml(rows, 5)) == \
        b'<row r="7"><c r="A7" s="4"><v>1</v></c></row><row r="8" ht="20" customHeight="1"></row>'
