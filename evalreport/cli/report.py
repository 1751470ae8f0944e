"""``evalreport report FOLDER``: consolidate a folder of workbooks and write, for the root (and with
``--all-levels`` for every non-leaf unit), the summary workbook and the narrative Word report,
optionally with PDF copies through LibreOffice.

File names are built from codes only (``DG-NAM_2021_T01.xlsx``, ``DG-NAM_2021_T01_bao_cao.docx``)
and always land inside ``--out``. Exit codes: 0 when every unit is in the totals, 1 when errors
keep some file out (the reports are still written, and say so), 2 for wrong usage, 3 when the
command could not finish (:mod:`.exit_codes`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from evalreport.cli.check import workbooks_in
from evalreport.cli.usage import check_lang, period_option, say
from evalreport.cli.usage import usage_error as _usage
from evalreport.model.dates import DateError, parse_date
from evalreport.wording.catalog import text

if TYPE_CHECKING:  # the command imports the pipeline when it runs, so --help stays fast
    from evalreport.model.result import ConsolidationResult

__all__ = ["register", "report_command"]

_console = Console()
_err = Console(stderr=True)


def _inside(folder: Path, name: str) -> Path:
    target = (folder / name).resolve()
    if target.parent != folder.resolve():  # pragma: no cover - names are sanitized; belt and braces
        raise _usage(f"output name escapes the output folder: {name}")
    return target


def _consolidate_folder(folder: Path, form, period, hierarchy, root: str,
                        previous: ConsolidationResult | None = None) -> ConsolidationResult:
    from evalreport.aggregate.consolidate import consolidate
    from evalreport.read.workbook import read_submission

    subs = [read_submission(p, form) for p in workbooks_in(folder)]
    return consolidate(form, period, subs, hierarchy, root=root, previous=previous)


def report_command(
        folder: Path = typer.Argument(...),
        units: Path = typer.Option(..., "--units"),
        period: str = typer.Option(..., "--period"),
        root: str | None = typer.Option(None, "--root"),
        out: Path = typer.Option(Path("bao_cao"), "--out"),
        all_levels: bool = typer.Option(False, "--all-levels"),
        pdf: bool = typer.Option(False, "--pdf"),
        lang: str = typer.Option("vi", "--lang"),
        template: Path | None = typer.Option(None, "--template"),
        previous: Path | None = typer.Option(None, "--previous"),
        form: str = typer.Option("DG-NAM", "--form"),
        levels: str = typer.Option("default", "--levels"),
        place: str | None = typer.Option(None, "--place"),
        number: str | None = typer.Option(None, "--number"),
        signer: str | None = typer.Option(None, "--signer"),
        signer_title: str | None = typer.Option(None, "--signer-title"),
        date: str | None = typer.Option(None, "--date"),
) -> None:
    """Write the summary workbook and the narrative report (Word) for the root and, on request, every level."""
    from evalreport.form.definition import FormDefinitionError, load_form
    from evalreport.model.unit_list import load_hierarchy
    from evalreport.render.pdf import PdfUnavailable, convert_to_pdf
    from evalreport.render.word.jinja_env import TemplateRenderError
    from evalreport.render.word.narrative import render_narrative
    from evalreport.render.word.narrative_context import DocumentInfo
    from evalreport.render.workbook.summary_workbook import write_summary_workbook
    from evalreport.store.runner import output_names

    check_lang(lang)
    for path, key in ((folder, "CLI_FOLDER_NOT_FOUND"), (previous, "CLI_PREVIOUS_NOT_FOUND")):
        if path is not None and not path.is_dir():
            raise _usage(say(key, lang, path=path))
    if not units.is_file():
        raise _usage(say("CLI_UNITS_NOT_FOUND", lang, path=units))
    if template is not None and not template.is_file():
        raise _usage(say("CLI_TEMPLATE_NOT_FOUND", lang, path=template))
    p = period_option(period)
    try:
        definition = load_form(form)
        when = parse_date(date) if date else None
    except DateError as exc:
        raise _usage(text("DATE_INVALID", lang, text=exc.text)) from None
    except FormDefinitionError as exc:
        raise _usage(exc.message(lang)) from None
    except ValueError as exc:
        raise _usage(str(exc)) from None
    hierarchy = load_hierarchy(units, Path(levels) if levels.endswith((".yaml", ".yml")) else levels)
    if any(f.is_error for f in hierarchy.problems):
        for f in hierarchy.problems:
            _err.print(f"[red]{f.message(lang)}[/]")
        raise typer.Exit(1)
    root_code = root or hierarchy.root
    if root_code not in hierarchy:
        raise _usage(say("CLI_NO_SUCH_UNIT", lang, option="--root", unit=root_code, list=units.name))
    prev = None
    if previous is not None:
        prev = _consolidate_folder(previous, definition, p.previous(), hierarchy, root_code)
        _console.print(say("CLI_REPORT_PREVIOUS", lang, period=p.previous().label(lang),
                           n=len(prev.accepted) + len(prev.rejected)))
    result = _consolidate_folder(folder, definition, p, hierarchy, root_code, prev)

    out.mkdir(parents=True, exist_ok=True)
    targets = [root_code] + ([c for c in hierarchy.non_leaves(root_code) if c != root_code] if all_levels else [])
    doc = DocumentInfo(place=place, number=number, date=when, signer_title=signer_title, signer_name=signer or "")
    pdf_failed = False
    for code in targets:
        xlsx_name, docx_name = output_names(definition.code, p, code, lang)
        written = [write_summary_workbook(result, code, _inside(out, xlsx_name), lang)]
        try:
            written.append(render_narrative(result, code, _inside(out, docx_name), template, lang, doc=doc))
        except TemplateRenderError as exc:
            _err.print(f"[red]{exc.message(lang)}[/]")
            raise typer.Exit(1) from None
        if pdf and not pdf_failed:
            try:
                written += [convert_to_pdf(path, out) for path in written]
            except PdfUnavailable as exc:
                _err.print(f"[yellow]{exc.message(lang)}[/]")
                pdf_failed = True
        for path in written:
            _console.print(say("CLI_REPORT_WRITTEN", lang) + f": {path}")
    if result.missing:
        _console.print(say("CLI_REPORT_MISSING", lang, n=len(result.missing)))
    if result.blocked:
        blocked = say("CLI_REPORT_BLOCKED", lang, n=len(result.blocked), units=", ".join(result.blocked))
        _err.print(f"[yellow]{blocked}[/]")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
