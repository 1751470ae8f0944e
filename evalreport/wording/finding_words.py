"""The words of a findings table: its column headings and a finding's severity, as the run's
findings workbook, ``evalreport check --out`` and the Excel panel's findings sheet print them.

A :class:`~evalreport.model.finding.Finding` keeps its severity as a code (``error``,
``warning``, ``info``) and the tables' columns are the codes of
:data:`~evalreport.model.finding.FINDING_COLUMNS`; they are worded here, where a table is
written, so an officer reads “Mức độ: Lỗi” and a script can still tell the columns apart by
their position. The rule stays its ASCII code: it is what domain.md and the guides cite.
"""

from __future__ import annotations

from evalreport.wording.catalog import text

__all__ = ["column_heading", "severity_word"]

_COLUMN_KEYS = {"severity": "XL_COL_SEVERITY", "unit": "XL_COL_UNIT", "file": "XL_COL_FILE",
                "sheet": "XL_COL_SHEET", "cell": "XL_COL_CELL", "row": "FINDINGS_COL_ROW",
                "rule": "FINDINGS_COL_RULE", "message": "XL_COL_MESSAGE"}
_SEVERITY_KEYS = {"error": "XL_SEVERITY_ERROR", "warning": "XL_SEVERITY_WARNING", "info": "XL_SEVERITY_INFO"}


def column_heading(column: str, lang: str) -> str:
    """The heading of a findings table's column (one of ``FINDING_COLUMNS``)."""
    return text(_COLUMN_KEYS[column], lang)


def severity_word(severity: str, lang: str) -> str:
    """“Lỗi”, “Cảnh báo”, “Thông tin” (an unknown code is shown as it is)."""
    key = _SEVERITY_KEYS.get(severity)
    return text(key, lang) if key else severity
