"""Messages of the unit list (hierarchy) checks, in Vietnamese and English.

Looked up through :mod:`evalreport.wording.catalog`, which merges every topic's table.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- unit list ---------------------------------------------------------------------------
    "HIER_MISSING_COLUMN": {
        "vi": "Danh sách đơn vị thiếu cột bắt buộc '{column}' (cần: ma_don_vi, ten_don_vi, cap, ma_cap_tren)",
        "en": "The unit list lacks the required column '{column}' (needed: ma_don_vi, ten_don_vi, cap, ma_cap_tren)",
    },
    "HIER_EMPTY_CODE": {
        "vi": "Dòng {row}: thiếu mã đơn vị",
        "en": "Row {row}: the unit code is empty",
    },
    "HIER_DUPLICATE": {
        "vi": "Dòng {row}: mã đơn vị '{code}' trùng với dòng {first_row}",
        "en": "Row {row}: unit code '{code}' duplicates row {first_row}",
    },
    "HIER_UNKNOWN_LEVEL": {
        "vi": "Dòng {row}: cấp '{level}' của đơn vị '{code}' không có trong cấu hình cấp ({levels})",
        "en": "Row {row}: level '{level}' of unit '{code}' is not a configured level ({levels})",
    },
    "HIER_UNKNOWN_PARENT": {
        "vi": "Dòng {row}: đơn vị '{code}' có mã cấp trên '{parent}' không có trong danh sách",
        "en": "Row {row}: unit '{code}' names parent '{parent}', which is not in the list",
    },
    "HIER_SEVERAL_ROOTS": {
        "vi": "Danh sách có {count} đơn vị gốc (không có cấp trên): {codes}; chỉ được có một",
        "en": "The list has {count} root units (no parent): {codes}; there must be exactly one",
    },
    "HIER_NO_ROOT": {
        "vi": "Danh sách không có đơn vị gốc (đơn vị có ma_cap_tren để trống)",
        "en": "The list has no root unit (one whose ma_cap_tren is empty)",
    },
    "HIER_CYCLE": {
        "vi": "Dòng {row}: đơn vị '{code}' nằm trong một vòng cấp trên khép kín: {cycle}",
        "en": "Row {row}: unit '{code}' is in a cycle of parents: {cycle}",
    },
    "HIER_LEVEL_ORDER": {
        "vi": "Dòng {row}: đơn vị '{code}' ở cấp '{level}' không thể trực thuộc '{parent}' ở cấp '{parent_level}'",
        "en": "Row {row}: unit '{code}' at level '{level}' cannot sit under '{parent}' at level '{parent_level}'",
    },
    "HIER_LEADING_ZERO": {
        "vi": "Dòng {row}: mã '{raw}' có vẻ đã mất số 0 ở đầu (Excel lưu thành số); đã đọc thành '{code}'. Hãy định dạng cột mã là Văn bản",
        "en": "Row {row}: code '{raw}' seems to have lost its leading zero (stored as a number); read as '{code}'. Format the code column as Text",
    },
    "HIER_SPACES": {
        "vi": "Dòng {row}: mã '{raw}' có khoảng trắng thừa; đã đọc thành '{code}'",
        "en": "Row {row}: code '{raw}' has stray spaces; read as '{code}'",
    },
    "HIER_FILE": {
        "vi": "Không đọc được danh sách đơn vị '{path}': {reason}",
        "en": "Cannot read the unit list '{path}': {reason}",
    },
    # -- validity over time (hieu_luc_tu, hieu_luc_den, ke_thua) --
    "HIER_DATE_INVALID": {
        "vi": "Dòng {row}: cột '{column}' của đơn vị '{code}' ghi “{text}”, không phải là một ngày (viết ngày/tháng/năm, ví dụ 01/07/2025)",
        "en": "Row {row}: column '{column}' of unit '{code}' says “{text}”, which is not a date (write day/month/year, e.g. 01/07/2025)",
    },
    "HIER_DATES_REVERSED": {
        "vi": "Dòng {row}: đơn vị '{code}' hết hiệu lực ({end}) trước khi có hiệu lực ({start}); đã bỏ qua ngày hết hiệu lực",
        "en": "Row {row}: unit '{code}' ends ({end}) before it starts ({start}); the end date is ignored",
    },
    "HIER_OVERLAP": {
        "vi": "Dòng {row}: mã đơn vị '{code}' có hiệu lực ({validity}) trùng thời gian với dòng {first_row} ({first_validity}); mỗi mã chỉ được có một dòng hiệu lực tại một thời điểm",
        "en": "Row {row}: unit code '{code}' is valid ({validity}) at the same time as row {first_row} ({first_validity}); a code may have only one valid row at a time",
    },
    "HIER_UNKNOWN_PREDECESSOR": {
        "vi": "Dòng {row}: đơn vị '{code}' kế thừa '{predecessor}', mã này không có trong danh sách",
        "en": "Row {row}: unit '{code}' succeeds '{predecessor}', which is not in the list",
    },
    "HIER_SUCCESSION_CYCLE": {
        "vi": "Dòng {row}: đơn vị '{code}' nằm trong một vòng kế thừa khép kín: {cycle}",
        "en": "Row {row}: unit '{code}' is in a cycle of successions: {cycle}",
    },
}
