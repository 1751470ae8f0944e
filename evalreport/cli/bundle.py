"""``evalreport bundle OUT``: the offline install folder and .zip for officers' PCs (see
docs/install.md). pip and packaging are imported only when the command runs."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

_SOURCE = Path(__file__).resolve().parents[2]  # the source tree when evalreport runs from a checkout


def _bundle(out: Path = typer.Argument(...),
            platform: str = typer.Option(None, "--platform"),
            python_version: str = typer.Option(f"{sys.version_info[0]}.{sys.version_info[1]}", "--python-version"),
            source: Path = typer.Option(_SOURCE, "--source"),
            workbook: Path = typer.Option(None, "--workbook"),
            lang: str = typer.Option("vi", "--lang"),
            quiet: bool = typer.Option(False, "--quiet", "-q")) -> None:
    """Write an offline install: every wheel for the target, the Excel panel, install scripts."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    import evalreport.wording.install_messages  # noqa: F401  (registers the wording)
    from evalreport.cli.usage import check_lang
    from evalreport.cli.workspace import console, fail
    from evalreport.install.bundle import STEPS, build_bundle
    from evalreport.install.download import BundleError
    from evalreport.install.scripts import WINDOWS_SCRIPT
    from evalreport.install.target import Target
    from evalreport.wording.catalog import text

    check_lang(lang)

    def say(code: str, **params: object) -> str:
        return text(code, lang, **params)

    target = Target(platform, python_version)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                      TimeElapsedColumn(), console=console, transient=True, disable=quiet) as bars:
            task = bars.add_task("", total=len(STEPS))

            def step(code: str) -> None:
                bars.update(task, completed=STEPS.index(code), description=say(code))

            bundle = build_bundle(out, source, workbook or source / "workbooks" / "evalreport.xlsm", target, step)
            bars.update(task, completed=len(STEPS))
    except BundleError as exc:
        raise fail(exc.message(lang), 1) from None
    console.print(say("BUNDLE_DONE", folder=bundle.folder, wheels=len(bundle.wheels), size=f"{bundle.size_mb:.0f}",
                      zip=bundle.zip_path))
    console.print(say("BUNDLE_TARGET", target=target.label))
    if bundle.added_for_target:
        console.print("  + " + ", ".join(bundle.added_for_target))
    console.print(say("BUNDLE_NEXT", zip=bundle.zip_path.name, script=WINDOWS_SCRIPT))


def register(app: typer.Typer) -> None:
    app.command("bundle")(_bundle)
