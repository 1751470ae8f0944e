"""Finding messages about what kind of file arrived (Vietnamese first, English selectable).

A submission saved as .ods or .xls is read like an .xlsx; a file that only carries a spreadsheet's
name (a web page saved as .xls, a text document) is named for what it is, with what to do.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "FILE_ODS_FORMAT": {
        "vi": "Tệp ở định dạng OpenDocument (.ods); đã đọc, nhưng lần sau hãy lưu dạng .xlsx",
        "en": "The file is in the OpenDocument format (.ods); it was read, but save as .xlsx next time",
    },
    "FILE_OPENDOCUMENT_OTHER": {
        "vi": "Tệp là tài liệu OpenDocument ({ext}), không phải bảng tính; hãy gửi đúng tệp Excel của biểu mẫu "
              "(nếu đã nhập số liệu bằng LibreOffice, hãy lưu lại dạng .xlsx)",
        "en": "The file is an OpenDocument document ({ext}), not a spreadsheet; send the form's Excel file "
              "(if you filled it in with LibreOffice, save it as .xlsx)",
    },
    "FILE_HTML": {
        "vi": "Tệp là trang web (HTML) mang tên bảng tính, không phải sổ tính Excel thật (thường do phần mềm "
              "khác xuất ra); hãy mở bằng Excel và lưu lại dạng .xlsx",
        "en": "The file is a web page (HTML) named as a spreadsheet, not a real Excel workbook (often exported by "
              "other software); open it in Excel and save it as .xlsx",
    },
    "FILE_XML_SPREADSHEET": {
        "vi": "Tệp ở định dạng Bảng tính XML 2003 (XML Spreadsheet), không đọc được; hãy mở bằng Excel và lưu "
              "lại dạng .xlsx",
        "en": "The file is an XML Spreadsheet 2003, which cannot be read; open it in Excel and save it as .xlsx",
    },
}
