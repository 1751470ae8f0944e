"""Messages of the checks of one submission (form, unit, period, rating table) and of the intake.

Vietnamese first, English beside it; looked up through :mod:`evalreport.wording.catalog`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- rules ----------------------------------------
    "FORM_MISMATCH": {
        "vi": "Tệp là biểu {found}, không phải biểu {expected} đang được kiểm tra, tổng hợp",
        "en": "The file is form {found}, not form {expected} being checked and consolidated",
    },
    "PERIOD_MISMATCH": {
        "vi": "Tệp báo cáo kỳ {found}, không phải kỳ {expected} đang tổng hợp",
        "en": "The file reports period {found}, not period {expected} being consolidated",
    },
    "PERIOD_TYPE": {
        "vi": "Kỳ báo cáo {found} không dùng cho biểu {form} (chỉ dùng kỳ: {types})",
        "en": "Period {found} is not used with form {form} (allowed period types: {types})",
    },
    "UNIT_UNKNOWN": {
        "vi": "Mã đơn vị '{found}' không có trong danh sách đơn vị; kiểm tra lại mã trên tệp hoặc cập nhật danh sách",
        "en": "Unit code '{found}' is not in the unit list; check the code in the file or update the list",
    },
    "UNIT_UNEXPECTED": {
        "vi": "Tệp là báo cáo của đơn vị '{found}', không phải của đơn vị '{expected}' như mong đợi",
        "en": "The file is the report of unit '{found}', not of the expected unit '{expected}'",
    },
    "RATING_UNKNOWN": {
        "vi": "Xếp loại của {child} ({child_name}) ghi là '{raw}', không phải giá trị hợp lệ; chọn một trong: {allowed}",
        "en": "The rating of {child} ({child_name}) reads '{raw}', which is not allowed; choose one of: {allowed}",
    },
    "RATING_BLANK": {
        "vi": "Chưa xếp loại {child} ({child_name}); chọn một trong: {allowed}",
        "en": "{child} ({child_name}) has no rating; choose one of: {allowed}",
    },
    "TSVM_NOT_ALLOWED": {
        "vi": "{child} ({child_name}) được đánh dấu \"{tsvm}\" nhưng xếp loại {rating}; chỉ tổ chức xếp loại {allowed} mới được công nhận",
        "en": "{child} ({child_name}) is marked \"{tsvm}\" but rated {rating}; only organizations rated {allowed} can be",
    },
    "RATING_REASON_MISSING": {
        "vi": "{child} ({child_name}) xếp loại \"{rating_label}\" nhưng chưa ghi lý do",
        "en": "{child} ({child_name}) is rated \"{rating_label}\" but no reason is given",
    },
    "RATING_DUPLICATE": {
        "vi": "{child} ({child_name}) có {count} dòng trong bảng xếp loại tổ chức trực thuộc; chỉ giữ một dòng",
        "en": "{child} ({child_name}) has {count} rows in the table of subordinate organizations; keep one",
    },
    "RATING_CHILD_MISSING": {
        "vi": "Bảng xếp loại thiếu {child} ({child_name}), tổ chức trực thuộc của {unit_name} theo danh sách đơn vị",
        "en": "The ratings table lacks {child} ({child_name}), a subordinate organization of {unit_name} per the unit list",
    },
    "RATING_NOT_CHILD": {
        "vi": "Bảng xếp loại có dòng của {child} ({child_name}), không phải tổ chức trực thuộc trực tiếp của {unit_name} theo danh sách đơn vị",
        "en": "The ratings table has a row for {child} ({child_name}), which is not a direct subordinate of {unit_name} per the unit list",
    },
    # -- intake ----------------------------------------
    "UNIT_OTHER_BRANCH": {
        "vi": "Tệp của {unit_name} ({unit}) thuộc nhánh {branch}, không nằm trong {root_name}; không tổng hợp vào đây",
        "en": "The file of {unit_name} ({unit}) belongs to {branch}, outside {root_name}; it is not consolidated here",
    },
    "SUBMISSION_REPLACED": {
        "vi": "{unit_name} gửi {count} tệp cho kỳ {period}: dùng tệp mới hơn '{new_file}', thay cho tệp '{old_file}'",
        "en": "{unit_name} sent {count} files for period {period}: the newer '{new_file}' replaces '{old_file}'",
    },
    # -- a unit that does not exist in the period (unit list over time) --
    "UNIT_NOT_IN_PERIOD": {
        "vi": "Đơn vị '{found}' ({name}) không tồn tại trong kỳ {period:period}: hiệu lực {validity}{successor}; không tổng hợp tệp này",
        "en": "Unit '{found}' ({name}) does not exist in period {period:period}: valid {validity}{successor}; this file is not consolidated",
    },
    "UNIT_SUCCESSOR": {"vi": ", đơn vị kế thừa: {successors}", "en": ", succeeded by {successors}"},
}
