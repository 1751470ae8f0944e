"""``evalreport check``, ``evalreport run`` and the panel's “Kiểm tra” judge a file alike, over
the tree of the file's period (domain.md "Units over time"): a unit created later or ceased
earlier, and a ward listing a cell that did not exist yet, get the run's findings from ``check``."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import xlwings as xw
from excel_support import actions, ensure_remote_engine, payload_from_workbook
from openpyxl import load_workbook
from typer.testing import CliRunner
from workspace_support import cell_values

from evalreport import fill_template, parse_period
from evalreport.cli import app
from evalreport.excel import handlers
from evalreport.excel.layout import PANEL_SHEET
from evalreport.model.finding import FINDING_COLUMNS
from evalreport.store import Workspace
from evalreport.wording.finding_words import column_heading

runner = CliRunner()
WORKBOOK = Path(__file__).resolve().parents[2] / "workbooks" / "evalreport.xlsm"

# C02 and C09 exist from 2026 on; C08 ceased at the end of 2024.
UNITS = [
    ("T01", "Đảng bộ tỉnh Mẫu", "tinh", None, None, None, None),
    ("H01", "Đảng bộ huyện Đông", "huyen", "T01", None, None, None),
    ("X01", "Đảng bộ xã An Phú", "co_so", "H01", None, None, None),
    ("X02", "Đảng bộ xã Bình Minh", "co_so", "H01", None, None, None),
    ("C01", "Chi bộ ấp 1", "chi_bo", "X01", None, None, None),
    ("C02", "Chi bộ ấp 2", "chi_bo", "X01", "01/01/2026", None, None),
    ("C03", "Chi bộ ấp 3", "chi_bo", "X02", None, None, None),
    ("C08", "Chi bộ ấp 8", "chi_bo", "X02", None, "31/12/2024", None),
    ("C09", "Chi bộ ấp 9", "chi_bo", "X02", "01/01/2026", None, None),
]
FILES = {"DG-NAM_2025_C01.xlsx", "DG-NAM_2025_C08.xlsx", "DG-NAM_2025_C09.xlsx", "DG-NAM_2025_X01.xlsx"}


@pytest.fixture
def workspace(tmp_path) -> Workspace:
    """2025 files: a good cell, a ceased cell, a cell created in 2026 (whose total does not add
    up either) and a ward rating its 2026 cells, as a 2026 template lists them."""
    ws = Workspace.init(tmp_path / "ws", units_rows=UNITS, forms=["DG-NAM"], workers=1)
    form, later = ws.config.form("DG-NAM"), ws.hierarchy.at(parse_period("2026"))
    fill_template(form, "C01", "2025", ws.hierarchy, ws.inbox / "DG-NAM_2025_C01.xlsx", cell_values(20))
    fill_template(form, "C08", "2025", ws.hierarchy, ws.inbox / "DG-NAM_2025_C08.xlsx", cell_values(15))
    fill_template(form, "C09", "2025", later, ws.inbox / "DG-NAM_2025_C09.xlsx", dict(cell_values(12), dv_tong_so=99))
    fill_template(form, "X01", "2025", later, ws.inbox / "DG-NAM_2025_X01.xlsx", cell_values(20),
                  [{"code": "C01", "rating": "HTTNV"}, {"code": "C02", "rating": "HTTNV"}])
    yield ws
    ws.close()


def _rows(path: Path) -> list[dict]:
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    else:
        sheet = load_workbook(path).active
        header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
        rows = [dict(zip(header, r, strict=True)) for r in body if any(v is not None for v in r)]
    column = {column_heading(c, "vi"): c for c in FINDING_COLUMNS}  # both files are worded in Vietnamese
    rows = [{column[k]: v for k, v in r.items()} for r in rows]
    return [{k: str(v) if v not in (None, "") else "" for k, v in r.items()} for r in rows if r["file"] in FILES]


def _key(rows: list[dict]) -> list[tuple]:
    return sorted((r["severity"], r["rule"], r["unit"], r["file"], r["sheet"], r["cell"], r["message"]) for r in rows)


def test_check_gives_the_run_findings_for_units_and_cells_of_other_periods(workspace, tmp_path):
    out = tmp_path / "kiem_tra.csv"
    checked = runner.invoke(app, ["check", str(workspace.inbox), "--units", str(workspace.folder / "don_vi.xlsx"),
                                  "--out", str(out)], terminal_width=200)
    assert checked.exit_code == 1, checked.output
    ran = runner.invoke(app, ["run", "-w", str(workspace.folder), "-p", "2025", "-q"], terminal_width=200)
    assert ran.exit_code == 1, ran.output
    check_rows = _rows(out)
    run_rows = _rows(next((workspace.folder / "outputs" / "2025").glob("*_phat_hien.xlsx")))
    assert _key(check_rows) == _key(run_rows)
    assert sorted((r["rule"], r["unit"], r["cell"]) for r in check_rows) == [
        ("RATING_NOT_CHILD", "X01", "C32"),  # C02 is listed, but exists only from 2026
        ("UNIT_NOT_IN_PERIOD", "C08", ""), ("UNIT_NOT_IN_PERIOD", "C09", "")]  # no rule checks on them
    # the officer reads Vietnamese by default
    messages = {r["unit"]: r["message"] for r in check_rows}
    assert messages["C09"].startswith("Đơn vị 'C09' (Chi bộ ấp 9) không tồn tại trong kỳ năm 2025: hiệu lực "
                                      "01/01/2026")
    assert messages["X01"].startswith("Bảng xếp loại có dòng của C02 (Chi bộ ấp 2), không phải tổ chức trực thuộc")


def test_the_panel_check_lists_the_same_findings(workspace, tmp_path):
    ensure_remote_engine()
    out = tmp_path / "kiem_tra.xlsx"
    runner.invoke(app, ["check", str(workspace.inbox), "--units", str(workspace.folder / "don_vi.xlsx"),
                        "--out", str(out)])
    book = xw.Book(json=payload_from_workbook(WORKBOOK, {(PANEL_SHEET, "C5"): str(workspace.folder),
                                                         (PANEL_SHEET, "C6"): "2025", (PANEL_SHEET, "C8"): "DG-NAM",
                                                         (PANEL_SHEET, "C9"): "Tiếng Việt"}))
    assert handlers.check_inbox(book) is True
    written = [a for a in actions(book, "setValues", 1) if a["start_row"] == 3][-1]["values"]
    panel = sorted((unit, Path(file).name, cell or "", message) for _sev, unit, file, _sheet, cell, message in written
                   if Path(file).name in FILES)
    assert panel == sorted((r["unit"], r["file"], r["cell"], r["message"]) for r in _rows(out))
