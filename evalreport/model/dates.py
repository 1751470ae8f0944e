"""Dates as officers type them: ``07/01/2026``, ``7/1/2026``, ``07-01-2026``, ``07.01.2026`` (day
first, the Vietnamese order) and ``2026-01-07`` (ISO), and as Excel hands them over (a date or a
datetime). Parsed once, at the edge (the CLI, the panel, the configuration); inside, a date is a
:class:`datetime.date`.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DateError", "parse_date"]

_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class DateError(ValueError):
    """A typed date is not a date. ``text`` is what was typed; the words are the caller's (wording)."""

    def __init__(self, text: str):
        self.text = text
        super().__init__(f"{text!r} is not a date: write day/month/year, e.g. 07/01/2026")


def parse_date(value: str | dt.date | dt.datetime) -> dt.date:
    """The date meant by ``value``; :class:`DateError` when it is none (31/02/2026, 2026/13/01, "mai")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if m := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise DateError(text)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(text) from None
