"""Words of the form workbooks officers fill in (``TPL_*``), in Vietnamese and English: the
headings and column labels of the form sheet, its input checks, the instructions sheet and the
report form's head and signature lines (also on the summary workbook's sheets).

Looked up with :func:`evalreport.wording.catalog.text` like every other text. A template's bytes
depend on these words, and a template cloned from another unit's must equal one written whole
(``tests/render/test_template_clone.py``), so both are worded from here. Field, section and rating
labels are not here: they come from the form definition."""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # the form sheet (render/workbook/template_writer.py, form/layout.py)
    "TPL_UNIT_CODE": {"vi": "Mã đơn vị", "en": "Unit code"},
    "TPL_UNIT_NAME": {"vi": "Tên đơn vị", "en": "Unit name"},
    "TPL_LEVEL": {"vi": "Cấp", "en": "Level"},
    "TPL_PERIOD": {"vi": "Kỳ báo cáo", "en": "Period"},
    "TPL_FIELD_CODE": {"vi": "Mã chỉ tiêu", "en": "Field code"},
    "TPL_FIELD": {"vi": "Chỉ tiêu", "en": "Item"},
    "TPL_VALUE": {"vi": "Số lượng", "en": "Count"},
    "TPL_NOTE": {"vi": "Ghi chú", "en": "Note"},
    "TPL_CHILD_CODE": {"vi": "Mã đơn vị", "en": "Unit code"},
    "TPL_CHILD_NAME": {"vi": "Tên tổ chức đảng", "en": "Organization"},
    "TPL_RATING": {"vi": "Xếp loại", "en": "Rating"},
    "TPL_TSVM": {"vi": "TSVM tiêu biểu", "en": "TSVM"},
    "TPL_REASON": {"vi": "Lý do (nếu không đánh giá)", "en": "Reason (if not rated)"},
    "TPL_SUMMARY": {"vi": "(báo cáo tổng hợp)", "en": "(summary)"},
    "TPL_LEGEND": {"vi": "Xếp loại: {items}", "en": "Ratings: {items}"},
    "TPL_DEEPER_LEVELS": {
        "vi": "TỔ CHỨC ĐẢNG CÁC CẤP TRONG ĐẢNG BỘ (số liệu tổng hợp từ cấp dưới)",
        "en": "ORGANIZATIONS AT DEEPER LEVELS (totals carried up from below)",
    },
    # what the TSVM drop-down offers (the reader also accepts x, yes, 1, có/co)
    "TPL_TSVM_YES": {"vi": "Có", "en": "Yes"},
    # Excel's message when a typed value breaks a cell's validation
    "TPL_INVALID": {"vi": "Giá trị không hợp lệ", "en": "Invalid value"},
    "TPL_COUNT_ERROR": {"vi": "Nhập số nguyên từ 0 đến {max}", "en": "Type a whole number from 0 to {max}"},
    "TPL_RATING_ERROR": {"vi": "Chọn một mức xếp loại trong danh sách", "en": "Choose a rating from the list"},
    # the instructions sheet (render/workbook/template_instructions.py)
    "TPL_INSTRUCTIONS_SHEET": {"vi": "Hướng dẫn", "en": "Instructions"},
    "TPL_HOW_TITLE": {"vi": "HƯỚNG DẪN NHẬP BIỂU MẪU {code}", "en": "HOW TO FILL IN FORM {code}"},
    "TPL_HOW_STEPS": {"vi": "Các bước", "en": "Steps"},
    "TPL_HOW_BLANK": {
        "vi": "0. Biểu mẫu trống: nhập mã đơn vị, tên đơn vị và kỳ báo cáo (ví dụ 2025, 2025-Q3) ở phần đầu.",
        "en": "0. Blank form: type the unit code, unit name and period (e.g. 2025, 2025-Q3) at the top.",
    },
    "TPL_HOW_YELLOW": {
        "vi": "1. Chỉ nhập vào các ô màu vàng của trang “{sheet}”; các ô khác đã được khóa.",
        "en": "1. Type only into the yellow cells of sheet “{sheet}”; all other cells are locked.",
    },
    "TPL_HOW_COUNTS": {
        "vi": "2. Mỗi ô số lượng là một số nguyên không âm (0, 1, 2, …). Không để trống: nếu không có, nhập 0.",
        "en": "2. Every count is a whole number ≥ 0 (0, 1, 2, …). Leave nothing blank: type 0 for none.",
    },
    "TPL_HOW_LAYOUT": {
        "vi": "3. Không thêm, xóa, di chuyển dòng, cột hay trang tính; không sửa cột A (mã chỉ tiêu).",
        "en": "3. Do not insert, delete or move rows, columns or sheets; do not change column A (field codes).",
    },
    "TPL_HOW_SEND": {
        "vi": "4. Lưu tệp dạng .xlsx (Excel Workbook) và gửi cho cấp trên đúng hạn.",
        "en": "4. Save as .xlsx (Excel Workbook) and send it to the upper level on time.",
    },
    "TPL_HOW_DEADLINE": {
        "vi": "Hạn gửi báo cáo: {date}. Báo cáo gửi sau hạn được ghi là nộp muộn.",
        "en": "Deadline: {date}. A report received later is recorded as late.",
    },
    "TPL_HOW_CHECKS": {
        "vi": "Số liệu phải khớp (cấp trên kiểm tra tự động khi tổng hợp)",
        "en": "Numbers must agree (the upper level checks them automatically)",
    },
    "TPL_HOW_RATINGS": {
        "vi": "Xếp loại tổ chức đảng trực thuộc (cột “Xếp loại”)",
        "en": "Ratings of subordinate organizations (column “Rating”)",
    },
    "TPL_HOW_TSVM": {
        "vi": "Cột “TSVM tiêu biểu”: chọn “{yes}” nếu tổ chức được công nhận {label}; chỉ áp dụng khi xếp loại "
              "{allowed}.",
        "en": "Column “TSVM”: choose “{yes}” if the organization is {label}; only with rating {allowed}.",
    },
    "TPL_HOW_REASON": {"vi": "Cột “Lý do”: bắt buộc khi chọn {codes}.", "en": "Column “Reason”: required with {codes}."},
    "TPL_HOW_PROTECT": {
        "vi": "Các trang tính được bảo vệ không đặt mật khẩu, chỉ để tránh sửa nhầm; đừng bỏ bảo vệ.",
        "en": "Sheets are protected without a password, only against accidental edits; keep protection on.",
    },
    # the report form's head and foot (render/workbook/form_blocks.py)
    "TPL_ISSUER": {"vi": "Đơn vị báo cáo: {unit}", "en": "Reporting unit: {unit}"},
    "TPL_RECEIVER": {"vi": "Đơn vị nhận báo cáo: {unit}", "en": "Receiving unit: {unit}"},
    "TPL_FORM_NO": {"vi": "Biểu số: {form}", "en": "Form no.: {form}"},
    "TPL_PERIOD_LINE": {"vi": "Kỳ báo cáo: {period}", "en": "Period: {period}"},
    "TPL_PLACE_DATE": {"vi": "{place}, ngày … tháng … năm …", "en": "{place}, date … month … year …"},
    "TPL_PREPARER": {"vi": "NGƯỜI LẬP BIỂU", "en": "PREPARED BY"},
    "TPL_SIGN_HINT": {"vi": "(Ký, ghi rõ họ tên)", "en": "(Signature and full name)"},
}
