"""DV-THANG over time: continuity, months into quarters and years, admissions year to date."""

from __future__ import annotations

from evalreport import Submission, consolidate, parse_period
from evalreport.aggregate.timeseries import (
    check_continuity,
    months_missing,
    period_values,
    progress_text,
    roll_up_months,
    year_to_date,
)


def month(dau_ky, ket_nap, chuyen_den=0, chuyen_di=0, tu_tran=0, target=300, du_bi=10):
    cuoi_ky = dau_ky + ket_nap + chuyen_den - chuyen_di - tu_tran
    return {"dau_ky": dau_ky, "cuoi_ky": cuoi_ky, "du_bi_cuoi_ky": du_bi, "ket_nap": ket_nap,
            "chuyen_den": chuyen_den, "chuyen_di": chuyen_di, "tu_tran": tu_tran, "xoa_ten": 0, "khai_tru": 0,
            "ra_khoi_dang": 0, "chuyen_chinh_thuc": 0, "ket_nap_chi_tieu_nam": target}


def year_series() -> dict:
    """Twelve continuous months: admissions 20, 25, 30, … (+5 a month), one transfer out each month."""
    series, opening = {}, 5000
    for m in range(1, 13):
        values = month(opening, 15 + 5 * m, chuyen_di=1, du_bi=40 + m)
        series[parse_period(f"2025-{m:02d}")] = values
        opening = values["cuoi_ky"]
    return series


def test_roll_up_quarter_and_year(monthly_form):
    series = year_series()
    q3 = roll_up_months(monthly_form, series, parse_period("2025-Q3"))
    # July..September: admissions 50 + 55 + 60; opening of July; closing of September.
    assert q3["ket_nap"] == 165 and q3["chuyen_di"] == 3
    assert q3["dau_ky"] == series[parse_period("2025-07")]["dau_ky"] == 5000 + (20 + 25 + 30 + 35 + 40 + 45) - 6
    assert q3["cuoi_ky"] == series[parse_period("2025-09")]["cuoi_ky"] == q3["dau_ky"] + 165 - 3
    assert q3["du_bi_cuoi_ky"] == 49 and q3["ket_nap_chi_tieu_nam"] == 300
    year = roll_up_months(monthly_form, series, parse_period("2025"))
    assert year["ket_nap"] == sum(15 + 5 * m for m in range(1, 13)) == 570
    assert (year["dau_ky"], year["cuoi_ky"]) == (5000, 5000 + 570 - 12)


def test_partial_quarter(monthly_form):
    series = {p: v for p, v in year_series().items() if p.index != 8}
    q3 = parse_period("2025-Q3")
    assert months_missing(series, q3) == [parse_period("2025-08")]
    assert roll_up_months(monthly_form, series, q3)["ket_nap"] == 50 + 60
    assert roll_up_months(monthly_form, {}, q3)["ket_nap"] is None


def test_admissions_year_to_date_against_target(monthly_form):
    series = year_series()
    assert year_to_date(monthly_form, series, parse_period("2025-03")) == {"ket_nap_luy_ke": 75}
    values, shares = period_values(monthly_form, series, parse_period("2025-11"))
    ytd = sum(15 + 5 * m for m in range(1, 12))  # 495
    assert values["ket_nap_luy_ke"] == ytd == 495 and values["ket_nap"] == 70
    assert shares["ty_le_ket_nap_chi_tieu"] == 165.0
    assert progress_text(342, 300) == "342/300, đạt 114%"
    assert progress_text(342, 300, "en") == "342/300, 114% achieved"
    assert progress_text(1250, 1000) == "1.250/1.000, đạt 125%"
    assert progress_text(5, 0) == "–"
    q3_values, q3_shares = period_values(monthly_form, series, parse_period("2025-Q3"))
    assert q3_values["ket_nap_luy_ke"] == 20 + 25 + 30 + 35 + 40 + 45 + 50 + 55 + 60 == 360
    assert q3_shares["ty_le_ket_nap_chi_tieu"] == 120.0


def submission(monthly_form, unit, period, values):
    return Submission(form_code="DV-THANG", form_version=monthly_form.version, unit_code=unit,
                      period=parse_period(period), values=values)


def test_continuity_between_months(monthly_form):
    series = year_series()
    subs = [submission(monthly_form, "C01", str(p), v) for p, v in series.items() if p.index <= 4]
    assert check_continuity(monthly_form, subs) == []
    broken = dict(series[parse_period("2025-03")])
    broken["dau_ky"] -= 2
    broken["cuoi_ky"] -= 2
    subs[2] = submission(monthly_form, "C01", "2025-03", broken)
    findings = check_continuity(monthly_form, subs)
    # March opens 2 short of February's close, and April opens 2 above March's close.
    assert [(f.rule, f.unit) for f in findings] == [("DV_NOI_TIEP", "C01"), ("DV_NOI_TIEP", "C01")]
    feb_close = series[parse_period("2025-02")]["cuoi_ky"]
    assert findings[0].message() == f"Số đầu kỳ {broken['dau_ky']:,} ≠ số cuối kỳ của kỳ trước {feb_close:,}".replace(",", ".")
    # A gap (no February) is not compared across; another unit's months are separate.
    gap = [s for s in subs if s.period.index != 2] + [submission(monthly_form, "C02", "2025-02", month(10, 1))]
    assert [f.message() for f in check_continuity(monthly_form, gap)] == [findings[1].message()]


def test_consolidation_checks_continuity_against_the_previous_month(monthly_form, three):
    october = [submission(monthly_form, c, "2025-10", month(100, 2)) for c in ("C01", "C02", "C03")]
    previous = consolidate(monthly_form, "2025-10", october, three)
    assert previous.totals()["cuoi_ky"] == 306 and previous.blocked == []
    november = [submission(monthly_form, c, "2025-11", month(102 if c != "C02" else 101, 1))
                for c in ("C01", "C02", "C03")]
    r = consolidate(monthly_form, "2025-11", november, three, previous=previous)
    assert r.blocked == ["C02"] and [f.message() for f in r.findings if f.rule == "DV_NOI_TIEP"] == [
        "Số đầu kỳ 101 ≠ số cuối kỳ của kỳ trước 102"]
    assert r.totals()["cuoi_ky"] == 103 + 103  # C01 and C03 only
