"""Workspace commands: ``init``, ``ingest``, ``run``, ``status``, ``history``.

Thin wrappers over :class:`evalreport.Workspace`: parse options, show progress and tables with
rich, turn known failures into one clear line and an exit code (:mod:`.exit_codes`): 0 done;
1 done, but errors keep some unit (or an unreadable file) out of the totals or files are held
as pending; 2 wrong usage or
configuration; 3 the run could not finish (disk full, no permission, a busy workspace, a crash).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from evalreport.cli import language
from evalreport.cli.exit_codes import failure_language, remember_language
from evalreport.cli.usage import period_option, say
from evalreport.model.period import PeriodError
from evalreport.model.unit_state import UnitState
from evalreport.wording.catalog import templates, text

if TYPE_CHECKING:  # the commands open the workspace when they run, so --help stays fast
    from evalreport.model.finding import Finding
    from evalreport.store.workspace import Workspace

console = Console()
WorkspaceOpt = typer.Option(Path("."), "--workspace", "-w")  # help: wording.cli_phrases "cli:opt:workspace"


_STAGE_KEYS = {"CLI_STAGE_SCAN", "CLI_STAGE_INGEST", "CLI_STAGE_GENERATE", "CLI_STAGE_TEMPLATES"}


@contextmanager
def progress_bars(enabled: bool = True) -> Iterator[Callable[[str, int, int], None] | None]:
    """A rich progress display and the ``progress(stage, done, total)`` callback feeding it."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as bars:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                key = f"CLI_STAGE_{stage.upper()}"
                tasks[stage] = bars.add_task(say(key) if key in _STAGE_KEYS else stage, total=total)
            bars.update(tasks[stage], completed=done, total=total)

        yield update


def fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[bold red]{message}[/]")
    return typer.Exit(code)


@contextmanager
def opened(folder: Path) -> Iterator[Workspace]:
    from evalreport.store.config import WorkspaceConfigError
    from evalreport.store.workspace import Workspace

    try:
        ws = Workspace.open(folder)
    except WorkspaceConfigError as exc:
        raise fail(exc.message(language.current())) from None
    remember_language(ws.config.language)
    try:
        yield ws  # other failures (disk full, a busy workspace, ...) end with exit code 3: .exit_codes
    except PeriodError as exc:
        raise fail(exc.message(language.chosen(ws.config.language))) from None
    finally:
        ws.close()


def findings_table(findings: list[Finding], lang: str | None = None, limit: int = 40,
                   title: str | None = None) -> Table:
    lang = lang or language.current()
    colors = {"error": "red", "warning": "yellow", "info": "cyan"}
    table = Table(title=title, show_lines=False, expand=True)
    for key in ("CLI_COL_SEVERITY", "CLI_COL_UNIT", "CLI_COL_WHERE", "CLI_COL_MESSAGE"):
        table.add_column(say(key, lang), overflow="fold")
    for f in findings[:limit]:
        table.add_row(f"[{colors.get(f.severity, 'white')}]{say('CLI_SEVERITY_' + f.severity.upper(), lang)}[/]",
                      f.unit or "", f.location(), f.message(lang))
    if len(findings) > limit:
        table.caption = say("CLI_MORE_ROWS", lang, n=len(findings) - limit)
    return table


def _init(folder: Path = typer.Argument(...), units: Path | None = typer.Option(None, "--units"),
          root: str | None = typer.Option(None, "--root"), levels: str = typer.Option("default", "--levels"),
          language: str = typer.Option("vi", "--lang")) -> None:
    """Create a workspace: evalreport.yaml, don_vi.xlsx, inbox/, outputs/, archive/, ledger.sqlite."""
    from evalreport.store.config import WorkspaceConfigError
    from evalreport.store.workspace import Workspace

    if units is not None and not units.is_file():
        raise fail(say("CLI_FILE_NOT_FOUND", option="--units", path=units))
    try:
        ws = Workspace.init(folder, units=units, root=root, levels=levels, language=language)
    except WorkspaceConfigError as exc:
        raise fail(exc.message(failure_language())) from None
    ws.close()
    console.print(f"[green]{say('CLI_INIT_READY')}[/] {ws.folder}")
    console.print(say("CLI_INIT_NEXT", config=ws.folder / "evalreport.yaml", inbox=ws.inbox, folder=folder))


def _ingest(workspace: Path = WorkspaceOpt, quiet: bool = typer.Option(False, "--quiet", "-q"),
            period: str | None = typer.Option(None, "--period", "-p")) -> None:
    """Record the new files of inbox/ in the ledger (unchanged files are not read again)."""
    p = period_option(period) if period else None
    with opened(workspace) as ws, progress_bars(not quiet) as cb:
        report = ws.ingest(progress=cb, period=p)
    lang = language.chosen(ws.config.language)
    held = report.count("held")
    console.print(say("CLI_INGEST_SUMMARY", lang, new=report.count("new"), version=report.count("version"),
                      held=say("CLI_INGEST_HELD", lang, n=held) if held else "",
                      duplicate=report.count("duplicate"), unreadable=report.count("unreadable"),
                      unchanged=report.skipped))
    shown = [f for f in report.findings if f.severity != "info" or f.rule.startswith("WS_")]
    if shown:
        console.print(findings_table(shown, lang))


def _run(period: str = typer.Option(..., "--period", "-p"), workspace: Path = WorkspaceOpt,
         all_levels: bool = typer.Option(False, "--all-levels"), form: list[str] = typer.Option([], "--form"),
         quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Ingest, check, consolidate and write the reports of one period."""
    p = period_option(period)
    with opened(workspace) as ws, progress_bars(not quiet) as cb:
        report = ws.run(p, all_levels=all_levels or None, progress=cb, forms=form or None)
    lang = language.chosen(ws.config.language)
    if report.closed is not None:  # frozen: nothing consolidated or written; list what waits
        console.print(f"[bold]{say('PERIOD_RUN_CLOSED', lang, period=report.period)}[/]")
        if report.pending:
            console.print(findings_table(report.pending, lang, title=text(UnitState.PENDING.key, lang)))
            raise typer.Exit(1)
        return
    for code, res in report.results.items():
        covered = res.units[res.root]
        console.print(f"[bold]{code} {res.period.label(lang)}[/] — {res.hierarchy.name(res.root)}: "
                      + say("CLI_RUN_HEAD", lang, covered=covered.covered_units, expected=covered.expected_units,
                            missing=len(res.missing)))
        console.print("  " + headline_totals(res, lang))
        how = report.manifest.get("consolidation", {}).get(code, {})
        if how.get("mode") == "updated":
            console.print(say("CLI_RUN_UPDATED", lang, n=how["changed_units"]))
    findings = report.findings
    if findings:
        console.print(findings_table(findings, lang, title=say("CLI_FINDINGS_TITLE", lang)))
    console.print(say("CLI_OUTPUTS", lang, folder=ws.outputs_dir(report.period)))
    if report.reused:
        console.print(say("CLI_RUN_REUSED", lang, n=report.reused))
    for path in report.outputs:
        console.print(f"  {path.name}")
    if any(r.blocked for r in report.results.values()):
        blocked = sorted({u for r in report.results.values() for u in r.blocked})
        console.print(f"[red]{say('CLI_RUN_BLOCKED', lang, n=len(blocked))}[/] {', '.join(blocked[:20])}")
        raise typer.Exit(1)
    if report.ingest.count("unreadable") or report.pending:  # files kept out or held: shown above
        raise typer.Exit(1)


def headline_totals(res, lang: str, limit: int = 8) -> str:
    """The first totals of a consolidation as an officer reads them: the field's label and the
    number in the language's format ("Tổng số đảng viên: 8.851")."""
    from evalreport.aggregate.rollup import field_label
    from evalreport.wording.numbers import fmt_number

    shown = [(k, v) for k, v in res.totals().items() if v is not None and not k.startswith("tc_")][:limit]
    return "; ".join(f"{field_label(res.form, res.hierarchy, k, lang)}: {fmt_number(v, lang)}" for k, v in shown)


# The states of docs/domain.md ("A unit's state in a period"), one vocabulary everywhere: the catalog's words
_STATE_COLORS = {UnitState.APPROVED: "bold green", UnitState.ACCEPTED: "green", UnitState.REJECTED: "red",
                 UnitState.MISSING: "yellow", UnitState.PENDING: "magenta"}


def _state_cell(state: UnitState, lang: str) -> str:
    """A state in the one vocabulary (domain.md), colored."""
    color = _STATE_COLORS.get(state)
    words = text(state.key, lang)
    return f"[{color}]{words}[/]" if color else words


def status_table(rows, lang: str = "vi", only_problems: bool = False) -> Table:
    table = Table(expand=True)
    for key in ("CLI_COL_FORM", "CLI_COL_UNIT", "CLI_COL_NAME", "CLI_COL_STATE", "CLI_COL_LATE", "CLI_COL_FILE",
                "CLI_COL_VERSION", "CLI_COL_RECEIVED", "CLI_COL_ERRORS", "CLI_COL_WARNINGS"):
        table.add_column(say(key, lang), overflow="fold")
    for r in rows:
        if only_problems and r.state in (UnitState.ACCEPTED, UnitState.APPROVED) and not r.late and not r.pending:
            continue
        state = _state_cell(r.state, lang)
        if r.pending and r.state != UnitState.PENDING:
            state += f" · {_state_cell(UnitState.PENDING, lang)}"
        if r.pending:
            state += f" ({', '.join(r.pending)})"
        table.add_row(r.form, r.unit, r.name, state, f"[red]{text(UnitState.LATE.key, lang)}[/]" if r.late else "",
                      r.file or "", str(r.version or ""), (r.received_at or "")[:16].replace("T", " "),
                      str(r.errors or ""), str(r.warnings or ""))
    return table


def _status(period: str = typer.Option(..., "--period", "-p"), workspace: Path = WorkspaceOpt,
            problems: bool = typer.Option(False, "--problems")) -> None:
    """Completeness of a period: received, with errors, missing, late against the deadline."""
    p = period_option(period)
    with opened(workspace) as ws:
        rows = ws.status(p)
        deadline = ws.config.deadline(p)
        closing = ws.closing(p)
        pending = ws.pending(p)
    lang = language.chosen(ws.config.language)
    console.print(status_table(rows, lang, problems))
    by = {s: sum(r.state == s for r in rows) for s in UnitState}
    extra = ((say("CLI_STATUS_APPROVED", lang, n=by[UnitState.APPROVED]) if by[UnitState.APPROVED] else "")
             + (say("CLI_STATUS_PENDING", lang, n=len(pending)) if pending else ""))
    console.print(say("CLI_STATUS_SUMMARY", lang, period=p.label(lang), expected=len(rows),
                      accepted=by[UnitState.ACCEPTED] + by[UnitState.APPROVED], rejected=by[UnitState.REJECTED],
                      missing=by[UnitState.MISSING], extra=extra, late=sum(r.late for r in rows))
                  + (say("CLI_STATUS_DEADLINE", lang, deadline=f"{deadline:%d/%m/%Y}") if deadline else ""))
    if closing is not None:
        from evalreport.store.holds import short_time

        console.print(f"[bold]{say('PERIOD_CLOSED_LINE', lang, period=p, at=short_time(closing['at']), user=closing['user'])}[/]")
    if pending:
        console.print(findings_table(pending, lang, title=text(UnitState.PENDING.key, lang)))


# A ledger file's status (store.ledger) as the state of the unit it would give, and its colour.


def _history(unit: str | None = typer.Argument(None), workspace: Path = WorkspaceOpt,
             form: str | None = typer.Option(None, "--form"),
             period: str | None = typer.Option(None, "--period", "-p")) -> None:
    """Every version of a unit's submitted files, current and pending ones marked, and the recorded
    closings, reopenings, approvals and admissions."""
    if unit is None and period is None:
        raise fail(say("CLI_HISTORY_NEEDS"))
    if period is not None:
        period_option(period)
    with opened(workspace) as ws:
        rows = ws.history(unit, form, period) if unit else []
        name = ws.hierarchy.name(unit) if unit else ""
        events = ws.events(period, unit)
    lang = language.chosen(ws.config.language)
    if events:
        console.print(events_table(events, lang))
    if unit is None:
        if not events:
            console.print(say("CLI_EVENTS_NONE", lang, period=period))
        return
    table = Table(title=f"{unit} — {name}", expand=True)
    for key in ("CLI_COL_FORM", "CLI_COL_PERIOD", "CLI_COL_VERSION", "CLI_COL_FILE", "CLI_COL_RECEIVED",
                "CLI_COL_STATE", "CLI_COL_CURRENT", "CLI_COL_ERRORS"):
        table.add_column(say(key, lang), overflow="fold")
    table.add_column("sha256", overflow="fold")
    for r in rows:
        current = (f"[green]{say('CLI_HISTORY_CURRENT', lang)}[/]" if r.current
                   else f"{_state_cell(UnitState.PENDING, lang)} ({r.held})" if r.held
                   else say("CLI_HISTORY_REPLACED", lang, version=r.replaced_by_version) if r.replaced_by_version
                   else say("CLI_HISTORY_NOT_CURRENT", lang))
        table.add_row(r.form or "", r.period or "", str(r.version or ""), r.file, r.received_at[:16].replace("T", " "),
                      _state_cell(r.state, lang), current, str(r.errors or ""), r.sha256[:12])
    console.print(table if rows else say("CLI_HISTORY_NONE", lang, unit=unit))


def events_table(events, lang: str | None = None) -> Table:
    """The ledger's period_events rows: who decided what, when, why."""
    table = Table(title=say("CLI_EVENTS_TITLE", lang), expand=True)
    for key in ("CLI_COL_TIME", "CLI_COL_PERIOD", "CLI_COL_EVENT", "CLI_COL_USER", "CLI_COL_UNIT", "CLI_COL_FILE",
                "CLI_COL_REASON"):
        table.add_column(say(key, lang), overflow="fold")
    for e in events:
        event = f"CLI_EVENT_{e['event'].upper()}"
        table.add_row(e["at"][:16].replace("T", " "), e["period"], say(event, lang) if templates(event) else e["event"],
                      e["user"], e["unit"] or "", e["original_name"] or "", e["reason"] or "")
    return table


def register(app: typer.Typer) -> None:
    app.command("init")(_init)
    app.command("ingest")(_ingest)
    app.command("run")(_run)
    app.command("status")(_status)
    app.command("history")(_history)
