"""The overview sheet of the summary workbook: members (every field of the form with its share)
and organizations by level, in the layout of an official summary table, with the report form's
head and signatures.

Its own module because it is written in two modes (:class:`~.slot_sheets.SheetCells`): cell by
cell, or only for its values, which a level's later units fill into the part kept for their
shape (:mod:`.slot_sheets`). Every value goes through ``cells``; what is not a value (headings,
merges, widths, print setup) is the same for every unit of a shape.
"""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from evalreport.model.result import ConsolidationResult
from evalreport.render.letterhead import UnitReportSettings
from evalreport.render.word.form_roles import org_roles
from evalreport.render.word.sentences import capitalize
from evalreport.render.workbook.form_blocks import form_blocks, signature_lines, top_block_lines
from evalreport.render.workbook.slot_sheets import SheetCells, slotted_sheet
from evalreport.render.workbook.xlsx_cells import TITLE, header_row, landscape, merge_across, set_widths
from evalreport.wording.catalog import text as words

__all__ = ["write_overview"]


def write_overview(ws: Worksheet, result: ConsolidationResult, code: str, lang: str,
                   report: UnitReportSettings | None) -> None:
    """The unit's overview on ``ws`` (a stand-in with its part filled in, once its shape is kept)."""
    def write(cells: SheetCells) -> None:
        _write_overview(cells, result, code, lang)
        _overview_blocks(cells, result, code, lang, report)

    level = result.hierarchy.unit(code).level
    slotted_sheet(ws, ("overview", lang, level), (result.form, result.hierarchy), write)


def _title(cells: SheetCells, result: ConsolidationResult, code: str, lang: str, width: int) -> int:
    unit = result.units[code]
    title = words("WB_OVERVIEW_TITLE", lang, title=result.form.title.get(lang).upper(),
                                       period=result.period.label(lang).upper())
    cell = cells.put(1, 1, title, border=False)
    if cells.build:
        cell.font = TITLE
        merge_across(cells.ws, 1, 1, width)
    cells.put(2, 1, result.hierarchy.name(code), bold=True, border=False)
    leaves = result.hierarchy.levels.levels[-1].plural.get(lang)  # the deepest level: the units that count
    cells.put(3, 1, words("WB_COVERAGE", lang, covered=unit.covered_units, expected=unit.expected_units, leaves=leaves,
                                          unit=result.hierarchy.name(code)), border=False)
    return 5


def _write_overview(cells: SheetCells, result: ConsolidationResult, code: str, lang: str) -> None:
    """Members (every field of the form with its share) and organizations by level."""
    ws, build = cells.ws, cells.build
    form = result.form
    org = form.organizations
    org_r = org_roles(form)
    rated = org_r.ratings if org_r else ()
    width = 5 + 2 * len(rated) + 3
    row = _title(cells, result, code, lang, width)
    values, shares = result.units[code].values, result.units[code].shares
    cells.put(row, 1, words("WB_MEMBERS", lang), bold=True, border=False)
    row += 1
    cells.row(row)
    if build:
        header_row(ws, row, [words(k, lang) for k in ("WB_NO", "WB_ITEM", "WB_COUNT", "WB_SHARE", "WB_OF")])
        merge_across(ws, row, 5, 7)
    first_header = row
    row += 1
    shown: set[str] = set()
    items = [(f.code, f.label.get(lang), f.indent) for f in form.fields]
    for d in form.derived:
        items.append((d.code, d.label.get(lang), 0))
    for i, (fcode, label, indent) in enumerate(items, start=1):
        share = _primary_share(form, fcode)
        cells.put(row, 1, i, align="center")
        cells.put(row, 2, ("   " * indent) + label, align="left")
        cells.put(row, 3, values.get(fcode))
        if share is not None:
            shown.add(share.code)
            cells.share(row, 4, shares.get(share.code))
            cells.put(row, 5, form.label(share.denominator.strip(), lang), align="left")
        else:
            cells.put(row, 4, "")
            cells.put(row, 5, "")
        if build:
            merge_across(ws, row, 5, 7)
        row += 1
    for s in form.shares:  # shares not attached to a row above, e.g. the quota view
        if s.code in shown:
            continue
        cells.put(row, 1, "", align="center")
        cells.put(row, 2, s.label.get(lang), align="left", bold=True)
        cells.put(row, 3, "")
        cells.share(row, 4, shares.get(s.code), bold=True)
        cells.put(row, 5, form.label(s.denominator.strip(), lang), align="left")
        if build:
            merge_across(ws, row, 5, 7)
        row += 1
    row += 1
    if org is not None:
        row = _write_org_levels(cells, result, code, lang, row)
    set_widths(ws, [6, 50, 11, 11, 11, 9] + [9, 9] * len(rated) + [11, 12, 13])
    ws.freeze_panes = ws.cell(row=first_header + 1, column=1)
    landscape(ws)


def _overview_blocks(cells: SheetCells, result: ConsolidationResult, code: str, lang: str,
                     report: UnitReportSettings | None) -> None:
    """The report form's head at the right of the title's rows 2-4 (beyond the reach of the unit
    name and coverage lines in column A) and the signatures below the last table."""
    blocks = form_blocks(result.form.code, result.period.label(lang), result.hierarchy, code, report, lang)
    rated = org_roles(result.form)
    width = 7 + 2 * len(rated.ratings if rated else ())
    right = (max(5, width - 5), max(width, 8))
    last = cells.last_row
    cells.lines(top_block_lines(blocks, 2, *right, with_period=False))
    cells.lines(signature_lines(blocks, last + 2, (2, 2), right))


def _primary_share(form, field_code: str):
    """The share a row shows: the rating-group share of that numerator if any, else the first."""
    candidates = [s for s in form.shares if s.numerator.strip() == field_code]
    grouped = [s for s in candidates if s.group]
    return (grouped or candidates or [None])[0]


def _write_org_levels(cells: SheetCells, result: ConsolidationResult, code: str, lang: str, row: int) -> int:
    org = result.form.organizations
    roles = org_roles(result.form)
    h = result.hierarchy
    values, shares = result.units[code].values, result.units[code].shares
    cells.put(row, 1, words("WB_ORGANIZATIONS", lang), bold=True, border=False)
    row += 1
    cells.row(row)
    if cells.build:
        heads = [words(k, lang) for k in ("WB_NO", "WB_LEVEL", "WB_TOTAL", "WB_RATED", "WB_NOT_RATED", "WB_PCT")]
        for r in roles.ratings:
            heads += [r.code, words("WB_PCT", lang)]
        heads += [words(k, lang) for k in ("WB_TSVM", "WB_GOOD", "WB_WITHIN")]
        header_row(cells.ws, row, heads, height=45)  # "Tỷ lệ HTXSNV/HTTNV trở lên" takes three lines
    row += 1
    good = roles.good_or_better
    best = roles.ratings[0].measure
    for n, level in enumerate(h.levels.below(h.unit(code).level), start=1):
        def v(measure: str, level: str = level) -> int | None:
            return values.get(org.field_code(level, measure))

        def share(num: str | None, den: str, level: str = level) -> float | None:
            return roles.share(shares, level, num, den)

        cells.put(row, 1, n, align="center")
        cells.put(row, 2, capitalize(h.levels.get(level).plural.get(lang)), align="left")
        cells.put(row, 3, v(roles.total))
        cells.put(row, 4, v(roles.evaluated))
        cells.put(row, 5, sum(v(r.measure) or 0 for r in roles.not_rated))
        cells.share(row, 6, share(roles.not_rated[0].measure, roles.total) if roles.not_rated else None)
        col = 7
        for r in roles.ratings:
            cells.put(row, col, v(r.measure))
            cells.share(row, col + 1, share(r.measure, roles.evaluated))
            col += 2
        cells.put(row, col, v(roles.tsvm))
        cells.share(row, col + 1, share(good, roles.evaluated))
        cells.share(row, col + 2, share(best, good) if good else None)
        row += 1
    return row + 1
