"""What the summary workbook says of each direct child of a unit: its state in the one vocabulary
(domain.md) and how many errors and warnings its subtree holds."""

from __future__ import annotations

from evalreport.model.hierarchy import Hierarchy
from evalreport.model.result import ConsolidationResult
from evalreport.model.unit_state import UnitState
from evalreport.wording.catalog import text as words

__all__ = ["child_state", "finding_counts"]


def finding_counts(result: ConsolidationResult, code: str) -> dict[str, list[int]]:
    """child of ``code`` -> [errors, warnings] anywhere in that child's subtree (children without
    any are left out)."""
    index = _subtree_counts(result)
    return {child: list(index[child]) for child in result.hierarchy.children(code) if child in index}


# The last result's index: (its findings list, its hierarchy, how many findings) and the index.
# An all-levels run asks for every non-leaf unit of one result; scanning every finding of the
# run for each unit cost a province ~2.3 ms a unit at 1,000 findings (and grew with both).
_INDEX: list[tuple[tuple[object, object, int], dict[str, list[int]]]] = []


def _subtree_counts(result: ConsolidationResult) -> dict[str, list[int]]:
    """unit -> [errors, warnings] of the findings on that unit or anywhere below it, made once per
    result (the result's findings list and hierarchy held, so their ids are not reused while the
    index is kept; a list grown or shrunk in place makes a new index)."""
    key = (result.findings, result.hierarchy, len(result.findings))
    if _INDEX and _INDEX[0][0][0] is key[0] and _INDEX[0][0][1] is key[1] and _INDEX[0][0][2] == key[2]:
        return _INDEX[0][1]
    h = result.hierarchy
    ancestors: dict[str, list[str]] = {}  # a unit -> itself and every unit above it
    counts: dict[str, list[int]] = {}
    for f in result.findings:
        if not f.unit or f.unit not in h or f.severity == "info":
            continue
        chain = ancestors.get(f.unit)
        if chain is None:
            chain = ancestors[f.unit] = _chain(h, f.unit)
        slot = 0 if f.is_error else 1
        for u in chain:
            entry = counts.get(u)
            if entry is None:
                entry = counts[u] = [0, 0]
            entry[slot] += 1
    _INDEX[:] = [(key, counts)]
    return counts


def _chain(h: Hierarchy, unit: str) -> list[str]:
    """``unit`` and its parents up to the root (a cycle, which a hierarchy never has, stops the walk)."""
    chain: list[str] = []
    at: str | None = unit
    while at is not None and at not in chain:
        chain.append(at)
        node = h.get(at)
        at = node.parent if node else None
    return chain


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
