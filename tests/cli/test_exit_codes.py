"""Exit codes a script can rely on: 0 done and clean, 1 done with units kept out, 3 the run could
not finish, with one Vietnamese line, no traceback on screen and the traceback in the workspace's
log file. (A full disk: tests/store/test_crash_concurrency.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner
from workspace_support import cell_values, drop, fill_cells

from evalreport.cli import app
from evalreport.store import WorkspaceLock


@pytest.fixture
def ws(ws):
    fill_cells(ws)
    return ws


def run(ws, *extra: str):
    return CliRunner().invoke(app, ["run", "--period", "2021", "--workspace", str(ws.folder), "--quiet", *extra])


def assert_failed(res, ws, words: str, in_log: str) -> None:
    assert res.exit_code == 3 and isinstance(res.exception, SystemExit), res.exception
    assert "Traceback" not in res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], res.output
    logs = list((ws.folder / "logs").glob("evalreport-*.log"))
    assert len(logs) == 1
    log = logs[0].read_text(encoding="utf-8")
    assert log.startswith("Traceback") and in_log in log


def test_a_clean_run_exits_0_and_a_rejected_file_1(ws):
    assert run(ws).exit_code == 0
    bad = cell_values(30)
    bad["dv_tong_so"] = 31
    drop(ws, "C07", bad, name="C07_loi.xlsx")
    res = run(ws)
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output


def test_an_unreadable_file_exits_1(ws):
    (ws.inbox / "ghi_chu.xlsx").write_bytes(b"not a workbook")
    assert run(ws).exit_code == 1


def test_an_outputs_folder_that_cannot_be_written_exits_3(ws, monkeypatch):
    outputs = str(ws.folder / "outputs")
    real_mkdir = os.mkdir

    def mkdir(path, *args, **kwargs):
        if os.fspath(path).startswith(outputs + os.sep):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    res = run(ws)
    monkeypatch.undo()
    assert_failed(res, ws, "Không ghi được vào", "PermissionError")
    assert ws.ledger.runs("2021")[-1]["status"] == "failed"


def test_a_locked_workspace_exits_3(ws):
    config = ws.folder / "evalreport.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("lock_timeout: 30", "lock_timeout: 0"),
                      encoding="utf-8")
    with WorkspaceLock(ws.folder, "run 2021"):
        res = run(ws)
    assert_failed(res, ws, "Thư mục làm việc đang được dùng bởi tiến trình", "WorkspaceLocked")
    assert "run 2021" in res.output


def test_a_crash_inside_the_run_exits_3_and_names_the_log(ws, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("worker died")

    monkeypatch.setattr("evalreport.store.workspace.consolidate_period", crash)
    res = run(ws)
    assert_failed(res, ws, "Lỗi không mong đợi", "RuntimeError: worker died")
    log = next((ws.folder / "logs").glob("*.log"))
    assert str(log) in res.output.replace("\n", "")
    assert ws.ledger.runs("2021")[-1]["status"] == "failed"
    assert not [p for p in (ws.folder / "outputs").iterdir() if p.name.startswith(".")]


def test_the_exit_codes_are_in_the_run_help():
    res = CliRunner().invoke(app, ["run", "--help"])
    assert res.exit_code == 0
    flat = " ".join(res.output.split())
    assert "Mã thoát: 0" in flat and "3 không chạy xong được" in flat


def test_usage_errors_stay_2(ws, tmp_path: Path):
    assert run(ws, "--period", "20x1").exit_code == 2
