"""The instructions sheet an officer reads before filling in a form workbook.

Its text is built from the form definition (field codes, checks, ratings) so it never drifts
from what the reader and the rules actually enforce.
"""

from __future__ import annotations

import datetime as dt
import re

from openpyxl.worksheet.worksheet import Worksheet

from evalreport.form.definition import FormDefinition, RuleDef
from evalreport.form.layout import FormLayout
from evalreport.render.workbook.template_styles import PLAIN, SECTION, TITLE, protect_a4_portrait
from evalreport.wording.numbers import fmt_date

__all__ = ["write_instructions", "TSVM_YES"]

#: What the TSVM drop-down offers (the reader also accepts x, yes, 1, có/co).
TSVM_YES = {"vi": "Có", "en": "Yes"}

_TEXT = {
    "vi": {
        "title": "HƯỚNG DẪN NHẬP BIỂU MẪU {code}",
        "steps": "Các bước",
        "s1": "1. Chỉ nhập vào các ô màu vàng của trang “{sheet}”; các ô khác đã được khóa.",
        "s2": "2. Mỗi ô số lượng là một số nguyên không âm (0, 1, 2, …). Không để trống: nếu không có, nhập 0.",
        "s3": "3. Không thêm, xóa, di chuyển dòng, cột hay trang tính; không sửa cột A (mã chỉ tiêu).",
        "s4": "4. Lưu tệp dạng .xlsx (Excel Workbook) và gửi cho cấp trên đúng hạn.",
        "s_blank": "0. Biểu mẫu trống: nhập mã đơn vị, tên đơn vị và kỳ báo cáo (ví dụ 2025, 2025-Q3) ở phần đầu.",
        "checks": "Số liệu phải khớp (cấp trên kiểm tra tự động khi tổng hợp)",
        "ratings": "Xếp loại tổ chức đảng trực thuộc (cột “Xếp loại”)",
        "tsvm": "Cột “TSVM tiêu biểu”: chọn “{yes}” nếu tổ chức được công nhận {label}; chỉ áp dụng khi xếp loại {allowed}.",
        "reason": "Cột “Lý do”: bắt buộc khi chọn {codes}.",
        "protect": "Các trang tính được bảo vệ không đặt mật khẩu, chỉ để tránh sửa nhầm; đừng bỏ bảo vệ.",
        "deadline": "Hạn gửi báo cáo: {date}. Báo cáo gửi sau hạn được ghi là nộp muộn.",
    },
    "en": {
        "title": "HOW TO FILL IN FORM {code}",
        "steps": "Steps",
        "s1": "1. Type only into the yellow cells of sheet “{sheet}”; all other cells are locked.",
        "s2": "2. Every count is a whole number ≥ 0 (0, 1, 2, …). Leave nothing blank: type 0 for none.",
        "s3": "3. Do not insert, delete or move rows, columns or sheets; do not change column A (field codes).",
        "s4": "4. Save as .xlsx (Excel Workbook) and send it to the upper level on time.",
        "s_blank": "0. Blank form: type the unit code, unit name and period (e.g. 2025, 2025-Q3) at the top.",
        "checks": "Numbers must agree (the upper level checks them automatically)",
        "ratings": "Ratings of subordinate organizations (column “Rating”)",
        "tsvm": "Column “TSVM”: choose “{yes}” if the organization is {label}; only with rating {allowed}.",
        "reason": "Column “Reason”: required with {codes}.",
        "protect": "Sheets are protected without a password, only against accidental edits; keep protection on.",
        "deadline": "Deadline: {date}. A report received later is recorded as late.",
    },
}


_CHARS_PER_LINE = 90


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def _in_words(rule: RuleDef, form: FormDefinition, lang: str) -> str:
    """A rule's check as an officer reads it: the form's own sentence (``explain``) or, for a rule
    that has none, the check with each field code replaced by its label and ``=``/``≤`` for
    ``==``/``<=``; never the bare expression."""
    if rule.explain is not None:
        return rule.explain.get(lang)
    fields = set(form.field_codes)
    words = _IDENTIFIER.sub(lambda m: form.label(m.group(0), lang) if m.group(0) in fields else m.group(0), rule.check)
    return words.replace("==", "=").replace("<=", "≤").replace(">=", "≥").replace("!=", "≠")


def write_instructions(ws: Worksheet, form: FormDefinition, layout: FormLayout, lang: str = "vi",
                       deadline: dt.date | None = None) -> None:
    t = _TEXT.get(lang, _TEXT["vi"])
    lines: list[tuple[str, str]] = [(TITLE, t["title"].format(code=form.code)), (PLAIN, form.title.get(lang)),
                                    ("", ""), (SECTION, t["steps"])]
    if layout.is_blank:
        lines.append((PLAIN, t["s_blank"]))
    lines += [(PLAIN, t["s1"].format(sheet=layout.sheet)), (PLAIN, t["s2"]), (PLAIN, t["s3"]), (PLAIN, t["s4"])]
    if deadline is not None:
        lines.append((SECTION, t["deadline"].format(date=fmt_date(deadline, lang))))
    errors = [r for scope in ("submission", "previous_period") for r in form.iter_rules(scope) if r.severity == "error"]
    if errors:
        lines += [("", ""), (SECTION, t["checks"])]
        lines += [(PLAIN, "• " + _in_words(r, form, lang)) for r in errors]
    org = form.organizations
    if org is not None and layout.children is not None:
        lines += [("", ""), (SECTION, t["ratings"])]
        lines += [(PLAIN, f"• {r.code}: {r.label.get(lang)}") for r in org.ratings]
        lines.append((PLAIN, t["tsvm"].format(yes=TSVM_YES.get(lang, TSVM_YES["vi"]), label=org.tsvm.label.get(lang),
                                              allowed=", ".join(org.tsvm.allowed_with))))
        need_reason = [r.code for r in org.ratings if r.reason_required]
        if need_reason:
            lines.append((PLAIN, t["reason"].format(codes=", ".join(need_reason))))
    lines += [("", ""), (PLAIN, t["protect"])]
    for i, (style, text) in enumerate(lines, start=1):
        if not text:
            continue
        cell = ws.cell(row=i, column=1, value=text)
        cell.style = style
        if len(text) > _CHARS_PER_LINE:  # spreadsheet programs do not grow wrapped rows by themselves
            ws.row_dimensions[i].height = 16 * (1 + len(text) // _CHARS_PER_LINE)
    ws.column_dimensions["A"].width = 75  # wider than A4 portrait's text width: LibreOffice clips it
    protect_a4_portrait(ws)
