"""Submissions saved by LibreOffice as .ods or as Excel 97-2003 .xls are read like the .xlsx they
came from; files that only carry a spreadsheet's name get a finding that says what they are.

The .ods and .xls fixtures in tests/data were made by LibreOffice from a filled DG-NAM template
(tests/data/make_ods_xls.py), so these tests need no LibreOffice."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from workspace_support import CELLS, _form, _hierarchy, cell_values, fill_cells

from evalreport import read_submission
from evalreport.cli import app
from evalreport.cli.check import workbooks_in
from evalreport.render.workbook.template_writer import fill_template
from tools.selfcheck.cases import CASES, Builder

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURES = {"ods": DATA / f"DG-NAM_2021_{CELLS[0]}.ods", "xls": DATA / f"DG-NAM_2021_{CELLS[0]}.xls"}
NOTE = {"ods": "FILE_ODS_FORMAT", "xls": "FILE_LEGACY_XLS"}
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> Path:
    """The .xlsx the fixtures were saved from."""
    path = tmp_path_factory.mktemp("xlsx") / f"DG-NAM_2021_{CELLS[0]}.xlsx"
    return fill_template(_form(), CELLS[0], "2021", _hierarchy(), path, cell_values(20))


@pytest.mark.parametrize("kind", ["ods", "xls"])
def test_saved_by_libreoffice_reads_as_the_xlsx(original, kind):
    want, got = read_submission(original), read_submission(FIXTURES[kind])
    assert want.ok and want.findings == []
    assert got.ok, [f.message() for f in got.findings]
    assert [(f.rule, f.severity) for f in got.findings] == [(NOTE[kind], "info")]
    assert "lưu dạng .xlsx" in got.findings[0].message()
    assert (got.form_code, got.unit_code, got.unit_name, got.period) == \
           (want.form_code, want.unit_code, want.unit_name, want.period)
    assert got.values == want.values and got.values["dv_tong_so"] == 20
    assert got.cells == want.cells  # the same cells are named in findings


def test_ods_named_xlsx_is_read_by_its_content(tmp_path):
    renamed = tmp_path / "bao_cao.xlsx"
    shutil.copy(FIXTURES["ods"], renamed)
    sub = read_submission(renamed)
    assert sub.ok and sub.values["dv_tong_so"] == 20


@pytest.mark.parametrize(("name", "rule", "advice"), [
    ("html_as_xls", "FILE_HTML", "hãy mở bằng Excel và lưu lại dạng .xlsx"),
    ("xml_spreadsheet_as_xls", "FILE_XML_SPREADSHEET", "hãy mở bằng Excel và lưu lại dạng .xlsx"),
    ("odt_as_ods", "FILE_OPENDOCUMENT_OTHER", "(.odt), không phải bảng tính"),
])
def test_a_file_that_only_looks_like_a_workbook_is_named(tmp_path, name, rule, advice):
    case = CASES[name]
    path = case.build(Builder(tmp_path), case.file_name)
    sub = read_submission(path)
    assert [f.rule for f in sub.findings] == [rule] and not sub.ok
    assert advice in sub.findings[0].message() and sub.findings[0].message("en")


_CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from evalreport import read_submission
print(",".join(sorted({f.rule for f in read_submission(sys.argv[1]).findings})))
"""


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="RLIMIT_AS is enforced on Linux")
@pytest.mark.parametrize("name", ["ods_repeated_cell_bomb", "ods_million_repeated_rows", "ods_billion_laughs",
                                  "ods_duplicate_content"])
def test_hostile_ods_is_refused_before_the_parser_runs(tmp_path, name):
    """Unguarded, the first makes python-calamine abort the process asking for 4 GB."""
    case = CASES[name]
    path = case.build(Builder(tmp_path), case.file_name)
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().split(",") == [case.expect.rule]


def test_workspace_ingests_and_counts_ods_and_xls(ws):
    xlsx_only = fill_cells(ws)
    ws.ingest()
    want = ws.result("2021").totals()
    for i, kind in enumerate(("ods", "xls")):  # C01's .xlsx replaced by the same report saved otherwise
        xlsx_only[CELLS[0]].unlink()
        copy = ws.inbox / f"lan{i}" / FIXTURES[kind].name
        copy.parent.mkdir()
        shutil.copy(FIXTURES[kind], copy)
        report = ws.ingest()
        assert [(f.outcome, f.status, Path(f.path).suffix) for f in report.files] == [("version", "ok", f".{kind}")]
        assert NOTE[kind] in [f.rule for f in report.findings]
        assert ws.result("2021").totals() == want
        xlsx_only[CELLS[0]] = copy


def test_check_lists_ods_and_xls(tmp_path, units_four):
    folder = tmp_path / "nop"
    folder.mkdir()
    for i, path in enumerate(FIXTURES.values()):  # one unit's report twice: the .xls, saved later, counts
        os.utime(shutil.copy(path, folder), (1_700_000_000 + i, 1_700_000_000 + i))
    (folder / "web.xls").write_bytes(b"<html><body><table><tr><td>1</td></tr></table></body></html>")
    assert [p.name for p in workbooks_in(folder)] == sorted(p.name for p in [*FIXTURES.values(), folder / "web.xls"])
    out = tmp_path / "loi.csv"
    res = CliRunner().invoke(app, ["check", str(folder), "--units", str(units_four), "--period", "2021",
                                   "--out", str(out)], terminal_width=200)
    assert "3 tệp" in res.output, res.output
    with out.open(encoding="utf-8-sig") as fh:
        rows = {(r["Tệp"], r["Quy tắc"]) for r in csv.DictReader(fh)}  # the officer's language
    assert {(f"DG-NAM_2021_{CELLS[0]}.ods", "SUBMISSION_REPLACED"), (f"DG-NAM_2021_{CELLS[0]}.xls", "FILE_LEGACY_XLS"),
            ("web.xls", "FILE_HTML")} <= rows  # as a run of 2021 judges them
