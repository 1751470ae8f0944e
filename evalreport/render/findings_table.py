"""The findings workbook of a run, written with openpyxl alone.

Every run writes one, and going through a pandas DataFrame meant importing pandas (about half a
second) on the run path for a two-dimensional list. The sheet is what ``findings_frame(...)
.to_excel(index=False)`` gives: the column names in a bold header row, one row per finding.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..findings import FINDING_COLUMNS, Finding, findings_rows

__all__ = ["write_findings_table"]


def write_findings_table(findings: Iterable[Finding], path: Path, lang: str = "vi") -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Findings" if lang == "en" else "Phat hien")
    thin = Side(style="thin")
    header = []
    for name in FINDING_COLUMNS:  # styled like pandas' own header
        cell = WriteOnlyCell(ws, value=name)
        cell.font = Font(bold=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        cell.alignment = Alignment(horizontal="center", vertical="top")
        header.append(cell)
    ws.append(header)
    for row in findings_rows(findings, lang):
        ws.append(row)
    wb.save(path)
    return path
