"""Fixed words of the narrative Word reports (``REPORT_*``, ``CHART_*``), in Vietnamese and English:
the title, the lines under "Nơi nhận:", the English of the letterhead words derived for a unit,
and the chart's axis, data sheet and accessible name.

Looked up with :func:`evalreport.wording.catalog.text` like every other text; the sentences of the
report are :mod:`.sentence_phrases` and :mod:`.movement_phrases`. Names and settings an officer
typed are printed as typed and are never here.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- narrative_context: the title and the words the sentences join
    "REPORT_TITLE": {"vi": "BÁO CÁO", "en": "REPORT"},
    "REPORT_RATED": {"vi": "đã đánh giá, xếp loại", "en": "rated"},
    "REPORT_UNITS": {"vi": "đơn vị", "en": "units"},
    # -- document_head: the default lines under "Nơi nhận:"
    "REPORT_TO_PARENT": {"vi": "- {committee} (để báo cáo),", "en": "- {committee} (for reporting),"},
    "REPORT_TO_CHILDREN": {"vi": "- {committees} (để biết),", "en": "- {committees} (for information),"},
    "REPORT_UPPER_LEVEL": {"vi": "Cấp ủy cấp trên", "en": "Higher-level committee"},
    "REPORT_CHILD_COMMITTEES": {"vi": "Các cấp ủy trực thuộc", "en": "Subordinate Party committees"},
    "REPORT_CHILD_CELLS": {"vi": "Các chi bộ trực thuộc", "en": "Subordinate Party cells"},
    "REPORT_ARCHIVE": {"vi": "- Lưu Văn phòng.", "en": "- Archive: Office."},
    # -- the signature block (tools/word_document.py): the preparer setting, last under "Nơi nhận:"
    "REPORT_PREPARER_LINE": {"vi": "Người lập biểu: {name}", "en": "Prepared by: {name}"},
    # -- document_head: the letterhead's derived words (render/letterhead.py), as a report prints them
    "REPORT_NUMBER_PREFIX": {"vi": "Số ", "en": "No. "},
    "REPORT_FOR_STANDING_COMMITTEE": {"vi": "T/M BAN THƯỜNG VỤ", "en": "ON BEHALF OF THE STANDING COMMITTEE"},
    "REPORT_FOR_PARTY_COMMITTEE": {"vi": "T/M ĐẢNG ỦY", "en": "ON BEHALF OF THE PARTY COMMITTEE"},
    "REPORT_FOR_PARTY_CELL": {"vi": "T/M CHI BỘ", "en": "ON BEHALF OF THE PARTY CELL"},
    "REPORT_SECRETARY": {"vi": "BÍ THƯ", "en": "SECRETARY"},
    # -- charts / docx_chart: the ratings chart
    "CHART_AXIS": {"vi": "Số đảng viên", "en": "Members"},
    "CHART_UNIT": {"vi": "Đơn vị", "en": "Unit"},
    "CHART_SHEET": {"vi": "Dữ liệu", "en": "Data"},
    "CHART_LANG_TAG": {"vi": "vi-VN", "en": "en-US"},  # the chart's language, for Word's proofing
    "CHART_NAME": {"vi": "Biểu đồ xếp loại đảng viên", "en": "Ratings chart"},
    "CHART_ALT": {
        "vi": "Biểu đồ: kết quả xếp loại đảng viên theo đơn vị trực thuộc",
        "en": "Chart: ratings of members by subordinate unit",
    },
}
