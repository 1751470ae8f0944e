"""The control panel's own wording (status lines, settings problems, action names, table
headings, severities), in Vietnamese and English; looked up through the catalog."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # the actions (buttons) by handler, as the buttons and the status lines name them (excel/layout.py)
    "XL_ACTION_MAKE_TEMPLATES": {"vi": "Tạo biểu mẫu", "en": "Make templates"},
    "XL_ACTION_CHECK_INBOX": {"vi": "Kiểm tra", "en": "Check"},
    "XL_ACTION_CONSOLIDATE": {"vi": "Tổng hợp", "en": "Consolidate"},
    "XL_ACTION_WRITE_REPORTS": {"vi": "Xuất báo cáo", "en": "Write reports"},
    "XL_ACTION_OPEN_OUTPUTS": {"vi": "Mở thư mục kết quả", "en": "Open outputs folder"},
    "XL_ACTION_CLOSE_PERIOD": {"vi": "Chốt số liệu", "en": "Close period"},
    "XL_ACTION_REOPEN_PERIOD": {"vi": "Mở lại kỳ", "en": "Reopen period"},
    "XL_ACTION_APPROVE_UNITS": {"vi": "Duyệt báo cáo", "en": "Approve reports"},
    "XL_ACTION_WITHDRAW_APPROVAL": {"vi": "Rút lại duyệt", "en": "Withdraw approval"},
    "XL_ACTION_ADMIT_PENDING": {"vi": "Chấp nhận tệp chờ xử lý", "en": "Admit pending file"},
    # the findings table's severities and the headings of the findings and completeness tables
    "XL_SEVERITY_ERROR": {"vi": "Lỗi", "en": "Error"},
    "XL_SEVERITY_WARNING": {"vi": "Cảnh báo", "en": "Warning"},
    "XL_SEVERITY_INFO": {"vi": "Thông tin", "en": "Info"},
    "XL_COL_SEVERITY": {"vi": "Mức độ", "en": "Severity"},
    "XL_COL_UNIT": {"vi": "Đơn vị", "en": "Unit"},
    "XL_COL_FILE": {"vi": "Tệp", "en": "File"},
    "XL_COL_SHEET": {"vi": "Trang tính", "en": "Sheet"},
    "XL_COL_CELL": {"vi": "Ô", "en": "Cell"},
    "XL_COL_MESSAGE": {"vi": "Nội dung", "en": "Message"},
    "XL_COL_PARENT": {"vi": "Đơn vị cấp trên", "en": "Parent unit"},
    "XL_COL_UNIT_CODE": {"vi": "Mã đơn vị", "en": "Unit code"},
    "XL_COL_UNIT_NAME": {"vi": "Tên đơn vị", "en": "Unit name"},
    "XL_COL_LEVEL": {"vi": "Cấp", "en": "Level"},
    "XL_COL_STATUS": {"vi": "Tình trạng", "en": "Status"},
    "XL_COL_NOTE": {"vi": "Ghi chú", "en": "Note"},
    # Shown by the panel's VBA (workbooks/evalreport_panel.bas) when Python or evalreport cannot be
    # started, so no Python code can show them; the .bas holds them \u-escaped (VBA source is
    # ASCII) and tests/excel/test_excel_vba_messages.py checks that they equal these.
    "XL_START_NO_PYTHON": {
        "vi": "Không tìm thấy Python ({interpreter}), nên bảng điều khiển không chạy được.",
        "en": "Python was not found ({interpreter}), so the control panel cannot run.",
    },
    "XL_START_FAILED": {
        "vi": "Không khởi động được Python hoặc evalreport (chưa cài, hoặc cài chưa đầy đủ).",
        "en": "Python or evalreport could not be started (not installed, or not completely installed).",
    },
    "XL_START_FIX": {
        "vi": "Cách xử lý: bấm đúp tệp cai-dat.cmd trong gói cài đặt evalreport (hướng dẫn: tệp "
              "huong-dan-cai-dat.md trong gói, hoặc docs/vi/cai-dat.md), rồi bấm lại nút. Chi tiết kỹ thuật "
              "ở ô “Chi tiết”; xem thêm docs/vi/bang-dieu-khien.md.",
        "en": "What to do: double-click cai-dat.cmd in the evalreport install bundle (guide: "
              "huong-dan-cai-dat.md in the bundle, or docs/vi/cai-dat.md), then click the button again. "
              "Technical detail in the “Chi tiết” cell; see also docs/vi/bang-dieu-khien.md.",
    },
    # Asked by the panel's VBA before “Chốt số liệu” runs (No changes nothing); held \u-escaped
    # in the .bas like the start messages.
    "XL_CONFIRM_CLOSE": {
        "vi": "Chốt số liệu kỳ {period}? Số liệu và kết quả của kỳ được giữ nguyên; tệp đến sau được giữ chờ xử "
              "lý cho đến khi mở lại kỳ.",
        "en": "Close period {period}? Its figures and outputs stay as they are; files arriving later are held as "
              "pending until the period is reopened.",
    },
    "XL_SETTING_EMPTY": {
        "vi": "Chưa nhập “{label}” (ô {cell}) trên Bảng điều khiển",
        "en": "“{label}” (cell {cell}) is empty on the control panel",
    },
    "XL_FOLDER_MISSING": {
        "vi": "Không tìm thấy thư mục làm việc “{folder}”. Kiểm tra lại đường dẫn, hoặc tạo thư mục bằng lệnh "
              "“evalreport init”",
        "en": "Workspace folder “{folder}” not found. Check the path, or create it with “evalreport init”",
    },
    "XL_PERIOD_BAD": {
        "vi": "Kỳ báo cáo “{period}” (ô {cell}) không hợp lệ: nhập năm (2025), quý (2025-Q3) hoặc tháng (2025-11 hay "
              "11/2025)",
        "en": "Period “{period}” (cell {cell}) is not valid: enter a year (2025), a quarter (2025-Q3) or a month "
              "(2025-11 or 11/2025)",
    },
    "XL_FORM_UNKNOWN": {
        "vi": "Không có biểu mẫu “{form}”; chọn một trong: {forms}",
        "en": "There is no form “{form}”; choose one of: {forms}",
    },
    "XL_FORM_PERIOD": {
        "vi": "Biểu mẫu {form} không dùng cho kỳ {period}; biểu mẫu này dùng cho kỳ: {kinds}",
        "en": "Form {form} is not used for period {period}; it is used for: {kinds}",
    },
    "XL_ROOT_UNKNOWN": {
        "vi": "Mã đơn vị “{root}” không có trong danh sách đơn vị của thư mục làm việc",
        "en": "Unit code “{root}” is not in the workspace's unit list",
    },
    "XL_WORKSPACE_BAD": {
        "vi": "Không mở được thư mục làm việc: {reason}",
        "en": "Cannot open the workspace: {reason}",
    },
    "XL_BUSY": {
        "vi": "Thư mục làm việc đang được dùng bởi {holder}. Hãy chờ thao tác đó xong rồi bấm lại",
        "en": "The workspace is busy with {holder}. Wait for it to finish and click again",
    },
    "XL_UNEXPECTED": {
        "vi": "{action} không thành công do lỗi không mong đợi ({error}). Không có tệp nào bị thay đổi dở dang; "
              "hãy gửi dòng chi tiết bên dưới cho người hỗ trợ",
        "en": "{action} failed with an unexpected error ({error}). No file was left half-written; "
              "send the detail line below to your support contact",
    },
    "XL_TEMPLATES_DONE": {
        "vi": "Đã tạo {count} biểu mẫu {form} kỳ {period}",
        "en": "Created {count} {form} templates for period {period}",
    },
    "XL_CHECK_DONE": {
        "vi": "Đã đọc {parsed} tệp mới; {received}/{expected} đơn vị đã nộp; {errors} lỗi, {warnings} cảnh báo "
              "(xem trang “Phát hiện”)",
        "en": "Read {parsed} new files; {received}/{expected} units have reported; {errors} errors, "
              "{warnings} warnings (see the findings sheet)",
    },
    "XL_RUN_DONE": {
        "vi": "Đã tổng hợp {form} kỳ {period} cho {root}: {received}/{expected} đơn vị đã nộp; {errors} lỗi, "
              "{warnings} cảnh báo; {outputs} tệp kết quả",
        "en": "Consolidated {form} for {period} at {root}: {received}/{expected} units have reported; "
              "{errors} errors, {warnings} warnings; {outputs} output files",
    },
    "XL_OPENED": {
        "vi": "Đã mở thư mục kết quả {folder}",
        "en": "Opened the outputs folder {folder}",
    },
    "XL_NO_OUTPUTS": {
        "vi": "Chưa có kết quả kỳ {period} ({folder}); hãy bấm “Tổng hợp” trước",
        "en": "No outputs for period {period} yet ({folder}); click “Consolidate” first",
    },
    "XL_RUN_LINE": {
        "vi": "Kỳ {period} · biểu mẫu {form} · đơn vị {root} · cập nhật {time}",
        "en": "Period {period} · form {form} · unit {root} · updated {time}",
    },
    "XL_MORE_ROWS": {
        "vi": "… và {count} phát hiện khác (xem tệp phát hiện trong thư mục kết quả)",
        "en": "… and {count} more findings (see the findings file in the outputs folder)",
    },
    "XL_PERIOD_CLOSED": {
        "vi": "Đã chốt số liệu {form} kỳ {period}; tệp đến sau được giữ chờ xử lý",
        "en": "{form} {period} closed; files arriving later are held as pending",
    },
    "XL_PERIOD_REOPENED": {
        "vi": "Đã mở lại kỳ {period}: {counted} tệp được đưa vào tổng hợp; bấm “Tổng hợp” để cập nhật kết quả",
        "en": "Period {period} reopened: {counted} file(s) let in; click “Consolidate” to update the outputs",
    },
    "XL_APPROVED": {
        "vi": "Đã duyệt báo cáo của: {units}",
        "en": "Approved the reports of: {units}",
    },
    "XL_WITHDRAWN": {
        "vi": "Đã rút lại việc duyệt: {units}; {counted} tệp được đưa vào tổng hợp",
        "en": "Approval withdrawn: {units}; {counted} file(s) let in",
    },
    "XL_ADMITTED": {
        "vi": "{counted} tệp được đưa vào tổng hợp, {held} tệp vẫn chờ xử lý",
        "en": "{counted} file(s) let in, {held} still pending",
    },
    "XL_NEED_UNITS": {
        "vi": "Chọn các dòng đơn vị trên trang “Tình hình nộp” trước khi bấm “{action}”",
        "en": "Select the units' rows on the completeness sheet before clicking “{action}”",
    },
    "XL_NEED_REASON": {
        "vi": "Cần ghi lý do để “{action}”: ghi vào ô “{label}” ({cell}) rồi bấm lại nút; chưa có gì thay đổi",
        "en": "“{action}” needs a reason: type it into the “{label}” cell ({cell}) and click again; nothing was changed",
    },
    "XL_NEED_FILE": {
        "vi": "Chọn dòng của tệp chờ xử lý trên trang “Phát hiện” trước khi bấm “{action}”",
        "en": "Select the pending file's row on the findings sheet before clicking “{action}”",
    },
    "XL_COUNTS": {
        "vi": "{errors} lỗi, {warnings} cảnh báo",
        "en": "{errors} errors, {warnings} warnings",
    },
}
