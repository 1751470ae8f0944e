import datetime as dt

from babel.numbers import format_decimal

from evalreport.wording.numbers import (
    fmt_change,
    fmt_count,
    fmt_date,
    fmt_number,
    fmt_share,
    largest_remainder,
    round_half_up,
)


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



def test_numbers_are_what_babel_writes_from_the_pattern_text():
    """fmt_number hands Babel its parsed locale and pattern (parsing was half the cost of a
    call), and remembers what it wrote; the strings must be those Babel writes from the locale
    name and pattern text, the second time round too, for equal numbers of other types (0, 0.0,
    -0.0) as well."""
    values = [0, 1, -1, 7, 999, 1000, -1000, 61_567, -61_567, 1_234_567_890, 10**15, 0.0, -0.0, 2493.0, 0.5,
              0.125, -0.125, 1.005, 2.675, 91.8234, -91.8234, 99.995, 12_345.678_9, -0.004, 1e-7, 3.3333333333]
    for lang, locale in (("vi", "vi"), ("en", "en"), ("fr", "vi")) * 2:
        for v in values:
            if isinstance(v, float) and not v.is_integer():
                assert fmt_number(v, lang) == format_decimal(v, locale=locale), (lang, v)
            else:
                assert fmt_number(v, lang) == format_decimal(int(v), format="#,##0", locale=locale), (lang, v)
            for decimals in (0, 1, 2, 3):
                pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
                want = format_decimal(round_half_up(float(v), decimals), format=pattern, locale=locale)
                assert fmt_number(v, lang, decimals) == want, (lang, v, decimals)
                assert fmt_share(v, lang, decimals) == want + "%"
    assert fmt_number(-1234.5, "vi", 1) == "-1.234,5" and fmt_number(-1234.5, "en", 2) == "-1,234.50"
