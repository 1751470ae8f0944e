"""Reporting periods: ``2021`` (year), ``2025-Q3`` (quarter), ``2025-11`` (month)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from evalreport.model.worded_error import WordedError

__all__ = ["Period", "PeriodError", "parse_period"]

PeriodKind = Literal["year", "quarter", "month"]
_RE = re.compile(r"^\s*(\d{4})(?:-(?:[Qq]([1-4])|(0[1-9]|1[0-2])))?\s*$")


class PeriodError(WordedError, ValueError):
    """A period string is not one of the accepted shapes (or a period does not fit where it is
    used); a message key of the wording catalog and its parameters."""


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period. Ordered by start, then by length."""

    year: int
    kind: PeriodKind
    index: int = 1  # quarter 1-4 or month 1-12; 1 for a year

    def __post_init__(self) -> None:
        limit = {"year": 1, "quarter": 4, "month": 12}[self.kind]
        if not 1 <= self.index <= limit:
            raise PeriodError("PERIOD_INDEX_RANGE", kind=self.kind, index=self.index, limit=limit)

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    @property
    def code(self) -> str:
        return str(self)

    def previous(self) -> Period:
        """The period just before: 2025-01 -> 2024-12, 2025-Q1 -> 2024-Q4, 2025 -> 2024."""
        if self.kind == "year" or self.index > 1:
            return Period(self.year - (self.kind == "year"), self.kind, self.index - (self.kind != "year"))
        return Period(self.year - 1, self.kind, 4 if self.kind == "quarter" else 12)

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind, self.index)

    def _month_span(self) -> tuple[int, int]:
        """The first and last month numbers this period covers."""
        if self.kind == "month":
            return self.index, self.index
        if self.kind == "quarter":
            return 3 * self.index - 2, 3 * self.index
        return 1, 12

    def months(self) -> list[Period]:
        """The months this period covers, in order."""
        if self.kind == "month":
            return [self]
        first, last = self._month_span()
        return [Period(self.year, "month", m) for m in range(first, last + 1)]

    @property
    def first_day(self) -> dt.date:
        """The period's first calendar day (a unit list's validity dates are compared with it)."""
        return dt.date(self.year, self._month_span()[0], 1)

    @property
    def last_day(self) -> dt.date:
        """The period's last calendar day: the day "at the end of the period" means."""
        month = self._month_span()[1]
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def quarter(self) -> Period:
        if self.kind == "year":
            raise PeriodError("PERIOD_YEAR_NO_QUARTER")
        if self.kind == "quarter":
            return self
        return Period(self.year, "quarter", (self.index - 1) // 3 + 1)

    def contains(self, other: Period) -> bool:
        """Whether every month of ``other`` lies within this period (a run checks every file's
        period with it, so it compares month numbers rather than building month lists)."""
        if other.year != self.year:
            return False
        first, last = self._month_span()
        other_first, other_last = other._month_span()
        return first <= other_first and other_last <= last

    def label(self, lang: str = "vi") -> str:
        """Human text: "năm 2021", "quý III năm 2025", "tháng 11 năm 2025"."""
        from evalreport.wording.catalog import text  # words at the edge; the CLI starts without Babel

        if self.kind == "year":
            return text("PERIOD_YEAR", lang, year=self.year)
        if self.kind == "quarter":
            return text("PERIOD_QUARTER", lang, index=self.index, year=self.year)
        return text("PERIOD_MONTH", lang, month=f"{self.index:02d}", year=self.year)


def parse_period(text: str | int | Period) -> Period:
    """Parse ``2021``, ``2025-Q3`` or ``2025-11``; raise :class:`PeriodError` otherwise."""
    if isinstance(text, Period):
        return text
    if isinstance(text, int):
        text = str(text)
    if isinstance(text, float) and text.is_integer():
        text = str(int(text))
    m = _RE.match(str(text))
    if not m:
        raise PeriodError("PERIOD_TEXT_INVALID", text=text)
    year, quarter, month = m.groups()
    if quarter:
        return Period(int(year), "quarter", int(quarter))
    if month:
        return Period(int(year), "month", int(month))
    return Period(int(year), "year", 1)
