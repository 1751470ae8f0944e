"""The machine-readable metadata sheet of a form workbook, as plain rows of text.

Writer and reader share this one serialisation so that reading never depends on cell
positions guessed from the form: the workbook itself says which cell holds which field. The
rows are key/value text (``["form_code", "DG-NAM"]``, ``["field", "dv_tong_so", "DG-NAM", "C9"]``)
so they survive any spreadsheet program, and a checksum over all rows exposes hand edits.
Pure: no I/O, no openpyxl.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from evalreport.form.layout import CHILD_COLUMNS, FormLayout, layout_fingerprint

__all__ = ["SCHEMA_VERSION", "WorkbookMeta", "MetaError", "meta_rows", "parse_meta"]

SCHEMA_VERSION = "1"
_SINGLE_KEYS = ("schema_version", "form_code", "form_version", "unit_code", "unit_name", "level", "period",
                "kind", "generator", "lang", "input_sheet", "fingerprint")
_SINGLE_SET = frozenset(_SINGLE_KEYS)
_HEADER_PREFIX = "header_"


class MetaError(ValueError):
    """The metadata rows are incomplete or inconsistent; ``reason`` is a short code."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}" if detail else reason)


@dataclass
class WorkbookMeta:
    schema_version: str
    form_code: str
    form_version: str
    unit_code: str
    unit_name: str
    level: str
    period: str
    kind: str
    generator: str
    lang: str
    input_sheet: str
    fingerprint: str
    header_cells: dict[str, str] = field(default_factory=dict)
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (sheet, cell)
    child_first_row: int | None = None
    child_columns: dict[str, str] = field(default_factory=dict)
    children: list[tuple[str, str]] = field(default_factory=list)  # (code, name), "" code = free row

    def computed_fingerprint(self) -> str:
        children = None
        if self.child_first_row is not None:
            children = {"first_row": self.child_first_row, "columns": self.child_columns,
                        "codes": [c for c, _ in self.children]}
        cells = {code: cell for code, (_, cell) in self.fields.items()}
        return layout_fingerprint(self.form_code, self.form_version, self.unit_code, self.input_sheet,
                                  cells, children)


def _checksum(rows: Sequence[Sequence[str]]) -> str:
    """SHA-256 of the rows, cells joined by U+001F and each row ended by U+001E. Trailing
    empty cells are ignored: a spreadsheet program does not keep them."""
    lines = []
    for row in rows:
        end = len(row)
        while end and row[end - 1] == "":
            end -= 1
        lines.append("\x1f".join(row[:end]) + "\x1e")
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def meta_rows(layout: FormLayout, *, period: str, kind: str, generator: str) -> list[list[str]]:
    """All metadata rows for a workbook built from ``layout``, the checksum row last."""
    rows: list[list[str]] = [
        ["schema_version", SCHEMA_VERSION], ["form_code", layout.form_code],
        ["form_version", layout.form_version], ["unit_code", layout.unit_code],
        ["unit_name", layout.unit_name], ["level", layout.level], ["period", period], ["kind", kind],
        ["generator", generator], ["lang", layout.lang], ["input_sheet", layout.sheet],
        ["fingerprint", layout.fingerprint],
    ]
    rows += [[_HEADER_PREFIX + k, v] for k, v in layout.header_cells.items()]
    rows += [["field", f.code, layout.sheet, f.cell] for f in layout.fields]
    if layout.children is not None:
        rows.append(["children_first_row", str(layout.children.first_row)])
        rows += [["child_column", name, col] for name, col in CHILD_COLUMNS.items()]
        rows += [["child", c.code, c.name] for c in layout.children.rows]
    rows.append(["checksum", _checksum(rows)])
    return rows


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_meta(raw_rows: Sequence[Sequence[object]]) -> WorkbookMeta:
    """Parse rows as read from the sheet; raise :class:`MetaError` when they cannot be trusted.
    Rows after the checksum row are not read; empty rows are skipped.

    Read once per submitted file, so written for that: each row is normalised, checksummed and
    dispatched in one pass (the checksum's lines are the rows as kept, trailing empty cells
    already dropped, as :func:`_checksum` does)."""
    lines: list[str] = []
    checksum = None
    single: dict[str, str] = {}
    meta_fields: dict[str, tuple[str, str]] = {}
    headers: dict[str, str] = {}
    columns: dict[str, str] = {}
    children: list[tuple[str, str]] = []
    first_row = None
    singles = _SINGLE_SET
    for raw in raw_rows:
        r = [v if v.__class__ is str else _text(v) for v in raw]  # nearly every cell is text already
        while r and r[-1] == "":
            r.pop()
        if not r:
            continue
        key = r[0]
        if key == "checksum":
            checksum = r[1] if len(r) > 1 else ""
            break
        lines.append("\x1f".join(r))
        n = len(r)
        if n < 4:
            r += ("", "", "")
        if key in singles:
            single[key] = r[1]
        elif key == "field":
            meta_fields[r[1]] = (r[2], r[3])
        elif key == "child":
            children.append((r[1], r[2]))
        elif key.startswith(_HEADER_PREFIX):
            headers[key[len(_HEADER_PREFIX):]] = r[1]
        elif key == "children_first_row":
            first_row = int(r[1]) if r[1].isdigit() else None
        elif key == "child_column":
            columns[r[1]] = r[2]
    if checksum is None:
        raise MetaError("no_checksum")
    text = "\x1e".join(lines) + "\x1e" if lines else ""
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != checksum:
        raise MetaError("checksum")
    missing = [k for k in _SINGLE_KEYS if k not in single]
    if missing:
        raise MetaError("missing_keys", ", ".join(missing))
    meta = WorkbookMeta(**single, header_cells=headers, fields=meta_fields, child_first_row=first_row,
                        child_columns=columns, children=children)
    if meta.computed_fingerprint() != meta.fingerprint:
        raise MetaError("fingerprint")
    return meta
