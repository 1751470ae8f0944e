"""Wording of the summary workbook's added sheets, in Vietnamese (default) and English, kept in
one place so the two languages stay in step. Field, share and rating labels are not here: they
come from the form definition; a unit's state is in the one vocabulary of the wording catalog
(evalreport.model.unit_state)."""

from __future__ import annotations

from evalreport.wording.language import language

__all__ = ["TEXT", "text"]

TEXT: dict[str, dict[str, str]] = {
    "vi": {
        "overview": "Tổng hợp", "children": "Đơn vị trực thuộc", "completeness": "Tình hình nộp",
        "findings": "Phát hiện", "change": "So với kỳ trước", "charts": "Biểu đồ",
        "overview_title": "BẢNG TỔNG HỢP {title} {period}",
        "coverage": "Số liệu tổng hợp từ {covered}/{expected} {leaves} của {unit}",
        "members": "I. ĐẢNG VIÊN", "organizations": "II. TỔ CHỨC ĐẢNG ĐƯỢC ĐÁNH GIÁ, XẾP LOẠI",
        "no": "STT", "item": "Chỉ tiêu", "count": "Số lượng", "share": "Tỷ lệ", "of": "Tỷ lệ tính trên",
        "level": "Cấp tổ chức", "total": "Tổng số", "rated": "Được đánh giá", "not_rated": "Không đánh giá",
        "pct": "%", "tsvm": "TSVM tiêu biểu", "good": "Tỷ lệ HTTNV trở lên", "within": "Tỷ lệ HTXSNV/HTTNV trở lên",
        "code": "Mã đơn vị", "name": "Tên đơn vị", "status": "Tình trạng", "members_total": "Tổng số đảng viên",
        "evaluated": "Được đánh giá", "evaluated_pct": "% được đánh giá", "good_count": "HTTNV trở lên",
        "rating_given": "Xếp loại tổ chức", "errors": "Số lỗi (kể cả cấp dưới)", "warnings": "Số cảnh báo (kể cả cấp dưới)", "sum": "Cộng",
        "parent": "Cấp trên", "file": "Tệp", "received_at": "Ngày sửa tệp", "covered": "Đơn vị cơ sở có số liệu",
        "replaced": "Đã được thay thế", "severity": "Mức độ", "sheet": "Trang tính", "cell": "Ô", "rule": "Quy tắc",
        "message": "Nội dung", "error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin",
        "no_findings": "Không có phát hiện nào.", "current": "Kỳ này", "previous": "Kỳ trước",
        "difference": "Chênh lệch", "relative": "Tỷ lệ thay đổi", "outlier": "Biến động bất thường",
        "no_previous": "Chưa có số liệu {period} để so sánh.",
        "not_like": "Hai kỳ không cùng phạm vi đơn vị, không so sánh trực tiếp được: {reasons}.",
        "common_note": "Ba cột cuối so sánh trên {n} đơn vị cơ sở có số liệu cả hai kỳ.",
        "common_current": "Kỳ này (cùng đơn vị)", "common_previous": "Kỳ trước (cùng đơn vị)",
        "common_difference": "Chênh lệch (cùng đơn vị)", "yes": "x", "unit": "Đơn vị",
        "chart_children": "Xếp loại đảng viên theo đơn vị trực thuộc", "chart_members": "Đảng viên theo mức xếp loại",
        "members_axis": "Số đảng viên", "rating": "Mức xếp loại", "quota_note": "Tô đỏ: vượt hạn mức HTXSNV ({limit}) hoặc có lỗi; tô vàng: chưa gửi.",
        "ratio": "{got}/{exp}",
    },
    "en": {
        "overview": "Overview", "children": "Subordinate units", "completeness": "Completeness",
        "findings": "Findings", "change": "Change", "charts": "Charts",
        "overview_title": "SUMMARY TABLE: {title} {period}",
        "coverage": "Figures consolidated from {covered}/{expected} {leaves} of {unit}",
        "members": "I. PARTY MEMBERS", "organizations": "II. RATED PARTY ORGANIZATIONS",
        "no": "No.", "item": "Item", "count": "Count", "share": "Share", "of": "Share of",
        "level": "Level", "total": "Total", "rated": "Rated", "not_rated": "Not rated",
        "pct": "%", "tsvm": "TSVM", "good": "Good or better", "within": "Excellent / good-or-better",
        "code": "Unit code", "name": "Unit name", "status": "Status", "members_total": "Members",
        "evaluated": "Evaluated", "evaluated_pct": "% evaluated", "good_count": "Good or better",
        "rating_given": "Unit rating", "errors": "Errors (incl. below)", "warnings": "Warnings (incl. below)", "sum": "Total",
        "parent": "Parent", "file": "File", "received_at": "File modified", "covered": "Leaf units with data",
        "replaced": "Replaced", "severity": "Severity", "sheet": "Sheet", "cell": "Cell", "rule": "Rule",
        "message": "Message", "error": "Error", "warning": "Warning", "info": "Info",
        "no_findings": "No findings.", "current": "This period", "previous": "Previous period",
        "difference": "Difference", "relative": "Relative change", "outlier": "Outlier",
        "no_previous": "There are no figures for {period} to compare with.",
        "not_like": "The two periods do not cover the same units and are not compared directly: {reasons}.",
        "common_note": "The last three columns compare over the {n} leaf units with figures in both periods.",
        "common_current": "This period (same units)", "common_previous": "Previous period (same units)",
        "common_difference": "Difference (same units)", "yes": "x", "unit": "Unit",
        "chart_children": "Members by rating and subordinate unit", "chart_members": "Members by rating",
        "members_axis": "Members", "rating": "Rating", "quota_note": "Red: excellent above the quota ({limit}) or errors; amber: missing.",
        "ratio": "{got}/{exp}",
    },
}


def text(lang: str) -> dict[str, str]:
    return TEXT[language(lang)]
