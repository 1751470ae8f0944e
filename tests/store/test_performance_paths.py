"""The fast paths added for scale give the results of the paths they replace: the archive
guard's direct decompression, the run's findings workbook without pandas, and submissions
rebuilt from the ledger with shared immutable parts."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from openpyxl import load_workbook
from workspace_support import fill_cells, make_workspace

from evalreport import fill_template
from evalreport.model.codec import submission_to_record
from evalreport.model.finding import FINDING_COLUMNS, findings_frame, make_finding
from evalreport.read.guard import ReadLimits, check_archive
from evalreport.render.workbook.findings_table import write_findings_table
from evalreport.store.records import record_columns
from evalreport.wording.finding_words import column_heading, severity_word


@pytest.fixture
def good(tmp_path, form, four) -> bytes:
    values = {c: 1 for c in form.field_codes}
    return fill_template(form, "C01", "2021", four, tmp_path / "good.xlsx", values).read_bytes()


def _rezip(data: bytes, compression: int, replace: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, (replace or {}).get(info.filename, src.read(info.filename)))
    return out.getvalue()


def _sheet(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_stored_and_other_methods_pass_like_deflated(good):
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):  # the last two via zipfile
        result = check_archive(_rezip(good, method))
        assert result.ok and result.findings == [], method


def test_a_wrong_crc_is_zipfiles_corrupt_file_finding(good):
    data = bytearray(good)
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        info = z.getinfo("xl/styles.xml")
    # CRC-32 in both the local header (offset 14) and the central directory entry
    crc = struct.pack("<L", info.CRC)
    bad = struct.pack("<L", info.CRC ^ 1)
    assert data.count(crc) == 2
    data = bytearray(bytes(data).replace(crc, bad))
    (f,) = check_archive(bytes(data), file="x.xlsx").findings
    assert f.rule == "FILE_CORRUPT" and f.params["reason"] == "xl/styles.xml: Bad CRC-32 for file 'xl/styles.xml'"


def test_cell_extent_counts_only_sheet_grids(good):
    far = b'<a:fillToRect l="50000" r="9999999" t="50000" b="50000"/>'
    theme = _rezip(good, zipfile.ZIP_DEFLATED, {"xl/theme/theme1.xml": b"<a:theme>" + far + b"</a:theme>"})
    assert check_archive(theme).ok  # a gradient's radius, not row 9,999,999
    sheet = _sheet(good).replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')
    (f,) = check_archive(_rezip(good, zipfile.ZIP_DEFLATED, {"xl/worksheets/sheet1.xml": sheet})).findings
    assert f.rule == "LIMIT_SHEET_CELLS" and f.params["cell"] == "XFD1048576"
    tight = ReadLimits(max_sheet_cells=100)  # below the near-area shortcut: every reference counts
    assert [x.rule for x in check_archive(good, tight).findings] == ["LIMIT_SHEET_CELLS"]


def test_findings_table_holds_what_findings_frame_holds(tmp_path):
    findings = [make_finding("FILE_EMPTY", "error", unit="=1+2", file="a.xlsx", sheet="S", cell="B3", row=5),
                make_finding("FILE_EMPTY", "warning", unit="C01")]
    path = write_findings_table(findings, tmp_path / "f.xlsx", "en")
    ws = load_workbook(path)["Findings"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    frame = findings_frame(findings, "en")
    assert rows[0] == [column_heading(c, "en") for c in FINDING_COLUMNS] and ws["A1"].font.bold
    assert rows[0][:2] == ["Severity", "Unit"] and [r[0] for r in rows[1:]] == ["Error", "Warning"]
    expected = [[severity_word(r[0], "en"), *(None if v is None or v != v else v for v in r[1:])]
                for r in frame.itertuples(index=False)]
    assert rows[1:] == expected and rows[1][1] == "'=1+2"


def test_rebuilt_submissions_equal_the_read_ones_and_share_cell_references(tmp_path):
    ws = make_workspace(tmp_path / "ws", workers=1)
    try:
        fill_cells(ws)
        ws.ingest()
        rebuilt = ws.ledger.submissions("DG-NAM", "2021")
        assert len(rebuilt) == 10
        first, second = rebuilt[0], rebuilt[1]
        code = next(iter(first.cells))
        assert first.cells[code] == second.cells[code] and first.cells[code] is second.cells[code]
        assert first.period is second.period and first.cells is not second.cells
        row = ws.ledger.file_by_sha(first.provenance.sha256)
        columns = record_columns(submission_to_record(first))
        assert columns["values_json"] == row["values_json"] and columns["cells_json"] == row["cells_json"]
    finally:
        ws.close()
