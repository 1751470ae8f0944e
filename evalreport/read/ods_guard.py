"""Checks on an OpenDocument spreadsheet (.ods) that the .xlsx guard cannot make.

LibreOffice saves a filled template as .ods, and python-calamine reads it; but an .ods describes
its grid with repeat counts (``table:number-rows-repeated``, ``table:number-columns-repeated``),
and calamine expands a repeated cell that holds a value into a dense grid while it opens the
file: a 1 KB content.xml declaring one text cell repeated 16,000 columns in a row repeated 5,000
times makes it ask for 4 GB and abort the process (measured with python-calamine 0.9.1). So the
cell area each table reaches is measured here first, from the same vetted bytes the parser will
read, the way calamine counts it: a cell with an ``office:value-type`` or a formula (or, to be
safe, any child element) is content, a styled empty cell is not, and the area is the last
content row times the last content column. The zip-level checks (sizes, ratios, duplicate
members, DOCTYPE in every XML part, content.xml and styles.xml included) are the .xlsx guard's own.
"""

from __future__ import annotations

import xml.parsers.expat
import zipfile
import zlib

from evalreport.model.finding import Finding, make_finding
from evalreport.read.sheet_extent import SheetExtent

__all__ = ["ODS_MIMETYPE", "opendocument_kind", "check_ods"]

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OPENDOCUMENT = b"application/vnd.oasis.opendocument."
# What other OpenDocument files are, by the ending of their mimetype (said in the finding).
_OTHER_EXTENSIONS = {b"text": ".odt", b"presentation": ".odp", b"graphics": ".odg", b"spreadsheet-template": ".ots",
                     b"text-template": ".ott", b"formula": ".odf", b"chart": ".odc", b"text-master": ".odm"}
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 "
_OF = "urn:oasis:names:tc:opendocument:xmlns:of:1.2 "
_CELLS = (_TABLE + "table-cell", _TABLE + "covered-table-cell")
_CONTENT_ATTRS = (_OFFICE + "value-type", _TABLE + "formula", _OF + "value-type")
_CHUNK = 256 * 1024
_NEEDED = ("content.xml", "META-INF/manifest.xml")  # calamine refuses an .ods without either


def opendocument_kind(mimetype: bytes) -> str | None:
    """None when ``mimetype`` is not OpenDocument; "ods" for a spreadsheet; otherwise the usual
    extension of what the file really is (".odt" for a text document)."""
    mimetype = mimetype.strip()
    if not mimetype.startswith(_OPENDOCUMENT):
        return None
    if mimetype == ODS_MIMETYPE:
        return "ods"
    rest = mimetype[len(_OPENDOCUMENT):]
    return _OTHER_EXTENSIONS.get(rest, rest.decode("ascii", "replace")[:40])


def check_ods(parts: zipfile.ZipFile, max_cells: int, file: str | None) -> Finding | None:
    """The finding that refuses the .ods whose vetted ``parts`` are given, or None."""
    names = set(parts.namelist())
    missing = [n for n in _NEEDED if n not in names]
    if missing:
        return make_finding("FILE_STRUCTURE", "error", params={"detail": f"'{missing[0]}' ✗"}, file=file)
    grid = _GridArea(max_cells)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler, parser.EndElementHandler = grid.start, grid.end
    try:
        with parts.open("content.xml") as fh:
            while chunk := fh.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _TooLarge as over:
        return make_finding("LIMIT_SHEET_CELLS", "error", file=file,
                            params={"part": f"content.xml › {over.table}", "cell": over.extent.corner,
                                    "size": over.extent.area, "limit": max_cells})
    except (xml.parsers.expat.ExpatError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
        return make_finding("FILE_CORRUPT", "error", params={"reason": f"content.xml: {exc}"}, file=file)
    return None


class _TooLarge(Exception):
    def __init__(self, table: str, extent: SheetExtent):
        super().__init__(table)
        self.table, self.extent = table, extent


def _repeat(value: str | None) -> int:
    """A repeat count as calamine reads it; an unreadable one counts once (calamine then fails
    on it, and that failure becomes a finding)."""
    try:
        return max(int(value), 1) if value is not None else 1
    except ValueError:
        return 1


class _Table:
    def __init__(self, name: str):
        self.name, self.next_row, self.extent = name, 0, SheetExtent()
        self.row_repeat, self.row_has_content, self.col = 1, False, 0
        self.cell_end, self.cell_depth, self.cell_content = 0, 0, False


class _GridArea:
    """expat handlers measuring every table's content area; raise :class:`_TooLarge` at once."""

    def __init__(self, max_cells: int):
        self.max_cells = max_cells
        self.tables: list[_Table] = []  # a table inside a cell's content nests

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == _TABLE + "table":
            if self.tables and self.tables[-1].cell_depth:
                self.tables[-1].cell_content = True
            self.tables.append(_Table(attrs.get(_TABLE + "name", "?")[:60]))
            return
        if not self.tables:
            return
        t = self.tables[-1]
        if t.cell_depth:
            t.cell_depth += 1
            t.cell_content = True  # text:p, an annotation...: counted, calamine may keep the cell
        elif name == _TABLE + "table-row":
            t.row_repeat, t.row_has_content, t.col = _repeat(attrs.get(_TABLE + "number-rows-repeated")), False, 0
        elif name in _CELLS:
            t.cell_end = t.col + _repeat(attrs.get(_TABLE + "number-columns-repeated"))
            t.cell_depth, t.cell_content = 1, any(a in attrs for a in _CONTENT_ATTRS)

    def end(self, name: str) -> None:
        if not self.tables:
            return
        t = self.tables[-1]
        if t.cell_depth > 1:
            t.cell_depth -= 1
        elif t.cell_depth == 1:  # the cell itself ends
            t.cell_depth, t.col = 0, t.cell_end
            if t.cell_content:
                t.row_has_content = True
                t.extent.cols = max(t.extent.cols, t.cell_end)
        elif name == _TABLE + "table-row":
            if t.row_has_content:
                t.extent.rows = max(t.extent.rows, t.next_row + t.row_repeat)
            t.next_row += t.row_repeat
            if t.extent.area > self.max_cells:
                raise _TooLarge(t.name, t.extent)
        elif name == _TABLE + "table":
            self.tables.pop()
