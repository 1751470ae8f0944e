"""``evalreport demo [FOLDER]``: the synthetic province, end to end (README's first command)."""

from __future__ import annotations

import time
from pathlib import Path

import typer
from rich.table import Table

from evalreport.cli.workspace import console, fail, findings_table, progress_bars
from evalreport.demo.province import SIZES

_KINDS = {
    "sum_mismatch": "tổng không khớp / a total that does not add up",
    "text_in_number": "chữ trong ô số / text in a number cell",
    "duplicate": "gửi trùng / the same file twice",
    "corrected": "gửi lại bản sửa / a corrected file",
    "missing": "chưa gửi / a unit that sent nothing",
    "late": "gửi trễ hạn / sent after the deadline",
    "continuity": "đầu kỳ ≠ cuối kỳ trước / opening ≠ last closing",
}


def _demo(folder: Path = typer.Argument(Path("demo"), help="Folder to create the demo workspace in."),
          size: str = typer.Option("small", "--size", help=f"One of: {', '.join(SIZES)}."),
          seed: int = typer.Option(2025, "--seed", help="Random seed (the same seed gives the same province)."),
          workers: int = typer.Option(2, "--workers", help="Processes for writing and reading workbooks."),
          all_levels: bool = typer.Option(False, "--all-levels", help="Also report for every non-leaf unit."),
          quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Generate a synthetic province with a few planted problems and run every period on it."""
    from evalreport.demo import DemoError, run_demo

    start = time.perf_counter()
    try:
        with progress_bars(not quiet) as cb:
            report = run_demo(folder, size=size, seed=seed, workers=workers, progress=cb, all_levels=all_levels)
    except DemoError as exc:
        raise fail(str(exc)) from None
    spec = SIZES[size]
    console.print(f"[bold]Demo province[/] ({size}: {spec.districts} districts, {spec.wards} wards, "
                  f"{spec.cells} cells): {report.files_written} workbooks written to {report.folder / 'inbox'}")
    for period, run in report.runs.items():
        res = run.result
        if res is None:
            continue
        key = res.form.fields[0].code  # the form's headline count (total members, members at start)
        console.print(f"  {res.form.code} {period}: {key} = {res.totals().get(key)}, missing {len(res.missing)}, "
                      f"findings {len(run.findings)} → {run.manifest_path.parent if run.manifest_path else ''}")
    table = Table(title="Planted problems and what the run reported", expand=True)
    for col in ("problem", "unit", "period", "file", "reported as"):
        table.add_column(col, overflow="fold")
    ok = True
    for p in report.planted:
        shown = report.how_reported(p)
        ok &= shown is not None
        table.add_row(_KINDS.get(p.kind, p.kind), p.unit, p.period, Path(p.file).name if p.file else "—",
                      shown or "[red]NOT DETECTED[/]")
    console.print(table)
    direct = [f for f in report.findings if f.unit in {p.unit for p in report.planted}]
    console.print(findings_table(direct, title="Findings on the planted files / Phát hiện trên các tệp lỗi"))
    consequences = len(report.findings) - len(direct) - len(report.unexplained())
    console.print(f"{consequences} further findings are consequences upward (reconciliation of the parents' own "
                  "totals, changes against last year); all findings are in each period's *_phat_hien.xlsx.")
    unexplained = report.unexplained()
    if unexplained:
        ok = False
        console.print(findings_table(unexplained, title="[red]Findings no planted problem explains[/]"))
    console.print(f"Outputs: {report.folder / 'outputs'}  (done in {time.perf_counter() - start:.0f} s)")
    console.print(f"Next: evalreport status -w {folder} --period {report.plan.year};  "
                  f"evalreport history -w {folder} {report.planted[0].unit}")
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("demo")(_demo)
