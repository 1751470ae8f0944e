"""The very hidden metadata sheet of a workbook, its frame kept per process and its rows written
per unit.

Why: every summary workbook of an all-levels run carries the metadata the reader of the next
level finds values by (:func:`~evalreport.form.metadata.meta_rows`: a few dozen rows of text,
the unit's code, name, fingerprint and children). Building a cell object per value and the
sheet's frame through openpyxl's writer cost about 1 ms a unit, although only the rows differ
between units: the frame (properties, views, format, protection, margins) is the same in every
one, but for the dimension that names the last cell. So the rows are written as
:func:`~.sheet_cells.cells_xml` writes the same cells (text, unstyled, by
:func:`~.row_markup.row_xml`) between the frame's two halves, kept once checked.

Never a wrong part, as :mod:`.kept_sheets` does: only for workbooks prepared from the process's
style table (part of the key); the first workbook records the frame around its rows, the second
is built in full too and its part compared byte for byte with the filled one, and only after they
are equal is a stand-in used (a difference drops the key for the process). Values openpyxl would
not store as given (not text, a character XML cannot hold, longer than a cell keeps) are built in
full, so they fail or are cut exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.form.layout import META_SHEET
from evalreport.render.workbook.kept_sheets import keep_part, on_serialised
from evalreport.render.workbook.row_markup import CellMarkup, row_xml
from evalreport.render.workbook.style_table import prepared_from
from evalreport.render.workbook.xlsx_cells import CellLook

__all__ = ["metadata_sheet"]

_KEYS = 16  # style tables (one per purpose and process in practice)
_TEXT_LIMIT = 32767  # openpyxl cuts a cell's text there
_PLAIN = CellMarkup(CellLook(text=0, count=0))  # an unstyled cell, as cells_xml marks it up
_SHEET_DATA = b"<sheetData>"


@dataclass
class _Entry:
    table: object  # the style table (held: the key has its id)
    before: bytes | None = None  # the part up to the dimension's reference
    after: bytes | None = None  # from its end to the rows
    tail: bytes | None = None  # from the end of the rows on
    verified: bool = False
    dropped: bool = False

    def fill(self, rows: Sequence[Sequence[str]]) -> bytes:
        assert self.before is not None and self.after is not None and self.tail is not None
        return self.before + _dimension(rows) + self.after + _rows_xml(rows) + self.tail

    def record(self, xml: bytes, rows: Sequence[Sequence[str]]) -> None:
        """The part serialised for a sheet built in full: cut into the frame, or compared."""
        if self.dropped:
            return
        if self.before is None:
            self.dropped = not self._cut(xml, rows)
        elif not self.verified:
            self.verified = self.fill(rows) == xml
            self.dropped = not self.verified

    def _cut(self, xml: bytes, rows: Sequence[Sequence[str]]) -> bool:
        body = _SHEET_DATA + _rows_xml(rows) + b"</sheetData>"
        dimension = b'<dimension ref="' + _dimension(rows) + b'"/>'
        if xml.count(body) != 1 or xml.count(dimension) != 1 or xml.index(dimension) > xml.index(body):
            return False
        head, self.tail = xml.split(body)
        self.tail = b"</sheetData>" + self.tail
        before, after = head.split(dimension)
        self.before = before + b'<dimension ref="'
        self.after = b'"/>' + after + _SHEET_DATA
        return True


_ENTRIES: dict[int, _Entry] = {}


def metadata_sheet(wb: Workbook, rows: list[list[str]]) -> Worksheet:
    """``wb``'s metadata sheet holding ``rows`` as text (an empty text: no cell), very hidden and
    protected; a stand-in whose part is the kept frame around the rows, once that has been checked."""
    ws = wb.create_sheet(META_SHEET)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True
    table = prepared_from(wb)
    entry = None
    if table is not None and rows and all(row and row[0] for row in rows) and \
            all(_fillable(v) for row in rows for v in row):
        entry = _ENTRIES.get(id(table))
        if entry is None and len(_ENTRIES) < _KEYS:
            entry = _ENTRIES[id(table)] = _Entry(table)
    if entry is not None and entry.verified and not entry.dropped:
        keep_part(ws, entry.fill(rows))
        return ws
    for row in rows:
        ws.append([_text_cell(ws, v) for v in row])
    if entry is not None and not entry.dropped:
        on_serialised(ws, lambda xml: entry.record(xml, rows))
    return ws


def _text_cell(ws: Worksheet, value: str) -> object:
    if value == "":
        return None
    cell = Cell(ws, value=value)
    cell.data_type = "s"  # metadata is always text, even "=..." names or "0105" codes
    return cell


def _fillable(value: object) -> bool:
    return value.__class__ is str and len(value) <= _TEXT_LIMIT and not ILLEGAL_CHARACTERS_RE.search(value)


def _dimension(rows: Sequence[Sequence[str]]) -> bytes:
    """openpyxl's dimension of the sheet ``ws.append`` fills with ``rows`` (a cell per value,
    an empty one too)."""
    return f"A1:{get_column_letter(max(map(len, rows)))}{len(rows)}".encode()


def _rows_xml(rows: Sequence[Sequence[str]]) -> bytes:
    markups = [_PLAIN] * max(map(len, rows))
    return "".join(row_xml(r, [v or None for v in row], markups, None)
                   for r, row in enumerate(rows, start=1)).encode()
