"""Every .docx, .xlsx and .xlsm the product writes is valid against the ECMA-376 transitional
schemas, so Word and Excel open it without a repair prompt; and no sheet holds an empty inline
string, which Excel counts as a non-blank cell.

openpyxl, python-docx and LibreOffice read misordered or malformed parts without a word, so these
tests read the packages with an independent reader: lxml and the schemas in tests/schemas/."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from conftest import FOUR_LEVEL, write_units_xlsx
from lxml import etree
from ooxml_schemas import SKIPPED_PARTS, file_errors, package_errors
from render_support import make_result, write_inputs

from evalreport import load_form, load_hierarchy, make_template, parse_period, read_submission
from evalreport.aggregate.consolidate import consolidate
from evalreport.model.finding import make_finding
from evalreport.render.word.narrative import RESOURCES_DIR, render_narrative
from evalreport.render.word.narrative_context import DocumentInfo
from evalreport.render.workbook.findings_table import write_findings_table
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.render.workbook.template_writer import fill_template
from evalreport.store.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
SML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SHIPPED = [*sorted(RESOURCES_DIR.glob("*.docx")), *sorted((REPO / "templates").glob("*.docx")),
           *sorted((REPO / "templates").glob("*.xlsx")), *sorted((REPO / "workbooks").glob("*.xlsm"))]


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> list[Path]:
    """One of each file the product writes, with the sheets and parts each can hold: reports of a
    root with children and a previous period, English variants, findings, a missing unit,
    a monthly form without ratings, fill-in templates of a parent and of a leaf."""
    tmp = tmp_path_factory.mktemp("written")
    form, monthly = load_form("DG-NAM"), load_form("DV-THANG")
    four = load_hierarchy(write_units_xlsx(tmp / "don_vi.xlsx", FOUR_LEVEL), "default", strict=True)
    files = write_inputs(form, four, tmp / "in", "2021")
    out = [files["T01"], files["C01"]]
    subs = [read_submission(p, form) for c, p in files.items() if c != "C07"]
    subs.append(read_submission(fill_template(form, "C07", "2021", four, tmp / "bad.xlsx",
                                              {"dv_tong_so": 5, "dv_duoc_danh_gia": 9}), form))
    previous = make_result(form, four, parse_period("2020"))
    result = consolidate(form, "2021", subs, four, root="T01", previous=previous)
    assert result.findings
    out.append(write_summary_workbook(result, "T01", tmp / "T01.xlsx"))
    out.append(write_summary_workbook(result, "X03", tmp / "X03_en.xlsx", lang="en"))
    out.append(write_summary_workbook(result, "C01", tmp / "C01_summary.xlsx"))
    out.append(write_findings_table(result.findings, tmp / "findings.xlsx"))
    out.append(write_findings_table([make_finding("x", "warning", params={"note": "  =1+1 "}, unit="C01",
                                                  file="  =1+1 ")],
                                    tmp / "findings_en.xlsx", lang="en"))
    doc = DocumentInfo(date=dt.date(2022, 1, 7), place="Mẫu", number="Số 12-BC/ĐU")
    hand_made = make_result(form, four, parse_period("2021"), previous=previous)
    out.append(render_narrative(hand_made, None, tmp / "T01.docx", doc=doc))
    out.append(render_narrative(hand_made, "X04", tmp / "X04_en.docx", lang="en", doc=doc))
    out.append(render_narrative(hand_made, "C01", tmp / "C01.docx", doc=doc))
    out.append(make_template(form, "X01", "2022", four, tmp / "X01_template.xlsx"))
    out.append(make_template(form, "C01", "2022", four, tmp / "C01_template_en.xlsx", lang="en"))
    monthly_paths = [fill_template(monthly, c, "2025-11", four, tmp / f"m_{c}.xlsx", {"dau_ky": 10, "cuoi_ky": 10})
                     for c in ("C01", "C02", "C03")]
    monthly_result = consolidate(monthly, "2025-11", [read_submission(p, monthly) for p in monthly_paths], four,
                                 root="X01")
    out.append(write_summary_workbook(monthly_result, "X01", tmp / "monthly.xlsx"))
    out.append(render_narrative(monthly_result, "X01", tmp / "monthly.docx", doc=doc))
    out.append(render_narrative(monthly_result, None, tmp / "monthly_en.docx", lang="en", doc=doc))
    Workspace.init(tmp / "ws").close()
    out += sorted((tmp / "ws").glob("*.xlsx"))
    return out


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_files_are_schema_valid(path):
    assert file_errors(path) == []


def test_written_files_are_schema_valid(written):
    assert {p.name: file_errors(p) for p in written} == {p.name: [] for p in written}


def _empty_inline_strings(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        names = {n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")}
        found = []
        for name in sorted(names):
            for c in etree.fromstring(z.read(name)).iter(f"{SML}c"):
                if c.get("t") == "inlineStr" and not "".join(c.itertext()):
                    found.append(f"{path.name}:{name}!{c.get('r')}")
    return found


def test_no_sheet_holds_an_empty_inline_string(written):
    """``<c t="inlineStr"></c>`` is schema-valid, but Excel counts it as a value: COUNTA counts
    it and Go To Special > Blanks skips it. A blank cell is written without a type, or not at all."""
    workbooks = [p for p in [*written, *SHIPPED] if p.suffix in (".xlsx", ".xlsm")]
    assert len(workbooks) >= 12
    assert [cell for p in workbooks for cell in _empty_inline_strings(p)] == []


def _docx_with(document_xml: bytes) -> bytes:
    """The shipped template with its document part replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(SHIPPED[0]) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, document_xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


def test_the_check_sees_what_word_would_repair():
    """The validator itself: a table whose properties come out of order is reported, and content
    that Markup Compatibility lets a reader ignore is not."""
    with zipfile.ZipFile(SHIPPED[0]) as z:
        document = z.read("word/document.xml")
    look = document.index(b"<w:tblLook")
    look_end = document.index(b"/>", look) + 2
    layout = b'<w:tblLayout w:type="fixed"/>'
    misordered = document[:look_end] + layout + document[look_end:]  # a second tblLayout after tblLook
    errors = package_errors(_docx_with(misordered))
    assert len(errors) == 1 and "tblLayout" in errors[0] and "document.xml" in errors[0]
    assert b'mc:Ignorable="w14 wp14"' in document
    ignorable = document.replace(b"<w:body>", b"<w:body><w14:unknown/>", 1)
    assert package_errors(_docx_with(ignorable)) == []
    unknown = document.replace(b"<w:body>", b'<w:body><x:unknown xmlns:x="urn:x"/>', 1)
    assert package_errors(_docx_with(unknown)) != []


def test_only_parts_without_an_ecma_schema_are_skipped():
    assert set(SKIPPED_PARTS) == {"docProps/core.xml", "*.vml", "customXml/*", "*.bin"}
