"""The parts every default narrative Word template shares (built by ``tools/word_templates.py``):
the page and fonts of the Party's document format (Hướng dẫn 36-HD/VPTW), the two-column
letterhead, body paragraphs, a table with one row per subordinate unit, the "Nơi nhận:" and
signature block, and the clean-up that makes the bytes identical on every build. One copy, so the
DG-NAM and DV-THANG reports carry the same letterhead and foot.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

__all__ = ["new_document", "finish", "para", "body", "tag", "header", "signature", "officer_part", "unit_table",
           "FONT"]

FONT = "Times New Roman"
_FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)


def new_document() -> Document:
    """An empty A4 document with the format's margins (20/20/30/15 mm) and fonts."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    set_fonts(doc)
    return doc


def finish(doc: Document, title: str) -> bytes:
    """The document's bytes, identical on every build: fixed properties and timestamps, unused
    parts and styles dropped, table properties in the schema's order."""
    props = doc.core_properties
    props.author = props.last_modified_by = "evalreport"
    props.title = title
    props.created = props.modified = _FIXED_TIME
    props.revision = 1
    trim(doc)
    schema_order(doc)
    zoom(doc)
    raw = io.BytesIO()
    doc.save(raw)
    return normalized_zip(raw.getvalue())


def unit_table(doc: Document, heads: list[str], row_tags: list[str], totals: list[str], widths_cm: list[float],
               loop: str = "r in don_vi_con") -> None:
    """A bordered table: the heading row (repeated on every page), one row per item of ``loop``
    (docxtpl ``{%tr for %}``), and a totals row; the unit's name column (the second) is left-aligned."""
    table = doc.add_table(rows=5, cols=len(heads))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, widths_cm)
    cell_margins(table, 0.08)
    rows = [heads, [f"{{%tr for {loop} %}}"] + [""] * (len(heads) - 1), row_tags,
            ["{%tr endfor %}"] + [""] * (len(heads) - 1), totals]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            p = table.cell(r, c).paragraphs[0]
            run = p.add_run(value)
            run.font.size = Pt(8.5 if r == 0 else 9.5)
            run.bold = (r in (0, 4)) or None
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if c == 1 and r in (2, 4) else WD_ALIGN_PARAGRAPH.CENTER
    # repeat the heading row on every page
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    heading = OxmlElement("w:tblHeader")
    heading.set(qn("w:val"), "true")
    tr_pr.append(heading)


def set_fonts(doc: Document) -> None:
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)


# python-docx's blank document carries parts a report does not need: every style of Word 2010
# (350 KB), the same again with effects (440 KB), a bibliography item and the thumbnail of
# python-docx's own sample page (which file browsers would show as the report's preview).
# Every report would parse, copy and compress them again, for ~20 ms of each render.
_UNUSED_PARTS = (RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
                 RT.THUMBNAIL)


def trim(doc: Document) -> None:
    """Drop the unused parts and the style definitions nothing uses. Word still offers all its
    built-in styles (it adds a definition when one is applied), and an officer's edits add theirs."""
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid in [rid for rid, rel in rels.items() if rel.reltype in _UNUSED_PARTS]:
            del rels[rid]
    styles = doc.styles.element
    used = {el.get(qn("w:val")) for el in doc.element.iter(qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle"))}
    keep = {el.get(qn("w:styleId")) for el in styles.findall(qn("w:style")) if el.get(qn("w:default")) == "1"}
    refs = {el.get(qn("w:styleId")): {r.get(qn("w:val")) for r in el.iter(qn("w:basedOn"), qn("w:next"), qn("w:link"))}
            for el in styles.findall(qn("w:style"))}
    todo = keep | used
    while todo:  # and every style those are based on, followed by or linked to
        keep |= todo
        todo = set().union(*(refs.get(sid, set()) for sid in todo)) - keep
    for el in styles.findall(qn("w:style")):
        if el.get(qn("w:styleId")) not in keep:
            styles.remove(el)


def para(container, text: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
          align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = False, underline: bool = False,
          after: float = 0) -> Paragraph:
    p = container.add_paragraph()
    if text:
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold or None, italic or None, underline or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    fmt = p.paragraph_format
    if indent:
        fmt.first_line_indent = Cm(1)
    fmt.space_after = Pt(after)
    return p


def body(doc: Document, text: str, **kw) -> Paragraph:
    """A justified body paragraph with a first-line indent, as HD 36 lays out the text."""
    p = para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6, **kw)
    p.paragraph_format.line_spacing = 1.15
    return p


def tag(container, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); it disappears when rendered."""
    container.add_paragraph(tag)


def cell_text(cell: _Cell, lines: list[tuple[str, dict]]) -> None:
    first = True
    for text, kw in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if text.startswith("{%p"):
            p.add_run(text)
            continue
        run = p.add_run(text)
        run.bold, run.italic, run.underline = kw.get("bold"), kw.get("italic"), kw.get("underline")
        run.font.size = Pt(kw.get("size", 13))
        p.alignment = kw.get("align", WD_ALIGN_PARAGRAPH.CENTER)


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word does).
    ``autofit = False`` writes the table's one ``<w:tblLayout w:type="fixed"/>``."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def cell_margins(table, cm: float) -> None:
    """Narrow left/right cell padding so that short codes like "HTXSNV" fit on one line."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(Cm(cm).twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


# CT_TblPr is a sequence: Word refuses or "repairs" a table whose properties come in another order.
_TBL_PR_ORDER = [qn(f"w:{tag}") for tag in (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription", "tblPrChange")]


def schema_order(doc: Document) -> None:
    """Put every table's properties in the schema's order: python-docx inserts the ones it knows
    by its own rules, and the borders and cell margins above are appended."""
    for tbl_pr in doc.element.body.iter(qn("w:tblPr")):
        children = sorted(tbl_pr, key=lambda el: _TBL_PR_ORDER.index(el.tag))
        tbl_pr[:] = children


def zoom(doc: Document) -> None:
    """python-docx's settings say ``<w:zoom w:val="bestFit"/>``; the schema requires a percent."""
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


# The header's columns: the left one holds the superior line and the issuer on one line each
# ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH" at 13 pt is about 9 cm), so the table starts 1 cm into the 3 cm
# left margin, as the Party's model documents do, and ends at the right margin.
_HEADER_WIDTHS = [9.5, 8.0]
_HEADER_INDENT_CM = -1.0


def indent(table, cm: float) -> None:
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(int(Cm(cm).twips)))
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(ind)


def header(doc: Document, t: dict[str, str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    widths(table, _HEADER_WIDTHS)
    indent(table, _HEADER_INDENT_CM)
    left, right = table.rows[0].cells
    cell_text(left, [
        ("{%p if van_ban.co_quan_cap_tren %}", {}),
        ("{{ van_ban.co_quan_cap_tren }}", {"size": 13}),
        ("{%p endif %}", {}),
        ("{{ van_ban.co_quan_ban_hanh }}", {"bold": True, "size": 13}),
        ("*", {"size": 13}),
        ("{{ van_ban.so }}", {"size": 13}),
    ])
    cell_text(right, [
        (t["party"], {"bold": True, "underline": True, "size": 14}),
        ("", {}),
        ("{{ van_ban.dia_diem }}, {{ van_ban.ngay|ngay }}", {"italic": True, "size": 13,
                                                            "align": WD_ALIGN_PARAGRAPH.RIGHT}),
    ])




def signature(doc: Document, t: dict[str, str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    no_borders(table)
    widths(table, [8.0, 8.5])
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    run = p.add_run(t["received"])
    run.bold, run.italic, run.underline = True, True, True
    run.font.size = Pt(12)
    # the preparer (setting ``preparer``, the workbooks' "người lập biểu") is recorded after the
    # recipients, where an administrative document names who drafted it; nothing when not set
    for text in ("{%p for r in van_ban.noi_nhan %}", "{{ r }}", "{%p endfor %}",
                 "{%p if van_ban.nguoi_lap %}", "", t["preparer"], "{%p endif %}"):
        q = left.add_paragraph()
        r = q.add_run(text)
        r.font.size = Pt(12)
    cell_text(right, [
        ("{{ van_ban.thay_mat }}", {"bold": True, "size": 14}),
        ("{{ van_ban.chuc_vu }}", {"size": 14}),
        ("", {}), ("", {}), ("", {}),
        ("{{ van_ban.nguoi_ky }}", {"bold": True, "size": 14}),
    ])


def officer_part(doc: Document, var: str, hint: str) -> None:
    """A paragraph the officer writes: the text passed as ``var`` if any, else an italic hint."""
    tag(doc, f"{{%p if {var} %}}")
    body(doc, f"{{{{ {var} }}}}")
    tag(doc, "{%p else %}")
    body(doc, hint, italic=True)
    tag(doc, "{%p endif %}")




def normalized_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so that the same template gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def titled_document(t: dict[str, str]) -> Document:
    """A new report: the letterhead (``t``'s words), then the title "BÁO CÁO", the subject in bold
    capitals and the short rule under them, as every report of the Party's format opens."""
    doc = new_document()
    header(doc, t)
    para(doc, "")
    para(doc, "{{ van_ban.tieu_de }}", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "{{ van_ban.trich_yeu|upper }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    return doc


def closed_document(doc: Document, t: dict[str, str]) -> bytes:
    """The report's end, the same in every report: part II (the overall assessment) and part III
    (the tasks), which the officer writes, then the signature block; the finished bytes."""
    body(doc, t["part2"], bold=True)
    officer_part(doc, "danh_gia_chung", t["hint_assess"])
    body(doc, t["part3"], bold=True)
    officer_part(doc, "nhiem_vu", t["hint_tasks"])
    para(doc, "")
    signature(doc, t)
    return finish(doc, t["party"])
