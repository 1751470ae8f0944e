"""The summary workbook's children sheet is streamed (values and looks, written at save time);
read back, every cell must be what put() and put_share() give it: same value, type and style."""

from __future__ import annotations

from openpyxl import Workbook, load_workbook
from render_support import make_result

from evalreport import parse_period
from evalreport.render.word.form_roles import member_roles
from evalreport.render.workbook.summary_workbook import write_summary_workbook
from evalreport.render.workbook.xlsx_cells import TOTAL_FILL, put, put_share


def _style(cell) -> tuple:
    return (repr(cell.font), repr(cell.fill), repr(cell.border), repr(cell.alignment), cell.number_format)


def test_children_rows_read_back_as_put_writes_them(form, four, tmp_path):
    result = make_result(form, four, parse_period("2021"), missing=("C07",))
    kids = load_workbook(write_summary_workbook(result, "T01", tmp_path / "T01.xlsx"))["Đơn vị trực thuộc"]
    ratings = len(member_roles(form).ratings)
    # the options put() is called with, column by column: lead (name left), counts, shares, rating and TSVM
    lead = [dict(align="center"), dict(align="center"), dict(align="left"), dict(align="center")]
    counts, share, centred = dict(), "share", dict(align="center")
    columns = [*lead, counts, counts, share, *[counts] * ratings, counts, share, share, centred, centred, counts, counts]
    assert kids.max_column == len(columns) == 18
    children = four.children("T01")
    total_row, note_row = 2 + len(children), 4 + len(children)
    book = Workbook()
    reference = book.active
    for row in range(2, total_row + 1):  # put() each value read back with its column's options
        total = dict(bold=True, fill=TOTAL_FILL) if row == total_row else {}
        for col, options in enumerate(columns, start=1):
            value = kids.cell(row, col).value
            if options == "share":  # stored as a fraction, or "–" without a denominator
                put_share(reference, row, col, None if value == "–" else value * 100, **total)
            else:
                put(reference, row, col, value, **options, **total)
    put(reference, note_row, 3, "note", border=False)
    book.save(tmp_path / "reference.xlsx")
    reference = load_workbook(tmp_path / "reference.xlsx").active
    for row in range(2, total_row + 1):
        for col in range(1, len(columns) + 1):
            got, want = kids.cell(row, col), reference.cell(row, col)
            assert (got.value, got.data_type, _style(got)) == (want.value, want.data_type, _style(want)), (row, col)
    assert [kids.cell(r, 2).value for r in range(2, total_row)] == children
    assert kids.cell(total_row, 3).value == "Cộng" and kids.cell(total_row, 5).value == result.units["T01"].values[
        member_roles(form).total]
    assert all(kids.cell(total_row + 1, c).value is None and not kids.cell(total_row + 1, c).has_style
               for c in range(1, 19))  # a blank row, no cells
    note = kids.cell(note_row, 3)
    assert note.value.startswith("Tô đỏ") and _style(note) == _style(reference.cell(note_row, 3))
    assert not kids.cell(note_row, 1).has_style and kids.max_row == note_row
    assert kids.auto_filter.ref == f"A1:R{total_row - 1}" and kids.freeze_panes == "D2"
    assert kids.row_dimensions[1].height == 45


def test_children_rows_count_the_findings_of_each_childs_subtree(form, four, tmp_path):
    """Errors and warnings anywhere below a child land in its row, per workbook of one result and
    again after the findings change (the count is indexed once per result's findings)."""
    import dataclasses

    from evalreport.model.finding import make_finding

    result = make_result(form, four, parse_period("2021"))
    child, other = four.children("T01")[:2]
    leaf = four.leaves(child)[0]

    def finding(unit, severity="error"):
        return make_finding("FILE_EMPTY", severity, unit=unit, file=f"{unit}.xlsx", sheet="DG-NAM", cell="C9")

    def counts(res, unit):
        rows = load_workbook(write_summary_workbook(res, unit, tmp_path / f"{unit}.xlsx"))["Đơn vị trực thuộc"]
        return {rows.cell(r, 2).value: (rows.cell(r, 17).value, rows.cell(r, 18).value)
                for r in range(2, 2 + len(four.children(unit)))}

    found = dataclasses.replace(result, findings=[finding(leaf), finding(leaf, "warning"), finding(child),
                                                  finding("T01"), finding(leaf, "info")])
    assert counts(found, "T01")[child] == (2, 1) and counts(found, "T01")[other] == (0, 0)
    parent = four.parent(leaf)
    if parent != child:  # the leaf's own parent counts it too
        assert counts(found, parent)[leaf] == (1, 1)
    fewer = dataclasses.replace(found, findings=[finding(other, "warning")])
    assert counts(fewer, "T01")[child] == (0, 0) and counts(fewer, "T01")[other] == (0, 1)
