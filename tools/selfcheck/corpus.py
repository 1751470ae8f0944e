"""Broken and unusual workbooks, as they really arrive: not workbooks at all, damaged, edited in
other programs, filled in wrongly. Each is registered with the outcome it must produce (see
:mod:`.cases`); importing this module fills the registry.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from evalreport.form.layout import META_SHEET
from evalreport.model.submission import ChildRating
from evalreport.read.sheet_xml import sheet_part
from evalreport.render.workbook.template_writer import build_form_workbook
from tools.selfcheck.cases import Builder, finding, reads, register
from tools.selfcheck.edits import edit_workbook, encrypt_workbook, rezip, soffice_convert, zip_members
from tools.selfcheck.sample import BASE_VALUES, PERIOD, TYPED_AS_TEXT, sample_hierarchy

__all__ = ["million_rows"]

G = "corpus"
X01_RATINGS = (ChildRating("C01", "", "HTTNV"), ChildRating("C02", "", "HTTNV"), ChildRating("C03", "", "HTNV"))


def _edited(b: Builder, name: str, edit, unit: str = "C01", values=BASE_VALUES, ratings=None) -> Path:
    path = b.write(name, b.valid(unit, values, ratings))
    return edit_workbook(path, edit)


def _value(b: Builder, name: str, code: str, value: object, data_type: str | None = None) -> Path:
    cell = b.cell("C01", code)

    def edit(wb: Workbook) -> None:
        wb[b.form.code][cell].value = value
        if data_type:
            wb[b.form.code][cell].data_type = data_type
    return _edited(b, name, edit)


# -- reads correctly -----------------------------------------------------------------------------

@register("valid_leaf", "A valid cell workbook, as issued and filled in", reads(), group=G)
def _valid(b: Builder, name: str) -> Path:
    return b.write(name, b.valid())


@register("numbers_typed_as_text", "Counts typed as text in every local style (2.493, 1,240, ' 12 ', 7.0, 1 234, "
          "200,00, '10, +2, -0, non-breaking spaces)", reads(), group=G)
def _typed(b: Builder, name: str) -> Path:
    return b.write(name, b.valid(values=TYPED_AS_TEXT))


@register("saved_by_libreoffice", "Opened and saved again by LibreOffice Calc (.xlsx)", reads(), group=G,
          needs="soffice")
def _libreoffice(b: Builder, name: str) -> Path:
    src = b.write(f".work/{Path(name).stem}.xlsx", b.valid())
    out = soffice_convert(src, "xlsx", b.work / "lo")
    if out is None:
        raise RuntimeError("LibreOffice conversion failed")
    return b.write(name, out.read_bytes())


def _saved_as(b: Builder, fmt: str) -> bytes:
    """The valid workbook saved by LibreOffice as ``fmt`` (converted once per corpus)."""
    src = b.work / f"saved_as_{fmt}.xlsx"
    out = b.work / fmt / f"{src.stem}.{fmt}"
    if not out.exists():
        src.write_bytes(b.valid())
        if soffice_convert(src, fmt, b.work / fmt) is None:
            raise RuntimeError("LibreOffice conversion failed")
    return out.read_bytes()


@register("legacy_xls", "Saved as Excel 97-2003 (.xls) from the template; the hidden metadata survives",
          reads(rule="FILE_LEGACY_XLS", severity="info"), group=G, file_name="legacy_xls.xls", needs="soffice")
def _xls(b: Builder, name: str) -> Path:
    return b.write(name, _saved_as(b, "xls"))


@register("saved_as_ods", "Filled in and saved as OpenDocument (.ods) by LibreOffice; the hidden metadata survives",
          reads(rule="FILE_ODS_FORMAT", severity="info"), group=G, file_name="saved_as_ods.ods", needs="soffice")
def _saved_ods(b: Builder, name: str) -> Path:
    return b.write(name, _saved_as(b, "ods"))


@register("ods_renamed", "An OpenDocument spreadsheet (.ods) renamed .xlsx: the content decides, not the name",
          reads(rule="FILE_ODS_FORMAT", severity="info"), group=G, needs="soffice")
def _ods(b: Builder, name: str) -> Path:
    return b.write(name, _saved_as(b, "ods"))


@register("xls_cut_short", "An .xls cut off half way (interrupted copy)", finding("FILE_CORRUPT"), group=G,
          file_name="xls_cut_short.xls", needs="soffice")
def _xls_cut(b: Builder, name: str) -> Path:
    data = _saved_as(b, "xls")
    return b.write(name, data[: len(data) // 2])


@register("vietnamese_file_name", "File name with Vietnamese letters, spaces and '..'", reads(), group=G,
          file_name="Báo cáo  chi bộ ấp 1 .. năm 2021 (bản cuối)..xlsx")
def _file_name(b: Builder, name: str) -> Path:
    return b.write(name, b.valid())


@register("inserted_row_and_column", "A row inserted among the counts and a column before them",
          reads(rule="FIELD_MOVED"), group=G)
def _inserted(b: Builder, name: str) -> Path:
    row = int(b.cell("C01", "dv_chua_danh_gia")[1:])

    def edit(wb: Workbook) -> None:
        ws = wb[b.form.code]
        ws.insert_rows(row)
        ws.insert_cols(1)
    return _edited(b, name, edit)


@register("merged_label_cells", "Label cells of two rows merged", reads(), group=G)
def _merged_labels(b: Builder, name: str) -> Path:
    r1, r2 = int(b.cell("C01", "dv_mien")[1:]), int(b.cell("C01", "dv_moi_ket_nap")[1:])
    return _edited(b, name, lambda wb: wb[b.form.code].merge_cells(f"B{r1}:B{r2}"))


@register("merged_value_cells", "Two count cells merged (the second count is lost)", finding("VALUE_BLANK"),
          group=G)
def _merged_values(b: Builder, name: str) -> Path:
    c1, c2 = b.cell("C01", "dv_mien"), b.cell("C01", "dv_moi_ket_nap")
    return _edited(b, name, lambda wb: wb[b.form.code].merge_cells(f"{c1}:{c2}"))


@register("extra_sheets", "Extra sheets added (notes, a pasted member list)", reads(), group=G)
def _extra_sheets(b: Builder, name: str) -> Path:
    def edit(wb: Workbook) -> None:
        notes = wb.create_sheet("Ghi chú")
        notes["A1"] = "Số liệu đã rà soát ngày 10/12"
        members = wb.create_sheet("Sheet1", 0)
        for i in range(1, 200):
            members.append([i, f"Đảng viên {i}", 1970 + i % 40])
    return _edited(b, name, edit)


@register("hidden_input_sheet", "The data sheet hidden", reads(rule="SHEET_HIDDEN"), group=G)
def _hidden(b: Builder, name: str) -> Path:
    def edit(wb: Workbook) -> None:
        wb[b.form.code].sheet_state = "hidden"
        wb.active = 1
    return _edited(b, name, edit)


@register("macro_enabled_copy", "Saved as .xlsm with a VBA project (nothing in it is run)", reads(), group=G,
          file_name="macro_enabled_copy.xlsm")
def _xlsm(b: Builder, name: str) -> Path:
    return b.write(name, rezip(b.valid(), add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(508)}))


def million_rows(column: str, first: int = 1, count: int = 1_000_000) -> bytes:
    """``count`` consecutive rows with one number each in ``column``, as sheetData XML (~50 MB)."""
    template = f'<row r="%d"><c r="{column}%d"><v>%d</v></c></row>'.encode()
    return b"".join(template % (r, r, r) for r in range(first, first + count))


def _with_rows(b: Builder, sheet_name: str, rows: bytes, *, replace_data: bool) -> bytes:
    data = b.valid()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        part = sheet_part(z, sheet_name)
        assert part is not None
        xml = z.read(part)
    if replace_data:
        xml = re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>", lambda m: b"<sheetData>" + rows + b"</sheetData>",
                     xml, flags=re.S)
    else:
        xml = xml.replace(b"</sheetData>", rows + b"</sheetData>")
    return rezip(data, replace={part: xml}, compresslevel=1)


@register("million_rows_other_sheet", "A 1,000,000-row sheet beside the form (e.g. a member list)", reads(),
          group=G)
def _million_other(b: Builder, name: str) -> Path:
    instructions = b.layout("C01").instructions_sheet
    return b.write(name, _with_rows(b, instructions, million_rows("A"), replace_data=True))


@register("million_rows_in_form", "1,000,000 rows of numbers pasted below the form's counts",
          finding("LIMIT_SHEET_CELLS"), group=G)
def _million_form(b: Builder, name: str) -> Path:
    return b.write(name, _with_rows(b, b.form.code, million_rows("F", first=200), replace_data=False))


@register("stray_value_last_row", "A stray value typed in the sheet's last row (E1048576)",
          finding("LIMIT_SHEET_CELLS"), group=G)
def _stray(b: Builder, name: str) -> Path:
    return _edited(b, name, lambda wb: wb[b.form.code].cell(row=1_048_576, column=5, value="x"))


# -- not a usable workbook -----------------------------------------------------------------------

@register("empty_file", "An empty file (0 bytes)", finding("FILE_EMPTY"), group=G)
def _empty(b: Builder, name: str) -> Path:
    return b.write(name, b"")


@register("not_a_zip", "A CSV export renamed .xlsx", finding("FILE_NOT_ZIP"), group=G)
def _csv(b: Builder, name: str) -> Path:
    return b.write(name, b"ma_don_vi,dv_tong_so\nC01,2493\n")


@register("truncated_zip", "A workbook cut off half way (interrupted copy)", finding("FILE_CORRUPT"), group=G)
def _truncated(b: Builder, name: str) -> Path:
    data = b.valid()
    return b.write(name, data[: len(data) // 2])


@register("docx_renamed", "A Word report renamed .xlsx", finding("FILE_WORD"), group=G)
def _docx(b: Builder, name: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph("Báo cáo kết quả đánh giá, xếp loại chất lượng năm 2021")
    buf = io.BytesIO()
    doc.save(buf)
    return b.write(name, buf.getvalue())


@register("odt_as_ods", "A text document (.odt) named .ods", finding("FILE_OPENDOCUMENT_OTHER"), group=G,
          file_name="odt_as_ods.ods")
def _odt(b: Builder, name: str) -> Path:
    return b.write(name, zip_members({
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
                       b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
        "META-INF/manifest.xml": b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                                 b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    }, stored_first="mimetype"))


@register("html_as_xls", "A web page (HTML) another program exported as .xls", finding("FILE_HTML"), group=G,
          file_name="html_as_xls.xls")
def _html(b: Builder, name: str) -> Path:
    return b.write(name, '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8">'
                         '</head><body><table><tr><td>Chi bộ ấp 1</td><td>12</td></tr></table></body></html>'
                   .encode())


@register("xml_spreadsheet_as_xls", "An XML Spreadsheet 2003 named .xls", finding("FILE_XML_SPREADSHEET"),
          group=G, file_name="xml_spreadsheet_as_xls.xls")
def _xml_spreadsheet(b: Builder, name: str) -> Path:
    return b.write(name, b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
                         b'xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="DG-NAM">'
                         b'<Table><Row><Cell><Data ss:Type="Number">12</Data></Cell></Row></Table></Worksheet>'
                         b'</Workbook>')


@register("password_protected", "Encrypted with a password to open (OLE2 EncryptedPackage)",
          finding("FILE_ENCRYPTED"), group=G)
def _encrypted(b: Builder, name: str) -> Path:
    return b.write(name, encrypt_workbook(b.valid(), "matkhau"))


# -- a workbook, but not the expected one -----------------------------------------------------------

@register("metadata_deleted", "The hidden metadata sheet deleted", finding("META_MISSING"), group=G)
def _meta_deleted(b: Builder, name: str) -> Path:
    def edit(wb: Workbook) -> None:
        del wb[META_SHEET]
    return _edited(b, name, edit)


@register("metadata_edited", "The hidden metadata edited (unit code changed)", finding("META_EDITED"), group=G)
def _meta_edited(b: Builder, name: str) -> Path:
    def edit(wb: Workbook) -> None:
        for row in wb[META_SHEET].iter_rows():
            if row[0].value == "unit_code":
                row[1].value = "C02"
    return _edited(b, name, edit)


@register("form_version_unknown", "A template of a form version no longer in use (2019.1)",
          finding("FORM_VERSION_UNKNOWN"), group=G)
def _old_version(b: Builder, name: str) -> Path:
    old = b.form.model_copy(update={"version": "2019.1"})
    return b.write(name, b.valid(form=old))


@register("form_unknown", "A workbook of a form this installation does not know", finding("FORM_UNKNOWN"), group=G)
def _unknown_form(b: Builder, name: str) -> Path:
    return b.write(name, b.valid(form=b.form.model_copy(update={"code": "DG-KHAC"})))


@register("unit_not_in_hierarchy", "A unit code that is not in the unit list", finding("UNIT_UNKNOWN"), group=G)
def _unknown_unit(b: Builder, name: str) -> Path:
    wider = sample_hierarchy((("C99", "Chi bộ mới thành lập", "chi_bo", "X01"),))
    return b.write(name, b.valid("C99", hierarchy=wider))


@register("unit_of_other_branch", "A unit of another district's branch", finding("UNIT_OTHER_BRANCH"), group=G,
          root="H01")
def _other_branch(b: Builder, name: str) -> Path:
    return b.write(name, b.valid("C04"))


@register("period_mismatch", "The report of another year (2020)", finding("PERIOD_MISMATCH"), group=G)
def _other_period(b: Builder, name: str) -> Path:
    return b.write(name, b.valid(period="2020"))


# -- bad values ----------------------------------------------------------------------------------

@register("text_in_count", "A count written in words (“mười hai”)", finding("VALUE_TEXT"), group=G)
def _text(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", "mười hai")


@register("date_in_count", "A date in a count cell", finding("VALUE_DATE"), group=G)
def _date(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", dt.date(2021, 12, 10))


@register("negative_count", "A negative count", finding("VALUE_NEGATIVE"), group=G)
def _negative(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", -12)


@register("fraction_count", "A fractional count (12,5)", finding("VALUE_FRACTION"), group=G)
def _fraction(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", 12.5)


@register("huge_count", "An absurdly large count (1e15)", finding("VALUE_TOO_LARGE"), group=G)
def _huge(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", 10**15)


@register("boolean_in_count", "TRUE in a count cell", finding("VALUE_BOOLEAN"), group=G)
def _boolean(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", True)


@register("error_ref", "The Excel error #REF! in a count cell", finding("VALUE_ERROR"), group=G)
def _ref(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", "#REF!", "e")


@register("error_div0", "The Excel error #DIV/0! in a count cell", finding("VALUE_ERROR"), group=G)
def _div0(b: Builder, name: str) -> Path:
    return _value(b, name, "dv_mien", "#DIV/0!", "e")


@register("formula_without_cached_value", "A formula never calculated (written by a script, not Excel)",
          finding("VALUE_FORMULA"), group=G)
def _formula(b: Builder, name: str) -> Path:
    c = b.cell("C01", "dv_mien")
    return _value(b, name, "dv_tong_so", f"=SUM({c}:C13)")


@register("deleted_row", "A count's row deleted", finding("FIELD_MISSING"), group=G)
def _deleted_row(b: Builder, name: str) -> Path:
    row = int(b.cell("C01", "dv_mien")[1:])
    return _edited(b, name, lambda wb: wb[b.form.code].delete_rows(row))


@register("totals_do_not_add_up", "Total members ≠ exempt + new + not evaluated + evaluated",
          finding("DV_TONG_SO"), group=G)
def _not_adding_up(b: Builder, name: str) -> Path:
    return b.write(name, b.valid(values={**BASE_VALUES, "dv_tong_so": 2500}))


QUOTA_VALUES = {**BASE_VALUES, "dv_htxsnv": 300, "dv_httnv": 900}


@register("quota_exceeded", "More excellent members than the 20% quota (a warning: still consolidated)",
          reads(QUOTA_VALUES, rule="DV_QUOTA_HTXSNV"), group=G)
def _quota(b: Builder, name: str) -> Path:
    return b.write(name, b.valid(values=QUOTA_VALUES))


# -- the rating table of a commune (X01 rates C01, C02, C03) ---------------------------------------------

@register("ratings_valid", "A commune's workbook with its cells' ratings", reads(), group=G)
def _ratings(b: Builder, name: str) -> Path:
    return b.write(name, b.valid("X01", ratings=X01_RATINGS))


@register("rating_without_diacritics", "Ratings typed in full, in capitals, without diacritics", reads(), group=G)
def _no_diacritics(b: Builder, name: str) -> Path:
    typed = [ChildRating("C01", "", None, raw_rating="HOAN THANH TOT NHIEM VU"),
             ChildRating("C02", "", None, raw_rating="hoàn thành tốt nhiệm vụ"),
             ChildRating("C03", "", None, raw_rating="hoan thanh nhiem vu")]
    return b.write(name, b.valid("X01", ratings=typed))


@register("rating_misspelled", "A rating misspelled (“Hoàn thàn tốt”)", finding("RATING_UNKNOWN"), group=G)
def _misspelled(b: Builder, name: str) -> Path:
    typed = [*X01_RATINGS[:1], ChildRating("C02", "", None, raw_rating="Hoàn thàn tốt"), *X01_RATINGS[2:]]
    return b.write(name, b.valid("X01", ratings=typed))


@register("tsvm_without_htxsnv", "“TSVM tiêu biểu” given to a cell rated HTTNV", finding("TSVM_NOT_ALLOWED"),
          group=G)
def _tsvm(b: Builder, name: str) -> Path:
    typed = [ChildRating("C01", "", "HTTNV", tsvm=True), *X01_RATINGS[1:]]
    return b.write(name, b.valid("X01", ratings=typed))


@register("child_row_deleted", "A cell's row deleted from the rating table", finding("CHILD_MISSING"), group=G)
def _child_deleted(b: Builder, name: str) -> Path:
    row = next(r.row for r in b.layout("X01").children.rows if r.code == "C02")
    return _edited(b, name, lambda wb: wb[b.form.code].delete_rows(row), "X01", ratings=X01_RATINGS)


def _blank_form(b: Builder, name: str, ratings: list[ChildRating]) -> Path:
    """The generic blank template, filled in by a commune: it types its code and its cells."""
    wb = build_form_workbook(b.form, None, None, None, values=dict(BASE_VALUES), ratings=ratings)
    ws = wb[b.form.code]
    header = b.layout("X01").header_cells
    ws[header["unit_code"]], ws[header["period"]] = "X01", PERIOD
    path = b.folder / name
    wb.save(path)
    return path


@register("duplicate_child", "A cell listed twice in the rating table (blank template)",
          finding("RATING_DUPLICATE"), group=G)
def _duplicate(b: Builder, name: str) -> Path:
    return _blank_form(b, name, [*X01_RATINGS, ChildRating("C02", "Chi bộ ấp 2", "HTNV")])


@register("child_left_out", "A cell left out of the rating table (blank template)",
          finding("RATING_CHILD_MISSING"), group=G)
def _left_out(b: Builder, name: str) -> Path:
    return _blank_form(b, name, [X01_RATINGS[0], X01_RATINGS[2]])

