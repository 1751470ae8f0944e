"""A monthly form (DV-THANG) run for a quarter or a year: each month consolidated from the
ledger, then rolled up unit by unit into a normal result and summary workbook."""

from __future__ import annotations

import pytest
from conftest import THREE_LEVEL
from openpyxl import load_workbook
from typer.testing import CliRunner

from evalreport import load_form, load_hierarchy
from evalreport.cli import app
from evalreport.cli.workspace import console
from evalreport.render.workbook.template_writer import fill_template
from evalreport.store import Workspace

CELLS = ["C01", "C02", "C03"]
OPENING = {"C01": 100, "C02": 200, "C03": 300}


def month_values(opening: int, month: int, target: int = 12) -> dict[str, int]:
    """A consistent month: ``month - 8`` admitted (2, 3, 4 in Q4), one transferred out."""
    ket_nap, chuyen_di = month - 8, 1
    return {"dau_ky": opening, "cuoi_ky": opening + ket_nap - chuyen_di, "du_bi_cuoi_ky": month, "ket_nap": ket_nap,
            "chuyen_den": 0, "chuyen_di": chuyen_di, "tu_tran": 0, "xoa_ten": 0, "khai_tru": 0, "ra_khoi_dang": 0,
            "chuyen_chinh_thuc": 1, "ket_nap_chi_tieu_nam": target + month}


def quarter_files(ws: Workspace, skip: tuple[str, int] | None = None) -> dict[str, list[dict[str, int]]]:
    """October to December for every cell, continuous month to month (except ``skip``: (cell, month))."""
    form = load_form("DV-THANG")
    hierarchy = load_hierarchy(ws.folder / "don_vi.xlsx", "three_level")
    sent: dict[str, list[dict[str, int]]] = {}
    for cell in CELLS:
        opening = OPENING[cell]
        for month in (10, 11, 12):
            values = month_values(opening, month)
            opening = values["cuoi_ky"]
            if (cell, month) == skip:
                continue
            sent.setdefault(cell, []).append(values)
            fill_template(form, cell, f"2025-{month}", hierarchy, ws.inbox / f"DV-THANG_2025-{month}_{cell}.xlsx",
                          values)
    return sent


@pytest.fixture
def monthly_ws(tmp_path):
    rows = [(c, n, lv, p or None) for c, n, lv, p in THREE_LEVEL]
    ws = Workspace.init(tmp_path / "ws", units_rows=rows, levels="three_level", forms=["DG-NAM", "DV-THANG"],
                        workers=1)
    yield ws
    ws.close()


def test_quarter_rolls_months_up_per_unit_and_at_the_root(monthly_ws):
    sent = quarter_files(monthly_ws)
    report = monthly_ws.run("2025-Q4", forms=["DV-THANG"])
    result = report.results["DV-THANG"]
    assert str(result.period) == "2025-Q4"
    for cell, months in sent.items():
        got = result.totals(cell)
        assert got["dau_ky"] == months[0]["dau_ky"] == OPENING[cell]  # opening stock: October's
        assert got["cuoi_ky"] == months[-1]["cuoi_ky"]  # closing stocks: December's
        assert got["du_bi_cuoi_ky"] == 12 and got["ket_nap_chi_tieu_nam"] == 24
        assert got["ket_nap"] == 2 + 3 + 4 and got["chuyen_di"] == 3  # flows: summed
    root = result.totals()
    assert root["dau_ky"] == 600 and root["cuoi_ky"] == 600 + 3 * (9 - 3)
    assert root["ket_nap"] == 27 and root["chuyen_chinh_thuc"] == 9 and root["du_bi_cuoi_ky"] == 36
    assert result.totals("X01")["ket_nap"] == 18 and result.totals("X01")["cuoi_ky"] == 300 + 12
    assert not [f for f in result.findings if f.rule == "MONTH_MISSING"]
    # January to September are not in the ledger: admissions year to date cannot be told.
    assert root["ket_nap_luy_ke"] is None
    assert [f.rule for f in result.findings] == ["YEAR_TO_DATE_INCOMPLETE"]
    assert "tháng 01, 02, 03, 04, 05, 06, 07, 08, 09 năm 2025" in result.findings[0].message()

    book = load_workbook(report.outputs[0], read_only=True)
    assert report.outputs[0].name == "DV-THANG_2025-Q4_T01.xlsx"
    title = next(book["Tổng hợp"].iter_rows(values_only=True))[0]
    assert title == "BẢNG TỔNG HỢP BIẾN ĐỘNG ĐẢNG VIÊN QUÝ IV NĂM 2025"
    sheet = {r[0]: r[2] for r in book["DV-THANG"].iter_rows(values_only=True) if r and r[0]}
    assert (sheet["dau_ky"], sheet["cuoi_ky"], sheet["ket_nap"]) == (600, 618, 27)


def test_a_missing_month_is_a_finding_not_silently_summed(monthly_ws):
    quarter_files(monthly_ws, skip=("C02", 11))
    result = monthly_ws.run("2025-Q4", forms=["DV-THANG"]).results["DV-THANG"]
    missing = [f for f in result.findings if f.rule == "MONTH_MISSING"]
    assert [(f.unit, f.params["missing"]) for f in missing] == [("C02", ["2025-11"])]
    assert missing[0].message() == ("Chi bộ khu phố 2 (C02) chưa có số liệu hợp lệ tháng 11 năm 2025: số liệu "
                                    "quý IV năm 2025 của đơn vị chỉ gồm tháng 10, 12 năm 2025")
    assert result.totals("C02")["ket_nap"] == 2 + 4  # what it sent, and the finding says so
    assert "C02" in result.completeness["X01"].missing  # not received for the whole quarter


def test_year_and_cli_without_traceback(monthly_ws, monkeypatch):
    quarter_files(monthly_ws)
    monkeypatch.setattr(console, "width", 200)
    runner = CliRunner()
    res = runner.invoke(app, ["run", "-w", str(monthly_ws.folder), "-p", "2025-Q4", "--form", "DV-THANG", "-q"])
    assert res.exception is None or isinstance(res.exception, SystemExit), res.output
    assert "Traceback" not in res.output and "quý IV năm 2025" in res.output
    assert (monthly_ws.folder / "outputs" / "2025-Q4" / "DV-THANG_2025-Q4_T01.xlsx").is_file()
    res = runner.invoke(app, ["run", "-w", str(monthly_ws.folder), "-p", "2025", "--form", "DV-THANG", "-q"])
    assert "Traceback" not in res.output and "DV-THANG năm 2025" in res.output, res.output
    year = monthly_ws.result("2025", form="DV-THANG")
    assert year.totals()["ket_nap"] == 27 and year.totals()["dau_ky"] == 600
    # The root lacks January to September: said once, for the root, not for every unit below it.
    assert [f.unit for f in year.findings if f.rule == "MONTH_MISSING"] == ["T01"]
    book = load_workbook(monthly_ws.folder / "outputs" / "2025" / "DV-THANG_2025_T01.xlsx", read_only=True)
    assert next(book["Tổng hợp"].iter_rows(values_only=True))[0] == "BẢNG TỔNG HỢP BIẾN ĐỘNG ĐẢNG VIÊN NĂM 2025"
    # An annual form's year is consolidated from its own submissions, as before.
    assert monthly_ws.result("2025").form.code == "DG-NAM"
