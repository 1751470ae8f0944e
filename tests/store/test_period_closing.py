"""Closing and reopening a period, approving a unit's report, and files held as pending
("Chờ xử lý"): real workbooks in a real workspace, the real SQLite ledger, the CLI."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner
from workspace_support import CELLS, cell_values, drop, fill_cells, output_snapshot

from evalreport.cli import app
from evalreport.cli.workspace import console as cli_console
from evalreport.store.ledger import MIGRATIONS, Ledger
from evalreport.store.period_control import PeriodActionError

TOTAL = sum(range(20, 30))  # cells have 20..29 members (fill_cells)


def _total(ws, period: str = "2021") -> int:
    return ws.result(period).totals()["dv_tong_so"]


def _cli(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def wide(monkeypatch):
    monkeypatch.setattr(cli_console, "width", 250)


def test_a_closed_period_holds_a_late_file_until_it_is_reopened(ws, wide):
    fill_cells(ws)
    ws.run("2021")
    frozen = output_snapshot(ws.outputs_dir("2021"))
    ws.close_period("2021", "đã gửi báo cáo lên cấp trên")
    late = drop(ws, "C01", cell_values(120), name="C01_bo_sung.xlsx")

    report = ws.run("2021")  # the period is closed: nothing consolidated, nothing rewritten
    assert report.closed is not None and report.ingest.count("held") == 1
    assert [f.rule for f in report.pending] == ["WS_HELD_CLOSED"] and "2021" in report.pending[0].message("vi")
    assert output_snapshot(ws.outputs_dir("2021")) == frozen
    assert _total(ws) == TOTAL
    row = next(r for r in ws.status("2021") if r.unit == "C01")
    assert row.state == "accepted" and row.pending == (late.name,)

    res = _cli("status", "-w", str(ws.folder), "-p", "2021")
    assert "Kỳ 2021 đã chốt số liệu lúc" in res.output and "Chờ xử lý" in res.output
    res = _cli("run", "-w", str(ws.folder), "-p", "2021", "-q")
    assert res.exit_code == 1 and "Kỳ 2021 đã chốt; các tệp mới được giữ chờ xử lý" in res.output  # a file held
    assert "C01_bo_sung.xlsx" in res.output

    with pytest.raises(PeriodActionError):
        ws.reopen_period("2021", "")  # a reopen without a reason is refused
    done = ws.reopen_period("2021", "đơn vị C01 gửi bổ sung")
    assert len(done.counted) == 1 and not done.still_held
    assert _total(ws) == TOTAL - 20 + 120
    assert next(r for r in ws.status("2021") if r.unit == "C01").pending == ()
    ws.run("2021")
    assert output_snapshot(ws.outputs_dir("2021")) != frozen

    events = ws.events("2021")
    assert [e["event"] for e in events] == ["close", "reopen"] and all(e["user"] for e in events)
    assert events[1]["reason"] == "đơn vị C01 gửi bổ sung"
    res = _cli("history", "-w", str(ws.folder), "-p", "2021")
    assert "chốt số liệu" in res.output and "mở lại kỳ" in res.output and "C01 gửi bổ sung" in res.output


def test_an_approved_report_is_not_replaced_until_the_approval_is_withdrawn(ws, wide):
    fill_cells(ws)
    ws.ingest()
    assert ws.approve("2021", ["C01"]) == ["C01"]
    assert next(r for r in ws.status("2021") if r.unit == "C01").state == "approved"
    newer = drop(ws, "C01", cell_values(60), name="C01_v2.xlsx")

    report = ws.ingest()
    assert report.count("held") == 1
    held = next(f for f in report.findings if f.rule == "WS_HELD_APPROVED")
    assert "DG-NAM_2021_C01.xlsx" in held.message("vi") and "duyệt" in held.message("vi")
    assert _total(ws) == TOTAL

    res = _cli("history", "-w", str(ws.folder), "C01")
    assert "Chờ xử lý" in res.output and "duyệt" in res.output and newer.name in res.output
    res = _cli("approve", "-w", str(ws.folder), "-p", "2021", "C01", "--withdraw", "--reason", "nhận bản sửa")
    assert res.exit_code == 0, res.output
    assert _total(ws) == TOTAL - 20 + 60
    row = next(r for r in ws.status("2021") if r.unit == "C01")
    assert row.state == "accepted" and row.file == newer.name and row.version == 2
    assert [e["event"] for e in ws.events("2021", "C01")] == ["approve", "withdraw"]


def test_only_an_accepted_report_can_be_approved(ws):
    bad = cell_values(20)
    bad["dv_htxsnv"] += 5  # the ratings no longer add up: an error
    drop(ws, "C01", bad)
    ws.ingest()
    res = _cli("approve", "-w", str(ws.folder), "-p", "2021", "C01", "C02")
    assert res.exit_code == 2 and "còn lỗi" in res.output
    assert ws.events("2021") == []


def test_last_years_template_in_this_years_inbox_is_held_with_both_periods(ws):
    fill_cells(ws, "2020")
    ws.run("2020")
    last_year = _total(ws, "2020")
    fill_cells(ws, "2021")
    stray = drop(ws, "C01", cell_values(500), period="2020", name="DG-NAM_C01_nop_nam_nay.xlsx")

    report = ws.run("2021")
    held = [f for f in report.findings if f.rule == "WS_HELD_OTHER_PERIOD"]
    assert len(held) == 1 and report.ingest.count("held") == 1
    message = held[0].message("vi")
    assert "kỳ 2020" in message and "kỳ 2021" in message and stray.name in message
    assert _total(ws, "2020") == last_year and _total(ws) == TOTAL
    findings_book = next(p for p in report.outputs if p.name.endswith("phat_hien.xlsx"))
    cells = [str(c) for row in load_workbook(findings_book).active.iter_rows(values_only=True) for c in row]
    assert any("kỳ 2020" in c and "kỳ 2021" in c for c in cells)
    assert [r.unit for r in ws.status("2020") if r.pending] == ["C01"]

    res = _cli("admit", "-w", str(ws.folder), stray.name)
    assert res.exit_code == 0, res.output
    assert _total(ws, "2020") == last_year - 20 + 500
    assert [e["event"] for e in ws.events("2020")] == ["admit"]


def test_a_file_in_another_periods_subfolder_is_held(ws):
    target = drop(ws, "C01", cell_values(20), period="2020")
    (ws.inbox / "2021").mkdir()
    target.rename(ws.inbox / "2021" / target.name)
    report = ws.ingest()
    assert report.count("held") == 1 and ws.result("2020").totals()["dv_tong_so"] in (0, None)
    assert ws.admit("2021/" + target.name).counted
    assert ws.result("2020").totals()["dv_tong_so"] == 20


def test_a_ledger_of_the_previous_schema_is_migrated_with_its_files(ws):
    fill_cells(ws)
    ws.ingest()
    ws.close()
    path = ws.folder / "ledger.sqlite"
    with sqlite3.connect(path) as c:  # back to schema 4: as an earlier evalreport left it
        for table in ("approvals", "period_events"):
            c.execute(f"DROP TABLE {table}")
        c.execute("DROP INDEX files_held")
        c.execute("ALTER TABLE files DROP COLUMN held")
        c.execute("ALTER TABLE files DROP COLUMN held_json")
        c.execute("PRAGMA user_version = 4")
    with Ledger(path) as ledger:
        assert ledger.schema_version == len(MIGRATIONS)
        assert len(ledger.current("DG-NAM", "2021")) == len(CELLS)
    assert _total(ws) == TOTAL


def test_ingest_for_a_period_holds_a_file_of_an_already_reported_one(ws, wide):
    fill_cells(ws, "2020")
    ws.run("2020")
    drop(ws, "C02", cell_values(77), period="2020", name="nam_truoc.xlsx")
    res = _cli("ingest", "-w", str(ws.folder), "-p", "2021", "-q")
    assert res.exit_code == 0 and "chờ xử lý 1" in res.output and "kỳ 2020" in res.output
    assert _total(ws, "2020") == TOTAL
