"""OpenDocument spreadsheets (.ods) built to attack a reader. An .ods is a zip of XML parts like
an .xlsx, so the same zip and XML checks apply (entities in content.xml or styles.xml, a member
stored twice); its own danger is the repeat count: a few bytes can declare a cell repeated
across thousands of columns and a million rows, which python-calamine expands into a dense grid
while opening the file. Each must be refused before any parser runs.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

from tools.selfcheck.cases import Builder, finding, register
from tools.selfcheck.edits import zip_members
from tools.selfcheck.hostile import BILLION_LAUGHS, xxe

__all__ = ["ods"]

G = "hostile"
_NS = (b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
_STYLES = b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles ' + _NS + b"/>"
_MANIFEST = (b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
             b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')


def ods(rows: bytes, *, prolog: bytes = b'<?xml version="1.0" encoding="UTF-8"?>\n', styles: bytes = _STYLES,
        twice: str | None = None) -> bytes:
    """A minimal .ods whose one table holds ``rows`` (``<table:table-row>`` elements); ``twice``
    names a member written a second time."""
    content = (prolog + b"<office:document-content " + _NS + b"><office:body><office:spreadsheet>"
               b'<table:table table:name="DG-NAM">' + rows + b"</table:table></office:spreadsheet></office:body>"
               b"</office:document-content>")
    members = {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": content,
               "styles.xml": styles, "META-INF/manifest.xml": _MANIFEST}
    data = zip_members(members, stored_first="mimetype")
    if twice is not None:  # a second copy appended: the central directory lists the name twice
        buf = io.BytesIO(data)
        with warnings.catch_warnings(), zipfile.ZipFile(buf, "a") as z:
            warnings.simplefilter("ignore", UserWarning)
            z.writestr(twice, members[twice])
        data = buf.getvalue()
    return data


_CELL = b'<table:table-cell office:value-type="float" office:value="12"><text:p>12</text:p></table:table-cell>'


@register("ods_repeated_cell_bomb", "An .ods whose one text cell is repeated 16,000 columns in a row repeated "
          "5,000 times: 1 KB asking python-calamine for 4 GB", finding("LIMIT_SHEET_CELLS"), group=G,
          file_name="ods_repeated_cell_bomb.ods")
def _cell_bomb(b: Builder, name: str) -> Path:
    return b.write(name, ods(b'<table:table-row table:number-rows-repeated="5000"><table:table-cell '
                             b'table:number-columns-repeated="16000" office:value-type="string"/></table:table-row>'))


@register("ods_million_repeated_rows", "An .ods declaring a row of four numbers repeated 1,048,576 times",
          finding("LIMIT_SHEET_CELLS"), group=G, file_name="ods_million_repeated_rows.ods")
def _rows_bomb(b: Builder, name: str) -> Path:
    return b.write(name, ods(b'<table:table-row table:number-rows-repeated="1048576">' + _CELL * 4
                             + b"</table:table-row>"))


@register("ods_billion_laughs", "Entity expansion (“billion laughs”) in an .ods's content.xml", finding("XML_DTD"),
          group=G, file_name="ods_billion_laughs.ods")
def _laughs(b: Builder, name: str) -> Path:
    return b.write(name, ods(b"<table:table-row>" + _CELL + b"</table:table-row>", prolog=BILLION_LAUGHS))


@register("ods_xxe_styles", "External entity (file:///etc/passwd) in an .ods's styles.xml", finding("XML_DTD"),
          group=G, file_name="ods_xxe_styles.ods")
def _xxe(b: Builder, name: str) -> Path:
    return b.write(name, ods(b"<table:table-row>" + _CELL + b"</table:table-row>",
                             styles=xxe() + _STYLES.split(b"?>", 1)[1]))


@register("ods_duplicate_content", "An .ods holding content.xml twice: the guard reads one copy, a parser the other",
          finding("FILE_STRUCTURE"), group=G, file_name="ods_duplicate_content.ods")
def _twice(b: Builder, name: str) -> Path:
    return b.write(name, ods(b"<table:table-row>" + _CELL + b"</table:table-row>", twice="content.xml"))
