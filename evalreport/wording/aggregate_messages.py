"""Messages of consolidation: reconciliation gaps, quotas, outliers and measure names.

Vietnamese first, English beside it; looked up through :mod:`evalreport.wording.catalog`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, dict[str, str]] = {
    # -- consolidate -------------------------------------------------------------------------------
    "RECONCILIATION": {
        "vi": "{unit_name} tự báo cáo \"{label}\" là {own:number}, nhưng cộng từ các đơn vị trực thuộc được {children_sum:number} (chênh {difference:number}); {explanation}",
        "en": "{unit_name} reports \"{label}\" as {own:number}, but its subordinate units add up to {children_sum:number} (difference {difference:number}); {explanation}",
    },
    "RECON_MISSING_CHILD": {
        "vi": "{child_name} ({child}) chưa có số liệu hợp lệ{value}",
        "en": "{child_name} ({child}) has no usable data{value}",
    },
    "RECON_CHILD_GAP": {
        "vi": "{child_name} ({child}) tự báo cáo {own:number} nhưng cấp dưới của đơn vị này cộng lại {children_sum:number}",
        "en": "{child_name} ({child}) reports {own:number} but its own subordinate units add up to {children_sum:number}",
    },
    "RECON_EXPLAINED_BY": {"vi": "chênh lệch do: {items:list}", "en": "explained by: {items:list}"},
    "RECON_UNEXPLAINED": {
        "vi": "các đơn vị trực thuộc đều đã có số liệu, đề nghị rà soát lại số tự báo cáo",
        "en": "every subordinate unit has sent data; please review the reported figure",
    },
    "RECON_FILE_VALUE": {"vi": " (tệp bị lỗi ghi {value:number})", "en": " (its file with errors says {value:number})"},
    # -- quota -------------------------------------------------------------------------------------
    "QUOTA_MEMBERS": {
        "vi": "{unit_name}: số đảng viên \"{num_label}\" là {numerator:number}, bằng {ratio:share} số \"{den_label}\" ({denominator:number}), vượt tỷ lệ tối đa {limit_pct:share0}",
        "en": "{unit_name}: members \"{num_label}\" are {numerator:number}, {ratio:share} of \"{den_label}\" ({denominator:number}), above the maximum {limit_pct:share0}",
    },
    "QUOTA_ORGANIZATIONS": {
        "vi": "{unit_name}: số {level} xếp loại \"{num_label}\" là {numerator:number}, bằng {ratio:share} số \"{den_label}\" ({denominator:number}), vượt tỷ lệ tối đa {limit_pct:share0}",
        "en": "{unit_name}: {level} rated \"{num_label}\" are {numerator:number}, {ratio:share} of \"{den_label}\" ({denominator:number}), above the maximum {limit_pct:share0}",
    },
    "QUOTA_ORGANIZATIONS_TREE": {
        "vi": "Toàn {unit_name}: số {level} xếp loại \"{num_label}\" là {numerator:number}, bằng {ratio:share} số \"{den_label}\" ({denominator:number}), vượt tỷ lệ tối đa {limit_pct:share0}",
        "en": "All of {unit_name}: {level} rated \"{num_label}\" are {numerator:number}, {ratio:share} of \"{den_label}\" ({denominator:number}), above the maximum {limit_pct:share0}",
    },
    # -- changes -----------------------------------------------------------------------------------
    "OUTLIER": {
        "vi": "{unit_name}: {label} là {current:number}, kỳ trước ({previous_period:period}) là {previous:number} ({change:change}, {relative_pct:signed_share1}); biến động vượt ngưỡng {threshold_pct:share0}, đề nghị kiểm tra lại",
        "en": "{unit_name}: {label} is {current:number}, previous period ({previous_period:period}) {previous:number} ({change:change}, {relative_pct:signed_share1}); the change exceeds {threshold_pct:share0}, please verify",
    },
    # -- organization measures ------------------------------------------------------------------
    # the two organization measures no rating, TSVM or derived entry of a form names
    "MEASURE_TOTAL": {"vi": "Tổng số tổ chức đảng", "en": "Total organizations"},
    "MEASURE_RATED": {"vi": "Được đánh giá, xếp loại", "en": "Rated"},
    # -- months of a quarter or a year (timeseries) --------------------------------------------
    "MONTH_MISSING": {
        "vi": "{unit_name} ({unit}) chưa có số liệu hợp lệ {missing_months}: số liệu {period:period} của đơn vị chỉ gồm {present}",
        "en": "{unit_name} ({unit}) has no usable data for {missing_months}: its figures for {period:period} cover only {present}",
    },
    "YEAR_TO_DATE_INCOMPLETE": {
        "vi": "Chưa tính được {fields} vì chưa có số liệu {missing_months}",
        "en": "{fields} cannot be computed: no data yet for {missing_months}",
    },
    "MONTHS": {"vi": "tháng {months:month_numbers} năm {months:year}", "en": "{months:iso_list}"},
    # -- why a unit ceased (the rating table's reason) --
    "CEASED_DISSOLVED": {"vi": "giải thể", "en": "dissolved"},
    "CEASED_MERGED": {"vi": "hợp nhất vào {names}", "en": "merged into {names}"},
    "CEASED_RENAMED": {"vi": "tổ chức lại thành {names}", "en": "reorganized as {names}"},
    "CEASED_SPLIT": {"vi": "chia tách thành {names}", "en": "split into {names}"},
}
