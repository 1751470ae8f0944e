"""Messages of the workspace (ledger events an officer should see), in Vietnamese and English."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # the ledger was written by a newer evalreport (store/ledger.py LedgerError)
    "LEDGER_NEWER": {
        "vi": "Sổ theo dõi {path} đã được ghi bởi một phiên bản evalreport mới hơn phiên bản đang cài (cấu trúc sổ "
              "số {found}, phiên bản này chỉ đọc được đến số {known}); chưa có gì bị thay đổi. Hãy cập nhật "
              "evalreport: bấm đúp tệp cai-dat.cmd trong gói cài đặt mới nhất (hướng dẫn: docs/vi/cai-dat.md), "
              "rồi chạy lại",
        "en": "{path}: the ledger has schema version {found}, newer than this evalreport understands ({known}); "
              "nothing was changed. Update evalreport: double-click cai-dat.cmd in the newest install bundle "
              "(guide: docs/vi/cai-dat.md), then run again",
    },
    "WS_DUPLICATE_FILE": {
        "vi": "Tệp '{file}' có nội dung trùng hoàn toàn với tệp '{original}' đã nhận lúc {received}; "
              "không tính hai lần",
        "en": "File '{file}' has exactly the same content as '{original}', received at {received}; "
              "it is not counted twice",
    },
    "WS_REPLACED": {
        "vi": "Tệp '{file}' là phiên bản {version} của đơn vị {unit} kỳ {period}, thay thế tệp '{previous}' "
              "trong số liệu tổng hợp (tệp cũ vẫn được lưu)",
        "en": "File '{file}' is version {version} for unit {unit}, period {period}; it replaces '{previous}' "
              "in the totals (the old file is kept)",
    },
    "WS_UNREADABLE": {
        "vi": "Không nhận diện được tệp '{file}' là báo cáo của đơn vị nào, kỳ nào; tệp không được tổng hợp",
        "en": "File '{file}' cannot be identified as a report of a unit and period; it is not consolidated",
    },
    "WS_MISSING": {
        "vi": "Chưa nhận được báo cáo {form} kỳ {period} của {unit_name} ({unit})",
        "en": "No {form} report for period {period} received from {unit_name} ({unit})",
    },
    "WS_LATE": {
        "vi": "Báo cáo của {unit_name} ({unit}) nhận lúc {received}, sau hạn {deadline}",
        "en": "The report of {unit_name} ({unit}) was received at {received}, after the deadline {deadline}",
    },
    "PUBLISH_FILE_IN_USE": {
        "vi": "Không thay được báo cáo vì tệp {file} đang mở trong Word/Excel; hãy đóng tệp rồi chạy lại "
              "(các báo cáo cũ trong {folder} vẫn giữ nguyên)",
        "en": "The reports could not be replaced because {file} is open in Word/Excel; close it and run again "
              "(the previous reports in {folder} are kept as they were)",
    },
    "PUBLISH_FOLDER_IN_USE": {
        "vi": "Không thay được báo cáo vì một tệp trong {folder} đang mở trong Word/Excel; hãy đóng tệp rồi "
              "chạy lại (các báo cáo cũ vẫn giữ nguyên)",
        "en": "The reports could not be replaced because a file in {folder} is open in Word/Excel; close it "
              "and run again (the previous reports are kept as they were)",
    },
}
