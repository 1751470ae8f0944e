"""Messages of the archive guard (empty, damaged, oversized or hostile files).

Vietnamese first, English beside it; looked up through :mod:`evalreport.wording.catalog`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "FILE_EMPTY": {"vi": "Tệp rỗng (0 byte): hãy gửi lại tệp Excel đã lưu đầy đủ",
                   "en": "The file is empty (0 bytes): send the saved Excel file again"},
    "FILE_TOO_LARGE": {"vi": "Tệp quá lớn: {size} byte, vượt giới hạn {limit} byte (max_file_bytes)",
                       "en": "The file is too large: {size} bytes, over the limit of {limit} bytes (max_file_bytes)"},
    "FILE_NOT_ZIP": {"vi": "Tệp không phải là sổ tính Excel (.xlsx): nội dung không đúng định dạng; hãy mở bằng Excel và lưu lại dạng .xlsx",
                     "en": "The file is not an Excel workbook (.xlsx): open it in Excel and save it as .xlsx"},
    "FILE_CORRUPT": {"vi": "Tệp Excel bị hỏng hoặc không đầy đủ (có thể do sao chép bị gián đoạn): {reason}; hãy gửi lại tệp",
                     "en": "The Excel file is damaged or incomplete (an interrupted copy?): {reason}; send it again"},
    "FILE_WORD": {"vi": "Tệp là văn bản Word (.docx) bị đổi tên thành bảng tính; hãy gửi đúng tệp Excel của biểu mẫu",
                  "en": "The file is a Word document (.docx) renamed as a workbook; send the form's Excel file"},
    "FILE_NOT_WORKBOOK": {"vi": "Tệp nén không chứa sổ tính Excel (không có xl/workbook.xml); hãy gửi đúng tệp biểu mẫu",
                          "en": "The archive holds no Excel workbook (no xl/workbook.xml); send the form's file"},
    "FILE_ENCRYPTED": {"vi": "Tệp Excel được đặt mật khẩu mở tệp nên không đọc được; hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại",
                       "en": "The workbook is password-protected and cannot be read; remove the password and send it again"},
    "FILE_LEGACY_XLS": {"vi": "Tệp ở định dạng Excel 97-2003 (.xls); đã đọc, nhưng lần sau hãy lưu dạng .xlsx",
                        "en": "The file is in the Excel 97-2003 format (.xls); it was read, but save as .xlsx next time"},
    "LIMIT_PARTS": {"vi": "Tệp có {count} thành phần bên trong, vượt giới hạn {limit} (max_parts); tệp không bình thường nên không đọc",
                    "en": "The file has {count} internal parts, over the limit of {limit} (max_parts); not read"},
    "LIMIT_PART_SIZE": {"vi": "Thành phần '{part}' giải nén ra {size} byte, vượt giới hạn {limit} byte (max_part_bytes); không đọc",
                        "en": "Part '{part}' decompresses to {size} bytes, over the limit of {limit} bytes (max_part_bytes); not read"},
    "LIMIT_TOTAL_SIZE": {"vi": "Tổng dung lượng giải nén {size} byte vượt giới hạn {limit} byte (max_total_bytes); không đọc",
                         "en": "The parts decompress to {size} bytes in all, over the limit of {limit} bytes (max_total_bytes); not read"},
    "LIMIT_RATIO": {"vi": "Thành phần '{part}' có tỷ lệ nén {ratio}:1, vượt giới hạn {limit}:1 (max_ratio): nghi là “bom nén”, không đọc",
                    "en": "Part '{part}' has a compression ratio of {ratio}:1, over the limit of {limit}:1 (max_ratio): a likely zip bomb, not read"},
    "ZIP_PATH_TRAVERSAL": {"vi": "Tệp chứa thành phần có tên nguy hiểm '{part}' (trỏ ra ngoài thư mục); tệp bị từ chối",
                           "en": "The file holds a part with a dangerous name '{part}' (pointing outside its folder); rejected"},
    "XML_DTD": {"vi": "Thành phần '{part}' chứa khai báo DOCTYPE/ENTITY (có thể là tấn công mở rộng thực thể XML); tệp bị từ chối",
                "en": "Part '{part}' contains a DOCTYPE/ENTITY declaration (a possible XML entity attack); rejected"},
    "LIMIT_SHEET_CELLS": {"vi": "Thành phần '{part}' dùng tới ô {cell} ({size} ô), vượt giới hạn {limit} ô (max_sheet_cells); hãy xóa các dòng, cột thừa ở cuối trang tính rồi gửi lại",
                          "en": "Part '{part}' reaches cell {cell} ({size} cells), over the limit of {limit} cells (max_sheet_cells); delete the extra rows and columns at the end of the sheet and send it again"},
    "FILE_STRUCTURE": {"vi": "Tệp có cấu trúc bất thường, không phải do Excel tạo ra ({detail}); hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
                       "en": "The file has an unusual structure, not one Excel writes ({detail}); open it in Excel, save it again and send it"},
    "XML_PROLOG": {"vi": "Phần mở đầu của '{part}' dài bất thường (quá {limit} byte, xml_head_bytes); tệp bị từ chối",
                   "en": "The prolog of '{part}' is abnormally long (over {limit} bytes, xml_head_bytes); rejected"},
}
