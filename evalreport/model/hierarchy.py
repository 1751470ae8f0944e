"""The unit hierarchy: who reports to whom.

The unit list is kept by the upper level as an Excel sheet (or CSV) with the columns
``ma_don_vi, ten_don_vi, cap, ma_cap_tren`` and optionally ``hieu_luc_tu, hieu_luc_den, ke_thua``
(:mod:`evalreport.model.validity`): every row is kept, and :meth:`Hierarchy.at` gives a period's
tree. Levels are configuration (:class:`LevelConfig`), never code, so a four-level province and a three-level one after the 2025 reform use the same
program. Input is expected to be dirty: every problem becomes a finding naming its row, and the
usable part of the tree is still built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evalreport.model.finding import Finding, make_finding
from evalreport.model.levels import LEVELS_DIR, Level, LevelConfig, load_levels
from evalreport.model.period import Period
from evalreport.model.unit_list_file import cell_text, read_rows
from evalreport.model.validity import (
    VALIDITY_COLUMNS,
    Validity,
    check_successions,
    overlap_finding,
    read_validity,
    rows_of_period,
)
from evalreport.read.calamine_errors import is_file_failure

__all__ = ["Level", "LevelConfig", "Unit", "Hierarchy", "HierarchyError", "load_hierarchy", "load_levels",
           "LEVELS_DIR", "REQUIRED_COLUMNS"]

REQUIRED_COLUMNS = ("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren")
# Control characters (a vertical tab pasted from Word) are not allowed in XML: a name carrying one
# would break every workbook and report it is written into.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class HierarchyError(ValueError):
    """The unit list cannot be used at all (raised only when asked to be strict)."""

    def __init__(self, problems: Sequence[Finding]):
        self.problems = list(problems)
        super().__init__("\n".join(p.message("en") for p in self.problems))


@dataclass(frozen=True)
class Unit:
    """One Party organization of the unit list: its code, name, level and parent's code, and the
    list row it came from (``row``, for findings that point back to it)."""

    code: str
    name: str
    level: str
    parent: str | None
    row: int | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)
    validity: Validity = Validity()

    @property
    def succeeds(self) -> tuple[str, ...]:
        return self.validity.succeeds


class Hierarchy:
    """An immutable tree of units plus the problems found while building it."""

    def __init__(self, units: Iterable[Unit], levels: LevelConfig, problems: Iterable[Finding] = (),
                 source: str | None = None, fingerprint: str | None = None,
                 orders: Mapping[str, Sequence[str]] | None = None, *, rows: Iterable[Unit] | None = None,
                 period: Period | None = None):
        """``fingerprint`` and ``orders`` (unit -> :meth:`descendants`): as computed earlier for the
        same units (a cache's), so that a run does not walk 100,000 units again. ``rows``: every row
        of the list, of every period (default: ``units``); ``period``: the period this tree is of
        (``None``: the units of any time, each code's latest row)."""
        self.levels = levels
        self.source = source
        self.period = period
        self._units: dict[str, Unit] = {u.code: u for u in units}
        self.rows: list[Unit] = list(rows) if rows is not None else list(self._units.values())
        self.dated = any(r.validity.dated for r in self.rows)
        self._periods: dict[Period, Hierarchy] = {}
        self._successors: dict[str, list[str]] | None = None
        self.problems: list[Finding] = list(problems)
        self._children: dict[str, list[str]] = {c: [] for c in self._units}
        for u in self._units.values():
            if u.parent is not None and u.parent in self._units:
                self._children[u.parent].append(u.code)
        self.roots: list[str] = [u.code for u in self._units.values() if u.parent is None]
        self._fingerprint = fingerprint
        self._order: dict[str, tuple[str, ...]] = {code: tuple(o) for code, o in (orders or {}).items()}

    def fingerprint(self) -> str:
        """A digest of the levels and of every unit's code, name, level and parent: two
        hierarchies with the same fingerprint consolidate alike (a run's cache is keyed by it)."""
        if self._fingerprint is None:
            h = hashlib.sha256(self.levels.model_dump_json().encode())
            for u in self._units.values():
                h.update(f"{u.code}\0{u.name}\0{u.level}\0{u.parent}\n".encode())
                if u.validity.dated:
                    h.update(f"{u.validity}\n".encode())
            if self.dated:
                h.update(f"{self.period}".encode())
            self._fingerprint = h.hexdigest()
        return self._fingerprint

    # -- lookup ------------------------------------------------------------------------------
    def __contains__(self, code: object) -> bool:
        return code in self._units

    def __len__(self) -> int:
        return len(self._units)

    def __iter__(self) -> Iterator[Unit]:
        return iter(self._units.values())

    def unit(self, code: str) -> Unit:
        try:
            return self._units[code]
        except KeyError:
            raise KeyError(f"unknown unit code '{code}'") from None

    def get(self, code: str) -> Unit | None:
        return self._units.get(code)

    @property
    def root(self) -> str:
        """The single root; raises when the list has none or several."""
        if len(self.roots) != 1:
            raise HierarchyError(self.problems or [make_finding("HIER_NO_ROOT", "error")])
        return self.roots[0]

    # -- navigation --------------------------------------------------------------------------
    def parent(self, code: str) -> str | None:
        return self.unit(code).parent

    def children(self, code: str) -> list[str]:
        self.unit(code)
        return list(self._children[code])

    def is_leaf(self, code: str) -> bool:
        return not self._children[code]

    def descendants(self, code: str) -> list[str]:
        """All units below ``code``, depth first, parents before children."""
        order = self._order.get(code)
        if order is None:  # computed once per code: the tree never changes (a fresh list each call)
            order = []
            stack = list(reversed(self.children(code)))
            while stack:
                c = stack.pop()
                order.append(c)
                stack.extend(reversed(self._children[c]))
            self._order[code] = order = tuple(order)
        return list(order)

    def subtree(self, code: str) -> list[str]:
        return [code, *self.descendants(code)]

    def leaves(self, code: str | None = None) -> list[str]:
        codes = self.subtree(code) if code else list(self._units)
        return [c for c in codes if not self._children[c]]

    def path(self, code: str) -> list[str]:
        """Codes from the root down to ``code``."""
        out = [code]
        seen = {code}
        while (p := self.unit(out[-1]).parent) is not None and p in self._units and p not in seen:
            out.append(p)
            seen.add(p)
        return list(reversed(out))

    def ancestor_at(self, code: str, level: str) -> str | None:
        """The unit at ``level`` on the path to ``code`` (``code`` itself if it is at that level)."""
        return next((c for c in self.path(code) if self._units[c].level == level), None)

    def at_level(self, level: str, under: str | None = None) -> list[str]:
        codes = self.subtree(under) if under else list(self._units)
        return [c for c in codes if self._units[c].level == level]

    def non_leaves(self, under: str | None = None) -> list[str]:
        codes = self.subtree(under) if under else list(self._units)
        return [c for c in codes if self._children[c]]

    def bottom_up(self, code: str) -> list[str]:
        """Units of the subtree ordered so that every child comes before its parent."""
        return list(reversed(self.subtree(code)))

    def name(self, code: str) -> str:
        u = self._units.get(code) or next((r for r in reversed(self.rows) if r.code == code), None)
        return u.name if u else code

    # -- over time (evalreport.model.validity) ---------------------------------------------------
    def at(self, period: Period) -> Hierarchy:
        """The tree of ``period``: the units that exist on any day of it (a code that moved: its
        row valid at the period's end), with only the levels that have units then. A list without
        validity columns is the same tree in every period (``self``)."""
        if not self.dated or period == self.period:
            return self
        if period not in self._periods:
            chosen = {u.code: u for u in rows_of_period(self.rows, period.first_day, period.last_day)}
            placed: dict[str, Unit] = {}
            for code, u in chosen.items():  # a unit whose parent does not exist then cannot be placed
                path, cur = {code}, u
                while cur.parent is not None and cur.parent in chosen and cur.parent not in path:
                    path.add(cur.parent)
                    cur = chosen[cur.parent]
                if cur.parent is None:
                    placed[code] = u
            present = {u.level for u in placed.values()}
            levels = LevelConfig(name=self.levels.name, levels=[lv for lv in self.levels.levels if lv.key in present])
            order = [u for u in self.rows if u.code in placed and placed[u.code] is u]
            self._periods[period] = Hierarchy(order, levels, self.problems, self.source, rows=self.rows, period=period)
        return self._periods[period]

    def versions(self, code: str) -> list[Unit]:
        """Every row of ``code`` in the list, of every period, in list order."""
        return [r for r in self.rows if r.code == code]

    def successors(self, code: str) -> list[str]:
        """Codes of the units that list ``code`` in their ``ke_thua`` (a merger: one; a split: several)."""
        if self._successors is None:
            self._successors = {}
            for r in self.rows:
                for p in r.succeeds:
                    got = self._successors.setdefault(p, [])
                    if r.code not in got:
                        got.append(r.code)
        return list(self._successors.get(code, ()))

    def ended(self, code: str) -> bool:
        """Whether ``code`` ceased to exist before the end of this tree's period (it is listed, but
        only forms that expect the units of the whole period expect it)."""
        u = self._units.get(code)
        return (self.period is not None and u is not None and u.validity.end is not None
                and u.validity.end < self.period.last_day)


# -- loading ---------------------------------------------------------------------------------

def load_hierarchy(source: str | Path | Sequence[dict], levels: LevelConfig | str | Path = "default",
                   *, strict: bool = False) -> Hierarchy:
    """Load the unit list from .xlsx/.xlsm/.xls/.ods/.csv (or a list of row dicts).

    Every problem becomes a finding in ``Hierarchy.problems`` naming its row; units that cannot
    be placed (unknown parent, cycles) are left out of the tree. With ``strict=True`` any error
    raises :class:`HierarchyError` listing all of them.
    """
    cfg = levels if isinstance(levels, LevelConfig) else load_levels(levels)
    problems: list[Finding] = []
    src_name = None
    if isinstance(source, (str, Path)):
        path = Path(source)
        src_name = str(path)
        try:
            header, rows = read_rows(path)
        except BaseException as exc:  # noqa: BLE001 - any unreadable file becomes one finding
            if not is_file_failure(exc):
                raise
            f = make_finding("HIER_FILE", "error", params={"path": path.name, "reason": str(exc) or type(exc).__name__},
                             file=path.name)
            if strict:
                raise HierarchyError([f]) from None
            return Hierarchy([], cfg, [f], src_name)
    else:
        header = list(dict.fromkeys([*REQUIRED_COLUMNS, *(str(k) for r in source for k in r)]))
        rows = [(i + 2, [r.get(c) for c in header]) for i, r in enumerate(source)]
    fname = Path(src_name).name if src_name else None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        problems += [make_finding("HIER_MISSING_COLUMN", "error", params={"column": c}, file=fname) for c in missing]
        if strict:
            raise HierarchyError(problems)
        return Hierarchy([], cfg, problems, src_name)
    col = {c: header.index(c) for c in header}

    parsed: list[dict] = []
    for row, values in rows:
        def get(c: str, values=values) -> object:
            i = col[c]
            return values[i] if i < len(values) else None

        code_raw, code_num = cell_text(get("ma_don_vi"))
        parent_raw, parent_num = cell_text(get("ma_cap_tren"))
        extra = {c: get(c) for c in header if c not in REQUIRED_COLUMNS and c}
        parsed.append({
            "row": row, "code_raw": code_raw, "code_num": code_num, "parent_raw": parent_raw,
            "parent_num": parent_num, "name": _CONTROL.sub(" ", cell_text(get("ten_don_vi"))[0]).strip(),
            "level": cell_text(get("cap"))[0].strip().lower(), "extra": extra,
        })

    # Leading zeros: codes that are all digits usually share one width; a shorter one stored as
    # a number has lost its zeros (0105 -> 105).
    digit_lengths = [len(p["code_raw"].strip()) for p in parsed
                     if p["code_raw"].strip().isdigit() and not p["code_num"]]
    width = max(set(digit_lengths), key=digit_lengths.count) if digit_lengths else 0

    def clean(raw: str, was_number: bool, row: int) -> str:
        code = re.sub(r"\s+", " ", raw).strip()
        if code != raw and raw.strip():
            problems.append(make_finding("HIER_SPACES", "warning", params={"row": row, "raw": raw, "code": code},
                                         file=fname, row=row))
        if was_number and width and code.isdigit() and len(code) < width:
            fixed = code.zfill(width)
            problems.append(make_finding("HIER_LEADING_ZERO", "warning",
                                         params={"row": row, "raw": code, "code": fixed}, file=fname, row=row))
            return fixed
        return code

    dated = any(c in header for c in VALIDITY_COLUMNS)
    versions: dict[str, list[Unit]] = {}
    for p in parsed:
        row = p["row"]
        code = clean(p["code_raw"], p["code_num"], row)
        if not code:
            problems.append(make_finding("HIER_EMPTY_CODE", "error", params={"row": row}, file=fname, row=row))
            continue
        parent = clean(p["parent_raw"], p["parent_num"], row) or None
        validity = read_validity(p["extra"], row, code, fname, problems) if dated else Validity()
        clash = next((u for u in versions.get(code, ()) if u.validity.overlaps(validity)), None)
        if clash is not None:  # one code, several rows: only with disjoint validity (a unit that moved)
            problems.append(overlap_finding(code, row, validity, clash.row, clash.validity, fname)
                            if validity.dated or clash.validity.dated else
                            make_finding("HIER_DUPLICATE", "error", params={"row": row, "code": code,
                                                                            "first_row": clash.row},
                                         file=fname, row=row, unit=code))
            continue
        if p["level"] not in cfg.keys:
            problems.append(make_finding("HIER_UNKNOWN_LEVEL", "error",
                                         params={"row": row, "code": code, "level": p["level"],
                                                 "levels": ", ".join(cfg.keys)}, file=fname, row=row, unit=code))
            continue
        versions.setdefault(code, []).append(Unit(code, p["name"] or code, p["level"], parent, row, p["extra"],
                                                  validity))

    # Unknown parents (a parent of any time will do: each period's tree places its own rows).
    for code, rows_of_code in list(versions.items()):
        for u in list(rows_of_code):
            if u.parent is not None and u.parent not in versions:
                problems.append(make_finding("HIER_UNKNOWN_PARENT", "error",
                                             params={"row": u.row, "code": u.code, "parent": u.parent},
                                             file=fname, row=u.row, unit=u.code))
                rows_of_code.remove(u)
        if not rows_of_code:
            del versions[code]
    # The tree of any time: each code's latest row (a list without validity: its only row).
    units: dict[str, Unit] = {code: max(rs, key=lambda u: u.validity.end or dt.date.max)
                              for code, rs in versions.items()}
    # Cycles: follow parents; a walk that returns to a unit already on it is a cycle.
    in_cycle: set[str] = set()
    for start in units:
        seen: list[str] = []
        cur: str | None = start
        while cur is not None and cur in units and cur not in seen and cur not in in_cycle:
            seen.append(cur)
            cur = units[cur].parent
        if cur is not None and cur in seen:
            cycle = seen[seen.index(cur):]
            for c in cycle:
                if c not in in_cycle:
                    problems.append(make_finding("HIER_CYCLE", "error",
                                                 params={"row": units[c].row, "code": c,
                                                         "cycle": " → ".join([*cycle, cycle[0]])},
                                                 file=fname, row=units[c].row, unit=c))
            in_cycle.update(cycle)
    # Units under a cycle cannot be placed either.
    def reaches_cycle(code: str) -> bool:
        seen: set[str] = set()
        cur: str | None = code
        while cur is not None and cur in units and cur not in seen:
            if cur in in_cycle:
                return True
            seen.add(cur)
            cur = units[cur].parent
        return False
    for c in [c for c in units if reaches_cycle(c)]:
        del units[c]
    # Level order: a child sits strictly deeper than its parent.
    for u in units.values():
        if u.parent is not None:
            pu = units[u.parent]
            if cfg.index(u.level) <= cfg.index(pu.level):
                problems.append(make_finding("HIER_LEVEL_ORDER", "error",
                                             params={"row": u.row, "code": u.code, "level": u.level,
                                                     "parent": pu.code, "parent_level": pu.level},
                                             file=fname, row=u.row, unit=u.code))
    roots = [u.code for u in units.values() if u.parent is None]
    if len(roots) > 1:
        problems.append(make_finding("HIER_SEVERAL_ROOTS", "error",
                                     params={"count": len(roots), "codes": ", ".join(roots)}, file=fname))
    elif not roots and units:
        problems.append(make_finding("HIER_NO_ROOT", "error", file=fname))
    rows = [u for rs in versions.values() for u in rs if u.code in units]
    rows.sort(key=lambda u: u.row or 0)
    if dated:
        found, _ = check_successions(rows, fname)
        problems += found
    if strict and any(p.is_error for p in problems):
        raise HierarchyError(problems)
    return Hierarchy(units.values(), cfg, problems, src_name, rows=rows)
