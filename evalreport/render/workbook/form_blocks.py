"""The head and foot a statistical report form carries, on the printable sheets of the workbooks.

A form sheet an officer signs and sends upward states who reports to whom, the form's number
and period at the top, and ends with the place-and-date line and two signature blocks: the
preparer ("NGƯỜI LẬP BIỂU") on the left, the committee's signer on the right. Every part comes
from the same :class:`~evalreport.render.letterhead.Letterhead` as the Word report.

The blocks only use cells the form layout leaves free (the right-hand columns of the header
rows, the rows below the last data row), so the data cells, the metadata and the fingerprint
stay as they are and every workbook written before still reads back the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.styles import Alignment, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.model.hierarchy import Hierarchy
from evalreport.render.letterhead import Letterhead, UnitReportSettings, letterhead
from evalreport.render.workbook.style_table import style_cache
from evalreport.render.workbook.xlsx_cells import merge_across
from evalreport.wording.catalog import text

__all__ = ["FormBlocks", "BlockLine", "form_blocks", "top_block_lines", "signature_lines", "line_heights", "write_lines",
           "write_top_block", "write_signatures", "fit_row_height", "wrapped_lines", "BLANK"]

#: What an officer fills in by hand where a part is not known (a blank template's units).
BLANK = "……………"
_FONT = "Times New Roman"
#: Blank rows left for the handwritten signature (and the seal) above the names.
_SIGN_SPACE = 3


@dataclass(frozen=True)
class FormBlocks:
    """The worded lines of the head and foot of one unit's form for one period."""

    issuer: str  # "Đơn vị báo cáo: HUYỆN ỦY CỦ CHI"
    receiver: str  # "Đơn vị nhận báo cáo: TỈNH ỦY GIA LAI"
    form: str  # "Biểu số: DG-NAM"
    period: str  # "Kỳ báo cáo: năm 2025"
    date: str  # "Củ Chi, ngày … tháng … năm …"
    preparer: str  # "NGƯỜI LẬP BIỂU"
    sign_hint: str  # "(Ký, ghi rõ họ tên)"
    preparer_name: str
    signs_for: str  # "T/M BAN THƯỜNG VỤ"
    signer_title: str  # "BÍ THƯ"
    signer_name: str


def form_blocks(form_code: str, period_label: str, hierarchy: Hierarchy | None, unit_code: str | None,
                settings: UnitReportSettings | None = None, lang: str = "vi") -> FormBlocks:
    """The lines for ``unit_code``'s form (a blank template when there is no unit: dots to fill
    in); ``settings`` are the workspace's report settings for the unit (place, signer, ...)."""
    s = settings or UnitReportSettings()
    if hierarchy is not None and unit_code:
        head = letterhead(hierarchy, unit_code, settings)
    else:
        head = Letterhead(superior="", issuer=(s.issuer or "").upper(), number="", symbol="",
                          signs_for=(s.signs_for or "").upper(), signer_title=(s.signer_title or "").upper(),
                          signer_name=s.signer_name or "", place=s.place or BLANK, recipients=(),
                          preparer=s.preparer or "", receiver=(s.receiver or "").upper())
    return FormBlocks(
        issuer=text("TPL_ISSUER", lang, unit=head.issuer or BLANK),
        receiver=text("TPL_RECEIVER", lang, unit=head.receiver or BLANK),
        form=text("TPL_FORM_NO", lang, form=form_code), period=text("TPL_PERIOD_LINE", lang, period=period_label or BLANK),
        date=text("TPL_PLACE_DATE", lang, place=head.place), preparer=text("TPL_PREPARER", lang),
        sign_hint=text("TPL_SIGN_HINT", lang),
        preparer_name=head.preparer, signs_for=head.signs_for, signer_title=head.signer_title,
        signer_name=head.signer_name)


def _line(ws: Worksheet, row: int, first_col: int, last_col: int, value: str, *, bold: bool = False,
          italic: bool = False, align: str = "center", size: int = 12) -> None:
    """One line of a block across ``first_col``..``last_col`` (merged); empty text writes nothing
    (an empty inline string would count as a value in Excel)."""
    if not value:
        return
    cell = ws.cell(row=row, column=first_col, value=value)
    cell.data_type = "s"  # a unit or signer name is text, never a formula
    # the style each (start style, look) resolved to in this workbook: assigning a Font and an
    # Alignment hashes them into the style table every time
    resolved = style_cache(ws.parent, "line")
    key = (tuple(cell._style or ()), size, bold, italic, align)
    style = resolved.get(key)
    if style is None:
        cell.font = Font(name=_FONT, size=size, bold=bold, italic=italic)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        style = resolved[key] = StyleArray(cell._style)
    else:
        cell._style = StyleArray(style)
    if last_col > first_col:
        merge_across(ws, row, first_col, last_col)


def _width(ws: Worksheet, first_col: int, last_col: int) -> float:
    return sum(ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(first_col, last_col + 1))


def wrapped_lines(value: str, width: float, size: int = 12) -> int:
    """How many lines ``value`` takes in a cell ``width`` characters wide (an estimate from its
    length; what :func:`fit_row_height` sizes a row for, and what a cloned template must match)."""
    return max(1, -(-int(len(value) * size / 11 * 1.1) // max(1, int(width))))


def fit_row_height(ws: Worksheet, row: int, value: str, width: float, size: int = 12) -> None:
    """Rows tall enough for a line that wraps in a cell ``width`` characters wide: Excel does not
    grow a row for merged cells, nor LibreOffice for a row of a saved file, so a long unit name
    would be cut at the bottom."""
    lines = wrapped_lines(value, width, size)
    if lines > 1:
        needed = 16.0 * lines
        ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 0, needed)


@dataclass(frozen=True)
class BlockLine:
    """One line of a block, as :func:`write_lines` writes it: text across ``first_col``..``last_col``
    of ``row`` (merged); ``fit``: the row is made tall enough for it (a width's worth of text)."""

    row: int
    first_col: int
    last_col: int
    value: str
    bold: bool = False
    italic: bool = False
    align: str = "center"
    size: int = 12
    fit: bool = False


def top_block_lines(blocks: FormBlocks, first_row: int, first_col: int, last_col: int,
                    *, with_period: bool = True) -> list[BlockLine]:
    """The right-hand head: units, form number and (optionally) the period, one line each from
    ``first_row``."""
    lines = [blocks.issuer, blocks.receiver, blocks.form] + ([blocks.period] if with_period else [])
    return [BlockLine(first_row + i, first_col, last_col, value, bold=i < 2, align="left", size=11, fit=True)
            for i, value in enumerate(lines)]


def signature_lines(blocks: FormBlocks, first_row: int, left: tuple[int, int],
                    right: tuple[int, int]) -> list[BlockLine]:
    """The place-and-date line, then the preparer's block over the columns ``left`` and the
    signer's over ``right`` side by side, from ``first_row``, in the order they are written."""
    row = first_row
    names = row + 3 + _SIGN_SPACE
    return [BlockLine(row, *right, blocks.date, italic=True),
            BlockLine(row + 1, *left, blocks.preparer, bold=True),
            BlockLine(row + 1, *right, blocks.signs_for, bold=True, fit=True),
            BlockLine(row + 2, *left, blocks.sign_hint, italic=True),
            BlockLine(row + 2, *right, blocks.signer_title, bold=True),
            BlockLine(names, *left, blocks.preparer_name, bold=True),
            BlockLine(names, *right, blocks.signer_name, bold=True)]


def line_heights(ws: Worksheet, lines: list[BlockLine]) -> tuple[int, ...]:
    """How many text lines each fitted line takes in ``ws``'s columns: what its row's height is
    made from (:func:`fit_row_height`)."""
    return tuple(wrapped_lines(line.value, _width(ws, line.first_col, line.last_col), line.size)
                 for line in lines if line.fit)


def write_lines(ws: Worksheet, lines: list[BlockLine]) -> None:
    """Each line, its row made tall enough where it is fitted."""
    for line in lines:
        _line(ws, line.row, line.first_col, line.last_col, line.value, bold=line.bold, italic=line.italic,
              align=line.align, size=line.size)
        if line.fit:
            fit_row_height(ws, line.row, line.value, _width(ws, line.first_col, line.last_col), line.size)


def write_top_block(ws: Worksheet, blocks: FormBlocks, first_row: int, first_col: int, last_col: int,
                    *, with_period: bool = True) -> int:
    """The lines of :func:`top_block_lines`; returns the row after the block."""
    lines = top_block_lines(blocks, first_row, first_col, last_col, with_period=with_period)
    write_lines(ws, lines)
    return first_row + len(lines)


def write_signatures(ws: Worksheet, blocks: FormBlocks, first_row: int, left: tuple[int, int],
                     right: tuple[int, int]) -> int:
    """The lines of :func:`signature_lines`; returns the last row written."""
    lines = signature_lines(blocks, first_row, left, right)
    write_lines(ws, lines)
    return lines[-1].row
