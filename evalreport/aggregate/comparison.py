"""The previous period's figures mapped onto this period's units, and whether a change is a plain fact.

Units are merged, renamed, split, moved and dissolved between two periods (the unit list's
``ke_thua``, :mod:`evalreport.model.validity`). A unit's *predecessors* are the earlier units its
figures continue: itself if its code existed then, and the units it succeeds (through
intermediate units that lived only between the two periods). A merged unit's earlier value is
the sum of its predecessors'; a rename maps one to one. A unit is *comparable* when its subtree
and its predecessors' subtrees close: nothing below it came from outside, nothing of its
predecessors went elsewhere. So after a split the parts are not comparable, and the lowest
unit holding every part (their common parent) is. A list without validity columns maps every
code onto itself, exactly as before.

A :class:`Comparison` also says whether both periods cover the same units (like for like,
domain.md); when not, it gives the totals over the leaf units with data in both periods.
Pure; comparisons are made on first use (a renderer asks for a few units of 100,000).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from evalreport.aggregate.rollup import add_into
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.result import Comparison, ConsolidationResult, UnitTotals

__all__ = ["PreviousMap", "Comparisons"]


class PreviousMap:
    """The units of ``previous`` (a consolidation of an earlier period) mapped onto ``hierarchy``
    (the current period's tree)."""

    def __init__(self, hierarchy: Hierarchy, previous: ConsolidationResult):
        self.now, self.before, self.previous = hierarchy, previous.hierarchy, previous
        # A list without validity columns: every code is its own predecessor, as always.
        self.trivial = not (hierarchy.dated or previous.hierarchy.dated)
        self._preds: dict[str, tuple[str, ...]] = {}
        self._fate: dict[str, list[str]] = {}
        self._comparable: dict[str, bool] = {}
        self._totals: dict[str, UnitTotals | None] = {}
        if not self.trivial:
            for u in hierarchy:
                preds = self._resolve(u.code, u.succeeds)
                self._preds[u.code] = preds
                for p in preds:
                    self._fate.setdefault(p, []).append(u.code)

    def _resolve(self, code: str, succeeds: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = [code] if code in self.before else []
        seen = {code}
        stack = list(reversed(succeeds))
        while stack:
            p = stack.pop()
            if p in seen:
                continue
            seen.add(p)
            if p in self.before:
                out.append(p)
            else:  # a unit that lived only between the two periods: follow its own predecessors
                stack.extend(reversed([q for r in self.now.versions(p) for q in r.succeeds]))
        return tuple(dict.fromkeys(out))

    def predecessors(self, code: str) -> tuple[str, ...]:
        if self.trivial:
            return (code,) if code in self.before else ()
        return self._preds.get(code, ())

    def successors(self, code: str) -> list[str]:
        """The current units an earlier unit continues into (none: dissolved; several: split)."""
        if self.trivial:
            return [code] if code in self.now else []
        return self._fate.get(code, [])

    def earlier_subtree(self, code: str) -> list[str]:
        """The earlier units under this unit's predecessors."""
        return list(dict.fromkeys(c for p in self.predecessors(code) for c in self.before.subtree(p)))

    def comparable(self, code: str) -> bool:
        if self.trivial:
            return code in self.before
        got = self._comparable.get(code)
        if got is None:
            preds = self.predecessors(code)
            got = bool(preds)
            if got:
                now = set(self.now.subtree(code))
                before = set(self.earlier_subtree(code))
                got = (all(set(self.predecessors(x)) <= before for x in now)
                       and all(set(self.successors(p)) <= now for p in before))
            self._comparable[code] = got
        return got

    def totals(self, code: str) -> UnitTotals | None:
        """The earlier figures of ``code`` (summed over its predecessors), or None when the unit
        is not comparable; ``source`` is "none" when a predecessor had no data."""
        if code in self._totals:
            return self._totals[code]
        units = self.previous.units
        preds = self.predecessors(code)
        if not self.comparable(code) or any(p not in units for p in preds):
            out = None
        elif len(preds) == 1:
            out = units[preds[0]]
        else:
            values: dict = {}
            for p in preds:
                add_into(values, units[p].values, units[p].values.keys())
            source = "none" if any(units[p].source == "none" for p in preds) else "children"
            out = UnitTotals(code, values, {}, source, sum(units[p].covered_units for p in preds),
                             sum(units[p].expected_units for p in preds),
                             [m for p in preds for m in units[p].missing_units])
        self._totals[code] = out
        return out


class Comparisons(Mapping[str, Comparison]):
    """unit code -> :class:`Comparison` for every unit of ``root``'s subtree, made on first use."""

    def __init__(self, mapping: PreviousMap, units: Mapping[str, UnitTotals], root: str):
        self.mapping, self.units, self.root = mapping, units, root
        self._made: dict[str, Comparison] = {}

    def __getitem__(self, code: str) -> Comparison:
        if code not in self.units:
            raise KeyError(code)
        got = self._made.get(code)
        if got is None:
            got = self._made[code] = self._compare(code)
        return got

    def __iter__(self) -> Iterator[str]:
        return iter(self.mapping.now.subtree(self.root))

    def __len__(self) -> int:
        return len(self.mapping.now.subtree(self.root))

    def _compare(self, code: str) -> Comparison:
        m, units = self.mapping, self.units
        preds = m.predecessors(code)
        comparable = m.comparable(code)
        mapped = m.totals(code)
        now = m.now.subtree(code)
        before = m.earlier_subtree(code)
        founded = sum(not m.predecessors(x) for x in now)
        merged = sum(len(m.predecessors(x)) > 1 for x in now)
        # Dissolved: earlier units with no successor, and units that ceased during this period.
        dissolved = sum(not m.successors(p) for p in before) + sum(m.now.ended(x) for x in now)
        split = sum(len(m.successors(p)) > 1 for p in before)
        changed = bool(founded or merged or dissolved or split) or set(now) != set(before) or any(
            m.predecessors(x) != (x,) for x in now)
        reasons: list[str] = []
        if not preds:
            reasons.append("new")
        elif not comparable:
            reasons.append("split" if split else "hierarchy_changed")
        elif changed:
            reasons.append("hierarchy_changed")
        if units[code].missing_units:
            reasons.append("missing_now")
        if mapped is None or mapped.missing_units or mapped.source == "none":
            if preds and comparable:
                reasons.append("missing_before")
        like = comparable and not reasons
        # The leaf units with data in both periods, and their totals in each.
        common_now: dict = {}
        common_before: dict = {}
        compared = 0
        for x in now:
            if not m.now.is_leaf(x) or units[x].source == "none":
                continue
            earlier = m.totals(x)
            if earlier is None or earlier.source == "none":
                continue
            compared += 1
            if not like:
                add_into(common_now, units[x].values, units[x].values.keys())
                add_into(common_before, earlier.values, earlier.values.keys())
        return Comparison(code, preds, comparable, dict(mapped.values) if mapped is not None else {}, like,
                          tuple(reasons), compared, common_now, common_before, merged, founded, dissolved, split)
