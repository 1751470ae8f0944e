"""Commands for the officer's decisions on a period: ``close``, ``reopen``, ``approve`` (and
``--withdraw``), ``admit``. Each is recorded in the ledger with who and when
(:mod:`evalreport.store.period_control`) and shown by ``history`` and ``status``.

Exit codes as the other workspace commands: 0 done; 2 the decision cannot be taken (a reason is
missing, the unit's report has errors, nothing matches); 3 the workspace is busy.
"""

from __future__ import annotations

from pathlib import Path

import typer

from evalreport.cli.workspace import WorkspaceOpt, console, fail, opened

# Help and result texts by language, kept together so they can be folded into the CLI's catalog.
TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "period": "Kỳ báo cáo: 2021, 2025-Q3 hoặc 2025-11.",
        "reason": "Lý do (được ghi vào sổ theo dõi).",
        "form": "Biểu mẫu (mặc định: biểu đầu tiên của kỳ).",
        "units": "Mã các đơn vị.",
        "file": "Số hiệu tệp trong sổ theo dõi, tên tệp, đường dẫn trong inbox hoặc đầu mã SHA-256.",
        "close": "Chốt số liệu một kỳ: số liệu và kết quả tổng hợp được giữ nguyên; tệp đến sau được giữ chờ xử lý.",
        "reopen": "Mở lại kỳ đã chốt (phải ghi lý do) và đưa các tệp chờ xử lý của kỳ vào tổng hợp.",
        "approve": "Duyệt báo cáo hiện hành của đơn vị: tệp mới hơn được giữ chờ xử lý cho đến khi rút lại việc duyệt.",
        "withdraw": "Rút lại việc duyệt và đưa tệp chờ xử lý vào tổng hợp.",
        "admit": "Chấp nhận tệp chờ xử lý (tệp của kỳ khác): tính vào kỳ mà tệp báo cáo.",
        "closed": "Đã chốt số liệu kỳ {period}.",
        "reopened": "Đã mở lại kỳ {period}: {counted} tệp được đưa vào tổng hợp, {held} tệp vẫn chờ xử lý.",
        "approved": "Đã duyệt: {units}.",
        "withdrawn": "Đã rút lại việc duyệt: {units}; {counted} tệp được đưa vào tổng hợp.",
        "admitted": "{counted} tệp được đưa vào tổng hợp, {held} tệp vẫn chờ xử lý ({why}).",
        "rerun": "Chạy lại để cập nhật kết quả: evalreport run -w {folder} -p {period}",
    },
    "en": {
        "period": "Period: 2021, 2025-Q3 or 2025-11.",
        "reason": "Reason (recorded in the ledger).",
        "form": "Form (default: the period's first form).",
        "units": "Unit codes.",
        "file": "The file's ledger id, name, inbox path or SHA-256 prefix.",
        "close": "Close a period: its figures and outputs are frozen; later files are held as pending.",
        "reopen": "Reopen a closed period (a reason is required) and let its pending files in.",
        "approve": "Approve the units' current reports: a newer file is held until the approval is withdrawn.",
        "withdraw": "Withdraw the approval and let pending files in.",
        "admit": "Admit a pending file (of another period): count it in the period it reports.",
        "closed": "Period {period} closed.",
        "reopened": "Period {period} reopened: {counted} file(s) let in, {held} still pending.",
        "approved": "Approved: {units}.",
        "withdrawn": "Approval withdrawn: {units}; {counted} file(s) let in.",
        "admitted": "{counted} file(s) let in, {held} still pending ({why}).",
        "rerun": "Run again to update the outputs: evalreport run -w {folder} -p {period}",
    },
}
_T = TEXTS["vi"]


def _say(ws, key: str, **params: object) -> None:
    console.print(TEXTS.get(ws.config.language, _T)[key].format(**params))


def _refused(exc, ws) -> typer.Exit:
    return fail(exc.message(ws.config.language))


def _close(period: str = typer.Option(..., "--period", "-p", help=_T["period"]), workspace: Path = WorkspaceOpt,
           reason: str | None = typer.Option(None, "--reason", help=_T["reason"])) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            ws.close_period(period, reason)
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None
        _say(ws, "closed", period=period)


def _reopen(period: str = typer.Option(..., "--period", "-p", help=_T["period"]), workspace: Path = WorkspaceOpt,
            reason: str = typer.Option("", "--reason", help=_T["reason"])) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            done = ws.reopen_period(period, reason)
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None
        _say(ws, "reopened", period=period, counted=len(done.counted), held=len(done.still_held))
        if done.counted:
            _say(ws, "rerun", folder=workspace, period=period)


def _approve(units: list[str] = typer.Argument(..., help=_T["units"]),
             period: str = typer.Option(..., "--period", "-p", help=_T["period"]), workspace: Path = WorkspaceOpt,
             withdraw: bool = typer.Option(False, "--withdraw", help=_T["withdraw"]),
             form: str | None = typer.Option(None, "--form", help=_T["form"]),
             reason: str | None = typer.Option(None, "--reason", help=_T["reason"])) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            if withdraw:
                done = ws.withdraw_approval(period, units, form, reason)
                _say(ws, "withdrawn", units=", ".join(units), counted=len(done.counted))
                if done.counted:
                    _say(ws, "rerun", folder=workspace, period=period)
            else:
                _say(ws, "approved", units=", ".join(ws.approve(period, units, form, reason) or units))
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None


def _admit(file: str = typer.Argument(..., help=_T["file"]), workspace: Path = WorkspaceOpt,
           reason: str | None = typer.Option(None, "--reason", help=_T["reason"])) -> None:
    from evalreport.store.period_control import PeriodActionError

    with opened(workspace) as ws:
        try:
            done = ws.admit(file, reason)
        except PeriodActionError as exc:
            raise _refused(exc, ws) from None
        _say(ws, "admitted", counted=len(done.counted), held=len(done.still_held),
             why=", ".join(sorted({why for _id, why in done.still_held})) or "-")


def register(app: typer.Typer) -> None:
    app.command("close", help=_T["close"])(_close)
    app.command("reopen", help=_T["reopen"])(_reopen)
    app.command("approve", help=_T["approve"])(_approve)
    app.command("admit", help=_T["admit"])(_admit)
