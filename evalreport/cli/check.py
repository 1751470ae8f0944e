"""``evalreport check FOLDER`` and ``evalreport consolidate FOLDER``: the command-line edge of
reading, checking and consolidating a folder of submitted workbooks.

Exit codes: 0 when nothing blocks a unit, 1 when an error keeps a file out of the totals (a
summary says which), 2 for wrong usage (missing folder, unknown form, bad period or option), 3
when the command could not finish (:mod:`.exit_codes`).
Submitted files are only read; the findings file is written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from evalreport.cli.usage import check_lang, period_option, say
from evalreport.cli.usage import usage_error as _usage

if TYPE_CHECKING:  # the commands import the pipeline when they run, so --help stays fast
    from rich.progress import Progress

    from evalreport.form.definition import FormDefinition
    from evalreport.model.finding import Finding
    from evalreport.model.hierarchy import Hierarchy
    from evalreport.model.period import Period
    from evalreport.model.result import ConsolidationResult
    from evalreport.model.submission import Submission

__all__ = ["register", "workbooks_in", "judge_files"]

_console = Console()
_err = Console(stderr=True)
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def workbooks_in(folder: Path) -> list[Path]:
    """Workbooks under ``folder`` (recursively), skipping Excel's lock files (``~$…``)."""
    from evalreport.read.file_kind import WORKBOOK_SUFFIXES

    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in WORKBOOK_SUFFIXES and p.is_file()
                  and not p.name.startswith(("~$", ".")))


def _progress() -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=_err, transient=True)


def _read_all(paths: list[Path], forms, lang: str) -> list[Submission]:
    from evalreport.read.workbook import read_submission

    out = []
    with _progress() as progress:
        task = progress.add_task(say("CLI_CHECK_READING", lang), total=len(paths))
        for path in paths:
            out.append(read_submission(path, forms))
            progress.advance(task)
    return out


def _options(folder: Path, lang: str, form: str | None, period: str | None, units: Path | None, levels: str
             ) -> tuple[FormDefinition | None, Period | None, Hierarchy | None]:
    from evalreport.form.definition import FormDefinitionError, load_form
    from evalreport.model.unit_list import load_hierarchy

    check_lang(lang)
    if not folder.is_dir():
        raise _usage(say("CLI_FOLDER_NOT_FOUND", lang, path=folder))
    p = period_option(period) if period else None
    try:
        definition = load_form(form) if form else None
    except FormDefinitionError as exc:
        raise _usage(exc.message(lang)) from None
    if definition is not None and p is not None and p.kind not in definition.period_types:
        raise _usage(period_kind_error(definition, p, lang))
    hierarchy = None
    if units is not None:
        if not units.is_file():
            raise _usage(say("CLI_UNITS_NOT_FOUND", lang, path=units))
        try:
            hierarchy = load_hierarchy(units, Path(levels) if levels.endswith((".yaml", ".yml")) else levels)
        except (OSError, ValueError) as exc:
            raise _usage(say("CLI_LEVELS_INVALID", lang, levels=levels, error=exc)) from None
        if any(f.is_error for f in hierarchy.problems):
            _print_findings(hierarchy.problems, lang)
            _err.print(f"[red]{say('CLI_UNITS_BROKEN', lang)}[/]")
            raise typer.Exit(1)
    return definition, p, hierarchy


def period_kind_error(definition: FormDefinition, p: Period, lang: str) -> str:
    """Why ``p`` cannot be a period of ``definition`` (a year form asked for a month)."""
    kinds = "/".join(say(f"CLI_KIND_{k.upper()}", lang) for k in definition.period_types)
    return say("CLI_FORM_PERIOD_KIND", lang, form=definition.code, kinds=kinds,
               kind=say(f"CLI_KIND_{p.kind.upper()}", lang))


def _print_findings(findings: list[Finding], lang: str, title: str | None = None) -> None:
    if not findings:
        _console.print("[green]" + say("CLI_CHECK_NO_FINDINGS", lang) + "[/]")
        return
    table = Table(title=title, show_lines=False)
    for key in ("severity", "unit", "file", "cell", "rule"):
        table.add_column(say(f"CLI_CHECK_{key.upper()}", lang), no_wrap=key != "file")
    table.add_column(say("CLI_CHECK_MESSAGE", lang), overflow="fold", ratio=1)
    order = {"error": 0, "warning": 1, "info": 2}
    for f in sorted(findings, key=lambda f: (order[f.severity], f.file or "", f.unit or "")):
        cell = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else (say("CLI_ROW", lang, row=f.row) if f.row else "")
        severity = say(f"CLI_SEVERITY_{f.severity.upper()}", lang)
        table.add_row(f"[{_SEVERITY_STYLE[f.severity]}]{severity}[/]", f.unit or "", f.file or "", cell, f.rule,
                      f.message(lang))
    _console.print(table)


def _write_findings(findings: list[Finding], out: Path, lang: str) -> None:
    from evalreport.model.finding import findings_frame
    from evalreport.store.atomic import atomic_path
    from evalreport.wording.finding_words import column_heading, severity_word

    frame = findings_frame(findings, lang)
    frame["severity"] = [severity_word(s, lang) for s in frame["severity"]]
    frame.columns = [column_heading(c, lang) for c in frame.columns]  # the run's findings workbook's
    with atomic_path(out) as tmp:
        if out.suffix.lower() == ".csv":
            frame.to_csv(tmp, index=False, encoding="utf-8-sig")  # the BOM makes Excel read Vietnamese right
        else:
            frame.to_excel(tmp, index=False, sheet_name=say("FINDINGS_SHEET", lang), engine="openpyxl")
    _console.print(say("CLI_CHECK_WRITTEN", lang, path=out))


def _summary(findings: list[Finding], files: int, lang: str) -> None:
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    _console.print(say("CLI_CHECK_SUMMARY", lang, files=files, errors=errors, warnings=warnings))


def check_command(folder: Path = typer.Argument(...),
                  units: Path | None = typer.Option(None, "--units"),
                  period: str | None = typer.Option(None, "--period"),
                  form: str | None = typer.Option(None, "--form"),
                  levels: str = typer.Option("default", "--levels"),
                  out: Path | None = typer.Option(None, "--out"),
                  lang: str = typer.Option("vi", "--lang")) -> None:
    """Read and check every workbook in FOLDER; list the findings."""
    from evalreport.form.definition import available_forms, load_form

    if out is not None and out.suffix.lower() not in (".xlsx", ".csv"):
        raise _usage(say("CLI_OUT_SUFFIX", lang, name=out.name))
    definition, p, hierarchy = _options(folder, lang, form, period, units, levels)
    paths = workbooks_in(folder)
    # Every shipped form, loaded once, so the reader need not look them up for each file.
    forms = {definition.code: definition} if definition else {code: load_form(code) for code in available_forms()}
    findings = judge_files(_read_all(paths, forms, lang), forms, hierarchy, p)
    _print_findings(findings, lang)
    _summary(findings, len(paths), lang)
    if out is not None:
        _write_findings(findings, out, lang)
    if any(f.is_error for f in findings):
        raise typer.Exit(1)


def judge_files(subs: list[Submission], forms: dict[str, FormDefinition], hierarchy: Hierarchy | None,
                period: Period | None) -> list[Finding]:
    """The findings on each file, made as a run of its period (or of ``period``) makes them: the
    run's own intake over that period's tree (:func:`~evalreport.aggregate.consolidate.intake_files`),
    so a unit that does not exist in the period, or a cell a ward lists before it existed, is
    judged here exactly as in the run. Without a unit list only the form's rules can be checked."""
    from evalreport.aggregate.consolidate import intake_files
    from evalreport.check.rules import check

    findings: list[Finding] = []
    groups: dict[tuple[str, Period], list[Submission]] = {}
    for s in subs:
        if s.period is None or s.form_code not in forms:
            findings += s.findings  # the reader could not identify the file; its findings say why
        elif hierarchy is None:
            findings += [*s.findings, *check(forms[s.form_code], s, expected_period=period)]
        else:
            groups.setdefault((s.form_code, period or s.period), []).append(s)
    for (code, p), group in groups.items():
        findings += [f for got in intake_files(forms[code], p, group, hierarchy, None).values() for f in got.findings]
    return findings


def consolidate_command(folder: Path = typer.Argument(...),
                        units: Path = typer.Option(..., "--units"),
                        period: str = typer.Option(..., "--period"),
                        root: str | None = typer.Option(None, "--root"),
                        form: str = typer.Option("DG-NAM", "--form"),
                        levels: str = typer.Option("default", "--levels"),
                        out: Path | None = typer.Option(None, "--out"),
                        lang: str = typer.Option("vi", "--lang")) -> None:
    """Check and consolidate FOLDER for ROOT; print the totals and shares."""
    from evalreport.aggregate.consolidate import consolidate as run_consolidation

    if out is not None and out.suffix.lower() not in (".xlsx", ".csv"):
        raise _usage(say("CLI_OUT_SUFFIX", lang, name=out.name))
    definition, p, hierarchy = _options(folder, lang, form, period, units, levels)
    if definition is None or p is None or hierarchy is None:  # pragma: no cover - all three are required options
        raise _usage("--form, --period and --units are required")
    root = root or (hierarchy.roots[0] if len(hierarchy.roots) == 1 else None)
    if root is None or root not in hierarchy:
        raise _usage(say("CLI_NO_SUCH_UNIT", lang, option="--root", unit=root, list=units.name))
    paths = workbooks_in(folder)
    subs = _read_all(paths, definition, lang)
    with _progress() as progress:
        task = progress.add_task(say("CLI_CHECK_CONSOLIDATING", lang), total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        result = run_consolidation(definition, p, subs, hierarchy, root, progress=update)
    _print_totals(result, lang)
    _print_findings(result.findings, lang)
    _summary(result.findings, len(paths), lang)
    if out is not None:
        _write_findings(result.findings, out, lang)
    if result.missing:
        missing = ", ".join(f"{hierarchy.name(c)} ({c})" for c in result.missing)
        _console.print(say("CLI_CHECK_MISSING", lang, units=missing))
    if any(f.is_error for f in result.findings):
        blocked = [f"{hierarchy.name(c)} ({c})" for c in result.blocked]
        if blocked:
            _err.print("[red]" + say("CLI_CHECK_BLOCKED", lang, n=len(blocked), units=", ".join(blocked)) + "[/]")
        raise typer.Exit(1)


def _print_totals(result: ConsolidationResult, lang: str) -> None:
    """The root's member counts, derived fields, shares, organization counts and completeness."""
    from evalreport.aggregate.rollup import field_label
    from evalreport.wording.numbers import fmt_number, fmt_share

    form, h = result.form, result.hierarchy
    decimals = int(form.param("share_decimals")) if "share_decimals" in form.parameters else 2
    totals, shares, unit = result.totals(), result.shares(), result.units[result.root]
    title = f"{h.name(result.root)} · {form.code} · {result.period.label(lang)} ({unit.covered_units}/" \
            f"{unit.expected_units})"
    table = Table(title=title)
    table.add_column(say("CLI_CHECK_FIELD", lang))
    table.add_column(say("CLI_CHECK_VALUE", lang), justify="right")
    for code in [*form.field_codes, *(d.code for d in form.derived)]:
        if code in totals:
            table.add_row(field_label(form, h, code, lang), fmt_number(totals[code], lang))
    for s in form.shares:
        table.add_row(s.label.get(lang), fmt_share(shares.get(s.code), lang, decimals))
    _console.print(table)
    org = form.organizations
    levels = h.levels.below(h.unit(result.root).level)
    if org is not None and levels:
        orgs = Table(title=org.title.get(lang))
        orgs.add_column("")
        for lv in levels:
            orgs.add_column(h.levels.get(lv).plural.get(lang), justify="right")
        for m in org.all_measures:
            orgs.add_row(org.measure_label(m, lang), *(fmt_number(totals.get(org.field_code(lv, m)), lang)
                                                        for lv in levels))
        for s in org.shares:
            orgs.add_row(s.label.get(lang), *(fmt_share(shares.get(org.share_code(lv, s)), lang, decimals)
                                              for lv in levels))
        comp = result.completeness.get(result.root)
        if comp is not None:
            orgs.add_row(say("CLI_CHECK_COMPLETE", lang), *(comp.ratio_text(lv) for lv in levels))
        _console.print(orgs)


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
    app.command("consolidate")(consolidate_command)
