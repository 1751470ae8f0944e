"""Jinja2 filters for narrative templates, named as officers say them: ``so`` (number), ``tyle``
(share), ``dem`` (count), ``ngay`` (date), ``thaydoi`` (change).

They are thin wrappers over :mod:`evalreport.wording.numbers`, so a number in a Word report is written
exactly as in the summary workbook and in finding messages. Each filter reads the output language
from the template context (``lang``) so one template body serves both languages; an explicit
``lang=`` argument wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from evalreport.wording.numbers import DASH, fmt_change, fmt_count, fmt_date, fmt_number, fmt_share

__all__ = ["FILTERS", "so", "tyle", "dem", "ngay", "thaydoi", "context_lang"]


def context_lang(ctx: Context | Mapping[str, Any] | None, lang: str | None = None) -> str:
    """The language a filter writes in: the explicit argument, else the context's ``lang``."""
    if lang:
        return lang
    if ctx is None:
        return "vi"
    value = ctx.get("lang", "vi")
    return value if isinstance(value, str) else "vi"


def _decimals(ctx: Context | None, decimals: int | None) -> int:
    if decimals is not None:
        return int(decimals)
    value = ctx.get("so_le", 2) if ctx is not None else 2
    return int(value) if isinstance(value, (int, float)) else 2


@pass_context
def so(ctx: Context, value: int | float | None, decimals: int | None = None, lang: str | None = None) -> str:
    """``61567`` -> ``61.567`` (en: ``61,567``); ``None`` -> "–"."""
    return fmt_number(value, context_lang(ctx, lang), decimals)


@pass_context
def tyle(ctx: Context, value: float | None, decimals: int | None = None, lang: str | None = None) -> str:
    """A percentage on the 0-100 scale: ``91.8234`` -> ``91,82%``; ``None`` (zero denominator) -> "–"."""
    return fmt_share(value, context_lang(ctx, lang), _decimals(ctx, decimals))


@pass_context
def dem(ctx: Context, value: int | None, khong: bool | str = False, lang: str | None = None) -> str:
    """A count as administrative text writes it: ``8`` -> ``08``, ``2714`` -> ``2.714``.

    ``khong=True`` writes zero as "Không" (en: "No"), for a sentence that reports a category;
    a string gives the word to use for zero instead (``{{ n|dem("không") }}`` mid-sentence).
    """
    language = context_lang(ctx, lang)
    if value == 0 and isinstance(khong, str) and khong:
        return khong
    return fmt_count(value, language, zero_word=bool(khong))


@pass_context
def ngay(ctx: Context, value: dt.date | dt.datetime | str | None, lang: str | None = None) -> str:
    """``2022-01-07`` -> "ngày 07 tháng 01 năm 2022" (en: "7 January 2022"); ``None`` -> "–"."""
    if value is None or value == "":
        return DASH
    return fmt_date(value, context_lang(ctx, lang))


@pass_context
def thaydoi(ctx: Context, diff: int | float | None, unit: str = "", lang: str | None = None) -> str:
    """A signed difference as a phrase: "tăng 5", "giảm 32 đồng chí", "không thay đổi"."""
    return fmt_change(diff, context_lang(ctx, lang), unit)


FILTERS: dict[str, Callable[..., str]] = {"so": so, "tyle": tyle, "dem": dem, "ngay": ngay, "thaydoi": thaydoi}
