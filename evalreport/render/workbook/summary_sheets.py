"""The secondary sheets of the summary workbook: completeness, findings, change against the
previous period and native Excel charts.

Completeness (a row per unit below the unit) and findings (a row per finding) grow with the
province; their rows are returned as a :class:`~.streamed_rows.SheetBody` that is written as
XML when the workbook is saved, while their frame (header, widths, panes, filter, print setup)
is set here through openpyxl like every other sheet.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.model.hierarchy import Hierarchy
from evalreport.model.result import ConsolidationResult
from evalreport.model.unit_state import UnitState
from evalreport.render.rating_colors import rating_color
from evalreport.render.word.form_roles import member_roles
from evalreport.render.word.narrative_context import comparison_reasons
from evalreport.render.workbook.chart_parts import chart_for
from evalreport.render.workbook.column_rows import ColumnRows
from evalreport.render.workbook.kept_frames import declare_frame
from evalreport.render.workbook.streamed_rows import BodyRow, SheetBody
from evalreport.render.workbook.xlsx_cells import (
    AMBER_FILL,
    RED_FILL,
    CellLook,
    header_row,
    landscape,
    look,
    put,
    put_share,
    set_widths,
)
from evalreport.wording.catalog import describe
from evalreport.wording.catalog import text as words

__all__ = ["write_completeness", "write_findings", "write_change", "write_charts", "short_label"]

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
_MESSAGE_WIDTH = 75


def _lines(value: object, width: int) -> int:
    """Rows of text a wrapped cell needs (column width in characters, a little generous)."""
    text = str(value or "")
    return max(1, -(-len(text) * 11 // (width * 10)))


def short_label(label: str) -> str:
    """"Hoàn thành nhiệm vụ (HTNV)" -> "HTNV" (column headings and chart categories stay short);
    else the label."""
    if "(" in label and ")" in label:
        inner = label[label.index("(") + 1:label.index(")")]
        if inner.isupper():
            return inner
    return label


def write_completeness(ws: Worksheet, result: ConsolidationResult, code: str, lang: str) -> SheetBody:
    """Every unit below ``code``: did its file arrive, was it usable, which file, how much of its
    subtree has data. Returns the rows, one per unit, to be streamed when the workbook is saved."""
    h = result.hierarchy
    heads = [*(words(k, lang) for k in ("WB_NO", "WB_CODE", "WB_NAME", "WB_LEVEL", "WB_PARENT", "WB_STATUS",
                                        "WB_FILE", "WB_RECEIVED_AT")),
             words("WB_COVERED", lang)]
    header_row(ws, 1, heads)
    units = h.descendants(code)
    set_widths(ws, [6, 12, 36, 22, 12, 18, 34, 17, 14])
    ws.freeze_panes = "C2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}{max(len(units) + 1, 2)}"
    landscape(ws, "1:1")
    declare_frame(ws, ("completeness", tuple(heads)), (), (ws.auto_filter.ref,))
    return SheetBody(ws, _completeness_rows(ws, result, units, lang), first_row=2, count=len(units),
                     width=len(heads))


def _completeness_rows(ws: Worksheet, result: ConsolidationResult, units: list[str], lang: str) -> ColumnRows:
    """The rows as columns (:class:`~.column_rows.ColumnRows`): a province's sheet has a row per
    unit, 108,856 at 100,000 cells, so each column is made in one comprehension from the units'
    plain fields, with no object per row. Their looks are resolved now, while openpyxl's style
    table can still take them."""
    h = result.hierarchy
    center, left = look(ws, align="center"), look(ws, align="left")
    sent, missing = words(UnitState.ACCEPTED.key, lang), words(UnitState.MISSING.key, lang)
    blocked_status, red = words(UnitState.REJECTED.key, lang), look(ws, align="center", fill=RED_FILL)
    amber = look(ws, align="center", fill=AMBER_FILL)
    level_labels = {level.key: level.label.get(lang) for level in h.levels.levels}
    blocked = set(result.blocked)
    blocked |= {s.unit_code for s in result.rejected if s.unit_code not in result.accepted
                and any(f.is_error for f in s.findings)}
    rejected_files = {s.unit_code: s for s in result.rejected}
    nodes = h.units_of(units)
    subs = list(map(result.accepted.get, units))
    status, status_looks = [sent] * len(units), [center] * len(units)
    for k in [k for k, sub in enumerate(subs) if sub is None]:  # the few units without an accepted file
        unit = units[k]
        subs[k] = rejected_files.get(unit)
        status[k], status_looks[k] = (blocked_status, red) if unit in blocked else \
            (missing, amber if h.is_leaf(unit) else center)
    provs = [sub.provenance if sub is not None else None for sub in subs]
    files = [(prov.name or None) if prov is not None else None for prov in provs]
    # dd/mm/yyyy hh:mm: each time to the minute by isoformat ("yyyy-mm-dd hh:mm", in C), each
    # distinct minute rearranged once (strftime per file took five times as long)
    minutes = [prov.modified.isoformat(" ", "minutes") if prov is not None and prov.modified is not None else None
               for prov in provs]
    shown = {m: f"{m[8:10]}/{m[5:7]}/{int(m[:4])} {m[11:16]}" for m in set(minutes) if m is not None}
    received = list(map(shown.get, minutes))
    pairs = [(t.covered_units, t.expected_units) if t is not None else None for t in map(result.units.get, units)]
    ratios = {p: words("WB_RATIO", lang, got=p[0], exp=p[1]) for p in set(pairs) if p is not None}  # a few
    covered = list(map(ratios.get, pairs))
    columns = [(range(1, len(units) + 1), center), (units, center), ([n.name for n in nodes], left),
               ([level_labels[n.level] for n in nodes], center), ([n.parent for n in nodes], center),
               (status, status_looks), (files, left), (received, center), (covered, center)]
    return ColumnRows(columns, len(units))


def write_findings(ws: Worksheet, result: ConsolidationResult, code: str, lang: str) -> SheetBody:
    """Every finding inside ``code``'s subtree, errors first. Returns the rows, one per finding,
    to be streamed when the workbook is saved."""
    h = result.hierarchy
    heads = [words(k, lang) for k in ("WB_SEVERITY", "WB_CODE", "WB_NAME", "WB_FILE", "WB_SHEET", "WB_CELL",
                                      "WB_RULE", "WB_MESSAGE")]
    header_row(ws, 1, heads)
    inside = _subtree(h, code) if result.findings else ()
    items = sorted((f for f in result.findings if f.unit is None or f.unit in inside),
                   key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), f.unit or "", f.file or ""))
    if not items:
        put(ws, 2, 1, words("WB_NO_FINDINGS", lang), border=False)
    set_widths(ws, [10, 11, 30, 30, 12, 7, 22, _MESSAGE_WIDTH])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{max(len(items) + 1, 2)}"
    landscape(ws, "1:1")
    declare_frame(ws, ("findings", tuple(heads), bool(items)), (), (ws.auto_filter.ref,))
    return SheetBody(ws, _findings_rows(ws, result, items, lang), first_row=2, count=len(items), width=len(heads))


def _subtree(h: Hierarchy, code: str) -> Container[str]:
    """The units of ``code``'s subtree; for the root that is the whole list, so no set of a
    province's units is built."""
    if code in h.roots:
        return h
    return set(h.subtree(code))


def _findings_rows(ws: Worksheet, result: ConsolidationResult, items: list, lang: str) -> Iterator[BodyRow]:
    """The rows, produced at save time; their looks are resolved now, while openpyxl's style
    table can still take them."""
    h = result.hierarchy
    center, left = look(ws, align="center"), look(ws, align="left")

    def looks(severity: CellLook) -> tuple[CellLook, ...]:
        return (severity, center, left, left, center, center, center, left)

    severity_looks = {"error": looks(look(ws, align="center", fill=RED_FILL)),
                      "warning": looks(look(ws, align="center", fill=AMBER_FILL))}
    plain = looks(center)
    severity_words = {s: words(f"WB_{s.upper()}", lang) for s in ("error", "warning", "info")}

    def rows() -> Iterator[BodyRow]:
        for f in items:  # an empty cell is None, not "" (see the completeness rows)
            name = (h.name(f.unit) or None) if f.unit and f.unit in h else None
            file, message = f.file or None, describe(f, lang)
            # wrapped text needs an explicit height: spreadsheet programs do not grow rows written by a script
            lines = max(_lines(message, _MESSAGE_WIDTH), _lines(file, 30), _lines(name, 30))
            yield ((severity_words.get(f.severity, f.severity), f.unit or None, name, file, f.sheet or None,
                    f.cell or (f"{f.row}" if f.row else None), f.rule, message),
                   severity_looks.get(f.severity, plain), 15.0 * lines)

    return rows()


def write_change(ws: Worksheet, result: ConsolidationResult, code: str, lang: str) -> None:
    """Each field of the unit this period and the previous one (mapped onto this period's units
    through the successions); outliers flagged. When the two periods do not cover the same units,
    a note says why and three more columns compare over the leaf units with data in both
    (domain.md "Comparisons must compare like with like")."""
    form = result.form
    prev_period = result.previous.period if result.previous else result.period.previous()
    current = result.units[code].values
    comparison = result.comparisons.get(code) if result.comparisons else None
    previous: dict[str, int | float | None] = {}
    if comparison is not None and comparison.comparable:
        previous = dict(comparison.previous)
    elif comparison is None and result.previous is not None and code in result.previous.units \
            and result.previous.units[code].source != "none":
        previous = dict(result.previous.units[code].values)
    elif comparison is None:
        previous = {c.field: c.previous for c in result.changes if c.unit == code}
    outliers = {c.field for c in result.changes if c.unit == code and c.outlier}
    put(ws, 1, 1, f"{result.hierarchy.name(code)}: {result.period.label(lang)} / {prev_period.label(lang)}",
        bold=True, border=False)
    common = comparison is not None and not comparison.like_for_like and comparison.units_compared > 0
    if comparison is not None and not comparison.like_for_like:
        note = words("WB_NOT_LIKE", lang, reasons=comparison_reasons(result, code, comparison, lang))
        if common:
            note += " " + words("WB_COMMON_NOTE", lang, n=comparison.units_compared)
        put(ws, 2, 1, note, border=False)
    if not previous and not common:
        put(ws, 3, 1, words("WB_NO_PREVIOUS", lang, period=prev_period.label(lang)), border=False)
        set_widths(ws, [60])
        return
    heads = [words(k, lang) for k in ("WB_ITEM", "WB_CURRENT", "WB_PREVIOUS", "WB_DIFFERENCE",
                                      "WB_RELATIVE", "WB_OUTLIER")]
    if common:
        heads += [words(k, lang) for k in ("WB_COMMON_CURRENT", "WB_COMMON_PREVIOUS", "WB_COMMON_DIFFERENCE")]
    header_row(ws, 3, heads)
    row = 3
    codes = [f.code for f in form.fields] + [d.code for d in form.derived]
    for fcode in codes:
        cur, prev = current.get(fcode), previous.get(fcode)
        row += 1
        diff = None if cur is None or prev is None else cur - prev
        put(ws, row, 1, form.label(fcode, lang), align="left")
        put(ws, row, 2, cur)
        put(ws, row, 3, prev)
        put(ws, row, 4, diff, fmt="+#,##0;-#,##0;0")
        put_share(ws, row, 5, None if diff is None or not prev else 100.0 * diff / prev)
        put(ws, row, 6, words("WB_YES", lang) if fcode in outliers else "", align="center",
            fill=RED_FILL if fcode in outliers else None)
        if common:
            c_now, c_before = comparison.common_current.get(fcode), comparison.common_previous.get(fcode)
            put(ws, row, 7, c_now)
            put(ws, row, 8, c_before)
            put(ws, row, 9, None if c_now is None or c_before is None else c_now - c_before, fmt="+#,##0;-#,##0;0")
    set_widths(ws, [58, 13, 13, 13, 13, 12] + ([15, 15, 15] if common else []))
    ws.freeze_panes = "B4"
    landscape(ws, "3:3")


def write_charts(ws: Worksheet, children: Worksheet, last_row: int, result: ConsolidationResult, code: str,
                 lang: str) -> None:
    """Native Excel charts: members by rating per child unit (stacked bars, from the children
    sheet) and members by rating for the unit itself (from a small table on this sheet). Each
    chart is made once per process for what it is built from (:mod:`.chart_parts`)."""
    form = result.form
    roles = member_roles(form)
    first_rating_col = 8  # STT, code, name, status, total, evaluated, % evaluated, then the ratings
    ratings = len(roles.ratings)
    if last_row >= 2:
        def by_child() -> BarChart:
            chart = BarChart()
            chart.type = "bar"
            chart.grouping = "stacked"
            chart.overlap = 100
            chart.title = words("WB_CHART_CHILDREN", lang)
            chart.y_axis.title = words("WB_MEMBERS_AXIS", lang)
            data = Reference(children, min_col=first_rating_col, max_col=first_rating_col + ratings - 1,
                             min_row=1, max_row=last_row)
            chart.add_data(data, titles_from_data=True)
            chart.set_categories(Reference(children, min_col=3, min_row=2, max_row=last_row))
            chart.x_axis.scaling.orientation = "maxMin"  # first unit at the top, as in the table
            chart.y_axis.crosses = "max"  # ... and the value axis at the bottom
            for k, series in enumerate(chart.series):
                series.graphicalProperties.solidFill = rating_color(k)
                series.graphicalProperties.line.solidFill = rating_color(k)
            chart.legend.position = "b"
            return chart

        key = ("children", lang, ratings, children.title, first_rating_col, last_row)
        ws.add_chart(chart_for(by_child, key, width=24, height=max(7.5, 0.6 * (last_row - 1) + 4)), "E2")
    values = result.units[code].values
    header_row(ws, 1, [words(k, lang) for k in ("WB_RATING", "WB_ITEM", "WB_COUNT")])
    for i, c in enumerate(roles.ratings, start=2):
        label = form.label(c, lang)
        put(ws, i, 1, short_label(label), align="center")
        put(ws, i, 2, label, align="left")
        put(ws, i, 3, values.get(c))

    def of_unit() -> BarChart:
        members = BarChart()
        members.type = "col"
        members.title = words("WB_CHART_MEMBERS", lang)
        members.add_data(Reference(ws, min_col=3, min_row=1, max_row=1 + ratings), titles_from_data=True)
        members.set_categories(Reference(ws, min_col=1, min_row=2, max_row=1 + ratings))
        members.legend = None
        for i in range(ratings):  # each rating in its own colour, as in the chart above
            point = DataPoint(idx=i)
            point.graphicalProperties.solidFill = rating_color(i)
            members.series[0].dPt.append(point)
        members.dataLabels = DataLabelList()
        members.dataLabels.showVal = True
        for flag in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
            setattr(members.dataLabels, flag, False)
        return members

    anchor_row = 2 + max(16, int(0.6 * last_row) + 10) if last_row >= 2 else 8
    ws.add_chart(chart_for(of_unit, ("members", lang, ratings, ws.title), width=16, height=8), f"E{anchor_row}")
    set_widths(ws, [10, 44, 11])
    landscape(ws)
