"""The outcome of a consolidation: totals, shares, completeness, quota checks, reconciliation,
changes against the previous period and findings, for every unit of a subtree.

Pure data produced by :func:`evalreport.aggregate.consolidate` and consumed by renderers, the CLI, the
ledger and the Excel panel. Shares are percentages in [0, 100], unrounded; ``None`` means "no
value" (a zero denominator) and is shown as "–".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from evalreport.form.definition import FormDefinition
from evalreport.model.finding import Finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.submission import Submission

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["UnitTotals", "Completeness", "QuotaCheck", "ReconciliationGap", "Change", "Comparison",
           "ConsolidationResult"]


@dataclass
class UnitTotals:
    code: str
    values: dict[str, int | None]  # input fields, derived fields and tc_<level>_<measure> counts
    shares: dict[str, float | None]  # share code -> percent (0-100) or None
    source: str  # "children" (summed), "own" (the unit's own submission), or "none" (no data)
    covered_units: int = 0  # leaf units whose data is included
    expected_units: int = 0  # leaf units in the subtree
    missing_units: list[str] = field(default_factory=list)  # units in the subtree with no usable data


@dataclass
class Completeness:
    """Who of a parent's direct children sent a usable submission (or are covered by their subtree)."""

    parent: str
    expected: list[str]
    received: list[str]
    missing: list[str]
    with_errors: list[str]
    by_level: dict[str, tuple[int, int]] = field(default_factory=dict)  # level -> (received, expected) in subtree

    def ratio_text(self, level: str | None = None) -> str:
        """"50/50" style text for the direct children, or for one level of the subtree."""
        if level is None:
            return f"{len(self.received)}/{len(self.expected)}"
        got, exp = self.by_level.get(level, (0, 0))
        return f"{got}/{exp}"


@dataclass
class QuotaCheck:
    """The HTXSNV quota: numerator must not exceed limit × denominator."""

    scope: str  # "members" or "organizations"
    committee: str | None  # the rating unit (a parent), or None for the whole tree
    numerator: int
    denominator: int
    limit: float  # e.g. 0.2
    level: str | None = None  # for organizations: the level of the rated units, if by level

    @property
    def ok(self) -> bool:
        return self.numerator <= self.limit * self.denominator + 1e-9

    @property
    def ratio(self) -> float | None:
        return None if not self.denominator else 100.0 * self.numerator / self.denominator


@dataclass
class ReconciliationGap:
    """A non-leaf unit's own submitted total differs from the sum of its children's."""

    unit: str
    field: str
    own_value: int | None
    children_sum: int | None
    explained_by: list[tuple[str, str, int | None]] = field(default_factory=list)  # (child, field, value)

    @property
    def difference(self) -> int | None:
        if self.own_value is None or self.children_sum is None:
            return None
        return self.own_value - self.children_sum


@dataclass
class Change:
    unit: str
    field: str
    current: int | float | None
    previous: int | float | None
    outlier: bool = False

    @property
    def difference(self) -> int | float | None:
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous

    @property
    def relative(self) -> float | None:
        if self.current is None or not self.previous:
            return None
        return (self.current - self.previous) / self.previous


@dataclass(frozen=True)
class Comparison:
    """How a unit compares with the previous period (domain.md "Comparisons must compare like
    with like", "Units over time"), made by :mod:`evalreport.aggregate.comparison`.

    ``previous``: the earlier figures mapped onto this unit through the successions (a merged
    unit: the sum of its predecessors'); empty when not ``comparable`` (founded, split, or the
    units below moved across it). ``like_for_like``: both periods cover the same units, so the
    change is a plain fact; otherwise ``reasons`` say why not, and ``common_current`` /
    ``common_previous`` are the totals over the ``units_compared`` leaf units with data in both.
    """

    unit: str
    predecessors: tuple[str, ...]
    comparable: bool
    previous: dict[str, int | float | None] = field(default_factory=dict)
    like_for_like: bool = False
    reasons: tuple[str, ...] = ()  # "new", "split", "hierarchy_changed", "missing_now", "missing_before"
    units_compared: int = 0
    common_current: dict[str, int | float | None] = field(default_factory=dict)
    common_previous: dict[str, int | float | None] = field(default_factory=dict)
    merged: int = 0  # units of the subtree formed by merging earlier units
    founded: int = 0  # units of the subtree with no predecessor
    dissolved: int = 0  # earlier units of the compared subtree with no successor
    split: int = 0  # earlier units of the compared subtree continued by several units


@dataclass
class ConsolidationResult:
    """Everything a consolidation of one form and period over ``root``'s subtree found: each unit's
    totals and shares, completeness, quota and reconciliation checks, changes against the
    previous period, findings, and which submissions are in (``accepted``) or out (``rejected``,
    ``blocked``). The reports are rendered from it alone, so one result gives the same numbers
    in the workbook, the Word report and the CLI."""

    form: FormDefinition
    period: Period
    hierarchy: Hierarchy
    root: str
    units: dict[str, UnitTotals]
    completeness: dict[str, Completeness] = field(default_factory=dict)
    quota: list[QuotaCheck] = field(default_factory=list)
    reconciliation: list[ReconciliationGap] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    accepted: dict[str, Submission] = field(default_factory=dict)  # unit code -> submission in the totals
    rejected: list[Submission] = field(default_factory=list)  # with errors, or replaced
    previous: ConsolidationResult | None = None
    blocked: list[str] = field(default_factory=list)  # units whose submission's errors keep it out of the totals
    # Per-unit outcome of every stage (evalreport.aggregate.consolidate.ConsolidationParts): what an update
    # after a few changed files starts from. Not part of the result's value.
    parts: Any = field(default=None, repr=False, compare=False)
    # unit code -> Comparison with ``previous``, computed on first use (evalreport.aggregate.comparison).
    comparisons: Mapping[str, Comparison] = field(default_factory=dict, repr=False, compare=False)

    def totals(self, code: str | None = None) -> dict[str, int | None]:
        return self.units[code or self.root].values

    def shares(self, code: str | None = None) -> dict[str, float | None]:
        return self.units[code or self.root].shares

    def value(self, field_code: str, code: str | None = None) -> int | float | None:
        t = self.units[code or self.root]
        return t.values.get(field_code, t.shares.get(field_code))

    @property
    def missing(self) -> list[str]:
        """Units in the root's subtree whose data is missing."""
        return self.units[self.root].missing_units

    def findings_for(self, code: str) -> list[Finding]:
        return [f for f in self.findings if f.unit == code]

    def frame(self) -> pd.DataFrame:
        """One row per unit of the subtree: code, name, level, parent, every field and share."""
        import pandas as pd

        rows = []
        for code in self.hierarchy.subtree(self.root):
            u = self.hierarchy.unit(code)
            t = self.units.get(code)
            row = {"ma_don_vi": code, "ten_don_vi": u.name, "cap": u.level, "ma_cap_tren": u.parent,
                   "nguon": t.source if t else "none"}
            if t:
                row.update(t.values)
                row.update(t.shares)
            rows.append(row)
        return pd.DataFrame(rows).set_index("ma_don_vi", drop=False)
