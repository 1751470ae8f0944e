"""Phrases of the Word report's ready-made sentences (evalreport.render.word.sentences), by key.

The sentence builder chooses phrases by key (``…_ONE`` for a count of one) and fills in numbers
already formatted; the phrasing of each language, with its own word order, lives here.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- lists and counts --------------------------------------------------------------------
    "S_AND": {"vi": " và ", "en": " and "},
    "S_OR": {"vi": " hoặc ", "en": " or "},
    "S_MEMBERS_ONE": {"vi": "{n} đồng chí", "en": "{n} member"},
    "S_MEMBERS": {"vi": "{n} đồng chí", "en": "{n} members"},
    "S_MEMBER_TOTAL": {"vi": "{n} đồng chí", "en": "{n}"},  # English labels already say "members"
    "S_MEMBER_UNIT_ONE": {"vi": "đồng chí", "en": "member"},
    "S_MEMBER_UNIT": {"vi": "đồng chí", "en": "members"},
    "S_MEMBER_NOUN": {"vi": "đảng viên", "en": "member"},
    "S_QUOTED": {"vi": "{label}", "en": "“{label}”"},
    # a form label's tail a sentence leaves out ("…, không kể HTXSNV"); either language's is cut
    "S_LABEL_EXCLUDING": {"vi": "không kể", "en": "excluding"},
    "S_NONE_RATED": {"vi": "Không có {noun} xếp loại {labels}.", "en": "No {noun} fell in the category {labels}."},
    # -- opening -----------------------------------------------------------------------------
    "S_OPENING_BASIS_REG": {
        "vi": "Thực hiện Quy định số {regulation} và hướng dẫn của cấp trên, ",
        "en": "Pursuant to Regulation {regulation} and the guidance of the higher level, ",
    },
    "S_OPENING_BASIS": {"vi": "Thực hiện hướng dẫn của cấp trên, ", "en": ""},
    "S_OPENING_WHO_CHILDREN": {
        "vi": "đã lãnh đạo, chỉ đạo các tổ chức đảng trực thuộc tiến hành kiểm điểm và tổng hợp",
        "en": "directed its subordinate organizations to hold their reviews and compiled",
    },
    "S_OPENING_WHO_SELF": {"vi": "đã tiến hành kiểm điểm và tổng hợp", "en": "held its review and compiled"},
    "S_OPENING": {"vi": "{basis}{unit_name} {who} {title} {period}.",
                  "en": "{basis}{unit_name} {who} the {title} for {period}."},
    # -- completeness ------------------------------------------------------------------------
    "S_RECEIVED": {
        "vi": "Đến thời điểm báo cáo, có {ratios} đã kiểm điểm và gửi kết quả{rest}.",
        "en": "By the time of this report, {ratios} had held their review and sent their results{rest}.",
    },
    "S_RECEIVED_REPORTS": {"vi": "Đến thời điểm báo cáo, có {ratios} đã gửi báo cáo{rest}.",
                           "en": "By the time of this report, {ratios} had sent their reports{rest}."},
    "S_SENT_WITH_ERRORS": {"vi": "; {count:count} {noun} gửi báo cáo có lỗi, chưa được tổng hợp: {names}",
                           "en": "; {count:count} {noun} sent reports with errors, not yet in the totals: {names}"},
    "S_SENT_NOTHING": {"vi": "; {count:count} {noun} chưa gửi: {names}",
                       "en": "; {count:count} {noun} sent nothing: {names}"},
    "S_MORE_UNITS": {"vi": " và {more} đơn vị khác", "en": " and {more} more"},
    # -- organizations -----------------------------------------------------------------------
    "S_ORG_NONE": {"vi": "Không có {plural} thuộc diện đánh giá.", "en": "There are no {plural} to rate."},
    "S_TOTAL": {"vi": "tổng số {n}", "en": "total {n}"},
    "S_ORG_TSVM": {"vi": ", trong đó {n} tổ chức đạt “{label}”", "en": ", of which {n} recognized as “{label}”"},
    "S_RESULTS": {"vi": " Kết quả: ", "en": " Results: "},
    "S_QUOTA_WITHIN": {"vi": " (trong mức tối đa {pct})", "en": " (within the limit of {pct})"},
    "S_QUOTA_ABOVE": {"vi": " (vượt mức tối đa {pct})", "en": " (above the limit of {pct})"},
    "S_NO_ORG_RATINGS": {"vi": "Chưa có kết quả xếp loại tổ chức đảng trực thuộc.", "en": "No ratings of subordinate organizations were reported."},
    # -- members -----------------------------------------------------------------------------
    "S_ALL_EVALUATED": {"vi": " Tất cả đảng viên đều được đánh giá, xếp loại.", "en": " Every member was evaluated."},
    "S_NOT_EVALUATED": {"vi": " Số không đánh giá, xếp loại: {count}, gồm: ", "en": " Not evaluated: {count}, namely "},
    "S_RATINGS": {"vi": "Kết quả xếp loại: ", "en": " Ratings: "},
    "S_RATING_CHANGE_LABEL": {"vi": "số đảng viên {label}", "en": "{label}"},
    "S_NC_NONE": {"vi": "Không có đảng viên {label}.", "en": "No member fell in the category “{label}”."},
    "S_NC_HEAD_ONE": {"vi": "Có {members} {label}", "en": "{members} was in the category “{label}”"},
    "S_NC_HEAD": {"vi": "Có {members} {label}", "en": "{members} were in the category “{label}”"},
    "S_NC_PARTS": {"vi": ", trong đó: {parts}.", "en": ", of which {parts}."},
    # -- discipline --------------------------------------------------------------------------
    "S_DISC_NONE": {"vi": "Không có đảng viên bị kỷ luật trong {period}.",
                    "en": "No member was disciplined in {period}."},
    "S_DISC_ONE": {"vi": "Trong {period}, có {members} bị kỷ luật: {parts}.",
                   "en": "In {period}, {members} was disciplined: {parts}."},
    "S_DISC": {"vi": "Trong {period}, có {members} bị kỷ luật: {parts}.",
               "en": "In {period}, {members} were disciplined: {parts}."},
    # -- change against the previous period --------------------------------------------------
    "S_CHANGE_NO_PREVIOUS": {"vi": "Chưa có số liệu {previous} để so sánh.",
                             "en": "There are no figures for {previous} to compare with."},
    "S_CHANGE_NONE": {"vi": "So với {previous}, các số liệu chính không thay đổi.",
                      "en": "Compared with {previous}, the main figures are unchanged."},
    "S_CHANGE_OTHERS_SAME": {"vi": "các số liệu khác không thay đổi", "en": "the other figures are unchanged"},
    "S_CHANGE_HEAD": {"vi": "So với {previous}: ", "en": "Compared with {previous}: "},
    "S_CHANGE_ALL_SAME": {"vi": "các số liệu chính không thay đổi", "en": "the main figures are unchanged"},
    "S_CHANGE_HEAD_AS": {"vi": "So với {previous}, {how}: ", "en": "Compared with {previous}, {how}: "},
    "S_CHANGE_NEW_UNITS": {"vi": "tính theo đơn vị hành chính mới", "en": "in terms of the current units"},
    "S_CHANGE_COMMON": {"vi": "so sánh trên {n} {noun} có số liệu {both}",
                        "en": "over the {n} {noun} with figures in {both}"},
    "S_BOTH_YEARS": {"vi": "cả hai năm", "en": "both years"},
    "S_BOTH_PERIODS": {"vi": "cả hai kỳ", "en": "both periods"},
    "S_CHANGE_RAW": {"vi": "{label} {period}: {current}, {previous}: {before}; không so sánh trực tiếp vì {reasons}.",
                     "en": "{label} in {period}: {current}, in {previous}: {before}; not compared directly because "
                           "{reasons}."},
    "S_CHANGE_UNITS": {"vi": " (giữa hai kỳ: {merged} đơn vị hợp nhất, {founded} đơn vị thành lập mới, {dissolved} đơn vị "
                             "giải thể)",
                       "en": " (between the two periods: {merged} units merged, {founded} founded, {dissolved} "
                             "dissolved)"},
    "S_REASON_NEW": {"vi": "đơn vị mới thành lập, chưa có số liệu kỳ trước",
                     "en": "the unit is new and has no earlier figures"},
    "S_REASON_SPLIT": {"vi": "có đơn vị đã chia tách giữa hai kỳ", "en": "units were split between the periods"},
    "S_REASON_HIERARCHY_CHANGED": {"vi": "các đơn vị trực thuộc đã thay đổi giữa hai kỳ",
                                   "en": "the units below changed between the periods"},
    "S_REASON_MISSING_NOW": {"vi": "{period} còn {n} đơn vị chưa có số liệu được tổng hợp",
                             "en": "{n} units have no figures in the totals of {period}"},
    "S_REASON_MISSING_BEFORE": {"vi": "{previous} có đơn vị không có số liệu",
                                "en": "some units had no figures in {previous}"},
    "S_PERCENTAGE_POINTS": {"vi": "điểm phần trăm", "en": "percentage points"},
}
