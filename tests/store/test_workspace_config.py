"""The workspace configuration: every mistake is reported with the key it concerns."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import write_units_xlsx
from workspace_support import edit_config, make_workspace

from evalreport import parse_period
from evalreport.store import Workspace, WorkspaceConfigError
from evalreport.store.config import Deadline


@pytest.fixture
def folder(tmp_path):
    ws = make_workspace(tmp_path / "ws")
    ws.close()
    return ws.folder


@pytest.mark.parametrize("old, new, message", [
    ("root: T01", "root: X9", "evalreport.yaml: key 'root': unit 'X9' is not in the unit list"),
    ("language: vi", "language: fr", "evalreport.yaml: key 'language': the value must be one of 'vi' or 'en'"),
    ("forms: [DG-NAM]", "forms: [DG-NAM, BM-XYZ]", "evalreport.yaml: key 'forms.1': Form 'BM-XYZ' is not supported"),
    ("quota_htxsnv: 0.20", "quota_htxsnv: 0.20\n    quota_xyz: 1", "key 'parameters.DG-NAM': DG-NAM: unknown parameter(s) quota_xyz"),
    ("year: {month: 12, day: 15}", "year: {month: 12, months_after: 1, day: 15}", "key 'deadlines.year': Value error"),
    ("day: 15}\n  quarter", "day: 32}\n  quarter", "key 'deadlines.year.day': the value must be at most 31"),
    ("units: don_vi.xlsx", "units: khong_co.xlsx", "key 'units': unit list 'khong_co.xlsx' not found"),
    ("workers: 2", "workers: many", "key 'workers': the value must be a number"),
    ("lock_timeout: 30", "lock_timeot: 30", "key 'lock_timeot': unknown key (check its spelling)"),
    ("levels: default", "levels: five_level", "key 'levels': cannot load level configuration 'five_level'"),
])
def test_config_errors_name_the_key(folder, old, new, message):
    edit_config(folder, old, new)
    with pytest.raises(WorkspaceConfigError) as err:
        Workspace.open(folder)
    assert message.replace("Value error", "") in str(err.value)


def test_broken_unit_list_is_reported_under_units(folder):
    write_units_xlsx(folder / "don_vi.xlsx", [("T01", "Tỉnh", "tinh", ""), ("H01", "Huyện", "huyen", "ZZ")])
    with pytest.raises(WorkspaceConfigError, match="key 'units': the unit list 'don_vi.xlsx' has 1 error"):
        Workspace.open(folder)


def test_not_a_workspace(tmp_path):
    with pytest.raises(WorkspaceConfigError, match="not an evalreport workspace .*'evalreport init"):
        Workspace.open(tmp_path)


def test_parameter_overrides_reach_the_form(folder):
    edit_config(folder, "quota_htxsnv: 0.20", "quota_htxsnv: 0.25")
    ws = Workspace.open(folder)
    assert ws.config.form("DG-NAM").param("quota_htxsnv") == 0.25
    ws.close()


def test_init_copies_a_given_unit_list_and_takes_its_root(tmp_path):
    units = write_units_xlsx(tmp_path / "ds.xlsx", [("P1", "Tỉnh", "tinh", ""), ("D1", "Huyện", "huyen", "P1")])
    ws = Workspace.init(tmp_path / "w", units=units)
    assert ws.root == "P1" and (ws.folder / "don_vi.xlsx").read_bytes() == units.read_bytes()
    ws.close()


@pytest.mark.parametrize("deadline, period, due", [
    (Deadline(month=12, day=15), "2025", date(2025, 12, 15)),
    (Deadline(months_after=1, day=15), "2025-11", date(2025, 12, 15)),
    (Deadline(months_after=1, day=15), "2025-12", date(2026, 1, 15)),
    (Deadline(months_after=1, day=31), "2025-01", date(2025, 2, 28)),
    (Deadline(months_after=1, day=10), "2025-Q4", date(2026, 1, 10)),
])
def test_deadlines(deadline, period, due):
    assert deadline.due(parse_period(period)) == due


def test_read_limits_from_the_config_reach_the_reader(folder):
    from workspace_support import cell_values, drop

    edit_config(folder, "read_limits: {}", "read_limits: {max_file_bytes: 1000}")
    ws = Workspace.open(folder)
    assert ws.config.limits().max_file_bytes == 1000
    drop(ws, "C01", cell_values(20))
    report = ws.run("2021")
    ws.close()
    too_large = [f for f in report.findings if f.rule == "FILE_TOO_LARGE"]
    assert too_large and "max_file_bytes" in too_large[0].message("en")


def test_unknown_read_limit_is_named(folder):
    edit_config(folder, "read_limits: {}", "read_limits: {max_cells: 5}")
    with pytest.raises(WorkspaceConfigError, match="key 'read_limits'.*unknown limit.*max_cells.*max_sheet_cells"):
        Workspace.open(folder)
