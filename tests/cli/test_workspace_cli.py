"""The workspace commands as an officer types them: exit codes and what they print."""

from __future__ import annotations

import pytest
from conftest import FOUR_LEVEL, write_units_xlsx
from typer.testing import CliRunner
from workspace_support import cell_values, drop, fill_cells

from evalreport.cli import app
from evalreport.cli.workspace import console
from evalreport.store import Workspace


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setattr(console, "width", 200)
    return CliRunner()


@pytest.fixture
def folder(tmp_path, runner):
    units = write_units_xlsx(tmp_path / "ds.xlsx", FOUR_LEVEL)
    res = runner.invoke(app, ["init", str(tmp_path / "ws"), "--units", str(units)])
    assert res.exit_code == 0, res.output
    text = (tmp_path / "ws" / "evalreport.yaml").read_text(encoding="utf-8")
    (tmp_path / "ws" / "evalreport.yaml").write_text(text.replace("forms: [DG-NAM, DV-THANG]", "forms: [DG-NAM]")
                                                     .replace("workers: 2", "workers: 1"), encoding="utf-8")
    return tmp_path / "ws"


def test_init_then_run_status_history(folder, runner):
    with Workspace.open(folder) as ws:
        fill_cells(ws)
        bad = cell_values(30)
        bad["dv_tong_so"] = 31
        drop(ws, "C07", bad, name="C07_loi.xlsx")
    res = runner.invoke(app, ["ingest", "-w", str(folder), "-q"])
    assert res.exit_code == 0 and "tệp mới 10, bản sửa 1, trùng 0" in res.output
    res = runner.invoke(app, ["run", "-w", str(folder), "--period", "2021", "--all-levels", "-q"])
    assert res.exit_code == 1, res.output  # C07's new version has an error: kept out of the totals
    assert "1 đơn vị chưa được tổng hợp vì tệp có lỗi: C07" in res.output
    assert "Tổng số đảng viên 31 ≠" in res.output
    out = folder / "outputs" / "2021"
    for unit in ("T01", "H01", "H02", "X01", "X02", "X03", "X04"):  # every non-leaf unit
        assert (out / f"DG-NAM_2021_{unit}.xlsx").is_file() and (out / f"DG-NAM_2021_{unit}_bao_cao.docx").is_file()
    res = runner.invoke(app, ["run", "-w", str(folder), "--period", "2021", "--all-levels", "-q"])  # nothing new
    assert "tệp của các đơn vị không có thay đổi được giữ nguyên, không tạo lại" in res.output
    res = runner.invoke(app, ["status", "-w", str(folder), "--period", "2021"])
    assert res.exit_code == 0
    assert "năm 2021: phải nộp 16, đã nộp hợp lệ 9, có lỗi 1, chưa nộp 6" in res.output
    assert "Đã nộp, có lỗi" in res.output and "Trạng thái" in res.output
    res = runner.invoke(app, ["status", "-w", str(folder), "--period", "2021", "--lang", "en"])
    assert res.exit_code == 0 and "expected 16, received 9, with errors 1, missing 6" in res.output
    res = runner.invoke(app, ["history", "-w", str(folder), "C07"])
    assert "Phiên bản hiện hành" in res.output and "không, thay bằng phiên bản 2" in res.output
    assert "Đã nộp, có lỗi" in res.output and "C07_loi.xlsx" in res.output  # the current file, with its error
    res = runner.invoke(app, ["history", "-w", str(folder), "C07"], env={"EVALREPORT_LANG": "en"})
    assert "Current version" in res.output and "replaced by version 2" in res.output
    assert "Rejected" in res.output
    res = runner.invoke(app, ["run", "-w", str(folder), "--period", "2021", "-q", "--lang", "en"])  # nothing new
    assert "this consolidation updated 0 changed unit(s)" in res.output


def test_config_error_exits_2_naming_the_key(folder, runner):
    path = folder / "evalreport.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("root: T01", "root: X9"), encoding="utf-8")
    res = runner.invoke(app, ["status", "-w", str(folder), "--period", "2021"])
    assert res.exit_code == 2 and "khóa 'root': đơn vị 'X9' không có trong danh sách đơn vị" in res.output


def test_a_period_no_form_uses_is_a_usage_error(folder, runner):
    res = runner.invoke(app, ["run", "-w", str(folder), "--period", "2021-11", "-q"])
    assert res.exit_code == 2 and "Không có biểu mẫu nào trong cấu hình được báo cáo theo kỳ như 2021-11" in res.output
