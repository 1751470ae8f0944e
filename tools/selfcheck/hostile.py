"""Files built to attack a reader: XML entity expansion and external entities in any part, zip
bombs (by ratio, by a lying size, by total), thousands of parts, member names that climb out of
a folder, and sheets whose cell area would exhaust memory. Each must be refused by the archive
guard, before any parser runs, with a finding that names the limit or the danger.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from pathlib import Path

from evalreport.model.submission import ChildRating
from evalreport.read.guard import ReadLimits
from evalreport.read.sheet_xml import sheet_part
from tools.selfcheck.cases import Builder, finding, reads, register
from tools.selfcheck.corpus import X01_RATINGS
from tools.selfcheck.edits import read_part, rezip, set_declared_size

__all__ = ["BILLION_LAUGHS", "xxe", "rows_without_numbers"]

G = "hostile"
_MB = 1024 * 1024

BILLION_LAUGHS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [\n'
                  b'<!ENTITY lol "lol">\n'
                  + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b"]>\n")


def xxe(target: str = "file:///etc/passwd") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "'
            + target.encode() + b'">]>\n')


def _body(xml: bytes) -> bytes:
    """The part without its XML declaration, so a hostile prolog can go in front."""
    return xml.split(b"?>", 1)[1].lstrip() if xml.startswith(b"<?xml") else xml


def _input_part(data: bytes, sheet: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        part = sheet_part(z, sheet)
    assert part is not None
    return part


def _prepend(b: Builder, part: str | None, prolog: bytes, use: bytes = b"") -> bytes:
    data = b.valid()
    part = part or _input_part(data, b.form.code)
    body = _body(read_part(data, part))
    if use:  # reference the entity inside the first element, where a parser would expand it
        head, _, rest = body.partition(b">")
        body = head + b">" + use + rest
    return rezip(data, replace={part: prolog + body})


@register("billion_laughs_sheet", "Entity expansion (“billion laughs”) in the data sheet", finding("XML_DTD"),
          group=G)
def _laughs(b: Builder, name: str) -> Path:
    return b.write(name, _prepend(b, None, BILLION_LAUGHS, b"<!--&lol9;-->"))


@register("xxe_workbook", "External entity (file:///etc/passwd) in xl/workbook.xml", finding("XML_DTD"), group=G)
def _xxe_workbook(b: Builder, name: str) -> Path:
    return b.write(name, _prepend(b, "xl/workbook.xml", xxe()))


@register("xxe_shared_strings", "External entity in xl/sharedStrings.xml", finding("XML_DTD"), group=G)
def _xxe_strings(b: Builder, name: str) -> Path:
    strings = (xxe("http://169.254.169.254/latest/meta-data/") + b'<sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&xxe;</t></si></sst>')
    return b.write(name, rezip(b.valid(), add={"xl/sharedStrings.xml": strings}))


@register("xxe_docprops", "External entity in docProps/core.xml", finding("XML_DTD"), group=G)
def _xxe_core(b: Builder, name: str) -> Path:
    return b.write(name, _prepend(b, "docProps/core.xml", xxe()))


@register("external_dtd_rels", "An external DTD (SYSTEM URL) in _rels/.rels", finding("XML_DTD"), group=G)
def _dtd_rels(b: Builder, name: str) -> Path:
    return b.write(name, _prepend(b, "_rels/.rels",
                                  b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://example.invalid/x.dtd">'))


@register("dtd_in_utf16", "Entity declarations hidden in a UTF-16 encoded part", finding("XML_DTD"), group=G)
def _utf16(b: Builder, name: str) -> Path:
    data = b.valid()
    part = _input_part(data, b.form.code)
    text = (BILLION_LAUGHS + _body(read_part(data, part))).decode("utf-8").replace('encoding="UTF-8"',
                                                                                   'encoding="UTF-16"')
    return b.write(name, rezip(data, replace={part: text.encode("utf-16")}))


@register("long_prolog", "A part whose prolog is padded to hide what follows", finding("XML_PROLOG"), group=G)
def _prolog(b: Builder, name: str) -> Path:
    return b.write(name, _prepend(b, "xl/styles.xml", b'<?xml version="1.0"?>' + b" " * 40_000))


@register("zip_bomb_ratio", "A zip bomb: 64 MB of zeros packed 1000:1", finding("LIMIT_RATIO"), group=G)
def _bomb_ratio(b: Builder, name: str) -> Path:
    return b.write(name, rezip(b.valid(), add={"xl/media/image1.png": bytes(64 * _MB)}))


@register("zip_bomb_size_lie", "A zip bomb whose header declares 1 KB for 32 MB of XML", finding("FILE_CORRUPT"),
          group=G)
def _bomb_lie(b: Builder, name: str) -> Path:
    part = "xl/worksheets/sheet9.xml"
    data = rezip(b.valid(), add={part: b"<a>" + b" " * (32 * _MB) + b"</a>"})
    return b.write(name, set_declared_size(data, part, 1024))


@register("zip_bomb_declared_size", "A part declaring 4 GB when unpacked", finding("LIMIT_PART_SIZE"), group=G)
def _bomb_declared(b: Builder, name: str) -> Path:
    return b.write(name, set_declared_size(b.valid(), "xl/styles.xml", 0xFFFF_FFF0))


@register("zip_bomb_total", "Many parts, each small, too large together (limit set to 8 MB here)",
          finding("LIMIT_TOTAL_SIZE"), group=G, limits=ReadLimits(max_total_bytes=8 * _MB))
def _bomb_total(b: Builder, name: str) -> Path:
    parts = {f"xl/media/pad{i}.xml": b"<a>" + b" " * (_MB + i) + b"</a>" for i in range(12)}
    return b.write(name, rezip(b.valid(), add=parts))


@register("thousands_of_parts", "3,000 parts in one workbook", finding("LIMIT_PARTS"), group=G)
def _parts(b: Builder, name: str) -> Path:
    return b.write(name, rezip(b.valid(), add={f"xl/media/p{i}.bin": b"x" for i in range(3000)}))


@register("path_traversal", "A member named ../../evil.xml", finding("ZIP_PATH_TRAVERSAL"), group=G)
def _traversal(b: Builder, name: str) -> Path:
    return b.write(name, rezip(b.valid(), add={"../../evil.xml": b"<a/>"}))


@register("absolute_member_name", "A member named C:\\Windows\\evil.xml", finding("ZIP_PATH_TRAVERSAL"), group=G)
def _absolute(b: Builder, name: str) -> Path:
    return b.write(name, rezip(b.valid(), add={"C:\\Windows\\evil.xml": b"<a/>"}))


def _far_cell(b: Builder, xml: bytes) -> bytes:
    data = b.valid()
    part = _input_part(data, b.form.code)
    return rezip(data, replace={part: read_part(data, part).replace(b"</sheetData>", xml + b"</sheetData>")})


@register("cell_bomb", "One value at XFD1048576: an 11 KB file asking for a 17-billion-cell grid",
          finding("LIMIT_SHEET_CELLS"), group=G)
def _cell_bomb(b: Builder, name: str) -> Path:
    return b.write(name, _far_cell(b, b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'))


@register("cell_bomb_row_only", "A value without a cell reference in row 1048576", finding("LIMIT_SHEET_CELLS"),
          group=G)
def _cell_bomb_row(b: Builder, name: str) -> Path:
    return b.write(name, _far_cell(b, b'<row r="1048576"><c><v>1</v></c></row>'))


@register("formula_like_text", "Text that Excel would run as a formula (=HYPERLINK, =cmd|…) in names and "
          "reasons: read as text", reads(), group=G)
def _formula_text(b: Builder, name: str) -> Path:
    typed = [*X01_RATINGS[:2], ChildRating("C03", "", "KDG", reason='=HYPERLINK("http://evil.invalid","bấm")')]
    return b.write(name, b.valid("X01", ratings=typed))


def rows_without_numbers(rows: int = 300_000) -> bytes:
    """Rows with no ``r`` (each the row after the one before) and one cell in column XFD: no
    reference names a far row, yet a parser's grid is ``rows`` x 16,384 cells (157 GB here)."""
    return b'<row><c r="XFD1"><v>1</v></c></row>' + b"".join(b"<row><c><v>%d</v></c></row>" % i
                                                              for i in range(rows))


def _grid(b: Builder, sheet_data: bytes) -> tuple[bytes, str, bytes]:
    """(valid workbook, its data sheet part, that part with ``sheet_data`` as its grid)."""
    data = b.valid()
    part = _input_part(data, b.form.code)
    xml = re.sub(rb"<sheetData>.*</sheetData>", lambda _m: b"<sheetData>" + sheet_data + b"</sheetData>",
                 read_part(data, part), flags=re.S)
    return data, part, xml


@register("cell_bomb_rows_without_numbers", "300,000 rows without row numbers and one cell in column XFD: "
          "a 157 GB grid no reference names", finding("LIMIT_SHEET_CELLS"), group=G)
def _rows_unnumbered(b: Builder, name: str) -> Path:
    data, part, xml = _grid(b, rows_without_numbers())
    return b.write(name, rezip(data, replace={part: xml}))


@register("cell_bomb_dimension", "A sheet declaring its used area as A1:XFD1048576", finding("LIMIT_SHEET_CELLS"),
          group=G)
def _dimension(b: Builder, name: str) -> Path:
    data = b.valid()
    part = _input_part(data, b.form.code)
    xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', read_part(data, part))
    return b.write(name, rezip(data, replace={part: xml}))


def _renamed_sheet(b: Builder, suffix: str, twice: bool) -> bytes:
    data, part, bomb = _grid(b, rows_without_numbers())
    odd = part.rsplit(".", 1)[0] + suffix
    rels = read_part(data, "xl/_rels/workbook.xml.rels").replace(part.split("/", 1)[1].encode(),
                                                                 odd.split("/", 1)[1].encode())
    if not twice:
        return rezip(data, replace={"xl/_rels/workbook.xml.rels": rels}, drop=(part,), add={odd: bomb})
    out = rezip(data, replace={"xl/_rels/workbook.xml.rels": rels}, drop=(part,), add={odd: read_part(data, part)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": exactly the point
        return rezip(out, add={odd: bomb})  # the copy a parser reads


@register("sheet_with_odd_extension_twice", "The data sheet stored as sheet1.bin, twice: the guard reads one "
          "copy, a parser the other", finding("FILE_STRUCTURE"), group=G)
def _odd_twice(b: Builder, name: str) -> Path:
    return b.write(name, _renamed_sheet(b, ".bin", twice=True))


@register("sheet_with_odd_extension", "The data sheet stored under another extension (sheet1.dat)",
          finding("FILE_STRUCTURE"), group=G)
def _odd(b: Builder, name: str) -> Path:
    return b.write(name, _renamed_sheet(b, ".dat", twice=False))


@register("duplicate_member", "A second xl/workbook.xml behind the first", finding("FILE_STRUCTURE"), group=G)
def _duplicate(b: Builder, name: str) -> Path:
    data = b.valid()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return b.write(name, rezip(data, add={"xl/workbook.xml": read_part(data, "xl/workbook.xml")}))


@register("doctype_after_long_comment", "A DOCTYPE after a 20 KB comment that itself looks like markup",
          finding("XML_PROLOG"), group=G)
def _doctype_late(b: Builder, name: str) -> Path:
    comment = b"<!-- <a> " + b"x" * 20_000 + b" -->"
    return b.write(name, _prepend(b, "xl/workbook.xml", b'<?xml version="1.0"?>' + comment + BILLION_LAUGHS[BILLION_LAUGHS.index(b"<!DOCTYPE"):],
                                  b"<!--&lol9;-->"))


@register("doctype_after_short_comment", "A DOCTYPE after a comment holding '<a>', within the first bytes",
          finding("XML_DTD"), group=G)
def _doctype_near(b: Builder, name: str) -> Path:
    return b.write(name, _prepend(b, "xl/workbook.xml", b'<?xml version="1.0"?><!-- <a> -->' + BILLION_LAUGHS[BILLION_LAUGHS.index(b"<!DOCTYPE"):],
                                  b"<!--&lol9;-->"))
