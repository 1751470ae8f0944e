"""The cells of a sheet built through openpyxl, written as XML at save time.

Why: openpyxl writes every cell through lxml, an element and an attribute dictionary per cell
(about 6 µs); a ward's summary workbook holds some 600 cells in the sheets built cell by cell
(the form sheet, the overview, the metadata, the instructions), 4 ms of CPU a workbook. The same
``<row>`` elements from :func:`~.row_markup.row_xml` cost a fifth of that. The sheet keeps its
cells (openpyxl still builds them, and the frame around them: columns, merges, print setup);
:mod:`.streamed_rows` writes its frame without them and splices these rows in.

Only what :func:`row_xml` writes exactly as openpyxl does is taken: text cells, numbers,
booleans and empty styled cells, rows with no attribute but a custom height. A sheet holding
anything else (a formula, a date, a comment, a hyperlink, a hidden or styled row) is left to
openpyxl whole.
"""

from __future__ import annotations

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.render.workbook.row_markup import CellMarkup, row_xml
from evalreport.render.workbook.xlsx_cells import CellLook

__all__ = ["cells_xml"]

_NO_CELL = CellMarkup(CellLook(text=0, count=0))  # a column left without a cell: nothing written
# the data type openpyxl gives each kind of value it writes as row_xml does (None: any)
_TYPES = {str: "s", int: "n", float: "n", bool: "b"}


def cells_xml(ws: Worksheet, markups: dict[int, CellMarkup]) -> str | None:
    """The sheet's ``<row>`` elements, or None when the sheet holds something this does not
    write as openpyxl would. ``markups``: style id -> its markup, shared by the sheets of one
    workbook."""
    heights: dict[int, float] = {}
    for r, dim in ws.row_dimensions.items():
        attrs = dict(dim)
        if not attrs:
            continue
        if attrs != {"ht": attrs.get("ht"), "customHeight": "1"} or f"{dim.ht:g}" != attrs["ht"]:
            return None
        heights[r] = dim.ht
    rows: dict[int, list] = {}
    for (r, c), cell in sorted(ws._cells.items()):
        kind = cell.__class__
        if kind is MergedCell:
            value = None
        elif kind is Cell and cell._comment is None and cell._hyperlink is None:
            value = cell._value
            if value is not None and _TYPES.get(value.__class__) != cell.data_type:
                return None
        else:
            return None
        sid = cell.style_id if cell.has_style else 0
        markup = markups.get(sid)
        if markup is None:
            markup = markups[sid] = CellMarkup(CellLook(text=sid, count=sid))
        rows.setdefault(r, []).append((c, value, markup))
    if not rows and not heights:
        return None
    parts = []
    for r in sorted(rows.keys() | heights.keys()):
        values, looks = [], []
        for c, value, markup in rows.get(r, ()):
            while len(values) < c - 1:  # the columns before it without a cell
                values.append(None)
                looks.append(_NO_CELL)
            values.append(value)
            looks.append(markup)
        parts.append(row_xml(r, values, looks, heights.get(r)))
    return "".join(parts)
