"""Dates typed the way officers type them."""

from __future__ import annotations

import datetime as dt

import pytest

from evalreport.model.dates import DateError, parse_date

JAN_7 = dt.date(2026, 1, 7)


@pytest.mark.parametrize("typed", ["07/01/2026", "7/1/2026", " 07/01/2026 ", "07-01-2026", "07.01.2026", "2026-01-07",
                                   "2026-1-7", dt.date(2026, 1, 7), dt.datetime(2026, 1, 7, 9, 30)])
def test_the_ways_an_officer_writes_the_seventh_of_january(typed):
    assert parse_date(typed) == JAN_7


@pytest.mark.parametrize("typed", ["31/02/2026", "07/13/2026", "2026/01/07", "mai", "", "07/01/26", "1/7"])
def test_what_is_not_a_date_is_said_so(typed):
    with pytest.raises(DateError) as info:
        parse_date(typed)
    assert info.value.text == typed.strip()
