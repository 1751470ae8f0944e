"""Short phrases shared by several outputs: typed dates, period labels, file-name words, progress.

Vietnamese first, English beside it; looked up through :mod:`evalreport.wording.catalog`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- typed input (evalreport.model.dates) ---------------------------------------------------
    "DATE_INVALID": {
        "vi": "“{text}” không phải là một ngày: hãy viết ngày/tháng/năm, ví dụ 07/01/2026",
        "en": "“{text}” is not a date: write day/month/year, for example 07/01/2026",
    },
    # -- periods (evalreport.model.period.Period.label) ---------------------------------------
    "PERIOD_YEAR": {"vi": "năm {year}", "en": "year {year}"},
    "PERIOD_QUARTER": {"vi": "quý {index:roman} năm {year}", "en": "Q{index} {year}"},
    "PERIOD_MONTH": {"vi": "tháng {month} năm {year}", "en": "{year}-{month}"},
    # -- words in output file names (ASCII: file systems and mail gateways) --------------------
    "FILE_REPORT": {"vi": "bao_cao", "en": "report"},
    "FILE_FINDINGS": {"vi": "phat_hien", "en": "findings"},
    # -- sheet tabs (Excel allows any letter in a sheet's name: the words as officers write them)
    "FINDINGS_SHEET": {"vi": "Phát hiện", "en": "Findings"},
    # -- a findings table's columns that the panel's table does not show (wording/finding_words.py)
    "FINDINGS_COL_ROW": {"vi": "Dòng", "en": "Row"},
    "FINDINGS_COL_RULE": {"vi": "Quy tắc", "en": "Rule"},
    # -- progress against a target (evalreport.aggregate.timeseries) --------------------------
    "PROGRESS": {"vi": "{ratio}, đạt {pct}", "en": "{ratio}, {pct} achieved"},
}
