"""Commands for the officer's decisions on a period: ``close``, ``reopen``, ``approve`` (and
``--withdraw``), ``admit``. Each is recorded in the ledger with who and when
(:mod:`evalreport.store.period_control`) and shown by ``history`` and ``status``.

Exit codes as the other workspace commands: 0 done; 2 the decision cannot be taken (a reason is
missing, the unit's report has errors, nothing matches); 3 the workspace is busy.
"""

from __future__ import annotations

from pathlib import Path

import typer

from evalreport.cli import language
from evalreport.cli.workspace import WorkspaceOpt, console, fail, opened
from evalreport.wording.catalog import text


def _say(ws, key: str, **params: object) -> None:
    """A command's result in the workspace's language (or the one asked for)."""
    console.print(text(key, language.chosen(ws.config.language), **params))


def _refused(exc, ws) -> typer.Exit:
    return fail(exc.message(language.chosen(ws.config.language)))


def _close(period: str = typer.Option(..., "--period", "-p"), workspace: Path = WorkspaceOpt,
           reason: str | None = typer.Option(None, "--reason")) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            ws.close_period(period, reason)
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None
        _say(ws, "CLI_DONE_CLOSED", period=period)


def _reopen(period: str = typer.Option(..., "--period", "-p"), workspace: Path = WorkspaceOpt,
            reason: str = typer.Option("", "--reason")) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            done = ws.reopen_period(period, reason)
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None
        _say(ws, "CLI_DONE_REOPENED", period=period, counted=len(done.counted), held=len(done.still_held))
        if done.counted:
            _say(ws, "CLI_DONE_RERUN", folder=workspace, period=period)


def _approve(units: list[str] = typer.Argument(...),
             period: str = typer.Option(..., "--period", "-p"), workspace: Path = WorkspaceOpt,
             withdraw: bool = typer.Option(False, "--withdraw"),
             form: str | None = typer.Option(None, "--form"),
             reason: str | None = typer.Option(None, "--reason")) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            if withdraw:
                done = ws.withdraw_approval(period, units, form, reason)
                _say(ws, "CLI_DONE_WITHDRAWN", units=", ".join(units), counted=len(done.counted))
                if done.counted:
                    _say(ws, "CLI_DONE_RERUN", folder=workspace, period=period)
            else:
                _say(ws, "CLI_DONE_APPROVED", units=", ".join(ws.approve(period, units, form, reason) or units))
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None


def _admit(file: str = typer.Argument(...), workspace: Path = WorkspaceOpt,
           reason: str | None = typer.Option(None, "--reason")) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            done = ws.admit(file, reason)
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None
        _say(ws, "CLI_DONE_ADMITTED", counted=len(done.counted), held=len(done.still_held),
             why=", ".join(sorted({why for _id, why in done.still_held})) or "-")


def register(app: typer.Typer) -> None:
    app.command("close")(_close)
    app.command("reopen")(_reopen)
    app.command("approve")(_approve)
    app.command("admit")(_admit)
