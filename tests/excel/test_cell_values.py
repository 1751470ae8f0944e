"""What xlwings hands over from a panel cell (Excel's own value types) read as the officer meant."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from evalreport.excel.cell_values import PeriodCellError, period_from_excel, text_from_excel


@pytest.mark.parametrize(("value", "expected"), [
    (datetime(2025, 11, 1), "2025-11"),      # 2025-11 or 11/2025 typed into a General cell
    (datetime(2025, 1, 1), "2025-01"),       # a date is a month, never a quarter
    (date(2025, 3, 15), "2025-03"),
    (2025.0, "2025"),                        # 2025 typed into a General cell
    (2025, "2025"),
    ("2025", "2025"),
    (" 2025-Q3 ", "2025-Q3"),
    ("2025-q3", "2025-Q3"),
    ("2025-11", "2025-11"),
    ("11/2025", "2025-11"),                  # typed into the text-formatted cell
    ("3/2025", "2025-03"),
])
def test_period_from_what_excel_gives(value, expected):
    assert str(period_from_excel(value)) == expected


@pytest.mark.parametrize(("value", "shown"), [
    (None, ""), ("", ""), ("   ", ""), ("2025-13", "2025-13"), (2025.5, "2025.5"), ("Q1", "Q1"),
    (True, "True"), ("13/2025", "13/2025"),
])
def test_what_is_not_a_period(value, shown):
    with pytest.raises(PeriodCellError) as info:
        period_from_excel(value)
    assert info.value.value == shown


@pytest.mark.parametrize(("value", "expected"), [
    (None, ""), (12.0, "12"), (12, "12"), (12.5, "12.5"), ("  Gia Lai ", "Gia Lai"),
    (datetime(2025, 5, 12), "12/05/2025"),
])
def test_text_from_what_excel_gives(value, expected):
    assert text_from_excel(value) == expected
