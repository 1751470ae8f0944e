"""Numbers, shares, dates and change phrases the way Vietnamese administrative text writes them.

Built on Babel's locale data rather than by hand: ``61.567``, ``91,82%``, ``ngày 07 tháng 01 năm
2022``; English output uses the ``en`` locale (``61,567``, ``91.82%``). Shared by finding messages,
Jinja2 filters, summary workbooks and the Excel panel so every output writes numbers one way.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import NumberPattern, format_decimal, parse_pattern

__all__ = ["fmt_number", "fmt_share", "fmt_count", "fmt_date", "fmt_change", "round_half_up",
           "largest_remainder", "DASH"]

DASH = "–"
_LOCALE = {"vi": "vi", "en": "en"}


def _loc(lang: str) -> str:
    return _LOCALE.get(lang, "vi")


# Babel parses the locale name and the number pattern on every call when given strings, more
# than half of a call's time (a report formats hundreds of numbers); handed the parsed objects,
# format_decimal skips both and goes the same way from there.
def _locale(lang: str) -> Locale:
    return _parsed_locale(_loc(lang))


@cache
def _parsed_locale(name: str) -> Locale:
    return Locale.parse(name)


@lru_cache(maxsize=16)
def _pattern(decimals: int) -> NumberPattern:
    """``#,##0`` with ``decimals`` zeros after the point."""
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals > 0 else ""))


def round_half_up(value: float, decimals: int = 2) -> float:
    """Round as people do on paper (0.125 -> 0.13), not banker's rounding."""
    q = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(q, rounding=ROUND_HALF_UP))


def fmt_number(value: int | float | None, lang: str = "vi", decimals: int | None = None) -> str:
    """``61567`` -> ``61.567`` (vi) / ``61,567`` (en); ``None`` -> "–"."""
    if value is None:
        return DASH
    if value == 0 and isinstance(value, float):  # 0.0 and -0.0 are one key but written "0,00" / "-0,00"
        return _format(value, lang, decimals)
    return _formatted(value, lang, decimals)


def _format(value: int | float, lang: str, decimals: int | None) -> str:
    if decimals is None:
        if isinstance(value, float) and not value.is_integer():
            return format_decimal(value, locale=_locale(lang))
        return format_decimal(int(value), format=_pattern(0), locale=_locale(lang))
    return format_decimal(round_half_up(float(value), decimals), format=_pattern(decimals), locale=_locale(lang))


# The same few hundred counts and shares come back in every unit's report of an all-levels run
# (about 1 ms a report through Babel). Typed: 1, 1.0 and True are separate entries.
_formatted = lru_cache(maxsize=8192, typed=True)(_format)


def fmt_share(value: float | None, lang: str = "vi", decimals: int = 2, sign: bool = True) -> str:
    """A percentage already on the 0-100 scale: ``91.8234`` -> ``91,82%``; ``None`` -> "–"."""
    if value is None:
        return DASH
    return fmt_number(value, lang, decimals) + ("%" if sign else "")


def fmt_count(value: int | None, lang: str = "vi", zero_word: bool = False) -> str:
    """Counts as administrative text writes them: ``8`` -> ``08``, ``1234`` -> ``1.234``.

    With ``zero_word`` a zero is written "Không" (sentence start) as in "Không có tổ chức ...".
    English writes plain numbers and "no" for zero.
    """
    if value is None:
        return DASH
    if value == 0 and zero_word:
        return "Không" if lang != "en" else "No"
    if lang != "en" and 0 <= value < 10:
        return f"{int(value):02d}"
    return fmt_number(int(value), lang)


def fmt_date(value: _dt.date | _dt.datetime | str, lang: str = "vi") -> str:
    """``ngày 07 tháng 01 năm 2022`` (vi) / ``7 January 2022`` (en)."""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value[:10])
    if lang == "en":
        return _babel_date(value, "d MMMM yyyy", locale="en")
    return _babel_date(value, "'ngày' dd 'tháng' MM 'năm' yyyy", locale="vi")


def fmt_change(diff: int | float | None, lang: str = "vi", unit: str = "") -> str:
    """Signed change as a phrase: "tăng 5", "giảm 32", "không thay đổi" (en: "up 5", "down 32")."""
    suffix = f" {unit}" if unit else ""
    if diff is None:
        return DASH
    if diff == 0:
        return "không thay đổi" if lang != "en" else "unchanged"
    word = ("tăng" if diff > 0 else "giảm") if lang != "en" else ("up" if diff > 0 else "down")
    return f"{word} {fmt_number(abs(diff), lang)}{suffix}"


def largest_remainder(values: list[int | None], decimals: int = 2) -> list[float | None]:
    """Shares of ``values`` in percent, rounded so they add up to exactly 100.

    Used where four exclusive shares stand side by side. Returns Nones when the total is 0.
    """
    nums = [v or 0 for v in values]
    total = sum(nums)
    if total <= 0:
        return [None for _ in values]
    scale = 10**decimals
    exact = [Decimal(n) * 100 * scale / Decimal(total) for n in nums]
    floors = [int(e) for e in exact]
    short = 100 * scale - sum(floors)
    order = sorted(range(len(nums)), key=lambda i: (exact[i] - floors[i], nums[i]), reverse=True)
    for i in order[:short]:
        floors[i] += 1
    return [f / scale for f in floors]
