"""Summary workbooks written one after another in a process start from the first one's style
table (render/workbook/style_table.py); each must look and read back exactly as when it is the
first one written in a fresh process."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from render_support import write_inputs

from evalreport.aggregate.consolidate import consolidate
from evalreport.read.workbook import read_submission
from evalreport.render.workbook import style_table
from evalreport.render.workbook.summary_workbook import write_summary_workbook

PERIOD = "2021"


def _look(path: Path) -> dict:
    """What an officer sees: per sheet, every cell's value and style, the merged ranges, the
    state and print setup."""
    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        cells = {c.coordinate: (c.value, c.number_format, repr(c.font), repr(c.fill), repr(c.border),
                                repr(c.alignment), repr(c.protection))
                 for row in ws.iter_rows() for c in row if c.has_style or c.value is not None}
        out[ws.title] = (cells, sorted(str(r) for r in ws.merged_cells.ranges), ws.sheet_state,
                         ws.page_setup.orientation, ws.freeze_panes, ws.print_title_rows,
                         [str(cf.sqref) for cf in ws.conditional_formatting])
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_workbooks_after_the_first_look_like_the_first(form, four, tmp_path, monkeypatch, lang):
    files = write_inputs(form, four, tmp_path / "in", PERIOD)
    result = consolidate(form, PERIOD, [read_submission(p, form) for p in files.values()], four, root="T01")
    units = [u for u in four.subtree("T01") if not four.is_leaf(u)]
    assert len(units) >= 4
    fresh, prepared = tmp_path / "fresh", tmp_path / "prepared"
    for unit in units:  # each as the first of its process
        monkeypatch.setattr(style_table, "_PREPARED", {})
        write_summary_workbook(result, unit, fresh / f"{unit}.xlsx", lang)
    monkeypatch.setattr(style_table, "_PREPARED", {})
    for unit in reversed(units):  # one after another: a ward's table starts the province's and back
        write_summary_workbook(result, unit, prepared / f"{unit}.xlsx", lang)
    assert style_table._PREPARED  # the later ones did start from a prepared table
    for unit in units:
        assert _look(prepared / f"{unit}.xlsx") == _look(fresh / f"{unit}.xlsx"), unit
        again, first = read_submission(prepared / f"{unit}.xlsx", form), read_submission(fresh / f"{unit}.xlsx", form)
        assert again.ok and again.values == first.values and again.ratings == first.ratings
