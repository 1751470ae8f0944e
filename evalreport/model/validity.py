"""Units over time: the unit list's optional columns ``hieu_luc_tu``, ``hieu_luc_den`` and ``ke_thua``.

Units are founded, merged, split, moved and dissolved every year (the district level went on
1 July 2025), so one list serves every period: each row says when it is valid and which units
it succeeds. This module reads those columns row by row, checks them (overlapping rows of one
code, a predecessor that is not in the list, a cycle of successions, a date that is not a date,
an end before a start) and picks the rows of one period. Pure: rows in, rows and findings out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from evalreport.model.dates import DateError, parse_date
from evalreport.model.finding import Finding, make_finding

__all__ = ["VALIDITY_COLUMNS", "Validity", "read_validity", "overlap_finding", "check_successions",
           "rows_of_period", "fmt_date"]

VALIDITY_COLUMNS = ("hieu_luc_tu", "hieu_luc_den", "ke_thua")
_EXCEL_EPOCH = dt.date(1899, 12, 30)



def fmt_date(day: dt.date | None) -> str:
    """A date as Vietnamese officers write it (the same in both languages: day/month/year)."""
    return day.strftime("%d/%m/%Y") if day else ""


@dataclass(frozen=True)
class Validity:
    """When a row of the unit list is valid (``None``: open on that side) and whom it succeeds."""

    start: dt.date | None = None
    end: dt.date | None = None
    succeeds: tuple[str, ...] = ()

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None or bool(self.succeeds)

    def meets(self, first: dt.date, last: dt.date) -> bool:
        """Whether the row is valid on at least one day of ``first``..``last``."""
        return (self.start is None or self.start <= last) and (self.end is None or self.end >= first)

    def overlaps(self, other: Validity) -> bool:
        return self.meets(other.start or dt.date.min, other.end or dt.date.max)

    def text(self) -> str:
        return f"{fmt_date(self.start) or '…'} – {fmt_date(self.end) or '…'}"


def _date(value: object) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # an Excel serial day number
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    return parse_date(value)  # type: ignore[arg-type]


def read_validity(extra: Mapping[str, object], row: int, code: str, file: str | None,
                  problems: list[Finding], clean_code=lambda c: c) -> Validity:
    """The validity columns of one row; every bad value becomes a finding naming the row (the row is
    kept, without the bad date, so the rest of the tree is still built)."""
    bounds: dict[str, dt.date | None] = {}
    for column in VALIDITY_COLUMNS[:2]:
        try:
            bounds[column] = _date(extra.get(column))
        except DateError:
            bounds[column] = None
            problems.append(make_finding("HIER_DATE_INVALID", "error", file=file, row=row, unit=code, params={
                "row": row, "code": code, "column": column, "text": str(extra.get(column)).strip()}))
    start, end = bounds["hieu_luc_tu"], bounds["hieu_luc_den"]
    if start is not None and end is not None and end < start:
        problems.append(make_finding("HIER_DATES_REVERSED", "error", file=file, row=row, unit=code, params={
            "row": row, "code": code, "start": fmt_date(start), "end": fmt_date(end)}))
        end = None
    raw = extra.get("ke_thua")
    text = str(int(raw)) if isinstance(raw, float) and raw.is_integer() else str(raw or "")
    succeeds = tuple(dict.fromkeys(clean_code(c.strip()) for c in re.split(r"[,;]", text) if c.strip()))
    return Validity(start, end, succeeds)


def overlap_finding(code: str, row: int, validity: Validity, first_row: int, first: Validity,
                    file: str | None) -> Finding:
    return make_finding("HIER_OVERLAP", "error", file=file, row=row, unit=code, params={
        "row": row, "code": code, "validity": validity.text(), "first_row": first_row,
        "first_validity": first.text()})


def check_successions(rows: Sequence, file: str | None) -> tuple[list[Finding], set[int]]:
    """Findings for predecessors not in the list and for cycles of successions, and the ids
    (``id(row)``) of rows whose successions are unusable (in a cycle)."""
    problems: list[Finding] = []
    codes = {r.code for r in rows}
    graph: dict[str, set[str]] = {}
    first_row: dict[str, object] = {}
    for r in rows:
        first_row.setdefault(r.code, r)
        for p in r.succeeds:
            if p not in codes:
                problems.append(make_finding("HIER_UNKNOWN_PREDECESSOR", "error", file=file, row=r.row, unit=r.code,
                                             params={"row": r.row, "code": r.code, "predecessor": p}))
            else:
                graph.setdefault(r.code, set()).add(p)
    in_cycle: set[str] = set()
    for start in sorted(graph):
        cycle = _cycle_from(graph, start, [], set())
        if cycle and not in_cycle.intersection(cycle):
            in_cycle.update(cycle)
            for c in cycle:
                r = first_row[c]
                problems.append(make_finding("HIER_SUCCESSION_CYCLE", "error", file=file, row=r.row, unit=c,
                                             params={"row": r.row, "code": c,
                                                     "cycle": " → ".join([*cycle, cycle[0]])}))
    return problems, {id(r) for r in rows if r.code in in_cycle}


def _cycle_from(graph: Mapping[str, set[str]], code: str, path: list[str], done: set[str]) -> list[str] | None:
    """A cycle of successions reachable from ``code`` (depth first; lists are short)."""
    path.append(code)
    for p in sorted(graph.get(code, ())):
        if p in path:
            return path[path.index(p):]
        if p not in done and (found := _cycle_from(graph, p, path, done)):
            return found
    done.add(code)
    path.pop()
    return None


def rows_of_period(rows: Iterable, first: dt.date, last: dt.date) -> list:
    """One row per code for the period ``first``..``last``: the units that exist on any day of it;
    for a code that moved during the period, the row valid at its end wins (else the last to end)."""
    best: dict[str, object] = {}
    for r in rows:
        if not r.validity.meets(first, last):
            continue
        old = best.get(r.code)
        if old is None or _end_key(r.validity, last) > _end_key(old.validity, last):
            best[r.code] = r
    return list(best.values())


def _end_key(v: Validity, last: dt.date) -> dt.date:
    return dt.date.max if v.end is None or v.end >= last else v.end
