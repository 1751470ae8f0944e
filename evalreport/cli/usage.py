"""What every command does with wrong usage: one line in the invocation's language on stderr and
exit code 2; and the ``--period`` value read into a :class:`~evalreport.model.period.Period` with
that same treatment, so "2025-13" gets the same sentence from every command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console

from evalreport.cli import language
from evalreport.wording.catalog import text

if TYPE_CHECKING:
    from evalreport.model.period import Period

__all__ = ["say", "usage_error", "period_option", "check_lang"]

_err = Console(stderr=True)


def say(key: str, lang: str | None = None, /, **params: Any) -> str:
    """The catalog's text for ``key`` in ``lang`` (default: the invocation's language)."""
    return text(key, lang or language.current(), **params)


def usage_error(message: str, code: int = 2) -> typer.Exit:
    _err.print(f"[red]{say('CLI_ERROR')}[/] {message}")
    return typer.Exit(code)


def period_option(value: str) -> Period:
    from evalreport.model.period import PeriodError, parse_period

    try:
        return parse_period(value)
    except PeriodError as exc:
        raise usage_error(exc.message(language.current())) from None


def check_lang(value: str) -> str:
    """``value`` when it is a language the command line speaks, else a usage error."""
    if value not in language.LANGS:
        raise usage_error(say("CLI_LANG_INVALID", value=value))
    return value
