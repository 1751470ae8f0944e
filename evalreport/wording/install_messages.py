"""Messages of ``evalreport bundle`` (the offline install folder), in Vietnamese and English."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "BUNDLE_STEP_OWN_WHEEL": {"vi": "Đóng gói evalreport", "en": "Building evalreport's wheel"},
    "BUNDLE_STEP_DOWNLOAD": {"vi": "Tải các gói phụ thuộc", "en": "Downloading the dependencies"},
    "BUNDLE_STEP_CLOSE": {"vi": "Bổ sung gói riêng của nền tảng đích",
                          "en": "Adding the target platform's own dependencies"},
    "BUNDLE_STEP_FILES": {"vi": "Chép bảng điều khiển và tệp cài đặt",
                          "en": "Copying the panel and the install scripts"},
    "BUNDLE_STEP_ZIP": {"vi": "Nén thành tệp .zip", "en": "Writing the .zip"},
    "BUNDLE_DONE": {"vi": "Đã tạo gói cài đặt: {folder} ({wheels} gói, {size} MB) và {zip}",
                    "en": "Offline install written: {folder} ({wheels} wheels, {size} MB) and {zip}"},
    "BUNDLE_TARGET": {"vi": "Dành cho: {target}", "en": "For: {target}"},
    "BUNDLE_NEXT": {"vi": "Trên máy cán bộ: giải nén {zip} rồi bấm đúp {script}",
                    "en": "On the officer's PC: unzip {zip} and double-click {script}"},
    "BUNDLE_NO_SOURCE": {
        "vi": "Không tìm thấy mã nguồn evalreport (tệp pyproject.toml) ở '{source}'; hãy chỉ rõ bằng --source",
        "en": "No evalreport source tree (pyproject.toml) at '{source}'; name it with --source",
    },
    "BUNDLE_NO_WORKBOOK": {
        "vi": "Không tìm thấy bảng điều khiển Excel '{workbook}'; hãy chỉ rõ bằng --workbook",
        "en": "The Excel panel '{workbook}' does not exist; name it with --workbook",
    },
    "BUNDLE_BUILD_FAILED": {
        "vi": "pip không đóng gói được evalreport (mã lỗi {code}). Máy này có kết nối tới kho gói Python không?\n{detail}",
        "en": "pip could not build evalreport's wheel (exit code {code}). Can this machine reach the package index?\n{detail}",
    },
    "BUNDLE_DOWNLOAD_FAILED": {
        "vi": "pip không tải được các gói phụ thuộc (mã lỗi {code}). Máy này có kết nối tới kho gói Python không?\n{detail}",
        "en": "pip could not download the dependencies (exit code {code}). Can this machine reach the package index?\n{detail}",
    },
    "BUNDLE_UNMET": {
        "vi": "Sau {rounds} lượt tải vẫn thiếu gói cho {target}: {missing}",
        "en": "After {rounds} rounds of downloads, {target} still lacks: {missing}",
    },
    "BUNDLE_FOREIGN": {
        "vi": "Các gói sau không cài được trên {target}: {wheels}",
        "en": "These wheels do not install on {target}: {wheels}",
    },
    "BUNDLE_OUT_NOT_EMPTY": {
        "vi": "Thư mục '{folder}' đã có và không trống; hãy chọn thư mục khác hoặc xoá nó",
        "en": "The folder '{folder}' exists and is not empty; choose another or delete it",
    },
}
