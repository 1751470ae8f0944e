"""Finding messages of the submission reader (Vietnamese first, English selectable).

Looked up through :mod:`evalreport.wording.catalog`; each says what is wrong and what the officer should do.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    "FILE_UNREADABLE": {
        "vi": "Không mở được tệp '{name}': {reason}",
        "en": "Cannot open the file '{name}': {reason}",
    },
    "READ_UNEXPECTED": {
        "vi": "Lỗi ngoài dự kiến khi đọc tệp ({reason}); tệp chưa được tổng hợp, hãy báo bộ phận kỹ thuật",
        "en": "Unexpected error while reading the file ({reason}); it was not consolidated, please report it",
    },
    "META_MISSING": {
        "vi": "Tệp không phải biểu mẫu do evalreport phát hành, hoặc trang thông tin ẩn '_evalreport' đã bị xóa; "
              "hãy nhập số liệu vào biểu mẫu gốc được gửi xuống",
        "en": "The file is not a form issued by evalreport, or its hidden '_evalreport' sheet was deleted; "
              "fill in the original form you received",
    },
    "META_EDITED": {
        "vi": "Trang thông tin ẩn của biểu mẫu đã bị sửa hoặc hỏng ({reason}), không thể biết số liệu nằm ở ô nào; "
              "hãy nhập lại vào biểu mẫu gốc",
        "en": "The form's hidden information sheet was edited or damaged ({reason}), so the value cells cannot be "
              "trusted; fill in the original form again",
    },
    "META_SCHEMA": {
        "vi": "Biểu mẫu dùng định dạng thông tin phiên bản '{version}', chương trình chỉ đọc phiên bản {expected}; "
              "hãy dùng biểu mẫu mới",
        "en": "The form's metadata schema is version '{version}'; this program reads version {expected}; "
              "use a current form",
    },
    "FORM_UNKNOWN": {
        "vi": "Biểu mẫu '{form}' không được hỗ trợ (các biểu mẫu đang dùng: {known})",
        "en": "Form '{form}' is not supported (forms in use: {known})",
    },
    "FORM_VERSION_UNKNOWN": {
        "vi": "Biểu mẫu {form} phiên bản '{version}' không còn được dùng (phiên bản hiện hành: {expected}); "
              "hãy nhập số liệu vào biểu mẫu mới",
        "en": "Form {form} version '{version}' is not in use (current version: {expected}); "
              "fill in the current form",
    },
    "META_LAYOUT": {
        "vi": "Cấu trúc biểu mẫu không khớp với định nghĩa {form} phiên bản {version} ({detail}); "
              "biểu mẫu đã bị chỉnh sửa, hãy dùng biểu mẫu gốc",
        "en": "The workbook's layout does not match form {form} version {version} ({detail}); "
              "it was altered, use the original form",
    },
    "SHEET_MISSING": {
        "vi": "Không tìm thấy trang tính số liệu '{sheet}' (đã bị xóa hoặc đổi tên)",
        "en": "The data sheet '{sheet}' is missing (deleted or renamed)",
    },
    "SHEET_HIDDEN": {
        "vi": "Trang tính số liệu '{sheet}' đang bị ẩn; số liệu vẫn được đọc",
        "en": "The data sheet '{sheet}' is hidden; its values were read anyway",
    },
    "FIELD_MISSING": {
        "vi": "Không tìm thấy dòng chỉ tiêu “{label}” ({code}, ô gốc {expected}): dòng đã bị xóa hoặc mã ở cột A "
              "bị sửa",
        "en": "The row of “{label}” ({code}, originally {expected}) is gone: deleted, or its code in column A "
              "was changed",
    },
    "FIELD_MOVED": {
        "vi": "Chỉ tiêu “{label}” ({code}) không còn ở ô {expected} mà ở ô {actual} (có dòng hoặc cột bị chèn/xóa); "
              "đã đọc theo mã chỉ tiêu",
        "en": "“{label}” ({code}) is no longer in {expected} but in {actual} (rows or columns were "
              "inserted/deleted); read by its code",
    },
    "VALUE_BLANK": {
        "vi": "Ô {cell} (“{label}”) để trống; nếu không có, hãy nhập 0",
        "en": "Cell {cell} (“{label}”) is blank; type 0 if there are none",
    },
    "VALUE_TEXT": {
        "vi": "Ô {cell} (“{label}”) ghi “{raw}”, không phải là số; hãy nhập số nguyên, ví dụ 12",
        "en": "Cell {cell} (“{label}”) holds “{raw}”, which is not a number; type a whole number such as 12",
    },
    "VALUE_ERROR": {
        "vi": "Ô {cell} (“{label}”) chứa lỗi Excel {raw}; hãy sửa công thức hoặc nhập số",
        "en": "Cell {cell} (“{label}”) holds the Excel error {raw}; fix the formula or type the number",
    },
    "VALUE_DATE": {
        "vi": "Ô {cell} (“{label}”) là ngày tháng ({raw}), không phải số lượng; hãy định dạng ô là Số rồi nhập lại",
        "en": "Cell {cell} (“{label}”) holds a date ({raw}), not a count; format it as Number and retype",
    },
    "VALUE_BOOLEAN": {
        "vi": "Ô {cell} (“{label}”) ghi {raw} (đúng/sai), không phải số lượng; hãy nhập số",
        "en": "Cell {cell} (“{label}”) holds {raw} (true/false), not a count; type the number",
    },
    "VALUE_NEGATIVE": {
        "vi": "Ô {cell} (“{label}”) là số âm ({raw}); số lượng phải từ 0 trở lên",
        "en": "Cell {cell} (“{label}”) is negative ({raw}); counts are 0 or more",
    },
    "VALUE_FRACTION": {
        "vi": "Ô {cell} (“{label}”) là số lẻ ({raw}); số lượng phải là số nguyên",
        "en": "Cell {cell} (“{label}”) is a fraction ({raw}); counts are whole numbers",
    },
    "VALUE_TOO_LARGE": {
        "vi": "Ô {cell} (“{label}”) có số {raw} lớn bất thường (trên {max}); hãy kiểm tra lại",
        "en": "Cell {cell} (“{label}”) holds {raw}, implausibly large (over {max}); check it",
    },
    "VALUE_FORMULA": {
        "vi": "Ô {cell} (“{label}”) là công thức chưa có kết quả tính (tệp do chương trình tạo, chưa mở bằng Excel); "
              "hãy mở tệp bằng Excel, lưu lại rồi gửi",
        "en": "Cell {cell} (“{label}”) is a formula without a computed value (written by a program, never opened "
              "in Excel); open it in Excel, save and send again",
    },
    "CHILD_MISSING": {
        "vi": "Bảng xếp loại không còn dòng của tổ chức {code} ({name}): dòng đã bị xóa hoặc mã bị sửa",
        "en": "The rating table no longer has the row of {code} ({name}): deleted, or its code was changed",
    },
    "CHILD_MOVED": {
        "vi": "Dòng xếp loại của tổ chức {code} đã chuyển từ dòng {expected} sang dòng {actual}; đã đọc theo mã",
        "en": "The rating row of {code} moved from row {expected} to row {actual}; read by its code",
    },
    "CHILD_TSVM_UNREADABLE": {
        "vi": "Cột TSVM của tổ chức {code} ghi “{raw}”, không rõ là có hay không; đã coi là không",
        "en": "The TSVM column of {code} says “{raw}”, neither yes nor no; read as no",
    },
    "UNIT_MISSING": {
        "vi": "Chưa ghi mã đơn vị ở phần đầu biểu mẫu",
        "en": "The unit code at the top of the form is empty",
    },
    "PERIOD_INVALID": {
        "vi": "Kỳ báo cáo “{raw}” không hợp lệ cho biểu mẫu này (kiểu kỳ: {types}); ví dụ 2025, 2025-Q3, 2025-11",
        "en": "Period “{raw}” is not valid for this form (period types: {types}); e.g. 2025, 2025-Q3, 2025-11",
    },
}
