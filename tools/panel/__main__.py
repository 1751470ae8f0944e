"""``python -m tools.panel``: rebuild the Excel control panel (the .xlsm) from the VBA kept as text.

A build tool for developers, not part of the installed package: officers receive the built workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

PANEL_FILES = {"vi": "evalreport.xlsm", "en": "evalreport_en.xlsm"}  # the committed panel of each language
app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
def build_workbook_cmd(
    out: Optional[Path] = typer.Option(None, "--out", help="Target .xlsm (default: workbooks/evalreport.xlsm)."),
    bas: Optional[Path] = typer.Option(None, "--bas", help="Our VBA module (default: workbooks/evalreport_panel.bas)."),
    folder: Optional[str] = typer.Option(None, "--folder", help="Pre-fill the workspace folder setting."),
    period: Optional[str] = typer.Option(None, "--period", help="Pre-fill the period setting."),
    root: Optional[str] = typer.Option(None, "--root", help="Pre-fill the root unit setting."),
    lang: str = typer.Option("vi", "--lang", help="Language of the panel's labels, buttons and starting "
                                                 "language setting: vi or en (default target: "
                                                 "workbooks/evalreport_en.xlsm for en)."),
    interpreter: Optional[str] = typer.Option(None, "--interpreter",
                                              help="INTERPRETER_WIN on the xlwings.conf sheet (default: none, "
                                                   "the officer's %USERPROFILE%\\.xlwings\\xlwings.conf decides)."),
) -> None:
    """Rebuild the control-panel workbook reproducibly: same inputs, same bytes."""
    from tools.panel.workbook_builder import WorkbookBuildError, build_workbook, default_bas_path

    if lang not in PANEL_FILES:
        typer.echo(f"error: --lang must be one of {', '.join(PANEL_FILES)}, not {lang}", err=True)
        raise typer.Exit(2)
    target = out or default_bas_path().with_name(PANEL_FILES[lang])
    try:
        prefill = {k: v for k, v in {"folder": folder, "period": period, "root": root}.items() if v}
        path = build_workbook(target, bas_path=bas, prefill=prefill, conf={"INTERPRETER_WIN": interpreter or ""},
                              lang=lang)
    except WorkbookBuildError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {path}")


if __name__ == "__main__":
    app()
