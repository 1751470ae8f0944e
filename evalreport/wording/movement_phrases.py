"""The words of the membership movement report (DV-THANG), one table per language.

Kept as data, keyed by language, so the sentences of :mod:`evalreport.render.word.movement_sentences`
hold no ``if lang == "en"`` branches and the wording catalog can take the tables over as they are.
Placeholders are ``str.format`` names; numbers arrive already formatted
(:mod:`evalreport.wording.numbers`).
"""

from __future__ import annotations

from evalreport.wording.language import language

__all__ = ["MOVEMENT_PHRASES", "movement_phrases"]

MOVEMENT_PHRASES: dict[str, dict[str, str]] = {
    "vi": {
        "title": "BÁO CÁO",
        "subject": "tình hình {title} {period}",
        "opening": "Thực hiện hướng dẫn của cấp trên, {unit} báo cáo tình hình {title} {period} như sau.",
        "members_noun": "đồng chí",
        "new_members_noun": "đảng viên mới",
        "units_noun": "đơn vị",
        "zero": "Không",
        # the membership sentence, in parts joined by "; "
        "stocks": "Tổng số đảng viên đầu kỳ {start}, cuối kỳ {end}",
        "stocks_change": " ({change})",
        "stocks_not_comparable": " (chưa tính tăng, giảm vì số liệu đầu kỳ và cuối kỳ chưa đủ các đơn vị)",
        "admitted": "trong kỳ kết nạp {count}",
        "year_to_date": "lũy kế từ đầu năm {done}/{target}, đạt {share} chỉ tiêu năm",
        "year_to_date_no_target": "lũy kế từ đầu năm {done} (chưa có chỉ tiêu năm)",
        "year_to_date_unknown": "chưa tính được lũy kế từ đầu năm vì chưa đủ số liệu các tháng từ tháng 01",
        "flow": "{label}: {count}",
        # comparison with the previous period
        "compare": "So với {previous}: {changes}.",
        "compare_unchanged": "So với {previous}, số đảng viên cuối kỳ và số kết nạp không thay đổi.",
        "not_comparable": "Số liệu {previous}: {figures}; không so sánh tăng, giảm vì hai kỳ không cùng "
                          "phạm vi đơn vị có số liệu.",
        "no_previous": "Chưa có số liệu {previous} để so sánh.",
    },
    "en": {
        "title": "REPORT",
        "subject": "{title} in {period}",
        "opening": "Following the guidance of the higher level, {unit} reports the {title} in {period} as follows.",
        "members_noun": "members",
        "new_members_noun": "new members",
        "units_noun": "units",
        "zero": "none",
        "stocks": "Members at the start of the period {start}, at the end {end}",
        "stocks_change": " ({change})",
        "stocks_not_comparable": " (no change is stated: the start and the end do not cover all units yet)",
        "admitted": "admitted in the period: {count}",
        "year_to_date": "year to date {done}/{target}, {share} of the annual target",
        "year_to_date_no_target": "year to date {done} (no annual target)",
        "year_to_date_unknown": "the year to date cannot be computed: months since January are missing",
        "flow": "{label}: {count}",
        "compare": "Compared with {previous}: {changes}.",
        "compare_unchanged": "Compared with {previous}, members at the end and admissions are unchanged.",
        "not_comparable": "Figures for {previous}: {figures}; no change is stated because the two periods do "
                          "not cover the same units.",
        "no_previous": "There are no figures for {previous} to compare with.",
    },
}


def movement_phrases(lang: str) -> dict[str, str]:
    """The table of ``lang`` (Vietnamese unless English is asked for)."""
    return MOVEMENT_PHRASES[language(lang)]
