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

__all__ = ["register", "template_app"]

_console = Console()
_err = Console(stderr=True)

template_app = typer.Typer(help="Write fill-in templates (biểu mẫu) for units.", no_args_is_help=True)


def _usage(message: str) -> typer.Exit:
    _err.print(f"[red]Lỗi / error:[/] {message}")
    return typer.Exit(2)


@template_app.command("make")
def make(form: str = typer.Option(..., "--form", help="Form code, e.g. DG-NAM, or a form YAML file."),
         units: Path = typer.Option(..., "--units", help="Unit list (.xlsx or .csv: ma_don_vi, ten_don_vi, cap, "
                                                          "ma_cap_tren)."),
         period: str = typer.Option(..., "--period", help="2021, 2025-Q3 or 2025-11."),
         levels: str = typer.Option("default", "--levels", help="default, three_level or a levels YAML file."),
         under: str | None = typer.Option(None, "--under", help="Only the children of this unit (with --level: "
                                                                "every unit of that level under it)."),
         level: str | None = typer.Option(None, "--level", help="Only units of this level, e.g. chi_bo."),
         out: Path | None = typer.Option(None, "--out", help="Output folder (default: bieu_mau_<FORM>_<period>)."),
         deadline: str | None = typer.Option(None, "--deadline", help="Deadline stated in the instructions, "
                                                                      "e.g. 15/12/2025."),
         lang: str = typer.Option("vi", "--lang", help="vi or en.")) -> None:
    """Write one template per unit: <FORM>_<period>_<code>.xlsx."""
    from evalreport.form.definition import FormDefinitionError, load_form
    from evalreport.model.dates import DateError, parse_date
    from evalreport.model.hierarchy import load_hierarchy
    from evalreport.model.period import PeriodError, parse_period
    from evalreport.render.workbook.template_writer import make_templates, select_units
    from evalreport.wording.catalog import text

    if lang not in ("vi", "en"):
        raise _usage(f"--lang must be vi or en, not {lang!r}")
    try:
        definition = load_form(form)
        p = parse_period(period)
        due = parse_date(deadline) if deadline else None
    except DateError as exc:
        raise _usage(text("DATE_INVALID", lang, text=exc.text)) from None
    except (FormDefinitionError, PeriodError) as exc:
        raise _usage(str(exc)) from None
    if p.kind not in definition.period_types:
        raise _usage(f"form {definition.code} is reported per {'/'.join(definition.period_types)}, not per {p.kind}")
    if not units.is_file():
        raise _usage(f"unit list not found: {units}")
    try:
        hierarchy = load_hierarchy(units, levels if not levels.endswith((".yaml", ".yml")) else Path(levels))
    except (OSError, ValueError) as exc:
        raise _usage(f"levels '{levels}': {exc}") from None
    hierarchy = hierarchy.at(p)  # the units that exist in the period (the list may carry other years')
    if hierarchy.problems:
        table = Table(title=f"Danh sách đơn vị / unit list: {units.name}")
        table.add_column("mức / severity")
        table.add_column("vấn đề / problem", overflow="fold")
        for f in hierarchy.problems:
            table.add_row(f.severity, f.message(lang))
        _console.print(table)
        if any(f.is_error for f in hierarchy.problems):
            _err.print("[red]Danh sách đơn vị có lỗi; hãy sửa rồi chạy lại / fix the unit list and run again.[/]")
            raise typer.Exit(1)
    if under is not None and under not in hierarchy:
        raise _usage(f"--under {under}: no such unit in {units.name}")
    if level is not None and level not in hierarchy.levels.keys:
        raise _usage(f"--level {level}: levels are {', '.join(hierarchy.levels.keys)}")
    folder = out or Path(f"bieu_mau_{definition.code}_{p}")
    codes = select_units(hierarchy, under=under, level=level)
    with _console.status(f"Đang tạo {len(codes)} biểu mẫu / writing {len(codes)} templates…"):
        paths = make_templates(definition, p, hierarchy, folder, under=under, level=level, lang=lang, deadline=due)
    by_level = Counter(hierarchy.unit(code).level for code in codes)
    table = Table(title=f"{definition.code} · {p.label(lang)} → {folder}")
    table.add_column("cấp / level")
    table.add_column("số tệp / files", justify="right")
    for key in hierarchy.levels.keys:
        if by_level.get(key):
            table.add_row(hierarchy.levels.get(key).label.get(lang), str(by_level[key]))
    _console.print(table)
    _console.print(f"[green]{len(paths)}[/] tệp / files written to [bold]{folder}[/]")


@template_app.command("blank")
def blank(out: Path = typer.Option(Path("templates"), "--out", help="Output folder."),
          lang: str = typer.Option("vi", "--lang", help="vi or en.")) -> None:
    """Write the blank canonical template of every shipped form (<FORM>.xlsx)."""
    from evalreport.render.workbook.template_writer import write_blank_templates

    if lang not in ("vi", "en"):
        raise _usage(f"--lang must be vi or en, not {lang!r}")
    for path in write_blank_templates(out, lang=lang):
        _console.print(f"[green]✓[/] {path}")


def register(app: typer.Typer) -> None:
    app.add_typer(template_app, name="template")
