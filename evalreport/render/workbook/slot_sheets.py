"""Sheets of the summary workbook serialised once per shape, their values filled in per unit.

Why: in an all-levels run every non-leaf unit's workbook has an overview sheet whose markup,
styles, merges and row heights are the same for every unit of a level; only the values in some
cells differ (the unit's name and counts, the signature lines). Building it cell by cell through
openpyxl and serialising it cost about 2 ms a unit. So a sheet writer runs in two modes through
:class:`SheetCells`: in full (its cells put through openpyxl, as always) or for its values only
(no cell made, nothing serialised). The values pass runs first; with it the sheet's *shape*
(where each value goes, of which kind, plus what the writer adds, e.g. the row heights its lines
need) is the key. The first unit of a key is built in full and its part cut at the values'
cells (the slots); from then on a unit's part is those pieces with its own values written as
:func:`~.row_markup.cell_xml` writes them (the writer writes every cell of these sheets through
it), and the sheet is a stand-in (:func:`~.kept_sheets.keep_part`).

Never a wrong part, as :mod:`.kept_sheets` and ``template_clone`` do: only for workbooks
prepared from the process's style table (same styles, same ids; part of the key); the second unit
of a key is built in full too and its part compared byte for byte with the filled one before any
stand-in; a full build that added a style to the workbook's table (a stand-in would not add it),
a slot not found exactly once in the part or written otherwise than the filler writes it, text
XML cannot hold or longer than a cell keeps: the key is built in full from then on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.render.workbook.form_blocks import BlockLine, line_heights, write_lines
from evalreport.render.workbook.kept_sheets import keep_part, on_serialised
from evalreport.render.workbook.row_markup import CellMarkup, cell_xml
from evalreport.render.workbook.style_table import prepared_from
from evalreport.render.workbook.xlsx_cells import CellLook, put, put_share, share_value, written_value

__all__ = ["SheetCells", "slotted_sheet"]

_KEYS = 128
_TEXT_LIMIT = 32767  # openpyxl cuts a cell's text there


class SheetCells:
    """put(), put_share() and block lines for a sheet writer, recording each value written and
    where (the slots); with ``build`` False nothing is written to the sheet."""

    def __init__(self, ws: Worksheet, build: bool) -> None:
        self.ws, self.build = ws, build
        self.slots: list[tuple[int, int, object]] = []  # (row, column, value as the cell holds it)
        self.shape: list[object] = []  # what else the writer decided that shows in the part
        self.last_row = 0

    def put(self, row: int, col: int, value: object, **options):
        self.slots.append((row, col, written_value(value)))
        self.last_row = max(self.last_row, row)
        return put(self.ws, row, col, value, **options) if self.build else None

    def share(self, row: int, col: int, percent: float | None, **options) -> None:
        self.slots.append((row, col, share_value(percent)))
        self.last_row = max(self.last_row, row)
        if self.build:
            put_share(self.ws, row, col, percent, **options)

    def slot(self, row: int, col: int, value: object) -> None:
        """A value the writer itself puts into the cell, as it is stored there."""
        self.slots.append((row, col, value))
        self.last_row = max(self.last_row, row)

    def row(self, row: int) -> None:
        """A row the writer fills through openpyxl with what the shape decides (a header)."""
        self.last_row = max(self.last_row, row)

    def lines(self, lines: list[BlockLine]) -> None:
        """:func:`~.form_blocks.write_lines`; an empty line writes no cell."""
        self.slots += [(line.row, line.first_col, line.value) for line in lines if line.value]
        self.shape.append((tuple((line.row, line.first_col, bool(line.value)) for line in lines),
                           line_heights(self.ws, lines)))
        if self.build:
            write_lines(self.ws, lines)


@dataclass
class _Entry:
    holds: tuple  # the objects whose ids are in the key
    pieces: list[bytes | int] | None = None  # the part, cut at its slots (index of the value)
    markups: list[tuple[str, CellMarkup]] = field(default_factory=list)  # per slot: opening, markup
    verified: bool = False
    dropped: bool = False

    def fill(self, values: list[object]) -> bytes:
        assert self.pieces is not None
        return b"".join(p if isinstance(p, bytes) else
                        cell_xml(self.markups[p][0], values[p], self.markups[p][1]).encode() for p in self.pieces)

    def record(self, xml: bytes, slots: list[tuple[int, int, object]]) -> None:
        if self.dropped:
            return
        if self.pieces is None:
            self.dropped = not self._cut(xml, slots)
        elif not self.verified:
            self.verified = self.fill([v for _, _, v in slots]) == xml
            self.dropped = not self.verified

    def _cut(self, xml: bytes, slots: list[tuple[int, int, object]]) -> bool:
        spans: list[tuple[int, int, int]] = []
        for i, (row, col, value) in enumerate(slots):
            opening = f'<c r="{get_column_letter(col)}{row}'
            found = [m for m in re.finditer(re.escape(opening.encode()) + rb'"(?: s="(\d+)")?[^>]*?(?:/>|>.*?</c>)',
                                            xml, re.DOTALL)]
            if not found:  # an empty unstyled cell: not written
                markup = CellMarkup(CellLook(text=0, count=0))
                if cell_xml(opening, value, markup):
                    return False
                self.markups.append((opening, markup))
                continue
            if len(found) > 1:
                return False
            style = int(found[0].group(1) or 0)
            markup = CellMarkup(CellLook(text=style, count=style))
            if cell_xml(opening, value, markup).encode() != found[0].group(0):
                return False
            self.markups.append((opening, markup))
            spans.append((found[0].start(), found[0].end(), i))
        spans.sort()
        pieces: list[bytes | int] = []
        pos = 0
        for start, end, i in spans:
            if start < pos:
                return False
            pieces += [xml[pos:start], i]
            pos = end
        pieces.append(xml[pos:])
        self.pieces = pieces
        return True


_ENTRIES: dict[tuple, _Entry] = {}


def _style_sizes(ws: Worksheet) -> tuple[int, ...]:
    wb = ws.parent
    return (len(wb._fonts), len(wb._fills), len(wb._borders), len(wb._alignments), len(wb._protections),
            len(wb._number_formats), len(wb._cell_styles), len(wb._named_styles))


def _kind(value: object) -> object:
    if isinstance(value, str) and (len(value) > _TEXT_LIMIT or ILLEGAL_CHARACTERS_RE.search(value)):
        return None  # not written as given: no shape
    return value.__class__


def slotted_sheet(ws: Worksheet, key: tuple, holds: tuple, write: Callable[[SheetCells], None]) -> None:
    """Have ``write`` fill ``ws``: in full, or, once its shape has been checked, only for its values
    (``ws`` then a stand-in whose part is filled in). ``key``: what, besides the slots' places and
    kinds, the sheet's markup depends on (ids of ``holds`` included)."""
    table = prepared_from(ws.parent)
    if table is None:
        write(SheetCells(ws, True))
        return
    probe = SheetCells(ws, False)
    write(probe)
    kinds = tuple((row, col, _kind(value)) for row, col, value in probe.slots)
    full_key = (id(table), *map(id, holds), key, tuple(probe.shape), kinds, ws.title)
    entry = _ENTRIES.get(full_key)
    if entry is None and len(_ENTRIES) < _KEYS and all(kind is not None for _, _, kind in kinds):
        entry = _ENTRIES[full_key] = _Entry((table, *holds))
    if entry is not None and entry.verified and not entry.dropped:
        keep_part(ws, entry.fill([value for _, _, value in probe.slots]))
        return
    cells = SheetCells(ws, True)
    before = _style_sizes(ws)
    write(cells)
    if entry is None or entry.dropped:
        return
    if _style_sizes(ws) != before or cells.slots != probe.slots or cells.shape != probe.shape:
        entry.dropped = True  # a stand-in would not add those styles / the two passes disagree
        return
    on_serialised(ws, lambda xml: entry.record(xml, cells.slots))
