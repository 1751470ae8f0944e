"""The words of the membership movement report (DV-THANG), in Vietnamese and English.

Catalog messages (``MOVE_*``) looked up with :func:`evalreport.wording.catalog.text` like every
other text, so the sentences of :mod:`evalreport.render.word.movement_sentences` hold no
``if lang == "en"`` branches. Numbers arrive already formatted (:mod:`evalreport.wording.numbers`).
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "MOVE_TITLE": {
        "vi": "BÁO CÁO",
        "en": "REPORT",
    },
    "MOVE_SUBJECT": {
        "vi": "tình hình {title} {period}",
        "en": "{title} in {period}",
    },
    "MOVE_OPENING": {
        "vi": "Thực hiện hướng dẫn của cấp trên, {unit} báo cáo tình hình {title} {period} như sau.",
        "en": "Following the guidance of the higher level, {unit} reports the {title} in {period} as follows.",
    },
    "MOVE_MEMBERS_NOUN": {
        "vi": "đồng chí",
        "en": "members",
    },
    "MOVE_NEW_MEMBERS_NOUN": {
        "vi": "đảng viên mới",
        "en": "new members",
    },
    "MOVE_ZERO": {
        "vi": "Không",
        "en": "none",
    },
    # the membership sentence, in parts joined by "; "
    "MOVE_STOCKS": {
        "vi": "Tổng số đảng viên đầu kỳ {start}, cuối kỳ {end}",
        "en": "Members at the start of the period {start}, at the end {end}",
    },
    "MOVE_STOCKS_CHANGE": {
        "vi": " ({change})",
        "en": " ({change})",
    },
    "MOVE_STOCKS_NOT_COMPARABLE": {
        "vi": " (chưa tính tăng, giảm vì số liệu đầu kỳ và cuối kỳ chưa đủ các đơn vị)",
        "en": " (no change is stated: the start and the end do not cover all units yet)",
    },
    "MOVE_ADMITTED": {
        "vi": "trong kỳ kết nạp {count}",
        "en": "admitted in the period: {count}",
    },
    "MOVE_YEAR_TO_DATE": {
        "vi": "lũy kế từ đầu năm {done}/{target}, đạt {share} chỉ tiêu năm",
        "en": "year to date {done}/{target}, {share} of the annual target",
    },
    "MOVE_YEAR_TO_DATE_NO_TARGET": {
        "vi": "lũy kế từ đầu năm {done} (chưa có chỉ tiêu năm)",
        "en": "year to date {done} (no annual target)",
    },
    "MOVE_YEAR_TO_DATE_UNKNOWN": {
        "vi": "chưa tính được lũy kế từ đầu năm vì chưa đủ số liệu các tháng từ tháng 01",
        "en": "the year to date cannot be computed: months since January are missing",
    },
    "MOVE_FLOW": {
        "vi": "{label}: {count}",
        "en": "{label}: {count}",
    },
    # comparison with the previous period
    "MOVE_COMPARE": {
        "vi": "So với {previous}: {changes}.",
        "en": "Compared with {previous}: {changes}.",
    },
    "MOVE_COMPARE_UNCHANGED": {
        "vi": "So với {previous}, số đảng viên cuối kỳ và số kết nạp không thay đổi.",
        "en": "Compared with {previous}, members at the end and admissions are unchanged.",
    },
    "MOVE_NOT_COMPARABLE": {
        "vi": "Số liệu {previous}: {figures}; không so sánh tăng, giảm vì hai kỳ không cùng "
              "phạm vi đơn vị có số liệu.",
        "en": "Figures for {previous}: {figures}; no change is stated because the two periods do "
              "not cover the same units.",
    },
    "MOVE_NO_PREVIOUS": {
        "vi": "Chưa có số liệu {previous} để so sánh.",
        "en": "There are no figures for {previous} to compare with.",
    },
}
