"""``evalreport template make|blank``: the workbooks officers fill in.

Wrong usage (unknown form, level or unit, a period the form does not use) exits with 2; a unit
list too broken to build the tree exits with 1 after listing its problems by row.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from evalreport.cli.check import period_kind_error
from evalreport.cli.usage import check_lang, period_option, say
from evalreport.cli.usage import usage_error as _usage

__all__ = ["register", "template_app"]

_console = Console()
_err = Console(stderr=True)

template_app = typer.Typer(no_args_is_help=True)  # help: wording.cli_phrases "cli:template"


@template_app.command("make")
def make(form: str = typer.Option(..., "--form"),
         units: Path = typer.Option(..., "--units"),
         period: str = typer.Option(..., "--period"),
         levels: str = typer.Option("default", "--levels"),
         under: str | None = typer.Option(None, "--under"),
         level: str | None = typer.Option(None, "--level"),
         out: Path | None = typer.Option(None, "--out"),
         deadline: str | None = typer.Option(None, "--deadline"),
         lang: str = typer.Option("vi", "--lang")) -> None:
    """Write one template per unit: <FORM>_<period>_<code>.xlsx."""
    from evalreport.form.definition import FormDefinitionError, load_form
    from evalreport.model.dates import DateError, parse_date
    from evalreport.model.unit_list import load_hierarchy
    from evalreport.render.workbook.template_batch import make_templates, select_units
    from evalreport.wording.catalog import text

    check_lang(lang)
    p = period_option(period)
    try:
        definition = load_form(form)
        due = parse_date(deadline) if deadline else None
    except DateError as exc:
        raise _usage(text("DATE_INVALID", lang, text=exc.text)) from None
    except FormDefinitionError as exc:
        raise _usage(exc.message(lang)) from None
    if p.kind not in definition.period_types:
        raise _usage(period_kind_error(definition, p, lang))
    if not units.is_file():
        raise _usage(say("CLI_UNITS_NOT_FOUND", lang, path=units))
    try:
        hierarchy = load_hierarchy(units, levels if not levels.endswith((".yaml", ".yml")) else Path(levels))
    except (OSError, ValueError) as exc:
        raise _usage(say("CLI_LEVELS_INVALID", lang, levels=levels, error=exc)) from None
    hierarchy = hierarchy.at(p)  # the units that exist in the period (the list may carry other years')
    if hierarchy.problems:
        table = Table(title=say("CLI_UNITS_TITLE", lang, name=units.name))
        table.add_column(say("CLI_COL_SEVERITY", lang))
        table.add_column(say("CLI_COL_PROBLEM", lang), overflow="fold")
        for f in hierarchy.problems:
            table.add_row(say(f"CLI_SEVERITY_{f.severity.upper()}", lang), f.message(lang))
        _console.print(table)
        if any(f.is_error for f in hierarchy.problems):
            _err.print(f"[red]{say('CLI_UNITS_BROKEN', lang)}[/]")
            raise typer.Exit(1)
    if under is not None and under not in hierarchy:
        raise _usage(say("CLI_NO_SUCH_UNIT", lang, option="--under", unit=under, list=units.name))
    if level is not None and level not in hierarchy.levels.keys:
        raise _usage(say("CLI_LEVEL_UNKNOWN", lang, level=level, levels=", ".join(hierarchy.levels.keys)))
    folder = out or Path(f"bieu_mau_{definition.code}_{p}")
    codes = select_units(hierarchy, under=under, level=level)
    with _console.status(say("CLI_TEMPLATES_WRITING", lang, n=len(codes))):
        paths = make_templates(definition, p, hierarchy, folder, under=under, level=level, lang=lang, deadline=due)
    by_level = Counter(hierarchy.unit(code).level for code in codes)
    table = Table(title=f"{definition.code} · {p.label(lang)} → {folder}")
    table.add_column(say("CLI_COL_LEVEL", lang))
    table.add_column(say("CLI_COL_FILES", lang), justify="right")
    for key in hierarchy.levels.keys:
        if by_level.get(key):
            table.add_row(hierarchy.levels.get(key).label.get(lang), str(by_level[key]))
    _console.print(table)
    _console.print(f"[green]{say('CLI_TEMPLATES_WRITTEN', lang, n=len(paths), folder=folder)}[/]")


@template_app.command("blank")
def blank(out: Path = typer.Option(Path("templates"), "--out"),
          lang: str = typer.Option("vi", "--lang")) -> None:
    """Write the blank canonical template of every shipped form (<FORM>.xlsx)."""
    from evalreport.render.workbook.template_batch import write_blank_templates

    check_lang(lang)
    for path in write_blank_templates(out, lang=lang):
        _console.print(f"[green]✓[/] {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(template_app, name="template")
