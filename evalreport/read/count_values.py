"""Reading a count cell the way the person who typed it meant it.

Officers type ``2.493`` (Vietnamese thousands), ``2,493`` (English), `` 12 `` or ``12.0``, and
Excel stores some of these as text. Each of those is read as the whole number meant; anything
that cannot be a head count (words, error values, dates, negatives, fractions, absurdly large
numbers, TRUE/FALSE) is reported with a specific problem code instead of being guessed.
Pure: ``parse_count(value) -> (number | None, problem | None)``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re

__all__ = ["parse_count", "MAX_COUNT", "ERROR_VALUES", "PROBLEMS"]

#: A count above this is certainly a typing error (no Party organization is that large).
MAX_COUNT = 10_000_000
ERROR_VALUES = frozenset({"#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                          "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})
#: Every problem code parse_count can return.
PROBLEMS = ("blank", "text", "error_value", "date", "boolean", "negative", "fraction", "too_large")

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")
_PLAIN = re.compile(r"^\d+$")
_ZERO_DECIMALS = re.compile(r"^(\d+)[.,]0+$")  # 12.0, 12,00
_GROUPED = re.compile(r"^\d{1,3}(?P<sep>[.,' ])\d{3}(?:(?P=sep)\d{3})*$")  # 2.493, 2,493, 1 234 567
_GROUPED_DECIMALS = re.compile(r"^(\d{1,3}(?:(?P<sep>[.,])\d{3})+)(?!(?P=sep))[.,]0+$")  # 1.234,0
_DECIMAL = re.compile(r"^\d*[.,]\d+$")  # 12.5, ,5
_MINUS = ("-", "−", "–")


def _whole(n: int) -> tuple[int | None, str | None]:
    if n < 0:
        return None, "negative"
    if n > MAX_COUNT:
        return None, "too_large"
    return n, None


def parse_count(value: object) -> tuple[int | None, str | None]:
    """``(whole number, None)`` or ``(None, problem)`` with ``problem`` one of :data:`PROBLEMS`."""
    if value is None:
        return None, "blank"
    if isinstance(value, bool):
        return None, "boolean"
    if isinstance(value, int):
        return _whole(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None, "text"
        if not value.is_integer():
            return (None, "negative") if value < 0 else (None, "fraction")
        return _whole(int(value))
    if isinstance(value, (_dt.date, _dt.time, _dt.timedelta)):
        return None, "date"
    if not isinstance(value, str):
        return None, "text"
    return _parse_text(value)


def _parse_text(raw: str) -> tuple[int | None, str | None]:
    text = raw.strip().lstrip("'").strip()
    text = _SPACES.sub(" ", text)
    if not text:
        return None, "blank"
    if text.upper() in ERROR_VALUES:
        return None, "error_value"
    if text.upper() in ("TRUE", "FALSE"):
        return None, "boolean"
    negative = False
    if text.startswith(_MINUS) or (text.startswith("(") and text.endswith(")")):
        negative = True
        text = text.strip("()").lstrip("".join(_MINUS)).strip()
    elif text.startswith("+"):
        text = text[1:].strip()
    number = _digits(text)
    if number is None:
        if _DECIMAL.match(text):
            return None, "negative" if negative else "fraction"
        return None, "text"
    if negative:
        return (None, "negative") if number else (0, None)
    return _whole(number)


def _digits(text: str) -> int | None:
    """The whole number written in ``text`` in any local style, or None if it is not one."""
    if _PLAIN.match(text):
        return int(text)
    if m := _ZERO_DECIMALS.match(text):
        # "2.000" is two thousand in Vietnamese, not 2.0: a single run of exactly three zeros
        # after a dot or comma is a thousands group.
        if len(text) - len(m.group(1)) - 1 == 3 and len(m.group(1)) <= 3:
            return int(text.replace(".", "").replace(",", ""))
        return int(m.group(1))
    if _GROUPED.match(text):
        return int(re.sub(r"[.,' ]", "", text))
    if m := _GROUPED_DECIMALS.match(text):
        return int(re.sub(r"[.,]", "", m.group(1)))
    return None
