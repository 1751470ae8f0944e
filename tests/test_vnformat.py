import datetime as dt

from evalreport.vnformat import fmt_change, fmt_count, fmt_date, fmt_number, fmt_share, largest_remainder


def test_numbers_and_shares():
    assert fmt_number(61567) == "61.567" and fmt_number(61567, "en") == "61,567"
    assert fmt_share(91.8234) == "91,82%" and fmt_share(91.8234, "en") == "91.82%"
    assert fmt_share(0.125 * 100 / 100, decimals=2) == "0,13%"  # half up, not banker's
    assert fmt_share(None) == "–"
    assert fmt_number(2493.0) == "2.493"


def test_counts_dates_changes():
    assert fmt_count(8) == "08" and fmt_count(12) == "12" and fmt_count(0, zero_word=True) == "Không"
    assert fmt_count(2714) == "2.714"
    assert fmt_date(dt.date(2022, 1, 7)) == "ngày 07 tháng 01 năm 2022"
    assert fmt_date("2022-01-07", "en") == "7 January 2022"
    assert fmt_change(5) == "tăng 5" and fmt_change(-32) == "giảm 32" and fmt_change(0) == "không thay đổi"
    assert fmt_change(-1234, "en") == "down 1,234"


def test_largest_remainder_sums_to_100():
    shares = largest_remainder([1, 1, 1])
    assert shares == [33.34, 33.33, 33.33] and round(sum(shares), 2) == 100
    assert largest_remainder([0, 0]) == [None, None]
    s = largest_remainder([7156, 44800, 4238, 391])
    assert round(sum(s), 2) == 100.0

