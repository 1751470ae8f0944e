"""Cell writing for the summary workbook: styles, number formats, safe text and page setup.

Text copied from submissions (unit names, file names, messages) may begin with ``=``, ``+``,
``-`` or ``@``; Excel would run it as a formula. :func:`put` always stores such text as text.
"""

from __future__ import annotations

from copy import copy
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["put", "put_share", "header_row", "set_widths", "landscape", "COUNT_FORMAT", "SHARE_FORMAT",
           "BOLD", "TITLE", "THIN", "HEADER_FILL", "TOTAL_FILL", "RED_FILL", "AMBER_FILL"]

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


# Per workbook: the style array each combination of put()'s options resolved to. Assigning
# font, border, fill and alignment objects one by one makes openpyxl hash each of them for
# every cell, which dominated writing a province's completeness sheet (10,000 rows); a cell
# copies a resolved array instead (openpyxl's own documented way to copy a style).
_RESOLVED: WeakKeyDictionary[Workbook, dict[tuple, StyleArray]] = WeakKeyDictionary()


def put(ws: Worksheet, row: int, col: int, value: object, *, bold: bool = False, fmt: str | None = None,
        border: bool = True, align: str | None = None, fill: PatternFill | None = None):
    """Write one cell. Text is never a formula; ints get the thousands format."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # e.g. a vertical tab pasted from Word
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
    if not fmt and isinstance(value, int) and not isinstance(value, bool):
        fmt = COUNT_FORMAT
    key = (bold, fmt, border, align, id(fill) if fill is not None else None)
    resolved = _RESOLVED.setdefault(ws.parent, {})
    if key in resolved:
        cell._style = StyleArray(resolved[key])  # a copy (what copy() does, without its dispatch)
        return cell
    cell.font = BOLD if bold else _BODY
    if fmt:
        cell.number_format = fmt
    if border:
        cell.border = THIN
    if align:
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=align == "left")
    if fill is not None:
        cell.fill = fill
    resolved[key] = copy(cell._style)
    return cell


def put_share(ws: Worksheet, row: int, col: int, percent: float | None, *, bold: bool = False,
              fill: PatternFill | None = None):
    """A share stored as a fraction with a percent format (Excel shows 91,82% in a Vietnamese
    locale); a zero denominator is shown as "–", never as an error."""
    if percent is None:
        return put(ws, row, col, "–", bold=bold, align="center", fill=fill)
    return put(ws, row, col, percent / 100.0, bold=bold, fmt=SHARE_FORMAT, fill=fill)


def header_row(ws: Worksheet, row: int, labels: list[str], start_col: int = 1, height: float = 32) -> None:
    for i, label in enumerate(labels):
        cell = put(ws, row, start_col + i, label, bold=True, fill=HEADER_FILL)
        cell.alignment = _WRAP_CENTER
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
