"""Where everything sits in the control-panel workbook: sheet names, setting cells and their
defined names, buttons and the macros they call.

The workbook builder and the handlers' panel I/O both read this one table, so the cells the
builder labels are the cells the handlers read, and every button's macro is known to exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from evalreport.wording.catalog import text
from evalreport.wording.finding_words import column_heading

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
    default: str = ""

    def label(self, lang: str) -> str:
        """The words beside the cell (catalog ``XL_SETTING_<KEY>``)."""
        return text(f"XL_SETTING_{self.key.upper()}", lang)

    def hint(self, lang: str) -> str:
        """What to type in the cell (catalog ``XL_HINT_<KEY>``)."""
        return text(f"XL_HINT_{self.key.upper()}", lang)


SETTINGS: tuple[Setting, ...] = (
    Setting("folder", "ER_FOLDER", "C5"),
    Setting("period", "ER_PERIOD", "C6", "2025"),
    Setting("root", "ER_ROOT", "C7"),
    Setting("form", "ER_FORM", "C8", "DG-NAM"),
    Setting("lang", "ER_LANG", "C9", "Tiếng Việt"),
)

# The Word report's letterhead for the reporting unit (the root): an empty cell keeps the
# workspace's setting (evalreport.yaml ``report:``). Keys are UnitReportSettings fields.
REPORT_SETTINGS: tuple[Setting, ...] = (
    Setting("place", "ER_PLACE", "C30"),
    Setting("number", "ER_NUMBER", "C31"),
    Setting("signer_title", "ER_SIGNER_TITLE", "C32"),
    Setting("signer_name", "ER_SIGNER_NAME", "C33"),
)
REPORT_SECTION_ROW = 29  # the section heading above REPORT_SETTINGS

# The language drop-down shows names; the handlers use codes.
LANGUAGE_CHOICES: dict[str, str] = {"Tiếng Việt": "vi", "English": "en"}

STATUS = Setting("status", "ER_STATUS", "C12")
DETAIL = Setting("detail", "ER_DETAIL", "C13")


@dataclass(frozen=True)
class Button:
    macro: str      # Sub in workbooks/evalreport_panel.bas
    handler: str    # function in evalreport.excel.handlers
    row: int        # panel row (1-based) of the button; its description sits beside it

    def caption(self, lang: str) -> str:
        """The action's name, the one the status messages use (“bấm “{action}””), so what the
        officer reads on the button is what the panel tells them to click."""
        return action_name(self.handler, lang)

    def description(self, lang: str) -> str:
        """What the button does, written beside it (catalog ``XL_DESCRIBE_<HANDLER>``)."""
        return text(f"XL_DESCRIBE_{self.handler.upper()}", lang)


# What runs a period: read, check, consolidate, render.
RUN_BUTTONS: tuple[Button, ...] = (
    Button("TaoBieuMau", "make_templates", 16),
    Button("KiemTra", "check_inbox", 18),
    Button("TongHop", "consolidate", 20),
    Button("XuatBaoCao", "write_reports", 22),
    Button("MoThuMucKetQua", "open_outputs", 24),
)

# What decides which files count (docs/vi/chot-so-lieu.md): recorded in the ledger with who, when
# and the reason typed in REASON; a section of their own, below the letterhead, so a click meant
# for “Tổng hợp” never lands on “Chốt số liệu”.
PERIOD_SECTION_ROW = 35
REASON = Setting("reason", "ER_REASON", "C36")
PERIOD_BUTTONS: tuple[Button, ...] = (
    Button("ChotSoLieu", "close_period", 38),
    Button("MoLaiKy", "reopen_period", 40),
    Button("DuyetBaoCao", "approve_units", 42),
    Button("RutLaiDuyet", "withdraw_approval", 44),
    Button("ChapNhanTepCho", "admit_pending", 46),
)
BUTTONS: tuple[Button, ...] = RUN_BUTTONS + PERIOD_BUTTONS

_FINDINGS_COLUMNS = ("severity", "unit", "file", "sheet", "cell", "message")  # the run's table less row and rule
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
    return tuple(column_heading(column, lang) for column in _FINDINGS_COLUMNS)


def completeness_header(lang: str) -> tuple[str, ...]:
    """The completeness table's headings: parent, code, name, level, status, note."""
    return tuple(text(key, lang) for key in _COMPLETENESS_HEADER)


FINDINGS_FIRST_ROW = 4          # row 1 title, row 2 run line, row 3 header
COMPLETENESS_FIRST_ROW = 4
MAX_TABLE_ROWS = 5000           # rows cleared before a table is rewritten
