"""Where everything sits in a form workbook: the single source of cell positions.

The writer places cells by this layout and records it in the workbook's hidden metadata sheet;
the reader never recomputes positions, it reads them back from that sheet and checks them
against the anchor codes in column A. Keeping the layout pure (no openpyxl, no I/O) lets the
writer, the reader, the renderer and tests agree on one description, and lets the fingerprint
detect a workbook whose recorded layout was edited.

Input sheet columns: A holds each field's code (a small grey anchor), B the label, C the value,
D a note. The child-rating table of a non-leaf unit uses A code, B name, C rating, D TSVM flag,
E reason.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from evalreport.form.definition import FormDefinition, OrganizationsDef
from evalreport.model.hierarchy import Hierarchy, LevelConfig
from evalreport.wording.catalog import text

__all__ = [
    "FormLayout", "FieldCell", "SectionRow", "ChildRow", "ChildTable", "layout_fingerprint",
    "META_SHEET", "ANCHOR_COL", "LABEL_COL", "VALUE_COL", "NOTE_COL",
    "CHILD_COLUMNS", "FREE_CHILD_ROWS",
]

META_SHEET = "_evalreport"
ANCHOR_COL, LABEL_COL, VALUE_COL, NOTE_COL = "A", "B", "C", "D"
#: Columns of the child-rating table, in the order the metadata lists them.
CHILD_COLUMNS: dict[str, str] = {"code": "A", "name": "B", "rating": "C", "tsvm": "D", "reason": "E"}
#: Rows with an open code and name in a blank template (no hierarchy to pre-fill them from).
FREE_CHILD_ROWS = 20

_HEADER_ROWS = {"title": 1, "unit_code": 2, "unit_name": 3, "level": 4, "period": 5}
_COLUMN_HEADER_ROW = 7


@dataclass(frozen=True)
class FieldCell:
    """One value cell: a form field or an aggregated ``tc_<level>_<measure>`` count."""

    code: str
    row: int
    label: str
    indent: int = 0
    note: str | None = None
    group: str = "field"  # "field" (officer input) or "tc" (organization counts carried upward)

    @property
    def cell(self) -> str:
        return f"{VALUE_COL}{self.row}"


@dataclass(frozen=True)
class SectionRow:
    title: str
    row: int
    depth: int = 1  # 1 = a form section, 2 = a sub-heading (a level within the tc block)


@dataclass(frozen=True)
class ChildRow:
    code: str  # "" for a free row of a blank template (the officer types code and name)
    name: str
    row: int


@dataclass(frozen=True)
class ChildTable:
    title: str
    title_row: int
    legend_row: int
    header_row: int
    rows: tuple[ChildRow, ...]

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.rows) - 1

    def spec(self) -> dict:
        """The machine-readable part (also hashed into the fingerprint)."""
        return {"first_row": self.first_row, "columns": dict(CHILD_COLUMNS),
                "codes": [r.code for r in self.rows]}


def layout_fingerprint(form_code: str, form_version: str, unit_code: str, sheet: str,
                       cells: Mapping[str, str], children: Mapping | None) -> str:
    """SHA-256 of the canonical field -> cell map, child table and identity.

    Writer and reader both call this: the reader on what the metadata sheet says, so an edited
    metadata sheet (a moved cell, another unit code) no longer matches its recorded fingerprint.
    """
    canon = {
        "form": form_code, "version": form_version, "unit": unit_code, "sheet": sheet,
        "cells": sorted(cells.items()),
        "children": None if children is None else {
            "first_row": int(children["first_row"]),
            "columns": sorted(dict(children["columns"]).items()),
            "codes": list(children["codes"]),
        },
    }
    return hashlib.sha256(_CANONICAL.encode(canon).encode("utf-8")).hexdigest()


# One encoder: ``json.dumps`` with options builds a new one on each call, and the reader checks
# the fingerprint of every submitted file.
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class FormLayout:
    form_code: str
    form_version: str
    title: str
    unit_code: str  # "" in a blank template
    unit_name: str
    level: str
    level_label: str
    sheet: str
    instructions_sheet: str
    sections: tuple[SectionRow, ...]
    fields: tuple[FieldCell, ...]
    children: ChildTable | None
    tc_levels: tuple[str, ...]
    lang: str = "vi"

    # -- views -----------------------------------------------------------------------------
    @property
    def header_cells(self) -> dict[str, str]:
        """Header value cells: title, unit code and name, level, period."""
        return {k: (LABEL_COL if k == "title" else VALUE_COL) + str(r) for k, r in _HEADER_ROWS.items()}

    @property
    def column_header_row(self) -> int:
        return _COLUMN_HEADER_ROW

    @property
    def is_blank(self) -> bool:
        return not self.unit_code

    def cell_map(self) -> dict[str, str]:
        """Field code -> A1 cell on the input sheet."""
        return {f.code: f.cell for f in self.fields}

    def field(self, code: str) -> FieldCell:
        return next(f for f in self.fields if f.code == code)

    @property
    def last_row(self) -> int:
        rows = [f.row for f in self.fields] + [s.row for s in self.sections]
        if self.children is not None:
            rows.append(self.children.last_row)
        return max(rows)

    @property
    def fingerprint(self) -> str:
        return layout_fingerprint(self.form_code, self.form_version, self.unit_code, self.sheet,
                                  self.cell_map(), self.children.spec() if self.children else None)

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def for_unit(cls, form: FormDefinition, unit_code: str, hierarchy: Hierarchy, lang: str = "vi") -> FormLayout:
        """The layout of ``unit_code``'s workbook: its direct children in the rating table and
        one block of ``tc_<level>_<measure>`` rows per level found deeper than the children."""
        unit = hierarchy.unit(unit_code)
        children = [(c, hierarchy.name(c)) for c in hierarchy.children(unit_code)]
        deeper = hierarchy.levels_below_children(unit_code)
        tc_levels = [k for k in hierarchy.levels.keys if k in deeper]
        level_label = hierarchy.levels.get(unit.level).label.get(lang) if unit.level in hierarchy.levels.keys \
            else unit.level
        return cls._build(form, unit.code, unit.name, unit.level, level_label, children, tc_levels,
                          hierarchy.levels, lang)

    @classmethod
    def blank(cls, form: FormDefinition, lang: str = "vi", free_rows: int = FREE_CHILD_ROWS) -> FormLayout:
        """A generic layout for no particular unit: code, name and period are typed by the officer
        and the rating table (if the form has one) has open rows."""
        children = [("", "")] * free_rows if form.organizations is not None else []
        return cls._build(form, "", "", "", "", children, [], None, lang)

    @classmethod
    def _build(cls, form: FormDefinition, unit_code: str, unit_name: str, level: str, level_label: str,
               children: list[tuple[str, str]], tc_levels: list[str], levels: LevelConfig | None,
               lang: str) -> FormLayout:
        row = _COLUMN_HEADER_ROW + 1
        sections: list[SectionRow] = []
        fields: list[FieldCell] = []
        for section in form.sections:
            sections.append(SectionRow(section.title.get(lang), row))
            row += 1
            for f in section.fields:
                fields.append(FieldCell(f.code, row, f.label.get(lang), f.indent,
                                        f.note.get(lang) if f.note else None))
                row += 1
        org = form.organizations
        table = None
        if org is not None and children:
            row += 1
            table = ChildTable(org.title.get(lang), row, row + 1, row + 2,
                               tuple(ChildRow(c, n, row + 3 + i) for i, (c, n) in enumerate(children)))
            row = table.last_row + 1
        if org is not None and tc_levels and levels is not None:
            row += 1
            sections.append(SectionRow(text("TPL_DEEPER_LEVELS", lang), row))
            row += 1
            for key in tc_levels:
                sections.append(SectionRow(levels.get(key).label.get(lang), row, depth=2))
                row += 1
                for measure in org.measures:
                    fields.append(FieldCell(OrganizationsDef.field_code(key, measure), row,
                                            org.measure_label(measure, lang), 1, None, "tc"))
                    row += 1
        return cls(form.code, form.version, form.title.get(lang), unit_code, unit_name, level, level_label,
                   form.code, text("TPL_INSTRUCTIONS_SHEET", lang), tuple(sections),
                   tuple(fields), table, tuple(tc_levels), lang)

