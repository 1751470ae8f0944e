"""The findings workbook of a run, written with openpyxl and a streamed body.

Every run writes one, and going through a pandas DataFrame meant importing pandas (about half a
second) on the run path for a two-dimensional list. The sheet is laid out as ``findings_frame(...)
.to_excel(index=False)`` would lay it out (a bold header row, one row per finding), with the
headings and severities worded (:mod:`evalreport.wording.finding_words`).
The rows are streamed into the saved file (:mod:`.streamed_rows`): through openpyxl, even in
write-only mode, 10,000 findings took about 0.7 s.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from evalreport.model.finding import FINDING_COLUMNS, Finding, findings_rows
from evalreport.wording.catalog import text
from evalreport.wording.finding_words import column_heading, severity_word

__all__ = ["write_findings_table"]

# Column widths (characters) in FINDING_COLUMNS order: severity, unit, file, sheet, cell, row,
# rule, message; the message is the column an officer reads.
_WIDTHS = (11, 13, 34, 12, 6, 6, 20, 100)


def write_findings_table(findings: Iterable[Finding], path: Path, lang: str = "vi") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from evalreport.render.workbook.streamed_rows import SheetBody, StreamedWorkbook
    from evalreport.render.workbook.xlsx_cells import CellLook

    wb = Workbook()
    ws = wb.active
    ws.title = text("FINDINGS_SHEET", lang)
    thin = Side(style="thin")
    for col, name in enumerate(FINDING_COLUMNS, start=1):  # styled like pandas' own header
        cell = ws.cell(row=1, column=col, value=column_heading(name, lang))
        cell.font = Font(bold=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="top")
    for col, width in enumerate(_WIDTHS, start=1):  # wide enough to read a finding without widening
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"  # printed on A4 landscape, the headings on every page
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    rows = findings_rows(findings, lang)
    for row in rows:
        row[0] = severity_word(row[0], lang)
    plain = (CellLook(0, 0),) * len(FINDING_COLUMNS)  # no style, as pandas writes the values
    body = SheetBody(ws, ((row, plain, None) for row in rows), first_row=2, count=len(rows),
                     width=len(FINDING_COLUMNS))
    StreamedWorkbook(wb, [body]).save(path)
    return path
