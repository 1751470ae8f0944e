"""A unit whose latest file has errors is shown the same way by status, history, the findings
workbook, the summary workbook and the narrative, in every run, not only the first; the change
against the previous period is compared over the units with data in both."""

from __future__ import annotations

import docx
import openpyxl
from workspace_support import CELLS, cell_values, drop, fill_cells

from evalreport.model.unit_state import UnitState


def _outputs(ws, period):
    folder = ws.outputs_dir(period)
    report = next(folder.glob("*_T01_bao_cao.docx"))
    body = "\n".join(p.text for p in docx.Document(report).paragraphs)
    findings = openpyxl.load_workbook(next(folder.glob("*phat_hien*.xlsx")), read_only=True)
    finding_units = {row[1] for sheet in findings.worksheets for row in sheet.iter_rows(values_only=True)}
    summary = openpyxl.load_workbook(next(folder.glob("DG-NAM_2021_T01.xlsx")))
    return body, finding_units, summary


def test_a_rejected_unit_reads_the_same_everywhere_in_every_run(ws):
    fill_cells(ws, "2020")
    paths = fill_cells(ws, "2021")
    paths["C07"].unlink()  # C07 sends nothing this year
    bad = cell_values(40)
    bad["dv_tong_so"] = 41
    drop(ws, "C02", bad, name="C02_v2.xlsx")  # C02's newer file has an error
    words = cell_values(30)
    words["dv_htnv"] = "mười"
    drop(ws, "C03", words, name="C03_v2.xlsx")  # and C03's a value the reader cannot take
    ws.ingest()  # ingested before any run: the runs find the rejected files in the ledger
    for run in range(2):
        if run:  # the second run: another unit's corrected file, C02 unchanged
            drop(ws, "C05", cell_values(60), name="C05_da_sua.xlsx")
        ws.run("2021")
        status = {r.unit: r for r in ws.status("2021")}
        assert status["C02"].state == status["C03"].state == UnitState.REJECTED and status["C07"].state == UnitState.MISSING
        assert ws.history("C02", "DG-NAM", "2021")[-1].state == UnitState.REJECTED
        body, finding_units, summary = _outputs(ws, "2021")
        assert {"C02", "C03"} <= finding_units, f"run {run + 1}: rejected files' findings in the findings workbook"
        assert "gửi báo cáo có lỗi, chưa được tổng hợp: Chi bộ ấp 2, Chi bộ ấp 3;" in body
        assert "chưa gửi: Chi bộ khu phố 4." in body
        states = {row[1]: row[5] for row in summary["Tình hình nộp"].iter_rows(min_row=2, values_only=True)}
        assert states["C02"] == "Đã nộp, có lỗi" and states["C07"] == "Chưa nộp"
        # 8 cells have data in both years; the year's own total is given apart, with the reason
        assert f"so sánh trên 0{len(CELLS) - 3} chi bộ trực thuộc có số liệu cả hai năm" in body
        assert "không so sánh trực tiếp vì năm 2021 còn 03 đơn vị chưa có số liệu được tổng hợp" in body
        change = summary["So với kỳ trước"]
        assert "không so sánh trực tiếp được" in change["A2"].value
        assert change["G3"].value == "Kỳ này (cùng đơn vị)"
