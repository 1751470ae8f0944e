"""Helpers for the Excel-panel tests: the JSON that xlwings' VBA client sends, built from a real
workbook file, and a small real workspace with good, wrong and unreadable submissions.

The payload follows ``RunRemotePython`` in xlwings' own VBA (addin/Remote.bas of the installed
package): client, version, book (name, active sheet, selection), named ranges (sheet index,
address, scope) and, per worksheet, its values from A1 to the end of the used range.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlwings
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from evalreport.model.period import parse_period
from evalreport.render.workbook.template_writer import fill_template, template_file_name

UNITS = [
    ("T01", "Đảng bộ tỉnh Mẫu", "tinh", None),
    ("X01", "Đảng bộ phường Bến Nghé", "co_so", "T01"),
    ("X02", "Đảng bộ xã Tân Thông Hội", "co_so", "T01"),
    ("C01", "Chi bộ khu phố 1", "chi_bo", "X01"),
    ("C02", "Chi bộ khu phố 2", "chi_bo", "X01"),
    ("C03", "Chi bộ ấp Chợ", "chi_bo", "X02"),
]
PERIOD = "2026"
GOOD = dict(dv_tong_so=10, dv_mien=1, dv_moi_ket_nap=1, dv_chua_danh_gia=0, dv_duoc_danh_gia=8, dv_htxsnv=1,
            dv_httnv=5, dv_htnv=1, dv_khtnv=1, dv_khtnv_ky_luat=1, dv_khtnv_cong_chuc=0, dv_khtnv_duoi_50=0,
            dv_khtnv_khac=0, dv_kl_khien_trach=1, dv_kl_canh_cao=0, dv_kl_cach_chuc=0, dv_kl_khai_tru=0)


def ensure_remote_engine() -> None:
    """Register xlwings' remote-interpreter engine under the non-commercial licence key.

    The engine is xlwings PRO code (dual-licensed: PolyForm Noncommercial 1.0.0, or a commercial
    licence); ``XLWINGS_LICENSE_KEY=noncommercial`` selects the non-commercial terms. xlwings
    registers the engine when it is first imported, which may have happened in another test
    module without the key, so register it here if it is missing."""
    os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
    if "remote" in xlwings.engines.engines_by_name:
        return
    from xlwings.pro import _xlremote

    xlwings.engines.add(xlwings.main.Engine(impl=_xlremote.engine))


def make_workspace(folder: Path):
    """T01 → X01 (C01 good, C02 whose total does not add up), X02 (C03 missing); one unreadable file."""
    from evalreport.store import Workspace

    ws = Workspace.init(folder, units_rows=UNITS, levels="three_level", root="T01")
    form = ws.config.form("DG-NAM")
    fill_template(form, "C01", PERIOD, ws.hierarchy, ws.inbox / template_file_name("DG-NAM", parse_period(PERIOD), "C01"), GOOD)
    fill_template(form, "C02", PERIOD, ws.hierarchy, ws.inbox / template_file_name("DG-NAM", parse_period(PERIOD), "C02"),
                  dict(GOOD, dv_tong_so=11))
    (ws.inbox / "ghi chu.xlsx").write_bytes(b"this is not a workbook")
    ws.close()
    return folder


def _json_value(v: Any) -> Any:
    """A date cell as xlwings' VBA client sends it (WebHelpers.ConvertToIso:
    ``yyyy-mm-ddTHH:mm:ss.000Z``), which the remote engine turns back into a datetime."""
    if isinstance(v, datetime | date):
        d = v if isinstance(v, datetime) else datetime(v.year, v.month, v.day)
        return d.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return v


def payload_from_workbook(path: Path, cells: dict[tuple[str, str], Any] | None = None) -> dict[str, Any]:
    """The request body RunRemotePython would send for this workbook, after an officer typed
    ``cells`` ({(sheet, "C5"): value}) into it."""
    wb = load_workbook(path, keep_vba=True)
    for (sheet, address), value in (cells or {}).items():
        wb[sheet][address].value = value
    names = []
    for name, dn in wb.defined_names.items():
        sheet, ref = next(dn.destinations)
        names.append({"name": name, "sheet_index": wb.sheetnames.index(sheet), "address": ref.replace("$", ""),
                      "book_scope": True, "scope_sheet_name": None, "scope_sheet_index": None})
    sheets = []
    for ws in wb.worksheets:
        if ws.max_row == 1 and ws.max_column == 1 and ws["A1"].value is None:
            values: list[list[Any]] = [[]]
        else:
            values = [[_json_value(c.value) for c in row]
                      for row in ws.iter_rows(min_row=1, max_row=ws.max_row, min_col=1, max_col=ws.max_column)]
        sheets.append({"name": ws.title, "pictures": [], "tables": [], "values": values})
    return {"client": "VBA", "version": xlwings.__version__,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "C5"},
            "names": names, "sheets": sheets}


def cell_index(address: str) -> tuple[int, int]:
    """0-based (row, column) of an A1 address, as the remote engine's actions count."""
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", address).groups()
    return int(row) - 1, column_index_from_string(col) - 1


def actions(book, func: str, sheet: int | None = None) -> list[dict[str, Any]]:
    return [a for a in book.json()["actions"] if a["func"] == func and (sheet is None or a["sheet_position"] == sheet)]


def value_at(book, sheet: int, address: str) -> Any:
    """The last value written to one cell through a setValues action (None if never written)."""
    r, c = cell_index(address)
    found = None
    for a in actions(book, "setValues", sheet):
        dr, dc = r - a["start_row"], c - a["start_column"]
        if 0 <= dr < len(a["values"]) and 0 <= dc < len(a["values"][dr]):
            found = a["values"][dr][dc]
    return found
