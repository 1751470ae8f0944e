"""Messages of closed periods, approvals and held ("Chờ xử lý") files, in Vietnamese and English."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "WS_HELD_CLOSED": {
        "vi": "Tệp '{file}' của đơn vị {unit} gửi cho kỳ {period}, kỳ đã chốt số liệu lúc {closed_at} bởi "
              "{closed_by}; tệp được giữ chờ xử lý, không làm thay đổi số liệu (mở lại kỳ để đưa vào)",
        "en": "File '{file}' of unit {unit} is for period {period}, closed at {closed_at} by {closed_by}; it is "
              "held as pending and changes nothing (reopen the period to let it in)",
    },
    "WS_HELD_APPROVED": {
        "vi": "Tệp '{file}' của đơn vị {unit} kỳ {period} đến sau khi báo cáo '{approved_file}' đã được duyệt "
              "lúc {approved_at} bởi {approved_by}; tệp được giữ chờ xử lý cho đến khi rút lại việc duyệt",
        "en": "File '{file}' of unit {unit}, period {period}, arrived after the report '{approved_file}' was "
              "approved at {approved_at} by {approved_by}; it is held as pending until the approval is withdrawn",
    },
    "WS_HELD_OTHER_PERIOD": {
        "vi": "Tệp '{file}' là báo cáo kỳ {period} của đơn vị {unit} nhưng nằm trong hộp thư của kỳ "
              "{inbox_period}; tệp được giữ chờ xử lý, không tính vào kỳ nào cho đến khi được chấp nhận "
              "(evalreport admit {id})",
        "en": "File '{file}' is the report of unit {unit} for period {period} but was found in the inbox of "
              "period {inbox_period}; it is held as pending and counted in neither until admitted "
              "(evalreport admit {id})",
    },
    "PERIOD_CLOSED_LINE": {
        "vi": "Kỳ {period} đã chốt số liệu lúc {at} bởi {user}",
        "en": "Period {period} was closed at {at} by {user}",
    },
    "PERIOD_RUN_CLOSED": {
        "vi": "Kỳ {period} đã chốt; các tệp mới được giữ chờ xử lý",
        "en": "Period {period} is closed; new files are held as pending",
    },
    "PERIOD_ALREADY_CLOSED": {"vi": "Kỳ {period} đã chốt số liệu từ trước", "en": "Period {period} is already closed"},
    "PERIOD_NOT_CLOSED": {"vi": "Kỳ {period} chưa chốt số liệu", "en": "Period {period} is not closed"},
    "PERIOD_REASON_NEEDED": {
        "vi": "Cần ghi lý do mở lại kỳ {period} (--reason)",
        "en": "Reopening period {period} needs a reason (--reason)",
    },
    "APPROVE_NOTHING": {
        "vi": "Đơn vị {unit} chưa nộp báo cáo {form} kỳ {period}: không có gì để duyệt",
        "en": "Unit {unit} has sent no {form} report for {period}: nothing to approve",
    },
    "APPROVE_ERRORS": {
        "vi": "Báo cáo {form} kỳ {period} của đơn vị {unit} còn lỗi: chỉ duyệt được báo cáo hợp lệ",
        "en": "The {form} report of unit {unit} for {period} has errors: only an accepted report can be approved",
    },
    "APPROVE_NONE": {
        "vi": "Báo cáo {form} kỳ {period} của đơn vị {unit} chưa được duyệt",
        "en": "The {form} report of unit {unit} for {period} is not approved",
    },
    "PERIOD_TEXT_INVALID": {
        "vi": "'{text}' không phải là kỳ báo cáo: hãy viết năm (2021), quý (2025-Q3) hoặc tháng (2025-11)",
        "en": "'{text}' is not a period: write a year (2021), a quarter (2025-Q3) or a month (2025-11)",
    },
    "PERIOD_INDEX_RANGE": {
        "vi": "Số thứ tự kỳ {index} phải từ 1 đến {limit}",
        "en": "Period index {index} out of range 1..{limit}",
    },
    "PERIOD_YEAR_NO_QUARTER": {"vi": "Kỳ năm không ứng với một quý nào", "en": "A year has no single quarter"},
    "PERIOD_NO_FORM": {
        "vi": "Không có biểu mẫu nào trong cấu hình được báo cáo theo kỳ như {period} ({forms}); "
              "hãy chọn kỳ khác hoặc thêm biểu mẫu vào 'forms' của evalreport.yaml",
        "en": "No configured form is reported for periods like {period} ({forms}); choose another period "
              "or add a form to 'forms' in evalreport.yaml",
    },
    "ADMIT_NOTHING": {
        "vi": "Không có tệp chờ xử lý nào ứng với '{file}'",
        "en": "No pending file matches '{file}'",
    },
}
