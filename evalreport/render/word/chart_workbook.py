"""The small workbook embedded in a report's chart: what Word opens on "Edit Data".

Units down column A, one rating a column, in the cells the chart's formulas name
(:mod:`.charts`). Every part but the sheet's cells is the same for every unit of a language, so
openpyxl writes the package once per process and sheet name (about 4 ms); each chart then gets
that package with its own rows (the fixed parts deflated once per process too,
:mod:`..deflated_parts`), written as the summary workbook's streamed rows are
(:func:`~evalreport.render.workbook.row_markup.row_xml`: inline strings, so a unit name that
begins with "=" stays text). An all-levels run embeds one such workbook in every unit's report.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from openpyxl import Workbook

from evalreport.render.deflated_parts import write_part
from evalreport.render.word.charts import RatingsChart
from evalreport.render.workbook.row_markup import CellMarkup, row_xml
from evalreport.render.workbook.xlsx_cells import CellLook
from evalreport.wording.catalog import text

__all__ = ["chart_workbook_xlsx"]

_SHEET_PART = "xl/worksheets/sheet1.xml"
_PLAIN = CellMarkup(CellLook(text=0, count=0))  # the default cell style: no number format


@lru_cache(maxsize=8)
def _package(sheet: str) -> tuple[tuple[tuple[str, bytes], ...], str, str]:
    """openpyxl's package of a one-sheet workbook named ``sheet`` with column A widened: its
    parts in order (the sheet's empty), and the sheet XML before and after its rows."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.column_dimensions["A"].width = 36  # room for the unit names
    ws.append(["-"])  # a row, so that the sheet has a <sheetData> element to split at
    out = io.BytesIO()
    wb.save(out)
    parts = []
    with zipfile.ZipFile(out) as package:
        for info in package.infolist():
            parts.append((info.filename, b"" if info.filename == _SHEET_PART else package.read(info)))
            if info.filename == _SHEET_PART:
                xml = package.read(info).decode()
    head, rest = xml.split("<sheetData>", 1)
    return tuple(parts), head + "<sheetData>", "</sheetData>" + rest.split("</sheetData>", 1)[1]


def chart_workbook_xlsx(chart: RatingsChart) -> bytes:
    """The workbook Word opens on "Edit Data" for ``chart``."""
    parts, head, tail = _package(chart.sheet)
    header = (text("CHART_UNIT", chart.lang), *chart.ratings)
    markups = [_PLAIN] * len(header)
    rows = [row_xml(1, header, markups, None)]
    rows += [row_xml(r, (name, *counts), markups, None)
             for r, (name, counts) in enumerate(zip(chart.units, chart.counts, strict=True), start=2)]
    sheet = f"{head}{''.join(rows)}{tail}".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts:
            write_part(package, name, sheet if name == _SHEET_PART else data, keep=name != _SHEET_PART)
    return out.getvalue()
