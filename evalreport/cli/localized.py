"""Typer command classes that speak the invocation's language (see :mod:`evalreport.cli.language`).

Why classes and not only a gettext catalog: the Click that Typer bundles words its usage line, its
help option and its usage errors as plain English strings, and our own help texts are fixed when
Typer turns the functions into commands. So at each invocation the root group (1) decides the
language from the raw arguments, (2) rewords the command tree it is about to run (help of commands
and options from the wording catalog's ``cli:`` keys, the help option, a ``--lang`` option on every
command) and (3) rewords a usage error before Typer prints it, by matching it against the msgids
of the gettext catalog that carry ``{placeholders}``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

import typer
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup

from evalreport.cli import language
from evalreport.wording.catalog import templates, text

__all__ = ["LocalizedGroup", "LocalizedCommand", "localize_tree"]

# Click's plain-string messages as gettext msgids, most specific first.
_ERROR_MSGIDS = (
    "{message}. Did you mean {suggestions}?",
    "Missing option {name}.", "Missing argument {name}.", "Missing parameter {name}.",
    "Invalid value for {name}: {reason}", "Invalid value: {reason}",
    "Value {value} is not a valid {kind}.", "{value} is not one of {choices}.",
    "No such option: {name} (Possible options: {options})", "No such option: {name}",
    "Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})",
    "Option {name} requires an argument.", "Option {name} does not take a value.",
)


@cache
def _pattern(msgid: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", msgid)
    regex = "".join(f"(?P<{p}>.+?)" if i % 2 else re.escape(p) for i, p in enumerate(parts))
    return re.compile(regex + r"\Z", re.DOTALL)


def translated_message(message: str) -> str:
    """A Click message in the installed language; the parts it quotes are translated in turn
    (the reason of an invalid value), and a message no msgid matches is kept as it is."""
    for msgid in _ERROR_MSGIDS:
        match = _pattern(msgid).match(message)
        if match:
            parts = {k: language.translate(translated_message(v)) if k in ("reason", "message")
                     else language.translate(v) for k, v in match.groupdict().items()}
            return language.translate(msgid).format(**parts)
    return message


def _reword_error(exc: UsageError) -> None:
    worded = translated_message(exc.format_message())
    exc.format_message = lambda: worded  # what typer.rich_utils.rich_format_error prints


class _Localized:
    """What commands and groups share: the usage prefix and the help option in the language."""

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)),
                              prefix=language.translate("Usage: "))

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = language.translate("Show this message and exit.")
        return option


class LocalizedCommand(_Localized, TyperCommand):
    pass


class LocalizedGroup(_Localized, TyperGroup):
    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        import sys

        args = list(sys.argv[1:] if args is None else args)
        lang, explicit = language.choose(args)
        language.install(lang, explicit)
        localize_tree(self, lang)
        return super().main(args, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any):
        try:
            return super().make_context(*args, **kwargs)
        except UsageError as exc:
            _reword_error(exc)
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            _reword_error(exc)
            raise


@lru_cache(maxsize=1)
def _lang_option():
    """A ``--lang`` option for a command that does not declare one: accepted everywhere, already
    acted on by :meth:`LocalizedGroup.main`."""
    probe = typer.Typer()

    @probe.command()
    def _probe(lang: str | None = typer.Option(None, "--lang")) -> None:  # pragma: no cover - never run
        pass

    option = typer.main.get_command(probe).params[0]
    option.expose_value = False
    return option


def _help(keys: Sequence[str], lang: str) -> str | None:
    for key in keys:
        if templates(key) is not None:
            return text(key, lang)
    return None


def localize_tree(command, lang: str, path: tuple[str, ...] = ()) -> None:
    """Reword ``command`` and everything under it for ``lang``: help from the catalog's
    ``cli:<command path>`` and ``cli:<command path>:<option>`` keys (``cli:opt:<option>`` for
    options many commands share), and a ``--lang`` on every command."""
    key = ":".join(("cli", *path)) if path else "cli:root"
    worded = _help([key], lang)
    if worded is not None:
        command.help, command.short_help = worded, None
    if command.epilog:  # the exit codes every command documents (cli/exit_codes.py), in the language
        from evalreport.cli.exit_codes import exit_codes_help

        command.epilog = exit_codes_help(lang)
    command.options_metavar = language.translate("[OPTIONS]")
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = language.translate("COMMAND [ARGS]...")
    names = {p.name for p in command.params}
    if "lang" not in names:
        command.params.append(_lang_option())
    for param in command.params:
        if param.name == "lang" and param.expose_value:
            param.default = lang
        worded = _help([f"{key}:{param.name}", f"cli:opt:{param.name}"], lang)
        if worded is not None:
            param.help = worded
    for name, sub in getattr(command, "commands", {}).items():
        localize_tree(sub, lang, (*path, name))
