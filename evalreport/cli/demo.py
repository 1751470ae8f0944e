"""``evalreport demo [FOLDER]``: the synthetic province, end to end (README's first command)."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.table import Table

from evalreport.cli import language
from evalreport.cli.usage import say
from evalreport.cli.workspace import console, fail, findings_table, progress_bars
from evalreport.wording.catalog import templates


def _demo(folder: Path = typer.Argument(Path("demo")),
          size: str = typer.Option("small", "--size"),
          seed: int = typer.Option(2025, "--seed"),
          workers: int = typer.Option(2, "--workers"),
          all_levels: bool = typer.Option(False, "--all-levels"),
          quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Generate a synthetic province with a few planted problems and run every period on it."""
    from evalreport.demo import SIZES, DemoError, run_demo  # the demo's modules load only for this command

    start = time.perf_counter()
    try:
        with progress_bars(not quiet) as cb:
            report = run_demo(folder, size=size, seed=seed, workers=workers, progress=cb, all_levels=all_levels)
    except DemoError as exc:
        raise fail(exc.message(language.current())) from None
    spec = SIZES[size]
    console.print(say("CLI_DEMO_HEAD", size=size, districts=spec.districts, wards=spec.wards, cells=spec.cells,
                      files=report.files_written, inbox=report.folder / "inbox"))
    reorg = report.reorganization
    console.print(say("CLI_DEMO_REORG", year=report.plan.year, old1=reorg.merged_from[0], old2=reorg.merged_from[1],
                      merged=reorg.merged_into, founded=reorg.founded))
    for period, run in report.runs.items():
        res = run.result
        if res is None:
            continue
        key = res.form.fields[0].code  # the form's headline count (total members, members at start)
        console.print(say("CLI_DEMO_PERIOD", form=res.form.code, period=period, label=res.form.label(key, language.current()),
                          value=res.totals().get(key), missing=len(res.missing), findings=len(run.findings),
                          folder=run.manifest_path.parent if run.manifest_path else ""))
    table = Table(title=say("CLI_DEMO_TABLE"), expand=True)
    for key in ("CLI_COL_PLANTED", "CLI_COL_UNIT", "CLI_COL_PERIOD", "CLI_COL_FILE", "CLI_COL_REPORTED"):
        table.add_column(say(key), overflow="fold")
    ok = True
    for p in report.planted:
        shown = report.how_reported(p, language.current())
        ok &= shown is not None
        kind = f"CLI_PLANTED_{p.kind.upper()}"
        table.add_row(say(kind) if templates(kind) else p.kind, p.unit, p.period, Path(p.file).name if p.file else "—",
                      shown or f"[red]{say('CLI_DEMO_NOT_DETECTED')}[/]")
    console.print(table)
    direct = [f for f in report.findings if f.unit in {p.unit for p in report.planted}]
    console.print(findings_table(direct, title=say("CLI_DEMO_DIRECT")))
    consequences = len(report.findings) - len(direct) - len(report.unexplained())
    console.print(say("CLI_DEMO_CONSEQUENCES", n=consequences))
    unexplained = report.unexplained()
    if unexplained:
        ok = False
        console.print(findings_table(unexplained, title=f"[red]{say('CLI_DEMO_UNEXPLAINED')}[/]"))
    console.print(say("CLI_DEMO_DONE", folder=report.folder / "outputs", seconds=f"{time.perf_counter() - start:.0f}"))
    console.print(say("CLI_DEMO_NEXT", commands=f"evalreport status -w {folder} --period {report.plan.year};  "
                                                f"evalreport history -w {folder} {report.planted[0].unit}"))
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("demo")(_demo)
