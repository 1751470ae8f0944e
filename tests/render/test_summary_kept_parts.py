"""Summary workbooks written one after another in a process take their charts' parts and their
sheets' settings elements from what the earlier ones made (render/workbook/chart_parts.py,
sheet_frame.py); each file must be, part for part, what it is when written first in a fresh
process (the save time in docProps/core.xml aside). The style table, which later workbooks take
from the first one too (style ids may then differ: test_summary_style_table.py), starts fresh
for each workbook here."""

from __future__ import annotations

import pytest
from package_parts import package_parts
from render_support import write_inputs

from evalreport.aggregate.consolidate import consolidate
from evalreport.read.workbook import read_submission
from evalreport.render.workbook import chart_parts, sheet_frame, style_table
from evalreport.render.workbook.summary_workbook import write_summary_workbook

PERIOD = "2021"


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(style_table, "_PREPARED", {})
    monkeypatch.setattr(chart_parts, "_KEPT", {})
    monkeypatch.setattr(sheet_frame, "_KEPT", {})


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_workbooks_after_the_first_are_the_first_part_for_part(form, four, tmp_path, monkeypatch, lang):
    files = write_inputs(form, four, tmp_path / "in", PERIOD)
    result = consolidate(form, PERIOD, [read_submission(p, form) for p in files.values()], four, root="T01")
    units = [u for u in four.subtree("T01") if not four.is_leaf(u)]
    fresh, later = tmp_path / "fresh", tmp_path / "later"
    for unit in units:
        _fresh_process(monkeypatch)
        write_summary_workbook(result, unit, fresh / f"{unit}.xlsx", lang)
    _fresh_process(monkeypatch)
    for unit in [*units, *units]:  # the second round: every chart and settings element already kept
        monkeypatch.setattr(style_table, "_PREPARED", {})
        write_summary_workbook(result, unit, later / f"{unit}.xlsx", lang)
    assert chart_parts._KEPT and sheet_frame._KEPT  # the later ones did use kept parts
    for unit in units:
        first, again = package_parts(fresh / f"{unit}.xlsx"), package_parts(later / f"{unit}.xlsx")
        assert [n for n in first if n.startswith("xl/charts/")], unit  # a non-leaf unit's workbook has charts
        assert again == first, unit
