"""What a level's summary workbooks share is made once per process: the instructions sheet's part
(render/workbook/kept_sheets.py) and the deflated bytes of repeating package parts
(render/deflated_parts.py). Every workbook must read back as when it is the first one
written in a fresh process, and its package must be a valid zip whose parts are exactly those."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from render_support import write_inputs

from evalreport.aggregate.consolidate import consolidate
from evalreport.form.layout import FormLayout
from evalreport.read.workbook import read_submission
from evalreport.render import deflated_parts
from evalreport.render.deflated_parts import write_part
from evalreport.render.workbook import kept_sheets, style_table
from evalreport.render.workbook.summary_workbook import write_summary_workbook

PERIOD = "2021"


def _sheet(path: Path, title: str) -> tuple:
    """The sheet as an officer sees it: every cell's value and look, protection, print setup."""
    ws = load_workbook(path)[title]
    cells = {c.coordinate: (c.value, repr(c.font), repr(c.fill), repr(c.alignment), repr(c.protection))
             for row in ws.iter_rows() for c in row if c.has_style or c.value is not None}
    return (cells, {r: d.height for r, d in ws.row_dimensions.items() if d.height}, ws.column_dimensions["A"].width,
            ws.protection.sheet, ws.page_setup.orientation, ws.page_setup.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage)


def _part(path: Path, title: str) -> bytes:
    with zipfile.ZipFile(path) as package:
        names = [ws.title for ws in load_workbook(path, read_only=True).worksheets]
        return package.read(f"xl/worksheets/sheet{names.index(title) + 1}.xml")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_instructions_sheet_of_later_workbooks_is_the_first_ones(form, four, tmp_path, monkeypatch, lang):
    files = write_inputs(form, four, tmp_path / "in", PERIOD)
    result = consolidate(form, PERIOD, [read_submission(p, form) for p in files.values()], four, root="T01")
    units = [u for u in four.subtree("T01") if not four.is_leaf(u)]
    assert len(units) >= 4
    fresh, later = tmp_path / "fresh", tmp_path / "later"
    monkeypatch.setattr(kept_sheets, "_ENTRIES", {})
    for unit in units:  # each as the first of its process
        monkeypatch.setattr(style_table, "_PREPARED", {})
        write_summary_workbook(result, unit, fresh / f"{unit}.xlsx", lang)
    monkeypatch.setattr(style_table, "_PREPARED", {})
    for unit in [*units, *units]:  # one after another: from the third on, a stand-in with the kept part
        write_summary_workbook(result, unit, later / f"{unit}.xlsx", lang)
    assert [e for e in kept_sheets._ENTRIES.values() if e.verified]
    title = FormLayout.for_unit(form, units[0], four, lang).instructions_sheet
    parts = {_part(later / f"{unit}.xlsx", title) for unit in units}
    assert len(parts) == 1  # the very part the fully built ones had
    for unit in units:
        assert _sheet(later / f"{unit}.xlsx", title) == _sheet(fresh / f"{unit}.xlsx", title), unit
        again, first = read_submission(later / f"{unit}.xlsx", form), read_submission(fresh / f"{unit}.xlsx", form)
        assert again.ok and again.values == first.values and again.ratings == first.ratings


def test_a_kept_deflated_part_is_what_writestr_writes(monkeypatch):
    monkeypatch.setattr(deflated_parts, "_DEFLATED", {})
    parts = {"a.xml": b"<a>" + b"repeated text " * 500 + b"</a>", "b/c.xml": "<c>ệ</c>", "d.xml": b""}

    def package(write) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=2) as archive:
            for name, data in parts.items():
                write(archive, name, data)
        return out.getvalue()

    plain = package(lambda archive, name, data: archive.writestr(name, data))
    for _ in range(2):  # deflated, then taken from the store
        kept = package(write_part)
        with zipfile.ZipFile(io.BytesIO(plain)) as a, zipfile.ZipFile(io.BytesIO(kept)) as b:
            assert b.testzip() is None
            assert [(i.filename, i.CRC, i.compress_size, i.file_size, i.flag_bits, i.compress_type, i.external_attr)
                    for i in a.infolist()] == [
                   (i.filename, i.CRC, i.compress_size, i.file_size, i.flag_bits, i.compress_type, i.external_attr)
                   for i in b.infolist()]
            assert all(a.read(n) == b.read(n) for n in a.namelist())
    assert len(deflated_parts._DEFLATED) == len(parts)
