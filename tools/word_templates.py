"""Build the default narrative Word templates (DG-NAM) reproducibly with python-docx.

The template follows the Party's document format (Hướng dẫn 36-HD/VPTW): A4, margins 20/20/30/15
mm, Times New Roman; a two-column header (issuing committee under its parent's name, "*", the
number on the left; "ĐẢNG CỘNG SẢN VIỆT NAM" and the italic place and date on the right); the title
"BÁO CÁO" and the subject in bold capitals; a justified body; "Nơi nhận:" bottom left and the
signature block bottom right. The body holds docxtpl/Jinja tags (documented in
docs/template-context.md), so an officer can edit the wording and layout in Word and rerun.

Generated, not hand-made, so the file in ``templates/`` can be rebuilt byte for byte:
``python -m tools.word_templates``.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from evalreport.render.word.narrative import RESOURCES_DIR, TEMPLATE_NAMES
from evalreport.store.atomic import atomic_write_bytes

__all__ = ["build_template_bytes", "write_default_templates", "TEMPLATE_NAMES", "RESOURCES_DIR", "TEMPLATES_DIR"]

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
FONT = "Times New Roman"
_FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)

# Static wording of the template. Numbers and sentences come from the context.
TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "party": "ĐẢNG CỘNG SẢN VIỆT NAM",
        "part1": "I. KẾT QUẢ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG",
        "s_org": "1. Công tác lãnh đạo, chỉ đạo và tổ chức thực hiện",
        "s_orgs": "2. Kết quả đánh giá, xếp loại tổ chức đảng",
        "no_children": "{{ don_vi.ten }} không có tổ chức đảng trực thuộc.",
        "s_members": "3. Kết quả đánh giá, xếp loại đảng viên",
        "s_change": "4. So sánh với {{ ky.ky_truoc }}",
        "s_table": "5. Kết quả theo từng đơn vị trực thuộc",
        "hint_org": "[Cán bộ soạn thảo bổ sung: thời gian, cách thức tổ chức kiểm điểm, những điểm mới trong năm.]",
        "part2": "II. ĐÁNH GIÁ CHUNG",
        "hint_assess": "[Cán bộ soạn thảo viết: ưu điểm; hạn chế, khuyết điểm và nguyên nhân; bài học kinh nghiệm.]",
        "part3": "III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI",
        "hint_tasks": "[Cán bộ soạn thảo viết các nhiệm vụ, giải pháp trọng tâm.]",
        "received": "Nơi nhận:",
        "cols": ["STT", "Đơn vị", "Tổng số đảng viên", "Được đánh giá"],
        "col_good": "Tỷ lệ HTTNV trở lên", "col_rating": "Xếp loại tổ chức", "col_tsvm": "TSVM",
        "total": "Cộng",
        "chart_caption": "Biểu đồ: kết quả xếp loại đảng viên theo đơn vị trực thuộc",
    },
    "en": {
        "party": "COMMUNIST PARTY OF VIETNAM",
        "part1": "I. RESULTS OF THE REVIEW, EVALUATION AND RATING",
        "s_org": "1. Direction and organization",
        "s_orgs": "2. Ratings of Party organizations",
        "no_children": "{{ don_vi.ten }} has no subordinate Party organizations.",
        "s_members": "3. Ratings of Party members",
        "s_change": "4. Compared with {{ ky.ky_truoc }}",
        "s_table": "5. Results by subordinate unit",
        "hint_org": "[To be written by the officer: when and how the reviews were held, what was new this year.]",
        "part2": "II. GENERAL ASSESSMENT",
        "hint_assess": "[To be written by the officer: strengths; shortcomings and their causes; lessons.]",
        "part3": "III. TASKS AND MEASURES AHEAD",
        "hint_tasks": "[To be written by the officer: the main tasks and measures.]",
        "received": "Recipients:",
        "cols": ["No.", "Unit", "Members", "Evaluated"],
        "col_good": "Good or better", "col_rating": "Unit rating", "col_tsvm": "TSVM",
        "total": "Total",
        "chart_caption": "Chart: ratings of members by subordinate unit",
    },
}


def _fonts(doc: Document) -> None:
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


def _trim(doc: Document) -> None:
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


def _para(container, text: str = "", *, bold: bool = False, italic: bool = False, size: float | None = None,
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


def _body(doc: Document, text: str, **kw) -> Paragraph:
    """A justified body paragraph with a first-line indent, as HD 36 lays out the text."""
    p = _para(doc, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=True, after=6, **kw)
    p.paragraph_format.line_spacing = 1.15
    return p


def _tag(container, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph tag ({%p ... %}); it disappears when rendered."""
    container.add_paragraph(tag)


def _cell_text(cell: _Cell, lines: list[tuple[str, dict]]) -> None:
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


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word does).
    ``autofit = False`` writes the table's one ``<w:tblLayout w:type="fixed"/>``."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm, strict=True):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _cell_margins(table, cm: float) -> None:
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


def _schema_order(doc: Document) -> None:
    """Put every table's properties in the schema's order: python-docx inserts the ones it knows
    by its own rules, and the borders and cell margins above are appended."""
    for tbl_pr in doc.element.body.iter(qn("w:tblPr")):
        children = sorted(tbl_pr, key=lambda el: _TBL_PR_ORDER.index(el.tag))
        tbl_pr[:] = children


def _zoom(doc: Document) -> None:
    """python-docx's settings say ``<w:zoom w:val="bestFit"/>``; the schema requires a percent."""
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None and zoom.get(qn("w:percent")) is None:
        zoom.set(qn("w:percent"), "100")


# The header's columns: the left one holds the superior line and the issuer on one line each
# ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH" at 13 pt is about 9 cm), so the table starts 1 cm into the 3 cm
# left margin, as the Party's model documents do, and ends at the right margin.
_HEADER_WIDTHS = [9.5, 8.0]
_HEADER_INDENT_CM = -1.0


def _indent(table, cm: float) -> None:
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), str(int(Cm(cm).twips)))
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(ind)


def _header(doc: Document, t: dict[str, str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, _HEADER_WIDTHS)
    _indent(table, _HEADER_INDENT_CM)
    left, right = table.rows[0].cells
    _cell_text(left, [
        ("{%p if van_ban.co_quan_cap_tren %}", {}),
        ("{{ van_ban.co_quan_cap_tren }}", {"size": 13}),
        ("{%p endif %}", {}),
        ("{{ van_ban.co_quan_ban_hanh }}", {"bold": True, "size": 13}),
        ("*", {"size": 13}),
        ("{{ van_ban.so }}", {"size": 13}),
    ])
    _cell_text(right, [
        (t["party"], {"bold": True, "underline": True, "size": 14}),
        ("", {}),
        ("{{ van_ban.dia_diem }}, {{ van_ban.ngay|ngay }}", {"italic": True, "size": 13,
                                                            "align": WD_ALIGN_PARAGRAPH.RIGHT}),
    ])


def _child_table(doc: Document, t: dict[str, str]) -> None:
    heads = [*t["cols"], "{{ cot_xep_loai[0] }}", "{{ cot_xep_loai[1] }}", "{{ cot_xep_loai[2] }}",
             "{{ cot_xep_loai[3] }}", t["col_good"], t["col_rating"], t["col_tsvm"]]
    row_tags = ["{{ r.stt }}", "{{ r.ten }}", "{{ r.tong_so|so }}", "{{ r.duoc_danh_gia|so }}",
                "{{ r.xep_loai[0]|so }}", "{{ r.xep_loai[1]|so }}", "{{ r.xep_loai[2]|so }}", "{{ r.xep_loai[3]|so }}",
                "{{ r.ty_le_httnv_tro_len|tyle }}", "{{ r.danh_gia }}", "{{ 'x' if r.tsvm else '' }}"]
    totals = ["", t["total"], "{{ dang_vien.tong_so|so }}", "{{ dang_vien.duoc_danh_gia|so }}",
              "{{ dang_vien.xep_loai[0].so|so }}", "{{ dang_vien.xep_loai[1].so|so }}",
              "{{ dang_vien.xep_loai[2].so|so }}", "{{ dang_vien.xep_loai[3].so|so }}",
              "{{ dang_vien.ty_le_httnv_tro_len|tyle }}", "", ""]
    widths = [0.8, 3.0, 1.35, 1.35, 1.5, 1.5, 1.45, 1.45, 1.4, 1.5, 1.2]  # 16.5 cm: the A4 text width
    table = doc.add_table(rows=5, cols=len(heads))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _widths(table, widths)
    _cell_margins(table, 0.08)
    rows = [heads, ["{%tr for r in don_vi_con %}"] + [""] * (len(heads) - 1), row_tags,
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
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _signature(doc: Document, t: dict[str, str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, [8.0, 8.5])
    left, right = table.rows[0].cells
    p = left.paragraphs[0]
    run = p.add_run(t["received"])
    run.bold, run.italic, run.underline = True, True, True
    run.font.size = Pt(12)
    for text in ("{%p for r in van_ban.noi_nhan %}", "{{ r }}", "{%p endfor %}"):
        q = left.add_paragraph()
        r = q.add_run(text)
        r.font.size = Pt(12)
    _cell_text(right, [
        ("{{ van_ban.thay_mat }}", {"bold": True, "size": 14}),
        ("{{ van_ban.chuc_vu }}", {"size": 14}),
        ("", {}), ("", {}), ("", {}),
        ("{{ van_ban.nguoi_ky }}", {"bold": True, "size": 14}),
    ])


def _officer_part(doc: Document, var: str, hint: str) -> None:
    """A paragraph the officer writes: the text passed as ``var`` if any, else an italic hint."""
    _tag(doc, f"{{%p if {var} %}}")
    _body(doc, f"{{{{ {var} }}}}")
    _tag(doc, "{%p else %}")
    _body(doc, hint, italic=True)
    _tag(doc, "{%p endif %}")


def build_template_bytes(lang: str = "vi") -> bytes:
    """The .docx bytes of the default template in ``lang``; identical on every run."""
    t = TEXT["en" if lang == "en" else "vi"]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _fonts(doc)
    _header(doc, t)
    _para(doc, "")
    _para(doc, "{{ van_ban.tieu_de }}", bold=True, size=15, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "{{ van_ban.trich_yeu|upper }}", bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, "-----", align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _body(doc, t["part1"], bold=True)
    _body(doc, t["s_org"], bold=True)
    _body(doc, "{{ cau.mo_dau }}")
    _officer_part(doc, "to_chuc_thuc_hien", t["hint_org"])
    _tag(doc, "{%p if cau.day_du %}")
    _body(doc, "{{ cau.day_du }}")
    _tag(doc, "{%p endif %}")
    _body(doc, t["s_orgs"], bold=True)
    _tag(doc, "{%p if co_don_vi_con %}")
    _tag(doc, "{%p for c in cau.to_chuc %}")
    _body(doc, "{{ c }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p else %}")
    _body(doc, t["no_children"])
    _tag(doc, "{%p endif %}")
    _body(doc, t["s_members"], bold=True)
    for key in ("dang_vien_danh_gia", "dang_vien_xep_loai", "dang_vien_tot", "dang_vien_khtnv", "ky_luat"):
        _body(doc, f"{{{{ cau.{key} }}}}")
    _body(doc, t["s_change"], bold=True)
    _body(doc, "{{ cau.thay_doi }}")
    _tag(doc, "{%p if co_don_vi_con %}")
    _body(doc, t["s_table"], bold=True)
    _child_table(doc, t)
    _tag(doc, "{%p if bieu_do %}")
    _para(doc, "{{ bieu_do }}", align=WD_ALIGN_PARAGRAPH.CENTER)
    _para(doc, t["chart_caption"], italic=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER, after=6)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endif %}")
    _body(doc, t["part2"], bold=True)
    _officer_part(doc, "danh_gia_chung", t["hint_assess"])
    _body(doc, t["part3"], bold=True)
    _officer_part(doc, "nhiem_vu", t["hint_tasks"])
    _para(doc, "")
    _signature(doc, t)
    props = doc.core_properties
    props.author = props.last_modified_by = "evalreport"
    props.title = t["party"]
    props.created = props.modified = _FIXED_TIME
    props.revision = 1
    _trim(doc)
    _schema_order(doc)
    _zoom(doc)
    raw = io.BytesIO()
    doc.save(raw)
    return _normalized_zip(raw.getvalue())


def _normalized_zip(data: bytes) -> bytes:
    """Rewrite the zip with fixed timestamps so that the same template gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_default_templates(*folders: Path) -> list[Path]:
    """Write both language variants into each folder (default: templates/ and the package's resources)."""
    written = []
    for folder in folders or (TEMPLATES_DIR, RESOURCES_DIR):
        for lang, name in TEMPLATE_NAMES.items():
            written.append(atomic_write_bytes(Path(folder) / name, build_template_bytes(lang)))
    return written


if __name__ == "__main__":  # pragma: no cover
    for path in write_default_templates():
        print(path)
