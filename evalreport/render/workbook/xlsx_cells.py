"""Cell writing for the summary workbook: styles, number formats, safe text and page setup.

Text copied from submissions (unit names, file names, messages) may begin with ``=``, ``+``,
``-`` or ``@``; Excel would run it as a formula. :func:`put` always stores such text as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.render.workbook.style_table import style_cache

__all__ = ["put", "put_share", "written_value", "share_value", "look", "CellLook", "RowLooks", "NO_CELL", "merge_across", "header_row", "set_widths", "landscape", "COUNT_FORMAT",
           "SHARE_FORMAT", "BOLD", "TITLE", "THIN", "HEADER_FILL", "TOTAL_FILL", "RED_FILL", "AMBER_FILL"]

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0.00%"
_FORMULA_START = ("=", "+", "-", "@")
THIN = Border(*(Side(style="thin", color="9E9E9E"),) * 4)
BOLD = Font(name="Times New Roman", bold=True, size=11)
TITLE = Font(name="Times New Roman", bold=True, size=14)
_BODY = Font(name="Times New Roman", size=11)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
RED_FILL = PatternFill("solid", fgColor="F8CBAD")
AMBER_FILL = PatternFill("solid", fgColor="FFE699")
_WRAP_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


# Per workbook (its style_cache "put"): the style array each combination of put()'s options
# resolved to. Assigning font, border, fill and alignment objects one by one makes openpyxl hash
# each of them for every cell, which dominated writing a province's completeness sheet (10,000
# rows); a cell copies a resolved array instead (openpyxl's own documented way to copy a style).


@dataclass(frozen=True)
class CellLook:
    """The style ids (indexes in the workbook's cell style table) that put() gives a cell for one
    set of options: ``count`` for an int (it adds the thousands format), ``text`` for any other
    value. Rows streamed as XML (:mod:`.streamed_rows`) carry these instead of cell objects."""

    text: int
    count: int


def put(ws: Worksheet, row: int, col: int, value: object, *, bold: bool = False, fmt: str | None = None,
        border: bool = True, align: str | None = None, fill: PatternFill | None = None):
    """Write one cell. Text is never a formula; ints get the thousands format. Empty text leaves
    the cell blank (styled, without a value): openpyxl would write it as an empty inline string,
    which Excel counts as not blank (COUNTA, Go To Special > Blanks)."""
    cell = ws.cell(row=row, column=col)
    value = written_value(value)
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
    if not fmt and isinstance(value, int) and not isinstance(value, bool):
        fmt = COUNT_FORMAT
    cell._style = StyleArray(_style_array(ws, bold, fmt, border, align, fill))  # a copy, as copy() makes
    return cell


def written_value(value: object) -> object:
    """The value put() stores: text without the characters XML cannot hold (e.g. a vertical tab
    pasted from Word), empty text as no value."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value) or None
    return value


def share_value(percent: float | None) -> object:
    """The value put_share() stores: the fraction, or "–" for a share without a denominator."""
    return "–" if percent is None else percent / 100.0


def look(ws: Worksheet, *, bold: bool = False, fmt: str | None = None, border: bool = True,
         align: str | None = None, fill: PatternFill | None = None) -> CellLook:
    """What put() with these options gives a cell, as style ids of ``ws``'s workbook."""
    def style_id(number_format: str | None) -> int:
        return Cell(ws, style_array=_style_array(ws, bold, number_format, border, align, fill)).style_id

    return CellLook(text=style_id(fmt), count=style_id(fmt or COUNT_FORMAT))


def _style_array(ws: Worksheet, bold: bool, fmt: str | None, border: bool, align: str | None,
                 fill: PatternFill | None) -> StyleArray:
    """The resolved style of one combination of options, built once per workbook on a cell
    that is never placed in the sheet."""
    key = (bold, fmt, border, align, id(fill) if fill is not None else None)
    resolved = style_cache(ws.parent, "put")
    array = resolved.get(key)
    if array is None:
        cell = Cell(ws)
        cell.font = BOLD if bold else _BODY
        if fmt:
            cell.number_format = fmt
        if border:
            cell.border = THIN
        if align:
            cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=align == "left")
        if fill is not None:
            cell.fill = fill
        array = resolved[key] = cell._style
    return array


def put_share(ws: Worksheet, row: int, col: int, percent: float | None, *, bold: bool = False,
              fill: PatternFill | None = None):
    """A share stored as a fraction with a percent format (Excel shows 91,82% in a Vietnamese
    locale); a zero denominator is shown as "–", never as an error."""
    if percent is None:
        return put(ws, row, col, share_value(percent), bold=bold, align="center", fill=fill)
    return put(ws, row, col, share_value(percent), bold=bold, fmt=SHARE_FORMAT, fill=fill)


# A position of a streamed row left without a cell (nothing is written there), as put() leaves
# a column it is not called for.
NO_CELL = CellLook(text=0, count=0)


class RowLooks:
    """Rows for :mod:`.streamed_rows` that read back as put() and put_share() would write them,
    cell by cell, on ``ws``: each combination of options resolves to a CellLook once, and equal
    look tuples are one object (rows_xml prepares its markup once per tuple)."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self._looks: dict[tuple, CellLook] = {}
        self._rows: dict[tuple[CellLook, ...], tuple[CellLook, ...]] = {}

    def look(self, *, bold: bool = False, fmt: str | None = None, border: bool = True, align: str | None = None,
             fill: PatternFill | None = None) -> CellLook:
        """:func:`look`, remembered."""
        key = (bold, fmt, border, align, id(fill) if fill is not None else None)
        found = self._looks.get(key)
        if found is None:
            found = self._looks[key] = look(self.ws, bold=bold, fmt=fmt, border=border, align=align, fill=fill)
        return found

    def share(self, percent: float | None, *, bold: bool = False,
              fill: PatternFill | None = None) -> tuple[object, CellLook]:
        """The value and look put_share() gives a cell."""
        if percent is None:
            return share_value(percent), self.look(bold=bold, align="center", fill=fill)
        return share_value(percent), self.look(bold=bold, fmt=SHARE_FORMAT, fill=fill)

    def row(self, cells: list[tuple[object, CellLook]]) -> tuple[tuple[object, ...], tuple[CellLook, ...]]:
        """(values, looks) of a row given as (value, look) from column A on."""
        looks = tuple(c[1] for c in cells)
        return tuple(c[0] for c in cells), self._rows.setdefault(looks, looks)


# Per workbook (its style_cache "merge"): (style of a merge's first cell, columns) -> the styles
# openpyxl's merge gave each cell of the range. merge_cells() recomputes the edge borders with
# Border arithmetic and hashing on every call (about 0.6 ms a merge: the overview merges 20 rows
# of the same look).


def merge_across(ws: Worksheet, row: int, first_col: int, last_col: int) -> None:
    """``ws.merge_cells`` for one row whose cells right of ``first_col`` are not written yet:
    the first merge of a look goes through openpyxl, the next ones copy the cell styles it made."""
    start = ws.cell(row=row, column=first_col)
    key = (tuple(start._style), last_col - first_col)
    made = style_cache(ws.parent, "merge")
    styles = made.get(key)
    if styles is None or any((row, col) in ws._cells for col in range(first_col + 1, last_col + 1)):
        ws.merge_cells(start_row=row, start_column=first_col, end_row=row, end_column=last_col)
        made.setdefault(key, [StyleArray(ws.cell(row=row, column=c)._style) for c in range(first_col, last_col + 1)])
        return
    ws.merged_cells.add(MergedCellRange(ws, f"{get_column_letter(first_col)}{row}:{get_column_letter(last_col)}{row}"))
    start._style = StyleArray(styles[0])
    for col, style in zip(range(first_col + 1, last_col + 1), styles[1:], strict=True):
        cell = ws._cells[row, col] = MergedCell(ws, row=row, column=col)
        cell._style = StyleArray(style)


def header_row(ws: Worksheet, row: int, labels: list[str], start_col: int = 1, height: float = 32) -> None:
    resolved = style_cache(ws.parent, "put")
    for i, label in enumerate(labels):
        cell = put(ws, row, start_col + i, label, bold=True, fill=HEADER_FILL)
        style = resolved.get("header")
        if style is None:  # put()'s look, centred and wrapped: resolved once per workbook
            cell.alignment = _WRAP_CENTER
            style = resolved["header"] = StyleArray(cell._style)
        else:
            cell._style = StyleArray(style)
    ws.row_dimensions[row].height = height


def set_widths(ws: Worksheet, widths: list[float]) -> None:
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def landscape(ws: Worksheet, header_rows: str | None = None) -> None:
    """A4 landscape, one page wide, headers repeated on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.horizontalCentered = True
    if header_rows:
        ws.print_title_rows = header_rows
