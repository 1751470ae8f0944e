"""The SpreadsheetML of one row of cells, as openpyxl writes the same values and styles.

Shared by the streamed bodies of the big sheets (:mod:`.streamed_rows`) and the cells of the
other sheets written at save time (:mod:`.sheet_cells`): one place that knows how a value is
written (inline string, number, boolean, empty styled cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from math import isfinite

from openpyxl.utils import get_column_letter

from evalreport.render.workbook.xlsx_cells import CellLook

__all__ = ["row_xml", "cell_xml", "CellMarkup", "escape", "XML_SPACE"]


def row_xml(r: int, values: Sequence[object], markups: list[CellMarkup], height: float | None) -> str:
    """One row, decided cell by cell (the general path of :func:`~.streamed_rows.rows_xml`):
    ``values`` from column A on, each with the markup of its look."""
    parts = [f'<row r="{r}">' if height is None else f'<row r="{r}" ht="{height:g}" customHeight="1">']
    append = parts.append
    for i, (value, m) in enumerate(zip(values, markups, strict=False)):  # extra values have no look: not written
        cell = cell_xml(f'<c r="{get_column_letter(i + 1)}{r}', value, m)
        if cell:
            append(cell)
    if len(parts) == 1 and height is None:
        return ""  # no cells and no height: openpyxl writes no row either
    append("</row>")
    return "".join(parts)


def cell_xml(ref: str, value: object, m: CellMarkup) -> str:
    """One cell, ``ref`` being its opening up to the reference (``<c r="B7``): "" for no cell."""
    kind = value.__class__
    if kind is str:
        if value:
            if "&" in value or "<" in value or ">" in value or "\r" in value:
                value = escape(value)
            if value[0] in XML_SPACE or value[-1] in XML_SPACE:
                return f"{ref}{m.spaced_text}{value}</t></is></c>"
            return f"{ref}{m.text}{value}</t></is></c>"
        return f"{ref}{m.empty}" if m.empty else ""
    if kind is int:
        return f"{ref}{m.count}{value}</v></c>"
    if value is None:
        return f"{ref}{m.empty}" if m.empty else ""
    if kind is float:
        if isfinite(value):
            return f"{ref}{m.number}{value:.16g}</v></c>"
        return f"{ref}{m.empty}" if m.empty else ""  # NaN and infinities have no cell value: shown empty
    if kind is bool:
        return f"{ref}{m.boolean}{int(value)}</v></c>"
    # anything else is shown as its text (dates are formatted by the sheet writers)
    return f"{ref}{m.spaced_text}{escape(str(value))}</t></is></c>"


# XML's white space: text that begins or ends with it needs xml:space="preserve" to keep it
XML_SPACE = " \t\n\r"


class CellMarkup:
    """What follows ``<c r="A1`` for each kind of value under one look."""

    __slots__ = ("text", "spaced_text", "count", "number", "boolean", "empty")

    def __init__(self, look: CellLook) -> None:
        self.text = f'" s="{look.text}" t="inlineStr"><is><t>'
        self.spaced_text = f'" s="{look.text}" t="inlineStr"><is><t xml:space="preserve">'
        self.count = f'" s="{look.count}"><v>'
        self.number = f'" s="{look.text}"><v>'
        self.boolean = f'" s="{look.text}" t="b"><v>'
        self.empty = f'" s="{look.text}"/>' if look.text else ""  # an unstyled empty cell is not written


def escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
