"""Workspace commands: ``init``, ``ingest``, ``run``, ``status``, ``history``.

Thin wrappers over :class:`evalreport.Workspace`: parse options, show progress and tables with
rich, turn known failures (a broken config, a busy workspace) into one clear line and an exit
code. Exit codes: 0 done; 1 done, but errors keep some unit out of the totals; 2 wrong usage or
configuration; 3 the workspace is busy (another run holds the lock).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from evalreport.model.period import PeriodError, parse_period
from evalreport.model.unit_state import UnitState
from evalreport.wording.catalog import text

if TYPE_CHECKING:  # the commands open the workspace when they run, so --help stays fast
    from evalreport.model.finding import Finding
    from evalreport.store.workspace import Workspace

console = Console()
WorkspaceOpt = typer.Option(Path("."), "--workspace", "-w", help="Workspace folder (default: current folder).")

_STAGES = {"scan": "Quét hộp thư đến / scanning inbox", "ingest": "Đọc tệp mới / reading new files",
           "generate": "Tạo dữ liệu mẫu / generating files", "templates": "Tạo biểu mẫu / writing templates"}


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
                tasks[stage] = bars.add_task(_STAGES.get(stage, stage), total=total)
            bars.update(tasks[stage], completed=done, total=total)

        yield update


def fail(message: str, code: int = 2) -> typer.Exit:
    console.print(f"[bold red]{message}[/]")
    return typer.Exit(code)


@contextmanager
def opened(folder: Path) -> Iterator[Workspace]:
    from evalreport.store.config import WorkspaceConfigError
    from evalreport.store.lock import WorkspaceLocked
    from evalreport.store.workspace import Workspace

    try:
        ws = Workspace.open(folder)
    except WorkspaceConfigError as exc:
        raise fail(str(exc)) from None
    try:
        yield ws
    except WorkspaceLocked as exc:
        raise fail(str(exc), 3) from None
    except PeriodError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:  # an output open in another program, a full disk, a vanished USB stick
        raise fail(str(exc), 1) from None
    finally:
        ws.close()


def findings_table(findings: list[Finding], lang: str = "vi", limit: int = 40, title: str | None = None) -> Table:
    colors = {"error": "red", "warning": "yellow", "info": "cyan"}
    table = Table(title=title, show_lines=False, expand=True)
    for col in ("", "unit", "file › cell", "message"):
        table.add_column(col, overflow="fold")
    for f in findings[:limit]:
        table.add_row(f"[{colors.get(f.severity, 'white')}]{f.severity}[/]", f.unit or "", f.location(),
                      f.message(lang))
    if len(findings) > limit:
        table.caption = f"… {len(findings) - limit} more"
    return table


def _init(folder: Path = typer.Argument(..., help="Folder to create (or complete) as a workspace."),
          units: Path | None = typer.Option(None, "--units", help="Unit list (.xlsx/.csv) to copy in."),
          root: str | None = typer.Option(None, "--root", help="Root unit code (default: the list's root)."),
          levels: str = typer.Option("default", "--levels", help="default, three_level or a levels YAML."),
          language: str = typer.Option("vi", "--lang")) -> None:
    """Create a workspace: evalreport.yaml, don_vi.xlsx, inbox/, outputs/, archive/, ledger.sqlite."""
    from evalreport.store.config import WorkspaceConfigError
    from evalreport.store.workspace import Workspace

    if units is not None and not units.is_file():
        raise fail(f"--units: file not found: {units}")
    try:
        ws = Workspace.init(folder, units=units, root=root, levels=levels, language=language)
    except WorkspaceConfigError as exc:
        raise fail(str(exc)) from None
    ws.close()
    console.print(f"[green]Workspace ready:[/] {ws.folder}")
    console.print(f"  edit {ws.folder / 'evalreport.yaml'} and the unit list, then put received files in "
                  f"{ws.inbox} and run: evalreport run -w {folder} --period <PERIOD>")


def _ingest(workspace: Path = WorkspaceOpt, quiet: bool = typer.Option(False, "--quiet", "-q"),
            period: str | None = typer.Option(None, "--period", "-p",
                                              help="The period you are collecting: a file that would change "
                                                   "another, already reported period is held as pending.")) -> None:
    """Record the new files of inbox/ in the ledger (unchanged files are not read again)."""
    with opened(workspace) as ws, progress_bars(not quiet) as cb:
        report = ws.ingest(progress=cb, period=parse_period(period) if period else None)
    console.print(f"new {report.count('new')}, corrected versions {report.count('version')}, "
                  + (f"pending {report.count('held')}, " if report.count("held") else "")
                  + f"duplicates {report.count('duplicate')}, unreadable {report.count('unreadable')}, "
                  f"unchanged {report.skipped}")
    shown = [f for f in report.findings if f.severity != "info" or f.rule.startswith("WS_")]
    if shown:
        console.print(findings_table(shown, ws.config.language))


def _run(period: str = typer.Option(..., "--period", "-p", help="2021, 2025-Q3 or 2025-11."),
         workspace: Path = WorkspaceOpt,
         all_levels: bool = typer.Option(False, "--all-levels", help="Also report for every non-leaf unit."),
         form: list[str] = typer.Option([], "--form", help="Only these forms (default: all configured)."),
         quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Ingest, check, consolidate and write the reports of one period."""
    with opened(workspace) as ws, progress_bars(not quiet) as cb:
        report = ws.run(parse_period(period), all_levels=all_levels or None, progress=cb, forms=form or None)
    lang = ws.config.language
    if report.closed is not None:  # frozen: nothing consolidated or written; list what waits
        from evalreport.wording.catalog import text

        console.print(f"[bold]{text('PERIOD_RUN_CLOSED', lang, period=report.period)}[/]")
        if report.pending:
            console.print(findings_table(report.pending, lang, title="Chờ xử lý / Pending"))
        return
    for code, res in report.results.items():
        t = res.totals()
        covered = res.units[res.root]
        console.print(f"[bold]{code} {res.period.label(lang)}[/] — {res.hierarchy.name(res.root)}: "
                      f"{covered.covered_units}/{covered.expected_units} units with data, "
                      f"missing {len(res.missing)}")
        shown = {k: v for k, v in t.items() if v is not None and not k.startswith("tc_")}
        console.print("  " + ", ".join(f"{k}={v}" for k, v in list(shown.items())[:8]))
        how = report.manifest.get("consolidation", {}).get(code, {})
        if how.get("mode") == "updated":
            console.print(f"  (the last consolidation updated for {how['changed_units']} changed unit(s); "
                          "cache/ in the workspace)")
    findings = report.findings
    if findings:
        console.print(findings_table(findings, lang, title="Findings / Phát hiện"))
    console.print(f"Outputs: {ws.outputs_dir(report.period)}")
    for p in report.outputs:
        console.print(f"  {p.name}")
    if any(r.blocked for r in report.results.values()):
        blocked = sorted({u for r in report.results.values() for u in r.blocked})
        console.print(f"[red]{len(blocked)} unit(s) kept out of the totals by errors:[/] {', '.join(blocked[:20])}")
        raise typer.Exit(1)


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
    for col in ("form", "unit", "name", "state", "late", "file", "v", "received", "errors", "warnings"):
        table.add_column(col, overflow="fold")
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
            problems: bool = typer.Option(False, "--problems", help="Only rows that need action.")) -> None:
    """Completeness of a period: received, with errors, missing, late against the deadline."""
    with opened(workspace) as ws:
        p = parse_period(period)
        rows = ws.status(p)
        deadline = ws.config.deadline(p)
        closing = ws.closing(p)
        pending = ws.pending(p)
    lang = ws.config.language
    console.print(status_table(rows, lang, problems))
    by = {s: sum(r.state == s for r in rows) for s in UnitState}
    extra = (f" approved {by[UnitState.APPROVED]}," if by[UnitState.APPROVED] else "") + (
        f" pending {len(pending)}," if pending else "")
    console.print(f"{p.label(lang)}: expected {len(rows)}, received {by[UnitState.ACCEPTED] + by[UnitState.APPROVED]}, "
                  f"with errors {by[UnitState.REJECTED]}, missing {by[UnitState.MISSING]},{extra} "
                  f"late {sum(r.late for r in rows)}"
                  + (f" (deadline {deadline:%d/%m/%Y})" if deadline else ""))
    if closing is not None:
        from evalreport.store.holds import short_time

        console.print(f"[bold]{text('PERIOD_CLOSED_LINE', lang, period=p, at=short_time(closing['at']), user=closing['user'])}[/]")
    if pending:
        console.print(findings_table(pending, lang, title=text(UnitState.PENDING.key, lang)))


def _history(unit: str | None = typer.Argument(None, help="Unit code (omit with --period: the period's events)."),
             workspace: Path = WorkspaceOpt, form: str | None = typer.Option(None, "--form"),
             period: str | None = typer.Option(None, "--period", "-p")) -> None:
    """Every version of a unit's submitted files, current and pending ones marked, and the recorded
    closings, reopenings, approvals and admissions."""
    if unit is None and period is None:
        raise fail("history: give a unit code or --period")
    with opened(workspace) as ws:
        rows = ws.history(unit, form, period) if unit else []
        name = ws.hierarchy.name(unit) if unit else ""
        events = ws.events(period, unit)
    if events:
        console.print(events_table(events))
    if unit is None:
        if not events:
            console.print(f"No closing, approval or admission recorded for {period}.")
        return
    table = Table(title=f"{unit} — {name}", expand=True)
    lang = ws.config.language
    for col in ("form", "period", "v", "file", "received", "state", "in totals", "errors", "sha256"):
        table.add_column(col, overflow="fold")
    for r in rows:
        current = ("[green]yes[/]" if r.current else f"{_state_cell(UnitState.PENDING, lang)} ({r.held})" if r.held
                   else f"replaced by v{r.replaced_by_version}" if r.replaced_by_version else "no")
        table.add_row(r.form or "", r.period or "", str(r.version or ""), r.file, r.received_at[:16].replace("T", " "),
                      _state_cell(r.state, lang), current, str(r.errors or ""), r.sha256[:12])
    console.print(table if rows else f"No files received for {unit}.")


EVENT_WORDS = {"close": "chốt số liệu", "reopen": "mở lại kỳ", "approve": "duyệt", "withdraw": "rút lại duyệt",
               "admit": "chấp nhận tệp chờ xử lý"}


def events_table(events) -> Table:
    """The ledger's period_events rows: who decided what, when, why."""
    table = Table(title="Chốt số liệu, duyệt / Closing, approvals", expand=True)
    for col in ("time", "period", "event", "user", "unit", "file", "reason"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(e["at"][:16].replace("T", " "), e["period"], EVENT_WORDS.get(e["event"], e["event"]), e["user"],
                      e["unit"] or "", e["original_name"] or "", e["reason"] or "")
    return table


def register(app: typer.Typer) -> None:
    app.command("init")(_init)
    app.command("ingest")(_ingest)
    app.command("run")(_run)
    app.command("status")(_status)
    app.command("history")(_history)
