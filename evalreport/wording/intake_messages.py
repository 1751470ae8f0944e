"""Messages about an inbox entry that could not be taken in as a file, in Vietnamese and English:
a link or device, a file gone or changed while it was read, a file that stopped the reader."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "FILE_LINK": {
        "vi": "'{file}' là tệp liên kết (hoặc thiết bị, ống dẫn), không đọc; hãy chép chính tệp Excel vào thư mục nhận",
        "en": "'{file}' is a link (or a device, a pipe), not read; copy the Excel file itself into the inbox",
    },
    "FILE_VANISHED": {
        "vi": "Tệp '{file}' đã bị xóa hoặc di chuyển trong lúc đang nhận; hãy chép lại tệp vào thư mục nhận",
        "en": "File '{file}' was deleted or moved while it was being received; copy it into the inbox again",
    },
    "FILE_CHANGED": {
        "vi": "Tệp '{file}' thay đổi trong lúc đang đọc (có thể đang được chép vào); chưa nhận, sẽ đọc lại ở lần sau",
        "en": "File '{file}' changed while it was being read (still being copied?); not received, it is read again "
              "next time",
    },
    "FILE_UNREADABLE_OS": {
        "vi": "Không đọc được tệp '{file}': {reason}; hãy kiểm tra quyền truy cập rồi chép lại tệp",
        "en": "File '{file}' cannot be read: {reason}; check its permissions and copy it again",
    },
    "READ_CRASHED": {
        "vi": "Tệp '{file}' không đọc được: trình đọc bị dừng khi mở tệp (tệp có cấu trúc bất thường); "
              "hãy mở tệp bằng Excel, lưu lại rồi gửi lại",
        "en": "File '{file}' could not be read: the reader was stopped while opening it (an unusual structure); "
              "open it in Excel, save it again and send it",
    },
}
