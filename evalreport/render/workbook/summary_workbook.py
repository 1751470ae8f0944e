"""The summary workbook of one unit: its own DG-NAM submission for the next level up, plus sheets
for the officer and their leaders.

The first sheet is exactly the unit's form (same metadata and layout as its template, values =
the consolidated totals including the ``tc_<level>_<measure>`` counts, its child-rating table
kept), so the reader of the next level reads it back unchanged: cell → ward → district →
province, file to file. The added sheets (overview in the layout of an official summary table,
one row per child unit, completeness, findings, change against the previous period, charts) are
ignored by the reader.

The rows of the completeness and findings sheets, which grow with the province, and of the
children sheet are streamed into the file at save time (:mod:`.streamed_rows`); everything else
is built with openpyxl.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.formatting.rule import FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.form.layout import FormLayout
from evalreport.model.result import ConsolidationResult
from evalreport.model.unit_state import UnitState
from evalreport.render.letterhead import UnitReportSettings
from evalreport.render.word.form_roles import FormRolesError, MemberRoles, member_roles, org_roles
from evalreport.render.word.sentences import capitalize
from evalreport.render.workbook.child_rows import child_state, finding_counts
from evalreport.render.workbook.form_blocks import form_blocks, write_signatures, write_top_block
from evalreport.render.workbook.streamed_rows import BodyRow, SheetBody, StreamedWorkbook
from evalreport.render.workbook.style_table import prepared_workbook, remember
from evalreport.render.workbook.summary_sheets import (
    short_label,
    write_change,
    write_charts,
    write_completeness,
    write_findings,
)
from evalreport.render.workbook.template_writer import build_form_workbook
from evalreport.render.workbook.xlsx_cells import (
    AMBER_FILL,
    NO_CELL,
    RED_FILL,
    TITLE,
    TOTAL_FILL,
    CellLook,
    RowLooks,
    header_row,
    landscape,
    merge_across,
    put,
    put_share,
    set_widths,
)
from evalreport.store.atomic import atomic_path
from evalreport.wording.catalog import text as words

__all__ = ["write_summary_workbook", "build_summary_workbook", "summary_values"]


def summary_values(result: ConsolidationResult, unit_code: str, lang: str = "vi") -> dict[str, int]:
    """The values the unit's form sheet carries upward: every cell its layout has (input fields
    and the tc_* counts of the levels below its children; its own ratings travel as the table)."""
    cells = FormLayout.for_unit(result.form, unit_code, result.hierarchy, lang).cell_map()
    values = result.units[unit_code].values
    return {k: int(v) for k, v in values.items() if k in cells and v is not None}


def build_summary_workbook(result: ConsolidationResult, unit_code: str | None = None,
                           lang: str = "vi", report: UnitReportSettings | None = None) -> StreamedWorkbook:
    """The workbook, ready to :meth:`~.streamed_rows.StreamedWorkbook.save`: its ``workbook`` holds
    every sheet, the completeness and findings sheets with their header only until the save (and
    the instructions sheet possibly a stand-in for a kept part, :mod:`.kept_sheets`: saved only so).
    ``report`` (the workspace's report settings for the unit) words the signature blocks."""
    code = unit_code or result.root
    own = result.accepted.get(code)
    wb = build_form_workbook(result.form, code, result.period, result.hierarchy,
                             values=summary_values(result, code, lang), ratings=own.ratings if own and own.ratings else None,
                             kind="summary", lang=lang, report=report,
                             workbook=prepared_workbook("summary"))  # from the style table of the first one saved
    # after the form sheet, before the form's instructions and hidden metadata
    overview = wb.create_sheet(words("WB_OVERVIEW", lang), 1)
    _write_overview(overview, result, code, lang)
    _overview_blocks(overview, result, code, lang, report)
    at = 2
    bodies: list[SheetBody] = []
    if not result.hierarchy.is_leaf(code):
        children = wb.create_sheet(words("WB_CHILDREN", lang), at)
        at += 1
        try:
            roles = member_roles(result.form)
        except FormRolesError:  # a form without ratings (DV-THANG): every field per child, no charts
            _write_children_plain(children, result, code, lang)
        else:
            last_row, body = _write_children(children, result, code, lang, roles)
            bodies.append(body)
            write_charts(wb.create_sheet(words("WB_CHARTS", lang), at), children, last_row, result, code, lang)
            at += 1
    bodies += [write_completeness(wb.create_sheet(words("WB_COMPLETENESS", lang), at), result, code, lang),
               write_findings(wb.create_sheet(words("WB_FINDINGS", lang), at + 1), result, code, lang)]
    write_change(wb.create_sheet(words("WB_CHANGE", lang), at + 2), result, code, lang)
    _fit_printed_sheets(wb.worksheets)
    wb.active = 1
    for ws in wb.worksheets:
        ws.sheet_view.tabSelected = ws is overview
    return StreamedWorkbook(wb, bodies)


def write_summary_workbook(result: ConsolidationResult, unit_code: str | None, path: str | Path,
                           lang: str = "vi", *, report: UnitReportSettings | None = None) -> Path:
    """Write the summary workbook of ``unit_code`` (default: the root) to ``path`` atomically."""
    book = build_summary_workbook(result, unit_code, lang, report)
    target = Path(path)
    with atomic_path(target) as tmp:
        book.save(tmp)
    # the first one in this process: its style table (with the styles saving added) starts the next ones
    remember(book.workbook, "summary")
    return target


def _title(ws: Worksheet, result: ConsolidationResult, code: str, lang: str, width: int) -> int:
    unit = result.units[code]
    title = words("WB_OVERVIEW_TITLE", lang, title=result.form.title.get(lang).upper(),
                                       period=result.period.label(lang).upper())
    put(ws, 1, 1, title, border=False).font = TITLE
    merge_across(ws, 1, 1, width)
    put(ws, 2, 1, result.hierarchy.name(code), bold=True, border=False)
    leaves = result.hierarchy.levels.levels[-1].plural.get(lang)  # the deepest level: the units that count
    put(ws, 3, 1, words("WB_COVERAGE", lang, covered=unit.covered_units, expected=unit.expected_units, leaves=leaves,
                                       unit=result.hierarchy.name(code)), border=False)
    return 5


def _write_overview(ws: Worksheet, result: ConsolidationResult, code: str, lang: str) -> None:
    """Members (every field of the form with its share) and organizations by level."""
    form = result.form
    org = form.organizations
    org_r = org_roles(form)
    rated = org_r.ratings if org_r else ()
    width = 5 + 2 * len(rated) + 3
    row = _title(ws, result, code, lang, width)
    values, shares = result.units[code].values, result.units[code].shares
    put(ws, row, 1, words("WB_MEMBERS", lang), bold=True, border=False)
    row += 1
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
        put(ws, row, 1, i, align="center")
        put(ws, row, 2, ("   " * indent) + label, align="left")
        put(ws, row, 3, values.get(fcode))
        if share is not None:
            shown.add(share.code)
            put_share(ws, row, 4, shares.get(share.code))
            put(ws, row, 5, form.label(share.denominator.strip(), lang), align="left")
        else:
            put(ws, row, 4, "")
            put(ws, row, 5, "")
        merge_across(ws, row, 5, 7)
        row += 1
    for s in form.shares:  # shares not attached to a row above, e.g. the quota view
        if s.code in shown:
            continue
        put(ws, row, 1, "", align="center")
        put(ws, row, 2, s.label.get(lang), align="left", bold=True)
        put(ws, row, 3, "")
        put_share(ws, row, 4, shares.get(s.code), bold=True)
        put(ws, row, 5, form.label(s.denominator.strip(), lang), align="left")
        merge_across(ws, row, 5, 7)
        row += 1
    row += 1
    if org is not None:
        row = _write_org_levels(ws, result, code, lang, row)
    set_widths(ws, [6, 50, 11, 11, 11, 9] + [9, 9] * len(rated) + [11, 12, 13])
    ws.freeze_panes = ws.cell(row=first_header + 1, column=1)
    landscape(ws)


def _fit_printed_sheets(sheets: list[Worksheet]) -> None:
    """A4 landscape one page wide for every visible sheet that set no print setup of its own (a
    change sheet with only its note): an officer may print any of them."""
    for ws in sheets:
        if ws.sheet_state == "visible" and not ws.sheet_properties.pageSetUpPr.fitToPage:
            landscape(ws)


def _overview_blocks(ws: Worksheet, result: ConsolidationResult, code: str, lang: str,
                     report: UnitReportSettings | None) -> None:
    """The report form's head at the right of the title's rows 2-4 (beyond the reach of the unit
    name and coverage lines in column A) and the signatures below the last table."""
    blocks = form_blocks(result.form.code, result.period.label(lang), result.hierarchy, code, report, lang)
    rated = org_roles(result.form)
    width = 7 + 2 * len(rated.ratings if rated else ())
    right = (max(5, width - 5), max(width, 8))
    last = ws.max_row
    write_top_block(ws, blocks, 2, *right, with_period=False)
    write_signatures(ws, blocks, last + 2, (2, 2), right)


def _primary_share(form, field_code: str):
    """The share a row shows: the rating-group share of that numerator if any, else the first."""
    candidates = [s for s in form.shares if s.numerator.strip() == field_code]
    grouped = [s for s in candidates if s.group]
    return (grouped or candidates or [None])[0]


def _write_org_levels(ws: Worksheet, result: ConsolidationResult, code: str, lang: str, row: int) -> int:
    org = result.form.organizations
    roles = org_roles(result.form)
    h = result.hierarchy
    values, shares = result.units[code].values, result.units[code].shares
    put(ws, row, 1, words("WB_ORGANIZATIONS", lang), bold=True, border=False)
    row += 1
    heads = [words(k, lang) for k in ("WB_NO", "WB_LEVEL", "WB_TOTAL", "WB_RATED", "WB_NOT_RATED", "WB_PCT")]
    for r in roles.ratings:
        heads += [r.code, words("WB_PCT", lang)]
    heads += [words(k, lang) for k in ("WB_TSVM", "WB_GOOD", "WB_WITHIN")]
    header_row(ws, row, heads, height=45)  # "Tỷ lệ HTXSNV/HTTNV trở lên" takes three lines
    row += 1
    good = roles.good_or_better
    best = roles.ratings[0].measure
    for n, level in enumerate(h.levels.below(h.unit(code).level), start=1):
        def v(measure: str, level: str = level) -> int | None:
            return values.get(org.field_code(level, measure))

        def share(num: str | None, den: str, level: str = level) -> float | None:
            return roles.share(shares, level, num, den)

        put(ws, row, 1, n, align="center")
        put(ws, row, 2, capitalize(h.levels.get(level).plural.get(lang)), align="left")
        put(ws, row, 3, v(roles.total))
        put(ws, row, 4, v(roles.evaluated))
        put(ws, row, 5, sum(v(r.measure) or 0 for r in roles.not_rated))
        put_share(ws, row, 6, share(roles.not_rated[0].measure, roles.total) if roles.not_rated else None)
        col = 7
        for r in roles.ratings:
            put(ws, row, col, v(r.measure))
            put_share(ws, row, col + 1, share(r.measure, roles.evaluated))
            col += 2
        put(ws, row, col, v(roles.tsvm))
        put_share(ws, row, col + 1, share(good, roles.evaluated))
        put_share(ws, row, col + 2, share(best, good) if good else None)
        row += 1
    return row + 1


def _write_children_plain(ws: Worksheet, result: ConsolidationResult, code: str, lang: str) -> None:
    """Every field of the form per child, with a total row (forms without a rating table)."""
    form, h = result.form, result.hierarchy
    codes = [f.code for f in form.fields] + [d.code for d in form.derived]
    heads = [*(words(k, lang) for k in ("WB_NO", "WB_CODE", "WB_NAME", "WB_STATUS")),
             *(form.label(c, lang) for c in codes), words("WB_ERRORS", lang), words("WB_WARNINGS", lang)]
    header_row(ws, 1, heads, height=60)
    counts = finding_counts(result, code)
    row = 1
    for i, child in enumerate(h.children(code), start=1):
        row += 1
        v = result.units[child].values if child in result.units else {}
        lead = [i, child, h.name(child), child_state(result, code, child, lang)]
        for col, value in enumerate([*lead, *(v.get(c) for c in codes), *counts.get(child, [0, 0])], start=1):
            put(ws, row, col, value, align="left" if col == 3 else None if col > 4 else "center")
    last = row
    row += 1
    total = result.units[code].values
    for col, value in enumerate(["", "", words("WB_SUM", lang), "", *(total.get(c) for c in codes), "", ""], start=1):
        put(ws, row, col, value, bold=True, fill=TOTAL_FILL)
    set_widths(ws, [5, 11, 34, 18] + [12] * len(codes) + [8, 9])
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{max(last, 2)}"
    landscape(ws, "1:1")


def _write_children(ws: Worksheet, result: ConsolidationResult, code: str, lang: str,
                    roles: MemberRoles) -> tuple[int, SheetBody]:
    """One row per direct child with counts, shares, the rating given and findings; a total row
    and the quota note. Returns the last child row (charts refer to it) and the rows, streamed
    when the workbook is saved (a province's few dozen rows of 20 cells cost 14 ms through
    openpyxl's cells, most of the sheets it still writes)."""
    form, h = result.form, result.hierarchy
    own = result.accepted.get(code)
    given = {r.code: r for r in own.ratings} if own else {}
    labels = [short_label(form.label(c, lang)) for c in roles.ratings]
    heads = [*(words(k, lang) for k in ("WB_NO", "WB_CODE", "WB_NAME", "WB_STATUS", "WB_MEMBERS_TOTAL",
                                        "WB_EVALUATED", "WB_EVALUATED_PCT")),
             *labels, *(words(k, lang) for k in ("WB_GOOD_COUNT", "WB_GOOD", "WB_WITHIN", "WB_RATING_GIVEN",
                                                 "WB_TSVM", "WB_ERRORS")),
             words("WB_WARNINGS", lang)]
    header_row(ws, 1, heads, height=45)
    counts = finding_counts(result, code)
    looks = RowLooks(ws)
    rows: list[BodyRow] = []
    for i, child in enumerate(h.children(code), start=1):
        tot = result.units.get(child)
        v = tot.values if tot else {}
        sh = tot.shares if tot else {}
        rating = given.get(child)
        rows.append((*_child_row(looks, [i, child, h.name(child), child_state(result, code, child, lang)], v, sh, roles,
                                 rating.rating if rating and rating.rating else "",
                                 words("WB_YES", lang) if rating and rating.tsvm else "", counts.get(child, [0, 0])), None))
    last = len(rows) + 1
    tot = result.units[code]
    rows.append((*_child_row(looks, ["", "", words("WB_SUM", lang), ""], tot.values, tot.shares, roles, "", "", None, total=True),
                 None))
    rows.append(((), (), None))  # a blank row (no cells, not written), then the note
    rows.append((*looks.row([(None, NO_CELL), (None, NO_CELL),
                             (words("WB_QUOTA_NOTE", lang, limit=_quota_text(result, lang)), looks.look(border=False))]),
                 None))
    _highlight(ws, last, len(heads), result, lang)
    set_widths(ws, [5, 11, 34, 18, 11, 11, 10] + [10] * len(labels) + [11, 11, 12, 11, 8, 7, 9])
    ws.freeze_panes = "D2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{last}"
    landscape(ws, "1:1")
    return last, SheetBody(ws, rows, first_row=2, count=len(rows), width=len(heads))


def _child_row(looks: RowLooks, lead: list, v: dict, sh: dict, roles: MemberRoles, rating: str, tsvm: str,
               counts: list[int] | None, total: bool = False) -> tuple[tuple[object, ...], tuple[CellLook, ...]]:
    """(values, looks) of a child's row or the total row, the cells put() would write."""
    fill = TOTAL_FILL if total else None
    plain = looks.look(bold=total, fill=fill)
    centred = looks.look(bold=total, fill=fill, align="center")
    cells = [(value, looks.look(bold=total, fill=fill, align="left") if col == 3 else centred)
             for col, value in enumerate(lead, start=1)]
    cells += [(v.get(roles.total), plain), (v.get(roles.evaluated), plain),
              looks.share(roles.share(sh, roles.evaluated, roles.total), bold=total, fill=fill)]
    cells += [(v.get(c), plain) for c in roles.ratings]
    good = roles.good_or_better
    cells += [(v.get(good) if good else None, plain),
              looks.share(roles.share(sh, good, roles.evaluated), bold=total, fill=fill),
              looks.share(roles.share(sh, roles.excellent, good) if good else None, bold=total, fill=fill),
              (rating, centred), (tsvm, centred),
              (counts[0] if counts else "", plain), (counts[1] if counts else "", plain)]
    return looks.row(cells)


def _quota_text(result: ConsolidationResult, lang: str) -> str:
    org = result.form.organizations
    if org is None or org.quota is None:
        return "–"
    return f"{result.form.param(org.quota.parameter) * 100:.0f}%"


def _highlight(ws: Worksheet, last: int, width: int, result: ConsolidationResult, lang: str) -> None:
    """Conditional formatting: a whole row red when the unit has errors or breaks the HTXSNV quota
    (members), amber when the unit sent nothing. Rules stay live if the officer sorts or edits."""
    if last < 2:
        return
    roles = member_roles(result.form)
    within_col = get_column_letter(4 + 3 + len(roles.ratings) + 3)
    errors_col = get_column_letter(width - 1)
    org = result.form.organizations
    limit = result.form.param(org.quota.parameter) if org is not None and org.quota is not None else None
    rng = f"A2:{get_column_letter(width)}{last}"
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f'$D2="{words(UnitState.MISSING.key, lang)}"'],
                                                   fill=AMBER_FILL))
    red = [f'$D2="{words(UnitState.REJECTED.key, lang)}"', f"AND(ISNUMBER(${errors_col}2),${errors_col}2>0)"]
    if limit is not None:
        red.append(f"AND(ISNUMBER(${within_col}2),${within_col}2>{limit})")
    ws.conditional_formatting.add(rng, FormulaRule(formula=[f"OR({','.join(red)})"], fill=RED_FILL))
