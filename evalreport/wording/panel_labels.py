"""The words printed on the control-panel workbook itself (titles, setting labels and hints,
button descriptions, the xlwings.conf sheet's notes), in Vietnamese and English.

The panel is built once per language by ``python -m tools.panel`` (``--lang en`` for the English
one); the sheet tabs keep their Vietnamese names in both, because the macros and the handlers
find the sheets by name. What the panel says while it runs is in :mod:`panel_messages`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "XL_PANEL_TITLE": {"vi": "BẢNG ĐIỀU KHIỂN EVALREPORT", "en": "EVALREPORT CONTROL PANEL"},
    "XL_PANEL_SUBTITLE": {
        "vi": "Tổng hợp kết quả kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên",
        "en": "Consolidating the review, evaluation and quality rating of Party organizations and members",
    },
    "XL_PANEL_DOC_TITLE": {"vi": "evalreport – Bảng điều khiển", "en": "evalreport – Control panel"},
    "XL_SECTION_SETTINGS": {"vi": "Thiết lập", "en": "Settings"},
    "XL_SECTION_LAST_RUN": {"vi": "Kết quả lần chạy gần nhất", "en": "Result of the last run"},
    "XL_SECTION_ACTIONS": {"vi": "Thao tác", "en": "Actions"},
    "XL_SECTION_REPORT": {
        "vi": "Báo cáo Word của đơn vị tổng hợp (để trống: theo evalreport.yaml)",
        "en": "The consolidating unit's Word report (leave empty: as in evalreport.yaml)",
    },
    "XL_SECTION_PERIOD": {
        "vi": "Chốt số liệu, duyệt báo cáo (ghi vào sổ theo dõi: ai, khi nào, lý do)",
        "en": "Closing the period, approving reports (recorded in the ledger: who, when, why)",
    },
    "XL_PANEL_CONF_HINT": {
        "vi": "Cấu hình Python cho xlwings: trang “xlwings.conf”. Hướng dẫn: docs/vi/bang-dieu-khien.md",
        "en": "Python settings for xlwings: the “xlwings.conf” sheet. Guide: docs/vi/bang-dieu-khien.md",
    },
    "XL_FINDINGS_TITLE": {"vi": "Phát hiện (lỗi và cảnh báo)", "en": "Findings (errors and warnings)"},
    "XL_COMPLETENESS_TITLE": {"vi": "Tình hình nộp báo cáo", "en": "Who has reported"},
    # the drop-downs' refusal boxes
    "XL_PICK_FORM_TITLE": {"vi": "Biểu mẫu", "en": "Form"},
    "XL_PICK_FORM": {"vi": "Chọn một biểu mẫu trong danh sách.", "en": "Choose a form from the list."},
    "XL_PICK_LANG_TITLE": {"vi": "Ngôn ngữ", "en": "Language"},
    "XL_PICK_LANG": {"vi": "Chọn Tiếng Việt hoặc English.", "en": "Choose Tiếng Việt or English."},
    # each setting: its label (XL_SETTING_<KEY>) and what to type (XL_HINT_<KEY>), excel/layout.py
    "XL_SETTING_FOLDER": {"vi": "Thư mục làm việc", "en": "Workspace folder"},
    "XL_HINT_FOLDER": {
        "vi": "Thư mục đã tạo bằng lệnh “evalreport init”, ví dụ D:\\BaoCao\\DangBo",
        "en": "The folder made with “evalreport init”, e.g. D:\\BaoCao\\DangBo",
    },
    "XL_SETTING_PERIOD": {"vi": "Kỳ báo cáo", "en": "Period"},
    "XL_HINT_PERIOD": {
        "vi": "Năm 2025, quý 2025-Q3 hoặc tháng 2025-11 (hay 11/2025)",
        "en": "Year 2025, quarter 2025-Q3 or month 2025-11 (or 11/2025)",
    },
    "XL_SETTING_ROOT": {"vi": "Đơn vị tổng hợp (mã)", "en": "Consolidating unit (code)"},
    "XL_HINT_ROOT": {
        "vi": "Để trống để dùng đơn vị gốc trong cấu hình thư mục làm việc",
        "en": "Leave empty for the workspace's root unit",
    },
    "XL_SETTING_FORM": {"vi": "Biểu mẫu", "en": "Form"},
    "XL_HINT_FORM": {"vi": "Chọn trong danh sách", "en": "Choose from the list"},
    "XL_SETTING_LANG": {"vi": "Ngôn ngữ", "en": "Language"},
    "XL_HINT_LANG": {"vi": "Ngôn ngữ của thông báo và báo cáo", "en": "Language of the messages and reports"},
    "XL_SETTING_STATUS": {"vi": "Trạng thái", "en": "Status"},
    "XL_SETTING_DETAIL": {"vi": "Chi tiết", "en": "Details"},
    "XL_SETTING_PLACE": {"vi": "Địa danh", "en": "Place"},
    "XL_HINT_PLACE": {
        "vi": "Ví dụ: Gia Lai → “Gia Lai, ngày … tháng … năm …”",
        "en": "E.g. Gia Lai → “Gia Lai, ngày … tháng … năm …”",
    },
    "XL_SETTING_NUMBER": {"vi": "Số văn bản", "en": "Document number"},
    "XL_HINT_NUMBER": {
        "vi": "Ví dụ: 12 → “Số 12-BC/TU”; để trống để ghi tay",
        "en": "E.g. 12 → “Số 12-BC/TU”; leave empty to write it by hand",
    },
    "XL_SETTING_SIGNER_TITLE": {"vi": "Chức vụ người ký", "en": "Signer's title"},
    "XL_HINT_SIGNER_TITLE": {"vi": "Bí thư, Phó Bí thư (mặc định: Bí thư)",
                             "en": "Bí thư, Phó Bí thư (default: Bí thư)"},
    "XL_SETTING_SIGNER_NAME": {"vi": "Họ tên người ký", "en": "Signer's name"},
    "XL_HINT_SIGNER_NAME": {"vi": "Ví dụ: Nguyễn Văn A", "en": "E.g. Nguyễn Văn A"},
    "XL_SETTING_REASON": {"vi": "Lý do", "en": "Reason"},
    "XL_HINT_REASON": {
        "vi": "Ghi trước khi bấm nút bên dưới (bắt buộc khi mở lại kỳ); được ghi vào sổ theo dõi",
        "en": "Type it before clicking a button below (required to reopen a period); kept in the ledger",
    },
    # each button's description (XL_DESCRIBE_<HANDLER>), written beside it
    "XL_DESCRIBE_MAKE_TEMPLATES": {
        "vi": "Tạo biểu mẫu (tệp Excel) cho các đơn vị trực thuộc, kỳ báo cáo đã chọn",
        "en": "Make the fill-in workbooks for the subordinate units, for the chosen period",
    },
    "XL_DESCRIBE_CHECK_INBOX": {
        "vi": "Đọc tệp mới trong thư mục inbox, kiểm tra; lỗi ở trang “Phát hiện”, ai đã nộp ở “Tình hình nộp”",
        "en": "Read and check the new files in the inbox folder; problems on the “Phát hiện” sheet, "
              "who has reported on “Tình hình nộp”",
    },
    "XL_DESCRIBE_CONSOLIDATE": {
        "vi": "Tổng hợp lên đơn vị tổng hợp, xuất bảng tổng hợp và báo cáo Word của đơn vị đó",
        "en": "Consolidate up to the consolidating unit; write its summary workbook and Word report",
    },
    "XL_DESCRIBE_WRITE_REPORTS": {
        "vi": "Như “Tổng hợp”, và xuất thêm báo cáo cho mọi đơn vị có cấp dưới",
        "en": "As “Consolidate”, and also write the reports of every unit that has subordinates",
    },
    "XL_DESCRIBE_OPEN_OUTPUTS": {
        "vi": "Mở thư mục chứa các tệp kết quả của kỳ báo cáo",
        "en": "Open the folder holding the period's output files",
    },
    "XL_DESCRIBE_CLOSE_PERIOD": {
        "vi": "Giữ nguyên số liệu và kết quả của kỳ báo cáo; tệp đến sau được giữ “Chờ xử lý”. Hỏi lại trước khi chốt",
        "en": "Keep the period's figures and outputs as they are; files arriving later are held as pending. "
              "Asks before closing",
    },
    "XL_DESCRIBE_REOPEN_PERIOD": {
        "vi": "Mở lại kỳ đã chốt (ghi lý do ở ô “Lý do”); tệp chờ xử lý của kỳ được đưa vào tổng hợp",
        "en": "Reopen a closed period (type why in the “Reason” cell); the period's pending files are "
              "consolidated",
    },
    "XL_DESCRIBE_APPROVE_UNITS": {
        "vi": "Duyệt báo cáo của các đơn vị đang chọn (bôi đen các dòng) ở trang “Tình hình nộp”; "
              "chỉ duyệt được báo cáo không có lỗi",
        "en": "Approve the reports of the units selected (highlight their rows) on the “Tình hình nộp” sheet; "
              "only reports without errors can be approved",
    },
    "XL_DESCRIBE_WITHDRAW_APPROVAL": {
        "vi": "Rút lại việc duyệt của các đơn vị đang chọn ở trang “Tình hình nộp”; tệp mới hơn đang chờ được đưa vào",
        "en": "Withdraw the approval of the units selected on the “Tình hình nộp” sheet; a newer pending file "
              "is taken in",
    },
    "XL_DESCRIBE_ADMIT_PENDING": {
        "vi": "Đưa vào tổng hợp tệp “Chờ xử lý” có dòng cảnh báo đang chọn ở trang “Phát hiện”",
        "en": "Consolidate the pending file whose warning row is selected on the “Phát hiện” sheet",
    },
    # the xlwings.conf sheet
    "XL_CONF_SHOW_ERROR_POPUPS": {
        "vi": "Lỗi khởi động Python/evalreport được báo trên Bảng điều khiển (không sửa dòng này)",
        "en": "A failed start of Python/evalreport is reported on the panel (do not change this row)",
    },
    "XL_CONF_INTERPRETER_WIN": {"vi": "Đường dẫn đầy đủ đến pythonw.exe", "en": "Full path of pythonw.exe"},
    "XL_CONF_PYTHONPATH": {
        "vi": "Thư mục chứa mã evalreport (khi không cài bằng pip)",
        "en": "Folder holding evalreport's code (when not installed with pip)",
    },
    "XL_CONF_HELP": {
        "vi": "Cột A: tên thiết lập, cột B: giá trị; xlwings đọc từ ô A1 xuống, đến ô trống đầu tiên.\n"
              "Thường không cần thêm gì: cai-dat.cmd đã ghi đường dẫn Python vào "
              "%USERPROFILE%\\.xlwings\\xlwings.conf.\n"
              "Chỉ khi Python ở nơi khác: thêm ngay dưới dòng cuối một dòng INTERPRETER_WIN | C:\\...\\pythonw.exe\n"
              "Không để dòng nào có tên mà không có giá trị: dòng đó sẽ che thiết lập trong xlwings.conf của máy.",
        "en": "Column A: the setting's name, column B: its value; xlwings reads from A1 down to the first "
              "empty cell.\n"
              "Usually nothing is needed: cai-dat.cmd has written Python's path into "
              "%USERPROFILE%\\.xlwings\\xlwings.conf.\n"
              "Only when Python is elsewhere: add right below the last row INTERPRETER_WIN | C:\\...\\pythonw.exe\n"
              "Never leave a name without a value: that row would hide the setting in this computer's "
              "xlwings.conf.",
    },
}
