"""The unit hierarchy: who reports to whom.

The unit list is kept by the upper level as an Excel sheet (or CSV) with the columns
``ma_don_vi, ten_don_vi, cap, ma_cap_tren`` and optionally ``hieu_luc_tu, hieu_luc_den, ke_thua``
(:mod:`evalreport.model.validity`): every row is kept, and :meth:`Hierarchy.at` gives a period's
tree. Levels are configuration (:class:`LevelConfig`), never code, so a four-level province and a three-level one after the 2025 reform use the same
program. Input is expected to be dirty: every problem becomes a finding naming its row, and the
usable part of the tree is still built.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from evalreport.model.finding import Finding, make_finding
from evalreport.model.levels import LEVELS_DIR, Level, LevelConfig, load_levels
from evalreport.model.period import Period
from evalreport.model.validity import (
    Validity,
    rows_of_period,
)

__all__ = ["Level", "LevelConfig", "Unit", "Hierarchy", "HierarchyError", "load_levels", "LEVELS_DIR", "REQUIRED_COLUMNS"]

REQUIRED_COLUMNS = ("ma_don_vi", "ten_don_vi", "cap", "ma_cap_tren")


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
        self._deeper: dict[str, frozenset[str]] = {}

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

    def units_of(self, codes: Iterable[str]) -> list[Unit]:
        """The units of ``codes``, in their order (KeyError for an unknown one): one C-level
        lookup each, for a sheet that lists a province's 100,000 units."""
        return list(map(self._units.__getitem__, codes))

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

    def levels_below_children(self, code: str) -> frozenset[str]:
        """The levels of the units below ``code``'s children (a unit's form has a block of counts
        per such level). Remembered per code: the tree never changes, and at the root of 100,000
        cells finding them walks every unit (each summary workbook asks twice)."""
        found = self._deeper.get(code)
        if found is None:
            found = self._deeper[code] = frozenset(u.level for u in self.units_of(self.descendants(code))
                                                   if u.parent != code)
        return found

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
