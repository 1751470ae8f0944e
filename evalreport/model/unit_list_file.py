"""Reading the unit list file (.xlsx/.xlsm/.xls/.ods/.csv) into a header and numbered rows."""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["read_rows", "cell_text"]


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[object]]]]:
    """Header and (row number, values) pairs; row numbers are as the officer sees them."""
    if path.suffix.lower() == ".csv":
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig") if not raw.startswith(b"\xff\xfe") else raw.decode("utf-16")
        sample = text[:4096]
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(text.splitlines(), dialect))
    else:
        from python_calamine import CalamineWorkbook

        wb = CalamineWorkbook.from_path(str(path))
        sheet = wb.get_sheet_by_index(0)
        rows = sheet.to_python(skip_empty_area=False)
    if not rows:
        return [], []
    header = [str(h).strip().lower() for h in rows[0]]
    return header, [(i + 2, list(r)) for i, r in enumerate(rows[1:]) if any(str(v).strip() for v in r if v is not None)]


def cell_text(value: object) -> tuple[str, bool]:
    """Cell value as text, and whether it was stored as a number."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, float) and value.is_integer():
        return str(int(value)), True
    if isinstance(value, (int, float)):
        return str(value), True
    return str(value), False
