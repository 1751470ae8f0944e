"""Everything the handlers read from and write to the control-panel workbook.

Works on any xlwings Book: the desktop engine when a button runs RunPython, and the
remote-interpreter engine (``xw.Book(json=...)``) in tests and behind xlwings Server. Only
calls both engines support are used (values, clear, hyperlinks, font colour); the status bar,
which the remote engine lacks, is optional.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from evalreport.excel.cell_values import PeriodCellError, period_from_excel, text_from_excel
from evalreport.excel.layout import (
    COMPLETENESS_FIRST_ROW,
    COMPLETENESS_SHEET,
    DETAIL,
    FINDINGS_FIRST_ROW,
    FINDINGS_SHEET,
    LANGUAGE_CHOICES,
    MAX_TABLE_ROWS,
    PANEL_SHEET,
    REASON,
    REPORT_SETTINGS,
    SETTINGS,
    STATUS,
    Setting,
    completeness_header,
    findings_header,
)
from evalreport.model.finding import Finding
from evalreport.model.period import Period
from evalreport.model.unit_state import UnitState
from evalreport.render.letterhead import UnitReportSettings
from evalreport.wording.catalog import describe, text
from evalreport.wording.finding_words import severity_word

__all__ = [
    "PanelSettings", "PanelError", "read_settings", "read_language", "write_status", "write_findings",
    "write_completeness", "StatusBarProgress", "as_text_cell", "clear_reason",
]

_OK_COLOR = (0, 97, 0)
_FAIL_COLOR = (156, 0, 6)


class PanelError(Exception):
    """A problem the officer can fix on the panel; carries a catalog message code and parameters."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        return text(self.code, lang, **self.params)


@dataclass(frozen=True)
class PanelSettings:
    folder: Path
    period: Period
    root: str | None
    form: str
    lang: str
    report: UnitReportSettings = UnitReportSettings()  # the root's letterhead as typed on the panel
    reason: str | None = None  # the “Lý do” cell: why the period is closed, reopened, a unit approved…


def _setting_range(book, setting: Setting):
    """The value cell of a setting: by its defined name, else by its fixed address on the panel."""
    try:
        return book.names[setting.name].refers_to_range
    except Exception:  # the name was deleted or renamed by hand
        return book.sheets[PANEL_SHEET][setting.address]


def _value(book, setting: Setting) -> Any:
    """The cell's value as xlwings gives it (str, float, datetime or None)."""
    return _setting_range(book, setting).value


def _raw(book, setting: Setting) -> str:
    return text_from_excel(_value(book, setting))


def read_language(book) -> str:
    """The panel's language code; "vi" when it cannot be read (used for failure messages too)."""
    try:
        raw = _raw(book, next(s for s in SETTINGS if s.key == "lang"))
    except Exception:
        return "vi"
    return LANGUAGE_CHOICES.get(raw, raw if raw in LANGUAGE_CHOICES.values() else "vi")


def read_settings(book) -> PanelSettings:
    """Read and validate the settings; a missing or wrong value raises :class:`PanelError`."""
    raw = {s.key: _raw(book, s) for s in SETTINGS}
    lang = read_language(book)
    label = {s.key: s.label(lang) for s in SETTINGS}  # as the panel prints it beside the cell
    if not raw["folder"]:
        raise PanelError("XL_SETTING_EMPTY", label=label["folder"], cell=_address("folder"))
    folder = Path(raw["folder"].strip('"')).expanduser()
    if not folder.is_dir():
        raise PanelError("XL_FOLDER_MISSING", folder=str(folder))
    period = _period(book, next(s for s in SETTINGS if s.key == "period"), lang)
    if not raw["form"]:
        raise PanelError("XL_SETTING_EMPTY", label=label["form"], cell=_address("form"))
    report = UnitReportSettings(**{s.key: _raw(book, s) or None for s in REPORT_SETTINGS})
    return PanelSettings(folder=folder, period=period, root=raw["root"] or None, form=raw["form"],
                         lang=lang, report=report, reason=_reason(book))


def _reason(book) -> str | None:
    """The “Lý do” cell; a panel built before it existed has none, which is no reason."""
    try:
        return _raw(book, REASON).strip() or None
    except Exception:
        return None


def clear_reason(book) -> None:
    """Empty the “Lý do” cell once the ledger has recorded it, so the next decision never
    silently reuses the last one's reason."""
    try:
        if _raw(book, REASON):
            _setting_range(book, REASON).value = None
    except Exception:  # an older panel without the cell: nothing to clear
        pass


def _address(key: str) -> str:
    return next(s.address for s in SETTINGS if s.key == key)


def _period(book, setting: Setting, lang: str) -> Period:
    try:
        return period_from_excel(_value(book, setting))
    except PeriodCellError as exc:
        if not exc.value:
            raise PanelError("XL_SETTING_EMPTY", label=setting.label(lang), cell=setting.address) from None
        raise PanelError("XL_PERIOD_BAD", period=exc.value, cell=setting.address) from None


def _stamp() -> str:
    return datetime.now().strftime("%d/%m/%Y %H:%M:%S")


def as_text_cell(value: Any) -> Any:
    """Text that Excel would take for a formula (= + - @) is written with a leading apostrophe,
    so a unit name or message copied from a submission can never become a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def write_status(book, text: str, *, ok: bool = True, detail: str = "") -> None:
    """The one-line status with a timestamp, and a detail line under it."""
    status = _setting_range(book, STATUS)
    status.value = as_text_cell(f"[{_stamp()}] {text}")
    status.font.color = _OK_COLOR if ok else _FAIL_COLOR
    _setting_range(book, DETAIL).value = as_text_cell(detail)


def _write_table(sheet, first_row: int, width: int, run_line: str, rows: Sequence[Sequence[Any]],
                 header: Sequence[str]) -> None:
    sheet.range((first_row, 1), (first_row + MAX_TABLE_ROWS, width)).clear()
    sheet.range((2, 1)).value = as_text_cell(run_line)
    sheet.range((first_row - 1, 1)).value = [list(header)]
    if rows:
        sheet.range((first_row, 1)).value = [[as_text_cell(v) for v in r] for r in rows]


def _file_link(path: str | None, folder: Path | None) -> tuple[str, str] | None:
    """(address, display text) for a finding's file, relative to the workspace when inside it."""
    if not path:
        return None
    p = Path(path)
    if folder is not None and not p.is_absolute():
        p = folder / "inbox" / p if (folder / "inbox" / p).exists() else folder / p
    text = str(p)
    if folder is not None:
        try:
            text = str(p.relative_to(folder))
        except ValueError:
            pass
    return str(p), text


def write_findings(book, findings: Iterable[Finding], lang: str, run_line: str,
                   folder: Path | None = None) -> int:
    """Rewrite the findings sheet: severity, unit, file (a hyperlink), sheet, cell, message.
    Errors first; more than the table holds are counted in a last row. Returns rows written."""
    order = {"error": 0, "warning": 1, "info": 2}
    items = sorted(findings, key=lambda f: (order.get(f.severity, 3), f.unit or "", f.file or ""))
    shown = items[:MAX_TABLE_ROWS - 1]
    rows, links = [], []
    for i, f in enumerate(shown):
        link = _file_link(f.file, folder)
        rows.append([severity_word(f.severity, lang), f.unit or "", link[1] if link else "",
                     f.sheet or "", f.cell or (str(f.row) if f.row is not None else ""), describe(f, lang)])
        if link:
            links.append((FINDINGS_FIRST_ROW + i, link))
    if len(items) > len(shown):
        rows.append(["", "", "", "", "", text("XL_MORE_ROWS", lang, count=len(items) - len(shown))])
    sheet = book.sheets[FINDINGS_SHEET]
    header = findings_header(lang)
    _write_table(sheet, FINDINGS_FIRST_ROW, len(header), run_line, rows, header)
    for row, (address, label) in links:
        sheet.range((row, 3)).add_hyperlink(address, as_text_cell(label))
    return len(rows)


def write_completeness(book, status_rows: Iterable[Any], lang: str, run_line: str,
                       level_label: Callable[[str], str] = str) -> int:
    """Rewrite the completeness sheet from the workspace's status rows (one per expected unit)."""
    rows = []
    for r in status_rows:
        state = text(UnitState(r.state).key, lang)
        if getattr(r, "late", False):
            state = text("STATE_AND_LATE", lang, state=state)
        note = []
        if r.file:
            note.append(str(r.file))
        if r.errors or r.warnings:
            note.append(text("XL_COUNTS", lang, errors=r.errors, warnings=r.warnings))
        if getattr(r, "pending", ()):
            note.append(f"{text(UnitState.PENDING.key, lang)}: {', '.join(r.pending)}")
        rows.append([r.parent or "", r.unit, r.name, level_label(r.level), state, "; ".join(note)])
    header = completeness_header(lang)
    _write_table(book.sheets[COMPLETENESS_SHEET], COMPLETENESS_FIRST_ROW, len(header), run_line, rows, header)
    return len(rows)


class StatusBarProgress:
    """Progress callback for Workspace operations (``progress(stage, done, total)``) that writes
    to Excel's status bar, at most a few times a second. Engines without a status bar (the
    remote interpreter) switch it off silently: progress is a courtesy, never a failure."""

    def __init__(self, book, action: str, min_interval: float = 0.25):
        self.book = book
        self.action = action
        self.min_interval = min_interval
        self.enabled = True
        self.messages: list[str] = []  # what was shown, for tests and logs
        self._last = 0.0

    def _show(self, text: Any) -> None:
        if not self.enabled:
            return
        try:
            self.book.app.status_bar = text
        except Exception:
            self.enabled = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done not in (0, total) and now - self._last < self.min_interval:
            return
        self._last = now
        pct = f" ({100 * done // total}%)" if total else ""
        text = f"evalreport – {self.action}: {stage} {done}/{total}{pct}"
        self.messages.append(text)
        self._show(text)

    def close(self) -> None:
        self._show(False)  # False gives the status bar back to Excel
