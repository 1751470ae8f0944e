"""The functions the control panel's buttons call (through xlwings' RunPython).

Each takes the calling book (``xw.Book.caller()`` when run from Excel, or a Book passed in, e.g.
one built with ``xw.Book(json=...)``), reads the settings from the panel, calls the
:class:`~evalreport.store.workspace.Workspace`, and writes back a status line, the findings and
the completeness. Nothing raises into Excel: a failure becomes a readable message on the panel,
because an xlwings traceback pop-up means nothing to an officer. Each returns True on success.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from evalreport.excel.layout import REASON, action_name
from evalreport.excel.panel import (
    PanelError,
    PanelSettings,
    StatusBarProgress,
    clear_reason,
    read_language,
    read_settings,
    write_completeness,
    write_findings,
    write_status,
)
from evalreport.form.definition import available_forms, load_form
from evalreport.model.finding import Finding, unique_findings
from evalreport.model.unit_state import UnitState
from evalreport.model.worded_error import WordedError
from evalreport.wording.catalog import text

__all__ = ["make_templates", "check_inbox", "consolidate", "write_reports", "open_outputs", "open_folder",
           "close_period", "reopen_period", "approve_units", "withdraw_approval", "admit_pending"]

log = logging.getLogger("evalreport.excel")

# An action body gets the book, the open workspace, the settings and a progress callback and
# returns the status line and its detail.
Body = Callable[[Any, Any, PanelSettings, StatusBarProgress], tuple[str, str]]


def _msg(code: str, lang: str, **params: Any) -> str:
    return text(code, lang, **params)


@contextmanager
def _workspace(settings: PanelSettings):
    from evalreport.store import Workspace

    forms = available_forms()
    if settings.form not in forms:
        raise PanelError("XL_FORM_UNKNOWN", form=settings.form, forms=", ".join(sorted(forms)))
    kinds = load_form(settings.form).period_types
    if settings.period.kind not in kinds:
        raise PanelError("XL_FORM_PERIOD", form=settings.form, period=str(settings.period), kinds=", ".join(kinds))
    ws = Workspace.open(settings.folder)
    try:
        if settings.root and settings.root != ws.root:
            if settings.root not in ws.hierarchy:
                raise PanelError("XL_ROOT_UNKNOWN", root=settings.root)
            ws.config = ws.config.model_copy(update={"root": settings.root})
        _apply_panel_report(ws, settings)
        yield ws
    finally:
        ws.close()


def _apply_panel_report(ws, settings: PanelSettings) -> None:
    """The letterhead typed on the panel, over the workspace's settings for the root, for this
    action only: evalreport.yaml is never rewritten (its comments and per-unit settings stay as
    the officer wrote them), and an emptied cell gives the file's value back."""
    typed = settings.report
    if not any((typed.place, typed.number, typed.signer_title, typed.signer_name)):
        return
    from evalreport.store.config import UnitReportOptions

    report = ws.config.report
    unit = report.units.get(ws.root, UnitReportOptions())
    signer = unit.signer.model_copy(update={k: v for k, v in (("title", typed.signer_title),
                                                              ("name", typed.signer_name)) if v})
    unit = unit.model_copy(update={**{k: v for k, v in (("place", typed.place), ("number", typed.number)) if v},
                                   "signer": signer})
    report = report.model_copy(update={"units": {**report.units, ws.root: unit}})
    ws.config = ws.config.model_copy(update={"report": report})


def _run_line(ws, settings: PanelSettings) -> str:
    return _msg("XL_RUN_LINE", settings.lang, period=settings.period.label(settings.lang), form=settings.form,
                root=ws.root, time=datetime.now().strftime("%d/%m/%Y %H:%M"))


def _counts(findings: list[Finding]) -> tuple[int, int]:
    return sum(f.severity == "error" for f in findings), sum(f.severity == "warning" for f in findings)


def _completeness(book, ws, settings: PanelSettings, run_line: str) -> tuple[int, int]:
    rows = ws.status(settings.period, settings.form)
    levels = ws.hierarchy.levels

    def level_label(key: str) -> str:
        try:
            return levels.get(key).label.get(settings.lang) or key
        except (KeyError, ValueError):
            return key

    write_completeness(book, rows, settings.lang, run_line, level_label)
    return sum(r.state in (UnitState.ACCEPTED, UnitState.APPROVED) for r in rows), len(rows)


def _failure(exc: BaseException, action: str, lang: str) -> tuple[str, str]:
    """Status and detail lines for an exception, in the officer's language."""
    from evalreport.store import WorkspaceConfigError, WorkspaceLocked
    from evalreport.store.period_control import PeriodActionError
    from evalreport.store.publish import OutputsInUse

    # OutputsInUse: a report open in Excel/Word; the old set is whole
    if isinstance(exc, (PanelError, PeriodActionError, OutputsInUse)):
        return exc.message(lang), ""
    if isinstance(exc, WorkspaceConfigError):
        return _msg("XL_WORKSPACE_BAD", lang, reason=exc.message(lang)), ""
    if isinstance(exc, WorkspaceLocked):
        return _msg("XL_BUSY", lang, **exc.params), ""
    if isinstance(exc, WordedError):  # an unknown period, a broken form definition, ...
        return exc.message(lang), ""
    log.error("panel action %s failed", action, exc_info=exc)
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    detail = f"{type(exc).__name__}: {exc}" + (f" ({Path(where.filename).name}:{where.lineno})" if where else "")
    return _msg("XL_UNEXPECTED", lang, action=action_name(action, lang), error=type(exc).__name__), detail


def _caller():
    import xlwings as xw

    return xw.Book.caller()


def _run(action: str, book, body: Body) -> bool:
    """Run one button's action; whatever happens, the officer gets a status line, never a traceback."""
    try:
        book = _caller() if book is None else book
    except Exception:  # not started from Excel and no book given: nothing to write to
        log.exception("no calling workbook for %s", action)
        return False
    lang = read_language(book)
    progress = StatusBarProgress(book, action_name(action, lang))
    try:
        settings = read_settings(book)
        with _workspace(settings) as ws:
            text, detail = body(book, ws, settings, progress)
        write_status(book, text, ok=True, detail=detail)
        return True
    except Exception as exc:
        try:
            text, detail = _failure(exc, action, lang)
        except Exception:  # even describing the failure failed (e.g. a broken installation)
            text, detail = f"evalreport: {action_name(action, lang)} – {type(exc).__name__}", str(exc)
        try:
            write_status(book, text, ok=False, detail=detail)
        except Exception:  # the panel itself is broken: fall back to a message box
            try:
                book.app.alert(text, title="evalreport")
            except Exception:
                log.exception("could not report the failure of %s", action)
        return False
    finally:
        progress.close()


# -- the actions ---------------------------------------------------------------------------------
def _make_templates(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
    paths = ws.make_templates(s.period, form=s.form, progress=progress)
    folder = paths[0].parent if paths else ws.outputs_dir(s.period)
    return _msg("XL_TEMPLATES_DONE", s.lang, count=len(paths), form=s.form, period=str(s.period)), str(folder)


def _check_inbox(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
    report = ws.ingest(progress=progress, period=s.period)
    # This ingest's ledger events (duplicates, replacements, held files), the period's held files,
    # then every finding of the period's current submissions, so the list is complete however
    # often the button is pressed.
    events = [f for f in report.findings if f.rule.startswith("WS_")]
    findings = _with_unreadable(ws, [*events, *ws.pending(s.period), *ws.result(s.period, s.form).findings])
    line = _run_line(ws, s)
    write_findings(book, findings, s.lang, line, ws.folder)
    received, expected = _completeness(book, ws, s, line)
    errors, warnings = _counts(findings)
    return _msg("XL_CHECK_DONE", s.lang, parsed=report.parsed, received=received, expected=expected,
                errors=errors, warnings=warnings), str(ws.inbox)


def _with_unreadable(ws, findings: list[Finding]) -> list[Finding]:
    """Add the findings of inbox files that could not be identified as any unit's report: they
    belong to no period, so no consolidation lists them, yet the officer must chase them."""
    from evalreport.store.records import findings_from_json

    unreadable = [f for row in ws.ledger.unreadable() for f in findings_from_json(row["findings_json"])]
    return unique_findings([*unreadable, *findings])


def _run_period(all_levels: bool) -> Body:
    def body(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
        report = ws.run(s.period, all_levels=all_levels, progress=progress, forms=[s.form], lang=s.lang)
        line = _run_line(ws, s)
        findings = _with_unreadable(ws, report.findings)
        write_findings(book, findings, s.lang, line, ws.folder)
        received, expected = _completeness(book, ws, s, line)
        errors, warnings = _counts(findings)
        if report.closed is not None:
            return _msg("PERIOD_RUN_CLOSED", s.lang, period=str(s.period)), str(ws.outputs_dir(s.period))
        text = _msg("XL_RUN_DONE", s.lang, form=s.form, period=str(s.period), root=ws.root, received=received,
                    expected=expected, errors=errors, warnings=warnings, outputs=len(report.outputs))
        return text, str(ws.outputs_dir(s.period))
    return body


def _selected(book, sheet: str, column: int, rows: str | None) -> list[str]:
    """The values of ``column`` (1 = A) in the rows the officer selected on ``sheet`` below its
    header: how the panel names the units to approve or the file to admit. ``rows`` is what the
    VBA macro read from that sheet ("5:7,9"), because the button sits on the panel, whose own
    selection Excel gives Python; without it, the book's selection if it is on ``sheet``."""
    from evalreport.excel.layout import COMPLETENESS_FIRST_ROW, MAX_TABLE_ROWS

    last = COMPLETENESS_FIRST_ROW + MAX_TABLE_ROWS
    try:
        if rows is not None:
            spans = [tuple(int(x) for x in (part.split(":") * 2)[:2]) for part in rows.split(",") if part.strip()]
        else:
            selection = book.selection
            if selection is None or selection.sheet.name != sheet:
                return []
            spans = [(selection.row, selection.row + selection.rows.count - 1)]
        values = []
        for a, b in spans:  # one read per selected block (a whole column is cut to the table)
            a, b = max(a, COMPLETENESS_FIRST_ROW), min(b, last)
            if a <= b:
                values += book.sheets[sheet].range((a, column), (b, column)).options(ndim=1).value
    except Exception:  # no selection in this engine, or rows not understood: nothing selected
        return []
    return list(dict.fromkeys(str(v).strip() for v in values if v not in (None, "")))


def _units(book, units: str | list[str] | None, rows: str | None, action: str, lang: str) -> list[str]:
    from evalreport.excel.layout import COMPLETENESS_SHEET

    chosen = units.replace(";", ",").split(",") if isinstance(units, str) else units
    chosen = [u.strip() for u in chosen or _selected(book, COMPLETENESS_SHEET, 2, rows) if u and u.strip()]
    if not chosen:
        raise PanelError("XL_NEED_UNITS", action=action_name(action, lang))
    return chosen


def _reason(given: str | None, s: PanelSettings) -> str | None:
    """The reason passed in, else the one typed in the panel's “Lý do” cell."""
    return given.strip() or None if given is not None else s.reason


def _close_period(reason: str | None) -> Body:
    def body(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
        ws.close_period(s.period, _reason(reason, s))
        _completeness(book, ws, s, _run_line(ws, s))
        clear_reason(book)
        return _msg("XL_PERIOD_CLOSED", s.lang, form=s.form, period=str(s.period)), str(ws.outputs_dir(s.period))
    return body


def _reopen_period(reason: str | None) -> Body:
    def body(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
        why = _reason(reason, s)
        if not why:
            raise PanelError("XL_NEED_REASON", action=action_name("reopen_period", s.lang), label=REASON.label(s.lang),
                             cell=REASON.address)
        done = ws.reopen_period(s.period, why)
        _completeness(book, ws, s, _run_line(ws, s))
        clear_reason(book)
        return _msg("XL_PERIOD_REOPENED", s.lang, period=str(s.period), counted=len(done.counted)), ""
    return body


def _approve(units: str | list[str] | None, rows: str | None, withdraw: bool, reason: str | None) -> Body:
    action = "withdraw_approval" if withdraw else "approve_units"

    def body(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
        chosen = _units(book, units, rows, action, s.lang)
        if withdraw:
            done = ws.withdraw_approval(s.period, chosen, s.form, _reason(reason, s))
            text = _msg("XL_WITHDRAWN", s.lang, units=", ".join(chosen), counted=len(done.counted))
        else:
            ws.approve(s.period, chosen, s.form, _reason(reason, s))
            text = _msg("XL_APPROVED", s.lang, units=", ".join(chosen))
        _completeness(book, ws, s, _run_line(ws, s))
        clear_reason(book)
        return text, ""
    return body


def _admit(file: str | None, rows: str | None, reason: str | None) -> Body:
    def body(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
        from evalreport.excel.layout import FINDINGS_SHEET

        names = [file] if file else _selected(book, FINDINGS_SHEET, 3, rows)
        if not names:
            raise PanelError("XL_NEED_FILE", action=action_name("admit_pending", s.lang))
        counted = held = 0
        for name in names:
            done = ws.admit(name, _reason(reason, s))
            counted, held = counted + len(done.counted), held + len(done.still_held)
        _completeness(book, ws, s, _run_line(ws, s))
        clear_reason(book)
        return _msg("XL_ADMITTED", s.lang, counted=counted, held=held), ""
    return body


def open_folder(folder: Path) -> None:
    """Show a folder in the system's file manager (Explorer on Windows)."""
    if sys.platform.startswith("win"):
        os.startfile(folder)  # type: ignore[attr-defined]  # noqa: S606
    else:
        subprocess.Popen(["open" if sys.platform == "darwin" else "xdg-open", str(folder)])  # noqa: S603


def _open_outputs(book, ws, s: PanelSettings, progress) -> tuple[str, str]:
    folder = ws.outputs_dir(s.period)
    if not folder.is_dir():
        raise PanelError("XL_NO_OUTPUTS", period=str(s.period), folder=str(folder))
    open_folder(folder)
    return _msg("XL_OPENED", s.lang, folder=str(folder)), str(folder)


# -- public entry points (what the VBA macros call) -----------------------------------------------
def make_templates(book=None) -> bool:
    """“Tạo biểu mẫu”: fill-in workbooks for every unit that reports to the workspace's root."""
    return _run("make_templates", book, _make_templates)


def check_inbox(book=None) -> bool:
    """“Kiểm tra”: record new files of the inbox, list every finding and who has reported."""
    return _run("check_inbox", book, _check_inbox)


def consolidate(book=None) -> bool:
    """“Tổng hợp”: run the period (ingest, consolidate, render the root's outputs)."""
    return _run("consolidate", book, _run_period(all_levels=False))


def write_reports(book=None) -> bool:
    """“Xuất báo cáo”: as consolidate, with outputs for every non-leaf unit too."""
    return _run("write_reports", book, _run_period(all_levels=True))


def open_outputs(book=None) -> bool:
    """“Mở thư mục kết quả”: open the period's outputs folder."""
    return _run("open_outputs", book, _open_outputs)


def close_period(book=None, reason: str | None = None) -> bool:
    """“Chốt số liệu”: freeze the period; files arriving later are held as pending. ``reason``
    defaults to the panel's “Lý do” cell (the VBA asks “Chốt số liệu kỳ …?” first)."""
    return _run("close_period", book, _close_period(reason))


def reopen_period(book=None, reason: str | None = None) -> bool:
    """“Mở lại kỳ”: reopen the closed period and let its held files in; the reason (required)
    defaults to the panel's “Lý do” cell, where a Vietnamese reason survives intact: VBA's
    InputBox would turn its letters into “?” outside a Vietnamese code page."""
    return _run("reopen_period", book, _reopen_period(reason))


def approve_units(book=None, units: str | list[str] | None = None, reason: str | None = None,
                  rows: str | None = None) -> bool:
    """“Duyệt báo cáo”: approve the reports of the units given, or of the rows selected on the
    completeness sheet (``rows`` "5:7,9" as the VBA read them, else the book's selection)."""
    return _run("approve_units", book, _approve(units, rows, False, reason))


def withdraw_approval(book=None, units: str | list[str] | None = None, reason: str | None = None,
                      rows: str | None = None) -> bool:
    """“Rút lại duyệt”: withdraw the approvals and let the files held back by them in."""
    return _run("withdraw_approval", book, _approve(units, rows, True, reason))


def admit_pending(book=None, file: str | None = None, reason: str | None = None, rows: str | None = None) -> bool:
    """“Chấp nhận tệp chờ xử lý”: count the held file given, or those of the rows selected on
    the findings sheet."""
    return _run("admit_pending", book, _admit(file, rows, reason))
