"""What Excel hands over from a panel cell, turned into the text or period the officer meant.

xlwings gives a cell's value as Excel holds it, not as it was typed: ``2025`` arrives as the
float 2025.0, ``12`` as 12.0, ``2025-11`` or ``11/2025`` (Excel makes a date of both) as
``datetime(2025, 11, 1)``, and an empty cell as None. The panel formats its input cells as text
so that new typing stays text, but a cell pasted into, or a panel built before that, still holds
numbers and dates; these functions accept both.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from evalreport.model.period import Period, PeriodError, parse_period

__all__ = ["text_from_excel", "period_from_excel", "PeriodCellError"]

# "11/2025" or "11-2025" typed into a text cell (the Vietnamese way of writing a month)
_MONTH_FIRST = re.compile(r"^\s*(0?[1-9]|1[0-2])\s*[/.-]\s*(\d{4})\s*$")


class PeriodCellError(ValueError):
    """The period cell is empty (``value`` is "") or holds something that is not a period."""

    def __init__(self, value: str):
        super().__init__(value)
        self.value = value


def text_from_excel(value: Any) -> str:
    """A cell's value as the text the officer typed: "" for an empty cell, "12" for 12.0, a date
    as dd/mm/yyyy (how an officer in Vietnam writes it) rather than Python's repr."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime | dt.date):
        value = f"{value.day:02d}/{value.month:02d}/{value.year}"
    return str(value).strip()


def period_from_excel(value: Any) -> Period:
    """The period a cell holds, whatever Excel made of the typing.

    * text ``2025``, ``2025-Q3``, ``2025-11``, ``11/2025`` → as written;
    * a number 2025.0 (``2025`` typed into a General cell) → the year 2025;
    * a date (``2025-11`` or ``11/2025`` typed into a General cell) → the month of that date.
      Excel has no quarter dates, so a date is always a month: 2025-01-01 is January 2025,
      never Q1; a quarter must be typed as ``2025-Q1`` (it stays text).

    Raises :class:`PeriodCellError` for an empty cell or anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PeriodCellError("")
    if isinstance(value, dt.datetime | dt.date):
        return Period(value.year, "month", value.month)
    if isinstance(value, bool):
        raise PeriodCellError(str(value))
    if isinstance(value, int | float):
        if float(value).is_integer():
            value = int(value)
        else:  # 2025.11 typed in a decimal-point locale: ambiguous (2025.1 is 2025.10), so refused
            raise PeriodCellError(str(value))
    raw = str(value).strip()
    m = _MONTH_FIRST.match(raw)
    if m:
        return Period(int(m.group(2)), "month", int(m.group(1)))
    try:
        return parse_period(raw)
    except PeriodError:
        raise PeriodCellError(raw) from None
