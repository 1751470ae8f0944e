"""A sheet body given column by column, written as row XML with C-speed joins.

Why: the root's completeness sheet lists every unit of the province (108,856 rows at 100,000
cells), and :func:`~.streamed_rows.rows_xml` still costs a Python call, a shape lookup and a
text check per row (about 3 µs a row, a third of a second at 100,000, plus the generator that
made each row's tuple). Its values come as whole columns anyway (every unit's name, level,
parent, state), so here the markup is assembled column-wise: each column's cells are made in one
comprehension and its texts checked at once (joined, with the string methods), and the rows are
the columns zipped with the constant markup between them and joined, a chunk of rows at a time.

The XML is byte for byte what :func:`~.streamed_rows.rows_xml` writes for the same rows (the
tests compare them): a chunk holding anything the fast way does not handle (a text to escape or
with white space at an edge, a control character, a value neither text, int nor None) is handed
to ``rows_xml`` row by row instead, so the rules of how a value is written stay in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, repeat
from operator import is_

from openpyxl.utils import get_column_letter

from evalreport.render.workbook.row_markup import CellMarkup
from evalreport.render.workbook.xlsx_cells import CellLook

__all__ = ["ColumnRows"]

_CHUNK_ROWS = 5000  # rows assembled at a time: about 3 MB of XML
_NONE = type(None)


class ColumnRows:
    """Rows from column A on, given as ``columns``: each a sequence of values (str, int or None)
    and either one look for the whole column or a look per row. Every column has ``count``
    values. Hand it to :class:`~.streamed_rows.SheetBody` as its rows."""

    def __init__(self, columns: Sequence[tuple[Sequence[object], CellLook | Sequence[CellLook]]], count: int) -> None:
        for values, looks in columns:
            if len(values) != count or (not isinstance(looks, CellLook) and len(looks) != count):
                raise ValueError(f"a column of {len(values)} values for {count} rows")
        self.columns = columns
        self.count = count

    def __len__(self) -> int:
        return self.count

    def chunks(self, first_row: int) -> Iterator[tuple[bytes, int]]:
        """The rows' XML in UTF-8 chunks, with the number of rows in each (as ``rows_xml``)."""
        refs = [f'<c r="{get_column_letter(i + 1)}' for i in range(len(self.columns))]
        refs[0] = '"><c r="A'  # right after the row's number
        for start in range(0, self.count, _CHUNK_ROWS):
            stop = min(self.count, start + _CHUNK_ROWS)
            cells = [_cells(values[start:stop], looks if isinstance(looks, CellLook) else looks[start:stop])
                     for values, looks in self.columns]
            if any(c is None for c in cells):
                yield self._general(start, stop, first_row)
                continue
            numbers = list(map(str, range(first_row + start, first_row + stop)))
            pieces: list[str | Sequence[str]] = ['<row r="', numbers]
            for ref, column in zip(refs, cells, strict=True):
                pieces += [ref, numbers, *column]
            pieces.append("</row>")
            yield "".join(chain.from_iterable(zip(*_merged(pieces), strict=False))).encode(), stop - start

    def _general(self, start: int, stop: int, first_row: int) -> tuple[bytes, int]:
        """Rows ``start``..``stop`` through ``rows_xml``, cell by cell where needed."""
        from evalreport.render.workbook.streamed_rows import rows_xml  # it hands bodies to this module

        looks_of = [repeat(looks) if isinstance(looks, CellLook) else looks[start:stop] for _, looks in self.columns]
        values_of = [values[start:stop] for values, _ in self.columns]
        shared: dict[tuple[CellLook, ...], tuple[CellLook, ...]] = {}  # rows_xml prepares a markup per looks object
        rows = [(values, shared.setdefault(looks, looks), None)
                for values, looks in zip(zip(*values_of, strict=True), zip(*looks_of, strict=False), strict=False)]
        out = list(rows_xml(rows, first_row + start))
        return b"".join(chunk for chunk, _ in out), stop - start


def _merged(pieces: list[str | Sequence[str]]) -> list[Iterable[str]]:
    """The pieces of every row, a constant (str) repeated and adjacent constants made one:
    fewer items for the join (a cell's closing tag and the next cell's opening are one)."""
    out: list[Iterable[str]] = []
    constant = ""
    for piece in pieces:
        if isinstance(piece, str):
            constant += piece
            continue
        if constant:
            out.append(repeat(constant))
            constant = ""
        out.append(piece)
    if constant:
        out.append(repeat(constant))
    return out


def _cells(values: Sequence[object], looks: CellLook | Sequence[CellLook]) -> list[str | Sequence[str]] | None:
    """What follows ``<c r="A1`` for each value (its style, type and value, closed), as pieces
    joined row by row (a str: the same for every row; else one per row, no string made per
    cell), or None when a value needs the general path."""
    distinct = set(values)
    kinds = set(map(type, distinct))
    if kinds <= {str, _NONE}:
        distinct.discard(None)
        distinct.discard("")
        if not _plain(list(distinct)):
            return None
        if isinstance(looks, CellLook):
            m = CellMarkup(looks)
            if all(values):
                return [m.text, values, "</t></is></c>"]
            if not m.empty:
                return None  # an unstyled empty cell is not written at all: only the general path leaves it out
            head, empty, tail = m.text, m.empty, "</t></is></c>"
            return [[head if v else empty for v in values], [v or "" for v in values],
                    [tail if v else "" for v in values]]
        markups: dict[int, CellMarkup] = {}  # by id: a CellLook's hash is computed in Python
        for look in looks:
            if id(look) not in markups:
                markups[id(look)] = CellMarkup(look)
        if not all(values) and not all(markups[id(look)].empty for look in looks):
            return None
        return [[markups[id(look)].text if v else markups[id(look)].empty for v, look in zip(values, looks, strict=True)],
                [v or "" for v in values], [("</t></is></c>" if v else "") for v in values]]
    if kinds <= {int} and isinstance(looks, CellLook):
        return [CellMarkup(looks).count, list(map(str, values)), "</v></c>"]
    return None  # bools, floats, empty numbers, per-row looks of numbers: the general path


def _plain(texts: list[str]) -> bool:
    """Whether these (non-empty) texts go into the markup as they are, as
    :func:`~.streamed_rows._plain` decides for a row, for a whole column at once with C-speed
    string methods: no character to escape, no white space at an edge (``str.strip`` returns
    the text itself when it has none; it strips a little more than XML's white space, which
    only sends such a text the general way), no control or other unprintable character."""
    joined = " ".join(texts)
    return ("&" not in joined and "<" not in joined and ">" not in joined
            and all(map(is_, texts, map(str.strip, texts))) and joined.isprintable())
