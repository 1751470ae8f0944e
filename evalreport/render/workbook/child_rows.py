"""What the summary workbook says of each direct child of a unit: its state in the one vocabulary
(domain.md) and how many errors and warnings its subtree holds."""

from __future__ import annotations

from evalreport.model.hierarchy import Hierarchy
from evalreport.model.result import ConsolidationResult
from evalreport.model.unit_state import UnitState
from evalreport.wording.catalog import text as words

__all__ = ["child_state", "finding_counts"]


def finding_counts(result: ConsolidationResult, code: str) -> dict[str, list[int]]:
    """child of ``code`` -> [errors, warnings] anywhere in that child's subtree."""
    h = result.hierarchy
    children = set(h.children(code))
    branch: dict[str, str | None] = {}
    counts: dict[str, list[int]] = {}
    for f in result.findings:
        if not f.unit or f.unit not in h or f.severity == "info":
            continue
        child = _branch(h, f.unit, children, branch)
        if child is not None:
            counts.setdefault(child, [0, 0])[0 if f.is_error else 1] += 1
    return counts


def _branch(h: Hierarchy, unit: str, children: set[str], memo: dict[str, str | None]) -> str | None:
    """The child (one of ``children``) whose subtree holds ``unit``, or None. Walks up the
    parents and remembers every unit it passed: a province's thousands of findings share their
    wards and districts, so each is walked once, not once per finding."""
    walked: list[str] = []
    at: str | None = unit
    while at is not None and at not in children and at not in memo and at not in walked:
        walked.append(at)
        node = h.get(at)
        at = node.parent if node else None
    found = at if at in children else memo.get(at) if at is not None else None
    for u in walked:
        memo[u] = found
    return found


def child_state(result: ConsolidationResult, code: str, child: str, lang: str) -> str:
    """The child's state in the one vocabulary; a child whose subtree is partly missing says how
    many leaf units are in."""
    comp = result.completeness.get(code)
    tot = result.units.get(child)
    if comp and child in comp.with_errors:
        return words(UnitState.REJECTED.key, lang)
    if (comp and child in comp.missing) or tot is None or tot.source == "none":
        return words(UnitState.MISSING.key, lang)
    if tot.missing_units:
        return words("STATE_PARTIAL", lang, got=tot.covered_units, expected=tot.expected_units)
    return words(UnitState.ACCEPTED.key, lang)
