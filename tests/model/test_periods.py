import pytest

from evalreport import Period, PeriodError, parse_period


@pytest.mark.parametrize("text,kind,shown", [("2021", "year", "2021"), ("2025-Q3", "quarter", "2025-Q3"),
                                              ("2025-q1", "quarter", "2025-Q1"), ("2025-11", "month", "2025-11"),
                                              (" 2025-01 ", "month", "2025-01")])
def test_parse_and_format(text, kind, shown):
    p = parse_period(text)
    assert p.kind == kind and str(p) == shown


@pytest.mark.parametrize("bad", ["", "21", "2025-13", "2025-Q5", "2025-00", "2025/11", "Q3-2025", "năm 2021"])
def test_bad_periods_say_what_is_accepted(bad):
    with pytest.raises(PeriodError, match="2025-Q3"):
        parse_period(bad)


def test_previous():
    assert str(parse_period("2025-01").previous()) == "2024-12"
    assert str(parse_period("2025-Q1").previous()) == "2024-Q4"
    assert str(parse_period("2025-Q3").previous()) == "2025-Q2"
    assert str(parse_period("2021").previous()) == "2020"
    assert str(parse_period("2025-07").same_period_last_year()) == "2024-07"


def test_months_of_quarter_and_year():
    assert [str(m) for m in parse_period("2025-Q3").months()] == ["2025-07", "2025-08", "2025-09"]
    assert len(parse_period("2025").months()) == 12
    assert parse_period("2025-08").quarter() == Period(2025, "quarter", 3)
    assert parse_period("2025").contains(parse_period("2025-Q2"))
    assert not parse_period("2025-Q1").contains(parse_period("2025-05"))


def test_labels():
    assert parse_period("2025-Q3").label() == "quý III năm 2025"
    assert parse_period("2025-01").label() == "tháng 01 năm 2025"
    assert parse_period("2021").label("en") == "year 2021"
