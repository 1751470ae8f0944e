"""Update a consolidation after a few units' submissions changed, touching only what they touch.

A province's rerun after one corrected file should not redo 10,000 units' work. A unit's
intake depends only on its own submissions; its totals only on its children's totals and its
own submission; its quota and changes only on its own totals. So after a change to units D,
only D's intake and the totals, gaps, quota and changes of D and their ancestors can differ,
and everything else is taken from the previous result's :class:`ConsolidationParts`.
Completeness depends on which units have data at all, so it is recomputed (for the whole
tree, it is one cheap pass) only when a recomputed unit's source or blocked state changed.

The result equals :func:`evalreport.aggregate.consolidate` on the full set of submissions, field for field
and in the same order (a property test holds the two together). Pure, like the rest of the core.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from evalreport.aggregate.comparison import PreviousMap
from evalreport.aggregate.consolidate import (
    ConsolidationParts,
    _gap_lookup,
    accepted_blocked,
    assemble,
    completeness_by_parent,
    intake_context,
    store_gaps,
    store_unit_checks,
)
from evalreport.aggregate.expected import not_expected
from evalreport.aggregate.quota import QuotaPlan
from evalreport.aggregate.rollup import UnitRoller
from evalreport.check.intake import intake_unit
from evalreport.form.definition import FormDefinition
from evalreport.model.hierarchy import Hierarchy
from evalreport.model.period import Period
from evalreport.model.result import Completeness, ConsolidationResult, UnitTotals
from evalreport.model.submission import Submission

__all__ = ["ConsolidationBase", "update_consolidation", "update_parts", "UpdateNotPossible"]


class UpdateNotPossible(ValueError):
    """The previous result cannot be updated (made without parts); consolidate from scratch."""


def update_consolidation(old: ConsolidationResult, changed: Mapping[str, Sequence[Submission]], *,
                         previous: ConsolidationResult | None = None) -> ConsolidationResult:
    """``old`` with the submissions of the units in ``changed`` replaced by the given ones.

    ``changed`` maps a unit code to *all* its submissions now (an empty list: it has none any
    more). ``old`` must come from :func:`evalreport.aggregate.consolidate` (or this function) with the same
    form, period, hierarchy and root, and ``previous`` must be the previous period's result it
    was made with; ``old`` is not modified.
    """
    if old.parts is None:
        raise UpdateNotPossible("the previous result carries no parts to update")
    return update_parts(ConsolidationBase(old.form, old.period, old.hierarchy, old.root, old.units,
                                          old.completeness, old.parts),
                        changed, previous=old.previous if previous is None else previous)


class ConsolidationBase(NamedTuple):
    """What an update starts from: a consolidation's parts, totals and completeness, without
    the result's lists (a run cache stores and restores these; assembling the lists it would
    replace at once costs a province's rerun ~15 ms)."""

    form: FormDefinition
    period: Period
    hierarchy: Hierarchy
    root: str
    units: dict[str, UnitTotals]
    completeness: dict[str, Completeness]
    parts: ConsolidationParts


def update_parts(base: ConsolidationBase, changed: Mapping[str, Sequence[Submission]], *,
                 previous: ConsolidationResult | None) -> ConsolidationResult:
    """:func:`update_consolidation` from a :class:`ConsolidationBase` (``previous``: the previous
    period's result the base was made with)."""
    form, period, hierarchy, root = base.form, base.period, base.hierarchy, base.root
    ctx = intake_context(form, period, hierarchy, root, previous)
    # what accepted_blocked() gave the changed units before (the result's accepted and blocked)
    before = {u: base.parts.intake.get(u) for u in changed if u in ctx.in_tree}
    was_accepted = {u for u, got in before.items() if got is not None and got.accepted is not None}
    was_blocked = {u for u, got in before.items() if got is not None and got.accepted is None
                   and got.blocked is not None}
    parts: ConsolidationParts = copy.copy(base.parts)
    for name in ("intake", "gaps", "gap_findings", "members", "organizations", "changes"):
        setattr(parts, name, dict(getattr(parts, name)))
    for unit, subs in changed.items():
        if subs:
            parts.intake[unit] = intake_unit(ctx, subs)
        else:
            parts.intake.pop(unit, None)

    subtree = hierarchy.subtree(root)
    accepted, blocked = accepted_blocked(parts, subtree)
    dirty: set[str] = set()
    for unit in changed:
        if unit in ctx.in_tree:
            dirty.update(hierarchy.path(unit)[hierarchy.path(unit).index(root):])
    units = dict(base.units)
    roller = UnitRoller(form, hierarchy)
    gap_of = _gap_lookup(parts)
    quota = QuotaPlan(form, hierarchy, root)
    before = PreviousMap(hierarchy, previous) if previous is not None else None
    sources_changed = any((u in was_accepted) != (u in accepted) for u in changed)
    sources_changed |= any((u in was_blocked) != (u in blocked) for u in changed)
    for code in sorted(dirty, key=lambda c: -len(hierarchy.path(c))):  # children before parents
        source = units[code].source
        units[code], gaps = roller.roll(code, units, accepted, blocked, gap_of)
        sources_changed |= source != units[code].source
        store_gaps(form, hierarchy, parts, code, gaps, units)
        store_unit_checks(form, hierarchy, parts, quota, code, units, accepted, before)
    parts.tree = quota.tree(units[root], root in accepted)
    completeness = (completeness_by_parent(hierarchy, root, units, set(blocked), not_expected(form, hierarchy, root))
                    if sources_changed
                    else base.completeness)
    return assemble(form, period, hierarchy, root, units, completeness, parts, previous, (accepted, blocked),
                    before)
