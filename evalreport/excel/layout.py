"""Where everything sits in the control-panel workbook: sheet names, setting cells and their
defined names, buttons and the macros they call.

The workbook builder and the handlers' panel I/O both read this one table, so the cells the
builder labels are the cells the handlers read, and every button's macro is known to exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from evalreport.wording.catalog import text

__all__ = [
    "PANEL_SHEET", "FINDINGS_SHEET", "COMPLETENESS_SHEET", "CONFIG_SHEET", "Setting", "SETTINGS", "REPORT_SETTINGS", "REPORT_SECTION_ROW",
    "STATUS", "DETAIL", "REASON", "Button", "RUN_BUTTONS", "PERIOD_BUTTONS", "PERIOD_SECTION_ROW", "BUTTONS", "LANGUAGE_CHOICES", "action_name", "findings_header", "completeness_header", "FINDINGS_FIRST_ROW",
    "COMPLETENESS_FIRST_ROW", "MAX_TABLE_ROWS", "VBA_MODULE",
]

PANEL_SHEET = "Bảng điều khiển"
FINDINGS_SHEET = "Phát hiện"
COMPLETENESS_SHEET = "Tình hình nộp"
CONFIG_SHEET = "xlwings.conf"  # read by xlwings' VBA (GetConfigFromSheet): interpreter, PYTHONPATH
VBA_MODULE = "EvalReport"  # Attribute VB_Name of workbooks/evalreport_panel.bas


@dataclass(frozen=True)
class Setting:
    key: str        # attribute of PanelSettings
    name: str       # workbook-scoped defined name of the value cell
    address: str    # value cell on the panel sheet (fallback when the name was deleted)
    label: str
    hint: str
    default: str = ""


SETTINGS: tuple[Setting, ...] = (
    Setting("folder", "ER_FOLDER", "C5", "Thư mục làm việc",
            "Thư mục đã tạo bằng lệnh “evalreport init”, ví dụ D:\\BaoCao\\DangBo"),
    Setting("period", "ER_PERIOD", "C6", "Kỳ báo cáo",
            "Năm 2025, quý 2025-Q3 hoặc tháng 2025-11 (hay 11/2025)", "2025"),
    Setting("root", "ER_ROOT", "C7", "Đơn vị tổng hợp (mã)",
            "Để trống để dùng đơn vị gốc trong cấu hình thư mục làm việc"),
    Setting("form", "ER_FORM", "C8", "Biểu mẫu", "Chọn trong danh sách", "DG-NAM"),
    Setting("lang", "ER_LANG", "C9", "Ngôn ngữ", "Ngôn ngữ của thông báo và báo cáo", "Tiếng Việt"),
)

# The Word report's letterhead for the reporting unit (the root): an empty cell keeps the
# workspace's setting (evalreport.yaml ``report:``). Keys are UnitReportSettings fields.
REPORT_SETTINGS: tuple[Setting, ...] = (
    Setting("place", "ER_PLACE", "C30", "Địa danh", "Ví dụ: Gia Lai → “Gia Lai, ngày … tháng … năm …”"),
    Setting("number", "ER_NUMBER", "C31", "Số văn bản", "Ví dụ: 12 → “Số 12-BC/TU”; để trống để ghi tay"),
    Setting("signer_title", "ER_SIGNER_TITLE", "C32", "Chức vụ người ký", "Bí thư, Phó Bí thư (mặc định: Bí thư)"),
    Setting("signer_name", "ER_SIGNER_NAME", "C33", "Họ tên người ký", "Ví dụ: Nguyễn Văn A"),
)
REPORT_SECTION_ROW = 29  # the section heading above REPORT_SETTINGS

# The language drop-down shows names; the handlers use codes.
LANGUAGE_CHOICES: dict[str, str] = {"Tiếng Việt": "vi", "English": "en"}

STATUS = Setting("status", "ER_STATUS", "C12", "Trạng thái", "")
DETAIL = Setting("detail", "ER_DETAIL", "C13", "Chi tiết", "")


@dataclass(frozen=True)
class Button:
    macro: str      # Sub in workbooks/evalreport_panel.bas
    handler: str    # function in evalreport.excel.handlers
    row: int        # panel row (1-based) of the button; its description sits beside it
    description: str

    @property
    def caption(self) -> str:
        """The action's name, the one the status messages use (“bấm “{action}””), so what the
        officer reads on the button is what the panel tells them to click."""
        return action_name(self.handler, "vi")


# What runs a period: read, check, consolidate, render.
RUN_BUTTONS: tuple[Button, ...] = (
    Button("TaoBieuMau", "make_templates", 16,
           "Tạo biểu mẫu (tệp Excel) cho các đơn vị trực thuộc, kỳ báo cáo đã chọn"),
    Button("KiemTra", "check_inbox", 18,
           "Đọc tệp mới trong thư mục inbox, kiểm tra; lỗi ở trang “Phát hiện”, ai đã nộp ở “Tình hình nộp”"),
    Button("TongHop", "consolidate", 20,
           "Tổng hợp lên đơn vị tổng hợp, xuất bảng tổng hợp và báo cáo Word của đơn vị đó"),
    Button("XuatBaoCao", "write_reports", 22,
           "Như “Tổng hợp”, và xuất thêm báo cáo cho mọi đơn vị có cấp dưới"),
    Button("MoThuMucKetQua", "open_outputs", 24,
           "Mở thư mục chứa các tệp kết quả của kỳ báo cáo"),
)

# What decides which files count (docs/vi/chot-so-lieu.md): recorded in the ledger with who, when
# and the reason typed in REASON; a section of their own, below the letterhead, so a click meant
# for “Tổng hợp” never lands on “Chốt số liệu”.
PERIOD_SECTION_ROW = 35
REASON = Setting("reason", "ER_REASON", "C36", "Lý do",
                 "Ghi trước khi bấm nút bên dưới (bắt buộc khi mở lại kỳ); được ghi vào sổ theo dõi")
PERIOD_BUTTONS: tuple[Button, ...] = (
    Button("ChotSoLieu", "close_period", 38,
           "Giữ nguyên số liệu và kết quả của kỳ báo cáo; tệp đến sau được giữ “Chờ xử lý”. Hỏi lại trước khi chốt"),
    Button("MoLaiKy", "reopen_period", 40,
           "Mở lại kỳ đã chốt (ghi lý do ở ô “Lý do”); tệp chờ xử lý của kỳ được đưa vào tổng hợp"),
    Button("DuyetBaoCao", "approve_units", 42,
           "Duyệt báo cáo của các đơn vị đang chọn (bôi đen các dòng) ở trang “Tình hình nộp”; "
           "chỉ duyệt được báo cáo không có lỗi"),
    Button("RutLaiDuyet", "withdraw_approval", 44,
           "Rút lại việc duyệt của các đơn vị đang chọn ở trang “Tình hình nộp”; tệp mới hơn đang chờ được đưa vào"),
    Button("ChapNhanTepCho", "admit_pending", 46,
           "Đưa vào tổng hợp tệp “Chờ xử lý” có dòng cảnh báo đang chọn ở trang “Phát hiện”"),
)
BUTTONS: tuple[Button, ...] = RUN_BUTTONS + PERIOD_BUTTONS

_FINDINGS_HEADER = ("XL_COL_SEVERITY", "XL_COL_UNIT", "XL_COL_FILE", "XL_COL_SHEET", "XL_COL_CELL", "XL_COL_MESSAGE")
_COMPLETENESS_HEADER = ("XL_COL_PARENT", "XL_COL_UNIT_CODE", "XL_COL_UNIT_NAME", "XL_COL_LEVEL", "XL_COL_STATUS",
                        "XL_COL_NOTE")
_ACTION_KEYS = {
    "make_templates": "XL_ACTION_MAKE_TEMPLATES", "check_inbox": "XL_ACTION_CHECK_INBOX",
    "consolidate": "XL_ACTION_CONSOLIDATE", "write_reports": "XL_ACTION_WRITE_REPORTS",
    "open_outputs": "XL_ACTION_OPEN_OUTPUTS", "close_period": "XL_ACTION_CLOSE_PERIOD",
    "reopen_period": "XL_ACTION_REOPEN_PERIOD", "approve_units": "XL_ACTION_APPROVE_UNITS",
    "withdraw_approval": "XL_ACTION_WITHDRAW_APPROVAL", "admit_pending": "XL_ACTION_ADMIT_PENDING",
}


def action_name(handler: str, lang: str) -> str:
    """The name of the action ``handler`` runs, as its button and the status lines say it."""
    return text(_ACTION_KEYS[handler], lang)


def findings_header(lang: str) -> tuple[str, ...]:
    """The findings table's headings: severity, unit, file, sheet, cell, message."""
    return tuple(text(key, lang) for key in _FINDINGS_HEADER)


def completeness_header(lang: str) -> tuple[str, ...]:
    """The completeness table's headings: parent, code, name, level, status, note."""
    return tuple(text(key, lang) for key in _COMPLETENESS_HEADER)


FINDINGS_FIRST_ROW = 4          # row 1 title, row 2 run line, row 3 header
COMPLETENESS_FIRST_ROW = 4
MAX_TABLE_ROWS = 5000           # rows cleared before a table is rewritten
