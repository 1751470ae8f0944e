"""What the ``check``, ``report`` and period commands print after acting, in Vietnamese and
English (their help texts: :mod:`evalreport.wording.cli_phrases`)."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "CLI_CHECK_SEVERITY": {"vi": "Mức", "en": "Severity"},
    "CLI_CHECK_UNIT": {"vi": "Đơn vị", "en": "Unit"},
    "CLI_CHECK_FILE": {"vi": "Tệp", "en": "File"},
    "CLI_CHECK_CELL": {"vi": "Ô", "en": "Cell"},
    "CLI_CHECK_RULE": {"vi": "Quy tắc", "en": "Rule"},
    "CLI_CHECK_MESSAGE": {"vi": "Nội dung", "en": "Message"},
    "CLI_CHECK_READING": {"vi": "Đọc tệp", "en": "Reading"},
    "CLI_CHECK_CONSOLIDATING": {"vi": "Tổng hợp", "en": "Consolidating"},
    "CLI_CHECK_FILES": {"vi": "tệp", "en": "files"},
    "CLI_CHECK_FIELD": {"vi": "Chỉ tiêu", "en": "Field"},
    "CLI_CHECK_VALUE": {"vi": "Số liệu", "en": "Value"},
    "CLI_CHECK_SHARE": {"vi": "Tỷ lệ", "en": "Share"},
    "CLI_CHECK_NO_FINDINGS": {"vi": "Không có lỗi hay cảnh báo.", "en": "No errors or warnings."},
    "CLI_CHECK_SUMMARY": {
        "vi": "{files} tệp: {errors} lỗi, {warnings} cảnh báo.",
        "en": "{files} files: {errors} errors, {warnings} warnings.",
    },
    "CLI_CHECK_BLOCKED": {
        "vi": "Chưa tổng hợp được {n} đơn vị do tệp có lỗi: {units}",
        "en": "{n} unit(s) not consolidated because their files have errors: {units}",
    },
    "CLI_CHECK_MISSING": {"vi": "Chưa có số liệu: {units}", "en": "No data yet: {units}"},
    "CLI_CHECK_COMPLETE": {"vi": "Đã nhận", "en": "Received"},
    "CLI_CHECK_WRITTEN": {"vi": "Đã ghi danh sách lỗi vào {path}", "en": "Findings written to {path}"},
    "CLI_REPORT_WRITTEN": {"vi": "Đã ghi", "en": "Written"},
    "CLI_REPORT_BLOCKED": {
        "vi": "Lưu ý: {n} đơn vị có tệp lỗi chưa được tổng hợp: {units}",
        "en": "Note: {n} unit(s) with erroneous files are not in the totals: {units}",
    },
    "CLI_REPORT_MISSING": {"vi": "Chưa có số liệu của {n} đơn vị.", "en": "No data yet from {n} unit(s)."},
    "CLI_REPORT_PREVIOUS": {
        "vi": "Kỳ trước ({period}): {n} tệp",
        "en": "Previous period ({period}): {n} files",
    },
    "CLI_DONE_CLOSED": {"vi": "Đã chốt số liệu kỳ {period}.", "en": "Period {period} closed."},
    "CLI_DONE_REOPENED": {
        "vi": "Đã mở lại kỳ {period}: {counted} tệp được đưa vào tổng hợp, {held} tệp vẫn chờ xử lý.",
        "en": "Period {period} reopened: {counted} file(s) let in, {held} still pending.",
    },
    "CLI_DONE_APPROVED": {"vi": "Đã duyệt: {units}.", "en": "Approved: {units}."},
    "CLI_DONE_WITHDRAWN": {
        "vi": "Đã rút lại việc duyệt: {units}; {counted} tệp được đưa vào tổng hợp.",
        "en": "Approval withdrawn: {units}; {counted} file(s) let in.",
    },
    "CLI_DONE_ADMITTED": {
        "vi": "{counted} tệp được đưa vào tổng hợp, {held} tệp vẫn chờ xử lý ({why}).",
        "en": "{counted} file(s) let in, {held} still pending ({why}).",
    },
    "CLI_DONE_RERUN": {
        "vi": "Chạy lại để cập nhật kết quả: evalreport run -w {folder} -p {period}",
        "en": "Run again to update the outputs: evalreport run -w {folder} -p {period}",
    },
}
