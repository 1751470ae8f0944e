"""Body rows of a workbook's big sheets, written as XML straight into the saved package.

A province's completeness sheet lists every unit below it (10,888 rows at 10,000 cells, about
110,000 at national scale), and a run with many problems lists thousands of findings. Through
openpyxl every value becomes a cell object that is later serialised element by element: about
15 µs a value, 1.8 s for a province's summary workbook, with the whole grid held in memory.
openpyxl's write-only mode does not help enough: it still makes a cell object and an lxml
element per value (the findings workbook took 0.59 s for 10,000 findings that way), and it
cannot hold what the form sheet needs (merged cells, named styles, protection), which is
built by the template writer in normal mode.

So openpyxl still builds and saves everything else (the form sheet, header rows, column widths,
frozen panes, filters, print setup, charts, the style table); a sheet's body is handed over as
rows of values with their looks (:class:`~.xlsx_cells.CellLook`, the style ids put() would give),
produced lazily, and :meth:`StreamedWorkbook.save` writes them into the sheet's part of the
package openpyxl saved, in chunks, as the same SpreadsheetML openpyxl writes itself (inline
strings, numbers, style ids from the workbook's own style table). Memory holds one chunk of
rows, never an object per value.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from math import isfinite
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from .xlsx_cells import CellLook

__all__ = ["BodyRow", "SheetBody", "StreamedWorkbook", "rows_xml"]

# One row: its values from column A on, the look put() would give each (usually one tuple shared
# by every row of a sheet), and an explicit height in points (wrapped text) or None.
BodyRow = tuple[Sequence[object], Sequence[CellLook], "float | None"]

# Deflate level for the whole package. On a province's completeness sheet (6.4 MB of XML) level 3
# takes 22 ms for 531 KB, level 1 18 ms for 651 KB, openpyxl's default 6 84 ms for 488 KB.
_LEVEL = 3
_CHUNK_ROWS = 2000  # rows joined, cleaned and compressed at a time: a few hundred KB of XML
# The C0 controls XML 1.0 forbids (tab, line feed and carriage return are allowed): the set
# openpyxl's ILLEGAL_CHARACTERS_RE removes.
_NOT_IN_XML = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
_SHEET_DATA_END = re.compile(rb"<sheetData\s*/>|</sheetData>")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')
_ROW_NUMBER = re.compile(rb'<row r="(\d+)"')


@dataclass
class SheetBody:
    """The rows of ``ws`` from ``first_row`` on, written at save time. ``count`` and ``width``
    (columns) are known up front because the sheet's frame (filter range, dimension) names the
    last cell before the rows exist."""

    ws: Worksheet
    rows: Iterable[BodyRow]
    first_row: int
    count: int
    width: int

    @property
    def last_row(self) -> int:
        return self.first_row + self.count - 1


@dataclass
class StreamedWorkbook:
    """An openpyxl workbook whose big sheets get their body rows only when it is saved."""

    workbook: Workbook
    bodies: list[SheetBody] = field(default_factory=list)

    def save(self, path: str | Path) -> None:
        """Save the workbook through openpyxl into memory (the big sheets hold only their frame,
        parts stored uncompressed), then write its package to ``path`` with each body streamed
        into its sheet's part, compressing every part once."""
        package = io.BytesIO()
        with zipfile.ZipFile(package, "w", zipfile.ZIP_STORED) as archive:
            # what openpyxl's save_workbook() does, with an archive that does not compress
            self.workbook.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
            ExcelWriter(self.workbook, archive).save()
        parts = {body.ws.path.lstrip("/"): body for body in self.bodies if body.count}
        with zipfile.ZipFile(package) as source, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as target:
            for info in source.infolist():
                body = parts.pop(info.filename, None)
                if body is None:
                    target.writestr(info.filename, source.read(info))
                else:
                    with target.open(info.filename, "w") as out:
                        _write_sheet(out, source.read(info), body)
        if parts:
            raise ValueError(f"sheet parts not found in the saved workbook: {sorted(parts)}")


def _write_sheet(out: io.BufferedIOBase, frame: bytes, body: SheetBody) -> None:
    """The frame openpyxl wrote (its last row above ``body.first_row``), with the body's rows
    spliced in at the end of ``sheetData`` and the dimension widened to cover them."""
    end = _SHEET_DATA_END.search(frame)
    if end is None:
        raise ValueError(f"{body.ws.title}: no sheetData in the saved sheet")
    head, tail = frame[:end.start()], frame[end.end():]
    rows_above = [int(n) for n in _ROW_NUMBER.findall(head)]
    if rows_above and max(rows_above) >= body.first_row:
        raise ValueError(f"{body.ws.title}: openpyxl already wrote row {max(rows_above)}, the body starts "
                         f"at {body.first_row}")
    if end.group().startswith(b"<sheetData"):  # an empty frame: <sheetData/>
        head += b"<sheetData>"
    last = get_column_letter(max(body.ws.max_column, body.width))
    head = _DIMENSION.sub(f'<dimension ref="A1:{last}{body.last_row}"/>'.encode(), head, 1)
    out.write(head)
    written = 0
    for chunk, n in rows_xml(body.rows, body.first_row):
        out.write(chunk)
        written += n
    if written != body.count:
        raise ValueError(f"{body.ws.title}: {written} rows streamed, {body.count} announced")
    out.write(b"</sheetData>" + tail)


def rows_xml(rows: Iterable[BodyRow], first_row: int) -> Iterator[tuple[bytes, int]]:
    """The rows as the ``<row>`` elements openpyxl writes for the same values and looks, in
    UTF-8 chunks of up to ``_CHUNK_ROWS`` rows (with the number of rows in each): text as an
    inline string (never a formula, whatever it begins with), an int with the look's count
    style, a float as ``%.16g`` (``t="n"`` is the default type, so left out), None or "" as an
    empty cell that keeps its look (its border shows). Characters XML cannot hold (a vertical
    tab pasted from Word) are dropped, as put() drops them: per chunk, from the encoded bytes,
    where they can only be those characters (every byte of a multi-byte UTF-8 character is above
    0x7F, and the markup has none).

    This loop is the cost of a province's summary workbook (about 0.6 µs a value), hence its
    shape: the markup around a value is prepared once per looks tuple (rows share them), and
    the checks are inlined."""
    letters = [get_column_letter(i) for i in range(1, 27)]
    # id(looks) -> (looks, their markup); holding the tuple keeps its id from being reused
    prepared: dict[int, tuple[Sequence[CellLook], list[_Markup]]] = {}
    chunk: list[str] = []
    append = chunk.append
    r = first_row - 1
    for values, looks, height in rows:
        r += 1
        entry = prepared.get(id(looks))
        if entry is None:
            entry = prepared[id(looks)] = (looks, [_Markup(look) for look in looks])
        if len(values) > len(letters):
            letters += [get_column_letter(i) for i in range(len(letters) + 1, len(values) + 1)]
        append(f'<row r="{r}">' if height is None else f'<row r="{r}" ht="{height:g}" customHeight="1">')
        for letter, value, m in zip(letters, values, entry[1], strict=False):  # letters may run longer
            kind = value.__class__
            if kind is str:
                if value:
                    if "&" in value or "<" in value or ">" in value or "\r" in value:
                        value = _escape(value)
                    if value[0] in _XML_SPACE or value[-1] in _XML_SPACE:
                        append(f'<c r="{letter}{r}{m.spaced_text}{value}</t></is></c>')
                    else:
                        append(f'<c r="{letter}{r}{m.text}{value}</t></is></c>')
                elif m.empty:
                    append(f'<c r="{letter}{r}{m.empty}')
            elif kind is int:
                append(f'<c r="{letter}{r}{m.count}{value}</v></c>')
            elif value is None:
                if m.empty:
                    append(f'<c r="{letter}{r}{m.empty}')
            elif kind is float:
                if isfinite(value):
                    append(f'<c r="{letter}{r}{m.number}{value:.16g}</v></c>')
                elif m.empty:  # NaN and infinities have no cell value: shown empty
                    append(f'<c r="{letter}{r}{m.empty}')
            elif kind is bool:
                append(f'<c r="{letter}{r}{m.boolean}{int(value)}</v></c>')
            else:  # anything else is shown as its text (dates are formatted by the sheet writers)
                append(f'<c r="{letter}{r}{m.spaced_text}{_escape(str(value))}</t></is></c>')
        append("</row>")
        if (r - first_row + 1) % _CHUNK_ROWS == 0:
            yield "".join(chunk).encode().translate(None, _NOT_IN_XML), _CHUNK_ROWS
            chunk.clear()
    if chunk:
        yield "".join(chunk).encode().translate(None, _NOT_IN_XML), (r - first_row + 1) % _CHUNK_ROWS or _CHUNK_ROWS


# XML's white space: text that begins or ends with it needs xml:space="preserve" to keep it
_XML_SPACE = " \t\n\r"


class _Markup:
    """What follows ``<c r="A1`` for each kind of value under one look."""

    __slots__ = ("text", "spaced_text", "count", "number", "boolean", "empty")

    def __init__(self, look: CellLook) -> None:
        self.text = f'" s="{look.text}" t="inlineStr"><is><t>'
        self.spaced_text = f'" s="{look.text}" t="inlineStr"><is><t xml:space="preserve">'
        self.count = f'" s="{look.count}"><v>'
        self.number = f'" s="{look.text}"><v>'
        self.boolean = f'" s="{look.text}" t="b"><v>'
        self.empty = f'" s="{look.text}"/>' if look.text else ""  # an unstyled empty cell is not written


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
