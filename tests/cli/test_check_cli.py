"""From filled-in workbooks on disk to findings and totals: the reader, the rules, consolidation
and the ``check`` / ``consolidate`` commands together."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from consolidate_support import CELLS, RATINGS, members
from typer.testing import CliRunner

from evalreport import consolidate, fill_template, read_submission
from evalreport.cli import app
from evalreport.cli.check import workbooks_in

runner = CliRunner()


def unit_values(four, code: str) -> dict[str, int]:
    """A unit's own sheet: the sum of its cells (what a careful officer types in)."""
    total: dict[str, int] = {}
    for leaf in four.leaves(code):
        for k, v in members(*CELLS[leaf]).items():
            total[k] = total.get(k, 0) + v
    return total


@pytest.fixture
def folder(tmp_path, form, four) -> Path:
    out = tmp_path / "nop"
    out.mkdir()
    for unit in four.subtree("T01"):
        ratings = [{"code": c, "rating": r, "tsvm": t, "reason": why} for c, r, t, why in RATINGS.get(unit, [])]
        values = dict(unit_values(four, unit))
        if unit == "C10":
            values["dv_tong_so"] = 19  # 19 ≠ 0 + 1 + 0 + 17
        fill_template(form, unit, "2021", four, out / f"DG-NAM_2021_{unit}.xlsx", values, ratings or None)
    (out / "rac.xlsx").write_bytes(b"this is not a workbook")
    (out / "~$DG-NAM_2021_C01.xlsx").write_bytes(b"excel lock file")
    return out


def test_files_read_checked_and_consolidated(folder, form, four):
    paths = workbooks_in(folder)
    assert len(paths) == 18 and not any(p.name.startswith("~$") for p in paths)
    subs = [read_submission(p, form) for p in paths]
    rac = next(s for s in subs if s.file_name == "rac.xlsx")
    assert not rac.ok and rac.unit_code == ""
    x01 = next(s for s in subs if s.unit_code == "X01")
    assert x01.ok and x01.values["dv_tong_so"] == 75 and [r.rating for r in x01.ratings] == ["HTXSNV", "HTTNV", "HTNV"]
    r = consolidate(form, "2021", subs, four)
    assert r.blocked == ["C10"] and r.missing == ["C10"]
    assert r.totals()["dv_tong_so"] == 283 - 18 and r.totals()["tc_chi_bo_tong_so"] == 10
    gap = next(g for g in r.reconciliation if g.unit == "X04" and g.field == "dv_tong_so")
    assert (gap.own_value, gap.children_sum, gap.explained_by) == (68, 50, [("C10", "dv_tong_so", 19)])
    err = next(f for f in r.findings if f.rule == "DV_TONG_SO")
    assert (err.unit, err.file, err.sheet is not None, err.cell is not None) == ("C10", "DG-NAM_2021_C10.xlsx", True, True)
    assert [f.rule for f in r.findings if f.file == "rac.xlsx"] == [rac.findings[0].rule]  # only the reader's


def test_check_command_lists_findings_and_writes_csv(folder, four, units_four, tmp_path):
    out = tmp_path / "loi.csv"
    res = runner.invoke(app, ["check", str(folder), "--units", str(units_four), "--period", "2021",
                              "--out", str(out)], terminal_width=200)
    assert res.exit_code == 1, res.output
    assert "DV_TONG_SO" in res.output and "rac.xlsx" in res.output
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["Mức độ", "Đơn vị", "Tệp", "Trang tính", "Ô", "Dòng", "Quy tắc", "Nội dung"]
    dv = next(r for r in rows if r["Quy tắc"] == "DV_TONG_SO")
    assert dv["Đơn vị"] == "C10" and dv["Nội dung"].startswith("Tổng số đảng viên 19 ≠ 0 + 1 + 0 + 17 = 18")
    assert any(r["Tệp"] == "rac.xlsx" and r["Mức độ"] == "Lỗi" for r in rows)


def test_consolidate_command_prints_totals_and_blocks(folder, four, units_four):
    res = runner.invoke(app, ["consolidate", str(folder), "--units", str(units_four), "--period", "2021",
                              "--root", "T01"], terminal_width=200)
    assert res.exit_code == 1, res.output
    assert "265" in res.output  # 283 members less C10's 18
    assert "Chi bộ A & B <1> (C10)" in res.output
    good = folder.parent / "tot"
    good.mkdir()
    for unit in four.subtree("H01"):  # one district's own files only
        name = f"DG-NAM_2021_{unit}.xlsx"
        (good / name).write_bytes((folder / name).read_bytes())
    res = runner.invoke(app, ["consolidate", str(good), "--units", str(units_four), "--period", "2021",
                              "--root", "H01", "--lang", "en"], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert "130" in res.output and "Share good or better" in res.output and "90.68%" in res.output  # 107 / 118


def test_wrong_usage_exits_2(tmp_path, units_four):
    assert runner.invoke(app, ["check", str(tmp_path / "khong_co")]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path), "--period", "2021-13"]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path), "--form", "XX"]).exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path), "--out", "x.txt"]).exit_code == 2
    assert runner.invoke(app, ["consolidate", str(tmp_path), "--units", str(units_four), "--period", "2021",
                               "--root", "Z9"]).exit_code == 2
    assert runner.invoke(app, ["consolidate", str(tmp_path), "--period", "2021"]).exit_code == 2
    (tmp_path / "trong").mkdir()
    empty = runner.invoke(app, ["check", str(tmp_path / "trong")])
    assert empty.exit_code == 0 and "Không có lỗi hay cảnh báo" in empty.output
