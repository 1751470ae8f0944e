"""Build the control-panel workbook ``workbooks/evalreport.xlsm`` from the VBA kept as text.

XlsxWriter writes the sheets, the form-control buttons bound to macros, the drop-downs and the
defined names; :mod:`tools.panel.vba_project` writes ``vbaProject.bin`` from our module
(``workbooks/evalreport_panel.bas``) and xlwings' standalone module (``xlwings.bas`` from the
installed xlwings package), so the workbook needs no xlwings add-in. Zip entries carry XlsxWriter's
fixed 1980-01-01 timestamp and the document properties a fixed date: the same inputs give the
same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from evalreport.excel.layout import (
    BUTTONS,
    COMPLETENESS_SHEET,
    CONFIG_SHEET,
    DETAIL,
    FINDINGS_SHEET,
    LANGUAGE_CHOICES,
    PANEL_SHEET,
    PERIOD_BUTTONS,
    PERIOD_SECTION_ROW,
    REASON,
    REPORT_SECTION_ROW,
    REPORT_SETTINGS,
    RUN_BUTTONS,
    SETTINGS,
    STATUS,
    VBA_MODULE,
    Setting,
    completeness_header,
    findings_header,
)
from evalreport.form.definition import available_forms
from evalreport.store.atomic import atomic_write_bytes
from evalreport.wording.catalog import text
from tools.panel.vba_project import VbaModule, build_vba_project, module_from_bas

__all__ = ["build_workbook", "default_bas_path", "xlwings_bas_path", "check_macros", "WorkbookBuildError"]

_FIXED_DATE = datetime(2025, 1, 1, 0, 0, 0)
_SHEETS = (PANEL_SHEET, FINDINGS_SHEET, COMPLETENESS_SHEET, CONFIG_SHEET)


class WorkbookBuildError(ValueError):
    """The inputs of the build are inconsistent (a button's macro missing from the .bas, ...)."""


def default_bas_path() -> Path:
    """``workbooks/evalreport_panel.bas`` of the source checkout this package runs from."""
    return Path(__file__).resolve().parents[2] / "workbooks" / "evalreport_panel.bas"


def xlwings_bas_path() -> Path:
    """xlwings' standalone VBA module, shipped inside the installed xlwings package."""
    import xlwings

    return Path(xlwings.__file__).with_name("xlwings.bas")


def check_macros(bas_text: str) -> None:
    """Every button's macro must be a Sub of the module that calls its handler through RunPython.

    The call may pass arguments the macro gathered (``h.approve_units(rows='" & SelectedRows(3) & "')``:
    the rows the officer selected); what is checked is that the named handler itself is called,
    so a typo such as ``h.approve_unit(`` or a call to another handler is refused."""
    for b in BUTTONS:
        m = re.search(rf"^\s*(?:Public\s+)?Sub\s+{b.macro}\s*\(\)(.*?)^\s*End Sub", bas_text, re.M | re.S | re.I)
        if not m:
            raise WorkbookBuildError(f"the VBA module has no Sub {b.macro}() for the button “{b.caption('vi')}”")
        call = rf"RunPython[\s(]+\"import evalreport\.excel\.handlers as h; h\.{b.handler}\([^\r\n]*\)\"\)"
        if not re.search(call, m.group(1)):
            raise WorkbookBuildError(f"Sub {b.macro}() does not call evalreport.excel.handlers.{b.handler}()")


def _vba_modules(bas_text: str, xlwings_text: str) -> list[VbaModule]:
    ours = module_from_bas(bas_text)
    if ours.name != VBA_MODULE:
        raise WorkbookBuildError(f'the .bas module is named "{ours.name}", expected "{VBA_MODULE}"')
    documents = [VbaModule("ThisWorkbook", "document")]
    documents += [VbaModule(f"Sheet{i}", "document") for i in range(1, len(_SHEETS) + 1)]
    return [*documents, module_from_bas(xlwings_text), ours]


def _ref(setting: Setting) -> str:
    col, row = re.match(r"([A-Z]+)(\d+)", setting.address).groups()
    return f"='{PANEL_SHEET}'!${col}${row}"


def _setting_row(wb, ws, fmt, s: Setting, prefill: Mapping[str, str], lang: str) -> None:
    """Label, yellow input cell (with its defined name) and hint of one setting."""
    row = int(s.address[1:]) - 1
    ws.set_row(row, 20)
    ws.write(row, 1, s.label(lang), fmt["label"])
    ws.write_string(row, 2, prefill.get(s.key, s.default), fmt["input"])
    ws.write(row, 3, s.hint(lang), fmt["hint"])
    wb.define_name(s.name, _ref(s))


def _build_panel(wb, ws, fmt, prefill: Mapping[str, str], lang: str) -> None:
    ws.set_column("A:A", 2)
    ws.set_column("B:B", 35)
    ws.set_column("C:C", 58)
    ws.set_column("D:D", 52)
    ws.set_row(0, 30)
    ws.write("B1", text("XL_PANEL_TITLE", lang), fmt["title"])
    ws.write("B2", text("XL_PANEL_SUBTITLE", lang), fmt["subtitle"])
    ws.write("B4", text("XL_SECTION_SETTINGS", lang), fmt["section"])
    for s in SETTINGS:
        _setting_row(wb, ws, fmt, s, prefill, lang)
    form_row = next(int(s.address[1:]) - 1 for s in SETTINGS if s.key == "form")
    lang_row = next(int(s.address[1:]) - 1 for s in SETTINGS if s.key == "lang")
    ws.data_validation(form_row, 2, form_row, 2, {
        "validate": "list", "source": sorted(available_forms()),
        "error_title": text("XL_PICK_FORM_TITLE", lang), "error_message": text("XL_PICK_FORM", lang)})
    ws.data_validation(lang_row, 2, lang_row, 2, {
        "validate": "list", "source": list(LANGUAGE_CHOICES),
        "error_title": text("XL_PICK_LANG_TITLE", lang), "error_message": text("XL_PICK_LANG", lang)})
    ws.write("B11", text("XL_SECTION_LAST_RUN", lang), fmt["section"])
    for s in (STATUS, DETAIL):
        row = int(s.address[1:]) - 1
        ws.set_row(row, 32)
        ws.write(row, 1, s.label(lang), fmt["label"])
        ws.write_blank(row, 2, None, fmt["status"])
        wb.define_name(s.name, _ref(s))
    ws.write("B15", text("XL_SECTION_ACTIONS", lang), fmt["section"])
    _buttons(ws, fmt, RUN_BUTTONS, lang)
    ws.write(REPORT_SECTION_ROW - 1, 1, text("XL_SECTION_REPORT", lang), fmt["section"])
    for s in REPORT_SETTINGS:
        _setting_row(wb, ws, fmt, s, prefill, lang)
    ws.write(PERIOD_SECTION_ROW - 1, 1, text("XL_SECTION_PERIOD", lang), fmt["section"])
    _setting_row(wb, ws, fmt, REASON, {}, lang)
    _buttons(ws, fmt, PERIOD_BUTTONS, lang)
    ws.write("B27", text("XL_PANEL_CONF_HINT", lang), fmt["hint"])
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 1)
    ws.activate()


def _buttons(ws, fmt, buttons, lang: str) -> None:
    """A column of form-control buttons bound to their macros, each described beside it."""
    for b in buttons:
        ws.set_row(b.row - 1, 30)
        ws.insert_button(b.row - 1, 1, {"macro": b.macro, "caption": b.caption(lang), "width": 215, "height": 34,
                                        "x_offset": 4, "y_offset": 3})
        ws.write(b.row - 1, 2, b.description(lang), fmt["hint_wrap"])


def _build_table_sheet(ws, fmt, title: str, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    ws.write("A1", title, fmt["title"])
    for i, (h, w) in enumerate(zip(header, widths, strict=True)):
        ws.set_column(i, i, w)
        ws.write(2, i, h, fmt["header"])
    ws.freeze_panes(3, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


# Keys the panel itself needs: xlwings writes a start-up failure (Python or evalreport not found)
# into a sheet "Error" instead of its own English pop-up, and the panel's VBA turns it into a
# Vietnamese message on the panel (workbooks/evalreport_panel.bas, ReportStartFailure).
PANEL_CONF: dict[str, str] = {"SHOW_ERROR_POPUPS": "False"}
_CONF_NOTED = ("SHOW_ERROR_POPUPS", "INTERPRETER_WIN", "PYTHONPATH")  # each with a note XL_CONF_<KEY>


def _build_config(ws, fmt, conf: Mapping[str, str], lang: str) -> None:
    """xlwings reads keys from column A (from A1 down to the first empty cell) and values from
    column B, and a key present on the sheet wins even when its value is empty, hiding the
    officer's own %USERPROFILE%\\.xlwings\\xlwings.conf: so only keys with a value are written."""
    rows = [(k, v) for k, v in {**PANEL_CONF, **conf}.items() if v]
    ws.set_column("A:A", 22)
    ws.set_column("B:B", 60)
    ws.set_column("C:C", 90)
    for r, (key, value) in enumerate(rows):
        ws.write_string(r, 0, key)
        ws.write_string(r, 1, value, fmt["input"])
        if key in _CONF_NOTED:
            ws.write(r, 2, text(f"XL_CONF_{key}", lang), fmt["hint"])
    first_help = len(rows) + 3  # two empty rows: an officer's added key cannot run into the help
    for i, line in enumerate(text("XL_CONF_HELP", lang).split("\n")):
        ws.write(first_help + i, 2, line, fmt["hint"])
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)


def build_workbook(out: str | Path, *, bas_path: str | Path | None = None,
                   xlwings_bas: str | Path | None = None, prefill: Mapping[str, str] | None = None,
                   conf: Mapping[str, str] | None = None, lang: str = "vi") -> Path:
    """Write the control-panel .xlsm to ``out`` (atomically) and return its path.

    ``prefill`` sets setting cells by key (folder, period, root, form, lang), so a province
    office can hand each ward a panel already pointing at its workspace. ``conf`` adds keys to
    the xlwings.conf sheet (e.g. INTERPRETER_WIN); keys with an empty value are left out.
    ``lang`` is the language of what the panel prints (labels, buttons, descriptions) and the
    language setting's starting value; the sheet tabs and defined names are the same in both."""
    unknown = set(prefill or {}) - {s.key for s in (*SETTINGS, *REPORT_SETTINGS)}
    if unknown:
        raise WorkbookBuildError(f"unknown settings: {', '.join(sorted(unknown))}")
    import xlsxwriter

    bas_file = Path(bas_path) if bas_path else default_bas_path()
    if not bas_file.is_file():
        raise WorkbookBuildError(f"VBA module not found: {bas_file} (pass its path with --bas)")
    bas_text = bas_file.read_text(encoding="ascii")
    check_macros(bas_text)
    xlwings_text = Path(xlwings_bas or xlwings_bas_path()).read_text(encoding="ascii")
    vba = build_vba_project(_vba_modules(bas_text, xlwings_text))

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    wb.set_properties({"title": text("XL_PANEL_DOC_TITLE", lang), "author": "evalreport",
                       "company": "", "created": _FIXED_DATE})
    wb.add_vba_project(io.BytesIO(vba), is_stream=True)
    wb.set_vba_name("ThisWorkbook")
    base = {"font_name": "Arial", "font_size": 11, "valign": "vcenter"}
    fmt = {
        "title": wb.add_format({**base, "bold": True, "font_size": 16, "font_color": "#9C0006"}),
        "subtitle": wb.add_format({**base, "italic": True}),
        "section": wb.add_format({**base, "bold": True, "font_size": 12, "bottom": 1}),
        "label": wb.add_format({**base, "bold": True}),
        # text format: a typed 2025-11 or 12 stays what was typed, not a date or a number
        "input": wb.add_format({**base, "bg_color": "#FFF2CC", "border": 1, "locked": False, "num_format": "@"}),
        "status": wb.add_format({**base, "bg_color": "#EDEDED", "border": 1, "text_wrap": True}),
        "hint": wb.add_format({**base, "font_size": 9, "font_color": "#595959"}),
        "hint_wrap": wb.add_format({**base, "font_size": 10, "font_color": "#404040", "text_wrap": True}),
        "header": wb.add_format({**base, "bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}),
    }
    sheets = {name: wb.add_worksheet(name) for name in _SHEETS}
    for i, ws in enumerate(sheets.values(), start=1):
        ws.set_vba_name(f"Sheet{i}")
    language_name = next(name for name, code in LANGUAGE_CHOICES.items() if code == lang)
    _build_panel(wb, sheets[PANEL_SHEET], fmt, {"lang": language_name, **(prefill or {})}, lang)
    _build_table_sheet(sheets[FINDINGS_SHEET], fmt, text("XL_FINDINGS_TITLE", lang), findings_header(lang),
                       (12, 14, 50, 16, 8, 90))
    _build_table_sheet(sheets[COMPLETENESS_SHEET], fmt, text("XL_COMPLETENESS_TITLE", lang),
                       completeness_header(lang), (14, 14, 40, 12, 20, 50))
    _build_config(sheets[CONFIG_SHEET], fmt, conf or {}, lang)
    wb.close()
    return atomic_write_bytes(out, buffer.getvalue())
