"""Writing form workbooks: the fill-in templates officers receive, filled copies (for tests, demo
data and migrations) and the workbook a summary is rendered into.

Everything placed here comes from :class:`~evalreport.form.layout.FormLayout`, and the layout is
recorded in a very hidden metadata sheet so that the reader finds values by code, not position.
Text that comes from outside (unit names, typed values) is always written as text, never as a
formula. Files are saved atomically.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.utils import column_index_from_string
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.worksheet import Worksheet

from evalreport.aggregate.expected import ceased_ratings
from evalreport.form.definition import FormDefinition
from evalreport.form.layout import (
    ANCHOR_COL,
    CHILD_COLUMNS,
    LABEL_COL,
    NOTE_COL,
    VALUE_COL,
    FormLayout,
)
from evalreport.form.metadata import meta_rows
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period, parse_period
from evalreport.model.submission import ChildRating
from evalreport.render.letterhead import UnitReportSettings
from evalreport.render.workbook.form_blocks import (
    FormBlocks,
    fit_row_height,
    form_blocks,
    signature_lines,
    top_block_lines,
    wrapped_lines,
)
from evalreport.render.workbook.form_validations import add_validations
from evalreport.render.workbook.kept_sheets import instructions_sheet
from evalreport.render.workbook.meta_sheet import metadata_sheet
from evalreport.render.workbook.slot_sheets import SheetCells, slotted_sheet
from evalreport.render.workbook.template_styles import (
    ANCHOR,
    HEADER,
    INPUT,
    INPUT_TEXT,
    NOTE,
    PREFILLED,
    SECTION,
    SUBSECTION,
    TITLE,
    label_style,
    protect_a4_portrait,
    register_styles,
)
from evalreport.render.workbook.xlsx_cells import merge_across
from evalreport.store.atomic import atomic_path
from evalreport.store.file_names import unit_file_name
from evalreport.wording.catalog import text

__all__ = ["build_form_workbook", "make_template", "fill_template", "template_file_name", "unit_row_lines", "generator_name"]

_FORMULA_START = ("=", "+", "-", "@")
_WIDTHS = {"A": 13, "B": 58, "C": 16, "D": 22, "E": 30}
_LABEL_COL_INDEX, _NOTE_COL_INDEX = column_index_from_string(LABEL_COL), column_index_from_string(NOTE_COL)


def generator_name() -> str:
    """What the metadata sheet records as the workbook's writer (this evalreport and its version)."""
    from evalreport import __version__

    return f"evalreport {__version__}"


def _put(ws: Worksheet, ref: str, value: object, style: str | None = None) -> Cell:
    """Write a value; text that Excel would take for a formula stays text."""
    cell = ws[ref]
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters pasted from Word are not XML
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
    if style:
        cell.style = style
    return cell


def build_form_workbook(form: FormDefinition, unit_code: str | None, period: Period | None,
                        hierarchy: Hierarchy | None, *, values: Mapping[str, object] | None = None,
                        ratings: Iterable[ChildRating | Mapping] | None = None, kind: str = "template",
                        lang: str = "vi", deadline: dt.date | None = None,
                        report: UnitReportSettings | None = None, workbook: Workbook | None = None) -> Workbook:
    """The workbook of ``unit_code`` for ``period``, not saved (the renderer adds sheets).

    ``unit_code=None`` (or no hierarchy) builds the generic blank template. ``values`` and
    ``ratings`` fill input cells exactly as given (strings stay strings), so tests can build
    the files officers really send, good and bad. ``deadline`` (the workspace's, for the period)
    is stated on the instructions sheet. ``report`` (the workspace's report settings for the unit)
    words the head and signature blocks; None leaves place and names to be filled in by hand.
    ``workbook``: a new workbook whose style table already holds the named styles (a
    :func:`~.style_table.prepared_workbook`), else one is made and they are registered.
    """
    if kind not in ("template", "summary"):
        raise ValueError(f"kind must be 'template' or 'summary', not {kind!r}")
    if period is not None and period.kind not in form.period_types and not (
            kind == "summary" and form.rolls_up_to(period.kind)):  # a monthly form's quarter, rolled up
        raise ValueError(f"form {form.code} is reported per {'/'.join(form.period_types)}, not per {period.kind} ({period})")
    layout = (FormLayout.for_unit(form, unit_code, hierarchy, lang) if unit_code and hierarchy is not None
              else FormLayout.blank(form, lang))
    wb = workbook
    if wb is None:
        wb = Workbook()
        register_styles(wb)
    ws = wb.active
    ws.title = layout.sheet
    blocks = form_blocks(form.code, period.label(layout.lang) if period else "", hierarchy if unit_code else None,
                         layout.unit_code or None, report, layout.lang)

    def write(cells: SheetCells) -> None:
        _write_header(cells, layout, period, kind)
        count_cells = _write_fields(cells, layout)
        rating_cells = _write_children(cells, layout, form)
        if cells.build:
            add_validations(ws, form, layout, count_cells, rating_cells)
        _page_setup(ws, layout)
        last_row = _write_form_blocks(cells, layout, blocks)
        ws.print_area = f"A1:E{last_row}"
        _fill_values(cells, layout, values or {}, strict=kind == "template")
        if ratings:
            _fill_ratings(cells, layout, ratings, lang)

    if ratings:  # a unit's own ratings: cells written over others, no shape of its own
        write(SheetCells(ws, True))
    else:  # in full, or (a level's later summary workbooks) its part filled in per shape
        slotted_sheet(ws, _shape(layout, kind, period), (form,), write)
    instructions_sheet(wb, form, layout, lang, deadline)  # kept per level for prepared workbooks
    metadata_sheet(wb, meta_rows(layout, period=str(period) if period is not None else "", kind=kind,
                                 generator=generator_name()))  # its frame kept for prepared workbooks
    if kind == "template":
        wb.security = WorkbookProtection(lockStructure=True)
    wb.active = 0
    return wb


#: The header rows' labels and the column headings, by the layout's cell keys.
_HEADER_LABELS = {"unit_code": "TPL_UNIT_CODE", "unit_name": "TPL_UNIT_NAME", "level": "TPL_LEVEL",
                  "period": "TPL_PERIOD"}
_COLUMN_LABELS = {ANCHOR_COL: "TPL_FIELD_CODE", LABEL_COL: "TPL_FIELD", VALUE_COL: "TPL_VALUE", NOTE_COL: "TPL_NOTE"}
_CHILD_LABELS = {"code": "TPL_CHILD_CODE", "name": "TPL_CHILD_NAME", "rating": "TPL_RATING", "tsvm": "TPL_TSVM",
                 "reason": "TPL_REASON"}


def _shape(layout: FormLayout, kind: str, period: Period | None) -> tuple:
    """What the form sheet's markup depends on besides its values (:mod:`.slot_sheets`): the
    layout without the unit's and its children's codes and names, the kind and the period."""
    children = layout.children
    if children is not None:
        children = dataclasses.replace(children, rows=tuple(
            dataclasses.replace(r, code="", name="") for r in children.rows))
        filled = tuple(bool(r.code) for r in layout.children.rows)
    else:
        filled = ()
    return ("form", kind, str(period), layout.is_blank, filled,
            repr(dataclasses.replace(layout, unit_code="", unit_name="", children=children)))


def _put_value(cells: SheetCells, ref: str, value: object, style: str | None = None) -> None:
    """:func:`_put` of a value the unit gives (a slot of the sheet's shape)."""
    col, row = coordinate_from_string(ref)
    cells.slot(row, column_index_from_string(col), value)
    if cells.build:
        _put(cells.ws, ref, value, style)


def _write_header(cells: SheetCells, layout: FormLayout, period: Period | None, kind: str) -> None:
    ws = cells.ws
    cells_at = layout.header_cells
    lang = layout.lang
    title = layout.title + (f" {text('TPL_SUMMARY', lang)}" if kind == "summary" else "")
    _put_value(cells, cells_at["title"], title, TITLE)
    if cells.build:
        ws.row_dimensions[1].height = 24
    blank = layout.is_blank
    header_values = {
        "unit_code": layout.unit_code, "unit_name": layout.unit_name, "level": layout.level_label,
        "period": period.label(layout.lang) if period else "",
    }
    for key, value in header_values.items():
        ref = cells_at[key]
        row = int(ref[1:])
        _put_value(cells, f"{LABEL_COL}{row}", text(_HEADER_LABELS[key], lang), label_style(0))
        open_cell = blank and key != "level" or (key == "period" and period is None)
        _put_value(cells, ref, value or None, INPUT_TEXT if open_cell else PREFILLED)
    if cells.build:
        header_row = layout.column_header_row
        for col, key in _COLUMN_LABELS.items():
            _put(ws, f"{col}{header_row}", text(key, lang), HEADER)


def _write_fields(cells: SheetCells, layout: FormLayout) -> list[str]:
    ws = cells.ws
    if cells.build:
        for section in layout.sections:
            _put(ws, f"{LABEL_COL}{section.row}", section.title, SECTION if section.depth == 1 else SUBSECTION)
    found = []
    for f in layout.fields:
        if cells.build:
            _put(ws, f"{ANCHOR_COL}{f.row}", f.code, ANCHOR)
            _put(ws, f"{LABEL_COL}{f.row}", f.label, label_style(f.indent))
            ws[f.cell].style = INPUT
            if f.note:
                _put(ws, f"{NOTE_COL}{f.row}", f.note, NOTE)
        found.append(f.cell)
    return found


def _write_children(cells: SheetCells, layout: FormLayout, form: FormDefinition) -> list[int]:
    ws, build = cells.ws, cells.build
    table = layout.children
    org = form.organizations
    if table is None or org is None:
        return []
    if build:
        _put(ws, f"{LABEL_COL}{table.title_row}", table.title, SECTION)
        legend = "; ".join(f"{r.code} = {r.label.get(layout.lang)}" for r in org.ratings)
        _put(ws, f"{LABEL_COL}{table.legend_row}", text("TPL_LEGEND", layout.lang, items=legend), NOTE)
        merge_across(ws, table.legend_row, _LABEL_COL_INDEX, _NOTE_COL_INDEX + 1)  # B:E
        ws.row_dimensions[table.legend_row].height = 30
        for key, label in _CHILD_LABELS.items():
            _put(ws, f"{CHILD_COLUMNS[key]}{table.header_row}", text(label, layout.lang), HEADER)
    c = CHILD_COLUMNS
    for child in table.rows:
        free = child.code == ""
        _put_value(cells, f"{c['code']}{child.row}", child.code or None, INPUT_TEXT if free else PREFILLED)
        _put_value(cells, f"{c['name']}{child.row}", child.name or None, INPUT_TEXT if free else PREFILLED)
        if build:
            for key in ("rating", "tsvm", "reason"):
                ws[f"{c[key]}{child.row}"].style = INPUT_TEXT
    return [r.row for r in table.rows]


def _write_form_blocks(cells: SheetCells, layout: FormLayout, blocks: FormBlocks) -> int:
    """The report form's head beside the header rows (columns D:E, which the header leaves free)
    and its place-date line and signatures two rows below the last data row; returns the last row."""
    first_header = min(int(ref[1:]) for key, ref in layout.header_cells.items() if key != "title")
    cells.lines(top_block_lines(blocks, first_header, _NOTE_COL_INDEX, _NOTE_COL_INDEX + 1))
    name_row = int(layout.header_cells["unit_name"][1:])
    cells.shape.append(wrapped_lines(layout.unit_name, _WIDTHS[VALUE_COL]))
    if cells.build:
        fit_row_height(cells.ws, name_row, layout.unit_name, _WIDTHS[VALUE_COL])
    signatures = signature_lines(blocks, layout.last_row + 2, (_LABEL_COL_INDEX, _LABEL_COL_INDEX),
                                 (_NOTE_COL_INDEX, _NOTE_COL_INDEX + 1))
    cells.lines(signatures)
    return signatures[-1].row


def unit_row_lines(layout: FormLayout, blocks: FormBlocks) -> tuple[int, ...]:
    """The line counts :func:`_write_form_blocks` sizes rows for from unit-specific text (the unit
    name, the head's lines, the signer's block): two units whose counts agree get the same row
    heights, which is what lets a template be cloned from another unit's (``template_clone``)."""
    head = _WIDTHS[NOTE_COL] + _WIDTHS["E"]
    return (wrapped_lines(layout.unit_name, _WIDTHS[VALUE_COL]),
            *(wrapped_lines(v, head, 11) for v in (blocks.issuer, blocks.receiver, blocks.form, blocks.period)),
            wrapped_lines(blocks.signs_for, head))


def _page_setup(ws: Worksheet, layout: FormLayout) -> None:
    for col, width in _WIDTHS.items():
        ws.column_dimensions[col].width = width
    ws.freeze_panes = f"A{layout.column_header_row + 1}"
    protect_a4_portrait(ws)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.print_title_rows = f"{layout.column_header_row}:{layout.column_header_row}"
    ws.print_area = f"A1:E{layout.last_row}"


def _fill_values(cells: SheetCells, layout: FormLayout, values: Mapping[str, object], *, strict: bool) -> None:
    cell_map = layout.cell_map()
    unknown = sorted(set(values) - set(cell_map))
    if unknown and strict:
        raise ValueError(f"not fields of {layout.form_code} for unit {layout.unit_code or '(blank)'}: "
                         f"{', '.join(unknown)}")
    for code, ref in cell_map.items():  # every input cell a slot, a value or empty
        value = values.get(code)
        col, row = coordinate_from_string(ref)
        cells.slot(row, column_index_from_string(col), value)
        if cells.build and value is not None:
            _put(cells.ws, ref, value)


def _fill_ratings(cells: SheetCells, layout: FormLayout, ratings: Iterable[ChildRating | Mapping], lang: str) -> None:
    ws = cells.ws
    table = layout.children
    if table is None:
        raise ValueError(f"unit {layout.unit_code} has no children to rate")
    by_code = {r.code: r.row for r in table.rows if r.code}
    free = [r.row for r in table.rows if not r.code]
    c = CHILD_COLUMNS
    for item in ratings:
        r = item if isinstance(item, ChildRating) else ChildRating(
            code=str(item["code"]), name=str(item.get("name") or ""), rating=item.get("rating"),
            tsvm=bool(item.get("tsvm")), reason=item.get("reason"), raw_rating=item.get("raw_rating"))
        if r.code in by_code:
            row = by_code[r.code]
        elif free:
            row = free.pop(0)
            _put(ws, f"{c['code']}{row}", r.code)
            _put(ws, f"{c['name']}{row}", r.name or None)
        else:
            raise ValueError(f"{r.code} is not a child of {layout.unit_code}")
        typed = r.raw_rating if r.raw_rating is not None else r.rating
        _put(ws, f"{c['rating']}{row}", typed)
        _put(ws, f"{c['tsvm']}{row}", text("TPL_TSVM_YES", lang) if r.tsvm else None)
        _put(ws, f"{c['reason']}{row}", r.reason)


def _save(wb: Workbook, path: str | Path) -> Path:
    path = Path(path)
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def make_template(form: FormDefinition, unit_code: str, period: Period | str | int, hierarchy: Hierarchy,
                  path: str | Path, lang: str = "vi", deadline: dt.date | None = None,
                  report: UnitReportSettings | None = None) -> Path:
    """Write the fill-in workbook ``unit_code`` receives for ``period`` (its instructions state
    ``deadline`` when given; ``report``: the unit's report settings for the signature blocks; public: a
    period may be given as text, parsed here once), over the period's tree: its children that ceased
    during the period come pre-rated "Không đánh giá" with the reason."""
    period = parse_period(period)
    hierarchy = hierarchy.at(period)
    ratings = ceased_ratings(form, hierarchy, unit_code, lang)
    return _save(build_form_workbook(form, unit_code, period, hierarchy, ratings=ratings or None, lang=lang,
                                     deadline=deadline, report=report), path)


def fill_template(form: FormDefinition, unit_code: str, period: Period | str | int, hierarchy: Hierarchy,
                  path: str | Path, values: Mapping[str, object],
                  ratings: Iterable[ChildRating | Mapping] | None = None, lang: str = "vi") -> Path:
    """Write the workbook as the officer of ``unit_code`` would send it back, with ``values`` typed in
    (public: a period may be given as text, parsed here once)."""
    return _save(build_form_workbook(form, unit_code, parse_period(period), hierarchy, values=values, ratings=ratings,
                                     lang=lang), path)




def template_file_name(form_code: str, period: Period, unit_code: str) -> str:
    """``<FORM>_<period>_<code>.xlsx`` from codes only; anything outside [A-Za-z0-9_-] becomes ``_``
    (so a code like ``../x`` cannot leave the output folder)."""
    return unit_file_name(form_code, period, unit_code)
