"""The guard measures a sheet's grid the way the parser will lay it out: rows and cells without
a number follow the one before, a cell's own reference wins, the declared dimension counts."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from evalreport.read.guard import ReadLimits, check_archive
from evalreport.read.sheet_extent import SheetExtent


def _workbook(sheet_data: bytes) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = 1
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>",
                                 lambda _m: b"<sheetData>" + sheet_data + b"</sheetData>", content, flags=re.S)
                content = re.sub(rb"<dimension [^>]*/>", b"", content)
            dst.writestr(info, content)
    return out.getvalue()


GRIDS = [
    b"<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>",
    b'<row r="3"><c><v>1</v></c><c r="C3"><v>2</v></c><c><v>5</v></c></row><row><c><v>3</v></c></row>',
    b'<row><c r="B1"><v>1</v></c></row><row><c><v>3</v></c></row><row/><row><c><v>4</v></c></row>',
    b'<row r="5"><c r="B2"><v>1</v></c><c><v>7</v></c></row><row><c><v>3</v></c></row>',
    b'<x:row><x:c><x:v>1</x:v></x:c><x:c t="n"><x:v>2</x:v></x:c></x:row>'.replace(b"x:", b""),
    b'<row r="2" spans="1:2"><c s="1" r="B2"><v>1</v></c><c\nt="n"><v>2</v></c></row>',
]


@pytest.mark.parametrize("grid", GRIDS)
def test_the_measured_area_covers_what_the_parser_lays_out(grid):
    data = _workbook(grid)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    area = len(rows) * max(map(len, rows))
    for chunk in (1 << 20, 7):  # whole, and cut into pieces in the middle of tags
        extent = SheetExtent()
        for i in range(0, len(grid), chunk):
            extent.feed(grid[i:i + chunk], 10**12)
        extent.finish(10**12)
        assert extent.area >= area and extent.area <= area + max(map(len, rows)) + len(rows), (grid, chunk)


def test_rows_without_numbers_and_a_far_cell_are_refused():
    grid = b'<row><c r="XFD1"><v>1</v></c></row>' + b"<row><c><v>1</v></c></row>" * 200
    result = check_archive(_workbook(grid), ReadLimits(max_sheet_cells=200 * 16384))
    assert [f.rule for f in result.findings] == ["LIMIT_SHEET_CELLS"]
    assert "XFD201" in result.findings[0].message("vi")


def test_a_comment_that_looks_like_markup_does_not_end_the_prolog():
    data = _workbook(b'<row r="1"><c r="A1"><v>1</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        styles = z.read("xl/styles.xml").split(b"?>", 1)[-1]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "xl/styles.xml":
                content = b'<?xml version="1.0"?><!-- <a> ' + b"x" * 20000 + b' --><!DOCTYPE a [<!ENTITY b "c">]>' + styles
            dst.writestr(info, content)
    assert [f.rule for f in check_archive(out.getvalue()).findings] == ["XML_PROLOG"]
