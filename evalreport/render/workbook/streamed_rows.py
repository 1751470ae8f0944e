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

Saving goes through openpyxl's writer in one pass into the package, with three changes for the
many small workbooks of an all-levels run (:class:`_InMemoryWriter`): sheets are serialised in
memory, not through temporary files; the cells of the other sheets are written as row XML too
(:mod:`.sheet_cells`); the styles part comes from the process's cache (:mod:`.style_table`), the
charts' parts from theirs (:mod:`.chart_parts`), the sheets' settings elements from theirs
(:mod:`.sheet_frame`), the frames of the streamed sheets of a level's later workbooks from
theirs (:mod:`.kept_frames`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path

from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.packaging.extended import ExtendedProperties
from openpyxl.packaging.relationship import RelationshipList, get_rels_path
from openpyxl.utils import get_column_letter
from openpyxl.workbook._writer import WorkbookWriter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from openpyxl.writer.theme import theme_xml
from openpyxl.xml.constants import (
    ARC_APP,
    ARC_CORE,
    ARC_ROOT_RELS,
    ARC_STYLE,
    ARC_THEME,
    ARC_WORKBOOK,
    ARC_WORKBOOK_RELS,
)
from openpyxl.xml.functions import tostring

from evalreport.render.deflated_parts import write_part
from evalreport.render.workbook.chart_parts import chart_xml
from evalreport.render.workbook.column_rows import ColumnRows
from evalreport.render.workbook.kept_frames import frame_xml
from evalreport.render.workbook.kept_sheets import kept_part, record_part
from evalreport.render.workbook.row_markup import CellMarkup, row_xml
from evalreport.render.workbook.sheet_cells import cells_xml
from evalreport.render.workbook.sheet_frame import FrameWriter
from evalreport.render.workbook.style_table import stylesheet_xml
from evalreport.render.workbook.xlsx_cells import CellLook

__all__ = ["BodyRow", "SheetBody", "StreamedWorkbook", "rows_xml"]

# One row: its values from column A on, the look put() would give each (usually one tuple shared
# by every row of a sheet), and an explicit height in points (wrapped text) or None.
BodyRow = tuple[Sequence[object], Sequence[CellLook], "float | None"]

# Deflate level for the whole package. On a province's completeness sheet (6.4 MB of XML) level 2
# takes 18 ms for 623 KB, level 1 19 ms for 688 KB, level 3 25 ms for 572 KB, openpyxl's
# default 6 84 ms for 488 KB (a province's summary workbook: 707 KB at level 2, 650 at 3).
_LEVEL = 2
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
    last cell before the rows exist. ``rows``: one :data:`BodyRow` after another, or whole
    columns (:class:`~.column_rows.ColumnRows`, for a sheet of many units)."""

    ws: Worksheet
    rows: Iterable[BodyRow] | ColumnRows
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
        """Save the workbook through openpyxl (the big sheets hold only their frame) into the
        package at ``path``, each body streamed into its sheet's part as that part is written:
        one pass, every part compressed once."""
        bodies = {id(body.ws): body for body in self.bodies if body.count}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=_LEVEL) as archive:
            # what openpyxl's save_workbook() does
            self.workbook.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
            _InMemoryWriter(self.workbook, archive, bodies).save()
        if bodies:
            raise ValueError(f"sheets not found in the saved workbook: {sorted(b.ws.title for b in bodies.values())}")


class _InMemoryWriter(ExcelWriter):
    """openpyxl's writer, each sheet serialised into memory and the styles part taken from the
    process's cache (:func:`~.style_table.stylesheet_xml`). openpyxl writes every sheet into a
    temporary file, copies it into the package and deletes it (nine files for a ward's summary
    workbook, a tenth of its CPU). The same steps as openpyxl's ``write_worksheet`` and
    ``write_data`` (openpyxl 3.1) otherwise."""

    def __init__(self, workbook: Workbook, archive: zipfile.ZipFile, bodies: dict[int, SheetBody]) -> None:
        super().__init__(workbook, archive)
        self.bodies = bodies  # id(sheet) -> its body, removed once written
        self.markups: dict[int, CellMarkup] = {}  # style id -> its markup, for cells_xml

    def write_data(self) -> None:
        wb, archive = self.workbook, self._archive
        if len(wb.custom_doc_props) or wb.vba_archive or wb.loaded_theme:
            super().write_data()  # nothing the summary workbooks have: openpyxl's own way
            return
        write_part(archive, ARC_APP, tostring(ExtendedProperties().to_tree()))
        write_part(archive, ARC_CORE, tostring(wb.properties.to_tree()), keep=False)  # the time of saving
        write_part(archive, ARC_THEME, theme_xml)
        self._write_worksheets()
        self._write_chartsheets()
        self._write_images()
        self._write_charts()
        self._write_external_links()
        write_part(archive, ARC_STYLE, stylesheet_xml(wb))
        writer = WorkbookWriter(wb)
        write_part(archive, ARC_ROOT_RELS, writer.write_root_rels())
        write_part(archive, ARC_WORKBOOK, writer.write())
        write_part(archive, ARC_WORKBOOK_RELS, writer.write_rels())
        # the manifest's own _write (no VBA here), its part kept like the others
        self.manifest.append(wb)
        self.manifest._register_mimetypes(filenames=archive.namelist())
        write_part(archive, self.manifest.path, tostring(self.manifest.to_tree()))

    def _write_charts(self) -> None:
        if len(self._charts) != len(set(self._charts)):
            raise ValueError("the same chart cannot be used in more than one worksheet")
        for chart in self._charts:
            write_part(self._archive, chart.path[1:], chart_xml(chart))
            self.manifest.append(chart)

    def _write_drawing(self, drawing: SpreadsheetDrawing) -> None:
        """openpyxl's (3.1), its two parts kept like the others."""
        self._drawings.append(drawing)
        drawing._id = len(self._drawings)
        for chart in drawing.charts:
            self._charts.append(chart)
            chart._id = len(self._charts)
        for img in drawing.images:
            self._images.append(img)
            img._id = len(self._images)
        write_part(self._archive, drawing.path[1:], tostring(drawing._write()))
        write_part(self._archive, get_rels_path(drawing.path)[1:], tostring(drawing._write_rels()))
        self.manifest.append(drawing)

    def write_worksheet(self, ws: Worksheet) -> None:
        if self.workbook.write_only:
            raise ValueError("a streamed workbook is not write-only")
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        kept = kept_part(ws)
        if kept is not None:  # a stand-in: its part was serialised for an earlier workbook
            ws._rels = RelationshipList()
            write_part(self._archive, ws.path[1:], kept)
            self.manifest.append(ws)
            return
        body = self.bodies.pop(id(ws), None)
        if body is not None:
            ws._rels = RelationshipList()  # the writer's, unless it runs
            frame = frame_xml(ws, lambda: _frame(ws))  # kept per shape once checked (:mod:`.kept_frames`)
            with self._archive.open(ws.path[1:], "w") as out:
                _write_sheet(out, frame, body)
            self.manifest.append(ws)
            return
        rows = cells_xml(ws, self.markups)
        writer = (FrameWriter if rows is None else _FrameWriter)(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        if rows is not None:
            xml = _with_rows(writer.out.getvalue(), rows.encode(), ws.title)
            record_part(ws, xml)
            self._archive.writestr(ws.path[1:], xml)
        else:
            self._archive.writestr(ws.path[1:], writer.out.getvalue())
        self.manifest.append(ws)


def _frame(ws: Worksheet) -> bytes:
    """The sheet as openpyxl's writer (:mod:`.sheet_frame`) serialises it: a streamed sheet's frame."""
    writer = FrameWriter(ws, out=io.BytesIO())
    writer.write()
    ws._rels = writer._rels
    return writer.out.getvalue()


class _FrameWriter(FrameWriter):
    """The sheet writer (:mod:`.sheet_frame`) without the cells: an empty ``sheetData``, where the rows of
    :func:`~.sheet_cells.cells_xml` go."""

    def write_rows(self) -> None:
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            pass
        self.xf.send(None)


def _with_rows(frame: bytes, rows: bytes, title: str) -> bytes:
    """The frame with ``rows`` as the content of its (empty) ``sheetData``."""
    end = _SHEET_DATA_END.search(frame)
    if end is None:
        raise ValueError(f"{title}: no sheetData in the saved sheet")
    head = frame[:end.start()] + (b"<sheetData>" if end.group().startswith(b"<sheetData") else b"")
    return head + rows + b"</sheetData>" + frame[end.end():]


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
    chunks = body.rows.chunks(body.first_row) if isinstance(body.rows, ColumnRows) else \
        rows_xml(body.rows, body.first_row)
    for chunk, n in chunks:
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
    empty cell that keeps its look (its border shows), a row without cells or height not at all
    (a blank row keeps its number, as openpyxl leaves it out). Characters XML cannot hold (a vertical
    tab pasted from Word) are dropped, as put() drops them: from the encoded bytes of a chunk
    that may hold one, where they can only be those characters (every byte of a multi-byte
    UTF-8 character is above 0x7F, and the markup has none).

    This loop is the cost of a province's summary workbook, hence its shape. Rows of a sheet
    share their looks and the types of their values, so each such shape gets a writer made
    once (:class:`_RowShape`) and a row is one call of a generated f-string (about 2 µs for 9
    cells, against 4 µs cell by cell). A row whose text needs care (escaping, white space at an
    edge, a control character, ""), or that holds a float, a bool or any other value, takes the
    general path, :func:`~.row_markup.row_xml`, which decides cell by cell; so producers give an empty cell
    as None rather than ""."""
    # (id(looks), whether the row has a height, each value's type) -> its writer, or None
    shapes: dict[tuple, _RowShape | None] = {}
    markups: dict[int, tuple[Sequence[CellLook], list[CellMarkup]]] = {}  # for the general path
    chunk: list[str] = []
    append = chunk.append
    dirty = False  # the chunk may hold characters XML cannot: translate it
    r = first_row - 1
    for values, looks, height in rows:
        r += 1
        key = (id(looks), height is None, *map(type, values))
        shape = shapes.get(key, _UNSEEN)
        if shape is _UNSEEN:
            shape = shapes[key] = _RowShape.make(looks, key[2:], height is not None)
        if shape is not None and _plain(shape.texts(values)):
            row_number = str(r)  # formatted once, not once a cell
            append(shape.write(row_number, *values) if height is None else shape.write(row_number, height, *values))
        else:
            entry = markups.get(id(looks))
            if entry is None:
                entry = markups[id(looks)] = (looks, [CellMarkup(look) for look in looks])
            row = row_xml(r, values, entry[1], height)
            dirty = dirty or not row.isprintable()
            append(row)
        if (r - first_row + 1) % _CHUNK_ROWS == 0:
            yield _encoded(chunk, dirty), _CHUNK_ROWS
            chunk.clear()
            dirty = False
    if chunk:
        yield _encoded(chunk, dirty), (r - first_row + 1) % _CHUNK_ROWS or _CHUNK_ROWS


def _encoded(chunk: list[str], dirty: bool) -> bytes:
    data = "".join(chunk).encode()
    return data.translate(None, _NOT_IN_XML) if dirty else data


_UNSEEN = object()


def _plain(texts: tuple[str, ...]) -> bool:
    """Whether these texts go into the markup as they are: none empty, none with white space at
    an edge (it would need xml:space="preserve"), none with a character to escape or a control
    character. Checked on the texts joined by a space, with C-speed string methods: a text's
    edge space shows as a space at either end or two in a row (two inside a text are a false
    alarm: the general path then writes it, exactly)."""
    if not texts:
        return True
    joined = " ".join(texts)
    return (joined != "" and joined[0] != " " and joined[-1] != " " and "  " not in joined
            and joined.isprintable()  # no tab, line break or other control character
            and "&" not in joined and "<" not in joined and ">" not in joined)


class _RowShape:
    """The writer of rows of one shape: their looks, whether they have a height, the type of
    each value (str, int or None; any other type has no shape)."""

    __slots__ = ("looks", "write", "texts")

    def __init__(self, looks: Sequence[CellLook], write: Callable[..., str],
                 texts: Callable[[Sequence[object]], tuple[str, ...]]) -> None:
        self.looks = looks  # held so that its id, part of the key, is not reused
        self.write = write  # (r, [height,] *values) -> the row's XML, for plain texts
        self.texts = texts  # values -> their texts, to check they are plain

    @classmethod
    def make(cls, looks: Sequence[CellLook], kinds: tuple[type, ...], has_height: bool) -> _RowShape | None:
        if len(kinds) > len(looks) or not set(kinds) <= {str, int, type(None)}:
            return None
        cells, positions = [], []
        for i, (kind, look) in enumerate(zip(kinds, looks, strict=False)):  # looks may run longer
            m, ref = CellMarkup(look), f'<c r="{get_column_letter(i + 1)}{{r}}'
            if kind is str:
                cells.append(f"{ref}{m.text}{{v{i}}}</t></is></c>")
                positions.append(i)
            elif kind is int:
                cells.append(f"{ref}{m.count}{{v{i}}}</v></c>")
            elif m.empty:
                cells.append(f"{ref}{m.empty}")
        if not cells and not has_height:
            return None  # a row without cells: not written (the general path)
        head = '<row r="{r}" ht="{height:g}" customHeight="1">' if has_height else '<row r="{r}">'
        params = ", ".join(["r", *(["height"] if has_height else []), *(f"v{i}" for i in range(len(kinds)))])
        # markup and style ids only, never a value: the values are the function's arguments
        source = f"def write({params}):\n    return f{head + ''.join(cells) + '</row>'!r}\n"
        namespace: dict[str, Callable[..., str]] = {}
        exec(source, namespace)  # noqa: S102
        if len(positions) > 1:
            texts = itemgetter(*positions)
        elif positions:
            texts = partial(_one, positions[0])
        else:
            texts = _none
        return cls(looks, namespace["write"], texts)


def _one(position: int, values: Sequence[object]) -> tuple[object]:
    return (values[position],)


def _none(values: Sequence[object]) -> tuple[()]:
    return ()
