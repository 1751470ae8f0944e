"""Change against the previous period for every count of every unit, and outlier warnings.

Like DHIS2's min-max outlier check: a count that moves by more than ``outlier_threshold``
(relative) from a previous value of at least ``outlier_min_base`` is listed for the officer to
confirm. Both limits are parameters of the form, so a province can tune them.
"""

from __future__ import annotations

from collections.abc import Mapping

from evalreport.aggregate.rollup import field_labels
from evalreport.form.definition import FormDefinition
from evalreport.model.finding import Finding, make_finding
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.result import Change, UnitTotals

__all__ = ["compare_periods", "compare_unit"]



def compare_periods(form: FormDefinition, hierarchy: Hierarchy, root: str, current: Mapping[str, UnitTotals],
                    previous: Mapping[str, UnitTotals], previous_period: Period | None = None,
                    ) -> tuple[list[Change], list[Finding]]:
    """A :class:`Change` for every count known in both periods; outliers also become warnings."""
    parts = [compare_unit(form, hierarchy, current.get(c), previous.get(c), previous_period)
             for c in hierarchy.subtree(root)]
    return [c for p in parts for c in p[0]], [f for p in parts for f in p[1]]


def compare_unit(form: FormDefinition, hierarchy: Hierarchy, now: UnitTotals | None, before: UnitTotals | None,
                 previous_period: Period | None = None) -> tuple[list[Change], list[Finding]]:
    """The changes and outlier warnings of one unit (an update recomputes only changed units)."""
    changes: list[Change] = []
    findings: list[Finding] = []
    if now is None or before is None or now.source == "none" or before.source == "none":
        return changes, findings
    threshold = form.param("outlier_threshold") if "outlier_threshold" in form.parameters else None
    min_base = form.param("outlier_min_base") if "outlier_min_base" in form.parameters else 0
    prev_values = before.values
    for key, cur in now.values.items():
        prev = prev_values.get(key)
        if cur is None or prev is None:
            continue
        outlier = threshold is not None and prev >= min_base and prev > 0 and abs(cur - prev) / prev > threshold
        change = Change(now.code, key, cur, prev, outlier)
        changes.append(change)
        if outlier:
            findings.append(_outlier_finding(form, hierarchy, change, threshold, previous_period))
    return changes, findings


def _outlier_finding(form: FormDefinition, hierarchy: Hierarchy, change: Change, threshold: float,
                     previous_period: Period | None) -> Finding:
    return make_finding("OUTLIER", "warning", unit=change.unit, params={
        "field": change.field, "current": change.current, "previous": change.previous,
        "unit_name": hierarchy.name(change.unit), "label": field_labels(form, hierarchy, change.field),
        "change": change.difference, "relative_pct": 100 * change.relative, "threshold_pct": 100 * threshold,
        "previous_period": str(previous_period) if previous_period else None})
