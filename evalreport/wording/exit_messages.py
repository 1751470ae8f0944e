"""Messages of a command that could not finish (exit code 3), in Vietnamese and English.

One line each, said instead of a traceback; the traceback goes to the workspace's log file,
which the line names when it helps whoever will investigate."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "EXIT_DISK_FULL": {
        "vi": "Đĩa đầy: không ghi được vào {path}; hãy giải phóng dung lượng rồi chạy lại "
              "(các báo cáo cũ vẫn giữ nguyên)",
        "en": "Disk full: could not write to {path}; free some space and run again "
              "(the previous reports are kept as they were)",
    },
    "EXIT_NOT_WRITABLE": {
        "vi": "Không ghi được vào {path}: không có quyền ghi hoặc ổ đĩa chỉ cho đọc; hãy kiểm tra quyền "
              "của thư mục rồi chạy lại",
        "en": "Could not write to {path}: no permission or a read-only disk; check the folder's permissions "
              "and run again",
    },
    "EXIT_IO_ERROR": {
        "vi": "Lỗi đọc/ghi tệp {path}: {reason}; chi tiết ghi trong {log}",
        "en": "Could not read or write {path}: {reason}; details in {log}",
    },
    "EXIT_LOCKED": {
        "vi": "Thư mục làm việc đang được dùng bởi {holder}; hãy đợi lệnh đó xong rồi chạy lại",
        "en": "The workspace is in use by {holder}; wait for it to finish and run again",
    },
    "EXIT_UNEXPECTED": {
        "vi": "Lỗi không mong đợi ({error}); chi tiết ghi trong {log}",
        "en": "Unexpected error ({error}); details in {log}",
    },
    "EXIT_NO_LOG": {
        "vi": "(không ghi được tệp nhật ký)",
        "en": "(the log file could not be written)",
    },
    "EXIT_LOCK_HOLDER": {
        "vi": "tiến trình {pid} trên máy {host} (lệnh '{command}', từ {started})",
        "en": "process {pid} on {host} (command '{command}', since {started})",
    },
    "EXIT_LOCK_SOMEONE": {
        "vi": "một tiến trình khác",
        "en": "another process",
    },
    "EXIT_CODES_HELP": {
        "vi": "Mã thoát: 0 xong, không có lỗi; 1 xong, nhưng có lỗi khiến một số đơn vị hoặc tệp không được "
              "tổng hợp, hoặc có tệp chờ xử lý; 2 dùng sai lệnh hoặc cấu hình sai; 3 không chạy xong được (đĩa đầy, không ghi được, "
              "thư mục làm việc đang bận, lỗi không mong đợi; chi tiết trong logs/ của thư mục làm việc).",
        "en": "Exit codes: 0 done, clean; 1 done, but errors keep some units or files out of the totals, or files are held as pending; "
              "2 wrong usage or configuration; 3 could not finish (disk full, cannot write, workspace busy, "
              "unexpected error; details in the workspace's logs/).",
    },
}
