"""Messages of report rendering (Word template errors, PDF conversion).

Vietnamese first, English beside it; looked up through :mod:`evalreport.wording.catalog`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- jinja_env ----------------------------------------
    "RENDER_TEMPLATE_ERROR": {
        "vi": "Lỗi trong mẫu báo cáo {template}: thẻ {tag} — {problem}. Đoạn văn: “{excerpt}”",
        "en": "Error in report template {template}: tag {tag} — {problem}. Paragraph: “{excerpt}”",
    },
    "RENDER_UNDEFINED_VAR": {
        "vi": "biến '{name}' không có trong dữ liệu của báo cáo (xem docs/template-context.md)",
        "en": "variable '{name}' is not in the report's data (see docs/template-context.md)",
    },
    "RENDER_UNDEFINED_ATTR": {
        "vi": "không có mục '{name}' trong nhóm dữ liệu này",
        "en": "there is no item '{name}' in this group of data",
    },
    "RENDER_SYNTAX": {
        "vi": "sai cú pháp: {detail}",
        "en": "syntax error: {detail}",
    },
    "RENDER_UNSAFE": {
        "vi": "thao tác không được phép trong mẫu: {detail}",
        "en": "operation not allowed in a template: {detail}",
    },
    "RENDER_OTHER": {
        "vi": "{detail}",
        "en": "{detail}",
    },
    # -- pdf ----------------------------------------
    "PDF_NO_SOFFICE": {
        "vi": "Không tìm thấy LibreOffice (soffice) nên chưa xuất được PDF; các tệp .docx/.xlsx vẫn đầy đủ. "
              "Cài LibreOffice (https://www.libreoffice.org) rồi chạy lại với --pdf.",
        "en": "LibreOffice (soffice) was not found, so no PDF was written; the .docx/.xlsx files are complete. "
              "Install LibreOffice (https://www.libreoffice.org) and run again with --pdf.",
    },
    "PDF_FAILED": {
        "vi": "LibreOffice không chuyển được '{file}' sang PDF: {reason}",
        "en": "LibreOffice could not convert '{file}' to PDF: {reason}",
    },
    # -- form_roles: a form whose definition declares no narrative report
    "RENDER_NO_MEMBER_ROLES": {
        "vi": "Mẫu {form} không khai báo mục 'roles.members' nên không lập báo cáo Word cho mẫu này; "
              "bảng tổng hợp Excel vẫn được lập.",
        "en": "Form {form} declares no 'roles.members' section, so no Word report is written for it; "
              "the summary workbook still is.",
    },
    "RENDER_NO_MOVEMENT_ROLES": {
        "vi": "Mẫu {form} không khai báo mục 'roles.movement' nên không lập được báo cáo biến động đảng viên.",
        "en": "Form {form} declares no 'roles.movement' section, so no membership movement report is written.",
    },
    "RENDER_ITEMS_LISTED": {"vi": "{problem} (các mục có: {items})", "en": "{problem} (its items: {items})"},
}
