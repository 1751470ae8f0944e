"""The summary workbook of one unit: its own DG-NAM submission for the next level up, plus sheets
for the officer and their leaders.

The first sheet is exactly the unit's form (same metadata and layout as its template, values =
the consolidated totals including the ``tc_<level>_<measure>`` counts, its child-rating table
kept), so the reader of the next level reads it back unchanged: cell → ward → district →
province, file to file. The added sheets (overview in the layout of an official summary table,
one row per child unit, completeness, findings, change against the previous period, charts) are
ignored by the reader.

The rows of the completeness and findings sheets, which grow with the province, and of the
children sheet are streamed into the file at save time (:mod:`.streamed_rows`); the form sheet
and the overview of a level's later units are their shape's kept part with the unit's values
filled in (:mod:`.slot_sheets`), the streamed sheets' frames kept per language and form
(:mod:`.kept_frames`), the metadata sheet's frame too (:mod:`.meta_sheet`); everything else
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
from evalreport.render.word.form_roles import FormRolesError, MemberRoles, member_roles
from evalreport.render.workbook.child_rows import child_state, finding_counts
from evalreport.render.workbook.kept_frames import declare_frame
from evalreport.render.workbook.overview_sheet import write_overview
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
    TOTAL_FILL,
    CellLook,
    RowLooks,
    header_row,
    landscape,
    put,
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
    write_overview(overview, result, code, lang, report)
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


def _fit_printed_sheets(sheets: list[Worksheet]) -> None:
    """A4 landscape one page wide for every visible sheet that set no print setup of its own (a
    change sheet with only its note): an officer may print any of them."""
    for ws in sheets:
        if ws.sheet_state == "visible" and not ws.sheet_properties.pageSetUpPr.fitToPage:
            landscape(ws)


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
    # the frame, but for the ranges naming the last child, is that of every unit of the form and language
    declare_frame(ws, ("children", tuple(heads)), (form,),
                  (ws.auto_filter.ref, *([f"A2:{get_column_letter(len(heads))}{last}"] if last >= 2 else [])))
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
